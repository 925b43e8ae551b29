package io.github.lxcconf;

import io.github.lxcconf.internal.DiagnosticAccess;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A problem found in a config, with where it is and what to do about it.
 *
 * <p>{@link #toString()} gives the compiler-style form
 * {@code 102.conf:14:27: error: ... [PVE001]}.
 *
 * <pre>{@code
 * for (Diagnostic d : LxcConfig.parse(Path.of("102.conf")).diagnostics()) {
 *     System.err.println(d);                       // 102.conf:14:1: error: ... [PVE001]
 *     d.hint().ifPresent(h -> System.err.println("  hint: " + h));
 * }
 * }</pre>
 *
 * <p>Two diagnostics are equal when all their parts are. A diagnostic made by the library builds its message
 * and hint from the config's lines when they are read, so a file with hundreds of thousands of findings does not
 * hold as many sentences; what they say is the same on every call.
 */
public final class Diagnostic {
    static {
        DiagnosticAccess.register(Diagnostic::new);
    }

    private final Severity severity;
    private final DiagnosticCode code;
    /** A String, or a Supplier of one that is asked each time the message is read. */
    private final Object message;
    /** Null, a String, or a Supplier of one. */
    private final Object hint;
    private final String source;
    private final int line;
    private final int column;

    /**
     * Makes a diagnostic.
     *
     * @param severity how serious it is
     * @param code     the stable code
     * @param message  what is wrong, in one sentence
     * @param hint     what to do about it, where that helps
     * @param source   the file name or other label of the input ({@code "<string>"} for text)
     * @param line     the 1-based line number
     * @param column   the 1-based column, counted in Unicode code points
     * @throws NullPointerException     if any argument is null
     * @throws IllegalArgumentException if line or column is below 1
     */
    public Diagnostic(Severity severity, DiagnosticCode code, String message, Optional<String> hint,
                      String source, int line, int column) {
        this(severity, code, (Object) Objects.requireNonNull(message, "message"),
                Objects.requireNonNull(hint, "hint").orElse(null), source, line, column);
    }

    private Diagnostic(Severity severity, DiagnosticCode code, Object message, Object hint, String source,
                       int line, int column) {
        this.severity = Objects.requireNonNull(severity, "severity");
        this.code = Objects.requireNonNull(code, "code");
        this.message = Objects.requireNonNull(message, "message");
        this.hint = hint;
        this.source = Objects.requireNonNull(source, "source");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column start at 1, got " + line + ":" + column);
        }
        this.line = line;
        this.column = column;
    }

    /**
     * Returns how serious it is.
     *
     * @return the severity
     */
    public Severity severity() {
        return severity;
    }

    /**
     * Returns the stable code.
     *
     * @return the code
     */
    public DiagnosticCode code() {
        return code;
    }

    /**
     * Returns what is wrong, in one sentence.
     *
     * @return the message
     */
    public String message() {
        return text(message);
    }

    /**
     * Returns what to do about it, where that helps.
     *
     * @return the hint, or empty
     */
    public Optional<String> hint() {
        return hint == null ? Optional.empty() : Optional.of(text(hint));
    }

    /**
     * Returns the file name or other label of the input ({@code "<string>"} for text).
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    /**
     * Returns the 1-based line number.
     *
     * @return the line
     */
    public int line() {
        return line;
    }

    /**
     * Returns the 1-based column, counted in Unicode code points.
     *
     * @return the column
     */
    public int column() {
        return column;
    }

    private static String text(Object part) {
        if (part instanceof String s) {
            return s;
        }
        @SuppressWarnings("unchecked")
        Supplier<String> supplier = (Supplier<String>) part;
        return Objects.requireNonNull(supplier.get(), "message");
    }

    /**
     * Returns {@code true} for {@link Severity#ERROR}.
     *
     * @return whether this is an error
     */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Diagnostic d && severity == d.severity && code == d.code && line == d.line
                && column == d.column && source.equals(d.source) && message().equals(d.message())
                && hint().equals(d.hint());
    }

    @Override
    public int hashCode() {
        return Objects.hash(severity, code, message(), hint(), source, line, column);
    }

    /**
     * Returns the compiler-style form: {@code source:line:column: severity: message [code]}.
     *
     * <pre>{@code
     * "102.conf:14:1: error: Proxmox cannot parse this line ... [PVE001]"
     * }</pre>
     */
    @Override
    public String toString() {
        return source + ':' + line + ':' + column + ": " + severity.label() + ": " + message() + " [" + code.id()
                + ']';
    }
}
