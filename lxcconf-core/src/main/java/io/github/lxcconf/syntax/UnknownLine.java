package io.github.lxcconf.syntax;

import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Severity;

import java.util.Optional;

/**
 * A line liblxc or Proxmox would not read as a setting, kept verbatim with
 * the reason why.
 *
 * <p>Examples: {@code lxc.uts.name foo} (no {@code =}: liblxc refuses the
 * file), {@code hostname : x} or an indented line in a Proxmox file (Proxmox
 * drops it on its next write), a Proxmox option in a native LXC file (liblxc
 * ignores it). Such lines are never dropped: they print back as they were.
 *
 * <pre>{@code
 * UnknownLine u = (UnknownLine) LxcConfig.parseText("lxc.uts.name foo\n").lines().get(0);
 * u.code();     // DiagnosticCode.LXC_INVALID_LINE
 * u.reason();   // "liblxc refuses a line that starts with lxc. but has no '='"
 * }</pre>
 */
public final class UnknownLine extends Line {
    private final DiagnosticCode code;
    private final Severity severity;
    private final String reason;
    private final String hint;
    private final int problemOffset;

    UnknownLine(String src, int start, int indentEnd, int contentEnd, int end, DiagnosticCode code,
                Severity severity, String reason, String hint, int problemOffset) {
        super(src, start, indentEnd, contentEnd, end);
        this.code = code;
        this.severity = severity;
        this.reason = reason;
        this.hint = hint;
        this.problemOffset = problemOffset;
    }

    int problemOffset() {
        return problemOffset;
    }

    /**
     * Returns the code of the problem that makes this line unreadable.
     *
     * @return the diagnostic code
     */
    public DiagnosticCode code() {
        return code;
    }

    /**
     * Returns how serious it is: an error when the program refuses the file or
     * drops the line, a warning when it silently ignores it.
     *
     * @return the severity
     */
    public Severity severity() {
        return severity;
    }

    /**
     * Returns why the line cannot be read, in one sentence.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }

    /**
     * Returns what to do about it, where there is something to say.
     *
     * @return the hint, or empty
     */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }

    /**
     * Returns the 1-based column, in code points, where the problem is.
     *
     * @return the problem's column
     */
    public int problemColumn() {
        return columnOf(problemOffset);
    }
}
