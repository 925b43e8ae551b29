package io.github.lxcconf.explain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Values by line number, in two arrays sorted by line: for a large config it takes a fraction of the memory of a
 * map from boxed line numbers to lists, and the explanation keeps it for as long as it is kept.
 *
 * @param <T> the values
 */
final class ByLine<T> {
    private final int[] lines;
    private final Object[] values;

    private ByLine(int[] lines, Object[] values) {
        this.lines = lines;
        this.values = values;
    }

    /** Every value of a line, in the order they were added. */
    @SuppressWarnings("unchecked")
    List<T> all(int line) {
        int from = first(line);
        int to = from;
        while (to < lines.length && lines[to] == line) {
            to++;
        }
        return from == to ? List.of() : (List<T>) List.of(Arrays.copyOfRange(values, from, to));
    }

    /** The last value added for a line. */
    @SuppressWarnings("unchecked")
    Optional<T> last(int line) {
        int from = first(line);
        int to = from;
        while (to < lines.length && lines[to] == line) {
            to++;
        }
        return from == to ? Optional.empty() : Optional.of((T) values[to - 1]);
    }

    /** The same values without those that equal an earlier one of the same line. */
    @SuppressWarnings("unchecked")
    ByLine<T> distinct(BiPredicate<T, T> same) {
        int[] keptLines = new int[lines.length];
        Object[] kept = new Object[values.length];
        int n = 0;
        int runStart = 0;
        for (int i = 0; i < lines.length; i++) {
            if (i > 0 && lines[i] != lines[i - 1]) {
                runStart = n;
            }
            boolean duplicate = false;
            for (int k = runStart; k < n && !duplicate; k++) {
                duplicate = same.test((T) kept[k], (T) values[i]);
            }
            if (!duplicate) {
                keptLines[n] = lines[i];
                kept[n++] = values[i];
            }
        }
        return n == lines.length ? this : new ByLine<>(Arrays.copyOf(keptLines, n), Arrays.copyOf(kept, n));
    }

    /** The index of the first value of a line, or where it would be. */
    private int first(int line) {
        int lo = 0;
        int hi = lines.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lines[mid] < line) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Collects values with their lines, in any order of lines, in growing arrays: a boxed line number per value
     * would take several times the memory of the values' references while a large file's diagnostics are sorted.
     */
    static final class Builder<T> {
        private int[] lines = new int[16];
        private Object[] values = new Object[16];
        private int size;

        void add(int line, T value) {
            if (size == lines.length) {
                lines = Arrays.copyOf(lines, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            lines[size] = line;
            values[size++] = value;
        }

        ByLine<T> build() {
            // stable: each key is the line, then the order the value was added in
            long[] order = new long[size];
            boolean sorted = true;
            for (int i = 0; i < size; i++) {
                order[i] = (long) lines[i] << 32 | i;
                sorted &= i == 0 || lines[i - 1] <= lines[i];
            }
            if (!sorted) {
                Arrays.sort(order);
            }
            int[] sortedLines = new int[size];
            Object[] sortedValues = new Object[size];
            for (int i = 0; i < size; i++) {
                int from = (int) order[i];
                sortedLines[i] = lines[from];
                sortedValues[i] = values[from];
            }
            return new ByLine<>(sortedLines, sortedValues);
        }
    }
}
