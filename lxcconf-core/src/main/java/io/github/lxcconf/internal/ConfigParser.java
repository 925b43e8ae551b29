package io.github.lxcconf.internal;

import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.Severity;
import io.github.lxcconf.syntax.Line;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Text to lines: scan with the grammar, pick the dialect, build the lines. */
public final class ConfigParser {
    private ConfigParser() {
    }

    /** The lines of a text, its dialect and whether it began with a byte-order mark. */
    public record Result(List<Line> lines, Dialect dialect, boolean byteOrderMark, Optional<DialectEvidence> evidence) {
    }

    /**
     * Parses text into lines. Never throws for any input.
     *
     * @param text   the text, possibly starting with U+FEFF
     * @param forced the dialect to use, or empty to detect it
     * @return the lines
     */
    public static Result parse(String text, Optional<Dialect> forced) {
        return parse(text, forced, Optional.empty());
    }

    /**
     * Parses text into lines, the dialect decided by {@link DialectEvidence} from the file's path and its lines
     * unless it is forced. Never throws for any input.
     *
     * @param text   the text, possibly starting with U+FEFF
     * @param forced the dialect to use, or empty to detect it
     * @param path   the file the text was read from, if any
     * @return the lines
     */
    public static Result parse(String text, Optional<Dialect> forced, Optional<java.nio.file.Path> path) {
        boolean bom = !text.isEmpty() && text.charAt(0) == '\uFEFF';
        String body = bom ? text.substring(1) : text;
        RawLines raw = LineScanner.scan(body);
        if (raw == null) {
            return new Result(fallback(body), forced.orElse(Dialect.LXC), bom, Optional.empty());
        }
        Optional<DialectEvidence> evidence = forced.isPresent() ? Optional.empty()
                : Optional.of(LineBuilder.evidence(body, raw));
        Dialect dialect = forced.orElseGet(() -> evidence.orElseThrow().decide(path));
        return new Result(List.copyOf(LineBuilder.build(body, raw, dialect, bom)), dialect, bom, evidence);
    }

    /** Plain line splitting, used only if the grammar ever rejected its own tokens: nothing is lost. */
    private static List<Line> fallback(String body) {
        LineSlices.Factory f = LineSlices.factory();
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int n = body.length();
        while (start < n) {
            int i = start;
            while (i < n && body.charAt(i) != '\n' && body.charAt(i) != '\r') {
                i++;
            }
            int end = i;
            if (i < n) {
                end = body.charAt(i) == '\r' && i + 1 < n && body.charAt(i + 1) == '\n' ? i + 2 : i + 1;
            }
            lines.add(f.unknown(body, start, start, i, end, DiagnosticCode.INTERNAL, Severity.ERROR,
                    "lxcconf could not structure this text; it is kept as it is", "please report this input",
                    start));
            start = end;
        }
        return List.copyOf(lines);
    }
}
