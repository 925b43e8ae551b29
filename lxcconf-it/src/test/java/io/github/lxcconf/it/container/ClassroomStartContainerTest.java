package io.github.lxcconf.it.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.device.DevicePolicy;
import io.github.lxcconf.device.HostLayout;
import io.github.lxcconf.explain.Summary;
import io.github.lxcconf.include.EffectiveConfig;
import io.github.lxcconf.include.EffectiveValue;
import io.github.lxcconf.it.CgroupHost;
import io.github.lxcconf.it.ContainerRun;
import io.github.lxcconf.it.Containers;
import io.github.lxcconf.it.DeviceProbe;
import io.github.lxcconf.it.DeviceProbe.Access;
import io.github.lxcconf.it.DeviceProbe.Device;
import io.github.lxcconf.it.LxcHost;
import io.github.lxcconf.migrate.Migration;
import io.github.lxcconf.migrate.MigrationOptions;
import io.github.lxcconf.model.DeviceAccess;
import io.github.lxcconf.model.KnownDevice;
import io.github.lxcconf.proxmox.ProxmoxNode;
import io.github.lxcconf.proxmox.StartConfig;
import io.github.lxcconf.syntax.EntryLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classroom story end to end on a pure cgroup2 host, the layout of Proxmox VE 7 and later: the classroom config
 * of the examples (its {@code template: 1} line removed, as on a clone), the native config Proxmox generates for it
 * at start, run in a real container with the files it includes as lxcconf reads them ({@code ubuntu.common.conf}
 * shipped with lxcconf, then this machine's {@code common.conf}); {@code /dev/kvm} and {@code /dev/net/tun} are
 * refused before {@code migrate()} and granted after, and the explanation and the device decision say the same.
 * The start config is adapted as {@link StartConfigContainerTest#forThisMachine} adapts it (busybox rootfs, an
 * empty network, no Proxmox hooks or generated AppArmor profile on this machine).
 */
class ClassroomStartContainerTest {
    private static final List<Device> DEVICES = List.of(DeviceProbe.KVM, DeviceProbe.TUN);

    @BeforeAll
    static void needsLxc() {
        LxcHost.require();
    }

    /** A node with this machine's CPUs, so that the CPUs {@code cores: 2} picks exist here. */
    private static ProxmoxNode node(HostLayout layout) {
        return ProxmoxNode.builder().cgroupLayout(layout).cpus(Runtime.getRuntime().availableProcessors()).build();
    }

    /** The classroom config with its template line removed, as Proxmox reads it. */
    static LxcConfig classroomClone() throws IOException {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        Path file = module.resolveSibling("lxcconf-examples").resolve("src/main/resources/classroom-102.conf");
        LxcConfig template = LxcConfig.reader().dialect(Dialect.PROXMOX).sourceName("102.conf")
                .parse(Files.readAllBytes(file));
        assertThat(template.proxmox().template()).isTrue();
        LxcConfig clone = template.edit().main().remove("template").build();
        assertThat(clone.proxmox().template()).isFalse();
        assertThat(clone.startConfig().refusal()).isEmpty();
        return clone;
    }

    /** The number of the line that holds this raw value. */
    private static int lineOf(LxcConfig config, String key, String value) {
        for (int n = 1; n <= config.lines().size(); n++) {
            if (config.line(n).orElseThrow() instanceof EntryLine e && e.key().equals(key) && e.value().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no line " + key + ": " + value);
    }

    /**
     * The start config for this machine: the include of {@code ubuntu.common.conf} points at the copy lxcconf
     * reads (written to a temporary directory, placeholders filled in), which includes this machine's
     * {@code common.conf}.
     */
    private static String runnable(StartConfig start, Path dir, String token) throws IOException {
        return runnable(start, dir, token, false);
    }

    private static String runnable(StartConfig start, Path dir, String token, boolean keepLimits) throws IOException {
        EffectiveConfig eff = start.effective().orElseThrow();
        String shipped = eff.files().get(1).config().sourceName();
        assertThat(shipped).isEqualTo("/usr/share/lxc/config/ubuntu.common.conf");
        Path copy = dir.resolve("ubuntu.common.conf");
        Files.writeString(copy, eff.files().get(1).config().render());
        String text = start.text().replace("lxc.include = " + shipped + "\n", "lxc.include = " + copy + "\n");
        return StartConfigContainerTest.forThisMachine(text, token, keepLimits);
    }

    private static void assertKernelAgrees(DevicePolicy policy, Map<Device, Map<Access, Boolean>> kernel, String when) {
        for (Device d : DEVICES) {
            for (Access a : Access.values()) {
                CoreDeviceDecision.Verdict v =
                        CoreDeviceDecision.decide(policy, CgroupHost.CGROUP2, d, a).orElseThrow();
                assertThat(v.granted()).as("%s: %s %s, lxcconf says %s", when, d, a.letters(), v.describe())
                        .isEqualTo(kernel.get(d).get(a));
            }
        }
    }

    @Test
    void kvmAndTunAreRefusedBeforeMigrateAndGrantedAfterAsTheExplanationSays(@TempDir Path dir) throws IOException {
        LxcConfig before = classroomClone();
        int kvmLine = lineOf(before, "lxc.cgroup.devices.allow", "c 10:232 rwm");
        int tunLine = lineOf(before, "lxc.cgroup.devices.allow", "c 10:200 rwm");
        Migration migration = before.migrate(MigrationOptions.all().withWidening(true));
        LxcConfig after = migration.config();
        assertThat(after.render()).contains("dev0: /dev/net/tun\n", "lxc.cgroup2.devices.allow: c 10:232 rwm\n")
                .doesNotContain("lxc.cgroup.devices.allow");

        String pid = "lxcconf-classroom-" + ProcessHandle.current().pid();
        String beforeConfig = runnable(before.startConfig(node(HostLayout.CGROUP2)),
                Files.createDirectories(dir.resolve("before")), pid + "-b") + DeviceProbe.KVM.mountEntry() + "\n";
        // after: Proxmox's hook makes dev0's node; here a bind mount of a host node with its numbers
        String afterConfig = runnable(after.startConfig(node(HostLayout.CGROUP2)),
                Files.createDirectories(dir.resolve("after")), pid + "-a") + DeviceProbe.KVM.mountEntry() + "\n"
                + DeviceProbe.TUN.mountEntry() + "\n";
        assertThat(beforeConfig).contains("lxc.cgroup.devices.allow = c 10:232 rwm\n",
                "lxc.mount.entry = /dev/net/tun dev/net/tun none bind,create=file\n");
        assertThat(afterConfig).contains("lxc.cgroup2.devices.allow = c 10:200 rw\n",
                "lxc.cgroup2.devices.allow = c 10:232 rwm\n");
        String script = DeviceProbe.script(DEVICES);
        List<Supplier<ContainerRun>> runs = List.of(
                () -> Containers.run(CgroupHost.CGROUP2, beforeConfig, script),
                () -> Containers.run(CgroupHost.CGROUP2, afterConfig, script));
        List<ContainerRun> done = Containers.inParallel(new ArrayList<>(runs));
        ContainerRun beforeRun = done.get(0);
        ContainerRun afterRun = done.get(1);
        assertThat(beforeRun.exitCode()).as(beforeRun.describe()).isZero();
        assertThat(afterRun.exitCode()).as(afterRun.describe()).isZero();
        assertThat(beforeRun.log()).contains("Ignoring legacy cgroup limits on pure cgroup2 system");

        // the kernel: refused before (mknod is common.conf's c *:* m), granted after
        Map<Device, Map<Access, Boolean>> kernelBefore = DeviceProbe.verdicts(DEVICES, beforeRun);
        Map<Device, Map<Access, Boolean>> kernelAfter = DeviceProbe.verdicts(DEVICES, afterRun);
        for (Device d : DEVICES) {
            assertThat(kernelBefore.get(d)).as("before, %s\n%s", d, beforeRun.describe())
                    .containsEntry(Access.READ, false).containsEntry(Access.WRITE, false)
                    .containsEntry(Access.READ_WRITE, false).containsEntry(Access.MKNOD, true);
            assertThat(kernelAfter.get(d)).as("after, %s\n%s", d, afterRun.describe()).doesNotContainValue(false);
        }

        // lxcconf's one device decision says the same, access by access
        DevicePolicy policyBefore = DevicePolicy.of(before);
        DevicePolicy policyAfter = DevicePolicy.of(after);
        assertKernelAgrees(policyBefore, kernelBefore, "before");
        assertKernelAgrees(policyAfter, kernelAfter, "after");

        // and so does the explanation: denied before, with the line that is ignored and the line that fixes it
        Summary was = before.explain().summary();
        assertThat(was.devices()).anySatisfy(s -> assertThat(s).startsWith("lxc.cgroup.devices.allow c 10:232 rwm: "
                + "/dev/kvm").contains("on a Proxmox VE 7+ node (pure cgroup2) (rw): denied, because line " + kvmLine
                + " is a cgroup v1 key, which a cgroup2 host ignores; fixed by 'dev1: /dev/kvm'",
                "or by 'lxc.cgroup2.devices.allow: c 10:232 rwm'"));
        assertThat(was.devices()).anySatisfy(s -> assertThat(s).startsWith("lxc.cgroup.devices.allow c 10:200 rwm: "
                + "/dev/net/tun").contains("denied, because line " + tunLine + " is a cgroup v1 key",
                "fixed by 'dev0: /dev/net/tun'"));
        Summary is = after.explain().summary();
        assertThat(is.devices()).anySatisfy(s -> assertThat(s).startsWith("lxc.cgroup2.devices.allow c 10:232 rwm: "
                + "/dev/kvm").endsWith("on a Proxmox VE 7+ node (pure cgroup2) (rw): granted"));
        assertThat(is.devices()).anySatisfy(s -> assertThat(s).startsWith("dev0: /dev/net/tun, read and write"));
        assertThat(is.devices()).noneMatch(s -> s.contains("denied"));
        assertThat(policyAfter.decide(HostLayout.CGROUP2, KnownDevice.TUN, DeviceAccess.parse("rw").orElseThrow())
                .lines()).anySatisfy(l -> assertThat(l.note()).startsWith("dev0: /dev/net/tun (Proxmox writes this"
                + " rule at start)"));
    }

    @Test
    void onAHybridNodeUbuntuCommonConfAloneGrantsKvmAndTun(@TempDir Path dir) throws IOException {
        // the classroom lines removed: what ubuntu.common.conf's v1 rules do by themselves on a v1 devices controller
        LxcConfig before = classroomClone();
        LxcConfig bare = before.edit().main().remove("lxc.cgroup.devices.allow").build();
        StartConfig hybrid = bare.startConfig(node(HostLayout.HYBRID));
        String config = runnable(hybrid, dir, "lxcconf-classroom-" + ProcessHandle.current().pid() + "-h")
                + DeviceProbe.KVM.mountEntry() + "\n";
        ContainerRun run = Containers.run(CgroupHost.HYBRID, config, DeviceProbe.script(DEVICES));
        Map<Device, Map<Access, Boolean>> kernel = DeviceProbe.verdicts(DEVICES, run);
        for (Device d : DEVICES) {
            assertThat(kernel.get(d)).as("%s\n%s", d, run.describe()).doesNotContainValue(false);
        }
        DevicePolicy policy = DevicePolicy.of(bare);
        for (Device d : DEVICES) {
            for (Access a : Access.values()) {
                CoreDeviceDecision.Verdict v = CoreDeviceDecision.decide(policy, CgroupHost.HYBRID, d, a).orElseThrow();
                assertThat(v.granted()).as("%s %s: %s", d, a.letters(), v.describe()).isTrue();
                assertThat(v.describe()).contains("/usr/share/lxc/config/ubuntu.common.conf:");
            }
        }
    }

    @Test
    void theMemoryAndCpuTheStartConfigPromisesReachLiblxc(@TempDir Path dir) throws IOException {
        StartConfig start = classroomClone().startConfig(node(HostLayout.CGROUP2));
        EffectiveConfig eff = start.effective().orElseThrow();
        // what Proxmox promises: memory: 4096, swap: 2048, cores: 2 (no cpulimit, so no cpu.max)
        assertThat(eff.value("lxc.cgroup2.memory.max").map(EffectiveValue::value)).contains("4294967296");
        assertThat(eff.value("lxc.cgroup2.memory.high").map(EffectiveValue::value)).contains("4261412864");
        assertThat(eff.value("lxc.cgroup2.memory.swap.max").map(EffectiveValue::value)).contains("2147483648");
        assertThat(eff.value("lxc.cgroup2.cpu.max")).isEmpty();
        String cpus = eff.value("lxc.cgroup2.cpuset.cpus").map(EffectiveValue::value).orElseThrow();
        assertThat(cpus.split("[,-]")).hasSize(2);

        String controllers = " " + StartConfigContainerTest.cgroup2Controllers().strip() + " ";
        String withLimits = runnable(start, dir, "lxcconf-classroom-" + ProcessHandle.current().pid() + "-m", true);
        assertThat(withLimits).contains("lxc.cgroup2.memory.max = 4294967296\n",
                "lxc.cgroup2.cpuset.cpus = " + cpus + "\n");
        String script = "cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/memory.high /sys/fs/cgroup/memory.swap.max"
                + " /sys/fs/cgroup/cpuset.cpus; echo started";
        if (controllers.contains(" memory ") && controllers.contains(" cpuset ")) {
            // a host whose cgroup2 hierarchy has the controllers: the container reads the limits back
            ContainerRun run = Containers.run(CgroupHost.CGROUP2, withLimits, script);
            assertThat(run.stdout()).as(run.describe()).contains("4294967296", "4261412864", "2147483648", "started");
            return;
        }
        // here memory and cpuset are bound to cgroup v1 (the cgroup2 hierarchy has no such controller): liblxc
        // writes each value, the kernel has no file for it, and liblxc stops the start at the first
        String memoryOnly = withLimits.replaceAll("lxc\\.cgroup2\\.cpuset[a-z.]* = .*\n", "");
        ContainerRun memory = Containers.run(CgroupHost.CGROUP2, memoryOnly, script);
        assertThat(memory.stdout()).as(memory.describe()).doesNotContain("started");
        assertThat(memory.log()).as(memory.describe()).contains("Failed to set \"memory.max\" to \"4294967296\"");
        String cpusetOnly = withLimits.replaceAll("lxc\\.cgroup2\\.memory[a-z.]* = .*\n", "");
        ContainerRun cpuset = Containers.run(CgroupHost.CGROUP2, cpusetOnly, script);
        assertThat(cpuset.stdout()).as(cpuset.describe()).doesNotContain("started");
        assertThat(cpuset.log()).as(cpuset.describe()).contains("Failed to set \"cpuset.cpus\" to \"" + cpus + "\"");
    }
}
