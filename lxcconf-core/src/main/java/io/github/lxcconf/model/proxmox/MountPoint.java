package io.github.lxcconf.model.proxmox;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.internal.proxmox.Checks;
import io.github.lxcconf.internal.proxmox.Reports;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The root file system {@code rootfs} or a mount point {@code mpN} ({@code N} =
 * 0-255): a storage volume, a bind-mounted host directory or a host device,
 * mounted by Proxmox's pre-start hook (not an {@code lxc.mount.entry}).
 *
 * <pre>{@code
 * MountPoint root = MountPoint.parse("rootfs", "local-lvm:base-102-disk-0,size=16G");
 * root.volume();                          // Optional[local-lvm:base-102-disk-0]
 * root.size().orElseThrow().bytes();      // 17179869184
 * root.path();                            // Optional[/]
 * MountPoint.parse("mp0", "/mnt/data,mp=/data").volumeType(); // Optional[BIND]
 * }</pre>
 *
 * @param key   {@code rootfs} or {@code mpN}
 * @param value the property string, with the {@code rootfs} or {@code mpN} format
 */
public record MountPoint(String key, PropertyString value) {

    /** What the volume of a mount point is, decided from its text as Proxmox does. */
    public enum VolumeType {
        /** {@code storage:volname}: a volume on a Proxmox storage. */
        VOLUME,
        /** An absolute path: a host directory bind-mounted into the container. */
        BIND,
        /** A path under {@code /dev/}: a host block device. */
        DEVICE
    }

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the key is not {@code rootfs} or {@code mp0}-{@code mp255}
     */
    public MountPoint {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (!key.equals("rootfs") && (!key.startsWith("mp") || OptionSchema.proxmox().option(key).isEmpty())) {
            throw new IllegalArgumentException("'" + key + "' is not rootfs or a Proxmox mount point mp0-mp255");
        }
    }

    /**
     * Reads a {@code rootfs} or {@code mpN} value. Never throws for any text.
     *
     * @param key  {@code rootfs} or {@code mpN}
     * @param text the value as written
     * @return the mount point
     * @throws IllegalArgumentException if the key is not a mount-point option
     */
    public static MountPoint parse(String key, String text) {
        Objects.requireNonNull(key, "key");
        if (!key.equals("rootfs") && !key.startsWith("mp")) {
            throw new IllegalArgumentException("'" + key + "' is not rootfs or a Proxmox mount point mp0-mp255");
        }
        return new MountPoint(key, PropertyString.parse(text, Fields.format(key)));
    }

    /**
     * Returns whether this is the root file system.
     *
     * @return {@code true} for {@code rootfs}
     */
    public boolean isRootfs() {
        return key.equals("rootfs");
    }

    /**
     * Returns the N of {@code mpN}.
     *
     * @return the index, or empty for rootfs
     */
    public Optional<Integer> index() {
        return isRootfs() ? Optional.empty() : Optional.of(Integer.parseInt(key.substring(2)));
    }

    /**
     * Returns the volume: {@code storage:volname}, a host directory or a host device (the default key).
     *
     * @return the volume as written
     */
    public Optional<String> volume() {
        return value.get("volume");
    }

    /**
     * Returns what the volume is: a device ({@code /dev/...}), a bind mount ({@code /...}) or a storage volume.
     *
     * @return the type, or empty when there is no volume
     */
    public Optional<VolumeType> volumeType() {
        return volume().map(v -> v.startsWith("/dev/") ? VolumeType.DEVICE
                : v.startsWith("/") ? VolumeType.BIND : VolumeType.VOLUME);
    }

    /**
     * Returns the storage of a storage volume ({@code local-lvm} of {@code local-lvm:vm-100-disk-0}).
     *
     * @return the storage id, or empty for bind and device mounts
     */
    public Optional<String> storage() {
        return volumeType().filter(t -> t == VolumeType.VOLUME).flatMap(t -> Checks.storageOf(volume().orElseThrow()));
    }

    /**
     * Returns the mount path inside the container: {@code /} for rootfs, {@code mp=} for a mount point.
     *
     * @return the path, or empty when a mount point has no {@code mp=}
     */
    public Optional<String> path() {
        return isRootfs() ? Optional.of("/") : value.get("mp");
    }

    /**
     * Returns the size ({@code size=8G}); informational, kept up to date by {@code pct rescan}.
     *
     * @return the size, or empty when unset or not a size
     */
    public Optional<DiskSize> size() {
        return value.get("size").flatMap(DiskSize::parse);
    }

    /**
     * Returns the {@code acl} setting; unset means the file system's default.
     *
     * @return the flag, or empty when unset or not a boolean
     */
    public Optional<Boolean> acl() {
        return Fields.optionalFlag(value, "acl");
    }

    /**
     * Returns the {@code backup} flag (default off); see {@link #includedInBackup()} for what vzdump does.
     *
     * @return the flag
     */
    public boolean backup() {
        return Fields.flag(value, "backup");
    }

    /**
     * Returns whether vzdump backs this up: always for rootfs; for a mount point only a storage
     * volume with {@code backup=1} (bind and device mounts never).
     *
     * @return whether it is in backups
     */
    public boolean includedInBackup() {
        return isRootfs() || (volumeType().filter(t -> t == VolumeType.VOLUME).isPresent() && backup());
    }

    /**
     * Returns the {@code quota} flag (default off).
     *
     * @return the flag
     */
    public boolean quota() {
        return Fields.flag(value, "quota");
    }

    /**
     * Returns the {@code replicate} flag; the table's default is on.
     *
     * @return the flag
     */
    public boolean replicate() {
        return Fields.flag(value, "replicate");
    }

    /**
     * Returns the {@code ro} flag (default off).
     *
     * @return whether it is mounted read-only
     */
    public boolean readOnly() {
        return Fields.flag(value, "ro");
    }

    /**
     * Returns the {@code shared} flag (default off).
     *
     * @return the flag
     */
    public boolean shared() {
        return Fields.flag(value, "shared");
    }

    /**
     * Returns the {@code keepattrs} flag (default off).
     *
     * @return the flag
     */
    public boolean keepAttributes() {
        return Fields.flag(value, "keepattrs");
    }

    /**
     * Returns the mount options ({@code mountoptions=noatime;nodev}).
     *
     * @return the options, empty when unset
     */
    public List<String> mountOptions() {
        return Fields.list(value, "mountoptions");
    }

    /**
     * Returns the per-mount-point id map ({@code idmap=}).
     *
     * @return the map as written
     */
    public Optional<String> idmap() {
        return value.get("idmap");
    }

    /**
     * Returns what Proxmox reports when it reads this value, messages as in its warnings;
     * positions are counted in the value (source {@code "<string>"}, line 1).
     *
     * @return the diagnostics, empty for a valid value
     */
    public List<Diagnostic> diagnostics() {
        return Reports.prefixed(value.diagnostics(), key);
    }

    /**
     * Returns a copy with one field set; every other field keeps its text and place.
     *
     * @param subKey the field, such as {@code size}
     * @param newValue its value
     * @return the changed mount point
     * @throws IllegalArgumentException if the value holds a comma or line break, or is empty
     */
    public MountPoint with(String subKey, String newValue) {
        PropertyString changed = value.with(subKey, newValue);
        return changed == value ? this : new MountPoint(key, changed);
    }

    /**
     * Returns a copy without one field; every other field keeps its text and place.
     *
     * @param subKey the field
     * @return the changed mount point
     */
    public MountPoint without(String subKey) {
        PropertyString changed = value.without(subKey);
        return changed == value ? this : new MountPoint(key, changed);
    }
}
