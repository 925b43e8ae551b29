package io.github.lxcconf.device;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Device lines by major and minor ({@code -1} for {@code *}), to find those that touch the device asked about without
 * reading every line of its major: a config with thousands of lines of one major asks about each of them.
 */
final class StepIndex {
    private final Map<Integer, Map<Integer, List<Step>>> byMajor = new HashMap<>();

    /** Adds a line whose numbers are known; a global rule or a path of unknown numbers is not added. */
    void add(Step step) {
        step.numbers().ifPresent(n -> byMajor.computeIfAbsent(n.major(), k -> new HashMap<>())
                .computeIfAbsent(n.minor(), k -> new ArrayList<>()).add(step));
    }

    /** The lines whose numbers take in at least one device asked about, in no particular order. */
    List<Step> touching(Request q) {
        List<Step> out = new ArrayList<>();
        collect(byMajor.get(q.major()), q, out);
        if (q.major() >= 0) {
            collect(byMajor.get(-1), q, out);
        }
        return out;
    }

    private static void collect(Map<Integer, List<Step>> byMinor, Request q, List<Step> out) {
        if (byMinor == null) {
            return;
        }
        if (q.minor() < 0) {
            byMinor.values().forEach(steps -> collect(steps, q, out));
            return;
        }
        collect(byMinor.get(q.minor()), q, out);
        collect(byMinor.get(-1), q, out);
    }

    private static void collect(List<Step> steps, Request q, List<Step> out) {
        if (steps != null) {
            for (Step s : steps) {
                if (s.touches(q)) {
                    out.add(s);
                }
            }
        }
    }
}
