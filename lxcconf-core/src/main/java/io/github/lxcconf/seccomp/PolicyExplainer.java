package io.github.lxcconf.seccomp;

import io.github.lxcconf.Diagnostic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sentences of {@link SeccompPolicy#explain(SeccompArch)}. */
final class PolicyExplainer {
    private PolicyExplainer() {
    }

    private static final Map<Integer, String> ERRNO = Map.ofEntries(
            Map.entry(1, "EPERM (Operation not permitted)"), Map.entry(2, "ENOENT (No such file or directory)"),
            Map.entry(5, "EIO (Input/output error)"), Map.entry(9, "EBADF (Bad file descriptor)"),
            Map.entry(11, "EAGAIN (Resource temporarily unavailable)"), Map.entry(12, "ENOMEM (Out of memory)"),
            Map.entry(13, "EACCES (Permission denied)"), Map.entry(16, "EBUSY (Device or resource busy)"),
            Map.entry(19, "ENODEV (No such device)"), Map.entry(22, "EINVAL (Invalid argument)"),
            Map.entry(25, "ENOTTY (Inappropriate ioctl for device)"), Map.entry(30, "EROFS (Read-only file system)"),
            Map.entry(38, "ENOSYS (Function not implemented)"),
            Map.entry(95, "EOPNOTSUPP (Operation not supported)"),
            Map.entry(97, "EAFNOSUPPORT (Address family not supported by protocol)"));

    private static final Map<String, List<String>> ARGS = Map.ofEntries(
            Map.entry("mknod", List.of("path", "mode", "dev")),
            Map.entry("mknodat", List.of("dirfd", "path", "mode", "dev")),
            Map.entry("ioctl", List.of("fd", "request")),
            Map.entry("socket", List.of("domain", "type", "protocol")),
            Map.entry("umount2", List.of("target", "flags")),
            Map.entry("sethostname", List.of("name", "len")),
            Map.entry("setdomainname", List.of("name", "len")),
            Map.entry("keyctl", List.of("operation")),
            Map.entry("clone", List.of("flags")),
            Map.entry("unshare", List.of("flags")),
            Map.entry("setns", List.of("fd", "nstype")),
            Map.entry("personality", List.of("persona")),
            Map.entry("kill", List.of("pid", "sig")),
            Map.entry("mount", List.of("source", "target", "fstype", "flags", "data")),
            Map.entry("chmod", List.of("path", "mode")),
            Map.entry("open", List.of("path", "flags", "mode")),
            Map.entry("openat", List.of("dirfd", "path", "flags", "mode")));

    private static final Map<Long, String> FILE_TYPES = Map.of(
            0020000L, "a character device", 0060000L, "a block device", 0010000L, "a FIFO",
            0140000L, "a socket", 0100000L, "a regular file", 0040000L, "a directory", 0120000L, "a symbolic link");

    private static final Map<Long, String> DOMAINS = Map.of(1L, "AF_UNIX", 2L, "AF_INET", 10L, "AF_INET6",
            16L, "AF_NETLINK", 17L, "AF_PACKET", 38L, "AF_ALG", 40L, "AF_VSOCK");

    private static final Map<Long, String> IOCTL_TYPES = Map.of(0x94L, "btrfs", 0x12L, "block device",
            0x54L, "terminal", 0x4cL, "loop device");

    static SeccompExplanation explain(SeccompPolicy policy, SeccompArch host) {
        List<Diagnostic> diagnostics = policy.diagnostics(host);
        List<String> lines = new ArrayList<>();
        List<PolicyLine> all = policy.lines();
        Map<Integer, SeccompRule> byLine = new LinkedHashMap<>();
        policy.rules().forEach(r -> byLine.put(r.line(), r));
        Optional<SeccompArch> section = Optional.empty();
        for (int i = 0; i < all.size(); i++) {
            PolicyLine l = all.get(i);
            int number = i + 1;
            String text = switch (l.kind()) {
                case BLANK -> "Blank line.";
                case VERSION -> versionSentence(policy);
                case HEADER -> (l.text().strip().matches("[12]\\s.*") ? versionSentence(policy) + " " : "")
                        + headerSentence(policy, l);
                case COMMENT -> "Comment.";
                case SECTION -> {
                    section = SeccompArch.ofSection(l.content().substring(1, l.content().length() - 1));
                    yield sectionSentence(section, host);
                }
                case RULE -> ruleSentence(byLine.get(number), host);
                case IGNORED -> "liblxc reads this as a rule with an empty system call name and skips it.";
                case INVALID -> "liblxc refuses the policy here, so the container does not start: "
                        + diagnostics.stream().filter(d -> d.line() == number && d.isError()).findFirst()
                        .map(Diagnostic::message).orElse("this line cannot be read") + ".";
                case UNREAD -> "liblxc stops reading before this line.";
            };
            lines.add(text);
        }
        return new SeccompExplanation(host, lines, summary(policy, host, diagnostics));
    }

    private static String versionSentence(SeccompPolicy p) {
        return p.version().orElse(0) == 1
                ? "Policy format version 1: one system call number per line, of the host's own ABI."
                : "Policy format version 2: system calls by name, [arch] sections and comments.";
    }

    private static String headerSentence(SeccompPolicy p, PolicyLine l) {
        if (p.mode().isEmpty()) {
            return "The policy line.";
        }
        String t = l.text().strip();
        String legacy = t.matches("(?s).*\\bblacklist.*") ? " (blacklist is the old word for denylist)"
                : t.matches("(?s).*\\bwhitelist.*") ? " (whitelist is the old word for allowlist)" : "";
        SeccompAction def = p.defaultAction().orElseThrow();
        if (p.version().orElse(0) == 1) {
            return "Allowlist: only the numbers listed below are allowed; any other call " + verb(def, false, "")
                    + ".";
        }
        String own = p.headerAction().map(a -> " with the default action " + a.word()).orElse("");
        if (p.mode().get() == PolicyMode.DENYLIST) {
            return "Denylist" + own + legacy + ": a system call no rule names " + verb(def, false, "")
                    + "; a rule without an action kills the calling process.";
        }
        return "Allowlist" + own + legacy + ": a system call no rule names " + verb(def, false, "")
                + "; a rule without an action allows its call.";
    }

    private static String sectionSentence(Optional<SeccompArch> section, SeccompArch host) {
        if (section.isEmpty()) {
            return "[all]: the rules below apply on every host.";
        }
        SeccompArch s = section.get();
        String abis = PolicyChecker.abiList(host.hostAbis()).replace(" or ", " and ");
        return "[" + s.word() + "]: the rules below apply only on hosts that run " + s.word() + " programs"
                + (s.appliesOn(host) ? "; on this " + host.word() + " host liblxc adds them for " + abis + " alike."
                : "; " + an(host.word()) + " host skips them.");
    }

    /** What a rule does, as one sentence. */
    static String ruleSentence(SeccompRule r, SeccompArch host) {
        if (r.number().isPresent()) {
            int nr = r.number().getAsInt();
            return "System call " + nr + host.syscallName(nr).map(n -> " (" + n + " on " + host.word() + ")")
                    .orElse(" (no system call on " + host.word() + ")") + " is allowed.";
        }
        Effective e = effective(r);
        StringBuilder s = new StringBuilder();
        if (r.isRejectForceUmount()) {
            s.append("liblxc's reject_force_umount: ");
        }
        s.append(e.syscall).append(' ').append(verb(e.action, false, e.syscall));
        if (!e.filters.isEmpty()) {
            s.append(" when ").append(conditions(e.syscall, e.filters));
        }
        if (r.writtenAction().isEmpty() && !r.isRejectForceUmount()) {
            s.append(" (the action of a rule without one)");
        }
        s.append('.');
        boolean foreign = r.section().map(sec -> !sec.appliesOn(host)).orElse(false);
        List<SeccompArch> targets = PolicyChecker.targetAbis(r, host);
        List<SeccompArch> resolved = PolicyChecker.resolvedAbis(r, host);
        String hostWord = foreign ? PolicyChecker.hostFor(r.section().get()).word() : host.word();
        if (resolved.isEmpty()) {
            s.append(SeccompArch.knownSyscall(r.syscall())
                    ? " liblxc skips it on " + an(hostWord) + " host: " + r.syscall() + " does not exist on "
                    + PolicyChecker.abiList(targets) + "."
                    : " liblxc skips it: libseccomp knows no system call '" + r.syscall().replace("\r", "\\r") + "'.");
        } else if (resolved.size() < targets.size()) {
            s.append(" On ").append(an(hostWord)).append(" host it applies to ")
                    .append(PolicyChecker.abiList(resolved).replace(" or ", " and ")).append(" programs only.");
        }
        return s.toString();
    }

    /** A rule as libseccomp gets it: reject_force_umount becomes umount2 with MNT_FORCE, EACCES. */
    private record Effective(String syscall, SeccompAction action, List<ArgFilter> filters) {
    }

    private static Effective effective(SeccompRule r) {
        if (r.isRejectForceUmount()) {
            return new Effective("umount2", SeccompAction.errno(13),
                    List.of(new ArgFilter(1, 1, CompareOp.MASKED_EQ, 1)));
        }
        return new Effective(r.syscall(), r.action(), r.filters());
    }

    static String errnoName(int n) {
        String name = ERRNO.get(n);
        return name == null ? "error number " + n : name;
    }

    /** The predicate for a subject: singular ("fails with") or plural ("fail with"). */
    static String verb(SeccompAction a, boolean plural, String syscall) {
        return switch (a.kind()) {
            case KILL -> plural ? "kill the calling process" : "kills the calling process";
            case ALLOW -> plural ? "are allowed" : "is allowed";
            case TRAP -> (plural ? "send" : "sends") + " SIGSYS to the calling process (trap)";
            case NOTIFY -> (plural ? "are" : "is") + " handed to the seccomp supervisor"
                    + " (lxc.seccomp.notify.proxy), which decides (notify)";
            case ERRNO -> a.errno() == 0 ? (plural ? "do" : "does") + " nothing and report" + (plural ? "" : "s")
                    + " success (errno 0)"
                    : (plural ? "fail" : "fails") + " with " + errnoName(a.errno());
        };
    }

    private static String conditions(String syscall, List<ArgFilter> filters) {
        List<String> parts = new ArrayList<>();
        for (ArgFilter f : filters) {
            parts.add(condition(syscall, f));
        }
        return String.join(" and ", parts);
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    static String condition(String syscall, ArgFilter f) {
        List<String> names = ARGS.getOrDefault(syscall, List.of());
        String argName = f.index() < names.size() ? names.get(f.index()) : "";
        String subject = argName.isEmpty() ? "argument " + f.index()
                : "its " + argName + " (argument " + f.index() + ")";
        long v = f.value();
        if (f.op() == CompareOp.MASKED_EQ) {
            if (argName.equals("mode") && f.mask() == 0170000L && FILE_TYPES.containsKey(v)) {
                return subject + " is " + FILE_TYPES.get(v);
            }
            if (syscall.equals("umount2") && argName.equals("flags") && f.mask() == 1 && v == 1) {
                return subject + " include MNT_FORCE (umount -f)";
            }
            if (syscall.equals("ioctl") && argName.equals("request") && f.mask() == 0xff00L
                    && IOCTL_TYPES.containsKey(v >> 8) && (v & 0xff) == 0) {
                return subject + " is a " + IOCTL_TYPES.get(v >> 8) + " ioctl (request & 0xff00 == " + hex(v) + ")";
            }
            if (f.mask() == v && Long.bitCount(v) == 1) {
                return subject + " has the bit " + hex(v) + " set";
            }
            return subject + " & " + hex(f.mask()) + " is " + hex(v);
        }
        String value = Long.toUnsignedString(v);
        if (argName.equals("domain") && DOMAINS.containsKey(v)) {
            value = DOMAINS.get(v) + " (" + v + ")";
        }
        return subject + switch (f.op()) {
            case EQ -> " is " + value;
            case NE -> " is not " + value;
            case LT -> " is below " + value;
            case LE -> " is at most " + value;
            case GE -> " is at least " + value;
            case GT -> " is above " + value;
            case MASKED_EQ -> throw new AssertionError();
        };
    }

    private static List<String> summary(SeccompPolicy p, SeccompArch host, List<Diagnostic> diagnostics) {
        List<String> out = new ArrayList<>();
        diagnostics.stream().filter(Diagnostic::isError).findFirst().ifPresent(d -> out.add(
                "liblxc refuses this policy, so a container that uses it does not start (line " + d.line() + ": "
                        + d.message() + ")."));
        if (p.mode().isEmpty()) {
            return out;
        }
        SeccompAction def = p.defaultAction().orElseThrow();
        if (p.version().orElse(0) == 1) {
            List<String> names = new ArrayList<>();
            for (SeccompRule r : p.rules()) {
                int nr = r.number().getAsInt();
                names.add(host.syscallName(nr).orElse(String.valueOf(nr)));
            }
            out.add("Version 1 allowlist: only " + names.size() + " system call" + (names.size() == 1 ? "" : "s")
                    + " of the host's own ABI (" + host.word() + ") " + (names.size() == 1 ? "is" : "are")
                    + " allowed" + (names.isEmpty() ? "" : ": " + String.join(", ", names)) + "; any other call "
                    + verb(def, false, "") + ".");
            return out;
        }
        String mode = p.mode().get() == PolicyMode.DENYLIST ? "denylist" : "allowlist";
        out.add("Version 2 " + mode + ": a system call no rule names " + verb(def, false, "") + ".");
        // the rules that apply on this host, per system call
        Map<String, List<SeccompRule>> bySyscall = new LinkedHashMap<>();
        List<SeccompRule> skipped = new ArrayList<>();
        List<String> partial = new ArrayList<>();
        Map<String, Integer> foreign = new LinkedHashMap<>();
        for (SeccompRule r : p.rules()) {
            if (r.section().map(s -> !s.appliesOn(host)).orElse(false)) {
                foreign.merge("[" + r.section().get().word() + "]", 1, Integer::sum);
                continue;
            }
            List<SeccompArch> resolved = PolicyChecker.resolvedAbis(r, host);
            if (resolved.isEmpty()) {
                skipped.add(r);
                continue;
            }
            if (resolved.size() < host.hostAbis().size()) {
                partial.add(effective(r).syscall + " (" + PolicyChecker.abiList(resolved).replace(" or ", " and ")
                        + ")");
            }
            bySyscall.computeIfAbsent(effective(r).syscall, k -> new ArrayList<>()).add(r);
        }
        // plain rules with one action: combined into one sentence per action
        Map<SeccompAction, List<String>> plainByAction = new LinkedHashMap<>();
        List<String> conditional = new ArrayList<>();
        for (Map.Entry<String, List<SeccompRule>> e : bySyscall.entrySet()) {
            String name = e.getKey();
            List<Effective> rules = e.getValue().stream().map(PolicyExplainer::effective).toList();
            Optional<Effective> plain = rules.stream().filter(r -> r.filters.isEmpty()).findFirst();
            List<Effective> filtered = rules.stream().filter(r -> !r.filters.isEmpty()).toList();
            if (plain.isPresent()) {
                if (filtered.isEmpty()) {
                    plainByAction.computeIfAbsent(plain.get().action, k -> new ArrayList<>()).add(name);
                } else {
                    conditional.add(name + " " + verb(plain.get().action, false, name) + "; its rules with argument"
                            + " filters have no effect, since a rule without filters takes precedence.");
                }
                continue;
            }
            Map<SeccompAction, List<String>> byAction = new LinkedHashMap<>();
            for (Effective r : filtered) {
                byAction.computeIfAbsent(r.action, k -> new ArrayList<>()).add(conditions(name, r.filters));
            }
            List<String> clauses = new ArrayList<>();
            byAction.forEach((action, conds) -> clauses.add(verb(action, false, name) + " when " + either(conds)));
            conditional.add(name + " " + String.join("; it ", clauses) + "; any other " + name + " call "
                    + verb(def, false, name) + " (the policy's default).");
        }
        plainByAction.forEach((action, names) -> out.add(join(names) + " " + verb(action, names.size() > 1, "")
                + "."));
        out.addAll(conditional);
        if (!partial.isEmpty()) {
            out.add("On this " + host.word() + " host some rules apply to only some of its ABIs ("
                    + PolicyChecker.abiList(host.hostAbis()).replace(" or ", ", ") + "): " + String.join(", ", partial)
                    + ".");
        }
        if (!skipped.isEmpty()) {
            List<String> why = new ArrayList<>();
            for (SeccompRule r : skipped) {
                String n = r.syscall().replace("\r", "\\r");
                why.add(SeccompArch.knownSyscall(r.syscall()) ? n + " (not on " + PolicyChecker.abiList(host.hostAbis()) + ")"
                        : n + " (no such system call)");
            }
            out.add("liblxc skips " + skipped.size() + " rule" + (skipped.size() == 1 ? "" : "s") + " on "
                    + an(host.word()) + " host: " + String.join(", ", why) + ".");
        }
        if (!foreign.isEmpty()) {
            List<String> parts = new ArrayList<>();
            foreign.forEach((s, n) -> parts.add(n + " under " + s));
            out.add("Rules for other architectures do not apply on " + an(host.word()) + " host: "
                    + String.join(", ", parts) + ".");
        }
        return out;
    }

    /** The word with its indefinite article, as the name is spoken: an x86_64, an arm64, a ppc64, a mips. */
    static String an(String word) {
        return ("aeiosx".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    /** Conditions joined with "or", the subject said once when they share it: "its mode is a FIFO or a socket". */
    private static String either(List<String> conds) {
        String first = conds.get(0);
        int is = first.indexOf(" is ");
        if (conds.size() > 1 && is > 0 && !first.contains(" and ")) {
            String subject = first.substring(0, is + 4);
            if (conds.stream().allMatch(c -> c.startsWith(subject) && !c.contains(" and "))) {
                return subject + String.join(" or ", conds.stream().map(c -> c.substring(subject.length())).toList());
            }
        }
        return String.join(" or ", conds);
    }

    private static String join(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
