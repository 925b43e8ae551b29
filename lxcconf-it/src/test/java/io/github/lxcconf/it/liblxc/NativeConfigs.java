package io.github.lxcconf.it.liblxc;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated native LXC configs: the grammar of lxcconf-core's {@code CheckPropertiesTest} (keys of every kind
 * LXC and Proxmox use, well-formed and broken values, every separator, comments, section lines, line ends),
 * native dialect only. Seeded: the same seed gives the same configs.
 *
 * <pre>{@code
 * String text = NativeConfigs.config(new SplittableRandom(42));
 * }</pre>
 */
final class NativeConfigs {
    private static final List<String> KEYS = List.of("lxc.cgroup.devices.allow", "lxc.cgroup2.devices.allow",
            "lxc.cgroup2.devices.deny", "lxc.mount.entry", "lxc.mount.auto", "lxc.cap.drop", "lxc.cap.keep",
            "lxc.idmap", "lxc.net.0.type", "lxc.net.1.link", "lxc.net.0", "lxc.net", "lxc.network.type",
            "lxc.network.ipv4", "lxc.utsname", "lxc.uts.name", "lxc.include", "lxc.apparmor.profile",
            "lxc.seccomp.profile", "lxc.environment", "lxc.log.level", "lxc.log.syslog",
            "lxc.console.buffer.size", "lxc.cgroup.dir", "lxc.cgroup.dir.monitor", "lxc.cgroup",
            "lxc.signal.halt", "lxc.prlimit.nofile", "lxc.sysctl.net.ipv4.ip_forward", "lxc.autodev",
            "lxc.arch", "lxc.tty.max", "lxc.hook.pre-start", "lxc.hook", "lxc.rootfs.path",
            "lxc.cgroup.memory.limit_in_bytes", "lxc.cgroup.cpu.shares", "lxc.devttydir",
            "arch", "ostype", "hostname", "memory", "swap", "cores", "unprivileged", "features",
            "rootfs", "mp0", "mp1", "unused0", "net0", "net1", "dev0", "dev1", "description", "parent",
            "snaptime", "delete", "lock", "tags", "startup", "onboot", "cmode", "lxc.", "lxc",
            "LXC.UTS.NAME", "x");
    private static final List<String> VALUES = List.of("", "c 10:232 rwm", "b 7:* rwm", "c *:* m", "a",
            "x 10:232 rwm", "c 10 rwm", "/dev/net/tun dev/net/tun none bind,create=file", "/dev/kvm /dev/kvm none bind",
            "proc:mixed sys:rw cgroup:rw:force", "sys_time sys_module", "none", "u 0 100000 65536",
            "g 0 100000", "veth", "br0", "10.0.0.2/24", "unconfined", "debug", "daemon", "1M", "auto",
            "SIGRTMIN+3", "../x", "/abs", "amd64", "ubuntu", "centos", "1", "0", "4096", "-1",
            "99999999999999999999", "local-lvm:vm-100-disk-0,size=8G,quota=1",
            "/mnt/data,mp=/shared", "/mnt/data,mp=relative", "name=eth0,bridge=vmbr0,ip=dhcp",
            "name=eth0,,hwaddr=zz", "/dev/dri/renderD128,gid=104", "nesting=1,keyctl=1",
            "\"quoted\"", "'single'", "value # inline", "%20encoded%ZZ", "snap1", "net0,mp0;x");
    private static final List<String> SEPARATORS = List.of(" = ", "=", ": ", ":", " =", "= ", "\t=\t", " ");
    private static final List<String> OTHER_LINES = List.of("", "# comment", "#lxc.utsname = x", "[snap1]",
            "[snap2]", "[pve:pending]", "[", "[bad name]", "  ", "=", ":", "lxc.mount.entry");
    private static final List<String> INDENTS = List.of("", "", "", " ", "\t");
    private static final List<String> EOLS = List.of("\n", "\n", "\n", "\r\n", "\r", "");
    private static final String KEY_CHARS = "abcdefghijklmnopqrstuvwxyz.0123456789_-";

    private NativeConfigs() {
    }

    /** Returns a config of 0 to 30 lines. */
    static String config(SplittableRandom r) {
        int lines = r.nextInt(31);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            sb.append(line(r)).append(pick(r, EOLS));
        }
        return sb.toString();
    }

    private static String line(SplittableRandom r) {
        if (r.nextBoolean()) {
            return pick(r, OTHER_LINES);
        }
        return pick(r, INDENTS) + key(r) + pick(r, SEPARATORS) + value(r);
    }

    private static String key(SplittableRandom r) {
        return switch (r.nextInt(3)) {
            case 0 -> pick(r, KEYS);
            case 1 -> text(r, KEY_CHARS, 1, 20);
            default -> anyText(r, 0, 6);
        };
    }

    private static String value(SplittableRandom r) {
        return r.nextBoolean() ? pick(r, VALUES) : anyText(r, 0, 12);
    }

    private static String pick(SplittableRandom r, List<String> from) {
        return from.get(r.nextInt(from.size()));
    }

    private static String text(SplittableRandom r, String alphabet, int min, int max) {
        int n = min + r.nextInt(max - min + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** Any UTF-16 code units, controls, NUL and lone surrogates included (a lone surrogate is written as '?'). */
    private static String anyText(SplittableRandom r, int min, int max) {
        int n = min + r.nextInt(max - min + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) r.nextInt(Character.MAX_VALUE + 1));
        }
        return sb.toString();
    }
}
