package io.github.lxcconf.validate;

import java.util.Objects;
import java.util.Optional;

/**
 * What a config is validated against: the liblxc release line and whether the host runs cgroup2 only.
 *
 * <pre>{@code
 * ValidationOptions options = ValidationOptions.defaults().withVersion(LxcVersion.V7_0).withCgroup2Host(false);
 * config.validate(options);
 * }</pre>
 *
 * @param version     the liblxc release line; {@link LxcVersion#V6_0} by default
 * @param cgroup2Host whether the host has a pure cgroup2 hierarchy; empty means "true for Proxmox configs,
 *                    unknown (no warning) for native LXC configs"
 */
public record ValidationOptions(LxcVersion version, Optional<Boolean> cgroup2Host) {

    /** Checks the components. */
    public ValidationOptions {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(cgroup2Host, "cgroup2Host");
    }

    /**
     * Returns the defaults: LXC 6.0 LTS, cgroup2 host for Proxmox configs.
     *
     * @return the default options
     */
    public static ValidationOptions defaults() {
        return new ValidationOptions(LxcVersion.V6_0, Optional.empty());
    }

    /**
     * Returns these options with another liblxc release line.
     *
     * @param newVersion the release line
     * @return new options
     */
    public ValidationOptions withVersion(LxcVersion newVersion) {
        return new ValidationOptions(newVersion, cgroup2Host);
    }

    /**
     * Returns these options with the host's cgroup layout stated.
     *
     * @param pureCgroup2 true for a cgroup2-only host (Proxmox VE 7 and later, current distributions)
     * @return new options
     */
    public ValidationOptions withCgroup2Host(boolean pureCgroup2) {
        return new ValidationOptions(version, Optional.of(pureCgroup2));
    }
}
