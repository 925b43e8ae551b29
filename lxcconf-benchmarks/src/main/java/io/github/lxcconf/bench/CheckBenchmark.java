package io.github.lxcconf.bench;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.explain.Explanation;
import io.github.lxcconf.include.EffectiveConfig;
import io.github.lxcconf.migrate.Migration;
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

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code validate()} and {@code explain()} of the small and the large input, {@code effective()} and
 * {@code migrate()} of the large one, {@code format()} of both, each on a freshly parsed
 * config (the typed views are computed once per config, so parsing is part of the measured work), next to
 * parsing alone as the baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
public class CheckBenchmark {
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

    /** @return the small input parsed and validated */
    @Benchmark
    public Validation validateSmall() {
        return LxcConfig.parseText(small).validate();
    }

    /** @return the small input parsed and explained */
    @Benchmark
    public Explanation explainSmall() {
        return LxcConfig.parseText(small).explain();
    }

    /** @return the small input parsed: the baseline of the two above */
    @Benchmark
    public LxcConfig parseSmallBaseline() {
        return LxcConfig.parseText(small);
    }

    /** @return the large input parsed and validated */
    @Benchmark
    public Validation validateLarge() {
        return LxcConfig.parseText(large).validate();
    }

    /** @return the large input parsed and explained */
    @Benchmark
    public Explanation explainLarge() {
        return LxcConfig.parseText(large).explain();
    }

    /** @return the large input parsed and resolved into its effective configuration (it includes nothing) */
    @Benchmark
    public EffectiveConfig effectiveLarge() {
        return LxcConfig.parseText(large).effective(Path.of("."));
    }

    /** @return the large input parsed and migrated (legacy keys and cgroup v1 lines) */
    @Benchmark
    public Migration migrateLarge() {
        return LxcConfig.parseText(large).migrate();
    }

    /** @return the small input parsed and put into the canonical layout */
    @Benchmark
    public LxcConfig formatSmall() {
        return LxcConfig.parseText(small).format();
    }

    /** @return the large input parsed and put into the canonical layout (531 of its lines change) */
    @Benchmark
    public LxcConfig formatLarge() {
        return LxcConfig.parseText(large).format();
    }

    /** @return the large input parsed: the baseline of the large benchmarks */
    @Benchmark
    public LxcConfig parseLargeBaseline() {
        return LxcConfig.parseText(large);
    }
}
