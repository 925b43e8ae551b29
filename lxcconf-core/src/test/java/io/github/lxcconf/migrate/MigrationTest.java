package io.github.lxcconf.migrate;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationTest {

    private static LxcConfig lxc(String text) {
        return LxcConfig.reader().dialect(Dialect.LXC).sourceName("config").parse(text);
    }

    private static LxcConfig pve(String text) {
        return LxcConfig.reader().dialect(Dialect.PROXMOX).sourceName("100.conf").parse(text);
    }

    @Test
    void legacyKeysLxc() {
        String in = """
                # web
                lxc.utsname = web
                lxc.rootfs.backend = btrfs
                lxc.rootfs = /var/lib/lxc/web/rootfs
                lxc.network.type = veth
                lxc.network.flags = up
                lxc.network.ipv4 = 10.0.0.2/24
                lxc.network.ipv4.gateway = 10.0.0.1

                lxc.network.type = macvlan
                  lxc.network.link=eth0\t
                lxc.network.1.ipv6 = fd00::2/64
                lxc.pivotdir = lxc_putold
                lxc.limit.nofile = 1024
                lxc.id_map = u 0 100000 65536
                lxc.aa_profile = "unconfined"
                lxc.mount.entry = proc proc proc defaults 0 0
                """.replace("\n", "\r\n");
        String out = """
                # web
                lxc.uts.name = web
                lxc.rootfs.path = btrfs:/var/lib/lxc/web/rootfs
                lxc.net.0.type = veth
                lxc.net.0.flags = up
                lxc.net.0.ipv4.address = 10.0.0.2/24
                lxc.net.0.ipv4.gateway = 10.0.0.1

                lxc.net.1.type = macvlan
                  lxc.net.1.link=eth0\t
                lxc.net.1.ipv6.address = fd00::2/64
                lxc.prlimit.nofile = 1024
                lxc.idmap = u 0 100000 65536
                lxc.apparmor.profile = "unconfined"
                lxc.mount.entry = proc proc proc defaults 0 0
                """.replace("\n", "\r\n");
        Migration m = lxc(in).migrate();
        assertThat(m.config().render()).isEqualTo(out);
        assertThat(m.diagnostics()).isEmpty();
        assertThat(m.changes()).extracting(Change::line)
                .containsExactly(2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16);
        Change ipv4 = m.changes().get(5);
        assertThat(ipv4.oldLine()).isEqualTo("lxc.network.ipv4 = 10.0.0.2/24");
        assertThat(ipv4.newLines()).containsExactly("lxc.net.0.ipv4.address = 10.0.0.2/24");
        assertThat(ipv4.reason()).isEqualTo("lxc.network.ipv4 is the pre-2.1 name of lxc.net.0.ipv4.address; "
                + "LXC 3.0 and later refuse it (last accepted by 2.1.x). Unnumbered lxc.network.* lines belong to "
                + "the interface the last lxc.network.type line started, here interface 0.");
        Change indexed = m.changes().get(9);
        assertThat(indexed.reason()).endsWith("The address key is lxc.net.1.ipv6.address; lxc-update-config writes "
                + "lxc.net.N.ipv6, which LXC 3.0 and later refuse.");
        assertThat(m.changes().get(1).isRemoval()).isTrue();
        assertThat(m.changes().get(10).isRemoval()).isTrue();
    }

    @Test
    void rootfsWithoutBackendGetsDirAndNetworkKeyWithoutTypeIsReported() {
        Migration m = lxc("lxc.network.link = br0\nlxc.rootfs = /srv/rootfs\nlxc.network =\n").migrate();
        assertThat(m.config().render()).isEqualTo("lxc.network.link = br0\nlxc.rootfs.path = dir:/srv/rootfs\nlxc.net =\n");
        assertThat(m.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "config:1:1: warning: lxc.network.link comes before any lxc.network.type line, so it belongs to no "
                        + "interface and cannot be numbered; the line is left as it is [MIG003]");
    }

    @Test
    void legacyKeysProxmox() {
        String in = """
                arch: amd64
                hostname: ct
                lxc.aa_profile: unconfined
                lxc.cgroup.devices.allow: c 10:200 rwm
                memory: 512
                lxc.utsname: nope

                [snap1]
                lxc.aa_profile: unconfined
                """;
        Migration m = pve(in).migrate();
        assertThat(m.config().render()).isEqualTo("""
                arch: amd64
                hostname: ct
                lxc.apparmor.profile: unconfined
                lxc.cgroup2.devices.allow: c 10:200 rwm
                memory: 512
                lxc.uts.name: nope

                [snap1]
                lxc.apparmor.profile: unconfined
                """);
        assertThat(m.config().dialect()).isEqualTo(Dialect.PROXMOX);
        assertThat(m.changes()).extracting(Change::line).containsExactly(3, 4, 6, 9);
    }

    @Test
    void cgroupV1ToCgroup2Lxc() {
        String in = """
                lxc.cgroup.devices.deny = a
                lxc.cgroup.devices.allow = c 10:232 rwm
                lxc.cgroup.memory.limit_in_bytes = 512M
                lxc.cgroup.memory.memsw.limit_in_bytes = 1G
                lxc.cgroup.cpu.shares = 1024
                lxc.cgroup.cpu.cfs_quota_us = 50000
                lxc.cgroup.cpu.cfs_period_us = 100000
                lxc.cgroup.cpuset.cpus = 0-1
                lxc.cgroup.blkio.weight = 500
                lxc.cgroup.blkio.throttle.read_bps_device = 8:0 1048576
                lxc.cgroup.pids.max = 100
                lxc.cgroup.memory.swappiness = 0
                lxc.cgroup.dir = lxc/web
                lxc.cgroup.hugetlb.2MB.limit_in_bytes = -1
                """;
        Migration m = lxc(in).migrate();
        assertThat(m.config().render()).isEqualTo("""
                lxc.cgroup2.devices.deny = a
                lxc.cgroup2.devices.allow = c 10:232 rwm
                lxc.cgroup2.memory.max = 512M
                lxc.cgroup2.memory.swap.max = 512M
                lxc.cgroup2.cpu.weight = 39
                lxc.cgroup2.cpu.max = 50000 100000
                lxc.cgroup2.cpuset.cpus = 0-1
                lxc.cgroup2.io.weight = 100
                lxc.cgroup2.io.max = 8:0 rbps=1048576
                lxc.cgroup2.pids.max = 100
                lxc.cgroup.memory.swappiness = 0
                lxc.cgroup.dir = lxc/web
                lxc.cgroup2.hugetlb.2MB.max = max
                """);
        assertThat(m.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "config:4:1: warning: lxc.cgroup.memory.memsw.limit_in_bytes limits memory plus swap, "
                        + "memory.swap.max limits swap alone; the memory limit (512M) was subtracted: 1G - memory = "
                        + "512M of swap [MIG002]",
                "config:12:1: warning: lxc.cgroup.memory.swappiness was not translated to cgroup2: cgroup2 has no "
                        + "memory.swappiness file; cgroup2 hosts ignore the line and LXC 7.0 refuses it [MIG001]");
        assertThat(m.changes().get(4).reason()).isEqualTo("cpu.shares (2..262144, default 1024) becomes cpu.weight "
                + "(1..10000, default 100) with the kernel's conversion 1 + ((shares - 2) * 9999) / 262142: 1024 -> 39.");
        assertThat(m.changes().get(6).isRemoval()).isTrue();
        assertThat(m.changes().get(6).oldLine()).isEqualTo("lxc.cgroup.cpu.cfs_period_us = 100000");
    }

    @Test
    void cgroupV1ToCgroup2Proxmox() {
        Migration m = pve("arch: amd64\nlxc.cgroup.cpu.shares: 512\nlxc.cgroup.memory.memsw.limit_in_bytes: -1\n"
                + "lxc.cgroup.freezer.state: THAWED\n").migrate();
        assertThat(m.config().render()).isEqualTo("arch: amd64\nlxc.cgroup2.cpu.weight: 20\n"
                + "lxc.cgroup2.memory.swap.max: max\nlxc.cgroup.freezer.state: THAWED\n");
        assertThat(m.diagnostics()).extracting(Diagnostic::code).containsExactly(
                DiagnosticCode.MIG_CHECK_TRANSLATION, DiagnosticCode.MIG_NO_CGROUP2_EQUIVALENT);
    }

    @Test
    void cgroupOnlyWhenAsked() {
        LxcConfig c = lxc("lxc.utsname = a\nlxc.cgroup.cpu.shares = 512\n");
        assertThat(c.migrate(MigrationOptions.all().withCgroup2(false)).config().render())
                .isEqualTo("lxc.uts.name = a\nlxc.cgroup.cpu.shares = 512\n");
        assertThat(c.migrate(MigrationOptions.all().withLegacyKeys(false)).config().render())
                .isEqualTo("lxc.utsname = a\nlxc.cgroup2.cpu.weight = 20\n");
    }

    @Test
    void proxmoxDevicePassthroughBecomesDevN() {
        String in = """
                arch: amd64
                hostname: ct
                memory: 512
                ostype: debian
                lxc.cgroup2.devices.allow: c 10:200 rwm
                lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file
                lxc.cgroup.devices.allow: c 226:128 rw
                lxc.mount.entry: /dev/dri/renderD128 dev/dri/renderD128 none bind,optional,create=file
                lxc.cgroup2.devices.allow: c 10:232 r
                lxc.mount.entry: /dev/kvm dev/kvm none bind,create=file
                lxc.cgroup2.devices.allow: c 189:* rwm
                lxc.mount.entry: /dev/bus/usb dev/bus/usb none bind,optional,create=dir
                """;
        Migration m = pve(in).migrate();
        assertThat(m.config().render()).isEqualTo("""
                arch: amd64
                dev0: /dev/net/tun
                dev1: /dev/dri/renderD128
                dev2: /dev/kvm,deny-write=1
                hostname: ct
                memory: 512
                ostype: debian
                lxc.cgroup2.devices.allow: c 189:* rwm
                lxc.mount.entry: /dev/bus/usb dev/bus/usb none bind,optional,create=dir
                """);
        assertThat(m.changes()).extracting(Change::line).containsExactly(5, 6, 7, 8, 9, 10);
        assertThat(m.changes().get(0).newLines()).containsExactly("dev0: /dev/net/tun");
        assertThat(m.changes().get(1).isRemoval()).isTrue();
        Change v1 = m.changes().get(2);
        assertThat(v1.oldLine()).isEqualTo("lxc.cgroup.devices.allow: c 226:128 rw");
        assertThat(v1.newLines()).containsExactly("dev1: /dev/dri/renderD128");
        assertThat(v1.reason()).startsWith("Device rules carry over from cgroup v1 to cgroup2 unchanged;")
                .contains("a missing node stops the start");
        assertThat(m.changes().get(0).reason()).endsWith("; devN does not grant mknod (m).");
    }

    @Test
    void nativeConfigKeepsRawDeviceLines() {
        String in = "lxc.cgroup2.devices.allow = c 10:200 rwm\n"
                + "lxc.mount.entry = /dev/net/tun dev/net/tun none bind,create=file\n";
        LxcConfig c = lxc(in);
        Migration m = c.migrate();
        assertThat(m.changed()).isFalse();
        assertThat(m.config()).isSameAs(c);
        assertThat(m.config().render()).isEqualTo(in);
        assertThat(pve(in.replace(" = ", ": ")).migrate(MigrationOptions.all().withProxmoxDevices(false)).changed())
                .isFalse();
    }

    @Test
    void nothingToMigrateGivesTheSameConfig() {
        LxcConfig c = lxc("lxc.uts.name = a\n");
        Migration m = c.migrate();
        assertThat(m.config()).isSameAs(c);
        assertThat(m.changes()).isEmpty();
        assertThat(m.diagnostics()).isEqualTo(List.of());
    }
}
