package io.github.lxcconf.model;

import java.util.Optional;

/**
 * The device type of a cgroup device rule: all devices, block devices or character devices.
 *
 * <pre>{@code
 * DeviceType.of('c');          // Optional[CHAR]
 * DeviceType.CHAR.letter();    // 'c'
 * }</pre>
 */
public enum DeviceType {
    /** {@code a}: block and character devices. */
    ALL('a'),
    /** {@code b}: block devices (disks, loop devices). */
    BLOCK('b'),
    /** {@code c}: character devices (terminals, /dev/kvm, /dev/net/tun). */
    CHAR('c');

    private final char letter;

    DeviceType(char letter) {
        this.letter = letter;
    }

    /**
     * Returns the letter a rule uses for this type.
     *
     * <pre>{@code
     * DeviceType.BLOCK.letter(); // 'b'
     * }</pre>
     *
     * @return {@code a}, {@code b} or {@code c}
     */
    public char letter() {
        return letter;
    }

    /**
     * Returns the type a letter stands for.
     *
     * <pre>{@code
     * DeviceType.of('x'); // Optional.empty
     * }</pre>
     *
     * @param letter {@code a}, {@code b} or {@code c}
     * @return the type, or empty for any other character
     */
    public static Optional<DeviceType> of(char letter) {
        for (DeviceType t : values()) {
            if (t.letter == letter) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
