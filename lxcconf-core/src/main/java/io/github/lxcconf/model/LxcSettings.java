package io.github.lxcconf.model;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.internal.CNumbers;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.Section;
import io.github.lxcconf.validate.KeyCatalog;

import java.math.BigInteger;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.IntPredicate;

/**
 * The typed {@code lxc.*} settings of a config's main section, computed once:
 * device rules, mounts, id maps, capabilities, network interfaces, AppArmor,
 * seccomp, SELinux, environment, hooks, hostname, root filesystem, architecture,
 * ttys and ptys, autodev, cgroup resource limits and the {@code lxc.mount.fstab} file.
 *
 * <p>Lines are applied in file order with liblxc's rules: single-valued keys
 * keep the last value, list keys append, an empty value clears (a list, a
 * field, or a whole interface). In a Proxmox VE file the raw {@code lxc.*}
 * lines of the main section are read, in file order; what Proxmox generates
 * from its own options ({@code net0}, {@code features}, ...) is not. Values that do
 * not fit their grammar are left out and reported in {@link #diagnostics()};
 * nothing throws. Legacy keys ({@code lxc.network.*}, {@code lxc.utsname}, {@code lxc.rootfs}, ...) are
 * not read, and each gets a diagnostic ({@code LXC120}). Unlike liblxc, which stops at the first error, every line is
 * read so that every problem is reported. A NUL character ends the reading,
 * as it ends liblxc's. Instances are immutable and safe to share.
 *
 * <p>A list of device rules, mount entries, id maps, environment variables or hooks that more than 1024 lines
 * added to holds the lines its elements come from, and reads an element from its line when it is asked for: a
 * config with hundreds of thousands of mount entries costs a few bytes per entry until they are read. The elements
 * read are equal each time.
 *
 * <pre>{@code
 * LxcSettings lxc = LxcConfig.parse(Path.of("/var/lib/lxc/web/config")).lxc();
 * lxc.deviceRules();               // [c 10:232 rwm, ...]
 * lxc.networkInterface(0);         // Optional[lxc.net.0: veth, link lxcbr0, ...]
 * lxc.capabilities().list();       // [SYS_MODULE, SYS_TIME, ...]
 * lxc.isUnprivileged();            // true with u and g id maps
 * lxc.diagnostics();               // [config:12:26: warning: invalid device rule ... [LXC101]]
 * }</pre>
 */
public final class LxcSettings {
    private final List<DeviceRule> deviceRules;
    private final List<MountEntry> mountEntries;
    private final List<MountAuto> mountAuto;
    private final List<IdMap> idMaps;
    private final Capabilities capabilities;
    private final List<NetworkInterface> networkInterfaces;
    private final AppArmor apparmor;
    private final Seccomp seccomp;
    private final Selinux selinux;
    private final List<EnvironmentVariable> environment;
    private final List<Hook> hooks;
    private final Optional<String> hostname;
    private final Optional<RootFs> rootfs;
    private final Optional<Architecture> arch;
    private final long ttyMax;
    private final long ptyMax;
    private final boolean autodev;
    private final ResourceLimits resourceLimits;
    private final Optional<String> fstab;
    private final List<Diagnostic> diagnostics;

    private LxcSettings(Reader r) {
        this.deviceRules = r.deviceRules.toList(r.nul, (at, value, kind) -> DeviceRule.read((kind & V2) != 0
                ? CgroupVersion.V2 : CgroupVersion.V1, (kind & ALLOW) != 0, value, Optional.of(at)).value());
        this.mountEntries = r.mountEntries.toList(r.nul, (at, value, kind) -> MountEntry.read(value, Optional.of(at),
                new ArrayList<>()).value());
        this.mountAuto = List.copyOf(r.mountAuto.values());
        this.idMaps = r.idMaps.toList(r.nul, (at, value, kind) -> IdMap.read(value, Optional.of(at)).value());
        this.capabilities = r.capabilities.result();
        this.networkInterfaces = r.network.result();
        this.apparmor = new AppArmor(r.aaProfile, r.aaNesting, r.aaIncomplete, r.aaRaw, r.aaOrigins);
        this.seccomp = new Seccomp(r.scProfile, r.scNesting, r.scProxy, r.scCookie, r.scOrigins);
        this.selinux = new Selinux(r.seContext, r.seKeyring, r.seOrigins);
        this.environment = r.environment.toList(r.nul, (at, value, kind) -> EnvironmentVariable.read(
                EnvironmentVariable.Scope.values()[kind], value, Optional.of(at)).value());
        this.hooks = r.hooks.toList(r.nul, (at, value, kind) -> new Hook(HookType.values()[kind], value,
                Optional.of(at)));
        this.hostname = r.hostname;
        this.rootfs = r.rootfs;
        this.arch = r.arch;
        this.ttyMax = r.ttyMax;
        this.ptyMax = r.ptyMax;
        this.autodev = r.autodev;
        this.resourceLimits = r.limits.result();
        this.fstab = r.fstab;
        this.diagnostics = r.problems.sorted();
    }

    /**
     * Computes the settings of a config. {@link LxcConfig#lxc()} does this once and keeps the result.
     *
     * <pre>{@code
     * LxcSettings lxc = LxcSettings.of(LxcConfig.parseText("lxc.idmap = u 0 100000 65536\n"));
     * }</pre>
     *
     * @param config the config
     * @return the settings
     */
    public static LxcSettings of(LxcConfig config) {
        Objects.requireNonNull(config, "config");
        Reader r = new Reader(new Problems(config.sourceName()));
        r.read(config.mainSection());
        return new LxcSettings(r);
    }

    /**
     * Returns the cgroup device rules, v1 and v2, allow and deny, in file order.
     * The global rule {@code a} is listed where it is written; rules that do
     * not parse are left out (see {@link #diagnostics()}).
     *
     * @return the rules
     */
    public List<DeviceRule> deviceRules() {
        return deviceRules;
    }

    /**
     * Returns the {@code lxc.mount.entry} mounts in file order, after the last empty value.
     *
     * @return the entries
     */
    public List<MountEntry> mountEntries() {
        return mountEntries;
    }

    /**
     * Returns the effective {@code lxc.mount.auto} items: at most one per
     * category, the last written, in the order proc, sys, cgroup, shmounts.
     *
     * <pre>{@code
     * // lxc.mount.auto = cgroup:mixed proc:mixed sys:mixed
     * // lxc.mount.auto = sys:rw
     * lxc.mountAuto(); // [proc:mixed, sys:rw, cgroup:mixed]
     * }</pre>
     *
     * @return the items
     */
    public List<MountAuto> mountAuto() {
        return mountAuto;
    }

    /**
     * Returns the {@code lxc.idmap} maps in file order, after the last empty value.
     *
     * @return the maps
     */
    public List<IdMap> idMaps() {
        return idMaps;
    }

    /**
     * Returns the capabilities dropped or kept.
     *
     * @return the capabilities; {@link Capabilities#NONE} when nothing is set
     */
    public Capabilities capabilities() {
        return capabilities;
    }

    /**
     * Returns the network interfaces, sorted by index (indices may have gaps).
     *
     * @return the interfaces
     */
    public List<NetworkInterface> networkInterfaces() {
        return networkInterfaces;
    }

    /**
     * Returns the network interface with an index.
     *
     * <pre>{@code
     * lxc.networkInterface(0).flatMap(NetworkInterface::link); // Optional[vmbr0]
     * }</pre>
     *
     * @param index the index N of {@code lxc.net.N.*}
     * @return the interface, or empty
     */
    public Optional<NetworkInterface> networkInterface(int index) {
        return networkInterfaces.stream().filter(n -> n.index() == index).findFirst();
    }

    /**
     * Returns the AppArmor settings.
     *
     * @return the settings; {@link AppArmor#DEFAULT} when nothing is set
     */
    public AppArmor apparmor() {
        return apparmor;
    }

    /**
     * Returns the seccomp settings.
     *
     * @return the settings; {@link Seccomp#DEFAULT} when nothing is set
     */
    public Seccomp seccomp() {
        return seccomp;
    }

    /**
     * Returns the SELinux contexts.
     *
     * @return the contexts; {@link Selinux#DEFAULT} when nothing is set
     */
    public Selinux selinux() {
        return selinux;
    }

    /**
     * Returns the environment variables of {@code lxc.environment},
     * {@code lxc.environment.runtime} and {@code lxc.environment.hooks}, in file order.
     *
     * @return the variables
     */
    public List<EnvironmentVariable> environment() {
        return environment;
    }

    /**
     * Returns the hooks of every type, in file order.
     *
     * @return the hooks
     */
    public List<Hook> hooks() {
        return hooks;
    }

    /**
     * Returns the hooks of one type, in the order they run.
     *
     * <pre>{@code
     * lxc.hooks(HookType.PRE_START); // [/usr/share/lxc/hooks/lxc-pve-prestart-hook]
     * }</pre>
     *
     * @param type the hook type
     * @return the hooks
     */
    public List<Hook> hooks(HookType type) {
        return hooks.stream().filter(h -> h.type() == type).toList();
    }

    /**
     * Returns the container's hostname, {@code lxc.uts.name}, as written (blanks inside quotes kept).
     *
     * <pre>{@code
     * // lxc.uts.name = web1
     * lxc.hostname(); // Optional[web1]
     * }</pre>
     *
     * @return the hostname, or empty when not set (liblxc then uses the container's name)
     */
    public Optional<String> hostname() {
        return hostname;
    }

    /**
     * Returns the root filesystem, {@code lxc.rootfs.path}: its storage type and normalised path.
     *
     * <pre>{@code
     * // lxc.rootfs.path = dir:/var/lib/lxc/web/rootfs/
     * lxc.rootfs(); // Optional[RootFs[storage=Optional[dir], path=/var/lib/lxc/web/rootfs]]
     * }</pre>
     *
     * @return the root filesystem, or empty when liblxc holds no path
     */
    public Optional<RootFs> rootfs() {
        return rootfs;
    }

    /**
     * Returns the personality {@code lxc.arch} sets, normalised as liblxc does ({@code x86} is
     * {@link Architecture#I686}, {@code amd64} {@link Architecture#X86_64}). A name liblxc refuses is left out
     * (the validator reports it).
     *
     * <pre>{@code
     * // lxc.arch = amd64
     * lxc.arch().map(Architecture::lxcName); // Optional[x86_64]
     * }</pre>
     *
     * @return the personality, or empty when not set (the host's)
     */
    public Optional<Architecture> arch() {
        return arch;
    }

    /**
     * Returns {@code lxc.tty.max}: how many ttys liblxc gives the container (numbers read in base 0).
     *
     * <pre>{@code
     * // lxc.tty.max = 0x4
     * lxc.ttyMax(); // 4
     * }</pre>
     *
     * @return the number, 0 when not set or empty
     */
    public long ttyMax() {
        return ttyMax;
    }

    /**
     * Returns {@code lxc.pty.max}: the size of the container's devpts instance (numbers read in base 0).
     *
     * @return the number, 0 when not set or empty (no limit set by liblxc)
     */
    public long ptyMax() {
        return ptyMax;
    }

    /**
     * Returns {@code lxc.autodev}: whether liblxc mounts a tmpfs on {@code /dev} and makes the minimal device
     * nodes. On by default; an empty value turns it off.
     *
     * <pre>{@code
     * // lxc.autodev =
     * lxc.autodev(); // false
     * }</pre>
     *
     * @return whether autodev is on
     */
    public boolean autodev() {
        return autodev;
    }

    /**
     * Returns the cgroup resource limits, {@code lxc.cgroup.*} and {@code lxc.cgroup2.*} (device rules aside).
     *
     * <pre>{@code
     * // lxc.cgroup2.memory.max = 2G
     * lxc.resourceLimits().memory(CgroupVersion.V2); // Optional[2147483648]
     * }</pre>
     *
     * @return the limits; {@link ResourceLimits#NONE} when nothing is set
     */
    public ResourceLimits resourceLimits() {
        return resourceLimits;
    }

    /**
     * Returns the path {@code lxc.mount.fstab} names, normalised as liblxc does.
     *
     * @return the path as liblxc holds it, or empty
     */
    public Optional<String> mountFstab() {
        return fstab;
    }

    /**
     * Reads the file {@code lxc.mount.fstab} names, a relative path resolved against a base directory (liblxc
     * resolves it against its working directory). A missing file is a diagnostic of the result, not an
     * exception.
     *
     * <pre>{@code
     * lxc.fstab(Path.of("/var/lib/lxc/web")).map(Fstab::entries); // Optional[[proc proc proc ...]]
     * }</pre>
     *
     * @param baseDir the directory a relative path starts from
     * @return the file's entries and problems, or empty when {@code lxc.mount.fstab} is not set
     */
    public Optional<Fstab> fstab(java.nio.file.Path baseDir) {
        Objects.requireNonNull(baseDir, "baseDir");
        return fstab.map(f -> Fstab.read(baseDir.resolve(f)));
    }

    /**
     * Returns whether the container runs in a user namespace: it has uid and gid maps.
     *
     * @return whether there are {@code u} and {@code g} id maps
     */
    public boolean isUnprivileged() {
        return idMaps.stream().anyMatch(m -> m.type() == IdMap.Type.UID)
                && idMaps.stream().anyMatch(m -> m.type() == IdMap.Type.GID);
    }

    /**
     * Returns the problems found in values, in line order.
     *
     * @return the diagnostics, possibly empty
     */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * Returns a summary: {@code LxcSettings[2 device rules, 1 mount entries, 0 id maps, 1 interfaces, 0 diagnostics]}.
     */
    @Override
    public String toString() {
        return "LxcSettings[" + deviceRules.size() + " device rules, " + mountEntries.size() + " mount entries, "
                + idMaps.size() + " id maps, " + networkInterfaces.size() + " interfaces, " + diagnostics.size()
                + " diagnostics]";
    }

    /** A device rule's kind bits in {@link Slots}: cgroup v2, and allow. */
    private static final int V2 = 2;
    private static final int ALLOW = 1;

    /** Reads a list element again from its line. */
    private interface Reread<T> {
        T read(Origin at, String value, int kind);
    }

    /**
     * The lines whose values a list holds, in order, each with a small kind (a device rule's version and allow, an
     * environment variable's scope, a hook's type) that clearing a part of the list goes by. Only lines whose
     * value was read without a problem are added. Up to {@link #KEEP} values are also kept as read, and the list
     * holds them as they are; past that, the list reads each element from its line when asked for.
     */
    private static final class Slots {
        /** How many values a list keeps as read: a usual config's lists are read without reading a line again. */
        static final int KEEP = 1024;
        private static final EntryLine[] NO_LINES = {};

        private EntryLine[] lines = NO_LINES;
        private int[] numbers;
        private byte[] kinds;
        /** The values as read while no more than KEEP were added, else null. */
        private List<Object> values = new ArrayList<>();
        private int size;
        private int added;

        void add(Origin at, int kind, Object value) {
            if (size == lines.length) {
                int n = Math.max(4, size * 2);
                lines = Arrays.copyOf(lines, n);
                numbers = numbers == null ? new int[n] : Arrays.copyOf(numbers, n);
                kinds = kinds == null ? new byte[n] : Arrays.copyOf(kinds, n);
            }
            lines[size] = at.entry();
            numbers[size] = at.lineNumber();
            kinds[size] = (byte) kind;
            size++;
            if (++added > KEEP) {
                values = null;
            } else {
                values.add(value);
            }
        }

        void removeIf(IntPredicate kind) {
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (!kind.test(kinds[i])) {
                    lines[kept] = lines[i];
                    numbers[kept] = numbers[i];
                    kinds[kept] = kinds[i];
                    if (values != null) {
                        values.set(kept, values.get(i));
                    }
                    kept++;
                }
            }
            if (kept < size) {
                Arrays.fill(lines, kept, size, null);
                if (values != null) {
                    values.subList(kept, size).clear();
                }
            }
            size = kept;
        }

        void clear() {
            removeIf(k -> true);
        }

        /** The list; {@code nul} is the line with a NUL that ended the reading, or null. */
        @SuppressWarnings("unchecked")
        <T> List<T> toList(EntryLine nul, Reread<T> reread) {
            if (size == 0) {
                return List.of();
            }
            if (values != null) {
                return (List<T>) List.copyOf(values);
            }
            return new LineList<>(Arrays.copyOf(lines, size), Arrays.copyOf(numbers, size), Arrays.copyOf(kinds, size),
                    nul, reread);
        }
    }

    /** An immutable list whose elements are read from their lines when asked for. */
    private static final class LineList<T> extends AbstractList<T> implements RandomAccess {
        private final EntryLine[] lines;
        private final int[] numbers;
        private final byte[] kinds;
        /** The line with a NUL that ended the reading, or null. */
        private final EntryLine nul;
        private final Reread<T> reread;

        LineList(EntryLine[] lines, int[] numbers, byte[] kinds, EntryLine nul, Reread<T> reread) {
            this.lines = lines;
            this.numbers = numbers;
            this.kinds = kinds;
            this.nul = nul;
            this.reread = reread;
        }

        @Override
        public T get(int index) {
            Objects.checkIndex(index, lines.length);
            EntryLine e = lines[index];
            // the value the reader applied: the line's value, or on a line with a NUL the text before it
            String value = e == nul ? Reader.valueBeforeNul(e).orElseThrow() : e.value();
            return reread.read(new Origin(e, numbers[index]), value, kinds[index]);
        }

        @Override
        public int size() {
            return lines.length;
        }
    }

    /** Applies the lines of a section in order. */
    private static final class Reader {
        final Problems problems;
        final Slots deviceRules = new Slots();
        final Slots mountEntries = new Slots();
        final EnumMap<MountAuto.Category, MountAuto> mountAuto = new EnumMap<>(MountAuto.Category.class);
        final Slots idMaps = new Slots();
        final Capabilities.Reader capabilities;
        final NetworkReader network;
        Optional<String> aaProfile = Optional.empty();
        boolean aaNesting;
        boolean aaIncomplete;
        final List<String> aaRaw = new ArrayList<>();
        final List<Origin> aaOrigins = new ArrayList<>();
        Optional<String> scProfile = Optional.empty();
        boolean scNesting;
        Optional<String> scProxy = Optional.empty();
        Optional<String> scCookie = Optional.empty();
        final List<Origin> scOrigins = new ArrayList<>();
        Optional<String> seContext = Optional.empty();
        Optional<String> seKeyring = Optional.empty();
        final List<Origin> seOrigins = new ArrayList<>();
        final Slots environment = new Slots();
        final Slots hooks = new Slots();
        /** The line with a NUL that ended the reading, or null. */
        EntryLine nul;
        int legacyInterfaces;
        Optional<String> hostname = Optional.empty();
        Optional<RootFs> rootfs = Optional.empty();
        Optional<Architecture> arch = Optional.empty();
        long ttyMax;
        long ptyMax;
        boolean autodev = true;
        final ResourceLimits.Reader limits;
        Optional<String> fstab = Optional.empty();

        Reader(Problems problems) {
            this.problems = problems;
            this.capabilities = new Capabilities.Reader(problems);
            this.network = new NetworkReader(problems);
            this.limits = new ResourceLimits.Reader(problems);
        }

        void read(Section section) {
            int number = section.firstLineNumber();
            for (Line line : section.lines()) {
                int lineNumber = number++;
                if (!(line instanceof EntryLine e) || !e.isLxcKey()) {
                    continue;
                }
                if (line.content().indexOf('\0') >= 0) {
                    nul = e;
                    valueBeforeNul(e).ifPresent(v -> apply(new Origin(e, lineNumber), e.key(), v));
                    return;
                }
                String key = e.key();
                Origin at = new Origin(e, lineNumber);
                if (legacy(at, key)) {
                    continue;
                }
                apply(at, key, e.value());
            }
        }

        /**
         * Reports a legacy key, which the views do not read (liblxc 3.0 and later refuse it), and returns
         * whether the key was one. Each {@code lxc.network.type} starts a new legacy interface, so the
         * replacement names the index the line would have.
         */
        private boolean legacy(Origin at, String key) {
            Optional<KeyCatalog.LegacyKey> legacy = KeyCatalog.standard().legacy(key);
            if (legacy.isEmpty()) {
                return false;
            }
            if (key.equals("lxc.network.type")) {
                legacyInterfaces++;
            }
            Optional<String> replacement = legacy.get().replacement(key, legacyInterfaces - 1);
            problems.key(DiagnosticCode.LXC_LEGACY_KEY_IGNORED, at, "'" + key + "' is a legacy name that liblxc 3.0"
                    + " and later refuse; the typed views do not read it", replacement
                    .map(r -> "write '" + r + "' instead").orElse("delete the line: liblxc has no replacement"));
            return true;
        }

        /** The value liblxc sees on a line with a NUL: the text before it, or nothing if the NUL comes first. */
        private static Optional<String> valueBeforeNul(EntryLine e) {
            String raw = e.valueRaw();
            int before = e.content().length() - raw.length() - e.trailing().length();
            int nul = e.content().indexOf('\0');
            if (nul < before) {
                return Optional.empty();
            }
            if (nul >= before + raw.length()) {
                return Optional.of(e.value());
            }
            String v = raw.substring(0, nul - before);
            int end = v.length();
            while (end > 0 && Values.isBlank(v.charAt(end - 1))) {
                end--;
            }
            v = v.substring(0, end);
            if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v
                    .charAt(0)) {
                v = v.substring(1, v.length() - 1);
            }
            return Optional.of(v);
        }

        private void apply(Origin at, String key, String value) {
            // only the empty value clears or unsets: a quoted blank " " is a value, as liblxc reads it
            switch (key) {
                case "lxc.cgroup.devices.allow" -> deviceRule(at, CgroupVersion.V1, true, value);
                case "lxc.cgroup.devices.deny" -> deviceRule(at, CgroupVersion.V1, false, value);
                case "lxc.cgroup2.devices.allow" -> deviceRule(at, CgroupVersion.V2, true, value);
                case "lxc.cgroup2.devices.deny" -> deviceRule(at, CgroupVersion.V2, false, value);
                case "lxc.cgroup" -> clearRules(value, CgroupVersion.V1);
                case "lxc.cgroup2" -> clearRules(value, CgroupVersion.V2);
                case "lxc.uts.name" -> hostname = value.isEmpty() ? Optional.empty() : Optional.of(value);
                case "lxc.rootfs.path" -> rootfs = RootFs.of(value);
                case "lxc.arch" -> arch = Architecture.of(value).or(() -> arch);
                case "lxc.tty.max" -> ttyMax = unsignedInt(value, ttyMax);
                case "lxc.pty.max" -> ptyMax = unsignedInt(value, ptyMax);
                case "lxc.autodev" -> autodev = value.isEmpty() ? false : Values.cBoolean(value).orElse(autodev);
                case "lxc.mount.fstab" -> fstab = value.isEmpty() ? Optional.empty()
                        : Optional.of(Values.simplifyPath(value));
                case "lxc.mount.entry" -> mountEntry(at, value);
                case "lxc.mount.auto" -> mountAuto(at, value);
                case "lxc.idmap" -> idMap(at, value);
                case "lxc.cap.drop" -> capabilities.read(Capabilities.Mode.DROP, at, value);
                case "lxc.cap.keep" -> capabilities.read(Capabilities.Mode.KEEP, at, value);
                case "lxc.apparmor.profile" -> aaProfile = text(at, value, aaOrigins);
                case "lxc.apparmor.allow_nesting" -> aaNesting = flag(at, key, value, aaOrigins, aaNesting);
                case "lxc.apparmor.allow_incomplete" -> aaIncomplete = flag(at, key, value, aaOrigins, aaIncomplete);
                case "lxc.apparmor.raw" -> list(at, value, aaRaw, aaOrigins);
                case "lxc.seccomp.profile" -> scProfile = text(at, value, scOrigins);
                case "lxc.seccomp.allow_nesting" -> scNesting = lenientFlag(at, key, value, scOrigins, scNesting);
                case "lxc.seccomp.notify.proxy" -> proxy(at, value);
                case "lxc.seccomp.notify.cookie" -> scCookie = text(at, value, scOrigins);
                case "lxc.selinux.context" -> seContext = text(at, value, seOrigins);
                case "lxc.selinux.context.keyring" -> seKeyring = text(at, value, seOrigins);
                case "lxc.environment" -> environment(at, EnvironmentVariable.Scope.COMMON, value);
                case "lxc.environment.runtime" -> environment(at, EnvironmentVariable.Scope.RUNTIME, value);
                case "lxc.environment.hooks" -> environment(at, EnvironmentVariable.Scope.HOOKS, value);
                case "lxc.hook" -> clearHooks(at, value);
                default -> {
                    if (key.equals("lxc.net") || key.startsWith("lxc.net.")) {
                        network.read(at, key, value);
                    } else if (ResourceLimits.Reader.isSetting(key)) {
                        limits.read(at, key, value);
                    } else if (key.startsWith("lxc.hook.")) {
                        HookType.of(key.substring("lxc.hook.".length())).ifPresent(t -> hook(at, t, value));
                    }
                }
            }
        }

        private void deviceRule(Origin at, CgroupVersion version, boolean allow, String value) {
            int kind = (version == CgroupVersion.V2 ? V2 : 0) | (allow ? ALLOW : 0);
            if (value.isEmpty()) {
                deviceRules.removeIf(k -> k == kind);
                return;
            }
            Parsed<DeviceRule> p = DeviceRule.read(version, allow, value, Optional.of(at));
            if (p.isOk()) {
                deviceRules.add(at, kind, p.value());
            } else {
                problems.value(DiagnosticCode.LXC_DEVICE_RULE, at, p.problem(), p.hint());
            }
        }

        private void clearRules(String value, CgroupVersion version) {
            if (value.isEmpty()) {
                int v2 = version == CgroupVersion.V2 ? V2 : 0;
                deviceRules.removeIf(k -> (k & V2) == v2);
                limits.clear(version);
            }
        }

        /** An unsigned int in base 0, as lxc_safe_uint reads it; empty is 0; what liblxc refuses keeps the last. */
        private static long unsignedInt(String value, long previous) {
            if (value.isEmpty()) {
                return 0;
            }
            return Values.cUnsigned(value).filter(n -> n.compareTo(Values.UINT_MAX) <= 0)
                    .map(java.math.BigInteger::longValueExact).orElse(previous);
        }

        private void mountEntry(Origin at, String value) {
            if (value.isEmpty()) {
                mountEntries.clear();
                return;
            }
            List<String[]> warnings = new ArrayList<>();
            Parsed<MountEntry> p = MountEntry.read(value, Optional.of(at), warnings);
            if (p.isOk()) {
                mountEntries.add(at, 0, p.value());
            } else {
                problems.value(DiagnosticCode.LXC_MOUNT_ENTRY, at, p.problem(), p.hint());
            }
            for (String[] w : warnings) {
                problems.value(DiagnosticCode.LXC_MOUNT_ENTRY, at, w[0], w[1]);
            }
        }

        private void mountAuto(Origin at, String value) {
            if (value.isEmpty()) {
                mountAuto.clear();
                return;
            }
            for (Values.Word word : Values.words(value)) {
                String item = word.text();
                Parsed<MountAuto> p = MountAuto.read(item, Optional.of(at));
                if (p.isOk()) {
                    mountAuto.put(p.value().category(), p.value());
                } else if (item.startsWith("shmounts:")) {
                    // liblxc 5.0 loads any shmounts item: an empty host path is only logged, and stops the line
                    problems.itemWarning(DiagnosticCode.LXC_MOUNT_AUTO, at, word.index(), "'" + item + "' names an"
                            + " empty host or container path: liblxc loads the file, but LXC has no path to share the"
                            + " mounts through", "write shmounts:HOSTPATH or shmounts:HOSTPATH:CONTAINERPATH");
                    if (item.equals("shmounts:")) {
                        break;
                    }
                } else {
                    problems.item(DiagnosticCode.LXC_MOUNT_AUTO, at, word.index(), p.problem(), p.hint());
                }
            }
        }

        private void idMap(Origin at, String value) {
            if (value.isEmpty()) {
                idMaps.clear();
                return;
            }
            Parsed<IdMap> p = IdMap.read(value, Optional.of(at));
            if (p.isOk()) {
                idMaps.add(at, 0, p.value());
            } else {
                problems.value(DiagnosticCode.LXC_IDMAP, at, p.problem(), p.hint());
            }
        }

        private static Optional<String> text(Origin at, String value, List<Origin> origins) {
            origins.add(at);
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        private static void list(Origin at, String value, List<String> values, List<Origin> origins) {
            if (value.isEmpty()) {
                values.clear();
            } else {
                values.add(value);
            }
            origins.add(at);
        }

        private boolean flag(Origin at, String key, String value, List<Origin> origins, boolean previous) {
            if (value.isEmpty()) {
                origins.add(at);
                return false;
            }
            Optional<Boolean> b = Values.cBoolean(value);
            if (b.isEmpty()) {
                problems.value(DiagnosticCode.LXC_SECURITY_VALUE, at, "'" + key + "' must be 0 or 1, got '" + value
                        + "'; liblxc refuses the file", "write 1 to turn it on, 0 to turn it off");
                return previous;
            }
            origins.add(at);
            return b.get();
        }

        /**
         * {@code lxc.seccomp.allow_nesting}: liblxc 5.0's setter ignores a value that is no number (the load goes
         * on), refuses a number past 2^64 - 1 or a number above 1, and on a sign depends on what ran before
         * ({@link CNumbers#lenientUint}).
         */
        private boolean lenientFlag(Origin at, String key, String value, List<Origin> origins, boolean previous) {
            if (value.isEmpty()) {
                return flag(at, key, value, origins, previous);
            }
            return switch (CNumbers.lenientUint(value, BigInteger.ONE)) {
                case TAKEN -> flag(at, key, value, origins, previous);
                case REFUSED -> {
                    problems.value(DiagnosticCode.LXC_SECURITY_VALUE, at, "'" + key + "' must be 0 or 1, got '"
                            + value + "'; liblxc refuses the file", "write 1 to turn it on, 0 to turn it off");
                    yield previous;
                }
                case IGNORED -> {
                    problems.value(DiagnosticCode.VAL_VALUE_IGNORED, at, "'" + value + "' is no number liblxc can"
                            + " store in '" + key + "': it loads the file and ignores the line",
                            "write 1 to turn it on, 0 to turn it off");
                    yield previous;
                }
                case SIGN -> {
                    problems.value(DiagnosticCode.VAL_DEPENDS_ON_LOADER, at, "'" + value + "' has a sign, which '"
                            + key + "' does not take: liblxc ignores the line, and refuses the file only when an"
                            + " error left by the process that loads it, or by an earlier line, is still pending",
                            "write 1 to turn it on, 0 to turn it off");
                    yield previous;
                }
            };
        }

        private void proxy(Origin at, String value) {
            if (!value.isEmpty() && !Seccomp.isProxy(value)) {
                problems.value(DiagnosticCode.LXC_SECURITY_VALUE, at, "'lxc.seccomp.notify.proxy' must be"
                        + " unix:PATH or unix:@NAME, got '" + value + "'; liblxc refuses the file",
                        "write unix: and the supervisor's socket path, such as unix:/run/seccomp-agent.socket");
                return;
            }
            scProxy = text(at, value, scOrigins);
        }

        private void environment(Origin at, EnvironmentVariable.Scope scope, String value) {
            if (value.isEmpty()) {
                environment.removeIf(k -> k == scope.ordinal());
                return;
            }
            Parsed<EnvironmentVariable> p = EnvironmentVariable.read(scope, value, Optional.of(at));
            if (p.isOk()) {
                environment.add(at, scope.ordinal(), p.value());
            } else {
                problems.value(DiagnosticCode.LXC_ENVIRONMENT, at, p.problem(), p.hint());
            }
        }

        private void clearHooks(Origin at, String value) {
            if (value.isEmpty()) {
                hooks.clear();
            } else {
                problems.value(DiagnosticCode.LXC_HOOK, at, "'lxc.hook' only accepts an empty value, which clears"
                        + " every hook; liblxc refuses the file", "write the hook under its type, such as"
                        + " lxc.hook.pre-start = " + value);
            }
        }

        private void hook(Origin at, HookType type, String value) {
            if (value.isEmpty()) {
                hooks.removeIf(k -> k == type.ordinal());
            } else {
                hooks.add(at, type.ordinal(), new Hook(type, value, Optional.of(at)));
            }
        }
    }
}
