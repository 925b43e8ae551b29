package io.github.lxcconf.include;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.model.LxcSettings;
import io.github.lxcconf.syntax.Line;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * The configuration liblxc ends up with after reading a config and every file
 * it includes: each key's final value(s), each with the file and line that set it.
 *
 * <p>Lines are applied in reading order, as liblxc applies them:
 * <ul>
 * <li>single-valued keys: the last line wins; an empty value unsets the key, except where liblxc gives it
 *     a meaning (from the key table {@code lxc-keys.tsv}): {@code lxc.autodev =} and
 *     {@code lxc.monitor.signal.pdeath =} hold {@code 0} (their defaults are 1 and SIGKILL),
 *     {@code lxc.rootfs.managed =} holds {@code 1}, {@code lxc.tty.max}, {@code lxc.pty.max},
 *     {@code lxc.init.uid}, {@code lxc.init.gid} and {@code lxc.keyring.session} hold {@code 0},
 *     {@code lxc.autodev.tmpfs.size} holds {@code 500000} for an empty or unreadable value; such a value
 *     has the provenance of the line that set it. {@code lxc.arch =} and {@code lxc.mount.fstab =} are
 *     refused (the latter after clearing the key) and stop loading, see {@link #stoppedBy()};</li>
 * <li>list keys ({@code lxc.mount.entry}, {@code lxc.cap.drop}, {@code lxc.idmap}, ...): every line appends;
 *     an empty value clears the list built so far, from every file ({@code lxc.cap.drop} and
 *     {@code lxc.cap.keep} share one list, so an empty value of either clears both);</li>
 * <li>{@code lxc.cgroup2.*}, {@code lxc.cgroup.*}, {@code lxc.proc.*}: every line appends; an empty value
 *     removes only the lines of that exact key ({@code lxc.cgroup2.devices.allow =} keeps the
 *     {@code devices.deny} rules and {@code memory.max}); the bare family key with an empty value clears
 *     the whole family;</li>
 * <li>{@code lxc.sysctl.*} and {@code lxc.prlimit.*}: a repeated name replaces its earlier value in place;</li>
 * <li>{@code lxc.net.N.type} resets interface N (every {@code lxc.net.N.*} value set before it is gone);
 *     {@code lxc.net =} removes every interface, {@code lxc.hook =} every hook.</li>
 * </ul>
 * {@code lxc.include} lines are not values: they are expanded where they stand. {@code lxc.mount.auto}
 * values are kept line by line (liblxc merges their tokens per category).
 * Where liblxc stops loading (a missing included file, an unreadable include directory, an empty value
 * it refuses, an {@code lxc.*} line without {@code =}, an unknown or legacy key in a native config), this stops
 * too: the lines below, in every file, do not apply, and {@link #stoppedBy()} says where and why (a lenient walk,
 * {@link IncludeLimits#lenient()}, reads on and reports each). A NUL byte ends the file it is in, as liblxc reads a
 * file as a C string; the including file goes on.
 * The typed views of the whole tree are {@link #lxc()}, read from the lines in liblxc's order
 * ({@link #asOneFile()}), each value leading back to its file and line ({@link #provenance(int)}).
 * Only {@code lxc.*} lines count (liblxc ignores the rest); for a Proxmox config,
 * the raw {@code lxc.*} lines of the main section. The key table that says which
 * key is a list is liblxc's ({@code lxc-keys.tsv}); an unknown key is treated as single-valued.
 *
 * <pre>{@code
 * EffectiveConfig eff = config.effective(Path.of("/usr/share/lxc/config"));
 * eff.values("lxc.cgroup2.devices.deny").get(0).provenance(); // common.conf line 21
 * eff.value("lxc.uts.name").map(EffectiveValue::value);        // Optional[web1]
 * eff.diagnostics();                                           // missing files, cycles [INC001..]
 * eff.stoppedBy();                                             // where liblxc stops loading, if it does
 * eff.lxc().capabilities().list();                             // [SYS_MODULE, ...] across every file
 * }</pre>
 */
public final class EffectiveConfig {
    private final List<IncludedFile> files;
    private final List<EffectiveValue> entries;
    private final List<Diagnostic> diagnostics;
    private final Optional<Diagnostic> stoppedBy;
    private final List<ReadLine> readLines;
    /** The lines as read, as one config; computed when first asked (a race computes the same value twice). */
    private volatile LxcConfig asOneFile;

    /**
     * One line liblxc reads: its file, its 1-based number there, and whether it holds a NUL byte (liblxc reads the
     * text before it, the last of its file, then goes on with the including file).
     */
    record ReadLine(LxcConfig config, int line, boolean cutAtNul) {
    }

    EffectiveConfig(List<IncludedFile> files, List<EffectiveValue> entries, List<Diagnostic> diagnostics,
                    Optional<Diagnostic> stoppedBy, List<ReadLine> readLines) {
        this.files = List.copyOf(files);
        this.entries = List.copyOf(entries);
        this.diagnostics = List.copyOf(diagnostics);
        this.stoppedBy = Objects.requireNonNull(stoppedBy, "stoppedBy");
        this.readLines = List.copyOf(readLines);
    }

    /**
     * Returns the error at which liblxc stops loading the config, if it meets one: an {@code lxc.include}
     * of a missing or unreadable file ({@link io.github.lxcconf.DiagnosticCode#INC_MISSING_FILE}), an include
     * directory that cannot be read ({@link io.github.lxcconf.DiagnosticCode#INC_UNREADABLE_DIRECTORY}), an
     * empty value liblxc refuses ({@code lxc.arch =}, {@code lxc.mount.fstab =};
     * {@link io.github.lxcconf.DiagnosticCode#VAL_INVALID_VALUE}), and, in a native config, an {@code lxc.*} line
     * without {@code =} ({@link io.github.lxcconf.DiagnosticCode#LXC_INVALID_LINE}), a key liblxc does not know
     * ({@link io.github.lxcconf.DiagnosticCode#VAL_UNKNOWN_KEY}) or a legacy key liblxc 3.0 and later refuse
     * ({@link io.github.lxcconf.DiagnosticCode#VAL_LEGACY_KEY}): liblxc 5.0 reports "Unsupported config key" and
     * reads no further line. Its source and line say where loading stopped; no line after it, in that file or
     * in any file that included it, applies, and {@link #entries()} holds what liblxc holds at that point (unless
     * the walk was lenient, {@link IncludeLimits#lenient()}, which reads on and reports each such line in
     * {@link #diagnostics()}). The same diagnostic is in {@link #diagnostics()}, except an invalid line of the
     * root config, which is in the root config's own {@link io.github.lxcconf.LxcConfig#diagnostics()}. Values
     * liblxc refuses only once it reads them as numbers, rules or names (a bad device rule, {@code lxc.tty.max = x})
     * stop liblxc too, but not this walk: {@link io.github.lxcconf.LxcConfig#validate(
     * io.github.lxcconf.validate.ValidationOptions)} with includes finds them, in every file.
     *
     * <pre>{@code
     * LxcConfig.parseText("lxc.include = gone.conf\nlxc.uts.name = web\n").effective(dir).stoppedBy();
     * // Optional[<string>:1:15: error: included file gone.conf does not exist [INC001]]
     * }</pre>
     *
     * @return the error, or empty when liblxc reads every line
     */
    public Optional<Diagnostic> stoppedBy() {
        return stoppedBy;
    }

    /**
     * Returns every file read, in reading order: the root config first, then each included file
     * where its {@code lxc.include} line stands (depth first).
     *
     * @return the files, never empty
     */
    public List<IncludedFile> files() {
        return files;
    }

    /**
     * Returns every value in effect, in the order liblxc applies them (a replaced single value
     * is where its last line put it; a {@code lxc.sysctl.*} value stays where its name first appeared).
     *
     * @return the values, immutable
     */
    public List<EffectiveValue> entries() {
        return entries;
    }

    /**
     * Returns the values in effect for one key, in order; for a single-valued key at most one.
     * A network key matches whatever zeros its index was written with.
     *
     * <pre>{@code
     * eff.values("lxc.mount.entry"); // [proc proc proc nodev,noexec,nosuid 0 0 (common.conf line 30), ...]
     * }</pre>
     *
     * @param key the key
     * @return the values, possibly empty
     */
    public List<EffectiveValue> values(String key) {
        String k = KeyKinds.normalize(Objects.requireNonNull(key, "key"));
        return entries.stream().filter(e -> KeyKinds.normalize(e.key()).equals(k)).toList();
    }

    /**
     * Returns the last value in effect for a key: the value of a single-valued key.
     *
     * @param key the key
     * @return the value, or empty if the key is unset
     */
    public Optional<EffectiveValue> value(String key) {
        List<EffectiveValue> v = values(key);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    /**
     * Returns the problems found while resolving includes (missing files, cycles, too deep
     * nesting, unreadable directories) followed by the syntax diagnostics of the included files.
     * The root config's own diagnostics stay on {@link io.github.lxcconf.LxcConfig#diagnostics()}.
     *
     * @return the diagnostics, immutable
     */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * Returns the lines liblxc reads, in its order, as one native config: each included file's lines stand right
     * after the {@code lxc.include} line that reads them (a file included twice stands twice), up to the line
     * where loading stops ({@link #stoppedBy()}). A line number of this config leads back to its file and line
     * with {@link #provenance(int)}. Its source name is the root config's.
     *
     * <pre>{@code
     * LxcConfig one = config.effective(dir).asOneFile();
     * one.render(); // "lxc.include = common.conf\nlxc.cap.drop = sys_module\n...\nlxc.uts.name = web\n"
     * }</pre>
     *
     * @return the config
     */
    public LxcConfig asOneFile() {
        LxcConfig one = asOneFile;
        if (one == null) {
            StringBuilder text = new StringBuilder();
            for (ReadLine r : readLines) {
                Line line = r.config().lines().get(r.line() - 1);
                String t = line.text();
                if (r.cutAtNul()) {
                    t = t.substring(0, t.indexOf('\0'));
                }
                text.append(t);
                if (!t.endsWith("\n")) {
                    text.append('\n');
                }
            }
            String source = files.get(0).config().sourceName();
            one = LxcConfig.reader().dialect(Dialect.LXC).sourceName(source).parse(text.toString());
            if (one.lines().size() != readLines.size()) {
                // a line end no file has on its own (a CR at the end of one file, a LF opening the next): one line a
                // line, so that every number leads back to its file
                StringBuilder plain = new StringBuilder();
                for (ReadLine r : readLines) {
                    String content = r.config().lines().get(r.line() - 1).content().replace("\r", "");
                    plain.append(r.cutAtNul() ? content.substring(0, content.indexOf('\0')) : content).append('\n');
                }
                one = LxcConfig.reader().dialect(Dialect.LXC).sourceName(source).parse(plain.toString());
            }
            asOneFile = one;
        }
        return one;
    }

    /**
     * Returns the typed settings of the config with its includes: device rules, mount entries, capabilities
     * (kept or dropped, with liblxc's list semantics: an empty value clears), network interfaces and the rest,
     * read from {@link #asOneFile()} in liblxc's order. Each typed value's origin is a line of
     * {@link #asOneFile()}; {@link #provenance(int)} gives its file and line.
     *
     * <pre>{@code
     * EffectiveConfig eff = config.effective(dir);
     * DeviceRule rule = eff.lxc().deviceRules().get(0);
     * eff.provenance(rule.origin().orElseThrow().lineNumber()); // Optional[common.conf line 21]
     * }</pre>
     *
     * @return the settings
     */
    public LxcSettings lxc() {
        return asOneFile().lxc();
    }

    /**
     * Returns the file and line a line of {@link #asOneFile()} (and so a typed value of {@link #lxc()}) comes from.
     *
     * @param lineNumber a 1-based line number of {@link #asOneFile()}
     * @return the file and line, or empty for a number past its end
     */
    public Optional<Provenance> provenance(int lineNumber) {
        if (lineNumber < 1 || lineNumber > readLines.size()) {
            return Optional.empty();
        }
        ReadLine r = readLines.get(lineNumber - 1);
        return Optional.of(new Provenance(r.config().sourceName(), r.line()));
    }

    @Override
    public String toString() {
        return "EffectiveConfig[" + files.size() + " files, " + entries.size() + " values"
                + stoppedBy.map(d -> ", loading stops at " + new Provenance(d.source(), d.line())).orElse("") + "]";
    }

    /** Applies lines one after the other, as liblxc does. */
    static final class Accumulator {
        /*
         * The values in the order liblxc keeps them, by a sequence number, with two sorted indexes (by key as
         * written and by key with the network index normalised) so that clearing a key or a key family does not
         * scan every value read so far: a config of 100 000 lines stays linear.
         */
        private final LinkedHashMap<Long, EffectiveValue> entries = new LinkedHashMap<>();
        private final TreeMap<String, Set<Long>> byKey = new TreeMap<>();
        private final TreeMap<String, Set<Long>> byNorm = new TreeMap<>();
        private long next;

        List<EffectiveValue> values() {
            return new ArrayList<>(entries.values());
        }

        /**
         * Applies one line.
         *
         * @return why liblxc refuses the line and stops loading, if it does
         */
        Optional<String> apply(String key, String value, Provenance at) {
            if (key.equals("lxc.include")) {
                return Optional.empty();
            }
            EffectiveValue v = new EffectiveValue(key, value, at);
            String norm = KeyKinds.normalize(key);
            Matcher net = KeyKinds.NET.matcher(norm);
            if (net.matches()) {
                String interfacePrefix = "lxc.net." + net.group(1);
                String sub = net.group(2);
                if (sub == null || sub.equals("type")) {
                    removeNorm(interfacePrefix);
                    removeNormFamily(interfacePrefix + ".");
                    if (sub != null && !value.isEmpty()) {
                        add(v);
                    }
                    return Optional.empty();
                }
            }
            if ((key.equals("lxc.net") || key.equals("lxc.hook")) && value.isEmpty()) {
                removeKeyFamily(key + ".");
                return Optional.empty();
            }
            if ((key.equals("lxc.cap.drop") || key.equals("lxc.cap.keep")) && value.isEmpty()) {
                removeKey("lxc.cap.drop");
                removeKey("lxc.cap.keep");
                return Optional.empty();
            }
            switch (KeyKinds.kind(key)) {
                case LIST -> {
                    if (value.isEmpty()) {
                        removeNorm(norm);
                    } else {
                        add(v);
                    }
                }
                case SINGLE -> {
                    KeyKinds.Empty empty = KeyKinds.empty(key);
                    if (value.isEmpty() && empty.refused()) {
                        if (empty.clearsFirst()) {
                            removeNorm(norm);
                            return Optional.of(key + " has an empty value: liblxc clears it, then refuses the line");
                        }
                        return Optional.of(key + " has an empty value, which liblxc refuses");
                    }
                    String kept = KeyKinds.effectiveValue(key, value);
                    removeNorm(norm);
                    if (!kept.isEmpty()) {
                        add(kept.equals(value) ? v : new EffectiveValue(key, kept, at));
                    }
                }
                case PREFIX -> prefix(key, value, v);
            }
            return Optional.empty();
        }

        private void prefix(String key, String value, EffectiveValue v) {
            String family = KeyKinds.family(key);
            if (key.equals(family)) {
                if (value.isEmpty()) {
                    removeKeyFamily(family + ".");
                }
                return;
            }
            if (value.isEmpty()) {
                removeKey(key);
                return;
            }
            boolean replaces = !family.equals("lxc.cgroup2") && !family.equals("lxc.cgroup")
                    && !family.equals("lxc.proc");
            Set<Long> same = byKey.get(key);
            if (replaces && same != null && !same.isEmpty()) {
                // the first line with this key takes the new value in its place; later ones go
                Long first = same.iterator().next();
                for (Long id : List.copyOf(same)) {
                    if (!id.equals(first)) {
                        drop(id);
                    }
                }
                entries.put(first, v);
                return;
            }
            add(v);
        }

        private void add(EffectiveValue v) {
            long id = next++;
            entries.put(id, v);
            byKey.computeIfAbsent(v.key(), k -> new LinkedHashSet<>()).add(id);
            byNorm.computeIfAbsent(KeyKinds.normalize(v.key()), k -> new LinkedHashSet<>()).add(id);
        }

        /** Removes one value from the list and both indexes. */
        private void drop(Long id) {
            EffectiveValue v = entries.remove(id);
            unindex(byKey, v.key(), id);
            unindex(byNorm, KeyKinds.normalize(v.key()), id);
        }

        private static void unindex(TreeMap<String, Set<Long>> index, String key, Long id) {
            Set<Long> ids = index.get(key);
            if (ids != null) {
                ids.remove(id);
                if (ids.isEmpty()) {
                    index.remove(key);
                }
            }
        }

        private void removeKey(String key) {
            Set<Long> ids = byKey.get(key);
            if (ids != null) {
                List.copyOf(ids).forEach(this::drop);
            }
        }

        private void removeNorm(String norm) {
            Set<Long> ids = byNorm.get(norm);
            if (ids != null) {
                List.copyOf(ids).forEach(this::drop);
            }
        }

        /** Removes every value whose key as written starts with the prefix. */
        private void removeKeyFamily(String prefix) {
            List.copyOf(byKey.subMap(prefix, prefix + Character.MAX_VALUE).keySet()).forEach(this::removeKey);
        }

        /** Removes every value whose normalised key starts with the prefix. */
        private void removeNormFamily(String prefix) {
            List.copyOf(byNorm.subMap(prefix, prefix + Character.MAX_VALUE).keySet()).forEach(this::removeNorm);
        }
    }
}
