package io.github.lxcconf.bench;

import io.github.lxcconf.LxcConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * Time of the first parse of the small input in a fresh JVM, class loading
 * and ANTLR start-up included, next to the first plain line split of the same
 * text in a fresh JVM.
 *
 * <p>Each fork measures one call; the score is the mean over the forks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(10)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class FirstParseBenchmark {
    private String small;

    /**
     * Reads the small input with {@code java.nio.file} only, so that no lxcconf
     * or ANTLR class is loaded before the measured call.
     *
     * @throws IOException if the input cannot be read
     */
    @Setup(Level.Trial)
    public void read() throws IOException {
        small = BenchData.read(BenchData.SMALL);
    }

    /**
     * Returns the small input parsed, the first parse in this JVM.
     *
     * @return the document, typed as {@code Object} so that verifying this
     *         class needs no lxcconf class
     */
    @Benchmark
    public Object firstParse() {
        return LxcConfig.parse(small);
    }

    /**
     * Splits the small input into trimmed keys and values, the first split in this JVM.
     *
     * @param bh the sink
     */
    @Benchmark
    public void baselineFirstSplit(Blackhole bh) {
        PlainSplit.split(small, bh);
    }
}
