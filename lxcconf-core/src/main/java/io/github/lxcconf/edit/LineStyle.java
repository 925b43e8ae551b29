package io.github.lxcconf.edit;

import io.github.lxcconf.internal.LineSlices;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.SectionKind;

/**
 * The one place that formats: how a new line looks (copied from a neighbour,
 * else the dialect's default), and how a changed value fits into its old slot.
 *
 * @param indent          blanks before the key
 * @param beforeSeparator blanks between key and separator
 * @param separator       {@code '='} or {@code ':'}
 * @param afterSeparator  blanks between separator and value
 * @param eol             the line end
 */
record LineStyle(String indent, String beforeSeparator, char separator, String afterSeparator, String eol) {

    static final LineStyle LXC_DEFAULT = new LineStyle("", " ", '=', " ", "\n");
    static final LineStyle PROXMOX_DEFAULT = new LineStyle("", "", ':', " ", "\n");

    /**
     * The style of an existing entry. An entry with an empty value has no blanks after its separator to
     * copy; it gets those before the separator ({@code lxc.k = v} for {@code lxc.k =}), or one blank
     * after a colon.
     */
    static LineStyle of(EntryLine line) {
        char sep = line.separator().charAt(0);
        String after = line.afterSeparator();
        if (after.isEmpty() && line.valueRaw().isEmpty()) {
            after = !line.beforeSeparator().isEmpty() ? line.beforeSeparator() : sep == ':' ? " " : "";
        }
        return new LineStyle(line.indent(), line.beforeSeparator(), sep, after, line.eol());
    }

    LineStyle withEol(String newEol) {
        return new LineStyle(indent, beforeSeparator, separator, afterSeparator, newEol);
    }

    /** Proxmox options are always {@code key: value} at column 0; keep only the blanks after the colon. */
    LineStyle asProxmoxOption() {
        return new LineStyle("", "", ':', afterSeparator.isEmpty() ? " " : afterSeparator, eol);
    }

    /** Proxmox reads no indentation, and no blank before a colon. */
    LineStyle asProxmoxRaw() {
        return new LineStyle("", separator == ':' ? "" : beforeSeparator, separator, afterSeparator, eol);
    }

    /**
     * The raw text that reads back as {@code value}: liblxc strips one pair of matching outer quotes from
     * {@code lxc.*} values, so a value that itself starts and ends with the same quote is wrapped in one
     * more pair; everything else is written as it is.
     */
    static String raw(String key, String value) {
        if (key.startsWith("lxc.") && value.length() >= 2) {
            char first = value.charAt(0);
            if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
                return '"' + value + '"';
            }
        }
        return value;
    }

    /** A new entry line that owns its text. */
    EntryLine entry(String key, String value) {
        value = raw(key, value);
        String text = indent + key + beforeSeparator + separator + afterSeparator + value + eol;
        int keyStart = indent.length();
        int keyEnd = keyStart + key.length();
        int sep = keyEnd + beforeSeparator.length();
        int valueStart = sep + 1 + afterSeparator.length();
        int valueEnd = valueStart + value.length();
        return (EntryLine) LineSlices.factory().entry(text, 0, keyStart, keyEnd, sep, valueStart, valueEnd, valueEnd,
                text.length());
    }

    /** A new section header line. */
    static Line header(String name, SectionKind kind, String eol) {
        String text = "[" + name + "]" + eol;
        return LineSlices.factory().section(text, 0, 1, 1 + name.length(), text.length() - eol.length(),
                text.length(), kind);
    }

    /** A new blank line. */
    static Line blank(String eol) {
        return LineSlices.factory().blank(eol, 0, 0, eol.length());
    }

    /**
     * The same entry with another value, in its old slot: indent, key, the blanks around the separator,
     * trailing blanks and line end stay. A value that was quoted stays quoted with the same quote (liblxc
     * strips exactly one outer pair, whatever is inside).
     */
    static EntryLine withValue(EntryLine line, String value) {
        return withKeyAndValue(line, line.key(), value);
    }

    /**
     * The entry with another key and value, in its old slot: as {@link #withValue}, and the new key where
     * the old one stood. Quotes are kept only while the key stays an {@code lxc.*} key (only liblxc strips them).
     */
    static EntryLine withKeyAndValue(EntryLine line, String key, String value) {
        String raw = line.valueRaw();
        String newRaw;
        if (line.isLxcKey() && key.startsWith("lxc.") && raw.length() >= 2
                && (raw.charAt(0) == '"' || raw.charAt(0) == '\'') && raw.charAt(raw.length() - 1) == raw.charAt(0)) {
            newRaw = raw.charAt(0) + value + raw.charAt(0);
        } else {
            newRaw = raw(key, value);
        }
        String after = line.afterSeparator();
        if (after.isEmpty() && raw.isEmpty() && !newRaw.isEmpty() && line.separator().equals(":")) {
            after = " ";
        }
        String before = line.indent() + key + line.beforeSeparator() + line.separator() + after;
        String text = before + newRaw + line.trailing() + line.eol();
        int keyStart = line.indent().length();
        int keyEnd = keyStart + key.length();
        int sep = keyEnd + line.beforeSeparator().length();
        int valueStart = before.length();
        int valueEnd = valueStart + newRaw.length();
        return (EntryLine) LineSlices.factory().entry(text, 0, keyStart, keyEnd, sep, valueStart, valueEnd,
                valueEnd + line.trailing().length(), text.length());
    }
}
