package io.github.lxcconf.it.liblxc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded mutations that know the shape of LXC's keys and values but nothing of what lxcconf or liblxc accepts:
 * a key of liblxc's catalogue (or a damaged key: an empty or doubled sub-key, a bare family) given a value drawn
 * from pools of value shapes (numbers in every base and size, quoted blanks, trailing control bytes, long paths,
 * signal, device-rule, id-map, capability, mount and architecture shapes), a value of the file replaced the same
 * way, and an {@code lxc.include} of a second, mutated file written beside the case.
 *
 * <p>Values are drawn from all pools for every key, so a number meets a path key and a device rule meets a
 * capability key: the pools are not tuned to any key, which keeps the mutations independent of lxcconf's checks.
 * Keys whose loading touches the host ({@code lxc.log.file} opens the file, {@code lxc.include} reads one) are
 * left out of the catalogue; includes are written by this class only.
 *
 * <pre>{@code
 * GrammarMutator g = new GrammarMutator(dir, seeds);
 * Mutator.Mutated m = g.mutate(bytes, new SplittableRandom(7), "fuzz-000001");
 * }</pre>
 */
final class GrammarMutator {

    /** Keys of liblxc 5.0's catalogue; {@code N} stands for an interface index. */
    private static final List<String> KEYS = List.of("lxc.arch", "lxc.apparmor.profile",
            "lxc.apparmor.allow_incomplete", "lxc.apparmor.allow_nesting", "lxc.apparmor.raw",
            "lxc.autodev.tmpfs.size", "lxc.autodev", "lxc.cap.drop", "lxc.cap.keep", "lxc.cgroup.dir",
            "lxc.cgroup.dir.monitor", "lxc.cgroup.dir.container", "lxc.cgroup.dir.container.inner",
            "lxc.cgroup.relative", "lxc.console.buffer.size", "lxc.console.logfile", "lxc.console.path",
            "lxc.console.rotate", "lxc.console.size", "lxc.sched.core", "lxc.environment",
            "lxc.environment.runtime", "lxc.environment.hooks", "lxc.ephemeral", "lxc.execute.cmd", "lxc.group",
            "lxc.hook.autodev", "lxc.hook.mount", "lxc.hook.pre-start", "lxc.hook.start", "lxc.hook.stop",
            "lxc.hook.post-stop", "lxc.hook.version", "lxc.idmap", "lxc.init.cmd", "lxc.init.gid",
            "lxc.init.groups", "lxc.init.uid", "lxc.init.cwd", "lxc.keyring.session", "lxc.log.level",
            "lxc.log.syslog", "lxc.monitor.unshare", "lxc.monitor.signal.pdeath", "lxc.mount.auto",
            "lxc.mount.entry", "lxc.mount.fstab", "lxc.namespace.clone", "lxc.namespace.keep",
            "lxc.namespace.share.net", "lxc.time.offset.boot", "lxc.time.offset.monotonic", "lxc.no_new_privs",
            "lxc.prlimit.nofile", "lxc.prlimit.as", "lxc.pty.max", "lxc.rootfs.managed", "lxc.rootfs.mount",
            "lxc.rootfs.options", "lxc.rootfs.path", "lxc.seccomp.allow_nesting", "lxc.seccomp.profile",
            "lxc.selinux.context", "lxc.signal.halt", "lxc.signal.reboot", "lxc.signal.stop", "lxc.start.auto",
            "lxc.start.delay", "lxc.start.order", "lxc.tty.dir", "lxc.tty.max", "lxc.uts.name",
            "lxc.sysctl.net.ipv4.ip_forward", "lxc.proc.oom_score_adj", "lxc.cgroup.devices.allow",
            "lxc.cgroup.devices.deny", "lxc.cgroup2.devices.allow", "lxc.cgroup2.devices.deny",
            "lxc.cgroup.memory.limit_in_bytes", "lxc.cgroup2.memory.max", "lxc.cgroup2.cpuset.cpus",
            "lxc.net.N.type", "lxc.net.N.flags", "lxc.net.N.link", "lxc.net.N.name", "lxc.net.N.hwaddr",
            "lxc.net.N.mtu", "lxc.net.N.ipv4.address", "lxc.net.N.ipv4.gateway", "lxc.net.N.ipv6.address",
            "lxc.net.N.ipv6.gateway", "lxc.net.N.vlan.id", "lxc.net.N.veth.pair", "lxc.net.N.veth.mode",
            "lxc.net.N.macvlan.mode", "lxc.net.N.l2proxy", "lxc.net.N.veth.ipv4.route", "lxc.net.N.veth.vlan.id",
            "lxc.net.N.script.up");
    /** Damaged keys: empty and doubled sub-keys, bare families, legacy keys. */
    private static final List<String> DAMAGED_KEYS = List.of("lxc.", "lxc.cgroup.", "lxc.cgroup2.", "lxc.sysctl.",
            "lxc.sysctl..x", "lxc.cgroup..memory.max", "lxc.cgroup2..", "lxc.prlimit.", "lxc.prlimit..nofile",
            "lxc.proc.", "lxc.net.", "lxc.net..type", "lxc.net.0.", "lxc.net.0..type", "lxc.namespace.share.",
            "lxc.hook.", "lxc.rootfs", "lxc.utsname", "lxc.network.type", "lxc.id_map", "lxc.cap", "lxc.net.00.type",
            "lxc.net.-1.type", "lxc.net.1x.type", "lxc.mount", "lxc.tty", "lxc.pts", "lxc.aa_profile");
    private static final List<String> NUMBERS = List.of("0", "1", "2", "-1", "+1", "08", "010", "0x10", "0X1f",
            "00", "1:2", "1:2:3", "1:", ":1", "unlimited", "UNLIMITED", "18446744073709551615",
            "18446744073709551616", "4294967295", "4294967296", "2147483647", "2147483648", "9223372036854775808",
            "1.5", "1e3", "1k", "1K", "1M", "1G", "1Gb", "1 ms", "1 h", "1s", "1ms", "1 us", "-5 s", "1 ns", "5x",
            "64", "65", "1 2", "0 0", "100", "4096");
    private static final List<String> STRINGS = List.of("", " ", "\" \"", "\"\"", "' '", "\" 1 \"", "\"1\"",
            "'1'", "\"x", "x", "a b", "yes", "no", "true", "on", "none", "max", "-", "=", "#", "x # y", "\\",
            "é", "\u00ff");
    private static final List<String> PATHS = List.of("/", "/x", "x", "../x", "dir:/x", "lvm:/dev/vg/x",
            "zfs:pool/x", "overlay:/a:/b", "btrfs:/x", "loop:/x.img", "nbd:x", "/dev/pts", "lxc/tty", "tty",
            "/a b", "/x/", "./x");
    private static final List<String> SIGNALS = List.of("SIGKILL", "9", "SIGRTMIN+3", "SIGRTMIN+0003",
            "SIGRTMAX-1", "SIGRTMIN+99", "RTMIN+1", "sigterm", "SIGPWR", "KILL", "0", "31", "32");
    private static final List<String> DEVICES = List.of("c 10:232 rwm", "a", "a *:* rwm", "b *:* m",
            "c 1:3 r w", "c 10:232 rwmx", "c 4294967296:1 r", " c 1:3 rwm", "c 1:3", "c *:* ", "c 10:200",
            "x 1:3 r", "c 1:3 rwm rwm", "c 1:3rwm", "c 1: r", "c :3 r", "c 1:3 RWM");
    private static final List<String> IDMAPS = List.of("u 0 100000 65536", "g 0 100000 65536",
            "u 0 18446744073709551615 1", "u 18446744073709551615 0 1", "b 0 1 1", "u 0 1", "u 0 100000 0",
            "u 0 100000 65536 1", "u -1 0 1", "u 0x10 0 1", "u 010 0 1");
    private static final List<String> CAPS = List.of("sys_admin", "SYS_ADMIN", "cap_sys_admin", "21", "0x15",
            "010", "99", "sys_admin net_raw", "41", "40", "sys_admin,net_raw", "none", "all", "8", "0");
    private static final List<String> MOUNTS = List.of("proc:mixed sys:ro cgroup:mixed", "shmounts:",
            "shmounts:/a:/b", "shmounts:/a", "cgroup:rw:force", "proc", "proc:bogus", "cgroup2", "sys:mixed",
            "cgroup-full:ro", "proc proc proc nodev 0 0", "/a b none bind,create=dir 0 0", "/a /b none bind",
            "tmpfs dev/shm tmpfs size=1G", "/a b none bind,optional,relative 0 0", "/dev/net/tun dev/net/tun none bind,create=file",
            "/a b none bind 0", "/a b", "/a");
    private static final List<String> MOUNT_OPTIONS = List.of("create=dir", "optional", "relative", "ro",
            "bind", "idmap=container", "idmap=/proc/1/ns/user", "nodev,nosuid", "rw,create=file", "noexec");
    private static final List<String> ARCHS = List.of("x86", "loong64", "loongarch64", "x32", "amd64", "i686",
            "X86_64", "riscv64", "arm64", "ppc64le", "sparc", "linux32", "powerpc64", "s390x");
    private static final List<String> NAMESPACES = List.of("net mount", "user", "cgroup ipc", "bogus", "mnt",
            "net,mount", "uts pid time");
    private static final List<String> NETWORK = List.of("veth", "empty", "none", "macvlan", "vlan", "phys",
            "ipvlan", "up", "bridge", "10.0.0.1", "10.0.0.200", "192.168.1.1", "10.0.0.1/24", "10.0.0.1/33",
            "fe80::1", "fe80::1/64", "fe80::1/129", "00:16:3e:xx:xx:xx", "00:16:3e:00:00:01", "lxcbr0",
            "0.0.0.0", "auto", "dev", "private", "l2", "l3s", "4094", "4095", "eth0", "abcdefghijklmnopq");
    private static final List<String> ENVIRONMENT = List.of("A=1", "A", "PATH", "=1", "A=", "HOME=/x");
    private static final List<String> CONTROL = List.of("\u000b", "\f", "\u001b", "\u0001", "\u007f", "\t", " ");
    private static final List<List<String>> POOLS = List.of(NUMBERS, STRINGS, PATHS, SIGNALS, DEVICES, IDMAPS,
            CAPS, MOUNTS, MOUNT_OPTIONS, ARCHS, NAMESPACES, NETWORK, ENVIRONMENT);
    private static final int KINDS = 6;

    private final Path dir;
    private final List<byte[]> seeds;

    /**
     * A mutator that writes included files into a directory.
     *
     * @param dir   where included files are written
     * @param seeds the corpus files included files are grown from
     */
    GrammarMutator(Path dir, List<byte[]> seeds) {
        this.dir = dir;
        this.seeds = seeds;
    }

    /** Applies one to three mutations; {@code name} names the included files this case may write. */
    Mutator.Mutated mutate(byte[] input, SplittableRandom r, String name) {
        List<String> lines = Mutator.split(new String(input, StandardCharsets.ISO_8859_1));
        List<String> done = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            done.add(once(lines, r, name + "-" + i));
        }
        return new Mutator.Mutated(String.join("", lines).getBytes(StandardCharsets.ISO_8859_1), done);
    }

    private String once(List<String> lines, SplittableRandom r, String name) {
        int at = r.nextInt(lines.size() + 1);
        switch (r.nextInt(KINDS)) {
            case 0, 1 -> {
                String line = key(r) + pick(r, List.of(" = ", "=", " =", "= ", "\t=\t")) + value(r);
                lines.add(at, line + "\n");
                return "insert '" + line + "' at line " + (at + 1);
            }
            case 2 -> {
                List<Integer> entries = new ArrayList<>();
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).stripLeading().startsWith("lxc.") && lines.get(i).indexOf('=') > 0) {
                        entries.add(i);
                    }
                }
                if (entries.isEmpty()) {
                    return "replace value (no lxc. line)";
                }
                int i = entries.get(r.nextInt(entries.size()));
                String line = lines.get(i);
                String eol = line.endsWith("\r\n") ? "\r\n" : line.endsWith("\n") ? "\n" : "";
                String v = value(r);
                lines.set(i, line.substring(0, line.indexOf('=') + 1) + " " + v + eol);
                return "value of line " + (i + 1) + " -> '" + v + "'";
            }
            case 3 -> {
                String key = pick(r, DAMAGED_KEYS);
                String line = key + " = " + value(r);
                lines.add(at, line + "\n");
                return "insert '" + line + "' at line " + (at + 1);
            }
            case 4 -> {
                StringBuilder big = new StringBuilder();
                String key = pick(r, KEYS).replace("N", "0");
                int length = pick(r, List.of(255, 256, 257, 4095, 4096, 4097, 20000));
                String start = pick(r, List.of("/", "", "1"));
                big.append(start);
                char fill = start.equals("1") ? '1' : 'a';
                while (big.length() < length) {
                    big.append(fill);
                }
                lines.add(at, key + " = " + big + "\n");
                return "insert " + key + " with a value of " + length + " bytes at line " + (at + 1);
            }
            default -> {
                Path included = dir.resolve(name + ".conf");
                byte[] seed = seeds.get(r.nextInt(seeds.size()));
                byte[] body = r.nextBoolean() ? snippet(r) : mutateIncluded(seed, r);
                try {
                    Files.write(included, body);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                lines.add(at, "lxc.include = " + included + "\n");
                return "include at line " + (at + 1) + " of " + included.getFileName() + " ("
                        + body.length + " bytes)";
            }
        }
    }

    private byte[] mutateIncluded(byte[] seed, SplittableRandom r) {
        List<String> lines = Mutator.split(new String(seed, StandardCharsets.ISO_8859_1));
        // an included file never includes again here: liblxc and lxcconf resolve nested includes alike, and the
        // written files of one case stay few
        lines.removeIf(l -> l.stripLeading().startsWith("lxc.include"));
        int n = 1 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
            int at = r.nextInt(lines.size() + 1);
            lines.add(at, key(r) + " = " + value(r) + "\n");
        }
        return String.join("", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] snippet(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.append(r.nextInt(6) == 0 ? pick(r, DAMAGED_KEYS) : key(r)).append(" = ").append(value(r))
                    .append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String key(SplittableRandom r) {
        return pick(r, KEYS).replace("N", String.valueOf(r.nextInt(3)));
    }

    private static String value(SplittableRandom r) {
        List<String> pool = pick(r, POOLS);
        String v = pick(r, pool);
        switch (r.nextInt(8)) {
            case 0 -> v = v + pick(r, CONTROL);
            case 1 -> v = "\"" + v + "\"";
            case 2 -> v = pool == MOUNTS && v.contains(" none ") ? v.replace("bind", "bind," + pick(r, MOUNT_OPTIONS))
                    : v + " " + pick(r, pick(r, POOLS));
            default -> {
            }
        }
        return v;
    }

    private static <T> T pick(SplittableRandom r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }
}
