package io.github.lxcconf.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.Severity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Validator: key-level checks, severities, messages and hints")
class ValidatorTest {

    private static LxcConfig lxc(String text) {
        return LxcConfig.reader().dialect(Dialect.LXC).sourceName("ct.conf").parse(text);
    }

    private static LxcConfig pve(String text) {
        return LxcConfig.reader().dialect(Dialect.PROXMOX).sourceName("/etc/pve/lxc/101.conf").parse(text);
    }

    @org.junit.jupiter.api.Test
    void aRepeatedListValueWithoutEffectIsReported() {
        List<Diagnostic> d = lxc("""
                lxc.cgroup2.devices.allow = c 10:232 rwm
                lxc.cgroup2.devices.allow = c  10:232 rwm
                lxc.cgroup2.devices.allow = c 10:200 rwm
                lxc.cgroup2.devices.deny = c 10:200 rwm
                lxc.cgroup2.devices.allow = c 10:200 rwm
                lxc.cap.drop = sys_time mknod
                lxc.cap.drop = mknod
                lxc.mount.entry = /a a none bind 0 0
                lxc.mount.entry = /a a none bind 0 0
                """).validate().diagnostics().stream()
                .filter(x -> x.code() == io.github.lxcconf.DiagnosticCode.VAL_DUPLICATE_LIST_VALUE).toList();
        assertThat(d).extracting(Diagnostic::line).containsExactly(2, 7);
        assertThat(d.get(0).message()).isEqualTo("'lxc.cgroup2.devices.allow' already has 'c 10:232 rwm' (line 1);"
                + " this line has no effect");
    }

    @org.junit.jupiter.api.Test
    void aProxmoxOptionSetTwiceIsReported() {
        List<Diagnostic> d = pve("memory: 512\nhostname: a\nmemory: 1024\n[snap1]\nmemory: 256\n")
                .validate().diagnostics().stream()
                .filter(x -> x.code() == io.github.lxcconf.DiagnosticCode.PVE_DUPLICATE_OPTION).toList();
        assertThat(d).hasSize(1);
        assertThat(d.get(0).line()).isEqualTo(3);
        assertThat(d.get(0).message()).isEqualTo("'memory' is already set on line 1; Proxmox keeps only this value"
                + " and drops line 1 the next time it writes the file");
    }

    private static List<Diagnostic> val(Validation v) {
        return v.diagnostics().stream().filter(d -> d.code().id().startsWith("VAL")).toList();
    }

    private static Diagnostic only(Validation v) {
        List<Diagnostic> found = val(v);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void errorsAndWarningsAreSplitBySeverity() {
        Validation v = lxc("lxc.uts.name = web # the web server\nlxc.arch =\nlxc.utsname = old\n").validate();
        assertThat(v.errors()).extracting(Diagnostic::line).containsExactly(2, 3);
        assertThat(v.warnings()).allMatch(d -> d.severity() == Severity.WARNING)
                .extracting(Diagnostic::code).containsExactly(DiagnosticCode.VAL_INLINE_COMMENT);
        assertThat(v.errors().size() + v.warnings().size()).isLessThanOrEqualTo(v.diagnostics().size());
    }

    @Test
    void unknownKeyWithDidYouMean() {
        Diagnostic d = only(lxc("lxc.uts.nmae = ct1\n").validate());
        assertThat(d).isEqualTo(new Diagnostic(Severity.ERROR, DiagnosticCode.VAL_UNKNOWN_KEY,
                "Unsupported config key \"lxc.uts.nmae\": liblxc refuses the file",
                Optional.of("did you mean 'lxc.uts.name'?"), "ct.conf", 1, 1));
    }

    @Test
    void legacyKeysGiveTheNewName() {
        Validation v = lxc("lxc.utsname = ct1\nlxc.network.type = veth\nlxc.network.link = br0\n"
                + "lxc.network.type = veth\nlxc.network.ipv4 = 10.0.0.2/24\nlxc.network.0.ipv4 = 10.0.0.3/24\n")
                .validate();
        assertThat(val(v)).extracting(Diagnostic::code).containsOnly(DiagnosticCode.VAL_LEGACY_KEY);
        assertThat(val(v)).extracting(d -> d.hint().orElseThrow()).containsExactly(
                "use 'lxc.uts.name' instead", "use 'lxc.net.0.type' instead", "use 'lxc.net.0.link' instead",
                "use 'lxc.net.1.type' instead", "use 'lxc.net.1.ipv4.address' instead",
                "use 'lxc.net.0.ipv4.address' instead");
        assertThat(val(v).get(0).message()).isEqualTo("Unsupported config key \"lxc.utsname\": the name was retired"
                + " in LXC 2.1 and liblxc 3.0 and later refuse it");
        assertThat(only(lxc("lxc.kmsg = 0\n").validate()).hint()).contains("delete the line: it has no replacement");
    }

    @Test
    void cgroupV1KeysPerVersionAndHost() {
        LxcConfig c = lxc("lxc.cgroup.devices.allow = c 10:232 rwm\nlxc.cgroup.memory.limit_in_bytes = 512M\n");
        assertThat(val(c.validate())).isEmpty(); // native config, host unknown
        Validation v2 = c.validate(ValidationOptions.defaults().withCgroup2Host(true));
        assertThat(val(v2)).extracting(Diagnostic::code, Diagnostic::severity).containsOnly(
                org.assertj.core.groups.Tuple.tuple(DiagnosticCode.VAL_CGROUP_V1_IGNORED, Severity.WARNING));
        assertThat(val(v2)).extracting(d -> d.hint().orElseThrow()).containsExactly(
                "use 'lxc.cgroup2.devices.allow = c 10:232 rwm'", "use 'lxc.cgroup2.memory.max = 512M'");
        assertThat(val(v2).get(0).message()).isEqualTo("'lxc.cgroup.devices.allow' is a cgroup v1 key; on a cgroup2"
                + " host liblxc ignores it, so this line has no effect");
        Validation v7 = c.validate(ValidationOptions.defaults().withVersion(LxcVersion.V7_0));
        assertThat(v7.errors()).extracting(Diagnostic::code).containsExactly(DiagnosticCode.VAL_CGROUP_V1_REFUSED,
                DiagnosticCode.VAL_CGROUP_V1_REFUSED);
        assertThat(v7.errors().get(0).message())
                .isEqualTo("LXC 7.0 no longer reads cgroup v1 keys: \"lxc.cgroup.devices.allow\" is refused");
        assertThat(c.validate(ValidationOptions.defaults().withCgroup2Host(false)).diagnostics()).isEmpty();
        assertThat(val(pve("arch: amd64\nlxc.cgroup.cpu.shares: 512\n").validate()))
                .extracting(Diagnostic::code).contains(DiagnosticCode.VAL_CGROUP_V1_IGNORED);
    }

    @Test
    void bareCgroupKeyClearsV1Settings() {
        LxcConfig c = lxc("lxc.cgroup.devices.allow = c 10:232 rwm\nlxc.cgroup =\n");
        assertThat(val(c.validate())).extracting(Diagnostic::code) // native config, host unknown
                .containsExactly(DiagnosticCode.VAL_EMPTY_CLEARS_LIST);
        Validation v = c.validate(ValidationOptions.defaults().withCgroup2Host(true));
        assertThat(v.withCode(DiagnosticCode.VAL_CGROUP_V1_IGNORED)).extracting(d -> d.hint().orElseThrow())
                .containsExactly("use 'lxc.cgroup2.devices.allow = c 10:232 rwm'",
                        "use 'lxc.cgroup2 =' to clear the cgroup2 settings");
        assertThat(c.validate(ValidationOptions.defaults().withVersion(LxcVersion.V7_0)).errors())
                .extracting(Diagnostic::code)
                .containsExactly(DiagnosticCode.VAL_CGROUP_V1_REFUSED, DiagnosticCode.VAL_CGROUP_V1_REFUSED);
    }

    @Test
    void environmentRuntimeOnlyFrom7() {
        LxcConfig c = lxc("lxc.environment.runtime = A=1\n");
        Diagnostic d = only(c.validate());
        assertThat(d.code()).isEqualTo(DiagnosticCode.VAL_KEY_TOO_NEW);
        assertThat(d.message()).isEqualTo("'lxc.environment.runtime' exists only from LXC 7.0.0; LXC 6.x reports"
                + " \"Unsupported config key\"");
        assertThat(c.validate(ValidationOptions.defaults().withVersion(LxcVersion.V5_0)).errors()).hasSize(1);
        assertThat(c.validate(ValidationOptions.defaults().withVersion(LxcVersion.V7_0)).diagnostics()).isEmpty();
        // Proxmox writes this key itself (from its env option), so its liblxc reads it
        assertThat(val(pve("arch: amd64\nlxc.environment.runtime: A=1\n").validate())).isEmpty();
        assertThat(val(pve("arch: amd64\nlxc.environment.hooks: A=1\n").validate())).extracting(Diagnostic::code,
                Diagnostic::severity).containsExactly(org.assertj.core.groups.Tuple.tuple(DiagnosticCode.VAL_KEY_TOO_NEW,
                Severity.WARNING));
    }

    @Test
    void inlineCommentPointsAtTheHash() {
        Diagnostic d = only(lxc("lxc.uts.name = foo # comment\n").validate());
        assertThat(d).isEqualTo(new Diagnostic(Severity.WARNING, DiagnosticCode.VAL_INLINE_COMMENT,
                "'# comment' is part of the value: liblxc has no inline comments",
                Optional.of("move the comment to a line of its own above, starting with '#'"), "ct.conf", 1, 20));
        assertThat(val(lxc("lxc.uts.name = a#b\n").validate())).isEmpty();
    }

    @Test
    void singleKeySetTwiceWarnsOnTheEarlierLine() {
        Validation v = lxc("lxc.uts.name = first\nlxc.arch = amd64\nlxc.uts.name = second\n"
                + "lxc.sysctl.a = 1\nlxc.sysctl.a = 2\nlxc.mount.entry = a b none bind\nlxc.mount.entry = c d none bind\n")
                .validate();
        assertThat(val(v)).extracting(Diagnostic::code, Diagnostic::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DiagnosticCode.VAL_DUPLICATE_KEY, 1),
                org.assertj.core.groups.Tuple.tuple(DiagnosticCode.VAL_DUPLICATE_KEY, 4));
        assertThat(val(v).get(0).message()).isEqualTo("'lxc.uts.name' is set again on line 3; liblxc keeps only the"
                + " last value, so 'first' is ignored");
    }

    @Test
    void emptyValueClearingAList() {
        Validation v = lxc("lxc.cap.drop = sys_admin\nlxc.cap.drop = sys_time\nlxc.cap.drop =\n"
                + "lxc.cgroup2.devices.allow = c 1:3 rwm\nlxc.cgroup2.memory.max = 1G\nlxc.cgroup2 =\n"
                + "lxc.mount.entry =\n").validate();
        assertThat(val(v)).extracting(Diagnostic::line, Diagnostic::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "empty 'lxc.cap.drop' clears the 2 value(s) set above it"),
                org.assertj.core.groups.Tuple.tuple(6, "empty 'lxc.cgroup2' clears the 2 value(s) set above it"));
        assertThat(val(v)).extracting(Diagnostic::severity).containsOnly(Severity.INFO);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "lxc.uts.name = 12345678901234567890123456789012345678901234567890123456789012345|'lxc.uts.name' is 65 bytes long; the kernel allows at most 64: liblxc refuses the file",
            "lxc.tty.max = 4 # four|'lxc.tty.max' must be an unsigned number (at most 4294967295), got '4 # four': liblxc refuses the file",
            "lxc.autodev = yes|'lxc.autodev' must be 0 or 1, got 'yes': liblxc refuses the file",
            "lxc.log.level = verbose|unknown log level 'verbose'; known names: TRACE DEBUG INFO NOTICE WARN ERROR CRIT ALERT FATAL: liblxc refuses the file",
            "lxc.log.level = 9|log level '9' is out of range 0..8: liblxc refuses the file",
            "lxc.signal.halt = SIGBOGUS|'SIGBOGUS' is not a signal: use a number, SIG<NAME> (such as SIGTERM), SIGRTMIN+n or SIGRTMAX-n: liblxc refuses the file",
            "lxc.namespace.clone = net mount|Invalid namespace name \"mount\"; known names: user mnt pid uts ipc net cgroup time: liblxc refuses the file",
            "lxc.arch = LXCARCH|unknown architecture 'LXCARCH': liblxc refuses the file",
            "lxc.time.offset.boot = 10|'lxc.time.offset.boot' must be a whole number with a unit (h, m, s, ms, us or ns), got '10': liblxc refuses the file",
            "lxc.start.order = x|'lxc.start.order' must be a number, got 'x': liblxc refuses the file",
            "lxc.cgroup2 = x|'lxc.cgroup2' alone only accepts an empty value (which clears every lxc.cgroup2.* line above); got 'x': liblxc refuses the file"})
    void invalidValues(String line, String message) {
        List<Diagnostic> errors = lxc(line + "\n").validate().errors().stream()
                .filter(d -> d.code() == DiagnosticCode.VAL_INVALID_VALUE).toList();
        assertThat(errors).extracting(Diagnostic::message).containsExactly(message);
        assertThat(errors.get(0).column()).isEqualTo(line.indexOf('=') + 3);
    }

    @Test
    void proxmoxRawKeys() {
        Validation v = pve("arch: amd64\nlxc.rootfs.path: /x\nlxc.sysctl.net.ipv4.ip_forward: 1\n"
                + "lxc.utsname: ct\nlxc.devtty.dir: lxc\nlxc.apparmor.profile: unconfined\n").validate();
        assertThat(val(v)).extracting(Diagnostic::line, Diagnostic::code, Diagnostic::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, DiagnosticCode.VAL_PROXMOX_REFUSED_KEY, Severity.ERROR),
                org.assertj.core.groups.Tuple.tuple(3, DiagnosticCode.VAL_PROXMOX_REFUSED_KEY, Severity.ERROR),
                org.assertj.core.groups.Tuple.tuple(4, DiagnosticCode.VAL_PROXMOX_WARNED_KEY, Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple(5, DiagnosticCode.VAL_UNKNOWN_KEY, Severity.WARNING));
        assertThat(val(v).get(0).message()).isEqualTo("Proxmox refuses 'lxc.rootfs.path' (\"lxc.rootfs.path is auto"
                + " generated from rootfs\") and drops the line on its next write");
        assertThat(val(v).get(1).message()).isEqualTo("Proxmox refuses 'lxc.sysctl.net.ipv4.ip_forward' (\"vm 101 -"
                + " unable to parse config: lxc.sysctl.net.ipv4.ip_forward: 1\") and drops the line on its next write");
        assertThat(val(v).get(2).message()).isEqualTo("Proxmox warns: \"lxc.utsname is deprecated and was renamed to"
                + " lxc.uts.name\"; liblxc 3.0 and later refuse this key, so the container would fail when it starts");
        assertThat(val(v).get(3).hint()).contains("did you mean 'lxc.tty.dir'?");
    }

    @Test
    void everythingInLineOrderAndImmutable() {
        Validation v = lxc("lxc.cap.drop = not_a_cap\nlxc.foo = 1\nlxc.uts.name x\nlxc.utsname = a\n").validate();
        assertThat(v.diagnostics()).extracting(Diagnostic::line).isSorted();
        assertThat(v.errors()).extracting(d -> d.code().id()).containsExactly("LXC105", "VAL001", "LXC001", "VAL002");
        assertThat(v.hasErrors()).isTrue();
        assertThat(v.withCode(DiagnosticCode.VAL_UNKNOWN_KEY)).hasSize(1);
        assertThat(v.options()).isEqualTo(ValidationOptions.defaults());
        assertThatThrownBy(() -> v.diagnostics().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theClassroomLine() {
        Validation v = pve("arch: amd64\nlxc.cgroup.devices.allow: c 10:232 rwm\n").validate();
        assertThat(v.hasErrors()).isFalse();
        assertThat(v.withCode(DiagnosticCode.VAL_CGROUP_V1_IGNORED)).singleElement()
                .extracting(d -> d.hint().orElseThrow()).isEqualTo("use 'lxc.cgroup2.devices.allow: c 10:232 rwm'; as the config stands, a pure cgroup2 host"
                        + " refuses the container character device 10:232 (/dev/kvm) (rw)");
        assertThat(v.withCode(DiagnosticCode.VAL_PROXMOX_WARNED_KEY)).singleElement()
                .extracting(Diagnostic::message).isEqualTo("Proxmox warns: \"lxc.cgroup.devices.allow is deprecated,"
                        + " this will be a hard error in the future!\"");
    }

    @Test
    void aCgroup2RuleThatChecksNothingStopsTheStart() {
        // seen with liblxc 5.0.2 on a cgroup2 host: "Failed to load bpf program", lxc-execute exits 1
        String text = "lxc.include = /usr/share/lxc/config/common.conf\nlxc.cgroup2.devices.allow = a *:* rwm\n";
        Validation v = lxc(text).validate();
        assertThat(v.withCode(DiagnosticCode.LXC_DEVICE_RULE)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.message()).isEqualTo("on a cgroup2 host this rule checks nothing, so the kernel refuses"
                    + " liblxc's device program (\"Failed to load bpf program\") and the container does not start");
            assertThat(d.hint()).contains("write 'a' alone: 'lxc.cgroup2.devices.allow = a' allows every device");
        });
        // a deny of it is skipped in the allowlist, so it stops nothing; a v1 host ignores cgroup2 lines
        assertThat(lxc(text.replace("allow = a *", "deny = a *")).validate().withCode(DiagnosticCode.LXC_DEVICE_RULE))
                .isEmpty();
        assertThat(lxc(text).validate(ValidationOptions.defaults().withCgroup2Host(false))
                .withCode(DiagnosticCode.LXC_DEVICE_RULE)).isEmpty();
        assertThat(lxc(text.replace("a *:* rwm", "c *:* rwm")).validate().withCode(DiagnosticCode.LXC_DEVICE_RULE))
                .isEmpty();
    }
}
