package io.github.lxcconf.edit;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.internal.ConfigAccess;
import io.github.lxcconf.internal.LineSlices;
import io.github.lxcconf.model.Capability;
import io.github.lxcconf.model.CgroupVersion;
import io.github.lxcconf.model.CreateMode;
import io.github.lxcconf.model.DeviceAccess;
import io.github.lxcconf.model.DeviceRule;
import io.github.lxcconf.model.DeviceType;
import io.github.lxcconf.model.IdMap;
import io.github.lxcconf.model.KnownDevice;
import io.github.lxcconf.model.MountEntry;
import io.github.lxcconf.model.proxmox.Description;
import io.github.lxcconf.model.proxmox.DevicePassthrough;
import io.github.lxcconf.model.proxmox.Features;
import io.github.lxcconf.model.proxmox.MountPoint;
import io.github.lxcconf.model.proxmox.NetworkDevice;
import io.github.lxcconf.syntax.CommentLine;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.SectionKind;
import io.github.lxcconf.syntax.SectionLine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

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
 * <li>{@link #replace} and {@link #remove(Line)} edit one given line of the
 *     config the editor was made from, in any section, the same way.</li>
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
        /**
         * The lines, with the removals of {@link #removeLater} not yet taken out: removing many lines one by
         * one stays linear, as each removal only marks its index and the next read compacts the list once.
         */
        private List<Line> raw;
        private final BitSet removed = new BitSet();
        boolean changed;
        String eol;
        CgroupVersion version = CgroupVersion.V2;
        boolean rawPassthrough;

        private Map<Line, Integer> originalIndex;
        /**
         * Where the search for the next given line starts: just after the last one found. Edits made in file order
         * (a migration) find each line by scanning forward, without the map of every line of the original config.
         */
        int next;
        /** How many lines the forward scans may still look at before the map is made. */
        long scanBudget = -1;

        State(LxcConfig original) {
            this.original = original;
            this.raw = original.lines();
        }

        /** Each line of the original config by identity, with its index there. */
        Map<Line, Integer> originalIndex() {
            if (originalIndex == null) {
                List<Line> all = original.lines();
                originalIndex = new IdentityHashMap<>(all.size() * 2);
                for (int i = 0; i < all.size(); i++) {
                    originalIndex.put(all.get(i), i);
                }
            }
            return originalIndex;
        }

        /** The current lines, every removal applied. */
        List<Line> lines() {
            if (!removed.isEmpty()) {
                List<Line> kept = new ArrayList<>(raw.size() - removed.cardinality());
                for (int i = 0; i < raw.size(); i++) {
                    if (!removed.get(i)) {
                        kept.add(raw.get(i));
                    }
                }
                raw = kept;
                removed.clear();
                next = 0;
            }
            return raw;
        }

        /** The current lines as a list the caller may change, every removal applied. */
        List<Line> mutable() {
            lines();
            if (!changed) {
                raw = new ArrayList<>(raw);
                changed = true;
            }
            return raw;
        }

        /** The lines with pending removals still in place; indexes into this list are what {@link #removeLater} takes. */
        List<Line> raw() {
            return raw;
        }

        /** Whether the line at this index of {@link #raw()} is removed. */
        boolean isRemoved(int rawIndex) {
            return removed.get(rawIndex);
        }

        /** Removes the line at this index of {@link #raw()}; the list is compacted at the next read. */
        void removeLater(int rawIndex) {
            if (!changed) {
                raw = new ArrayList<>(raw);
                changed = true;
            }
            removed.set(rawIndex);
        }

        /** Replaces the line at this index of {@link #raw()}. */
        void setRaw(int rawIndex, Line line) {
            if (!changed) {
                raw = new ArrayList<>(raw);
                changed = true;
            }
            raw.set(rawIndex, line);
        }

        /** The file's most common line end, else LF. */
        String eol() {
            if (eol == null) {
                Map<String, Integer> counts = new HashMap<>();
                for (Line line : lines()) {
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
            int i = Placement.lastEntry(state.lines(), range[0], range[1], e -> e.key().equals(key));
            if (i >= 0) {
                EntryLine old = (EntryLine) state.lines().get(i);
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
     * <p>A single-valued key ({@code hostname}, {@code lxc.uts.name}, see
     * {@link io.github.lxcconf.validate.KeyCatalog#isSingleValued}) is refused: a second line would
     * not add a value but silently replace the first; {@link #set} changes it.
     *
     * <pre>{@code
     * config.edit().add("lxc.mount.entry", "/srv srv none bind,create=dir 0 0").build();
     * config.edit().add("hostname", "web2");   // IllegalArgumentException: use set("hostname", ...)
     * }</pre>
     *
     * @param key   the key
     * @param value the value as it is read
     * @return this editor
     * @throws IllegalArgumentException if the key or value is refused, or the key holds one value
     */
    public ConfigEditor add(String key, String value) {
        checkKey(key);
        Checks.value(value);
        if (io.github.lxcconf.validate.KeyCatalog.standard().isSingleValued(key)) {
            throw new IllegalArgumentException("'" + key + "' holds one value, so a second line would replace the"
                    + " first; use set(\"" + key + "\", value) to change it");
        }
        if (present(key, e -> e.value().equals(value))) {
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

    // ------------------------------------------------------------------ one given line

    /**
     * Replaces the key and value of one given line, in place: its indent, the blanks around its separator,
     * the separator, its trailing blanks, its line end and its quotes (while the key stays an {@code lxc.*}
     * key) stay, as with {@link #set}. Every other line is untouched. The line is identified by identity: it
     * must be one of the lines of the config this editor was made from, not yet removed or replaced in this
     * edit. It may be in any section, whichever section this editor targets.
     *
     * <pre>{@code
     * EntryLine old = (EntryLine) config.lines().get(2);                  // lxc.utsname = web
     * config.edit().replace(old, "lxc.uts.name", old.value()).build();   // lxc.uts.name = web
     * }</pre>
     *
     * @param line  a line of the config being edited
     * @param key   the new key (may be the old one)
     * @param value the new value as it is read ({@code value()}, not quoted)
     * @return this editor
     * @throws IllegalArgumentException if the line is not a line of the config being edited, was already
     *                                  removed or replaced in this edit, or the key or value is refused
     */
    public ConfigEditor replace(EntryLine line, String key, String value) {
        Objects.requireNonNull(line, "line");
        int i = indexOf(line);
        // only a Proxmox 'delete' line depends on its section; the backward search is skipped for every other key
        Checks.key(key, dialect(), "delete".equals(key) && inPending(i));
        Checks.value(value);
        if (!line.key().equals(key) || !line.value().equals(value)) {
            state.setRaw(i, LineStyle.withKeyAndValue(line, key, value));
        }
        return this;
    }

    /**
     * Removes exactly one given line, of any kind and in any section, identified by identity as for
     * {@link #replace}; every other line is untouched (a removed header does not remove its section's lines).
     *
     * <pre>{@code
     * config.edit().remove(config.lines().get(4)).build();   // that line, and only it, is gone
     * }</pre>
     *
     * @param line a line of the config being edited
     * @return this editor
     * @throws IllegalArgumentException if the line is not a line of the config being edited, or was already
     *                                  removed or replaced in this edit
     */
    public ConfigEditor remove(Line line) {
        Objects.requireNonNull(line, "line");
        state.removeLater(indexOf(line));
        return this;
    }

    /**
     * The index of a line of the original config that this edit has not yet removed or replaced. The search
     * starts at the line's place in the original config and widens in both directions, so a run of edits
     * that do not move many lines (a migration) stays linear in the size of the file.
     */
    private int indexOf(Line line) {
        List<Line> raw = state.raw();
        if (state.originalIndex == null) {
            if (state.scanBudget < 0) {
                state.scanBudget = 2L * raw.size() + 1024;
            }
            for (int k = state.next; k < raw.size() && state.scanBudget > 0; k++, state.scanBudget--) {
                if (raw.get(k) == line && !state.isRemoved(k)) {
                    state.next = k + 1;
                    return k;
                }
            }
        }
        Integer original = state.originalIndex().get(line);
        if (original == null) {
            throw new IllegalArgumentException("the line is not a line of the config being edited: '"
                    + line.content() + "'");
        }
        List<Line> lines = state.raw();
        int start = Math.min(original, lines.size() - 1);
        for (int d = 0; start - d >= 0 || start + d < lines.size(); d++) {
            if (start - d >= 0 && lines.get(start - d) == line && !state.isRemoved(start - d)) {
                return start - d;
            }
            if (start + d < lines.size() && lines.get(start + d) == line && !state.isRemoved(start + d)) {
                return start + d;
            }
        }
        throw new IllegalArgumentException("line " + (original + 1) + " was already removed or replaced in this edit: '"
                + line.content() + "'");
    }

    /** Whether the line at the index is inside a {@code [pve:pending]} section. */
    private boolean inPending(int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (state.raw().get(i) instanceof SectionLine s && !state.isRemoved(i)) {
                return s.kind() == SectionKind.PENDING;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ device rules

    /**
     * Returns this editor, writing device rules from now on with the keys of
     * the given cgroup version: {@code lxc.cgroup2.devices.*} (the default,
     * what cgroup2 hosts such as Proxmox VE 7 and later read) or the v1 keys
     * {@code lxc.cgroup.devices.*}, which only cgroup v1 hosts read.
     *
     * @param version the version the convenience methods write
     * @return this editor
     */
    public ConfigEditor cgroupVersion(CgroupVersion version) {
        state.version = Objects.requireNonNull(version, "version");
        return this;
    }

    /**
     * Returns this editor, making {@link #passthrough(KnownDevice, String)} write a raw device rule and
     * bind mount in a Proxmox config too, as Proxmox VE before 8.1 needs, instead of a {@code devN}
     * option. Native LXC configs always get raw lines.
     *
     * <pre>{@code
     * pve.edit().passthrough(KnownDevice.TUN).build();                   // dev0: /dev/net/tun
     * pve.edit().rawPassthrough().passthrough(KnownDevice.TUN).build();  // lxc.cgroup2.devices.allow: c 10:200 rwm ...
     * }</pre>
     *
     * @return this editor
     */
    public ConfigEditor rawPassthrough() {
        state.rawPassthrough = true;
        return this;
    }

    /**
     * Allows read, write and mknod on a device.
     *
     * <pre>{@code
     * config.edit().allowDevice(DeviceType.CHAR, 10, 232).build();  // lxc.cgroup2.devices.allow = c 10:232 rwm
     * }</pre>
     *
     * @param type  character or block device
     * @param major the major number
     * @param minor the minor number
     * @return this editor
     */
    public ConfigEditor allowDevice(DeviceType type, int major, int minor) {
        return allowDevice(type, major, minor, DeviceAccess.RWM);
    }

    /**
     * Allows a device with the given access.
     *
     * @param type   character or block device
     * @param major  the major number
     * @param minor  the minor number
     * @param access any of read, write, mknod
     * @return this editor
     */
    public ConfigEditor allowDevice(DeviceType type, int major, int minor, DeviceAccess access) {
        return allowDevice(DeviceRule.allow(state.version, type, major, minor, access));
    }

    /**
     * Allows a well-known device (read, write, mknod), such as {@link KnownDevice#KVM}.
     *
     * @param device the device
     * @return this editor
     */
    public ConfigEditor allowDevice(KnownDevice device) {
        return allowDevice(device.allow(state.version));
    }

    /**
     * Adds an allow rule after the other device rules, unless an equal rule is already there.
     *
     * @param rule an allow rule; its version picks the key
     * @return this editor
     */
    public ConfigEditor allowDevice(DeviceRule rule) {
        if (!rule.allow()) {
            throw new IllegalArgumentException("'" + rule.toValue() + "' is a deny rule; use denyDevice");
        }
        return addDeviceRule(rule);
    }

    /**
     * Denies a device entirely (read, write, mknod).
     *
     * @param type  character or block device
     * @param major the major number
     * @param minor the minor number
     * @return this editor
     */
    public ConfigEditor denyDevice(DeviceType type, int major, int minor) {
        return denyDevice(DeviceRule.deny(state.version, type, major, minor, DeviceAccess.RWM));
    }

    /**
     * Adds a deny rule after the other device rules, unless an equal rule is already there.
     *
     * @param rule a deny rule; its version picks the key
     * @return this editor
     */
    public ConfigEditor denyDevice(DeviceRule rule) {
        if (rule.allow()) {
            throw new IllegalArgumentException("'" + rule.toValue() + "' is an allow rule; use allowDevice");
        }
        return addDeviceRule(rule);
    }

    /**
     * Removes every line of this section holding a rule equal to this one
     * (same key, and the same type, numbers and access, however spelled).
     *
     * @param rule the rule to remove
     * @return this editor
     */
    public ConfigEditor removeDeviceRule(DeviceRule rule) {
        Objects.requireNonNull(rule, "rule");
        removeWhere(e -> e.key().equals(rule.key()) && sameRule(e, rule));
        return this;
    }

    private ConfigEditor addDeviceRule(DeviceRule rule) {
        if (present(rule.key(), e -> sameRule(e, rule))) {
            return this;
        }
        return add(rule.key(), rule.toValue());
    }

    private static boolean sameRule(EntryLine line, DeviceRule rule) {
        try {
            return DeviceRule.parse(rule.version(), rule.allow(), line.value()).equals(rule);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ mounts

    /**
     * Bind-mounts a host path into the container: {@code lxc.mount.entry =
     * HOST CONTAINER none bind,create=dir|file}. The container path is made
     * relative to the container's root, as LXC expects. A host path under
     * {@code /dev/} is taken to be a device node ({@code create=file}),
     * anything else a directory; say which with the other overload when that
     * guess is wrong.
     *
     * <pre>{@code
     * config.edit().bindMount("/dev/net/tun", "/dev/net/tun").build();
     * // lxc.mount.entry = /dev/net/tun dev/net/tun none bind,create=file
     * }</pre>
     *
     * @param hostPath      the absolute path on the host
     * @param containerPath the path in the container, absolute or relative to its root
     * @return this editor
     */
    public ConfigEditor bindMount(String hostPath, String containerPath) {
        return bindMount(hostPath, containerPath, hostPath.startsWith("/dev/") ? CreateMode.FILE : CreateMode.DIR);
    }

    /**
     * Bind-mounts a host path into the container, creating the target as a
     * file or a directory, with extra mount options such as {@code optional}
     * (do not fail when the host path is missing) or {@code ro}.
     *
     * @param hostPath      the absolute path on the host
     * @param containerPath the path in the container, absolute or relative to its root
     * @param create        what to create at the target
     * @param options       more mount options, in order
     * @return this editor
     */
    public ConfigEditor bindMount(String hostPath, String containerPath, CreateMode create, String... options) {
        Objects.requireNonNull(create, "create");
        List<String> all = new ArrayList<>(List.of("bind", create.option()));
        for (String option : options) {
            Checks.value(option);
            if (option.isEmpty() || option.contains(",") || option.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("mount option '" + option + "' is empty or holds ',' or blanks");
            }
            all.add(option);
        }
        return addMountEntry(MountEntry.of(checkPath(hostPath, "host path"), relative(containerPath), "none", all));
    }

    /**
     * Adds an {@code lxc.mount.entry} after the other mount entries, unless an equal entry is already there.
     *
     * @param entry the entry
     * @return this editor
     */
    public ConfigEditor addMountEntry(MountEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (present("lxc.mount.entry", e -> sameMount(e, entry))) {
            return this;
        }
        return add("lxc.mount.entry", entry.toValue());
    }

    /**
     * Removes the {@code lxc.mount.entry} lines equal to this entry.
     *
     * @param entry the entry
     * @return this editor
     */
    public ConfigEditor removeMountEntry(MountEntry entry) {
        Objects.requireNonNull(entry, "entry");
        removeWhere(e -> e.key().equals("lxc.mount.entry") && sameMount(e, entry));
        return this;
    }

    /**
     * Removes every {@code lxc.mount.entry} that mounts onto this container path.
     *
     * @param containerPath the target, absolute or relative to the container's root
     * @return this editor
     */
    public ConfigEditor removeMountsAt(String containerPath) {
        String target = relative(containerPath);
        removeWhere(e -> {
            if (!e.key().equals("lxc.mount.entry")) {
                return false;
            }
            try {
                return relative(MountEntry.parse(e.value()).target()).equals(target);
            } catch (IllegalArgumentException ex) {
                return false;
            }
        });
        return this;
    }

    private static boolean sameMount(EntryLine line, MountEntry entry) {
        try {
            return MountEntry.parse(line.value()).equals(entry);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String checkPath(String path, String what) {
        Checks.value(Objects.requireNonNull(path, what));
        if (path.isEmpty() || path.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(what + " is empty or holds blanks: '" + path + "'");
        }
        return path;
    }

    private static String relative(String containerPath) {
        String path = checkPath(containerPath, "container path");
        int i = 0;
        while (i < path.length() && path.charAt(i) == '/') {
            i++;
        }
        if (i == path.length()) {
            throw new IllegalArgumentException("container path '" + containerPath + "' names the root itself");
        }
        return path.substring(i);
    }

    // ------------------------------------------------------------------ passthrough

    /**
     * Passes a host device into the container in one call: the device rule
     * and, for a device node, the bind mount that makes it appear. What the
     * classroom container needed for KVM, in a native LXC config:
     *
     * <pre>{@code
     * config.edit().passthrough(KnownDevice.KVM).passthrough(KnownDevice.TUN).build();
     * // lxc.cgroup2.devices.allow = c 10:232 rwm
     * // lxc.cgroup2.devices.allow = c 10:200 rwm
     * // lxc.mount.entry = /dev/kvm dev/kvm none bind,create=file
     * // lxc.mount.entry = /dev/net/tun dev/net/tun none bind,create=file
     * }</pre>
     *
     * In a Proxmox config a device node gets a {@code devN} option instead (see
     * {@link #passthrough(KnownDevice, String)}): {@code dev0: /dev/kvm}.
     *
     * For {@link KnownDevice#DRI_CARD0} and {@link KnownDevice#DRI_RENDER_D128}
     * use {@link #passthroughGpu()}; devices that come in numbered instances
     * ({@code /dev/ttyUSB*}) need the path: {@link #passthrough(KnownDevice, String)}.
     *
     * @param device the device
     * @return this editor
     * @throws IllegalArgumentException for a device with numbered instances
     */
    public ConfigEditor passthrough(KnownDevice device) {
        if (device.path().endsWith("*")) {
            String dir = device.path().substring(0, device.path().length() - 1);
            if (dir.endsWith("/")) {
                allowDevice(device);
                return bindMount(dir.substring(0, dir.length() - 1), dir.substring(0, dir.length() - 1),
                        CreateMode.DIR, "optional");
            }
            throw new IllegalArgumentException(device + " has numbered instances (" + device.path()
                    + "); name one: passthrough(" + device + ", \"" + device.path().replace("*", "0") + "\")");
        }
        return passthrough(device, device.path());
    }

    /**
     * Passes one instance of a device into the container: the device rule of
     * the device's kind and a bind mount of the given node, such as
     * {@code passthrough(KnownDevice.TTY_USB, "/dev/ttyUSB0")} for a Zigbee stick. In a Proxmox config it
     * writes a {@code devN} option instead ({@link #proxmoxDevice}, Proxmox VE 8.1 and later), which makes
     * Proxmox create the node and its cgroup2 rule at start; {@link #rawPassthrough()} asks for the raw
     * lines, which are not written when a {@code devN} already passes the node.
     *
     * @param device the kind of device
     * @param path   the device node on the host
     * @return this editor
     */
    public ConfigEditor passthrough(KnownDevice device, String path) {
        if (dialect() == Dialect.PROXMOX) {
            if (!state.rawPassthrough) {
                return proxmoxDevice(path);
            }
            if (hasProxmoxDevice(path)) {
                return this; // a devN already passes the node: raw lines would pass it twice
            }
        }
        allowDevice(instanceRule(device, path));
        return bindMount(path, path, CreateMode.FILE);
    }

    /**
     * The allow rule for one node of a device kind: its own minor where the node's name gives it
     * ({@code /dev/ttyUSB0} is {@code c 188:0}, {@code /dev/loop3} {@code b 7:3}, {@code /dev/pts/2}
     * {@code c 136:2}, {@code /dev/bus/usb/001/004} {@code c 189:3}), else the kind's own rule.
     */
    private DeviceRule instanceRule(KnownDevice device, String path) {
        if (device.minor().isPresent()) {
            return device.allow(state.version);
        }
        OptionalInt minor = OptionalInt.empty();
        String prefix = device.path().substring(0, device.path().length() - 1);
        String rest = path.startsWith(prefix) ? path.substring(prefix.length()) : "";
        if (device == KnownDevice.USB_BUS) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,3})/([0-9]{1,3})").matcher(rest);
            if (m.matches() && Integer.parseInt(m.group(1)) > 0 && Integer.parseInt(m.group(2)) > 0) {
                // the kernel numbers USB device nodes (bus - 1) * 128 + (device - 1)
                minor = OptionalInt.of((Integer.parseInt(m.group(1)) - 1) * 128 + Integer.parseInt(m.group(2)) - 1);
            }
        } else if (rest.matches("[0-9]{1,6}")) {
            minor = OptionalInt.of(Integer.parseInt(rest));
        }
        if (minor.isEmpty()) {
            return device.allow(state.version);
        }
        return DeviceRule.of(true, state.version, device.type(), OptionalInt.of(device.major()), minor,
                DeviceAccess.RWM);
    }

    /**
     * Passes the host's GPUs into the container for video transcoding and
     * compute: {@code c 226:* rwm} and a bind mount of {@code /dev/dri}.
     *
     * @return this editor
     */
    public ConfigEditor passthroughGpu() {
        allowDevice(DeviceRule.of(true, state.version, DeviceType.CHAR, OptionalInt.of(226), OptionalInt.empty(),
                DeviceAccess.RWM));
        return bindMount("/dev/dri", "dev/dri", CreateMode.DIR, "optional");
    }

    /**
     * Passes a device node into a Proxmox VE container with a {@code devN}
     * option (Proxmox VE 8 and later), which makes Proxmox create the node and
     * the device rule itself, instead of raw {@code lxc.*} lines. Uses the
     * first free index; does nothing if a {@code devN} already names the path.
     * Raw lines that passed the same device before stay; remove them in the
     * same edit when the {@code devN} replaces them:
     * {@code .proxmoxDevice("/dev/kvm").removeDeviceRule(KnownDevice.KVM.allow(CgroupVersion.V2)).removeMountsAt("/dev/kvm")}
     * ({@link io.github.lxcconf.LxcConfig#migrate()} does that for a raw rule and bind mount pair).
     *
     * <pre>{@code
     * config.edit().proxmoxDevice("/dev/dri/renderD128", "gid=104").build(); // dev0: /dev/dri/renderD128,gid=104
     * }</pre>
     *
     * @param path    the device node on the host
     * @param options more {@code key=value} options, such as {@code gid=104} or {@code mode=0660}
     * @return this editor
     */
    public ConfigEditor proxmoxDevice(String path, String... options) {
        requireProxmox("devN options");
        checkPath(path, "device path");
        if (path.contains(",")) {
            throw new IllegalArgumentException("device path holds ',': '" + path + "'");
        }
        if (hasProxmoxDevice(path)) {
            return this;
        }
        return set(firstFree("dev"), withOptions(path, options, "[a-z-]+=[^,]+", "device option"));
    }

    /** Whether a {@code devN} option of this section passes the device node. */
    private boolean hasProxmoxDevice(String path) {
        for (EntryLine e : entries()) {
            String key = e.key();
            if (key.matches("dev\\d+")) {
                DevicePassthrough dev = DevicePassthrough.parse(Integer.parseInt(key.substring(3)), e.value());
                if (dev.path().filter(path::equals).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first {@code prefixN} key (N from 0) this section does not have yet. */
    private String firstFree(String prefix) {
        java.util.Set<String> used = new java.util.HashSet<>();
        entries().forEach(e -> used.add(e.key()));
        int free = 0;
        while (used.contains(prefix + free)) {
            free++;
        }
        return prefix + free;
    }

    /** A property-string value: the first part, then each {@code key=value} option, checked. */
    private static String withOptions(String first, String[] options, String optionPattern, String what) {
        StringBuilder value = new StringBuilder(first);
        for (String option : options) {
            Checks.value(option);
            if (!option.matches(optionPattern)) {
                throw new IllegalArgumentException(what + " '" + option + "' is not key=value");
            }
            value.append(',').append(option);
        }
        return value.toString();
    }

    // ------------------------------------------------------------------ capabilities and id maps

    /**
     * Drops capabilities: adds one {@code lxc.cap.drop} line with those not dropped yet.
     *
     * @param capabilities the capabilities
     * @return this editor
     * @throws IllegalArgumentException if the config keeps capabilities ({@code lxc.cap.keep}):
     *                                  liblxc refuses a config that both keeps and drops
     */
    public ConfigEditor dropCapabilities(Capability... capabilities) {
        return capabilities("lxc.cap.drop", "lxc.cap.keep", capabilities);
    }

    /**
     * Keeps only the given capabilities: adds one {@code lxc.cap.keep} line with those not kept yet.
     *
     * @param capabilities the capabilities
     * @return this editor
     * @throws IllegalArgumentException if the config drops capabilities ({@code lxc.cap.drop})
     */
    public ConfigEditor keepCapabilities(Capability... capabilities) {
        return capabilities("lxc.cap.keep", "lxc.cap.drop", capabilities);
    }

    private ConfigEditor capabilities(String key, String other, Capability... capabilities) {
        java.util.Set<String> present = new java.util.LinkedHashSet<>();
        for (EntryLine e : entries()) {
            if (e.key().equals(key) || e.key().equals(other)) {
                if (e.value().isEmpty()) {
                    present.clear();
                    continue;
                }
                if (e.key().equals(other)) {
                    throw new IllegalArgumentException("this config already uses " + other + " (line '"
                            + e.content() + "'); liblxc refuses a config that both keeps and drops capabilities");
                }
                present.addAll(List.of(e.value().trim().split("[ \t]+")));
            }
        }
        StringBuilder value = new StringBuilder();
        for (Capability capability : capabilities) {
            String name = capability.lxcName();
            if (present.add(name)) {
                value.append(value.length() == 0 ? "" : " ").append(name);
            }
        }
        return value.length() == 0 ? this : add(key, value.toString());
    }

    /**
     * Adds an {@code lxc.idmap} line, unless an equal map is already there.
     *
     * <pre>{@code
     * config.edit().addIdMap(IdMap.uid(0, 100000, 65536)).addIdMap(IdMap.gid(0, 100000, 65536)).build();
     * }</pre>
     *
     * @param map the map
     * @return this editor
     */
    public ConfigEditor addIdMap(IdMap map) {
        Objects.requireNonNull(map, "map");
        if (present("lxc.idmap", e -> sameIdMap(e, map))) {
            return this;
        }
        return add("lxc.idmap", map.toValue());
    }

    /**
     * Removes the {@code lxc.idmap} lines equal to this map.
     *
     * @param map the map
     * @return this editor
     */
    public ConfigEditor removeIdMap(IdMap map) {
        Objects.requireNonNull(map, "map");
        removeWhere(e -> e.key().equals("lxc.idmap") && sameIdMap(e, map));
        return this;
    }

    private static boolean sameIdMap(EntryLine line, IdMap map) {
        try {
            return IdMap.parse(line.value()).equals(map);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ network

    /**
     * Sets one field of network interface {@code index}. In a native config
     * that is the line {@code lxc.net.INDEX.FIELD}; in a Proxmox config it is
     * the field of the {@code netINDEX} property string, changed in place so
     * that the other fields keep their order and spelling.
     *
     * <pre>{@code
     * lxc.edit().setNetwork(0, "ipv4.address", "10.0.3.50/24").build();    // lxc.net.0.ipv4.address = 10.0.3.50/24
     * pve.edit().setNetwork(0, "ip", "10.0.0.5/24").build();              // net0: name=eth0,bridge=vmbr0,ip=10.0.0.5/24
     * }</pre>
     *
     * @param index the interface index
     * @param field the field: an {@code lxc.net.N} sub-key, or a {@code netN} property
     * @param value the value
     * @return this editor
     */
    public ConfigEditor setNetwork(int index, String field, String value) {
        if (index < 0) {
            throw new IllegalArgumentException("network index " + index + " is negative");
        }
        if (dialect() == Dialect.LXC) {
            return set("lxc.net." + index + "." + field, value);
        }
        String key = "net" + index;
        Optional<EntryLine> line = lastEntry(key);
        NetworkDevice device = NetworkDevice.parse(index, line.map(EntryLine::value).orElse(""));
        return set(key, device.with(field, value).value().toValue());
    }

    /**
     * Removes one field of network interface {@code index} (the {@code lxc.net.N.FIELD} line, or the field
     * of {@code netN}).
     *
     * @param index the interface index
     * @param field the field
     * @return this editor
     */
    public ConfigEditor removeNetwork(int index, String field) {
        if (dialect() == Dialect.LXC) {
            return remove("lxc.net." + index + "." + field);
        }
        String key = "net" + index;
        Optional<EntryLine> line = lastEntry(key);
        if (line.isEmpty()) {
            return this;
        }
        return set(key, NetworkDevice.parse(index, line.get().value()).without(field).value().toValue());
    }

    /**
     * Removes network interface {@code index}: every {@code lxc.net.N.*} line, or the {@code netN} option.
     *
     * @param index the interface index
     * @return this editor
     */
    public ConfigEditor removeNetwork(int index) {
        if (dialect() == Dialect.LXC) {
            String prefix = "lxc.net." + index + ".";
            removeWhere(e -> e.key().startsWith(prefix) || e.key().equals("lxc.net." + index));
            return this;
        }
        return remove("net" + index);
    }

    // ------------------------------------------------------------------ Proxmox options

    /**
     * Sets one field of a Proxmox mount point ({@code rootfs} or {@code mpN}) in place.
     *
     * <pre>{@code
     * config.edit().setMountPoint("rootfs", "size", "32G").build(); // rootfs: local-lvm:vm-102-disk-0,size=32G
     * config.edit().setMountPoint("mp0", "mp", "/srv/share").setMountPoint("mp0", "volume", "/tank/share").build();
     * }</pre>
     *
     * @param key   {@code rootfs} or {@code mpN}
     * @param field the property ({@code volume} is the default key), such as {@code mp}, {@code size}, {@code backup}
     * @param value the value
     * @return this editor
     */
    public ConfigEditor setMountPoint(String key, String field, String value) {
        requireProxmox("mount points");
        if (!key.equals("rootfs") && !key.matches("mp\\d+")) {
            throw new IllegalArgumentException("'" + key + "' is not a mount point: rootfs or mpN");
        }
        Optional<EntryLine> line = lastEntry(key);
        MountPoint mp = MountPoint.parse(key, line.map(EntryLine::value).orElse(""));
        return set(key, mp.with(field, value).value().toValue());
    }

    /**
     * Adds a Proxmox mount point under the first free {@code mpN}: a host
     * directory (bind mount) or a storage volume, mounted at an absolute path
     * in the container. Does nothing if a mount point of this section already
     * mounts that volume at that path.
     *
     * <pre>{@code
     * config.edit().addMountPoint("/srv/classroom/shared", "/mnt/shared", "ro=1").build();
     * // mp0: /srv/classroom/shared,mp=/mnt/shared,ro=1   (mp1 when mp0 is taken, ...)
     * config.edit().addMountPoint("local-lvm:8", "/var/lib/data").build(); // a new 8 GiB volume
     * }</pre>
     *
     * @param volume        a host path (absolute) or a storage volume such as {@code local-lvm:vm-102-disk-1}
     * @param containerPath where it appears in the container, absolute
     * @param options       more {@code key=value} options, such as {@code ro=1}, {@code backup=1}, {@code size=8G}
     * @return this editor
     * @throws IllegalArgumentException if a path holds blanks or ',', the container path is not absolute,
     *                                  or an option is not {@code key=value}
     */
    public ConfigEditor addMountPoint(String volume, String containerPath, String... options) {
        requireProxmox("mount points");
        checkPath(volume, "volume");
        checkPath(containerPath, "container path");
        if (volume.contains(",") || containerPath.contains(",")) {
            throw new IllegalArgumentException("a mount point path holds ',': '" + volume + "', '"
                    + containerPath + "'");
        }
        if (!containerPath.startsWith("/")) {
            throw new IllegalArgumentException("Proxmox needs an absolute mount point path, got '"
                    + containerPath + "'");
        }
        for (EntryLine e : entries()) {
            if (e.key().matches("mp\\d+")) {
                MountPoint mp = MountPoint.parse(e.key(), e.value());
                if (mp.volume().filter(volume::equals).isPresent()
                        && mp.path().filter(containerPath::equals).isPresent()) {
                    return this;
                }
            }
        }
        return set(firstFree("mp"), withOptions(volume + ",mp=" + containerPath, options, "[a-z_-]+=[^,]+",
                "mount point option"));
    }

    /**
     * Sets one Proxmox container feature in the {@code features} option, in place.
     *
     * <pre>{@code
     * config.edit().setFeature("nesting", "1").setFeature("keyctl", "1").build(); // features: keyctl=1,nesting=1 (Proxmox's order)
     * }</pre>
     *
     * @param feature the feature: {@code nesting}, {@code keyctl}, {@code fuse}, {@code mknod}, {@code mount}, ...
     * @param value   its value
     * @return this editor
     */
    public ConfigEditor setFeature(String feature, String value) {
        requireProxmox("features");
        Optional<EntryLine> line = lastEntry("features");
        Features features = line.map(e -> Features.parse(e.value())).orElse(Features.none());
        return set("features", features.with(feature, value).value().toValue());
    }

    /**
     * Replaces the section's description (the Notes in Proxmox's GUI), as
     * Proxmox does: the section's {@code #} comment lines and
     * {@code description:} lines are the description, so they are removed,
     * and the new text is written, URL-encoded as Proxmox encodes it, as
     * {@code #} lines at the top of the section.
     *
     * @param text the new description; empty removes it
     * @return this editor
     */
    public ConfigEditor setDescription(String text) {
        requireProxmox("a description");
        Objects.requireNonNull(text, "text");
        int[] range = range(!text.isEmpty());
        if (range == null) {
            return this;
        }
        List<Line> lines = state.lines();
        for (int i = range[0]; i < range[1]; i++) {
            Line line = lines.get(i);
            if (line instanceof CommentLine || (line instanceof EntryLine e && e.key().equals("description"))) {
                state.removeLater(i);
            }
        }
        String eol = state.eol();
        int at = range[0];
        for (String encoded : Description.encode(text)) {
            String lineText = encoded + eol;
            insertLine(at++, LineSlices.factory().comment(lineText, 0, 0, lineText.length() - eol.length(),
                    lineText.length()));
        }
        return this;
    }

    // ------------------------------------------------------------------ comments

    /**
     * Adds a comment line above a given line (of any kind, in any section, identified as for
     * {@link #replace}): {@code # TEXT}, with the anchor's indent and line end; no other line changes.
     * liblxc ignores comments. In a Proxmox file a comment is not ignored: Proxmox reads every {@code #} line
     * of a section into that section's description (the Notes in its GUI), and at its next write moves it to
     * the top of the section, URL-encoded ({@code :} becomes {@code %3A}); use {@link #setDescription} to
     * change the Notes themselves.
     *
     * <pre>{@code
     * // lxc.cgroup2.devices.allow = c 10:200 rwm
     * config.edit().commentAbove(config.lines().get(0), "tun for the VPN").build();
     * // # tun for the VPN
     * // lxc.cgroup2.devices.allow = c 10:200 rwm
     * }</pre>
     *
     * @param line a line of the config being edited
     * @param text the comment, written as is after {@code "# "}; empty writes a lone {@code #}
     * @return this editor
     * @throws IllegalArgumentException if the line is not a line of the config being edited (or was already
     *                                  removed or replaced in this edit), or the text holds a line break, a NUL or
     *                                  another control character
     */
    public ConfigEditor commentAbove(Line line, String text) {
        Objects.requireNonNull(line, "line");
        Line comment = CommentEdits.commentAbove(line, text, state.eol());
        List<Line> lines = state.mutable(); // pending removals applied first, so indexOf's index is into this list
        lines.add(indexOf(line), comment);
        return this;
    }

    /**
     * Comments out an entry line: the line becomes its indent, {@code "# "}, then the rest of its bytes
     * unchanged, line end included, so that {@link #uncomment} gives the line back byte for byte. liblxc
     * then ignores it. In a Proxmox file the commented-out line becomes part of the section's description
     * (the Notes), and Proxmox moves it to the top of the section at its next write.
     *
     * <pre>{@code
     * // lxc.apparmor.profile = unconfined
     * config.edit().commentOut((EntryLine) config.lines().get(0)).build();
     * // # lxc.apparmor.profile = unconfined
     * }</pre>
     *
     * @param line an entry line of the config being edited
     * @return this editor
     * @throws IllegalArgumentException if the line is not a line of the config being edited, or was already
     *                                  removed or replaced in this edit
     */
    public ConfigEditor commentOut(EntryLine line) {
        Objects.requireNonNull(line, "line");
        state.setRaw(indexOf(line), CommentEdits.commentedOut(line));
        return this;
    }

    /**
     * Uncomments a comment that holds an entry line: the text after {@code #} and one blank, behind the
     * comment's indent and with its line end, becomes the line. Only a comment whose text reads back, in the
     * config's dialect, as one entry line with a key the dialect reads is accepted. In a Proxmox file the
     * comment was part of the section's description (the Notes); it leaves it.
     *
     * <pre>{@code
     * // # lxc.apparmor.profile = unconfined
     * config.edit().uncomment((CommentLine) config.lines().get(0)).build();
     * // lxc.apparmor.profile = unconfined
     * }</pre>
     *
     * @param line a comment line of the config being edited
     * @return this editor
     * @throws IllegalArgumentException if the line is not a line of the config being edited (or was already
     *                                  removed or replaced in this edit), or its text is not an entry line
     */
    public ConfigEditor uncomment(CommentLine line) {
        Objects.requireNonNull(line, "line");
        int i = indexOf(line);
        state.setRaw(i, CommentEdits.uncommented(line, dialect()));
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
        List<Line> lines = state.lines();
        List<Line> before = original.lines();
        if (!lines.isEmpty() && !before.isEmpty() && before.get(before.size() - 1).eol().isEmpty()
                && !lines.get(lines.size() - 1).eol().isEmpty()) {
            // the last line was removed: a file without a line end after its last line keeps that shape
            lines = new ArrayList<>(lines);
            lines.set(lines.size() - 1, LineSlices.factory().withEol(lines.get(lines.size() - 1), ""));
        }
        return ConfigAccess.factory().create(original, original.dialect(), original.hasByteOrderMark(),
                List.copyOf(lines), original.sourceName(), original.path());
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
                if (state.lines().get(i) instanceof EntryLine e) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** The last line of this section with the key. */
    private Optional<EntryLine> lastEntry(String key) {
        int[] range = range(false);
        if (range == null) {
            return Optional.empty();
        }
        int i = Placement.lastEntry(state.lines(), range[0], range[1], e -> e.key().equals(key));
        return i < 0 ? Optional.empty() : Optional.of((EntryLine) state.lines().get(i));
    }

    /**
     * Whether this section has a line of the key that matches, and that no later line with an empty value
     * of the same key cleared (liblxc empties a list on an empty value).
     */
    private boolean present(String key, java.util.function.Predicate<EntryLine> same) {
        int[] range = range(false);
        if (range == null) {
            return false;
        }
        for (int i = range[1] - 1; i >= range[0]; i--) {
            if (state.lines().get(i) instanceof EntryLine e && e.key().equals(key)) {
                if (same.test(e)) {
                    return true;
                }
                if (e.isLxcKey() && e.value().isEmpty()) {
                    return false;
                }
            }
        }
        return false;
    }

    void removeWhere(java.util.function.Predicate<EntryLine> test) {
        int[] range = range(false);
        if (range == null) {
            return;
        }
        List<Line> lines = state.lines();
        for (int i = range[0]; i < range[1]; i++) {
            if (lines.get(i) instanceof EntryLine e && test.test(e)) {
                state.removeLater(i);
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
        Placement.Spot spot = Placement.place(state.lines(), range[0], range[1], key, dialect());
        LineStyle style = styleFor(key, spot.anchor());
        insertLine(spot.index(), style.entry(key, value));
    }

    /** The style of a new line: its anchor's, else the last entry of the same kind in the file, else the default. */
    private LineStyle styleFor(String key, Optional<EntryLine> anchor) {
        boolean lxcKey = key.startsWith("lxc.");
        Optional<EntryLine> source = anchor.filter(a -> a.isLxcKey() == lxcKey);
        if (source.isEmpty()) {
            for (int i = state.lines().size() - 1; i >= 0 && source.isEmpty(); i--) {
                if (state.lines().get(i) instanceof EntryLine e && e.isLxcKey() == lxcKey) {
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
        for (int i = state.lines().size() - 1; i >= 0; i--) {
            if (state.lines().get(i) instanceof SectionLine s && s.kind() == kind
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
        List<Line> lines = state.lines();
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
                lines = state.lines();
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
        while (firstHeader < state.lines().size() && !(state.lines().get(firstHeader) instanceof SectionLine)) {
            firstHeader++;
        }
        int at = Placement.endOfContent(state.lines(), 0, firstHeader);
        String eol = state.eol();
        if (at > 0) {
            insertLine(at, LineStyle.blank(eol));
            at++;
        }
        insertLine(at, LineStyle.header("pve:pending", SectionKind.PENDING, eol));
        return at;
    }
}
