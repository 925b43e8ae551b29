package io.github.lxcconf.bench;

import io.github.lxcconf.LxcConfig;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Measures how many heap bytes a parsed large input keeps alive, next to a
 * list of plain key/value pairs of the same text.
 *
 * <p>Not a JMH benchmark: run it with a fixed heap and the serial collector
 * for stable numbers, for example
 * {@code java -Xms1g -Xmx1g -XX:+UseSerialGC -Dlxcconf.bench.dir=DIR -cp benchmarks.jar
 * io.github.lxcconf.bench.RetainedHeap}. Retained bytes are the heap used
 * after full collections with the result held, minus the heap used before
 * reading the input. The document keeps slices of its source string, so the
 * source counts as retained by the document; the plain pairs are copies and
 * do not keep the source. A document after {@code validate()} holds its typed
 * views softly: they count unless the collector clears soft references, which
 * it does when memory runs short, or at every collection with
 * {@code -XX:SoftRefLRUPolicyMSPerMB=0}.
 */
public final class RetainedHeap {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private RetainedHeap() {
    }

    /**
     * Prints the input size, the retained bytes and their ratio for the document and the baseline.
     *
     * @param args unused
     * @throws IOException          if the input cannot be read
     * @throws InterruptedException if interrupted while waiting for a collection
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path file = BenchData.file(BenchData.LARGE);
        long size = Files.size(file);
        System.out.println("input: " + file + " (" + size + " bytes), collectors: " + collectors()
                + ", max heap: " + Runtime.getRuntime().maxMemory() + " bytes");

        // Load the classes and fill the parser's shared caches first, so that
        // they are not counted as retained by the documents measured below.
        Reference.reachabilityFence(LxcConfig.parse(Files.readString(file)));
        Reference.reachabilityFence(PlainSplit.pairs(Files.readString(file)));

        report("document", size, measure(() -> LxcConfig.parse(Files.readString(file))));
        report("document after validate()", size, measure(() -> {
            LxcConfig config = LxcConfig.parse(Files.readString(file));
            Reference.reachabilityFence(config.validate());
            return config;
        }));
        report("baseline", size, measure(() -> PlainSplit.pairs(Files.readString(file))));
    }

    private static long measure(Build build) throws IOException, InterruptedException {
        long before = usedAfterGc();
        Object kept = build.build();
        long after = usedAfterGc();
        Reference.reachabilityFence(kept);
        return after - before;
    }

    private static void report(String name, long size, long retained) {
        System.out.printf(Locale.ROOT, "%s: %d bytes of input retain %d bytes (%.2fx)%n",
                name, size, retained, (double) retained / size);
    }

    private static long usedAfterGc() throws InterruptedException {
        // The first call of the memory bean allocates a few megabytes while it
        // initializes: make it before the collections, not between them and the reading.
        MEMORY.getHeapMemoryUsage();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static String collectors() {
        List<GarbageCollectorMXBean> beans = ManagementFactory.getGarbageCollectorMXBeans();
        return beans.stream().map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
    }

    /** Reads the input and builds what is kept; the input string is local to the call. */
    @FunctionalInterface
    private interface Build {
        Object build() throws IOException;
    }
}
