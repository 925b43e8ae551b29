package io.github.lxcconf.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.syntax.Line;

/**
 * Unified diffs of two versions of a config, as {@code diff -u} prints them, made of the files' bytes:
 * a byte that is not UTF-8 (a Latin-1 comment) is printed as it is, so {@code patch} applies the diff
 * byte for byte.
 *
 * <p>Lines are split after each LF; a CR before it stays part of the line, and a last line without a
 * line end is marked {@code \ No newline at end of file}. The edit script is found in time linear in
 * the files for the changes migrate, edit and fmt make (lines replaced, added or removed here and there):
 * after the common start and end, equal lines are skipped pairwise, and at a difference the nearest
 * pair of equal lines is looked for in a window that doubles until one is found. The script may be
 * longer than the shortest one for lines moved far away, but it is always correct. Memory beyond the
 * two texts is one table of line starts per text and the list of changed ranges.
 */
final class Diffs {
    static final int CONTEXT = 3;
    private static final byte[] NO_NEWLINE = "\n\\ No newline at end of file\n".getBytes(StandardCharsets.US_ASCII);

    private Diffs() {
    }

    /** The lines of a text, split after each LF: hashed, compared and printed as bytes. */
    private abstract static class Lines {
        int count;
        int[] hash;

        /** The bytes of line {@code i}, its line end included. */
        abstract byte[] bytes(int i);

        boolean sameAs(int i, Lines other, int j) {
            return Arrays.equals(bytes(i), other.bytes(j));
        }

        boolean endsWithNewline(int line) {
            byte[] b = bytes(line);
            return b.length > 0 && b[b.length - 1] == '\n';
        }

        void write(OutputStream out, int line) throws IOException {
            byte[] b = bytes(line);
            out.write(b, 0, b.length);
        }
    }

    /** The lines of a text in one array: line {@code i} is {@code bytes[start[i], start[i + 1])}, its line end included. */
    private static final class ByteLines extends Lines {
        final byte[] bytes;
        final int[] start;

        ByteLines(byte[] bytes) {
            this.bytes = bytes;
            int n = 0;
            for (byte b : bytes) {
                if (b == '\n') {
                    n++;
                }
            }
            boolean partial = bytes.length > 0 && bytes[bytes.length - 1] != '\n';
            count = n + (partial ? 1 : 0);
            start = new int[count + 1];
            int line = 1;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n' && line <= count) {
                    start[line++] = i + 1;
                }
            }
            start[count] = bytes.length;
            hash = new int[count];
            for (int i = 0; i < count; i++) {
                int h = 1;
                for (int k = start[i]; k < start[i + 1]; k++) {
                    h = 31 * h + bytes[k];
                }
                hash[i] = h;
            }
        }

        @Override
        byte[] bytes(int i) {
            return Arrays.copyOfRange(bytes, start[i], start[i + 1]);
        }

        @Override
        boolean sameAs(int i, Lines other, int j) {
            if (other instanceof ByteLines b) {
                return Arrays.equals(bytes, start[i], start[i + 1], b.bytes, b.start[j], b.start[j + 1]);
            }
            return super.sameAs(i, other, j);
        }

        @Override
        boolean endsWithNewline(int line) {
            return start[line + 1] > start[line] && bytes[start[line + 1] - 1] == '\n';
        }

        @Override
        void write(OutputStream out, int line) throws IOException {
            out.write(bytes, start[line], start[line + 1] - start[line]);
        }
    }

    /**
     * The lines of a config's bytes ({@link LxcConfig#toBytes()}) without making them: each diff line is one or more
     * of the config's lines (a lone CR does not end a diff line), encoded when it is hashed, compared or printed.
     * A config whose lines hold an LF before their end is not read so (see {@link #of}).
     */
    private static final class ConfigLines extends Lines {
        private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        final List<Line> lines;
        final boolean bom;
        /** The index of the first config line of each diff line, and the number of config lines at the end. */
        final int[] first;

        private ConfigLines(LxcConfig config, int[] first, int count) {
            this.lines = config.lines();
            this.bom = config.hasByteOrderMark();
            this.first = first;
            this.count = count;
            this.hash = new int[count];
            for (int i = 0; i < count; i++) {
                int h = 1;
                for (byte b : bytes(i)) {
                    h = 31 * h + b;
                }
                hash[i] = h;
            }
        }

        /** The config's lines, or null when a line holds an LF before its end. */
        static ConfigLines of(LxcConfig config) {
            List<Line> lines = config.lines();
            int[] first = new int[16];
            int count = 0;
            boolean open = false;
            for (int i = 0; i < lines.size(); i++) {
                String text = lines.get(i).text();
                int lf = text.indexOf('\n');
                if (lf >= 0 && lf != text.length() - 1) {
                    return null;
                }
                if (text.isEmpty()) {
                    continue;
                }
                if (!open) {
                    if (count + 1 >= first.length) {
                        first = Arrays.copyOf(first, first.length * 2);
                    }
                    first[count++] = i;
                    open = true;
                }
                open = lf < 0;
            }
            if (count == 0 && config.hasByteOrderMark()) {
                first[count++] = 0;
            }
            first[count] = lines.size();
            return new ConfigLines(config, first, count);
        }

        @Override
        byte[] bytes(int i) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (i == 0 && bom) {
                out.write(BOM, 0, BOM.length);
            }
            for (int k = i == 0 ? 0 : first[i]; k < first[i + 1]; k++) {
                byte[] b = LxcConfig.bytesOf(lines.get(k).text());
                out.write(b, 0, b.length);
            }
            return out.toByteArray();
        }
    }

    private static boolean equal(Lines a, int i, Lines b, int j) {
        return a.hash[i] == b.hash[j] && a.sameAs(i, b, j);
    }

    /** A growable list of changed ranges: lines {@code [a0, a1)} of the old text become {@code [b0, b1)}. */
    private static final class Ranges {
        int[] data = new int[16];
        int size;

        void add(int a0, int a1, int b0, int b1) {
            if (size + 4 > data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            data[size++] = a0;
            data[size++] = a1;
            data[size++] = b0;
            data[size++] = b1;
        }

        int count() {
            return size / 4;
        }

        int get(int range, int field) {
            return data[range * 4 + field];
        }
    }

    /**
     * Returns the diff ({@code --- a/NAME}, {@code +++ b/NAME}, hunks) as bytes, or no bytes when the
     * texts are equal.
     */
    static byte[] unified(String name, byte[] before, byte[] after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out, name, before, after);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the diff to standard output; returns whether the texts differ. */
    static boolean print(Context context, String name, byte[] before, byte[] after) {
        context.out.flush();
        try {
            java.io.BufferedOutputStream out = new java.io.BufferedOutputStream(context.outStream, 1 << 16);
            boolean different = write(out, name, before, after);
            out.flush();
            return different;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the diff of two configs' bytes to standard output, as {@link #print(Context, String, byte[], byte[])}
     * does with their {@link LxcConfig#toBytes()}, without making either array; returns whether they differ.
     */
    static boolean print(Context context, String name, LxcConfig before, LxcConfig after) {
        ConfigLines a = ConfigLines.of(before);
        ConfigLines b = a == null ? null : ConfigLines.of(after);
        if (b == null) {
            return print(context, name, before.toBytes(), after.toBytes());
        }
        context.out.flush();
        try {
            java.io.BufferedOutputStream out = new java.io.BufferedOutputStream(context.outStream, 1 << 16);
            boolean different = write(out, name, a, b);
            out.flush();
            return different;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether two configs have the same bytes ({@link LxcConfig#toBytes()}), compared a line at a time. */
    static boolean sameBytes(LxcConfig before, LxcConfig after) {
        ConfigLines a = ConfigLines.of(before);
        ConfigLines b = a == null ? null : ConfigLines.of(after);
        if (b == null) {
            return Arrays.equals(before.toBytes(), after.toBytes());
        }
        if (a.count != b.count) {
            return false;
        }
        for (int i = 0; i < a.count; i++) {
            if (!equal(a, i, b, i)) {
                return false;
            }
        }
        return true;
    }

    /** Writes the diff; returns whether the texts differ. */
    static boolean write(OutputStream out, String name, byte[] before, byte[] after) throws IOException {
        if (Arrays.equals(before, after)) {
            return false;
        }
        return write(out, name, new ByteLines(before), new ByteLines(after));
    }

    /** Writes the diff of two texts' lines; returns whether they differ. */
    private static boolean write(OutputStream out, String name, Lines a, Lines b) throws IOException {
        Ranges ranges = changes(a, b);
        if (ranges.count() == 0) {
            return false;
        }
        String path = name.replaceFirst("^/+", "");
        out.write(("--- a/" + path + "\n+++ b/" + path + "\n").getBytes(StandardCharsets.UTF_8));
        int first = 0;
        while (first < ranges.count()) {
            int last = first;
            while (last + 1 < ranges.count()
                    && ranges.get(last + 1, 0) - ranges.get(last, 1) <= 2 * CONTEXT) {
                last++;
            }
            hunk(out, a, b, ranges, first, last);
            first = last + 1;
        }
        return true;
    }

    /** The changed ranges, in order. */
    private static Ranges changes(Lines a, Lines b) {
        Ranges ranges = new Ranges();
        int prefix = 0;
        while (prefix < a.count && prefix < b.count && equal(a, prefix, b, prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.count - prefix && suffix < b.count - prefix
                && equal(a, a.count - 1 - suffix, b, b.count - 1 - suffix)) {
            suffix++;
        }
        int aEnd = a.count - suffix;
        int bEnd = b.count - suffix;
        int i = prefix;
        int j = prefix;
        while (i < aEnd || j < bEnd) {
            if (i < aEnd && j < bEnd && equal(a, i, b, j)) {
                i++;
                j++;
                continue;
            }
            long sync = resync(a, i, aEnd, b, j, bEnd);
            int x = (int) (sync >>> 32);
            int y = (int) sync;
            ranges.add(i, i + x, j, j + y);
            i += x;
            j += y;
        }
        return ranges;
    }

    /**
     * The nearest equal pair {@code a[i + x] == b[j + y]} (least {@code x + y}) as {@code x << 32 | y},
     * or the rest of both texts when there is none.
     */
    private static long resync(Lines a, int i, int aEnd, Lines b, int j, int bEnd) {
        int restA = aEnd - i;
        int restB = bEnd - j;
        if (restA == 0 || restB == 0) {
            return (long) restA << 32 | restB;
        }
        for (int window = 8; ; window *= 2) {
            int wa = Math.min(window, restA);
            int wb = Math.min(window, restB);
            long best = -1;
            int bestCost = Integer.MAX_VALUE;
            if (wa * (long) wb <= 4096) {
                for (int x = 0; x < wa && x < bestCost; x++) {
                    for (int y = 0; y < wb && x + y < bestCost; y++) {
                        if (equal(a, i + x, b, j + y)) {
                            bestCost = x + y;
                            best = (long) x << 32 | y;
                        }
                    }
                }
            } else {
                java.util.HashMap<Integer, Integer> firstInB = new java.util.HashMap<>(wb * 2);
                for (int y = wb - 1; y >= 0; y--) {
                    firstInB.put(b.hash[j + y], y);
                }
                for (int x = 0; x < wa && x < bestCost; x++) {
                    Integer y = firstInB.get(a.hash[i + x]);
                    if (y != null && x + y < bestCost && equal(a, i + x, b, j + y)) {
                        bestCost = x + y;
                        best = (long) x << 32 | y;
                    }
                }
            }
            if (best >= 0) {
                return best;
            }
            if (wa == restA && wb == restB) {
                return (long) restA << 32 | restB;
            }
        }
    }

    /** Prints one hunk: the ranges {@code first..last} with their context. */
    private static void hunk(OutputStream out, Lines a, Lines b, Ranges ranges, int first, int last)
            throws IOException {
        int a0 = Math.max(0, ranges.get(first, 0) - CONTEXT);
        int a1 = Math.min(a.count, ranges.get(last, 1) + CONTEXT);
        int shift = ranges.get(first, 2) - ranges.get(first, 0);
        int b0 = a0 + shift;
        int b1 = a1 + (ranges.get(last, 3) - ranges.get(last, 1));
        out.write(("@@ -" + position(a0, a1 - a0) + " +" + position(b0, b1 - b0) + " @@\n")
                .getBytes(StandardCharsets.US_ASCII));
        int i = a0;
        for (int r = first; r <= last; r++) {
            int ra0 = ranges.get(r, 0);
            int ra1 = ranges.get(r, 1);
            for (; i < ra0; i++) {
                line(out, ' ', a, i);
            }
            for (int k = ra0; k < ra1; k++) {
                line(out, '-', a, k);
            }
            for (int k = ranges.get(r, 2); k < ranges.get(r, 3); k++) {
                line(out, '+', b, k);
            }
            i = ra1;
        }
        for (; i < a1; i++) {
            line(out, ' ', a, i);
        }
    }

    /** {@code start,count} as {@code diff -u} prints it: the line before an empty range, no count of 1. */
    private static String position(int start, int count) {
        if (count == 0) {
            return start + ",0";
        }
        return count == 1 ? String.valueOf(start + 1) : (start + 1) + "," + count;
    }

    private static void line(OutputStream out, char prefix, Lines lines, int i) throws IOException {
        out.write(prefix);
        lines.write(out, i);
        if (!lines.endsWithNewline(i)) {
            out.write(NO_NEWLINE, 0, NO_NEWLINE.length);
        }
    }
}
