package io.github.lxcconf.internal;

/**
 * Records the shape of every line in a {@link RawLines} with one pass of plain
 * character tests: the same shapes that the grammar's lexer and parser
 * ({@code LxcConfLexer.g4}, {@code LxcConfParser.g4}) give through
 * {@link LineScanner}, field for field, at a fraction of the cost (no token,
 * no lexer action, no rule invocation per line).
 *
 * <p>The grammar stays the definition of the syntax. Its rules are simple
 * enough to read off directly, as the comments below do, and every parse made
 * with {@code -Dlxcconf.checkRoundTrip=true} (all of this project's tests)
 * scans with the grammar as well and fails if the two disagree on any line.
 */
final class ShapeScanner {
    private ShapeScanner() {
    }

    /**
     * Scans the text into raw lines.
     *
     * @param text the source, without a byte-order mark
     * @return the raw lines
     */
    static RawLines scan(String text) {
        int n = text.length();
        RawLines out = new RawLines(n / 40);
        // NEWLINE : '\r\n' | '\n' | '\r', in every mode; nothing else ends a line
        int nextCr = text.indexOf('\r');
        int nextLf = text.indexOf('\n');
        int start = 0;
        while (start < n) {
            if (nextLf >= 0 && nextLf < start) {
                nextLf = text.indexOf('\n', start);
            }
            if (nextCr >= 0 && nextCr < start) {
                nextCr = text.indexOf('\r', start);
            }
            int contentEnd;
            int end;
            if (nextCr < 0 || (nextLf >= 0 && nextLf < nextCr)) {
                contentEnd = nextLf < 0 ? n : nextLf;
                end = nextLf < 0 ? n : nextLf + 1;
            } else {
                contentEnd = nextCr;
                end = nextCr + 1 < n && text.charAt(nextCr + 1) == '\n' ? nextCr + 2 : nextCr + 1;
            }
            line(text, start, contentEnd, end, out);
            start = end;
        }
        return out;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** One line: {@code start <= contentEnd <= end}, the content holding neither CR nor LF. */
    private static void line(String s, int start, int contentEnd, int end, RawLines out) {
        // indent=WS? : WS : [ \t]+
        int i = start;
        while (i < contentEnd && isBlank(s.charAt(i))) {
            i++;
        }
        int indentEnd = i;
        int kind;
        int a = 0;
        int b = 0;
        int c = 0;
        int d = 0;
        if (i == contentEnd) {
            kind = RawLines.BLANK;
        } else {
            char first = s.charAt(i);
            if (first == '#') {
                // HASH -> TEXT_MODE: the rest of the line is one TEXT
                kind = RawLines.COMMENT;
            } else if (first == '=' || first == ':') {
                // STRAY -> TEXT_MODE
                kind = RawLines.STRAY;
            } else if (first == '[') {
                // LBRACKET -> SECTION_MODE: SECTION_NAME : ~[\]\r\n]+ ; RBRACKET -> AFTER_SECTION_MODE,
                // where blanks are WS and TEXT starts at the first non-blank
                kind = RawLines.SECTION;
                int j = i + 1;
                while (j < contentEnd && s.charAt(j) != ']') {
                    j++;
                }
                a = i + 1;
                if (j == contentEnd) {
                    b = contentEnd;
                    c = -1;
                    d = -1;
                } else {
                    b = j;
                    c = j;
                    int k = j + 1;
                    while (k < contentEnd && isBlank(s.charAt(k))) {
                        k++;
                    }
                    d = k < contentEnd ? k : -1;
                }
            } else {
                // KEY : ~[ \t\r\n#[=:] ~[ \t\r\n=:]* -> KEY_MODE
                kind = RawLines.ENTRY;
                int j = i + 1;
                while (j < contentEnd) {
                    char ch = s.charAt(j);
                    if (ch == ' ' || ch == '\t' || ch == '=' || ch == ':') {
                        break;
                    }
                    j++;
                }
                a = j;
                // KEY_WS : [ \t]+
                int k = j;
                while (k < contentEnd && isBlank(s.charAt(k))) {
                    k++;
                }
                if (k == contentEnd) {
                    b = -1;
                    c = j;
                    d = j;
                } else {
                    char ch = s.charAt(k);
                    if (ch == '=' || ch == ':') {
                        // SEP -> VALUE_MODE: VALUE_WS, then VALUE from the first to the last non-blank
                        b = k;
                        int m = k + 1;
                        while (m < contentEnd && isBlank(s.charAt(m))) {
                            m++;
                        }
                        c = m;
                        int e = contentEnd;
                        while (e > m && isBlank(s.charAt(e - 1))) {
                            e--;
                        }
                        d = e;
                    } else {
                        // KEY_TEXT : ~[ \t\r\n=:] ~[\r\n]* (only after blanks: the key took the rest)
                        b = -1;
                        c = k;
                        d = contentEnd;
                    }
                }
            }
        }
        out.add(kind, start, indentEnd, a, b, c, d, contentEnd, end);
    }
}
