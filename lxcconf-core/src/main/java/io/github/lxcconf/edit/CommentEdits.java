package io.github.lxcconf.edit;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.internal.LineSlices;
import io.github.lxcconf.syntax.CommentLine;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;

import java.util.List;
import java.util.Objects;

/**
 * The lines of {@link ConfigEditor#commentAbove}, {@link ConfigEditor#commentOut} and
 * {@link ConfigEditor#uncomment}: each is made from the one line it concerns, and owns its text.
 */
final class CommentEdits {
    private CommentEdits() {
    }

    /** A comment line {@code INDENT# TEXT EOL} with the anchor's indent and line end (or {@code eol} when it has none). */
    static Line commentAbove(Line anchor, String text, String eol) {
        Objects.requireNonNull(text, "text");
        Checks.comment(text);
        String end = anchor.eol().isEmpty() ? eol : anchor.eol();
        String line = anchor.indent() + "#" + (text.isEmpty() ? "" : " " + text) + end;
        return comment(line, anchor.indent().length(), end);
    }

    /** The entry as a comment: its indent, {@code # }, then the rest of its bytes, line end included. */
    static Line commentedOut(EntryLine entry) {
        String indent = entry.indent();
        String line = indent + "# " + entry.text().substring(indent.length());
        return comment(line, indent.length(), entry.eol());
    }

    /**
     * The entry a comment holds: its indent, then the text after {@code #} and one blank, then its line end;
     * refused unless that reads back, in the dialect, as exactly one entry line without problems.
     */
    static EntryLine uncommented(CommentLine comment, Dialect dialect) {
        String text = comment.commentText();
        String body = text.startsWith(" ") || text.startsWith("\t") ? text.substring(1) : text;
        String line = comment.indent() + body + comment.eol();
        LxcConfig read = LxcConfig.reader().dialect(dialect).parse(line);
        List<Line> lines = read.lines();
        if (body.isEmpty() || lines.size() != 1 || !(lines.get(0) instanceof EntryLine entry)
                || !read.diagnostics().isEmpty()) {
            throw new IllegalArgumentException("the comment '#" + text + "' does not hold an entry line: '" + body
                    + "' is not read as KEY" + (dialect == Dialect.PROXMOX ? ": " : " = ") + "VALUE");
        }
        Checks.key(entry.key(), dialect, false);
        return entry;
    }

    private static Line comment(String line, int hash, String eol) {
        return LineSlices.factory().comment(line, 0, hash, line.length() - eol.length(), line.length());
    }
}
