package io.github.lxcconf.assertj;

import io.github.lxcconf.LxcConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Configs for the tests: inline text with a source name, and the classroom config of the examples. */
final class Configs {
    private Configs() {
    }

    /** Parses text, naming it as a file would be named. */
    static LxcConfig named(String sourceName, String text) {
        return LxcConfig.reader().sourceName(sourceName).parse(text);
    }

    /** The Proxmox config with the copied device lines (classroom-102.conf, 17 lines). */
    static LxcConfig classroom() {
        return named("classroom-102.conf", classroomText());
    }

    static String classroomText() {
        try (InputStream in = Configs.class.getResourceAsStream("/classroom-102.conf")) {
            if (in == null) {
                throw new IllegalStateException("test resource classroom-102.conf is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
