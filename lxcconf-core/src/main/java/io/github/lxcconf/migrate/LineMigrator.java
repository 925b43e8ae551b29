package io.github.lxcconf.migrate;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.edit.ConfigEditor;
import io.github.lxcconf.include.IncludeLimits;
import io.github.lxcconf.include.IncludeResolver;
import io.github.lxcconf.validate.KeyCatalog;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.SectionLine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line-by-line migrations: legacy keys and cgroup v1. Each changed line is replaced by new
 * text that keeps the old line's indent, separator, blanks and line end; every other line keeps
 * its bytes. The result is made by the editor ({@link ConfigEditor#replace}, {@link ConfigEditor#remove(Line)}),
 * so unchanged lines stay the same objects and the config keeps its path; only when the editor cannot write
 * a line exactly as the migration writes it (a value it refuses, such as one with a control character or
 * blanks inside quotes at its ends, or a computed value written without the quotes the old value had) is
 * the whole text read again.
 */
final class LineMigrator {
    private static final Pattern INDEXED_NETWORK = Pattern.compile("lxc\\.network\\.([0-9]+)(?:\\.(.+))?");
    private static final Pattern NUMBERED_INTERFACE = Pattern.compile("lxc\\.net\\.([0-9]+)(?:\\..*)?");

    private final LxcConfig config;
    private final MigrationOptions options;
    final List<Change> changes = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    /** For each line of the result, the 1-based number of the line it comes from. */
    final Origins origin = new Origins();

    /** Line numbers, one per line of the result, unboxed: a large file has a million of them. */
    static final class Origins {
        private int[] numbers = new int[16];
        private int size;

        void add(int number) {
            if (size == numbers.length) {
                numbers = java.util.Arrays.copyOf(numbers, numbers.length * 2);
            }
            numbers[size++] = number;
        }

        int get(int index) {
            if (index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            return numbers[index];
        }
    }

    // per section
    private int interfaces;
    /** The index the first unnumbered legacy interface of the section gets: one above every lxc.net.N one. */
    private int firstFreeInterface;
    private Map<String, String> lastV1 = new HashMap<>();
    /** The cgroup2 device rules of the section, written or migrated, as key and value. */
    private java.util.Set<String> v2Rules = new java.util.HashSet<>();
    /** The values of the section that appear both as an allow and as a deny rule: there, order matters. */
    private java.util.Set<String> allowedAndDenied = new java.util.HashSet<>();

    /**
     * Leave the cgroup v1 device rules, and the bare {@code lxc.cgroup} line, as they are: the device migration
     * would widen access.
     */
    private final boolean keepDeviceRules;

    private LineMigrator(LxcConfig config, MigrationOptions options, boolean keepDeviceRules) {
        this.config = config;
        this.options = options;
        this.keepDeviceRules = keepDeviceRules;
    }

    /** A replacement: new key and value for one line. */
    private record Kv(String key, String valueRaw) {
    }

    static LineMigrator run(LxcConfig config, MigrationOptions options, boolean keepDeviceRules) {
        LineMigrator m = new LineMigrator(config, options, keepDeviceRules);
        options.includeBase().ifPresent(base -> m.includedHighest = highestIncluded(config, base));
        m.migrate();
        return m;
    }

    /** The highest lxc.net.N index of the lines liblxc reads with the includes followed; -1 when none. */
    private long includedHighest = -1;

    /**
     * The highest interface number of the config's lines and its included files' lines as liblxc reads them, read
     * to the end of every file (an old tree's legacy keys, which stop liblxc, do not stop this).
     */
    private static long highestIncluded(LxcConfig config, java.nio.file.Path base) {
        if (config.dialect() != Dialect.LXC || !readsMore(config)) {
            return -1;
        }
        LxcConfig asRead = IncludeResolver.resolve(config, base, IncludeLimits.DEFAULT.withLenient(true)).asOneFile();
        long highest = -1;
        for (EntryLine e : asRead.entries()) {
            Matcher m = NUMBERED_INTERFACE.matcher(e.key());
            if (e.isLxcKey() && m.matches() && m.group(1).length() <= 10) {
                highest = Math.max(highest, Long.parseLong(m.group(1)));
            }
        }
        return highest;
    }

    /**
     * Whether reading the config with its includes can give an interface number its own lines do not: only when it
     * includes a file, or when its lines read alone differ from its lines in the file (a byte-order mark before the
     * first one, a NUL byte that ends the file for liblxc). Otherwise every line liblxc reads is one of its own, whose
     * numbers the section scan already counts, and resolving the includes (a second copy of every value of the file)
     * is skipped.
     */
    private static boolean readsMore(LxcConfig config) {
        if (config.hasByteOrderMark()) {
            return true;
        }
        for (Line line : config.lines()) {
            if (line instanceof EntryLine e && e.key().equals("lxc.include") || line.content().indexOf('\0') >= 0) {
                return true;
            }
        }
        return false;
    }

    LxcConfig result;

    private void migrate() {
        List<Line> lines = config.lines();
        ConfigEditor editor = config.edit();
        boolean editable = true;
        // the new lines' texts (without line ends) of each line that changes, by index; empty for a removed line
        Map<Integer, List<String>> replaced = new HashMap<>();
        int sectionStart = 0;
        scanSection(lines, 0);
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line instanceof SectionLine) {
                interfaces = 0;
                sectionStart = i + 1;
                scanSection(lines, sectionStart);
            }
            Optional<List<Kv>> replacement = line instanceof EntryLine e && e.isLxcKey()
                    ? replace(e, i + 1) : Optional.empty();
            if (replacement.isEmpty()) {
                origin.add(i + 1);
                continue;
            }
            EntryLine e = (EntryLine) line;
            List<String> texts = new ArrayList<>();
            for (Kv kv : replacement.get()) {
                String text = e.indent() + kv.key() + e.beforeSeparator() + e.separator() + e.afterSeparator()
                        + kv.valueRaw() + e.trailing();
                texts.add(text);
                origin.add(i + 1);
            }
            replaced.put(i, texts);
            changes.set(changes.size() - 1, new Change(i + 1, e.content(), texts,
                    changes.get(changes.size() - 1).reason()));
            editable = editable && edit(editor, e, replacement.get());
        }
        if (replaced.isEmpty()) {
            result = config;
            return;
        }
        NewText text = new NewText(lines, replaced);
        if (editable) {
            LxcConfig edited = editor.build();
            if (text.sameAs(edited)) {
                result = edited;
                return;
            }
        }
        // the editor could not write one of the lines exactly as the migration writes it: read the text again
        result = LxcConfig.reader().dialect(config.dialect()).sourceName(config.sourceName())
                .parse(text.render(config.hasByteOrderMark()));
    }

    /**
     * The text the migration writes: each unchanged line as it is, each changed line's new lines with its line end;
     * when the last line had no line end, the text keeps that shape. It is compared with the editor's config
     * character by character, so that the whole text is only made when the editor's config differs.
     */
    private static final class NewText {
        private final List<Line> lines;
        private final Map<Integer, List<String>> replaced;
        /** How many characters at the end are cut: the line end of a new last line, when the old one had none. */
        private final int cut;
        /** The length of the text before the cut. */
        private final long length;

        NewText(List<Line> lines, Map<Integer, List<String>> replaced) {
            this.lines = lines;
            this.replaced = replaced;
            long total = 0;
            for (int i = 0; i < lines.size(); i++) {
                for (String piece : pieces(i)) {
                    total += piece.length();
                }
            }
            this.length = total;
            int cutting = 0;
            if (!lines.isEmpty() && lines.get(lines.size() - 1).eol().isEmpty()) {
                // the last line was removed: a file without a line end after its last line keeps that shape
                String tail = tail();
                if (tail.endsWith("\r\n")) {
                    cutting = 2;
                } else if (tail.endsWith("\n") || tail.endsWith("\r")) {
                    cutting = 1;
                }
            }
            this.cut = cutting;
        }

        /** The texts line {@code i} becomes: the line itself, or its new lines with its line end. */
        private List<String> pieces(int i) {
            List<String> texts = replaced.get(i);
            Line line = lines.get(i);
            if (texts == null) {
                return List.of(line.text());
            }
            List<String> out = new ArrayList<>(texts.size());
            for (String text : texts) {
                out.add(text + line.eol());
            }
            return out;
        }

        /** The last two characters of the text (fewer when it is shorter). */
        private String tail() {
            StringBuilder tail = new StringBuilder();
            for (int i = lines.size() - 1; i >= 0 && tail.length() < 2; i--) {
                List<String> pieces = pieces(i);
                for (int k = pieces.size() - 1; k >= 0 && tail.length() < 2; k--) {
                    tail.insert(0, pieces.get(k));
                }
            }
            return tail.length() <= 2 ? tail.toString() : tail.substring(tail.length() - 2);
        }

        private java.util.Iterator<String> iterator() {
            return new java.util.Iterator<>() {
                private int line;
                private java.util.Iterator<String> current = java.util.Collections.emptyIterator();

                @Override
                public boolean hasNext() {
                    while (!current.hasNext() && line < lines.size()) {
                        current = pieces(line++).iterator();
                    }
                    return current.hasNext();
                }

                @Override
                public String next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    return current.next();
                }
            };
        }

        /** Whether the config's text (after its byte-order mark, which both have or lack) is this text. */
        boolean sameAs(LxcConfig config) {
            long other = 0;
            for (Line line : config.lines()) {
                other += line.length();
            }
            if (other != length - cut) {
                return false;
            }
            java.util.Iterator<String> mine = iterator();
            java.util.Iterator<Line> theirs = config.lines().iterator();
            String a = "";
            String b = "";
            int ai = 0;
            int bi = 0;
            for (long left = other; left > 0; left--) {
                while (ai == a.length()) {
                    a = mine.next();
                    ai = 0;
                }
                while (bi == b.length()) {
                    b = theirs.next().text();
                    bi = 0;
                }
                if (a.charAt(ai++) != b.charAt(bi++)) {
                    return false;
                }
            }
            return true;
        }

        /** The whole text, with a byte-order mark in front when the file has one. */
        String render(boolean byteOrderMark) {
            StringBuilder out = new StringBuilder((int) Math.min(length + 1, Integer.MAX_VALUE - 16));
            if (byteOrderMark) {
                out.append('\uFEFF');
            }
            for (java.util.Iterator<String> it = iterator(); it.hasNext(); ) {
                out.append(it.next());
            }
            out.setLength(out.length() - cut);
            return out.toString();
        }
    }

    /**
     * Makes the editor write the line's replacement: removes it, or gives it its new key and value in place.
     * Returns false when the editor cannot write it as the migration does (the caller compares the texts).
     */
    private static boolean edit(ConfigEditor editor, EntryLine e, List<Kv> kvs) {
        try {
            if (kvs.isEmpty()) {
                editor.remove(e);
                return true;
            }
            if (kvs.size() > 1) {
                return false;
            }
            Kv kv = kvs.get(0);
            String value = kv.valueRaw().equals(e.valueRaw()) ? e.value() : kv.valueRaw();
            editor.replace(e, kv.key(), value);
            return true;
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }

    /**
     * Remembers the last value of every key (other lines depend on some), and the highest interface number
     * of {@code lxc.net.N} lines, in the section starting at {@code from}. Numbered legacy
     * {@code lxc.network.N} lines do not count: they number the same interfaces as the unnumbered legacy
     * lines, as liblxc 2.x counted them.
     */
    private void scanSection(List<Line> lines, int from) {
        lastV1 = new HashMap<>();
        v2Rules = new java.util.HashSet<>();
        allowedAndDenied = new java.util.HashSet<>();
        java.util.Set<String> allowed = new java.util.HashSet<>();
        java.util.Set<String> denied = new java.util.HashSet<>();
        long highest = -1;
        for (int i = from; i < lines.size() && !(lines.get(i) instanceof SectionLine); i++) {
            if (lines.get(i) instanceof EntryLine e) {
                lastV1.put(e.key(), e.value());
                if (e.key().endsWith(".devices.allow") || e.key().endsWith(".devices.deny")) {
                    String rule = rule(e.value());
                    (e.key().endsWith(".allow") ? allowed : denied).add(rule);
                    if (denied.contains(rule) && allowed.contains(rule)) {
                        allowedAndDenied.add(rule);
                    }
                    if (e.key().startsWith(Cgroup2.V2)) {
                        v2Rules.add(e.key() + "\0" + rule);
                    }
                }
                Matcher m = NUMBERED_INTERFACE.matcher(e.key());
                if (m.matches() && m.group(1).length() <= 10) {
                    highest = Math.max(highest, Long.parseLong(m.group(1)));
                }
            }
        }
        if (from == 0) {
            highest = Math.max(highest, includedHighest); // the main section is what includes add to
        }
        firstFreeInterface = (int) Math.min(Integer.MAX_VALUE - 1, highest + 1);
    }

    private Optional<List<Kv>> replace(EntryLine e, int number) {
        String key = e.key();
        String valueRaw = e.valueRaw();
        String reason = null;
        List<Kv> out = List.of(new Kv(key, valueRaw));
        if (options.legacyKeys()) {
            Optional<Legacy> legacy = legacy(e, number);
            if (legacy.isPresent()) {
                out = legacy.get().lines;
                reason = legacy.get().reason;
                if (out.size() == 1) {
                    key = out.get(0).key();
                    valueRaw = out.get(0).valueRaw();
                }
            }
        }
        // the bare 'lxc.cgroup =' becomes 'lxc.cgroup2 =', which clears the cgroup2 device rules too
        boolean deviceRule = key.startsWith(Cgroup2.V1 + "devices.") || key.equals("lxc.cgroup");
        if ((options.cgroup2() && out.size() == 1 && Cgroup2.isControllerKey(key) || options.cgroup2()
                && key.equals("lxc.cgroup") && out.size() == 1) && !(keepDeviceRules && deviceRule)) {
            Optional<List<Kv>> v2 = cgroup(e, key, unquote(valueRaw), number);
            if (v2.isPresent()) {
                out = v2.get();
                reason = (reason == null ? "" : reason + " ") + cgroupReason;
            }
        }
        if (reason == null) {
            return Optional.empty();
        }
        if (!e.key().startsWith(Cgroup2.V2) && out.size() == 1 && out.get(0).key().startsWith(Cgroup2.V2 + "devices.")) {
            String rule = rule(unquote(out.get(0).valueRaw()));
            if (!allowedAndDenied.contains(rule) && !v2Rules.add(out.get(0).key() + "\0" + rule)) {
                reason = reason + " The section already has the rule '" + out.get(0).key() + e.beforeSeparator()
                        + e.separator() + e.afterSeparator() + out.get(0).valueRaw().strip()
                        + "', so the line is removed instead of writing it twice.";
                out = List.of();
            }
        }
        if (config.dialect() == Dialect.PROXMOX) {
            List<Kv> kept = new ArrayList<>();
            for (Kv kv : out) {
                KeyCatalog.ProxmoxRule rule = KeyCatalog.standard().proxmox(kv.key());
                if (rule.status() == KeyCatalog.ProxmoxStatus.REFUSED) {
                    String said = rule.message().contains("<line>") || rule.message().isEmpty() ? ""
                            : " (\"" + rule.message().replace("<key>", kv.key()) + "\")";
                    reason = reason + " Proxmox refuses " + kv.key() + said + " and drops it on its next write, so "
                            + "the line is removed.";
                    warn(DiagnosticCode.MIG_PROXMOX_REFUSES_NEW_KEY, e, number, e.key() + " has no spelling that "
                                    + "Proxmox keeps and liblxc accepts: its current name " + kv.key()
                                    + " is refused by Proxmox" + said + "; the line was removed",
                            "the container starts without this setting; check whether a Proxmox option or "
                                    + "another raw key does what it did");
                } else {
                    kept.add(kv);
                }
            }
            out = kept;
        }
        changes.add(new Change(number, e.content(), List.of(), reason));
        return Optional.of(out);
    }

    /** A device rule's value with its blanks normalised: {@code c  10:232 rwm} is {@code c 10:232 rwm}. */
    private static String rule(String value) {
        return value.strip().replaceAll("[ \t]+", " ");
    }

    private static String unquote(String raw) {
        if (raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'')
                && raw.charAt(raw.length() - 1) == raw.charAt(0)) {
            return raw.substring(1, raw.length() - 1);
        }
        return raw;
    }

    private record Legacy(List<Kv> lines, String reason) {
    }

    private static String renamed(String oldKey, String newKey) {
        String since = LegacyKeys.since(oldKey);
        return oldKey + " is the pre-2.1 name of " + newKey + "; LXC 3.0 and later refuse it"
                + (since.isEmpty() ? "" : " (last accepted by " + since + ")") + ".";
    }

    private Optional<Legacy> legacy(EntryLine e, int number) {
        String key = e.key();
        String raw = e.valueRaw();
        if (LegacyKeys.REMOVED.contains(key) || key.equals(LegacyKeys.ROOTFS_BACKEND)) {
            String why = key.equals(LegacyKeys.ROOTFS_BACKEND)
                    ? "lxc.rootfs.backend no longer exists: its storage type is the prefix of lxc.rootfs.path."
                    : key + " no longer exists and has no replacement; liblxc " + "refuses it since "
                    + LegacyKeys.since(key).replace(" (rejected from ", ", from ").replace(")", "") + ".";
            return Optional.of(new Legacy(List.of(), why));
        }
        if (key.equals(LegacyKeys.ROOTFS)) {
            String value = unquote(raw);
            String backend = lastInSection(LegacyKeys.ROOTFS_BACKEND).orElse("dir");
            String newRaw = value.isEmpty() || value.matches("[a-z]+:.*") ? raw : backend + ":" + value;
            return Optional.of(new Legacy(List.of(new Kv("lxc.rootfs.path", newRaw)),
                    renamed(key, "lxc.rootfs.path") + " The storage type (" + backend
                            + ") is written in front of the path, as lxc-update-config does."));
        }
        if (key.equals(LegacyKeys.NETWORK)) {
            interfaces = 0;
            return Optional.of(new Legacy(List.of(new Kv("lxc.net", raw)), renamed(key, "lxc.net")));
        }
        Matcher indexed = INDEXED_NETWORK.matcher(key);
        if (indexed.matches()) {
            String sub = indexed.group(2);
            String newKey = "lxc.net." + indexed.group(1) + (sub == null ? "" : "." + LegacyKeys.networkSubkey(sub));
            String note = sub != null && !LegacyKeys.networkSubkey(sub).equals(sub)
                    ? " The address key is " + newKey + "; lxc-update-config writes lxc.net.N." + sub
                    + ", which LXC 3.0 and later refuse." : "";
            return Optional.of(new Legacy(List.of(new Kv(newKey, raw)), renamed(key, newKey) + note));
        }
        if (key.startsWith(LegacyKeys.NETWORK + ".")) {
            String sub = key.substring(LegacyKeys.NETWORK.length() + 1);
            if (key.equals(LegacyKeys.NETWORK_TYPE)) {
                interfaces++;
            } else if (interfaces == 0) {
                diagnostics.add(new Diagnostic(DiagnosticCode.MIG_NETWORK_KEY_WITHOUT_TYPE.defaultSeverity(),
                        DiagnosticCode.MIG_NETWORK_KEY_WITHOUT_TYPE, key + " comes before any lxc.network.type line, "
                        + "so it belongs to no interface and cannot be numbered; the line is left as it is",
                        Optional.of("move it below the lxc.network.type line of its interface, or write "
                                + "lxc.net.<N>." + LegacyKeys.networkSubkey(sub)), config.sourceName(), number,
                        e.keyColumn()));
                return Optional.empty();
            }
            int index = firstFreeInterface + interfaces - 1;
            String newKey = "lxc.net." + index + "." + LegacyKeys.networkSubkey(sub);
            return Optional.of(new Legacy(List.of(new Kv(newKey, raw)), renamed(key, newKey)
                    + " Unnumbered lxc.network.* lines belong to the interface the last lxc.network.type line "
                    + "started, here interface " + index + "."
                    + (firstFreeInterface > 0 ? " Numbering starts at " + firstFreeInterface + ", above the "
                    + "numbered interfaces of the file, so that no two interfaces share a number." : "")));
        }
        String newKey = LegacyKeys.RENAMES.get(key);
        if (newKey == null) {
            for (Map.Entry<String, String> p : LegacyKeys.PREFIX_RENAMES.entrySet()) {
                if (key.startsWith(p.getKey()) && key.length() > p.getKey().length()) {
                    newKey = p.getValue() + key.substring(p.getKey().length());
                    return Optional.of(new Legacy(List.of(new Kv(newKey, raw)),
                            renamed(p.getKey() + "<resource>", p.getValue() + "<resource>")));
                }
            }
            return Optional.empty();
        }
        return Optional.of(new Legacy(List.of(new Kv(newKey, raw)), renamed(key, newKey)));
    }

    private Optional<String> lastInSection(String key) {
        return Optional.ofNullable(lastV1.get(key)).filter(v -> !v.isEmpty());
    }

    // ------------------------------------------------------------------ cgroup v1

    private String cgroupReason;

    private Optional<List<Kv>> cgroup(EntryLine e, String key, String value, int number) {
        if (key.equals("lxc.cgroup")) {
            cgroupReason = "The bare lxc.cgroup key clears the cgroup v1 settings; lxc.cgroup2 clears the cgroup2 ones.";
            return Optional.of(List.of(new Kv("lxc.cgroup2", e.valueRaw())));
        }
        String file = key.substring(Cgroup2.V1.length());
        String same = Cgroup2.SAME_VALUE.get(file);
        if (same != null) {
            cgroupReason = file.startsWith("devices.")
                    ? "Device rules carry over from cgroup v1 to cgroup2 unchanged; cgroup2 hosts (Proxmox VE 7 and "
                    + "later, current distributions) ignore lxc.cgroup.* lines."
                    : file + " has the same name and values in cgroup2; cgroup2 hosts ignore lxc.cgroup.* lines.";
            return Optional.of(List.of(new Kv(Cgroup2.V2 + same, e.valueRaw())));
        }
        switch (file) {
            case "memory.limit_in_bytes" -> {
                Optional<Long> b = Cgroup2.bytes(value);
                if (b.isEmpty()) {
                    return untranslatable(e, key, number, "its value '" + value + "' is not a byte count");
                }
                cgroupReason = "cgroup2's memory.max is the hard memory limit, as memory.limit_in_bytes was.";
                return Optional.of(List.of(new Kv(Cgroup2.V2 + "memory.max", max(b.get(), value))));
            }
            case "memory.soft_limit_in_bytes" -> {
                Optional<Long> b = Cgroup2.bytes(value);
                if (b.isEmpty()) {
                    return untranslatable(e, key, number, "its value '" + value + "' is not a byte count");
                }
                warn(DiagnosticCode.MIG_CHECK_TRANSLATION, e, number, key + " became memory.low, which protects "
                        + "that much memory from reclaim; memory.high would instead throttle the container above it",
                        "keep memory.low to protect memory, or use lxc.cgroup2.memory.high to throttle above the value");
                cgroupReason = "cgroup2's closest equivalent of memory.soft_limit_in_bytes is memory.low.";
                return Optional.of(List.of(new Kv(Cgroup2.V2 + "memory.low", max(b.get(), value))));
            }
            case "memory.memsw.limit_in_bytes" -> {
                Optional<Long> memsw = Cgroup2.bytes(value);
                if (memsw.isEmpty()) {
                    return untranslatable(e, key, number, "its value '" + value + "' is not a byte count");
                }
                Optional<Long> mem = Optional.ofNullable(lastV1.get(Cgroup2.V1 + "memory.limit_in_bytes"))
                        .flatMap(Cgroup2::bytes);
                String swap;
                String how;
                if (memsw.get() == Long.MAX_VALUE) {
                    swap = "max";
                    how = "-1 (no limit) became max";
                } else if (mem.isPresent() && mem.get() != Long.MAX_VALUE && memsw.get() >= mem.get()) {
                    swap = Cgroup2.formatBytes(memsw.get() - mem.get());
                    how = "the memory limit (" + lastV1.get(Cgroup2.V1 + "memory.limit_in_bytes")
                            + ") was subtracted: " + value + " - memory = " + swap + " of swap";
                } else {
                    swap = value;
                    how = "no memory.limit_in_bytes was found to subtract, so the value was kept; it now limits "
                            + "swap alone";
                }
                warn(DiagnosticCode.MIG_CHECK_TRANSLATION, e, number, key + " limits memory plus swap, "
                        + "memory.swap.max limits swap alone; " + how,
                        "check that lxc.cgroup2.memory.swap.max is the swap the container may use");
                cgroupReason = "cgroup2 limits swap on its own (memory.swap.max) instead of memory plus swap.";
                return Optional.of(List.of(new Kv(Cgroup2.V2 + "memory.swap.max", swap)));
            }
            case "cpu.shares" -> {
                if (!value.trim().matches("[0-9]{1,12}")) {
                    return untranslatable(e, key, number, "its value '" + value + "' is not a number");
                }
                long shares = Long.parseLong(value.trim());
                long weight = Cgroup2.cpuWeight(shares);
                cgroupReason = "cpu.shares (2..262144, default 1024) becomes cpu.weight (1..10000, default 100) "
                        + "with the kernel's conversion 1 + ((shares - 2) * 9999) / 262142: " + shares + " -> "
                        + weight + ".";
                return Optional.of(List.of(new Kv(Cgroup2.V2 + "cpu.weight", Long.toString(weight))));
            }
            case "cpu.cfs_quota_us", "cpu.cfs_period_us" -> {
                String quota = lastV1.get(Cgroup2.V1 + "cpu.cfs_quota_us");
                String period = lastV1.getOrDefault(Cgroup2.V1 + "cpu.cfs_period_us", "100000").trim();
                if (file.equals("cpu.cfs_period_us") && quota != null) {
                    cgroupReason = "cgroup2 writes the period together with the quota in cpu.max.";
                    return Optional.of(List.of());
                }
                String q = quota == null || quota.trim().equals("-1") ? "max" : quota.trim();
                if (!q.matches("max|[0-9]{1,15}") || !period.matches("[0-9]{1,15}")) {
                    return untranslatable(e, key, number, "its value is not a number");
                }
                cgroupReason = "cgroup2's cpu.max holds the CFS quota and period together (\"<quota|max> <period>\").";
                return Optional.of(List.of(new Kv(Cgroup2.V2 + "cpu.max", q + " " + period)));
            }
            case "blkio.weight" -> {
                if (!value.trim().matches("[0-9]{1,12}")) {
                    return untranslatable(e, key, number, "its value '" + value + "' is not a number");
                }
                long w = Long.parseLong(value.trim());
                long io = Cgroup2.ioWeight(w);
                cgroupReason = "blkio.weight (10..1000, default 500) becomes io.weight (1..10000, default 100): "
                        + w + " * 100 / 500 = " + io + ", as systemd converts it.";
                return Optional.of(List.of(new Kv(Cgroup2.V2 + "io.weight", Long.toString(io))));
            }
            default -> {
                String io = Cgroup2.THROTTLE.get(file);
                if (io != null) {
                    Optional<String> v = Cgroup2.throttle(value, io);
                    if (v.isEmpty()) {
                        return untranslatable(e, key, number, "its value '" + value + "' is not 'MAJ:MIN number'");
                    }
                    cgroupReason = "cgroup2 writes block I/O limits to io.max as \"MAJ:MIN " + io + "=N\".";
                    return Optional.of(List.of(new Kv(Cgroup2.V2 + "io.max", v.get())));
                }
                Optional<String> huge = Cgroup2.hugetlb(file);
                if (huge.isPresent()) {
                    Optional<Long> b = Cgroup2.bytes(value);
                    if (b.isEmpty()) {
                        return untranslatable(e, key, number, "its value '" + value + "' is not a byte count");
                    }
                    cgroupReason = "cgroup2 names the huge page limit " + huge.get() + ".";
                    return Optional.of(List.of(new Kv(Cgroup2.V2 + huge.get(), max(b.get(), value))));
                }
                return untranslatable(e, key, number, "cgroup2 has no " + file + " file");
            }
        }
    }

    private static String max(long bytes, String value) {
        return bytes == Long.MAX_VALUE ? "max" : value.trim();
    }

    private Optional<List<Kv>> untranslatable(EntryLine e, String key, int number, String why) {
        warn(DiagnosticCode.MIG_NO_CGROUP2_EQUIVALENT, e, number, key + " was not translated to cgroup2: " + why
                        + "; cgroup2 hosts ignore the line and LXC 7.0 refuses it",
                "remove the line, or write the lxc.cgroup2.* setting that does what you need");
        return Optional.empty();
    }

    private void warn(DiagnosticCode code, EntryLine e, int number, String message, String hint) {
        diagnostics.add(new Diagnostic(code.defaultSeverity(), code, message, Optional.of(hint),
                config.sourceName(), number, e.keyColumn()));
    }
}
