package io.github.lxcconf.internal;

import java.util.Arrays;

/**
 * The shape of each line as the grammar sees it, as offsets into the source:
 * a flat int array, nine ints a line, so that no per-token object outlives
 * the scan. Read by {@link LineBuilder}, which decides what each shape means
 * in a dialect.
 */
final class RawLines {
    static final int BLANK = 0;
    static final int COMMENT = 1;
    static final int SECTION = 2;
    static final int ENTRY = 3;
    static final int STRAY = 4;

    static final int STRIDE = 9;
    /** Field indices within a record. */
    static final int KIND = 0;
    static final int START = 1;
    static final int INDENT_END = 2;
    /** ENTRY: end of the key token. SECTION: start of the name. */
    static final int A = 3;
    /** ENTRY: offset of the separator or -1. SECTION: end of the name. */
    static final int B = 4;
    /** ENTRY: start of the value (or of the text after the key when there is no separator). SECTION: offset of ']' or -1. */
    static final int C = 5;
    /** ENTRY: end of the value. SECTION: start of text after ']' or -1. */
    static final int D = 6;
    static final int CONTENT_END = 7;
    static final int END = 8;

    int[] data;
    int count;

    RawLines(int expectedLines) {
        data = new int[Math.max(16, expectedLines) * STRIDE];
    }

    /** Appends one line's shape: its kind and offsets, as the constants above name them. */
    void add(int kind, int start, int indentEnd, int a, int b, int c, int d, int contentEnd, int end) {
        int base = count * STRIDE;
        if (base + STRIDE > data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        count++;
        data[base + KIND] = kind;
        data[base + START] = start;
        data[base + INDENT_END] = indentEnd;
        data[base + A] = a;
        data[base + B] = b;
        data[base + C] = c;
        data[base + D] = d;
        data[base + CONTENT_END] = contentEnd;
        data[base + END] = end;
    }

    /**
     * Returns the index of the first line whose shape differs from the other's, or -1 if all are equal.
     *
     * @param other the other shapes
     * @return the 0-based line index, or -1
     */
    int firstDifference(RawLines other) {
        int both = Math.min(count, other.count);
        for (int i = 0; i < both; i++) {
            if (!Arrays.equals(data, i * STRIDE, (i + 1) * STRIDE, other.data, i * STRIDE, (i + 1) * STRIDE)) {
                return i;
            }
        }
        return count == other.count ? -1 : both;
    }

    /**
     * Returns a line's record as text, for messages.
     *
     * @param line the 0-based line index
     * @return the fields, or "no line"
     */
    String describe(int line) {
        return line < count ? Arrays.toString(Arrays.copyOfRange(data, line * STRIDE, (line + 1) * STRIDE))
                : "no line";
    }

    int get(int line, int field) {
        return data[line * STRIDE + field];
    }
}
