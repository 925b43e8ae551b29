package io.github.lxcconf.model.proxmox;

import io.github.lxcconf.internal.proxmox.Checks;

import java.util.Objects;
import java.util.Optional;

/**
 * A disk size as Proxmox reads the {@code size} of a mount point: a number of
 * bytes, written as digits with an optional decimal part and an optional unit
 * {@code K}, {@code M}, {@code G}, {@code T} (or {@code KiB} ... {@code TiB}),
 * upper case only, powers of 1024, truncated to whole bytes. Two sizes are
 * equal when they are the same number of bytes, so {@code 8G} equals {@code 8192M}.
 *
 * <pre>{@code
 * DiskSize.parse("16G").orElseThrow().bytes();   // 17179869184
 * DiskSize.parse("1.5G").orElseThrow().format(); // "1536M"
 * DiskSize.parse("8g");                          // Optional.empty: lower case is no unit
 * }</pre>
 *
 * @param bytes the size in bytes, not negative
 */
public record DiskSize(long bytes) {

    /**
     * Checks the size.
     *
     * @throws IllegalArgumentException if bytes is negative
     */
    public DiskSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a disk size cannot be negative: " + bytes);
        }
    }

    /**
     * Parses a size as pve-common's {@code parse_size} does.
     *
     * @param text the size as written ({@code 8G}, {@code 512M}, {@code 8589934592})
     * @return the size, or empty if Proxmox would not read it as a size
     */
    public static Optional<DiskSize> parse(String text) {
        Objects.requireNonNull(text, "text");
        return Checks.parseDiskSize(text).map(DiskSize::new);
    }

    /**
     * Returns the size as Proxmox prints it: with the largest unit that divides it exactly
     * ({@code 8589934592} → {@code 8G}, {@code 1000} → {@code 1000}); zero prints as {@code 0T}, as
     * in Proxmox's {@code format_size}.
     *
     * @return the canonical text
     */
    public String format() {
        String[] units = {"K", "M", "G", "T"};
        long value = bytes;
        String unit = "";
        for (String u : units) {
            if (value % 1024 != 0) {
                break;
            }
            value /= 1024;
            unit = u;
        }
        return value + unit;
    }

    /**
     * Returns the canonical text, the same as {@link #format()}.
     */
    @Override
    public String toString() {
        return format();
    }
}
