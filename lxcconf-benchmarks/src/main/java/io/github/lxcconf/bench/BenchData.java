package io.github.lxcconf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark input files, found in the directory named by the system
 * property {@value #DIR_PROPERTY} (default {@code bench-data} in the working
 * directory).
 *
 * <p>Uses only {@code java.nio.file}, so reading the inputs loads no lxcconf or
 * ANTLR class.
 */
final class BenchData {
    /** The system property that names the directory holding the inputs. */
    static final String DIR_PROPERTY = "lxcconf.bench.dir";

    /** The 100 000-line input (about 5 MB). */
    static final String LARGE = "large.conf";

    /** The 31-line input, a typical container config. */
    static final String SMALL = "small.conf";

    /** The directory of 1 000 typical configs of 1 to 10 KB, written by {@code lxcconf-benchmarks/gen-fleet.py}. */
    static final String FLEET = "fleet";

    /** The empty file: liblxc's load of it is the cost of a container object alone. */
    static final String EMPTY = "empty.conf";

    private BenchData() {
    }

    /**
     * Returns the directory holding the inputs, as an absolute path.
     *
     * @return the directory
     */
    static Path dir() {
        return Path.of(System.getProperty(DIR_PROPERTY, "bench-data")).toAbsolutePath().normalize();
    }

    /**
     * Returns the path of an input file, failing with instructions if it is missing.
     *
     * @param name {@link #LARGE}, {@link #SMALL} or {@link #FLEET} (a directory)
     * @return the path of an existing file or directory
     * @throws IllegalStateException if the file does not exist
     */
    static Path file(String name) {
        Path file = dir().resolve(name);
        if (!Files.exists(file)) {
            throw new IllegalStateException("benchmark input " + file + " not found: generate it with"
                    + " 'python3 ../shared/bench/gen-bench.py DIR' (" + FLEET + ": 'python3"
                    + " lxcconf-benchmarks/gen-fleet.py DIR/" + FLEET + "') and pass -D" + DIR_PROPERTY + "=DIR"
                    + " (lxcconf-benchmarks/run-benchmarks.sh does all of it)");
        }
        return file;
    }

    /**
     * Returns the text of an input file, read as UTF-8.
     *
     * @param name {@link #LARGE} or {@link #SMALL}
     * @return the text
     * @throws IOException if the file cannot be read
     */
    static String read(String name) throws IOException {
        return Files.readString(file(name));
    }
}
