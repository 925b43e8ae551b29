package io.github.lxcconf.it.liblxc;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated native LXC configs, seeded (the same seed gives the same configs): {@link #config} follows the
 * grammar of lxcconf-core's {@code CheckPropertiesTest} (keys of every kind LXC and Proxmox use, well-formed and
 * broken values, every separator, comments, section lines, line ends), native dialect only; {@link #wellFormed}
 * writes the keys whose values are compared with liblxc's, mostly well formed.
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

    private static final List<String> RULE_KEYS = List.of("lxc.cgroup.devices.allow", "lxc.cgroup.devices.deny",
            "lxc.cgroup2.devices.allow", "lxc.cgroup2.devices.deny");
    private static final List<String> CLEARABLE = List.of("lxc.cgroup.devices.allow", "lxc.cgroup2.devices.deny",
            "lxc.cgroup2", "lxc.cgroup", "lxc.mount.entry", "lxc.mount.auto", "lxc.idmap", "lxc.cap.drop",
            "lxc.cap.keep", "lxc.net", "lxc.net.0", "lxc.net.1.type", "lxc.net.0.ipv4.address");
    private static final List<String> MOUNTS = List.of("proc proc proc nodev,noexec,nosuid 0 0",
            "/dev/net/tun dev/net/tun none bind,create=file", "/dev/kvm dev/kvm none bind,optional,create=file 0 0",
            "tmpfs dev/shm tmpfs rw,nosuid,nodev,create=dir", "/srv/data srv/data none rbind,create=dir 0 0",
            "/sys/fs/fuse/connections sys/fs/fuse/connections none bind,optional 0 0", "/a /b none bind",
            "/dev/fuse", "none run tmpfs", "sysfs sys sysfs ro 0");
    private static final List<String> AUTO = List.of("proc", "proc:mixed", "proc:rw", "sys", "sys:ro", "sys:rw",
            "sys:mixed", "cgroup", "cgroup:mixed", "cgroup:ro", "cgroup:rw", "cgroup:rw:force", "cgroup-full",
            "cgroup-full:ro", "cgroup-full:mixed:force", "cgroup2", "cgroup2:ro", "shmounts:/a:/b");
    private static final List<String> CAPS = List.of("sys_admin", "sys_time", "sys_module", "mac_admin",
            "mac_override", "net_admin", "sys_rawio", "audit_write", "12", "21", "0", "40", "SYS_ADMIN", "0x15", "010",
            "0X1f", "+8", "08", "0x28", "0x29");
    private static final List<String> NET_TYPES = List.of("veth", "veth", "macvlan", "vlan", "phys", "empty",
            "none", "ipvlan");
    private static final List<String[]> NET_VALUES = List.of(new String[] {"link", "br0"},
            new String[] {"link", "lxcbr0"}, new String[] {"name", "eth0"}, new String[] {"flags", "up"},
            new String[] {"hwaddr", "00:16:3e:12:34:56"}, new String[] {"hwaddr", "00:16:3e:xx:xx:xx"},
            new String[] {"mtu", "1500"}, new String[] {"ipv4.address", "10.0.3.5/24"},
            new String[] {"ipv4.address", "192.168.1.20"}, new String[] {"ipv4.address", "10.0.0.2/24 10.0.0.255"},
            new String[] {"ipv4.gateway", "auto"}, new String[] {"ipv4.gateway", "10.0.3.1"},
            new String[] {"ipv6.address", "fd00::5/64"}, new String[] {"ipv6.gateway", "fd00::1"},
            new String[] {"veth.pair", "vethct1"}, new String[] {"vlan.id", "10"},
            new String[] {"macvlan.mode", "bridge"}, new String[] {"l2proxy", "1"},
            new String[] {"script.up", "/usr/share/lxc/hooks/up"}, new String[] {"veth.ipv4.route", "10.1.0.0/16"},
            new String[] {"ipv4.address", "10.0.0.200"}, new String[] {"ipv4.address", "10.0.0.130"},
            new String[] {"ipv4.address", "10.0.0.250"}, new String[] {"ipv4.address", "1.2.3.4/0x10"},
            new String[] {"ipv6.address", "FD00:0::5"}, new String[] {"ipv6.address", "::ffff:10.0.0.1/0x40"},
            new String[] {"link", " "}, new String[] {"ipv4.address", " "});
    /** Quoted blanks: a value for liblxc, not the empty value. */
    private static final List<String[]> BLANKS = List.of(new String[] {"lxc.mount.entry", "\" \""},
            new String[] {"lxc.cap.drop", "\" \""}, new String[] {"lxc.cap.keep", "'\t'"},
            new String[] {"lxc.mount.auto", "\" \""}, new String[] {"lxc.idmap", "\" \""},
            new String[] {"lxc.cgroup2.devices.allow", "\" \""}, new String[] {"lxc.cgroup.devices.deny", "\" \""});
    /** Single-valued keys with a typed view, with values liblxc reads (and a few it refuses). */
    private static final List<String[]> SINGLES = List.of(new String[] {"lxc.uts.name", "web1"},
            new String[] {"lxc.uts.name", "\" web \""}, new String[] {"lxc.uts.name", ""},
            new String[] {"lxc.rootfs.path", "dir:/var/lib/lxc/web/rootfs/"}, new String[] {"lxc.rootfs.path", "/srv//ct/./x"},
            new String[] {"lxc.rootfs.path", "overlay:/lower:/upper"}, new String[] {"lxc.rootfs.path", "zfs:tank/ct"},
            new String[] {"lxc.rootfs.path", "lvm:/dev/vg/lv"}, new String[] {"lxc.rootfs.path", "dir:"},
            new String[] {"lxc.rootfs.path", "./rel/../x/"}, new String[] {"lxc.rootfs.path", ""},
            new String[] {"lxc.arch", "x86"}, new String[] {"lxc.arch", "amd64"}, new String[] {"lxc.arch", "arm64"},
            new String[] {"lxc.arch", "armhf"}, new String[] {"lxc.arch", "AMD64"}, new String[] {"lxc.arch", "mips64el"},
            new String[] {"lxc.arch", "ppc64el"}, new String[] {"lxc.arch", "linux32"},
            new String[] {"lxc.tty.max", "4"}, new String[] {"lxc.tty.max", "0x10"}, new String[] {"lxc.tty.max", "010"},
            new String[] {"lxc.tty.max", ""}, new String[] {"lxc.pty.max", "1024"}, new String[] {"lxc.pty.max", "+8"},
            new String[] {"lxc.autodev", "0"}, new String[] {"lxc.autodev", "1"}, new String[] {"lxc.autodev", ""},
            new String[] {"lxc.autodev", "0x1"}, new String[] {"lxc.mount.fstab", "/var/lib/lxc/web//fstab"},
            new String[] {"lxc.mount.fstab", "./fstab"},
            new String[] {"lxc.cgroup2.memory.max", "2G"}, new String[] {"lxc.cgroup2.memory.max", ""},
            new String[] {"lxc.cgroup2.memory.swap.max", "0"}, new String[] {"lxc.cgroup2.cpu.max", "150000 100000"},
            new String[] {"lxc.cgroup2.pids.max", "max"}, new String[] {"lxc.cgroup2.cpuset.cpus", "0-3,6"},
            new String[] {"lxc.cgroup.memory.limit_in_bytes", "1G"}, new String[] {"lxc.cgroup.memory.limit_in_bytes", ""},
            new String[] {"lxc.cgroup.cpu.shares", "512"}, new String[] {"lxc.cgroup.cpuset.cpus", "1"},
            new String[] {"lxc.cgroup2.memory.max", "\" \""}, new String[] {"lxc.cgroup2", ""},
            new String[] {"lxc.cgroup", ""});
    private static final List<String> WELL_FORMED_SEPARATORS = List.of(" = ", " = ", "=", " =", "= ", "\t=\t");

    private NativeConfigs() {
    }

    /**
     * Returns a config of 1 to 25 well-formed lines of the keys whose values are compared with liblxc's: device
     * rules (allow and deny, v1 and v2, {@code a}, {@code *}, partial access, now and then a broken one), mount
     * entries, {@code lxc.mount.auto} items, id maps, capabilities (drop or keep, by name or number) and network
     * interfaces, with lists cleared by empty values, every separator, indents and quotes.
     */
    static String wellFormed(SplittableRandom r) {
        int lines = 1 + r.nextInt(25);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            String[] kv = entry(r);
            String value = kv[1];
            if (!value.isEmpty() && r.nextInt(8) == 0) {
                String q = r.nextBoolean() ? "\"" : "'";
                value = q + value + q;
            }
            sb.append(r.nextInt(6) == 0 ? pick(r, List.of(" ", "\t")) : "").append(kv[0])
                    .append(pick(r, WELL_FORMED_SEPARATORS)).append(value).append(r.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        return sb.toString();
    }

    private static String[] entry(SplittableRandom r) {
        switch (r.nextInt(10)) {
            case 0, 1, 2 -> {
                return new String[] {pick(r, RULE_KEYS), rule(r)};
            }
            case 3 -> {
                return new String[] {"lxc.mount.entry", pick(r, MOUNTS)};
            }
            case 4 -> {
                int n = 1 + r.nextInt(3);
                StringBuilder items = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    items.append(i == 0 ? "" : " ").append(pick(r, AUTO));
                }
                return new String[] {"lxc.mount.auto", items.toString()};
            }
            case 5 -> {
                if (r.nextInt(6) == 0) {
                    return pick(r, List.of(new String[] {"lxc.idmap", "u 0 18446744073709551615 1"},
                            new String[] {"lxc.idmap", "g 0xffffffffffffffff 0 1"},
                            new String[] {"lxc.idmap", "u 0 18446744073709551616 1"},
                            new String[] {"lxc.idmap", "g 0 9223372036854775808 010"}));
                }
                String ids = (r.nextBoolean() ? "u " : "g ") + r.nextInt(2) * 1000 + " " + (100000 + r.nextInt(3) * 65536)
                        + " " + (1 + r.nextInt(65536));
                return new String[] {"lxc.idmap", ids};
            }
            case 6 -> {
                int n = 1 + r.nextInt(3);
                StringBuilder caps = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    caps.append(i == 0 ? "" : " ").append(pick(r, CAPS));
                }
                return new String[] {r.nextInt(4) == 0 ? "lxc.cap.keep" : "lxc.cap.drop", caps.toString()};
            }
            case 7, 8 -> {
                if (r.nextInt(3) == 0) {
                    return pick(r, SINGLES);
                }
                int index = r.nextInt(3);
                if (r.nextInt(3) == 0) {
                    return new String[] {"lxc.net." + index + ".type", pick(r, NET_TYPES)};
                }
                String[] v = NET_VALUES.get(r.nextInt(NET_VALUES.size()));
                return new String[] {"lxc.net." + index + "." + v[0], v[1]};
            }
            default -> {
                return r.nextInt(4) == 0 ? pick(r, BLANKS) : new String[] {pick(r, CLEARABLE), ""};
            }
        }
    }

    private static String rule(SplittableRandom r) {
        int kind = r.nextInt(12);
        if (kind == 0) {
            return "a";
        }
        if (kind == 1) {
            return pick(r, List.of("x 10:232 rwm", "c 10 rwm", "c 10:232", "/dev/kvm rw", "c 10:232 rwmx"));
        }
        String type = pick(r, List.of("c", "c", "b", "a"));
        String major = r.nextInt(4) == 0 ? "*" : String.valueOf(r.nextInt(300));
        String minor = r.nextInt(4) == 0 ? "*" : String.valueOf(r.nextInt(300));
        StringBuilder access = new StringBuilder();
        for (char c : new char[] {'r', 'w', 'm'}) {
            if (r.nextBoolean()) {
                access.append(c);
            }
        }
        if (access.isEmpty()) {
            access.append("rwm");
        }
        return type + " " + major + ":" + minor + " " + access;
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

    private static <T> T pick(SplittableRandom r, List<T> from) {
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
