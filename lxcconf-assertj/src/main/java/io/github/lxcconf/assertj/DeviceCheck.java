package io.github.lxcconf.assertj;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.model.CgroupVersion;
import io.github.lxcconf.model.DeviceAccess;
import io.github.lxcconf.model.DeviceCatalog;
import io.github.lxcconf.model.DeviceInfo;
import io.github.lxcconf.model.DeviceRule;
import io.github.lxcconf.model.DeviceType;
import io.github.lxcconf.model.KnownDevice;
import io.github.lxcconf.model.Origin;
import io.github.lxcconf.model.proxmox.DevicePassthrough;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Whether a config grants a device, evaluated the way the kernel (cgroup v1) and liblxc's cgroup2
 * device program treat the config's rules, starting from LXC's default of denying every device
 * ({@code common.conf}); v1 and v2 rules are evaluated separately and either may grant. A version without
 * rules in the config grants nothing here. In a Proxmox config a {@code devN} option for the device node
 * grants read and write (read only with {@code deny-write=1}).
 */
final class DeviceCheck {

    /** The device asked about: type, numbers (an empty minor is every minor) and access. */
    record Query(DeviceType type, int major, OptionalInt minor, DeviceAccess access) {
        Query {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(minor, "minor");
            Objects.requireNonNull(access, "access");
            if (type == DeviceType.ALL) {
                throw new IllegalArgumentException("ask about a character (CHAR) or block (BLOCK) device, not ALL");
            }
            if (major < 0 || minor.isPresent() && minor.getAsInt() < 0) {
                throw new IllegalArgumentException("device numbers are not negative, got " + numbers(major, minor));
            }
            if (access.isEmpty()) {
                throw new IllegalArgumentException("the access must name at least one of r, w and m");
            }
        }

        /** Returns {@code character device 10:232 (/dev/kvm)}. */
        String describe() {
            String kind = type == DeviceType.CHAR ? "character device " : "block device ";
            return kind + numbers(major, minor) + name().map(n -> " (" + n + ")").orElse("");
        }

        private Optional<String> name() {
            for (KnownDevice d : KnownDevice.values()) {
                if (d.type() == type && d.major() == major && d.minor().equals(minor)) {
                    return Optional.of(d.path());
                }
            }
            Optional<DeviceInfo> info = minor.isPresent() ? DeviceCatalog.lookup(type, major, minor.getAsInt())
                    : DeviceCatalog.lookupMajor(type, major);
            return info.map(DeviceInfo::name);
        }
    }

    /** The verdict, with a note for each line that decided it, by line number. */
    record Outcome(boolean granted, boolean hasRules, List<Lines.Numbered> lines, Map<Integer, String> notes) {
        /** Returns what introduces the lines: {@code the device rules are:}, naming devN options when listed. */
        String heading() {
            boolean options = lines.stream().anyMatch(n -> !n.entry().key().startsWith("lxc."));
            boolean rules = lines.stream().anyMatch(n -> n.entry().key().startsWith("lxc."));
            return (options ? rules ? "the device rules and devN options are:" : "the devN options are:"
                    : "the device rules are:");
        }

        /** Returns the device lines, each with its note. */
        List<String> quoted() {
            List<String> out = new ArrayList<>();
            for (Lines.Numbered n : lines) {
                String note = notes.get(n.number());
                out.add(n.quote() + (note == null ? "" : Lines.NOTE + note));
            }
            return out;
        }
    }

    private static final char[] LETTERS = {'r', 'w', 'm'};

    private DeviceCheck() {
    }

    static String numbers(int major, OptionalInt minor) {
        return major + ":" + (minor.isPresent() ? Integer.toString(minor.getAsInt()) : "*");
    }

    static Query query(KnownDevice device, DeviceAccess access) {
        return new Query(device.type(), device.major(), device.minor(), access);
    }

    static Outcome evaluate(LxcConfig config, Query q) {
        Map<Integer, String> granting = new LinkedHashMap<>();
        Map<Integer, String> refusing = new LinkedHashMap<>();
        boolean granted = false;
        List<DeviceRule> all = config.lxc().deviceRules();
        List<DeviceRule> v1 = all.stream().filter(r -> r.version() == CgroupVersion.V1).toList();
        if (!v1.isEmpty()) {
            granted |= lastMatchDecides(v1, q, granting, refusing);
        }
        List<DeviceRule> v2 = all.stream().filter(r -> r.version() == CgroupVersion.V2).toList();
        if (!v2.isEmpty()) {
            granted |= cgroup2Program(v2, q, granting, refusing);
        }
        List<Lines.Numbered> devLines = List.of();
        if (config.dialect() == Dialect.PROXMOX) {
            devLines = Lines.entries(config, k -> k.matches("dev[0-9]+"));
            for (DevicePassthrough dev : config.proxmox().devices()) {
                Optional<Node> node = dev.path().flatMap(DeviceCheck::resolve);
                if (node.isEmpty() || !node.get().sameDevice(q)) {
                    continue;
                }
                DeviceAccess given = new DeviceAccess(true, !dev.denyWrite(), false);
                boolean enough = (!q.access().read() || given.read()) && (!q.access().write() || given.write())
                        && !q.access().mknod();
                Optional<Lines.Numbered> line = last(devLines, dev.key());
                if (line.isEmpty()) {
                    continue;
                }
                if (enough) {
                    granted = true;
                    granting.put(line.get().number(), "passes it through to the container");
                } else {
                    refusing.put(line.get().number(), "passes it through with access " + given.toValue()
                            + (dev.denyWrite() ? " (deny-write)" : ""));
                }
            }
        }
        List<Lines.Numbered> lines = new ArrayList<>();
        for (DeviceRule r : all) {
            r.origin().ifPresent(o -> lines.add(new Lines.Numbered(o.lineNumber(), o.entry())));
        }
        lines.addAll(devLines);
        lines.sort((a, b) -> Integer.compare(a.number(), b.number()));
        return new Outcome(granted, !lines.isEmpty(), List.copyOf(lines), granted ? granting : refusing);
    }

    /**
     * cgroup v1: the kernel's exception list, where for each access letter the last rule that matches the
     * device decides, starting from LXC's {@code lxc.cgroup.devices.deny = a}.
     */
    private static boolean lastMatchDecides(List<DeviceRule> rules, Query q, Map<Integer, String> granting,
                                            Map<Integer, String> refusing) {
        Map<Character, DeviceRule> decided = new LinkedHashMap<>();
        StringBuilder grantedLetters = new StringBuilder();
        boolean every = true;
        for (char letter : LETTERS) {
            if (!has(q.access(), letter)) {
                continue;
            }
            DeviceRule last = null;
            for (DeviceRule rule : rules) {
                if (matches(rule, q, letter)) {
                    last = rule;
                }
            }
            decided.put(letter, last);
            if (last != null && last.allow()) {
                grantedLetters.append(letter);
            } else {
                every = false;
            }
        }
        if (every) {
            decided.values().forEach(r -> note(granting, r, "grants it (last matching rule)"));
            return true;
        }
        for (DeviceRule r : decided.values()) {
            if (r != null) {
                note(refusing, r, r.allow() ? "grants only " + grantedLetters : "denies it (last matching rule)");
            }
        }
        return false;
    }

    /** One entry of liblxc's cgroup2 device list: a rule, allowing or (after a flip) denying. */
    private record Entry(DeviceRule rule, boolean allow) {
    }

    /**
     * cgroup2: the device program liblxc builds from the lxc.cgroup2.devices.* lines (lxc-format.md,
     * "cgroup2 program semantics"). It starts as an allowlist, as LXC's default {@code deny = a} leaves
     * it; a global {@code a} rule empties the list and sets the mode ({@code deny} allowlist, {@code allow}
     * denylist); a rule identical in type, numbers and access to a listed one flips that entry; otherwise
     * an allowlist keeps only allow rules and a denylist only deny rules, ignoring the others.
     */
    private static boolean cgroup2Program(List<DeviceRule> rules, Query q, Map<Integer, String> granting,
                                          Map<Integer, String> refusing) {
        boolean allowlist = true;
        DeviceRule global = null;
        List<Entry> entries = new ArrayList<>();
        Map<Integer, String> ignored = new LinkedHashMap<>();
        for (DeviceRule rule : rules) {
            if (rule.isGlobal()) {
                allowlist = !rule.allow();
                global = rule;
                entries.clear();
                ignored.clear();
                continue;
            }
            int same = -1;
            for (int i = 0; i < entries.size(); i++) {
                if (identical(entries.get(i).rule(), rule)) {
                    same = i;
                }
            }
            if (same >= 0) {
                entries.set(same, new Entry(entries.get(same).rule(), rule.allow()));
                note(ignored, rule, rule.allow() ? "allows the identical rule again" : "turns the identical "
                        + "rule above into a deny");
            } else if (rule.allow() == allowlist) {
                entries.add(new Entry(rule, rule.allow()));
            } else if (DeviceCheck.matchesAny(rule, q)) {
                note(ignored, rule, allowlist ? "ignored: in an allowlist liblxc skips a deny rule for"
                        + " particular devices" : "ignored: in a denylist liblxc skips an allow rule");
            }
        }
        StringBuilder grantedLetters = new StringBuilder();
        boolean every = true;
        List<Entry> deciding = new ArrayList<>();
        for (char letter : LETTERS) {
            if (!has(q.access(), letter)) {
                continue;
            }
            Entry allowing = null;
            Entry denying = null;
            for (Entry e : entries) {
                if (!matches(e.rule(), q, letter)) {
                    continue;
                }
                if (e.allow() && allowing == null) {
                    allowing = e;
                } else if (!e.allow() && denying == null) {
                    denying = e;
                }
            }
            boolean letterGranted = allowlist ? allowing != null : denying == null;
            Entry decided = letterGranted ? allowing : denying;
            if (decided != null && !deciding.contains(decided)) {
                deciding.add(decided);
            }
            if (letterGranted) {
                grantedLetters.append(letter);
            } else {
                every = false;
            }
        }
        for (Entry e : deciding) {
            note(every ? granting : refusing, e.rule(), every ? "grants it"
                    : e.allow() ? "grants only " + grantedLetters : "denies it");
        }
        if (!every) {
            ignored.forEach(refusing::putIfAbsent);
            if (global != null && allowlist && deciding.isEmpty()) {
                note(refusing, global, "denies every device that no later rule allows");
            }
        } else if (global != null && !allowlist) {
            note(granting, global, "allows every device that no later rule denies");
        }
        return every;
    }

    private static boolean identical(DeviceRule a, DeviceRule b) {
        return a.type() == b.type() && a.major().equals(b.major()) && a.minor().equals(b.minor())
                && a.path().equals(b.path()) && a.access().equals(b.access());
    }

    private static boolean matchesAny(DeviceRule rule, Query q) {
        for (char letter : LETTERS) {
            if (has(q.access(), letter) && matches(rule, q, letter)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Lines.Numbered> last(List<Lines.Numbered> lines, String key) {
        Lines.Numbered found = null;
        for (Lines.Numbered n : lines) {
            if (n.entry().key().equals(key)) {
                found = n;
            }
        }
        return Optional.ofNullable(found);
    }

    private static void note(Map<Integer, String> notes, DeviceRule rule, String note) {
        if (rule != null) {
            rule.origin().map(Origin::lineNumber).ifPresent(n -> notes.putIfAbsent(n, note));
        }
    }

    private static boolean has(DeviceAccess access, char letter) {
        return switch (letter) {
            case 'r' -> access.read();
            case 'w' -> access.write();
            default -> access.mknod();
        };
    }

    /** Whether a rule applies to one access letter of the device asked about. */
    static boolean matches(DeviceRule rule, Query q, char letter) {
        if (rule.isGlobal()) {
            return true;
        }
        if (!has(rule.access(), letter)) {
            return false;
        }
        if (rule.path().isPresent()) {
            return resolve(rule.path().get()).filter(n -> n.sameDevice(q)).isPresent();
        }
        return (rule.type() == DeviceType.ALL || rule.type() == q.type())
                && (rule.major().isEmpty() || rule.major().getAsInt() == q.major())
                && (rule.minor().isEmpty() || q.minor().isPresent() && rule.minor().getAsInt() == q.minor().getAsInt());
    }

    /** A device node a path names. */
    private record Node(DeviceType type, int major, OptionalInt minor) {
        boolean sameDevice(Query q) {
            return type == q.type() && major == q.major() && minor.equals(q.minor());
        }
    }

    /** Returns the numbers of a /dev path, from the known devices or the device table. */
    private static Optional<Node> resolve(String path) {
        Optional<KnownDevice> known = KnownDevice.byPath(path);
        if (known.isPresent()) {
            KnownDevice d = known.get();
            return Optional.of(new Node(d.type(), d.major(), d.minor()));
        }
        return DeviceCatalog.byPath(path).flatMap(info -> {
            if (!info.major().matches("[0-9]{1,9}") || !info.minor().matches("[0-9]{1,9}")) {
                return Optional.empty();
            }
            return Optional.of(new Node(info.type(), Integer.parseInt(info.major()),
                    OptionalInt.of(Integer.parseInt(info.minor()))));
        });
    }
}
