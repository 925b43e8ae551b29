package io.github.lxcconf.model.proxmox;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.internal.proxmox.Checks;
import io.github.lxcconf.internal.proxmox.Reports;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The start and shutdown order of a container, {@code startup: [order=]N,up=N,down=N}.
 *
 * <p>It looks like a property string but has its own grammar (pve-common
 * {@code pve_parse_startup_order}): split on commas, blank items skipped, and
 * each item must be exactly {@code order=digits}, bare {@code digits},
 * {@code up=digits} or {@code down=digits}; a repeated item overrides the earlier
 * one; anything else (spaces, signs, unknown keys, an empty or {@code 0} value)
 * makes the whole value invalid.
 *
 * <pre>{@code
 * Startup s = Startup.parse("order=1,up=30");
 * s.order(); // Optional[1]
 * s.up();    // Optional[30]
 * s.down();  // Optional.empty
 * Startup.parse("2,up = 5").diagnostics(); // unable to parse value of 'startup' - unable to parse startup options
 * }</pre>
 *
 * @param value the text, as a property string whose default key is {@code order}
 */
public record Startup(PropertyString value) {
    private static final Pattern ORDER = Pattern.compile("(order=)?(\\d+)");
    private static final Pattern UP = Pattern.compile("up=(\\d+)");
    private static final Pattern DOWN = Pattern.compile("down=(\\d+)");

    /**
     * Checks the component.
     *
     * @throws NullPointerException if the value is null
     */
    public Startup {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Reads a {@code startup} value. Never throws for any text.
     *
     * @param text the value as written
     * @return the startup order
     */
    public static Startup parse(String text) {
        return new Startup(PropertyString.parse(text, Fields.format("startup")));
    }

    /**
     * Returns the start order (lower starts first, shuts down last).
     *
     * @return the order, or empty when unset or the value is invalid
     */
    public Optional<Integer> order() {
        return field(ORDER, 2);
    }

    /**
     * Returns the delay in seconds before the next guest starts.
     *
     * @return the delay, or empty when unset or the value is invalid
     */
    public Optional<Integer> up() {
        return field(UP, 1);
    }

    /**
     * Returns the shutdown timeout in seconds.
     *
     * @return the timeout, or empty when unset or the value is invalid
     */
    public Optional<Integer> down() {
        return field(DOWN, 1);
    }

    /**
     * Returns whether Proxmox reads the value.
     *
     * @return {@code true} when {@link #diagnostics()} is empty
     */
    public boolean isValid() {
        return firstBadOffset() < 0;
    }

    /**
     * Returns what Proxmox reports when it reads this value, at the first item it cannot read;
     * positions are counted in the value.
     *
     * @return one diagnostic for an invalid value, else none
     */
    public List<Diagnostic> diagnostics() {
        int bad = firstBadOffset();
        if (bad < 0) {
            return List.of();
        }
        return List.of(Reports.at(value.toValue(), bad, DiagnosticCode.PVE_TYPE_CHECK,
                "unable to parse value of 'startup' - unable to parse startup options",
                "write [order=]N,up=N,down=N with digits only and no blanks"));
    }

    /**
     * Returns a copy with one item set ({@code order}, {@code up} or {@code down}); the others keep their text.
     *
     * @param key the item
     * @param newValue its value
     * @return the changed startup order
     * @throws IllegalArgumentException if the value holds a comma or line break, or is empty
     */
    public Startup with(String key, String newValue) {
        PropertyString changed = value.with(key, newValue);
        return changed == value ? this : new Startup(changed);
    }

    /**
     * Returns a copy without one item.
     *
     * @param key the item
     * @return the changed startup order
     */
    public Startup without(String key) {
        PropertyString changed = value.without(key);
        return changed == value ? this : new Startup(changed);
    }

    /** The offset of the first item Proxmox cannot read, 0 for an empty or "0" value, or -1. */
    private int firstBadOffset() {
        String text = value.toValue();
        if (text.isEmpty() || text.equals("0")) {
            return 0; // Perl: "return undef if !$value"
        }
        for (PropertyString.Part p : value.parts()) {
            if (p.isBlank()) {
                continue;
            }
            String t = p.text();
            if (!ORDER.matcher(t).matches() && !UP.matcher(t).matches() && !DOWN.matcher(t).matches()) {
                return p.offset();
            }
        }
        return -1;
    }

    private Optional<Integer> field(Pattern pattern, int group) {
        if (!isValid()) {
            return Optional.empty();
        }
        Optional<Integer> last = Optional.empty();
        for (PropertyString.Part p : value.parts()) {
            Matcher m = pattern.matcher(p.text());
            if (m.matches()) {
                last = Checks.smallInt(m.group(group));
            }
        }
        return last;
    }
}
