package io.github.lxcconf.bench;

import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;

/**
 * The plain baseline: cut the text into lines and each line at its first
 * {@code '='} or {@code ':'} into a trimmed key and value.
 *
 * <p>This is about the least work a reader of {@code key = value} or
 * {@code key: value} lines can do; it keeps no whitespace, comments or line
 * ends, and checks nothing.
 */
final class PlainSplit {
    private PlainSplit() {
    }

    /**
     * Splits every line and feeds each key and value (or the whole trimmed
     * line, when it has no separator) to the blackhole.
     *
     * @param text the config text
     * @param bh   the sink
     */
    static void split(String text, Blackhole bh) {
        int n = text.length();
        int start = 0;
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            int sep = separator(text, start, end);
            if (sep < 0) {
                bh.consume(text.substring(start, end).trim());
            } else {
                bh.consume(text.substring(start, sep).trim());
                bh.consume(text.substring(sep + 1, end).trim());
            }
            start = end + 1;
        }
    }

    /**
     * Returns every line as a trimmed {@code {key, value}} pair, or as a
     * one-element array holding the trimmed line when it has no separator.
     *
     * @param text the config text
     * @return the pairs, in line order
     */
    static List<String[]> pairs(String text) {
        List<String[]> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            int sep = separator(text, start, end);
            if (sep < 0) {
                out.add(new String[] {text.substring(start, end).trim()});
            } else {
                out.add(new String[] {text.substring(start, sep).trim(), text.substring(sep + 1, end).trim()});
            }
            start = end + 1;
        }
        return out;
    }

    private static int separator(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '=' || c == ':') {
                return i;
            }
        }
        return -1;
    }
}
