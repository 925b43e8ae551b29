package io.github.lxcconf.it.container;

import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.device.DevicePolicy;
import io.github.lxcconf.it.CgroupHost;
import io.github.lxcconf.it.ContainerRun;
import io.github.lxcconf.it.Containers;
import io.github.lxcconf.it.DeviceProbe;
import io.github.lxcconf.it.DeviceProbe.Access;
import io.github.lxcconf.it.DeviceProbe.Device;
import io.github.lxcconf.it.LxcHost;
import io.github.lxcconf.it.container.DeviceMatrixTest.Case;
import io.github.lxcconf.it.container.MeasuredDeviceModel.Rule;
import io.github.lxcconf.migrate.Migration;
import io.github.lxcconf.migrate.MigrationOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate()} keeps behaviour on real containers: cgroup v1 device rules run on the hybrid host behave as
 * their migration runs on a pure cgroup2 host; configs with legacy keys, which liblxc 5 refuses, start once
 * migrated and do what the old keys said; an {@code lxc.mount.auto} item reported as replaced has no effect.
 */
class MigrationContainerTest {

    private static final List<Device> DEVICES = DeviceProbe.ALL;

    @BeforeAll
    static void needsLxc() {
        LxcHost.require();
    }

    private static Map<Device, Map<Access, Boolean>> probe(CgroupHost host, String config) {
        ContainerRun run = Containers.run(host, config, DeviceProbe.script(DEVICES), "WARN");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        return DeviceProbe.verdicts(DEVICES, run);
    }

    /** The migration with widening allowed: every v1 device rule translated. */
    private static String migrated(String config) {
        Migration m = LxcConfig.parse(config).migrate(MigrationOptions.all().withWidening(true));
        assertThat(m.changed()).isTrue();
        String text = m.config().render();
        assertThat(text).doesNotContain("lxc.cgroup.devices");
        return text;
    }

    private static Case v1Case(String name, String... values) {
        List<Rule> rules = new ArrayList<>();
        for (String v : values) {
            rules.add(new Rule(false, !v.startsWith("-"), v.replaceFirst("^[-+]", "")));
        }
        return new Case(name, true, rules);
    }

    /** Device passthrough as v1 configs write it; "-" marks a deny. */
    static List<Case> typical() {
        return List.of(
                v1Case("classroom kvm", "c 10:232 rwm"),
                v1Case("vpn and fuse", "c 10:200 rwm", "c 10:229 rwm"),
                v1Case("loop devices", "c 10:237 rwm", "b 7:* rwm"),
                v1Case("all misc devices", "c 10:* rwm"),
                v1Case("read-only kvm", "c 10:232 r"),
                v1Case("fuse taken back", "-c 10:229 rwm"),
                v1Case("allow everything", "a"),
                v1Case("kvm and tun, then mknod denied", "c 10:232 rwm", "c 10:200 rw", "-c *:* m"));
    }

    @Test
    void typicalV1DeviceRulesBehaveTheSameAfterMigration() {
        List<Supplier<Map<Device, Map<Access, Boolean>>>> runs = new ArrayList<>();
        String commonOnly = new Case("common.conf", true, List.of()).config();
        runs.add(() -> probe(CgroupHost.CGROUP2, commonOnly));
        for (Case c : typical()) {
            String original = c.config();
            String migrated = migrated(original);
            runs.add(() -> probe(CgroupHost.HYBRID, original));
            runs.add(() -> probe(CgroupHost.CGROUP2, migrated));
            runs.add(() -> probe(CgroupHost.CGROUP2, original));
        }
        List<Map<Device, Map<Access, Boolean>>> verdicts = Containers.inParallel(runs);
        for (int i = 0; i < typical().size(); i++) {
            String what = typical().get(i).toString();
            assertThat(verdicts.get(2 + 3 * i)).as(what).isEqualTo(verdicts.get(1 + 3 * i));
            // on a cgroup2 host the unmigrated rules are ignored: common.conf alone decides
            assertThat(verdicts.get(3 + 3 * i)).as(what).isEqualTo(verdicts.get(0));
        }
    }

    /**
     * Generated v1-only rule sequences: the kernel verdicts of the original on the hybrid host and of the
     * migration on the cgroup2 host must each equal lxcconf's decision. Where the two sides differ (the v1
     * controller and liblxc's cgroup2 program read some sequences differently, such as a final
     * {@code deny = a}), the difference is written to {@code target/migration-device-report.md}.
     */
    @Test
    void generatedV1RuleSequencesAreDecidedByLxcconfBeforeAndAfterMigration() throws IOException {
        List<Case> cases = DeviceMatrixTest.generated(7L, 120).stream()
                .filter(c -> c.rules().stream().noneMatch(Rule::cgroup2)).limit(40).toList();
        List<String> changed = new ArrayList<>();
        List<String> lxcconfWrong = new ArrayList<>();
        int probes = 0;
        List<String> widenedByDefault = new ArrayList<>();
        List<String> unreported = new ArrayList<>();
        List<Supplier<Map<Device, Map<Access, Boolean>>>> runs = new ArrayList<>();
        for (Case c : cases) {
            String original = c.config();
            String migrated = migrated(original);
            String byDefault = LxcConfig.parse(original).migrate().config().render();
            runs.add(() -> probe(CgroupHost.HYBRID, original));
            runs.add(() -> probe(CgroupHost.CGROUP2, migrated));
            runs.add(() -> probe(CgroupHost.CGROUP2, original));
            runs.add(() -> probe(CgroupHost.CGROUP2, byDefault));
        }
        List<Map<Device, Map<Access, Boolean>>> verdicts = Containers.inParallel(runs);
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String original = c.config();
            String migrated = migrated(original);
            Map<Device, Map<Access, Boolean>> before = verdicts.get(4 * i);
            Map<Device, Map<Access, Boolean>> after = verdicts.get(4 * i + 1);
            Map<Device, Map<Access, Boolean>> cgroup2Now = verdicts.get(4 * i + 2);
            Map<Device, Map<Access, Boolean>> cgroup2Default = verdicts.get(4 * i + 3);
            Migration opted = LxcConfig.parse(original).migrate(MigrationOptions.all().withWidening(true));
            boolean reportsChange = opted.diagnostics().stream()
                    .anyMatch(d -> d.code() == DiagnosticCode.MIG_DEVICE_BEHAVIOUR_CHANGES);
            boolean reportsWidening = opted.diagnostics().stream()
                    .anyMatch(d -> d.code() == DiagnosticCode.MIG_WIDENS_DEVICE_ACCESS);
            boolean kernelChanged = false;
            boolean kernelWidened = false;
            for (Device d : DEVICES) {
                for (Access a : Access.values()) {
                    if (cgroup2Default.get(d).get(a) && !cgroup2Now.get(d).get(a)) {
                        widenedByDefault.add(c + " " + d + " " + a.letters());
                    }
                    kernelChanged |= before.get(d).get(a) != after.get(d).get(a);
                    kernelWidened |= after.get(d).get(a) && !cgroup2Now.get(d).get(a);
                }
            }
            if (kernelChanged && !reportsChange || kernelWidened && !reportsWidening) {
                unreported.add(c + (kernelChanged && !reportsChange ? ": behaviour changed without MIG008" : "")
                        + (kernelWidened && !reportsWidening ? ": access widened without MIG007" : ""));
            }
            DevicePolicy policyBefore = CoreDeviceDecision.effective(LxcConfig.parse(original));
            DevicePolicy policyAfter = CoreDeviceDecision.effective(LxcConfig.parse(migrated));
            for (Device d : DEVICES) {
                for (Access a : Access.values()) {
                    probes++;
                    boolean b = before.get(d).get(a);
                    boolean m = after.get(d).get(a);
                    if (CoreDeviceDecision.decide(policyBefore, CgroupHost.HYBRID, d, a).orElseThrow().granted() != b
                            || CoreDeviceDecision.decide(policyAfter, CgroupHost.CGROUP2, d, a).orElseThrow()
                            .granted() != m) {
                        lxcconfWrong.add(c + " " + d + " " + a.letters());
                    }
                    if (b != m) {
                        changed.add("- " + c + "\n  " + d + " " + a.letters() + ": hybrid original "
                                + (b ? "granted" : "denied") + ", cgroup2 migration " + (m ? "granted" : "denied"));
                    }
                }
            }
        }
        System.out.printf("migration of v1 device rules: %d generated cases, %d probes per side, %d changed verdicts"
                        + " (all reported as MIG008), default migration widened %d%n",
                cases.size(), probes, changed.size(), widenedByDefault.size());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/migration-device-report.md"), changed);
        assertThat(lxcconfWrong).as("lxcconf's decision against the kernel, before and after migration").isEmpty();
        // the default migration never lets the real container use a device it could not use before
        assertThat(widenedByDefault).as("accesses the default migration widened on a real cgroup2 host").isEmpty();
        // every change the kernel shows is reported by the opted-in migration
        assertThat(unreported).as("kernel-visible changes the migration did not report").isEmpty();
        assertThat(probes).isEqualTo(cases.size() * DEVICES.size() * Access.values().length).isPositive();
    }

    @Test
    void legacyKeysAreRefusedByLiblxc5AndWorkOnceMigrated(@TempDir Path tmp) throws IOException {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path seccomp = tmp.resolve("seccomp");
        Files.writeString(seccomp, "2\ndenylist\n[all]\nsethostname errno 1\n");
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        Files.writeString(shared.resolve("note"), "mounted through the fstab\n");
        Path fstab = tmp.resolve("fstab");
        Files.writeString(fstab, shared + " mnt/fstab none bind,create=dir 0 0\n");
        List<String> legacy = List.of(
                "lxc.rootfs = " + Containers.rootfs(),
                "lxc.rootfs.backend = dir",
                "lxc.utsname = legacy-host",
                "lxc.network.type = veth",
                "lxc.network.name = eth7",
                "lxc.network.hwaddr = 00:16:3e:12:34:56",
                "lxc.network.ipv4 = 10.99.0.2/24",
                "lxc.network.flags = up",
                "lxc.limit.nofile = 1234",
                "lxc.seccomp = " + seccomp,
                "lxc.mount = " + fstab,
                "lxc.tty = 2",
                "lxc.pts = 8");
        String header = "lxc.include = " + Containers.COMMON_CONF
                + "\nlxc.mount.entry = tmpfs tmp tmpfs defaults 0 0\n";
        String original = header + String.join("\n", legacy) + "\n";
        String script = "hostname; ip addr show eth7; ulimit -n; cat /mnt/fstab/note; hostname other 2>&1;"
                + " echo sethostname=$?";

        // liblxc 5 refuses every one of these keys
        List<Supplier<ContainerRun>> alone = new ArrayList<>();
        legacy.forEach(line -> alone.add(() -> Containers.run(CgroupHost.HYBRID, Containers.config(line),
                "echo started")));
        List<ContainerRun> refused = Containers.inParallel(alone);
        for (int i = 0; i < legacy.size(); i++) {
            String line = legacy.get(i);
            String key = line.substring(0, line.indexOf(' '));
            assertThat(refused.get(i).exitCode()).as(line).isNotZero();
            assertThat(refused.get(i).stdout()).doesNotContain("started");
            assertThat(refused.get(i).log() + refused.get(i).stderr()).as(line)
                    .contains("Unsupported config key \"" + key + "\"");
        }

        Migration migration = LxcConfig.parse(original).migrate();
        String migrated = migration.config().render();
        assertThat(migrated).contains("lxc.rootfs.path = dir:" + Containers.rootfs(), "lxc.uts.name = legacy-host",
                "lxc.net.0.ipv4.address = 10.99.0.2/24", "lxc.prlimit.nofile = 1234", "lxc.tty.max = 2")
                .doesNotContain("lxc.rootfs.backend", "lxc.network");
        for (CgroupHost host : CgroupHost.values()) {
            ContainerRun run = Containers.run(host, migrated, script);
            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(run.stdout()).as(run.describe())
                    .startsWith("legacy-host\n")
                    .contains("link/ether 00:16:3e:12:34:56", "inet 10.99.0.2/24", "\n1234\n",
                            "mounted through the fstab", "Operation not permitted", "sethostname=1");
        }
    }

    /**
     * An included file defines {@code lxc.net.0}; the config's legacy {@code lxc.network.*} block, numbered
     * {@code lxc.net.0} too, would reset that interface when liblxc reads it (a second {@code lxc.net.0.type}), and
     * the container would start with one interface instead of two. Numbered against the include tree, it becomes
     * {@code lxc.net.1}, and both interfaces are in the running container.
     */
    @Test
    void aLegacyInterfaceIsNumberedAboveTheInterfacesOfIncludedFiles(@TempDir Path tmp) throws IOException {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path net = tmp.resolve("net.conf");
        Files.writeString(net, "lxc.net.0.type = veth\nlxc.net.0.name = eth0\nlxc.net.0.flags = up\n");
        String original = "lxc.rootfs.path = dir:" + Containers.rootfs() + "\nlxc.include = " + Containers.COMMON_CONF
                + "\nlxc.include = " + net + "\nlxc.mount.entry = tmpfs tmp tmpfs defaults 0 0\n"
                + "lxc.network.type = veth\nlxc.network.name = eth7\nlxc.network.flags = up\n";
        String script = "ip -o link show | sed 's/@.*//; s/^[0-9]*: //; s/:.*//' | sort | tr '\\n' ' '";

        Path config = tmp.resolve("config");
        Files.writeString(config, original);
        Migration alone = LxcConfig.parse(original).migrate();
        Migration followed = LxcConfig.parse(config).migrate(MigrationOptions.all().withIncludesFrom(tmp));
        assertThat(alone.config().render()).contains("lxc.net.0.name = eth7");
        assertThat(followed.config().render()).contains("lxc.net.1.type = veth", "lxc.net.1.name = eth7")
                .doesNotContain("lxc.net.0.name = eth7");

        ContainerRun lost = Containers.run(CgroupHost.CGROUP2, alone.config().render(), script);
        ContainerRun kept = Containers.run(CgroupHost.CGROUP2, followed.config().render(), script);
        assertThat(lost.exitCode()).as(lost.describe()).isZero();
        assertThat(kept.exitCode()).as(kept.describe()).isZero();
        // numbered without the included file: interface 0 of net.conf is reset by the migrated block
        assertThat(lost.stdout().strip()).as(lost.describe()).isEqualTo("eth7 lo");
        assertThat(kept.stdout().strip()).as(kept.describe()).isEqualTo("eth0 eth7 lo");
    }

    @Test
    void legacyIdMapIsRefusedAndRunsUnprivilegedOnceMigrated() {
        String original = Containers.config("lxc.id_map = u 0 100000 65536", "lxc.id_map = g 0 100000 65536");
        ContainerRun refused = Containers.run(CgroupHost.HYBRID, original, "echo started");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.log() + refused.stderr()).contains("Unsupported config key \"lxc.id_map\"");
        String migrated = LxcConfig.parse(original).migrate().config().render();
        assertThat(migrated).contains("lxc.idmap = u 0 100000 65536");
        ContainerRun run = Containers.run(CgroupHost.CGROUP2, migrated, "cat /proc/self/uid_map /proc/self/gid_map");
        assertThat(run.stdout().lines().map(l -> l.trim().replaceAll("\\s+", " ")).toList()).as(run.describe())
                .containsExactly("0 100000 65536", "0 100000 65536");
    }

    @Test
    void aMountAutoItemReportedAsReplacedHasNoEffect() {
        String script = "echo x > /proc/sys/kernel/hostname 2>&1; echo proc-sys-write=$?";
        String replaced = Containers.config(false, List.of("lxc.mount.auto = proc:rw", "lxc.mount.auto = proc:mixed"));
        String mixedOnly = Containers.config(false, List.of("lxc.mount.auto = proc:mixed"));
        String rwOnly = Containers.config(false, List.of("lxc.mount.auto = proc:rw"));
        Migration m = LxcConfig.parse(replaced).migrate();
        assertThat(m.diagnostics()).extracting(d -> d.code()).contains(DiagnosticCode.MIG_MOUNT_AUTO_OVERRIDDEN);
        assertThat(m.diagnostics().toString()).contains("proc:rw");
        String withBoth = run(CgroupHost.HYBRID, replaced, script);
        assertThat(withBoth).isEqualTo(run(CgroupHost.HYBRID, mixedOnly, script)).contains("proc-sys-write=1");
        assertThat(run(CgroupHost.HYBRID, rwOnly, script)).contains("proc-sys-write=0");
    }

    private static String run(CgroupHost host, String config, String script) {
        ContainerRun run = Containers.run(host, config, script);
        assertThat(run.exitCode()).as(run.describe()).isZero();
        return run.stdout();
    }
}
