package io.github.lxcconf.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Proxmox: start refusals, cgroup2 incompatibilities and mount point consistency (PVE205-PVE210)")
class ProxmoxStartChecksTest {

    private static final String SOURCE = "/etc/pve/lxc/101.conf";
    private static final List<String> CODES = List.of("PVE205", "PVE206", "PVE207", "PVE208", "PVE209", "PVE210");

    private static LxcConfig pve(String text) {
        return LxcConfig.reader().dialect(Dialect.PROXMOX).sourceName(SOURCE).parse(text);
    }

    private static List<Diagnostic> found(String text, Optional<Boolean> cgroup2) {
        ValidationOptions options = cgroup2.map(c -> ValidationOptions.defaults().withCgroup2Host(c))
                .orElse(ValidationOptions.defaults());
        return pve(text).validate(options).diagnostics().stream()
                .filter(d -> CODES.contains(d.code().id())).toList();
    }

    /**
     * One expected diagnostic: "CODE SEVERITY LINE MARKER": the column is where MARKER first occurs on that line
     * (MARKER "^" is the value column after "key: ").
     */
    private static List<String> expected(String text, String... specs) {
        String[] lines = text.split("\n", -1);
        List<String> out = new ArrayList<>();
        for (String spec : specs) {
            String[] p = spec.split(" ", 4);
            String line = lines[Integer.parseInt(p[2]) - 1];
            int column = p[3].equals("^") ? line.indexOf(": ") + 3 : line.indexOf(p[3]) + 1;
            assertThat(column).as("marker " + p[3] + " in " + line).isPositive();
            out.add(p[0] + " " + p[1] + " " + p[2] + ":" + column);
        }
        return out;
    }

    static Stream<Arguments> cases() {
        String unprivRootfsQuota = "arch: amd64\nunprivileged: 1\nrootfs: local-lvm:vm-101-disk-0,quota=1,size=8G\n";
        return Stream.of(
                Arguments.of("unprivileged, quota on rootfs, cgroup2 host by default", unprivRootfsQuota,
                        Optional.empty(), new String[] {"PVE205 ERROR 3 quota=", "PVE206 WARNING 3 quota="}),
                Arguments.of("unprivileged, quota on rootfs, cgroup v1 host", unprivRootfsQuota, Optional.of(false),
                        new String[] {"PVE205 ERROR 3 quota="}),
                Arguments.of("privileged, quota on rootfs", "arch: amd64\nrootfs: local:101/vm-101-disk-0.raw,quota=1\n",
                        Optional.empty(), new String[] {"PVE206 WARNING 2 quota="}),
                Arguments.of("privileged, quota on rootfs, cgroup v1 host",
                        "arch: amd64\nrootfs: local:101/vm-101-disk-0.raw,quota=1\n", Optional.of(false),
                        new String[] {}),
                Arguments.of("unprivileged: 0 and quota on mp0",
                        "arch: amd64\nunprivileged: 0\nmp0: local-lvm:vm-101-disk-1,mp=/srv,quota=1\n",
                        Optional.empty(), new String[] {"PVE206 WARNING 3 quota="}),
                Arguments.of("quota=0 on an unprivileged container",
                        "arch: amd64\nunprivileged: 1\nrootfs: local-lvm:vm-101-disk-0,quota=0\n",
                        Optional.empty(), new String[] {}),
                Arguments.of("quota=yes is quota=1; unprivileged written last",
                        "arch: amd64\nmp3: tank:subvol-101-disk-3,quota=yes,mp=/data\nunprivileged: 1\n",
                        Optional.empty(), new String[] {"PVE205 ERROR 2 quota=", "PVE206 WARNING 2 quota="}),
                Arguments.of("quota on rootfs and on mp0",
                        "unprivileged: 1\nrootfs: a:vm-1,quota=1\nmp0: a:vm-2,mp=/x,quota=1\n", Optional.empty(),
                        new String[] {"PVE205 ERROR 2 quota=", "PVE206 WARNING 2 quota=", "PVE205 ERROR 3 quota=",
                                "PVE206 WARNING 3 quota="}),
                Arguments.of("quota in a snapshot only", "arch: amd64\nunprivileged: 1\nrootfs: a:vm-1\n\n[snap]\n"
                        + "rootfs: a:vm-1,quota=1\nunprivileged: 1\n", Optional.empty(), new String[] {}),
                Arguments.of("ostype centos", "arch: amd64\nostype: centos\n", Optional.empty(),
                        new String[] {"PVE207 INFO 2 ^"}),
                Arguments.of("ostype ubuntu", "ostype: ubuntu\narch: amd64\n", Optional.of(true),
                        new String[] {"PVE207 INFO 1 ^"}),
                Arguments.of("ostype ubuntu on a cgroup v1 host", "ostype: ubuntu\n", Optional.of(false),
                        new String[] {}),
                Arguments.of("ostype debian", "ostype: debian\n", Optional.empty(), new String[] {}),
                Arguments.of("ostype centos in a snapshot only", "ostype: debian\n[snap]\nostype: centos\n",
                        Optional.empty(), new String[] {}),
                Arguments.of("two mount points at one path", "rootfs: a:vm-1\nmp0: a:vm-2,mp=/data\n"
                        + "mp1: a:vm-3,mp=/data/\n", Optional.empty(), new String[] {"PVE208 WARNING 3 mp="}),
                Arguments.of("mp= before the volume", "mp1: mp=//srv//x,a:vm-3\nmp0: a:vm-2,mp=/srv/x\n",
                        Optional.empty(), new String[] {"PVE208 WARNING 2 mp="}),
                Arguments.of("a mount point at / hides the rootfs", "rootfs: a:vm-1\nmp0: /srv/root,mp=/\n",
                        Optional.empty(), new String[] {"PVE208 WARNING 2 mp="}),
                Arguments.of("one volume used by rootfs and mp0", "rootfs: a:vm-1,size=8G\nmp0: a:vm-1,mp=/x\n",
                        Optional.empty(), new String[] {"PVE209 WARNING 2 a:vm-1"}),
                Arguments.of("one volume used by two mount points, keyed volume=", "mp0: a:vm-2,mp=/x\n"
                        + "mp7: mp=/y,volume=a:vm-2\n", Optional.empty(), new String[] {"PVE209 WARNING 2 volume="}),
                Arguments.of("one host directory bind-mounted twice is fine", "mp0: /srv/a,mp=/x\nmp1: /srv/a,mp=/y\n",
                        Optional.empty(), new String[] {}),
                Arguments.of("relative mount path", "mp0: /srv/a,mp=data\n", Optional.empty(),
                        new String[] {"PVE210 WARNING 1 mp="}),
                Arguments.of("a later mpN line replaces the earlier", "mp0: a:vm-2,mp=/x\nmp0: a:vm-3,mp=/x\n",
                        Optional.empty(), new String[] {}),
                Arguments.of("mp256 is no mount point (PVE101 reports it)", "mp0: a:vm-2,mp=/x\nmp256: a:vm-2,mp=/x\n",
                        Optional.empty(), new String[] {}),
                Arguments.of("missing mp= (PVE104 reports it)", "mp0: a:vm-2\nmp1: a:vm-3\n", Optional.empty(),
                        new String[] {}),
                Arguments.of("a pending quota counts at the next start",
                        "unprivileged: 1\nrootfs: a:vm-101-disk-0,size=8G\n[pve:pending]\nrootfs: a:vm-101-disk-0,quota=1\n",
                        Optional.of(false), new String[] {"PVE205 ERROR 4 quota="}),
                Arguments.of("a pending unprivileged: 1 makes the quota a refusal",
                        "rootfs: a:vm-101-disk-0,quota=1\n[pve:pending]\nunprivileged: 1\n",
                        Optional.of(false), new String[] {"PVE205 ERROR 1 quota="}),
                Arguments.of("a pending delete removes the duplicate mount point",
                        "mp0: a:vm-2,mp=/x\nmp1: a:vm-3,mp=/x\n[pve:pending]\ndelete: mp1\n",
                        Optional.empty(), new String[] {}),
                Arguments.of("a pending mount point clashes with a current one",
                        "mp0: a:vm-2,mp=/x\n[pve:pending]\nmp1: a:vm-3,mp=/x\n",
                        Optional.empty(), new String[] {"PVE208 WARNING 3 mp="}),
                Arguments.of("a snapshot's options do not count",
                        "mp0: a:vm-2,mp=/x\n[snap1]\nmp1: a:vm-3,mp=/x\n",
                        Optional.empty(), new String[] {}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void table(String name, String text, Optional<Boolean> cgroup2, String[] specs) {
        assertThat(found(text, cgroup2))
                .extracting(d -> d.code().id() + " " + d.severity() + " " + d.line() + ":" + d.column())
                .containsExactlyElementsOf(expected(text, specs));
    }

    @Test
    void quotaMessagesAndHints() {
        List<Diagnostic> d = found("arch: amd64\nunprivileged: 1\nrootfs: local-lvm:vm-101-disk-0,quota=1,size=8G\n",
                Optional.empty());
        assertThat(d).containsExactly(
                new Diagnostic(Severity.ERROR, DiagnosticCode.PVE_QUOTA_UNPRIVILEGED,
                        "Proxmox will refuse to start this container because rootfs has quota=1 and the container is"
                                + " unprivileged (unprivileged: 1); the start stops with \"Quotas are not supported by"
                                + " unprivileged containers.\"",
                        Optional.of("remove quota=1 from rootfs (limit the space with the volume's size instead)"),
                        SOURCE, 3, 33),
                new Diagnostic(Severity.WARNING, DiagnosticCode.PVE_QUOTA_CGROUP2,
                        "quota=1 on rootfs does not work on a cgroup2 host because file system quotas are not"
                                + " supported in a pure cgroup v2 environment (Proxmox VE 7 and later; Proxmox VE 9"
                                + " has no cgroup v1 at all)",
                        Optional.of("remove quota=1 from rootfs (limit the space with the volume's size instead)"),
                        SOURCE, 3, 33));
        assertThat(pve("unprivileged: 1\nrootfs: a:vm-1,quota=1\n").validate().errors())
                .extracting(x -> x.code().id()).containsExactly("PVE205");
    }

    @Test
    void oldSystemdMessageNamesTheReleasesAndTheFixes() {
        Diagnostic centos = found("ostype: centos\n", Optional.empty()).get(0);
        assertThat(centos.message()).isEqualTo("ostype centos: if this container's systemd is older than 231 (as in"
                + " CentOS 7), it does not start properly on a cgroup2 host because that systemd cannot run in a pure"
                + " cgroup v2 environment (Proxmox VE 7 and later); Proxmox then prints \"WARN: old systemd (< v232)"
                + " detected, container won't run in a pure cgroupv2 environment!\" when it starts");
        assertThat(centos.hint()).contains("check the container's systemd version with 'pct exec 101 -- systemctl"
                + " --version' (or 'systemctl --version' inside it); if it is older than 231, upgrade the"
                + " distribution to a newer release, install a newer systemd from backports, or run it in a virtual"
                + " machine instead");
        Diagnostic ubuntu = found("ostype: ubuntu\n", Optional.empty()).get(0);
        assertThat(ubuntu.message()).contains("(as in Ubuntu 16.10 and older)");
        LxcConfig noVmid = LxcConfig.reader().dialect(Dialect.PROXMOX).sourceName("ct.conf").parse("ostype: centos\n");
        assertThat(noVmid.validate().diagnostics()).filteredOn(x -> x.code() == DiagnosticCode.PVE_OLD_SYSTEMD_CGROUP2)
                .singleElement().satisfies(x -> assertThat(x.hint().orElseThrow())
                        .contains("'pct exec <vmid> -- systemctl --version'"));
    }

    @Test
    void mountPointMessages() {
        assertThat(found("rootfs: a:vm-1\nmp0: a:vm-2,mp=/data\nmp1: a:vm-3,mp=/data/\n", Optional.empty()))
                .singleElement().satisfies(d -> {
                    assertThat(d.message()).isEqualTo("mp1 is mounted at /data, where mp0 (line 2) is mounted too:"
                            + " inside the container one hides the other");
                    assertThat(d.hint()).contains("give mp1 a path of its own");
                });
        assertThat(found("rootfs: a:vm-1,size=8G\nmp0: a:vm-1,mp=/x\n", Optional.empty())).singleElement()
                .satisfies(d -> assertThat(d.message()).isEqualTo("mp0 uses the volume 'a:vm-1', which rootfs"
                        + " (line 1) uses already: one volume should belong to one mount point"));
        assertThat(found("rootfs: a:vm-1,size=8G\nmp0: a:vm-1,mp=/x\n", Optional.empty()).get(0).hint())
                .contains("give mp0 a volume of its own (pct set 101 -mp0 STORAGE:SIZE_GB,mp=...), or remove the line");
        assertThat(found("mp0: /srv/a,mp=./data\n", Optional.empty())).singleElement().satisfies(d -> {
            assertThat(d.message()).isEqualTo("mp0 has mp=./data, which is not an absolute path: the mount path is"
                    + " the place inside the container, starting at its root");
            assertThat(d.hint()).contains("write mp=/data");
        });
    }

    @Test
    void nativeConfigsGetNoProxmoxChecks() {
        LxcConfig lxc = LxcConfig.reader().dialect(Dialect.LXC).sourceName("ct.conf")
                .parse("lxc.uts.name = ct\n# ostype: centos\n");
        assertThat(lxc.validate(ValidationOptions.defaults().withCgroup2Host(true)).diagnostics())
                .noneMatch(d -> CODES.contains(d.code().id()));
    }
}
