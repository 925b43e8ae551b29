package io.github.lxcconf.edit;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.syntax.BlankLine;
import io.github.lxcconf.syntax.CommentLine;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;

import java.util.List;
import java.util.Optional;

/**
 * The one place that picks where a new entry goes, within a section's lines
 * {@code [from, to)}:
 * <ol>
 * <li>after the last entry with the same key;</li>
 * <li>else after the last entry of the same family: device rules with device
 *     rules (v1 and v2, allow and deny), then the longest dotted prefix
 *     ({@code lxc.net.0.} before {@code lxc.net.});</li>
 * <li>else, for a Proxmox option, among the options in byte order when they
 *     are sorted (as {@code pct} writes them), else after the last option; a
 *     comment block stays with the option under it;</li>
 * <li>else, for an {@code lxc.*} key, after the last {@code lxc.*} entry, else
 *     after the last entry, else after the last line that is not blank.</li>
 * </ol>
 */
final class Placement {
    private Placement() {
    }

    /**
     * Where to insert, and the entry whose style the new line copies (if any).
     *
     * @param index  the index of the new line
     * @param anchor the neighbour to copy the style from
     */
    record Spot(int index, Optional<EntryLine> anchor) {
    }

    static Spot place(List<Line> lines, int from, int to, String key, Dialect dialect) {
        int same = lastEntry(lines, from, to, e -> e.key().equals(key));
        if (same >= 0) {
            return after(lines, same);
        }
        boolean lxcKey = key.startsWith("lxc.");
        if (lxcKey) {
            if (isDeviceRuleKey(key)) {
                int device = lastEntry(lines, from, to, e -> isDeviceRuleKey(e.key()));
                if (device >= 0) {
                    return after(lines, device);
                }
            }
            for (int dot = key.lastIndexOf('.'); dot > 3; dot = key.lastIndexOf('.', dot - 1)) {
                String prefix = key.substring(0, dot + 1);
                int family = lastEntry(lines, from, to, e -> e.key().startsWith(prefix));
                if (family >= 0) {
                    return after(lines, family);
                }
            }
            int lastLxc = lastEntry(lines, from, to, EntryLine::isLxcKey);
            if (lastLxc >= 0) {
                return after(lines, lastLxc);
            }
        } else if (dialect == Dialect.PROXMOX) {
            return placeOption(lines, from, to, key);
        }
        int lastEntry = lastEntry(lines, from, to, e -> true);
        if (lastEntry >= 0) {
            return after(lines, lastEntry);
        }
        return new Spot(endOfContent(lines, from, to), Optional.empty());
    }

    private static Spot placeOption(List<Line> lines, int from, int to, String key) {
        boolean sorted = true;
        String previous = null;
        int first = -1;
        int last = -1;
        for (int i = from; i < to; i++) {
            if (lines.get(i) instanceof EntryLine e && !e.isLxcKey()) {
                if (previous != null && previous.compareTo(e.key()) > 0) {
                    sorted = false;
                }
                previous = e.key();
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (last < 0) {
            // no option yet: before the first raw line, else after the section's comments
            int firstEntry = -1;
            for (int i = from; i < to && firstEntry < 0; i++) {
                if (lines.get(i) instanceof EntryLine) {
                    firstEntry = i;
                }
            }
            int at = firstEntry >= 0 ? commentBlockStart(lines, from, firstEntry) : endOfContent(lines, from, to);
            return new Spot(at, Optional.empty());
        }
        if (sorted) {
            for (int i = first; i <= last; i++) {
                if (lines.get(i) instanceof EntryLine e && !e.isLxcKey() && e.key().compareTo(key) > 0) {
                    return new Spot(commentBlockStart(lines, from, i), Optional.of(e));
                }
            }
        }
        return after(lines, last);
    }

    /** The index of the first line of the comment block directly above line {@code i}, or {@code i}. */
    private static int commentBlockStart(List<Line> lines, int from, int i) {
        int at = i;
        while (at > from && lines.get(at - 1) instanceof CommentLine) {
            at--;
        }
        return at;
    }

    private static Spot after(List<Line> lines, int i) {
        return new Spot(i + 1, Optional.of((EntryLine) lines.get(i)));
    }

    /** Just after the last line of the range that is not blank, so blank lines before the next section stay. */
    static int endOfContent(List<Line> lines, int from, int to) {
        int at = to;
        while (at > from && lines.get(at - 1) instanceof BlankLine) {
            at--;
        }
        return at;
    }

    static int lastEntry(List<Line> lines, int from, int to, java.util.function.Predicate<EntryLine> test) {
        for (int i = to - 1; i >= from; i--) {
            if (lines.get(i) instanceof EntryLine e && test.test(e)) {
                return i;
            }
        }
        return -1;
    }

    static boolean isDeviceRuleKey(String key) {
        return key.equals("lxc.cgroup.devices.allow") || key.equals("lxc.cgroup.devices.deny")
                || key.equals("lxc.cgroup2.devices.allow") || key.equals("lxc.cgroup2.devices.deny");
    }
}
