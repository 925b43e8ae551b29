package io.github.lxcconf.examples;

import io.github.lxcconf.LxcConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The configs bundled with the examples, read from the class path. */
final class Bundled {
    private Bundled() {
    }

    /**
     * Reads a bundled config, named after its resource.
     *
     * @param resource the resource name at the root of the class path, such as {@code classroom-102.conf}
     * @return the parsed config
     */
    static LxcConfig config(String resource) {
        try (InputStream in = Bundled.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + resource + " is missing from the jar");
            }
            return LxcConfig.reader().sourceName(resource).parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
