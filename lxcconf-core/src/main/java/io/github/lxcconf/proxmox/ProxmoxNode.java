package io.github.lxcconf.proxmox;

import io.github.lxcconf.device.HostLayout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The facts of a Proxmox VE node that decide the native config {@code pct start} generates: the cgroup layout,
 * the lxc version, the CPUs of the {@code lxc} cgroup, the bridges and their MTUs, the device nodes, the
 * datacenter's {@code mac_prefix} and the kernel release; plus how the start is asked for (the VMID of a file
 * whose name does not give one, {@code --skiplock}, the seed of the random picks). Immutable; build one with
 * {@link #builder()}.
 *
 * <p>{@link #defaults()} is the node the Proxmox start corpus was made on: cgroup2, lxc 6.0.5, kernel 6.14,
 * 16 CPUs ({@code 0-15}), every bridge present with MTU 1500, the device table {@link DeviceLookup#simulatedNode()},
 * an empty {@code datacenter.cfg}, VMID 100 for a file not named {@code <digits>.conf}, seed 0.
 *
 * <pre>{@code
 * ProxmoxNode node = ProxmoxNode.builder()
 *         .cpus(8)
 *         .bridge("vmbr0", 9000)
 *         .macPrefix("02:00:00")
 *         .seed(42)
 *         .build();
 * StartConfig start = config.startConfig(node);
 * }</pre>
 */
public final class ProxmoxNode {
    private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?.*");
    private static final Pattern MAC_PREFIX = Pattern.compile("[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){0,4}:?");
    private static final ProxmoxNode DEFAULTS = builder().build();

    private final HostLayout cgroupLayout;
    private final String lxcVersion;
    private final String kernelRelease;
    private final SortedSet<Integer> cpuset;
    private final Map<String, Integer> bridges;
    private final OptionalInt anyBridgeMtu;
    private final DeviceLookup devices;
    private final Optional<String> macPrefix;
    private final int vmid;
    private final boolean skipLock;
    private final long seed;

    private ProxmoxNode(Builder b) {
        this.cgroupLayout = b.cgroupLayout;
        this.lxcVersion = b.lxcVersion;
        this.kernelRelease = b.kernelRelease;
        this.cpuset = Collections.unmodifiableSortedSet(new TreeSet<>(b.cpuset));
        this.bridges = Collections.unmodifiableMap(new LinkedHashMap<>(b.bridges));
        this.anyBridgeMtu = b.anyBridgeMtu;
        this.devices = b.devices;
        this.macPrefix = b.macPrefix;
        this.vmid = b.vmid;
        this.skipLock = b.skipLock;
        this.seed = b.seed;
    }

    /**
     * Returns the node of the Proxmox start corpus (see the class comment).
     *
     * @return the default node
     */
    public static ProxmoxNode defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder that starts from {@link #defaults()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder that starts from this node's facts.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cgroupLayout = cgroupLayout;
        b.lxcVersion = lxcVersion;
        b.kernelRelease = kernelRelease;
        b.cpuset = new TreeSet<>(cpuset);
        b.bridges = new LinkedHashMap<>(bridges);
        b.anyBridgeMtu = anyBridgeMtu;
        b.devices = devices;
        b.macPrefix = macPrefix;
        b.vmid = vmid;
        b.skipLock = skipLock;
        b.seed = seed;
        return b;
    }

    /**
     * Returns the cgroup layout: {@link HostLayout#CGROUP2} (Proxmox VE 7 and later) writes
     * {@code lxc.cgroup2.*} limits; {@link HostLayout#HYBRID} and {@link HostLayout#CGROUP1} write no memory or
     * CPU limits (pve-container 6 dropped cgroup v1 support), the v1 console deny line and
     * {@code lxc.cgroup.cpuset.cpus}.
     *
     * @return the layout
     */
    public HostLayout cgroupLayout() {
        return cgroupLayout;
    }

    /**
     * Returns the lxc version, as {@code lxc-start --version} prints it.
     *
     * @return the version, e.g. {@code 6.0.5}
     */
    public String lxcVersion() {
        return lxcVersion;
    }

    /**
     * Returns the major number of {@link #lxcVersion()}.
     *
     * @return the major version
     */
    public int lxcMajor() {
        return Integer.parseInt(VERSION.matcher(lxcVersion).replaceFirst("$1"));
    }

    /**
     * Returns the kernel release ({@code uname -r}); only {@code features: mknod=1} checks it (5.3 or later).
     *
     * @return the release, e.g. {@code 6.14.8-2-pve}
     */
    public String kernelRelease() {
        return kernelRelease;
    }

    /**
     * Returns the CPUs of the {@code lxc} cgroup ({@code cpuset.cpus.effective}), from which {@code cores: N}
     * picks N at random.
     *
     * @return the CPU numbers, ascending
     */
    public SortedSet<Integer> cpuset() {
        return cpuset;
    }

    /**
     * Returns the MTU of a bridge.
     *
     * @param bridge the bridge's name
     * @return its MTU, or empty when the node has no such bridge
     */
    public OptionalInt bridgeMtu(String bridge) {
        Objects.requireNonNull(bridge, "bridge");
        Integer mtu = bridges.get(bridge);
        if (mtu != null) {
            return OptionalInt.of(mtu);
        }
        return anyBridgeMtu;
    }

    /**
     * Returns the device nodes of the host.
     *
     * @return the lookup
     */
    public DeviceLookup devices() {
        return devices;
    }

    /**
     * Returns the datacenter's {@code mac_prefix}, the start of a MAC Proxmox picks for a {@code netN} without
     * {@code hwaddr}.
     *
     * @return the prefix; empty for a fully random locally administered address
     */
    public Optional<String> macPrefix() {
        return macPrefix;
    }

    /**
     * Returns the VMID of a config whose file name is not {@code <digits>.conf} (the name's number wins).
     *
     * @return the VMID
     */
    public int vmid() {
        return vmid;
    }

    /**
     * Returns whether the start is asked with {@code --skiplock}: a locked CT starts (plain {@code pct start}
     * refuses it, {@code CT is locked (backup)}).
     *
     * @return {@code true} for {@code --skiplock}
     */
    public boolean skipLock() {
        return skipLock;
    }

    /**
     * Returns the seed of the random picks (the CPUs of {@code cores}, a missing {@code hwaddr}): the same seed
     * gives the same file.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return "ProxmoxNode[" + cgroupLayout + ", lxc " + lxcVersion + ", kernel " + kernelRelease + ", cpus "
                + cpuset.size() + ", bridges " + bridges + (anyBridgeMtu.isPresent() ? " (any: MTU "
                + anyBridgeMtu.getAsInt() + ")" : "") + ", mac_prefix " + macPrefix.orElse("-") + ", vmid " + vmid
                + (skipLock ? ", skiplock" : "") + ", seed " + seed + "]";
    }

    /**
     * Builds a {@link ProxmoxNode}; every setter replaces the default of {@link ProxmoxNode#defaults()}.
     *
     * <pre>{@code
     * ProxmoxNode.builder().cgroupLayout(HostLayout.HYBRID).lxcVersion("5.0.2").build();
     * }</pre>
     */
    public static final class Builder {
        private HostLayout cgroupLayout = HostLayout.CGROUP2;
        private String lxcVersion = "6.0.5";
        private String kernelRelease = "6.14.8-2-pve";
        private SortedSet<Integer> cpuset = range(16);
        private Map<String, Integer> bridges = new LinkedHashMap<>();
        private OptionalInt anyBridgeMtu = OptionalInt.of(1500);
        private DeviceLookup devices = DeviceLookup.simulatedNode();
        private Optional<String> macPrefix = Optional.of("BC:24:11");
        private int vmid = 100;
        private boolean skipLock;
        private long seed;

        private Builder() {
        }

        private static SortedSet<Integer> range(int count) {
            SortedSet<Integer> set = new TreeSet<>();
            for (int i = 0; i < count; i++) {
                set.add(i);
            }
            return set;
        }

        /**
         * Sets the cgroup layout.
         *
         * @param layout the layout
         * @return this builder
         */
        public Builder cgroupLayout(HostLayout layout) {
            this.cgroupLayout = Objects.requireNonNull(layout, "layout");
            return this;
        }

        /**
         * Sets the lxc version.
         *
         * @param version as {@code lxc-start --version} prints it, e.g. {@code 5.0.2}
         * @return this builder
         * @throws IllegalArgumentException if the version does not start with a number
         */
        public Builder lxcVersion(String version) {
            Objects.requireNonNull(version, "version");
            if (!VERSION.matcher(version).matches()) {
                throw new IllegalArgumentException("lxc version does not start with a number: '" + version + "'");
            }
            this.lxcVersion = version;
            return this;
        }

        /**
         * Sets the kernel release.
         *
         * @param release as {@code uname -r} prints it
         * @return this builder
         * @throws IllegalArgumentException if the release does not start with a number
         */
        public Builder kernelRelease(String release) {
            Objects.requireNonNull(release, "release");
            if (!VERSION.matcher(release).matches()) {
                throw new IllegalArgumentException("kernel release does not start with a number: '" + release + "'");
            }
            this.kernelRelease = release;
            return this;
        }

        /**
         * Sets the CPUs to {@code 0} to {@code count - 1}.
         *
         * @param count the number of CPUs
         * @return this builder
         * @throws IllegalArgumentException if the count is not positive
         */
        public Builder cpus(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("a node has at least one CPU, got " + count);
            }
            this.cpuset = range(count);
            return this;
        }

        /**
         * Sets the CPUs from a cpuset list as the kernel writes it ({@code 0-3,8-11}).
         *
         * @param list the list
         * @return this builder
         * @throws IllegalArgumentException if the list cannot be read or is empty
         */
        public Builder cpuset(String list) {
            Objects.requireNonNull(list, "list");
            SortedSet<Integer> set = new TreeSet<>();
            for (String part : list.strip().split(",")) {
                String[] ends = part.split("-", -1);
                try {
                    int from = Integer.parseInt(ends[0].strip());
                    int to = ends.length == 2 ? Integer.parseInt(ends[1].strip()) : from;
                    if (ends.length > 2 || from < 0 || to < from || to - from > 65536) {
                        throw new NumberFormatException();
                    }
                    for (int cpu = from; cpu <= to; cpu++) {
                        set.add(cpu);
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("cannot read cpuset '" + list + "' at '" + part + "'");
                }
            }
            this.cpuset = set;
            return this;
        }

        /**
         * Adds a bridge with its MTU.
         *
         * @param name the bridge
         * @param mtu  its MTU
         * @return this builder
         * @throws IllegalArgumentException if the MTU is not positive
         */
        public Builder bridge(String name, int mtu) {
            Objects.requireNonNull(name, "name");
            if (mtu < 1) {
                throw new IllegalArgumentException("an MTU is positive, got " + mtu);
            }
            bridges.put(name, mtu);
            return this;
        }

        /**
         * Sets the MTU of every bridge not added by {@link #bridge(String, int)} (the default: every bridge
         * exists, MTU 1500).
         *
         * @param mtu the MTU
         * @return this builder
         */
        public Builder anyBridgeMtu(int mtu) {
            if (mtu < 1) {
                throw new IllegalArgumentException("an MTU is positive, got " + mtu);
            }
            this.anyBridgeMtu = OptionalInt.of(mtu);
            return this;
        }

        /**
         * Makes the bridges added by {@link #bridge(String, int)} the only ones: Proxmox refuses a {@code netN}
         * on any other ({@code bridge 'vmbr9' does not exist}).
         *
         * @return this builder
         */
        public Builder onlyListedBridges() {
            this.anyBridgeMtu = OptionalInt.empty();
            return this;
        }

        /**
         * Sets the device nodes.
         *
         * @param lookup the lookup, e.g. {@link DeviceLookup#table(String)}
         * @return this builder
         */
        public Builder devices(DeviceLookup lookup) {
            this.devices = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /**
         * Sets the datacenter's {@code mac_prefix}.
         *
         * @param prefix one to five hex octets, e.g. {@code BC:24:11}
         * @return this builder
         * @throws IllegalArgumentException if the prefix is not hex octets
         */
        public Builder macPrefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            if (!MAC_PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException("a MAC prefix is hex octets like BC:24:11, got '" + prefix + "'");
            }
            this.macPrefix = Optional.of(prefix);
            return this;
        }

        /**
         * Sets no {@code mac_prefix}: a picked MAC is random but for its locally-administered unicast bits.
         *
         * @return this builder
         */
        public Builder noMacPrefix() {
            this.macPrefix = Optional.empty();
            return this;
        }

        /**
         * Sets the VMID of a config whose file name is not {@code <digits>.conf}.
         *
         * @param vmid the VMID, 100 to 999999999
         * @return this builder
         * @throws IllegalArgumentException outside that range
         */
        public Builder vmid(int vmid) {
            if (vmid < 100 || vmid > 999_999_999) {
                throw new IllegalArgumentException("a VMID is 100 to 999999999, got " + vmid);
            }
            this.vmid = vmid;
            return this;
        }

        /**
         * Sets whether to start as {@code pct start --skiplock}.
         *
         * @param skip {@code true} to start a locked CT
         * @return this builder
         */
        public Builder skipLock(boolean skip) {
            this.skipLock = skip;
            return this;
        }

        /**
         * Sets the seed of the random picks.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Returns the node.
         *
         * @return an immutable node
         * @throws IllegalStateException if the cpuset is empty
         */
        public ProxmoxNode build() {
            if (cpuset.isEmpty()) {
                throw new IllegalStateException("a node has at least one CPU");
            }
            return new ProxmoxNode(this);
        }
    }
}
