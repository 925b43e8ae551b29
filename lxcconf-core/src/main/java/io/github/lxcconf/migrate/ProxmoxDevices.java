package io.github.lxcconf.migrate;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.edit.ConfigEditor;
import io.github.lxcconf.model.CgroupVersion;
import io.github.lxcconf.model.DeviceCatalog;
import io.github.lxcconf.model.DeviceInfo;
import io.github.lxcconf.model.DeviceRule;
import io.github.lxcconf.model.DeviceType;
import io.github.lxcconf.model.MountEntry;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.SectionLine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw device passthrough in a Proxmox config (an allow rule for one device node plus a bind mount of
 * that node) turned into a {@code devN} option, with the config editor.
 */
final class ProxmoxDevices {
    private static final Pattern RANGE = Pattern.compile("([0-9]+)-([0-9]*)");
    private static final Pattern TRAILING_NUMBER = Pattern.compile("(.*?)([0-9]+)");
    private static final Pattern DEV_KEY = Pattern.compile("dev[0-9]+");

    /** A line of the main section, with its 0-based index. */
    private record At(int index, EntryLine line) {
    }

    /** A device bind mount, read once. */
    private record MountAt(At at, MountEntry entry) {
    }

    /** One pair to migrate. */
    record Pair(int ruleIndex, int mountIndex, String ruleKey, String ruleValue, String mountValue, String path,
                String devValueAfterPath, String reason) {
    }

    private ProxmoxDevices() {
    }

    /** Finds the pairs; reports wildcard rules next to device bind mounts. */
    static List<Pair> find(LxcConfig config, List<Diagnostic> diagnostics, LineMigrator.Origins origin) {
        List<Pair> pairs = new ArrayList<>();
        if (config.dialect() != Dialect.PROXMOX) {
            return pairs;
        }
        List<At> rules = new ArrayList<>();
        List<At> mounts = new ArrayList<>();
        List<Line> lines = config.lines();
        for (int i = 0; i < lines.size() && !(lines.get(i) instanceof SectionLine); i++) {
            if (lines.get(i) instanceof EntryLine e) {
                if (e.key().equals("lxc.cgroup2.devices.allow") || e.key().equals("lxc.cgroup.devices.allow")) {
                    rules.add(new At(i, e));
                } else if (e.key().equals("lxc.mount.entry")) {
                    mounts.add(new At(i, e));
                }
            }
        }
        // each mount entry is read once: the device bind mounts by source, and the first one per type and major
        Map<String, ArrayDeque<MountAt>> bySource = new HashMap<>();
        Map<String, MountAt> byTypeAndMajor = new HashMap<>();
        for (At m : mounts) {
            Optional<MountEntry> entry = mount(m.line().value());
            if (entry.isEmpty() || !entry.get().isBind() || !entry.get().source().startsWith("/dev/")) {
                continue;
            }
            String source = entry.get().source();
            MountAt at = new MountAt(m, entry.get());
            if (entry.get().target().equals(source.substring(1))) {
                bySource.computeIfAbsent(source, s -> new ArrayDeque<>()).add(at);
            }
            DeviceCatalog.byPath(source).ifPresent(info ->
                    byTypeAndMajor.putIfAbsent(info.type().letter() + " " + info.major(), at));
        }
        for (At r : rules) {
            CgroupVersion version = r.line().key().startsWith("lxc.cgroup2.") ? CgroupVersion.V2 : CgroupVersion.V1;
            DeviceRule rule;
            try {
                rule = DeviceRule.parse(version, true, r.line().value());
            } catch (IllegalArgumentException ex) {
                continue;
            }
            if (rule.isGlobal() || rule.path().isPresent() || rule.type() == DeviceType.ALL
                    || rule.major().isEmpty() || !rule.access().read()) {
                continue;
            }
            if (rule.minor().isEmpty()) {
                wildcard(config, rule, r, byTypeAndMajor, diagnostics, origin);
                continue;
            }
            Optional<String> node = node(rule);
            ArrayDeque<MountAt> candidates = node.map(bySource::get).orElse(null);
            if (candidates == null || candidates.isEmpty()) {
                continue;
            }
            MountAt m = candidates.poll(); // the first bind mount of that node no earlier rule took
            String source = node.get();
            List<String> opts = new ArrayList<>();
            if (!rule.access().write()) {
                opts.add("deny-write=1");
            }
            String reason = "Proxmox VE 8.1 and later pass a device node with a devN option: Proxmox creates "
                    + "the node and the cgroup2 rule (" + rule.type().letter() + ' ' + rule.major().getAsInt()
                    + ':' + rule.minor().getAsInt() + (rule.access().write() ? " rw" : " r") + ") itself at "
                    + "start, so the raw rule and the bind mount of " + source + " are not needed. The node "
                    + "gets mode 0660 and uid/gid 0 in the container unless mode=, uid= or gid= say otherwise"
                    + (m.entry().isOptional() ? "; unlike the optional bind mount, a missing node stops the "
                    + "start" : "") + (rule.access().mknod() ? "; devN does not grant mknod (m)" : "") + ".";
            pairs.add(new Pair(r.index(), m.at().index(), r.line().key(), r.line().value(), m.at().line().value(),
                    source, String.join(",", opts), reason));
        }
        return pairs;
    }

    /**
     * Applies the pairs with the editor; returns the new config. Every main-section line with a pair's rule
     * (or mount) key and value goes, found in one pass; each device path gets one devN option.
     */
    static LxcConfig apply(LxcConfig config, List<Pair> pairs) {
        ConfigEditor edit = config.edit();
        Set<List<String>> removed = new HashSet<>();
        Map<String, String> devices = new LinkedHashMap<>();
        for (Pair p : pairs) {
            removed.add(List.of(p.ruleKey(), p.ruleValue()));
            removed.add(List.of("lxc.mount.entry", p.mountValue()));
            devices.putIfAbsent(p.path(), p.devValueAfterPath());
        }
        List<Line> lines = config.lines();
        for (int i = 0; i < lines.size() && !(lines.get(i) instanceof SectionLine); i++) {
            if (lines.get(i) instanceof EntryLine e && removed.contains(List.of(e.key(), e.value()))) {
                edit.remove(e);
            }
        }
        devices.forEach((path, options) -> {
            if (options.isEmpty()) {
                edit.proxmoxDevice(path);
            } else {
                edit.proxmoxDevice(path, options.split(","));
            }
        });
        return edit.build();
    }

    /** The {@code devN: ...} line naming each device path, in the migrated config: the first such line per path. */
    static Map<String, String> devLines(LxcConfig config) {
        Map<String, String> out = new HashMap<>();
        for (Line line : config.lines()) {
            if (line instanceof SectionLine) {
                break;
            }
            if (line instanceof EntryLine e && DEV_KEY.matcher(e.key()).matches()) {
                for (String part : e.value().split(",")) {
                    out.putIfAbsent(part.startsWith("path=") ? part.substring(5) : part, e.content());
                }
            }
        }
        return out;
    }

    /** The 0-based indexes of the main-section lines by key and value. */
    static Map<List<String>, List<Integer>> entriesByKeyAndValue(LxcConfig config) {
        Map<List<String>, List<Integer>> out = new HashMap<>();
        List<Line> lines = config.lines();
        for (int i = 0; i < lines.size() && !(lines.get(i) instanceof SectionLine); i++) {
            if (lines.get(i) instanceof EntryLine e) {
                out.computeIfAbsent(List.of(e.key(), e.value()), k -> new ArrayList<>()).add(i);
            }
        }
        return out;
    }

    private static Optional<MountEntry> mount(String value) {
        try {
            return Optional.of(MountEntry.parse(value));
        } catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    /** The node the device table gives for the rule's numbers, such as {@code /dev/net/tun} for {@code c 10:200}. */
    static Optional<String> node(DeviceRule rule) {
        int major = rule.major().getAsInt();
        int minor = rule.minor().getAsInt();
        Optional<DeviceInfo> info = DeviceCatalog.lookup(rule.type(), major, minor);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        String name = info.get().name();
        if (!name.endsWith("..")) {
            return Optional.of(name);
        }
        Matcher range = RANGE.matcher(info.get().minor());
        Matcher base = TRAILING_NUMBER.matcher(name.substring(0, name.length() - 2));
        if (!range.matches() || !base.matches()) {
            return Optional.empty();
        }
        long node = Long.parseLong(base.group(2)) + (minor - Long.parseLong(range.group(1)));
        return Optional.of(base.group(1) + node);
    }

    private static void wildcard(LxcConfig config, DeviceRule rule, At r, Map<String, MountAt> byTypeAndMajor,
                                 List<Diagnostic> diagnostics, LineMigrator.Origins origin) {
        MountAt m = byTypeAndMajor.get(rule.type().letter() + " " + rule.major().getAsInt());
        if (m == null) {
            return;
        }
        DiagnosticCode code = DiagnosticCode.MIG_NO_PROXMOX_DEVICE;
        diagnostics.add(new Diagnostic(code.defaultSeverity(), code, "the rule " + r.line().value()
                + " allows every device with major " + rule.major().getAsInt() + "; a devN option "
                + "passes one device node, so these raw lines stay",
                Optional.of("to use devN, add one devN line per device node (for example dev0: "
                        + m.entry().source() + ") and remove the raw lines"),
                config.sourceName(), origin.get(r.index()), r.line().keyColumn()));
    }
}
