package io.github.lxcconf.model.proxmox;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.internal.proxmox.Reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A device passed through to the container, {@code devN} ({@code N} = 0-255,
 * PVE 8.1+): Proxmox copies the host node into the container's {@code /dev}
 * with the given owner and mode and allows it in the device cgroup.
 *
 * <pre>{@code
 * DevicePassthrough dri = DevicePassthrough.parse(0, "/dev/dri/renderD128,gid=104");
 * dri.path();  // Optional[/dev/dri/renderD128]
 * dri.gid();   // 104
 * dri.mode();  // "0660" (the table's default)
 * }</pre>
 *
 * @param index the N of {@code devN}
 * @param value the property string, with the {@code devN} format
 */
public record DevicePassthrough(int index, PropertyString value) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if the value is null
     * @throws IllegalArgumentException if {@code devN} is no Proxmox option for this index
     */
    public DevicePassthrough {
        Fields.indexedKey("dev", index);
        Objects.requireNonNull(value, "value");
    }

    /**
     * Reads a {@code devN} value. Never throws for any text.
     *
     * @param index the device number, 0-255
     * @param text  the value as written
     * @return the device
     * @throws IllegalArgumentException if the index is outside 0-255
     */
    public static DevicePassthrough parse(int index, String text) {
        return new DevicePassthrough(index, PropertyString.parse(text, Fields.format(Fields.indexedKey("dev", index))));
    }

    /**
     * Returns the option key, {@code devN}.
     *
     * @return the key, such as {@code "dev0"}
     */
    public String key() {
        return "dev" + index;
    }

    /**
     * Returns the host device path (the default key); Proxmox refuses a device without one.
     *
     * @return the path, such as {@code /dev/dri/renderD128}
     */
    public Optional<String> path() {
        return value.get("path");
    }

    /**
     * Returns the group of the node inside the container; the table's default 0 when unset or not an integer.
     *
     * @return the gid
     */
    public int gid() {
        return Fields.integer(value, "gid").orElse(Integer.parseInt(Fields.plainDefault(value, "gid", "0")));
    }

    /**
     * Returns the owner of the node inside the container; the table's default 0 when unset or not an integer.
     *
     * @return the uid
     */
    public int uid() {
        return Fields.integer(value, "uid").orElse(Integer.parseInt(Fields.plainDefault(value, "uid", "0")));
    }

    /**
     * Returns the octal access mode; the table's default {@code 0660} when unset.
     *
     * @return the mode as written, such as {@code 0666}
     */
    public String mode() {
        return value.get("mode").orElse(Fields.plainDefault(value, "mode", "0660"));
    }

    /**
     * Returns whether writing is denied ({@code deny-write}, default off).
     *
     * @return the flag
     */
    public boolean denyWrite() {
        return Fields.flag(value, "deny-write");
    }

    /**
     * Returns what Proxmox reports when it reads this value, plus an error when the path is
     * missing (Proxmox then refuses the device: "Path has to be defined"); positions are counted
     * in the value (source {@code "<string>"}, line 1).
     *
     * @return the diagnostics, empty for a valid value
     */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> out = new ArrayList<>(Reports.prefixed(value.diagnostics(), key()));
        if (path().isEmpty()) {
            out.add(Reports.at(value.toValue(), 0, DiagnosticCode.PVE_DEVICE_WITHOUT_PATH,
                    key() + ": Path has to be defined: Proxmox refuses a device without a path",
                    "put the device path first, such as /dev/dri/renderD128"));
        }
        out.sort(Reports.IN_LINE_ORDER);
        return List.copyOf(out);
    }

    /**
     * Returns a copy with one field set; every other field keeps its text and place.
     *
     * @param subKey the field, such as {@code gid}
     * @param newValue its value
     * @return the changed device
     * @throws IllegalArgumentException if the value holds a comma or line break, or is empty
     */
    public DevicePassthrough with(String subKey, String newValue) {
        PropertyString changed = value.with(subKey, newValue);
        return changed == value ? this : new DevicePassthrough(index, changed);
    }

    /**
     * Returns a copy without one field; every other field keeps its text and place.
     *
     * @param subKey the field
     * @return the changed device
     */
    public DevicePassthrough without(String subKey) {
        PropertyString changed = value.without(subKey);
        return changed == value ? this : new DevicePassthrough(index, changed);
    }
}
