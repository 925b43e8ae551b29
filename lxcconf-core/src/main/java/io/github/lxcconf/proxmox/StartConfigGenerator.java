package io.github.lxcconf.proxmox;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.Severity;
import io.github.lxcconf.device.HostLayout;
import io.github.lxcconf.include.Provenance;
import io.github.lxcconf.model.proxmox.OptionSchema;
import io.github.lxcconf.model.proxmox.PropertyString;
import io.github.lxcconf.model.proxmox.ProxmoxOptions;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.Section;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pve-container's start path for one config: the API's checks, {@code vm_start}'s application of
 * {@code [pve:pending]}, and {@code update_lxc_config}, which writes the native config.
 *
 * <p>Proxmox's reader ({@code parse_pct_config}) and writer ({@code write_pct_config}) are
 * {@link ProxmoxRewrite}'s: the config is read from the rewrite's output, which holds exactly the values
 * Proxmox's reader stores (last value of a key, booleans and integers normalised, failed values kept, refused
 * raw keys dropped, {@code lxc.environment.runtime} first among the raw lines).
 */
final class StartConfigGenerator {
    private static final Pattern VMID = Pattern.compile("(?:^|.*[/\\\\])(\\d+)\\.conf");
    private static final Pattern HEADER = Pattern.compile("\\[([^\\]]+)\\]");
    private static final Pattern RAW = Pattern.compile("(lxc\\.[a-z0-9_.\\-]+): (.*)", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("([^:]+): (.*)", Pattern.DOTALL);
    private static final Pattern CRASHING = Pattern.compile("(pending|snapshots|lxc):\\s*(.*?)\\s*",
            Pattern.DOTALL);
    private static final Pattern SECTION_HEADER = Pattern.compile("\\[[^\\]]*\\]\\s*");
    private static final Pattern NET = Pattern.compile("net\\d+");
    private static final Pattern DEV = Pattern.compile("dev\\d+");
    private static final Pattern MOUNT_POINT = Pattern.compile("mp\\d+");
    private static final Pattern NEW_DISK = Pattern.compile("[^:,]+:\\d+(?:\\.\\d+)?");
    private static final Pattern KERNEL = Pattern.compile("(\\d+)\\.(\\d+).*");
    private static final Set<DiagnosticCode> PARSE_ERRORS = EnumSet.of(DiagnosticCode.PVE_MALFORMED_PROPERTY_STRING,
            DiagnosticCode.PVE_INVALID_PROPERTY, DiagnosticCode.PVE_TYPE_CHECK);

    /** The ostypes lxc-pve ships {@code <ostype>.common.conf} for. */
    static final Set<String> COMMON_CONF = Set.of("alpine", "archlinux", "centos", "debian", "devuan",
            "fedora", "gentoo", "kali", "opensuse", "openwrt", "oracle", "plamo", "sabayon", "slackware",
            "sparclinux", "ubuntu", "ubuntu-cloud", "voidlinux");
    /** The ostypes lxc-pve ships {@code <ostype>.userns.conf} for (all but openwrt). */
    static final Set<String> USERNS_CONF = Set.of("alpine", "archlinux", "centos", "debian", "devuan",
            "fedora", "gentoo", "kali", "opensuse", "oracle", "plamo", "sabayon", "slackware", "sparclinux",
            "ubuntu", "ubuntu-cloud", "voidlinux");
    private static final String CONFIG_PATH = "/usr/share/lxc/config";

    /** A refusal: Proxmox dies with this message. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** The config as Proxmox's reader stores it: the main section's options and raw lines, the pending section. */
    private static final class Conf {
        final List<String> mainText = new ArrayList<>(); // description lines of the main section
        final Map<String, String> options = new TreeMap<>();
        final List<String> env = new ArrayList<>();
        final List<String[]> raw = new ArrayList<>();
        final Map<String, String> pending = new TreeMap<>();
        final List<String> pendingText = new ArrayList<>();
        boolean hasPending;
        String snapshots = ""; // the snapshot sections as written, from the empty line before the first header

        String option(String key) {
            return options.get(key);
        }

        boolean hasRaw(String key) {
            return raw.stream().anyMatch(r -> r[0].equals(key));
        }
    }

    private final ProxmoxNode node;
    private final int vmid;
    private final String name;
    private final Random random;
    private final List<String> warnings = new ArrayList<>();
    /** For each line written to a buffer, what it comes from: an option key, RAW + index, or "" (Proxmox's own). */
    private final Map<StringBuilder, List<String>> origins = new IdentityHashMap<>();
    /** The origin of the lines written next. */
    private String from = "";
    /** The raw lxc.* lines as Proxmox's reader stores them (env first), for the origins RAW + index. */
    private final List<String[]> rawWritten = new ArrayList<>();
    /** The origins of the file's lines, once generated. */
    private List<String> lineOrigins = List.of();
    static final String RAW_ORIGIN = "\0raw:";
    /** Whether to write what can be written where Proxmox refuses (for the device decision), not to refuse. */
    private boolean lenient;

    static {
        io.github.lxcconf.internal.StartAccess.register(StartConfigGenerator::generateAnyway);
    }

    /**
     * Generates the file Proxmox would write were it to start the container where it refuses: a template or a
     * locked CT as if started, a missing {@code arch}, {@code ostype} or {@code rootfs} as if set (no line for it,
     * LXC's {@code common.conf}), a {@code devN}, {@code netN} or {@code features} value Proxmox dies on left out.
     */
    static StartConfig generateAnyway(LxcConfig config, ProxmoxNode node) {
        return generate(config, node, true);
    }

    /** Refuses with Proxmox's message, or, generating anyway, says whether to go on without the refused part. */
    private void refuse(String message) {
        if (!lenient) {
            throw new Refused(message);
        }
    }

    private StartConfigGenerator(ProxmoxNode node, int vmid) {
        this.node = node;
        this.vmid = vmid;
        this.name = vmid + ".conf";
        this.random = new Random(node.seed());
    }

    static StartConfig generate(LxcConfig config, ProxmoxNode node) {
        return generate(config, node, false);
    }

    private static StartConfig generate(LxcConfig config, ProxmoxNode node, boolean lenient) {
        if (config.dialect() != Dialect.PROXMOX) {
            throw new IllegalStateException("'" + config.sourceName() + "' is a native LXC config: only a Proxmox"
                    + " config (/etc/pve/lxc/VMID.conf) has a start config; read it with Dialect.PROXMOX");
        }
        Matcher m = VMID.matcher(config.sourceName());
        int vmid = m.matches() && m.group(1).length() < 10 ? Integer.parseInt(m.group(1)) : node.vmid();
        StartConfigGenerator generator = new StartConfigGenerator(node, vmid);
        generator.lenient = lenient;
        try {
            String text = generator.start(config.toBytes());
            return StartConfig.started(vmid, utf8(text), utf8(generator.warnings), generator.provenance(config));
        } catch (Refused r) {
            return StartConfig.refused(vmid, utf8(r.getMessage()), utf8(generator.warnings));
        }
    }

    /** Where each written line comes from in the Proxmox file: its option's line, or the raw line it copies. */
    private List<Optional<Provenance>> provenance(LxcConfig config) {
        List<int[]> rawLines = new ArrayList<>(); // line number, used
        List<EntryLine> rawEntries = new ArrayList<>();
        Map<String, Integer> optionLines = new HashMap<>();
        List<Section> sections = new ArrayList<>();
        config.pending().ifPresent(sections::add);
        sections.add(config.mainSection()); // the main section's line of an option wins
        for (int k = 0; k < sections.size(); k++) {
            Section section = sections.get(k);
            boolean main = k == sections.size() - 1;
            int number = section.firstLineNumber();
            for (Line line : section.lines()) {
                if (line instanceof EntryLine e) {
                    if (e.isLxcKey() && main) {
                        rawLines.add(new int[] {number, 0});
                        rawEntries.add(e);
                    } else if (!e.isLxcKey()) {
                        optionLines.put(e.key(), number);
                    }
                }
                number++;
            }
        }
        List<Optional<Provenance>> out = new ArrayList<>();
        for (String origin : lineOrigins) {
            if (origin.startsWith(RAW_ORIGIN)) {
                String[] raw = rawWritten.get(Integer.parseInt(origin.substring(RAW_ORIGIN.length())));
                String value = utf8(raw[1]).strip();
                int found = -1;
                for (int pass = 0; pass < 2 && found < 0; pass++) {
                    for (int i = 0; i < rawEntries.size() && found < 0; i++) {
                        EntryLine e = rawEntries.get(i);
                        if (rawLines.get(i)[1] == 0 && e.key().equals(raw[0])
                                && (pass == 1 || e.value().strip().equals(value))) {
                            found = i;
                        }
                    }
                }
                if (found >= 0) {
                    rawLines.get(found)[1] = 1;
                    out.add(Optional.of(new Provenance(config.sourceName(), rawLines.get(found)[0])));
                } else {
                    out.add(Optional.empty());
                }
            } else {
                Integer line = origin.isEmpty() ? null : optionLines.get(origin);
                out.add(line == null ? Optional.empty() : Optional.of(new Provenance(config.sourceName(), line)));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ vm_start

    private String start(byte[] content) {
        // load_config: the reader's warnings; options Proxmox's writer crashes on are set aside
        ProxmoxRewrite read = ProxmoxRewrite.of(name, content);
        warnings.addAll(read.warnings());
        String mainPendingString = null;
        String mainLxcString = null;
        String canonical;
        if (read.refusal().isPresent()) {
            StringBuilder kept = new StringBuilder();
            boolean inMain = true;
            for (String line : new String(content, StandardCharsets.ISO_8859_1).split("(?<=\n)")) {
                String bare = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
                if (SECTION_HEADER.matcher(bare).matches()) {
                    inMain = false;
                }
                Matcher c = CRASHING.matcher(bare);
                if (c.matches()) {
                    if (inMain && c.group(1).equals("pending")) {
                        mainPendingString = c.group(2);
                    } else if (inMain && c.group(1).equals("lxc")) {
                        mainLxcString = c.group(2);
                    }
                    continue;
                }
                kept.append(line);
            }
            canonical = latin1(ProxmoxRewrite.of(name, kept.toString().getBytes(StandardCharsets.ISO_8859_1)));
        } else {
            canonical = latin1(read);
        }
        Conf conf = parse(canonical);
        if (mainPendingString != null && conf.hasPending) {
            mainPendingString = null; // the section's hash replaces the string
        }

        // the API's checks before vm_start
        if (PerlValues.isTrue(conf.option("template"))) {
            refuse("you can't start a CT if it's a template");
        }
        String lock = conf.option("lock");
        if (!node.skipLock() && PerlValues.isTrue(lock) && !lock.equals("mounted")) {
            refuse("CT is locked (" + lock + ")");
        }
        if (PerlValues.isTrue(conf.option("unprivileged"))) {
            for (Map.Entry<String, String> e : conf.options.entrySet()) {
                if (e.getKey().equals("rootfs") || MOUNT_POINT.matcher(e.getKey()).matches()) {
                    Optional<String> quota = property(e.getKey(), e.getValue()).get("quota");
                    if (quota.isPresent() && booleanTrue(quota.get())) {
                        refuse("Quota cannot be used with unprivileged containers.");
                    }
                }
            }
        }

        // vm_start: apply [pve:pending], write, read again
        if (mainPendingString != null && !lenient) {
            throw new Refused("Can't use string (\"" + PerlValues.quoted(mainPendingString)
                    + ") as a HASH ref while \"strict refs\" in use");
        }
        if (conf.hasPending) {
            String applied = applyPending(conf);
            ProxmoxRewrite reread = ProxmoxRewrite.of(name, applied.getBytes(StandardCharsets.ISO_8859_1));
            warnings.addAll(reread.warnings());
            conf = parse(latin1(reread));
        }
        return updateLxcConfig(conf, mainLxcString);
    }

    /** The file's bytes were read one char per byte; the result is text. */
    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static List<String> utf8(List<String> latin1) {
        return latin1.stream().map(StartConfigGenerator::utf8).toList();
    }

    private static String latin1(ProxmoxRewrite rewrite) {
        return new String(rewrite.bytes(), StandardCharsets.ISO_8859_1);
    }

    /** Reads the rewrite's output, which is in Proxmox's written form. */
    private static Conf parse(String canonical) {
        Conf conf = new Conf();
        String[] lines = canonical.split("\n", -1);
        int section = 0; // 0 main, 1 pending
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            Matcher h = HEADER.matcher(line);
            if (h.matches()) {
                if (h.group(1).equals("pve:pending")) {
                    section = 1;
                    conf.hasPending = true;
                    continue;
                }
                StringBuilder rest = new StringBuilder();
                for (int j = i; j < lines.length; j++) {
                    rest.append('\n').append(lines[j]);
                }
                conf.snapshots = rest.substring(0, rest.length() - 1); // the text ends with \n
                break;
            }
            if (line.startsWith("#")) {
                (section == 0 ? conf.mainText : conf.pendingText).add(line);
                continue;
            }
            Matcher r = RAW.matcher(line);
            if (r.matches()) {
                if (section == 0) {
                    if (r.group(1).equals("lxc.environment.runtime")) {
                        conf.env.add(r.group(2));
                    } else {
                        conf.raw.add(new String[] {r.group(1), r.group(2)});
                    }
                }
                continue;
            }
            Matcher o = OPTION.matcher(line);
            if (o.matches()) {
                (section == 0 ? conf.options : conf.pending).put(o.group(1), o.group(2));
            }
        }
        return conf;
    }

    /** vmconfig_apply_pending, then write_config: returns the file Proxmox writes. */
    private String applyPending(Conf conf) {
        Map<String, String> options = new TreeMap<>(conf.options);
        Map<String, String> pending = new TreeMap<>(conf.pending);
        String delete = pending.remove("delete");
        if (delete != null) {
            for (String opt : new TreeSet<>(pendingDelete(delete))) {
                options.remove(opt);
            }
        }
        Map<String, String> left = new TreeMap<>();
        for (Map.Entry<String, String> e : pending.entrySet()) {
            String opt = e.getKey();
            String value = e.getValue();
            if (NET.matcher(opt).matches()) {
                Optional<String> error = parseError(opt, value);
                if (error.isPresent()) {
                    warnings.add("unable to apply pending change " + opt + " : " + error.get());
                    left.put(opt, value);
                    continue;
                }
                if (property(opt, value).get("hwaddr").isEmpty()) {
                    value = value + ",hwaddr=" + randomMac();
                }
            } else if (MOUNT_POINT.matcher(opt).matches()) {
                PropertyString mp = property(opt, value);
                if (mp.get("volume").filter(v -> NEW_DISK.matcher(v).matches()).isPresent()) {
                    warnings.add("unable to apply pending change " + opt + " : no storage to allocate "
                            + mp.get("volume").get() + " on");
                    left.put(opt, value);
                    continue;
                }
                value = mp.without("size").toValue();
            }
            options.put(opt, value);
        }
        StringBuilder out = new StringBuilder();
        conf.mainText.forEach(l -> out.append(l).append('\n'));
        options.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        conf.env.forEach(v -> out.append("lxc.environment.runtime: ").append(v).append('\n'));
        conf.raw.forEach(r -> out.append(r[0]).append(": ").append(r[1]).append('\n'));
        if (!left.isEmpty()) {
            out.append("\n[pve:pending]\n");
            left.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        }
        out.append(conf.snapshots);
        return out.toString();
    }

    /** parse_pending_delete: items split on commas, semicolons and blanks; a leading '!' forces. */
    private static List<String> pendingDelete(String delete) {
        List<String> items = new ArrayList<>();
        for (String item : delete.replaceAll("[,;]", " ").strip().split("\\s+")) {
            if (!item.isEmpty()) {
                items.add(item.startsWith("!") ? item.substring(1) : item);
            }
        }
        return items;
    }

    // ------------------------------------------------------------------ update_lxc_config

    private String updateLxcConfig(Conf conf, String mainLxcString) {
        StringBuilder out = new StringBuilder();
        origins.put(out, new ArrayList<>());
        boolean cgroup2 = node.cgroupLayout() == HostLayout.CGROUP2;
        int lxcMajor = node.lxcMajor();
        if (lxcMajor >= 4) {
            line(out, "lxc.cgroup.relative", "0");
            line(out, "lxc.cgroup.dir.monitor", "lxc.monitor/" + vmid);
            line(out, "lxc.cgroup.dir.container", "lxc/" + vmid);
            line(out, "lxc.cgroup.dir.container.inner", "ns");
        }
        String arch = conf.option("arch");
        if (!PerlValues.isTrue(arch)) {
            refuse("missing 'arch' - internal error");
        } else {
            from = "arch";
            line(out, "lxc.arch", arch);
        }
        if (mainLxcString != null && !lenient) {
            throw new Refused("Can't use string (\"" + PerlValues.quoted(mainLxcString)
                    + ") as an ARRAY ref while \"strict refs\" in use");
        }
        boolean customIdmap = conf.hasRaw("lxc.idmap");
        boolean unprivileged = PerlValues.isTrue(conf.option("unprivileged")) || customIdmap;
        String ostype = conf.option("ostype");
        if (!PerlValues.isTrue(ostype)) {
            refuse("missing 'ostype' - internal error");
            ostype = "";
        }
        from = "ostype";
        line(out, "lxc.include", CONFIG_PATH + "/" + (COMMON_CONF.contains(ostype) ? ostype + "." : "")
                + "common.conf");
        from = "unprivileged";
        if (unprivileged) {
            line(out, "lxc.include", CONFIG_PATH + "/" + (USERNS_CONF.contains(ostype) ? ostype + "." : "")
                    + "userns.conf");
        }

        PropertyString features = conf.option("features") == null ? PropertyString.parse("")
                : property("features", conf.option("features"));
        Optional<String> featureError = conf.option("features") == null ? Optional.empty()
                : parseError("features", conf.option("features"));
        if (featureError.isPresent()) {
            refuse(featureError.get());
            features = PropertyString.parse("");
        }
        boolean fuse = feature(features, "fuse");
        boolean nesting = feature(features, "nesting");
        boolean keyctl = feature(features, "keyctl");
        boolean mknod = feature(features, "mknod");
        boolean forceRwSys = feature(features, "force_rw_sys");
        Optional<String> mount = features.get("mount").filter(PerlValues::isTrue);

        // seccomp
        if (conf.hasRaw("lxc.seccomp.profile")) {
            List<String> used = new ArrayList<>();
            if (keyctl) {
                used.add("keyctl");
            }
            if (mknod) {
                used.add("mknod");
            }
            if (!used.isEmpty()) {
                warnings.add("explicitly configured lxc.seccomp.profile overrides the following settings: "
                        + String.join(", ", used));
            }
        } else if (unprivileged) {
            if (mknod) {
                Matcher k = KERNEL.matcher(node.kernelRelease());
                boolean ok = k.matches() && (Integer.parseInt(k.group(1)) > 5
                        || (Integer.parseInt(k.group(1)) == 5 && Integer.parseInt(k.group(2)) >= 3));
                if (!ok) {
                    refuse("'mknod' feature requested, but kernel too old (found "
                            + node.kernelRelease() + ", required >= 5.3)");
                }
                from = "features";
                line(out, "lxc.seccomp.notify.proxy", "unix:/run/pve-lxc-syscalld/socket");
                line(out, "lxc.seccomp.notify.cookie", String.valueOf(vmid));
            }
            from = "unprivileged";
            line(out, "lxc.seccomp.profile", "/var/lib/lxc/" + vmid + "/rules.seccomp");
        }

        // AppArmor
        List<String> profileUses = new ArrayList<>();
        StringBuilder apparmor = new StringBuilder();
        from = "";
        line(apparmor, "lxc.apparmor.profile", "generated");
        line(apparmor, "lxc.apparmor.raw", "allow mqueue,");
        if (fuse) {
            profileUses.add("features:fuse");
        }
        if (nesting) {
            profileUses.add("features:nesting");
            from = "features";
            line(apparmor, "lxc.apparmor.allow_nesting", "1");
            line(apparmor, "lxc.apparmor.raw", "allow userns,");
        } else {
            line(apparmor, "lxc.apparmor.raw", "deny mount -> /proc/,");
            line(apparmor, "lxc.apparmor.raw", "deny mount -> /sys/,");
        }
        if (mount.isPresent()) {
            profileUses.add("features:mount");
            from = "features";
            for (String fs : splitList(mount.get())) {
                line(apparmor, "lxc.apparmor.raw", "mount fstype=" + fs + ",");
            }
        }
        if (conf.hasRaw("lxc.apparmor.profile")) {
            if (!profileUses.isEmpty()) {
                warnings.add("explicitly configured lxc.apparmor.profile overrides the following settings: "
                        + String.join(", ", profileUses));
            }
        } else {
            out.append(apparmor);
            origins.get(out).addAll(origins.getOrDefault(apparmor, List.of()));
        }
        from = "features";
        if (fuse) {
            line(out, "lxc.apparmor.raw", "mount fstype=fuse,");
            line(out, "lxc.mount.entry", "/dev/fuse dev/fuse none bind,create=file 0 0");
        }
        from = "unprivileged";
        if (unprivileged && !forceRwSys) {
            line(out, "lxc.mount.auto", "sys:mixed");
        }
        String entrypoint = conf.option("entrypoint");
        from = "entrypoint";
        if (entrypoint != null && !entrypoint.equals("/sbin/init")) {
            line(out, "lxc.mount.entry", "shm dev/shm tmpfs rw,nosuid,nodev,create=dir 0 0");
        }

        // passthrough devices, in key order (Perl hash order on a node)
        for (Map.Entry<String, String> e : conf.options.entrySet()) {
            if (!DEV.matcher(e.getKey()).matches()) {
                continue;
            }
            Optional<String> devError = parseError(e.getKey(), e.getValue());
            if (devError.isPresent()) {
                refuse(devError.get());
                continue;
            }
            PropertyString dev = property(e.getKey(), e.getValue());
            Optional<String> devPath = dev.get("path");
            if (devPath.isEmpty()) {
                refuse("Path is not defined for passthrough device " + e.getKey());
                continue;
            }
            String path = devPath.get();
            Optional<DeviceNode> stat = node.devices().stat(path);
            if (stat.isEmpty()) {
                refuse("Device " + path + " does not exist");
                continue;
            }
            DeviceNode found = stat.get();
            String numbers = found.letter() + " " + found.major() + ":" + found.minor();
            from = e.getKey();
            if (dev.get("deny-write").filter(StartConfigGenerator::booleanTrue).isPresent()) {
                line(out, "lxc.cgroup2.devices.allow", numbers + " r");
                line(out, "lxc.cgroup2.devices.deny", numbers + " w");
            } else {
                line(out, "lxc.cgroup2.devices.allow", numbers + " rw");
            }
        }
        from = "";
        line(out, "lxc.monitor.unshare", "1");
        from = "unprivileged";
        if (unprivileged && !customIdmap) {
            line(out, "lxc.idmap", "u 0 100000 65536");
            line(out, "lxc.idmap", "g 0 100000 65536");
        }
        String console = conf.option("console");
        from = "console";
        if (console != null && !PerlValues.isTrue(console)) {
            line(out, "lxc.console.path", "none");
            line(out, cgroup2 ? "lxc.cgroup2.devices.deny" : "lxc.cgroup.devices.deny", "c 5:1 rwm");
        }
        String tty = conf.option("tty");
        from = tty == null ? "" : "tty";
        line(out, "lxc.tty.max", tty == null ? "2" : tty);
        from = "";
        line(out, "lxc.environment", "TERM=linux");
        from = "hostname";
        String hostname = conf.option("hostname");
        line(out, "lxc.uts.name", PerlValues.isTrue(hostname) ? hostname : "CT" + vmid);

        if (cgroup2) {
            String memoryValue = conf.option("memory");
            BigDecimal memory = PerlValues.isTrue(memoryValue) ? PerlValues.number(memoryValue)
                    : BigDecimal.valueOf(512);
            BigDecimal swap = PerlValues.number(conf.option("swap"));
            BigDecimal mib = BigDecimal.valueOf(1024 * 1024);
            from = "memory";
            line(out, "lxc.cgroup2.memory.max", PerlValues.integer(memory.multiply(mib)).toString());
            BigDecimal high = memory.compareTo(BigDecimal.valueOf(16 * 1024)) >= 0
                    ? memory.subtract(BigDecimal.valueOf(128)).multiply(mib)
                    : memory.multiply(BigDecimal.valueOf(1024 * 1016));
            line(out, "lxc.cgroup2.memory.high", PerlValues.integer(high).toString());
            from = "swap";
            line(out, "lxc.cgroup2.memory.swap.max", PerlValues.integer(swap.multiply(mib)).toString());
            String cpulimit = conf.option("cpulimit");
            from = "cpulimit";
            if (PerlValues.isTrue(cpulimit)) {
                line(out, "lxc.cgroup2.cpu.max", PerlValues.integer(PerlValues.number(cpulimit)
                        .multiply(BigDecimal.valueOf(100000))) + " 100000");
            }
            String cpuunits = conf.option("cpuunits");
            from = "cpuunits";
            if (cpuunits != null) {
                line(out, "lxc.cgroup2.cpu.weight",
                        PerlValues.number(cpuunits).compareTo(BigDecimal.valueOf(10000)) > 0 ? "10000" : cpuunits);
            }
        }

        if (conf.option("rootfs") == null) {
            refuse("missing 'rootfs' configuration");
        } else {
            parseError("rootfs", conf.option("rootfs")).ifPresent(this::refuse);
        }
        from = "rootfs";
        line(out, "lxc.rootfs.path", "/var/lib/lxc/" + vmid + "/rootfs");
        from = "entrypoint";
        if (entrypoint != null) {
            line(out, "lxc.init.cmd", entrypoint);
        }

        // networks, in string order of their keys
        for (Map.Entry<String, String> e : conf.options.entrySet()) {
            if (NET.matcher(e.getKey()).matches()) {
                from = e.getKey();
                if (lenient) {
                    StringBuilder one = new StringBuilder();
                    origins.put(one, new ArrayList<>());
                    boolean lenientBefore = lenient;
                    lenient = false;
                    try {
                        network(one, e.getKey(), e.getValue(), lxcMajor);
                        out.append(one);
                        origins.get(out).addAll(origins.get(one));
                    } catch (Refused r) {
                        // the interface Proxmox dies on is left out
                    } finally {
                        lenient = lenientBefore;
                    }
                    continue;
                }
                network(out, e.getKey(), e.getValue(), lxcMajor);
            }
        }

        for (String env : conf.env) {
            from = RAW_ORIGIN + rawWritten.size();
            rawWritten.add(new String[] {"lxc.environment.runtime", env});
            line(out, "lxc.environment.runtime", env);
        }
        boolean hadCpuset = false;
        for (String[] raw : conf.raw) {
            hadCpuset |= raw[0].equals("lxc.cgroup.cpuset.cpus") || raw[0].equals("lxc.cgroup2.cpuset.cpus");
            from = RAW_ORIGIN + rawWritten.size();
            rawWritten.add(raw);
            line(out, raw[0], raw[1]);
        }
        from = "cores";
        String cores = conf.option("cores");
        if (!hadCpuset && PerlValues.isTrue(cores)) {
            List<Integer> members = new ArrayList<>(node.cpuset());
            BigDecimal wanted = PerlValues.number(cores);
            while (BigDecimal.valueOf(members.size()).compareTo(wanted) > 0) {
                members.remove(random.nextInt(members.size()));
            }
            line(out, cgroup2 ? "lxc.cgroup2.cpuset.cpus" : "lxc.cgroup.cpuset.cpus", shortString(members));
        }
        lineOrigins = origins.get(out);
        return out.toString();
    }

    private void network(StringBuilder out, String key, String value, int lxcMajor) {
        parseError(key, value).ifPresent(error -> {
            throw new Refused(error);
        });
        PropertyString net = property(key, value);
        String index = key.substring(3);
        String prefix = "lxc.net." + index + ".";
        String hwaddr = net.get("hwaddr").orElseGet(this::randomMac);
        line(out, prefix + "type", "veth");
        line(out, prefix + "veth.pair", "veth" + vmid + "i" + index);
        line(out, prefix + "hwaddr", hwaddr);
        net.get("name").ifPresent(n -> line(out, prefix + "name", n));
        String bridge = net.get("bridge").orElse("");
        OptionalInt bridgeMtu = node.bridgeMtu(bridge);
        if (bridgeMtu.isEmpty()) {
            throw new Refused("bridge '" + bridge + "' does not exist");
        }
        Optional<String> mtuValue = net.get("mtu").filter(PerlValues::isTrue);
        String mtu = mtuValue.orElse(String.valueOf(bridgeMtu.getAsInt()));
        if (PerlValues.number(mtu).compareTo(BigDecimal.valueOf(bridgeMtu.getAsInt())) > 0) {
            throw new Refused(key + ": MTU size '" + mtu + "' is bigger than bridge MTU '" + bridgeMtu.getAsInt()
                    + "'");
        }
        line(out, prefix + "mtu", mtu);
        if (lxcMajor >= 4) {
            line(out, prefix + "script.up", "/usr/share/lxc/lxcnetaddbr");
        }
        boolean hostManaged = net.get("host-managed").filter(StartConfigGenerator::booleanTrue).isPresent();
        boolean linkDown = net.get("link_down").filter(StartConfigGenerator::booleanTrue).isPresent();
        if (hostManaged && !linkDown) {
            net.get("ip").filter(ip -> !ip.equals("dhcp") && !ip.equals("manual"))
                    .ifPresent(ip -> line(out, prefix + "ipv4.address", ip));
            net.get("gw").ifPresent(gw -> line(out, prefix + "ipv4.gateway", gw));
            Optional<String> ip6 = net.get("ip6");
            if (ip6.filter(ip -> ip.equals("auto")).isPresent()) {
                throw new Refused(key + ": SLAAC is not supported with host-managed networking");
            }
            ip6.filter(ip -> !ip.equals("dhcp") && !ip.equals("manual"))
                    .ifPresent(ip -> line(out, prefix + "ipv6.address", ip));
            net.get("gw6").ifPresent(gw -> line(out, prefix + "ipv6.gateway", gw));
            line(out, prefix + "flags", "up");
        }
    }

    // ------------------------------------------------------------------ helpers

    private void line(StringBuilder out, String key, String value) {
        out.append(key).append(" = ").append(value).append('\n');
        origins.computeIfAbsent(out, k -> new ArrayList<>()).add(from);
    }

    private static PropertyString property(String key, String value) {
        return OptionSchema.proxmox().format(key).map(f -> PropertyString.parse(value, f))
                .orElseGet(() -> PropertyString.parse(value));
    }

    /** The message {@code parse_property_string} dies with for this value, if it dies. */
    private static Optional<String> parseError(String key, String value) {
        String prefix = "unable to parse value of '" + key + "' - ";
        String formatError = "format error: ";
        List<String> details = new ArrayList<>();
        for (Diagnostic d : ProxmoxOptions.check(key, value)) {
            if (d.severity() != Severity.WARNING || !PARSE_ERRORS.contains(d.code())
                    || !d.message().startsWith(prefix)) {
                continue;
            }
            String message = d.message().substring(prefix.length());
            if (message.startsWith(formatError)) {
                details.add(message.substring(formatError.length()));
            } else if (details.isEmpty()) {
                return Optional.of(message);
            }
        }
        return details.isEmpty() ? Optional.empty() : Optional.of("format error\n" + String.join("\n", details));
    }

    private static boolean feature(PropertyString features, String key) {
        return features.get(key).filter(StartConfigGenerator::booleanTrue).isPresent();
    }

    /** A boolean sub-key as parse_property_string normalises it. */
    private static boolean booleanTrue(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "1", "on", "yes", "true" -> true;
            default -> false;
        };
    }

    /** PVE::Tools::split_list: items separated by commas, semicolons, blanks or NULs. */
    private static List<String> splitList(String list) {
        List<String> items = new ArrayList<>();
        for (String item : list.split("[,;\\s\\x00]+")) {
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return items;
    }

    /** PVE::Tools::random_ether_addr: unicast, locally administered, the datacenter's prefix put in front. */
    private String randomMac() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        bytes[0] = (byte) ((bytes[0] & 0xfe) | 2);
        StringBuilder mac = new StringBuilder();
        for (byte b : bytes) {
            if (mac.length() > 0) {
                mac.append(':');
            }
            mac.append(String.format("%02X", b & 0xff));
        }
        String addr = mac.toString();
        Optional<String> prefix = node.macPrefix();
        if (prefix.isPresent() && prefix.get().length() <= addr.length()) {
            addr = prefix.get().toUpperCase(java.util.Locale.ROOT) + addr.substring(prefix.get().length());
        }
        return addr;
    }

    /** PVE::CpuSet::short_string: runs of consecutive CPUs as ranges. */
    static String shortString(List<Integer> cpus) {
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(cpus));
        StringBuilder s = new StringBuilder();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            if (s.length() > 0) {
                s.append(',');
            }
            s.append(sorted.get(i));
            if (j > i) {
                s.append('-').append(sorted.get(j));
            }
            i = j + 1;
        }
        return s.toString();
    }

}
