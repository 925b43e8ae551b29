package io.github.lxcconf.cli;

/** The little JSON the {@code lint} and {@code explain} commands write: string escaping. */
final class Json {
    private Json() {
    }

    /** Returns the string as a JSON string literal, quotes included. */
    static String string(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1));
                    if (pairedHigh) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c)
                            || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Returns the strings as a JSON array literal. */
    static String array(java.util.List<String> items) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(string(items.get(i)));
        }
        return out.append(']').toString();
    }
}
