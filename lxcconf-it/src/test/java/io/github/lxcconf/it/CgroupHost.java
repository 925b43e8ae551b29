package io.github.lxcconf.it;

/**
 * The cgroup layout a test container runs on: this machine as it is, or a pure cgroup2 host made in a
 * private mount namespace.
 */
public enum CgroupHost {
    /** cgroup v1 controllers (devices, memory, pids, ...) with cgroup2 at {@code /sys/fs/cgroup/unified}. */
    HYBRID,
    /**
     * Only cgroup2, mounted at {@code /sys/fs/cgroup} inside {@code unshare -m}: liblxc sees a pure cgroup2
     * host and logs "Ignoring legacy cgroup limits on pure cgroup2 system".
     */
    CGROUP2,
    /**
     * Only the cgroup v1 hierarchies: this machine with {@code /sys/fs/cgroup/unified} unmounted inside
     * {@code unshare -m}, so liblxc finds no cgroup2 hierarchy at all.
     */
    CGROUP1
}
