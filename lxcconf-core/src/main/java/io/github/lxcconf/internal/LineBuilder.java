package io.github.lxcconf.internal;

import static io.github.lxcconf.internal.RawLines.A;
import static io.github.lxcconf.internal.RawLines.B;
import static io.github.lxcconf.internal.RawLines.C;
import static io.github.lxcconf.internal.RawLines.CONTENT_END;
import static io.github.lxcconf.internal.RawLines.D;
import static io.github.lxcconf.internal.RawLines.END;
import static io.github.lxcconf.internal.RawLines.INDENT_END;
import static io.github.lxcconf.internal.RawLines.KIND;
import static io.github.lxcconf.internal.RawLines.START;
import static io.github.lxcconf.internal.RawLines.STRIDE;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Severity;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.SectionKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns line shapes into lines, deciding what each shape means in a dialect:
 * liblxc's {@code parse_line} rules for {@link Dialect#LXC}, Proxmox's
 * {@code parse_pct_config} rules for {@link Dialect#PROXMOX}.
 */
final class LineBuilder {
    private final String src;
    private final int[] raw;
    private final int count;
    private final boolean bom;
    private final LineSlices.Factory lines = LineSlices.factory();

    private LineBuilder(String src, RawLines raw, boolean bom) {
        this.src = src;
        this.raw = raw.data;
        this.count = raw.count;
        this.bom = bom;
    }

    static List<Line> build(String src, RawLines raw, Dialect dialect, boolean bom) {
        return build(src, raw, dialect, bom, false);
    }

    /**
     * Builds the lines; a Proxmox text starts inside {@code [pve:pending]} when {@code inPending} is set (a piece
     * of a file that starts below that header).
     */
    static List<Line> build(String src, RawLines raw, Dialect dialect, boolean bom, boolean inPending) {
        LineBuilder b = new LineBuilder(src, raw, bom);
        return dialect == Dialect.PROXMOX ? b.proxmox(inPending) : b.lxc();
    }

    /** What the lines tell about the dialect ({@link DialectEvidence}). */
    static DialectEvidence evidence(String src, RawLines raw) {
        DialectEvidence e = DialectEvidence.start();
        int[] d = raw.data;
        for (int i = 0, base = 0; i < raw.count; i++, base += STRIDE) {
            e.line(src, d[base + START], d[base + CONTENT_END], i + 1);
        }
        return e;
    }

    // ---------------------------------------------------------------- LXC

    private List<Line> lxc() {
        List<Line> out = new ArrayList<>(count);
        // liblxc reads the file as one C string: the first NUL byte ends the file
        int nul = src.indexOf('\0');
        for (int i = 0, base = 0; i < count; i++, base += STRIDE) {
            boolean afterBom = i == 0 && bom;
            if (nul < 0 || raw[base + END] <= nul) {
                out.add(lxcLine(base, afterBom));
            } else if (raw[base + START] <= nul) {
                out.add(lxcLineCutAt(base, nul, afterBom));
            } else {
                out.add(afterNul(base));
            }
        }
        return out;
    }

    /**
     * The line that holds the file's first NUL byte: liblxc reads it up to the NUL, as a line of its own. The
     * rest of the line stays in the line's text (an entry's {@link io.github.lxcconf.syntax.EntryLine#trailing()}),
     * unread; {@link Checker} reports the NUL itself.
     */
    private Line lxcLineCutAt(int base, int nul, boolean afterBom) {
        int kind = raw[base + KIND];
        int start = raw[base + START];
        int indentEnd = Math.min(raw[base + INDENT_END], nul);
        int contentEnd = raw[base + CONTENT_END];
        int end = raw[base + END];
        if (kind == RawLines.COMMENT && indentEnd < nul) {
            return lines.comment(src, start, indentEnd, contentEnd, end);
        }
        if (kind == RawLines.BLANK || indentEnd == nul) {
            return lines.unknown(src, start, indentEnd, contentEnd, end, DiagnosticCode.LXC_NUL_BYTE,
                    Severity.WARNING, "liblxc stops reading at this NUL byte: the rest of the file is ignored",
                    "remove the NUL byte", nul);
        }
        if (!Keys.startsWithLxc(src, indentEnd, nul)) {
            return ignoredByLiblxc(base, kind, start, indentEnd, contentEnd, end);
        }
        if (afterBom) {
            return lines.unknown(src, start, indentEnd, contentEnd, end, DiagnosticCode.LXC_BOM,
                    Severity.WARNING,
                    "liblxc ignores this first line because the file starts with a UTF-8 byte-order mark",
                    "save the file without a byte-order mark", start);
        }
        int eq = Keys.indexOf(src, '=', indentEnd, nul);
        if (eq < 0) {
            return lines.unknown(src, start, indentEnd, contentEnd, end, DiagnosticCode.LXC_INVALID_LINE,
                    Severity.ERROR, "liblxc refuses a line that starts with 'lxc.' but has no '=' before the NUL"
                            + " byte that ends the file for it",
                    "remove the NUL byte", nul);
        }
        return split(start, indentEnd, eq, nul, contentEnd, end);
    }

    /** A line after the file's first NUL byte: liblxc never reads it. Blank lines and comments stay what they are. */
    private Line afterNul(int base) {
        int kind = raw[base + KIND];
        int start = raw[base + START];
        int indentEnd = raw[base + INDENT_END];
        int contentEnd = raw[base + CONTENT_END];
        int end = raw[base + END];
        if (kind == RawLines.BLANK) {
            return lines.blank(src, start, contentEnd, end);
        }
        if (kind == RawLines.COMMENT) {
            return lines.comment(src, start, indentEnd, contentEnd, end);
        }
        return lines.unknown(src, start, indentEnd, contentEnd, end, DiagnosticCode.LXC_NUL_BYTE,
                Severity.WARNING, "liblxc does not read this line: a NUL byte above ends the file for it",
                "remove the NUL byte", indentEnd);
    }

    private Line lxcLine(int base, boolean afterBom) {
        int kind = raw[base + KIND];
        int start = raw[base + START];
        int indentEnd = raw[base + INDENT_END];
        int contentEnd = raw[base + CONTENT_END];
        int end = raw[base + END];
        if (kind == RawLines.BLANK) {
            return lines.blank(src, start, contentEnd, end);
        }
        if (kind == RawLines.COMMENT) {
            return lines.comment(src, start, indentEnd, contentEnd, end);
        }
        if (!Keys.startsWithLxc(src, indentEnd, contentEnd)) {
            return ignoredByLiblxc(base, kind, start, indentEnd, contentEnd, end);
        }
        if (afterBom) {
            return lines.unknown(src, start, indentEnd, contentEnd, end, DiagnosticCode.LXC_BOM,
                    Severity.WARNING,
                    "liblxc ignores this first line because the file starts with a UTF-8 byte-order mark",
                    "save the file without a byte-order mark", start);
        }
        int sep = raw[base + B];
        if (kind == RawLines.ENTRY && sep >= 0 && src.charAt(sep) == '=') {
            return lines.entry(src, start, indentEnd, raw[base + A], sep, raw[base + C], raw[base + D],
                    contentEnd, end);
        }
        // liblxc splits at the first '=' wherever it is: "lxc.k: a=b" has the key "lxc.k: a"
        int eq = Keys.indexOf(src, '=', indentEnd, contentEnd);
        if (eq < 0) {
            boolean colon = kind == RawLines.ENTRY && sep >= 0;
            return lines.unknown(src, start, indentEnd, contentEnd, end, DiagnosticCode.LXC_INVALID_LINE,
                    Severity.ERROR, "liblxc refuses a line that starts with 'lxc.' but has no '='",
                    colon ? "this is the Proxmox form 'key: value'; a native LXC config needs 'key = value'"
                            : "write it as 'lxc.key = value'",
                    colon ? sep : contentEnd);
        }
        return split(start, indentEnd, eq, contentEnd, end);
    }

    private Line ignoredByLiblxc(int base, int kind, int start, int indentEnd, int contentEnd, int end) {
        String hint;
        if (kind == RawLines.SECTION) {
            hint = "section headers belong to Proxmox configs; read the file as Dialect.PROXMOX";
        } else if (contentEnd - indentEnd >= 4 && src.regionMatches(true, indentEnd, "lxc.", 0, 4)) {
            hint = "keys are case-sensitive: write 'lxc.' in lower case";
        } else if (kind == RawLines.ENTRY && raw[base + B] >= 0 && src.charAt(raw[base + B]) == ':') {
            hint = "this looks like a Proxmox option; read the file as Dialect.PROXMOX";
        } else {
            hint = "only lines that start with 'lxc.' are settings; start a comment with '#'";
        }
        return lines.unknown(src, start, indentEnd, contentEnd, end, DiagnosticCode.LXC_IGNORED_LINE,
                Severity.WARNING, "liblxc ignores this line: it does not start with 'lxc.'", hint, indentEnd);
    }

    /** An entry split at {@code sep} with liblxc's trimming: spaces and tabs around key and value. */
    private Line split(int start, int indentEnd, int sep, int contentEnd, int end) {
        return split(start, indentEnd, sep, contentEnd, contentEnd, end);
    }

    /** The same, with the value read up to {@code readEnd} only (a NUL byte); the rest is the line's trailing text. */
    private Line split(int start, int indentEnd, int sep, int readEnd, int contentEnd, int end) {
        int keyEnd = sep;
        while (keyEnd > indentEnd && Keys.isBlank(src.charAt(keyEnd - 1))) {
            keyEnd--;
        }
        int valueStart = sep + 1;
        while (valueStart < readEnd && Keys.isBlank(src.charAt(valueStart))) {
            valueStart++;
        }
        int valueEnd = readEnd;
        while (valueEnd > valueStart && Keys.isBlank(src.charAt(valueEnd - 1))) {
            valueEnd--;
        }
        return lines.entry(src, start, indentEnd, keyEnd, sep, valueStart, valueEnd, contentEnd, end);
    }

    // ---------------------------------------------------------------- Proxmox

    private List<Line> proxmox(boolean startsInPending) {
        List<Line> out = new ArrayList<>(count);
        boolean inPending = startsInPending;
        for (int i = 0, base = 0; i < count; i++, base += STRIDE) {
            Line line = proxmoxLine(base, i == 0 && bom, inPending);
            if (line instanceof io.github.lxcconf.syntax.SectionLine s) {
                inPending = s.kind() == SectionKind.PENDING;
            }
            out.add(line);
        }
        return out;
    }

    private Line proxmoxLine(int base, boolean afterBom, boolean inPending) {
        int kind = raw[base + KIND];
        int start = raw[base + START];
        int indentEnd = raw[base + INDENT_END];
        int contentEnd = raw[base + CONTENT_END];
        int end = raw[base + END];
        if (kind == RawLines.BLANK) {
            return lines.blank(src, start, contentEnd, end);
        }
        if (afterBom) {
            return unparsable(start, indentEnd, contentEnd, end,
                    "Proxmox cannot parse this first line because the file starts with a UTF-8 byte-order mark",
                    "save the file without a byte-order mark", start);
        }
        if (indentEnd != start) {
            return unparsable(start, indentEnd, contentEnd, end,
                    "Proxmox cannot parse an indented line; it drops it on its next write",
                    "remove the blanks at the start of the line", start);
        }
        switch (kind) {
            case RawLines.COMMENT:
                return lines.comment(src, start, indentEnd, contentEnd, end);
            case RawLines.SECTION:
                return section(base, start, contentEnd, end);
            case RawLines.ENTRY:
                return proxmoxEntry(base, start, contentEnd, end, inPending);
            default:
                return unparsable(start, indentEnd, contentEnd, end,
                        "Proxmox cannot parse this line; it drops it on its next write",
                        "options are written 'key: value'; comments start with '#' in the first column", start);
        }
    }

    private Line section(int base, int start, int contentEnd, int end) {
        int nameStart = raw[base + A];
        int nameEnd = raw[base + B];
        boolean closed = raw[base + C] >= 0 && raw[base + D] < 0;
        if (closed && Keys.isPendingName(src, nameStart, nameEnd)) {
            return lines.section(src, start, nameStart, nameEnd, contentEnd, end, SectionKind.PENDING);
        }
        if (closed && Keys.isSnapshotName(src, nameStart, nameEnd)) {
            return lines.section(src, start, nameStart, nameEnd, contentEnd, end, SectionKind.SNAPSHOT);
        }
        return lines.unknown(src, start, start, contentEnd, end, DiagnosticCode.PVE_BAD_SECTION_HEADER,
                Severity.ERROR,
                "Proxmox does not accept this section header; the lines below it stay in the section above",
                "a snapshot name is a letter followed by at least one letter, digit, '_' or '-', as in [snap1]",
                start);
    }

    private Line proxmoxEntry(int base, int start, int contentEnd, int end, boolean inPending) {
        int keyEnd = raw[base + A];
        int sep = raw[base + B];
        int valueStart = raw[base + C];
        int valueEnd = raw[base + D];
        if (sep < 0) {
            return unparsable(start, start, contentEnd, end,
                    "Proxmox cannot parse this line: there is no ':' after the key",
                    "options are written 'key: value'", keyEnd);
        }
        boolean colon = src.charAt(sep) == ':';
        if (Keys.startsWithLxc(src, start, keyEnd)) {
            if (!Keys.isProxmoxLxcKey(src, start, keyEnd)) {
                return unparsable(start, start, contentEnd, end,
                        "Proxmox cannot parse the raw key '" + src.substring(start, keyEnd)
                                + "': raw keys are 'lxc.' followed by lower-case letters, digits, '_', '.' and '-'",
                        Keys.hasUpperCase(src, start, keyEnd) ? "write the key in lower case" : null, start);
            }
            if (colon && keyEnd != sep) {
                return unparsable(start, start, contentEnd, end,
                        "Proxmox cannot parse a raw line with blanks before ':'",
                        "write 'lxc.key: value' or 'lxc.key = value'", keyEnd);
            }
            return lines.entry(src, start, start, keyEnd, sep, valueStart, valueEnd, contentEnd, end);
        }
        if (!Keys.isProxmoxOptionKey(src, start, keyEnd)) {
            return unparsable(start, start, contentEnd, end,
                    "Proxmox cannot parse the key '" + src.substring(start, keyEnd)
                            + "': option keys are lower-case letters and '_', optionally followed by digits",
                    Keys.hasUpperCase(src, start, keyEnd) ? "write the key in lower case" : null, start);
        }
        if (!colon) {
            return unparsable(start, start, contentEnd, end,
                    "Proxmox cannot parse 'key = value' for an option; only raw lxc.* keys may use '='",
                    "write '" + src.substring(start, keyEnd) + ": value'", sep);
        }
        if (keyEnd != sep) {
            return unparsable(start, start, contentEnd, end,
                    "Proxmox cannot parse a line with blanks before ':'",
                    "write '" + src.substring(start, keyEnd) + ": value'", keyEnd);
        }
        boolean crlf = end - contentEnd == 2;
        if (valueStart == valueEnd && valueStart == sep + 1 && contentEnd == sep + 1 && !crlf) {
            return unparsable(start, start, contentEnd, end,
                    "Proxmox cannot parse an option without a value",
                    "remove the line; to unset an option in [pve:pending], list it in 'delete:'", sep + 1);
        }
        if (!inPending && keyEnd - start == 6 && src.startsWith("delete", start)) {
            return lines.unknown(src, start, start, contentEnd, end, DiagnosticCode.PVE_DELETE_OUTSIDE_PENDING,
                    Severity.ERROR, "'delete:' is only read inside [pve:pending]; Proxmox drops it here",
                    "move it below the [pve:pending] header, or remove it", start);
        }
        return lines.entry(src, start, start, keyEnd, sep, valueStart, valueEnd, contentEnd, end);
    }

    private Line unparsable(int start, int indentEnd, int contentEnd, int end, String reason, String hint,
                            int at) {
        return lines.unknown(src, start, indentEnd, contentEnd, end, DiagnosticCode.PVE_UNPARSABLE_LINE,
                Severity.ERROR, reason, hint, at);
    }
}
