package io.github.lxcconf.internal;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.syntax.Line;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Bridge to LxcConfig's private constructor, for the editor. Not API. */
public final class ConfigAccess {
    /** Makes a config from lines. */
    public interface Factory {
        /** A config of these lines, read as the template was; diagnostics are computed from them. */
        LxcConfig create(LxcConfig template, Dialect dialect, boolean byteOrderMark, List<Line> lines,
                         String sourceName, Optional<Path> path);
    }

    private static volatile Factory factory;

    private ConfigAccess() {
    }

    /**
     * Called once by LxcConfig's static initializer.
     *
     * @param f the factory
     */
    public static void register(Factory f) {
        factory = f;
    }

    /**
     * Returns the factory (LxcConfig is loaded by the time anyone edits one).
     *
     * @return the factory
     */
    public static Factory factory() {
        Factory f = factory;
        if (f == null) {
            LineSlices.initialize(LxcConfig.class);
            f = factory;
        }
        return f;
    }
}
