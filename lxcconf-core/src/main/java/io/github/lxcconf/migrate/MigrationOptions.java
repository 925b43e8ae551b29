package io.github.lxcconf.migrate;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which migrations to run. {@link #all()} runs every one; turn some off with the {@code with} methods.
 *
 * <pre>{@code
 * config.migrate(MigrationOptions.all().withProxmoxDevices(false)); // keep raw device lines
 * }</pre>
 *
 * @param legacyKeys     rename keys LXC 3.0 and later refuse ({@code lxc.network.*}, {@code lxc.utsname}, ...)
 * @param cgroup2        translate {@code lxc.cgroup.*} (cgroup v1) lines to {@code lxc.cgroup2.*}
 * @param proxmoxDevices turn raw device passthrough lines of a Proxmox config into {@code devN} options
 * @param widening       apply the device migrations even when they let the container use devices on a cgroup2
 *                       host that the config as it stands does not (off by default: see {@link Migration})
 * @param includeBase    where relative {@code lxc.include} paths start; when present, a legacy
 *                       {@code lxc.network.*} interface is numbered above every {@code lxc.net.N} interface of the
 *                       files the config includes too (liblxc would merge two interfaces of one number, and one
 *                       would be lost); empty: above those of the config itself
 */
public record MigrationOptions(boolean legacyKeys, boolean cgroup2, boolean proxmoxDevices, boolean widening,
                               Optional<Path> includeBase) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if includeBase is null
     */
    public MigrationOptions {
        Objects.requireNonNull(includeBase, "includeBase");
    }

    /**
     * Returns options that do not follow {@code lxc.include} lines.
     *
     * @param legacyKeys     rename keys LXC 3.0 and later refuse
     * @param cgroup2        translate cgroup v1 lines to cgroup2
     * @param proxmoxDevices turn raw device passthrough lines of a Proxmox config into {@code devN} options
     * @param widening       apply device migrations that widen access
     */
    public MigrationOptions(boolean legacyKeys, boolean cgroup2, boolean proxmoxDevices, boolean widening) {
        this(legacyKeys, cgroup2, proxmoxDevices, widening, Optional.empty());
    }

    /**
     * Returns the options that run every migration, without widening device access.
     *
     * @return all migrations on, widening off
     */
    public static MigrationOptions all() {
        return new MigrationOptions(true, true, true, false);
    }

    /**
     * Returns a copy with the legacy-key migration on or off.
     *
     * @param on whether to run it
     * @return the new options
     */
    public MigrationOptions withLegacyKeys(boolean on) {
        return new MigrationOptions(on, cgroup2, proxmoxDevices, widening, includeBase);
    }

    /**
     * Returns a copy with the cgroup v1 to cgroup2 migration on or off.
     *
     * @param on whether to run it
     * @return the new options
     */
    public MigrationOptions withCgroup2(boolean on) {
        return new MigrationOptions(legacyKeys, on, proxmoxDevices, widening, includeBase);
    }

    /**
     * Returns a copy with the Proxmox {@code devN} migration on or off.
     *
     * @param on whether to run it
     * @return the new options
     */
    public MigrationOptions withProxmoxDevices(boolean on) {
        return new MigrationOptions(legacyKeys, cgroup2, on, widening, includeBase);
    }

    /**
     * Returns a copy that applies (or not) device migrations that let the container use more devices on a
     * cgroup2 host than the config as it stands does.
     *
     * <pre>{@code
     * config.migrate(MigrationOptions.all().withWidening(true)); // the teacher wants /dev/kvm to work
     * }</pre>
     *
     * @param on whether to apply widening device migrations
     * @return the new options
     */
    public MigrationOptions withWidening(boolean on) {
        return new MigrationOptions(legacyKeys, cgroup2, proxmoxDevices, on, includeBase);
    }

    /**
     * Returns a copy that numbers new network interfaces above those of the included files too, relative include
     * paths starting at {@code base} (liblxc uses the working directory of the process that loads the config).
     *
     * <pre>{@code
     * // common.conf defines lxc.net.0; the config's legacy lxc.network.* block becomes lxc.net.1, not lxc.net.0
     * config.migrate(MigrationOptions.all().withIncludesFrom(Path.of("/var/lib/lxc/web1")));
     * }</pre>
     *
     * @param base the directory relative include paths start from
     * @return the new options
     */
    public MigrationOptions withIncludesFrom(Path base) {
        return new MigrationOptions(legacyKeys, cgroup2, proxmoxDevices, widening,
                Optional.of(Objects.requireNonNull(base, "base")));
    }
}
