package io.github.lxcconf.device;

/**
 * The cgroup layout of the host a container starts on: it decides which device keys liblxc applies.
 *
 * <pre>{@code
 * DevicePolicy.of(config).decide(HostLayout.CGROUP2, KnownDevice.KVM, DeviceAccess.parse("rw").orElseThrow());
 * }</pre>
 */
public enum HostLayout {
    /**
     * A pure cgroup2 host (Proxmox VE 7 and later, Debian 11 and later, current distributions): liblxc turns
     * the {@code lxc.cgroup2.devices.*} lines into an eBPF device program and ignores every
     * {@code lxc.cgroup.*} line ("Ignoring legacy cgroup limits on pure cgroup2 system").
     */
    CGROUP2("a pure cgroup2 host"),
    /**
     * A hybrid host: cgroup v1 controllers, the {@code devices} controller among them, with cgroup2 mounted
     * beside them (at {@code /sys/fs/cgroup/unified}). The kernel's v1 device controller applies the
     * {@code lxc.cgroup.devices.*} lines; liblxc ignores every {@code lxc.cgroup2.*} line ("Ignoring cgroup2
     * limits on legacy cgroup system").
     */
    HYBRID("a hybrid host with a cgroup v1 devices controller"),
    /** A cgroup v1 host: as {@link #HYBRID} for devices. */
    CGROUP1("a cgroup v1 host");

    private final String description;

    HostLayout(String description) {
        this.description = description;
    }

    /**
     * Returns whether this host applies the {@code lxc.cgroup2.devices.*} lines (and not the v1 ones).
     *
     * <pre>{@code
     * HostLayout.HYBRID.appliesCgroup2Devices(); // false
     * }</pre>
     *
     * @return {@code true} for {@link #CGROUP2}
     */
    public boolean appliesCgroup2Devices() {
        return this == CGROUP2;
    }

    /**
     * Returns the layout in words: {@code "a pure cgroup2 host"}.
     *
     * @return the description
     */
    public String description() {
        return description;
    }
}
