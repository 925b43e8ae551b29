package io.github.lxcconf;

import java.util.Objects;
import java.util.Optional;

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
 * @param severity how serious it is
 * @param code     the stable code
 * @param message  what is wrong, in one sentence
 * @param hint     what to do about it, where that helps
 * @param source   the file name or other label of the input ({@code "<string>"} for text)
 * @param line     the 1-based line number
 * @param column   the 1-based column, counted in Unicode code points
 */
public record Diagnostic(Severity severity, DiagnosticCode code, String message, Optional<String> hint,
                         String source, int line, int column) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if any component is null
     * @throws IllegalArgumentException if line or column is below 1
     */
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(source, "source");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column start at 1, got " + line + ":" + column);
        }
    }

    /**
     * Returns {@code true} for {@link Severity#ERROR}.
     *
     * @return whether this is an error
     */
    public boolean isError() {
        return severity == Severity.ERROR;
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
        return source + ':' + line + ':' + column + ": " + severity.label() + ": " + message + " [" + code.id() + ']';
    }
}
