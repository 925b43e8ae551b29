package io.github.lxcconf.migrate;

import java.util.List;
import java.util.Objects;

/**
 * One line a migration changed: the line as it was, what replaced it (nothing when it was
 * removed, several lines when it was split), and why.
 *
 * <pre>{@code
 * // Change[line=3, oldLine=lxc.network.ipv4 = 10.0.0.2/24, newLines=[lxc.net.0.ipv4.address = 10.0.0.2/24], ...]
 * migration.changes().get(0).reason(); // "lxc.network.ipv4 was renamed to lxc.net.<i>.ipv4.address in LXC 2.1 ..."
 * }</pre>
 *
 * @param line     the 1-based number of the old line in the config the migration started from
 * @param oldLine  the old line, without its line end
 * @param newLines the lines that replace it, without line ends; empty when the line was removed
 * @param reason   why, in one or two sentences
 */
public record Change(int line, String oldLine, List<String> newLines, String reason) {

    /**
     * Checks the components and copies the list.
     *
     * @throws NullPointerException     if any component is null
     * @throws IllegalArgumentException if line is below 1
     */
    public Change {
        Objects.requireNonNull(oldLine, "oldLine");
        newLines = List.copyOf(newLines);
        Objects.requireNonNull(reason, "reason");
        if (line < 1) {
            throw new IllegalArgumentException("line starts at 1, got " + line);
        }
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
