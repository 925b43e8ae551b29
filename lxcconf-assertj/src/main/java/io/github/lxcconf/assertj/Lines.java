package io.github.lxcconf.assertj;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Quoting config lines in failure messages: {@code line 13: lxc.cgroup.devices.allow: c 10:200 rwm}. */
final class Lines {
    /** The gap between a quoted line and its note. */
    static final String NOTE = "   <- ";

    private Lines() {
    }

    /** An entry of the main section with its 1-based line number. */
    record Numbered(int number, EntryLine entry) {
        String quote() {
            return Lines.quote(number, entry);
        }
    }

    /** Returns {@code line N: CONTENT}. */
    static String quote(int number, Line line) {
        return "line " + number + ": " + line.content();
    }

    /** Returns the entries of the main section whose key passes the test, in file order. */
    static List<Numbered> entries(LxcConfig config, Predicate<String> key) {
        Section main = config.mainSection();
        List<Numbered> out = new ArrayList<>();
        int number = main.firstLineNumber();
        for (Line line : main.lines()) {
            if (line instanceof EntryLine e && key.test(e.key())) {
                out.add(new Numbered(number, e));
            }
            number++;
        }
        return out;
    }

    /** Returns the items as an indented block, one per line, each after a line end. */
    static String block(List<String> items) {
        StringBuilder out = new StringBuilder();
        for (String item : items) {
            out.append("\n  ").append(item);
        }
        return out.toString();
    }

    /** Returns the text in double quotes with line ends, tabs and other control characters escaped. */
    static String visible(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\uFEFF' -> out.append("\\uFEFF");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Returns the text in double quotes, as AssertJ shows strings. */
    static String quoted(String text) {
        return '"' + text + '"';
    }

    /** Returns {@code count} and the noun, in the plural unless count is 1. */
    static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** The Levenshtein distance of two strings. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
