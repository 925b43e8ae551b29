package io.github.lxcconf.syntax;

import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Severity;
import io.github.lxcconf.internal.LineSlices;

/** Gives the reader access to the line constructors without making them public. */
final class SliceFactory implements LineSlices.Factory {
    @Override
    public Line blank(String src, int start, int contentEnd, int end) {
        return new BlankLine(src, start, contentEnd, end);
    }

    @Override
    public Line comment(String src, int start, int indentEnd, int contentEnd, int end) {
        return new CommentLine(src, start, indentEnd, contentEnd, end);
    }

    @Override
    public Line section(String src, int start, int nameStart, int nameEnd, int contentEnd, int end,
                        SectionKind kind) {
        return new SectionLine(src, start, nameStart, nameEnd, contentEnd, end, kind);
    }

    @Override
    public Line entry(String src, int start, int indentEnd, int keyEnd, int sepStart, int valueStart,
                      int valueEnd, int contentEnd, int end) {
        return new EntryLine(src, start, indentEnd, keyEnd, sepStart, valueStart, valueEnd, contentEnd, end);
    }

    @Override
    public Line unknown(String src, int start, int indentEnd, int contentEnd, int end, DiagnosticCode code,
                        Severity severity, String reason, String hint, int problemOffset) {
        return new UnknownLine(src, start, indentEnd, contentEnd, end, code, severity, reason, hint,
                problemOffset);
    }

    @Override
    public int firstSpecialCharacter(Line line) {
        String src = line.src;
        for (int i = line.start, n = line.contentEnd; i < n; i++) {
            char ch = src.charAt(i);
            if ((ch < 0x20 && ch != '\t') || ch == 0x7F || Character.isSurrogate(ch)) {
                return i - line.start;
            }
        }
        return -1;
    }

    @Override
    public Line withEol(Line line, String eol) {
        String src = line.content() + eol;
        int shift = line.start;
        int contentEnd = line.contentEnd - shift;
        int end = src.length();
        int indentEnd = line.indentEnd - shift;
        if (line instanceof EntryLine e) {
            return new EntryLine(src, 0, indentEnd, e.keyEnd() - shift, e.sepStart() - shift, e.valueStart() - shift,
                    e.valueEnd() - shift, contentEnd, end);
        }
        if (line instanceof CommentLine) {
            return new CommentLine(src, 0, indentEnd, contentEnd, end);
        }
        if (line instanceof BlankLine) {
            return new BlankLine(src, 0, contentEnd, end);
        }
        if (line instanceof SectionLine s) {
            return new SectionLine(src, 0, s.nameStart() - shift, s.nameEnd() - shift, contentEnd, end, s.kind());
        }
        UnknownLine u = (UnknownLine) line;
        return new UnknownLine(src, 0, indentEnd, contentEnd, end, u.code(), u.severity(), u.reason(),
                u.hint().orElse(null), u.problemOffset() - shift);
    }
}
