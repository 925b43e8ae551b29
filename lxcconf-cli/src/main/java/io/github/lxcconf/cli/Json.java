package io.github.lxcconf.cli;

/** The little JSON the {@code lint} and {@code explain} commands write: string escaping. */
final class Json {
    private Json() {
    }

    /** Returns the string as a JSON string literal, quotes included. */
    static String string(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        string(out, text);
        return out.toString();
    }

    /** Writes the string as a JSON string literal, quotes included: as it is when nothing in it needs escaping. */
    static void string(Appendable out, String text) {
        try {
            out.append('"');
            if (plain(text)) {
                out.append(text);
            } else {
                Chars chars = new Chars(out);
                chars.append(text);
                chars.finish();
            }
            out.append('"');
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Whether {@link Chars} would write every character of the text as it is. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // the named escapes other than \" and \\ are control characters, which unicodeEscaped takes in
            if (c == '"' || c == '\\' || unicodeEscaped(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a character is written as a Unicode escape (a backslash, u and four hex digits) unless a named escape
     * takes it: a control character, a surrogate (a pair is kept whole, by {@link Chars}), and the line and
     * paragraph separators.
     */
    private static boolean unicodeEscaped(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029';
    }

    /**
     * Writes the inside of a JSON string literal a piece at a time, escaped as {@link #string} escapes it: a
     * surrogate pair is kept, a lone surrogate escaped, also where the pieces split a pair. Call {@link #finish}
     * after the last piece.
     */
    static final class Chars implements Appendable {
        private final Appendable out;
        /** A high surrogate whose low half may come with the next piece, or 0. */
        private char high;

        Chars(Appendable out) {
            this.out = out;
        }

        @Override
        public Chars append(CharSequence text) {
            CharSequence s = text == null ? "null" : text;
            return append(s, 0, s.length());
        }

        @Override
        public Chars append(CharSequence text, int start, int end) {
            CharSequence s = text == null ? "null" : text;
            try {
                for (int i = start; i < end; i++) {
                    put(s.charAt(i));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return this;
        }

        @Override
        public Chars append(char c) {
            try {
                put(c);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return this;
        }

        /** Writes out a high surrogate left without its low half. */
        void finish() {
            if (high != 0) {
                char h = high;
                high = 0;
                try {
                    out.append(unicode(h));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }

        private void put(char c) throws java.io.IOException {
            if (high != 0) {
                char h = high;
                high = 0;
                if (Character.isLowSurrogate(c)) {
                    out.append(h).append(c);
                    return;
                }
                out.append(unicode(h));
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (Character.isHighSurrogate(c)) {
                        high = c;
                    } else if (unicodeEscaped(c)) {
                        out.append(unicode(c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }

        private static String unicode(char c) {
            return String.format("\\u%04x", (int) c);
        }
    }

    /** Writes the strings as a JSON array literal. */
    static void array(Appendable out, java.util.List<String> items) {
        try {
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                string(out, items.get(i));
            }
            out.append(']');
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Returns the strings as a JSON array literal. */
    static String array(java.util.List<String> items) {
        StringBuilder out = new StringBuilder();
        array(out, items);
        return out.toString();
    }
}
