package io.github.lxcconf.model;

/**
 * The cgroup version a device rule is written for: {@code lxc.cgroup.devices.*}
 * (v1, legacy and hybrid hosts; ignored on pure cgroup2 hosts since LXC 4.0.2,
 * refused by LXC 7) or {@code lxc.cgroup2.devices.*} (v2, Proxmox VE 7 and later).
 *
 * <pre>{@code
 * CgroupVersion.V2.key(true);   // "lxc.cgroup2.devices.allow"
 * }</pre>
 */
public enum CgroupVersion {
    /** cgroup v1: {@code lxc.cgroup.devices.allow} and {@code lxc.cgroup.devices.deny}. */
    V1("lxc.cgroup"),
    /** cgroup v2: {@code lxc.cgroup2.devices.allow} and {@code lxc.cgroup2.devices.deny}. */
    V2("lxc.cgroup2");

    private final String prefix;

    CgroupVersion(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Returns the key prefix of this version's settings.
     *
     * <pre>{@code
     * CgroupVersion.V1.prefix(); // "lxc.cgroup"
     * }</pre>
     *
     * @return {@code "lxc.cgroup"} or {@code "lxc.cgroup2"}
     */
    public String prefix() {
        return prefix;
    }

    /**
     * Returns the key of this version's allow or deny list.
     *
     * <pre>{@code
     * CgroupVersion.V1.key(false); // "lxc.cgroup.devices.deny"
     * }</pre>
     *
     * @param allow {@code true} for {@code devices.allow}, {@code false} for {@code devices.deny}
     * @return the key
     */
    public String key(boolean allow) {
        return prefix + (allow ? ".devices.allow" : ".devices.deny");
    }
}
