package io.github.lxcconf.internal.proxmox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of a Proxmox option line ({@code key: value}) and of a raw {@code lxc.*} line, as
 * pve-container's parser reads them, found in one pass over the line. The parser's regular expressions
 * end in a lazy group followed by trailing blanks ({@code (.+?)\s*$}), which a backtracking matcher
 * runs in time quadratic in the length of a blank run inside the value; this reads the same value in
 * linear time. Not API.
 */
public final class OptionLines {
    private static final Pattern OPTION_KEY = Pattern.compile("[a-z][a-z_]*\\d*:");

    /** An option line: its key, the value Proxmox stores, and the value's offset in the line. */
    public record Option(String key, String value, int valueOffset) {
    }

    private OptionLines() {
    }

    /** The blanks of {@code \s} in a Java (and Perl ASCII) regular expression. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /**
     * Reads {@code ^([a-z][a-z_]*\d*):\s*(.+?)\s*$} on the whole line.
     *
     * @param line the line as Proxmox splits it
     * @return the option, or null when the line is not an option line
     */
    public static Option option(String line) {
        Matcher m = OPTION_KEY.matcher(line);
        if (!m.lookingAt()) {
            return null;
        }
        int from = m.end();
        int n = line.length();
        if (from == n) {
            return null; // (.+?) needs one character
        }
        int lead = from;
        while (lead < n && isBlank(line.charAt(lead))) {
            lead++;
        }
        if (lead == n) {
            // only blanks: \s* gives back one, which is the value
            return new Option(line.substring(0, from - 1), line.substring(n - 1), n - 1);
        }
        int end = n;
        while (isBlank(line.charAt(end - 1))) {
            end--;
        }
        return new Option(line.substring(0, from - 1), line.substring(lead, end), lead);
    }

    /**
     * The value of a raw line after its separator: {@code \s*(.*?)\s*} on the rest of the line.
     *
     * @param line the line
     * @param from the offset just after the separator
     * @return {start, end} of the value
     */
    public static int[] trimmed(String line, int from) {
        int n = line.length();
        int lead = from;
        while (lead < n && isBlank(line.charAt(lead))) {
            lead++;
        }
        int end = n;
        while (end > lead && isBlank(line.charAt(end - 1))) {
            end--;
        }
        return new int[] {lead, end};
    }
}
