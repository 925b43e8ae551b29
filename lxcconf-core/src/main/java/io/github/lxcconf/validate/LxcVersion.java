package io.github.lxcconf.validate;

/**
 * The liblxc release line a config is validated against; the lines differ in the keys they accept.
 *
 * <pre>{@code
 * config.validate(ValidationOptions.defaults().withVersion(LxcVersion.V7_0));
 * }</pre>
 */
public enum LxcVersion {
    /** LXC 5.0 LTS: {@code lxc.cgroup.*} (v1) accepted, no {@code lxc.environment.runtime}. */
    V5_0(5),
    /** LXC 6.0 LTS, the default (what Proxmox VE and the distributions ship); same keys as 5.0. */
    V6_0(6),
    /** LXC 7.0: {@code lxc.cgroup.*} (v1) refused, {@code lxc.environment.runtime} and {@code .hooks} added. */
    V7_0(7);

    private final int major;

    LxcVersion(int major) {
        this.major = major;
    }

    /**
     * Returns the major version number.
     *
     * @return 5, 6 or 7
     */
    public int major() {
        return major;
    }

    /**
     * Tells whether this release still reads {@code lxc.cgroup.*} (cgroup v1) keys.
     *
     * @return true up to 6.x
     */
    public boolean acceptsCgroupV1Keys() {
        return major < 7;
    }

    /**
     * Tells whether a key whose catalogue entry says "since {@code since}" exists in this release.
     *
     * @param since the since-version text of the catalogue, such as {@code 7.0.0} or {@code 2.1.0 (was ...)}
     * @return false only when the key appeared in a later major release
     */
    public boolean has(String since) {
        // asked for every line: the leading number read in place, without a substring
        int i = 0;
        int n = since.length();
        while (i < n && Character.isWhitespace(since.charAt(i))) {
            i++;
        }
        long value = 0;
        int digits = 0;
        while (i < n && since.charAt(i) >= '0' && since.charAt(i) <= '9' && digits < 10) {
            value = value * 10 + (since.charAt(i) - '0');
            i++;
            digits++;
        }
        if (digits == 0) {
            return true;
        }
        return value <= major;
    }
}
