package io.github.lxcconf.device;

import java.util.Objects;

/**
 * A device line that took part in a {@link DeviceVerdict}, with what it did: the file and line it stands on
 * (in the config, in an included file such as LXC's {@code common.conf}, or a {@code devN} option of a Proxmox
 * config), the key and value liblxc applies, and a note.
 *
 * <pre>{@code
 * verdict.lines().get(0).toString();
 * // "102.conf:13: lxc.cgroup.devices.allow = c 10:232 rwm <- ignored: a cgroup v1 key on a pure cgroup2 host"
 * }</pre>
 *
 * @param source the file name, such as {@code 102.conf} or {@code /usr/share/lxc/config/common.conf}
 * @param line   the 1-based line number in that file
 * @param key    the key liblxc applies, such as {@code lxc.cgroup2.devices.allow}
 * @param value  the value, such as {@code c 10:232 rwm}
 * @param note   what the line did for the device asked about
 */
public record DecidingLine(String source, int line, String key, String value, String note) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the line number is below 1
     */
    public DecidingLine {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(note, "note");
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1, got " + line);
        }
    }

    /**
     * Returns {@code source:line: key = value <- note}.
     */
    @Override
    public String toString() {
        return source + ":" + line + ": " + key + " = " + value + " <- " + note;
    }
}
