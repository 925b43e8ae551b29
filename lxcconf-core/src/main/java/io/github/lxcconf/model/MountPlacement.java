package io.github.lxcconf.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where LXC mounts an {@code lxc.mount.entry} when the container starts, decided as liblxc 5.0's
 * {@code mount_file_entries} does: a relative target is mounted under the container's root filesystem; an
 * absolute target, when the container has a root filesystem, is looked up for the {@code lxc.rootfs.path} path
 * anywhere in it ({@code strstr}) and mounted at what follows that path inside the container, or skipped with
 * the warning "Ignoring mount point" when the target does not contain it; without a root filesystem every
 * target is a path on the host.
 *
 * <pre>{@code
 * RootFs rootfs = RootFs.parse("dir:/var/lib/lxc/web/rootfs");
 * MountPlacement.of(MountEntry.bind("/srv", "/var/lib/lxc/web/rootfs/mnt"), Optional.of(rootfs));
 * // MountPlacement[kind=INSIDE_ROOTFS, containerPath=Optional[/mnt]]
 * MountPlacement.of(MountEntry.bind("/srv", "/mnt"), Optional.of(rootfs)).kind(); // IGNORED
 * }</pre>
 *
 * <p>liblxc also accepts a target that contains {@code LXCPATH/NAME/rootfs} (the global {@code lxc.lxcpath}
 * and the container's name), which a config file alone does not tell; for the usual
 * {@code lxc.rootfs.path = dir:/var/lib/lxc/NAME/rootfs} it is the same path.
 *
 * @param kind          how the target is taken
 * @param containerPath the path inside the container the entry is mounted at, where that is known
 */
public record MountPlacement(Kind kind, Optional<String> containerPath) {

    /** How the target of a mount entry is taken. */
    public enum Kind {
        /** A relative target: mounted at that path under the container's root filesystem. */
        RELATIVE,
        /** An absolute target that contains the rootfs path: mounted at what follows it, inside the container. */
        INSIDE_ROOTFS,
        /** An absolute target that does not contain the rootfs path: LXC skips the entry ("Ignoring mount point"). */
        IGNORED,
        /**
         * An absolute target in a config that sets no {@code lxc.rootfs.path}: a path on the host for a container
         * without a root filesystem of its own; skipped where the root filesystem is set elsewhere (an including
         * file, Proxmox) and the target does not contain its path.
         */
        NO_ROOTFS
    }

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public MountPlacement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(containerPath, "containerPath");
    }

    /**
     * Decides where an entry is mounted.
     *
     * @param entry  the mount entry
     * @param rootfs the container's {@code lxc.rootfs.path} as liblxc holds it after the whole config, if set
     * @return the placement
     */
    public static MountPlacement of(MountEntry entry, Optional<RootFs> rootfs) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(rootfs, "rootfs");
        String target = entry.target();
        if (!entry.isTargetAbsolute()) {
            return new MountPlacement(Kind.RELATIVE, Optional.of("/" + target));
        }
        if (rootfs.isEmpty()) {
            return new MountPlacement(Kind.NO_ROOTFS, Optional.empty());
        }
        String path = rootfs.get().path();
        int at = target.indexOf(path);
        if (at < 0) {
            return new MountPlacement(Kind.IGNORED, Optional.empty());
        }
        String rest = target.substring(at + path.length()).replaceFirst("^/+", "");
        return new MountPlacement(Kind.INSIDE_ROOTFS, Optional.of("/" + rest));
    }
}
