package io.github.lxcconf.model;

import java.util.Optional;

/**
 * The access a device rule grants or denies: any subset of read ({@code r}),
 * write ({@code w}) and mknod ({@code m}, create the device node).
 *
 * <pre>{@code
 * DeviceAccess.parse("wr");               // Optional[rw]
 * DeviceAccess.RWM.toValue();             // "rwm"
 * new DeviceAccess(true, false, true);    // rm
 * }</pre>
 *
 * @param read  {@code r}: open the device for reading
 * @param write {@code w}: open the device for writing
 * @param mknod {@code m}: create the device node
 */
public record DeviceAccess(boolean read, boolean write, boolean mknod) {

    /** Read, write and mknod: {@code rwm}. */
    public static final DeviceAccess RWM = new DeviceAccess(true, true, true);

    /** No access letters at all; only the global rule {@code a} has no access field. */
    public static final DeviceAccess NONE = new DeviceAccess(false, false, false);

    /**
     * Reads access letters in any order; a repeated letter counts once.
     *
     * <pre>{@code
     * DeviceAccess.parse("mr");   // Optional[rm]
     * DeviceAccess.parse("rwx");  // Optional.empty
     * DeviceAccess.parse("");     // Optional[] (NONE)
     * }</pre>
     *
     * @param letters the letters, such as {@code "rwm"}
     * @return the access, or empty if a character is not r, w or m
     */
    public static Optional<DeviceAccess> parse(String letters) {
        boolean r = false;
        boolean w = false;
        boolean m = false;
        for (int i = 0; i < letters.length(); i++) {
            switch (letters.charAt(i)) {
                case 'r' -> r = true;
                case 'w' -> w = true;
                case 'm' -> m = true;
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new DeviceAccess(r, w, m));
    }

    /**
     * Returns whether no letter is set.
     *
     * @return {@code true} for {@link #NONE}
     */
    public boolean isEmpty() {
        return !read && !write && !mknod;
    }

    /**
     * Returns the letters in the canonical order r, w, m.
     *
     * <pre>{@code
     * new DeviceAccess(false, true, true).toValue(); // "wm"
     * }</pre>
     *
     * @return the letters, empty for {@link #NONE}
     */
    public String toValue() {
        return (read ? "r" : "") + (write ? "w" : "") + (mknod ? "m" : "");
    }

    /**
     * Returns {@link #toValue()}.
     */
    @Override
    public String toString() {
        return toValue();
    }
}
