package io.github.lxcconf.cli;

import java.io.IOException;
import java.nio.file.Path;

/** Seams for tests: code run at fixed points of a command. */
interface Hooks {
    /** No hooks. */
    Hooks NONE = file -> { };

    /**
     * Runs after a file was read and its new content computed, right before it is written in place.
     *
     * @param file the file about to be written
     * @throws IOException if the hook fails
     */
    void beforeWrite(Path file) throws IOException;
}
