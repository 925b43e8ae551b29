package io.github.lxcconf.it.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.it.CgroupHost;
import io.github.lxcconf.it.ContainerRun;
import io.github.lxcconf.it.Containers;
import io.github.lxcconf.it.DeviceProbe;
import io.github.lxcconf.it.LxcHost;
import io.github.lxcconf.proxmox.ProxmoxNode;
import io.github.lxcconf.proxmox.StartConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The configs Proxmox VE generates at start ({@link LxcConfig#startConfig()}) for the corpus configs it starts,
 * run in real containers on a pure cgroup2 host. A Proxmox node has what this machine lacks, so
 * {@link #forThisMachine} replaces these lines, and only these:
 * <ul>
 * <li>{@code lxc.rootfs.path}: the busybox rootfs instead of the storage volume the pre-start hook mounts;</li>
 * <li>{@code lxc.net.N.*}: one {@code lxc.net.N.type = empty} (no bridge, no {@code lxcnetaddbr});</li>
 * <li>{@code lxc.include} of lxc-pve's {@code <ostype>.common.conf} / {@code .userns.conf}: lxc's own
 * {@code common.conf} / {@code userns.conf} (lxc-pve's files, and the Proxmox hooks their
 * {@code common.conf.d/01-pve.conf} adds, are not on this machine);</li>
 * <li>{@code lxc.seccomp.profile = /var/lib/lxc/VMID/rules.seccomp}: lxc's {@code common.seccomp}, the file
 * Proxmox writes it from; {@code lxc.seccomp.notify.*}: left out (no {@code pve-lxc-syscalld});</li>
 * <li>{@code lxc.cgroup.dir.*}: a name of this run instead of the VMID, so two containers of VMID 100 can run at
 * once;</li>
 * <li>{@code lxc.cgroup2.memory.*}, {@code cpu.*}, {@code cpuset.cpus}: left out when the cgroup2 hierarchy has
 * no such controller (here they are bound to cgroup v1 and liblxc stops at the first of these lines, see
 * {@link #memoryAndCpuLinesReachTheKernel()});</li>
 * <li>a bind mount of a host device this machine does not have ({@code /dev/kvm}) gets {@code optional}.</li>
 * </ul>
 * The AppArmor lines ({@code lxc.apparmor.profile = generated}, {@code lxc.apparmor.raw}) stay: without AppArmor
 * liblxc ignores them. Added: a tmpfs on {@code /tmp} for the probes, and for a {@code devN} the node itself
 * (Proxmox's hook makes it; here a bind mount of a host node with the same numbers).
 */
class StartConfigContainerTest {
    private static final Pattern SKIPLOCK = Pattern.compile("started as with --skiplock.*", Pattern.DOTALL);
    private static final Pattern NET = Pattern.compile("lxc\\.net\\.(\\d+)\\.(\\S+) = .*");
    private static final Pattern INCLUDE = Pattern.compile("lxc\\.include = (/usr/share/lxc/config/)(\\S+\\.)?(common|userns)\\.conf");
    private static final Pattern LIMIT = Pattern.compile("lxc\\.cgroup2\\.(memory|cpu|cpuset)\\..*");
    private static final Pattern DEV_MOUNT = Pattern.compile("lxc\\.mount\\.entry = (/dev/\\S+) (.*) (\\S+) (\\d+) (\\d+)");
    private static final Pattern DEVICE_ALLOW = Pattern.compile("lxc\\.cgroup2\\.devices\\.allow = ([cb]) (\\d+):(\\d+) rw\n");

    @BeforeAll
    static void needsLxc() {
        LxcHost.require();
    }

    record Started(String name, StartConfig start) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Path pveCorpus() {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        return module.resolveSibling("lxcconf-core").resolve("src/test/resources/corpus/pve");
    }

    /** The corpus configs Proxmox starts, with their start configs (a locked one as with --skiplock). */
    static List<Started> startedByProxmox() {
        Path root = pveCorpus();
        Path golden = root.resolve("proxmox-start");
        try (Stream<Path> walk = Files.walk(root)) {
            List<Started> out = new ArrayList<>();
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = root.relativize(p).toString().replace('\\', '/');
                if (name.startsWith("proxmox-") || !name.endsWith(".conf")
                        || !Files.exists(golden.resolve(name + ".lxc"))) {
                    continue;
                }
                Path note = golden.resolve(name + ".note");
                boolean skipLock = Files.exists(note) && SKIPLOCK.matcher(Files.readString(note)).matches();
                LxcConfig config = LxcConfig.reader().dialect(Dialect.PROXMOX).sourceName(name)
                        .parse(Files.readAllBytes(p));
                StartConfig start = config.startConfig(ProxmoxNode.builder().skipLock(skipLock).build());
                assertThat(start.refusal()).as(name).isEmpty();
                out.add(new Started(name, start));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cgroup2Controllers() {
        try {
            Path unified = Path.of("/sys/fs/cgroup/unified/cgroup.controllers");
            Path pure = Path.of("/sys/fs/cgroup/cgroup.controllers");
            return Files.readString(Files.exists(unified) ? unified : pure);
        } catch (IOException e) {
            return "";
        }
    }

    /** The start config with this machine's replacements (see the class comment). */
    static String forThisMachine(String text, String token, boolean keepLimits) {
        String controllers = " " + cgroup2Controllers().strip() + " ";
        StringBuilder out = new StringBuilder();
        List<String> nets = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m;
            if (line.startsWith("lxc.rootfs.path = ")) {
                out.append("lxc.rootfs.path = dir:").append(Containers.rootfs()).append('\n');
                out.append("lxc.mount.entry = tmpfs tmp tmpfs defaults 0 0\n");
            } else if ((m = NET.matcher(line)).matches()) {
                if (!nets.contains(m.group(1))) {
                    nets.add(m.group(1));
                    out.append("lxc.net.").append(m.group(1)).append(".type = empty\n");
                }
            } else if ((m = INCLUDE.matcher(line)).matches()) {
                Path file = Path.of(m.group(1) + (m.group(2) == null ? "" : m.group(2)) + m.group(3) + ".conf");
                out.append(Files.exists(file) ? line : "lxc.include = " + m.group(1) + m.group(3) + ".conf")
                        .append('\n');
            } else if (line.startsWith("lxc.seccomp.notify.")) {
                continue;
            } else if (line.startsWith("lxc.seccomp.profile = /var/lib/lxc/")) {
                out.append("lxc.seccomp.profile = /usr/share/lxc/config/common.seccomp\n");
            } else if (line.startsWith("lxc.cgroup.dir.monitor = ")) {
                out.append("lxc.cgroup.dir.monitor = lxc.monitor/").append(token).append('\n');
            } else if (line.startsWith("lxc.cgroup.dir.container = ")) {
                out.append("lxc.cgroup.dir.container = lxc/").append(token).append('\n');
            } else if ((m = LIMIT.matcher(line)).matches()) {
                if (keepLimits || controllers.contains(" " + m.group(1) + " ")) {
                    out.append(line).append('\n');
                }
            } else if ((m = DEV_MOUNT.matcher(line)).matches() && !Files.exists(Path.of(m.group(1)))) {
                out.append(line.replace(" " + m.group(3) + " ", " " + m.group(3) + ",optional ")).append('\n');
            } else {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void everyConfigProxmoxStartsStartsHere() {
        List<Started> all = startedByProxmox();
        assertThat(all).hasSize(88);
        List<Supplier<Map.Entry<Started, ContainerRun>>> runs = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Started s = all.get(i);
            String token = "lxcconf-start-" + ProcessHandle.current().pid() + "-" + i;
            String config = forThisMachine(s.start().text(), token, false);
            runs.add(() -> Map.entry(s, Containers.run(CgroupHost.CGROUP2, config,
                    "cat /proc/self/uid_map; echo started", "WARN")));
        }
        for (Map.Entry<Started, ContainerRun> r : Containers.inParallel(runs)) {
            ContainerRun run = r.getValue();
            assertThat(run.exitCode()).as("%s\n%s", r.getKey(), run.describe()).isZero();
            assertThat(run.stdout()).as(r.getKey().name()).contains("started");
            boolean unprivileged = r.getKey().start().text().contains("lxc.idmap = u 0 100000 65536\n");
            assertThat(run.stdout().lines().findFirst().orElseThrow().trim().split("\\s+"))
                    .as("uid_map of %s", r.getKey())
                    .containsExactly(unprivileged ? new String[] {"0", "100000", "65536"}
                            : new String[] {"0", "0", "4294967295"});
        }
    }

    @Test
    void theUnprivilegedConfigMapsRootTo100000() {
        Started runner = startedByProxmox().stream()
                .filter(s -> s.name().endsWith("github-runner-kvm-tun.conf")).findFirst().orElseThrow();
        assertThat(runner.start().text()).contains("lxc.idmap = u 0 100000 65536\n", "lxc.mount.auto = sys:mixed\n");
        ContainerRun run = Containers.run(CgroupHost.CGROUP2, forThisMachine(runner.start().text(),
                "lxcconf-start-" + ProcessHandle.current().pid() + "-u", false), "cat /proc/self/uid_map /proc/self/gid_map");
        assertThat(run.stdout().lines().map(l -> l.trim().replaceAll("\\s+", " ")))
                .as(run.describe()).containsExactly("0 100000 65536", "0 100000 65536");
    }

    @Test
    void aDevNGrantsReadAndWrite() {
        List<Started> withDevices = startedByProxmox().stream()
                .filter(s -> DEVICE_ALLOW.matcher(s.start().text()).find()).toList();
        assertThat(withDevices).extracting(Started::name).containsExactly(
                "realworld/ryanjoshuachildress__frogstown.com/proxmox_lxc_100.conf",
                "realworld/ryanjoshuachildress__frogstown.com/proxmox_lxc_115.conf");
        for (Started s : withDevices) {
            Matcher allow = DEVICE_ALLOW.matcher(s.start().text());
            assertThat(allow.find()).isTrue();
            DeviceProbe.Device render = new DeviceProbe.Device("renderD128", allow.group(1).charAt(0),
                    Integer.parseInt(allow.group(2)), Integer.parseInt(allow.group(3)), "/dev/dri/renderD128");
            String token = "lxcconf-start-" + ProcessHandle.current().pid() + "-d";
            String config = forThisMachine(s.start().text(), token, false) + render.mountEntry() + "\n";
            ContainerRun run = Containers.run(CgroupHost.CGROUP2, config, DeviceProbe.script(List.of(render)));
            assertThat(DeviceProbe.verdicts(List.of(render), run).get(render)).as(s.name()).containsExactlyInAnyOrderEntriesOf(
                    Map.of(DeviceProbe.Access.READ, true, DeviceProbe.Access.WRITE, true,
                            DeviceProbe.Access.READ_WRITE, true, DeviceProbe.Access.MKNOD, true));
            // without the devN line the container may not open the node; mknod of any node is common.conf's
            // (c *:* m, b *:* m)
            String without = config.replace(allow.group(), "");
            ContainerRun denied = Containers.run(CgroupHost.CGROUP2, without, DeviceProbe.script(List.of(render)));
            assertThat(DeviceProbe.verdicts(List.of(render), denied).get(render)).as(s.name()).containsExactlyInAnyOrderEntriesOf(
                    Map.of(DeviceProbe.Access.READ, false, DeviceProbe.Access.WRITE, false,
                            DeviceProbe.Access.READ_WRITE, false, DeviceProbe.Access.MKNOD, true));
        }
    }

    @Test
    void memoryAndCpuLinesReachTheKernel() {
        String controllers = " " + cgroup2Controllers().strip() + " ";
        Assumptions.assumeFalse(controllers.contains(" memory ") || controllers.contains(" cpu "),
                "the cgroup2 hierarchy has memory and cpu here: the limits are applied, not refused");
        Started test = startedByProxmox().stream()
                .filter(s -> s.start().text().contains("lxc.cgroup2.cpu.max = 200000 100000\n")).findFirst()
                .orElseThrow();
        String text = test.start().text();
        String token = "lxcconf-start-" + ProcessHandle.current().pid() + "-m";
        String memoryOnly = forThisMachine(text.replaceAll("lxc\\.cgroup2\\.cpu[a-z.]* = .*\n", ""), token, true);
        ContainerRun memory = Containers.run(CgroupHost.CGROUP2, memoryOnly, "echo started");
        assertThat(memory.stdout()).as(memory.describe()).doesNotContain("started");
        String max = line(text, "lxc.cgroup2.memory.max");
        assertThat(memory.log()).contains("Failed to set \"memory.max\" to \"" + max + "\"");

        String cpuOnly = forThisMachine(text.replaceAll("lxc\\.cgroup2\\.memory[a-z.]* = .*\n", ""), token, true);
        ContainerRun cpu = Containers.run(CgroupHost.CGROUP2, cpuOnly, "echo started");
        assertThat(cpu.stdout()).as(cpu.describe()).doesNotContain("started");
        assertThat(cpu.log()).contains("Failed to set \"cpu.max\" to \"200000 100000\"");
    }

    private static String line(String text, String key) {
        return text.lines().filter(l -> l.startsWith(key + " = ")).findFirst().orElseThrow()
                .substring(key.length() + 3);
    }
}
