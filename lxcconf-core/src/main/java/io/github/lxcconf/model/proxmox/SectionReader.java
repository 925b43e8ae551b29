package io.github.lxcconf.model.proxmox;

import io.github.lxcconf.internal.proxmox.OptionLines;
import io.github.lxcconf.syntax.CommentLine;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the lines of one section with the rules of pve-container's {@code parse_pct_config}
 * (spec §2): comments and {@code description:} into the description, {@code snapstate},
 * {@code delete:}, and generic option lines with the value Proxmox stores. Lines Proxmox cannot
 * parse are the syntax layer's business and are skipped here. Not API.
 */
final class SectionReader {
    // rules 6-9, applied to the line as Proxmox splits it (on LF only, so a CRLF line ends in CR)
    private static final Pattern DESCRIPTION = Pattern.compile("^description:\\s*(.*\\S)\\s*$", Pattern.DOTALL);
    private static final Pattern SNAPSTATE = Pattern.compile("snapstate:\\s*(prepare|delete)\\s*$");
    private static final Pattern DELETE = Pattern.compile("^delete:\\s*(.*\\S)\\s*$", Pattern.DOTALL);
    // rule 9, ^([a-z][a-z_]*\d*):\s*(.+?)\s*$, is read by OptionLines in linear time

    /**
     * An option line: what Proxmox stores and where it is.
     *
     * @param key         the key
     * @param value       the value Proxmox stores (rule 9: trailing blanks trimmed, may be a lone CR)
     * @param line        the 1-based line number in the file
     * @param valueColumn the 1-based column of the value
     * @param checked     false for a {@code snapstate} line (rule 7), which is not type-checked
     */
    record OptionLine(String key, String value, int line, int valueColumn, boolean checked) {
    }

    /**
     * A {@code delete:} line (rule 8).
     *
     * @param value  the list as written
     * @param line   the 1-based line number
     * @param column the 1-based column of the list
     */
    record DeleteLine(String value, int line, int column) {
    }

    final List<OptionLine> options = new ArrayList<>();
    final List<DeleteLine> deletes = new ArrayList<>();
    private final StringBuilder description = new StringBuilder();

    private SectionReader() {
    }

    static SectionReader read(Section section) {
        SectionReader r = new SectionReader();
        List<Line> lines = section.lines();
        for (int i = 0; i < lines.size(); i++) {
            r.accept(lines.get(i), section.firstLineNumber() + i);
        }
        return r;
    }

    /** The description as Proxmox keeps it: empty when the buffer is Perl-false ("" or "0"). */
    String description() {
        String d = description.toString();
        return d.equals("0") ? "" : d;
    }

    private void accept(Line line, int number) {
        if (!line.indent().isEmpty()) {
            return; // Proxmox reads no indented line at all
        }
        String text = proxmoxLine(line);
        if (line instanceof CommentLine c) {
            description.append(Description.decode(c.commentText() + (line.eol().startsWith("\r") ? "\r" : "")))
                    .append('\n');
            return;
        }
        if (!(line instanceof EntryLine e) || e.isLxcKey()) {
            return;
        }
        Matcher m = DESCRIPTION.matcher(text);
        if (m.matches()) {
            description.append(Description.decode(m.group(1)));
            return;
        }
        m = SNAPSTATE.matcher(text);
        if (m.find()) {
            options.add(new OptionLine("snapstate", m.group(1), number, column(text, m.start(1)), false));
            return;
        }
        m = DELETE.matcher(text);
        if (m.matches()) {
            deletes.add(new DeleteLine(m.group(1), number, column(text, m.start(1))));
            return;
        }
        OptionLines.Option option = OptionLines.option(text);
        if (option != null) {
            options.add(new OptionLine(option.key(), option.value(), number, column(text, option.valueOffset()), true));
        }
    }

    /** The line as Proxmox sees it after splitting on LF: the content, plus the CR of a CRLF or CR end. */
    private static String proxmoxLine(Line line) {
        return line.eol().startsWith("\r") ? line.content() + "\r" : line.content();
    }

    private static int column(String text, int offset) {
        return text.codePointCount(0, offset) + 1;
    }
}
