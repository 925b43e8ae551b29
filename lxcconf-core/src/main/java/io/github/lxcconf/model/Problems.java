package io.github.lxcconf.model;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Collects the diagnostics of the typed views of one config. */
final class Problems {
    private final String source;
    private final List<Diagnostic> out = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    /** Reports a problem with the value of a line, at the value's column, with the code's default severity. */
    void value(DiagnosticCode code, Origin at, String message, String hint) {
        add(code, code.defaultSeverity(), at.lineNumber(), at.entry().valueColumn(), message, hint);
    }

    /**
     * Reports a problem with one item of a list value, at the item's column, with the code's default severity.
     *
     * @param index where the item starts in the line's value as {@link io.github.lxcconf.syntax.EntryLine#value()}
     *              gives it (after a pair of outer quotes is removed)
     */
    void item(DiagnosticCode code, Origin at, int index, String message, String hint) {
        add(code, code.defaultSeverity(), at.lineNumber(), itemColumn(at, index), message, hint);
    }

    /** Reports a problem with one item of a list value, at the item's column, as a warning whatever the code. */
    void itemWarning(DiagnosticCode code, Origin at, int index, String message, String hint) {
        add(code, Severity.WARNING, at.lineNumber(), itemColumn(at, index), message, hint);
    }

    private static int itemColumn(Origin at, int index) {
        String value = at.entry().value();
        String raw = at.entry().valueRaw();
        int quote = value.length() == raw.length() ? 0 : 1;
        return at.entry().valueColumn() + quote + value.codePointCount(0, Math.min(index, value.length()));
    }

    /** Reports a problem with the value of a line, at the value's column, as a warning whatever the code. */
    void valueWarning(DiagnosticCode code, Origin at, String message, String hint) {
        add(code, Severity.WARNING, at.lineNumber(), at.entry().valueColumn(), message, hint);
    }

    /** Reports a problem with the key of a line, at the key's column, with the code's default severity. */
    void key(DiagnosticCode code, Origin at, String message, String hint) {
        add(code, code.defaultSeverity(), at.lineNumber(), at.entry().keyColumn(), message, hint);
    }

    private void add(DiagnosticCode code, Severity severity, int line, int column, String message, String hint) {
        out.add(new Diagnostic(severity, code, message, Optional.ofNullable(hint), source, line, column));
    }

    /** Returns the diagnostics sorted by line and column, stable for equal positions. */
    List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(out);
        copy.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        return List.copyOf(copy);
    }
}
