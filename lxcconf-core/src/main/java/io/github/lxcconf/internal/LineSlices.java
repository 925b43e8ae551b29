package io.github.lxcconf.internal;

import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Severity;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.SectionKind;

/**
 * Bridge to the package-private constructors of the line classes: lines are
 * slices of a source string, and only the reader may cut them. Not API.
 */
public final class LineSlices {
    /** Creates lines as slices of a source string (all offsets are into {@code src}). */
    public interface Factory {
        /** A blank line. */
        Line blank(String src, int start, int contentEnd, int end);

        /** A comment line; {@code indentEnd} is the offset of the {@code #}. */
        Line comment(String src, int start, int indentEnd, int contentEnd, int end);

        /** A section header. */
        Line section(String src, int start, int nameStart, int nameEnd, int contentEnd, int end, SectionKind kind);

        /** An entry; {@code keyEnd <= sepStart < valueStart <= valueEnd <= contentEnd}. */
        Line entry(String src, int start, int indentEnd, int keyEnd, int sepStart, int valueStart, int valueEnd,
                   int contentEnd, int end);

        /** A line that is not read, with the reason. */
        Line unknown(String src, int start, int indentEnd, int contentEnd, int end, DiagnosticCode code,
                     Severity severity, String reason, String hint, int problemOffset);

        /**
         * Returns the index within {@link Line#content()} of the first character that needs a closer look,
         * or -1, without copying the line: a control character other than TAB (U+0000 to U+001F, U+007F)
         * or a surrogate (a byte that was not UTF-8 is kept as a lone surrogate, see {@link Utf8}).
         */
        int firstSpecialCharacter(Line line);

        /** Returns the same line with another line end: a new line of the same kind that owns its text. */
        Line withEol(Line line, String eol);
    }

    private static volatile Factory factory;

    /** Runs a class's static initializer, where a bridge's implementation registers itself. */
    static void initialize(Class<?> type) {
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private LineSlices() {
    }

    /**
     * Called once by the line classes' static initializer.
     *
     * @param f the factory
     */
    public static void register(Factory f) {
        factory = f;
    }

    /**
     * Returns the factory, loading the line classes first if needed.
     *
     * @return the factory
     */
    public static Factory factory() {
        Factory f = factory;
        if (f == null) {
            initialize(Line.class);
            f = factory;
        }
        return f;
    }
}
