package io.github.lxcconf;

import io.github.lxcconf.edit.ConfigEditor;
import io.github.lxcconf.explain.Explanation;
import io.github.lxcconf.include.EffectiveConfig;
import io.github.lxcconf.internal.AtomicFiles;
import io.github.lxcconf.internal.Checker;
import io.github.lxcconf.internal.ConfigAccess;
import io.github.lxcconf.internal.ConfigParser;
import io.github.lxcconf.internal.DialectEvidence;
import io.github.lxcconf.internal.Formatter;
import io.github.lxcconf.internal.Utf8;
import io.github.lxcconf.migrate.Migration;
import io.github.lxcconf.migrate.MigrationOptions;
import io.github.lxcconf.model.LxcSettings;
import io.github.lxcconf.model.proxmox.ProxmoxSettings;
import io.github.lxcconf.proxmox.ProxmoxNode;
import io.github.lxcconf.proxmox.ProxmoxRewrite;
import io.github.lxcconf.proxmox.StartConfig;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.Section;
import io.github.lxcconf.syntax.SectionKind;
import io.github.lxcconf.syntax.SectionLine;
import io.github.lxcconf.validate.Validation;
import io.github.lxcconf.validate.ValidationOptions;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An LXC or Proxmox VE container config: an immutable, lossless list of
 * lines that prints back to exactly the text it was read from.
 *
 * <p>Both dialects are read by one grammar: native LXC ({@code lxc.key = value},
 * {@code /var/lib/lxc/NAME/config}) and Proxmox VE ({@code key: value}, raw
 * {@code lxc.*} lines, {@code [snapshot]} and {@code [pve:pending]} sections,
 * {@code /etc/pve/lxc/VMID.conf}). Reading never fails: lines that liblxc or
 * Proxmox would not read are kept as {@link io.github.lxcconf.syntax.UnknownLine}s
 * and reported in {@link #diagnostics()}. Instances are immutable and safe to
 * share between threads.
 *
 * <pre>{@code
 * LxcConfig config = LxcConfig.parse(Path.of("/etc/pve/lxc/102.conf"));
 * config.dialect();                              // PROXMOX
 * config.value("hostname");                      // Optional[ubuntu-gns3vm2-clone]
 * config.values("lxc.cgroup.devices.allow");     // [c 10:232 rwm, c 10:200 rwm]
 * config.diagnostics().forEach(System.err::println);
 * assert config.render().equals(Files.readString(Path.of("/etc/pve/lxc/102.conf")));
 * }</pre>
 */
public final class LxcConfig {
    private static final boolean CHECK_ROUND_TRIP = Boolean.getBoolean("lxcconf.checkRoundTrip");

    static {
        ConfigAccess.register(LxcConfig::new);
    }

    private final Dialect dialect;
    private final boolean byteOrderMark;
    private final List<Line> lines;
    private final List<Section> sections;
    /** What reading found, computed on first use (most callers of parse never ask); see {@link #diagnostics()}. */
    private volatile List<Diagnostic> diagnostics;
    private final String sourceName;
    private final Optional<Path> path;

    /** Whether the dialect was detected (not given by the caller): only then is mixed evidence reported. */
    private final boolean detected;
    /** The evidence the dialect was detected from, for the mixed-evidence diagnostic; empty when it was given. */
    private final Optional<DialectEvidence> evidence;

    private LxcConfig(LxcConfig template, Dialect dialect, boolean byteOrderMark, List<Line> lines,
                      String sourceName, Optional<Path> path) {
        this(dialect, template.detected ? Optional.of(DialectEvidence.of(lines)) : Optional.empty(), byteOrderMark,
                lines, sourceName, path);
    }

    private LxcConfig(Dialect dialect, Optional<DialectEvidence> evidence, boolean byteOrderMark, List<Line> lines,
                      String sourceName, Optional<Path> path) {
        this.dialect = dialect;
        this.detected = evidence.isPresent();
        this.byteOrderMark = byteOrderMark;
        this.lines = lines;
        this.sourceName = sourceName;
        this.path = path;
        this.sections = sectionsOf(lines, dialect);
        this.evidence = evidence;
    }

    // ------------------------------------------------------------------ reading

    /**
     * Parses config text (not a file name: see {@link #parse(Path)}), detecting the dialect. Never throws
     * for any text.
     *
     * <pre>{@code
     * LxcConfig c = LxcConfig.parseText("lxc.arch = amd64\n");
     * LxcConfig f = LxcConfig.parse(Path.of("/etc/pve/lxc/102.conf"));   // a file
     * }</pre>
     *
     * @param text the config text
     * @return the document
     */
    public static LxcConfig parseText(String text) {
        return reader().parse(text);
    }

    /**
     * Parses config text, detecting the dialect; the same as {@link #parseText(String)}.
     *
     * @param text the config text
     * @return the document
     * @deprecated the name does not say that the argument is text: {@code parse("102.conf")} parses the
     *             file name as a config. Use {@link #parseText(String)} for text and {@link #parse(Path)} for
     *             a file.
     */
    @Deprecated(since = "0.1.0")
    public static LxcConfig parse(String text) {
        return parseText(text);
    }

    /**
     * Reads a config file, detecting the dialect; diagnostics name the file.
     * A file that is not valid UTF-8 still loads and writes back byte for byte.
     *
     * @param file the file
     * @return the document
     * @throws IOException if the file cannot be read
     */
    public static LxcConfig parse(Path file) throws IOException {
        return reader().parse(file);
    }

    /**
     * Parses config text and throws if it has errors.
     *
     * <pre>{@code
     * LxcConfig.parseStrict("lxc.uts.name foo\n"); // throws: <string>:1:17: error: ... [LXC001]
     * }</pre>
     *
     * @param text the config
     * @return the document, which has no error diagnostics
     * @throws LxcConfigException listing every error
     */
    public static LxcConfig parseStrict(String text) {
        return reader().strict().parse(text);
    }

    /**
     * Returns a reader with default options (detect the dialect, lenient),
     * to set the dialect, the source name or strictness.
     *
     * <pre>{@code
     * LxcConfig c = LxcConfig.reader().dialect(Dialect.PROXMOX).sourceName("102.conf").parse(text);
     * }</pre>
     *
     * @return the default reader
     */
    public static ConfigReader reader() {
        return ConfigReader.DEFAULT;
    }

    static LxcConfig read(String text, Optional<Dialect> dialect, String sourceName, Optional<Path> path) {
        ConfigParser.Result r = ConfigParser.parse(text, dialect, path);
        LxcConfig config = new LxcConfig(r.dialect(), r.evidence(), r.byteOrderMark(), r.lines(), sourceName, path);
        if (CHECK_ROUND_TRIP && !config.render().equals(text)) {
            throw new IllegalStateException("lxcconf: render() differs from the parsed text in " + sourceName);
        }
        return config;
    }

    // ------------------------------------------------------------------ structure

    /**
     * Returns the dialect the config was read in.
     *
     * @return {@link Dialect#LXC} or {@link Dialect#PROXMOX}
     */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Returns every line, in file order; line {@code n} of the file is {@code lines().get(n - 1)}.
     *
     * @return the lines, unmodifiable
     */
    public List<Line> lines() {
        return lines;
    }

    /**
     * Returns the line with the given 1-based number.
     *
     * @param number the line number, from 1
     * @return the line, or empty if there is no such line
     */
    public Optional<Line> line(int number) {
        return number >= 1 && number <= lines.size() ? Optional.of(lines.get(number - 1)) : Optional.empty();
    }

    /**
     * Returns the 1-based number of a line of this config. Lines hold no numbers of their own (an edit moves
     * them); the config knows where each stands. A line is found by identity, so an equal line of another
     * config is not one of this config's.
     *
     * <pre>{@code
     * EntryLine hostname = config.entries().get(2);
     * config.numberOf(hostname); // OptionalInt[3]
     * }</pre>
     *
     * @param line a line of this config
     * @return its number, or empty when the line is not one of this config's
     */
    public OptionalInt numberOf(Line line) {
        Objects.requireNonNull(line, "line");
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) == line) {
                return OptionalInt.of(i + 1);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Returns the entries of every section, in file order.
     *
     * @return the entry lines
     */
    public List<EntryLine> entries() {
        List<EntryLine> out = new ArrayList<>();
        for (Line line : lines) {
            if (line instanceof EntryLine e) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Returns the sections: the main section first, then each {@code [name]}
     * and {@code [pve:pending]} section in file order. A native LXC config has
     * only the main section.
     *
     * @return the sections, never empty
     */
    public List<Section> sections() {
        return sections;
    }

    /**
     * Returns the main section: the running container's settings.
     *
     * @return the main section
     */
    public Section mainSection() {
        return sections.get(0);
    }

    /**
     * Returns the snapshot section with this name (case-sensitive). When a
     * name appears twice, the last one counts, as in Proxmox.
     *
     * @param name the snapshot name
     * @return the section, or empty
     */
    public Optional<Section> section(String name) {
        for (int i = sections.size() - 1; i > 0; i--) {
            Section s = sections.get(i);
            if (s.kind() == SectionKind.SNAPSHOT && s.name().orElseThrow().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the {@code [pve:pending]} section, the last one if there are several.
     *
     * @return the pending section, or empty
     */
    public Optional<Section> pending() {
        for (int i = sections.size() - 1; i > 0; i--) {
            if (sections.get(i).kind() == SectionKind.PENDING) {
                return Optional.of(sections.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the value of a single-valued key in the main section: the last one wins.
     *
     * <pre>{@code
     * LxcConfig.parseText("lxc.uts.name = a\nlxc.uts.name = b\n").value("lxc.uts.name"); // Optional[b]
     * }</pre>
     *
     * @param key the exact key
     * @return the interpreted value, or empty if the key is not set
     */
    public Optional<String> value(String key) {
        return mainSection().value(Objects.requireNonNull(key, "key"));
    }

    /**
     * Returns every value of a list key in the main section, in file order.
     *
     * <pre>{@code
     * config.values("lxc.mount.entry"); // [/dev/net/tun dev/net/tun none bind,create=file]
     * }</pre>
     *
     * @param key the exact key
     * @return the interpreted values, possibly empty
     */
    public List<String> values(String key) {
        return mainSection().values(Objects.requireNonNull(key, "key"));
    }

    /**
     * Returns what reading found: lines liblxc or Proxmox would refuse, ignore
     * or drop, and characters they treat specially. Each names the file, line
     * and column. Computed on first use, once; safe to call from several threads.
     *
     * @return the diagnostics in line order
     */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> found = diagnostics;
        if (found == null) {
            // the lines are immutable, so two threads that race here compute equal lists: no lock needed
            found = Checker.check(lines, dialect, sourceName, path, evidence);
            diagnostics = found;
        }
        return found;
    }

    /**
     * Returns the errors found while reading: lines liblxc or Proxmox cannot
     * read at all. What liblxc refuses when it loads the values (unknown keys,
     * bad device rules, ...) is in {@code validate().errors()}; a file may have
     * no reading error and many of those.
     *
     * <pre>{@code
     * LxcConfig c = LxcConfig.parseText("lxc.uts.name web\nlxc.foo = 1\n");
     * c.readingErrors();          // [LXC001 on line 1]: liblxc cannot read the line
     * c.validate().errors();      // LXC001, and the unknown key lxc.foo
     * }</pre>
     *
     * @return the reading errors, possibly empty
     */
    public List<Diagnostic> readingErrors() {
        return diagnostics().stream().filter(Diagnostic::isError).toList();
    }

    /**
     * Returns the errors found while reading; the same as {@link #readingErrors()}.
     *
     * @return the reading errors, possibly empty
     * @deprecated the name suggests every error, but these are only the reading errors; use
     *             {@link #readingErrors()}, or {@code validate().errors()} for what liblxc or Proxmox refuses
     */
    @Deprecated(since = "0.1.0")
    public List<Diagnostic> errors() {
        return readingErrors();
    }

    /**
     * Returns whether the file started with a UTF-8 byte-order mark (kept on render).
     *
     * @return {@code true} if it did
     */
    public boolean hasByteOrderMark() {
        return byteOrderMark;
    }

    /**
     * Returns the name diagnostics print: the file path, or {@code "<string>"}.
     *
     * @return the source name
     */
    public String sourceName() {
        return sourceName;
    }

    /**
     * Returns the file this config was read from.
     *
     * @return the path, or empty when it was parsed from text
     */
    public Optional<Path> path() {
        return path;
    }

    // ------------------------------------------------------------------ typed views
    /**
     * The Proxmox view, computed on first use; see {@link #proxmox()}. Held softly: for a large file the typed views
     * take several times the memory of the document, and a document kept after {@link #validate()} should not
     * keep them when memory runs short. The collector clears them only then, and the next call computes an equal
     * view again.
     */
    private volatile SoftReference<ProxmoxSettings> proxmoxSettings = new SoftReference<>(null);

    /**
     * Returns what Proxmox VE reads from this config: typed options of the main section
     * (network devices, mount points, devices, features, ...), the description, snapshots,
     * pending changes, and Proxmox's warnings about option values. Computed once, on first
     * use, also when several threads ask at the same time, and kept while memory allows (when
     * memory runs short it is dropped and computed again, equal, on the next call); the result
     * is immutable. For a native LXC config everything is empty.
     *
     * <pre>{@code
     * LxcConfig c = LxcConfig.parse(Path.of("/etc/pve/lxc/102.conf"));
     * c.proxmox().network(0).flatMap(NetworkDevice::bridge); // Optional[vmbr0]
     * c.proxmox().rootfs().flatMap(MountPoint::size);        // Optional[16G]
     * c.proxmox().diagnostics();                             // unknown settings, failed type checks, ...
     * }</pre>
     *
     * @return the Proxmox settings
     */
    public ProxmoxSettings proxmox() {
        ProxmoxSettings settings = proxmoxSettings.get();
        if (settings == null) {
            synchronized (this) {
                settings = proxmoxSettings.get();
                if (settings == null) {
                    settings = ProxmoxSettings.of(this);
                    proxmoxSettings = new SoftReference<>(settings);
                }
            }
        }
        return settings;
    }

    /** The typed lxc.* settings, computed on first use and held softly as the Proxmox view is; see {@link #lxc()}. */
    private volatile SoftReference<LxcSettings> lxc = new SoftReference<>(null);

    /**
     * Returns the typed {@code lxc.*} settings of the main section: device
     * rules, mounts, id maps, capabilities, network interfaces, security
     * profiles, environment and hooks, with the problems found in their
     * values. Computed on first use, once, and kept while memory allows (when memory runs short it
     * is dropped and computed again, equal, on the next call); safe to call from several threads.
     *
     * <pre>{@code
     * LxcConfig config = LxcConfig.parse(Path.of("/etc/pve/lxc/102.conf"));
     * config.lxc().deviceRules();   // [c 10:232 rwm, c 10:200 rwm]
     * config.lxc().mountEntries();  // [/dev/net/tun dev/net/tun none bind,create=file]
     * config.lxc().diagnostics();   // [] (problems in values, such as a bad device rule [LXC101])
     * }</pre>
     *
     * @return the settings, immutable
     */
    public LxcSettings lxc() {
        LxcSettings settings = lxc.get();
        if (settings == null) {
            synchronized (this) {
                settings = lxc.get();
                if (settings == null) {
                    settings = LxcSettings.of(this);
                    lxc = new SoftReference<>(settings);
                }
            }
        }
        return settings;
    }

    /**
     * Validates this config against liblxc 6.0 LTS (and, for a Proxmox config, Proxmox VE's
     * rules, on a cgroup2 host): syntax problems, value problems of the typed views, and
     * key-level checks (unknown and legacy keys, cgroup v1 keys, inline comments, keys set
     * twice, lists cleared, raw keys Proxmox refuses). See {@link #validate(ValidationOptions)}.
     *
     * <pre>{@code
     * LxcConfig.parseText("lxc.utsname = ct1\n").validate().errors(); // [<text>:1:1: error: Unsupported config key ... [VAL002]]
     * }</pre>
     *
     * @return every diagnostic, in line order
     */
    public Validation validate() {
        return validate(ValidationOptions.defaults());
    }

    /**
     * Validates this config against a chosen liblxc release line and host cgroup layout.
     *
     * <pre>{@code
     * config.validate(ValidationOptions.defaults().withVersion(LxcVersion.V7_0)).hasErrors();
     * }</pre>
     *
     * @param options the release line and host layout
     * @return every diagnostic, in line order
     */
    public Validation validate(ValidationOptions options) {
        return io.github.lxcconf.validate.Validator.validate(this, options);
    }

    /**
     * Returns the configuration liblxc ends up with after reading this config and every file its
     * {@code lxc.include} lines name: each key's final value(s), each with the file and line that set
     * it, plus missing files, include cycles and too deep nesting as diagnostics. Relative include
     * paths are resolved against {@code baseDirectory} (liblxc uses the working directory of the
     * process that loads the config); directory entries are read sorted by name. Any
     * {@link java.nio.file.FileSystem} works. See {@link io.github.lxcconf.include.IncludeResolver}.
     *
     * <pre>{@code
     * EffectiveConfig eff = config.effective(Path.of("/usr/share/lxc/config"));
     * eff.values("lxc.cgroup2.devices.deny").get(0).provenance(); // common.conf line 21
     * }</pre>
     *
     * @param baseDirectory the directory relative include paths are resolved against
     * @return the effective configuration
     */
    public EffectiveConfig effective(Path baseDirectory) {
        return io.github.lxcconf.include.IncludeResolver.resolve(this, baseDirectory);
    }

    /**
     * Migrates this config to current keys: legacy keys (LXC 3.0 refuses them) to their new names,
     * cgroup v1 settings to cgroup2, and, in a Proxmox config, raw device passthrough to {@code devN}
     * options. Only the lines that change, change. See {@link Migration}.
     *
     * <pre>{@code
     * LxcConfig.parseText("lxc.utsname = web\n").migrate().config().render(); // "lxc.uts.name = web\n"
     * }</pre>
     *
     * @return the migration: the new config, the changed lines and what could not be migrated
     */
    public Migration migrate() {
        return migrate(MigrationOptions.all());
    }

    /**
     * Migrates this config with the migrations the options select; see {@link #migrate()}.
     *
     * @param options which migrations run
     * @return the migration
     */
    public Migration migrate(MigrationOptions options) {
        return Migration.of(this, options);
    }

    /**
     * Explains this config in plain English: every line, and what the container may do as a whole.
     *
     * <pre>{@code
     * LxcConfig.parseText("lxc.cgroup.devices.allow: c 10:232 rwm\n").explain().toText();
     * }</pre>
     *
     * @return the explanation
     */
    public Explanation explain() {
        return Explanation.of(this);
    }

    /**
     * Returns what Proxmox VE writes back for this file on its next write ({@code pct set}, a GUI
     * change, a backup, a snapshot): the rewritten text (or a refusal when Proxmox's writer would
     * crash), the warnings Proxmox prints while reading it, and diagnostics (PVE201-PVE204) on the
     * lines that the rewrite moves, drops, or that belong to a snapshot.
     *
     * <pre>{@code
     * String canonical = config.proxmoxRewrite().text();
     * }</pre>
     *
     * @return the rewrite, computed from this file's bytes and source name
     */
    public ProxmoxRewrite proxmoxRewrite() {
        return ProxmoxRewrite.of(this);
    }

    /**
     * Returns the native LXC config Proxmox VE generates when it starts this container ({@code pct start}), on
     * the node of the Proxmox start corpus ({@link ProxmoxNode#defaults()}: cgroup2, lxc 6.0.5, 16 CPUs, every
     * bridge with MTU 1500). {@code [pve:pending]} is applied first, as {@code vm_start} does.
     *
     * <pre>{@code
     * StartConfig start = LxcConfig.parse(Path.of("/etc/pve/lxc/101.conf")).startConfig();
     * start.text();     // "lxc.cgroup.relative = 0\n...lxc.rootfs.path = /var/lib/lxc/101/rootfs\n..."
     * start.refusal();  // Optional[missing 'arch' - internal error] when Proxmox refuses to start
     * }</pre>
     *
     * @return the generated config, its warnings and Proxmox's refusal if it refuses
     * @throws IllegalStateException if this is a native LXC config (read with {@link Dialect#LXC}): only a
     *                               Proxmox config has a start config
     */
    public StartConfig startConfig() {
        return startConfig(ProxmoxNode.defaults());
    }

    /**
     * Returns the native LXC config Proxmox VE generates when it starts this container on a given node.
     *
     * <pre>{@code
     * config.startConfig(ProxmoxNode.builder().cpus(4).bridge("vmbr0", 9000).seed(7).build());
     * }</pre>
     *
     * @param node the node's facts (cgroup layout, lxc version, CPUs, bridges, devices, ...)
     * @return the generated config, its warnings and Proxmox's refusal if it refuses
     * @throws IllegalStateException if this is a native LXC config (read with {@link Dialect#LXC})
     */
    public StartConfig startConfig(ProxmoxNode node) {
        return StartConfig.of(this, node);
    }

    /**
     * Explains every line with this config's {@code lxc.include} files resolved from a base directory, so
     * that explanations can name where an inherited setting comes from.
     *
     * <pre>{@code
     * config.explain(Path.of("/usr/share/lxc/config")).line(3).map(LineExplanation::explanation);
     * // "... common.conf line 21 denies every device (lxc.cgroup2.devices.deny = a); this line allows /dev/kvm back."
     * }</pre>
     *
     * @param includeBase the directory relative include paths start from
     * @return the explanation
     */
    public Explanation explain(Path includeBase) {
        return Explanation.of(this, effective(includeBase));
    }

    /**
     * Returns the explanation for a given liblxc release line and host: line diagnostics as
     * {@link #validate(ValidationOptions)} reports them, includes followed when the options name a base, and a
     * summary of what the devices come to on the stated host layout.
     *
     * <pre>{@code
     * config.explain(ValidationOptions.defaults().withVersion(LxcVersion.V5_0).withCgroup2Host(false)).toText();
     * }</pre>
     *
     * @param options the release line, the host's cgroup layout and where includes start
     * @return the explanation
     */
    public Explanation explain(ValidationOptions options) {
        return Explanation.of(this, options);
    }

    // (typed view accessors go here)

    // ------------------------------------------------------------------ printing

    /**
     * Returns this config in the canonical layout: {@code key = value} for
     * LXC, {@code key: value} for Proxmox (the way Proxmox writes its files),
     * no indentation, no blanks after a value, empty blank lines,
     * {@code [name]} section headers, and a line end after the last line.
     * Values, comment text (blanks at its end too: in Proxmox a comment is
     * the container's description), line order and line ends are kept; line N of the
     * result is line N of this config, so comparing the two lines tells
     * which lines are not canonical. A line that does not parse, or whose
     * canonical form would be read differently, is kept as it is.
     *
     * <pre>{@code
     * LxcConfig c = LxcConfig.parseText("lxc.arch=amd64  \n  # comment\n");
     * c.format().render();     // "lxc.arch = amd64\n# comment\n"
     * c.format().format().render().equals(c.format().render()); // true: formatting twice changes nothing
     * }</pre>
     *
     * @return the formatted config, or this config when it already is canonical
     */
    public LxcConfig format() {
        return Formatter.format(this);
    }

    /**
     * Returns the config as text: for a config that was parsed and not
     * edited, exactly the text it was parsed from.
     *
     * @return the text
     */
    public String render() {
        int size = byteOrderMark ? 1 : 0;
        for (Line line : lines) {
            size += line.length();
        }
        StringBuilder out = new StringBuilder(size);
        if (byteOrderMark) {
            out.append('\uFEFF');
        }
        for (Line line : lines) {
            line.appendTo(out);
        }
        return out.toString();
    }

    /**
     * Returns the config as bytes: UTF-8, with any bytes that were not valid
     * UTF-8 when read restored exactly.
     *
     * @return the bytes
     */
    public byte[] toBytes() {
        return Utf8.encode(render());
    }

    /**
     * Writes the config's bytes, the same as {@link #toBytes()}, to a stream, a few kilobytes at a time: the
     * text of a large config is never built in memory as one string or array. The stream is not closed or
     * flushed; give it a buffered one.
     *
     * <pre>{@code
     * try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of("config.new")))) {
     *     config.format().writeTo(out);
     * }
     * }</pre>
     *
     * @param out where to write
     * @throws IOException if writing fails
     */
    public void writeTo(OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        StringBuilder chunk = new StringBuilder(WRITE_CHUNK + 256);
        if (byteOrderMark) {
            chunk.append('\uFEFF');
        }
        for (Line line : lines) {
            line.appendTo(chunk);
            // a chunk ends at a line end, so no character pair is cut in two
            if (chunk.length() >= WRITE_CHUNK) {
                out.write(Utf8.encode(chunk.toString()));
                chunk.setLength(0);
            }
        }
        if (chunk.length() > 0) {
            out.write(Utf8.encode(chunk.toString()));
        }
    }

    /** How many characters {@link #writeTo(OutputStream)} encodes at a time. */
    private static final int WRITE_CHUNK = 8192;

    /**
     * Returns the bytes that a piece of a config's text stands for in the file:
     * UTF-8, with each byte that was not valid UTF-8 when read restored
     * exactly. Use it to print a value, a line or a comment as it is in the
     * file, a Latin-1 byte included.
     *
     * <pre>{@code
     * LxcConfig c = LxcConfig.reader().parse("# caf\u00e9\nlxc.uts.name = caf\u00e9\n".getBytes(ISO_8859_1));
     * LxcConfig.bytesOf(c.value("lxc.uts.name").orElseThrow()); // {'c', 'a', 'f', (byte) 0xE9}
     * }</pre>
     *
     * @param text text taken from a config, such as {@link #value(String)}
     * @return the bytes
     */
    public static byte[] bytesOf(String text) {
        return Utf8.encode(Objects.requireNonNull(text, "text"));
    }

    /**
     * Returns the SHA-1 of {@link #toBytes()} in lower-case hex. For a config
     * read from a file and not edited, that is the digest of the bytes read,
     * which is what Proxmox's API reports as a config's {@code digest}.
     *
     * @return 40 hex digits
     */
    public String digest() {
        return AtomicFiles.sha1(toBytes());
    }

    /**
     * Writes the config to a file atomically: a temporary file in the same
     * directory, forced to disk, given the old file's permissions, then
     * renamed over it. Readers see the old file or the new one, never half.
     * A symbolic link stays and the file it names is written; a new file
     * gets {@code 0666} less the umask. The write holds the file's lock, as
     * {@link #writeTo(Path, String)} does.
     *
     * <pre>{@code
     * config.edit().set("memory", "2048").build().writeTo(Path.of("/etc/pve/lxc/102.conf"));
     * }</pre>
     *
     * @param file the file to write
     * @throws IOException if writing fails; the file is then unchanged
     */
    public void writeTo(Path file) throws IOException {
        AtomicFiles.write(file, toBytes(), Optional.empty());
    }

    /**
     * Writes the config to a file atomically, unless the file changed since
     * it was read: its current digest must still be {@code expectedDigest}.
     * So two tools editing the same config never lose each other's change:
     * the write holds an exclusive lock from the digest check to the rename.
     * For a Proxmox VE config ({@code /etc/pve/lxc/VMID.conf}) it is the lock
     * pve-container takes ({@code flock} on
     * {@code /run/lock/lxc/pve-config-VMID.lock}, through util-linux's
     * {@code flock} command), so lxcconf and {@code pct set} exclude each
     * other; for any other file, a lock on {@code .NAME.lxcconf.lock} beside
     * it. The write waits up to 10 seconds for the lock, then fails.
     *
     * <pre>{@code
     * LxcConfig read = LxcConfig.parse(file);
     * read.edit().allowDevice(KnownDevice.KVM).build().writeTo(file, read.digest());
     * }</pre>
     *
     * @param file           the file to write
     * @param expectedDigest the {@link #digest()} of the config as it was read
     * @throws StaleFileException if the file's digest is not the expected one; nothing is written
     * @throws IOException        if writing fails; the file is then unchanged
     */
    public void writeTo(Path file, String expectedDigest) throws IOException {
        AtomicFiles.write(file, toBytes(), Optional.of(Objects.requireNonNull(expectedDigest, "expectedDigest")));
    }

    // ------------------------------------------------------------------ editing

    /**
     * Returns an editor that makes a new config from this one; this config
     * does not change. The new config's text differs from this one's only in
     * the lines the edits concern.
     *
     * <pre>{@code
     * LxcConfig edited = config.edit()
     *         .set("memory", "2048")
     *         .add("lxc.cgroup2.devices.allow", "c 10:232 rwm")
     *         .build();
     * }</pre>
     *
     * @return a new editor
     */
    public ConfigEditor edit() {
        return ConfigEditor.of(this);
    }

    // ------------------------------------------------------------------ object

    /**
     * Returns whether the other config has the same dialect and the same lines.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof LxcConfig that && dialect == that.dialect && byteOrderMark == that.byteOrderMark
                && lines.equals(that.lines);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dialect, byteOrderMark, lines);
    }

    /**
     * Returns a short description: {@code LxcConfig[PROXMOX, 102.conf, 14 lines, 0 errors]}.
     */
    @Override
    public String toString() {
        return "LxcConfig[" + dialect + ", " + sourceName + ", " + lines.size() + " lines, " + errors().size()
                + " errors]";
    }

    private static List<Section> sectionsOf(List<Line> lines, Dialect dialect) {
        List<Section> out = new ArrayList<>();
        int from = 0;
        SectionLine header = null;
        if (dialect == Dialect.PROXMOX) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i) instanceof SectionLine s) {
                    out.add(section(lines, from, i, header));
                    from = i;
                    header = s;
                }
            }
        }
        out.add(section(lines, from, lines.size(), header));
        return List.copyOf(out);
    }

    private static Section section(List<Line> lines, int from, int to, SectionLine header) {
        SectionKind kind = header == null ? SectionKind.MAIN : header.kind();
        return new Section(kind, Optional.ofNullable(header), from + 1, lines.subList(from, to));
    }
}
