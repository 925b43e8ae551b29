package io.github.lxcconf.model;

import static io.github.lxcconf.model.ModelTesting.lxc;
import static io.github.lxcconf.model.ModelTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Severity;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceRuleTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            c 10:232 rwm       | c 10:232 rwm | CHAR  | 10 | 232 | rwm
            b 7:* rwm          | b 7:* rwm    | BLOCK | 7  |     | rwm
            c *:* m            | c *:* m      | CHAR  |    |     | m
            a *:* rwm          | a *:* rwm    | ALL   |    |     | rwm
            c 136:* rwm        | c 136:* rwm  | CHAR  | 136|     | rwm
            'c\t10:232\trwm'   | c 10:232 rwm | CHAR  | 10 | 232 | rwm
            c 10:232 mwr       | c 10:232 rwm | CHAR  | 10 | 232 | rwm
            c 10:232 rwmx      | c 10:232 rwm | CHAR  | 10 | 232 | rwm
            c 10:232 rwm extra | c 10:232 rwm | CHAR  | 10 | 232 | rwm
            c 10:232 rr        | c 10:232 r   | CHAR  | 10 | 232 | r
            c 1:3 w            | c 1:3 w      | CHAR  | 1  | 3   | w
            c 007:0010 rw      | c 7:10 rw    | CHAR  | 7  | 10  | rw
            c 0000000000010:1 m | c 10:1 m    | CHAR  | 10 | 1   | m
            """)
    @DisplayName("numbered rules: type, numbers (empty for *), access; toValue is canonical")
    void numbered(String value, String canonical, DeviceType type, Integer major, Integer minor, String access) {
        DeviceRule r = DeviceRule.parse(CgroupVersion.V2, true, value);
        assertThat(r.type()).isEqualTo(type);
        assertThat(r.major()).isEqualTo(major == null ? OptionalInt.empty() : OptionalInt.of(major));
        assertThat(r.minor()).isEqualTo(minor == null ? OptionalInt.empty() : OptionalInt.of(minor));
        assertThat(r.access().toValue()).isEqualTo(access);
        assertThat(r.isGlobal()).isFalse();
        assertThat(r.path()).isEmpty();
        assertThat(r.toValue()).isEqualTo(canonical);
        assertThat(DeviceRule.parse(CgroupVersion.V2, true, canonical)).isEqualTo(r);
    }

    @Test
    @DisplayName("'a' alone is the global rule; 'a *:* rwm' is an ordinary rule")
    void global() {
        DeviceRule a = DeviceRule.parse(CgroupVersion.V2, false, "a");
        assertThat(a.isGlobal()).isTrue();
        assertThat(a.type()).isEqualTo(DeviceType.ALL);
        assertThat(a.access()).isEqualTo(DeviceAccess.NONE);
        assertThat(a.toValue()).isEqualTo("a");
        assertThat(a.key()).isEqualTo("lxc.cgroup2.devices.deny");
        assertThat(a).isEqualTo(DeviceRule.global(false, CgroupVersion.V2));
        assertThat(a.deviceInfo()).isEmpty();
        DeviceRule all = DeviceRule.parse(CgroupVersion.V2, false, "a *:* rwm");
        assertThat(all.isGlobal()).isFalse();
        assertThat(all).isNotEqualTo(a);
    }

    @Test
    @DisplayName("the path form: the device is looked up on the host at start; only in devices.allow")
    void path() {
        DeviceRule r = DeviceRule.parse(CgroupVersion.V2, true, "/dev/kvm rwm");
        assertThat(r.path()).contains("/dev/kvm");
        assertThat(r.type()).isEqualTo(DeviceType.ALL);
        assertThat(r.major()).isEmpty();
        assertThat(r.toValue()).isEqualTo("/dev/kvm rwm");
        assertThat(r.deviceInfo().map(DeviceInfo::minor)).contains("232");
        assertThat(DeviceRule.parse(CgroupVersion.V1, true, "/dev/fuse rw ignored").toValue())
                .isEqualTo("/dev/fuse rw");
    }

    @ParameterizedTest(name = "''{0}'': {1}")
    @CsvSource(delimiter = '|', textBlock = """
            x 10:232 rwm      | unknown device type 'x' (expected a, b or c)
            garbage           | unknown device type 'g' (expected a, b or c)
            c 10 rwm          | expected MAJOR:MINOR after the type, got '10'
            c 10:232          | the access (r, w and/or m) is missing
            'c 10:232 '       | the access field is empty
            c  10:232 rwm     | expected exactly one blank between fields
            c 10:232  rwm     | expected exactly one blank between fields
            c 10:232 rwx      | unknown access 'rwx' (expected r, w and/or m)
            c 10:232 rw x     | unknown access 'rw x' (expected r, w and/or m)
            c x:232 rwm       | major number 'x' is not a number or '*'
            c 10:y rwm        | minor number 'y' is not a number or '*'
            c -1:3 rwm        | major number '-1' is not a number or '*'
            c 99999999999:1 m | major number 99999999999 is too large
            c10:232 rwm       | expected one blank after the type 'c'
            b                 | the numbers and the access after the type 'b' are missing
            /dev/kvm          | the access (r, w and/or m) after the device path is missing
            /dev/kvm rwq      | unknown access 'rwq' (expected r, w and/or m)
            '/dev/kvm  rwm'   | expected exactly one blank between fields
            """)
    @DisplayName("bad rules: the exact reason")
    void bad(String value, String reason) {
        assertThatThrownBy(() -> DeviceRule.parse(CgroupVersion.V2, true, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid device rule '" + value + "': " + reason
                        + "; liblxc accepts it when loading, but the container would fail to start");
    }

    @Test
    @DisplayName("a path is only accepted in devices.allow")
    void pathInDeny() {
        assertThatThrownBy(() -> DeviceRule.parse(CgroupVersion.V2, false, "/dev/kvm rwm"))
                .hasMessageContaining("'/dev/kvm rwm': a device path is only accepted in devices.allow;");
    }

    @Test
    @DisplayName("liblxc stores bad rules when loading (v1 and v2): a warning that names line and value, rule left out")
    void badRulesAreWarnings() {
        LxcSettings s = lxc("""
                lxc.cgroup.devices.allow = x 10:232 rwm
                lxc.cgroup2.devices.allow = c 10 rwm
                lxc.cgroup2.devices.allow = garbage
                lxc.cgroup2.devices.allow = c 10:200 rwm
                """);
        assertThat(s.deviceRules()).containsExactly(
                DeviceRule.allow(CgroupVersion.V2, DeviceType.CHAR, 10, 200, DeviceAccess.RWM));
        assertThat(s.diagnostics()).hasSize(3).allSatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.code()).isEqualTo(DiagnosticCode.LXC_DEVICE_RULE);
        });
        Diagnostic first = s.diagnostics().get(0);
        assertThat(first.line()).isEqualTo(1);
        assertThat(first.column()).isEqualTo(28);
        assertThat(first.message()).isEqualTo("invalid device rule 'x 10:232 rwm': unknown device type 'x'"
                + " (expected a, b or c); liblxc accepts it when loading, but the container would fail to start");
        assertThat(first.hint()).contains("write TYPE MAJOR:MINOR ACCESS with single blanks, such as 'c 10:232 rwm'"
                + " or 'b 7:* rwm', or 'a' for every device");
        assertThat(s.diagnostics().get(2).line()).isEqualTo(3);
    }

    @Test
    @DisplayName("empty values clear: devices.allow only its own list, lxc.cgroup2 / lxc.cgroup all rules of the version")
    void clearing() {
        LxcSettings s = lxc("""
                lxc.cgroup.devices.deny = a
                lxc.cgroup.devices.allow = c 1:3 rwm
                lxc.cgroup2.devices.deny = a
                lxc.cgroup2.devices.allow = c 1:5 rwm
                lxc.cgroup2.devices.allow =
                lxc.cgroup2.devices.allow = c 1:7 rwm
                """);
        assertThat(s.deviceRules()).extracting(DeviceRule::key, DeviceRule::toValue).containsExactly(
                org.assertj.core.groups.Tuple.tuple("lxc.cgroup.devices.deny", "a"),
                org.assertj.core.groups.Tuple.tuple("lxc.cgroup.devices.allow", "c 1:3 rwm"),
                org.assertj.core.groups.Tuple.tuple("lxc.cgroup2.devices.deny", "a"),
                org.assertj.core.groups.Tuple.tuple("lxc.cgroup2.devices.allow", "c 1:7 rwm"));
        assertThat(lxc("lxc.cgroup2.devices.allow = c 1:3 rwm\nlxc.cgroup.devices.allow = c 1:3 rwm\n"
                + "lxc.cgroup2 =\n").deviceRules()).extracting(DeviceRule::version).containsExactly(CgroupVersion.V1);
        assertThat(lxc("lxc.cgroup2.devices.allow = c 1:3 rwm\nlxc.cgroup.devices.allow = c 1:3 rwm\n"
                + "lxc.cgroup =\n").deviceRules()).extracting(DeviceRule::version).containsExactly(CgroupVersion.V2);
        assertThat(problems("lxc.cgroup2.devices.allow =\n")).isEmpty();
    }

    @Test
    @DisplayName("each rule knows its line")
    void origin() {
        LxcSettings s = lxc("# kvm\n\nlxc.cgroup2.devices.allow = c 10:232 rwm\n");
        Origin o = s.deviceRules().get(0).origin().orElseThrow();
        assertThat(o.lineNumber()).isEqualTo(3);
        assertThat(o.key()).isEqualTo("lxc.cgroup2.devices.allow");
    }

    @Test
    @DisplayName("key, deviceInfo, knownDevice, withVersion")
    void accessors() {
        DeviceRule kvm = DeviceRule.allow(CgroupVersion.V1, DeviceType.CHAR, 10, 232, DeviceAccess.RWM);
        assertThat(kvm.key()).isEqualTo("lxc.cgroup.devices.allow");
        assertThat(kvm.deviceInfo().map(DeviceInfo::name)).contains("/dev/kvm");
        assertThat(kvm.withVersion(CgroupVersion.V2).key()).isEqualTo("lxc.cgroup2.devices.allow");
        assertThat(kvm.withVersion(CgroupVersion.V2).toValue()).isEqualTo("c 10:232 rwm");
        assertThat(DeviceRule.deny(CgroupVersion.V2, DeviceType.BLOCK, 8, 0, DeviceAccess.RWM).key())
                .isEqualTo("lxc.cgroup2.devices.deny");
        assertThat(DeviceRule.parse(CgroupVersion.V2, true, "c 188:* rwm").deviceInfo().map(DeviceInfo::name))
                .contains("/dev/ttyUSB0..");
        assertThat(DeviceRule.parse(CgroupVersion.V2, true, "c 10:* rwm").deviceInfo()).isEmpty();
        assertThat(DeviceRule.parse(CgroupVersion.V2, true, "c *:5 rwm").deviceInfo()).isEmpty();
        assertThat(DeviceRule.parse(CgroupVersion.V2, true, "c 1:5 rwm").deviceInfo().map(DeviceInfo::name))
                .contains("/dev/zero");
        assertThat(DeviceRule.parse(CgroupVersion.V2, true, "c 10:99 rwm").deviceInfo()).isEmpty();
        assertThat(kvm.knownDevice()).contains(KnownDevice.KVM);
        assertThat(DeviceRule.parse(CgroupVersion.V2, true, "c 188:* rwm").knownDevice()).contains(KnownDevice.TTY_USB);
        assertThat(DeviceRule.parse(CgroupVersion.V2, true, "/dev/net/tun rwm").knownDevice()).contains(KnownDevice.TUN);
        assertThat(DeviceRule.parse(CgroupVersion.V2, true, "c 188:0 rwm").knownDevice()).isEmpty();
    }

    @Test
    @DisplayName("equals and hashCode compare the rule, not where it was read")
    void equality() {
        DeviceRule parsed = lxc("lxc.cgroup2.devices.allow = c 10:232 rwm\n").deviceRules().get(0);
        DeviceRule built = DeviceRule.allow(CgroupVersion.V2, DeviceType.CHAR, 10, 232, DeviceAccess.RWM);
        assertThat(parsed.origin()).isPresent();
        assertThat(parsed).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(built).isNotEqualTo(built.withVersion(CgroupVersion.V1));
        assertThat(built).isNotEqualTo(DeviceRule.deny(CgroupVersion.V2, DeviceType.CHAR, 10, 232, DeviceAccess.RWM));
        assertThat(built).isNotEqualTo(DeviceRule.allow(CgroupVersion.V2, DeviceType.CHAR, 10, 232,
                new DeviceAccess(true, true, false)));
        assertThat(built).isNotEqualTo(DeviceRule.allow(CgroupVersion.V2, DeviceType.BLOCK, 10, 232, DeviceAccess.RWM));
        assertThat(built).isNotEqualTo(DeviceRule.allow(CgroupVersion.V2, DeviceType.CHAR, 10, 233, DeviceAccess.RWM));
        assertThat(built).isNotEqualTo("c 10:232 rwm");
    }

    @Test
    @DisplayName("the constructor refuses components that make no rule")
    void checks() {
        assertThatThrownBy(() -> DeviceRule.allow(CgroupVersion.V2, DeviceType.CHAR, -1, 0, DeviceAccess.RWM))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("device numbers are not negative, got -1:0");
        assertThatThrownBy(() -> DeviceRule.allow(CgroupVersion.V2, DeviceType.CHAR, 1, 3, DeviceAccess.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("access must not be empty");
        assertThatThrownBy(() -> new DeviceRule(true, CgroupVersion.V2, DeviceType.ALL, OptionalInt.empty(),
                OptionalInt.empty(), DeviceAccess.RWM, Optional.of("dev/kvm"), Optional.empty()))
                .hasMessage("a device path starts with '/' and has no blanks, got 'dev/kvm'");
        assertThatThrownBy(() -> new DeviceRule(false, CgroupVersion.V2, DeviceType.ALL, OptionalInt.empty(),
                OptionalInt.empty(), DeviceAccess.RWM, Optional.of("/dev/kvm"), Optional.empty()))
                .hasMessage("a device path is only accepted in devices.allow");
        assertThatThrownBy(() -> new DeviceRule(true, CgroupVersion.V2, DeviceType.CHAR, OptionalInt.empty(),
                OptionalInt.empty(), DeviceAccess.RWM, Optional.of("/dev/kvm"), Optional.empty()))
                .hasMessage("a path rule has no type and no numbers");
        assertThatThrownBy(() -> DeviceRule.of(true, null, DeviceType.CHAR, OptionalInt.empty(), OptionalInt.empty(),
                DeviceAccess.RWM)).isInstanceOf(NullPointerException.class).hasMessage("version");
        assertThat(List.of(DeviceRule.of(true, CgroupVersion.V2, DeviceType.CHAR, OptionalInt.of(188),
                OptionalInt.empty(), DeviceAccess.RWM).toValue())).containsExactly("c 188:* rwm");
    }
}
