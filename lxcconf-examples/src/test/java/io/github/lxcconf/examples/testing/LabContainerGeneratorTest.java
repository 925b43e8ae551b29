package io.github.lxcconf.examples.testing;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.examples.testing.LabContainerGenerator.Lab;
import io.github.lxcconf.model.Capability;
import io.github.lxcconf.model.KnownDevice;
import org.junit.jupiter.api.Test;

// One static import gives the config assertions; AssertJ's own still work beside them.
import static io.github.lxcconf.assertj.LxcConfigAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How to test a config generator with lxcconf-assertj: assert what the container may do, not how the
 * lines are spelled, and pin the whole file once with {@code renders}.
 */
class LabContainerGeneratorTest {

    private static final Lab SEAT_7 = new Lab(307, "lab-07", "BC:24:11:00:00:07", "10.10.0.107/24", "10.10.0.1",
            "/srv/lab/shared");

    @Test
    void proxmoxSeat() {
        LxcConfig config = LabContainerGenerator.proxmox(SEAT_7);

        assertThat(config)
                .hasNoErrors()                                  // Proxmox and liblxc accept the file
                .hasValue("hostname", "lab-07")
                .isUnprivileged()
                .allowsDevice(KnownDevice.KVM)                  // dev0: /dev/kvm grants read and write
                .allowsDevice(KnownDevice.TUN)
                .deniesDevice(KnownDevice.FUSE)                 // and nothing else
                .hasBindMount("/srv/lab/shared", "/mnt/shared") // mp0
                .hasNetwork(0)                                  // net0, checked field by field
                    .hasName("eth0")
                    .hasBridge("vmbr0")
                    .hasHwaddr("bc:24:11:00:00:07")             // MAC addresses compare ignoring case
                    .hasIpv4("10.10.0.107/24")
                    .hasGateway("10.10.0.1")
                .and()                                          // back to the whole config
                .renders("""
                        # Lab seat: nested virtual machines (KVM) and VPNs (TUN) work inside.
                        arch: amd64
                        cores: 2
                        dev0: /dev/kvm
                        dev1: /dev/net/tun
                        hostname: lab-07
                        memory: 4096
                        mp0: /srv/lab/shared,mp=/mnt/shared
                        net0: name=eth0,bridge=vmbr0,gw=10.10.0.1,hwaddr=BC:24:11:00:00:07,ip=10.10.0.107/24,type=veth
                        ostype: ubuntu
                        rootfs: local-lvm:vm-307-disk-0,size=16G
                        swap: 1024
                        unprivileged: 1
                        """);
    }

    @Test
    void nativeSeat() {
        LxcConfig config = LabContainerGenerator.lxc(new Lab(307, "lab-07", "00:16:3e:00:00:07", "10.0.3.107/24",
                "10.0.3.1", "/srv/lab/shared"));

        assertThat(config)
                .hasNoErrors()
                .hasNoWarnings()
                .hasValue("lxc.uts.name", "lab-07")
                .isPrivileged()                                 // no lxc.idmap lines
                .allowsDevice(KnownDevice.KVM)                  // lxc.cgroup2.devices.allow = c 10:232 rwm
                .allowsDevice(KnownDevice.TUN)
                .hasBindMount("/dev/kvm", "/dev/kvm")           // the node itself, bind-mounted
                .hasBindMount("/dev/net/tun", "dev/net/tun")    // with or without the leading '/'
                .hasBindMount("/srv/lab/shared", "/mnt/shared")
                .doesNotHaveKey("lxc.cgroup.devices.allow")     // no cgroup v1 rules
                .hasNetwork(0).hasType("veth").hasBridge("lxcbr0").hasIpv4("10.0.3.107/24");
    }

    @Test
    void aFailingCheckQuotesTheLinesThatDecidedIt() {
        LxcConfig config = LabContainerGenerator.proxmox(SEAT_7);

        // This is what a test run prints when the generator forgets something: the config's name,
        // what was expected, and the lines of the config that matter, with their numbers.
        assertThatThrownBy(() -> assertThat(config).as("seat 7").dropsCapability(Capability.SYS_ADMIN))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        [seat 7] Expecting config "307.conf" to drop capability sys_admin,
                        but the config has no lxc.cap.drop or lxc.cap.keep lines""");
        assertThatThrownBy(() -> assertThat(config).allowsDevice(KnownDevice.FUSE))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "307.conf" to allow character device 10:229 (/dev/fuse) with access rw on a \
                        pure cgroup2 host,
                        but it is refused: the device program is an allowlist (liblxc's default) and no rule allows it""");
    }
}
