package io.github.lxcconf.device;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.include.EffectiveConfig;
import io.github.lxcconf.include.EffectiveValue;
import io.github.lxcconf.include.Provenance;
import io.github.lxcconf.internal.StartAccess;
import io.github.lxcconf.model.CgroupVersion;
import io.github.lxcconf.model.DeviceAccess;
import io.github.lxcconf.model.DeviceCatalog;
import io.github.lxcconf.model.DeviceInfo;
import io.github.lxcconf.model.DeviceRule;
import io.github.lxcconf.model.DeviceType;
import io.github.lxcconf.model.KnownDevice;
import io.github.lxcconf.model.proxmox.DevicePassthrough;
import io.github.lxcconf.proxmox.DeviceLookup;
import io.github.lxcconf.proxmox.DeviceNode;
import io.github.lxcconf.proxmox.ProxmoxNode;
import io.github.lxcconf.proxmox.StartConfig;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.Section;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The device lines a container starts with, and the one answer to "may this container use this device on this
 * host?", as liblxc 5.x and the kernel decide it: on a pure cgroup2 host from liblxc's eBPF device program
 * (allowlist and denylist modes, the global rule {@code a}, {@code *}, the case where liblxc attaches no program
 * at all), on a host with a cgroup v1 devices controller from the kernel's v1 exception list. Each layout ignores
 * the other family's keys.
 *
 * <p>{@link #of(LxcConfig)} reads the config's own lines; an {@code lxc.include} of a file named
 * {@code common.conf} or {@code *.common.conf} (LXC's, a distribution's, which includes it, or a template's
 * {@code @LXCTEMPLATECONFIG@/common.conf}), and of {@code userns.conf} or {@code *.userns.conf}, stands for the
 * device lines LXC 5.0 installs there; other included files are not read (use {@link #of(EffectiveConfig)}).
 *
 * <p>A Proxmox config is decided from the effective native config of the container
 * ({@link StartConfig#effective()}): the file {@code pct start} generates on a Proxmox VE 9 node (cgroup2; for
 * {@link HostLayout#HYBRID} and {@link HostLayout#CGROUP1}, the file it generates on such a node) with the
 * {@code <ostype>.common.conf}, {@code <ostype>.userns.conf}, {@code common.conf} and {@code userns.conf} it
 * includes, as lxcconf ships them. So an {@code ostype: ubuntu} container has {@code ubuntu.common.conf}'s v1 rules
 * for {@code /dev/net/tun} and {@code /dev/kvm} on a hybrid host, a {@code devN} option its
 * {@code lxc.cgroup2.devices.allow} rule ({@code r} and a deny of {@code w} for {@code deny-write=1}), and an
 * unprivileged container loses common.conf's rules to {@code userns.conf}. A line of the generated file is named by
 * the line of the Proxmox config it comes from (a raw {@code lxc.*} line, or the {@code devN} or {@code console}
 * option, noted "Proxmox writes this rule at start"). A config Proxmox refuses to start is decided as if it
 * started, from the lines Proxmox writes for what it can read: a template ({@code template: 1}) as its clone, a
 * snippet without {@code arch}, {@code ostype} or {@code rootfs} as part of a whole config ({@code ostype} missing:
 * LXC's {@code common.conf}), a {@code devN} whose device the node lacks or a {@code netN} Proxmox dies on left out;
 * {@link StartConfig#refusal()} says whether Proxmox starts it. Every device line is read, also past a line where
 * liblxc stops loading (a legacy key such as {@code lxc.utsname}; lint reports it). The node's device nodes are
 * {@link DeviceLookup#simulatedNode()}'s, then those of lxcconf's device catalog.
 *
 * <pre>{@code
 * DevicePolicy devices = DevicePolicy.of(LxcConfig.parse(Path.of("/etc/pve/lxc/102.conf")));
 * devices.decide(HostLayout.CGROUP2, KnownDevice.KVM, DeviceAccess.parse("rw").orElseThrow()).granted(); // false
 * devices.decide(HostLayout.HYBRID, KnownDevice.KVM, DeviceAccess.parse("rw").orElseThrow()).granted();  // true
 * }</pre>
 */
public final class DevicePolicy {

    private static final Pattern DEVICE_KEY = Pattern.compile("lxc\\.cgroup2?\\.devices\\.(allow|deny)");
    /**
     * The device keys, so that every line's step shares one string: a config's line gives each of its steps a key
     * of its own, and a large file has hundreds of thousands of device lines.
     */
    private static final Map<String, String> DEVICE_KEYS = Map.of(
            "lxc.cgroup.devices.allow", "lxc.cgroup.devices.allow", "lxc.cgroup.devices.deny", "lxc.cgroup.devices.deny",
            "lxc.cgroup2.devices.allow", "lxc.cgroup2.devices.allow",
            "lxc.cgroup2.devices.deny", "lxc.cgroup2.devices.deny");
    private static final String LXC_CONFIG_DIR = "/usr/share/lxc/config/";
    private static final String COMMON = LXC_CONFIG_DIR + "common.conf";
    private static final String USERNS = LXC_CONFIG_DIR + "userns.conf";
    private static final List<String[]> COMMON_LINES = bundled("common.conf");
    private static final List<String[]> USERNS_LINES = bundled("userns.conf");

    private final List<Step> steps;
    /** For each empty device line ("source:line"), the device lines it took out of the list. */
    private final Map<String, List<Step>> cleared;
    private final Cgroup2Program cgroup2;
    /** The lines cgroup v1 decisions come from; for a Proxmox file, a start config made only when first asked. */
    private final java.util.function.Supplier<List<Step>> cgroup1Source;
    /** The cgroup v1 side, built on the first v1 decision (most callers ask about cgroup2 only). */
    private volatile V1 v1;

    /** The config's own v1 device lines by their numbers, to name those a cgroup2 host ignores. */
    private final StepIndex ownV1 = new StepIndex();

    /** The cgroup v1 decisions and the config's own cgroup2 lines by their numbers, which a v1 layout ignores. */
    private record V1(Cgroup1Exceptions exceptions, StepIndex ownCgroup2) {
    }

    private DevicePolicy(List<Step> steps, Map<String, List<Step>> cleared) {
        this(steps, () -> steps, cleared);
    }

    /**
     * A policy whose cgroup2 decisions come from one list of lines and whose cgroup v1 decisions from another (a
     * Proxmox node writes a different file on each layout), read when a v1 decision is first asked for.
     */
    private DevicePolicy(List<Step> cgroup2Steps, java.util.function.Supplier<List<Step>> cgroup1Steps,
                         Map<String, List<Step>> cleared) {
        this.steps = List.copyOf(cgroup2Steps);
        this.cleared = Map.copyOf(cleared);
        this.cgroup2 = Cgroup2Program.build(this.steps);
        this.cgroup1Source = cgroup1Steps;
        // the config's own lines that the other family's layout ignores: v1 lines on cgroup2, cgroup2 lines on v1
        for (Step s : cgroup2Steps) {
            if (!s.cgroup2() && !s.source().startsWith(LXC_CONFIG_DIR)) {
                ownV1.add(s);
            }
        }
    }

    private V1 v1() {
        V1 built = v1;
        if (built == null) {
            synchronized (this) {
                built = v1;
                if (built == null) {
                    List<Step> cgroup1Steps = List.copyOf(cgroup1Source.get());
                    StepIndex own = new StepIndex();
                    for (Step s : cgroup1Steps) {
                        if (s.cgroup2() && !s.source().startsWith(LXC_CONFIG_DIR)) {
                            own.add(s);
                        }
                    }
                    built = new V1(Cgroup1Exceptions.build(cgroup1Steps), own);
                    v1 = built;
                }
            }
        }
        return built;
    }

    /**
     * Returns the device lines of a config as described in the class comment.
     *
     * <pre>{@code
     * DevicePolicy.of(LxcConfig.parse("lxc.include = /usr/share/lxc/config/common.conf\n"
     *         + "lxc.cgroup2.devices.allow = c 10:232 rwm\n"));
     * }</pre>
     *
     * @param config the config
     * @return the policy
     */
    public static DevicePolicy of(LxcConfig config) {
        Objects.requireNonNull(config, "config");
        Builder b = new Builder();
        String source = config.sourceName();
        Section main = config.mainSection();
        if (config.dialect() == Dialect.PROXMOX) {
            return ofProxmox(config);
        }
        int number = main.firstLineNumber();
        for (Line line : main.lines()) {
            int lineNumber = number++;
            if (!(line instanceof EntryLine e) || !e.isLxcKey()) {
                continue;
            }
            // a native config's line with a NUL byte is already read up to it, and no entry follows it
            int nul = config.dialect() == Dialect.LXC ? -1 : line.content().indexOf('\0');
            String value = e.value();
            if (nul >= 0) {
                int cut = value.indexOf('\0');
                if (cut >= 0) {
                    b.entry(e.key(), value.substring(0, cut).strip(), source, lineNumber);
                }
                break;
            }
            b.entry(e.key(), value, source, lineNumber);
        }
        return new DevicePolicy(b.steps, b.cleared);
    }

    /** The node's device nodes: the simulated node's table, then lxcconf's device catalog. */
    private static final DeviceLookup NODE_DEVICES = path -> DeviceLookup.simulatedNode().stat(path)
            .or(() -> Step.node(path).map(n -> new DeviceNode(n.type() == 'b' ? DeviceType.BLOCK : DeviceType.CHAR,
                    n.major(), n.minor())));

    private static DevicePolicy ofProxmox(LxcConfig config) {
        ProxmoxNode node = ProxmoxNode.builder().devices(NODE_DEVICES).build();
        StartConfig v2 = StartAccess.startAnyway(config, node);
        Builder onCgroup2 = proxmoxSteps(config, v2);
        // the hybrid node's start config only when a v1 decision is asked for
        return new DevicePolicy(onCgroup2.steps, () -> proxmoxSteps(config,
                StartAccess.startAnyway(config, node.toBuilder().cgroupLayout(HostLayout.HYBRID).build())).steps,
                onCgroup2.cleared);
    }

    /** The device lines of a start config and its includes, each generated line named by its Proxmox line. */
    private static Builder proxmoxSteps(LxcConfig config, StartConfig start) {
        // every device line, also past a line where liblxc stops loading (lint reports that line)
        EffectiveConfig effective = StartAccess.readOn(start);
        String generated = effective.files().get(0).config().sourceName();
        Builder b = new Builder();
        for (EffectiveValue v : effective.entries()) {
            if (!DEVICE_KEY.matcher(v.key()).matches()) {
                continue;
            }
            Provenance at = v.provenance();
            if (!at.source().equals(generated)) {
                b.add(v.key(), v.value(), at.source(), at.line(), "");
                continue;
            }
            Optional<Provenance> origin = start.origin(at.line());
            if (origin.isEmpty()) {
                b.add(v.key(), v.value(), generated, at.line(), "Proxmox writes this line at start");
                continue;
            }
            int line = origin.get().line();
            String via = "";
            if (config.line(line).orElse(null) instanceof EntryLine e && !e.isLxcKey()) {
                String shown = e.key().matches("dev\\d+") ? config.proxmox().devices().stream()
                        .filter(d -> d.key().equals(e.key())).findFirst().flatMap(DevicePassthrough::path)
                        .orElse(e.value()) : e.value();
                via = e.key() + ": " + shown + " (Proxmox writes this rule at start)";
            }
            b.add(v.key(), v.value(), config.sourceName(), line, via);
        }
        return b;
    }

    /**
     * Returns the device lines liblxc holds after reading a config and every file it includes: the real
     * {@code common.conf} of this machine, for instance.
     *
     * <pre>{@code
     * DevicePolicy.of(LxcConfig.parse(Path.of("/var/lib/lxc/web1/config")).effective(Path.of("/var/lib/lxc/web1")));
     * }</pre>
     *
     * @param effective the config with its includes
     * @return the policy
     */
    public static DevicePolicy of(EffectiveConfig effective) {
        Objects.requireNonNull(effective, "effective");
        Builder b = new Builder();
        for (EffectiveValue v : effective.entries()) {
            if (DEVICE_KEY.matcher(v.key()).matches()) {
                b.add(v.key(), v.value(), v.provenance().source(), v.provenance().line(), "");
            }
        }
        return new DevicePolicy(b.steps, b.cleared);
    }

    /**
     * Returns the device lines in the order liblxc applies them, with what each is (no note yet).
     *
     * @return the lines, each with the note {@code "device line"}
     */
    public List<DecidingLine> lines() {
        return steps.stream().map(s -> s.note("device line")).toList();
    }

    /**
     * Returns the device lines an empty device line ({@code lxc.cgroup2.devices.allow =}, {@code
     * lxc.cgroup.devices.deny =}, {@code lxc.cgroup2 =}, ...) takes out of the list: liblxc 5.0 clears every
     * line of that key read before it, in the file and in the files included before it, and loads the config
     * as usual. It is how LXC's {@code userns.conf} starts an unprivileged container's device lines afresh; it
     * never stops the container from starting.
     *
     * <pre>{@code
     * DevicePolicy p = DevicePolicy.of(LxcConfig.parseText(
     *         "lxc.include = /usr/share/lxc/config/common.conf\nlxc.cgroup2.devices.allow =\n"));
     * p.clearedBy("<string>", 2).size(); // the 12 cgroup2 allow lines of common.conf
     * }</pre>
     *
     * @param source the file the empty line stands in: the config's {@link LxcConfig#sourceName()}, or an
     *               included file's name as {@link #of(EffectiveConfig)} reads it
     * @param line   the 1-based line number in that file
     * @return the lines it clears, in the order liblxc read them; empty if that line is no empty device line or
     *         nothing was set before it
     */
    public List<DecidingLine> clearedBy(String source, int line) {
        Objects.requireNonNull(source, "source");
        return cleared.getOrDefault(source + ":" + line, List.of()).stream()
                .map(s -> s.note("cleared by the empty line " + source + ":" + line)).toList();
    }

    /**
     * Returns whether the container may use one device with the access asked for.
     *
     * <pre>{@code
     * policy.decide(HostLayout.CGROUP2, DeviceType.CHAR, 10, 200, DeviceAccess.parse("rw").orElseThrow());
     * }</pre>
     *
     * @param layout the host's cgroup layout
     * @param type   {@link DeviceType#CHAR} or {@link DeviceType#BLOCK}
     * @param major  the major number
     * @param minor  the minor number
     * @param access the access: every letter must be granted; r and w together are one open for reading and
     *               writing, which the kernel checks as one access
     * @return the verdict
     * @throws IllegalArgumentException for {@link DeviceType#ALL}, a negative number or an empty access
     */
    public DeviceVerdict decide(HostLayout layout, DeviceType type, int major, int minor, DeviceAccess access) {
        if (minor < 0) {
            throw new IllegalArgumentException("device numbers are not negative, got " + major + ":" + minor);
        }
        return decide(layout, type, major, minor, access, describe(type, major, minor, Optional.empty()));
    }

    /**
     * Returns whether the container may use a known device; for one with numbered instances
     * ({@link KnownDevice#TTY_USB}, {@code c 188:*}) every minor must be granted.
     *
     * <pre>{@code
     * policy.decide(HostLayout.CGROUP2, KnownDevice.KVM, DeviceAccess.RWM);
     * }</pre>
     *
     * @param layout the host's cgroup layout
     * @param device the device
     * @param access the access
     * @return the verdict
     * @throws IllegalArgumentException for an empty access
     */
    public DeviceVerdict decide(HostLayout layout, KnownDevice device, DeviceAccess access) {
        Objects.requireNonNull(device, "device");
        int minor = device.minor().orElse(-1);
        return decide(layout, device.type(), device.major(), minor, access,
                describe(device.type(), device.major(), minor, Optional.of(device.path())));
    }

    /**
     * Returns whether the container may use the device an allow rule names, asked as the rule asks it: an open
     * with the rule's r and w letters (one access, as the kernel checks an open), or mknod for an {@code m}-only
     * rule. For a rule with a {@code *} minor, every minor of a {@link KnownDevice} kind ({@code c 188:*}).
     *
     * <pre>{@code
     * policy.decide(HostLayout.CGROUP2, DeviceRule.parse(CgroupVersion.V1, true, "c 10:232 rwm")); // asks rw
     * }</pre>
     *
     * @param layout the host's cgroup layout
     * @param rule   a rule naming one device, or every minor of a known kind
     * @return the verdict, or empty for the global rule, a path, a {@code *} major, the type {@code a} or a
     *         {@code *} minor of a major no known device kind has
     */
    public Optional<DeviceVerdict> decide(HostLayout layout, DeviceRule rule) {
        Objects.requireNonNull(rule, "rule");
        if (rule.isGlobal() || rule.path().isPresent() || rule.major().isEmpty() || rule.type() == DeviceType.ALL) {
            return Optional.empty();
        }
        DeviceAccess open = new DeviceAccess(rule.access().read(), rule.access().write(), false);
        DeviceAccess asked = open.isEmpty() ? rule.access() : open;
        if (rule.minor().isPresent()) {
            return Optional.of(decide(layout, rule.type(), rule.major().getAsInt(), rule.minor().getAsInt(), asked));
        }
        return rule.knownDevice().map(k -> decide(layout, k, asked));
    }

    private DeviceVerdict decide(HostLayout layout, DeviceType type, int major, int minor, DeviceAccess access,
                                 String device) {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(access, "access");
        if (type == DeviceType.ALL) {
            throw new IllegalArgumentException("ask about a character (CHAR) or block (BLOCK) device, not ALL");
        }
        if (major < 0) {
            throw new IllegalArgumentException("device numbers are not negative, got " + major + ":" + minor);
        }
        if (access.isEmpty()) {
            throw new IllegalArgumentException("the access must name at least one of r, w and m");
        }
        Request q = new Request(type, major, minor, Step.mask(access));
        boolean v2 = layout.appliesCgroup2Devices();
        Outcome o = v2 ? cgroup2.decide(q) : v1().exceptions().decide(q);
        Notes ignored = new Notes();
        StepIndex other = v2 ? ownV1 : v1().ownCgroup2();
        String note = v2 ? "ignored: a cgroup v1 key on " + layout.description()
                : "ignored: liblxc applies no lxc.cgroup2 line on " + layout.description();
        for (Step s : other.touching(q)) {
            ignored.add(s, note);
        }
        List<DecidingLine> lines = new ArrayList<>(ignored.lines());
        lines.addAll(o.lines());
        return new DeviceVerdict(o.granted(), layout, device, access, o.reason(), lines, o.startFailure());
    }

    private static String describe(DeviceType type, int major, int minor, Optional<String> path) {
        String kind = type == DeviceType.CHAR ? "character device " : "block device ";
        String numbers = major + ":" + (minor < 0 ? "*" : Integer.toString(minor));
        Optional<String> name = path;
        if (name.isEmpty() && minor >= 0) {
            for (KnownDevice d : KnownDevice.values()) {
                if (d.type() == type && d.major() == major && d.minor().orElse(-1) == minor) {
                    name = Optional.of(d.path());
                }
            }
            if (name.isEmpty()) {
                name = DeviceCatalog.lookup(type, major, minor).map(DeviceInfo::name);
            }
        }
        return kind + numbers + name.map(n -> " (" + n + ")").orElse("");
    }

    private static List<String[]> bundled(String name) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = DevicePolicy.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] tab = line.split("\t", 2);
                    int eq = tab[1].indexOf('=');
                    out.add(new String[] {tab[0], tab[1].substring(0, eq).strip(), tab[1].substring(eq + 1).strip()});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    /** Collects the lines in order, applying empty values as liblxc does. */
    private static final class Builder {
        final List<Step> steps = new ArrayList<>();
        final Map<String, List<Step>> cleared = new HashMap<>();
        int next;

        void clear(java.util.function.Predicate<Step> which, String source, int line) {
            List<Step> removed = steps.stream().filter(which).toList();
            steps.removeAll(removed);
            cleared.put(source + ":" + line, removed);
        }

        void bundled(String file, List<String[]> lines) {
            for (String[] l : lines) {
                add(l[1], l[2], file, Integer.parseInt(l[0]), "");
            }
        }

        void entry(String key, String value, String source, int line) {
            if (key.equals("lxc.include")) {
                String v = value.strip();
                String name = v.substring(v.lastIndexOf('/') + 1);
                if (name.equals("common.conf") || name.endsWith(".common.conf")) {
                    bundled(COMMON, COMMON_LINES);
                } else if (name.equals("userns.conf") || name.endsWith(".userns.conf")) {
                    bundled(USERNS, USERNS_LINES);
                }
            } else if (key.equals("lxc.cgroup") || key.equals("lxc.cgroup2")) {
                if (value.isEmpty()) {
                    clear(s -> s.key().startsWith(key + "."), source, line);
                }
            } else if (DEVICE_KEY.matcher(key).matches()) {
                add(key, value, source, line, "");
            }
        }

        void add(String lineKey, String value, String source, int line, String via) {
            String key = DEVICE_KEYS.getOrDefault(lineKey, lineKey);
            if (value.isEmpty()) {
                clear(s -> s.key().equals(key), source, line);
                return;
            }
            CgroupVersion version = key.startsWith("lxc.cgroup2.") ? CgroupVersion.V2 : CgroupVersion.V1;
            Optional<DeviceRule> rule;
            try {
                rule = Optional.of(DeviceRule.parse(version, key.endsWith(".allow"), value));
            } catch (IllegalArgumentException e) {
                rule = Optional.empty();
            }
            steps.add(new Step(next++, key, value, source, Math.max(line, 1), rule, via));
        }
    }
}
