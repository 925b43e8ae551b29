package io.github.lxcconf.model.proxmox;

import io.github.lxcconf.internal.proxmox.Checks;
import io.github.lxcconf.model.proxmox.OptionSchema.SubKey;
import io.github.lxcconf.model.proxmox.OptionSchema.ValueType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The per-sub-key constraints Proxmox's property-string schemas attach in code (formats, patterns,
 * ranges, enums), checked in the order of JSONSchema {@code check_prop}: type, format, pattern,
 * minimum/maximum, enum. Which sub-keys exist, their types and defaults come from the tables. Not API.
 */
final class SubKeyRules {
    private SubKeyRules() {
    }

    /**
     * The constraints of one sub-key.
     *
     * @param format    a named format's check, returning its message on failure
     * @param pattern   an anchored pattern
     * @param minimum   the smallest number allowed
     * @param maximum   the largest number allowed
     * @param enumeration the allowed values
     */
    record Rule(Optional<Function<String, Optional<String>>> format, Optional<Pattern> pattern,
                Optional<BigDecimal> minimum, Optional<BigDecimal> maximum, List<String> enumeration) {
        static final Rule NONE = new Rule(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of());

        static Rule format(Function<String, Optional<String>> f) {
            return new Rule(Optional.of(f), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        }

        static Rule pattern(String regex) {
            return new Rule(Optional.empty(), Optional.of(Pattern.compile(regex, Pattern.DOTALL)), Optional.empty(),
                    Optional.empty(), List.of());
        }

        static Rule range(long min, Long max) {
            return new Rule(Optional.empty(), Optional.empty(), Optional.of(BigDecimal.valueOf(min)),
                    Optional.ofNullable(max).map(BigDecimal::valueOf), List.of());
        }

        static Rule oneOf(String... values) {
            return new Rule(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(values));
        }
    }

    private static final String NAME_PATTERN = "[-_.\\w\\d]+";
    private static final String MOUNT_OPTION = "(?:discard|lazytime|noatime|nodev|noexec|nosuid)";
    private static final String IDMAP_ENTRY = "[ug]:\\d+:\\d+:[1-9]\\d*";

    private static final Map<String, Rule> NET = Map.ofEntries(
            Map.entry("name", Rule.pattern(NAME_PATTERN)),
            Map.entry("bridge", Rule.pattern(NAME_PATTERN)),
            Map.entry("gw", Rule.format(Checks::ipv4)),
            Map.entry("gw6", Rule.format(Checks::ipv6)),
            Map.entry("hwaddr", Rule.format(Checks::macAddress)),
            Map.entry("ip", Rule.format(Checks::ipv4Config)),
            Map.entry("ip6", Rule.format(Checks::ipv6Config)),
            Map.entry("mtu", Rule.range(64, 65535L)),
            Map.entry("rate", Rule.range(0, null)),
            Map.entry("tag", Rule.range(1, 4094L)),
            Map.entry("trunks", Rule.pattern("\\d+(?:;\\d+)*")),
            Map.entry("type", Rule.oneOf("veth")));

    private static final Map<String, Rule> MOUNT = Map.ofEntries(
            Map.entry("volume", Rule.format(Checks::mountPointString)),
            Map.entry("mp", Rule.format(Checks::mountPointString)),
            Map.entry("size", Rule.format(Checks::diskSize)),
            Map.entry("mountoptions", Rule.pattern(MOUNT_OPTION + "(?:;" + MOUNT_OPTION + ")*")),
            Map.entry("idmap", Rule.pattern("passthrough|" + IDMAP_ENTRY + "(?:;" + IDMAP_ENTRY + ")*")));

    private static final Map<String, Rule> UNUSED = Map.of("volume", Rule.format(Checks::volumeId));

    private static final Map<String, Rule> DEV = Map.of(
            "path", Rule.format(Checks::devicePath),
            "gid", Rule.range(0, null),
            "uid", Rule.range(0, null),
            "mode", Rule.pattern("0[0-7]{3}"));

    private static final Map<String, Rule> FEATURES = Map.of("mount", Rule.pattern("[a-zA-Z0-9_; ]+"));

    private static final Map<String, Map<String, Rule>> RULES = Map.of(
            "netN", NET, "rootfs", MOUNT, "mpN", MOUNT, "unusedN", UNUSED, "devN", DEV, "features", FEATURES);

    /** The constraints of a sub-key of a format, {@link Rule#NONE} when there are none. */
    static Rule rule(String format, String subKey) {
        return RULES.getOrDefault(format, Map.of()).getOrDefault(subKey, Rule.NONE);
    }

    /**
     * Checks one sub-key value as JSONSchema {@code check_prop} does; booleans have already been
     * normalised by {@code parse_boolean} when they could be.
     *
     * @return the error Proxmox records for this sub-key, or empty
     */
    static Optional<String> check(String format, SubKey key, String value) {
        String v = key.type() == ValueType.BOOLEAN ? Checks.parseBoolean(value).map(b -> b ? "1" : "0").orElse(value)
                : value;
        switch (key.type()) {
            case BOOLEAN -> {
                if (!v.equals("1") && !v.equals("0")) {
                    return Optional.of("type check ('boolean') failed - got '" + v + "'");
                }
            }
            case INTEGER -> {
                if (!Checks.isPerlInteger(v)) {
                    return Optional.of("type check ('integer') failed - got '" + v + "'");
                }
            }
            case NUMBER -> {
                if (!Checks.isPerlNumber(v)) {
                    return Optional.of("type check ('number') failed - got '" + v + "'");
                }
            }
            default -> {
            }
        }
        Rule rule = rule(format, key.name());
        if (rule.format().isPresent()) {
            Optional<String> failed = rule.format().get().apply(v);
            if (failed.isPresent()) {
                return Optional.of("invalid format - " + failed.get());
            }
        }
        if (rule.pattern().isPresent() && !rule.pattern().get().matcher(v).matches()) {
            return Optional.of("value does not match the regex pattern");
        }
        if (Checks.isPerlNumber(v)) {
            BigDecimal n = Checks.perlNumber(v);
            if (rule.maximum().isPresent() && n.compareTo(rule.maximum().get()) > 0) {
                return Optional.of("value must have a maximum value of " + rule.maximum().get());
            }
            if (rule.minimum().isPresent() && n.compareTo(rule.minimum().get()) < 0) {
                return Optional.of("value must have a minimum value of " + rule.minimum().get());
            }
        }
        if (!rule.enumeration().isEmpty() && !rule.enumeration().contains(v)) {
            return Optional.of("value '" + v + "' does not have a value in the enumeration '"
                    + String.join(", ", rule.enumeration()) + "'");
        }
        return Optional.empty();
    }
}
