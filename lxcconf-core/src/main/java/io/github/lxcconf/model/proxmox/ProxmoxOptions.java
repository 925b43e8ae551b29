package io.github.lxcconf.model.proxmox;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.internal.proxmox.Checks;
import io.github.lxcconf.internal.proxmox.Reports;
import io.github.lxcconf.model.proxmox.OptionSchema.Option;
import io.github.lxcconf.model.proxmox.OptionSchema.ValueType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The options of one section of a Proxmox config (main, snapshot or pending),
 * as Proxmox stores them after reading: the last line of a key wins, values are
 * kept as written (Proxmox keeps ill-typed values too), and every option line
 * is type-checked as Proxmox's {@code check_type} does on read.
 *
 * <p>Comments and {@code description:} lines are the {@link Description},
 * {@code delete:} belongs to {@link PendingChanges}, and raw {@code lxc.*} lines
 * are not options.
 *
 * <pre>{@code
 * ProxmoxOptions main = config.proxmox().options();
 * main.get("onboot");          // Optional[yes]: as written
 * main.normalized("onboot");   // Optional[1]: as Proxmox writes it back
 * main.network(0).flatMap(NetworkDevice::bridge); // Optional[vmbr0]
 * ProxmoxOptions.check("cores", "+2"); // unable to parse value of 'cores' - type check ('integer') failed - got '+2'
 * }</pre>
 */
public final class ProxmoxOptions {
    private static final ProxmoxOptions EMPTY = new ProxmoxOptions(Map.of(), List.of());
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    private final Map<String, SectionReader.OptionLine> options;
    private final List<Diagnostic> diagnostics;

    private ProxmoxOptions(Map<String, SectionReader.OptionLine> options, List<Diagnostic> diagnostics) {
        this.options = Collections.unmodifiableMap(options);
        this.diagnostics = List.copyOf(diagnostics);
    }

    static ProxmoxOptions empty() {
        return EMPTY;
    }

    /**
     * The options of a section. In the main section Proxmox deletes {@code snapstate} after reading
     * ("just to be sure"), so it is not one of its options there; its line is still checked.
     */
    static ProxmoxOptions of(SectionReader reader, String source, boolean mainSection) {
        Map<String, SectionReader.OptionLine> map = new LinkedHashMap<>();
        List<Diagnostic> out = new ArrayList<>();
        for (SectionReader.OptionLine o : reader.options) {
            map.put(o.key(), o);
            if (!o.checked()) {
                continue;
            }
            for (Diagnostic d : check(o.key(), o.value())) {
                out.add(d.code() == DiagnosticCode.PVE_UNKNOWN_OPTION
                        ? Reports.relocate(d, source, o.line(), 1)
                        : Reports.relocate(d, source, o.line(), o.valueColumn()));
            }
        }
        if (mainSection) {
            map.remove("snapstate");
        }
        out.sort(Reports.IN_LINE_ORDER);
        return new ProxmoxOptions(map, out);
    }

    // ------------------------------------------------------------------ the check

    /**
     * Checks one option value as Proxmox does when it reads a file (non-strict {@code check_type}):
     * unknown key, line feed, boolean / integer / number syntax, the format of string options
     * (property strings with all their sub-keys, DNS names, addresses, volume ids, tags, startup
     * order); then, as information, enums and ranges that only the API enforces. Messages are
     * Proxmox's warning texts without the {@code vm N - } prefix; positions are counted in the value
     * (source {@code "<string>"}, line 1).
     *
     * <pre>{@code
     * ProxmoxOptions.check("memory", "0512"); // []: Proxmox reads 512
     * ProxmoxOptions.check("swap", "512 # inline");
     * //   unable to parse value of 'swap' - type check ('integer') failed - got '512 # inline'
     * }</pre>
     *
     * @param key   the option key
     * @param value the value as Proxmox stores it
     * @return the diagnostics, empty when Proxmox reads the value silently
     */
    public static List<Diagnostic> check(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Optional<Option> found = OptionSchema.proxmox().option(key);
        if (found.isEmpty()) {
            return List.of(Reports.at(value, 0, DiagnosticCode.PVE_UNKNOWN_OPTION,
                    "unable to parse value of '" + key + "' - unknown setting '" + key + "'",
                    "Proxmox keeps and writes back the line, but nothing reads it; check the spelling"));
        }
        Option option = found.get();
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '\n' || value.charAt(i) == '\r') {
                return List.of(typeCheck(value, i, key, "property contains a line feed",
                        "remove the CR (use LF line ends)"));
            }
        }
        switch (option.type()) {
            case BOOLEAN -> {
                if (Checks.parseBoolean(value).isEmpty()) {
                    return List.of(typeCheck(value, 0, key, "type check ('boolean') failed - got '" + value + "'",
                            "use 1 or 0"));
                }
            }
            case INTEGER -> {
                if (!Checks.isDigits(value)) {
                    return List.of(typeCheck(value, 0, key, "type check ('integer') failed - got '" + value + "'",
                            "use digits only, without sign, blanks or a comment"));
                }
            }
            case NUMBER -> {
                if (!NUMBER.matcher(value).matches()) {
                    return List.of(typeCheck(value, 0, key, "type check ('number') failed - got '" + value + "'",
                            "use digits or digits.digits"));
                }
            }
            default -> {
                List<Diagnostic> format = checkFormat(key, option, value);
                if (!format.isEmpty()) {
                    return format;
                }
            }
        }
        return apiLevel(key, option, value);
    }

    private static Diagnostic typeCheck(String value, int offset, String key, String message, String hint) {
        return Reports.at(value, offset, DiagnosticCode.PVE_TYPE_CHECK,
                "unable to parse value of '" + key + "' - " + message, hint);
    }

    private static List<Diagnostic> checkFormat(String key, Option option, String value) {
        if (option.isPropertyString()) {
            return switch (option.family()) {
                case "net" -> NetworkDevice.parse(Integer.parseInt(key.substring(3)), value).diagnostics();
                case "dev" -> DevicePassthrough.parse(Integer.parseInt(key.substring(3)), value).diagnostics();
                case "rootfs", "mp" -> MountPoint.parse(key, value).diagnostics();
                case "features" -> Features.parse(value).diagnostics();
                default -> OptionSchema.proxmox().format(key)
                        .map(f -> Reports.prefixed(PropertyString.parse(value, f).diagnostics(), key))
                        .orElse(List.of());
            };
        }
        BiFunction<String, String, List<Diagnostic>> single = (message, hint) -> message == null ? List.of()
                : List.of(typeCheck(value, 0, key, message, hint));
        return switch (option.formatName()) {
            case "pve-startup-order" -> Startup.parse(value).diagnostics();
            case "dns-name" -> single.apply(Checks.dnsName(value).orElse(null),
                    "use letters, digits and inner '-' in dot-separated labels (no '_')");
            case "dns-name-list" -> single.apply(firstFailure(value, Checks::dnsName),
                    "separate DNS names with spaces");
            case "lxc-ip-with-ll-iface-list" -> single.apply(firstFailure(value, Checks::ipWithLinkLocalIface),
                    "separate IP addresses with spaces");
            case "pve-configid" -> single.apply(Checks.configId(value).orElse(null),
                    "a letter, then letters, digits, '_' or '-'");
            case "pve-volume-id" -> single.apply(Checks.volumeId(value).orElse(null), "write storage:volname");
            case "pve-tag-list" -> single.apply(firstFailure(value, Checks::tag),
                    "tags are [a-z0-9_][a-z0-9_+.-]*, separated by ';'");
            default -> List.of();
        };
    }

    private static String firstFailure(String list, java.util.function.Function<String, Optional<String>> check) {
        for (String item : Checks.splitList(list)) {
            Optional<String> failed = check.apply(item);
            if (failed.isPresent()) {
                return failed.get();
            }
        }
        return null;
    }

    /** What the API would refuse although the reader loads it: enums and ranges of the keys table. */
    private static List<Diagnostic> apiLevel(String key, Option option, String value) {
        List<String> allowed = option.enumValues();
        if (!allowed.isEmpty() && !allowed.contains(value)) {
            return List.of(Reports.at(value, 0, DiagnosticCode.PVE_API_WOULD_REFUSE,
                    "Proxmox loads '" + value + "' for '" + key + "', but its API accepts only: "
                            + String.join(", ", allowed),
                    "pct set and the GUI will refuse this value"));
        }
        if (option.type() == ValueType.INTEGER || option.type() == ValueType.NUMBER) {
            BigDecimal n = new BigDecimal(value);
            Optional<Long> min = option.apiMinimum();
            Optional<Long> max = option.apiMaximum();
            boolean tooSmall = min.isPresent() && n.compareTo(BigDecimal.valueOf(min.get())) < 0;
            boolean tooLarge = max.isPresent() && n.compareTo(BigDecimal.valueOf(max.get())) > 0;
            if (tooSmall || tooLarge) {
                String range = max.isPresent() ? min.orElse(0L) + "-" + max.get() : "values of at least " + min.get();
                return List.of(Reports.at(value, 0, DiagnosticCode.PVE_API_WOULD_REFUSE,
                        "Proxmox loads " + value + " for '" + key + "', but its API accepts only " + range,
                        "pct set and the GUI will refuse this value"));
            }
        }
        return List.of();
    }

    // ------------------------------------------------------------------ raw access

    /**
     * Returns the value Proxmox stores for a key: the last line's value, as written (trailing
     * blanks trimmed, ill-typed values kept).
     *
     * @param key the option key
     * @return the value, or empty if the section does not set it
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(options.get(key)).map(SectionReader.OptionLine::value);
    }

    /**
     * Returns the value as Proxmox writes it back: booleans as {@code 1}/{@code 0}, integers without
     * leading zeros; other values, and values that fail the type check, unchanged.
     *
     * <pre>{@code
     * // memory: 0512  ->  Optional[512];  onboot: yes  ->  Optional[1]
     * }</pre>
     *
     * @param key the option key
     * @return the normalised value, or empty if the section does not set it
     */
    public Optional<String> normalized(String key) {
        return get(key).map(v -> normalize(key, v));
    }

    private static String normalize(String key, String value) {
        Optional<Option> option = OptionSchema.proxmox().option(key);
        if (option.isEmpty()) {
            return value;
        }
        if (option.get().type() == ValueType.BOOLEAN) {
            return Checks.parseBoolean(value).map(b -> b ? "1" : "0").orElse(value);
        }
        if (option.get().type() == ValueType.INTEGER && Checks.isDigits(value)) {
            return new BigInteger(value).toString();
        }
        return value;
    }

    /**
     * Returns the keys the section sets, in the order they first appear.
     *
     * @return the keys
     */
    public List<String> keys() {
        return List.copyOf(options.keySet());
    }

    /**
     * Returns every option with its stored value, in the order the keys first appear.
     *
     * @return the options, unmodifiable
     */
    public Map<String, String> asMap() {
        Map<String, String> out = new LinkedHashMap<>();
        options.forEach((k, v) -> out.put(k, v.value()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Returns whether the section sets no option.
     *
     * @return {@code true} when there is none
     */
    public boolean isEmpty() {
        return options.isEmpty();
    }

    /**
     * Returns what Proxmox reports about the option lines of this section (every line, also the ones
     * a later line of the same key overrides), in line order, located in the file.
     *
     * @return the diagnostics
     */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    // ------------------------------------------------------------------ typed access

    /**
     * Returns the host name.
     *
     * @return the host name as written; empty when unset (the uts name is then {@code CT<VMID>})
     */
    public Optional<String> hostname() {
        return get("hostname");
    }

    /**
     * Returns the memory limit in MiB; the table's default (512) when unset or not an integer.
     *
     * @return the memory in MiB
     */
    public int memory() {
        return integer("memory").orElseGet(() -> defaultInt("memory", 512));
    }

    /**
     * Returns the swap limit in MiB. No default here: the schema says 512, but the config generator
     * uses 0 when it is unset.
     *
     * @return the swap, or empty when unset or not an integer
     */
    public Optional<Integer> swap() {
        return integer("swap");
    }

    /**
     * Returns the number of CPUs; unset means all host CPUs.
     *
     * @return the cores, or empty when unset or not an integer
     */
    public Optional<Integer> cores() {
        return integer("cores");
    }

    /**
     * Returns whether the container runs in a user namespace; the table's default (0) when unset.
     *
     * @return the flag
     */
    public boolean unprivileged() {
        return flag("unprivileged");
    }

    /**
     * Returns whether the container is a template; default off.
     *
     * @return the flag
     */
    public boolean template() {
        return flag("template");
    }

    /**
     * Returns whether the container starts at boot; default off.
     *
     * @return the flag
     */
    public boolean onboot() {
        return flag("onboot");
    }

    /**
     * Returns the architecture; the table's default {@code amd64} when unset.
     *
     * @return the architecture
     */
    public String arch() {
        return get("arch").orElseGet(() -> OptionSchema.proxmox().option("arch").flatMap(Option::plainDefault)
                .orElse("amd64"));
    }

    /**
     * Returns the distribution type.
     *
     * @return the ostype as written
     */
    public Optional<String> ostype() {
        return get("ostype");
    }

    /**
     * Returns the tags, split as Proxmox splits lists ({@code ;}, {@code ,} or blanks).
     *
     * @return the tags, empty when unset
     */
    public List<String> tags() {
        return get("tags").map(Checks::splitList).orElse(List.of());
    }

    /**
     * Returns the network device {@code netN}.
     *
     * @param index N
     * @return the device, or empty when unset (or N is outside 0-31)
     */
    public Optional<NetworkDevice> network(int index) {
        return indexed("net", index).map(v -> NetworkDevice.parse(index, v));
    }

    /**
     * Returns every network device, sorted by index (net2 before net10).
     *
     * @return the devices
     */
    public List<NetworkDevice> networks() {
        return family("net").entrySet().stream().map(e -> NetworkDevice.parse(e.getKey(), e.getValue())).toList();
    }

    /**
     * Returns the root file system.
     *
     * @return the rootfs, or empty when unset
     */
    public Optional<MountPoint> rootfs() {
        return get("rootfs").map(v -> MountPoint.parse("rootfs", v));
    }

    /**
     * Returns the mount point {@code mpN}.
     *
     * @param index N
     * @return the mount point, or empty when unset (or N is outside 0-255)
     */
    public Optional<MountPoint> mountPoint(int index) {
        return indexed("mp", index).map(v -> MountPoint.parse("mp" + index, v));
    }

    /**
     * Returns every mount point {@code mpN}, sorted by index (rootfs not included).
     *
     * @return the mount points
     */
    public List<MountPoint> mountPoints() {
        return family("mp").entrySet().stream().map(e -> MountPoint.parse("mp" + e.getKey(), e.getValue())).toList();
    }

    /**
     * Returns the volumes of {@code unusedN} (volumes the container owns but does not mount), by index.
     *
     * @return index to volume id as written, sorted by index
     */
    public Map<Integer, String> unusedVolumes() {
        return Collections.unmodifiableMap(family("unused"));
    }

    /**
     * Returns the passed-through device {@code devN}.
     *
     * @param index N
     * @return the device, or empty when unset (or N is outside 0-255)
     */
    public Optional<DevicePassthrough> device(int index) {
        return indexed("dev", index).map(v -> DevicePassthrough.parse(index, v));
    }

    /**
     * Returns every passed-through device {@code devN}, sorted by index.
     *
     * @return the devices
     */
    public List<DevicePassthrough> devices() {
        return family("dev").entrySet().stream().map(e -> DevicePassthrough.parse(e.getKey(), e.getValue()))
                .toList();
    }

    /**
     * Returns the features; {@link Features#none()} (all off) when unset.
     *
     * @return the features
     */
    public Features features() {
        return get("features").map(Features::parse).orElseGet(Features::none);
    }

    /**
     * Returns the start and shutdown order.
     *
     * @return the startup order, or empty when unset
     */
    public Optional<Startup> startup() {
        return get("startup").map(Startup::parse);
    }

    // ------------------------------------------------------------------ object

    /**
     * Returns whether the other object holds the same options with the same values.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof ProxmoxOptions that && asMap().equals(that.asMap());
    }

    @Override
    public int hashCode() {
        return asMap().hashCode();
    }

    /**
     * Returns the options as {@code ProxmoxOptions{key=value, ...}}.
     */
    @Override
    public String toString() {
        return "ProxmoxOptions" + asMap();
    }

    // ------------------------------------------------------------------ internals

    private Optional<String> indexed(String family, int index) {
        String key = family + index;
        return OptionSchema.proxmox().option(key).filter(o -> o.family().equals(family)).flatMap(o -> get(key));
    }

    private Map<Integer, String> family(String family) {
        Map<Integer, String> out = new TreeMap<>(Comparator.naturalOrder());
        for (String key : options.keySet()) {
            Optional<Option> o = OptionSchema.proxmox().option(key);
            if (o.isPresent() && o.get().indexed() && o.get().family().equals(family)) {
                out.put(Integer.parseInt(key.substring(family.length())), get(key).orElseThrow());
            }
        }
        return out;
    }

    private Optional<Integer> integer(String key) {
        return get(key).filter(Checks::isDigits).map(v -> new BigInteger(v).toString()).flatMap(Checks::smallInt);
    }

    private boolean flag(String key) {
        return get(key).flatMap(Checks::parseBoolean).orElseGet(() -> OptionSchema.proxmox().option(key)
                .flatMap(Option::plainDefault).flatMap(Checks::parseBoolean).orElse(false));
    }

    private static int defaultInt(String key, int fallback) {
        return OptionSchema.proxmox().option(key).flatMap(Option::plainDefault).flatMap(Checks::smallInt)
                .orElse(fallback);
    }
}
