package io.github.lxcconf.model;

import static io.github.lxcconf.model.ModelTesting.lxc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkAddressTest {

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            192.168.1.1               | 192.168.1.1/8
            10.0.0.200                | 10.0.0.200/24
            10.0.0.130                | 10.0.0.130/16
            10.0.0.230                | 10.0.0.230/0
            10.0.0.1 10.255.255.255   | 10.0.0.1/8
            1.2.3.4/0x10 1.2.255.255  | 1.2.3.4/16
            1.2.3.200/010             | 1.2.3.200/8
            10.0.3.5/24               | 10.0.3.5/24
            """)
    @DisplayName("IPv4: the default prefix is the class of the LAST octet, as liblxc 5.0.2 holds it; prefixes in base 0")
    void ipv4(String value, String held) {
        assertThat(NetworkAddress.parseIpv4(value)).hasToString(held);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            fe80::1/0x40               | fe80::1/64
            FE80:0::1                  | fe80::1/64
            fe80::1/200                | fe80::1/200
            ::ffff:1.2.3.4             | ::ffff:1.2.3.4/64
            ::1.2.3.4                  | ::1.2.3.4/64
            1:0:0:2:0:0:0:3            | 1:0:0:2::3/64
            1:0:2:0:3:0:4:0            | 1:0:2:0:3:0:4:0/64
            0:0:0:0:0:0:0:0/4294967295 | ::/4294967295
            1::                        | 1::/64
            ::1                        | ::1/64
            2001:db8:0:0:1:0:0:1       | 2001:db8::1:0:0:1/64
            """)
    @DisplayName("IPv6: printed as inet_ntop prints it, prefix 64 by default")
    void ipv6(String value, String held) {
        assertThat(NetworkAddress.parseIpv6(value)).hasToString(held);
    }

    @Test
    @DisplayName("the broadcast, the refusals, and the interface's typed accessors")
    void parts() {
        NetworkAddress a = NetworkAddress.parseIpv4("10.0.3.5/24 10.0.3.255");
        assertThat(a).isEqualTo(new NetworkAddress("10.0.3.5", 24, Optional.of("10.0.3.255")));
        assertThatThrownBy(() -> NetworkAddress.parseIpv4("10.0.0.1/33")).isInstanceOf(
                IllegalArgumentException.class).hasMessage("the prefix '/33' is not 0 to 32");
        assertThatThrownBy(() -> NetworkAddress.parseIpv4("10.0.0.1/24 bogus"))
                .hasMessage("the broadcast address 'bogus' is not an IPv4 address");
        assertThatThrownBy(() -> NetworkAddress.parseIpv6("fe80::1/x")).hasMessage("the prefix '/x' is not a number");
        assertThatThrownBy(() -> new NetworkAddress("fe80::1", 64, Optional.of("1.2.3.4")))
                .isInstanceOf(IllegalArgumentException.class);
        NetworkInterface eth0 = lxc("""
                lxc.net.0.type = veth
                lxc.net.0.ipv4.address = 192.168.1.1
                lxc.net.0.ipv4.address = 10.0.0.200
                lxc.net.0.ipv6.address = FE80:0::1
                """).networkInterface(0).orElseThrow();
        assertThat(eth0.ipv4()).hasToString("[192.168.1.1/8, 10.0.0.200/24]");
        assertThat(eth0.ipv6()).hasToString("[fe80::1/64]");
    }
}
