package io.github.lxcconf.include;

/**
 * How far {@link IncludeResolver} follows {@code lxc.include} lines: how deep includes may nest, how many
 * bytes it reads from included files in all, and how many lines of included files it applies in all.
 * liblxc has none of these limits; a file that includes itself, a chain where each file includes the next
 * twice, or an include of a huge file makes it run until resources are exhausted. Immutable.
 *
 * <pre>{@code
 * IncludeLimits small = IncludeLimits.DEFAULT.withMaxBytes(1 << 20).withMaxAppliedLines(10_000);
 * EffectiveConfig eff = IncludeResolver.resolve(config, Path.of("/var/lib/lxc/web"), small);
 * }</pre>
 *
 * @param maxDepth         how deep includes may nest (1: the root may include files, they may not)
 *                         ({@link io.github.lxcconf.DiagnosticCode#INC_TOO_DEEP} past it)
 * @param maxBytes         how many bytes of included files are read in all, each file counted once
 *                         ({@link io.github.lxcconf.DiagnosticCode#INC_TOO_LARGE} past it)
 * @param maxAppliedLines  how many lines of included files are applied in all, a file included twice
 *                         counted twice ({@link io.github.lxcconf.DiagnosticCode#INC_TOO_MANY_LINES} past it)
 */
public record IncludeLimits(int maxDepth, long maxBytes, long maxAppliedLines) {
    /** 32 levels, 128 MiB, 100 000 applied lines: far above any real set of LXC configs. */
    public static final IncludeLimits DEFAULT = new IncludeLimits(32, 128L << 20, 100_000L);

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
     * Returns these limits with another depth.
     *
     * @param depth how deep includes may nest
     * @return the limits
     */
    public IncludeLimits withMaxDepth(int depth) {
        return depth == maxDepth ? this : new IncludeLimits(depth, maxBytes, maxAppliedLines);
    }

    /**
     * Returns these limits with another byte budget.
     *
     * @param bytes how many bytes of included files are read in all
     * @return the limits
     */
    public IncludeLimits withMaxBytes(long bytes) {
        return bytes == maxBytes ? this : new IncludeLimits(maxDepth, bytes, maxAppliedLines);
    }

    /**
     * Returns these limits with another line budget.
     *
     * @param lines how many lines of included files are applied in all
     * @return the limits
     */
    public IncludeLimits withMaxAppliedLines(long lines) {
        return lines == maxAppliedLines ? this : new IncludeLimits(maxDepth, maxBytes, lines);
    }
}
