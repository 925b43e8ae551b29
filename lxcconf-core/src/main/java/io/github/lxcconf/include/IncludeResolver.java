package io.github.lxcconf.include;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.internal.IncludeAccess;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.SectionLine;
import io.github.lxcconf.validate.KeyCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * <li>A NUL byte ends the file it is in, as liblxc reads a file as a C string: the text before it is the file's
 *     last line (an include path cut there names another file), and the including file goes on.</li>
 * <li>{@link IncludeLimits#lenient()} reads on past each line at which liblxc stops loading, reporting it, to the
 *     end of every file (an old tree that liblxc 5.0 refuses, read whole, for a migration or a lint of every
 *     file); by default the walk stops there, as liblxc does.</li>
 * <li>A relative path is resolved against the base directory the caller gives. liblxc resolves it
 *     against the current working directory of the process that loads the config, not against the
 *     including file; pass that directory to get the same result.</li>
 * <li>liblxc has no cycle detection and no depth limit (a file that includes itself recurses until
 *     resources run out). lxcconf reports a cycle ({@link DiagnosticCode#INC_CYCLE}) and nesting
 *     deeper than the limit ({@link DiagnosticCode#INC_TOO_DEEP}, {@value #DEFAULT_MAX_DEPTH} by
 *     default), naming the chain of files, and skips that include. Files are compared by their real
 *     path, so a symbolic link to a file in the chain is a cycle too.</li>
 * <li>Only a regular file or a directory is included. A FIFO, a socket or a device
 *     ({@code lxc.include = /dev/zero}) would make liblxc block or read without end; lxcconf skips it
 *     with {@link DiagnosticCode#INC_NOT_A_FILE} and never opens it.</li>
 * <li>Each file (by real path) is read and parsed once, however often it is included, and applied as
 *     often as liblxc applies it. The {@link IncludeLimits} bound the work: the bytes read in all
 *     ({@link DiagnosticCode#INC_TOO_LARGE}) and the included lines applied in all
 *     ({@link DiagnosticCode#INC_TOO_MANY_LINES}: a chain where each file includes the next twice applies
 *     2<sup>depth</sup> files). Past a limit the include is skipped, and the diagnostic says so once.</li>
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
    private final IncludeLimits limits;
    private final List<IncludedFile> files = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final EffectiveConfig.Accumulator values = new EffectiveConfig.Accumulator();
    private static final KeyCatalog CATALOG = KeyCatalog.standard();

    /** Each file read so far, by real path: read and parsed once, however often it is included. */
    private final Map<Path, Loaded> loaded = new HashMap<>();
    private final Map<Path, Path> realPaths = new HashMap<>();
    /** Each directory listed so far, by real path: the entries an include of it reads, or why it cannot. */
    private final Map<List<Object>, Listing> listings = new HashMap<>();
    /** Where a diagnostic was already reported: a file applied many times reports each problem once. */
    private final Set<List<Object>> reported = new HashSet<>();
    private long bytesRead;
    private long appliedLines;
    /** Set once the applied lines reach the limit: no further include is followed. */
    private boolean exhausted;

    /** The error at which liblxc stops loading, once one was met. */
    private Diagnostic stoppedBy;
    /** Set at that error unless the walk is lenient: no further line is read. */
    private Diagnostic stop;
    /** Every line read, in reading order: each file's lines where its include line stands. */
    private final List<EffectiveConfig.ReadLine> readLines = new ArrayList<>();

    /**
     * What an include value names, looked at once: a directory (its entries to read, or why it cannot be
     * listed; none when it is missing, which liblxc ignores), or a file.
     */
    private record Listing(boolean directory, List<Path> entries, Optional<String> error) {
    }

    /** A file read once: its config, or why it cannot be included. */
    private record Loaded(LxcConfig config, DiagnosticCode refusal, String reason) {
    }

    /** Paths that stand for other content (lxcconf's copies of a Proxmox node's files); none by default. */
    private final IncludeAccess.StandIns standIns;

    static {
        IncludeAccess.register(IncludeResolver::resolve);
    }

    private IncludeResolver(Path base, IncludeLimits limits, IncludeAccess.StandIns standIns) {
        this.base = base;
        this.limits = limits;
        this.standIns = standIns;
    }

    /**
     * Resolves the includes of a config with the default limits ({@link IncludeLimits#DEFAULT}).
     *
     * @param root          the config
     * @param baseDirectory the directory relative include paths are resolved against
     * @return the effective configuration
     */
    public static EffectiveConfig resolve(LxcConfig root, Path baseDirectory) {
        return resolve(root, baseDirectory, IncludeLimits.DEFAULT);
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
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth is negative: " + maxDepth);
        }
        return resolve(root, baseDirectory, IncludeLimits.DEFAULT.withMaxDepth(maxDepth));
    }

    /**
     * Resolves the includes of a config within the given limits.
     *
     * <pre>{@code
     * IncludeResolver.resolve(config, tempDir, IncludeLimits.DEFAULT.withMaxBytes(1 << 20));
     * }</pre>
     *
     * @param root          the config
     * @param baseDirectory the directory relative include paths are resolved against
     * @param limits        how far includes are followed
     * @return the effective configuration
     */
    public static EffectiveConfig resolve(LxcConfig root, Path baseDirectory, IncludeLimits limits) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(limits, "limits");
        return resolve(root, baseDirectory, limits, new IncludeAccess.StandIns(Map.of(), Map.of(), Map.of()));
    }

    private static EffectiveConfig resolve(LxcConfig root, Path baseDirectory, IncludeLimits limits,
                                           IncludeAccess.StandIns standIns) {
        IncludeResolver r = new IncludeResolver(baseDirectory, limits, standIns);
        List<Path> chain = new ArrayList<>();
        root.path().ifPresent(p -> chain.add(key(p)));
        r.read(new IncludedFile(root.path(), root, 0, Optional.empty()), chain, true);
        return new EffectiveConfig(r.files, r.values.values(), r.diagnostics, Optional.ofNullable(r.stoppedBy),
                r.readLines);
    }

    /** The real path of a file, asked of the file system once per path. */
    private Path realPath(Path p) {
        return realPaths.computeIfAbsent(p, IncludeResolver::key);
    }

    /** The real path of a file, or its absolute normal path when it has none (it does not exist). */
    private static Path key(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | SecurityException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private void read(IncludedFile file, List<Path> chain, boolean firstTime) {
        files.add(file);
        if (file.depth() > 0 && firstTime) {
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
                // an lxc.* line without '=': liblxc stops here
                Diagnostic invalid = invalidLines.get(i + 1);
                stoppedBy = stoppedBy == null ? invalid : stoppedBy;
                if (!limits.lenient()) {
                    stop = invalid;
                    break;
                }
            }
            int nul = line.content().indexOf('\0');
            readLines.add(new EffectiveConfig.ReadLine(config, i + 1, nul >= 0));
            if (nul >= 0) {
                // liblxc reads a file as a C string: a NUL byte ends it after the text before it; the including
                // file goes on
                beforeNul(config, line.content().substring(0, nul), i + 1, file.depth(), chain);
                break;
            }
            if (!(line instanceof EntryLine e) || !e.isLxcKey() || invalidLines.containsKey(i + 1)) {
                continue;
            }
            entry(config, e, i + 1, file.depth(), chain);
        }
        if (stop != null && !readLines.isEmpty() && readLines.get(readLines.size() - 1).config() == config
                && stop.source().equals(config.sourceName())
                && readLines.get(readLines.size() - 1).line() == stop.line()) {
            readLines.remove(readLines.size() - 1); // liblxc did not take the line it stopped at
        }
    }

    /** Reads the text before a NUL byte as the line liblxc sees: an entry, or an lxc.* line without '='. */
    private void beforeNul(LxcConfig config, String text, int number, int depth, List<Path> chain) {
        LxcConfig cut = LxcConfig.reader().dialect(Dialect.LXC).sourceName(config.sourceName()).parse(text);
        if (cut.lines().isEmpty() || config.dialect() != Dialect.LXC) {
            return;
        }
        Optional<Diagnostic> invalid = cut.diagnostics().stream()
                .filter(d -> d.code() == DiagnosticCode.LXC_INVALID_LINE).findFirst();
        if (invalid.isPresent()) {
            Diagnostic d = invalid.get();
            Diagnostic here = new Diagnostic(d.severity(), d.code(), d.message(), d.hint(), d.source(), number,
                    d.column());
            if (reported.add(List.of(here.source(), number, here.code()))) {
                diagnostics.add(here);
            }
            stoppedBy = stoppedBy == null ? here : stoppedBy;
            if (!limits.lenient()) {
                stop = here;
            }
            return;
        }
        if (cut.lines().get(0) instanceof EntryLine e && e.isLxcKey()) {
            entry(config, e, number, depth, chain);
        }
    }

    /** Applies one lxc.* entry of a file, or follows it when it is an include. */
    private void entry(LxcConfig config, EntryLine e, int number, int depth, List<Path> chain) {
        Provenance at = new Provenance(config.sourceName(), number);
        if (e.key().equals("lxc.include")) {
            if (!e.value().isEmpty()) {
                include(config, e, at, depth, chain);
                appliedLines++; // a skipped include is work too
            }
        } else if (config.dialect() == Dialect.LXC && !CATALOG.knows(e.key())) {
            boolean legacy = CATALOG.legacy(e.key()).isPresent();
            stop(legacy ? DiagnosticCode.VAL_LEGACY_KEY : DiagnosticCode.VAL_UNKNOWN_KEY, config, e, at,
                    "Unsupported config key \"" + e.key() + "\": liblxc stops loading the config at this line",
                    legacy ? "rename it: config.migrate() does it" : "check the key against lxc.container.conf(5)");
            if (stop == null) {
                values.apply(e.key(), e.value(), at); // a lenient walk keeps it as written
            }
        } else {
            values.apply(e.key(), e.value(), at).ifPresent(refusal -> stop(DiagnosticCode.VAL_INVALID_VALUE,
                    config, e, at, refusal, "liblxc stops loading the config at this line; give the key a value "
                            + "or remove the line"));
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
        Path standIn = target.toAbsolutePath().normalize();
        if (standIns.redirects().containsKey(standIn)) {
            target = standIns.redirects().get(standIn);
        } else if (standIns.directories().containsKey(standIn)) {
            for (Path entry : standIns.directories().get(standIn)) {
                if (stop == null) {
                    includeFile(from, line, at, entry, entry.toString(), depth, chain);
                }
            }
            return;
        }
        Path listed = target;
        Listing listing = listings.computeIfAbsent(List.of(target, value.endsWith("/")),
                k -> list(listed, k.get(1).equals(Boolean.TRUE)));
        if (listing.directory()) {
            if (listing.error().isPresent()) {
                stop(DiagnosticCode.INC_UNREADABLE_DIRECTORY, from, line, at,
                        "cannot read the include directory " + value + ": " + listing.error().get(),
                        "liblxc refuses the config when a directory include cannot be opened, and stops loading it here");
                return;
            }
            for (Path entry : listing.entries()) {
                if (stop == null) {
                    includeFile(from, line, at, entry, entry.toString(), depth, chain);
                }
            }
            return;
        }
        includeFile(from, line, at, target, value, depth, chain);
    }

    private void includeFile(LxcConfig from, EntryLine line, Provenance at, Path file, String shown, int depth,
                             List<Path> chain) {
        if (exhausted) {
            return;
        }
        Path k = realPath(file);
        if (chain.contains(k)) {
            report(DiagnosticCode.INC_CYCLE, from, line, at, "include cycle: " + chainText(chain, k),
                    "liblxc would include these files again and again until it runs out of resources; "
                            + "remove one of the lxc.include lines");
            return;
        }
        if (depth + 1 > limits.maxDepth()) {
            report(DiagnosticCode.INC_TOO_DEEP, from, line, at, "includes nested deeper than " + limits.maxDepth()
                    + ": " + chainText(chain, k), "include fewer levels of files");
            return;
        }
        boolean firstTime = !loaded.containsKey(k);
        Loaded l = firstTime ? load(file, k) : loaded.get(k);
        if (firstTime) {
            loaded.put(k, l);
        }
        if (l.refusal() == DiagnosticCode.INC_MISSING_FILE) {
            if (l.reason().isEmpty()) {
                stop(DiagnosticCode.INC_MISSING_FILE, from, line, at, "included file " + shown + " does not exist",
                        "liblxc stops loading the config here with \"Failed to open file\"; fix the path or remove "
                                + "the line (relative paths count from the directory liblxc is started in)");
            } else {
                stop(DiagnosticCode.INC_MISSING_FILE, from, line, at, "cannot read included file " + shown + ": "
                        + l.reason(), "liblxc stops loading the config here with \"Failed to open file\"");
            }
            return;
        }
        if (l.refusal() == DiagnosticCode.INC_NOT_A_FILE) {
            report(DiagnosticCode.INC_NOT_A_FILE, from, line, at, "included path " + shown + " is " + l.reason()
                    + ", not a regular file or directory; lxcconf does not read it",
                    "liblxc would block on it or read it without end; include a regular file");
            return;
        }
        if (l.refusal() == DiagnosticCode.INC_TOO_LARGE) {
            report(DiagnosticCode.INC_TOO_LARGE, from, line, at, "included file " + shown + " " + l.reason()
                    + ": the included files together pass the limit of " + limits.maxBytes() + " bytes lxcconf reads",
                    "an LXC config is a few kilobytes; check that the path names the config you mean");
            return;
        }
        long lines = l.config().lines().size() + 1L;
        if (appliedLines + lines > limits.maxAppliedLines()) {
            exhausted = true;
            report(DiagnosticCode.INC_TOO_MANY_LINES, from, line, at, "the includes apply more than "
                    + limits.maxAppliedLines() + " lines in all; lxcconf follows no include from here on",
                    "a file included again and again (each file including the next twice doubles the lines at "
                            + "each level) makes liblxc apply its lines each time; include each file once");
            return;
        }
        appliedLines += lines;
        List<Path> deeper = new ArrayList<>(chain);
        deeper.add(k);
        boolean shipped = standIns.files().containsKey(file.toAbsolutePath().normalize());
        read(new IncludedFile(shipped ? Optional.empty() : Optional.of(file), l.config(), depth + 1, Optional.of(at)),
                deeper, firstTime);
    }

    private static Listing list(Path target, boolean slash) {
        if (!slash && !Files.isDirectory(target)) {
            return new Listing(false, List.of(), Optional.empty());
        }
        if (!Files.exists(target)) {
            return new Listing(true, List.of(), Optional.empty()); // liblxc ignores a missing directory
        }
        try (Stream<Path> s = Files.list(target)) {
            List<Path> entries = s.filter(p -> {
                String name = p.getFileName().toString();
                return name.length() >= 6 && name.endsWith(".conf");
            }).sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .filter(p -> !Files.isDirectory(p)) // a directory entry contributes nothing, as in liblxc
                    .toList();
            return new Listing(true, entries, Optional.empty());
        } catch (IOException | UncheckedIOException | SecurityException ex) {
            return new Listing(true, List.of(), Optional.of(ex instanceof UncheckedIOException u ? reason(u.getCause())
                    : reason(ex)));
        }
    }

    /** Reads a file once: only a regular file, and no more bytes than the limit leaves. */
    private Loaded load(Path file, Path real) {
        byte[] shipped = standIns.files().get(file.toAbsolutePath().normalize());
        if (shipped != null) {
            if (shipped.length > limits.maxBytes() - bytesRead) {
                return new Loaded(null, DiagnosticCode.INC_TOO_LARGE, "has " + shipped.length + " bytes");
            }
            bytesRead += shipped.length;
            return new Loaded(LxcConfig.reader().dialect(Dialect.LXC).sourceName(file.toString()).parse(shipped), null,
                    "");
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(real, BasicFileAttributes.class);
        } catch (NoSuchFileException ex) {
            return new Loaded(null, DiagnosticCode.INC_MISSING_FILE, "");
        } catch (IOException | SecurityException ex) {
            return new Loaded(null, DiagnosticCode.INC_MISSING_FILE, reason(ex));
        }
        if (!attributes.isRegularFile()) {
            return new Loaded(null, DiagnosticCode.INC_NOT_A_FILE, attributes.isOther()
                    ? "a FIFO, a socket or a device" : attributes.isDirectory() ? "a directory" : "not a file");
        }
        long left = limits.maxBytes() - bytesRead;
        if (attributes.size() > left) {
            return new Loaded(null, DiagnosticCode.INC_TOO_LARGE, "has " + attributes.size() + " bytes");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(real)) {
            // a file may grow while it is read, or report no size (as files under /proc do)
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, left + 1));
        } catch (IOException | SecurityException ex) {
            return new Loaded(null, DiagnosticCode.INC_MISSING_FILE, reason(ex));
        }
        if (bytes.length > left) {
            return new Loaded(null, DiagnosticCode.INC_TOO_LARGE, "has more than " + left + " bytes");
        }
        bytesRead += bytes.length;
        return new Loaded(LxcConfig.reader().dialect(Dialect.LXC).sourceName(file.toString()).parse(bytes), null, "");
    }

    private static String chainText(List<Path> chain, Path next) {
        StringBuilder b = new StringBuilder();
        for (Path p : chain) {
            b.append(p).append(" -> ");
        }
        return b.append(next).toString();
    }

    private static String reason(Exception ex) {
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }

    private Diagnostic report(DiagnosticCode code, LxcConfig from, EntryLine line, Provenance at, String message,
                              String hint) {
        Diagnostic d = new Diagnostic(code.defaultSeverity(), code, message, Optional.of(hint), from.sourceName(),
                at.line(), line.valueColumn());
        // a file included many times reports each problem of its lines once
        if (reported.add(List.of(from.sourceName(), at.line(), code))) {
            diagnostics.add(d);
        }
        return d;
    }

    /** Reports an error at which liblxc stops loading: no later line, in this file or any other, applies. */
    private void stop(DiagnosticCode code, LxcConfig from, EntryLine line, Provenance at, String message,
                      String hint) {
        Diagnostic d = report(code, from, line, at, message, hint);
        stoppedBy = stoppedBy == null ? d : stoppedBy;
        if (!limits.lenient()) {
            stop = d;
        }
    }
}
