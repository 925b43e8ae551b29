package io.github.lxcconf.model.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.model.proxmox.OptionSchema.PropertyFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PropertyStringTest {
    private static final PropertyFormat NET = OptionSchema.proxmox().format("net0").orElseThrow();
    private static final PropertyFormat MP = OptionSchema.proxmox().format("mp0").orElseThrow();
    private static final PropertyFormat DEV = OptionSchema.proxmox().format("dev0").orElseThrow();

    private static PropertyFormat format(String name) {
        return switch (name) {
            case "net" -> NET;
            case "mp" -> MP;
            case "dev" -> DEV;
            default -> null;
        };
    }

    private static PropertyString parse(String format, String text) {
        PropertyFormat f = format(format);
        return f == null ? PropertyString.parse(text) : PropertyString.parse(text, f);
    }

    private static List<String> rendered(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::toString).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",", "name=eth0,,bridge=vmbr0,", " , a = 1 ,", "=x", "a==b", "local:1,mp=/x,,",
            "name=eth0,bridge=vmbr0,hwaddr=86:4B:53:B7:66:0A,ip=dhcp,type=veth", "/dev/dri/renderD128,gid=104"})
    @DisplayName("toValue and toString give the text back exactly, and the parts join to it")
    void roundTrip(String text) {
        PropertyString ps = PropertyString.parse(text, MP);
        assertThat(ps.toValue()).isEqualTo(text);
        assertThat(ps).hasToString(text);
        assertThat(String.join(",", ps.parts().stream().map(PropertyString.Part::text).toList())).isEqualTo(text);
        for (PropertyString.Part p : ps.parts()) {
            assertThat(text.startsWith(p.text(), p.offset())).as("part %s at %d", p.text(), p.offset()).isTrue();
        }
    }

    static Stream<Arguments> reads() {
        return Stream.of(
                Arguments.of("net", "name=eth0,bridge=vmbr0,ip=dhcp", "bridge", "vmbr0"),
                Arguments.of("net", "name=eth0,bridge=vmbr0", "ip", null),
                Arguments.of("net", "name=eth0, bridge=vmbr0", "bridge", null),
                Arguments.of("net", "name=eth0, bridge=vmbr0", " bridge", "vmbr0"),
                Arguments.of("mp", "local:vm-1-disk-1,mp=/data", "volume", "local:vm-1-disk-1"),
                Arguments.of("mp", "mp=/x,local:10", "volume", "local:10"),
                Arguments.of("mp", "volume=local:3,mp=/x", "volume", "local:3"),
                Arguments.of("dev", "/dev/dri/renderD128,gid=104", "path", "/dev/dri/renderD128"),
                Arguments.of("dev", "/dev/dri/renderD128,gid=104", "gid", "104"),
                Arguments.of("none", "a=1,b=x=y", "b", "x=y"),
                Arguments.of("none", "a=1,a=2", "a", "1"),
                Arguments.of("none", "order=1,up=30", "up", "30"),
                Arguments.of("none", "bare,a=1", "volume", null));
    }

    @ParameterizedTest(name = "{0} {1}: get({2}) = {3}")
    @MethodSource("reads")
    @DisplayName("get reads a key as Proxmox does: first '=' splits, bare part is the default key, no trimming")
    void get(String format, String text, String key, String expected) {
        assertThat(parse(format, text).get(key).orElse(null)).isEqualTo(expected);
    }

    @Test
    @DisplayName("parts know their key, value, kind and offset")
    void parts() {
        PropertyString ps = PropertyString.parse("a=1,b=x=y,,bare,c=", MP);
        List<PropertyString.Part> p = ps.parts();
        assertThat(p).extracting(PropertyString.Part::offset).containsExactly(0, 4, 10, 11, 16);
        assertThat(p.get(1).key()).contains("b");
        assertThat(p.get(1).value()).isEqualTo("x=y");
        assertThat(p.get(2).isBlank()).isTrue();
        assertThat(p.get(3).isBare()).isTrue();
        assertThat(p.get(3).value()).isEqualTo("bare");
        assertThat(p.get(4).isMalformed()).isTrue();
        assertThat(p.get(4).key()).isEmpty();
        assertThat(ps.keys()).containsExactly("a", "b", "volume");
        assertThatThrownBy(() -> new PropertyString.Part("a,b", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a part cannot contain a comma: a,b");
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of("none", "a=1,a=2",
                        List.of("<string>:1:5: warning: duplicate key in comma-separated list property: a [PVE103]")),
                Arguments.of("none", "x",
                        List.of("<string>:1:1: warning: value without key, but schema does not define a default key"
                                + " [PVE103]")),
                Arguments.of("none", "a=1,bridge=",
                        List.of("<string>:1:5: warning: missing key in comma-separated list property [PVE103]")),
                Arguments.of("none", "=x", List.of("<string>:1:1: warning: missing key in comma-separated list"
                        + " property [PVE103]")),
                Arguments.of("none", "a=1,,b=2",
                        List.of("<string>:1:5: info: empty part: Proxmox skips it and drops it when it rewrites the"
                                + " value [PVE105]")),
                Arguments.of("mp", "local:1,local:2,mp=/x",
                        List.of("<string>:1:9: warning: duplicate key in comma-separated list property: volume"
                                + " [PVE103]")),
                Arguments.of("mp", "volume=local:1,local:2,mp=/x",
                        List.of("<string>:1:16: warning: duplicate key in comma-separated list property: volume"
                                + " [PVE103]")),
                Arguments.of("mp", "local:1",
                        List.of("<string>:1:1: warning: mp: property is missing and it is not optional [PVE104]")),
                Arguments.of("net", "name=eth0, bridge=vmbr0",
                        List.of("<string>:1:11: warning:  bridge: property is not defined in schema and the schema"
                                + " does not allow additional properties [PVE104]")),
                Arguments.of("net", "name=eth0,tag=5000,firewall=yes,mtu=abc",
                        List.of("<string>:1:15: warning: tag: value must have a maximum value of 4094 [PVE104]",
                                "<string>:1:37: warning: mtu: type check ('integer') failed - got 'abc' [PVE104]")),
                Arguments.of("net", "bridge=vmbr0", List.of(
                        "<string>:1:1: warning: name: property is missing and it is not optional [PVE104]")),
                Arguments.of("net", "name=eth0,eth1", List.of("<string>:1:11: warning: value without key, but schema"
                        + " does not define a default key [PVE103]")),
                Arguments.of("dev", "/dev/dri/card0,gid=44,mode=666", List.of(
                        "<string>:1:28: warning: mode: value does not match the regex pattern [PVE104]")),
                Arguments.of("dev", "/dev/../etc,uid=-1", List.of(
                        "<string>:1:1: warning: path: invalid format - /dev/../etc is not a valid device path"
                                + " [PVE104]",
                        "<string>:1:17: warning: uid: value must have a minimum value of 0 [PVE104]")),
                Arguments.of("net", "name=eth0,bridge=vmbr0,hwaddr=86:4B:53:B7:66:0A,ip=dhcp,type=veth", List.of()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("problems")
    @DisplayName("malformed strings and schema violations are diagnostics with exact text and column, never exceptions")
    void diagnostics(String format, String text, List<String> expected) {
        assertThat(rendered(parse(format, text).diagnostics())).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> edits() {
        return Stream.of(
                Arguments.of("net", "name=eth0,bridge=vmbr0,ip=dhcp", "ip", "10.0.0.2/24",
                        "name=eth0,bridge=vmbr0,ip=10.0.0.2/24"),
                Arguments.of("net", "bridge=vmbr0,name=eth0,hwaddr=AA:BB:CC:DD:EE:FF", "name", "eth1",
                        "bridge=vmbr0,name=eth1,hwaddr=AA:BB:CC:DD:EE:FF"),
                Arguments.of("net", "name=eth0, bridge=vmbr0,Type=veth", "ip", "dhcp",
                        "name=eth0, bridge=vmbr0,Type=veth,ip=dhcp"),
                Arguments.of("net", "name=eth0,bridge=vmbr0,", "firewall", "1", "name=eth0,bridge=vmbr0,firewall=1,"),
                Arguments.of("net", "", "name", "eth0", "name=eth0"),
                Arguments.of("none", "a=1,b=2,a=3", "a", "9", "a=9,b=2"),
                Arguments.of("mp", "local:vm-1,mp=/x,size=8G", "volume", "local:vm-2", "local:vm-2,mp=/x,size=8G"),
                Arguments.of("mp", "mp=/x,size=8G", "volume", "local:vm-2", "local:vm-2,mp=/x,size=8G"),
                Arguments.of("mp", "mp=/x", "volume", "/srv/a=b", "volume=/srv/a=b,mp=/x"),
                Arguments.of("mp", "volume=local:1,mp=/x", "volume", "local:2", "volume=local:2,mp=/x"),
                Arguments.of("mp", "local:1,mp=/x,size=8G", "size", "16G", "local:1,mp=/x,size=16G"),
                // a new key goes where Proxmox prints it when the parts are in Proxmox's order already
                Arguments.of("net", "name=eth0,bridge=vmbr0,ip=dhcp,type=veth", "hwaddr", "BC:24:11:00:00:07",
                        "name=eth0,bridge=vmbr0,hwaddr=BC:24:11:00:00:07,ip=dhcp,type=veth"),
                Arguments.of("net", "name=eth0,bridge=vmbr0,ip=dhcp", "gw", "10.0.0.1",
                        "name=eth0,bridge=vmbr0,gw=10.0.0.1,ip=dhcp"),
                Arguments.of("net", "name=eth0,bridge=vmbr0", "type", "veth", "name=eth0,bridge=vmbr0,type=veth"),
                Arguments.of("net", "bridge=vmbr0", "name", "eth0", "name=eth0,bridge=vmbr0"),
                Arguments.of("mp", "local:1,mp=/x,size=8G", "ro", "1", "local:1,mp=/x,ro=1,size=8G"),
                // ... and after the last part when they are not
                Arguments.of("net", "bridge=vmbr0,name=eth0", "ip", "dhcp", "bridge=vmbr0,name=eth0,ip=dhcp"),
                Arguments.of("mp", "local:1,size=8G,mp=/x", "ro", "1", "local:1,size=8G,mp=/x,ro=1"));
    }

    @ParameterizedTest(name = "{1} with {2}={3}")
    @MethodSource("edits")
    @DisplayName("with changes one field and keeps every other part's text and order")
    void with(String format, String text, String key, String value, String expected) {
        PropertyString changed = parse(format, text).with(key, value);
        assertThat(changed.toValue()).isEqualTo(expected);
        assertThat(changed.get(key)).contains(value);
        assertThat(changed.format()).isEqualTo(parse(format, text).format());
    }

    static Stream<Arguments> removals() {
        return Stream.of(
                Arguments.of("net", "name=eth0,bridge=vmbr0,ip=dhcp", "bridge", "name=eth0,ip=dhcp"),
                Arguments.of("net", "name=eth0,bridge=vmbr0,ip=dhcp", "name", "bridge=vmbr0,ip=dhcp"),
                Arguments.of("net", "name=eth0,bridge=vmbr0,ip=dhcp", "ip", "name=eth0,bridge=vmbr0"),
                Arguments.of("net", "name=eth0,,ip=dhcp,", "ip", "name=eth0,,"),
                Arguments.of("none", "a=1,b=2,a=3", "a", "b=2"),
                Arguments.of("mp", "local:1,mp=/x", "volume", "mp=/x"),
                Arguments.of("dev", "/dev/kvm", "path", ""));
    }

    @ParameterizedTest(name = "{1} without {2}")
    @MethodSource("removals")
    @DisplayName("without removes one key and keeps every other part's text and order")
    void without(String format, String text, String key, String expected) {
        PropertyString changed = parse(format, text).without(key);
        assertThat(changed.toValue()).isEqualTo(expected);
        assertThat(changed.get(key)).isEmpty();
    }

    @Test
    @DisplayName("an edit that changes nothing returns the same object")
    void noOp() {
        PropertyString ps = PropertyString.parse("name=eth0,bridge=vmbr0", NET);
        assertThat(ps.with("bridge", "vmbr0")).isSameAs(ps);
        assertThat(ps.without("ip")).isSameAs(ps);
        PropertyString mp = PropertyString.parse("local:1,mp=/x", MP);
        assertThat(mp.with("volume", "local:1")).isSameAs(mp);
        assertThat(ps.with("bridge", "vmbr1").with("bridge", "vmbr0")).isEqualTo(ps);
    }

    @Test
    @DisplayName("values that cannot be written into a property string are refused with exact messages")
    void injection() {
        PropertyString ps = PropertyString.parse("name=eth0", NET);
        assertThatThrownBy(() -> ps.with("ip", "1.2,name=x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value contains a comma at index 3: property strings have no quoting or escaping");
        assertThatThrownBy(() -> ps.with("ip", "dhcp\nlxc.x: y")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value contains a line break at index 4");
        assertThatThrownBy(() -> ps.with("ip", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value is empty: Proxmox refuses 'key=' (use without(key))");
        assertThatThrownBy(() -> ps.with("a=b", "1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key 'a=b' is not a property-string key: use letters, digits, '_', '.' and '-'");
        assertThatThrownBy(() -> ps.with(" ip", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PropertyString.parse(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("equal when text and format are equal")
    void equality() {
        assertThat(PropertyString.parse("a=1", NET)).isEqualTo(PropertyString.parse("a=1", NET))
                .hasSameHashCodeAs(PropertyString.parse("a=1", NET))
                .isNotEqualTo(PropertyString.parse("a=1", MP))
                .isNotEqualTo(PropertyString.parse("a=1"))
                .isNotEqualTo(PropertyString.parse("a=2", NET));
        assertThat(PropertyString.parse("a=1").defaultKey()).isEmpty();
        assertThat(PropertyString.parse("a=1", DEV).defaultKey()).contains("path");
    }
}
