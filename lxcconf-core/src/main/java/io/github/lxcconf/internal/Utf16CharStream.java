package io.github.lxcconf.internal;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A {@link CharStream} over the UTF-16 characters of a string, so that token
 * offsets are string indices (a surrogate pair is two symbols; the grammar
 * only names ASCII characters, so this changes no token boundary). It copies
 * nothing.
 */
final class Utf16CharStream implements CharStream {
    private final String text;
    private final int size;
    private int index;

    Utf16CharStream(String text) {
        this.text = text;
        this.size = text.length();
    }

    @Override
    public String getText(Interval interval) {
        int a = Math.max(0, interval.a);
        int b = Math.min(size - 1, interval.b);
        return a > b ? "" : text.substring(a, b + 1);
    }

    @Override
    public void consume() {
        if (index >= size) {
            throw new IllegalStateException("cannot consume EOF");
        }
        index++;
    }

    @Override
    public int LA(int i) {
        if (i > 0) {
            int at = index + i - 1;
            return at < size ? text.charAt(at) : IntStream.EOF;
        }
        if (i < 0) {
            int at = index + i;
            return at >= 0 ? text.charAt(at) : IntStream.EOF;
        }
        return 0;
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public void seek(int to) {
        index = Math.min(to, size);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String getSourceName() {
        return IntStream.UNKNOWN_SOURCE_NAME;
    }
}
