package io.github.lxcconf.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.device.HostLayout;
import io.github.lxcconf.model.DeviceType;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rules of update_lxc_config that the corpus does not exercise, one by one. */
class StartConfigTest {
    private static final String BASE = """
            arch: amd64
            ostype: debian
            rootfs: local-lvm:vm-101-disk-0,size=8G
            """;
    private static final String HEAD = """
            lxc.cgroup.relative = 0
            lxc.cgroup.dir.monitor = lxc.monitor/101
            lxc.cgroup.dir.container = lxc/101
            lxc.cgroup.dir.container.inner = ns
            lxc.arch = amd64
            lxc.include = /usr/share/lxc/config/debian.common.conf
            """;
    private static final String APPARMOR = """
            lxc.apparmor.profile = generated
            lxc.apparmor.raw = allow mqueue,
            lxc.apparmor.raw = deny mount -> /proc/,
            lxc.apparmor.raw = deny mount -> /sys/,
            """;
    private static final String TAIL = """
            lxc.monitor.unshare = 1
            lxc.tty.max = 2
            lxc.environment = TERM=linux
            lxc.uts.name = CT101
            lxc.cgroup2.memory.max = 536870912
            lxc.cgroup2.memory.high = 532676608
            lxc.cgroup2.memory.swap.max = 0
            lxc.rootfs.path = /var/lib/lxc/101/rootfs
            """;

    private static StartConfig start(String text) {
        return start(text, ProxmoxNode.defaults());
    }

    private static StartConfig start(String text, ProxmoxNode node) {
        return LxcConfig.reader().dialect(Dialect.PROXMOX).sourceName("101.conf").parse(text).startConfig(node);
    }

    @Test
    void minimalConfig() {
        StartConfig s = start(BASE);
        assertThat(s.text()).isEqualTo(HEAD + APPARMOR + TAIL);
        assertThat(s.warnings()).isEmpty();
        assertThat(s.refusal()).isEmpty();
        assertThat(s.vmid()).isEqualTo(101);
    }

    @Test
    void templateGetsNoFile() {
        StartConfig s = start(BASE + "template: 1\n");
        assertThat(s.refusal()).contains("you can't start a CT if it's a template");
        assertThat(s.text()).isEmpty();
    }

    @Test
    void lockRefusesUnlessSkiplockOrMounted() {
        assertThat(start(BASE + "lock: backup\n").refusal()).contains("CT is locked (backup)");
        assertThat(start(BASE + "lock: backup\n", ProxmoxNode.builder().skipLock(true).build()).refusal()).isEmpty();
        assertThat(start(BASE + "lock: mounted\n").refusal()).isEmpty();
    }

    @Test
    void quotaOnUnprivilegedRefused() {
        assertThat(start(BASE + "unprivileged: 1\nmp0: local:vm-101-disk-1,mp=/data,quota=1\n").refusal())
                .contains("Quota cannot be used with unprivileged containers.");
    }

    @Test
    void missingOstypeAndRootfs() {
        assertThat(start("arch: amd64\n").refusal()).contains("missing 'ostype' - internal error");
        assertThat(start("arch: amd64\nostype: debian\n").refusal()).contains("missing 'rootfs' configuration");
    }

    @Test
    void devicesWithDenyWriteAndMissingNode() {
        StartConfig s = start(BASE + "dev0: /dev/ttyUSB0,deny-write=1\ndev1: /dev/kvm,gid=104\n");
        assertThat(s.text()).contains("""
                lxc.cgroup2.devices.allow = c 188:0 r
                lxc.cgroup2.devices.deny = c 188:0 w
                lxc.cgroup2.devices.allow = c 10:232 rw
                lxc.monitor.unshare = 1
                """);
        assertThat(start(BASE + "dev0: /dev/nope\n").refusal()).contains("Device /dev/nope does not exist");
        assertThat(start(BASE + "dev0: /dev/bus/usb/002/003\n").text())
                .contains("lxc.cgroup2.devices.allow = c 189:130 rw\n");
    }

    @Test
    void deviceLookupIsTheCallers() {
        ProxmoxNode node = ProxmoxNode.builder()
                .devices(path -> Optional.of(new DeviceNode(DeviceType.BLOCK, 8, 16))).build();
        assertThat(start(BASE + "dev0: /dev/sdb\n", node).text()).contains("lxc.cgroup2.devices.allow = b 8:16 rw\n");
    }

    @Test
    void unprivilegedWithFeatures() {
        StartConfig s = start(BASE + "unprivileged: 1\nfeatures: fuse=1,mknod=1,mount=nfs;cifs\nconsole: 0\n");
        assertThat(s.text()).isEqualTo("""
                lxc.cgroup.relative = 0
                lxc.cgroup.dir.monitor = lxc.monitor/101
                lxc.cgroup.dir.container = lxc/101
                lxc.cgroup.dir.container.inner = ns
                lxc.arch = amd64
                lxc.include = /usr/share/lxc/config/debian.common.conf
                lxc.include = /usr/share/lxc/config/debian.userns.conf
                lxc.seccomp.notify.proxy = unix:/run/pve-lxc-syscalld/socket
                lxc.seccomp.notify.cookie = 101
                lxc.seccomp.profile = /var/lib/lxc/101/rules.seccomp
                lxc.apparmor.profile = generated
                lxc.apparmor.raw = allow mqueue,
                lxc.apparmor.raw = deny mount -> /proc/,
                lxc.apparmor.raw = deny mount -> /sys/,
                lxc.apparmor.raw = mount fstype=nfs,
                lxc.apparmor.raw = mount fstype=cifs,
                lxc.apparmor.raw = mount fstype=fuse,
                lxc.mount.entry = /dev/fuse dev/fuse none bind,create=file 0 0
                lxc.mount.auto = sys:mixed
                lxc.monitor.unshare = 1
                lxc.idmap = u 0 100000 65536
                lxc.idmap = g 0 100000 65536
                lxc.console.path = none
                lxc.cgroup2.devices.deny = c 5:1 rwm
                """ + TAIL.substring(TAIL.indexOf("lxc.tty.max")));
    }

    @Test
    void mknodNeedsKernel53() {
        ProxmoxNode old = ProxmoxNode.builder().kernelRelease("5.2.0").build();
        assertThat(start(BASE + "unprivileged: 1\nfeatures: mknod=1\n", old).refusal())
                .contains("'mknod' feature requested, but kernel too old (found 5.2.0, required >= 5.3)");
    }

    @Test
    void rawProfilesOverrideWithWarnings() {
        StartConfig s = start(BASE + "unprivileged: 1\nfeatures: nesting=1,keyctl=1\n"
                + "lxc.apparmor.profile: unconfined\nlxc.seccomp.profile: /x.seccomp\n");
        assertThat(s.warnings()).containsExactly(
                "explicitly configured lxc.seccomp.profile overrides the following settings: keyctl",
                "explicitly configured lxc.apparmor.profile overrides the following settings: features:nesting");
        assertThat(s.text()).doesNotContain("generated").doesNotContain("rules.seccomp")
                .endsWith("lxc.apparmor.profile = unconfined\nlxc.seccomp.profile = /x.seccomp\n");
    }

    @Test
    void rawIdmapMakesItUnprivilegedWithoutDefaultMap() {
        StartConfig s = start(BASE + "ostype: openwrt\nlxc.idmap: u 0 200000 65536\nlxc.idmap: g 0 200000 65536\n");
        assertThat(s.text()).contains("lxc.include = /usr/share/lxc/config/openwrt.common.conf\n"
                + "lxc.include = /usr/share/lxc/config/userns.conf\n");
        assertThat(s.text()).doesNotContain("100000");
    }

    @Test
    void entrypointEnvironmentAndRawLines() {
        StartConfig s = start(BASE + "entrypoint: /bin/sh\nlxc.cap.drop:\nlxc.environment.runtime: A=1\n");
        assertThat(s.text()).contains("lxc.mount.entry = shm dev/shm tmpfs rw,nosuid,nodev,create=dir 0 0\n")
                .endsWith("lxc.rootfs.path = /var/lib/lxc/101/rootfs\nlxc.init.cmd = /bin/sh\n"
                        + "lxc.environment.runtime = A=1\nlxc.cap.drop = \n");
    }

    @Test
    void memoryAndCpu() {
        StartConfig s = start(BASE + "memory: 32768\nswap: 1.5\ncpulimit: 1.5\ncpuunits: 20000\n");
        assertThat(s.warnings()).containsExactly(
                "vm 101 - unable to parse value of 'swap' - type check ('integer') failed - got '1.5'");
        assertThat(s.text()).contains("""
                lxc.cgroup2.memory.max = 34359738368
                lxc.cgroup2.memory.high = 34225520640
                lxc.cgroup2.memory.swap.max = 1572864
                lxc.cgroup2.cpu.max = 150000 100000
                lxc.cgroup2.cpu.weight = 10000
                """);
    }

    @Test
    void coresPickSeededCpus() {
        ProxmoxNode node = ProxmoxNode.builder().seed(7).build();
        String a = start(BASE + "cores: 3\n", node).text();
        assertThat(a).isEqualTo(start(BASE + "cores: 3\n", node).text());
        String line = a.lines().filter(l -> l.startsWith("lxc.cgroup2.cpuset.cpus = ")).findFirst().orElseThrow();
        assertThat(StartCorpusTest.cpus(line.substring("lxc.cgroup2.cpuset.cpus = ".length()))).hasSize(3);
        assertThat(start(BASE + "cores: 4\n", ProxmoxNode.builder().cpus(4).build()).text())
                .endsWith("lxc.cgroup2.cpuset.cpus = 0-3\n");
        assertThat(start(BASE + "cores: 2\nlxc.cgroup2.cpuset.cpus: 1\n").text())
                .endsWith("lxc.cgroup2.cpuset.cpus = 1\n");
        assertThat(StartConfigGenerator.shortString(List.of(0, 1, 2, 5, 7, 8))).isEqualTo("0-2,5,7-8");
    }

    @Test
    void hybridHostWritesNoLimits() {
        ProxmoxNode hybrid = ProxmoxNode.builder().cgroupLayout(HostLayout.HYBRID).build();
        String text = start(BASE + "console: 0\ncores: 16\nmemory: 1024\ncpulimit: 2\n", hybrid).text();
        assertThat(text).doesNotContain("memory").doesNotContain("cpu.max")
                .contains("lxc.cgroup.devices.deny = c 5:1 rwm\n").endsWith("lxc.cgroup.cpuset.cpus = 0-15\n");
    }

    @Test
    void oldLxcHasNoCgroupDirsNorUpScript() {
        String text = start(BASE + "net0: name=eth0,bridge=vmbr0,hwaddr=02:00:00:00:00:01\n",
                ProxmoxNode.builder().lxcVersion("3.2.1").build()).text();
        assertThat(text).startsWith("lxc.arch = amd64\n").doesNotContain("script.up");
    }

    @Test
    void networks() {
        StartConfig s = start(BASE + "net1: name=eth1,bridge=vmbr1,hwaddr=02:00:00:00:00:02,mtu=1400\n"
                + "net0: name=eth0,bridge=vmbr0\n");
        assertThat(s.text()).matches("(?s).*lxc.net.0.type = veth\nlxc.net.0.veth.pair = veth101i0\n"
                + "lxc.net.0.hwaddr = BC:24:11(:[0-9A-F]{2}){3}\nlxc.net.0.name = eth0\nlxc.net.0.mtu = 1500\n"
                + "lxc.net.0.script.up = /usr/share/lxc/lxcnetaddbr\nlxc.net.1.type = veth\n.*lxc.net.1.mtu = 1400\n.*");
        assertThat(start(BASE + "net0: name=eth0,bridge=vmbr0,mtu=9000\n").refusal())
                .contains("net0: MTU size '9000' is bigger than bridge MTU '1500'");
        assertThat(start(BASE + "net0: name=eth0,bridge=vmbr9\n",
                ProxmoxNode.builder().bridge("vmbr0", 1500).onlyListedBridges().build()).refusal())
                .contains("bridge 'vmbr9' does not exist");
        assertThat(start(BASE + "net0: name=eth0,bridge=vmbr0,foo=1\n").refusal()).contains("format error\n"
                + "foo: property is not defined in schema and the schema does not allow additional properties");
        String noPrefix = start(BASE + "net0: name=eth0,bridge=vmbr0\n", ProxmoxNode.builder().noMacPrefix().build())
                .text();
        assertThat(noPrefix).containsPattern("lxc.net.0.hwaddr = [0-9A-F][26AE](:[0-9A-F]{2}){5}\n");
    }

    @Test
    void hostManagedNetwork() {
        String text = start(BASE + "net0: name=eth0,bridge=vmbr0,hwaddr=02:00:00:00:00:01,host-managed=1,"
                + "ip=10.0.0.2/24,gw=10.0.0.1,ip6=dhcp\n").text();
        assertThat(text).endsWith("lxc.net.0.script.up = /usr/share/lxc/lxcnetaddbr\n"
                + "lxc.net.0.ipv4.address = 10.0.0.2/24\nlxc.net.0.ipv4.gateway = 10.0.0.1\nlxc.net.0.flags = up\n");
    }

    @Test
    void pendingIsAppliedFirst() {
        StartConfig s = start(BASE + "memory: 1024\ncores: 2\n\n[pve:pending]\nmemory: 2048\ndelete: cores\n");
        assertThat(s.text()).contains("lxc.cgroup2.memory.max = 2147483648\n").doesNotContain("cpuset");
    }

    @Test
    void pendingStoredAsStringCrashesAsProxmoxDoes() {
        assertThat(start(BASE + "pending: y\n").refusal())
                .contains("Can't use string (\"y\") as a HASH ref while \"strict refs\" in use");
    }

    @Test
    void nativeConfigIsRefusedWithAClearMessage() {
        LxcConfig lxc = LxcConfig.reader().dialect(Dialect.LXC).parse("lxc.arch = amd64\n");
        assertThatThrownBy(lxc::startConfig).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("native LXC config");
    }

    @Test
    void vmidFromNodeWhenTheNameHasNone() {
        StartConfig s = LxcConfig.reader().dialect(Dialect.PROXMOX).sourceName("ct.conf").parse(BASE)
                .startConfig(ProxmoxNode.builder().vmid(4242).build());
        assertThat(s.vmid()).isEqualTo(4242);
        assertThat(s.text()).contains("lxc.rootfs.path = /var/lib/lxc/4242/rootfs\n");
    }

    @Test
    void nodeBuilderChecksItsInput() {
        assertThatThrownBy(() -> ProxmoxNode.builder().cpuset("3-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read cpuset '3-1' at '3-1'");
        assertThatThrownBy(() -> ProxmoxNode.builder().macPrefix("xyz")).hasMessage(
                "a MAC prefix is hex octets like BC:24:11, got 'xyz'");
        assertThat(ProxmoxNode.builder().cpuset("0-3,8").build().cpuset()).containsExactly(0, 1, 2, 3, 8);
        assertThatThrownBy(() -> DeviceLookup.table("^/dev/x$ q 1 1\n")).hasMessage(
                "device table line 1: type is c or b, got 'q'");
    }
}
