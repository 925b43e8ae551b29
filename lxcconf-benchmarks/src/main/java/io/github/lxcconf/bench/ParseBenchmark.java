package io.github.lxcconf.bench;

import io.github.lxcconf.LxcConfig;
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
import java.util.concurrent.TimeUnit;

/**
 * Steady-state time to parse, and to parse and render, the large and the small
 * input, next to the plain line-split baseline of the same text.
 *
 * <p>The {@code *Large} methods report milliseconds per operation, the
 * {@code *Small} methods microseconds. The parse methods need a few seconds
 * before the lexer and parser run compiled code (more with the large input),
 * hence the long warm-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
public class ParseBenchmark {
    private String large;
    private String small;

    /**
     * Reads both inputs.
     *
     * @throws IOException if an input cannot be read
     */
    @Setup
    public void read() throws IOException {
        large = BenchData.read(BenchData.LARGE);
        small = BenchData.read(BenchData.SMALL);
    }

    /**
     * Returns the large input parsed.
     *
     * @return the document
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 5, time = 3)
    public LxcConfig parseLarge() {
        return LxcConfig.parse(large);
    }

    /**
     * Returns the small input parsed.
     *
     * @return the document
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public LxcConfig parseSmall() {
        return LxcConfig.parse(small);
    }

    /**
     * Returns the large input parsed and rendered back to text.
     *
     * @return the text
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 5, time = 3)
    public String parseRenderLarge() {
        return LxcConfig.parse(large).render();
    }

    /**
     * Returns the small input parsed and rendered back to text.
     *
     * @return the text
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String parseRenderSmall() {
        return LxcConfig.parse(small).render();
    }

    /**
     * Splits the large input into trimmed keys and values, the plain baseline.
     *
     * @param bh the sink
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void baselineLarge(Blackhole bh) {
        PlainSplit.split(large, bh);
    }

    /**
     * Splits the small input into trimmed keys and values, the plain baseline.
     *
     * @param bh the sink
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void baselineSmall(Blackhole bh) {
        PlainSplit.split(small, bh);
    }
}
