package io.github.lxcconf.validate;

import java.nio.file.Path;
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
 * @param includeBase where relative {@code lxc.include} paths start; when present, includes are resolved
 *                    and a missing included file is an error, as liblxc refuses it at load, and a native
 *                    config is validated with every file it includes read where its include line stands, each
 *                    problem of an included file reported at that file's line; empty: includes are not followed
 */
public record ValidationOptions(LxcVersion version, Optional<Boolean> cgroup2Host, Optional<Path> includeBase) {

    /** Checks the components. */
    public ValidationOptions {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(cgroup2Host, "cgroup2Host");
        Objects.requireNonNull(includeBase, "includeBase");
    }

    /**
     * Returns the defaults: LXC 6.0 LTS, cgroup2 host for Proxmox configs.
     *
     * @return the default options
     */
    public static ValidationOptions defaults() {
        return new ValidationOptions(LxcVersion.V6_0, Optional.empty(), Optional.empty());
    }

    /**
     * Returns these options with another liblxc release line.
     *
     * @param newVersion the release line
     * @return new options
     */
    public ValidationOptions withVersion(LxcVersion newVersion) {
        return new ValidationOptions(newVersion, cgroup2Host, includeBase);
    }

    /**
     * Returns these options with the host's cgroup layout stated.
     *
     * @param pureCgroup2 true for a cgroup2-only host (Proxmox VE 7 and later, current distributions)
     * @return new options
     */
    public ValidationOptions withCgroup2Host(boolean pureCgroup2) {
        return new ValidationOptions(version, Optional.of(pureCgroup2), includeBase);
    }

    /**
     * Returns these options with {@code lxc.include} lines followed, relative paths starting at
     * {@code base} (liblxc uses the working directory of the process that loads the config).
     *
     * <pre>{@code
     * config.validate(ValidationOptions.defaults().withIncludesFrom(Path.of("/var/lib/lxc/web1")));
     * }</pre>
     *
     * @param base the directory relative include paths start from
     * @return new options
     */
    public ValidationOptions withIncludesFrom(Path base) {
        return new ValidationOptions(version, cgroup2Host, Optional.of(Objects.requireNonNull(base, "base")));
    }
}
