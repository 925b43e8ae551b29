package io.github.lxcconf.it.liblxc;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real liblxc, loading config files in one long-running helper process ({@code src/test/c/lxcload.c},
 * built with gcc against liblxc on first use): {@code load_config()} for accept or refuse, then
 * {@code get_config_item()} for each key asked. Each file gets a fresh container object, and the
 * working directory is set per file, because liblxc resolves a relative {@code lxc.include} against it.
 *
 * <pre>{@code
 * try (LibLxc lxc = LibLxc.start()) {
 *     LibLxc.Loaded l = lxc.load(dir, dir.resolve("config"), List.of("lxc.idmap"));
 *     l.accepted();              // what load_config() returned
 *     l.value("lxc.idmap");      // Optional["u 0 100000 65536\ng 0 100000 65536"]
 * }
 * }</pre>
 */
final class LibLxc implements AutoCloseable {

    /** How long one load may take before the helper counts as hung and is started again. */
    private static final long WATCHDOG_SECONDS = 30;

    private final Path binary;
    private final Path work;
    private final Path log;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lxcload-reader");
        t.setDaemon(true);
        return t;
    });
    private Process process;
    private InputStream in;
    private OutputStream out;
    private String version;
    private int restarts;

    private LibLxc(Path binary, Path work) throws IOException {
        this.binary = binary;
        this.work = work;
        this.log = work.resolve("liblxc.log");
        spawn();
    }

    /**
     * Builds the helper (once per build) and starts it.
     *
     * @return the running helper
     */
    static LibLxc start() throws IOException, InterruptedException {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        Path source = module.resolve("src/test/c/lxcload.c");
        Path target = module.resolve("target");
        Path binary = target.resolve("lxcload");
        Files.createDirectories(target);
        if (!Files.isExecutable(binary)
                || Files.getLastModifiedTime(binary).compareTo(Files.getLastModifiedTime(source)) < 0) {
            Process gcc = new ProcessBuilder("gcc", "-O2", "-Wall", "-o", binary.toString(), source.toString(), "-llxc")
                    .redirectErrorStream(true).start();
            String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (gcc.waitFor() != 0) {
                throw new IOException("gcc could not build " + source + " against liblxc:\n" + output);
            }
        }
        Path work = target.resolve("lxcload-work");
        Files.createDirectories(work.resolve("lxcpath"));
        return new LibLxc(binary, work);
    }

    private void spawn() throws IOException {
        process = new ProcessBuilder(binary.toString(), log.toString(), work.resolve("lxcpath").toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        in = new BufferedInputStream(process.getInputStream());
        out = process.getOutputStream();
        String ready = readLine(in);
        if (!ready.startsWith("READY ")) {
            throw new IOException("lxcload did not start: " + ready);
        }
        version = ready.substring("READY ".length());
    }

    /** Returns the version liblxc reports, such as {@code 5.0.2}. */
    String version() {
        return version;
    }

    /** Returns how often the helper hung or died and was started again. */
    int restarts() {
        return restarts;
    }

    /**
     * Loads one file with a fresh container object, the working directory set to {@code dir}.
     *
     * @param dir  the working directory (where a relative {@code lxc.include} starts)
     * @param file the config file
     * @param keys the keys to read back afterwards
     * @return what liblxc said, or a result with {@link Loaded#hung()} set when the helper did not answer
     */
    Loaded load(Path dir, Path file, List<String> keys) throws IOException {
        StringBuilder request = new StringBuilder().append(dir).append('\t').append(file);
        for (String key : keys) {
            if (key.indexOf('\t') >= 0 || key.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a key cannot hold a tab or line break: " + key);
            }
            request.append('\t').append(key);
        }
        request.append('\n');
        Future<Loaded> answer;
        try {
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            answer = reader.submit(() -> readAnswer(keys));
            return answer.get(WATCHDOG_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException | IOException e) {
            restart();
            return new Loaded(false, "lxcload gave no answer: " + e, Map.of(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void restart() throws IOException {
        restarts++;
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        spawn();
    }

    private Loaded readAnswer(List<String> keys) throws IOException {
        String[] head = readLine(in).split(" ");
        if (head.length != 3 || !head[0].equals("LOAD")) {
            throw new IOException("unexpected answer " + String.join(" ", head));
        }
        boolean accepted = head[1].equals("1");
        String logged = new String(readBytes(Integer.parseInt(head[2])), StandardCharsets.UTF_8);
        Map<String, Item> items = new LinkedHashMap<>();
        for (String key : keys) {
            String[] item = readLine(in).split(" ");
            if (item.length != 3 || !item[0].equals("ITEM")) {
                throw new IOException("unexpected item " + String.join(" ", item));
            }
            items.put(key, new Item(Integer.parseInt(item[1]), text(readBytes(Integer.parseInt(item[2])))));
        }
        String end = readLine(in);
        if (!end.equals("END")) {
            throw new IOException("unexpected end " + end);
        }
        return new Loaded(accepted, logged, items, false);
    }

    private byte[] readBytes(int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length != n || in.read() != '\n') {
            throw new EOFException("lxcload's answer ended early");
        }
        return bytes;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("lxcload ended");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        out.close();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        reader.shutdownNow();
    }

    /**
     * What {@code get_config_item()} returned for one key.
     *
     * @param rc    its return value: the length, or a negative error (the key cannot be read)
     * @param value the text it wrote
     */
    record Item(int rc, String value) {
    }

    /**
     * Decodes a value as lxcconf reads the file it came from: valid UTF-8 as UTF-8, and each byte that is not part
     * of valid UTF-8 as the lone surrogate U+DC00 + byte, so a Latin-1 byte liblxc holds compares equal to the same
     * byte in lxcconf's typed view.
     */
    static String text(byte[] bytes) {
        java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        while (true) {
            java.nio.charset.CoderResult r = d.decode(in, out, true);
            if (r.isUnderflow()) {
                d.flush(out);
                break;
            }
            for (int i = 0; i < r.length(); i++) {
                out.put((char) (0xDC00 | (in.get() & 0xFF)));
            }
        }
        out.flip();
        return out.toString();
    }

    /**
     * What liblxc did with one file.
     *
     * @param accepted whether {@code load_config()} returned true
     * @param log      liblxc's log for this load (its error message when it refused)
     * @param items    the value of each key asked
     * @param hung     whether the helper gave no answer and was started again
     */
    record Loaded(boolean accepted, String log, Map<String, Item> items, boolean hung) {
        private static final Pattern FAILED_LINE = Pattern.compile(
                "Failed to parse config file \"[^\n]*\" at line \"(.*)\"");

        /** Returns the value of a key, or empty when liblxc cannot read it. */
        Optional<String> value(String key) {
            Item i = items.get(key);
            return i == null || i.rc() < 0 ? Optional.empty() : Optional.of(i.value());
        }

        /** Returns the lines of a list value ({@code "a\nb\n"} gives {@code [a, b]}). */
        List<String> lines(String key) {
            String v = value(key).orElse("");
            List<String> lines = new ArrayList<>(List.of(v.split("\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return lines;
        }

        /** Returns the line at which liblxc stopped loading, as its log quotes it, or empty. */
        Optional<String> failedLine() {
            Matcher m = FAILED_LINE.matcher(log);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }

        /** Returns liblxc's error message: the first ERROR line of its log, without the log prefix. */
        String error() {
            for (String line : log.split("\n")) {
                int at = line.indexOf(" ERROR ");
                if (at >= 0) {
                    int dash = line.indexOf(" - ", line.indexOf(" - ", at) + 3);
                    return dash >= 0 ? line.substring(dash + 3) : line.substring(at + 7).strip();
                }
            }
            return hung ? log : "";
        }
    }
}
