package io.github.lxcconf.explain;

import io.github.lxcconf.LxcConfig;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures {@code explain()} and {@code validate()} on a config file; not a test, run by hand:
 * {@code java -cp <test classpath> io.github.lxcconf.explain.ExplainProfile /tmp/bench-data/large.conf}.
 * Prints the best of several runs after warm-up, as wall-clock time and as the CPU time of the measuring
 * thread (which other processes on a busy machine do not inflate).
 */
public final class ExplainProfile {

    private ExplainProfile() {
    }

    /**
     * Runs the measurement.
     *
     * @param args the config file, then optionally the number of measured runs
     * @throws IOException if the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of(args[0]));
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long sink = 0;
        for (int i = 0; i < 2; i++) {
            sink += LxcConfig.parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).explain().lines().size();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long bestExplain = Long.MAX_VALUE;
        long bestValidate = Long.MAX_VALUE;
        long bestExplainCpu = Long.MAX_VALUE;
        long bestValidateCpu = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            LxcConfig config = LxcConfig.reader().parse(bytes);
            System.gc();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Explanation e = config.explain();
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            sink += e.lines().size();
            LxcConfig again = LxcConfig.reader().parse(bytes);
            System.gc();
            long c2 = threads.getCurrentThreadCpuTime();
            long t2 = System.nanoTime();
            sink += again.validate().diagnostics().size();
            long t3 = System.nanoTime();
            long c3 = threads.getCurrentThreadCpuTime();
            bestExplain = Math.min(bestExplain, t1 - t0);
            bestValidate = Math.min(bestValidate, t3 - t2);
            bestExplainCpu = Math.min(bestExplainCpu, c1 - c0);
            bestValidateCpu = Math.min(bestValidateCpu, c3 - c2);
        }
        System.out.printf("explain:  %.1f ms wall, %.1f ms CPU (best of %d)%nvalidate: %.1f ms wall, %.1f ms CPU"
                        + " (best of %d)%n(%d)%n",
                bestExplain / 1e6, bestExplainCpu / 1e6, runs, bestValidate / 1e6, bestValidateCpu / 1e6, runs, sink);
    }
}
