package io.github.lxcconf.seccomp;

import java.util.Objects;

/**
 * One line of a policy file with all its bytes: the text and the line end. Printing a policy joins
 * {@link #raw()} of every line, and nothing else.
 *
 * <p>liblxc splits lines at LF only: a CR before it is kept here as part of the line end {@code "\r\n"}, but
 * liblxc reads it as the last character of the line ({@link #content()}).
 *
 * <pre>{@code
 * PolicyLine l = SeccompPolicy.parse("2\ndenylist\nmknod errno 1\n").lines().get(2);
 * l.kind();  // RULE
 * l.text();  // "mknod errno 1"
 * l.raw();   // "mknod errno 1\n"
 * }</pre>
 *
 * @param kind what liblxc makes of the line
 * @param text the line without its line end
 * @param eol  {@code "\n"}, {@code "\r\n"}, or empty on a last line without one
 */
public record PolicyLine(Kind kind, String text, String eol) {

    /** What liblxc makes of a line. */
    public enum Kind {
        /** Only blanks: skipped before the header, and an ignored empty rule after it. */
        BLANK,
        /** The policy version, {@code 1} or {@code 2}. */
        VERSION,
        /** The policy line ({@code denylist}, {@code allowlist trap}, ...), or version and policy on one line. */
        HEADER,
        /** A comment: {@code #} in the first column of a version 2 body line. */
        COMMENT,
        /** An {@code [arch]} section header. */
        SECTION,
        /** A rule: a system call (a number in version 1) and what happens to it. */
        RULE,
        /** A line liblxc reads and skips: an indented comment (its system call name is empty). */
        IGNORED,
        /** A line that makes liblxc refuse the policy: the container does not start. */
        INVALID,
        /** A line after one that stops liblxc before it reads this one. */
        UNREAD
    }

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the text holds a line feed or the line end is not LF, CRLF or empty
     */
    public PolicyLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(eol, "eol");
        if (text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("text contains a line feed at index " + text.indexOf('\n'));
        }
        if (!eol.isEmpty() && !eol.equals("\n") && !eol.equals("\r\n")) {
            throw new IllegalArgumentException("eol must be LF, CRLF or empty");
        }
    }

    /**
     * Returns the line's bytes as in the file: text and line end.
     *
     * @return the raw line
     */
    public String raw() {
        return text + eol;
    }

    /**
     * Returns the line as liblxc reads it after removing the line feed: with a CR of a CRLF line end.
     *
     * <pre>{@code
     * new PolicyLine(PolicyLine.Kind.RULE, "kexec_load", "\r\n").content(); // "kexec_load\r"
     * }</pre>
     *
     * @return the content
     */
    public String content() {
        return eol.equals("\r\n") ? text + '\r' : text;
    }
}
