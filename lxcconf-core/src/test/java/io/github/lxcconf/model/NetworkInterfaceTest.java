package io.github.lxcconf.model;

import static io.github.lxcconf.model.ModelTesting.lxc;
import static io.github.lxcconf.model.ModelTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkInterfaceTest {

    @Test
    @DisplayName("a veth interface: every typed accessor, sub-keys in the order written")
    void veth() {
        LxcSettings s = lxc("""
                lxc.net.0.type = veth
                lxc.net.0.link = lxcbr0
                lxc.net.0.flags = up
                lxc.net.0.hwaddr = 00:16:3e:xx:xx:xx
                lxc.net.0.mtu = 1500
                lxc.net.0.name = eth0
                lxc.net.0.ipv4.address = 10.0.3.5/24 10.0.3.255
                lxc.net.0.ipv4.address = 10.0.3.6
                lxc.net.0.ipv4.gateway = auto
                lxc.net.0.ipv6.address = fd00::5/64
                lxc.net.0.ipv6.gateway = fd00::1
                lxc.net.0.veth.pair = vethweb
                lxc.net.0.veth.mode = router
                lxc.net.0.script.up = /usr/local/bin/up
                lxc.net.0.script.down = /usr/local/bin/down
                """);
        assertThat(problems(s)).isEmpty();
        NetworkInterface n = s.networkInterface(0).orElseThrow();
        assertThat(n.index()).isZero();
        assertThat(n.type()).contains(NetworkType.VETH);
        assertThat(n.link()).contains("lxcbr0");
        assertThat(n.flags()).contains("up");
        assertThat(n.isUp()).isTrue();
        assertThat(n.hwaddr()).contains("00:16:3e:xx:xx:xx");
        assertThat(n.mtu()).contains("1500");
        assertThat(n.name()).contains("eth0");
        assertThat(n.ipv4Addresses()).containsExactly("10.0.3.5/24 10.0.3.255", "10.0.3.6");
        assertThat(n.ipv4Gateway()).contains("auto");
        assertThat(n.ipv6Addresses()).containsExactly("fd00::5/64");
        assertThat(n.ipv6Gateway()).contains("fd00::1");
        assertThat(n.vethPair()).contains("vethweb");
        assertThat(n.value("veth.mode")).contains("router");
        assertThat(n.scriptUp()).contains("/usr/local/bin/up");
        assertThat(n.scriptDown()).contains("/usr/local/bin/down");
        assertThat(n.vlanId()).isEmpty();
        assertThat(n.macvlanMode()).isEmpty();
        assertThat(n.subKeys().keySet()).containsExactly("type", "link", "flags", "hwaddr", "mtu", "name",
                "ipv4.address", "ipv4.gateway", "ipv6.address", "ipv6.gateway", "veth.pair", "veth.mode", "script.up",
                "script.down");
        assertThat(n.origins()).hasSize(15);
        assertThat(n.key("link")).isEqualTo("lxc.net.0.link");
        assertThat(n.values("nothing")).isEmpty();
    }

    @Test
    @DisplayName("a type line resets the interface (warning when it loses settings); the shipped lxc-complex example")
    void typeResets() {
        LxcSettings s = lxc("lxc.net.0.link = br0\nlxc.net.0.flags = up\nlxc.net.0.type = veth\n");
        NetworkInterface n = s.networkInterface(0).orElseThrow();
        assertThat(n.link()).isEmpty();
        assertThat(n.subKeys().keySet()).containsExactly("type");
        assertThat(n.origins()).extracting(Origin::lineNumber).containsExactly(3);
        assertThat(problems(s)).containsExactly(
                "3:18 warning LXC111 lxc.net.0.type resets interface 0: link, flags set above are lost");
        assertThat(s.diagnostics().get(0).hint()).contains("write lxc.net.0.type first; for another interface use"
                + " another index, such as lxc.net.1.type");
        assertThat(problems("lxc.net.0.type = veth\nlxc.net.0.type = veth\n")).isEmpty();
        assertThat(problems("lxc.net.0.type = veth\nlxc.net.0.link = br0\nlxc.net.0.type = phys\n"))
                .containsExactly("3:18 warning LXC111 lxc.net.0.type resets interface 0: link set above is lost");
        LxcSettings cleared = lxc("lxc.net.0.type = veth\nlxc.net.0.link = br0\nlxc.net.0.type =\n");
        assertThat(cleared.networkInterface(0).orElseThrow().subKeys()).isEmpty();
        assertThat(problems(cleared)).isEmpty();
    }

    @Test
    @DisplayName("indices: sparse, sorted, leading zeros; below 2147483647")
    void indices() {
        LxcSettings s = lxc("lxc.net.5.type = veth\nlxc.net.00.type = empty\nlxc.net.2147483646.type = none\n");
        assertThat(s.networkInterfaces()).extracting(NetworkInterface::index).containsExactly(0, 5, 2147483646);
        assertThat(s.networkInterface(1)).isEmpty();
        assertThat(s.networkInterface(0).flatMap(NetworkInterface::name)).contains("lo");
        assertThat(problems(s)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            lxc.net.2147483647.type = veth | 1:1 error LXC107 'lxc.net.2147483647.type': the interface index must be below 2147483647; liblxc refuses the file
            lxc.net.99999999999999999999.type = veth | 1:1 error LXC107 'lxc.net.99999999999999999999.type': the interface index must be below 2147483647; liblxc refuses the file
            lxc.net.+1.type = veth  | 1:1 error LXC107 'lxc.net.+1.type': the interface index '+1' must be decimal digits; liblxc refuses the file
            lxc.net.x.type = veth   | 1:1 error LXC107 'lxc.net.x.type': the interface index 'x' must be decimal digits; liblxc refuses the file
            lxc.net..type = veth    | 1:1 error LXC107 'lxc.net..type': the interface index '' must be decimal digits; liblxc refuses the file
            lxc.net.0.ipv4 = 10.0.0.1 | 1:1 error LXC107 unknown network key 'lxc.net.0.ipv4': liblxc refuses the file
            lxc.net.0.foo = bar     | 1:1 error LXC107 unknown network key 'lxc.net.0.foo': liblxc refuses the file
            lxc.net = x             | 1:1 error LXC107 'lxc.net' only accepts an empty value, which removes every interface; liblxc refuses the file
            lxc.net.0 = x           | 1:1 error LXC107 'lxc.net.0' only accepts an empty value, which removes interface 0; liblxc refuses the file
            lxc.net.x =             | 1:1 error LXC107 'lxc.net.x': 'x' is not an interface index; liblxc refuses the file
            lxc.net. =              | 1:1 error LXC107 'lxc.net.': '' is not an interface index; liblxc refuses the file
            lxc.net.3.link =        | 1:17 error LXC110 'lxc.net.3.link =' clears a field of interface 3, but no earlier line mentions interface 3; liblxc refuses the file
            lxc.net.0.type = bogus  | 1:18 error LXC108 invalid value 'bogus' for lxc.net.0.type: expected veth, macvlan, ipvlan, vlan, phys, empty or none; liblxc refuses the file
            lxc.net.0.vlan.id = 10  | 1:21 error LXC109 lxc.net.0.vlan.id is for interfaces of type vlan, but interface 0 has no type yet; liblxc refuses the file
            """)
    @DisplayName("keys and values liblxc refuses")
    void refused(String line, String problem) {
        LxcSettings s = lxc(line + "\n");
        assertThat(problems(s)).containsExactly(problem);
        assertThat(s.networkInterfaces()).isEmpty();
    }

    @Test
    @DisplayName("hints: a near sub-key, the type to set first")
    void hints() {
        assertThat(lxc("lxc.net.0.ipv4 = 10.0.0.1\n").diagnostics().get(0).hint())
                .contains("did you mean lxc.net.0.ipv4.address?");
        assertThat(lxc("lxc.net.0.veth = 1\n").diagnostics().get(0).hint())
                .contains("did you mean lxc.net.0.veth.mode?");
        assertThat(lxc("lxc.net.0.foo = 1\n").diagnostics().get(0).hint().orElseThrow())
                .startsWith("network keys are type, flags, link, name, hwaddr, mtu, ipv4.gateway, ipv6.gateway,");
        assertThat(lxc("lxc.net.0.type = veth\nlxc.net.0.vlan.id = 10\n").diagnostics().get(0).hint())
                .contains("set lxc.net.0.type = vlan on an earlier line");
    }

    @Test
    @DisplayName("type-specific keys need their type first; clearing them on another type does nothing")
    void typeSpecific() {
        assertThat(problems("lxc.net.0.type = veth\nlxc.net.0.vlan.id = 10\n")).containsExactly("2:21 error LXC109"
                + " lxc.net.0.vlan.id is for interfaces of type vlan, but interface 0 is veth; liblxc refuses the file");
        assertThat(problems("lxc.net.0.type = macvlan\nlxc.net.0.veth.pair = v0\n")).hasSize(1);
        assertThat(lxc("lxc.net.0.type = vlan\nlxc.net.0.vlan.id = 0x10\n").networkInterface(0).orElseThrow()
                .vlanId()).isEqualTo(OptionalInt.of(16));
        LxcSettings m = lxc("lxc.net.1.type = macvlan\nlxc.net.1.macvlan.mode = bridge\nlxc.net.1.veth.pair =\n");
        assertThat(problems(m)).isEmpty();
        assertThat(m.networkInterface(1).flatMap(NetworkInterface::macvlanMode)).contains("bridge");
        assertThat(m.networkInterface(1).orElseThrow().origins()).hasSize(2);
        assertThat(problems("lxc.net.0.type = ipvlan\nlxc.net.0.ipvlan.mode = l3s\nlxc.net.0.ipvlan.isolation = vepa\n"))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            veth    | ipv4.address        | 300.1.1.1/24     | '300.1.1.1' is not an IPv4 address
            veth    | ipv4.address        | 10.0.0.1/33      | the prefix '/33' is not 0 to 32
            veth    | ipv4.address        | 10.0.0.1/x       | the prefix '/x' is not 0 to 32
            veth    | ipv4.address        | 10.0.0.1/24 10.0.0.256 | the broadcast address '10.0.0.256' is not an IPv4 address
            veth    | ipv4.address        | 010.0.0.1        | '010.0.0.1' is not an IPv4 address
            veth    | ipv4.gateway        | 10.0.0             | expected an IPv4 address, auto or dev
            veth    | ipv6.address        | fd00::zz/64      | 'fd00::zz' is not an IPv6 address
            veth    | ipv6.address        | fd00::1::2       | 'fd00::1::2' is not an IPv6 address
            veth    | ipv6.address        | fd00::1/abc      | the prefix '/abc' is not a number
            veth    | ipv6.gateway        | gw               | expected an IPv6 address, auto or dev
            veth    | l2proxy             | yes              | expected 0 or 1
            macvlan | macvlan.mode        | bogus            | expected private, vepa, bridge or passthru
            ipvlan  | ipvlan.mode         | l4               | expected l3, l3s or l2
            ipvlan  | ipvlan.isolation    | none             | expected bridge, private or vepa
            veth    | veth.mode           | switch           | expected bridge or router
            vlan    | vlan.id             | 65536            | expected a number from 0 to 65535
            vlan    | vlan.id             | ten              | expected a number from 0 to 65535
            veth    | veth.vlan.id        | 4095             | expected a number from 0 to 4094
            veth    | veth.vlan.tagged.id | none             | expected a number from 0 to 4094
            veth    | veth.n_rxqueues     | 0                | expected a number above 0
            veth    | veth.ipv4.route     | 10.0.0.0         | a route needs a prefix: ADDRESS/PREFIX
            veth    | veth.ipv4.route     | 10.0.0.0/40      | the prefix '/40' is not 0 to 32
            veth    | veth.ipv6.route     | fd00::/129       | the prefix '/129' is not 0 to 128
            """)
    @DisplayName("values liblxc checks when loading")
    void badValues(String type, String sub, String value, String reason) {
        String text = "lxc.net.0.type = " + type + "\nlxc.net.0." + sub + " = " + value + "\n";
        String key = "lxc.net.0." + sub;
        assertThat(problems(text)).containsExactly("2:" + (key.length() + 4) + " error LXC108 invalid value '" + value
                + "' for " + key + ": " + reason + "; liblxc refuses the file");
        assertThat(lxc(text).networkInterface(0).orElseThrow().subKeys()).containsOnlyKeys("type");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            veth    | ipv4.address        | 10.0.0.2/24 10.0.0.255
            veth    | ipv4.address        | 10.0.0.3
            veth    | ipv4.address        | 10.0.0.3/0x18
            veth    | ipv4.gateway        | dev
            veth    | ipv6.address        | ::1
            veth    | ipv6.address        | ::ffff:10.0.0.1/96
            veth    | ipv6.address        | 2001:db8:0:0:0:0:0:1/200
            veth    | ipv6.gateway        | auto
            veth    | hwaddr              | zz:zz:zz:zz:zz:zz
            veth    | mtu                 | abc
            veth    | flags               | down
            veth    | l2proxy             | 01
            veth    | veth.vlan.id        | none
            veth    | veth.vlan.id        | 4094
            veth    | veth.vlan.tagged.id | 100
            veth    | veth.n_txqueues     | 4
            veth    | veth.ipv4.route     | 10.0.0.0/24
            veth    | veth.ipv6.route     | fd00::/64
            macvlan | macvlan.mode        | passthru
            vlan    | vlan.id             | 65535
            phys    | link                | eth1
            """)
    @DisplayName("values liblxc stores: addresses with broadcast or classful defaults, MAC and MTU unchecked")
    void goodValues(String type, String sub, String value) {
        LxcSettings s = lxc("lxc.net.0.type = " + type + "\nlxc.net.0." + sub + " = " + value + "\n");
        assertThat(problems(s)).isEmpty();
        assertThat(s.networkInterface(0).orElseThrow().values(sub)).containsExactly(value);
    }

    @Test
    @DisplayName("flags: any value means up, even 'down'")
    void flags() {
        assertThat(lxc("lxc.net.0.type = veth\nlxc.net.0.flags = down\n").networkInterface(0).orElseThrow().isUp())
                .isTrue();
        assertThat(lxc("lxc.net.0.type = veth\n").networkInterface(0).orElseThrow().isUp()).isFalse();
    }

    @Test
    @DisplayName("an empty sub-key clears that field; lists clear too; lxc.net.N = removes N; lxc.net = removes all")
    void clearing() {
        LxcSettings s = lxc("""
                lxc.net.0.type = veth
                lxc.net.0.link = br0
                lxc.net.0.ipv4.address = 10.0.0.2/24
                lxc.net.0.link =
                lxc.net.0.ipv4.address =
                lxc.net.1.type = veth
                lxc.net.2.type = veth
                lxc.net.1 =
                """);
        assertThat(problems(s)).isEmpty();
        assertThat(s.networkInterfaces()).extracting(NetworkInterface::index).containsExactly(0, 2);
        assertThat(s.networkInterface(0).orElseThrow().subKeys()).containsOnlyKeys("type");
        assertThat(lxc("lxc.net.0.type = veth\nlxc.net.3.type = veth\nlxc.net =\n").networkInterfaces()).isEmpty();
        assertThat(lxc("lxc.net.8.type = veth\nlxc.net.10.type = veth\nlxc.net.010 =\n").networkInterfaces())
                .extracting(NetworkInterface::index).containsExactly(10);
    }

    @Test
    @DisplayName("names over 15 bytes are cut silently by liblxc: a warning, the value kept as written")
    void truncated() {
        LxcSettings s = lxc("lxc.net.0.type = veth\nlxc.net.0.name = averyveryverylongname\n");
        assertThat(problems(s)).containsExactly("2:18 warning LXC112 the value of lxc.net.0.name is longer than 15"
                + " bytes: liblxc silently cuts it to 'averyveryverylo'");
        assertThat(s.networkInterface(0).flatMap(NetworkInterface::name)).contains("averyveryverylongname");
        assertThat(problems("lxc.net.0.type = veth\nlxc.net.0.link = fifteen-chars-x\n")).isEmpty();
        assertThat(problems("lxc.net.0.type = veth\nlxc.net.0.veth.pair = sixteen-chars-xy\n")).hasSize(1);
    }

    @Test
    @DisplayName("built by hand: of, with (liblxc's rules), toEntries")
    void byHand() {
        NetworkInterface n = NetworkInterface.of(1, NetworkType.VETH).with("link", "vmbr0").with("flags", "up")
                .with("ipv4.address", "10.0.0.2/24").with("ipv4.address", "10.0.0.3/24");
        assertThat(n.toEntries()).containsExactly(Map.entry("lxc.net.1.type", "veth"),
                Map.entry("lxc.net.1.link", "vmbr0"), Map.entry("lxc.net.1.flags", "up"),
                Map.entry("lxc.net.1.ipv4.address", "10.0.0.2/24"), Map.entry("lxc.net.1.ipv4.address", "10.0.0.3/24"));
        assertThat(n.with("link", "").link()).isEmpty();
        assertThat(n.with("type", "phys").subKeys()).containsOnlyKeys("type");
        assertThat(n.with("type", "").subKeys()).isEmpty();
        assertThat(n.origins()).isEmpty();
        assertThat(NetworkInterface.of(0, NetworkType.EMPTY).name()).contains("lo");
        assertThat(NetworkInterface.of(0, NetworkType.EMPTY).toEntries())
                .containsExactly(Map.entry("lxc.net.0.type", "empty"));
        assertThatThrownBy(() -> NetworkInterface.of(0, NetworkType.VETH).with("vlan.id", "10"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lxc.net.0.vlan.id is for interfaces of type vlan, but interface 0 is veth");
        assertThatThrownBy(() -> NetworkInterface.of(0, NetworkType.VETH).with("ipv4", "10.0.0.1"))
                .hasMessage("unknown network key 'lxc.net.0.ipv4'");
        assertThatThrownBy(() -> NetworkInterface.of(0, NetworkType.VETH).with("ipv4.address", "300.0.0.1"))
                .hasMessage("invalid value '300.0.0.1' for lxc.net.0.ipv4.address: '300.0.0.1' is not an IPv4"
                        + " address");
        assertThatThrownBy(() -> NetworkInterface.of(0, NetworkType.VETH).with("link", "a\nlxc.net.0.type = phys"))
                .hasMessage("value contains a line break at index 1");
        assertThatThrownBy(() -> NetworkInterface.of(2147483647, NetworkType.VETH))
                .hasMessage("the interface index must be 0 to 2147483646, got 2147483647");
        Map<String, List<String>> two = new LinkedHashMap<>();
        two.put("type", List.of("veth"));
        two.put("link", List.of("a", "b"));
        assertThatThrownBy(() -> new NetworkInterface(0, two, List.of()))
                .hasMessage("lxc.net.0.link takes one value, got 2");
        assertThatThrownBy(() -> new NetworkInterface(0, Map.of("type", List.of("bogus")), List.of()))
                .hasMessage("invalid value 'bogus' for lxc.net.0.type: expected veth, macvlan, ipvlan, vlan, phys,"
                        + " empty or none");
    }

    @Test
    @DisplayName("equal when index and sub-keys are; origins are not compared")
    void equality() {
        NetworkInterface parsed = lxc("lxc.net.0.type = veth\nlxc.net.0.link = br0\n").networkInterface(0)
                .orElseThrow();
        NetworkInterface built = NetworkInterface.of(0, NetworkType.VETH).with("link", "br0");
        assertThat(parsed).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(parsed).isNotEqualTo(NetworkInterface.of(1, NetworkType.VETH).with("link", "br0"));
        assertThat(parsed).isNotEqualTo(built.with("link", "br1"));
        assertThatThrownBy(() -> parsed.subKeys().put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
    }
}
