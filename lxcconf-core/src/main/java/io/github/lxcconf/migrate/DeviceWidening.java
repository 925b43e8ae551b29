package io.github.lxcconf.migrate;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.internal.ConfigAccess;
import io.github.lxcconf.device.DevicePolicy;
import io.github.lxcconf.device.HostLayout;
import io.github.lxcconf.model.DeviceAccess;
import io.github.lxcconf.model.DeviceRule;
import io.github.lxcconf.model.DeviceType;
import io.github.lxcconf.model.KnownDevice;
import io.github.lxcconf.model.LxcSettings;
import io.github.lxcconf.model.proxmox.DevicePassthrough;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the device migrations change in what a container may use, by the device decision: on a pure cgroup2
 * host before and after (widening), and on a v1 host before against a cgroup2 host after (behaviour).
 */
record DeviceWidening(Map<String, List<String>> widened, Map<String, List<String>> changed) {

    /** The accesses asked: an open for reading, for writing, for both (one access to the kernel), and mknod. */
    private static final List<DeviceAccess> ACCESSES = List.of(new DeviceAccess(true, false, false),
            new DeviceAccess(false, true, false), new DeviceAccess(true, true, false),
            new DeviceAccess(false, false, true));

    /** A device asked about. */
    private record Probe(DeviceType type, int major, int minor, String name) {
        // written out: a record's generated equals and hashCode are bootstrapped through method handles on
        // first use, which a fresh JVM pays for in every explain of a config with device rules
        @Override
        public boolean equals(Object o) {
            return o instanceof Probe p && p.type == type && p.major == major && p.minor == minor
                    && p.name.equals(name);
        }

        @Override
        public int hashCode() {
            return ((type.hashCode() * 31 + major) * 31 + minor) * 31 + name.hashCode();
        }
    }

    static DeviceWidening compare(LxcConfig before, LxcConfig after) {
        // the devices asked about first, so that the rules they come from are gone when the policies are made
        List<DeviceRule> rulesBefore = deviceRules(before);
        boolean hasV1 = rulesBefore.stream().anyMatch(r -> r.key().startsWith("lxc.cgroup.devices."));
        Set<Probe> probes = probes(rulesBefore, before, after);
        rulesBefore = null;
        // one policy at a time: the old one's answers are kept, then the new one is made and asked
        int asked = probes.size() * ACCESSES.size();
        boolean[] was = new boolean[asked];
        boolean[] v1 = new boolean[asked];
        DevicePolicy old = DevicePolicy.of(before);
        int q = 0;
        for (Probe p : probes) {
            for (DeviceAccess a : ACCESSES) {
                was[q] = old.decide(HostLayout.CGROUP2, p.type(), p.major(), p.minor(), a).granted();
                if (hasV1) {
                    v1[q] = old.decide(HostLayout.HYBRID, p.type(), p.major(), p.minor(), a).granted();
                }
                q++;
            }
        }
        old = null;
        DevicePolicy now = DevicePolicy.of(after);
        Map<String, List<String>> widened = new LinkedHashMap<>();
        Map<String, List<String>> changed = new LinkedHashMap<>();
        q = 0;
        for (Probe p : probes) {
            for (DeviceAccess a : ACCESSES) {
                boolean is = now.decide(HostLayout.CGROUP2, p.type(), p.major(), p.minor(), a).granted();
                if (is && !was[q]) {
                    widened.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(a.toValue());
                }
                if (hasV1 && v1[q] != is) {
                    changed.computeIfAbsent(p.name(), k -> new ArrayList<>())
                            .add(a.toValue() + (is ? " granted" : " refused"));
                }
                q++;
            }
        }
        return new DeviceWidening(widened, changed);
    }

    /** Every device a rule or devN option of either config names (minor 0 for '*'), and a sample for the rest. */
    private static Set<Probe> probes(List<DeviceRule> rulesBefore, LxcConfig before, LxcConfig after) {
        Set<Probe> out = new LinkedHashSet<>();
        for (LxcConfig c : List.of(before, after)) {
            for (DeviceRule r : c == before ? rulesBefore : deviceRules(after)) {
                if (r.major().isPresent() && r.type() != DeviceType.ALL) {
                    int minor = r.minor().orElse(0);
                    out.add(new Probe(r.type(), r.major().getAsInt(), minor, name(r.type(), r.major().getAsInt(), minor)));
                }
                r.path().flatMap(KnownDevice::byPath).ifPresent(d -> out.add(probe(d)));
            }
            for (DevicePassthrough d : c.proxmox().devices()) {
                d.path().flatMap(KnownDevice::byPath).ifPresent(k -> out.add(probe(k)));
            }
        }
        for (KnownDevice d : KnownDevice.values()) {
            out.add(probe(d));
        }
        out.add(new Probe(DeviceType.BLOCK, 8, 0, name(DeviceType.BLOCK, 8, 0)));
        out.add(new Probe(DeviceType.CHAR, 4, 0, name(DeviceType.CHAR, 4, 0)));
        return out;
    }

    /**
     * The config's device rules, as {@code config.lxc().deviceRules()} gives them, read from the lines that make
     * them alone: the device rules, the {@code lxc.cgroup} and {@code lxc.cgroup2} lines that clear them, and a line
     * with a NUL byte, where reading stops. The typed views of a large file (mounts, environment, hooks) take
     * several times its size, and the migration needs none of them.
     */
    private static List<DeviceRule> deviceRules(LxcConfig config) {
        List<Line> kept = new ArrayList<>();
        for (Line line : config.mainSection().lines()) {
            if (line instanceof EntryLine e && e.isLxcKey() && (DEVICE_LINE_KEYS.contains(e.key())
                    || e.content().indexOf('\0') >= 0)) {
                kept.add(line);
            }
        }
        LxcConfig rules = ConfigAccess.factory().create(config, config.dialect(), config.hasByteOrderMark(),
                List.copyOf(kept), config.sourceName(), config.path());
        return LxcSettings.of(rules).deviceRules();
    }

    /** The keys whose lines make or clear the device rules of the typed view. */
    private static final Set<String> DEVICE_LINE_KEYS = Set.of("lxc.cgroup.devices.allow", "lxc.cgroup.devices.deny",
            "lxc.cgroup2.devices.allow", "lxc.cgroup2.devices.deny", "lxc.cgroup", "lxc.cgroup2");

    private static Probe probe(KnownDevice d) {
        int minor = d.minor().orElse(0);
        return new Probe(d.type(), d.major(), minor, name(d.type(), d.major(), minor));
    }

    private static String name(DeviceType type, int major, int minor) {
        String numbers = (type == DeviceType.CHAR ? "c " : "b ") + major + ":" + minor;
        for (KnownDevice d : KnownDevice.values()) {
            if (d.type() == type && d.major() == major && d.minor().orElse(0) == minor) {
                return d.path().replace("*", "0") + " (" + numbers + ")";
            }
        }
        return numbers;
    }

    /** The warnings, at the first device line of the config (cgroup v1 rule, devN option or raw rule). */
    List<Diagnostic> diagnostics(LxcConfig config, Migration full, boolean applied) {
        List<Diagnostic> out = new ArrayList<>();
        int line = firstDeviceLine(config);
        if (!widened.isEmpty()) {
            String what = list(widened);
            out.add(new Diagnostic(DiagnosticCode.MIG_WIDENS_DEVICE_ACCESS.defaultSeverity(),
                    DiagnosticCode.MIG_WIDENS_DEVICE_ACCESS,
                    applied ? "the migration widens what the container may use on a cgroup2 host: " + what
                            : "the device rules were not migrated: on a cgroup2 host the migration would let the"
                            + " container use " + what,
                    Optional.of(applied ? "check that the container should have these devices"
                            : "review the devices, then migrate with --allow-widening"
                            + " (MigrationOptions.withWidening(true)) to apply it"),
                    config.sourceName(), line, 1));
        }
        if (!changed.isEmpty() && applied) {
            out.add(new Diagnostic(DiagnosticCode.MIG_DEVICE_BEHAVIOUR_CHANGES.defaultSeverity(),
                    DiagnosticCode.MIG_DEVICE_BEHAVIOUR_CHANGES,
                    "on a cgroup2 host the migrated device rules do not do what the cgroup v1 rules did on a v1"
                            + " host: " + list(changed),
                    Optional.of("liblxc's cgroup2 program reads rules differently from the kernel's v1"
                            + " controller; write the cgroup2 rules for what the container needs"),
                    config.sourceName(), line, 1));
        }
        return out;
    }

    private static String list(Map<String, List<String>> byDevice) {
        List<String> parts = new ArrayList<>();
        int shown = 0;
        for (Map.Entry<String, List<String>> e : byDevice.entrySet()) {
            if (shown++ == 12) {
                parts.add("and " + (byDevice.size() - 12) + " more devices");
                break;
            }
            parts.add(e.getKey() + " " + String.join(", ", e.getValue()));
        }
        return String.join("; ", parts);
    }

    private static int firstDeviceLine(LxcConfig config) {
        int number = 0;
        for (Line l : config.lines()) {
            number++;
            if (l instanceof EntryLine e && (e.key().startsWith("lxc.cgroup.devices.")
                    || e.key().startsWith("lxc.cgroup2.devices.") || e.key().matches("dev[0-9]+"))) {
                return number;
            }
        }
        return 1;
    }
}
