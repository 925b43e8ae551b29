package io.github.lxcconf.bench;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.validate.Validation;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs one library operation on one file and writes what it produces to a sink that discards it: the
 * program {@code min-heap.sh} starts with smaller and smaller {@code -Xmx} to find the least heap each
 * operation runs in.
 *
 * <p>Operations: {@code parse} (the document, kept to the end), {@code validate} (the document and its
 * validation), {@code explain} (the explanation object), {@code explain-text} ({@code explain().toText()}),
 * {@code explain-write} ({@code explain().writeTo(out)}), {@code migrate} ({@code migrate().config()}, written
 * to the sink with {@code writeTo(OutputStream)}), {@code fmt} ({@code format()}, written the same way). For example
 * {@code java -Xmx40m -XX:+UseSerialGC -cp benchmarks.jar io.github.lxcconf.bench.HeapOperation explain large.conf}.
 */
public final class HeapOperation {
    private HeapOperation() {
    }

    /**
     * Runs the operation.
     *
     * @param args the operation and the file
     * @throws IOException if the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: HeapOperation parse|validate|explain|explain-text|explain-write|migrate|fmt FILE");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        OutputStream bytes = new BufferedOutputStream(OutputStream.nullOutputStream(), 1 << 16);
        Writer out = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
        LxcConfig config = LxcConfig.parse(file);
        Object kept;
        switch (args[0]) {
            case "parse" -> kept = config;
            case "validate" -> {
                Validation v = config.validate();
                out.write(v.diagnostics().size() + "\n");
                kept = v;
            }
            case "explain" -> kept = config.explain();
            case "explain-text" -> {
                String text = config.explain().toText();
                out.write(text);
                kept = text;
            }
            case "explain-write" -> {
                config.explain().writeTo(out);
                kept = null;
            }
            case "migrate" -> {
                LxcConfig migrated = config.migrate().config();
                migrated.writeTo(bytes);
                kept = migrated;
            }
            case "fmt" -> {
                LxcConfig formatted = config.format();
                formatted.writeTo(bytes);
                kept = formatted;
            }
            default -> {
                System.err.println("unknown operation " + args[0]);
                System.exit(2);
                return;
            }
        }
        out.flush();
        bytes.flush();
        Reference.reachabilityFence(kept);
        Reference.reachabilityFence(config);
    }
}
