package io.github.lxcconf.examples;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.syntax.BlankLine;
import io.github.lxcconf.syntax.CommentLine;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.SectionLine;
import io.github.lxcconf.syntax.UnknownLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a container config and prints every line as lxcconf reads it: each
 * entry's key and interpreted value, the sections, and every diagnostic.
 * Without an argument it reads the bundled classroom config
 * ({@code /etc/pve/lxc/102.conf} of a Proxmox VE host running GNS3 and KVM).
 *
 * <pre>
 * java -jar lxcconf-examples/target/lxcconf-examples.jar [FILE]
 * </pre>
 */
public final class ShowConfig {
    /** The bundled example config's resource name. */
    public static final String CLASSROOM = "classroom-102.conf";

    private ShowConfig() {
    }

    /**
     * Runs the example.
     *
     * @param args an optional config file; the bundled classroom config without one
     */
    public static void main(String[] args) {
        try {
            LxcConfig config = args.length > 0 ? LxcConfig.parse(Path.of(args[0])) : classroom();
            print(config, System.out);
        } catch (NoSuchFileException e) {
            System.err.println("lxcconf: no such file: " + e.getFile());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("lxcconf: cannot read " + args[0] + ": " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Returns the bundled classroom config.
     *
     * @return the parsed config, named {@code classroom-102.conf}
     */
    public static LxcConfig classroom() {
        try (InputStream in = ShowConfig.class.getResourceAsStream("/" + CLASSROOM)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + CLASSROOM + " is missing from the jar");
            }
            return LxcConfig.reader().sourceName(CLASSROOM).parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Prints a config line by line, then its diagnostics.
     *
     * @param config the config
     * @param out    where to print
     */
    public static void print(LxcConfig config, PrintStream out) {
        List<Line> lines = config.lines();
        out.printf("%s: %s config, %d lines%n%n", config.sourceName(), config.dialect(), lines.size());
        int width = String.valueOf(lines.size()).length();
        for (int i = 0; i < lines.size(); i++) {
            out.printf("%" + width + "d  %s%n", i + 1, describe(lines.get(i)));
        }
        List<Diagnostic> diagnostics = config.diagnostics();
        out.println();
        if (diagnostics.isEmpty()) {
            out.println("No diagnostics: every line is read as it is written.");
        } else {
            out.println(diagnostics.size() + " diagnostic(s):");
            for (Diagnostic d : diagnostics) {
                out.println(d);
                d.hint().ifPresent(h -> out.println("    hint: " + h));
            }
        }
    }

    private static String describe(Line line) {
        if (line instanceof EntryLine e) {
            String kind = e.isLxcKey() ? "raw LXC key" : "option";
            return String.format("%-12s %s = %s", kind, e.key(), quote(e.value()));
        }
        if (line instanceof SectionLine s) {
            return String.format("%-12s [%s] (%s)", "section", s.name(), s.kind().name().toLowerCase());
        }
        if (line instanceof CommentLine c) {
            return String.format("%-12s #%s", "comment", c.commentText());
        }
        if (line instanceof BlankLine) {
            return "blank";
        }
        UnknownLine u = (UnknownLine) line;
        return String.format("%-12s %s  <- %s", "not read", u.content(), u.reason());
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
