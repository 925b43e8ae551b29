package io.github.lxcconf.proxmox;

import io.github.lxcconf.model.DeviceType;

import java.util.Objects;

/**
 * What {@code stat(2)} says of a device node on the host: its type and numbers.
 *
 * <pre>{@code
 * DeviceNode kvm = new DeviceNode(DeviceType.CHAR, 10, 232);
 * kvm.letter(); // 'c'
 * }</pre>
 *
 * @param type  {@link DeviceType#CHAR} or {@link DeviceType#BLOCK}
 * @param major the major number
 * @param minor the minor number
 */
public record DeviceNode(DeviceType type, int major, int minor) {
    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException for {@link DeviceType#ALL} or a negative number
     */
    public DeviceNode {
        Objects.requireNonNull(type, "type");
        if (type == DeviceType.ALL) {
            throw new IllegalArgumentException("a device node is a char or a block device, not 'a'");
        }
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("device numbers are not negative: " + major + ":" + minor);
        }
    }

    /**
     * Returns the type letter Proxmox writes: {@code c} or {@code b}.
     *
     * @return the letter
     */
    public char letter() {
        return type.letter();
    }
}
