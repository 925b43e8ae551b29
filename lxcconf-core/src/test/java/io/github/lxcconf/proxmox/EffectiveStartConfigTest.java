package io.github.lxcconf.proxmox;

import io.github.lxcconf.testing.Classroom;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.include.EffectiveConfig;
import io.github.lxcconf.include.EffectiveValue;
import io.github.lxcconf.include.IncludedFile;
import io.github.lxcconf.include.Provenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The effective native config of a Proxmox container: the start config with the files of the node's
 * {@code /usr/share/lxc/config} it includes, shipped with lxcconf or read from a directory.
 */
class EffectiveStartConfigTest {

    /** The classroom config of the examples, its template flag cleared (0 in place: every line keeps its number). */
    static final String CLASSROOM = Classroom.STARTABLE;

    private static LxcConfig pve(String name, String text) {
        return LxcConfig.reader().dialect(Dialect.PROXMOX).sourceName(name).parse(text);
    }

    private static String where(EffectiveValue v) {
        return v.provenance().source() + ":" + v.provenance().line() + " " + v.key() + " = " + v.value();
    }

    @Test
    void theClassroomContainerReadsUbuntuCommonConfThenCommonConf() {
        StartConfig start = pve("102.conf", CLASSROOM).startConfig();
        EffectiveConfig eff = start.effective().orElseThrow();
        assertThat(eff.stoppedBy()).isEmpty();
        assertThat(eff.diagnostics()).isEmpty();
        assertThat(eff.files()).extracting(f -> f.depth() + " " + f.config().sourceName()).containsExactly(
                "0 /var/lib/lxc/102/config",
                "1 /usr/share/lxc/config/ubuntu.common.conf",
                "2 /usr/share/lxc/config/common.conf",
                "3 /usr/share/lxc/config/common.conf.d/00-lxcfs.conf");
        // shipped copies have no path on this machine
        assertThat(eff.files().subList(1, 4)).allSatisfy(f -> assertThat(f.path()).isEmpty());
        assertThat(eff.files().get(1).includedFrom()).contains(new Provenance("/var/lib/lxc/102/config", 6));

        // the device lines in liblxc's order: common.conf's, ubuntu.common.conf's v1 rules, the raw lines
        assertThat(eff.values("lxc.cgroup2.devices.deny")).extracting(EffectiveStartConfigTest::where)
                .containsExactly("/usr/share/lxc/config/common.conf:50 lxc.cgroup2.devices.deny = a");
        assertThat(eff.values("lxc.cgroup.devices.allow")).extracting(EffectiveStartConfigTest::where)
                .contains("/usr/share/lxc/config/ubuntu.common.conf:32 lxc.cgroup.devices.allow = c 10:232 rwm",
                        "/var/lib/lxc/102/config:25 lxc.cgroup.devices.allow = c 10:232 rwm",
                        "/var/lib/lxc/102/config:26 lxc.cgroup.devices.allow = c 10:200 rwm");
        assertThat(eff.values("lxc.cgroup2.devices.allow")).noneMatch(v -> v.value().contains("10:232"));
        // the placeholders of the shipped files are filled in
        assertThat(eff.values("lxc.hook.mount")).extracting(EffectiveValue::value)
                .containsExactly("/usr/share/lxcfs/lxc.mount.hook");
        assertThat(eff.value("lxc.seccomp.profile").map(EffectiveValue::value))
                .contains("/usr/share/lxc/config/common.seccomp");
        assertThat(eff.entries()).noneMatch(v -> v.value().contains("@") || v.value().contains("{{"));
        // memory and CPU, each leading back to its Proxmox line
        assertThat(eff.value("lxc.cgroup2.memory.max").map(EffectiveStartConfigTest::where))
                .contains("/var/lib/lxc/102/config:15 lxc.cgroup2.memory.max = 4294967296");
        assertThat(start.origin(15)).contains(new Provenance("102.conf", 4));
        assertThat(start.origin(17)).contains(new Provenance("102.conf", 8)); // swap
        assertThat(start.origin(25)).contains(new Provenance("102.conf", 13));
        assertThat(start.origin(26)).contains(new Provenance("102.conf", 16));
        assertThat(start.origin(27)).contains(new Provenance("102.conf", 17));
        assertThat(start.origin(28)).contains(new Provenance("102.conf", 2)); // cores -> cpuset
        assertThat(start.origin(1)).isEmpty();
        assertThat(start.origin(0)).isEmpty();
        assertThat(start.origin(29)).isEmpty();
        assertThat(eff.lxc().capabilities().list()).isNotEmpty();
    }

    @Test
    void anUnprivilegedContainerLosesCommonConfsDeviceRulesToUsernsConf() {
        StartConfig start = pve("200.conf", """
                arch: amd64
                ostype: debian
                rootfs: local:200/vm-200-disk-0.raw,size=8G
                unprivileged: 1
                dev0: /dev/net/tun
                console: 0
                """).startConfig();
        EffectiveConfig eff = start.effective().orElseThrow();
        assertThat(eff.files()).extracting(f -> f.config().sourceName()).containsExactly(
                "/var/lib/lxc/200/config",
                "/usr/share/lxc/config/debian.common.conf",
                "/usr/share/lxc/config/common.conf",
                "/usr/share/lxc/config/common.conf.d/00-lxcfs.conf",
                "/usr/share/lxc/config/debian.userns.conf",
                "/usr/share/lxc/config/userns.conf");
        List<String> rules = new ArrayList<>();
        eff.values("lxc.cgroup2.devices.allow").forEach(v -> rules.add(v.value()));
        eff.values("lxc.cgroup2.devices.deny").forEach(v -> rules.add(v.value()));
        assertThat(rules).containsExactly("c 10:200 rw", "c 5:1 rwm");
        int dev = eff.values("lxc.cgroup2.devices.allow").get(0).provenance().line();
        assertThat(start.origin(dev)).contains(new Provenance("200.conf", 5));
        // userns.conf clears the capability list and mounts sys read-write, Proxmox then mixes it
        assertThat(eff.values("lxc.cap.drop")).isEmpty();
        assertThat(eff.values("lxc.mount.auto")).extracting(EffectiveValue::value).contains("sys:mixed");
    }

    @Test
    void aContainerProxmoxRefusesHasNoEffectiveConfig() {
        StartConfig start = pve("300.conf", "arch: amd64\nostype: debian\ntemplate: 1\n").startConfig();
        assertThat(start.refusal()).contains("you can't start a CT if it's a template");
        assertThat(start.effective()).isEmpty();
        assertThat(start.config()).isEmpty();
        assertThat(start.origin(1)).isEmpty();
    }

    @Test
    void anOstypeWithoutItsOwnFilesIncludesCommonConf() {
        EffectiveConfig eff = pve("101.conf", "arch: amd64\nostype: nixos\nrootfs: local:1\nunprivileged: 1\n")
                .startConfig().effective().orElseThrow();
        assertThat(eff.files()).extracting(f -> f.config().sourceName()).containsExactly("/var/lib/lxc/101/config",
                "/usr/share/lxc/config/common.conf", "/usr/share/lxc/config/common.conf.d/00-lxcfs.conf",
                "/usr/share/lxc/config/userns.conf");
    }

    @Test
    void aDirectoryWinsFileByFileAndTheShippedCopiesFillTheGaps(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("common.conf"), "# a node's own\nlxc.cgroup2.devices.deny = a\n"
                + "lxc.include = /usr/share/lxc/config/common.conf.d/\n");
        Files.createDirectories(dir.resolve("common.conf.d"));
        Files.writeString(dir.resolve("common.conf.d/01-pve.conf"),
                "lxc.hook.pre-start = /usr/share/lxc/hooks/lxc-pve-prestart-hook\n");
        StartConfig start = pve("102.conf", CLASSROOM).startConfig();
        EffectiveConfig eff = start.effective(dir).orElseThrow();
        assertThat(eff.stoppedBy()).isEmpty();
        assertThat(eff.files()).extracting(IncludedFile::path, f -> f.config().sourceName()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Optional.empty(), "/var/lib/lxc/102/config"),
                org.assertj.core.groups.Tuple.tuple(Optional.empty(), "/usr/share/lxc/config/ubuntu.common.conf"),
                org.assertj.core.groups.Tuple.tuple(Optional.of(dir.resolve("common.conf")),
                        dir.resolve("common.conf").toString()),
                org.assertj.core.groups.Tuple.tuple(Optional.of(dir.resolve("common.conf.d/01-pve.conf")),
                        dir.resolve("common.conf.d/01-pve.conf").toString()));
        assertThat(eff.values("lxc.cgroup2.devices.deny").get(0).provenance())
                .isEqualTo(new Provenance(dir.resolve("common.conf").toString(), 2));
        assertThat(eff.values("lxc.cgroup2.devices.allow")).isEmpty();
        assertThat(eff.values("lxc.hook.pre-start")).hasSize(1);
        // an empty directory: every file shipped
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        assertThat(start.effective(empty).orElseThrow().entries())
                .isEqualTo(start.effective().orElseThrow().entries());
    }

    static List<StartCorpusTest.Input> started() {
        return StartCorpusTest.inputs().stream().filter(i -> i.golden(".lxc").isPresent()).toList();
    }

    @ParameterizedTest
    @MethodSource("started")
    void everyCorpusStartConfigReadsEveryIncludedLine(StartCorpusTest.Input input) {
        StartConfig start = input.config().startConfig(ProxmoxNode.builder().skipLock(true).build());
        EffectiveConfig eff = start.effective().orElseThrow();
        assertThat(eff.stoppedBy()).as(input.name()).isEmpty();
        assertThat(eff.diagnostics()).as(input.name()).isEmpty();
        assertThat(eff.files().size()).as(input.name()).isGreaterThanOrEqualTo(3);
        // every raw lxc.* line of the generated file leads back to a line of the Proxmox config with its key
        String[] lines = start.text().split("\n");
        for (int i = 0; i < lines.length; i++) {
            Optional<Provenance> origin = start.origin(i + 1);
            origin.ifPresent(o -> {
                assertThat(o.source()).isEqualTo(input.name());
                assertThat(input.config().line(o.line())).as("%s line %d", input.name(), o.line()).isPresent();
            });
        }
    }
}
