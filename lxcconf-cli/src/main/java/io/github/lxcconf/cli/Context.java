package io.github.lxcconf.cli;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What a command runs with: the standard streams, the environment, and whether stdout is a terminal. */
final class Context {
    final InputStream in;
    final PrintStream outStream;
    final PrintWriter out;
    final PrintWriter err;
    final Map<String, String> env;
    final boolean terminal;
    final Hooks hooks;
    /** The dialect a command's --dialect option forces, or null to detect it per file. */
    io.github.lxcconf.Dialect dialect;
    /** Whether a command reads a binary file (lint reports it as one error) rather than refusing it. */
    boolean acceptsBinary;

    Context(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, boolean terminal,
            Hooks hooks) {
        this.in = in;
        this.outStream = out;
        // buffered ahead of the encoder, which otherwise wraps each piece written, down to a single character
        this.out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), true);
        this.err = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        this.env = Map.copyOf(env);
        this.terminal = terminal;
        this.hooks = hooks;
    }

    /** Whether colour is used for this colour option. */
    boolean colour(ColourMode mode) {
        return ColourMode.enabled(mode, terminal, env);
    }

    /** Writes bytes to standard output exactly, after what was printed so far. */
    void writeBytes(byte[] bytes) {
        out.flush();
        outStream.write(bytes, 0, bytes.length);
        outStream.flush();
    }

    /** Writes a config's bytes to standard output exactly, after what was printed so far, a chunk at a time. */
    void writeConfig(io.github.lxcconf.LxcConfig config) {
        out.flush();
        java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(outStream, 1 << 16);
        try {
            config.writeTo(buffered);
            buffered.flush();
        } catch (java.io.IOException e) {
            // as PrintStream does: a failed write to standard output is not reported
        }
        outStream.flush();
    }

    void flush() {
        out.flush();
        err.flush();
    }
}
