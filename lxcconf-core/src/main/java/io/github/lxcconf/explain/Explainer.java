package io.github.lxcconf.explain;

import io.github.lxcconf.include.EffectiveConfig;
import io.github.lxcconf.include.EffectiveValue;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.migrate.Change;
import io.github.lxcconf.migrate.Migration;
import io.github.lxcconf.migrate.MigrationOptions;
import io.github.lxcconf.model.AppArmor;
import io.github.lxcconf.model.Capability;
import io.github.lxcconf.model.CgroupVersion;
import io.github.lxcconf.model.CreateMode;
import io.github.lxcconf.model.DeviceAccess;
import io.github.lxcconf.model.DeviceCatalog;
import io.github.lxcconf.model.DeviceInfo;
import io.github.lxcconf.device.DevicePolicy;
import io.github.lxcconf.internal.MountTargets;
import io.github.lxcconf.model.MountPlacement;
import io.github.lxcconf.validate.ValidationOptions;
import io.github.lxcconf.device.DeviceVerdict;
import io.github.lxcconf.device.HostLayout;
import io.github.lxcconf.model.DeviceAccess;
import io.github.lxcconf.model.DeviceRule;
import io.github.lxcconf.model.DeviceType;
import io.github.lxcconf.model.IdMap;
import io.github.lxcconf.model.KnownDevice;
import io.github.lxcconf.model.LxcSettings;
import io.github.lxcconf.model.MountAuto;
import io.github.lxcconf.model.MountEntry;
import io.github.lxcconf.model.Seccomp;
import io.github.lxcconf.model.proxmox.DevicePassthrough;
import io.github.lxcconf.model.proxmox.DiskSize;
import io.github.lxcconf.model.proxmox.Features;
import io.github.lxcconf.model.proxmox.MountPoint;
import io.github.lxcconf.model.proxmox.OptionSchema;
import io.github.lxcconf.model.proxmox.PropertyString;
import io.github.lxcconf.syntax.BlankLine;
import io.github.lxcconf.syntax.CommentLine;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.Section;
import io.github.lxcconf.syntax.SectionKind;
import io.github.lxcconf.syntax.SectionLine;
import io.github.lxcconf.syntax.UnknownLine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the explanation of every line and the summary from the config's typed views. */
final class Explainer {
    /** The logger, made on first use: setting up logging is a noticeable part of a short run that never logs. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Explainer.class);
    }

    /** Device files LXC creates in every container (and allows in common.conf). */
    private static final Set<KnownDevice> LXC_CREATES = EnumSet.of(KnownDevice.NULL, KnownDevice.ZERO,
            KnownDevice.FULL, KnownDevice.RANDOM, KnownDevice.URANDOM, KnownDevice.TTY, KnownDevice.CONSOLE,
            KnownDevice.PTMX, KnownDevice.PTS);

    /** What the capabilities beginners meet most often let root do. */
    private static final Map<String, String> CAPABILITY_POWERS = Map.ofEntries(
            Map.entry("sys_admin", "mount file systems and many other administration tasks"),
            Map.entry("sys_module", "load kernel modules"),
            Map.entry("sys_time", "set the system clock"),
            Map.entry("sys_rawio", "raw access to hardware ports and memory"),
            Map.entry("mac_admin", "change AppArmor or SELinux rules"),
            Map.entry("mac_override", "bypass AppArmor or SELinux rules"),
            Map.entry("net_admin", "configure network interfaces, routes and firewalls"),
            Map.entry("net_raw", "send raw network packets, as ping does"),
            Map.entry("sys_boot", "reboot the machine"),
            Map.entry("mknod", "create device files"),
            Map.entry("sys_ptrace", "inspect and control other processes"),
            Map.entry("sys_nice", "raise process priorities"),
            Map.entry("sys_resource", "exceed resource limits"),
            Map.entry("syslog", "read and clear the kernel log"),
            Map.entry("audit_control", "configure kernel auditing"),
            Map.entry("audit_write", "write to the kernel audit log"),
            Map.entry("sys_pacct", "turn process accounting on or off"),
            Map.entry("wake_alarm", "set timers that wake the system"),
            Map.entry("setfcap", "give programs capabilities"),
            Map.entry("setpcap", "change process capabilities"));

    private static final Pattern INDEXED = Pattern.compile("([a-z]+)([0-9]+)");
    private static final Pattern DEVICE_RULE_KEY = Pattern.compile("lxc\\.cgroup2?\\.devices\\.(allow|deny)");
    private static final Pattern NET_KEY = Pattern.compile("lxc\\.net\\.([0-9]+)\\.(.+)");
    private static final Pattern LEADING_SLASHES = Pattern.compile("^/+");
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Pattern WHOLE_NUMBER_OPTION = Pattern.compile("memory|swap|cores|cpuunits|tty");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern PVE_TRUE = Pattern.compile("(?i)1|yes|on|true");
    private static final Pattern ACCESS_PREFIX = Pattern.compile("^'[a-z]*' = ");
    private static final Pattern FINAL_DOT = Pattern.compile("\\.$");

    private final LxcConfig config;
    private java.lang.ref.SoftReference<DevicePolicy> devicePolicy = new java.lang.ref.SoftReference<>(null);
    private final boolean proxmox;
    /**
     * The device rules of the typed view whose line holds a NUL (the view reads such a line up to the NUL): every
     * other line's rule is read again from the line when it is explained, so that an explanation keeps no typed
     * view of a large file while it is written out.
     */
    private final ByLine<DeviceRule> rulesByLine;
    /** The lines of the deny-every-device rules, in the order of the device rule view. */
    private final List<Integer> globalDenyLines = new ArrayList<>();
    /** The mount entries of the typed view whose line holds a NUL, as {@link #rulesByLine}. */
    private final ByLine<MountEntry> mountsByLine;
    /** The line of the last lxc.seccomp.profile setting the typed view read, or -1. */
    private final int lastProfileLine;
    private final ByLine<Diagnostic> diagnosticsByLine;

    /** The last deny-every-device rule of included files (such as common.conf) by key, when includes were resolved. */
    private final Map<String, EffectiveValue> includedDenyAll = new HashMap<>();
    private final Optional<EffectiveConfig> effective;
    /** The liblxc release line and host layout the explanation is for. */
    private final ValidationOptions options;
    /** For raw lines a devN option can replace: the sentences that say how. */
    private final Map<Integer, List<String>> devOptionByLine = new HashMap<>();
    /** The seccomp policy of lxc.seccomp.profile, once read (null until asked). */
    private Optional<io.github.lxcconf.seccomp.SeccompPolicy> profilePolicy;

    Explainer(LxcConfig config) {
        this(config, Optional.empty());
    }

    Explainer(LxcConfig config, Optional<EffectiveConfig> effective) {
        this(config, effective, ValidationOptions.defaults());
    }

    Explainer(LxcConfig config, Optional<EffectiveConfig> effective, ValidationOptions options) {
        this.options = options;
        effective.ifPresent(e -> e.entries().stream()
                .filter(v -> (v.key().equals("lxc.cgroup.devices.deny") || v.key().equals("lxc.cgroup2.devices.deny"))
                        && v.value().trim().equals("a")
                        && !v.provenance().source().equals(config.sourceName()))
                .forEach(v -> includedDenyAll.put(v.key(), v)));
        this.config = config;
        this.effective = effective;
        this.proxmox = config.dialect() == Dialect.PROXMOX;
        if (proxmox) {
            devOptions();
        }
        // validate() reports the syntax and typed-view diagnostics too; with includes resolved, the include
        // problems of this file's own lxc.include lines are added. The same code on the same line with the same
        // message is one problem, whichever list reports it.
        ByLine.Builder<Diagnostic> byLine = new ByLine.Builder<>();
        for (Diagnostic d : config.validate(options.includeBase().isPresent()
                ? new ValidationOptions(options.version(), options.cgroup2Host(), Optional.empty()) : options)
                .diagnostics()) {
            if (d.source().equals(config.sourceName())) {
                byLine.add(d.line(), d);
            }
        }
        for (Diagnostic d : effective.map(EffectiveConfig::diagnostics).orElse(List.of())) {
            if (d.source().equals(config.sourceName())) {
                byLine.add(d.line(), d);
            }
        }
        this.diagnosticsByLine = byLine.build().distinct((a, b) -> a.code() == b.code()
                && a.message().equals(b.message()));
        // after validating, and in a method of its own: the typed view, which the config holds softly, is not
        // held here while validate() runs, nor after
        View view = view();
        this.rulesByLine = view.rules();
        this.mountsByLine = view.mounts();
        this.lastProfileLine = view.lastProfileLine();
    }

    /** What the explanation of the lines takes from the typed view: see {@link #rulesByLine}. */
    private record View(ByLine<DeviceRule> rules, ByLine<MountEntry> mounts, int lastProfileLine) {
    }

    private View view() {
        LxcSettings lxc = config.lxc();
        ByLine.Builder<DeviceRule> rules = new ByLine.Builder<>();
        for (DeviceRule rule : lxc.deviceRules()) {
            rule.origin().filter(o -> hasNul(o.lineNumber())).ifPresent(o -> rules.add(o.lineNumber(), rule));
            if (!rule.allow() && rule.isGlobal()) {
                globalDenyLines.add(rule.origin().map(o -> o.lineNumber()).orElse(Integer.MAX_VALUE));
            }
        }
        ByLine.Builder<MountEntry> mounts = new ByLine.Builder<>();
        for (MountEntry entry : lxc.mountEntries()) {
            entry.origin().filter(o -> hasNul(o.lineNumber())).ifPresent(o -> mounts.add(o.lineNumber(), entry));
        }
        int lastProfileLine = lxc.seccomp().origins().stream().filter(o -> o.key().equals("lxc.seccomp.profile"))
                .mapToInt(o -> o.lineNumber()).max().orElse(-1);
        return new View(rules.build(), mounts.build(), lastProfileLine);
    }

    /** Whether a line (from 1) holds a NUL, where the typed view's value differs from the line's. */
    private boolean hasNul(int number) {
        return number >= 1 && number <= config.lines().size()
                && config.lines().get(number - 1).content().indexOf('\0') >= 0;
    }

    /**
     * Raw device passthrough (an allow rule plus the bind mount of that node) that a devN option can replace:
     * the Proxmox device migration of {@link LxcConfig#migrate(MigrationOptions)} finds the pairs and writes the
     * devN line; its changes give, for each raw line, the line to use instead.
     */
    private void devOptions() {
        boolean rules = false;
        boolean mounts = false;
        for (EntryLine e : config.mainSection().entries()) {
            rules |= e.key().equals("lxc.cgroup2.devices.allow") || e.key().equals("lxc.cgroup.devices.allow");
            mounts |= e.key().equals("lxc.mount.entry");
        }
        if (!rules || !mounts) {
            return;
        }
        Migration migration;
        try {
            // advice on what a devN option would do: the widening it brings is what the advice is about
            migration = config.migrate(MigrationOptions.all().withLegacyKeys(false).withCgroup2(false).withWidening(true));
        } catch (RuntimeException e) {
            // the explanation of the lines stands without the devN advice; a failure here is a bug to report
            Log.LOG.warn("{}: devN advice skipped, the device migration failed", config.sourceName(), e);
            return;
        }
        for (Change c : migration.changes()) {
            if (c.newLines().isEmpty() || c.relatedLines().isEmpty()) {
                continue; // the devN line stands on the rule's change, which names its bind mounts
            }
            String devLine = c.newLines().get(0).strip();
            List<Integer> numbers = new ArrayList<>(c.relatedLines());
            numbers.add(c.line());
            numbers.sort(null);
            String lineList = numbers.size() == 1 ? "line " + numbers.get(0) : "lines "
                    + String.join(", ", numbers.subList(0, numbers.size() - 1).stream().map(String::valueOf).toList())
                    + " and " + numbers.get(numbers.size() - 1);
            List<String> sentences = new ArrayList<>();
            sentences.add("On Proxmox VE 8.1 and later, one devN option can replace this raw rule and bind mount ("
                    + lineList + "): '" + devLine + "'.");
            sentences.add(c.reason());
            int colon = devLine.indexOf(':');
            String devValue = colon < 0 ? "" : devLine.substring(colon + 1).strip();
            if (devValue.startsWith("/dev/dri/")) {
                sentences.add("For a GPU, add gid= with the ID that the group using it (render or video) has inside"
                        + " the container: '" + devLine + ",gid=104' where render is 104, as in Debian and Ubuntu"
                        + " templates (hosts often use 992 or 993).");
            }
            for (int n : numbers) {
                devOptionByLine.put(n, sentences);
            }
        }
    }

    // ------------------------------------------------------------------ lines

    /** The number of lines explained: one per line of the config. */
    int size() {
        return config.lines().size();
    }

    /**
     * Explains the line at an index (0-based). Reads the config and the maps built by the constructor only, so
     * lines can be explained in any order, again, and from several threads.
     */
    LineExplanation line(int i) {
        List<Line> lines = config.lines();
        Line line = lines.get(i);
        int number = i + 1;
        List<String> s = new ArrayList<>();
        if (line instanceof SectionLine header) {
            explainSection(header, s);
        } else if (line instanceof BlankLine) {
            s.add("An empty line: " + (proxmox ? "Proxmox" : "LXC") + " skips it.");
            if (proxmox) {
                s.add("Proxmox removes blank lines the next time it rewrites this file.");
            }
        } else if (line instanceof CommentLine comment) {
            int first = i;
            while (first > 0 && lines.get(first - 1) instanceof CommentLine) {
                first--;
            }
            if (first < i) {
                // one block of comments is explained once, at its first line
                s.add("Part of the comment block that starts on line " + (first + 1) + ".");
            } else {
                explainComment(s);
            }
            notes(comment, s);
        } else if (line instanceof UnknownLine unknown) {
            s.add("This line is neither a setting, a comment nor a section header, so "
                    + (proxmox ? "Proxmox" : "liblxc") + " cannot read it: " + sentence(unknown.reason()));
            unknown.hint().ifPresent(h -> s.add("Fix: " + sentence(h)));
        } else if (line instanceof EntryLine entry) {
            explainEntry(entry, number, s);
            Section section = sectionAt(i);
            if (section.kind() == SectionKind.SNAPSHOT) {
                s.add("This line belongs to the snapshot [" + section.name().orElseThrow()
                        + "], not to the running container.");
            } else if (section.kind() == SectionKind.PENDING) {
                s.add("This change is pending: Proxmox applies it the next time the container starts.");
            }
        }
        s.addAll(devOptionByLine.getOrDefault(number, List.of()));
        for (Diagnostic d : diagnosticsByLine.all(number)) {
            if (!(line instanceof UnknownLine unknown && unknown.code() == d.code())) {
                problem(d, s);
            }
        }
        if (s.isEmpty()) {
            s.add("A line of the file.");
        }
        return new LineExplanation(number, line.content(), s);
    }

    /** The section the line at an index (0-based) belongs to: the last one starting at or before it. */
    private Section sectionAt(int i) {
        List<Section> sections = config.sections();
        int lo = 0;
        int hi = sections.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (sections.get(mid).firstLineNumber() - 1 <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return sections.get(lo);
    }

    /**
     * A diagnostic in plain words: who refuses the line and when (unless the message already says it), or that
     * it is a warning or a note, then the hint. Proxmox's own refusals name Proxmox; a refused lxc.* value of a
     * Proxmox config fails when the container starts, since Proxmox hands the raw lines to liblxc only then.
     */
    private void problem(Diagnostic d, List<String> s) {
        String prefix = switch (d.severity()) {
            case ERROR -> d.message().startsWith("Proxmox refuses") || d.message().startsWith("liblxc refuses")
                    ? "Error: "
                    : d.code().id().startsWith("PVE") ? "Proxmox refuses this: "
                    : proxmox ? "The container would fail to start: " : "liblxc refuses this at load: ";
            case WARNING -> "Warning: ";
            case INFO -> "Note: ";
        };
        s.add(prefix + sentence(d.message()));
        d.hint().filter(h -> !h.isBlank()).ifPresent(h -> s.add("Hint: " + sentence(h)));
    }

    private void explainSection(SectionLine header, List<String> s) {
        if (header.kind() == SectionKind.PENDING) {
            s.add("Starts the [pve:pending] section: changes made while the container was running, which Proxmox"
                    + " applies the next time it starts (a 'delete:' line lists options to remove).");
        } else {
            s.add("Starts the snapshot [" + header.name() + "]: the lines below it, up to the next [section],"
                    + " are the container's settings as they were when the snapshot was taken.");
            s.add("They do not change the running container; Proxmox uses them when you roll back to this snapshot.");
        }
    }

    /** In a Proxmox config, how a comment with %XX escapes reads in the Notes. */
    private void notes(CommentLine comment, List<String> s) {
        String text = comment.content();
        if (!proxmox || !text.startsWith("#") || !text.matches(".*%[0-9A-Fa-f]{2}.*")) {
            return;
        }
        String decoded = io.github.lxcconf.model.proxmox.Description.decode(text.substring(1));
        if (!decoded.equals(text.substring(1))) {
            s.add("In the Notes it reads: " + decoded.strip());
        }
    }

    private void explainComment(List<String> s) {
        if (proxmox) {
            s.add("A comment: Proxmox does not read it as a setting.");
            s.add("Proxmox shows comments as the container's Notes (its description) and moves them to the top"
                    + " of their section the next time it rewrites this file.");
        } else {
            s.add("A comment: LXC ignores lines that start with #.");
        }
    }

    private void explainEntry(EntryLine entry, int number, List<String> s) {
        String key = entry.key();
        if (entry.isLxcKey()) {
            explainLxc(entry, number, s);
            if (proxmox) {
                s.add("A raw LXC line in a Proxmox config: Proxmox passes it on to LXC when it starts the"
                        + " container (except the few lxc.* keys it manages itself).");
            }
        } else if (proxmox) {
            explainProxmox(entry, s);
        } else {
            s.add("'" + key + "' is not an lxc.* key, so liblxc refuses to load this file.");
        }
    }

    // ------------------------------------------------------------------ LXC keys

    private void explainLxc(EntryLine entry, int number, List<String> s) {
        String key = entry.key();
        String value = entry.value();
        if (DEVICE_RULE_KEY.matcher(key).matches() && value.isBlank()) {
            explainDeviceClear(key, number, s);
            return;
        }
        if (DEVICE_RULE_KEY.matcher(key).matches()) {
            CgroupVersion version = key.startsWith("lxc.cgroup2.") ? CgroupVersion.V2 : CgroupVersion.V1;
            boolean allow = key.endsWith(".allow");
            Optional<DeviceRule> rule = rulesByLine.last(number);
            if (rule.isEmpty()) {
                try {
                    rule = Optional.of(DeviceRule.parse(version, allow, value));
                } catch (IllegalArgumentException e) {
                    rule = Optional.empty();
                }
            }
            explainDeviceRule(entry, number, version, allow, rule, s);
            return;
        }
        if (key.equals("lxc.mount.entry")) {
            Optional<MountEntry> mount = mountsByLine.last(number);
            if (mount.isEmpty() && !value.isEmpty()) {
                try {
                    mount = Optional.of(MountEntry.parse(value));
                } catch (IllegalArgumentException e) {
                    mount = Optional.empty();
                }
            }
            explainMount(value, mount, s);
            return;
        }
        if (value.isEmpty() && !key.equals("lxc.apparmor.profile") && !key.equals("lxc.seccomp.profile")) {
            s.add(io.github.lxcconf.validate.KeyCatalog.standard().isList(key)
                    ? "An LXC setting with an empty value: " + key + " is a list, so this clears every value set"
                    + " above it (and in included files)."
                    : io.github.lxcconf.validate.KeyCatalog.standard().isSingleValued(key)
                    ? "An LXC setting with an empty value: " + key + " holds one value, so this sets it back to"
                    + " the default."
                    : "An LXC setting with an empty value: for a list it clears every value set above it (and in"
                    + " included files); for a single setting it goes back to the default.");
            if (key.equals("lxc.cap.drop") || key.equals("lxc.cap.keep")) {
                s.add(capabilityClear());
            }
            meaning(key, s);
            return;
        }
        switch (key) {
            case "lxc.idmap" -> explainIdMap(value, s);
            case "lxc.cap.drop" -> explainCaps(value, true, s);
            case "lxc.cap.keep" -> explainCaps(value, false, s);
            case "lxc.mount.auto" -> explainMountAuto(value, s);
            case "lxc.apparmor.profile" -> explainAppArmor(value, s);
            case "lxc.apparmor.allow_nesting" -> s.add(flag(value)
                    ? "Lets the container start nested containers under AppArmor: LXC uses a profile that allows"
                    + " the mounts nesting needs (this relaxes the confinement)."
                    : "Does not relax AppArmor for nested containers (the default).");
            case "lxc.apparmor.allow_incomplete" -> s.add(flag(value)
                    ? "Starts the container even if the host's AppArmor cannot confine it fully (weaker isolation)."
                    : "Refuses to start without full AppArmor confinement (the default).");
            case "lxc.seccomp.profile" -> {
                s.add(value.isEmpty()
                        ? "Clears the seccomp profile: no system call filter is loaded (a relaxation)."
                        : "Loads the seccomp profile " + value + ": a list of system calls (kernel functions) the"
                        + " container is allowed or denied to call, such as kexec_load or init_module.");
                if (!value.isEmpty() && isLastProfileLine(number)) {
                    profilePolicy().ifPresent(p -> s.add(profileSentence(p)));
                }
            }
            case "lxc.seccomp.allow_nesting" -> s.add(flag(value)
                    ? "Lets processes in the container add their own seccomp filters, so nested containers work."
                    : "Does not let the container stack its own seccomp filters (the default).");
            case "lxc.include" -> s.add("Reads the file " + value + " here, as if its lines were written at this"
                    + " place; if it is a directory, every *.conf file in it is read, in the order the directory"
                    + " lists them (not necessarily alphabetical).");
            case "lxc.rootfs.path" -> s.add("The container's root filesystem (what it sees as /) is " + value + ".");
            case "lxc.uts.name" -> s.add("The container's hostname is " + value + ".");
            case "lxc.arch" -> s.add("The container's programs are built for the " + value + " architecture.");
            case "lxc.start.auto" -> s.add(flag(value)
                    ? "The container starts automatically when the host boots."
                    : "The container does not start automatically when the host boots.");
            default -> explainOtherLxc(key, value, s);
        }
    }

    private void explainOtherLxc(String key, String value, List<String> s) {
        if (key.startsWith("lxc.cgroup2.") || key.startsWith("lxc.cgroup.")) {
            boolean v1 = key.startsWith("lxc.cgroup.");
            String file = key.substring(v1 ? "lxc.cgroup.".length() : "lxc.cgroup2.".length());
            s.add("A cgroup " + (v1 ? "v1" : "v2") + " setting: LXC writes " + value + " into the cgroup file "
                    + file + ", which limits or accounts a resource (memory, CPU, I/O, processes) for the whole"
                    + " container.");
            if (v1) {
                cgroupV1Warning(null, s);
            }
            return;
        }
        Matcher net = NET_KEY.matcher(key);
        if (net.matches()) {
            s.add("Sets " + net.group(2) + " of the container's network interface number " + net.group(1)
                    + " to " + value + ".");
        } else if (key.startsWith("lxc.environment")) {
            s.add("Sets the environment variable " + value + " for the container's first process.");
        } else if (key.startsWith("lxc.hook.")) {
            s.add("Runs the program " + value + " at the '" + key.substring("lxc.hook.".length())
                    + "' moment of the container's life (a hook).");
        } else if (key.startsWith("lxc.sysctl.")) {
            s.add("Sets the kernel parameter " + key.substring("lxc.sysctl.".length()) + " to " + value
                    + " inside the container.");
        } else if (key.startsWith("lxc.prlimit.")) {
            s.add("Sets the resource limit " + key.substring("lxc.prlimit.".length()) + " to " + value
                    + " for the container's processes.");
        } else {
            s.add("The LXC setting " + key + " is set to " + value + ".");
        }
        if (LxcKeyMeanings.meaning(key).isEmpty()) {
            s.add(key + " is not in liblxc's table of keys: liblxc refuses to load a file with a key it does not"
                    + " know (an old key name has to be renamed).");
        }
        meaning(key, s);
    }

    /** What an empty lxc.cap.drop or lxc.cap.keep line means, naming the defaults when the includes were read. */
    private String capabilityClear() {
        String what = "lxc.cap.drop and lxc.cap.keep share one list, so this empties it: the container keeps every"
                + " capability that lines above and included files would drop";
        Optional<List<String>> included = effective.map(CapabilitySummary::includedDrops);
        if (included.isPresent()) {
            return what + (included.get().isEmpty() ? " (the included files drop none)."
                    : ", here " + String.join(", ", included.get()) + " from the included files.");
        }
        boolean privilegedProxmox = proxmox && !config.proxmox().unprivileged() && config.lxc().idMaps().isEmpty();
        return what + (privilegedProxmox ? " (with Proxmox's usual includes, LXC's common.conf drops "
                + CapabilitySummary.LXC_COMMON_CONF_DROPS + ")." : ".");
    }

    private static void meaning(String key, List<String> s) {
        LxcKeyMeanings.meaning(key).ifPresent(m -> s.add("LXC's key table says: " + sentence(m)));
    }

    /** The first (in the view's order) deny-every-device rule above a line, as the view lists them. */
    private OptionalInt globalDenyBefore(int number) {
        for (int line : globalDenyLines) {
            if (line < number) {
                return OptionalInt.of(line);
            }
        }
        return OptionalInt.empty();
    }

    /** An empty device line: what {@link DevicePolicy#clearedBy} says it takes out of the list. */
    private void explainDeviceClear(String key, int number, List<String> s) {
        List<io.github.lxcconf.device.DecidingLine> cleared = devicePolicy().clearedBy(config.sourceName(), number);
        s.add("An empty " + key + ": liblxc removes every " + key + " rule read before this line, in this file and"
                + " in the files included before it, and loads the config as usual; it is how LXC's userns.conf"
                + " starts the device list afresh, and it does not stop the container from starting.");
        if (cleared.isEmpty()) {
            s.add("No " + key + " rule is read before it here, so it removes nothing.");
        } else {
            Map<String, Integer> bySource = new LinkedHashMap<>();
            cleared.forEach(l -> bySource.merge(l.source().equals(config.sourceName()) ? "this file" : l.source(), 1,
                    Integer::sum));
            List<String> parts = new ArrayList<>();
            bySource.forEach((source, count) -> parts.add(count + " from " + source));
            s.add("Here it removes " + cleared.size() + " rule" + (cleared.size() == 1 ? "" : "s") + " ("
                    + String.join(", ", parts) + ").");
        }
    }

    /**
     * The device policy, made on first use and held softly: the summary and empty device lines ask it, and for a
     * large config it is as large as its device lines, which an explanation being written out need not keep.
     */
    synchronized DevicePolicy devicePolicy() {
        DevicePolicy policy = devicePolicy.get();
        if (policy == null) {
            policy = DevicePolicy.of(config);
            devicePolicy = new java.lang.ref.SoftReference<>(policy);
        }
        return policy;
    }

    private void explainDeviceRule(EntryLine entry, int number, CgroupVersion version, boolean allow,
                                   Optional<DeviceRule> parsed, List<String> s) {
        s.add("A cgroup device-access rule: it " + (allow ? "allows" : "forbids")
                + " the container to use a device (a file under /dev through which programs talk to hardware"
                + " or to a kernel driver).");
        if (parsed.isEmpty()) {
            s.add("liblxc stores this rule without checking it, but it is not a valid rule, so the container"
                    + " would fail to start.");
        } else {
            DeviceRule rule = parsed.get();
            if (rule.isGlobal()) {
                s.add(allow
                        ? "'a' means every device, of every type and number: the container may use all of the"
                        + " host's devices, which removes this layer of protection."
                        : "'a' means every device: the container may use none, except those allowed again by"
                        + " later rules; LXC's default config (common.conf) starts with this line.");
            } else if (rule.path().isPresent()) {
                s.add("The device is named by its path " + rule.path().get()
                        + ": LXC looks up its type and numbers on the host when the container starts.");
                rule.deviceInfo().ifPresent(d -> s.add(sentence(rule.path().get() + " is " + describe(d))));
                s.add(accessSentence(rule.access()));
            } else {
                s.add(typeSentence(rule.type()));
                numbersSentences(rule, s);
                s.add(accessSentence(rule.access()));
            }
            if (allow && !(rule.isGlobal())) {
                OptionalInt denyLine = globalDenyBefore(number);
                if (denyLine.isPresent()) {
                    s.add("It re-allows what the deny-every-device rule 'a' on line " + denyLine.getAsInt()
                            + " of this file took away.");
                } else if (includedDenyAll.containsKey(rule.version().key(false))) {
                    EffectiveValue deny = includedDenyAll.get(rule.version().key(false));
                    s.add(deny.provenance() + " denies every device (" + deny.key() + " = a); this line allows "
                            + rule.deviceInfo().map(d -> d.name()).orElse("this device") + " back.");
                } else {
                    s.add("It re-allows what LXC's default lxc.cgroup.devices.deny = a (common.conf) took away:"
                            + " by default a container may use only a short list of devices such as /dev/null,"
                            + " /dev/zero and /dev/tty.");
                }
                Optional<KnownDevice> known = KnownDevice.of(rule);
                if (known.isPresent() && LXC_CREATES.contains(known.get())) {
                    s.add("LXC itself creates this device file in every container.");
                } else if (rule.access().read() || rule.access().write()) {
                    s.add("The rule only gives permission: the device file must also exist inside the container,"
                            + " for example through an lxc.mount.entry bind mount"
                            + (proxmox ? " or a devN option." : "."));
                }
            }
        }
        if (version == CgroupVersion.V1) {
            String sep = entry.separator().contains(":") ? ": " : " = ";
            cgroupV1Warning(CgroupVersion.V2.key(allow) + sep + entry.value(), s);
        }
    }

    private static void cgroupV1Warning(String replacement, List<String> s) {
        s.add("This is a cgroup v1 key: on a cgroup2 host (Proxmox VE 7 and later, and most current"
                + " distributions) it is ignored"
                + (replacement == null ? ", and the matching lxc.cgroup2.* key is needed."
                : ", and '" + replacement + "' is needed instead."));
    }

    private static String typeSentence(DeviceType type) {
        return switch (type) {
            case CHAR -> "'c' = character device: a device read and written as a stream of bytes"
                    + " (terminals, /dev/kvm, /dev/net/tun, serial ports).";
            case BLOCK -> "'b' = block device: a storage device read and written in blocks (disks, partitions,"
                    + " loop devices).";
            case ALL -> "'a' as the type = both character and block devices.";
        };
    }

    private static void numbersSentences(DeviceRule rule, List<String> s) {
        String majorText = rule.major().isPresent() ? Integer.toString(rule.major().getAsInt()) : "*";
        String minorText = rule.minor().isPresent() ? Integer.toString(rule.minor().getAsInt()) : "*";
        String numbers = majorText + ":" + minorText;
        String what = rule.type() == DeviceType.BLOCK ? "block" : rule.type() == DeviceType.CHAR ? "character" : "";
        if (rule.major().isEmpty()) {
            s.add(numbers + " uses the wildcard * for the major number (the driver) and the minor number (the"
                    + " device of that driver): it covers every " + what + (what.isEmpty() ? "" : " ")
                    + "device there is.");
            return;
        }
        int major = rule.major().getAsInt();
        Optional<KnownDevice> known = KnownDevice.of(rule);
        if (rule.minor().isPresent()) {
            Optional<DeviceInfo> info = rule.deviceInfo();
            if (info.isPresent()) {
                s.add(numbers + " is " + info.get().name() + " (" + purpose(info.get(), known) + ").");
            } else {
                s.add(numbers + " is major " + major + ", minor " + rule.minor().getAsInt()
                        + ", a device the Linux device list does not name.");
            }
        } else {
            List<DeviceInfo> all = DeviceCatalog.devicesOf(rule.type(), major);
            if (all.isEmpty()) {
                s.add(numbers + " means every minor number of major " + major
                        + ", a major the Linux device list does not name.");
            } else {
                List<String> names = new ArrayList<>();
                for (DeviceInfo d : all) {
                    names.add(describe(d));
                }
                s.add(numbers + " means every device of major " + major + " (the * covers every minor number): "
                        + String.join("; ", names) + ".");
                known.ifPresent(k -> s.add("They are used for " + k.purpose() + "."));
            }
        }
        if (DeviceCatalog.isDynamicMajor(rule.type(), major)) {
            s.add("Major " + major + " is in a range the kernel hands out at boot (dynamic), so the same number"
                    + " may name a different device on another host or after a reboot; check /proc/devices.");
            List<String> dynamic = new ArrayList<>();
            for (DeviceInfo d : DeviceCatalog.all()) {
                if (d.major().equals("(dynamic)") && (rule.type() == DeviceType.ALL || d.type() == rule.type())) {
                    dynamic.add(d.name());
                }
            }
            if (!dynamic.isEmpty()) {
                s.add("Devices that get such numbers include " + String.join("; ", dynamic) + ".");
            }
        }
    }

    private static String purpose(DeviceInfo info, Optional<KnownDevice> known) {
        return known.map(KnownDevice::purpose).orElse(info.description());
    }

    private static String describe(DeviceInfo d) {
        Optional<KnownDevice> known = KnownDevice.byPath(d.name());
        String what = known.map(KnownDevice::purpose).orElse(d.description());
        return d.name().startsWith("(") ? what : d.name() + " (" + what + ")";
    }

    private static String accessSentence(DeviceAccess access) {
        List<String> parts = new ArrayList<>();
        if (access.read()) {
            parts.add("read");
        }
        if (access.write()) {
            parts.add("write");
        }
        if (access.mknod()) {
            parts.add("mknod (create the device node)");
        }
        String list = parts.size() <= 1 ? String.join("", parts)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        String sentence = "'" + access.toValue() + "' = " + list + ".";
        if (access.mknod() && !access.read() && !access.write()) {
            sentence += " With 'm' alone the container may create device files but not open them.";
        }
        return sentence;
    }

    private void explainMount(String value, Optional<MountEntry> parsed, List<String> s) {
        if (parsed.isEmpty()) {
            s.add("A mount entry (one line in the format of /etc/fstab) that LXC cannot read: the container would"
                    + " fail to start.");
            return;
        }
        MountEntry m = parsed.get();
        if (m.isBind()) {
            s.add("A bind mount: the host's " + m.source() + " also appears inside the container at "
                    + m.target() + ", so both see the same " + (m.source().startsWith("/dev/") ? "device" : "files")
                    + ".");
        } else {
            s.add("Mounts a file system of type " + m.fsType() + " from " + m.source() + " at " + m.target()
                    + " inside the container.");
        }
        MountPlacement placement = MountTargets.placement(config, m);
        String relative = LEADING_SLASHES.matcher(m.target()).replaceFirst("");
        if (placement.kind() == MountPlacement.Kind.INSIDE_ROOTFS) {
            s.add("The target starts with / but contains the container's rootfs path, so LXC mounts it at "
                    + placement.containerPath().orElse("/") + " inside the container.");
        } else if (placement.kind() == MountPlacement.Kind.IGNORED) {
            s.add("The target starts with / and does not contain the container's rootfs path, so LXC skips this"
                    + " entry when the container starts (\"Ignoring mount point\"); written relative (" + relative
                    + ") it would be mounted inside the container.");
        } else if (placement.kind() == MountPlacement.Kind.NO_ROOTFS) {
            s.add("The target starts with / and this config sets no lxc.rootfs.path: for a container without a root"
                    + " filesystem of its own it is a path on the host; where the root filesystem is set elsewhere,"
                    + " LXC skips the entry unless the target contains its path. Written relative (" + relative
                    + ") it is a path inside the container.");
        } else {
            s.add("The target " + m.target() + " has no leading /: it is relative to the container's root"
                    + " filesystem, which is what LXC expects.");
        }
        for (String option : m.options()) {
            optionSentence(option, m).ifPresent(s::add);
        }
        if (m.source().startsWith("/dev/")) {
            Optional<KnownDevice> known = KnownDevice.byPath(m.source());
            Optional<DeviceInfo> info = DeviceCatalog.byPath(m.source());
            if (known.isPresent()) {
                s.add(m.source() + " is for " + known.get().purpose() + ".");
            } else {
                info.ifPresent(d -> s.add(sentence(m.source() + " is " + d.description())));
            }
            if (m.isBind() && m.create().isEmpty()) {
                s.add("Without create=file the mount fails if " + m.target()
                        + " does not exist inside the container yet.");
            }
        }
    }

    private static Optional<String> optionSentence(String option, MountEntry m) {
        Optional<CreateMode> create = CreateMode.ofOption(option);
        if (create.isPresent()) {
            return Optional.of(create.get() == CreateMode.FILE
                    ? "'create=file' makes an empty file at " + m.target() + " to mount onto if it does not exist."
                    : "'create=dir' makes the directory " + m.target() + " to mount onto if it does not exist.");
        }
        return Optional.ofNullable(switch (option) {
            case "bind" -> null;
            case "rbind" -> "'rbind' also brings along the mounts below " + m.source() + " (a recursive bind).";
            case "ro" -> "'ro' makes it read-only inside the container.";
            case "rw" -> "'rw' makes it writable.";
            case "optional" -> "'optional' means a missing source is not an error: the mount is skipped.";
            case "nosuid" -> "'nosuid' ignores set-user-ID bits there.";
            case "nodev" -> "'nodev' forbids opening device files there.";
            case "noexec" -> "'noexec' forbids running programs from there.";
            case "defaults" -> "'defaults' uses the standard mount options.";
            case "relative" -> "'relative' makes the source relative to the container's root filesystem.";
            default -> "'" + option + "' is passed to the mount as an option.";
        });
    }

    private static void explainIdMap(String value, List<String> s) {
        try {
            IdMap map = IdMap.parse(value);
            String ids = map.type() == IdMap.Type.UID ? "user IDs" : "group IDs";
            s.add("Maps container " + ids + " " + range(map.containerId(), map.range()) + " to host " + ids + " "
                    + range(map.hostId(), map.range()) + ".");
            if (map.containerId().signum() == 0 && map.hostId().signum() != 0) {
                s.add("So root (ID 0) inside the container is the ordinary ID " + map.hostId()
                        + " on the host: this is what makes the container unprivileged.");
            }
            if (!(map.hostId().equals(BigInteger.valueOf(100000)) && map.range().equals(BigInteger.valueOf(65536)))) {
                String file = map.type() == IdMap.Type.UID ? "/etc/subuid" : "/etc/subgid";
                s.add("The host must let root use these " + ids + ": " + file + " needs a line 'root:"
                        + map.hostId() + ":" + map.range() + "' (or one that covers it). Proxmox refuses to start"
                        + " the container without it, and so does LXC when an ordinary user starts it; the default"
                        + " entry 'root:100000:65536' covers only the standard mapping.");
            }
        } catch (IllegalArgumentException e) {
            s.add("An ID mapping that liblxc cannot read, so it refuses to load the file.");
        }
    }

    private static String range(BigInteger first, BigInteger count) {
        if (count.signum() == 0) {
            return "(none: the range is 0)";
        }
        return count.equals(BigInteger.ONE) ? first.toString() : first + "-" + first.add(count).subtract(BigInteger.ONE);
    }

    private static void explainCaps(String value, boolean drop, List<String> s) {
        s.add("Capabilities are the separate powers of root (load kernel modules, change the clock, ...).");
        List<String> names = new ArrayList<>();
        for (String word : BLANKS.split(value.trim())) {
            Optional<Capability> cap = Capability.ofWord(word);
            names.add(word + cap.map(c -> Optional.ofNullable(CAPABILITY_POWERS.get(c.lxcName()))
                    .map(p -> " (" + p + ")").orElse("")).orElse(" (not a capability name liblxc knows)"));
        }
        s.add(drop ? "This line takes " + String.join(", ", names) + " away from root inside the container."
                : "This line keeps only " + String.join(", ", names)
                + " (and capabilities kept by other lxc.cap.keep lines); every other one is dropped.");
    }

    private static void explainMountAuto(String value, List<String> s) {
        s.add("Tells LXC which kernel file systems to mount in the container automatically.");
        for (String item : BLANKS.split(value.trim())) {
            try {
                MountAuto auto = MountAuto.parse(item);
                String mode = auto.mode().map(MountAuto.Mode::word).orElse("");
                String what = switch (auto.kind()) {
                    case PROC -> "/proc (information about processes and the kernel)";
                    case SYS -> "/sys (information about devices and drivers)";
                    case CGROUP, CGROUP_FULL, CGROUP2 -> "the cgroup file system (resource controls)";
                    case SHMOUNTS -> "a shared directory for mounts between host and container";
                };
                s.add("'" + item + "' mounts " + what + (mode.isEmpty() ? "" : switch (mode) {
                    case "rw" -> ", writable: a relaxation, the container may change the host's settings there";
                    case "ro" -> ", read-only";
                    default -> ", mostly read-only (mixed)";
                }) + ".");
            } catch (IllegalArgumentException e) {
                s.add("'" + item + "' is not an item liblxc knows, so it refuses to load the file.");
            }
        }
    }

    private static void explainAppArmor(String value, List<String> s) {
        switch (value) {
            case "unconfined" -> s.add("Turns AppArmor off for this container: the kernel's extra rules about what"
                    + " the container may touch no longer apply (a major relaxation).");
            case "generated" -> s.add("LXC generates an AppArmor profile for this container (the usual choice).");
            case "unchanged" -> s.add("The container keeps the AppArmor profile of the process that starts it.");
            case "" -> s.add("Clears the AppArmor profile: the host's default for containers is used.");
            default -> s.add("The container runs under the AppArmor profile " + value
                    + ": kernel rules that limit which files and operations it may use.");
        }
    }

    private static boolean flag(String value) {
        return value.equals("1");
    }

    // ------------------------------------------------------------------ Proxmox options

    private void explainProxmox(EntryLine entry, List<String> s) {
        String key = entry.key();
        String value = entry.value();
        Matcher indexed = INDEXED.matcher(key);
        String family = indexed.matches() ? indexed.group(1) : key;
        if (indexed.matches() && OptionSchema.proxmox().option(key).isEmpty()) {
            // net32, mp256, dev256, ...: past the family's last index, so Proxmox reads none of it
            Optional<OptionSchema.Option> known = OptionSchema.proxmox().options().stream()
                    .filter(o -> o.indexed() && o.family().equals(indexed.group(1))).findFirst();
            s.add("'" + key + "' is not an option Proxmox knows" + known.map(o -> " (" + o.family() + " takes the"
                    + " indexes " + o.minIndex() + " to " + o.maxIndex() + ")").orElse("") + ": it warns about it"
                    + " (\"unknown setting\"), keeps the line and writes it back, but nothing reads it.");
            return;
        }
        if (WHOLE_NUMBER_OPTION.matcher(family).matches() && !DIGITS.matcher(value).matches()) {
            s.add("The Proxmox option " + key + " is set to '" + value + "', which is not a whole number.");
            return;
        }
        switch (family) {
            case "arch" -> s.add("The container's programs are built for " + value
                    + (value.equals("amd64") ? " (64-bit x86)" : "") + ".");
            case "cores" -> s.add("The container may use " + value + " CPU core" + plural(value) + " at a time.");
            case "cpulimit" -> s.add("The container may use at most as much CPU time as " + value + " CPU"
                    + plural(value) + " running all the time (0 = no limit).");
            case "cpuunits" -> s.add("The container's CPU weight is " + value
                    + ": when CPUs are busy, containers with a higher weight get more time.");
            case "hostname" -> s.add("The container's name on the network (its hostname) is " + value + ".");
            case "memory" -> s.add("The container may use at most " + value + " MiB" + gib(value) + " of RAM.");
            case "swap" -> s.add("The container may also use up to " + value + " MiB" + gib(value)
                    + " of swap (disk space used as extra memory).");
            case "net" -> explainNet(indexed.group(2), value, s);
            case "rootfs", "mp" -> explainMountPoint(key, value, s);
            case "features" -> explainFeatures(value, s);
            case "unprivileged" -> s.add(pveFlag(value)
                    ? "An unprivileged container: root inside it is an ordinary user on the host (IDs shifted by"
                    + " 100000), which makes escaping much less dangerous."
                    : "A privileged container: root inside it is root on the host.");
            case "ostype" -> s.add("The distribution inside is " + value
                    + ": Proxmox sets the container up the way it expects (network files, hostname, ...).");
            case "template" -> s.add(pveFlag(value)
                    ? "This container is a template: it cannot be started; it is the base for clones, and its"
                    + " disks are read-only base volumes."
                    : "This container is not a template.");
            case "onboot" -> s.add(pveFlag(value) ? "The container starts when the Proxmox host boots."
                    : "The container does not start when the Proxmox host boots.");
            case "startup" -> s.add("Start and shutdown order and delays: " + value + ".");
            case "nameserver" -> s.add("DNS servers the container uses: " + value + ".");
            case "searchdomain" -> s.add("DNS search domain of the container: " + value + ".");
            case "tags" -> s.add(value.isBlank() ? "No tags: the value is empty."
                    : "Tags shown in the Proxmox web interface: " + value + ".");
            case "description" -> s.add("The container's Notes (shown in the Proxmox web interface), URL-encoded.");
            case "parent" -> s.add("This state builds on the snapshot " + value + " (the one taken just before it).");
            case "snaptime" -> s.add("When the snapshot was taken, in seconds since 1 January 1970: " + value + ".");
            case "lock" -> s.add("The container is locked (" + value
                    + "): Proxmox refuses most changes until the operation finishes or the lock is removed.");
            case "protection" -> s.add(pveFlag(value) ? "The container and its disks cannot be removed."
                    : "The container is not protected against removal.");
            case "unused" -> s.add("The volume " + value + " is a disk no longer attached to the container;"
                    + " it is kept so you can attach or delete it.");
            case "dev" -> explainPassthrough(indexed.group(2), value, s);
            case "tty" -> s.add("The container has " + value + " text console" + plural(value) + ".");
            case "console" -> s.add(pveFlag(value) ? "A console device is attached to the container."
                    : "No console device is attached to the container.");
            case "cmode" -> s.add("The console mode is " + value + ".");
            case "timezone" -> s.add("The container's time zone is " + value + ".");
            case "hookscript" -> s.add("Proxmox runs the script " + value
                    + " at each step of the container's life (start, stop, ...).");
            case "digest", "delete" -> s.add(family.equals("delete")
                    ? "Options to remove at the next start: " + value + "."
                    : "A checksum Proxmox uses to detect concurrent changes.");
            default -> schemaMeaning(key, value, s);
        }
    }

    private static void schemaMeaning(String key, String value, List<String> s) {
        Optional<OptionSchema.Option> option = OptionSchema.proxmox().option(key);
        if (option.isPresent()) {
            s.add("The Proxmox option " + key + " is set to " + value + ".");
            s.add("Proxmox's option table says: " + sentence(option.get().meaning()));
        } else {
            s.add("'" + key + "' is not an option Proxmox knows: it warns about it (\"unknown setting\"), keeps the"
                    + " line and writes it back, but nothing reads it.");
        }
    }

    /** Proxmox's boolean values: 1, yes, on, true and their opposites, in any case. */
    private static boolean pveFlag(String value) {
        return PVE_TRUE.matcher(value).matches();
    }

    private static String plural(String count) {
        return count.equals("1") ? "" : "s";
    }

    private static String gib(String mib) {
        try {
            long n = Long.parseLong(mib);
            return n >= 1024 && n % 1024 == 0 ? " (" + n / 1024 + " GiB)" : "";
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private void explainNet(String index, String value, List<String> s) {
        s.add("Network interface number " + index + " of the container, field by field:");
        PropertyString p = PropertyString.parse(value, OptionSchema.proxmox().format("net" + index).orElseThrow());
        for (PropertyString.Part part : p.parts()) {
            if (part.isBlank()) {
                continue;
            }
            String k = part.key().orElse(p.defaultKey().orElse(""));
            String v = part.value();
            s.add(switch (k) {
                case "name" -> "name=" + v + ": inside the container the interface is called " + v + ".";
                case "bridge" -> "bridge=" + v + ": its other end is plugged into the host's bridge " + v
                        + " (a virtual network switch on the host).";
                case "hwaddr" -> "hwaddr=" + v + ": its MAC address (hardware address) is " + v + ".";
                case "ip" -> "ip=" + v + ": " + (v.equals("dhcp") ? "it gets its IPv4 address from a DHCP server."
                        : v.equals("manual") ? "Proxmox does not configure IPv4; the container does it itself."
                        : "its fixed IPv4 address is " + v + ".");
                case "ip6" -> "ip6=" + v + ": " + (v.equals("dhcp") ? "it gets its IPv6 address from a DHCP server."
                        : v.equals("auto") ? "it configures IPv6 automatically (SLAAC)."
                        : v.equals("manual") ? "Proxmox does not configure IPv6; the container does it itself."
                        : "its fixed IPv6 address is " + v + ".");
                case "gw" -> "gw=" + v + ": its IPv4 default gateway (the router) is " + v + ".";
                case "gw6" -> "gw6=" + v + ": its IPv6 default gateway is " + v + ".";
                case "type" -> "type=" + v + (v.equals("veth")
                        ? ": a veth pair, a virtual cable with one end in the container and one on the host."
                        : ": the interface type.");
                case "firewall" -> "firewall=" + v + ": " + (pveFlag(v) ? "the Proxmox firewall filters its traffic."
                        : "the Proxmox firewall is off for it.");
                case "tag" -> "tag=" + v + ": its traffic is in VLAN " + v + ".";
                case "mtu" -> "mtu=" + v + ": the largest packet size is " + v + " bytes.";
                case "rate" -> "rate=" + v + ": its speed is limited to " + v + " MB/s.";
                case "link_down" -> "link_down=" + v + ": " + (pveFlag(v) ? "the cable is unplugged."
                        : "the cable is plugged in.");
                default -> k + "=" + v + ": a setting of the interface.";
            });
        }
    }

    private static void explainMountPoint(String key, String value, List<String> s) {
        MountPoint mp = MountPoint.parse(key, value);
        String where = mp.isRootfs() ? "/" : mp.path().orElse("(no path set)");
        if (mp.isRootfs()) {
            s.add("The container's root filesystem, what it sees as /.");
        } else {
            s.add("Mount point " + mp.index().orElse(0) + ": an extra disk or directory mounted inside the"
                    + " container at " + where + ".");
        }
        mp.volumeType().ifPresent(t -> s.add(switch (t) {
            case VOLUME -> "It is the volume " + value(mp.volume().orElse(""), mp) + " on the Proxmox storage "
                    + mp.storage().orElse("") + ".";
            case BIND -> "It is the host directory " + mp.volume().orElse("") + " (a bind mount): the container"
                    + " sees the host's files there.";
            case DEVICE -> "It is the host's block device " + mp.volume().orElse("") + ".";
        }));
        mp.size().ifPresent(size -> s.add("Its size is " + size.format() + " (" + bytes(size) + ")."));
        if (mp.readOnly()) {
            s.add("It is read-only.");
        }
        if (mp.quota()) {
            s.add("User quotas are enabled on it.");
        }
        if (mp.shared()) {
            s.add("It is marked as shared: available on every node of the cluster, so Proxmox does not move it.");
        }
        if (!mp.mountOptions().isEmpty()) {
            s.add("Mount options: " + String.join(", ", mp.mountOptions()) + ".");
        }
    }

    private static String value(String volume, MountPoint mp) {
        return mp.storage().map(st -> volume.startsWith(st + ":") ? volume.substring(st.length() + 1) : volume)
                .orElse(volume);
    }

    private static String bytes(DiskSize size) {
        return size.bytes() + " bytes";
    }

    private static void explainFeatures(String value, List<String> s) {
        s.add("Extra features Proxmox turns on for the container:");
        Features f = Features.parse(value);
        for (String k : f.value().keys()) {
            String v = f.value().get(k).orElse("");
            boolean on = pveFlag(v);
            s.add(switch (k) {
                case "nesting" -> "nesting=" + v + ": " + (on ? "the container may run containers (Docker, LXC)"
                        + " inside it; Proxmox relaxes AppArmor and mounts /proc and /sys more openly for that."
                        : "no containers inside the container.");
                case "keyctl" -> "keyctl=" + v + ": " + (on ? "the container may use the kernel keyring"
                        + " (keyctl system calls), which Docker and systemd need in unprivileged containers."
                        : "keyring system calls are refused.");
                case "fuse" -> "fuse=" + v + ": " + (on ? "the container may use /dev/fuse (file systems in"
                        + " user space such as sshfs)." : "no FUSE file systems.");
                case "mknod" -> "mknod=" + v + ": " + (on ? "the container may create some device files"
                        + " (experimental)." : "no creating device files.");
                case "mount" -> "mount=" + v + ": the container may mount these file system types: " + v + ".";
                case "force_rw_sys" -> "force_rw_sys=" + v + ": " + (on ? "/sys is writable in the container."
                        : "/sys stays read-only.");
                default -> k + "=" + v + ": a feature Proxmox does not know.";
            });
        }
    }

    private static void explainPassthrough(String index, String value, List<String> s) {
        DevicePassthrough dev = DevicePassthrough.parse(Integer.parseInt(index), value);
        String path = dev.path().orElse("(no path)");
        s.add("Device passthrough " + index + ": Proxmox gives the container the host device " + path
                + ", allowing it and creating its device file.");
        KnownDevice.byPath(path).ifPresent(k -> s.add(path + " is for " + k.purpose() + "."));
        boolean uid = dev.value().get("uid").isPresent();
        boolean gid = dev.value().get("gid").isPresent();
        boolean mode = dev.value().get("mode").isPresent();
        s.add("Inside the container the device file belongs to user " + dev.uid() + (uid ? "" : " (root, the default)")
                + " and group " + dev.gid() + (gid ? "" : " (root, the default)") + ", with mode " + dev.mode()
                + (mode ? "" : " (the default)") + ": " + modeSentence(dev.mode())
                + " These are ids inside the container: Proxmox maps them through the container's ID mapping, so"
                + " in an unprivileged container group " + dev.gid() + " is the container's own, not the host's.");
        s.add(dev.denyWrite() ? "deny-write=1: the container may only read the device (Proxmox allows 'r', not 'w')."
                : "The container may read and write the device (Proxmox allows 'rw'), but not create device"
                + " files (no 'm').");
    }

    /** Returns who may read and write a device file with an octal mode such as {@code 0660}. */
    private static String modeSentence(String mode) {
        if (!mode.matches("0[0-7]{3}")) {
            return "Proxmox accepts only four octal digits starting with 0, such as 0660.";
        }
        String m = mode.substring(1);
        String[] who = {"the owner", "the group", "everyone else"};
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int bits = m.charAt(i) - '0';
            String can = (bits & 4) != 0 && (bits & 2) != 0 ? "read and write" : (bits & 4) != 0 ? "read"
                    : (bits & 2) != 0 ? "write" : null;
            if (can != null) {
                parts.add(who[i] + " may " + can);
            }
        }
        return parts.isEmpty() ? "nobody may open it." : String.join(", ", parts) + " it.";
    }

    private static String sentence(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return t;
        }
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    // ------------------------------------------------------------------ summary

    /** The summary, its lists built. */
    Summary summary() {
        return summarize(null, null);
    }

    /** The summary without its devices and host paths, which go to {@code items} as they are worked out. */
    Summary summary(Summary.Items items) {
        return summarize(null, items);
    }

    /**
     * Writes the summary's text, as {@link Summary#text()} gives it, writing each device and host path as it is
     * worked out: for a large config those lists are most of the summary, and they are never held.
     */
    void writeSummary(Appendable out) throws IOException {
        try {
            summarize(new Summary.Writer(out), null);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Works out the summary: into a {@link Summary} when {@code writer} is null, else written to it section by
     * section, the devices and host paths one at a time (then it returns null). With {@code items}, the devices and
     * host paths go to it one at a time and the summary returned has none. One at a time: the devN keys that
     * fixes name are handed out in the order the rules are read.
     */
    private synchronized Summary summarize(Summary.Writer writer, Summary.Items items) {
        LxcSettings lxc = config.lxc();
        boolean unprivileged = proxmox ? config.proxmox().unprivileged() || lxc.isUnprivileged()
                : lxc.isUnprivileged();
        List<String> devices = new ArrayList<>();
        java.util.function.Consumer<String> device = devices::add;
        if (writer != null) {
            writer.head(unprivileged);
            writer.open(Summary.DEVICES);
            device = writer::item;
        } else if (items != null) {
            items.unprivileged(unprivileged);
            device = items::device;
        }
        List<String> warnings = new ArrayList<>();
        DevicePolicy policy = devicePolicy();
        int v1 = 0;
        for (DeviceRule rule : lxc.deviceRules()) {
            if (rule.version() == CgroupVersion.V1) {
                v1++;
            }
            if (!rule.allow() || isLxcDefault(rule)) {
                continue;
            }
            String what;
            if (rule.isGlobal()) {
                what = "every device (the device cgroup does not restrict the container)";
            } else if (rule.path().isPresent()) {
                what = rule.path().get();
            } else if (rule.major().isEmpty()) {
                what = "every " + (rule.type() == DeviceType.BLOCK ? "block " : rule.type() == DeviceType.CHAR
                        ? "character " : "") + "device";
            } else {
                what = rule.deviceInfo().map(DeviceInfo::name).filter(n -> !n.startsWith("("))
                        .orElse(rule.minor().isPresent()
                        ? "an unnamed device" : "every device of major " + rule.major().getAsInt());
            }
            String access = rule.isGlobal() ? "" : ", " + FINAL_DOT.matcher(ACCESS_PREFIX.matcher(
                    accessSentence(rule.access())).replaceFirst("").replace(" With 'm' alone the container may"
                    + " create device files but not open them.", "")).replaceAll("");
            device.accept(rule.key() + " " + rule.toValue() + ": " + what + access + verdict(policy, rule));
        }
        if (proxmox) {
            for (DevicePassthrough d : passthroughs()) {
                device.accept(d.key() + ": " + d.path().orElse("(no path)") + ", read and write (Proxmox creates"
                        + " the device file and allows it when the container starts)");
            }
        }
        List<String> hostPaths = new ArrayList<>();
        java.util.function.Consumer<String> hostPath = hostPaths::add;
        if (writer != null) {
            writer.close(Summary.NO_DEVICES);
            writer.open(Summary.HOST_PATHS);
            hostPath = writer::item;
        } else if (items != null) {
            hostPath = items::hostPath;
        }
        for (MountEntry m : lxc.mountEntries()) {
            if (m.isBind()) {
                hostPath.accept(m.source() + " -> " + m.target() + (m.options().contains("ro") ? " (read-only)" : ""));
            }
        }
        List<String> features = new ArrayList<>();
        List<String> capabilities = new ArrayList<>();
        List<String> relaxations = new ArrayList<>();
        if (proxmox) {
            for (MountPoint mp : config.proxmox().mountPoints()) {
                if (mp.volumeType().filter(t -> t != MountPoint.VolumeType.VOLUME).isPresent()) {
                    hostPath.accept(mp.volume().orElse("") + " -> " + mp.path().orElse("")
                            + (mp.readOnly() ? " (read-only)" : "") + " (" + mp.key() + ")");
                }
            }
        }
        if (writer != null) {
            writer.close(Summary.NO_HOST_PATHS);
        }
        if (proxmox) {
            Features f = config.proxmox().features();
            if (f.nesting()) {
                features.add("nesting: may run containers inside");
            }
            if (f.keyctl()) {
                features.add("keyctl: may use the kernel keyring");
            }
            if (f.fuse()) {
                features.add("fuse: may use /dev/fuse");
            }
            if (f.mknod()) {
                features.add("mknod: may create device files");
            }
            if (!f.mount().isEmpty()) {
                features.add("mount: may mount " + String.join(", ", f.mount()));
            }
            if (f.forceRwSys()) {
                features.add("force_rw_sys: /sys is writable");
            }
        }
        // Proxmox includes userns.conf for an unprivileged container or one with its own lxc.idmap lines
        boolean usernsIncluded = proxmox ? config.proxmox().unprivileged() || !lxc.idMaps().isEmpty() : unprivileged;
        capabilities.addAll(CapabilitySummary.items(config, usernsIncluded, effective));
        AppArmor aa = lxc.apparmor();
        if (aa.isUnconfined()) {
            relaxations.add("AppArmor is off (lxc.apparmor.profile = unconfined)");
        }
        if (aa.allowNesting()) {
            relaxations.add("AppArmor allows nesting (lxc.apparmor.allow_nesting)");
        }
        if (aa.allowIncomplete()) {
            relaxations.add("starts without full AppArmor confinement (lxc.apparmor.allow_incomplete)");
        }
        Seccomp sc = lxc.seccomp();
        if (!sc.origins().isEmpty() && sc.profile().filter(p -> !p.isEmpty()).isEmpty()) {
            relaxations.add("no seccomp filter (lxc.seccomp.profile is empty)");
        }
        sc.profile().filter(p -> !p.isEmpty()).ifPresent(p -> relaxations.add("seccomp profile " + p
                + " replaces the default system call filter" + profilePolicy().map(pol -> ": " + profileSentence(pol))
                .orElse("")));
        if (sc.allowNesting()) {
            relaxations.add("seccomp allows nesting (lxc.seccomp.allow_nesting)");
        }
        for (MountAuto auto : lxc.mountAuto()) {
            if (auto.mode().filter(m -> m == MountAuto.Mode.RW).isPresent()) {
                relaxations.add("lxc.mount.auto " + auto.kind().word() + ":rw: the container may write there");
            }
        }
        if (v1 > 0) {
            warnings.add(v1 + " cgroup v1 device rule" + (v1 == 1 ? "" : "s")
                    + " (lxc.cgroup.devices.*): ignored on a cgroup2 host (Proxmox VE 7 and later);"
                    + " use lxc.cgroup2.devices.* instead");
        }
        if (proxmox && config.proxmox().template()) {
            warnings.add("this container is a template: Proxmox will not start it; clone it first");
        }
        if (writer != null) {
            writer.rest(capabilities, features, relaxations, warnings);
            return null;
        }
        return new Summary(unprivileged, devices, hostPaths, capabilities, features, relaxations, warnings,
                CapabilitySummary.settings(config, effective));
    }

    /**
     * Returns what the device decision says of an allow rule's device on a pure cgroup2 host (and, for a native
     * config, on a host with a cgroup v1 devices controller where that differs): {@code "; on a pure cgroup2
     * host: refused (...)"}; empty for a rule that names no single device or major.
     */
    private String verdict(DevicePolicy policy, DeviceRule rule) {
        // the layout stated in the options, else a pure cgroup2 host (and a v1 host where that differs)
        if (options.cgroup2Host().isPresent()) {
            return policy.decide(options.cgroup2Host().get() ? HostLayout.CGROUP2 : HostLayout.HYBRID, rule)
                    .map(v -> "; " + verdictText(v, rule)).orElse("");
        }
        Optional<DeviceVerdict> v2 = policy.decide(HostLayout.CGROUP2, rule);
        if (v2.isEmpty()) {
            return "";
        }
        String text = "; " + verdictText(v2.get(), rule);
        if (!proxmox) {
            DeviceVerdict v1 = policy.decide(HostLayout.HYBRID, rule).orElseThrow();
            if (v1.granted() != v2.get().granted()) {
                text += "; " + verdictText(v1, rule);
            }
        }
        return text;
    }

    private String verdictText(DeviceVerdict v, DeviceRule rule) {
        boolean node = proxmox && v.layout() == HostLayout.CGROUP2;
        String on = "on " + (node ? "a Proxmox VE 7+ node (pure cgroup2)" : v.layout().description()) + " ("
                + v.access().toValue() + "): ";
        boolean ignored = rule.origin().isPresent() && v.lines().stream().anyMatch(l -> l.line() == rule.origin()
                .get().lineNumber() && l.note().startsWith("ignored"));
        if (v.granted()) {
            return on + (ignored ? "granted, but not by this line, which is ignored there: " + v.reason() : "granted");
        }
        if (node && ignored) {
            return on + "denied, because line " + rule.origin().get().lineNumber() + " is a cgroup v1 key, which a"
                    + " cgroup2 host ignores; " + proxmoxFix(rule);
        }
        return on + "refused (" + (ignored ? "this line is ignored there" : v.reason()) + ")";
    }

    /** The devN keys lxcconf's migration gives the devices it moves to devN options, by device path. */
    private Map<String, String> migratedDevices;
    /** The devN key a fix names for each device path, so that two fixes do not name the same key. */
    private final Map<String, String> fixKeys = new HashMap<>();

    /**
     * Returns what makes a Proxmox node grant the device of a v1 allow rule: a devN option (the key the migration
     * gives it, else the next free one) or the rule as an lxc.cgroup2 line.
     */
    private String proxmoxFix(DeviceRule rule) {
        String cgroup2 = "'lxc.cgroup2.devices.allow: " + rule.toValue() + "'";
        Optional<String> path = Optional.empty();
        for (KnownDevice d : KnownDevice.values()) {
            if (rule.major().isPresent() && rule.minor().isPresent() && d.type() == rule.type()
                    && d.major() == rule.major().getAsInt() && d.minor().orElse(-1) == rule.minor().getAsInt()) {
                path = Optional.of(d.path());
            }
        }
        if (path.isEmpty()) {
            return "fixed by " + cgroup2;
        }
        if (migratedDevices == null) {
            migratedDevices = new HashMap<>();
            Set<String> before = new HashSet<>();
            config.proxmox().devices().forEach(d -> before.add(d.key()));
            Migration m = config.migrate(MigrationOptions.all().withWidening(true));
            for (DevicePassthrough d : m.config().proxmox().devices()) {
                if (!before.contains(d.key()) && d.path().isPresent()) {
                    migratedDevices.put(d.path().get(), d.key());
                }
            }
        }
        String p = path.get();
        String key = fixKeys.computeIfAbsent(p, k -> migratedDevices.getOrDefault(k, nextFreeDevKey()));
        return "fixed by '" + key + ": " + p + "' (Proxmox VE 8.1 and later; Proxmox also creates the device node)"
                + " or by " + cgroup2;
    }

    private String nextFreeDevKey() {
        Set<String> used = new HashSet<>(migratedDevices.values());
        used.addAll(fixKeys.values());
        config.proxmox().devices().forEach(d -> used.add(d.key()));
        int i = 0;
        while (used.contains("dev" + i)) {
            i++;
        }
        return "dev" + i;
    }

    /** Whether LXC's own defaults (common.conf) already allow what the rule allows. */
    private static boolean isLxcDefault(DeviceRule rule) {
        if (!rule.isGlobal() && rule.path().isEmpty() && rule.major().isEmpty() && rule.minor().isEmpty()
                && !rule.access().read() && !rule.access().write()) {
            return true;
        }
        return KnownDevice.of(rule).filter(LXC_CREATES::contains).isPresent();
    }

    private List<DevicePassthrough> passthroughs() {
        List<DevicePassthrough> out = new ArrayList<>();
        for (EntryLine e : config.mainSection().entries()) {
            Matcher m = INDEXED.matcher(e.key());
            if (m.matches() && m.group(1).equals("dev")) {
                try {
                    out.add(DevicePassthrough.parse(Integer.parseInt(m.group(2)), e.value()));
                } catch (IllegalArgumentException ex) {
                    // reported by the Proxmox view's diagnostics
                }
            }
        }
        return out;
    }



    /** The policy the config's lxc.seccomp.profile names, read when the options name a base directory. */
    private synchronized Optional<io.github.lxcconf.seccomp.SeccompPolicy> profilePolicy() {
        if (profilePolicy == null) {
            profilePolicy = options.includeBase()
                    .flatMap(base -> io.github.lxcconf.seccomp.SeccompPolicy.ofConfig(config, base));
        }
        return profilePolicy;
    }

    private boolean isLastProfileLine(int number) {
        return lastProfileLine == number;
    }

    /** What the profile does, in the policy's own summary sentences; or why liblxc will not load it. */
    private static String profileSentence(io.github.lxcconf.seccomp.SeccompPolicy policy) {
        if (policy.lines().isEmpty()) {
            return policy.diagnostics().get(0).message() + ".";
        }
        return "The profile says: " + String.join(" ", policy.explain().summary());
    }
}
