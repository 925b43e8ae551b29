package io.github.lxcconf.migrate;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** cgroup v1 controller files and their cgroup2 counterparts (lxc-format.md section 9). */
final class Cgroup2 {
    static final String V1 = "lxc.cgroup.";
    static final String V2 = "lxc.cgroup2.";

    /** Files whose value carries over unchanged under another (or the same) name. */
    static final Map<String, String> SAME_VALUE = Map.of(
            "devices.allow", "devices.allow",
            "devices.deny", "devices.deny",
            "cpuset.cpus", "cpuset.cpus",
            "cpuset.mems", "cpuset.mems",
            "pids.max", "pids.max");

    /** blkio throttle files and the io.max key each becomes. */
    static final Map<String, String> THROTTLE = Map.of(
            "blkio.throttle.read_bps_device", "rbps",
            "blkio.throttle.write_bps_device", "wbps",
            "blkio.throttle.read_iops_device", "riops",
            "blkio.throttle.write_iops_device", "wiops");

    private static final Pattern BYTES = Pattern.compile("([0-9]+)([kKmMgGtT]?)");
    private static final Pattern HUGETLB = Pattern.compile("hugetlb\\.([^.]+)\\.limit_in_bytes");
    private static final Pattern THROTTLE_VALUE = Pattern.compile("([0-9]+:[0-9]+)[ \t]+([0-9]+)");

    private Cgroup2() {
    }

    /** Whether a key is a v1 controller setting (not lxc.cgroup.dir*, lxc.cgroup.relative). */
    static boolean isControllerKey(String key) {
        if (!key.startsWith(V1)) {
            return false;
        }
        String file = key.substring(V1.length());
        return !(file.equals("relative") || file.equals("dir") || file.startsWith("dir."));
    }

    /** The cgroup2 file for a v1 hugetlb limit file. */
    static Optional<String> hugetlb(String file) {
        Matcher m = HUGETLB.matcher(file);
        return m.matches() ? Optional.of("hugetlb." + m.group(1) + ".max") : Optional.empty();
    }

    /** {@code 8:0 1048576} as {@code 8:0 rbps=1048576}. */
    static Optional<String> throttle(String value, String ioKey) {
        Matcher m = THROTTLE_VALUE.matcher(value.trim());
        return m.matches() ? Optional.of(m.group(1) + ' ' + ioKey + '=' + m.group(2)) : Optional.empty();
    }

    /** A v1 memory value in bytes, -1 as empty-long-max; empty if it is not a number with an optional K/M/G/T. */
    static Optional<Long> bytes(String value) {
        String v = value.trim();
        if (v.equals("-1")) {
            return Optional.of(Long.MAX_VALUE);
        }
        Matcher m = BYTES.matcher(v);
        if (!m.matches() || m.group(1).length() > 15) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        int shift = switch (m.group(2).toUpperCase(java.util.Locale.ROOT)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> 0;
        };
        return Optional.of(n << shift);
    }

    /** Bytes with the largest exact unit (K, M, G, T), as cgroup2 memory files read them. */
    static String formatBytes(long bytes) {
        String[] units = {"T", "G", "M", "K"};
        int[] shifts = {40, 30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << shifts[i];
            if (bytes != 0 && bytes % unit == 0) {
                return (bytes / unit) + units[i];
            }
        }
        return Long.toString(bytes);
    }

    /** The kernel's cpu.shares to cpu.weight conversion: 1 + ((shares - 2) * 9999) / 262142, shares clamped to 2..262144. */
    static long cpuWeight(long shares) {
        long s = Math.max(2, Math.min(262_144, shares));
        return 1 + ((s - 2) * 9999) / 262_142;
    }

    /** systemd's blkio.weight to io.weight conversion: weight * 100 / 500, clamped to 1..10000. */
    static long ioWeight(long blkioWeight) {
        return Math.max(1, Math.min(10_000, blkioWeight * 100 / 500));
    }
}
