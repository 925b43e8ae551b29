package io.github.lxcconf.validate;

import io.github.lxcconf.device.DevicePolicy;
import io.github.lxcconf.internal.DiagnosticAccess;
import io.github.lxcconf.internal.MountTargets;
import io.github.lxcconf.model.MountPlacement;
import io.github.lxcconf.model.RootFs;
import io.github.lxcconf.device.DeviceVerdict;
import io.github.lxcconf.device.HostLayout;
import io.github.lxcconf.model.CgroupVersion;
import io.github.lxcconf.model.DeviceRule;

import io.github.lxcconf.model.MountEntry;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.Severity;
import io.github.lxcconf.include.EffectiveConfig;
import io.github.lxcconf.include.EffectiveValue;
import io.github.lxcconf.include.IncludedFile;
import io.github.lxcconf.include.Provenance;
import io.github.lxcconf.internal.CNumbers;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.Section;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates a config as liblxc (and, for Proxmox configs, Proxmox VE) would read it: the syntax
 * diagnostics, the typed views' value diagnostics, and the key-level checks of the
 * {@link KeyCatalog}, whole-file checks (cgroup directory keys, network interfaces without a type or
 * numbered with gaps) and, for Proxmox configs, what makes Proxmox refuse to start the container or
 * does not work on a cgroup2 host (quotas, old systemd) and mount points that share a path or a volume.
 * Errors are what liblxc or Proxmox refuse; warnings what they accept but is almost certainly wrong.
 *
 * <pre>{@code
 * Validation v = Validator.validate(LxcConfig.parseText("lxc.utsname = ct1\n"), ValidationOptions.defaults());
 * v.errors().get(0).code(); // VAL_LEGACY_KEY
 * }</pre>
 */
public final class Validator {

    private static final Set<String> SIGNALS = Set.of("HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "IOT", "BUS",
            "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CLD", "CONT", "STOP",
            "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "POLL", "PWR", "SYS");
    private static final int RT_SIGNAL_SPAN = 30; // SIGRTMAX - SIGRTMIN on Linux
    private static final BigInteger UINT_MAX = BigInteger.valueOf(0xFFFF_FFFFL);
    private static final Pattern AT_MOST_BYTES = Pattern.compile("at most ([0-9]+) bytes");
    private static final Pattern FILE_VMID = Pattern.compile("(?:.*/)?([0-9]+)\\.conf");
    /** Architecture names of later releases that liblxc 5.0 refuses ("Unsupported personality"). */
    private static final Set<String> ARCHES_AFTER_5_0 = Set.of("loong64", "loongarch64", "x32");
    /** Keys whose setters ignore a value that is no number (see {@link CNumbers#lenientUint}), with their largest value. */
    private static final Map<String, BigInteger> LENIENT_NUMBERS = Map.of("lxc.init.uid", CNumbers.UINT_MAX,
            "lxc.init.gid", CNumbers.UINT_MAX, "lxc.hook.version", BigInteger.ONE);
    /**
     * Keys (catalogue patterns) whose values a typed view checks and reports with its own code: the AppArmor and
     * seccomp views (LXC113, VAL020) and the network interfaces (LXC108). The value check below leaves them
     * alone, so that a bad value is reported once.
     */
    private static final Set<String> CHECKED_BY_VIEWS = Set.of("lxc.apparmor.allow_nesting",
            "lxc.apparmor.allow_incomplete", "lxc.seccomp.allow_nesting", "lxc.net.<N>.l2proxy");
    /** Keys liblxc stores with a limit of PATH_MAX - 1 bytes (set_config_path_item and the cgroup directories). */
    private static final Set<String> PATH_MAX_KEYS = Set.of("lxc.rootfs.path", "lxc.rootfs.mount", "lxc.mount.fstab",
            "lxc.console.path", "lxc.console.logfile", "lxc.init.cwd", "lxc.seccomp.profile", "lxc.log.file",
            "lxc.cgroup.dir", "lxc.cgroup.dir.monitor", "lxc.cgroup.dir.container", "lxc.cgroup.dir.monitor.pivot");
    private static final int PATH_MAX = 4096;
    private static final Pattern DEVICE_KEY = Pattern.compile("lxc\\.cgroup2?\\.devices\\.(allow|deny)");
    private static final int NAME_MAX = 255;
    /** Families whose entries name something after the '.'; {@code lxc.prlimit.} takes any name when it loads. */
    private static final Set<String> NAMED_FAMILIES = Set.of("lxc.cgroup.", "lxc.cgroup2.", "lxc.sysctl.", "lxc.proc.");
    /** The mount options of lxc.rootfs.options that only LXC reads, which liblxc refuses for the rootfs. */
    private static final List<String> LXC_ONLY_MOUNT_OPTIONS = List.of("create=dir", "create=file", "optional",
            "relative");

    private final LxcConfig config;
    private final ValidationOptions options;
    private final KeyCatalog keys = KeyCatalog.standard();
    private final boolean proxmox;
    private final boolean cgroup2Host;
    private final List<Diagnostic> out = new ArrayList<>();
    /** The device decision, read once when a hint needs it. */
    private DevicePolicy devicePolicy;

    private Validator(LxcConfig config, ValidationOptions options) {
        this.config = config;
        this.options = options;
        this.proxmox = config.dialect() == Dialect.PROXMOX;
        this.cgroup2Host = options.cgroup2Host().orElse(proxmox);
    }

    /**
     * Validates a config.
     *
     * @param config  the config
     * @param options the liblxc line and host layout to validate against
     * @return every diagnostic, in line order
     */
    public static Validation validate(LxcConfig config, ValidationOptions options) {
        if (options.includeBase().isPresent() && config.dialect() == Dialect.LXC && IncludeValidation.includes(config)) {
            return IncludeValidation.validate(config, options); // every file, in liblxc's order of reading
        }
        Validator v = new Validator(config, options);
        v.out.addAll(config.diagnostics());
        // a legacy key is reported once, below (VAL002), not also as the typed views' LXC120
        config.lxc().diagnostics().stream().filter(d -> d.code() != DiagnosticCode.LXC_LEGACY_KEY_IGNORED)
                .forEach(v.out::add);
        v.out.addAll(config.proxmox().diagnostics());
        v.mounts();
        String[] mainKeys = LxcChecks.keys(config.mainSection());
        if (v.proxmox) {
            ProxmoxChecks.check(config, v.cgroup2Host, v::add);
        } else {
            LxcChecks.check(config, mainKeys, v::add);
        }
        options.includeBase().ifPresent(base -> {
            EffectiveConfig effective = config.effective(base);
            effective.diagnostics().stream().filter(d -> d.code().id().startsWith("INC")).forEach(v.out::add);
            v.capabilitiesAcrossFiles(effective);
        });
        for (Section section : config.sections()) {
            if (!v.section(section, section == config.mainSection() ? mainKeys : null)) {
                break;
            }
        }
        List<Diagnostic> all = new ArrayList<>(v.out);
        all.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        return new Validation(options, all);
    }

    /**
     * {@code lxc.cap.drop} in one file and {@code lxc.cap.keep} in another: the two keys share one list, and
     * liblxc refuses the first value of the second kind ("Keeping and dropping capabilities are mutually
     * exclusive"), wherever it comes from. Within the config itself the capabilities view reports it (LXC106).
     */
    private void capabilitiesAcrossFiles(EffectiveConfig effective) {
        EffectiveValue first = null;
        for (EffectiveValue v : effective.entries()) {
            if (!v.key().equals("lxc.cap.drop") && !v.key().equals("lxc.cap.keep")) {
                continue;
            }
            if (first == null) {
                first = v;
                continue;
            }
            if (v.key().equals(first.key())) {
                continue;
            }
            String root = config.sourceName();
            if (v.provenance().source().equals(root) && first.provenance().source().equals(root)) {
                return;
            }
            add(DiagnosticCode.LXC_CAP_KEEP_AND_DROP, Severity.ERROR, rootLine(effective, v.provenance()), 1,
                    v.key() + " (" + v.provenance() + ") after " + first.key() + " (" + first.provenance()
                            + "): liblxc refuses the file (\"Keeping and dropping capabilities are mutually"
                            + " exclusive\")",
                    "use one of the two keys, or reset the list first with an empty '" + first.key() + " =' line");
            return;
        }
    }

    /** The line of this config that is, or includes (maybe through other files), the line at {@code at}. */
    private int rootLine(EffectiveConfig effective, Provenance at) {
        Provenance p = at;
        for (int depth = 0; depth <= effective.files().size() && !p.source().equals(config.sourceName()); depth++) {
            String source = p.source();
            Optional<Provenance> up = effective.files().stream().filter(f -> f.config().sourceName().equals(source))
                    .findFirst().flatMap(IncludedFile::includedFrom);
            if (up.isEmpty()) {
                return 1;
            }
            p = up.get();
        }
        return p.source().equals(config.sourceName()) ? p.line() : 1;
    }

    /** Mount entries that load but misbehave when the container starts. */
    private void mounts() {
        // the root filesystem once: the list reads each entry from its line, and the settings need not be kept
        Optional<RootFs> rootfs = MountTargets.rootfs(config);
        for (MountEntry entry : config.lxc().mountEntries()) {
            if (entry.origin().isEmpty()) {
                continue;
            }
            int line = entry.origin().get().lineNumber();
            int column = entry.origin().get().entry().valueColumn();
            String target = entry.target();
            MountPlacement placement = MountPlacement.of(entry, rootfs);
            if (placement.kind() == MountPlacement.Kind.IGNORED) {
                String relative = relative(target);
                add(DiagnosticCode.VAL_ABSOLUTE_MOUNT_TARGET, Severity.WARNING, line, column,
                        "the target '" + target + "' is absolute and does not contain the rootfs path '"
                                + rootfs.map(RootFs::path).orElse("")
                                + "': when the container starts, LXC skips this entry (\"Ignoring mount point\")",
                        "write it relative to the container's root: '" + relative + "'");
            } else if (placement.kind() == MountPlacement.Kind.NO_ROOTFS) {
                String relative = relative(target);
                add(DiagnosticCode.VAL_ABSOLUTE_MOUNT_TARGET, Severity.WARNING, line, column,
                        "the target '" + target + "' is absolute and this config sets no lxc.rootfs.path: LXC mounts"
                                + " it at that path on the host for a container without a root filesystem, and skips"
                                + " it where the root filesystem is set elsewhere unless the target contains its path",
                        "for a path inside the container, write it relative to the container's root: '" + relative
                                + "'");
            }
            if (entry.isBind() && entry.source().startsWith("/dev/") && entry.create().isEmpty()) {
                add(DiagnosticCode.VAL_DEVICE_BIND_WITHOUT_CREATE, Severity.WARNING, line, column,
                        "bind mount of the device node " + entry.source() + " without create=file: the container"
                                + " would fail to start if " + target + " does not exist in it",
                        "add create=file to the options (create=dir for a directory such as /dev/dri)");
            }
        }
    }

    /** A mount target without its leading '/'s: relative to the container's root. */
    private static String relative(String target) {
        int i = 0;
        while (i < target.length() && target.charAt(i) == '/') {
            i++;
        }
        return target.substring(i);
    }

    /** Checks one section; returns false where liblxc stops reading (a NUL byte). */
    private boolean section(Section section, String[] lxcKeys) {
        Map<String, Integer> lastSingle = new HashMap<>();
        Map<String, EntryLine> lastSingleLine = new HashMap<>();
        Map<String, Integer> listLines = new HashMap<>();
        int networkTypes = 0;
        int number = section.firstLineNumber();
        Map<String, Map<String, Integer>> listValues = new HashMap<>();
        Map<String, Integer> options = new HashMap<>();
        int index = -1;
        for (Line line : section.lines()) {
            int n = number++;
            index++;
            if (proxmox && line instanceof EntryLine o && !o.isLxcKey()) {
                duplicateOption(o, n, options);
            }
            if (!(line instanceof EntryLine e)) {
                continue;
            }
            if (!e.isLxcKey()) {
                if (!proxmox && e.key().equals("lxc.")) {
                    // liblxc reads every line that starts with 'lxc.', and the bare prefix is no key it knows
                    add(DiagnosticCode.VAL_UNKNOWN_KEY, Severity.ERROR, n, e.keyColumn(),
                            "Unsupported config key \"lxc.\": liblxc refuses the file",
                            "write a whole key after 'lxc.', such as 'lxc.uts.name', or delete the line");
                }
                continue;
            }
            if (proxmox && e.content().indexOf('\0') >= 0) {
                continue; // a native config is read up to its first NUL byte by the reader already
            }
            String key = lxcKeys != null ? lxcKeys[index] : e.key();
            String value = e.value();
            if (key.equals("lxc.network.type")) {
                networkTypes++;
            }
            if (proxmox) {
                proxmoxRule(e, n);
            }
            Optional<KeyCatalog.KeyInfo> info = keyLevel(e, key, n, networkTypes - 1);
            if (info.isEmpty()) {
                continue;
            }
            inlineComment(e, n);
            value(e, key, value, n, info.get());
            // later lines: duplicates and clearing
            if (keys.isList(key) || info.get().kind() == KeyCatalog.Kind.PREFIX && key.equals(info.get().pattern())) {
                if (value.isBlank()) {
                    Integer count = clearedCount(key, listLines);
                    if (DEVICE_KEY.matcher(key).matches()) {
                        // the device decision knows what included files (LXC's common.conf) set before the line
                        if (devicePolicy == null) {
                            devicePolicy = DevicePolicy.of(config);
                        }
                        count = devicePolicy.clearedBy(config.sourceName(), n).size();
                    }
                    if (count > 0) {
                        add(DiagnosticCode.VAL_EMPTY_CLEARS_LIST, Severity.INFO, n, e.keyColumn(),
                                "empty '" + key + "' clears the " + count + " value(s) set above it"
                                        + (DEVICE_KEY.matcher(key).matches() ? ", in this file and in the files"
                                        + " included before it; the container still starts" : ""),
                                "remove the lines above if that is intended, or this line if it is not");
                    }
                } else {
                    listLines.merge(key, 1, Integer::sum);
                }
                duplicateListValue(e, key, value, n, listValues);
            } else if (!isNetType(key)) {
                Integer earlier = lastSingle.get(key);
                EntryLine earlierLine = lastSingleLine.get(key);
                if (earlier != null && !earlierLine.value().isBlank()) {
                    // built when read: a file can repeat a key on every line
                    lazy(DiagnosticCode.VAL_DUPLICATE_KEY, Severity.WARNING, earlier, earlierLine.keyColumn(),
                            () -> "'" + key + "' is set again on line " + n + "; liblxc keeps only the last value,"
                                    + " so '" + earlierLine.value() + "' is ignored",
                            (Supplier<String>) () -> "remove this line or the one on line " + n);
                }
                lastSingle.put(key, n);
                lastSingleLine.put(key, e);
            }
        }
        return true;
    }

    /** The architecture names of lxc.arch's grammar, read once: every container config sets lxc.arch. */
    private static volatile Map.Entry<String, Set<String>> archNames;

    private static Set<String> archNames(String grammar) {
        Map.Entry<String, Set<String>> known = archNames;
        if (known != null && known.getKey().equals(grammar)) {
            return known.getValue();
        }
        Set<String> arches = new LinkedHashSet<>();
        for (String token : KeyCatalog.between(grammar, "one of: ", ";").replaceAll("\\(=[^)]*\\)", " ")
                .replace('|', ' ').strip().split("\\s+")) {
            arches.add(token);
        }
        Set<String> names = Collections.unmodifiableSet(arches);
        archNames = Map.entry(grammar, names);
        return names;
    }

    /** Keys whose values form a set: writing a value again changes nothing. */
    private static final Set<String> SET_LIKE = Set.of("lxc.cgroup.devices.allow", "lxc.cgroup.devices.deny",
            "lxc.cgroup2.devices.allow", "lxc.cgroup2.devices.deny", "lxc.cap.drop", "lxc.cap.keep",
            "lxc.environment");
    /** A cgroup2 device rule that checks nothing. */
    private static final Pattern ALLOW_ALL = Pattern.compile("a[ \t]+\\*:\\*[ \t]+[rwm]{3}");

    /** {@code lxc.net.N.type}: the key that starts a new interface, so its repeats are no duplicates. */
    private static boolean isNetType(String key) {
        int n = key.length();
        int end = n - ".type".length();
        if (!key.startsWith("lxc.net.") || !key.endsWith(".type") || end <= "lxc.net.".length()) {
            return false;
        }
        for (int i = "lxc.net.".length(); i < end; i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The text with every run of blanks (spaces and tabs) made one space. */
    private static String collapseBlanks(String s) {
        StringBuilder b = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean blank = c == ' ' || c == '\t';
            if (blank && (c == '\t' || (i + 1 < n && (s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\t')))) {
                if (b == null) {
                    b = new StringBuilder(n).append(s, 0, i);
                }
                b.append(' ');
                while (i + 1 < n && (s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\t')) {
                    i++;
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** Reports a list value written again with no effect; an empty value or the opposite rule resets it. */
    private void duplicateListValue(EntryLine e, String key, String rawValue, int n,
                                    Map<String, Map<String, Integer>> seen) {
        if (!SET_LIKE.contains(key)) {
            return;
        }
        String value = collapseBlanks(rawValue.strip());
        if (value.isEmpty()) {
            seen.remove(key);
            return;
        }
        if (key.endsWith(".allow") || key.endsWith(".deny")) {
            // a rule of the opposite kind in between makes the order matter: a repeat then has an effect
            String opposite = key.endsWith(".allow") ? key.replace(".allow", ".deny") : key.replace(".deny", ".allow");
            Map<String, Integer> other = seen.get(opposite);
            if (other != null) {
                other.remove(value);
            }
        }
        if (key.startsWith("lxc.cap.")) {
            for (String cap : value.split(" ")) {
                remember(e, n, seen, key, cap);
            }
            return;
        }
        remember(e, n, seen, key, value);
    }

    private void remember(EntryLine e, int n, Map<String, Map<String, Integer>> seen, String key, String value) {
        Integer earlier = seen.computeIfAbsent(key, k -> new HashMap<>()).putIfAbsent(value, n);
        if (earlier != null && earlier == n) {
            add(DiagnosticCode.VAL_DUPLICATE_LIST_VALUE, Severity.WARNING, n, e.valueColumn(),
                    "'" + value + "' is written twice in this line; the second has no effect",
                    "remove the second '" + value + "'");
        } else if (earlier != null) {
            // built when read: a file can repeat a rule on every line
            int first = earlier;
            Supplier<String> message = key.startsWith("lxc.cap.")
                    ? () -> "'" + key + "' already has '" + value + "' (line " + first + "); this line has no effect"
                    : () -> "'" + key + "' already has '" + collapseBlanks(e.value().strip()) + "' (line " + first
                            + "); this line has no effect";
            lazy(DiagnosticCode.VAL_DUPLICATE_LIST_VALUE, Severity.WARNING, n, e.valueColumn(), message,
                    "remove this line");
        }
    }

    /** Reports a Proxmox option set a second time in the section: Proxmox keeps the last one. */
    private void duplicateOption(EntryLine e, int n, Map<String, Integer> options) {
        Integer earlier = options.put(e.key(), n);
        if (earlier != null && KeyCatalog.standard().isSingleValued(e.key())) {
            add(DiagnosticCode.PVE_DUPLICATE_OPTION, Severity.WARNING, n, e.keyColumn(),
                    "'" + e.key() + "' is already set on line " + earlier + "; Proxmox keeps only this value and"
                            + " drops line " + earlier + " the next time it writes the file",
                    "remove one of the two lines");
        }
    }

    /** Number of values an empty line with this key clears. */
    private static Integer clearedCount(String key, Map<String, Integer> listLines) {
        int count = 0;
        if (listLines.containsKey(key)) {
            count += listLines.remove(key);
        }
        String family = key.equals("lxc.hook") ? "lxc.hook." : key + ".";
        if (key.equals("lxc.hook") || key.equals("lxc.cgroup2") || key.equals("lxc.cgroup") || key.equals("lxc.proc")) {
            for (String k : List.copyOf(listLines.keySet())) {
                if (k.startsWith(family)) {
                    count += listLines.remove(k);
                }
            }
        }
        return count;
    }

    /** Key-level checks; returns the catalogue row when the key is one liblxc reads. */
    private Optional<KeyCatalog.KeyInfo> keyLevel(EntryLine e, String key, int n, int networkIndex) {
        Optional<KeyCatalog.LegacyKey> legacy = keys.legacy(key);
        if (legacy.isPresent()) {
            if (!proxmox) {
                KeyCatalog.LegacyKey l = legacy.get();
                Optional<String> replacement = l.replacement(key, networkIndex);
                add(DiagnosticCode.VAL_LEGACY_KEY, Severity.ERROR, n, e.keyColumn(),
                        "Unsupported config key \"" + key + "\": the name was retired in LXC 2.1 and liblxc 3.0 and"
                                + " later refuse it",
                        replacement.map(r -> "use '" + r + "' instead")
                                .orElse("delete the line: it has no replacement"));
            }
            return Optional.empty();
        }
        Optional<KeyCatalog.KeyInfo> info = keys.lookup(key);
        if (info.isEmpty()) {
            if (key.startsWith("lxc.net.") && key.matches("lxc\\.net\\.[^.]*(\\..*)?")) {
                return Optional.empty(); // 'lxc.net.N =' removes interface N; the network view reports the rest (LXC107)
            }
            if (!proxmox || keys.proxmox(key).status() != KeyCatalog.ProxmoxStatus.REFUSED) {
                List<String> near = keys.suggestions(key);
                add(DiagnosticCode.VAL_UNKNOWN_KEY, severity(Severity.ERROR), n, e.keyColumn(),
                        "Unsupported config key \"" + key + "\": " + (proxmox ? "Proxmox passes it on, but liblxc"
                                + " refuses it, so the container would fail when it starts" : "liblxc refuses the file"),
                        near.isEmpty() ? "check the key against lxc.container.conf(5)"
                                : "did you mean " + String.join(" or ", near.stream().map(s -> "'" + s + "'").toList())
                                + "?");
            }
            return Optional.empty();
        }
        KeyCatalog.KeyInfo k = info.get();
        boolean proxmoxGenerates = proxmox && keys.proxmox(key).status() == KeyCatalog.ProxmoxStatus.SPECIAL;
        if (!options.version().has(k.since()) && !proxmoxGenerates) {
            add(DiagnosticCode.VAL_KEY_TOO_NEW, severity(Severity.ERROR), n, e.keyColumn(),
                    "'" + key + "' exists only from LXC " + k.since() + "; LXC " + options.version().major()
                            + ".x reports \"Unsupported config key\"" + startSuffix(),
                    key.startsWith("lxc.environment.") ? "use 'lxc.environment' on this release" : null);
            return Optional.empty();
        }
        if (key.startsWith("lxc.cgroup2.devices.") && options.cgroup2Host().orElse(true)) {
            stopsTheStart(e, n);
        }
        if (k.isCgroupV1Family()) {
            String v2 = cgroup2Line(key, e.value(), proxmox ? ": " : " = ");
            if (!options.version().acceptsCgroupV1Keys()) {
                add(DiagnosticCode.VAL_CGROUP_V1_REFUSED, severity(Severity.ERROR), n, e.keyColumn(),
                        "LXC 7.0 no longer reads cgroup v1 keys: \"" + key + "\" is refused" + startSuffix(),
                        v2);
                return Optional.empty();
            }
            if (cgroup2Host) {
                add(DiagnosticCode.VAL_CGROUP_V1_IGNORED, Severity.WARNING, n, e.keyColumn(),
                        "'" + key + "' is a cgroup v1 key; on a cgroup2 host liblxc ignores it, so this line has no"
                                + " effect", v2 + refusedWithout(key, e.value()));
            }
        }
        return info;
    }

    /**
     * Warns at a cgroup2 device rule that checks nothing ({@code a *:* rwm}) when the device decision finds it in
     * liblxc's program: the kernel's verifier refuses the program and the container does not start (seen with
     * liblxc 5.0.2: "Failed to load bpf program").
     */
    private void stopsTheStart(EntryLine e, int n) {
        String value = e.value();
        // the pattern only where the rule can be 'a *:* rwm': most rules name a device
        if (value.isEmpty() || value.charAt(0) != 'a' || value.indexOf('*') < 0) {
            return;
        }
        if (!ALLOW_ALL.matcher(e.value()).matches() || !e.value().contains("r") || !e.value().contains("w")
                || !e.value().contains("m")) {
            return;
        }
        if (devicePolicy == null) {
            devicePolicy = DevicePolicy.of(config);
        }
        Optional<String> failure = devicePolicy.decide(HostLayout.CGROUP2, io.github.lxcconf.model.DeviceType.CHAR, 1, 3,
                io.github.lxcconf.model.DeviceAccess.parse("r").orElseThrow()).startFailure();
        if (failure.filter(f -> f.contains("(" + config.sourceName() + ":" + n + ")")).isPresent()) {
            add(DiagnosticCode.LXC_DEVICE_RULE, Severity.WARNING, n, e.keyColumn(),
                    "on a cgroup2 host this rule checks nothing, so the kernel refuses liblxc's device program"
                            + " (\"Failed to load bpf program\") and the container does not start",
                    "write 'a' alone: 'lxc.cgroup2.devices.allow = a' allows every device");
        }
    }

    /**
     * For a v1 allow rule of one device that a pure cgroup2 host then refuses (the device decision of
     * {@link DevicePolicy}): {@code "; as the config stands, a pure cgroup2 host refuses /dev/kvm (rw)"}.
     */
    private String refusedWithout(String key, String value) {
        if (!key.equals("lxc.cgroup.devices.allow")) {
            return "";
        }
        DeviceRule rule;
        try {
            rule = DeviceRule.parse(CgroupVersion.V1, true, value);
        } catch (IllegalArgumentException e) {
            return "";
        }
        if (rule.minor().isEmpty() || !(rule.access().read() || rule.access().write())) {
            return "";
        }
        if (devicePolicy == null) {
            devicePolicy = DevicePolicy.of(config);
        }
        Optional<DeviceVerdict> verdict = devicePolicy.decide(HostLayout.CGROUP2, rule);
        if (verdict.isEmpty() || verdict.get().granted()) {
            return "";
        }
        DeviceVerdict v = verdict.get();
        return "; as the config stands, a pure cgroup2 host refuses the container " + v.device() + " (" + v.access() + ")";
    }

    /** The matching cgroup2 line for a v1 key, as a hint. */
    private static String cgroup2Line(String key, String value, String separator) {
        if (!key.startsWith("lxc.cgroup.")) {
            // the bare 'lxc.cgroup =' clears every v1 setting; 'lxc.cgroup2 =' does the same for cgroup2
            return "use 'lxc.cgroup2" + separator.stripTrailing() + "' to clear the cgroup2 settings";
        }
        String file = key.substring("lxc.cgroup.".length());
        String sameValue = switch (file) {
            case "devices.allow", "devices.deny", "cpuset.cpus", "cpuset.mems", "pids.max" -> file;
            case "memory.limit_in_bytes" -> "memory.max";
            case "memory.soft_limit_in_bytes" -> "memory.low";
            default -> null;
        };
        if (sameValue != null) {
            return "use 'lxc.cgroup2." + sameValue + separator + value + "'";
        }
        return switch (file) {
            case "memory.memsw.limit_in_bytes" -> "use lxc.cgroup2.memory.swap.max, which limits swap alone"
                    + " (v1 limited memory plus swap)";
            case "cpu.shares" -> "use lxc.cgroup2.cpu.weight = 1 + (shares - 2) * 9999 / 262142";
            case "cpu.cfs_quota_us", "cpu.cfs_period_us" -> "use lxc.cgroup2.cpu.max = 'QUOTA PERIOD' (one line)";
            case "blkio.weight" -> "use lxc.cgroup2.io.weight";
            default -> "cgroup2 has no file of this name; see the lxc.cgroup2.* keys";
        };
    }

    private void proxmoxRule(EntryLine e, int n) {
        KeyCatalog.ProxmoxRule rule = keys.proxmox(e.key());
        String message = rule.message().replace("<key>", e.key()).replace("<line>", e.content().strip())
                .replace("vm <VMID> - ", vmid(config).map(id -> "vm " + id + " - ").orElse(""));
        switch (rule.status()) {
            case REFUSED -> add(DiagnosticCode.VAL_PROXMOX_REFUSED_KEY, Severity.ERROR, n, e.keyColumn(),
                    "Proxmox refuses '" + e.key() + "' (\"" + message + "\") and drops the line on its next write",
                    keys.lookup(e.key()).isPresent() ? "liblxc knows this key, but Proxmox does not pass it on;"
                            + " remove the line" : suggestionHint(e.key()));
            case WARNS -> {
                boolean legacy = keys.legacy(e.key()).isPresent();
                add(DiagnosticCode.VAL_PROXMOX_WARNED_KEY, Severity.WARNING, n, e.keyColumn(),
                        "Proxmox warns: \"" + message + "\""
                                + (legacy ? "; liblxc 3.0 and later refuse this key, so the container would fail"
                                + " when it starts" : ""),
                        legacy ? keys.legacy(e.key()).get().replacement(e.key(), 0).map(r -> "use '" + r + "' instead")
                                .orElse("delete the line") : null);
            }
            default -> { }
        }
    }

    private String suggestionHint(String key) {
        List<String> near = keys.suggestions(key);
        return near.isEmpty() ? "remove the line" : "did you mean "
                + String.join(" or ", near.stream().map(s -> "'" + s + "'").toList()) + "?";
    }

    /** The container ID a Proxmox config's file name ({@code 101.conf}) gives, if it gives one. */
    static Optional<String> vmid(LxcConfig config) {
        Matcher m = FILE_VMID.matcher(config.sourceName());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private void inlineComment(EntryLine e, int n) {
        String raw = e.valueRaw();
        int hash = -1;
        for (int i = 1; i < raw.length(); i++) {
            if (raw.charAt(i) == '#' && (raw.charAt(i - 1) == ' ' || raw.charAt(i - 1) == '\t')) {
                hash = i;
                break;
            }
        }
        if (hash < 0) {
            return;
        }
        String kept = raw.substring(hash).strip();
        add(DiagnosticCode.VAL_INLINE_COMMENT, Severity.WARNING, n, e.valueColumn() + raw.codePointCount(0, hash),
                "'" + kept + "' is part of the value: " + (proxmox ? "neither Proxmox nor liblxc has" : "liblxc has no")
                        + " inline comments",
                "move the comment to a line of its own above, starting with '#'");
    }

    /** Value checks the typed views do not already make. */
    private void value(EntryLine e, String key, String value, int n, KeyCatalog.KeyInfo info) {
        String grammar = info.grammar();
        String problem = null;
        if (info.kind() == KeyCatalog.Kind.PREFIX && key.equals(info.pattern())) {
            if (!value.isBlank()) {
                problem = "'" + key + "' alone only accepts an empty value (which clears every " + key
                        + ".* line above); got '" + value + "'";
            }
        } else if (value.isEmpty()) {
            if (grammar.contains("EMPTY VALUE IS AN ERROR")) {
                problem = "'" + key + "' must not be empty";
            }
        } else if (familyWithoutSubKey(key, info)) {
            problem = "'" + key + "' names no " + key.substring(4, key.length() - 1) + " entry after the '.'; only"
                    + " an empty value is accepted here";
        } else if (CHECKED_BY_VIEWS.contains(info.pattern())) {
            problem = null;
        } else if (LENIENT_NUMBERS.containsKey(key)) {
            problem = lenientNumber(e, n, value);
        } else if (PATH_MAX_KEYS.contains(key) && utf8Length(value) >= PATH_MAX) {
            problem = "'" + key + "' is " + utf8Length(value) + " bytes long; liblxc takes at most " + (PATH_MAX - 1)
                    + " (\"File name too long\")";
        } else if (key.equals("lxc.tty.dir") && utf8Length(value) >= NAME_MAX + 1) {
            problem = "'lxc.tty.dir' is " + utf8Length(value) + " bytes long; liblxc takes at most " + NAME_MAX
                    + " (\"File name too long\")";
        } else if (key.equals("lxc.rootfs.options")) {
            problem = rootfsOptions(e, n, value);
        } else if (key.startsWith("lxc.environment") && value.indexOf('=') < 0) {
            add(DiagnosticCode.VAL_DEPENDS_ON_LOADER, Severity.WARNING, n, e.valueColumn(),
                    "'" + key + " = " + value + "' copies " + value + " from the environment of the process that"
                            + " loads the file: liblxc refuses the file where " + value + " is not set, so whether"
                            + " it loads depends on that process, not on this file",
                    "write '" + key + " = " + value + "=VALUE' to give the value here");
        } else if (key.startsWith("lxc.prlimit.")) {
            problem = prlimit(value);
        } else if (key.equals("lxc.log.level")) {
            problem = logLevel(value, grammar);
        } else if (grammar.startsWith("relative path: must not start with '/'")) {
            if (value.startsWith("/")) {
                problem = "'" + key + "' must be a path relative to the cgroup LXC starts in, not '" + value + "'";
            } else if (value.contains("..")) {
                problem = "'" + key + "' must not contain '..', got '" + value + "'";
            }
        } else if (grammar.startsWith("single directory name")) {
            if (value.contains("/") || value.equals(".") || value.equals("..")) {
                problem = "'" + key + "' must be a single directory name (no '/', not '.' or '..'), got '"
                        + value + "'";
            }
        } else if (grammar.startsWith("'auto'") || grammar.startsWith("same as lxc.console.buffer.size")) {
            problem = byteSize(e, n, value);
        } else if (grammar.startsWith("daemon | local")) {
            if (!facilities(grammar).contains(value.toLowerCase(Locale.ROOT))) {
                problem = "unknown syslog facility '" + value + "'; liblxc accepts " + grammar
                        .substring(0, grammar.indexOf(" (")).replace(" | ", " or ");
            }
        } else if (key.equals("lxc.uts.name")) {
            Matcher m = AT_MOST_BYTES.matcher(grammar);
            int max = m.find() ? Integer.parseInt(m.group(1)) : 64;
            int bytes = value.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > max) {
                problem = "'lxc.uts.name' is " + bytes + " bytes long; the kernel allows at most " + max;
            }
        } else if (key.equals("lxc.arch")) {
            if (options.version().major() <= 5 && ARCHES_AFTER_5_0.contains(value)) {
                problem = "Unsupported personality \"" + value + "\": liblxc " + options.version().major()
                        + ".0 does not know this architecture name";
            }
            if (problem == null && !archNames(grammar).contains(value)) {
                problem = "unknown architecture '" + value + "'";
            }
        } else if (key.equals("lxc.init.groups")) {
            // set_config_init_groups: parts between commas (empty ones skipped), each read by lxc_safe_uint
            for (String token : value.split(",")) {
                if (!token.isEmpty() && CNumbers.safeUint(token).isEmpty()) {
                    problem = "Failed to parse group " + shown(token) + ": each group is a number (at most "
                            + UINT_MAX + "), groups are separated by ','" + octalNote(token);
                    break;
                }
            }
        } else if (key.equals("lxc.namespace.clone") || key.equals("lxc.namespace.keep")) {
            String names = KeyCatalog.between(keys.lookup("lxc.namespace.clone").orElseThrow().grammar(),
                    "namespace names: ", " (");
            Set<String> known = KeyCatalog.words(names);
            // liblxc splits at spaces and tabs and skips empty parts: a value of blanks names no namespace
            for (String token : value.split("[ \t]+")) {
                if (!token.isEmpty() && !known.contains(token.toLowerCase(Locale.ROOT))) {
                    problem = "Invalid namespace name \"" + token + "\"; known names: " + names.strip();
                    break;
                }
            }
        } else if (grammar.startsWith("0 or 1")) {
            Optional<BigInteger> v = CNumbers.safeUint(value);
            if (v.isEmpty() || v.get().compareTo(BigInteger.ONE) > 0) {
                problem = "'" + key + "' must be 0 or 1, got '" + shown(value) + "'";
            }
        } else if (grammar.startsWith("unsigned integer")) {
            if (CNumbers.safeUint(value).isEmpty()) {
                problem = "'" + key + "' must be an unsigned number (at most " + UINT_MAX + "), got '"
                        + shown(value) + "'" + octalNote(value);
            }
        } else if (grammar.startsWith("signed integer immediately followed by unit")
                || grammar.startsWith("same as lxc.time.offset.")) {
            problem = timeOffset(key, value);
        } else if (grammar.startsWith("signed integer")) {
            if (CNumbers.safeInt(value).isEmpty()) {
                problem = "'" + key + "' must be a number from " + CNumbers.INT_MIN + " to " + CNumbers.INT_MAX
                        + ", got '" + shown(value) + "'" + octalNote(value);
            }
        } else if (grammar.startsWith("signal:")) {
            if (!signal(value)) {
                problem = "'" + value + "' is not a signal: use a number, SIG<NAME> (such as SIGTERM),"
                        + " SIGRTMIN+n or SIGRTMAX-n";
            }
        }
        if (problem != null) {
            add(DiagnosticCode.VAL_INVALID_VALUE, severity(Severity.ERROR), n, e.valueColumn(),
                    problem + (proxmox ? "; liblxc would refuse the generated config, so the container would fail"
                            + " when it starts" : ": liblxc refuses the file"),
                    "value grammar: " + grammar);
        }
    }

    /**
     * What liblxc 5.0 finds wrong with an {@code lxc.prlimit.*} value when it loads the file, or null. The value
     * is {@code SOFT[:HARD]}, each {@code unlimited} or a number as C's {@code strtoull(s, NULL, 10)} reads it:
     * blanks and a sign before the digits are allowed, a negative number wraps around, a number past
     * 18446744073709551615 is refused, and no digits at all read as 0 ({@code ":5"} is {@code 0:5}).
     */
    static String prlimit(String value) {
        int i = limitEnd(value, 0);
        if (i < 0) {
            return "the limit in '" + value + "' is larger than 18446744073709551615";
        }
        i = skipSpace(value, i);
        if (i == value.length()) {
            return null;
        }
        if (value.charAt(i) != ':') {
            return "'" + value + "' is not a resource limit: write SOFT or SOFT:HARD, each a number or 'unlimited'";
        }
        i = limitEnd(value, skipSpace(value, i + 1));
        if (i < 0) {
            return "the hard limit in '" + value + "' is larger than 18446744073709551615";
        }
        if (skipSpace(value, i) != value.length()) {
            return "'" + value + "' is not a resource limit: write SOFT or SOFT:HARD, each a number or 'unlimited'";
        }
        return null;
    }

    /** Where one limit of a prlimit value ends; -1 when the number is too large for 64 bits. */
    private static int limitEnd(String s, int from) {
        if (s.startsWith("unlimited", from)) {
            return from + "unlimited".length();
        }
        int i = skipSpace(s, from);
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == digits) {
            return from;
        }
        return new BigInteger(s.substring(digits, i)).bitLength() > 64 ? -1 : i;
    }

    /** Skips what C's isspace() calls white space. */
    private static int skipSpace(String s, int from) {
        int i = from;
        while (i < s.length() && " \t\n\u000b\f\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /**
     * A byte size as liblxc's {@code parse_byte_size_string} reads it: {@code auto}, or at most 21 characters: a
     * number as {@code lxc_safe_long_long} reads it (base 0, so {@code 0x10} and {@code 010} count and {@code 08}
     * does not), then an optional two-letter unit KB, MB or GB; a one-letter unit is accepted but ignored (warned
     * here). The size must not be negative and, with its unit, fit in 63 bits. Returns the problem, or null.
     */
    private String byteSize(EntryLine e, int n, String value) {
        if (value.equals("auto")) {
            return null;
        }
        if (value.length() > 21) {
            return "'" + e.key() + "' is longer than 21 characters";
        }
        String number = value;
        String unit = "";
        int end = value.length();
        if (end >= 1 && isAsciiLetter(value.charAt(end - 1))) {
            int letters = end >= 2 && isAsciiLetter(value.charAt(end - 2)) ? 2 : 1;
            unit = value.substring(end - letters);
            number = value.substring(0, end - letters);
            int trimmed = number.length();
            while (trimmed > 0 && (number.charAt(trimmed - 1) == ' ' || number.charAt(trimmed - 1) == '\t')) {
                trimmed--;
            }
            number = number.substring(0, trimmed);
            if (letters == 2 && !unit.matches("(?i)[KMG]B")) {
                return "'" + shown(value) + "' ends in '" + unit + "', which is not a unit liblxc knows; '" + e.key()
                        + "' takes 'auto' or a number with an optional KB, MB or GB";
            }
        }
        Optional<BigInteger> size = CNumbers.safeLongLong(number);
        if (size.isEmpty() || size.get().signum() < 0) {
            return "'" + e.key() + "' must be 'auto' or a number of bytes with an optional KB, MB or GB, got '"
                    + shown(value) + "'" + octalNote(number);
        }
        if (unit.length() == 2) {
            int shift = switch (Character.toUpperCase(unit.charAt(0))) {
                case 'K' -> 10;
                case 'M' -> 20;
                default -> 30;
            };
            if (size.get().shiftLeft(shift).compareTo(CNumbers.LLONG_MAX) > 0) {
                return "'" + shown(value) + "' is more bytes than liblxc can count (at most " + CNumbers.LLONG_MAX
                        + ")";
            }
        }
        if (unit.length() == 1) {
            add(DiagnosticCode.VAL_SIZE_UNIT_IGNORED, Severity.WARNING, n, e.valueColumn(),
                    "'" + value + "' is read as " + size.get() + " byte(s): liblxc ignores a one-letter"
                            + " unit (only KB, MB and GB count)",
                    unit.equalsIgnoreCase("B") ? "write '" + number + "'"
                            : "write '" + number + unit.toUpperCase(Locale.ROOT) + "B'");
        }
        return null;
    }

    private static boolean isAsciiLetter(char c) {
        return c < 0x80 && Character.isLetter(c);
    }

    /** The syslog facilities of a grammar such as {@code daemon | local0..local7 (case-insensitive)}. */
    private static Set<String> facilities(String grammar) {
        Set<String> names = new LinkedHashSet<>();
        String list = grammar.contains(" (") ? grammar.substring(0, grammar.indexOf(" (")) : grammar;
        for (String token : list.split("\\|")) {
            String t = token.strip().toLowerCase(Locale.ROOT);
            Matcher range = Pattern.compile("([a-z]+)([0-9]+)\\.\\.\\1([0-9]+)").matcher(t);
            if (range.matches()) {
                for (int i = Integer.parseInt(range.group(2)); i <= Integer.parseInt(range.group(3)); i++) {
                    names.add(range.group(1) + i);
                }
            } else {
                names.add(t);
            }
        }
        return names;
    }

    private static String logLevel(String value, String grammar) {
        if (Character.isDigit(value.charAt(0))) {
            Optional<BigInteger> v = CNumbers.safeUint(value);
            if (v.isPresent()) {
                return v.get().compareTo(BigInteger.valueOf(8)) <= 0 ? null
                        : "log level '" + shown(value) + "' is out of range 0..8";
            }
            return "log level '" + shown(value) + "' is not a number from 0 to 8" + octalNote(value);
        }
        String names = KeyCatalog.between(grammar, "(case-insensitive): ", " (");
        return KeyCatalog.words(names).contains(value.toUpperCase(Locale.ROOT)) ? null
                : "unknown log level '" + value + "'; known names: " + names.strip();
    }

    /**
     * liblxc's {@code sig_parse}: a number as {@code lxc_safe_int} reads it (base 0) when the value starts with a
     * digit, {@code SIG} and a name (case-insensitive), or {@code SIGRTMIN+n} / {@code SIGRTMAX-n} with n a
     * base-0 number (so {@code SIGRTMIN+0003} is 3) from 0 to SIGRTMAX - SIGRTMIN.
     */
    private static boolean signal(String value) {
        if (value.isEmpty()) {
            return false;
        }
        if (value.charAt(0) >= '0' && value.charAt(0) <= '9') {
            return CNumbers.safeInt(value).isPresent();
        }
        if (!value.regionMatches(true, 0, "SIG", 0, 3)) {
            return false;
        }
        if (value.regionMatches(true, 3, "RTMIN+", 0, 6) || value.regionMatches(true, 3, "RTMAX-", 0, 6)) {
            String n = value.substring(9);
            Optional<BigInteger> v = n.isEmpty() || n.charAt(0) < '0' || n.charAt(0) > '9' ? Optional.empty()
                    : CNumbers.safeInt(n);
            return v.isPresent() && v.get().compareTo(BigInteger.valueOf(RT_SIGNAL_SPAN)) <= 0;
        }
        return SIGNALS.contains(value.substring(3).toUpperCase(Locale.ROOT));
    }

    /** strtoul base 0 as liblxc's {@code lxc_safe_ulong} reads it; null if invalid. Linear in the length. */
    static BigInteger unsigned(String value) {
        return CNumbers.safeUlong(value).orElse(null);
    }

    /** A family key with nothing after the family's '.' ({@code lxc.cgroup. = 1}): liblxc refuses its value. */
    private static boolean familyWithoutSubKey(String key, KeyCatalog.KeyInfo info) {
        return info.kind() == KeyCatalog.Kind.PREFIX && NAMED_FAMILIES.contains(key);
    }

    /** A value for a message: control characters as \\xNN, and at most 60 characters of it. */
    private static String shown(String value) {
        String v = value.length() > 60 ? value.substring(0, 57) + "..." : value;
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                b.append(String.format("\\x%02X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Explains a leading 0 that makes C read the digits as octal, where an 8 or 9 follows. */
    private static String octalNote(String value) {
        int i = CNumbers.skipSpace(value, 0);
        if (i < value.length() && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
            i++;
        }
        if (i + 1 < value.length() && value.charAt(i) == '0' && value.substring(i + 1).matches("[0-9]+")
                && value.substring(i + 1).matches(".*[89].*")) {
            return " (a leading 0 makes it an octal number, which has no digit 8 or 9)";
        }
        return "";
    }

    private static int utf8Length(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * A key whose liblxc 5.0 setter ignores a value that is no number (VAL020), and refuses a sign, a number past
     * 2^64 - 1 or, for lxc.hook.version, a number above 1.
     */
    private String lenientNumber(EntryLine e, int n, String value) {
        BigInteger max = LENIENT_NUMBERS.get(e.key());
        return switch (CNumbers.lenientUint(value, max)) {
            case TAKEN -> null;
            case REFUSED -> "'" + e.key() + "' must be a number from 0 to " + max + ", got '" + shown(value) + "'";
            case SIGN -> {
                add(DiagnosticCode.VAL_DEPENDS_ON_LOADER, Severity.WARNING, n, e.valueColumn(),
                        "'" + shown(value) + "' has a sign, which '" + e.key() + "' does not take: liblxc ignores the"
                                + " line, and refuses the file only when an error left by the process that loads it,"
                                + " or by an earlier line, is still pending",
                        "write a number from 0 to " + max + ", or remove the line");
                yield null;
            }
            case IGNORED -> {
                add(DiagnosticCode.VAL_VALUE_IGNORED, Severity.WARNING, n, e.valueColumn(),
                        "'" + shown(value) + "' is no number liblxc can store in '" + e.key() + "': it loads the file"
                                + " and ignores the line" + octalNote(value),
                        "write a number from 0 to " + max + ", or remove the line");
                yield null;
            }
        };
    }

    /**
     * liblxc's time offsets: {@code strtoll} base 10 after leading white space, then at most two characters
     * that, trimmed, are the unit h, m, s, ms, us or ns ({@code "1 h"} loads, {@code "1 ms"} does not), and the
     * offset converted to seconds (h, m) or nanoseconds (ms, us) must fit in 64 bits.
     */
    private static String timeOffset(String key, String value) {
        CNumbers.Scan scan = CNumbers.scan(value, 0, 10);
        String residual = value.substring(scan.end());
        String unit = residual.strip();
        String expected = "'" + key + "' must be a whole number followed by a unit (h, m, s, ms, us or ns) with at"
                + " most one blank between, got '" + shown(value) + "'";
        if (!scan.digits() || residual.length() >= 3 || !Set.of("h", "m", "s", "ms", "us", "ns").contains(unit)) {
            return expected;
        }
        BigInteger v = scan.value();
        if (v.compareTo(CNumbers.LLONG_MAX) > 0) {
            return "the offset in '" + shown(value) + "' is larger than " + CNumbers.LLONG_MAX;
        }
        v = v.max(CNumbers.LLONG_MIN); // strtoll saturates below
        long factor = switch (unit) {
            case "h" -> 3600;
            case "m" -> 60;
            case "ms" -> 1_000_000;
            case "us" -> 1_000;
            default -> 1;
        };
        BigInteger scaled = v.multiply(BigInteger.valueOf(factor));
        if (scaled.compareTo(CNumbers.LLONG_MAX) > 0 || scaled.compareTo(CNumbers.LLONG_MIN) < 0) {
            return "'" + shown(value) + "' overflows liblxc's 64-bit time offset";
        }
        return null;
    }

    /**
     * {@code lxc.rootfs.options}: liblxc refuses the options only LXC reads (create=, optional, relative) for the
     * rootfs, and opens an {@code idmap=PATH} user namespace while it loads, so that whether the file loads
     * depends on the loading process (VAL021).
     */
    private String rootfsOptions(EntryLine e, int n, String value) {
        // liblxc looks for each LXC option with strstr(): anywhere in the text, not option by option
        for (String option : LXC_ONLY_MOUNT_OPTIONS) {
            if (value.contains(option)) {
                return "'" + option + "' is a mount option only LXC reads, and liblxc refuses it for the rootfs"
                        + " (\"Invalid LXC specific mount option for rootfs mount\")";
            }
        }
        int idmap = value.indexOf("idmap=");
        if (idmap >= 0) {
            int end = value.indexOf(',', idmap);
            String path = value.substring(idmap + 6, end < 0 ? value.length() : end);
            if (!path.equals("container")) {
                add(DiagnosticCode.VAL_DEPENDS_ON_LOADER, Severity.WARNING, n, e.valueColumn(),
                        "liblxc opens the user namespace '" + path + "' while it loads the file and refuses the file"
                                + " when it cannot (a missing path, a namespace it may not use): that depends on the"
                                + " process that loads it, not on this file",
                        "check that the loading process can open " + path + ", or write idmap=container");
            }
        }
        return null;
    }

    private Severity severity(Severity forLxc) {
        return proxmox && forLxc == Severity.ERROR ? Severity.WARNING : forLxc;
    }

    private String startSuffix() {
        return proxmox ? "; the container would fail when it starts" : "";
    }

    private void add(DiagnosticCode code, Severity severity, int line, int column, String message, String hint) {
        out.add(new Diagnostic(severity, code, message, Optional.ofNullable(hint), config.sourceName(), line, column));
    }

    /**
     * Adds a diagnostic whose message (and hint, a String or a {@code Supplier<String>}) is built when it is read.
     * The supplier captures what the document holds anyway (its lines, the keys of the catalogue or of the file)
     * and line numbers, not sentences.
     */
    private void lazy(DiagnosticCode code, Severity severity, int line, int column, Supplier<String> message,
                      Object hint) {
        out.add(DiagnosticAccess.factory().create(severity, code, message, hint, config.sourceName(), line, column));
    }
}
