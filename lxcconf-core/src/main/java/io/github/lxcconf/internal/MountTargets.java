package io.github.lxcconf.internal;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.model.MountEntry;
import io.github.lxcconf.model.MountPlacement;
import io.github.lxcconf.model.RootFs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place validate() and explain() learn where a config's mount entry lands: {@link MountPlacement} with
 * the root filesystem the container starts with. A native config's own {@code lxc.rootfs.path}; for a Proxmox
 * config the path {@code pct start} writes, {@code /var/lib/lxc/VMID/rootfs}, when the file name gives the VMID.
 */
public final class MountTargets {
    private static final Pattern VMID = Pattern.compile("(?:.*/)?([0-9]+)\\.conf");

    private MountTargets() {
    }

    /**
     * Returns where an entry of this config is mounted.
     *
     * @param config the config
     * @param entry  one of its mount entries
     * @return the placement
     */
    public static MountPlacement placement(LxcConfig config, MountEntry entry) {
        return MountPlacement.of(entry, rootfs(config));
    }

    /**
     * Returns the root filesystem the container starts with, as far as the config tells.
     *
     * @param config the config
     * @return the root filesystem, or empty when the config sets none
     */
    public static Optional<RootFs> rootfs(LxcConfig config) {
        Optional<RootFs> own = config.lxc().rootfs();
        if (own.isPresent() || config.dialect() != Dialect.PROXMOX) {
            return own;
        }
        Matcher m = VMID.matcher(config.sourceName());
        return m.matches() ? Optional.of(RootFs.parse("/var/lib/lxc/" + m.group(1) + "/rootfs")) : Optional.empty();
    }
}
