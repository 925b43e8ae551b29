package io.github.lxcconf.explain;

import java.util.ArrayList;
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

    /** Collects values with their lines, in any order of lines. */
    static final class Builder<T> {
        private final List<Integer> lines = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        void add(int line, T value) {
            lines.add(line);
            values.add(value);
        }

        ByLine<T> build() {
            int n = lines.size();
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            // stable: the values of one line stay in the order they were added
            Arrays.sort(order, (a, b) -> Integer.compare(lines.get(a), lines.get(b)));
            int[] sortedLines = new int[n];
            Object[] sortedValues = new Object[n];
            for (int i = 0; i < n; i++) {
                sortedLines[i] = lines.get(order[i]);
                sortedValues[i] = values.get(order[i]);
            }
            return new ByLine<>(sortedLines, sortedValues);
        }
    }
}
