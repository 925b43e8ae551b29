package io.github.lxcconf.assertj;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.model.KnownDevice;
import org.junit.jupiter.api.Test;

import static io.github.lxcconf.assertj.Configs.classroom;
import static io.github.lxcconf.assertj.Configs.classroomText;
import static io.github.lxcconf.assertj.Configs.named;
import static io.github.lxcconf.assertj.LxcConfigAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworkAndRenderAssertionsTest {

    private static final LxcConfig NATIVE = named("web/config", """
            lxc.uts.name = web
            lxc.net.0.type = veth
            lxc.net.0.link = lxcbr0
            lxc.net.0.hwaddr = 00:16:3E:AA:BB:CC
            lxc.net.0.ipv4.address = 10.0.3.5/24
            lxc.net.0.ipv4.address = 10.0.4.5/24
            lxc.net.0.ipv4.gateway = 10.0.3.1
            lxc.net.1.type = macvlan
            lxc.net.1.link = eno1
            """);

    private static final LxcConfig PROXMOX = named("107.conf", """
            arch: amd64
            hostname: lab-07
            net0: name=eth0,bridge=vmbr0,hwaddr=BC:24:11:00:00:07,ip=10.10.0.107/24,gw=10.10.0.1
            net1: name=eth1,bridge=vmbr1,ip=dhcp,type=veth
            """);

    @Test
    void proxmoxInterfaces() {
        assertThat(PROXMOX)
                .hasNetwork(0).hasName("eth0").hasBridge("vmbr0").hasHwaddr("bc:24:11:00:00:07")
                .hasIpv4("10.10.0.107/24").hasGateway("10.10.0.1").hasType("veth")
                .and()
                .hasNetwork(1).hasName("eth1").hasBridge("vmbr1").hasIpv4("dhcp")
                .and()
                .hasValue("hostname", "lab-07");
    }

    @Test
    void nativeInterfaces() {
        assertThat(NATIVE)
                .hasNetwork(0).hasType("veth").hasBridge("lxcbr0").hasHwaddr("00:16:3e:aa:bb:cc")
                .hasIpv4("10.0.3.5/24").hasIpv4("10.0.4.5/24").hasGateway("10.0.3.1")
                .and()
                .hasNetwork(1).hasType("macvlan").hasBridge("eno1");
    }

    @Test
    void aMissingInterfaceListsTheInterfacesThere() {
        assertThatThrownBy(() -> assertThat(PROXMOX).hasNetwork(2))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "107.conf" to have network interface net2,
                        but it has only:
                          line 3: net0: name=eth0,bridge=vmbr0,hwaddr=BC:24:11:00:00:07,ip=10.10.0.107/24,gw=10.10.0.1
                          line 4: net1: name=eth1,bridge=vmbr1,ip=dhcp,type=veth""");
        assertThatThrownBy(() -> assertThat(NATIVE).hasNetwork(2))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "web/config" to have network interface lxc.net.2,
                        but it has only:
                          line 2: lxc.net.0.type = veth
                          line 3: lxc.net.0.link = lxcbr0
                          line 4: lxc.net.0.hwaddr = 00:16:3E:AA:BB:CC
                          line 5: lxc.net.0.ipv4.address = 10.0.3.5/24
                          line 6: lxc.net.0.ipv4.address = 10.0.4.5/24
                          line 7: lxc.net.0.ipv4.gateway = 10.0.3.1
                          line 8: lxc.net.1.type = macvlan
                          line 9: lxc.net.1.link = eno1""");
        assertThatThrownBy(() -> assertThat(named("web/config", "lxc.uts.name = web\n")).hasNetwork(0))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "web/config" to have network interface lxc.net.0,
                        but it has no network interfaces""");
    }

    @Test
    void aNegativeIndexIsAnArgumentError() {
        assertThatThrownBy(() -> assertThat(PROXMOX).hasNetwork(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("network interface indices start at 0, got -1");
    }

    @Test
    void proxmoxFieldFailuresQuoteTheNetLine() {
        assertThatThrownBy(() -> assertThat(classroom()).as("room 102").hasNetwork(0).hasBridge("vmbr1"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        [room 102] Expecting config "classroom-102.conf" interface net0 to have bridge "vmbr1",
                        but it has "vmbr0":
                          line 5: net0: name=eth0,bridge=vmbr0,hwaddr=86:4B:53:B7:66:0A,ip=dhcp,type=veth""");
        assertThatThrownBy(() -> assertThat(PROXMOX).hasNetwork(1).hasGateway("10.10.0.1"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "107.conf" interface net1 to have gateway "10.10.0.1",
                        but it has none:
                          line 4: net1: name=eth1,bridge=vmbr1,ip=dhcp,type=veth""");
        assertThatThrownBy(() -> assertThat(PROXMOX).hasNetwork(0).hasHwaddr("BC:24:11:00:00:08"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("""
                        Expecting config "107.conf" interface net0 to have hwaddr "BC:24:11:00:00:08",
                        but it has "BC:24:11:00:00:07":""");
        assertThatThrownBy(() -> assertThat(PROXMOX).hasNetwork(0).hasName("eth1"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("""
                        Expecting config "107.conf" interface net0 to have name "eth1",
                        but it has "eth0":""");
        assertThatThrownBy(() -> assertThat(PROXMOX).hasNetwork(0).hasType("macvlan"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("""
                        Expecting config "107.conf" interface net0 to have type "macvlan",
                        but it has "veth":""");
    }

    @Test
    void nativeFieldFailuresQuoteTheSubKeysLines() {
        assertThatThrownBy(() -> assertThat(NATIVE).hasNetwork(0).hasIpv4("10.0.3.6/24"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "web/config" interface lxc.net.0 to have ipv4 address "10.0.3.6/24",
                        but it has "10.0.3.5/24", "10.0.4.5/24":
                          line 5: lxc.net.0.ipv4.address = 10.0.3.5/24
                          line 6: lxc.net.0.ipv4.address = 10.0.4.5/24""");
        assertThatThrownBy(() -> assertThat(NATIVE).hasNetwork(1).hasHwaddr("00:16:3e:aa:bb:cc"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "web/config" interface lxc.net.1 to have hwaddr "00:16:3e:aa:bb:cc",
                        but it has none:
                          line 8: lxc.net.1.type = macvlan
                          line 9: lxc.net.1.link = eno1""");
    }

    @Test
    void theNestedAssertionReturnsToTheConfig() {
        assertThatThrownBy(() -> assertThat(PROXMOX).as("lab").hasNetwork(0).hasBridge("vmbr0").and()
                .allowsDevice(KnownDevice.KVM))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("[lab] Expecting config \"107.conf\" to allow character device 10:232");
    }

    @Test
    void rendersPassesOnTheExactText() {
        assertThat(classroom()).renders(classroomText());
        assertThat(classroom().edit().set("memory", "2048").build())
                .renders(classroomText().replace("memory: 4096", "memory: 2048"));
    }

    @Test
    void rendersFailureShowsTheFirstDifferentLineWithVisibleLineEnds() {
        assertThatThrownBy(() -> assertThat(named("105.conf", "arch: amd64\r\nmemory: 512\r\n"))
                .renders("arch: amd64\r\nmemory: 512\n"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "105.conf" to render as expected,
                        but line 2 differs at column 12:
                          expected: "memory: 512\\n"
                          actual:   "memory: 512\\r\\n\"""");
        assertThatThrownBy(() -> assertThat(named("web/config", "lxc.uts.name = web \n"))
                .renders("lxc.uts.name =\tweb\n"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "web/config" to render as expected,
                        but line 1 differs at column 15:
                          expected: "lxc.uts.name =\\tweb\\n"
                          actual:   "lxc.uts.name = web \\n\"""");
    }

    @Test
    void rendersFailureWhenOneTextIsLonger() {
        assertThatThrownBy(() -> assertThat(classroom()).renders(classroomText() + "onboot: 1\n"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "classroom-102.conf" to render as expected,
                        but line 18 differs:
                          expected: "onboot: 1\\n"
                          actual:   (no line: the config ends here)""");
        assertThatThrownBy(() -> assertThat(named("105.conf", "arch: amd64\nmemory: 512")).renders("arch: amd64\n"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expecting config "105.conf" to render as expected,
                        but line 2 differs:
                          expected: (no line: the expected text ends here)
                          actual:   "memory: 512\"""");
    }
}
