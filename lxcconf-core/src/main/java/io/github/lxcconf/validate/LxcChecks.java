package io.github.lxcconf.validate;

import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.Severity;
import io.github.lxcconf.model.NetworkInterface;
import io.github.lxcconf.model.Origin;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.Section;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole-file checks of native LXC configs that no single line shows: the {@code lxc.cgroup.dir*} keys
 * that make the start fail together, and network interfaces without a type, removed before they exist or
 * numbered with gaps.
 */
final class LxcChecks {

    private static final List<String> CGROUP_DIRS = List.of("lxc.cgroup.dir", "lxc.cgroup.dir.monitor",
            "lxc.cgroup.dir.container", "lxc.cgroup.dir.container.inner");
    private static final Pattern NET_REMOVAL = Pattern.compile("lxc\\.net\\.([0-9][0-9a-fA-FxX]*)");

    private final LxcConfig config;
    private final ProxmoxChecks.Sink sink;
    /** The key of each line of the main section, null where the line is no {@code lxc.*} setting. */
    private final String[] keys;

    private LxcChecks(LxcConfig config, String[] keys, ProxmoxChecks.Sink sink) {
        this.config = config;
        this.keys = keys;
        this.sink = sink;
    }

    /**
     * The key of each line of a section, null where the line is no {@code lxc.*} setting: cut once, for the
     * checks that each walk the lines.
     */
    static String[] keys(Section section) {
        List<Line> lines = section.lines();
        String[] keys = new String[lines.size()];
        // a file names few keys many times: one String per distinct key, not one per line (up to a bound, so
        // that a file of all-different keys does not also fill a map); a small file is not worth the map
        Map<String, String> distinct = lines.size() >= SHARED_FROM ? new HashMap<>() : null;
        for (int i = 0; i < keys.length; i++) {
            if (lines.get(i) instanceof EntryLine e && e.isLxcKey()) {
                String key = e.key();
                if (distinct != null) {
                    String known = distinct.get(key);
                    if (known != null) {
                        key = known;
                    } else if (distinct.size() < DISTINCT_KEYS) {
                        distinct.put(key, key);
                    }
                }
                keys[i] = key;
            }
        }
        return keys;
    }

    /** How many distinct keys {@link #keys} shares. */
    private static final int DISTINCT_KEYS = 4096;

    /** The number of lines from which {@link #keys} shares the keys' strings. */
    private static final int SHARED_FROM = 1024;

    /**
     * Runs every check on the main section of a native LXC config.
     *
     * @param keys the keys of the main section's lines, from {@link #keys(Section)}
     */
    static void check(LxcConfig config, String[] keys, ProxmoxChecks.Sink sink) {
        LxcChecks c = new LxcChecks(config, keys, sink);
        c.cgroupDirs();
        c.networkRemovals();
        c.networkTypes();
        c.cloneAndKeep();
    }

    /**
     * {@code lxc.namespace.clone} and {@code lxc.namespace.keep} exclude each other while both hold names: liblxc
     * refuses the line that sets the second ("Cannot set both clone and keep namespaces"); an empty line clears
     * its key, after which the other may be set.
     */
    private void cloneAndKeep() {
        EntryLine clone = null;
        EntryLine keep = null;
        Section main = config.mainSection();
        int n = main.firstLineNumber();
        List<Line> lines = main.lines();
        for (int i = 0; i < keys.length; i++) {
            int number = n++;
            String key = keys[i];
            if (key == null) {
                continue;
            }
            boolean isClone = key.equals("lxc.namespace.clone");
            if (!isClone && !key.equals("lxc.namespace.keep")) {
                continue;
            }
            EntryLine e = (EntryLine) lines.get(i);
            EntryLine other = isClone ? keep : clone;
            if (!e.value().isEmpty() && other != null) {
                sink.add(DiagnosticCode.VAL_INVALID_VALUE, Severity.ERROR, number, e.keyColumn(),
                        "'" + e.key() + "' while '" + other.key() + " = " + other.value() + "' is in force: liblxc"
                                + " refuses the file (\"Cannot set both clone and keep namespaces\")",
                        "use one of the two keys, or clear the other first with an empty '" + other.key() + " ='");
                return;
            }
            if (isClone) {
                clone = e.value().isEmpty() ? null : e;
            } else {
                keep = e.value().isEmpty() ? null : e;
            }
        }
    }

    /** The key's last line with a non-empty value, or null when it is unset (an empty value unsets it). */
    private record Set1(EntryLine entry, int line) { }

    private void cgroupDirs() {
        Map<String, Set1> set = new LinkedHashMap<>();
        Section main = config.mainSection();
        int n = main.firstLineNumber();
        List<Line> lines = main.lines();
        for (int i = 0; i < keys.length; i++) {
            int number = n++;
            String key = keys[i];
            if (key != null && key.startsWith("lxc.cgroup.dir") && CGROUP_DIRS.contains(key)) {
                EntryLine e = (EntryLine) lines.get(i);
                if (e.value().isBlank()) {
                    set.remove(key);
                } else {
                    set.put(key, new Set1(e, number));
                }
            }
        }
        Set1 dir = set.get("lxc.cgroup.dir");
        Set1 monitor = set.get("lxc.cgroup.dir.monitor");
        Set1 container = set.get("lxc.cgroup.dir.container");
        Set1 inner = set.get("lxc.cgroup.dir.container.inner");
        if (dir != null && (monitor != null || container != null || inner != null)) {
            Set1 other = monitor != null ? monitor : container != null ? container : inner;
            sink.add(DiagnosticCode.VAL_CGROUP_DIR_CONFLICT, Severity.WARNING, dir.line(), dir.entry().keyColumn(),
                    "lxc.cgroup.dir cannot be combined with " + other.entry().key() + " (line " + other.line()
                            + "): liblxc loads the file, but the container would fail at start",
                    "keep either lxc.cgroup.dir alone, or lxc.cgroup.dir.monitor and lxc.cgroup.dir.container"
                            + " (with lxc.cgroup.dir.container.inner if needed)");
            return;
        }
        if ((monitor == null) != (container == null) || (inner != null && monitor == null)) {
            Set1 present = monitor != null ? monitor : container != null ? container : inner;
            String missing = monitor == null && container == null ? "lxc.cgroup.dir.monitor and lxc.cgroup.dir.container"
                    : monitor == null ? "lxc.cgroup.dir.monitor" : "lxc.cgroup.dir.container";
            sink.add(DiagnosticCode.VAL_CGROUP_DIR_CONFLICT, Severity.WARNING, present.line(),
                    present.entry().keyColumn(),
                    present.entry().key() + " needs " + missing + " as well: liblxc loads the file, but the container"
                            + " would fail at start",
                    "set both lxc.cgroup.dir.monitor and lxc.cgroup.dir.container, or use lxc.cgroup.dir alone");
        }
    }

    /** {@code lxc.net.N =} for an interface no earlier line set up: it removes nothing. */
    private void networkRemovals() {
        Set<Long> existing = new HashSet<>(); // indexes of fewer than 11 digits: they fit in a long
        Section main = config.mainSection();
        int n = main.firstLineNumber();
        List<Line> lines = main.lines();
        for (int i = 0; i < keys.length; i++) {
            int number = n++;
            String key = keys[i];
            if (key == null || !key.startsWith("lxc.net")) {
                continue;
            }
            EntryLine e = (EntryLine) lines.get(i);
            if (key.equals("lxc.net")) {
                if (e.value().isEmpty()) {
                    existing.clear();
                }
                continue;
            }
            String fieldIndex = netFieldIndex(key);
            if (fieldIndex != null) {
                if (fieldIndex.length() < 11 && !e.value().isEmpty()) {
                    existing.add(Long.parseLong(fieldIndex)); // base 10, leading zeros ignored
                }
                continue;
            }
            Matcher removal = NET_REMOVAL.matcher(key);
            if (removal.matches() && e.value().isEmpty()) {
                BigInteger index = Validator.unsigned(removal.group(1));
                if (index == null) {
                    continue; // not an index: the network view reports it (LXC107)
                }
                if (!(index.bitLength() < 64 && existing.remove(index.longValue()))) {
                    String note = removal.group(1).length() > 1 && removal.group(1).startsWith("0")
                            ? " ('" + removal.group(1) + "' is read as a C number here, so it means " + index + ")"
                            : "";
                    sink.add(DiagnosticCode.VAL_NET_REMOVES_NOTHING, Severity.INFO, number, e.keyColumn(),
                            "'" + key + " =' removes interface " + index + note + ", but no earlier line sets up"
                                    + " that interface: liblxc accepts the line, and it has no effect",
                            "remove the line, or check the interface number");
                }
            }
        }
    }

    /**
     * The index of {@code lxc.net.N.FIELD} (the regular expression {@code lxc\.net\.([0-9]+)\.(.+)}), or
     * null; tested without a regular expression, as it runs for every network line.
     */
    private static String netFieldIndex(String key) {
        int n = key.length();
        int from = "lxc.net.".length();
        int i = from;
        while (i < n && key.charAt(i) >= '0' && key.charAt(i) <= '9') {
            i++;
        }
        if (i == from || i + 1 >= n || key.charAt(i) != '.' || !key.startsWith("lxc.net.")) {
            return null;
        }
        for (int j = i + 1; j < n; j++) {
            char c = key.charAt(j);
            // '.' in a regular expression matches any character but these line terminators
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return null;
            }
        }
        return key.substring(from, i);
    }

    /** Interfaces that never got a type, and gaps in the numbering. */
    private void networkTypes() {
        List<NetworkInterface> interfaces = config.lxc().networkInterfaces();
        int expected = 0;
        for (NetworkInterface nic : interfaces) {
            if (nic.origins().isEmpty()) {
                expected = nic.index() + 1;
                continue;
            }
            Origin first = nic.origins().get(0);
            if (nic.type().isEmpty()) {
                typeMissing(nic, first);
            }
            if (nic.index() > expected) {
                String missing = nic.index() == expected + 1 ? "is no interface " + expected
                        : "are no interfaces " + expected + " to " + (nic.index() - 1);
                sink.add(DiagnosticCode.VAL_NET_INDEX_GAP, Severity.INFO, first.lineNumber(),
                        first.entry().keyColumn(),
                        "interface " + nic.index() + " follows a gap: there " + missing + "; liblxc accepts"
                                + " gaps and keeps the interfaces sorted by number",
                        "number the interfaces lxc.net.0, lxc.net.1, ... if the gap is a mistake");
            }
            expected = nic.index() + 1;
        }
    }

    private void typeMissing(NetworkInterface nic, Origin first) {
        String typeKey = "lxc.net." + nic.index() + ".type";
        List<String> keys = nic.origins().stream().map(Origin::key).filter(k -> !k.equals(typeKey)).distinct()
                .toList();
        String effect = keys.isEmpty() ? "" : ", so " + String.join(", ", keys) + (keys.size() == 1 ? " has" : " have")
                + " no effect";
        boolean cleared = first.key().equals(typeKey);
        if (cleared) {
            sink.add(DiagnosticCode.VAL_NET_WITHOUT_TYPE, Severity.WARNING, first.lineNumber(),
                    first.entry().keyColumn(),
                    "interface " + nic.index() + " has no type: '" + typeKey + " =' resets the interface and no later"
                            + " line sets a type; liblxc loads the file, but the interface is left unusable" + effect,
                    "to remove interface " + nic.index() + ", write 'lxc.net." + nic.index() + " ='; to keep it, give "
                            + typeKey + " a value such as veth");
        } else {
            sink.add(DiagnosticCode.VAL_NET_WITHOUT_TYPE, Severity.WARNING, first.lineNumber(),
                    first.entry().keyColumn(),
                    "interface " + nic.index() + " has no " + typeKey + ": liblxc loads the file, but sets up no"
                            + " network device for it" + effect,
                    "add " + typeKey + " = veth (or another type) above line " + first.lineNumber());
        }
    }
}
