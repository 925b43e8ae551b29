package io.github.lxcconf.it.liblxc;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.include.EffectiveConfig;
import io.github.lxcconf.model.Capability;
import io.github.lxcconf.model.CgroupVersion;
import io.github.lxcconf.model.DeviceRule;
import io.github.lxcconf.model.IdMap;
import io.github.lxcconf.model.LxcSettings;
import io.github.lxcconf.model.MountAuto;
import io.github.lxcconf.model.MountEntry;
import io.github.lxcconf.model.NetworkAddress;
import io.github.lxcconf.model.NetworkInterface;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.validate.LxcVersion;
import io.github.lxcconf.validate.Validation;
import io.github.lxcconf.validate.ValidationOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads one native LXC config with liblxc and with lxcconf and compares the two: liblxc's accept or refuse
 * against "validate() has an error" (the keys of the release line of the liblxc that loads, 5.0 here;
 * {@code lxc.include} followed from the directory liblxc starts from), and, when both accept, the values liblxc holds ({@code get_config_item}) for device rules,
 * mounts, id maps, capabilities and network interfaces against lxcconf's typed views of the config with its
 * includes.
 *
 * <pre>{@code
 * Conformance.Verdict v = Conformance.check(lxc, dir, dir.resolve("config"));
 * v.agrees();      // accept/refuse and every compared value the same
 * v.describe();    // "liblxc refuses (Unsupported config key ...), lxcconf accepts"
 * }</pre>
 */
final class Conformance {


    private static final List<String> LIST_KEYS = List.of("lxc.cgroup.devices.allow", "lxc.cgroup.devices.deny",
            "lxc.cgroup2.devices.allow", "lxc.cgroup2.devices.deny", "lxc.mount.entry", "lxc.mount.auto",
            "lxc.idmap", "lxc.cap.drop", "lxc.cap.keep");
    /** The network sub-keys compared: every one liblxc 5.0 knows. */
    private static final List<String> NET_SUB_KEYS = List.of("type", "flags", "link", "name", "hwaddr", "mtu",
            "ipv4.address", "ipv4.gateway", "ipv6.address", "ipv6.gateway", "l2proxy", "script.up", "script.down",
            "macvlan.mode", "ipvlan.mode", "ipvlan.isolation", "vlan.id", "veth.mode", "veth.pair",
            "veth.n_rxqueues", "veth.n_txqueues", "veth.vlan.id", "veth.ipv4.route", "veth.ipv6.route",
            "veth.vlan.tagged.id");
    /** What liblxc reports for a sub-key nobody set (besides the empty text). */
    private static final Map<String, String> NET_DEFAULTS = Map.of("l2proxy", "0", "veth.vlan.id", "0",
            "veth.mode", "bridge", "macvlan.mode", "private", "ipvlan.mode", "l2", "ipvlan.isolation", "bridge",
            "vlan.id", "0");
    private static final Pattern NET_KEY = Pattern.compile("lxc\\.net\\.([0-9]{1,9})(\\..*)?");
    /** The single-valued keys with a typed view, compared as get_config_item prints them. */
    private static final List<String> SINGLE_KEYS = List.of("lxc.uts.name", "lxc.rootfs.path", "lxc.arch",
            "lxc.tty.max", "lxc.pty.max", "lxc.autodev", "lxc.mount.fstab");
    /** Most cgroup setting keys compared per file. */
    private static final int MAX_CGROUP_KEYS = 32;
    /** Most interfaces compared per file; a fuzzed index such as lxc.net.99999 is still compared. */
    private static final int MAX_INTERFACES = 16;

    private Conformance() {
    }

    /**
     * What liblxc and lxcconf made of one file.
     *
     * @param file            the file
     * @param libAccepts      whether liblxc's load_config() accepted it
     * @param lxcconfAccepts  whether validate() found no error
     * @param libError        liblxc's error message, if it refused
     * @param firstError      lxcconf's first error, if any
     * @param valueDifferences where both accept: each value liblxc holds that differs from lxcconf's typed view
     * @param failedLine      the line at which liblxc stopped, as its log quotes it
     * @param compared        how many typed values (device rules, mounts, mount.auto items, id maps,
     *                        capabilities, interfaces and their sub-keys) were compared with liblxc's
     * @param hung            whether liblxc did not answer
     * @param loaderDependent whether lxcconf says the outcome depends on the process that loads the file (VAL021)
     */
    record Verdict(Path file, boolean libAccepts, boolean lxcconfAccepts, String libError,
                   Optional<Diagnostic> firstError, List<String> valueDifferences, Optional<String> failedLine,
                   int compared, boolean hung, boolean loaderDependent) {

        /** Returns whether accept/refuse and every compared value are the same. */
        boolean agrees() {
            return !hung && libAccepts == lxcconfAccepts && valueDifferences.isEmpty();
        }

        /** Returns whether accept/refuse is the same. */
        boolean verdictAgrees() {
            return !hung && libAccepts == lxcconfAccepts;
        }

        /** Returns what went differently, in one paragraph. */
        String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append("liblxc ").append(hung ? "hung" : libAccepts ? "accepts" : "refuses (" + libError + ")")
                    .append(", lxcconf ").append(lxcconfAccepts ? "accepts"
                            : "refuses (" + firstError.map(Diagnostic::toString).orElse("?") + ")");
            valueDifferences.forEach(d -> sb.append("\n    ").append(d));
            return sb.toString();
        }
    }

    /**
     * Loads a file with both and compares.
     *
     * @param lxc  the running liblxc helper
     * @param dir  the working directory for liblxc and the include base for lxcconf
     * @param file the config file
     * @return the verdict
     */
    static Verdict check(LibLxc lxc, Path dir, Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        LxcConfig config = LxcConfig.reader().dialect(Dialect.LXC).sourceName(file.getFileName().toString())
                .parse(bytes);
        Validation validation = config.validate(options(version(lxc.version()), dir));
        EffectiveConfig effective = config.effective(dir);
        LxcSettings settings = settings(config, effective);
        List<Integer> interfaces = interfaceIndices(config, effective, settings);
        List<String> keys = new ArrayList<>(LIST_KEYS);
        keys.addAll(SINGLE_KEYS);
        List<String> cgroupKeys = cgroupKeys(config, effective, settings);
        keys.addAll(cgroupKeys);
        for (int n : interfaces) {
            NET_SUB_KEYS.forEach(s -> keys.add("lxc.net." + n + "." + s));
        }
        LibLxc.Loaded loaded = lxc.load(dir, file, keys);
        List<String> differences = new ArrayList<>();
        int compared = 0;
        if (loaded.accepted() && !validation.hasErrors()) {
            compared = compare(loaded, settings, interfaces, differences);
            compared += compareSingles(loaded, settings, cgroupKeys, differences);
        }
        return new Verdict(file, loaded.accepted(), !validation.hasErrors(), loaded.error(),
                validation.errors().stream().findFirst(), differences, loaded.failedLine(), compared, loaded.hung(),
                !validation.withCode(DiagnosticCode.VAL_DEPENDS_ON_LOADER).isEmpty());
    }

    /** Returns the options that match a liblxc release line, includes followed from {@code dir}. */
    static ValidationOptions options(LxcVersion version, Path dir) {
        return ValidationOptions.defaults().withVersion(version).withIncludesFrom(dir);
    }

    /**
     * Returns the release line of a liblxc version such as {@code 5.0.2}.
     *
     * @throws IllegalArgumentException for a release lxcconf has no line for
     */
    static LxcVersion version(String liblxcVersion) {
        int major = Integer.parseInt(liblxcVersion.replaceFirst("^([0-9]+).*", "$1"));
        for (LxcVersion v : LxcVersion.values()) {
            if (v.major() == major) {
                return v;
            }
        }
        throw new IllegalArgumentException("lxcconf has no release line for liblxc " + liblxcVersion);
    }

    /**
     * Returns the typed view of the config as liblxc ends up with it: the config's own when it includes
     * nothing, else the typed view of the include tree ({@link EffectiveConfig#lxc()}: every included file read
     * where it is included).
     */
    static LxcSettings settings(LxcConfig config, EffectiveConfig effective) {
        boolean includes = config.entries().stream().anyMatch(e -> e.isLxcKey() && e.key().equals("lxc.include"));
        return includes ? effective.lxc() : config.lxc();
    }

    private static List<Integer> interfaceIndices(LxcConfig config, EffectiveConfig effective,
                                                  LxcSettings settings) {
        TreeSet<Integer> indices = new TreeSet<>();
        settings.networkInterfaces().forEach(n -> indices.add(n.index()));
        List<String> keys = new ArrayList<>();
        config.entries().stream().filter(EntryLine::isLxcKey).forEach(e -> keys.add(e.key()));
        effective.entries().forEach(e -> keys.add(e.key()));
        for (String key : keys) {
            Matcher m = NET_KEY.matcher(key);
            if (m.matches()) {
                indices.add(Integer.parseInt(m.group(1)));
            }
        }
        return indices.stream().limit(MAX_INTERFACES).toList();
    }

    /** The lxc.cgroup.* and lxc.cgroup2.* setting keys written (device rules and directories aside). */
    private static List<String> cgroupKeys(LxcConfig config, EffectiveConfig effective, LxcSettings settings) {
        TreeSet<String> keys = new TreeSet<>(settings.resourceLimits().keys());
        List<String> written = new ArrayList<>();
        config.entries().stream().filter(EntryLine::isLxcKey).forEach(e -> written.add(e.key()));
        effective.entries().forEach(e -> written.add(e.key()));
        for (String key : written) {
            if (key.matches("lxc\\.cgroup2?\\.[a-z_]+\\.[a-z_.]+") && !key.matches("lxc\\.cgroup2?\\.devices\\..*")
                    && !key.matches("lxc\\.cgroup\\.dir.*") && key.indexOf('\t') < 0) {
                keys.add(key);
            }
        }
        return keys.stream().limit(MAX_CGROUP_KEYS).toList();
    }

    /**
     * Compares the single-valued views (hostname, root filesystem path, personality, ttys, ptys, autodev, fstab
     * path) and the cgroup settings, and returns how many values were compared.
     */
    private static int compareSingles(LibLxc.Loaded l, LxcSettings s, List<String> cgroupKeys, List<String> out) {
        Map<String, String> typed = Map.of(
                "lxc.uts.name", s.hostname().orElse(""),
                "lxc.rootfs.path", s.rootfs().map(r -> r.path()).orElse(""),
                "lxc.arch", s.arch().map(a -> a.lxcName()).orElse(""),
                "lxc.tty.max", Long.toString(s.ttyMax()),
                "lxc.pty.max", Long.toString(s.ptyMax()),
                "lxc.autodev", s.autodev() ? "1" : "0",
                "lxc.mount.fstab", s.mountFstab().orElse(""));
        for (String key : SINGLE_KEYS) {
            String lib = l.value(key).orElse("(cannot be read)");
            if (!lib.equals(typed.get(key))) {
                out.add(key + ": liblxc holds '" + lib + "', lxcconf '" + typed.get(key) + "'");
            }
        }
        for (String key : cgroupKeys) {
            List<String> lib = l.lines(key);
            List<String> values = s.resourceLimits().values(key);
            if (!lib.equals(values)) {
                out.add(key + ": liblxc holds " + lib + ", lxcconf " + values);
            }
        }
        return SINGLE_KEYS.size() + cgroupKeys.size();
    }

    /** Compares, and returns how many typed values were compared. */
    private static int compare(LibLxc.Loaded l, LxcSettings s, List<Integer> interfaces, List<String> out) {
        int compared = s.deviceRules().size() + s.mountEntries().size() + s.mountAuto().size() + s.idMaps().size()
                + s.capabilities().list().size();
        for (CgroupVersion version : CgroupVersion.values()) {
            for (boolean allow : new boolean[] {true, false}) {
                String key = (version == CgroupVersion.V1 ? "lxc.cgroup." : "lxc.cgroup2.") + "devices."
                        + (allow ? "allow" : "deny");
                List<DeviceRule> lib = parsed(l.lines(key), v -> DeviceRule.parse(version, allow, v));
                List<DeviceRule> typed = s.deviceRules().stream()
                        .filter(r -> r.version() == version && r.allow() == allow).toList();
                same(key, lib, typed, l.value(key), out);
            }
        }
        same("lxc.mount.entry", parsed(l.lines("lxc.mount.entry"), MountEntry::parse), s.mountEntries(),
                l.value("lxc.mount.entry"), out);
        String auto = l.value("lxc.mount.auto").orElse("");
        String typedAuto = String.join(" ", s.mountAuto().stream().map(Conformance::mountAutoAsLiblxc)
                .filter(v -> !v.isEmpty()).toList());
        if (!auto.equals(typedAuto)) {
            out.add("lxc.mount.auto: liblxc holds '" + auto + "', lxcconf " + s.mountAuto());
        }
        same("lxc.idmap", parsed(l.lines("lxc.idmap"), IdMap::parse), s.idMaps(), l.value("lxc.idmap"), out);
        for (String key : List.of("lxc.cap.drop", "lxc.cap.keep")) {
            LinkedHashSet<Capability> lib = new LinkedHashSet<>();
            for (String name : l.lines(key)) {
                capability(name).ifPresentOrElse(lib::add,
                        () -> out.add(key + ": liblxc holds '" + name + "', not a capability lxcconf knows"));
            }
            same(key, new ArrayList<>(lib), s.capabilities().list(), l.value(key), out);
        }
        for (int n : interfaces) {
            network(l, n, s.networkInterface(n), out);
            compared += 1 + s.networkInterface(n).map(i -> i.subKeys().size()).orElse(0);
        }
        return compared;
    }

    private static void network(LibLxc.Loaded l, int n, Optional<NetworkInterface> typed, List<String> out) {
        String prefix = "lxc.net." + n + ".";
        Optional<String> type = l.value(prefix + "type");
        if (typed.isEmpty()) {
            if (type.isPresent()) {
                out.add(prefix + "type: liblxc holds '" + type.get() + "', lxcconf has no interface " + n);
            }
            return;
        }
        NetworkInterface i = typed.get();
        // liblxc gives an interface written without lxc.net.N.type the type 'empty'
        String typedType = i.type().map(t -> t.word()).orElse("empty");
        if (!type.orElse("(no interface)").equals(typedType)) {
            out.add(prefix + "type: liblxc holds '" + type.orElse("(no interface)") + "', lxcconf '" + typedType
                    + "'");
            return;
        }
        for (String sub : NET_SUB_KEYS) {
            if (sub.equals("type")) {
                continue;
            }
            Optional<String> lib = l.value(prefix + sub);
            List<String> values = i.values(sub);
            if (values.isEmpty()) {
                String got = lib.orElse("");
                boolean isDefault = got.isEmpty() || got.equals(NET_DEFAULTS.get(sub))
                        || sub.equals("name") && typedType.equals("empty") && got.equals("lo");
                if (!isDefault) {
                    out.add(prefix + sub + ": liblxc holds '" + got + "', lxcconf has none");
                }
                continue;
            }
            if (sub.equals("hwaddr") && values.get(0).toLowerCase().contains("x")) {
                continue; // liblxc puts random digits for each x at load
            }
            String expected = switch (sub) {
                case "flags" -> "up";
                case "ipv4.address" -> String.join("\n", i.ipv4().stream().map(NetworkAddress::toString).toList());
                case "ipv6.address" -> String.join("\n", i.ipv6().stream().map(NetworkAddress::toString).toList());
                case "veth.ipv4.route", "veth.ipv6.route", "veth.vlan.tagged.id" ->
                        String.join("", values.stream().map(v -> v + "\n").toList());
                // liblxc cuts an interface name to IFNAMSIZ - 1 bytes; lxcconf keeps it whole and says so (LXC1xx)
                case "name", "link", "veth.pair" -> ifname(values.get(values.size() - 1));
                default -> values.get(values.size() - 1);
            };
            if (!lib.orElse("(cannot be read)").equals(expected)) {
                out.add(prefix + sub + ": liblxc holds '" + lib.orElse("(cannot be read)") + "', lxcconf '"
                        + expected.replace("\n", "\\n") + "'");
            }
        }
    }

    /** An interface name as liblxc keeps it: at most 15 bytes. */
    static String ifname(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return utf8.length <= 15 ? value
                : new String(Arrays.copyOf(utf8, 15), StandardCharsets.UTF_8);
    }

    /** An lxc.mount.auto item as liblxc's getter prints it; liblxc prints nothing for :force items and shmounts. */
    static String mountAutoAsLiblxc(MountAuto item) {
        if (item.force() || item.kind() == MountAuto.Kind.SHMOUNTS) {
            return "";
        }
        return item.toValue();
    }

    private static Optional<Capability> capability(String name) {
        return Capability.ofWord(name);
    }

    private static <T> List<T> parsed(List<String> values, Function<String, T> parse) {
        List<T> out = new ArrayList<>();
        for (String v : values) {
            try {
                out.add(parse.apply(v));
            } catch (IllegalArgumentException e) {
                // liblxc keeps values it does not check at load; lxcconf leaves them out and reports them
            }
        }
        return out;
    }

    private static <T> void same(String key, List<T> lib, List<T> typed, Optional<String> raw, List<String> out) {
        if (!lib.equals(typed)) {
            out.add(key + ": liblxc holds " + raw.map(v -> "'" + v.replace("\n", "\\n") + "'").orElse("nothing")
                    + " = " + lib + ", lxcconf " + typed);
        }
    }
}
