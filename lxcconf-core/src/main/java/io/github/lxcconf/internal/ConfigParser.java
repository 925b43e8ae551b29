package io.github.lxcconf.internal;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.syntax.Line;

import java.util.List;
import java.util.Optional;

/**
 * Text to lines: scan the shape of each line, pick the dialect, build the lines.
 *
 * <p>The shapes come from {@link ShapeScanner}; with {@code -Dlxcconf.checkRoundTrip=true} every text is
 * also scanned with the grammar ({@link LineScanner}) and a difference in any line is an
 * {@link IllegalStateException}, so that the tests hold the scanner to the grammar.
 */
public final class ConfigParser {
    private static final boolean CHECK_GRAMMAR = Boolean.getBoolean("lxcconf.checkRoundTrip");

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
        RawLines raw = ShapeScanner.scan(body);
        if (CHECK_GRAMMAR) {
            checkAgainstGrammar(body, raw);
        }
        Optional<DialectEvidence> evidence = forced.isPresent() ? Optional.empty()
                : Optional.of(LineBuilder.evidence(body, raw));
        Dialect dialect = forced.orElseGet(() -> evidence.orElseThrow().decide(path));
        return new Result(List.copyOf(LineBuilder.build(body, raw, dialect, bom)), dialect, bom, evidence);
    }

    /**
     * Reads a piece of a text: whole lines, the first of which starts a line of the text. Each line is read as
     * it is inside the whole text, provided that the text has no NUL byte (in a native LXC config the first one
     * ends the file for the lines after it) and that the piece does not stand at the start of a text that begins
     * with U+FEFF (nothing here is taken as a byte-order mark).
     *
     * @param piece     the lines' text
     * @param dialect   the dialect the text is read in
     * @param inPending whether the piece starts inside a {@code [pve:pending]} section (Proxmox only)
     * @return the lines
     */
    static List<Line> piece(String piece, Dialect dialect, boolean inPending) {
        RawLines raw = ShapeScanner.scan(piece);
        if (CHECK_GRAMMAR) {
            checkAgainstGrammar(piece, raw);
        }
        return LineBuilder.build(piece, raw, dialect, false, inPending);
    }

    /**
     * Scans the text with the grammar and compares every line's shape with the scanner's.
     *
     * @throws IllegalStateException if they differ
     */
    static void checkAgainstGrammar(String body, RawLines raw) {
        RawLines grammar = LineScanner.scan(body);
        if (grammar == null) {
            throw new IllegalStateException("lxcconf: the grammar rejected its own tokens");
        }
        int line = raw.firstDifference(grammar);
        if (line >= 0) {
            throw new IllegalStateException("lxcconf: the line scanner and the grammar disagree on line "
                    + (line + 1) + ": " + raw.describe(line) + " against " + grammar.describe(line));
        }
    }
}
