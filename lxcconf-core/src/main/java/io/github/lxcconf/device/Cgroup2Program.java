package io.github.lxcconf.device;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * The eBPF device program liblxc 5.x builds from the {@code lxc.cgroup2.devices.*} lines on a pure cgroup2 host,
 * and what the kernel then decides for one access.
 *
 * <ul>
 * <li>The list starts in allowlist mode (every device not allowed is refused). The global rule {@code a}
 *     empties the list and sets the mode: {@code deny = a} allowlist, {@code allow = a} denylist.</li>
 * <li>A rule identical in type, numbers and access letters (as written) to a listed rule that counts in the
 *     current mode flips that rule's allow or deny; any other rule is appended.</li>
 * <li>The program holds only the rules that count in the mode: allow rules in an allowlist, deny rules in a
 *     denylist. A rule matches an access when type and numbers match and the access asked for lies within the
 *     rule's letters (an open for reading and writing needs one rule with both r and w).</li>
 * <li>liblxc attaches a program only when the list is not empty: after a global rule with nothing after it,
 *     the container may use every device.</li>
 * <li>A rule that checks nothing ({@code a *:* rwm}) in the program makes the kernel refuse to load it, and the
 *     container does not start.</li>
 * </ul>
 */
final class Cgroup2Program {

    private static final class Entry {
        final Step step;
        final Step.Numbers numbers;
        boolean allow;
        Step flippedBy;

        Entry(Step step, Step.Numbers numbers) {
            this.step = step;
            this.numbers = numbers;
            this.allow = step.allow();
        }

        Step last() {
            return flippedBy == null ? step : flippedBy;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    /** The listed rules that count in the current mode, by numbers and letters: the ones a new rule can flip. */
    private final Map<Step.Numbers, Entry> counting = new HashMap<>();
    private final List<Step> unreadable = new ArrayList<>();
    private boolean denylist;
    private Step modeStep;

    private Cgroup2Program() {
    }

    /** The listed rules by major number (and those for every major), so that one question reads few rules. */
    private final Map<Integer, List<Entry>> byMajor = new HashMap<>();
    private final List<Entry> anyMajor = new ArrayList<>();

    static Cgroup2Program build(List<Step> steps) {
        Cgroup2Program p = new Cgroup2Program();
        for (Step s : steps) {
            if (s.cgroup2()) {
                p.add(s);
            }
        }
        for (Entry e : p.entries) {
            (e.numbers.major() < 0 ? p.anyMajor : p.byMajor.computeIfAbsent(e.numbers.major(), k -> new ArrayList<>()))
                    .add(e);
        }
        return p;
    }

    /** The listed rules that may match a device of this major, in list order. */
    private List<Entry> candidates(int major) {
        List<Entry> some = byMajor.getOrDefault(major, List.of());
        if (anyMajor.isEmpty()) {
            return some;
        }
        List<Entry> all = new ArrayList<>(some);
        all.addAll(anyMajor);
        return all;
    }

    private boolean counts(boolean allow) {
        return allow != denylist;
    }

    private void add(Step s) {
        if (s.rule().isEmpty()) {
            unreadable.add(s);
            return;
        }
        if (s.rule().get().isGlobal()) {
            denylist = s.allow();
            modeStep = s;
            entries.clear();
            counting.clear();
            return;
        }
        Optional<Step.Numbers> n = s.numbers();
        if (n.isEmpty()) {
            unreadable.add(s);
            return;
        }
        Entry same = counting.get(n.get());
        if (same != null) {
            if (same.allow != s.allow()) {
                same.allow = s.allow();
                same.flippedBy = s;
                counting.remove(n.get());
            }
            return;
        }
        Entry added = new Entry(s, n.get());
        entries.add(added);
        if (counts(added.allow)) {
            counting.put(n.get(), added);
        }
    }

    Outcome decide(Request q) {
        List<DecidingLine> lines = new ArrayList<>();
        if (!unreadable.isEmpty()) {
            Step s = unreadable.get(0);
            String why = s.rule().isPresent() ? "liblxc cannot find the device node " + s.value().split(" ")[0]
                    + " on this host, or lxcconf does not know its numbers"
                    : "liblxc cannot read the rule";
            lines.add(s.note("the container does not start: " + why));
            return new Outcome(false, "the container does not start: " + why, lines,
                    Optional.of("liblxc refuses the device rule '" + s.value() + "' at start (" + s.source() + ":"
                            + s.line() + ")"));
        }
        if (entries.isEmpty()) {
            String why = modeStep == null ? "there are no lxc.cgroup2.devices rules"
                    : "the global rule empties the list and no rule follows it";
            if (modeStep != null) {
                lines.add(modeStep.note("empties the device list; liblxc attaches no device program"));
            }
            return new Outcome(true, "liblxc attaches no device program (" + why
                    + "), so the device cgroup does not restrict the container", lines, Optional.empty());
        }
        for (Entry e : anyMajor) {
            Step.Numbers n = e.numbers;
            if (counts(e.allow) && n.type() == 'a' && n.minor() < 0 && n.mask() == 7) {
                lines.add(e.last().note("a rule that checks nothing: the kernel refuses to load the device program"));
                return new Outcome(false, "the container does not start: the kernel refuses liblxc's device program",
                        lines, Optional.of("the rule '" + e.last().value() + "' (" + e.last().source() + ":"
                                + e.last().line() + ") makes the kernel refuse liblxc's device program"
                                + " (Failed to load bpf program)"));
            }
        }
        String mode = denylist ? "denylist" : "allowlist";
        Notes notes = new Notes();
        Entry deciding = null;
        List<Entry> candidates = candidates(q.major());
        for (Entry e : candidates) {
            if (!counts(e.allow)) {
                continue;
            }
            boolean match = denylist ? q.touchedBy(e.numbers) : q.coveredBy(e.numbers);
            if (match && (q.mask() & e.numbers.mask()) == q.mask()) {
                deciding = e;
                break;
            }
        }
        boolean granted = denylist ? deciding == null : deciding != null;
        for (Entry e : candidates) {
            if (e == deciding || !q.touchedBy(e.numbers)) {
                continue;
            }
            if (!counts(e.allow)) {
                notes.add(e.last(), e.flippedBy != null
                        ? "turns the identical rule at line " + e.step.line() + " into a " + (e.allow ? "allow" : "deny")
                                + " rule, which the " + mode + " skips"
                        : "skipped: in a" + (denylist ? " denylist liblxc skips allow rules"
                                : "n allowlist liblxc skips deny rules for particular devices"));
            } else if ((q.mask() & e.numbers.mask()) != q.mask()) {
                notes.add(e.last(), "matches the device but only for access '" + e.numbers.letters() + "'");
            }
        }
        if (deciding != null) {
            notes.add(deciding.last(), deciding.allow ? "allows it" : "denies it");
        }
        String modeText = modeStep == null ? "the device program is an allowlist (liblxc's default)"
                : "the device program is a" + (denylist ? " denylist" : "n allowlist");
        if (modeStep != null) {
            notes.add(modeStep, denylist ? "makes the program a denylist: every device no later rule denies is allowed"
                    : "makes the program an allowlist: every device no later rule allows is refused");
        }
        String reason;
        if (granted) {
            reason = deciding != null ? "a rule of the device program allows it"
                    : modeText + " and no rule denies it";
        } else {
            reason = deciding != null ? "a rule of the device program denies it"
                    : modeText + " and no rule allows it";
        }
        return new Outcome(granted, reason, notes.lines(), Optional.empty());
    }
}
