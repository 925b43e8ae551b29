package io.github.lxcconf.syntax;

/**
 * A comment: a line whose first non-blank character is {@code #}.
 *
 * <p>liblxc ignores comments. Proxmox reads each column-0 comment of a section
 * into that section's description (the "Notes" in its GUI) and writes it back
 * URL-encoded at the top of the section.
 *
 * <pre>{@code
 * CommentLine c = (CommentLine) LxcConfig.parseText("# hello\n").lines().get(0);
 * c.commentText(); // " hello"
 * }</pre>
 */
public final class CommentLine extends Line {
    CommentLine(String src, int start, int indentEnd, int contentEnd, int end) {
        super(src, start, indentEnd, contentEnd, end);
    }

    /**
     * Returns what follows the {@code #}, up to the line end, exactly as written.
     *
     * @return the comment text, possibly empty
     */
    public String commentText() {
        return src.substring(indentEnd + 1, contentEnd);
    }
}
