package io.github.lxcconf.internal;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Severity;

/**
 * Bridge to Diagnostic's private constructor, for the checks that make many diagnostics: their message and hint
 * are given as a {@code String} or as a {@code Supplier<String>} that builds it from the config's lines when it
 * is read. Not API.
 */
public final class DiagnosticAccess {
    /** Makes a diagnostic. */
    public interface Factory {
        /**
         * A diagnostic.
         *
         * @param severity how serious it is
         * @param code     the code
         * @param message  a String or a {@code Supplier<String>}
         * @param hint     null, a String or a {@code Supplier<String>}
         * @param source   the source's label
         * @param line     the 1-based line
         * @param column   the 1-based column
         * @return the diagnostic
         */
        Diagnostic create(Severity severity, DiagnosticCode code, Object message, Object hint, String source,
                          int line, int column);
    }

    private static volatile Factory factory;

    private DiagnosticAccess() {
    }

    /**
     * Called once by Diagnostic's static initializer.
     *
     * @param f the factory
     */
    public static void register(Factory f) {
        factory = f;
    }

    /**
     * The factory, running Diagnostic's static initializer first where needed.
     *
     * @return the factory
     */
    public static Factory factory() {
        Factory f = factory;
        if (f == null) {
            LineSlices.initialize(Diagnostic.class);
            f = factory;
        }
        return f;
    }
}
