package io.github.lxcconf.cli;

import java.util.Map;

/** When to colour output: {@code --color=auto|always|never}. */
enum ColourMode {
    /** Colour when standard output is a terminal, {@code NO_COLOR} is unset or empty and {@code TERM} is not dumb. */
    AUTO,
    /** Always colour. */
    ALWAYS,
    /** Never colour. */
    NEVER;

    /**
     * Decides whether to colour, following https://no-color.org: a non-empty {@code NO_COLOR} turns
     * colour off unless it is forced with {@code --color=always}.
     */
    static boolean enabled(ColourMode mode, boolean terminal, Map<String, String> env) {
        return switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> terminal && env.getOrDefault("NO_COLOR", "").isEmpty()
                    && !"dumb".equals(env.get("TERM"));
        };
    }
}
