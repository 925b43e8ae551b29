package io.github.lxcconf.cli;

import io.github.lxcconf.Severity;

/** ANSI styles, or nothing when colour is off. */
final class Style {
    private static final String RESET = "\u001b[0m";
    private final boolean on;

    Style(boolean on) {
        this.on = on;
    }

    String bold(String text) {
        return wrap("1", text);
    }

    String dim(String text) {
        return wrap("2", text);
    }

    String severity(Severity severity, String text) {
        return switch (severity) {
            case ERROR -> wrap("1;31", text);
            case WARNING -> wrap("1;35", text);
            case INFO -> wrap("1;36", text);
        };
    }

    String green(String text) {
        return wrap("32", text);
    }

    /**
     * Shows control characters of config text as {@code \xNN}, so that a config cannot move the cursor,
     * change colours or retitle the terminal of whoever reads the output; tabs stay.
     */
    static String visible(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\t' || c == 0x7f || c >= 0x80 && c <= 0x9f;
            if (control && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (control) {
                    out.append(String.format("\\x%02x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private String wrap(String code, String text) {
        return on ? "\u001b[" + code + "m" + text + RESET : text;
    }
}
