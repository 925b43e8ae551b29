package io.github.lxcconf.seccomp;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.internal.Utf8;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SeccompPolicyTest {

    static Path resource(String name) {
        try {
            return Path.of(SeccompPolicyTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.walk(resource("corpus/seccomp"))) {
            return files.filter(f -> f.toString().endsWith(".seccomp")).sorted().toList();
        }
    }

    private static List<String> errors(SeccompPolicy p) {
        return p.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString).toList();
    }

    // ------------------------------------------------------------------ lossless

    @ParameterizedTest
    @MethodSource("corpus")
    void everyCorpusPolicyReadsBackByteForByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        SeccompPolicy p = SeccompPolicy.read(file);
        assertThat(Utf8.encode(p.text())).isEqualTo(bytes);
        assertThat(p.toString()).isEqualTo(p.text());
        assertThat(p.lines()).hasSize((int) new String(bytes).lines().count());
        assertThat(p.lines()).noneMatch(l -> l.kind() == PolicyLine.Kind.INVALID && !file.toString().contains("v1-whitelist"));
    }

    @Test
    void theCorpusHasNinePoliciesAndOnlyTheOldV1WhitelistIsRefused() throws IOException {
        List<Path> files = corpus();
        assertThat(files).hasSize(9);
        for (Path f : files) {
            List<String> errors = errors(SeccompPolicy.read(f));
            if (f.getFileName().toString().equals("lxc-2.0.0-doc-seccomp-v1-whitelist.seccomp")) {
                assertThat(errors).singleElement().asString().endsWith(":2:1: error: a version 1 policy must be an"
                        + " allowlist: liblxc refuses 'whitelist' (\"Only allowlist policy is supported\") [SEC003]");
            } else {
                assertThat(errors).as(f.toString()).isEmpty();
            }
        }
    }

    @Test
    void lineEndsStayWithTheirLines() {
        String text = "2\r\ndenylist\n\n# c\r\nkexec_load errno 1";
        SeccompPolicy p = SeccompPolicy.parse(text);
        assertThat(p.text()).isEqualTo(text);
        assertThat(p.lines()).extracting(PolicyLine::eol).containsExactly("\r\n", "\n", "\n", "\r\n", "");
        assertThat(p.lines()).extracting(PolicyLine::kind).containsExactly(PolicyLine.Kind.VERSION,
                PolicyLine.Kind.HEADER, PolicyLine.Kind.BLANK, PolicyLine.Kind.COMMENT, PolicyLine.Kind.RULE);
        assertThat(p.lines().get(3).content()).isEqualTo("# c\r");
    }

    @Test
    void arbitraryTextNeverThrowsAndReadsBack() {
        Random random = new Random(42);
        String alphabet = "12 \t\r\n#[],=!<>&x_0f9aeklnorstwyASCMPQ\u00e9\u0000";
        for (int n = 0; n < 3000; n++) {
            StringBuilder b = new StringBuilder(n % 3 == 0 ? "2\ndenylist\n" : "");
            for (int i = random.nextInt(60); i > 0; i--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            SeccompPolicy p = SeccompPolicy.parse(text);
            assertThat(p.text()).isEqualTo(text);
            assertThat(p.diagnostics()).allSatisfy(d -> assertThat(d.line()).isBetween(1, Math.max(1, p.lines().size())));
            assertThat(p.explain().lines()).hasSize(p.lines().size());
        }
    }

    // ------------------------------------------------------------------ typed view

    @Test
    void commonSeccompAsTypedRules() throws IOException {
        SeccompPolicy p = SeccompPolicy.read(resource("corpus/seccomp/lxc-upstream/common.seccomp"));
        assertThat(p.version()).isEqualTo(OptionalInt.of(2));
        assertThat(p.mode()).contains(PolicyMode.DENYLIST);
        assertThat(p.headerAction()).isEmpty();
        assertThat(p.defaultAction()).contains(SeccompAction.ALLOW);
        assertThat(p.rules()).extracting(SeccompRule::syscall).containsExactly("reject_force_umount", "kexec_load",
                "open_by_handle_at", "init_module", "finit_module", "delete_module");
        SeccompRule force = p.rules().get(0);
        assertThat(force.isRejectForceUmount()).isTrue();
        assertThat(force.writtenAction()).isEmpty();
        assertThat(force.action()).isEqualTo(SeccompAction.KILL);
        assertThat(force.section()).isEmpty();
        assertThat(p.rules().get(1)).isEqualTo(new SeccompRule(5, Optional.empty(), "kexec_load", OptionalInt.empty(),
                Optional.of(SeccompAction.errno(1)), SeccompAction.errno(1), List.of()));
        assertThat(p.diagnostics()).isEmpty();
    }

    @Test
    void allowlistWithHeaderActionAndSections() throws IOException {
        SeccompPolicy p = SeccompPolicy.read(resource("corpus/seccomp/lxc-upstream/doc-seccomp-v2.seccomp"));
        assertThat(p.mode()).contains(PolicyMode.ALLOWLIST);
        assertThat(p.headerAction()).contains(SeccompAction.TRAP);
        assertThat(p.defaultAction()).contains(SeccompAction.TRAP);
        assertThat(p.rules()).hasSize(12);
        assertThat(p.rules().get(0).section()).contains(SeccompArch.X86_64);
        assertThat(p.rules().get(6).section()).contains(SeccompArch.X86);
        assertThat(p.rules()).allMatch(r -> r.action().equals(SeccompAction.ALLOW));
        assertThat(p.rules(SeccompArch.ARM64)).isEmpty();
        assertThat(p.rules(SeccompArch.X86)).hasSize(6);
        assertThat(p.rules(SeccompArch.X86_64)).hasSize(12);
    }

    @Test
    void versionOneRulesAreNumbers() throws IOException {
        SeccompPolicy p = SeccompPolicy.read(resource("corpus/seccomp/lxc-upstream/doc-seccomp-v1.seccomp"));
        assertThat(p.version()).isEqualTo(OptionalInt.of(1));
        assertThat(p.defaultAction()).contains(SeccompAction.KILL);
        assertThat(p.rules().get(0).number()).isEqualTo(OptionalInt.of(0));
        assertThat(p.rules()).allMatch(r -> r.action().equals(SeccompAction.ALLOW));
        // the example's 1024..1079 are no x86_64 system calls
        assertThat(p.diagnostics()).hasSize(56).allMatch(d -> d.code() == DiagnosticCode.SEC_V1_UNKNOWN_NUMBER);
    }

    @Test
    void argumentFiltersInBothSpellings() {
        SeccompPolicy p = SeccompPolicy.parse("2\ndenylist\nmknod notify [1,8192,SCMP_CMP_MASKED_EQ,61440]\n"
                + "ioctl errno 1 [1,0x9400,&=,0xff00] [0,3,<=]\nkill errno1 [2,010,!=]\n");
        assertThat(p.rules().get(0).filters()).containsExactly(new ArgFilter(1, 8192, CompareOp.MASKED_EQ, 61440));
        assertThat(p.rules().get(1).filters()).containsExactly(new ArgFilter(1, 0x9400, CompareOp.MASKED_EQ, 0xff00),
                new ArgFilter(0, 3, CompareOp.LE, 0));
        // errno1 (no blank) is errno 1; 010 is octal
        assertThat(p.rules().get(2).action()).isEqualTo(SeccompAction.errno(1));
        assertThat(p.rules().get(2).filters()).containsExactly(new ArgFilter(2, 8, CompareOp.NE, 0));
        assertThat(p.rules().get(0).filters().get(0).matches(0020644)).isTrue();
        assertThat(p.rules().get(0).filters().get(0).matches(0060644)).isFalse();
        assertThat(p.rules().get(0).filters().get(0).toString()).isEqualTo("[1,8192,SCMP_CMP_MASKED_EQ,61440]");
        assertThat(p.diagnostics()).isEmpty();
    }

    @Test
    void versionAndPolicyMayShareALineAndBlankLinesComeFirst() {
        SeccompPolicy p = SeccompPolicy.parse("\n\n2 denylist\nsethostname errno 1\n");
        assertThat(p.version()).isEqualTo(OptionalInt.of(2));
        assertThat(p.mode()).contains(PolicyMode.DENYLIST);
        assertThat(p.lines()).extracting(PolicyLine::kind).containsExactly(PolicyLine.Kind.BLANK,
                PolicyLine.Kind.BLANK, PolicyLine.Kind.HEADER, PolicyLine.Kind.RULE);
        assertThat(p.diagnostics()).isEmpty();
    }

    @Test
    void syscallTablesPerArchitecture() {
        assertThat(SeccompArch.X86_64.syscallCount()).isEqualTo(368);
        assertThat(SeccompArch.X86.syscallCount()).isEqualTo(419);
        assertThat(SeccompArch.ARM64.syscallCount()).isEqualTo(312);
        assertThat(SeccompArch.X86_64.syscallNumber("sethostname")).isEqualTo(OptionalInt.of(170));
        assertThat(SeccompArch.X86.syscallNumber("sethostname")).isEqualTo(OptionalInt.of(74));
        assertThat(SeccompArch.X86_64.syscallNumber("stime")).isEmpty();
        assertThat(SeccompArch.X86_64.syscallName(0)).contains("read");
        assertThat(SeccompArch.knownSyscall("stime")).isTrue();
        assertThat(SeccompArch.ofSection("X86_64")).contains(SeccompArch.X86_64);
        assertThat(SeccompArch.ofSection("amd64")).isEmpty();
        assertThat(SeccompArch.ofSection("Arm64")).isEmpty();
        assertThat(SeccompArch.ARM.appliesOn(SeccompArch.ARM64)).isTrue();
        assertThat(SeccompArch.X86_64.appliesOn(SeccompArch.X86)).isFalse();
    }

    // ------------------------------------------------------------------ validation, as liblxc 5.0.2 and libseccomp 2.5.4 do

    private static String only(String text) {
        List<Diagnostic> d = SeccompPolicy.parse(text, "p.seccomp").diagnostics();
        assertThat(d).as(text).hasSize(1);
        return d.get(0) + " | " + d.get(0).hint().orElse("");
    }

    @Test
    void headerErrors() {
        assertThat(only("3\ndenylist\n")).isEqualTo("p.seccomp:1:1: error: policy version 3: liblxc reads only version 1"
                + " and 2 (\"Invalid version\") [SEC001] | write 2 for a policy with named system calls");
        assertThat(only("2\n")).isEqualTo("p.seccomp:1:2: error: nothing follows the version: liblxc needs a policy"
                + " line (\"Invalid config file\") [SEC002] | add a line such as denylist or allowlist");
        assertThat(only("1\nwhitelist\n0\n")).isEqualTo("p.seccomp:2:1: error: a version 1 policy must be an"
                + " allowlist: liblxc refuses 'whitelist' (\"Only allowlist policy is supported\") [SEC003]"
                + " | LXC 4.0.4 renamed whitelist: write allowlist");
        assertThat(only("2\ndenylist debug\n")).isEqualTo("p.seccomp:2:10: error: liblxc refuses a policy line"
                + " containing 'debug' (\"Debug not yet implemented\") [SEC004] | remove debug from the policy line");
        assertThat(only("2\ngreylist\n")).isEqualTo("p.seccomp:2:1: error: 'greylist' is no policy: liblxc reads"
                + " denylist or allowlist here (\"Bad seccomp policy style\") [SEC005] | write denylist (calls are"
                + " allowed unless a rule refuses them) or allowlist");
        assertThat(only("2\ndenylist \n")).isEqualTo("p.seccomp:2:10: error: nothing valid follows the blank after"
                + " 'denylist': liblxc reads an action there (\"Unrecognized seccomp action\") [SEC006]"
                + " | remove the trailing blank");
    }

    @Test
    void actionErrors() {
        assertThat(only("2\ndenylist\nsethostname log\n")).isEqualTo("p.seccomp:3:13: error: unknown action 'log':"
                + " liblxc refuses the policy (\"Unrecognized seccomp action\") [SEC006] | liblxc 5.0 knows kill,"
                + " errno N, allow, trap and notify; log is a libseccomp action LXC does not offer");
        assertThat(only("2\ndenylist\nsethostname trace\n")).contains("unknown action 'trace'");
        assertThat(only("2\ndenylist\n sethostname errno 1\n")).isEqualTo("p.seccomp:3:2: error: unknown action"
                + " 'sethostname': liblxc refuses the policy (\"Unrecognized seccomp action\") [SEC006] | the line"
                + " starts with a blank, so liblxc reads 'sethostname' as the action: remove the indentation");
        assertThat(only("2\ndenylist\nsethostname errno\n")).isEqualTo("p.seccomp:3:13: error: errno needs a number"
                + " after it: liblxc refuses the action (\"Failed to parse errno value\") [SEC006] | write errno 1"
                + " (EPERM) or another error number");
        assertThat(only("2\ndenylist\nmknod [1,2,==]\n")).endsWith("unknown action '[1,2,==]': liblxc refuses the"
                + " policy (\"Unrecognized seccomp action\") [SEC006] | write an action before the argument filters,"
                + " such as errno 1 [1,2,==]");
        assertThat(SeccompPolicy.parse("2\ndenylist\n  # indented comment\nsethostname killfoo\n").diagnostics())
                .isEmpty();
    }

    @Test
    void sectionErrors() {
        assertThat(only("2\ndenylist\n[amd64]\n")).isEqualTo("p.seccomp:3:1: error: unknown architecture section"
                + " '[amd64]': liblxc refuses the policy (\"Unsupported architecture\") [SEC008] | write [x86_64];"
                + " the names are all, x86, x86_64, x32, arm, arm64, ppc, ppc64, ppc64le, mips, mipsel, mips64,"
                + " mipsel64, mips64n32, mipsel64n32, s390, s390x (lower or upper case)");
        assertThat(only("2\ndenylist\n[loongarch64]\n")).contains("unknown architecture section '[loongarch64]'");
        assertThat(only("2\ndenylist\n[x86_64] \n")).endsWith("| remove the blanks after ']'");
        assertThat(only("2\r\ndenylist\r\n[all]\r\n")).endsWith("'[all]\\r': liblxc refuses the policy"
                + " (\"Unsupported architecture\") [SEC008] | the line ends with CR (a Windows line end): save the"
                + " file with LF line ends");
        assertThat(SeccompPolicy.parse("2\ndenylist\n[X86_64]\n[x32]\n[ALL]\n[s390x]\n").diagnostics()).isEmpty();
    }

    @Test
    void argumentFilterErrors() {
        assertThat(only("2\ndenylist\nmknod errno 1 [6,2,==]\n")).isEqualTo("p.seccomp:3:16: error: argument index"
                + " 6: a system call has arguments 0 to 5 (\"Failed to interpret args value\") [SEC009] | write"
                + " [index,value,op] or [index,value,op,mask]: index 0 to 5, op one of SCMP_CMP_NE != SCMP_CMP_LT <"
                + " SCMP_CMP_LE <= SCMP_CMP_EQ == SCMP_CMP_GE >= SCMP_CMP_GT > SCMP_CMP_MASKED_EQ &=, no blanks");
        assertThat(only("2\ndenylist\nmknod errno 1 [1,2, ==]\n")).startsWith("p.seccomp:3:20: error: unknown"
                + " operator ' ==' in an argument filter: liblxc refuses the rule (\"Failed to interpret args"
                + " operator value\") [SEC009]");
        assertThat(only("2\ndenylist\nmknod errno 1 [1,-2,==]\n")).startsWith("p.seccomp:3:18: error: argument"
                + " value '-2' is no unsigned 64-bit number: liblxc refuses the rule (\"Invalid argument value\")");
        assertThat(only("2\ndenylist\nmknod errno 1 [1,8192,&=,61440] \n")).isEqualTo("p.seccomp:3:32: error: ' '"
                + " after an argument filter is no filter: liblxc refuses the rule (\"Failed to interpret args\")"
                + " [SEC009] | remove the text after the last ']'");
        assertThat(only("2\ndenylist\nmknod errno 1 [1,2,==] # c\n")).contains("' # c' after an argument filter");
        assertThat(only("2\ndenylist\nmknod errno 1 [1,2,==5]\n")).isEqualTo("p.seccomp:3:22: warning: liblxc"
                + " ignores '5' in the argument filter '[1,2,==5]' [SEC024] | remove it; a filter is [index,value,op]"
                + " or [index,value,op,mask]");
        // a filter without its closing bracket and a blank before the value are read without complaint
        assertThat(SeccompPolicy.parse("2\ndenylist\nmknod errno 1 [1,2,==\nmknodat errno 1 [1, 2,==]\n")
                .diagnostics()).isEmpty();
    }

    @Test
    void whatLibseccompRefusesWhenTheRuleIsAdded() {
        assertThat(only("2\ndenylist\nsethostname errno 4095\n")).isEqualTo("p.seccomp:3:13: error: error number"
                + " 4095: libseccomp takes 0 to 4094 and refuses the rule, so the container does not start"
                + " (\"Invalid argument\") [SEC010] | write an error number from errno.h, such as 1 (EPERM) or 38"
                + " (ENOSYS)");
        assertThat(only("2\ndenylist\nsethostname errno -1\n")).contains("error number -1");
        assertThat(only("2\ndenylist\nsethostname allow\n")).isEqualTo("p.seccomp:3:13: error: the rule's action"
                + " allow is the policy's default for sethostname: libseccomp refuses the rule, so the container does"
                + " not start (\"Permission denied\") [SEC011] | remove the rule: a denylist already gives every"
                + " unnamed call allow");
        assertThat(only("2\ndenylist errno 1\nsethostname errno 1\n")).contains("[SEC011]");
        assertThat(only("2\ndenylist\nsethostname errno 1 [0,1,==] [0,2,==]\n")).startsWith("p.seccomp:3:21: error:"
                + " two filters on argument 0 of sethostname: libseccomp refuses the rule");
        assertThat(only("2\ndenylist\numount2 errno 2 [1,1,==]\numount2 errno 3 [1,1,==]\n")).isEqualTo(
                "p.seccomp:4:9: error: line 3 already gives umount2 with the same filters the action errno 2:"
                        + " libseccomp refuses a second action, so the container does not start [SEC013]"
                        + " | keep one of the two rules");
        // an unknown call is skipped before libseccomp sees the errno
        assertThat(SeccompPolicy.parse("2\ndenylist\nnosuchcall errno 5000\n").diagnostics())
                .extracting(Diagnostic::code).containsExactly(DiagnosticCode.SEC_UNKNOWN_SYSCALL);
    }

    @Test
    void skippedAndShadowedRulesAreWarnings() {
        assertThat(only("2\ndenylist\nsethostnam errno 1\n")).isEqualTo("p.seccomp:3:1: warning: 'sethostnam' is no"
                + " system call libseccomp knows: liblxc skips the rule [SEC020] | did you mean sethostname?");
        assertThat(only("2\ndenylist\narm_fadvise64_64 errno 1\n")).isEqualTo("p.seccomp:3:1: warning:"
                + " arm_fadvise64_64 does not exist on x86_64, x86 or x32: liblxc skips the rule there [SEC021]"
                + " | the rule does nothing on such a host; put it in a section for the architectures that have"
                + " arm_fadvise64_64");
        // under [arm] the name is checked for an arm host, and it exists there
        assertThat(SeccompPolicy.parse("2\ndenylist\n[arm]\narm_fadvise64_64 errno 1\n").diagnostics()).isEmpty();
        assertThat(only("2\ndenylist\n[arm64]\nstime errno 1\n")).contains("stime does not exist on an arm64 host (arm64 or arm)");
        // stime exists for x86 programs on an x86_64 host: no warning
        assertThat(SeccompPolicy.parse("2\ndenylist\nstime errno 1\n").diagnostics()).isEmpty();
        assertThat(only("2\r\ndenylist\r\nkexec_load\r\n")).isEqualTo("p.seccomp:3:1: warning: the line ends with CR"
                + " (a Windows line end), so liblxc looks up 'kexec_load\\r', which is no system call, and skips the"
                + " rule [SEC022] | save the file with LF line ends");
        assertThat(SeccompPolicy.parse("2\r\ndenylist\r\nkexec_load errno 1\r\n").diagnostics()).isEmpty();
        assertThat(only("2\ndenylist\nsethostname errno 1\nsethostname errno 2 [1,1,==]\n")).isEqualTo(
                "p.seccomp:4:21: warning: line 3 gives every sethostname call errno 1 without filters: libseccomp"
                        + " then ignores this rule's filters and action [SEC023] | remove the rule without filters,"
                        + " or this one");
    }

    // ------------------------------------------------------------------ explanation

    @Test
    void explainsCommonSeccomp() throws IOException {
        SeccompExplanation e = SeccompPolicy.read(resource("corpus/seccomp/lxc-upstream/common.seccomp")).explain();
        assertThat(e.lines().get(2)).isEqualTo("liblxc's reject_force_umount: umount2 fails with EACCES (Permission"
                + " denied) when its flags (argument 1) include MNT_FORCE (umount -f).");
        assertThat(e.lines().get(3)).isEqualTo("[all]: the rules below apply on every host.");
        assertThat(e.summary()).containsExactly(
                "Version 2 denylist: a system call no rule names is allowed.",
                "kexec_load, open_by_handle_at, init_module, finit_module and delete_module fail with EPERM"
                        + " (Operation not permitted).",
                "umount2 fails with EACCES (Permission denied) when its flags (argument 1) include MNT_FORCE"
                        + " (umount -f); any other umount2 call is allowed (the policy's default).");
    }

    @Test
    void explainsProxmoxRulesCombiningTheFilters() throws IOException {
        SeccompExplanation e = SeccompPolicy.read(resource("seccomp/pve-rules.seccomp")).explain();
        assertThat(e.summary()).containsExactly(
                "Version 2 denylist: a system call no rule names is allowed.",
                "kexec_load, open_by_handle_at, init_module, finit_module and delete_module fail with EPERM"
                        + " (Operation not permitted).",
                "keyctl fails with ENOSYS (Function not implemented).",
                "umount2 fails with EACCES (Permission denied) when its flags (argument 1) include MNT_FORCE"
                        + " (umount -f); any other umount2 call is allowed (the policy's default).",
                "ioctl fails with EPERM (Operation not permitted) when its request (argument 1) is a btrfs ioctl"
                        + " (request & 0xff00 == 0x9400); any other ioctl call is allowed (the policy's default).",
                "mknod is handed to the seccomp supervisor (lxc.seccomp.notify.proxy), which decides (notify) when"
                        + " its mode (argument 1) is a character device or a block device; any other mknod call is"
                        + " allowed (the policy's default).",
                "mknodat is handed to the seccomp supervisor (lxc.seccomp.notify.proxy), which decides (notify) when"
                        + " its mode (argument 2) is a character device or a block device; any other mknodat call is"
                        + " allowed (the policy's default).");
    }

    @Test
    void explainsSkippedPartialAndForeignRules() throws IOException {
        SeccompExplanation e = SeccompPolicy.read(resource("corpus/seccomp/external/waydroid__waydroid/waydroid.seccomp"))
                .explain();
        assertThat(e.lines().get(2)).isEqualTo("init_module kills the calling process (the action of a rule without one).");
        assertThat(e.lines().get(16)).isEqualTo("stime does nothing and reports success (errno 0). On an x86_64 host"
                + " it applies to x86 programs only.");
        assertThat(e.summary()).contains("On this x86_64 host some rules apply to only some of its ABIs (x86_64, x86,"
                + " x32): _sysctl (x86_64 and x86), kexec_file_load (x86_64 and x32), clock_adjtime64 (x86),"
                + " clock_settime64 (x86), stime (x86).");
        SeccompExplanation other = SeccompPolicy.parse("2\nallowlist errno 38\nread\n[arm]\nwrite\nnosuch allow\n")
                .explain();
        assertThat(other.summary()).containsExactly(
                "Version 2 allowlist: a system call no rule names fails with ENOSYS (Function not implemented).",
                "read is allowed.",
                "Rules for other architectures do not apply on an x86_64 host: 2 under [arm].");
        assertThat(other.lines().get(1)).isEqualTo("Allowlist with the default action errno 38: a system call no rule"
                + " names fails with ENOSYS (Function not implemented); a rule without an action allows its call.");
        assertThat(other.lines().get(3)).isEqualTo("[arm]: the rules below apply only on hosts that run arm programs;"
                + " an x86_64 host skips them.");
        assertThat(SeccompPolicy.parse("2\ndenylist\nsethostname log\n").explain().summary().get(0)).isEqualTo(
                "liblxc refuses this policy, so a container that uses it does not start (line 3: unknown action"
                        + " 'log': liblxc refuses the policy (\"Unrecognized seccomp action\")).");
    }

    // ------------------------------------------------------------------ a config's profile

    @Test
    void followsTheProfileOfAConfig(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("rules.seccomp"), "2\ndenylist\nsethostname errno 1\n");
        LxcConfig config = LxcConfig.parse("lxc.uts.name = web\nlxc.seccomp.profile = rules.seccomp\n");
        SeccompPolicy p = SeccompPolicy.ofConfig(config, dir).orElseThrow();
        assertThat(p.rules()).extracting(SeccompRule::syscall).containsExactly("sethostname");
        assertThat(p.source()).isEqualTo(dir.resolve("rules.seccomp").toString());
        assertThat(SeccompPolicy.ofConfig(LxcConfig.parse("lxc.uts.name = web\n"), dir)).isEmpty();
        assertThat(SeccompPolicy.ofConfig(LxcConfig.parse("lxc.seccomp.profile =\n"), dir)).isEmpty();

        SeccompPolicy missing = SeccompPolicy.ofConfig(
                LxcConfig.parse("lxc.uts.name = web\nlxc.seccomp.profile = gone.seccomp\n"), dir).orElseThrow();
        assertThat(missing.lines()).isEmpty();
        assertThat(missing.diagnostics()).singleElement().hasToString("<string>:2:1: error: the seccomp profile "
                + dir.resolve("gone.seccomp") + " cannot be read (no such file): liblxc does not start the container"
                + " (\"Failed to open seccomp policy file\") [SEC014]");
    }
}
