package io.github.lxcconf.migrate;

import java.util.List;
import java.util.Objects;

/**
 * One line a migration changed: the line as it was, what replaced it (nothing when it was
 * removed, several lines when it was split), why, and the other lines changed together with it.
 *
 * <pre>{@code
 * // Change[line=3, oldLine=lxc.network.ipv4 = 10.0.0.2/24, newLines=[lxc.net.0.ipv4.address = 10.0.0.2/24], ...]
 * migration.changes().get(0).reason(); // "lxc.network.ipv4 was renamed to lxc.net.<i>.ipv4.address in LXC 2.1 ..."
 * // a raw device rule and its bind mount replaced by one devN option:
 * // Change[line=16, oldLine=lxc.cgroup.devices.allow: c 10:200 rwm, newLines=[dev0: /dev/net/tun], ..., relatedLines=[17]]
 * }</pre>
 *
 * @param line         the 1-based number of the old line in the config the migration started from
 * @param oldLine      the old line, without its line end
 * @param newLines     the lines that replace it, without line ends; empty when the line was removed
 * @param reason       why, in one or two sentences
 * @param relatedLines the numbers of the other old lines that this change goes with, such as the bind
 *                     mount removed because the {@code devN} option replacing this device rule creates
 *                     the node; empty for a change of its own. The change of the device rule that gives
 *                     the {@code devN} line lists every line it goes with; each of those lists the rule's
 *                     line only
 */
public record Change(int line, String oldLine, List<String> newLines, String reason, List<Integer> relatedLines) {

    /**
     * Checks the components and copies the lists.
     *
     * @throws NullPointerException     if any component is null
     * @throws IllegalArgumentException if line is below 1
     */
    public Change {
        Objects.requireNonNull(oldLine, "oldLine");
        newLines = List.copyOf(newLines);
        Objects.requireNonNull(reason, "reason");
        relatedLines = List.copyOf(relatedLines);
        if (line < 1) {
            throw new IllegalArgumentException("line starts at 1, got " + line);
        }
    }

    /**
     * A change of one line on its own.
     *
     * @param line     the 1-based number of the old line
     * @param oldLine  the old line, without its line end
     * @param newLines the lines that replace it; empty when the line was removed
     * @param reason   why
     */
    public Change(int line, String oldLine, List<String> newLines, String reason) {
        this(line, oldLine, newLines, reason, List.of());
    }

    /**
     * Returns whether the line was removed without a replacement.
     *
     * @return {@code true} when {@link #newLines()} is empty
     */
    public boolean isRemoval() {
        return newLines.isEmpty();
    }
}
