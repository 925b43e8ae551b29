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

import java.util.ArrayList;
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

    /** One pair to migrate. */
    record Pair(int ruleIndex, int mountIndex, String ruleKey, String ruleValue, String mountValue, String path,
                String devValueAfterPath, String reason) {
    }

    private ProxmoxDevices() {
    }

    /** Finds the pairs; reports wildcard rules next to device bind mounts. */
    static List<Pair> find(LxcConfig config, List<Diagnostic> diagnostics, List<Integer> origin) {
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
        Set<Integer> used = new HashSet<>();
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
                wildcard(config, rule, r, mounts, diagnostics, origin);
                continue;
            }
            for (At m : mounts) {
                if (used.contains(m.index())) {
                    continue;
                }
                Optional<MountEntry> entry = mount(m.line().value());
                if (entry.isEmpty() || !entry.get().isBind()) {
                    continue;
                }
                String source = entry.get().source();
                if (!source.startsWith("/dev/") || !entry.get().target().equals(source.substring(1))
                        || !names(rule, source)) {
                    continue;
                }
                used.add(m.index());
                List<String> opts = new ArrayList<>();
                if (!rule.access().write()) {
                    opts.add("deny-write=1");
                }
                String reason = "Proxmox VE 8.1 and later pass a device node with a devN option: Proxmox creates "
                        + "the node and the cgroup2 rule (" + rule.type().letter() + ' ' + rule.major().getAsInt()
                        + ':' + rule.minor().getAsInt() + (rule.access().write() ? " rw" : " r") + ") itself at "
                        + "start, so the raw rule and the bind mount of " + source + " are not needed. The node "
                        + "gets mode 0660 and uid/gid 0 in the container unless mode=, uid= or gid= say otherwise"
                        + (entry.get().isOptional() ? "; unlike the optional bind mount, a missing node stops the "
                        + "start" : "") + (rule.access().mknod() ? "; devN does not grant mknod (m)" : "") + ".";
                pairs.add(new Pair(r.index(), m.index(), r.line().key(), r.line().value(), m.line().value(), source,
                        String.join(",", opts), reason));
                break;
            }
        }
        return pairs;
    }

    /** Applies the pairs with the editor; returns the new config. */
    static LxcConfig apply(LxcConfig config, List<Pair> pairs) {
        ConfigEditor edit = config.edit();
        for (Pair p : pairs) {
            edit.remove(p.ruleKey(), p.ruleValue()).remove("lxc.mount.entry", p.mountValue());
            if (p.devValueAfterPath().isEmpty()) {
                edit.proxmoxDevice(p.path());
            } else {
                edit.proxmoxDevice(p.path(), p.devValueAfterPath().split(","));
            }
        }
        return edit.build();
    }

    /** The {@code devN: ...} line that names a path, in the migrated config. */
    static Optional<String> devLine(LxcConfig config, String path) {
        for (Line line : config.lines()) {
            if (line instanceof SectionLine) {
                break;
            }
            if (line instanceof EntryLine e && DEV_KEY.matcher(e.key()).matches()) {
                for (String part : e.value().split(",")) {
                    if (part.equals(path) || part.equals("path=" + path)) {
                        return Optional.of(e.content());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The 0-based indexes of the main-section lines with this key and value. */
    static List<Integer> sameEntries(LxcConfig config, String key, String value) {
        List<Integer> out = new ArrayList<>();
        List<Line> lines = config.lines();
        for (int i = 0; i < lines.size() && !(lines.get(i) instanceof SectionLine); i++) {
            if (lines.get(i) instanceof EntryLine e && e.key().equals(key) && e.value().equals(value)) {
                out.add(i);
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

    /** Whether the device table gives {@code source} as the node of the rule's numbers. */
    static boolean names(DeviceRule rule, String source) {
        int major = rule.major().getAsInt();
        int minor = rule.minor().getAsInt();
        Optional<DeviceInfo> info = DeviceCatalog.lookup(rule.type(), major, minor);
        if (info.isEmpty()) {
            return false;
        }
        String name = info.get().name();
        if (name.equals(source)) {
            return true;
        }
        if (!name.endsWith("..")) {
            return false;
        }
        Matcher range = RANGE.matcher(info.get().minor());
        Matcher base = TRAILING_NUMBER.matcher(name.substring(0, name.length() - 2));
        if (!range.matches() || !base.matches()) {
            return false;
        }
        long node = Long.parseLong(base.group(2)) + (minor - Long.parseLong(range.group(1)));
        return source.equals(base.group(1) + node);
    }

    private static void wildcard(LxcConfig config, DeviceRule rule, At r, List<At> mounts,
                                 List<Diagnostic> diagnostics, List<Integer> origin) {
        for (At m : mounts) {
            Optional<MountEntry> entry = mount(m.line().value());
            if (entry.isPresent() && entry.get().isBind() && entry.get().source().startsWith("/dev/")) {
                Optional<DeviceInfo> info = DeviceCatalog.byPath(entry.get().source());
                if (info.isPresent() && info.get().type() == rule.type()
                        && info.get().major().equals(Integer.toString(rule.major().getAsInt()))) {
                    DiagnosticCode code = DiagnosticCode.MIG_NO_PROXMOX_DEVICE;
                    diagnostics.add(new Diagnostic(code.defaultSeverity(), code, "the rule " + r.line().value()
                            + " allows every device with major " + rule.major().getAsInt() + "; a devN option "
                            + "passes one device node, so these raw lines stay",
                            Optional.of("to use devN, add one devN line per device node (for example dev0: "
                                    + entry.get().source() + ") and remove the raw lines"),
                            config.sourceName(), origin.get(r.index()), r.line().keyColumn()));
                    return;
                }
            }
        }
    }
}
