package io.github.lxcconf.model;

import io.github.lxcconf.DiagnosticCode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The cgroup resource limits of a container: the {@code lxc.cgroup.CONTROLLER.FILE} (cgroup v1) and
 * {@code lxc.cgroup2.CONTROLLER.FILE} (cgroup2) lines, as liblxc holds them, with the common limits read as
 * the kernel reads them when the container starts.
 *
 * <p>liblxc does not read these values when it loads a file: it keeps every line of a key, in order
 * ({@link #values(String)}), and writes each to the cgroup file when the container starts, so the last one
 * counts ({@link #value(CgroupVersion, String)}), except in the files that take one device per write
 * ({@code io.max}, {@code blkio.throttle.*}), where every line counts ({@link #ioLimits}). An empty value clears that key's lines; an empty
 * {@code lxc.cgroup =} or {@code lxc.cgroup2 =} clears every line of its version. A host uses one version:
 * a cgroup2 host ignores the v1 keys. The typed accessors take the version and read its key: for example
 * {@link #memory} reads {@code memory.limit_in_bytes} (v1) or {@code memory.max} (v2). A value the kernel
 * would refuse is left out and reported ({@code LXC121}). Device rules ({@code devices.allow},
 * {@code devices.deny}) are in {@link LxcSettings#deviceRules()}, not here. Instances are immutable.
 *
 * <pre>{@code
 * // lxc.cgroup2.memory.max = 2G
 * // lxc.cgroup2.cpu.max = 150000 100000
 * // lxc.cgroup2.cpuset.cpus = 0-3,6
 * ResourceLimits limits = config.lxc().resourceLimits();
 * limits.memory(CgroupVersion.V2);    // Optional[2147483648]
 * limits.cpuQuota(CgroupVersion.V2);  // Optional[150000/100000 us]
 * limits.cpus(CgroupVersion.V2);      // Optional[[0-3, 6]]
 * limits.pids(CgroupVersion.V2);      // Optional.empty: not limited here
 * }</pre>
 */
public final class ResourceLimits {
    /** No cgroup lines at all. */
    public static final ResourceLimits NONE = new ResourceLimits(Map.of());

    private static final long DEFAULT_PERIOD = 100_000;
    private static final List<String> IO_KINDS = List.of("rbps", "wbps", "riops", "wiops");
    private static final List<String> V1_IO_FILES = List.of("blkio.throttle.read_bps_device",
            "blkio.throttle.write_bps_device", "blkio.throttle.read_iops_device", "blkio.throttle.write_iops_device");

    private final Map<String, List<String>> values;

    private ResourceLimits(Map<String, List<String>> values) {
        LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!v.isEmpty()) {
                copy.put(k, List.copyOf(v));
            }
        });
        this.values = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * A limit: a number (bytes, or a count), or no limit ({@code max}, or {@code -1} for cgroup v1 memory).
     *
     * <pre>{@code
     * ResourceLimits.Limit.UNLIMITED.toString(); // "max"
     * ResourceLimits.Limit.of(1024).amount();    // OptionalLong[1024]
     * }</pre>
     *
     * @param amount the number, or empty when unlimited
     */
    public record Limit(OptionalLong amount) {
        /** No limit. */
        public static final Limit UNLIMITED = new Limit(OptionalLong.empty());

        /**
         * Checks the amount.
         *
         * @throws IllegalArgumentException if the amount is negative
         */
        public Limit {
            Objects.requireNonNull(amount, "amount");
            if (amount.isPresent() && amount.getAsLong() < 0) {
                throw new IllegalArgumentException("a limit is not negative, got " + amount.getAsLong());
            }
        }

        /**
         * Returns a limit of an amount.
         *
         * @param amount the bytes or count, 0 or more
         * @return the limit
         */
        public static Limit of(long amount) {
            return new Limit(OptionalLong.of(amount));
        }

        /**
         * Returns whether there is no limit.
         *
         * @return true for {@code max}
         */
        public boolean isUnlimited() {
            return amount.isEmpty();
        }

        /** Returns the number, or {@code max}. */
        @Override
        public String toString() {
            return amount.isPresent() ? Long.toString(amount.getAsLong()) : "max";
        }
    }

    /**
     * A CPU bandwidth limit: the container may use {@code quota} microseconds of CPU time per {@code period}
     * microseconds ({@code cpu.max} in cgroup2, {@code cpu.cfs_quota_us} and {@code cpu.cfs_period_us} in v1).
     *
     * <pre>{@code
     * new ResourceLimits.CpuQuota(OptionalLong.of(150000), 100000).cpus(); // 1.5
     * }</pre>
     *
     * @param quota  the microseconds per period, or empty for no limit
     * @param period the period in microseconds (liblxc and the kernel default to 100000)
     */
    public record CpuQuota(OptionalLong quota, long period) {
        /**
         * Checks the numbers.
         *
         * @throws IllegalArgumentException if a number is negative
         */
        public CpuQuota {
            Objects.requireNonNull(quota, "quota");
            if (period < 0 || quota.isPresent() && quota.getAsLong() < 0) {
                throw new IllegalArgumentException("quota and period are not negative");
            }
        }

        /**
         * Returns how many CPUs the quota amounts to, or 0 for no limit (or a period of 0).
         *
         * @return quota / period
         */
        public double cpus() {
            return quota.isEmpty() || period == 0 ? 0 : (double) quota.getAsLong() / period;
        }

        /** Returns {@code QUOTA/PERIOD us}, QUOTA {@code max} when unlimited. */
        @Override
        public String toString() {
            return (quota.isPresent() ? Long.toString(quota.getAsLong()) : "max") + "/" + period + " us";
        }
    }

    /**
     * A range of CPU numbers in {@code cpuset.cpus}: {@code 0-3} or a single {@code 6}.
     *
     * <pre>{@code
     * new ResourceLimits.CpuRange(0, 3).toString(); // "0-3"
     * }</pre>
     *
     * @param first the first CPU
     * @param last  the last CPU, inclusive
     */
    public record CpuRange(int first, int last) {
        /**
         * Checks the range.
         *
         * @throws IllegalArgumentException if first is negative or after last
         */
        public CpuRange {
            if (first < 0 || last < first) {
                throw new IllegalArgumentException("not a CPU range: " + first + "-" + last);
            }
        }

        /** Returns {@code FIRST-LAST}, or the one number. */
        @Override
        public String toString() {
            return first == last ? Integer.toString(first) : first + "-" + last;
        }
    }

    /**
     * A block I/O limit of one device: {@code io.max} in cgroup2 ({@code MAJOR:MINOR rbps=N wbps=N riops=N
     * wiops=N}) or a {@code blkio.throttle.*_device} file in v1 ({@code MAJOR:MINOR N}).
     *
     * <pre>{@code
     * // lxc.cgroup2.io.max = 8:0 rbps=1048576 wiops=max
     * limits.ioLimits(CgroupVersion.V2); // [8:0 rbps=1048576, 8:0 wiops=max]
     * }</pre>
     *
     * @param major the device's major number
     * @param minor the device's minor number
     * @param kind  {@code rbps}, {@code wbps} (bytes per second), {@code riops} or {@code wiops} (operations per
     *              second)
     * @param limit the limit
     */
    public record IoLimit(int major, int minor, String kind, Limit limit) {
        /**
         * Checks the components.
         *
         * @throws IllegalArgumentException if a number is negative or the kind is not one of the four
         */
        public IoLimit {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(limit, "limit");
            if (major < 0 || minor < 0 || !IO_KINDS.contains(kind)) {
                throw new IllegalArgumentException("not an I/O limit: " + major + ":" + minor + " " + kind);
            }
        }

        /** Returns {@code MAJOR:MINOR KIND=LIMIT}. */
        @Override
        public String toString() {
            return major + ":" + minor + " " + kind + "=" + limit;
        }
    }

    /**
     * Returns the block I/O limits, per device and kind: unlike the other files, {@code io.max} and the
     * {@code blkio.throttle.*_device} files take one device per write, so every line counts, and for one
     * device and kind the last one. A limit of {@code max} (cgroup2) or 0 (v1) removes a limit.
     *
     * <pre>{@code
     * // lxc.cgroup.blkio.throttle.read_bps_device = 8:0 1048576
     * limits.ioLimits(CgroupVersion.V1); // [8:0 rbps=1048576]
     * }</pre>
     *
     * @param version the key family
     * @return the limits in the order first written, possibly empty
     */
    public List<IoLimit> ioLimits(CgroupVersion version) {
        LinkedHashMap<String, IoLimit> out = new LinkedHashMap<>();
        if (version == CgroupVersion.V2) {
            for (String v : values("lxc.cgroup2.io.max")) {
                ioMax(v).ifPresent(list -> list.forEach(l -> out.put(l.major() + ":" + l.minor() + l.kind(), l)));
            }
        } else {
            for (int i = 0; i < IO_KINDS.size(); i++) {
                String kind = IO_KINDS.get(i);
                for (String v : values("lxc.cgroup." + V1_IO_FILES.get(i))) {
                    throttle(v, kind).ifPresent(l -> out.put(l.major() + ":" + l.minor() + l.kind(), l));
                }
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * Returns the values liblxc holds for one key, in order: every line since the key's last empty value.
     *
     * <pre>{@code
     * limits.values("lxc.cgroup.memory.limit_in_bytes"); // [1G, 2G]: liblxc writes both, 2G last
     * }</pre>
     *
     * @param key an {@code lxc.cgroup.*} or {@code lxc.cgroup2.*} key
     * @return the values, possibly empty
     */
    public List<String> values(String key) {
        return values.getOrDefault(key, List.of());
    }

    /**
     * Returns the keys that hold values, in the order first written.
     *
     * @return the keys
     */
    public List<String> keys() {
        return List.copyOf(values.keySet());
    }

    /**
     * Returns what the cgroup file ends up with when the container starts: the key's last value.
     *
     * <pre>{@code
     * limits.value(CgroupVersion.V2, "memory.high"); // Optional[1G]
     * }</pre>
     *
     * @param version the key family
     * @param file    the cgroup file, such as {@code memory.high}
     * @return the value, or empty
     */
    public Optional<String> value(CgroupVersion version, String file) {
        List<String> v = values(prefix(version) + file);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    /**
     * Returns the memory limit: {@code memory.limit_in_bytes} (v1, {@code -1} is no limit) or
     * {@code memory.max} (v2, {@code max} is no limit), in bytes; {@code K}, {@code M}, {@code G}, {@code T},
     * {@code P}, {@code E} suffixes are powers of 1024, as the kernel's memparse reads them.
     *
     * <pre>{@code
     * // lxc.cgroup2.memory.max = 512M
     * limits.memory(CgroupVersion.V2); // Optional[536870912]
     * }</pre>
     *
     * @param version the key family
     * @return the limit, or empty when not set here
     */
    public Optional<Limit> memory(CgroupVersion version) {
        return value(version, version == CgroupVersion.V1 ? "memory.limit_in_bytes" : "memory.max")
                .flatMap(v -> bytes(v, version == CgroupVersion.V1 ? "-1" : "max"));
    }

    /**
     * Returns the swap limit. Mind the difference: v1's {@code memory.memsw.limit_in_bytes} limits memory
     * and swap together; cgroup2's {@code memory.swap.max} limits swap alone.
     *
     * <pre>{@code
     * // lxc.cgroup2.memory.swap.max = 0
     * limits.swap(CgroupVersion.V2); // Optional[0]: no swap
     * }</pre>
     *
     * @param version the key family
     * @return the limit, or empty when not set here
     */
    public Optional<Limit> swap(CgroupVersion version) {
        return value(version, version == CgroupVersion.V1 ? "memory.memsw.limit_in_bytes" : "memory.swap.max")
                .flatMap(v -> bytes(v, version == CgroupVersion.V1 ? "-1" : "max"));
    }

    /**
     * Returns the most processes: {@code pids.max}, {@code max} for no limit.
     *
     * @param version the key family
     * @return the limit, or empty when not set here
     */
    public Optional<Limit> pids(CgroupVersion version) {
        return value(version, "pids.max").flatMap(ResourceLimits::count);
    }

    /**
     * Returns the CPU weight: {@code cpu.shares} in v1 (2 to 262144, default 1024) or {@code cpu.weight} in
     * cgroup2 (1 to 10000, default 100). The two scales differ.
     *
     * <pre>{@code
     * // lxc.cgroup.cpu.shares = 512
     * limits.cpuWeight(CgroupVersion.V1); // OptionalLong[512]
     * }</pre>
     *
     * @param version the key family
     * @return the weight, or empty when not set here
     */
    public OptionalLong cpuWeight(CgroupVersion version) {
        Optional<String> v = value(version, version == CgroupVersion.V1 ? "cpu.shares" : "cpu.weight");
        return v.isPresent() ? weight(v.get(), version == CgroupVersion.V1 ? 2 : 1,
                version == CgroupVersion.V1 ? 262_144 : 10_000) : OptionalLong.empty();
    }

    /**
     * Returns the CPU bandwidth limit: {@code cpu.max} ({@code QUOTA|max [PERIOD]}) in cgroup2, or
     * {@code cpu.cfs_quota_us} ({@code -1} for none) with {@code cpu.cfs_period_us} in v1.
     *
     * <pre>{@code
     * // lxc.cgroup2.cpu.max = 200000 100000
     * limits.cpuQuota(CgroupVersion.V2).map(ResourceLimits.CpuQuota::cpus); // Optional[2.0]
     * }</pre>
     *
     * @param version the key family
     * @return the limit, or empty when no quota is set here
     */
    public Optional<CpuQuota> cpuQuota(CgroupVersion version) {
        if (version == CgroupVersion.V2) {
            return value(version, "cpu.max").flatMap(ResourceLimits::cpuMax);
        }
        Optional<String> quota = value(version, "cpu.cfs_quota_us");
        if (quota.isEmpty()) {
            return Optional.empty();
        }
        long period = value(version, "cpu.cfs_period_us").flatMap(ResourceLimits::number).orElse(DEFAULT_PERIOD);
        String q = quota.get().strip();
        if (q.equals("-1")) {
            return Optional.of(new CpuQuota(OptionalLong.empty(), period));
        }
        return number(q).map(n -> new CpuQuota(OptionalLong.of(n), period));
    }

    /**
     * Returns the CPUs the container may run on: {@code cpuset.cpus}, such as {@code 0-3,6}.
     *
     * @param version the key family
     * @return the ranges (empty list: no CPU), or empty when not set here
     */
    public Optional<List<CpuRange>> cpus(CgroupVersion version) {
        return value(version, "cpuset.cpus").flatMap(ResourceLimits::cpuList);
    }

    /**
     * Returns the default block I/O weight: {@code blkio.weight} in v1 (10 to 1000), or the default of
     * {@code io.weight} in cgroup2 ({@code 100} or {@code default 100}, 1 to 10000).
     *
     * @param version the key family
     * @return the weight, or empty when not set here
     */
    public OptionalLong ioWeight(CgroupVersion version) {
        if (version == CgroupVersion.V1) {
            Optional<String> v = value(version, "blkio.weight");
            return v.isPresent() ? weight(v.get(), 10, 1000) : OptionalLong.empty();
        }
        Optional<String> v = value(version, "io.weight");
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        String w = v.get().strip();
        if (w.startsWith("default")) {
            w = w.substring("default".length()).strip();
        }
        return weight(w, 1, 10_000);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResourceLimits r && values.equals(r.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Returns the keys and values, such as {@code ResourceLimits{lxc.cgroup2.memory.max=[2G]}}. */
    @Override
    public String toString() {
        return "ResourceLimits" + values;
    }

    private static String prefix(CgroupVersion version) {
        return version == CgroupVersion.V1 ? "lxc.cgroup." : "lxc.cgroup2.";
    }

    /** The kernel's page_counter_memparse: the word for no limit, or memparse (base 0, K M G T P E suffix). */
    static Optional<Limit> bytes(String value, String unlimited) {
        String v = value.strip();
        if (v.equals(unlimited)) {
            return Optional.of(Limit.UNLIMITED);
        }
        int shift = 0;
        if (!v.isEmpty()) {
            int at = "KMGTPE".indexOf(Character.toUpperCase(v.charAt(v.length() - 1)));
            if (at >= 0) {
                shift = 10 * (at + 1);
                v = v.substring(0, v.length() - 1);
            }
        }
        if (v.startsWith("+")) {
            return Optional.empty();
        }
        Optional<BigInteger> n = Values.cUnsigned(v);
        if (n.isEmpty() || v.isEmpty() || Values.isCSpace(v.charAt(0))) {
            return Optional.empty();
        }
        BigInteger b = n.get().shiftLeft(shift);
        return b.bitLength() < 64 ? Optional.of(Limit.of(b.longValueExact())) : Optional.empty();
    }

    private static Optional<Limit> count(String value) {
        String v = value.strip();
        if (v.equals("max")) {
            return Optional.of(Limit.UNLIMITED);
        }
        return number(v).map(Limit::of);
    }

    private static Optional<Long> number(String value) {
        return Values.cUnsigned(value.strip()).filter(n -> n.bitLength() < 64).map(BigInteger::longValueExact);
    }

    private static OptionalLong weight(String value, long min, long max) {
        Optional<Long> n = number(value);
        return n.isPresent() && n.get() >= min && n.get() <= max ? OptionalLong.of(n.get()) : OptionalLong.empty();
    }

    private static Optional<CpuQuota> cpuMax(String value) {
        List<String> parts = Values.splitBlanks(value.strip());
        if (parts.isEmpty() || parts.size() > 2) {
            return Optional.empty();
        }
        long period = DEFAULT_PERIOD;
        if (parts.size() == 2) {
            Optional<Long> p = number(parts.get(1));
            if (p.isEmpty() || !Values.isDigits(parts.get(1))) {
                return Optional.empty();
            }
            period = p.get();
        }
        if (parts.get(0).equals("max")) {
            return Optional.of(new CpuQuota(OptionalLong.empty(), period));
        }
        if (!Values.isDigits(parts.get(0))) {
            return Optional.empty();
        }
        long every = period;
        return number(parts.get(0)).map(q -> new CpuQuota(OptionalLong.of(q), every));
    }

    /** MAJOR:MINOR as the kernel reads it, or null. */
    private static int[] device(String text) {
        String[] mm = text.split(":", -1);
        if (mm.length != 2 || !Values.isDigits(mm[0]) || !Values.isDigits(mm[1]) || mm[0].length() > 9
                || mm[1].length() > 9) {
            return null;
        }
        return new int[] {Integer.parseInt(mm[0]), Integer.parseInt(mm[1])};
    }

    /** One io.max line: MAJOR:MINOR then KIND=N|max words. */
    private static Optional<List<IoLimit>> ioMax(String value) {
        List<String> words = Values.splitBlanks(value.strip());
        if (words.size() < 2) {
            return Optional.empty();
        }
        int[] d = device(words.get(0));
        if (d == null) {
            return Optional.empty();
        }
        List<IoLimit> out = new ArrayList<>();
        for (String w : words.subList(1, words.size())) {
            int eq = w.indexOf('=');
            String kind = eq < 0 ? "" : w.substring(0, eq);
            if (!IO_KINDS.contains(kind)) {
                return Optional.empty();
            }
            String n = w.substring(eq + 1);
            Optional<Limit> l = n.equals("max") ? Optional.of(Limit.UNLIMITED) : scanned(n).map(Limit::of);
            if (l.isEmpty()) {
                return Optional.empty();
            }
            out.add(new IoLimit(d[0], d[1], kind, l.get()));
        }
        return Optional.of(out);
    }

    /** One blkio.throttle.*_device line: MAJOR:MINOR N; 0 removes the limit. */
    private static Optional<IoLimit> throttle(String value, String kind) {
        List<String> words = Values.splitBlanks(value.strip());
        int[] d = words.size() == 2 ? device(words.get(0)) : null;
        if (d == null) {
            return Optional.empty();
        }
        return scanned(words.get(1)).map(n -> new IoLimit(d[0], d[1], kind, n == 0 ? Limit.UNLIMITED : Limit.of(n)));
    }

    /** A number as the kernel's sscanf("%llu") reads it for the I/O limits: the leading decimal digits. */
    private static Optional<Long> scanned(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
            end++;
        }
        return end == 0 ? Optional.empty() : number(text.substring(0, end));
    }

    /** Whether an I/O limit line has a number with text after its digits, which the kernel ignores. */
    private static boolean misread(String value) {
        for (String w : Values.splitBlanks(value.strip())) {
            String n = w.indexOf('=') >= 0 ? w.substring(w.indexOf('=') + 1) : w;
            if (!n.isEmpty() && Character.isDigit(n.charAt(0)) && !Values.isDigits(n) && w.indexOf(':') < 0) {
                return true;
            }
        }
        return false;
    }

    /** The kernel's cpulist: comma-separated numbers and ranges, blanks around allowed, empty for none. */
    static Optional<List<CpuRange>> cpuList(String value) {
        String v = value.strip();
        List<CpuRange> out = new ArrayList<>();
        if (v.isEmpty()) {
            return Optional.of(out);
        }
        for (String part : v.split(",", -1)) {
            String[] ends = part.split("-", -1);
            if (ends.length > 2 || !Values.isDigits(ends[0]) || ends.length == 2 && !Values.isDigits(ends[1])
                    || ends[0].length() > 9 || ends[ends.length - 1].length() > 9) {
                return Optional.empty();
            }
            int first = Integer.parseInt(ends[0]);
            int last = Integer.parseInt(ends[ends.length - 1]);
            if (last < first) {
                return Optional.empty();
            }
            out.add(new CpuRange(first, last));
        }
        return Optional.of(List.copyOf(out));
    }

    /** Reads lxc.cgroup.* and lxc.cgroup2.* controller lines in order, as liblxc keeps them. */
    static final class Reader {
        private final Problems problems;
        private final LinkedHashMap<String, List<String>> values = new LinkedHashMap<>();

        Reader(Problems problems) {
            this.problems = problems;
        }

        /** Whether the key is a controller setting: not a device rule, not a cgroup directory key. */
        static boolean isSetting(String key) {
            String file = key.startsWith("lxc.cgroup2.") ? key.substring("lxc.cgroup2.".length())
                    : key.startsWith("lxc.cgroup.") ? key.substring("lxc.cgroup.".length()) : null;
            return file != null && !file.isEmpty() && !file.startsWith("devices.") && !file.equals("dir")
                    && !file.startsWith("dir.") && !file.equals("relative");
        }

        void read(Origin at, String key, String value) {
            if (value.isEmpty()) {
                values.remove(key);
                return;
            }
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            check(at, key, value);
        }

        void clear(CgroupVersion version) {
            values.keySet().removeIf(k -> k.startsWith(prefix(version)));
        }

        private void check(Origin at, String key, String value) {
            CgroupVersion version = key.startsWith("lxc.cgroup2.") ? CgroupVersion.V2 : CgroupVersion.V1;
            String file = key.substring(prefix(version).length());
            ResourceLimits one = new ResourceLimits(Map.of(key, List.of(value)));
            String expected = switch (file) {
                case "memory.limit_in_bytes", "memory.memsw.limit_in_bytes" -> one.memory(version).isPresent()
                        || one.swap(version).isPresent() ? null
                        : "a number of bytes with an optional K, M, G, T, P or E suffix, or -1 for no limit";
                case "memory.max", "memory.swap.max", "memory.high", "memory.low", "memory.min" ->
                        bytes(value, "max").isPresent() ? null
                                : "a number of bytes with an optional K, M, G, T, P or E suffix, or max";
                case "pids.max" -> one.pids(version).isPresent() ? null : "a number, or max";
                case "cpu.shares" -> one.cpuWeight(version).isPresent() ? null : "a number from 2 to 262144";
                case "cpu.weight" -> one.cpuWeight(version).isPresent() ? null : "a number from 1 to 10000";
                case "cpu.max" -> one.cpuQuota(version).isPresent() ? null
                        : "QUOTA PERIOD in microseconds, or max PERIOD, such as '150000 100000'";
                case "cpuset.cpus" -> one.cpus(version).isPresent() ? null
                        : "CPU numbers and ranges separated by commas, such as 0-3,6";
                case "blkio.weight" -> one.ioWeight(version).isPresent() ? null : "a number from 10 to 1000";
                case "io.weight" -> one.ioWeight(version).isPresent() || value.strip().matches("[0-9]+:[0-9]+ .*")
                        ? null : "a number from 1 to 10000, or default N, or MAJOR:MINOR N";
                case "io.max" -> ioMax(value).isPresent() && !misread(value) ? null
                        : "MAJOR:MINOR then rbps=, wbps=, riops= or wiops= with a number or max, such as '8:0 rbps=1048576'";
                case "blkio.throttle.read_bps_device", "blkio.throttle.write_bps_device",
                        "blkio.throttle.read_iops_device", "blkio.throttle.write_iops_device" ->
                        throttle(value, "rbps").isPresent() && !misread(value) ? null
                                : "MAJOR:MINOR and a number, such as '8:0 1048576'";
                default -> null;
            };
            if (expected != null && (file.equals("io.max") || file.startsWith("blkio.throttle."))
                    && (file.equals("io.max") ? ioMax(value) : throttle(value, "rbps")).isPresent()) {
                problems.value(DiagnosticCode.LXC_RESOURCE_LIMIT, at, "the kernel reads only the digits at the"
                        + " start of each number in '" + value + "' for " + file + " (2M is 2): liblxc does not read it"
                        + " when it loads the file", "write the number in full, without a unit, such as 2097152");
            } else if (expected != null) {
                problems.value(DiagnosticCode.LXC_RESOURCE_LIMIT, at, "the kernel refuses '" + value + "' for "
                        + file + " when the container starts: liblxc does not read it when it loads the file",
                        "write " + expected);
            }
        }

        ResourceLimits result() {
            return values.isEmpty() ? NONE : new ResourceLimits(values);
        }
    }
}
