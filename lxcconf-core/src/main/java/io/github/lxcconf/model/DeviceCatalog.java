package io.github.lxcconf.model;

import io.github.lxcconf.internal.SpecFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Linux device numbers commonly used in device rules, read once from the
 * bundled {@code linux-devices.tsv}: which /dev node a major:minor names.
 *
 * <p>The table is loaded the first time it is used, once, and is safe to use
 * from several threads.
 *
 * <pre>{@code
 * DeviceCatalog.lookup(DeviceType.CHAR, 10, 200);   // Optional[... /dev/net/tun ...]
 * DeviceCatalog.devicesOf(DeviceType.CHAR, 226);    // card0.., controlD64.., renderD128..
 * DeviceCatalog.isDynamicMajor(DeviceType.CHAR, 240); // true: differs between hosts
 * }</pre>
 */
public final class DeviceCatalog {
    private static final String RESOURCE = "linux-devices.tsv";
    private static final long OPEN = Long.MAX_VALUE;

    private DeviceCatalog() {
    }

    /** One table row with its numbers read into ranges; a row with no numeric major has none. */
    record Row(DeviceInfo info, long majorLow, long majorHigh, long minorLow, long minorHigh) {
        boolean coversMajor(long major) {
            return major >= majorLow && major <= majorHigh;
        }

        boolean covers(long major, long minor) {
            return coversMajor(major) && minor >= minorLow && minor <= minorHigh;
        }

        long majorSpan() {
            return majorHigh - majorLow;
        }

        long minorSpan() {
            return minorHigh - minorLow;
        }

        boolean coversEveryMinor() {
            return minorLow == 0 && minorHigh == OPEN;
        }
    }

    private static final class Holder {
        static final List<Row> ROWS = load();
    }

    /**
     * Returns every row of the table, in table order.
     *
     * <pre>{@code
     * DeviceCatalog.all().size(); // 114
     * }</pre>
     *
     * @return the rows, unmodifiable
     */
    public static List<DeviceInfo> all() {
        return Holder.ROWS.stream().map(Row::info).toList();
    }

    /**
     * Returns the device a type and numbers name: the most specific row that
     * covers them (a single minor before a range, a range before {@code *}).
     * For {@link DeviceType#ALL} character devices are tried before block devices.
     *
     * <pre>{@code
     * DeviceCatalog.lookup(DeviceType.CHAR, 116, 1).orElseThrow().name(); // "/dev/snd/seq", not /dev/snd/*
     * DeviceCatalog.lookup(DeviceType.BLOCK, 8, 17).orElseThrow().name(); // "/dev/sda../dev/sdp" (a partition)
     * }</pre>
     *
     * @param type  the device type
     * @param major the major number
     * @param minor the minor number
     * @return the row, or empty if the table does not know the numbers
     */
    public static Optional<DeviceInfo> lookup(DeviceType type, int major, int minor) {
        Row best = null;
        for (DeviceType t : typesOf(type)) {
            for (Row row : Holder.ROWS) {
                if (row.info().type() == t && row.covers(major, minor) && (best == null || moreSpecific(row, best))) {
                    best = row;
                }
            }
            if (best != null) {
                return Optional.of(best.info());
            }
        }
        return Optional.empty();
    }

    /**
     * Returns every row of a major number, as a rule with a {@code *} minor
     * ({@code c 226:* rwm}) reaches them all; ranges of dynamically allocated
     * majors that cover the number are included.
     *
     * <pre>{@code
     * DeviceCatalog.devicesOf(DeviceType.CHAR, 188); // [/dev/ttyUSB0..]
     * }</pre>
     *
     * @param type  the device type; {@link DeviceType#ALL} for both
     * @param major the major number
     * @return the rows in table order, possibly empty
     */
    public static List<DeviceInfo> devicesOf(DeviceType type, int major) {
        List<DeviceInfo> out = new ArrayList<>();
        for (Row row : Holder.ROWS) {
            if ((type == DeviceType.ALL || row.info().type() == type) && row.coversMajor(major)) {
                out.add(row.info());
            }
        }
        return List.copyOf(out);
    }

    /**
     * Returns the one row that covers every minor of a major, if there is one:
     * the device a rule such as {@code c 188:* rwm} names as a whole.
     *
     * <pre>{@code
     * DeviceCatalog.lookupMajor(DeviceType.CHAR, 188).orElseThrow().name(); // "/dev/ttyUSB0.."
     * DeviceCatalog.lookupMajor(DeviceType.CHAR, 10);  // Optional.empty: misc devices are many
     * }</pre>
     *
     * @param type  the device type
     * @param major the major number
     * @return the most specific row covering all minors, or empty
     */
    public static Optional<DeviceInfo> lookupMajor(DeviceType type, int major) {
        for (DeviceType t : typesOf(type)) {
            Row best = null;
            for (Row row : Holder.ROWS) {
                if (row.info().type() == t && row.coversMajor(major) && row.coversEveryMinor()
                        && (best == null || row.majorSpan() < best.majorSpan())) {
                    best = row;
                }
            }
            if (best != null) {
                return Optional.of(best.info());
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the row whose /dev name is exactly this path.
     *
     * <pre>{@code
     * DeviceCatalog.byPath("/dev/kvm").orElseThrow().minor(); // "232"
     * }</pre>
     *
     * @param path a device path such as {@code /dev/fuse}
     * @return the first row with that name, or empty
     */
    public static Optional<DeviceInfo> byPath(String path) {
        for (Row row : Holder.ROWS) {
            if (row.info().name().equals(path)) {
                return Optional.of(row.info());
            }
        }
        return Optional.empty();
    }

    /**
     * Returns whether the table says this major is given out at boot, so a
     * rule naming it works only on the host it was written for.
     *
     * <pre>{@code
     * DeviceCatalog.isDynamicMajor(DeviceType.CHAR, 10);   // false
     * DeviceCatalog.isDynamicMajor(DeviceType.CHAR, 509);  // true (384-511)
     * }</pre>
     *
     * @param type  the device type; {@link DeviceType#ALL} for either
     * @param major the major number
     * @return whether a dynamic row covers the major
     */
    public static boolean isDynamicMajor(DeviceType type, int major) {
        for (Row row : Holder.ROWS) {
            if ((type == DeviceType.ALL || row.info().type() == type) && row.coversMajor(major)
                    && row.info().allocation() == DeviceInfo.Allocation.DYNAMIC) {
                return true;
            }
        }
        return false;
    }

    private static DeviceType[] typesOf(DeviceType type) {
        return type == DeviceType.ALL ? new DeviceType[] {DeviceType.CHAR, DeviceType.BLOCK}
                : new DeviceType[] {type};
    }

    private static boolean moreSpecific(Row a, Row b) {
        if (a.majorSpan() != b.majorSpan()) {
            return a.majorSpan() < b.majorSpan();
        }
        return a.minorSpan() < b.minorSpan();
    }

    private static List<Row> load() {
        try (InputStream in = SpecFiles.open(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("lxcconf: resource " + RESOURCE + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parse(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the table's lines, header first. */
    static List<Row> parse(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).startsWith("major\tminor\ttype\t")) {
            throw new IllegalArgumentException("the device table must start with its header line");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 7) {
                throw new IllegalArgumentException("device table line " + (i + 1) + " has " + f.length
                        + " fields, expected 7");
            }
            int number = i + 1;
            DeviceType type = DeviceType.of(f[2].length() == 1 ? f[2].charAt(0) : '?').orElseThrow(
                    () -> new IllegalArgumentException("device table line " + number + ": bad type"));
            DeviceInfo info = new DeviceInfo(type, f[0], f[1], f[3], f[4], DeviceInfo.Allocation.of(f[5]), f[6]);
            long[] major = range(f[0]);
            long[] minor = range(f[1]);
            rows.add(new Row(info, major[0], major[1], minor[0], minor[1]));
        }
        return List.copyOf(rows);
    }

    /**
     * Reads a number column: {@code 5}, {@code 0-255}, {@code 64-} (open),
     * {@code *}, {@code 0,16,..,240} (a whole disk every 16 minors, its
     * partitions in between), {@code 0,8,16..} (open), {@code (dynamic)} (no number).
     */
    static long[] range(String spec) {
        if (spec.equals("*")) {
            return new long[] {0, OPEN};
        }
        if (spec.startsWith("(")) {
            return new long[] {-1, -2};
        }
        if (spec.indexOf(',') >= 0) {
            String[] parts = spec.split(",");
            long first = Long.parseLong(parts[0]);
            long step = Long.parseLong(parts[1]) - first;
            String last = parts[parts.length - 1];
            if (last.endsWith("..")) {
                return new long[] {first, OPEN};
            }
            return new long[] {first, Long.parseLong(last) + step - 1};
        }
        int dash = spec.indexOf('-');
        if (dash >= 0) {
            long low = Long.parseLong(spec.substring(0, dash));
            String high = spec.substring(dash + 1);
            return new long[] {low, high.isEmpty() ? OPEN : Long.parseLong(high)};
        }
        long n = Long.parseLong(spec);
        return new long[] {n, n};
    }
}
