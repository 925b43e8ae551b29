package io.github.lxcconf.model.proxmox;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.internal.proxmox.Reports;

import java.util.List;
import java.util.Objects;

/**
 * The {@code features} of a container: nesting, keyctl, fuse, mknod, extra
 * mountable file systems, and a writable {@code /sys}. Every flag is off unless set.
 *
 * <pre>{@code
 * Features f = Features.parse("keyctl=1,nesting=1,mount=nfs;cifs");
 * f.nesting();  // true
 * f.fuse();     // false
 * f.mount();    // [nfs, cifs]
 * Features.none().nesting(); // false: no features line
 * }</pre>
 *
 * @param value the property string, with the {@code features} format
 */
public record Features(PropertyString value) {

    /**
     * Checks the component.
     *
     * @throws NullPointerException if the value is null
     */
    public Features {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Reads a {@code features} value. Never throws for any text.
     *
     * @param text the value as written
     * @return the features
     */
    public static Features parse(String text) {
        return new Features(PropertyString.parse(text, Fields.format("features")));
    }

    /**
     * Returns the features of a container without a {@code features} line: all off.
     *
     * @return the empty features
     */
    public static Features none() {
        return parse("");
    }

    /**
     * Returns {@code nesting} (default off).
     *
     * @return the flag
     */
    public boolean nesting() {
        return Fields.flag(value, "nesting");
    }

    /**
     * Returns {@code keyctl} (default off).
     *
     * @return the flag
     */
    public boolean keyctl() {
        return Fields.flag(value, "keyctl");
    }

    /**
     * Returns {@code fuse} (default off).
     *
     * @return the flag
     */
    public boolean fuse() {
        return Fields.flag(value, "fuse");
    }

    /**
     * Returns {@code mknod} (default off).
     *
     * @return the flag
     */
    public boolean mknod() {
        return Fields.flag(value, "mknod");
    }

    /**
     * Returns {@code force_rw_sys} (default off).
     *
     * @return the flag
     */
    public boolean forceRwSys() {
        return Fields.flag(value, "force_rw_sys");
    }

    /**
     * Returns the file-system types of {@code mount=} ({@code nfs;cifs}).
     *
     * @return the types, empty when unset
     */
    public List<String> mount() {
        return Fields.list(value, "mount");
    }

    /**
     * Returns what Proxmox reports when it reads this value; positions are counted in the value.
     *
     * @return the diagnostics, empty for a valid value
     */
    public List<Diagnostic> diagnostics() {
        return Reports.prefixed(value.diagnostics(), "features");
    }

    /**
     * Returns a copy with one feature set; every other part keeps its text and place.
     *
     * @param subKey the feature, such as {@code nesting}
     * @param newValue its value, such as {@code 1}
     * @return the changed features
     * @throws IllegalArgumentException if the value holds a comma or line break, or is empty
     */
    public Features with(String subKey, String newValue) {
        PropertyString changed = value.with(subKey, newValue);
        return changed == value ? this : new Features(changed);
    }

    /**
     * Returns a copy without one feature; every other part keeps its text and place.
     *
     * @param subKey the feature
     * @return the changed features
     */
    public Features without(String subKey) {
        PropertyString changed = value.without(subKey);
        return changed == value ? this : new Features(changed);
    }
}
