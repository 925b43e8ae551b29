package io.github.lxcconf.edit;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.internal.ConfigAccess;
import io.github.lxcconf.internal.LineSlices;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.SectionKind;
import io.github.lxcconf.syntax.SectionLine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes a new config from an existing one, changing only the lines the edits
 * concern. Get one from {@link LxcConfig#edit()}, chain edits, then
 * {@link #build()}.
 *
 * <p>Rules every edit keeps:
 * <ul>
 * <li>Lines outside the edit keep every byte, and are the same objects.</li>
 * <li>{@link #set} changes a value in its old slot: indent, separator,
 *     blanks, trailing blanks and line end stay.</li>
 * <li>A new line goes after the last line of the same key or key family
 *     (device rules with device rules, {@code lxc.net.0.*} with
 *     {@code lxc.net.0.*}); a new Proxmox option goes among the options in
 *     byte order when they are sorted, as {@code pct} writes them; nothing is
 *     ever added below a snapshot or {@code [pve:pending]} section unless
 *     that section is the target.</li>
 * <li>A new line copies its neighbours' style: separator and its blanks,
 *     indent, line end (a CRLF file stays CRLF).</li>
 * <li>Adding what is already there changes nothing.</li>
 * <li>A key or value that would inject a line end, a NUL or another control
 *     character, or a key the dialect does not read, is refused with an
 *     {@link IllegalArgumentException} that says what and where.</li>
 * </ul>
 *
 * <pre>{@code
 * LxcConfig edited = config.edit()
 *         .set("memory", "2048")                              // main section
 *         .add("lxc.cgroup2.devices.allow", "c 10:232 rwm")
 *         .remove("lxc.cgroup.devices.allow", "c 10:232 rwm")
 *         .pending().set("cores", "4")                        // [pve:pending], created if needed
 *         .build();
 * }</pre>
 *
 * <p>An editor is a builder: not thread-safe, and meant to be used by one
 * caller. The configs it builds are immutable.
 */
public final class ConfigEditor {
    /** The edited lines, shared by the editors of every section of one edit. */
    private static final class State {
        final LxcConfig original;
        List<Line> lines;
        boolean changed;
        String eol;

        State(LxcConfig original) {
            this.original = original;
            this.lines = original.lines();
        }

        List<Line> mutable() {
            if (!changed) {
                lines = new ArrayList<>(lines);
                changed = true;
            }
            return lines;
        }

        /** The file's most common line end, else LF. */
        String eol() {
            if (eol == null) {
                Map<String, Integer> counts = new HashMap<>();
                for (Line line : lines) {
                    if (line.length() > 0) {
                        String e = line.eol();
                        if (!e.isEmpty()) {
                            counts.merge(e, 1, Integer::sum);
                        }
                    }
                }
                eol = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("\n");
            }
            return eol;
        }
    }

    private final State state;
    private final SectionKind target;
    private final String snapshot;

    private ConfigEditor(State state, SectionKind target, String snapshot) {
        this.state = state;
        this.target = target;
        this.snapshot = snapshot;
    }

    /**
     * Returns an editor of the given config's main section.
     *
     * @param config the config to start from
     * @return a new editor
     */
    public static ConfigEditor of(LxcConfig config) {
        return new ConfigEditor(new State(Objects.requireNonNull(config, "config")), SectionKind.MAIN, null);
    }

    // ------------------------------------------------------------------ sections

    /**
     * Returns an editor of the main section (the running container), sharing this edit.
     *
     * @return the main-section editor
     */
    public ConfigEditor main() {
        return new ConfigEditor(state, SectionKind.MAIN, null);
    }

    /**
     * Returns an editor of a snapshot section, sharing this edit. When the
     * name appears twice, the last section is edited: the one Proxmox reads.
     *
     * @param name the snapshot name
     * @return the snapshot editor
     * @throws IllegalArgumentException if the config has no such snapshot, or is not a Proxmox config
     */
    public ConfigEditor snapshot(String name) {
        requireProxmox("snapshot sections");
        Checks.snapshotName(name);
        if (header(SectionKind.SNAPSHOT, name) < 0) {
            throw new IllegalArgumentException("no snapshot [" + name + "] in this config");
        }
        return new ConfigEditor(state, SectionKind.SNAPSHOT, name);
    }

    /**
     * Returns an editor of the {@code [pve:pending]} section, sharing this
     * edit. The section is created, after the main section, when the first
     * line is added to it.
     *
     * @return the pending-section editor
     * @throws IllegalArgumentException if this is not a Proxmox config
     */
    public ConfigEditor pending() {
        requireProxmox("a [pve:pending] section");
        return new ConfigEditor(state, SectionKind.PENDING, null);
    }

    // ------------------------------------------------------------------ generic edits

    /**
     * Sets a single-valued key: replaces the value of its last occurrence in
     * this section in place, or adds the key if it is not there.
     *
     * <pre>{@code
     * config.edit().set("lxc.uts.name", "web2").build();   // lxc.uts.name = web1  ->  lxc.uts.name = web2
     * }</pre>
     *
     * @param key   the key
     * @param value the value as it is read ({@code value()}, not quoted)
     * @return this editor
     * @throws IllegalArgumentException if the key or value is refused
     */
    public ConfigEditor set(String key, String value) {
        checkKey(key);
        Checks.value(value);
        int[] range = range(false);
        if (range != null) {
            int i = Placement.lastEntry(state.lines, range[0], range[1], e -> e.key().equals(key));
            if (i >= 0) {
                EntryLine old = (EntryLine) state.lines.get(i);
                if (!old.value().equals(value)) {
                    state.mutable().set(i, LineStyle.withValue(old, value));
                }
                return this;
            }
        }
        insert(key, value);
        return this;
    }

    /**
     * Adds a value to a list key (such as {@code lxc.mount.entry}) after the
     * key's last line, unless this section already has that key with that value.
     *
     * @param key   the key
     * @param value the value as it is read
     * @return this editor
     * @throws IllegalArgumentException if the key or value is refused
     */
    public ConfigEditor add(String key, String value) {
        checkKey(key);
        Checks.value(value);
        int[] range = range(false);
        if (range != null && Placement.lastEntry(state.lines, range[0], range[1],
                e -> e.key().equals(key) && e.value().equals(value)) >= 0) {
            return this;
        }
        insert(key, value);
        return this;
    }

    /**
     * Removes every line of this section with the key.
     *
     * @param key the key
     * @return this editor
     */
    public ConfigEditor remove(String key) {
        Objects.requireNonNull(key, "key");
        removeWhere(e -> e.key().equals(key));
        return this;
    }

    /**
     * Removes the lines of this section with the key and this value (as it is read).
     *
     * @param key   the key
     * @param value the value
     * @return this editor
     */
    public ConfigEditor remove(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        removeWhere(e -> e.key().equals(key) && e.value().equals(value));
        return this;
    }

    /**
     * Returns the edited config. Unchanged lines are the same objects as before.
     *
     * @return the new config, or the original one if nothing changed
     */
    public LxcConfig build() {
        LxcConfig original = state.original;
        if (!state.changed) {
            return original;
        }
        return ConfigAccess.factory().create(original.dialect(), original.hasByteOrderMark(),
                List.copyOf(state.lines), original.sourceName(), original.path());
    }

    // ------------------------------------------------------------------ helpers for typed edits

    /** The dialect of the config being edited. */
    Dialect dialect() {
        return state.original.dialect();
    }

    /** The entries of this section, in order (a snapshot of the current state). */
    List<EntryLine> entries() {
        int[] range = range(false);
        List<EntryLine> out = new ArrayList<>();
        if (range != null) {
            for (int i = range[0]; i < range[1]; i++) {
                if (state.lines.get(i) instanceof EntryLine e) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    void removeWhere(java.util.function.Predicate<EntryLine> test) {
        int[] range = range(false);
        if (range == null) {
            return;
        }
        for (int i = range[1] - 1; i >= range[0]; i--) {
            if (state.lines.get(i) instanceof EntryLine e && test.test(e)) {
                state.mutable().remove(i);
            }
        }
    }

    // ------------------------------------------------------------------ internals

    private void checkKey(String key) {
        Checks.key(key, dialect(), target == SectionKind.PENDING);
    }

    private void requireProxmox(String what) {
        if (dialect() != Dialect.PROXMOX) {
            throw new IllegalArgumentException("only Proxmox configs have " + what);
        }
    }

    private void insert(String key, String value) {
        int[] range = range(true);
        Placement.Spot spot = Placement.place(state.lines, range[0], range[1], key, dialect());
        LineStyle style = styleFor(key, spot.anchor());
        insertLine(spot.index(), style.entry(key, value));
    }

    /** The style of a new line: its anchor's, else the last entry of the same kind in the file, else the default. */
    private LineStyle styleFor(String key, Optional<EntryLine> anchor) {
        boolean lxcKey = key.startsWith("lxc.");
        Optional<EntryLine> source = anchor.filter(a -> a.isLxcKey() == lxcKey);
        if (source.isEmpty()) {
            for (int i = state.lines.size() - 1; i >= 0 && source.isEmpty(); i--) {
                if (state.lines.get(i) instanceof EntryLine e && e.isLxcKey() == lxcKey) {
                    source = Optional.of(e);
                }
            }
        }
        LineStyle style;
        if (dialect() == Dialect.LXC) {
            style = source.map(LineStyle::of).orElse(LineStyle.LXC_DEFAULT);
        } else if (lxcKey) {
            style = source.map(LineStyle::of).orElse(LineStyle.PROXMOX_DEFAULT).asProxmoxRaw();
        } else {
            style = source.map(LineStyle::of).orElse(LineStyle.PROXMOX_DEFAULT).asProxmoxOption();
        }
        return style.eol().isEmpty() || source.isEmpty() ? style.withEol(state.eol()) : style;
    }

    /** Inserts a line; a line inserted after a last line without a line end takes over that role. */
    private void insertLine(int index, Line line) {
        List<Line> lines = state.mutable();
        if (index > 0 && lines.get(index - 1).eol().isEmpty()) {
            String eol = line.eol();
            lines.set(index - 1, LineSlices.factory().withEol(lines.get(index - 1), eol.isEmpty() ? state.eol() : eol));
            line = LineSlices.factory().withEol(line, "");
        }
        lines.add(index, line);
    }

    /** Index of the header of the target section (last one of its name/kind), or -1. */
    private int header(SectionKind kind, String name) {
        for (int i = state.lines.size() - 1; i >= 0; i--) {
            if (state.lines.get(i) instanceof SectionLine s && s.kind() == kind
                    && (name == null || s.name().equals(name))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The target section's lines as {@code [from, to)}; for a pending section that does not exist, null,
     * or (with {@code create}) a new empty section after the main section.
     */
    private int[] range(boolean create) {
        List<Line> lines = state.lines;
        int from;
        if (target == SectionKind.MAIN) {
            from = 0;
        } else {
            int h = header(target, snapshot);
            if (h < 0) {
                if (!create) {
                    return null;
                }
                h = createPending();
                lines = state.lines;
            }
            from = h + 1;
        }
        int to = from;
        if (dialect() == Dialect.PROXMOX) {
            while (to < lines.size() && !(lines.get(to) instanceof SectionLine)) {
                to++;
            }
        } else {
            to = lines.size();
        }
        return new int[] {from, to};
    }

    private int createPending() {
        int firstHeader = 0;
        while (firstHeader < state.lines.size() && !(state.lines.get(firstHeader) instanceof SectionLine)) {
            firstHeader++;
        }
        int at = Placement.endOfContent(state.lines, 0, firstHeader);
        String eol = state.eol();
        if (at > 0) {
            insertLine(at, LineStyle.blank(eol));
            at++;
        }
        insertLine(at, LineStyle.header("pve:pending", SectionKind.PENDING, eol));
        return at;
    }
}
