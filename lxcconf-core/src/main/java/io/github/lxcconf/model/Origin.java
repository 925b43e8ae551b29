package io.github.lxcconf.model;

import io.github.lxcconf.syntax.EntryLine;

import java.util.Objects;

/**
 * Where a typed value was read: the entry line and its 1-based line number.
 *
 * <pre>{@code
 * DeviceRule rule = config.lxc().deviceRules().get(0);
 * rule.origin().map(Origin::lineNumber);  // Optional[13]
 * rule.origin().map(Origin::key);         // Optional[lxc.cgroup.devices.allow]
 * }</pre>
 *
 * @param entry      the line the value was read from
 * @param lineNumber the line's 1-based number in its file
 */
public record Origin(EntryLine entry, int lineNumber) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if the entry is null
     * @throws IllegalArgumentException if the line number is below 1
     */
    public Origin {
        Objects.requireNonNull(entry, "entry");
        if (lineNumber < 1) {
            throw new IllegalArgumentException("line numbers start at 1, got " + lineNumber);
        }
    }

    /**
     * Returns the key of the line.
     *
     * <pre>{@code
     * origin.key(); // "lxc.mount.entry"
     * }</pre>
     *
     * @return the key as written, without blanks
     */
    public String key() {
        return entry.key();
    }

    /**
     * Returns the interpreted value of the line (outer quotes removed).
     *
     * @return the value
     */
    public String value() {
        return entry.value();
    }

    /**
     * Returns the short form {@code line 13: lxc.cap.drop = sys_admin}.
     */
    @Override
    public String toString() {
        return "line " + lineNumber + ": " + entry.content();
    }
}
