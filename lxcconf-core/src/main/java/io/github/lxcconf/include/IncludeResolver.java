package io.github.lxcconf.include;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.SectionLine;
import io.github.lxcconf.validate.KeyCatalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Resolves {@code lxc.include} lines as liblxc does and computes the {@link EffectiveConfig}.
 * Files are read through {@code java.nio.file}, so any {@link java.nio.file.FileSystem} works
 * (a temporary directory, an in-memory file system, a zip).
 *
 * <ul>
 * <li>A value that ends in {@code /} or names an existing directory is a directory include: every
 *     entry whose name ends in {@code .conf} and is at least 6 characters long is read. A missing
 *     directory is fine, as in liblxc. liblxc reads the entries in {@code readdir} order, which is
 *     not sorted and differs between file systems; lxcconf sorts them by name so that the result
 *     is reproducible. An entry that is itself a directory contributes nothing, as in liblxc.</li>
 * <li>Any other value is a file include; a file that is missing or cannot be read is an error
 *     ({@link DiagnosticCode#INC_MISSING_FILE}) at which liblxc stops loading: the lines above it
 *     still apply, no line below it (in that file or in any file that included it) does, and
 *     {@link EffectiveConfig#stoppedBy()} says so. A directory that exists but cannot be listed
 *     ({@link DiagnosticCode#INC_UNREADABLE_DIRECTORY}) and an empty value liblxc refuses
 *     ({@code lxc.arch =}, {@code lxc.mount.fstab =}) or an {@code lxc.*} line without {@code =}
 *     ({@link DiagnosticCode#LXC_INVALID_LINE}) stop loading the same way, and so does, in a native
 *     config, a key liblxc does not know ({@link DiagnosticCode#VAL_UNKNOWN_KEY}) or a legacy key
 *     liblxc 3.0 and later refuse ({@link DiagnosticCode#VAL_LEGACY_KEY}).</li>
 * <li>A relative path is resolved against the base directory the caller gives. liblxc resolves it
 *     against the current working directory of the process that loads the config, not against the
 *     including file; pass that directory to get the same result.</li>
 * <li>liblxc has no cycle detection and no depth limit (a file that includes itself recurses until
 *     resources run out). lxcconf reports a cycle ({@link DiagnosticCode#INC_CYCLE}) and nesting
 *     deeper than the limit ({@link DiagnosticCode#INC_TOO_DEEP}, {@value #DEFAULT_MAX_DEPTH} by
 *     default), naming the chain of files, and skips that include.</li>
 * </ul>
 *
 * <pre>{@code
 * EffectiveConfig eff = IncludeResolver.resolve(LxcConfig.parse(Path.of("config")), Path.of("/var/lib/lxc/web"));
 * }</pre>
 */
public final class IncludeResolver {
    /** The include depth {@link #resolve(LxcConfig, Path)} allows. */
    public static final int DEFAULT_MAX_DEPTH = 32;

    private final Path base;
    private final int maxDepth;
    private final List<IncludedFile> files = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final EffectiveConfig.Accumulator values = new EffectiveConfig.Accumulator();
    private static final KeyCatalog CATALOG = KeyCatalog.standard();

    /** The error at which liblxc stops loading, once one was met. */
    private Diagnostic stop;

    private IncludeResolver(Path base, int maxDepth) {
        this.base = base;
        this.maxDepth = maxDepth;
    }

    /**
     * Resolves the includes of a config with the default depth limit.
     *
     * @param root          the config
     * @param baseDirectory the directory relative include paths are resolved against
     * @return the effective configuration
     */
    public static EffectiveConfig resolve(LxcConfig root, Path baseDirectory) {
        return resolve(root, baseDirectory, DEFAULT_MAX_DEPTH);
    }

    /**
     * Resolves the includes of a config.
     *
     * <pre>{@code
     * IncludeResolver.resolve(config, tempDir, 4); // an include chain of 5 files is reported [INC003]
     * }</pre>
     *
     * @param root          the config
     * @param baseDirectory the directory relative include paths are resolved against
     * @param maxDepth      how deep includes may nest (1: the root may include files, they may not)
     * @return the effective configuration
     * @throws IllegalArgumentException if maxDepth is negative
     */
    public static EffectiveConfig resolve(LxcConfig root, Path baseDirectory, int maxDepth) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth is negative: " + maxDepth);
        }
        IncludeResolver r = new IncludeResolver(baseDirectory, maxDepth);
        List<Path> chain = new ArrayList<>();
        root.path().ifPresent(p -> chain.add(key(p)));
        r.read(new IncludedFile(root.path(), root, 0, Optional.empty()), chain);
        return new EffectiveConfig(r.files, r.values.values(), r.diagnostics, Optional.ofNullable(r.stop));
    }

    private static Path key(Path p) {
        return p.toAbsolutePath().normalize();
    }

    private void read(IncludedFile file, List<Path> chain) {
        files.add(file);
        if (file.depth() > 0) {
            diagnostics.addAll(file.config().diagnostics());
        }
        LxcConfig config = file.config();
        Map<Integer, Diagnostic> invalidLines = new HashMap<>();
        if (config.dialect() == Dialect.LXC) {
            config.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.LXC_INVALID_LINE)
                    .forEach(d -> invalidLines.putIfAbsent(d.line(), d));
        }
        List<Line> lines = config.lines();
        for (int i = 0; i < lines.size() && stop == null; i++) {
            Line line = lines.get(i);
            if (line instanceof SectionLine) {
                break; // only the main section is the running container
            }
            if (invalidLines.containsKey(i + 1)) {
                stop = invalidLines.get(i + 1); // an lxc.* line without '=': liblxc stops here
                break;
            }
            if (!(line instanceof EntryLine e) || !e.isLxcKey()) {
                continue;
            }
            Provenance at = new Provenance(config.sourceName(), i + 1);
            if (e.key().equals("lxc.include")) {
                if (!e.value().isEmpty()) {
                    include(config, e, at, file.depth(), chain);
                }
            } else if (config.dialect() == Dialect.LXC && !CATALOG.knows(e.key())) {
                boolean legacy = CATALOG.legacy(e.key()).isPresent();
                stop(legacy ? DiagnosticCode.VAL_LEGACY_KEY : DiagnosticCode.VAL_UNKNOWN_KEY, config, e, at,
                        "Unsupported config key \"" + e.key() + "\": liblxc stops loading the config at this line",
                        legacy ? "rename it: config.migrate() does it" : "check the key against lxc.container.conf(5)");
            } else {
                values.apply(e.key(), e.value(), at).ifPresent(refusal -> stop(DiagnosticCode.VAL_INVALID_VALUE,
                        config, e, at, refusal, "liblxc stops loading the config at this line; give the key a value "
                                + "or remove the line"));
            }
        }
    }

    private void include(LxcConfig from, EntryLine line, Provenance at, int depth, List<Path> chain) {
        String value = line.value();
        Path target;
        try {
            target = base.resolve(value);
        } catch (InvalidPathException ex) {
            stop(DiagnosticCode.INC_MISSING_FILE, from, line, at, "included path " + value + " is not a valid path: "
                    + ex.getReason(), "liblxc cannot open it either and stops loading the config here; fix the path");
            return;
        }
        if (value.endsWith("/") || Files.isDirectory(target)) {
            if (!Files.exists(target)) {
                return; // liblxc ignores a missing directory
            }
            List<Path> entries;
            try (Stream<Path> s = Files.list(target)) {
                entries = s.filter(p -> {
                    String name = p.getFileName().toString();
                    return name.length() >= 6 && name.endsWith(".conf");
                }).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
            } catch (IOException ex) {
                stop(DiagnosticCode.INC_UNREADABLE_DIRECTORY, from, line, at,
                        "cannot read the include directory " + value + ": " + reason(ex),
                        "liblxc refuses the config when a directory include cannot be opened, and stops loading it here");
                return;
            }
            for (Path entry : entries) {
                if (stop == null && !Files.isDirectory(entry)) {
                    includeFile(from, line, at, entry, entry.toString(), depth, chain);
                }
            }
            return;
        }
        includeFile(from, line, at, target, value, depth, chain);
    }

    private void includeFile(LxcConfig from, EntryLine line, Provenance at, Path file, String shown, int depth,
                             List<Path> chain) {
        Path k = key(file);
        if (chain.contains(k)) {
            report(DiagnosticCode.INC_CYCLE, from, line, at, "include cycle: " + chainText(chain, k),
                    "liblxc would include these files again and again until it runs out of resources; "
                            + "remove one of the lxc.include lines");
            return;
        }
        if (depth + 1 > maxDepth) {
            report(DiagnosticCode.INC_TOO_DEEP, from, line, at, "includes nested deeper than " + maxDepth + ": "
                    + chainText(chain, k), "include fewer levels of files");
            return;
        }
        LxcConfig included;
        try {
            included = LxcConfig.reader().dialect(Dialect.LXC).parse(file);
        } catch (NoSuchFileException ex) {
            stop(DiagnosticCode.INC_MISSING_FILE, from, line, at, "included file " + shown + " does not exist",
                    "liblxc stops loading the config here with \"Failed to open file\"; fix the path or remove "
                            + "the line (relative paths count from the directory liblxc is started in)");
            return;
        } catch (IOException ex) {
            stop(DiagnosticCode.INC_MISSING_FILE, from, line, at, "cannot read included file " + shown + ": "
                    + reason(ex), "liblxc stops loading the config here with \"Failed to open file\"");
            return;
        }
        List<Path> deeper = new ArrayList<>(chain);
        deeper.add(k);
        read(new IncludedFile(Optional.of(file), included, depth + 1, Optional.of(at)), deeper);
    }

    private static String chainText(List<Path> chain, Path next) {
        StringBuilder b = new StringBuilder();
        for (Path p : chain) {
            b.append(p).append(" -> ");
        }
        return b.append(next).toString();
    }

    private static String reason(IOException ex) {
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }

    private Diagnostic report(DiagnosticCode code, LxcConfig from, EntryLine line, Provenance at, String message,
                              String hint) {
        Diagnostic d = new Diagnostic(code.defaultSeverity(), code, message, Optional.of(hint), from.sourceName(),
                at.line(), line.valueColumn());
        diagnostics.add(d);
        return d;
    }

    /** Reports an error at which liblxc stops loading: no later line, in this file or any other, applies. */
    private void stop(DiagnosticCode code, LxcConfig from, EntryLine line, Provenance at, String message,
                      String hint) {
        stop = report(code, from, line, at, message, hint);
    }
}
