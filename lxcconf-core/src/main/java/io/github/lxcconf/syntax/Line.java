package io.github.lxcconf.syntax;

import io.github.lxcconf.internal.LineSlices;

/**
 * One line of a config, with every byte of it, line end included.
 *
 * <p>A document is a list of lines; joining their {@link #text()} gives back
 * the input exactly. The kinds are {@link EntryLine} ({@code key = value},
 * {@code key: value}), {@link CommentLine}, {@link BlankLine},
 * {@link SectionLine} ({@code [snap1]}, {@code [pve:pending]}) and
 * {@link UnknownLine} (text liblxc or Proxmox would not read, kept verbatim).
 * Lines are immutable and hold no line number: the document knows where each
 * line is.
 *
 * <pre>{@code
 * for (Line line : config.lines()) {
 *     if (line instanceof EntryLine e) {
 *         System.out.println(e.key() + " -> " + e.value());
 *     }
 * }
 * }</pre>
 */
public abstract sealed class Line permits BlankLine, CommentLine, EntryLine, SectionLine, UnknownLine {

    static {
        LineSlices.register(new SliceFactory());
    }

    /** The text this line is a slice of: the whole input, or the line's own text. */
    final String src;
    /** Offset of the first character of the line in {@link #src}. */
    final int start;
    /** Offset just after the leading blanks. */
    final int indentEnd;
    /** Offset of the line end (or of the end of the line when it has none). */
    final int contentEnd;
    /** Offset just after the line end. */
    final int end;

    Line(String src, int start, int indentEnd, int contentEnd, int end) {
        this.src = src;
        this.start = start;
        this.indentEnd = indentEnd;
        this.contentEnd = contentEnd;
        this.end = end;
    }

    /**
     * Returns the whole line as written, line end included.
     *
     * <pre>{@code
     * line.text(); // "lxc.arch = amd64\n"
     * }</pre>
     *
     * @return the line's text
     */
    public final String text() {
        return src.substring(start, end);
    }

    /**
     * Returns the line without its line end.
     *
     * @return the line's text up to the line end
     */
    public final String content() {
        return src.substring(start, contentEnd);
    }

    /**
     * Returns the line end exactly as written: {@code "\n"}, {@code "\r\n"},
     * {@code "\r"}, or {@code ""} for a last line without one.
     *
     * @return the line end
     */
    public final String eol() {
        return src.substring(contentEnd, end);
    }

    /**
     * Returns the spaces and tabs the line starts with.
     *
     * @return the indentation, often empty
     */
    public final String indent() {
        return src.substring(start, indentEnd);
    }

    /**
     * Returns the number of UTF-16 characters in {@link #text()}.
     *
     * @return the length of the line, line end included
     */
    public final int length() {
        return end - start;
    }

    /**
     * Appends {@link #text()} to a builder without making a copy first.
     *
     * @param out where to append
     */
    public final void appendTo(StringBuilder out) {
        out.append(src, start, end);
    }

    /** Returns the 1-based column, in code points, of an offset in {@link #src}. */
    final int columnOf(int offset) {
        return Character.codePointCount(src, start, offset) + 1;
    }

    /**
     * Returns whether the other object is a line of the same kind with the same text.
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || other.getClass() != getClass()) {
            return false;
        }
        Line that = (Line) other;
        return length() == that.length() && src.regionMatches(start, that.src, that.start, length());
    }

    @Override
    public int hashCode() {
        int h = getClass().hashCode();
        for (int i = start; i < end; i++) {
            h = 31 * h + src.charAt(i);
        }
        return h;
    }

    /**
     * Returns the kind and the text, with line ends escaped: {@code EntryLine[lxc.arch = amd64\n]}.
     */
    @Override
    public String toString() {
        return getClass().getSimpleName() + '[' + text().replace("\r", "\\r").replace("\n", "\\n") + ']';
    }
}
