package io.github.lxcconf.internal.proxmox;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Builds diagnostics of a value read on its own (source {@code "<string>"}, line 1, columns
 * counted in the value) and moves them to where the value is in a file. Not API.
 */
public final class Reports {
    static final String STANDALONE = "<string>";

    /** Orders diagnostics by line, then column. */
    public static final Comparator<Diagnostic> IN_LINE_ORDER =
            Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column);

    private Reports() {
    }

    /** A diagnostic about a value read on its own, at a char offset in it. */
    public static Diagnostic at(String value, int offset, DiagnosticCode code, String message, String hint) {
        int column = value.codePointCount(0, Math.min(offset, value.length())) + 1;
        return new Diagnostic(code.defaultSeverity(), code, message, Optional.ofNullable(hint), STANDALONE, 1, column);
    }

    /** Prefixes the message of each diagnostic; the rest stays. */
    public static List<Diagnostic> prefixed(List<Diagnostic> in, String optionKey) {
        return in.stream().map(d -> new Diagnostic(d.severity(), d.code(), prefix(d.code(), optionKey) + d.message(),
                d.hint(), d.source(), d.line(), d.column())).toList();
    }

    /** The text Proxmox puts before a problem of a property-string option. */
    static String prefix(DiagnosticCode code, String optionKey) {
        return switch (code) {
            case PVE_MALFORMED_PROPERTY_STRING -> "unable to parse value of '" + optionKey + "' - ";
            case PVE_INVALID_PROPERTY -> "unable to parse value of '" + optionKey + "' - format error: ";
            default -> optionKey + ": ";
        };
    }

    /** Moves a value's diagnostic to the file: its line, and its column counted from the value's column. */
    public static Diagnostic relocate(Diagnostic d, String source, int line, int valueColumn) {
        return new Diagnostic(d.severity(), d.code(), d.message(), d.hint(), source, line,
                valueColumn + d.column() - 1);
    }
}
