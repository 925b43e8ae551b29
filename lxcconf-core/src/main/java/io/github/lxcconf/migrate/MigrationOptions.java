package io.github.lxcconf.migrate;

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
 */
public record MigrationOptions(boolean legacyKeys, boolean cgroup2, boolean proxmoxDevices, boolean widening) {

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
        return new MigrationOptions(on, cgroup2, proxmoxDevices, widening);
    }

    /**
     * Returns a copy with the cgroup v1 to cgroup2 migration on or off.
     *
     * @param on whether to run it
     * @return the new options
     */
    public MigrationOptions withCgroup2(boolean on) {
        return new MigrationOptions(legacyKeys, on, proxmoxDevices, widening);
    }

    /**
     * Returns a copy with the Proxmox {@code devN} migration on or off.
     *
     * @param on whether to run it
     * @return the new options
     */
    public MigrationOptions withProxmoxDevices(boolean on) {
        return new MigrationOptions(legacyKeys, cgroup2, on, widening);
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
        return new MigrationOptions(legacyKeys, cgroup2, proxmoxDevices, on);
    }
}
