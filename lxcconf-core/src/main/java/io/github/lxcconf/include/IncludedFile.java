package io.github.lxcconf.include;

import io.github.lxcconf.LxcConfig;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A file read while resolving includes: the root config, or a file an {@code lxc.include} line named.
 *
 * <pre>{@code
 * for (IncludedFile f : config.effective(Path.of("/var/lib/lxc/web")).files()) {
 *     System.out.println(f.depth() + " " + f.config().sourceName());
 * }
 * }</pre>
 *
 * @param path         the file's path; empty for a root config parsed from text
 * @param config       the file, parsed (lossless, as {@link LxcConfig#parse(Path)} reads it)
 * @param depth        0 for the root config, 1 for a file it includes, and so on
 * @param includedFrom the {@code lxc.include} line that read it; empty for the root config
 */
public record IncludedFile(Optional<Path> path, LxcConfig config, int depth, Optional<Provenance> includedFrom) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if any component is null
     * @throws IllegalArgumentException if depth is negative
     */
    public IncludedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(includedFrom, "includedFrom");
        if (depth < 0) {
            throw new IllegalArgumentException("depth is negative: " + depth);
        }
    }
}
