package io.github.lxcconf.model;

import java.util.Objects;

/**
 * One row of the device table: which Linux device a major:minor number names.
 * The numbers are kept as the table writes them ({@code 232}, {@code 0-63},
 * {@code 0,16,..,240}, {@code *}, {@code (dynamic)}).
 *
 * <pre>{@code
 * DeviceInfo kvm = DeviceCatalog.lookup(DeviceType.CHAR, 10, 232).orElseThrow();
 * kvm.name();          // "/dev/kvm"
 * kvm.description();   // "KVM"
 * kvm.allocation();    // STATIC
 * }</pre>
 *
 * @param type        {@link DeviceType#CHAR} or {@link DeviceType#BLOCK}
 * @param major       the major number or range, as in the table
 * @param minor       the minor number or range, as in the table
 * @param name        the /dev name, or a label such as {@code (dynamic)}
 * @param description what the device is
 * @param allocation  whether the numbers are fixed or given out at boot
 * @param source      where the table row comes from
 */
public record DeviceInfo(DeviceType type, String major, String minor, String name, String description,
                         Allocation allocation, String source) {

    /**
     * How the kernel hands out a device's numbers.
     *
     * <pre>{@code
     * DeviceCatalog.lookup(DeviceType.CHAR, 240, 0).orElseThrow().allocation(); // DYNAMIC
     * }</pre>
     */
    public enum Allocation {
        /** The numbers are fixed: the same on every host. */
        STATIC,
        /** The major is fixed, minors are given out as devices appear. */
        DYNAMIC_MINOR,
        /** The major itself is given out at boot: it differs between hosts. */
        DYNAMIC;

        /**
         * Reads the table's {@code allocation} column.
         *
         * <pre>{@code
         * Allocation.of("dynamic-minor"); // DYNAMIC_MINOR
         * }</pre>
         *
         * @param text {@code static}, {@code dynamic-minor} or {@code dynamic}
         * @return the allocation
         * @throws IllegalArgumentException for any other text
         */
        public static Allocation of(String text) {
            return switch (text) {
                case "static" -> STATIC;
                case "dynamic-minor" -> DYNAMIC_MINOR;
                case "dynamic" -> DYNAMIC;
                default -> throw new IllegalArgumentException("unknown allocation '" + text + "'");
            };
        }
    }

    /**
     * Checks that no component is null.
     *
     * @throws NullPointerException if a component is null
     */
    public DeviceInfo {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(major, "major");
        Objects.requireNonNull(minor, "minor");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(allocation, "allocation");
        Objects.requireNonNull(source, "source");
    }
}
