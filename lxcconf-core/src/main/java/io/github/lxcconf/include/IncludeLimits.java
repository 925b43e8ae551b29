package io.github.lxcconf.include;

/**
 * How far {@link IncludeResolver} follows {@code lxc.include} lines: how deep includes may nest, how many
 * bytes it reads from included files in all, how many lines of included files it applies in all, and whether
 * it stops where liblxc stops loading. liblxc has none of the size limits; a file that includes itself, a chain
 * where each file includes the next twice, or an include of a huge file makes it run until resources are
 * exhausted. Immutable.
 *
 * <pre>{@code
 * IncludeLimits small = IncludeLimits.DEFAULT.withMaxBytes(1 << 20).withMaxAppliedLines(10_000);
 * EffectiveConfig eff = IncludeResolver.resolve(config, Path.of("/var/lib/lxc/web"), small);
 * // an old tree liblxc 5.0 refuses (lxc.network.* in an included file), read to its end:
 * IncludeResolver.resolve(config, dir, IncludeLimits.DEFAULT.withLenient(true)).diagnostics(); // [... VAL002 ...]
 * }</pre>
 *
 * @param maxDepth         how deep includes may nest (1: the root may include files, they may not)
 *                         ({@link io.github.lxcconf.DiagnosticCode#INC_TOO_DEEP} past it)
 * @param maxBytes         how many bytes of included files are read in all, each file counted once
 *                         ({@link io.github.lxcconf.DiagnosticCode#INC_TOO_LARGE} past it)
 * @param maxAppliedLines  how many lines of included files are applied in all, a file included twice
 *                         counted twice ({@link io.github.lxcconf.DiagnosticCode#INC_TOO_MANY_LINES} past it)
 * @param lenient          false (the default): stop where liblxc stops loading (a missing included file, an
 *                         unknown or legacy key, a line without {@code =}, an empty value liblxc refuses), as
 *                         {@link EffectiveConfig#stoppedBy()} says; true: report each such line as a diagnostic
 *                         and read on, to the end of every file, applying unknown and legacy keys as written
 *                         (single-valued) and skipping an include that cannot be read
 */
public record IncludeLimits(int maxDepth, long maxBytes, long maxAppliedLines, boolean lenient) {
    /** 32 levels, 128 MiB, 100 000 applied lines, stopping where liblxc stops: far above any real set of LXC configs. */
    public static final IncludeLimits DEFAULT = new IncludeLimits(32, 128L << 20, 100_000L, false);

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException if a limit is negative
     */
    public IncludeLimits {
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth is negative: " + maxDepth);
        }
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes is negative: " + maxBytes);
        }
        if (maxAppliedLines < 0) {
            throw new IllegalArgumentException("maxAppliedLines is negative: " + maxAppliedLines);
        }
    }

    /**
     * Returns limits that stop where liblxc stops loading.
     *
     * @param maxDepth        how deep includes may nest
     * @param maxBytes        how many bytes of included files are read in all
     * @param maxAppliedLines how many lines of included files are applied in all
     * @throws IllegalArgumentException if a limit is negative
     */
    public IncludeLimits(int maxDepth, long maxBytes, long maxAppliedLines) {
        this(maxDepth, maxBytes, maxAppliedLines, false);
    }

    /**
     * Returns these limits with another depth.
     *
     * @param depth how deep includes may nest
     * @return the limits
     */
    public IncludeLimits withMaxDepth(int depth) {
        return depth == maxDepth ? this : new IncludeLimits(depth, maxBytes, maxAppliedLines, lenient);
    }

    /**
     * Returns these limits with another byte budget.
     *
     * @param bytes how many bytes of included files are read in all
     * @return the limits
     */
    public IncludeLimits withMaxBytes(long bytes) {
        return bytes == maxBytes ? this : new IncludeLimits(maxDepth, bytes, maxAppliedLines, lenient);
    }

    /**
     * Returns these limits with another line budget.
     *
     * @param lines how many lines of included files are applied in all
     * @return the limits
     */
    public IncludeLimits withMaxAppliedLines(long lines) {
        return lines == maxAppliedLines ? this : new IncludeLimits(maxDepth, maxBytes, lines, lenient);
    }

    /**
     * Returns these limits, reading on past what stops liblxc (true) or stopping there (false).
     *
     * <pre>{@code
     * IncludeLimits.DEFAULT.withLenient(true).lenient(); // true
     * }</pre>
     *
     * @param keepReading whether to read on past a line at which liblxc stops loading
     * @return the limits
     */
    public IncludeLimits withLenient(boolean keepReading) {
        return keepReading == lenient ? this : new IncludeLimits(maxDepth, maxBytes, maxAppliedLines, keepReading);
    }
}
