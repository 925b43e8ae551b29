package io.github.lxcconf.model.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.Diagnostic;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NetworkDeviceTest {
    private static final String CLASSROOM_NET0 = "name=eth0,bridge=vmbr0,hwaddr=86:4B:53:B7:66:0A,ip=dhcp,type=veth";

    @Test
    @DisplayName("the classroom net0: every field")
    void classroom() {
        NetworkDevice net = NetworkDevice.parse(0, CLASSROOM_NET0);
        assertThat(net.key()).isEqualTo("net0");
        assertThat(net.name()).contains("eth0");
        assertThat(net.bridge()).contains("vmbr0");
        assertThat(net.hwaddr()).contains("86:4B:53:B7:66:0A");
        assertThat(net.ip()).hasValueSatisfying(ip -> assertThat(ip.mode()).isEqualTo(IpConfig.Mode.DHCP));
        assertThat(net.ip6()).isEmpty();
        assertThat(net.type()).isEqualTo("veth");
        assertThat(net.firewall()).isFalse();
        assertThat(net.diagnostics()).isEmpty();
        assertThat(net.value().toValue()).isEqualTo(CLASSROOM_NET0);
    }

    @Test
    @DisplayName("typed fields, defaults from the table, and ill-typed values read as unset")
    void typed() {
        NetworkDevice net = NetworkDevice.parse(3, "name=eth3,bridge=vmbr1,firewall=yes,gw=10.0.0.1,"
                + "gw6=fe80::1,ip=10.0.0.2/24,ip6=auto,mtu=1450,tag=+10,trunks=10;20;30,rate=12.5,link_down=1,"
                + "host-managed=0");
        assertThat(net.firewall()).isTrue();
        assertThat(net.linkDown()).isTrue();
        assertThat(net.hostManaged()).isFalse();
        assertThat(net.gateway()).contains("10.0.0.1");
        assertThat(net.gateway6()).contains("fe80::1");
        assertThat(net.ip().orElseThrow().prefixLength()).contains(24);
        assertThat(net.ip6().orElseThrow().mode()).isEqualTo(IpConfig.Mode.AUTO);
        assertThat(net.mtu()).contains(1450);
        assertThat(net.tag()).contains(10);
        assertThat(net.trunks()).containsExactly(10, 20, 30);
        assertThat(net.rate()).contains(new BigDecimal("12.5"));
        assertThat(net.type()).isEqualTo("veth");
        assertThat(net.diagnostics()).isEmpty();

        NetworkDevice bad = NetworkDevice.parse(1, "name=eth1,mtu=big,tag=x,ip=10.0.0.2,trunks=a;b,firewall=maybe");
        assertThat(bad.mtu()).isEmpty();
        assertThat(bad.tag()).isEmpty();
        assertThat(bad.ip()).isEmpty();
        assertThat(bad.trunks()).isEmpty();
        assertThat(bad.firewall()).isFalse();
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of("name=eth0,bridge=vmbr0,foo=bar", List.of("<string>:1:24: warning: unable to parse value"
                        + " of 'net0' - format error: foo: property is not defined in schema and the schema does not"
                        + " allow additional properties [PVE104]")),
                Arguments.of("name=eth0,hwaddr=01:00:5E:00:00:01", List.of("<string>:1:18: warning: unable to parse"
                        + " value of 'net0' - format error: hwaddr: invalid format - value does not look like a valid"
                        + " unicast MAC address [PVE104]")),
                Arguments.of("name=eth0,ip=10.0.0.2", List.of("<string>:1:14: warning: unable to parse value of"
                        + " 'net0' - format error: ip: invalid format - value does not look like a valid ipv4 network"
                        + " configuration [PVE104]")),
                Arguments.of("name=eth0,ip6=fc00::1/4", List.of("<string>:1:15: warning: unable to parse value of"
                        + " 'net0' - format error: ip6: invalid format - value does not look like a valid ipv6"
                        + " network configuration [PVE104]")),
                Arguments.of("name=eth0,gw=1.2.3", List.of("<string>:1:14: warning: unable to parse value of 'net0'"
                        + " - format error: gw: invalid format - value does not look like a valid IPv4 address"
                        + " [PVE104]")),
                Arguments.of("name=eth0,tag=0", List.of("<string>:1:15: warning: unable to parse value of 'net0' -"
                        + " format error: tag: value must have a minimum value of 1 [PVE104]")),
                Arguments.of("name=eth0,mtu=63", List.of("<string>:1:15: warning: unable to parse value of 'net0' -"
                        + " format error: mtu: value must have a minimum value of 64 [PVE104]")),
                Arguments.of("name=eth0,type=macvlan", List.of("<string>:1:16: warning: unable to parse value of"
                        + " 'net0' - format error: type: value 'macvlan' does not have a value in the enumeration"
                        + " 'veth' [PVE104]")),
                Arguments.of("name=eth 0", List.of("<string>:1:6: warning: unable to parse value of 'net0' - format"
                        + " error: name: value does not match the regex pattern [PVE104]")),
                Arguments.of("name=eth0,trunks=10,20", List.of("<string>:1:21: warning: unable to parse value of"
                        + " 'net0' - value without key, but schema does not define a default key [PVE103]")),
                Arguments.of("name=eth0,name=eth1", List.of("<string>:1:11: warning: unable to parse value of 'net0'"
                        + " - duplicate key in comma-separated list property: name [PVE103]")),
                Arguments.of("name=eth0,firewall=2", List.of("<string>:1:20: warning: unable to parse value of"
                        + " 'net0' - format error: firewall: type check ('boolean') failed - got '2' [PVE104]")),
                Arguments.of("name=eth0,rate=fast", List.of("<string>:1:16: warning: unable to parse value of 'net0'"
                        + " - format error: rate: type check ('number') failed - got 'fast' [PVE104]")),
                Arguments.of("name=eth0,rate=1e3,firewall=TRUE,tag=+12", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    @DisplayName("schema checks with Proxmox's wording, at the field's column")
    void diagnostics(String text, List<String> expected) {
        assertThat(NetworkDevice.parse(0, text).diagnostics()).map(Diagnostic::toString)
                .containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("with and without edit one field of net0 and keep the others")
    void edit() {
        NetworkDevice net = NetworkDevice.parse(0, CLASSROOM_NET0);
        assertThat(net.with("ip", "192.168.1.50/24").value().toValue())
                .isEqualTo("name=eth0,bridge=vmbr0,hwaddr=86:4B:53:B7:66:0A,ip=192.168.1.50/24,type=veth");
        assertThat(net.with("gw", "192.168.1.1").value().toValue())
                .isEqualTo("name=eth0,bridge=vmbr0,gw=192.168.1.1,hwaddr=86:4B:53:B7:66:0A,ip=dhcp,type=veth");
        assertThat(net.without("hwaddr").value().toValue()).isEqualTo("name=eth0,bridge=vmbr0,ip=dhcp,type=veth");
        assertThat(net.with("ip", "dhcp")).isSameAs(net);
        assertThat(net.without("tag")).isSameAs(net);
        assertThat(net.with("ip", "10.0.0.2/24").index()).isZero();
    }

    @Test
    @DisplayName("only net0-net31 exist")
    void index() {
        assertThat(NetworkDevice.parse(31, "name=eth31").key()).isEqualTo("net31");
        assertThatThrownBy(() -> NetworkDevice.parse(32, "name=x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'net32' is not a Proxmox option");
        assertThatThrownBy(() -> NetworkDevice.parse(-1, "name=x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(NetworkDevice.parse(2, "name=a")).isEqualTo(NetworkDevice.parse(2, "name=a"))
                .isNotEqualTo(NetworkDevice.parse(3, "name=a"));
    }
}
