package io.github.lxcconf.bench;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.validate.Validation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Linting a fleet: each operation takes the next of the configs in {@code fleet/} (1 000 typical native
 * LXC configs of 1 to 10 KB, three in ten damaged, from {@code gen-fleet.py}), round robin, so a score is
 * the mean time per file over the whole fleet. Compared with liblxc's {@code load_config} of the same
 * files by {@code compare-liblxc.sh}. The validator is a lot of code: it needs longer than the parser to
 * run compiled (about 40 000 files on a busy two-core machine), hence 15 warm-up iterations of 2 s.
 *
 * <pre>{@code
 * java -jar benchmarks.jar FleetBenchmark -jvmArgsAppend -Dlxcconf.bench.dir=DIR
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 1)
public class FleetBenchmark {
    private Path[] files;
    private String[] texts;
    private int next;

    /**
     * Lists and reads the fleet.
     *
     * @throws IOException if a file cannot be read
     */
    @Setup
    public void read() throws IOException {
        Path dir = BenchData.file(BenchData.FLEET);
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> list = s.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
            if (list.isEmpty()) {
                throw new IllegalStateException("no .conf file in " + dir);
            }
            files = list.toArray(Path[]::new);
        }
        texts = new String[files.length];
        for (int i = 0; i < files.length; i++) {
            texts[i] = Files.readString(files[i]);
        }
    }

    private int index() {
        int i = next;
        next = i + 1 == files.length ? 0 : i + 1;
        return i;
    }

    /** @return the next file read from disk, parsed and validated: what {@code lxcconf lint} does per file */
    @Benchmark
    public Validation readParseValidate() {
        try {
            return LxcConfig.parse(files[index()]).validate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the next text parsed and validated */
    @Benchmark
    public Validation parseValidate() {
        return LxcConfig.parseText(texts[index()]).validate();
    }

    /** @return the next text parsed */
    @Benchmark
    public LxcConfig parse() {
        return LxcConfig.parseText(texts[index()]);
    }

    /**
     * The plain baseline: the next text split into trimmed keys and values.
     *
     * @param bh the sink
     */
    @Benchmark
    public void baseline(Blackhole bh) {
        PlainSplit.split(texts[index()], bh);
    }
}
