package io.github.lxcconf.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Runs the command in-process and captures what it prints. */
record CliRun(int status, String out, String err, byte[] outBytes) {

    static CliRun run(String... args) {
        return with(new byte[0], Map.of(), false, Hooks.NONE, args);
    }

    static CliRun withStdin(String stdin, String... args) {
        return with(stdin.getBytes(StandardCharsets.UTF_8), Map.of(), false, Hooks.NONE, args);
    }

    static CliRun withHooks(Hooks hooks, String... args) {
        return with(new byte[0], Map.of(), false, hooks, args);
    }

    static CliRun with(byte[] stdin, Map<String, String> env, boolean terminal, Hooks hooks, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new ByteArrayInputStream(stdin), new PrintStream(out, true),
                new PrintStream(err, true), env, terminal, hooks);
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                out.toByteArray());
    }

    /** Copies a test resource into a directory. */
    static Path copy(String resource, Path dir) {
        return copy(resource, dir, resource);
    }

    static Path copy(String resource, Path dir, String name) {
        try (InputStream in = CliRun.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            Path file = dir.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = CliRun.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
