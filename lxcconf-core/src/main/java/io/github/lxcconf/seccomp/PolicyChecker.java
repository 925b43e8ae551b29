package io.github.lxcconf.seccomp;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.internal.EditDistance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What happens to each rule when liblxc loads the policy on a host: which ABIs it is added for (libseccomp
 * resolves the name per ABI, a rule it cannot resolve is skipped), and what libseccomp refuses when the rule
 * is added (error numbers out of range, an action equal to the default, an argument filtered twice, two
 * actions for the same filters).
 */
final class PolicyChecker {
    /** libseccomp 2.5 takes error numbers below this (MAX_ERRNO 4095). */
    static final int ERRNO_LIMIT = 4095;

    private PolicyChecker() {
    }

    /** The ABIs liblxc would add a rule for, checked on this host; sections for other hosts on their own host. */
    static List<SeccompArch> targetAbis(SeccompRule rule, SeccompArch host) {
        if (rule.section().isEmpty() || rule.section().get().appliesOn(host)) {
            return host.hostAbis();
        }
        return hostFor(rule.section().get()).hostAbis();
    }

    /** A host that runs the section's ABI: itself, or the 64-bit host of x32 and n32. */
    static SeccompArch hostFor(SeccompArch section) {
        return switch (section) {
            case X32 -> SeccompArch.X86_64;
            case MIPS64N32 -> SeccompArch.MIPS64;
            case MIPSEL64N32 -> SeccompArch.MIPSEL64;
            default -> section;
        };
    }

    /** Returns the ABIs among the targets on which libseccomp resolves the rule's name. */
    static List<SeccompArch> resolvedAbis(SeccompRule rule, SeccompArch host) {
        String name = rule.isRejectForceUmount() ? "umount2" : rule.syscall();
        return targetAbis(rule, host).stream().filter(a -> a.syscallNumber(name).isPresent()).toList();
    }

    static String abiList(List<SeccompArch> abis) {
        List<String> words = abis.stream().map(SeccompArch::word).toList();
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    static SeccompAction policyDefault(Optional<PolicyMode> mode, Optional<SeccompAction> header) {
        return header.orElse(mode.orElse(PolicyMode.DENYLIST) == PolicyMode.DENYLIST ? SeccompAction.ALLOW
                : SeccompAction.KILL);
    }

    static List<Diagnostic> check(SeccompPolicy policy, SeccompArch host) {
        List<Diagnostic> out = new ArrayList<>();
        String source = policy.source();
        List<PolicyLine> lines = policy.lines();
        if (policy.version().orElse(0) == 1) {
            for (SeccompRule r : policy.rules()) {
                int nr = r.number().getAsInt();
                if (host.syscallName(nr).isEmpty()) {
                    out.add(PolicyReader.diagnostic(DiagnosticCode.SEC_V1_UNKNOWN_NUMBER, source, r.line(),
                            lines.get(r.line() - 1).content(), 0,
                            nr + " is no system call number on " + host.word() + " (version 1 numbers are the host's"
                                    + " own ABI): the rule allows nothing",
                            "check the number against the host's system call table, or use version 2 and names"));
                }
            }
            return out;
        }
        SeccompAction policyDefault = policyDefault(policy.mode(), policy.headerAction());
        Map<String, List<SeccompRule>> groups = new LinkedHashMap<>();
        for (SeccompRule r : policy.rules()) {
            String text = lines.get(r.line() - 1).content();
            List<SeccompArch> targets = targetAbis(r, host);
            List<SeccompArch> resolved = resolvedAbis(r, host);
            String where = r.section().filter(s -> !s.appliesOn(host))
                    .map(s -> "on " + PolicyExplainer.an(hostFor(s).word()) + " host (" + abiList(targets) + ")")
                    .orElse("on " + abiList(targets));
            if (resolved.isEmpty()) {
                out.add(unresolved(r, text, where, source));
                continue;
            }
            SeccompAction action = r.isRejectForceUmount() ? SeccompAction.errno(13) : r.action();
            int actionAt = actionIndex(text);
            if (action.kind() == SeccompAction.Kind.ERRNO && (action.errno() < 0 || action.errno() >= ERRNO_LIMIT)) {
                out.add(PolicyReader.diagnostic(DiagnosticCode.SEC_ERRNO_RANGE, source, r.line(), text, actionAt,
                        "error number " + action.errno() + ": libseccomp takes 0 to " + (ERRNO_LIMIT - 1)
                                + " and refuses the rule, so the container does not start (\"Invalid argument\")",
                        "write an error number from errno.h, such as 1 (EPERM) or 38 (ENOSYS)"));
            } else if (action.equals(policyDefault)) {
                out.add(PolicyReader.diagnostic(DiagnosticCode.SEC_RULE_IS_DEFAULT, source, r.line(), text, actionAt,
                        "the rule's action " + action.word() + " is the policy's default for " + r.syscall()
                                + ": libseccomp refuses the rule, so the container does not start"
                                + " (\"Permission denied\")",
                        policy.mode().orElse(PolicyMode.DENYLIST) == PolicyMode.DENYLIST
                                ? "remove the rule: a denylist already gives every unnamed call " + action.word()
                                : "remove the rule: an allowlist already gives every unnamed call " + action.word()));
            }
            Set<Integer> seen = new HashSet<>();
            for (ArgFilter f : r.filters()) {
                if (!seen.add(f.index())) {
                    out.add(PolicyReader.diagnostic(DiagnosticCode.SEC_ARG_FILTERED_TWICE, source, r.line(), text,
                            text.indexOf('['),
                            "two filters on argument " + f.index() + " of " + r.syscall() + ": libseccomp refuses"
                                    + " the rule, so the container does not start (\"Invalid argument\")",
                            "keep one filter per argument; for two conditions on one argument write two rules"));
                    break;
                }
            }
            String scope = r.section().filter(s -> !s.appliesOn(host)).map(SeccompArch::word).orElse("");
            groups.computeIfAbsent(scope + "\u0000" + r.syscall(), k -> new ArrayList<>()).add(r);
        }
        for (List<SeccompRule> group : groups.values()) {
            Optional<SeccompRule> plain = group.stream().filter(r -> r.filters().isEmpty()).findFirst();
            Map<List<ArgFilter>, SeccompRule> byFilters = new HashMap<>();
            for (SeccompRule r : group) {
                String text = lines.get(r.line() - 1).content();
                SeccompRule earlier = byFilters.putIfAbsent(r.filters(), r);
                if (earlier != null && !earlier.action().equals(r.action()) && !r.filters().isEmpty()) {
                    out.add(PolicyReader.diagnostic(DiagnosticCode.SEC_CONFLICTING_RULES, source, r.line(), text,
                            actionIndex(text),
                            "line " + earlier.line() + " already gives " + r.syscall() + " with the same filters the"
                                    + " action " + earlier.action().word() + ": libseccomp refuses a second action,"
                                    + " so the container does not start",
                            "keep one of the two rules"));
                } else if (!r.filters().isEmpty() && plain.isPresent() && !r.isRejectForceUmount()) {
                    out.add(PolicyReader.diagnostic(DiagnosticCode.SEC_SHADOWED_RULE, source, r.line(), text,
                            text.indexOf('['),
                            "line " + plain.get().line() + " gives every " + r.syscall() + " call "
                                    + plain.get().action().word() + " without filters: libseccomp then ignores this"
                                    + " rule's filters and action",
                            "remove the rule without filters, or this one"));
                }
            }
        }
        return out;
    }

    private static Diagnostic unresolved(SeccompRule r, String text, String where, String source) {
        String name = r.syscall();
        if (name.endsWith("\r") && SeccompArch.knownSyscall(name.substring(0, name.length() - 1))) {
            return PolicyReader.diagnostic(DiagnosticCode.SEC_CR_LINE_END, source, r.line(), text, 0,
                    "the line ends with CR (a Windows line end), so liblxc looks up '" + name.replace("\r", "\\r")
                            + "', which is no system call, and skips the rule",
                    "save the file with LF line ends");
        }
        if (!SeccompArch.knownSyscall(name)) {
            String printable = name.replace("\r", "\\r").replace("\t", "\\t");
            String suggestion = suggest(name);
            return PolicyReader.diagnostic(DiagnosticCode.SEC_UNKNOWN_SYSCALL, source, r.line(), text, 0,
                    "'" + printable + "' is no system call libseccomp knows: liblxc skips the rule",
                    suggestion.isEmpty() ? "check the name against the kernel's system call table"
                            : "did you mean " + suggestion + "?");
        }
        return PolicyReader.diagnostic(DiagnosticCode.SEC_SYSCALL_NOT_ON_ARCH, source, r.line(), text, 0,
                name + " does not exist " + where + ": liblxc skips the rule there",
                "the rule does nothing on such a host; put it in a section for the architectures that have "
                        + name);
    }

    private static String suggest(String name) {
        String best = "";
        int bestDistance = 3;
        for (String candidate : SeccompArch.allSyscalls()) {
            int d = EditDistance.between(name, candidate, bestDistance);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    /** Where the action of a rule line starts, or 0. */
    static int actionIndex(String text) {
        int space = text.indexOf(' ');
        if (space < 0) {
            return 0;
        }
        int at = space + 1;
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
        return at;
    }
}
