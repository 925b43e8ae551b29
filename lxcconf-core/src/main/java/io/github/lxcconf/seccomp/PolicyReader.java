package io.github.lxcconf.seccomp;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a policy file into lines and rules the way liblxc 5.0's {@code seccomp.c} reads it: the version with
 * {@code fscanf("%d\n")} (blanks and blank lines around it skipped), the policy line with getline, then one
 * body line at a time, split at LF only.
 *
 * <p>A hand-written reader rather than an ANTLR grammar: the format is line-oriented and its rules are C
 * library calls ({@code sscanf} with scan sets, {@code strtok} on {@code ]}, prefix matches), which this class
 * follows step by step; a grammar would have to be bent into the same shape. Every line keeps all its bytes.
 * Where liblxc would stop at an error, the reader notes the error and reads on, so that one run reports them
 * all; only lines whose meaning depends on a version or policy line that failed are {@code UNREAD}.
 */
final class PolicyReader {

    /** What the reader found. */
    record Result(List<PolicyLine> lines, int version, Optional<PolicyMode> mode,
                  Optional<SeccompAction> headerAction, List<SeccompRule> rules, List<Diagnostic> diagnostics) {
    }

    private final String source;
    private final List<String> texts = new ArrayList<>();
    private final List<String> eols = new ArrayList<>();
    private final List<PolicyLine.Kind> kinds = new ArrayList<>();
    private final List<SeccompRule> rules = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int version;
    private Optional<PolicyMode> mode = Optional.empty();
    private Optional<SeccompAction> headerAction = Optional.empty();
    private SeccompAction ruleDefault = SeccompAction.KILL;

    private PolicyReader(String source) {
        this.source = source;
    }

    static Result read(String text, String source) {
        PolicyReader r = new PolicyReader(source);
        r.split(text);
        r.readAll();
        List<PolicyLine> lines = new ArrayList<>();
        for (int i = 0; i < r.texts.size(); i++) {
            lines.add(new PolicyLine(r.kinds.get(i), r.texts.get(i), r.eols.get(i)));
        }
        return new Result(lines, r.version, r.mode, r.headerAction, r.rules, r.diagnostics);
    }

    private void split(String text) {
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                texts.add(text.substring(start));
                eols.add("");
                break;
            }
            if (nl > start && text.charAt(nl - 1) == '\r') {
                texts.add(text.substring(start, nl - 1));
                eols.add("\r\n");
            } else {
                texts.add(text.substring(start, nl));
                eols.add("\n");
            }
            start = nl + 1;
        }
        for (int i = 0; i < texts.size(); i++) {
            kinds.add(PolicyLine.Kind.UNREAD);
        }
    }

    /** The line as liblxc sees it once the LF is removed: a CR of a CRLF end stays. */
    private String content(int i) {
        return eols.get(i).equals("\r\n") ? texts.get(i) + '\r' : texts.get(i);
    }

    /** The line as getline returns it: with its LF. */
    private String withLf(int i) {
        return content(i) + (eols.get(i).isEmpty() ? "" : "\n");
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    private static boolean blank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private void error(DiagnosticCode code, int line, String text, int index, String message, String hint) {
        diagnostics.add(diagnostic(code, source, line + 1, text, index, message, hint));
    }

    static Diagnostic diagnostic(DiagnosticCode code, String source, int lineNumber, String text, int index,
                                 String message, String hint) {
        int column = text.codePointCount(0, Math.min(Math.max(index, 0), text.length())) + 1;
        return new Diagnostic(code.defaultSeverity(), code, message, Optional.ofNullable(hint), source, lineNumber,
                column);
    }

    private void readAll() {
        int i = 0;
        while (i < texts.size() && blank(content(i))) {
            kinds.set(i, PolicyLine.Kind.BLANK);
            i++;
        }
        if (i == texts.size()) {
            diagnostics.add(diagnostic(DiagnosticCode.SEC_BAD_VERSION, source, Math.max(1, texts.size()), "", 0,
                    "the policy is empty: liblxc reads the version 1 or 2 first (\"Invalid version\")",
                    "start the file with the line 2, then a policy line such as denylist"));
            return;
        }
        String c = content(i);
        int at = 0;
        while (isSpace(c.charAt(at))) {
            at++;
        }
        int end = at;
        if (end < c.length() && (c.charAt(end) == '+' || c.charAt(end) == '-')) {
            end++;
        }
        int digits = end;
        while (end < c.length() && Character.isDigit(c.charAt(end)) && c.charAt(end) < 128) {
            end++;
        }
        if (end == digits) {
            kinds.set(i, PolicyLine.Kind.INVALID);
            error(DiagnosticCode.SEC_BAD_VERSION, i, c, at,
                    "'" + word(c, at) + "' is no policy version: liblxc reads 1 or 2 first (\"Invalid version\")",
                    "start the file with the line 2 (named system calls) or 1 (numbers)");
            return;
        }
        BigInteger v = new BigInteger(c.substring(c.charAt(at) == '+' ? at + 1 : at, end));
        if (!v.equals(BigInteger.ONE) && !v.equals(BigInteger.TWO)) {
            kinds.set(i, PolicyLine.Kind.INVALID);
            error(DiagnosticCode.SEC_BAD_VERSION, i, c, at,
                    "policy version " + c.substring(at, end) + ": liblxc reads only version 1 and 2 (\"Invalid version\")",
                    "write 2 for a policy with named system calls");
            return;
        }
        version = v.intValue();
        int headerLine = i;
        int headerAt = end;
        while (headerAt < c.length() && isSpace(c.charAt(headerAt))) {
            headerAt++;
        }
        if (headerAt == c.length()) {
            kinds.set(i, PolicyLine.Kind.VERSION);
            headerLine = i + 1;
            while (headerLine < texts.size() && blank(content(headerLine))) {
                kinds.set(headerLine, PolicyLine.Kind.BLANK);
                headerLine++;
            }
            if (headerLine == texts.size()) {
                error(DiagnosticCode.SEC_NO_POLICY_LINE, i, c, end,
                        "nothing follows the version: liblxc needs a policy line (\"Invalid config file\")",
                        "add a line such as denylist or allowlist");
                return;
            }
            c = content(headerLine);
            headerAt = 0;
            while (isSpace(c.charAt(headerAt))) {
                headerAt++;
            }
        }
        kinds.set(headerLine, PolicyLine.Kind.HEADER);
        if (!readHeader(headerLine, headerAt)) {
            kinds.set(headerLine, PolicyLine.Kind.INVALID);
            return;
        }
        if (version == 1) {
            readV1(headerLine + 1);
        } else {
            readV2(headerLine + 1);
        }
    }

    private static String word(String s, int at) {
        int end = at;
        while (end < s.length() && !isSpace(s.charAt(end))) {
            end++;
        }
        return s.substring(at, end);
    }

    /** Reads the policy line; false when liblxc refuses it. */
    private boolean readHeader(int line, int at) {
        String c = content(line);
        String h = withLf(line).substring(at);
        if (version == 1 && !h.contains("allowlist")) {
            error(DiagnosticCode.SEC_V1_NOT_ALLOWLIST, line, c, at,
                    "a version 1 policy must be an allowlist: liblxc refuses '" + word(c, at)
                            + "' (\"Only allowlist policy is supported\")",
                    h.contains("whitelist") ? "LXC 4.0.4 renamed whitelist: write allowlist"
                            : "write allowlist, or use version 2 for a denylist");
            return false;
        }
        int debug = h.indexOf("debug");
        if (debug >= 0) {
            error(DiagnosticCode.SEC_DEBUG, line, c, at + debug,
                    "liblxc refuses a policy line containing 'debug' (\"Debug not yet implemented\")",
                    "remove debug from the policy line");
            return false;
        }
        if (version == 1) {
            mode = Optional.of(PolicyMode.ALLOWLIST);
            return true;
        }
        if (h.startsWith("denylist") || h.startsWith("blacklist")) {
            mode = Optional.of(PolicyMode.DENYLIST);
            ruleDefault = SeccompAction.KILL;
        } else if (h.startsWith("allowlist") || h.startsWith("whitelist")) {
            mode = Optional.of(PolicyMode.ALLOWLIST);
            ruleDefault = SeccompAction.ALLOW;
        } else {
            error(DiagnosticCode.SEC_BAD_POLICY_STYLE, line, c, at,
                    "'" + word(c, at) + "' is no policy: liblxc reads denylist or allowlist here"
                            + " (\"Bad seccomp policy style\")",
                    "write denylist (calls are allowed unless a rule refuses them) or allowlist");
            return false;
        }
        int space = h.indexOf(' ');
        if (space >= 0) {
            ActionParse a = parseAction(h, space + 1);
            if (a.error != null) {
                String shown = h.substring(0, Math.min(h.length(), Math.max(a.at, 0))).replace("\n", "");
                String message = a.word.isEmpty()
                        ? "nothing valid follows the blank after '" + shown.strip()
                        + "': liblxc reads an action there (\"Unrecognized seccomp action\")"
                        : a.error;
                error(DiagnosticCode.SEC_UNKNOWN_ACTION, line, c, at + a.at, message,
                        a.word.isEmpty() ? "remove the trailing blank" : a.hint);
                return false;
            }
            a.action.ifPresent(x -> headerAction = Optional.of(x));
        }
        return true;
    }

    /** An action read from text, or why it could not be. */
    private record ActionParse(Optional<SeccompAction> action, int at, String word, String error, String hint) {
    }

    private static final String ACTIONS = "liblxc 5.0 knows kill, errno N, allow, trap and notify";

    /**
     * Reads an action where liblxc's {@code get_v2_default_action} does: blanks skipped, then a word matched
     * by its start; empty when only the end of the text is there.
     */
    private static ActionParse parseAction(String s, int from) {
        int at = from;
        while (at < s.length() && s.charAt(at) == ' ') {
            at++;
        }
        String rest = s.substring(at);
        if (rest.startsWith("kill")) {
            return new ActionParse(Optional.of(SeccompAction.KILL), at, "kill", null, null);
        }
        if (rest.startsWith("errno")) {
            long[] n = scanInt(s, at + 5);
            if (n == null) {
                return new ActionParse(Optional.empty(), at, "errno",
                        "errno needs a number after it: liblxc refuses the action (\"Failed to parse errno value\")",
                        "write errno 1 (EPERM) or another error number");
            }
            int value = n[0] > Integer.MAX_VALUE ? Integer.MAX_VALUE
                    : n[0] < Integer.MIN_VALUE ? Integer.MIN_VALUE : (int) n[0];
            return new ActionParse(Optional.of(new SeccompAction(SeccompAction.Kind.ERRNO, value)), at, "errno",
                    null, null);
        }
        if (rest.startsWith("allow")) {
            return new ActionParse(Optional.of(SeccompAction.ALLOW), at, "allow", null, null);
        }
        if (rest.startsWith("trap")) {
            return new ActionParse(Optional.of(SeccompAction.TRAP), at, "trap", null, null);
        }
        if (rest.startsWith("notify")) {
            return new ActionParse(Optional.of(SeccompAction.NOTIFY), at, "notify", null, null);
        }
        if (rest.isEmpty()) {
            return new ActionParse(Optional.empty(), at, "", null, null);
        }
        String w = word(s, at);
        String hint = w.equals("log") || w.equals("trace")
                ? ACTIONS + "; " + w + " is a libseccomp action LXC does not offer"
                : w.startsWith("[") ? "write an action before the argument filters, such as errno 1 " + w
                : ACTIONS;
        return new ActionParse(Optional.empty(), at, w,
                w.isEmpty() ? "" : "unknown action '" + w + "': liblxc refuses the policy (\"Unrecognized seccomp action\")",
                hint);
    }

    /** sscanf {@code %d}: blanks, a sign, digits; null when there are no digits. Values saturate. */
    static long[] scanInt(String s, int from) {
        int i = from;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int start = i;
        long v = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            v = v > 1L << 40 ? v : v * 10 + (s.charAt(i) - '0');
            i++;
        }
        if (i == start) {
            return null;
        }
        return new long[] {negative ? -v : v, i};
    }

    private void readV1(int from) {
        for (int i = from; i < texts.size(); i++) {
            String c = content(i);
            long[] n = scanInt(withLf(i), 0);
            if (n == null) {
                kinds.set(i, PolicyLine.Kind.INVALID);
                error(DiagnosticCode.SEC_V1_NOT_A_NUMBER, i, c, 0,
                        c.isBlank() ? "an empty line in a version 1 policy: liblxc reads a system call number on every line"
                                : "'" + word(c, 0) + "' is no system call number: a version 1 policy has only numbers",
                        "remove the line, or use version 2 for names and comments");
                for (int j = i + 1; j < texts.size(); j++) {
                    kinds.set(j, PolicyLine.Kind.UNREAD);
                }
                return;
            }
            kinds.set(i, PolicyLine.Kind.RULE);
            int nr = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n[0]));
            rules.add(new SeccompRule(i + 1, Optional.empty(), Long.toString(n[0]), OptionalInt.of(nr),
                    Optional.empty(), SeccompAction.ALLOW, List.of()));
        }
    }

    private void readV2(int from) {
        Optional<SeccompArch> section = Optional.empty();
        for (int i = from; i < texts.size(); i++) {
            String raw = withLf(i);
            if (raw.startsWith("#")) {
                kinds.set(i, PolicyLine.Kind.COMMENT);
                continue;
            }
            String c = content(i);
            if (raw.isEmpty() || raw.charAt(0) == '\0') {
                kinds.set(i, PolicyLine.Kind.IGNORED);
                continue;
            }
            if (c.startsWith("[")) {
                Optional<SeccompArch> arch = c.endsWith("]") ? SeccompArch.ofSection(c.substring(1, c.length() - 1))
                        : Optional.empty();
                boolean all = c.equals("[all]") || c.equals("[ALL]");
                if (arch.isEmpty() && !all) {
                    kinds.set(i, PolicyLine.Kind.INVALID);
                    error(DiagnosticCode.SEC_UNKNOWN_ARCH, i, c, 0,
                            "unknown architecture section '" + c.replace("\r", "\\r")
                                    + "': liblxc refuses the policy (\"Unsupported architecture\")",
                            sectionHint(c));
                    continue;
                }
                kinds.set(i, PolicyLine.Kind.SECTION);
                section = arch;
                continue;
            }
            readRule(i, c, section);
        }
    }

    private static String sectionHint(String c) {
        if (c.endsWith("\r")) {
            return "the line ends with CR (a Windows line end): save the file with LF line ends";
        }
        String inner = c.replaceAll("^\\[|\\]?\\s*$", "");
        if (!c.endsWith("]") && c.strip().endsWith("]")) {
            return "remove the blanks after ']'";
        }
        String lower = inner.toLowerCase(java.util.Locale.ROOT).strip();
        String suggestion = switch (lower) {
            case "amd64", "x86-64", "x64" -> "x86_64";
            case "i386", "i686", "x86_32" -> "x86";
            case "aarch64", "armv8", "arm64le" -> "arm64";
            case "armhf", "armel", "armv7", "armv7l" -> "arm";
            default -> SeccompArch.ofSection(lower).map(SeccompArch::word).orElse("");
        };
        String known = "the names are all, x86, x86_64, x32, arm, arm64, ppc, ppc64, ppc64le, mips, mipsel, mips64,"
                + " mipsel64, mips64n32, mipsel64n32, s390, s390x (lower or upper case)";
        return suggestion.isEmpty() ? known : "write [" + suggestion + "]; " + known;
    }

    private void readRule(int i, String c, Optional<SeccompArch> section) {
        int space = c.indexOf(' ');
        String name = space < 0 ? c : c.substring(0, space);
        Optional<SeccompAction> written = Optional.empty();
        boolean failed = false;
        if (space >= 0) {
            int at = space + 1;
            while (at < c.length() && c.charAt(at) == ' ') {
                at++;
            }
            if (at < c.length() && c.charAt(at) != '#') {
                ActionParse a = parseAction(c, at);
                if (a.error != null) {
                    String hint = name.isEmpty() && !a.word.startsWith("[")
                            ? "the line starts with a blank, so liblxc reads '" + a.word
                            + "' as the action: remove the indentation"
                            : a.hint;
                    error(DiagnosticCode.SEC_UNKNOWN_ACTION, i, c, a.at, a.error, hint);
                    failed = true;
                } else {
                    written = a.action;
                }
            }
        }
        List<ArgFilter> filters = new ArrayList<>();
        if (!failed && c.indexOf('[') >= 0) {
            failed = !readFilters(i, c, filters);
        }
        if (failed) {
            kinds.set(i, PolicyLine.Kind.INVALID);
            return;
        }
        if (name.isEmpty() || blank(name)) {
            kinds.set(i, c.isBlank() ? PolicyLine.Kind.BLANK : PolicyLine.Kind.IGNORED);
            return;
        }
        kinds.set(i, PolicyLine.Kind.RULE);
        rules.add(new SeccompRule(i + 1, section, name, OptionalInt.empty(), written, written.orElse(ruleDefault),
                filters));
    }

    /** Reads the filters as liblxc's strtok on ']' and sscanf do; false after an error. */
    private boolean readFilters(int i, String c, List<ArgFilter> out) {
        int pos = 0;
        int count = 0;
        while (pos < c.length()) {
            while (pos < c.length() && c.charAt(pos) == ']') {
                pos++;
            }
            if (pos >= c.length()) {
                break;
            }
            int end = c.indexOf(']', pos);
            if (end < 0) {
                end = c.length();
            }
            if (count == 6) {
                diagnostics.add(diagnostic(DiagnosticCode.SEC_IGNORED_TEXT, source, i + 1, c, pos,
                        "liblxc reads at most 6 argument filters: it ignores the rest of the line",
                        "a system call has at most 6 arguments; remove the extra filters"));
                return true;
            }
            if (!readFilter(i, c, pos, end, out)) {
                return false;
            }
            count++;
            pos = end + 1;
        }
        return true;
    }

    private boolean readFilter(int i, String c, int start, int end, List<ArgFilter> out) {
        String token = c.substring(start, end);
        int bracket = token.indexOf('[');
        if (bracket < 0) {
            String shown = token.replace("\r", "\\r");
            error(DiagnosticCode.SEC_BAD_ARG_FILTER, i, c, start,
                    "'" + shown + "' after an argument filter is no filter: liblxc refuses the rule"
                            + " (\"Failed to interpret args\")",
                    token.contains("\r") ? "the line ends with CR (a Windows line end): save the file with LF line ends"
                            : token.isBlank() ? "remove the text after the last ']'"
                            : "a comment cannot follow argument filters; put it on a line of its own");
            return false;
        }
        int base = start + bracket;
        String f = token.substring(bracket + 1);
        String usage = "write [index,value,op] or [index,value,op,mask]: index 0 to 5, op one of SCMP_CMP_NE !="
                + " SCMP_CMP_LT < SCMP_CMP_LE <= SCMP_CMP_EQ == SCMP_CMP_GE >= SCMP_CMP_GT >"
                + " SCMP_CMP_MASKED_EQ &=, no blanks";
        // %i
        int p = 0;
        while (p < f.length() && isSpace(f.charAt(p))) {
            p++;
        }
        int numStart = p;
        long[] index = scanC(f, p);
        if (index == null || index[1] >= f.length() || f.charAt((int) index[1]) != ',') {
            error(DiagnosticCode.SEC_BAD_ARG_FILTER, i, c, base,
                    "argument filter '[" + f.replace("\r", "\\r") + "]' is not [index,value,op]: liblxc refuses the rule"
                            + " (\"Failed to interpret args value\")", usage);
            return false;
        }
        p = (int) index[1] + 1;
        int valueStart = p;
        int valueEnd = scanSet(f, p, 23, ",");
        if (valueEnd == p || valueEnd >= f.length() || f.charAt(valueEnd) != ',') {
            error(DiagnosticCode.SEC_BAD_ARG_FILTER, i, c, base + 1 + p,
                    "argument filter '[" + f.replace("\r", "\\r") + "]' is not [index,value,op]: liblxc refuses the rule"
                            + " (\"Failed to interpret args value\")", usage);
            return false;
        }
        p = valueEnd + 1;
        int opStart = p;
        int opEnd = scanSet(f, p, 30, "0123456789^,");
        if (opEnd == p) {
            error(DiagnosticCode.SEC_BAD_ARG_FILTER, i, c, base + 1 + p,
                    "argument filter '[" + f.replace("\r", "\\r") + "]' has no operator: liblxc refuses the rule"
                            + " (\"Failed to interpret args value\")", usage);
            return false;
        }
        String mask = "0";
        int maskStart = -1;
        int stop = opEnd;
        if (opEnd < f.length() && f.charAt(opEnd) == ',') {
            int maskEnd = scanSet(f, opEnd + 1, 23, ",");
            if (maskEnd > opEnd + 1) {
                maskStart = opEnd + 1;
                mask = f.substring(maskStart, maskEnd);
                stop = maskEnd;
            }
        }
        long idx = index[0];
        if (idx < 0 || idx >= 6) {
            error(DiagnosticCode.SEC_BAD_ARG_FILTER, i, c, base + 1 + numStart,
                    "argument index " + f.substring(numStart, (int) index[1]) + ": a system call has arguments 0 to 5"
                            + " (\"Failed to interpret args value\")", usage);
            return false;
        }
        String valueText = f.substring(valueStart, valueEnd);
        Long value = safeUint64(valueText);
        if (value == null) {
            error(DiagnosticCode.SEC_BAD_ARG_FILTER, i, c, base + 1 + valueStart,
                    "argument value '" + valueText.replace("\r", "\\r") + "' is no unsigned 64-bit number: liblxc"
                            + " refuses the rule (\"Invalid argument value\")",
                    "write a number such as 8192, 0x2000 or 020000, without blanks after it");
            return false;
        }
        Long maskValue = safeUint64(mask);
        if (maskValue == null) {
            error(DiagnosticCode.SEC_BAD_ARG_FILTER, i, c, base + 1 + maskStart,
                    "argument mask '" + mask.replace("\r", "\\r") + "' is no unsigned 64-bit number: liblxc"
                            + " refuses the rule (\"Invalid argument mask\")",
                    "write a number such as 61440 or 0xf000, without blanks after it");
            return false;
        }
        String opText = f.substring(opStart, opEnd);
        Optional<CompareOp> op = CompareOp.of(opText);
        if (op.isEmpty()) {
            error(DiagnosticCode.SEC_BAD_ARG_FILTER, i, c, base + 1 + opStart,
                    "unknown operator '" + opText.replace("\r", "\\r") + "' in an argument filter: liblxc refuses"
                            + " the rule (\"Failed to interpret args operator value\")", usage);
            return false;
        }
        if (stop < f.length()) {
            diagnostics.add(diagnostic(DiagnosticCode.SEC_IGNORED_TEXT, source, i + 1, c, base + 1 + stop,
                    "liblxc ignores '" + f.substring(stop).replace("\r", "\\r") + "' in the argument filter '["
                            + f.replace("\r", "\\r") + "]'",
                    "remove it; a filter is [index,value,op] or [index,value,op,mask]"));
        }
        out.add(new ArgFilter((int) idx, value, op.get(), maskValue));
        return true;
    }

    /** A {@code %N[^set]} scan: up to max characters not in the set; returns where it stopped. */
    private static int scanSet(String s, int from, int max, String excluded) {
        int p = from;
        while (p < s.length() && p - from < max && excluded.indexOf(s.charAt(p)) < 0) {
            p++;
        }
        return p;
    }

    /**
     * Reads an integer like {@code strtol} with base 0 ({@code %i}): a sign, {@code 0x} hex, {@code 0} octal or
     * decimal. Returns the value and the end, or null without digits. Values saturate at +-2^62.
     */
    private static long[] scanC(String s, int from) {
        int p = from;
        boolean negative = false;
        if (p < s.length() && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
            negative = s.charAt(p) == '-';
            p++;
        }
        int radix = 10;
        if (p + 1 < s.length() && s.charAt(p) == '0' && (s.charAt(p + 1) == 'x' || s.charAt(p + 1) == 'X')
                && p + 2 < s.length() && Character.digit(s.charAt(p + 2), 16) >= 0) {
            radix = 16;
            p += 2;
        } else if (p < s.length() && s.charAt(p) == '0') {
            radix = 8;
        }
        int start = p;
        long v = 0;
        while (p < s.length() && s.charAt(p) < 128 && Character.digit(s.charAt(p), radix) >= 0) {
            v = v > 1L << 56 ? v : v * radix + Character.digit(s.charAt(p), radix);
            p++;
        }
        if (p == start) {
            return null;
        }
        return new long[] {negative ? -v : v, p};
    }

    /**
     * liblxc's {@code lxc_safe_uint64} with base 0: leading blanks, no minus, the whole rest a number that fits
     * 64 bits unsigned; null otherwise.
     */
    static Long safeUint64(String s) {
        int p = 0;
        while (p < s.length() && isSpace(s.charAt(p))) {
            p++;
        }
        if (p < s.length() && s.charAt(p) == '-') {
            return null;
        }
        if (p < s.length() && s.charAt(p) == '+') {
            p++;
        }
        int radix = 10;
        if (p + 2 < s.length() && s.charAt(p) == '0' && (s.charAt(p + 1) == 'x' || s.charAt(p + 1) == 'X')
                && Character.digit(s.charAt(p + 2), 16) >= 0) {
            radix = 16;
            p += 2;
        } else if (p < s.length() && s.charAt(p) == '0') {
            radix = 8;
        }
        int start = p;
        while (p < s.length() && s.charAt(p) < 128 && Character.digit(s.charAt(p), radix) >= 0) {
            p++;
        }
        if (p == start || p != s.length()) {
            return null;
        }
        BigInteger v = new BigInteger(s.substring(start, p), radix);
        if (v.bitLength() > 64) {
            return null;
        }
        return v.longValue();
    }
}
