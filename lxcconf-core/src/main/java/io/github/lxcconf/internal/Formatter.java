package io.github.lxcconf.internal;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.syntax.BlankLine;
import io.github.lxcconf.syntax.CommentLine;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.SectionKind;
import io.github.lxcconf.syntax.SectionLine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The canonical layout of a config, line by line: what {@link LxcConfig#format()} does.
 *
 * <ul>
 *   <li>an LXC setting is {@code key = value} ({@code key =} when empty), a Proxmox option or raw
 *       {@code lxc.*} line {@code key: value} ({@code key: } when empty), the way Proxmox writes them;
 *       no indentation, no blanks after the value; the value itself (quotes, inner blanks) is kept as
 *       written;</li>
 *   <li>a blank line is empty; a section header is {@code [name]};</li>
 *   <li>an LXC comment loses its indentation; its text is kept (a Proxmox comment is its
 *       container's description, so it is kept whole);</li>
 *   <li>the last line gets a line end: CRLF when most lines end so, else LF;</li>
 *   <li>lines that do not parse are kept as they are, and so is any line whose canonical form
 *       would be read differently.</li>
 * </ul>
 */
public final class Formatter {
    private Formatter() {
    }

    /**
     * Formats a config.
     *
     * @param config the config
     * @return the config in canonical layout, with the same number of lines; the config itself
     *         when it already is canonical
     */
    public static LxcConfig format(LxcConfig config) {
        List<Line> lines = config.lines();
        int n = lines.size();
        if (n == 0) {
            return config;
        }
        String eol = dominantEol(lines);
        Dialect dialect = config.dialect();
        // the canonical text of each line that changes; null for a line that stays as it is
        String[] texts = new String[n];
        int changed = 0;
        long length = 0;
        // whether every line, as it is and in its canonical form, is read alone as it is read in the whole text
        boolean alone = true;
        // whether a canonical line starting with its line end follows a line ending with a lone CR: the two join
        boolean joins = false;
        // in a Proxmox config, the lines that may be section headers: they decide how a 'delete' line below reads
        BitSet headers = new BitSet();
        boolean afterCr = false;
        for (int i = 0; i < n; i++) {
            Line line = lines.get(i);
            String old = line.text();
            String lineEol = line.eol().isEmpty() && i == n - 1 ? eol : line.eol();
            String text = canonical(line, dialect) + lineEol;
            if (!text.equals(old)) {
                texts[i] = text;
                changed++;
                length += text.length();
                alone = alone && readAlone(text, i, n, dialect);
                joins |= afterCr && text.startsWith("\n");
            } else {
                length += line.length();
            }
            alone = alone && readAlone(old, i, n, dialect) && !(afterCr && old.startsWith("\n"));
            if (dialect == Dialect.PROXMOX && old.startsWith("[")) {
                headers.set(i);
            }
            afterCr = old.endsWith("\r");
        }
        if (changed == 0) {
            return config;
        }
        if (!alone) {
            return readWhole(config, texts, length);
        }
        if (joins) {
            // A new line end joins two lines (a lone CR before an LF line): keep the old text.
            return config;
        }
        // Re-read the changed lines and keep a rewritten line only if it means what the old one meant. Runs of
        // changed lines are read a piece at a time, each as it is read inside the whole new text, so that neither
        // the whole new text nor a second line of every line is ever made.
        while (true) {
            List<Line> out = new ArrayList<>(n);
            boolean reverted = false;
            boolean pending = false;
            int i = 0;
            while (i < n) {
                if (texts[i] == null && !headers.get(i)) {
                    out.add(lines.get(i++));
                    continue;
                }
                int from = i;
                StringBuilder piece = new StringBuilder();
                while (i < n && (texts[i] != null || headers.get(i)) && (i == from || piece.length() < PIECE)) {
                    if (texts[i] == null) {
                        lines.get(i).appendTo(piece);
                    } else {
                        piece.append(texts[i]);
                    }
                    i++;
                }
                List<Line> reread = ConfigParser.piece(piece.toString(), dialect, pending);
                if (reread.size() != i - from) {
                    throw new IllegalStateException("lxcconf: " + (i - from) + " lines read again as "
                            + reread.size() + " at line " + (from + 1));
                }
                for (int k = 0; k < reread.size(); k++) {
                    Line old = lines.get(from + k);
                    Line now = reread.get(k);
                    if (now instanceof SectionLine s) {
                        pending = s.kind() == SectionKind.PENDING;
                    }
                    if (now.text().equals(old.text())) {
                        out.add(old);
                    } else if (sameMeaning(old, now)) {
                        out.add(now);
                    } else {
                        texts[from + k] = null;
                        reverted = true;
                    }
                }
            }
            if (!reverted) {
                return ConfigAccess.factory().create(config, dialect, config.hasByteOrderMark(), List.copyOf(out),
                        config.sourceName(), config.path());
            }
        }
    }

    /** How many characters of changed lines are read again at a time, at least. */
    private static final int PIECE = 1 << 15;

    /**
     * Whether a line's text, standing at index {@code i} of {@code n} lines, is read alone as it is read in the
     * whole text: it ends with its one line end (only the last line may have none), it holds no NUL byte (in a
     * native LXC config the first one ends the file for every line after it), and the first line does not start
     * with U+FEFF (which would be read as a byte-order mark).
     */
    private static boolean readAlone(String text, int i, int n, Dialect dialect) {
        if (text.isEmpty()) {
            return false;
        }
        int cr = text.indexOf('\r');
        int lf = text.indexOf('\n');
        int end = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
        if (end < 0 ? i != n - 1
                : !(end == text.length() - 1 || end == text.length() - 2 && text.startsWith("\r\n", end))) {
            return false;
        }
        return !(dialect == Dialect.LXC && text.indexOf('\0') >= 0) && !(i == 0 && text.charAt(0) == '\uFEFF');
    }

    /**
     * Formats by reading the whole new text again, for the lines that cannot be read alone (a NUL byte, a line
     * end inside a line's text): what {@link #format} does piece by piece, on one text.
     */
    private static LxcConfig readWhole(LxcConfig config, String[] texts, long length) {
        List<Line> lines = config.lines();
        int n = lines.size();
        Dialect dialect = config.dialect();
        int changed = 0;
        for (String text : texts) {
            changed += text == null ? 0 : 1;
        }
        // Re-read the new text and keep a rewritten line only if it means what the old one meant.
        while (true) {
            ConfigParser.Result r = ConfigParser.parse(text(lines, texts, length), Optional.of(dialect));
            List<Line> reread = r.lines();
            boolean reverted = false;
            if (reread.size() != n) {
                // A new line end joined or split lines (a lone CR before an LF line): keep the old text.
                return config;
            }
            List<Line> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Line old = lines.get(i);
                Line now = reread.get(i);
                if (now.text().equals(old.text())) {
                    out.add(old);
                } else if (sameMeaning(old, now)) {
                    // A few changed lines each get a text of their own, so that the result does not keep the
                    // whole re-read text beside the original one; when most lines change, slices of it are smaller.
                    out.add(changed * 2 < n ? LineSlices.factory().withEol(now, now.eol()) : now);
                } else {
                    length += old.length() - texts[i].length();
                    texts[i] = null;
                    reverted = true;
                }
            }
            if (!reverted) {
                return ConfigAccess.factory().create(config, dialect, config.hasByteOrderMark(), List.copyOf(out),
                        config.sourceName(), config.path());
            }
        }
    }

    /** The whole new text: each line's canonical text where it changes, else the line as it is. */
    private static String text(List<Line> lines, String[] texts, long length) {
        StringBuilder all = new StringBuilder((int) Math.min(length, Integer.MAX_VALUE - 16));
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] == null) {
                lines.get(i).appendTo(all);
            } else {
                all.append(texts[i]);
            }
        }
        return all.toString();
    }

    private static String canonical(Line line, Dialect dialect) {
        if (line instanceof EntryLine e) {
            String value = e.valueRaw();
            if (dialect == Dialect.PROXMOX) {
                // Proxmox writes an empty raw value as "key: ", blank included.
                return e.key() + ": " + value;
            }
            return value.isEmpty() ? e.key() + " =" : e.key() + " = " + value;
        }
        if (line instanceof BlankLine) {
            return "";
        }
        if (line instanceof SectionLine s) {
            return "[" + s.name() + "]";
        }
        if (line instanceof CommentLine && dialect == Dialect.LXC) {
            return line.content().substring(line.indent().length());
        }
        return line.content();
    }

    private static boolean sameMeaning(Line old, Line now) {
        if (old.getClass() != now.getClass()) {
            return false;
        }
        if (old instanceof EntryLine a && now instanceof EntryLine b) {
            return a.key().equals(b.key()) && a.value().equals(b.value());
        }
        if (old instanceof SectionLine a && now instanceof SectionLine b) {
            return a.name().equals(b.name()) && a.kind() == b.kind();
        }
        if (old instanceof CommentLine a && now instanceof CommentLine b) {
            return a.commentText().equals(b.commentText());
        }
        return true;
    }

    /** CRLF when most lines end so, else LF (a lone CR is never added: liblxc and Proxmox read it badly). */
    private static String dominantEol(List<Line> lines) {
        int lf = 0;
        int crlf = 0;
        for (Line line : lines) {
            if (line.eol().equals("\n")) {
                lf++;
            } else if (line.eol().equals("\r\n")) {
                crlf++;
            }
        }
        return crlf > lf ? "\r\n" : "\n";
    }
}
