package io.github.lxcconf.device;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * The kernel's cgroup v1 device controller as liblxc writes the {@code lxc.cgroup.devices.*} lines into it, one
 * by one, on a host with a v1 {@code devices} controller.
 *
 * <ul>
 * <li>A new cgroup allows every device. A line whose rule starts with {@code a} clears the exceptions and sets
 *     the default: {@code deny} refuses every device, {@code allow} allows every device.</li>
 * <li>While the default is to refuse, an allow rule adds an exception (its letters join those of an exception
 *     with the same type and numbers) and a deny rule takes its letters away from the exception with exactly
 *     the same type and numbers, and from no other: {@code deny c 10:232 rw} after {@code allow c 10:* rw}
 *     changes nothing. While the default is to allow, the roles swap.</li>
 * <li>With a refusing default an access is granted when one exception takes in the device and every letter
 *     asked for; with an allowing default it is refused when any exception takes in the device and any letter
 *     asked for.</li>
 * </ul>
 */
final class Cgroup1Exceptions {

    private static final class DeviceException {
        final Step.Numbers numbers;
        int mask;
        final List<Step> steps = new ArrayList<>();

        DeviceException(Step.Numbers numbers) {
            this.numbers = numbers;
        }
    }

    /** The exceptions by type and numbers, in the order they were added. */
    private final Map<List<Integer>, DeviceException> exceptions = new LinkedHashMap<>();
    private final List<Step> unreadable = new ArrayList<>();
    private final List<Step> noEffect = new ArrayList<>();
    private boolean allowByDefault = true;
    private Step defaultStep;

    private Cgroup1Exceptions() {
    }

    /** The exceptions by major number (-1: every major), and the rules without effect, for quick questions. */
    private final Map<Integer, List<DeviceException>> byMajor = new HashMap<>();
    private final StepIndex noEffectByNumbers = new StepIndex();

    static Cgroup1Exceptions build(List<Step> steps) {
        Cgroup1Exceptions c = new Cgroup1Exceptions();
        for (Step s : steps) {
            if (!s.cgroup2()) {
                c.apply(s);
            }
        }
        for (DeviceException e : c.exceptions.values()) {
            c.byMajor.computeIfAbsent(e.numbers.major(), k -> new ArrayList<>()).add(e);
        }
        for (Step s : c.noEffect) {
            c.noEffectByNumbers.add(s);
        }
        return c;
    }

    private static <T> List<T> candidates(Map<Integer, List<T>> index, int major) {
        List<T> all = new ArrayList<>(index.getOrDefault(major, List.of()));
        all.addAll(index.getOrDefault(-1, List.of()));
        return all;
    }

    private void apply(Step s) {
        if (s.rule().isEmpty()) {
            unreadable.add(s);
            return;
        }
        if (s.rule().get().isGlobal() || s.value().strip().startsWith("a")) {
            allowByDefault = s.allow();
            defaultStep = s;
            exceptions.clear();
            noEffect.clear();
            return;
        }
        Optional<Step.Numbers> n = s.numbers();
        if (n.isEmpty()) {
            unreadable.add(s);
            return;
        }
        List<Integer> key = List.of((int) n.get().type(), n.get().major(), n.get().minor());
        DeviceException same = exceptions.get(key);
        boolean adds = s.allow() != allowByDefault;
        if (adds) {
            if (same == null) {
                same = new DeviceException(n.get());
                exceptions.put(key, same);
            }
            same.mask |= n.get().mask();
            same.steps.add(s);
        } else if (same != null) {
            same.mask &= ~n.get().mask();
            same.steps.add(s);
            if (same.mask == 0) {
                exceptions.remove(key);
            }
        } else {
            noEffect.add(s);
        }
    }

    Outcome decide(Request q) {
        Notes notes = new Notes();
        if (!unreadable.isEmpty()) {
            Step s = unreadable.get(0);
            return new Outcome(false, "the container does not start: the kernel refuses the rule '" + s.value() + "'",
                    List.of(s.note("the kernel refuses this rule, so the container does not start")),
                    Optional.of("the kernel refuses the device rule '" + s.value() + "' (" + s.source() + ":"
                            + s.line() + ")"));
        }
        DeviceException deciding = null;
        List<DeviceException> candidates = candidates(byMajor, q.major());
        for (DeviceException e : candidates) {
            boolean match = allowByDefault ? q.touchedBy(e.numbers) && (q.mask() & e.mask) != 0
                    : q.coveredBy(e.numbers) && (q.mask() & ~e.mask) == 0;
            if (match) {
                deciding = e;
                break;
            }
        }
        boolean granted = allowByDefault ? deciding == null : deciding != null;
        for (DeviceException e : candidates) {
            if (e != deciding && q.touchedBy(e.numbers)) {
                for (Step s : e.steps) {
                    notes.add(s, "matches the device, but the exception it builds holds only '" + letters(e.mask) + "'");
                }
            }
        }
        for (Step s : noEffectByNumbers.touching(q)) {
            notes.add(s, "has no effect: the kernel removes only an exception with exactly these numbers, and"
                    + " there is none");
        }
        if (deciding != null) {
            for (Step s : deciding.steps) {
                notes.add(s, (s.allow() != allowByDefault ? "adds " : "narrows ") + "the exception that "
                        + (allowByDefault ? "denies" : "allows") + " it ('" + letters(deciding.mask) + "')");
            }
        }
        if (defaultStep != null) {
            notes.add(defaultStep, allowByDefault ? "allows every device that no later rule denies"
                    : "denies every device that no later rule allows");
        }
        String def = defaultStep == null ? "a new cgroup allows every device" : allowByDefault
                ? "the default is to allow every device" : "the default is to deny every device";
        String reason = granted
                ? deciding == null ? def + " and no exception denies it" : "an exception allows it"
                : deciding == null ? def + " and no exception allows it" : "an exception denies it";
        return new Outcome(granted, reason, notes.lines(), Optional.empty());
    }

    static String letters(int mask) {
        return ((mask & 1) != 0 ? "r" : "") + ((mask & 2) != 0 ? "w" : "") + ((mask & 4) != 0 ? "m" : "");
    }
}
