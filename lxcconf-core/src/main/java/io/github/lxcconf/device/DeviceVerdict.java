package io.github.lxcconf.device;

import io.github.lxcconf.model.DeviceAccess;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a container may use a device on a host layout, why, and the lines that decided it.
 *
 * <pre>{@code
 * DeviceVerdict v = DevicePolicy.of(config).decide(HostLayout.CGROUP2, KnownDevice.KVM, DeviceAccess.RWM);
 * v.granted();   // false
 * v.describe();  // character device 10:232 (/dev/kvm), access rwm, on a pure cgroup2 host: refused: ...
 * }</pre>
 *
 * @param granted      whether the kernel lets the container use the device with every access letter asked for;
 *                     {@code false} when the container does not start
 * @param layout       the host layout the decision is for
 * @param device       the device in words, such as {@code character device 10:232 (/dev/kvm)}
 * @param access       the access asked for
 * @param reason       why, in one sentence without a final full stop
 * @param lines        the device lines that took part, each with a note, in the order liblxc applies them
 * @param startFailure why the container does not start on this host, when a device line stops it
 */
public record DeviceVerdict(boolean granted, HostLayout layout, String device, DeviceAccess access, String reason,
                            List<DecidingLine> lines, Optional<String> startFailure) {

    /**
     * Checks the components and copies the list.
     *
     * @throws NullPointerException if a component is null
     */
    public DeviceVerdict {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(reason, "reason");
        lines = List.copyOf(lines);
        Objects.requireNonNull(startFailure, "startFailure");
    }

    /**
     * Returns the verdict in words, then each deciding line on a line of its own, indented by two blanks.
     *
     * <pre>{@code
     * // character device 10:232 (/dev/kvm), access rw, on a pure cgroup2 host: refused: the device program is
     * //   an allowlist and no rule allows it
     * //   102.conf:13: lxc.cgroup.devices.allow = c 10:232 rwm <- ignored: a cgroup v1 key on a pure cgroup2 host
     * }</pre>
     *
     * @return the text, without a final line break
     */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append(device).append(", access ").append(access.toValue()).append(", on ").append(layout.description())
                .append(": ").append(granted ? "granted" : "refused").append(": ").append(reason);
        for (DecidingLine line : lines) {
            out.append("\n  ").append(line);
        }
        return out.toString();
    }
}
