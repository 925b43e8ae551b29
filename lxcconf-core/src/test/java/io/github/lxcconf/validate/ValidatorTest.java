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
            "lxc.time.offset.boot = 10|'lxc.time.offset.boot' must be a whole number followed by a unit (h, m, s, ms, us or ns) with at most one blank between, got '10': liblxc refuses the file",
            "lxc.time.offset.boot = 1 ms|'lxc.time.offset.boot' must be a whole number followed by a unit (h, m, s, ms, us or ns) with at most one blank between, got '1 ms': liblxc refuses the file",
            "lxc.time.offset.boot = 9223372036854775807ms|'9223372036854775807ms' overflows liblxc's 64-bit time offset: liblxc refuses the file",
            "lxc.start.order = x|'lxc.start.order' must be a number from -2147483648 to 2147483647, got 'x': liblxc refuses the file",
            "lxc.start.order = 2147483648|'lxc.start.order' must be a number from -2147483648 to 2147483647, got '2147483648': liblxc refuses the file",
            "lxc.start.order = 09|'lxc.start.order' must be a number from -2147483648 to 2147483647, got '09' (a leading 0 makes it an octal number, which has no digit 8 or 9): liblxc refuses the file",
            "lxc.tty.max = 08|'lxc.tty.max' must be an unsigned number (at most 4294967295), got '08' (a leading 0 makes it an octal number, which has no digit 8 or 9): liblxc refuses the file",
            "lxc.monitor.unshare = 4294967296|'lxc.monitor.unshare' must be an unsigned number (at most 4294967295), got '4294967296': liblxc refuses the file",
            "lxc.log.level = 08|log level '08' is not a number from 0 to 8 (a leading 0 makes it an octal number, which has no digit 8 or 9): liblxc refuses the file",
            "lxc.autodev = \" 1 \"|'lxc.autodev' must be 0 or 1, got ' 1 ': liblxc refuses the file",
            "lxc.signal.halt = 2147483648|'2147483648' is not a signal: use a number, SIG<NAME> (such as SIGTERM), SIGRTMIN+n or SIGRTMAX-n: liblxc refuses the file",
            "lxc.signal.stop = SIGRTMIN+08|'SIGRTMIN+08' is not a signal: use a number, SIG<NAME> (such as SIGTERM), SIGRTMIN+n or SIGRTMAX-n: liblxc refuses the file",
            "lxc.console.size = 8589934592GB|'8589934592GB' is more bytes than liblxc can count (at most 9223372036854775807): liblxc refuses the file",
            "lxc.console.buffer.size = 18446744073709551616|'lxc.console.buffer.size' must be 'auto' or a number of bytes with an optional KB, MB or GB, got '18446744073709551616': liblxc refuses the file",
            "lxc.rootfs.options = ro,create=dir|'create=dir' is a mount option only LXC reads, and liblxc refuses it for the rootfs (\"Invalid LXC specific mount option for rootfs mount\"): liblxc refuses the file",
            "lxc.rootfs.options = ro, optional|'optional' is a mount option only LXC reads, and liblxc refuses it for the rootfs (\"Invalid LXC specific mount option for rootfs mount\"): liblxc refuses the file",
            "lxc.init.groups = 1,,0x10,abc|Failed to parse group abc: each group is a number (at most 4294967295), groups are separated by ',': liblxc refuses the file",
            "lxc.init.groups = 1, -2|Failed to parse group  -2: each group is a number (at most 4294967295), groups are separated by ',': liblxc refuses the file",
            "lxc.hook.version = 2|'lxc.hook.version' must be a number from 0 to 1, got '2': liblxc refuses the file",
            "lxc.cgroup. = 1|'lxc.cgroup.' names no cgroup entry after the '.'; only an empty value is accepted here: liblxc refuses the file",
            "lxc.sysctl. = 1|'lxc.sysctl.' names no sysctl entry after the '.'; only an empty value is accepted here: liblxc refuses the file",
            "lxc.cgroup2 = x|'lxc.cgroup2' alone only accepts an empty value (which clears every lxc.cgroup2.* line above); got 'x': liblxc refuses the file"})
    void invalidValues(String line, String message) {
        List<Diagnostic> errors = lxc(line + "\n").validate().errors().stream()
                .filter(d -> d.code() == DiagnosticCode.VAL_INVALID_VALUE).toList();
        assertThat(errors).extracting(Diagnostic::message).containsExactly(message);
        assertThat(errors.get(0).column()).isEqualTo(line.indexOf('=') + 3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "lxc.time.offset.boot = 1 h", "lxc.time.offset.monotonic = -99999999999999999999s",
            "lxc.signal.halt = SIGRTMIN+0003", "lxc.signal.halt = SIGRTMIN+0x3", "lxc.signal.halt = 0x10",
            "lxc.signal.halt = 2147483647", "lxc.start.order = -0x10", "lxc.tty.max = +010",
            "lxc.console.size = 8589934591GB", "lxc.console.size = 0x1000", "lxc.console.size = 9223372036854775807",
            "lxc.cgroup. =", "lxc.sysctl.. = 1", "lxc.cgroup2.x. = 1", "lxc.prlimit. = 1", "lxc.proc.. =",
            "lxc.rootfs.options = ro,nodev,idmap=container", "lxc.rootfs.options = bogus",
            "lxc.mount.auto = shmounts:", "lxc.seccomp.allow_nesting = 09",
            "lxc.namespace.clone = net\\nlxc.namespace.clone =\\nlxc.namespace.keep = user",
            "lxc.tty.max = 1 ", "lxc.init.groups = 1,,0x10, 010", "lxc.namespace.keep = ' '"})
    void valuesLiblxcLoads(String text) {
        assertThat(lxc(text.replace("\\n", "\n") + "\n").validate().errors()).isEmpty();
    }

    @Test
    @DisplayName("a '-' sign in lxc.init.uid or lxc.seccomp.allow_nesting sets no errno: whether liblxc refuses it"
            + " depends on what ran before (VAL021), not on the value")
    void signDependsOnTheLoader() {
        Validation v = lxc("lxc.init.uid = -1\nlxc.seccomp.allow_nesting = -1\n").validate();
        assertThat(v.errors()).isEmpty();
        assertThat(v.withCode(DiagnosticCode.VAL_DEPENDS_ON_LOADER)).extracting(Diagnostic::line)
                .containsExactly(1, 2);
    }

    @Test
    @DisplayName("lxc.init.uid, lxc.init.gid, lxc.hook.version and lxc.seccomp.allow_nesting ignore what is no number")
    void valuesLiblxcIgnores() {
        Validation v = lxc("lxc.init.uid = abc\nlxc.init.gid = 08\nlxc.hook.version = 4294967296\n"
                + "lxc.seccomp.allow_nesting = yes\n").validate();
        assertThat(v.errors()).isEmpty();
        assertThat(v.withCode(DiagnosticCode.VAL_VALUE_IGNORED)).extracting(Diagnostic::line, Diagnostic::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "'abc' is no number liblxc can store in 'lxc.init.uid':"
                                + " it loads the file and ignores the line"),
                        org.assertj.core.groups.Tuple.tuple(2, "'08' is no number liblxc can store in 'lxc.init.gid':"
                                + " it loads the file and ignores the line (a leading 0 makes it an octal number,"
                                + " which has no digit 8 or 9)"),
                        org.assertj.core.groups.Tuple.tuple(3, "'4294967296' is no number liblxc can store in"
                                + " 'lxc.hook.version': it loads the file and ignores the line"),
                        org.assertj.core.groups.Tuple.tuple(4, "'yes' is no number liblxc can store in"
                                + " 'lxc.seccomp.allow_nesting': it loads the file and ignores the line"));
        assertThat(v.withCode(DiagnosticCode.VAL_VALUE_IGNORED)).extracting(Diagnostic::severity)
                .containsOnly(Severity.WARNING);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"loong64", "loongarch64", "x32"})
    @DisplayName("architecture names liblxc 5.0 does not know")
    void architecturesOfLaterReleases(String arch) {
        LxcConfig config = lxc("lxc.arch = " + arch + "\n");
        assertThat(config.validate(ValidationOptions.defaults().withVersion(LxcVersion.V5_0)).errors())
                .extracting(Diagnostic::message).containsExactly("Unsupported personality \"" + arch + "\": liblxc 5.0"
                        + " does not know this architecture name: liblxc refuses the file");
        assertThat(config.validate().errors()).isEmpty();
    }

    @Test
    @DisplayName("path lengths: PATH_MAX - 1 bytes for paths, 255 for lxc.tty.dir")
    void pathLengths() {
        String a4095 = "a".repeat(4095);
        assertThat(lxc("lxc.rootfs.path = " + a4095 + "\nlxc.tty.dir = " + "d".repeat(255) + "\n").validate()
                .errors()).isEmpty();
        Validation v = lxc("lxc.rootfs.path = /" + a4095 + "\nlxc.tty.dir = " + "d".repeat(256)
                + "\nlxc.hook.start = /" + a4095 + "\n").validate();
        assertThat(v.errors()).extracting(Diagnostic::line, Diagnostic::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "'lxc.rootfs.path' is 4096 bytes long; liblxc takes at most 4095"
                        + " (\"File name too long\"): liblxc refuses the file"),
                org.assertj.core.groups.Tuple.tuple(2, "'lxc.tty.dir' is 256 bytes long; liblxc takes at most 255"
                        + " (\"File name too long\"): liblxc refuses the file"));
    }

    @Test
    @DisplayName("a trailing VT, FF or ESC stays in the value: liblxc trims only spaces and tabs")
    void trailingControlCharacterStaysInTheValue() {
        assertThat(lxc("lxc.autodev = 1\u000b\n").validate().errors()).extracting(Diagnostic::message)
                .containsExactly("'lxc.autodev' must be 0 or 1, got '1\\x0B': liblxc refuses the file");
        assertThat(lxc("lxc.tty.max = 2\f\n").validate().errors()).hasSize(1);
        assertThat(lxc("lxc.uts.name = a\u000b\n").validate().errors()).isEmpty();
    }

    @Test
    @DisplayName("lxc.namespace.clone and lxc.namespace.keep both in force")
    void cloneAndKeep() {
        Validation v = lxc("lxc.namespace.keep = user\nlxc.namespace.clone = net\n").validate();
        assertThat(v.errors()).extracting(Diagnostic::line, Diagnostic::code, Diagnostic::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, DiagnosticCode.VAL_INVALID_VALUE, "'lxc.namespace.clone' while"
                        + " 'lxc.namespace.keep = user' is in force: liblxc refuses the file (\"Cannot set both clone"
                        + " and keep namespaces\")"));
    }

    @Test
    @DisplayName("a verdict that depends on the loading process has a code of its own")
    void dependsOnTheLoadingProcess() {
        Validation v = lxc("lxc.environment = NAME_FROM_LOADER\nlxc.rootfs.options = idmap=/proc/1/ns/user\n")
                .validate();
        assertThat(v.errors()).isEmpty();
        assertThat(v.withCode(DiagnosticCode.VAL_DEPENDS_ON_LOADER)).extracting(Diagnostic::line, Diagnostic::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "'lxc.environment = NAME_FROM_LOADER' copies"
                                + " NAME_FROM_LOADER from the environment of the process that loads the file: liblxc"
                                + " refuses the file where NAME_FROM_LOADER is not set, so whether it loads depends on"
                                + " that process, not on this file"),
                        org.assertj.core.groups.Tuple.tuple(2, "liblxc opens the user namespace '/proc/1/ns/user' while"
                                + " it loads the file and refuses the file when it cannot (a missing path, a namespace"
                                + " it may not use): that depends on the process that loads it, not on this file"));
    }

    @Test
    @DisplayName("a NUL byte: liblxc reads its line up to the NUL, and nothing after it")
    void nulByte() {
        Validation v = lxc("lxc.uts.name = \0x\nlxc.arch = bogus\n").validate();
        assertThat(v.errors()).isEmpty();
        LxcConfig cut = lxc("lxc.tty.max \0= 2\nlxc.arch = bogus\n");
        assertThat(cut.validate().errors()).extracting(Diagnostic::line, Diagnostic::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, DiagnosticCode.LXC_INVALID_LINE));
        LxcConfig devices = lxc("lxc.cgroup2.devices.allow = c 1:3 rwm\0 junk\nlxc.cgroup2.devices.allow = c 1:5 rwm\n");
        assertThat(devices.lxc().deviceRules()).extracting(r -> r.toValue()).containsExactly("c 1:3 rwm");
        assertThat(devices.validate().errors()).isEmpty();
    }

    @Test
    @DisplayName("number checks take linear time: a million digits")
    void millionDigits() {
        String digits = "1".repeat(1_000_000);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
            assertThat(lxc("lxc.autodev = " + digits + "\nlxc.tty.max = " + digits + "\nlxc.start.order = "
                    + digits + "\nlxc.init.uid = " + digits + "\nlxc.seccomp.allow_nesting = " + digits
                    + "\nlxc.signal.halt = " + digits + "\n").validate().errors()).hasSize(6);
        });
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
