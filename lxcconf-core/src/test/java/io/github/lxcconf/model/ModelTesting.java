package io.github.lxcconf.model;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.LxcConfig;

import java.util.List;

/** Helpers for the model tests: read a config, show diagnostics compactly. */
final class ModelTesting {
    private ModelTesting() {
    }

    /** Returns the settings of a config given as text. */
    static LxcSettings lxc(String text) {
        return LxcConfig.parse(text).lxc();
    }

    /** Returns each diagnostic as {@code LINE:COLUMN SEVERITY CODE MESSAGE}. */
    static List<String> problems(LxcSettings settings) {
        return settings.diagnostics().stream().map(ModelTesting::brief).toList();
    }

    /** Returns the diagnostics of a config given as text, as {@link #problems(LxcSettings)} does. */
    static List<String> problems(String text) {
        return problems(lxc(text));
    }

    static String brief(Diagnostic d) {
        return d.line() + ":" + d.column() + " " + d.severity().label() + " " + d.code().id() + " " + d.message();
    }
}
