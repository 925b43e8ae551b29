package io.github.lxcconf.proxmox;

import java.util.Objects;
import java.util.Optional;

/**
 * The device nodes of a Proxmox node: what {@code stat(2)} returns for a {@code devN} path, or
 * nothing for a path that does not exist (Proxmox then refuses to start the container:
 * {@code Device /dev/x does not exist}).
 *
 * <pre>{@code
 * DeviceLookup devices = path -> path.equals("/dev/kvm")
 *         ? Optional.of(new DeviceNode(DeviceType.CHAR, 10, 232)) : Optional.empty();
 * DeviceLookup.simulatedNode().stat("/dev/ttyUSB0"); // Optional[DeviceNode[type=CHAR, major=188, minor=0]]
 * }</pre>
 */
@FunctionalInterface
public interface DeviceLookup {

    /**
     * Returns the node at a path.
     *
     * @param path the path as the {@code devN} option names it
     * @return its type and numbers, or empty when there is no device node at that path
     */
    Optional<DeviceNode> stat(String path);

    /**
     * Returns the device table of the simulated node the Proxmox start corpus was made on
     * ({@code host-devices.tsv}): the kernel's static numbers for the usual nodes
     * ({@code /dev/null}, {@code /dev/ttyUSB0}, {@code /dev/dri/renderD128}, {@code /dev/bus/usb/001/002}, ...).
     *
     * @return the table
     */
    static DeviceLookup simulatedNode() {
        return DeviceTable.SIMULATED;
    }

    /**
     * Reads a device table: lines {@code PATH-REGEX TYPE(c|b) MAJOR MINOR-EXPRESSION}, separated by tabs or
     * spaces; {@code #} starts a comment line. The minor expression may use {@code $1}..{@code $9} (the
     * regex's captures, as decimal numbers), digits, {@code + - *} and parentheses. The first row whose regex
     * finds the path wins.
     *
     * <pre>{@code
     * DeviceLookup.table("^/dev/ttyS(\\d+)$ c 4 64+$1\n").stat("/dev/ttyS1"); // c 4:65
     * }</pre>
     *
     * @param text the table
     * @return the lookup
     * @throws IllegalArgumentException for a row that cannot be read
     */
    static DeviceLookup table(String text) {
        return DeviceTable.parse(Objects.requireNonNull(text, "text"));
    }
}
