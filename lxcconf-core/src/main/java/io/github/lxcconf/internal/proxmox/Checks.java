package io.github.lxcconf.internal.proxmox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value checks of Proxmox (pve-common {@code JSONSchema.pm}, pve-container {@code Config.pm}),
 * ported regex for regex. Each check returns the message Proxmox dies with, or empty when the value
 * passes. Not API.
 */
public final class Checks {
    private Checks() {
    }

    // PVE::Tools $IPV4RE / $IPV6RE (RFC 3986 grammar)
    private static final String IPV4_OCTET = "(?:25[0-5]|(?:2[0-4]|1[0-9]|[1-9])?[0-9])";
    static final String IPV4_RE = "(?:(?:" + IPV4_OCTET + "\\.){3}" + IPV4_OCTET + ")";
    private static final String H16 = "(?:[0-9a-fA-F]{1,4})";
    private static final String LS32 = "(?:(?:" + IPV4_RE + "|" + H16 + ":" + H16 + "))";
    static final String IPV6_RE = "(?:"
            + "(?:(?:(?:" + H16 + ":){6})" + LS32 + ")|"
            + "(?:(?:::(?:" + H16 + ":){5})" + LS32 + ")|"
            + "(?:(?:(?:" + H16 + ")?::(?:" + H16 + ":){4})" + LS32 + ")|"
            + "(?:(?:(?:(?:" + H16 + ":){0,1}" + H16 + ")?::(?:" + H16 + ":){3})" + LS32 + ")|"
            + "(?:(?:(?:(?:" + H16 + ":){0,2}" + H16 + ")?::(?:" + H16 + ":){2})" + LS32 + ")|"
            + "(?:(?:(?:(?:" + H16 + ":){0,3}" + H16 + ")?::(?:" + H16 + ":){1})" + LS32 + ")|"
            + "(?:(?:(?:(?:" + H16 + ":){0,4}" + H16 + ")?::)" + LS32 + ")|"
            + "(?:(?:(?:(?:" + H16 + ":){0,5}" + H16 + ")?::)" + H16 + ")|"
            + "(?:(?:(?:(?:" + H16 + ":){0,6}" + H16 + ")?::)))";

    private static final Pattern IPV4 = Pattern.compile(IPV4_RE);
    private static final Pattern IPV6 = Pattern.compile(IPV6_RE);
    private static final Pattern CIDR4 = Pattern.compile(IPV4_RE + "/(\\d+)");
    private static final Pattern CIDR6 = Pattern.compile(IPV6_RE + "/(\\d+)");
    private static final Pattern LINK_LOCAL_WITH_IFACE = Pattern.compile("(fe80:[^%]+)%(.*)", Pattern.DOTALL);
    private static final Pattern IFACE = Pattern.compile("[a-z][a-z0-9_]{1,20}(?:[:.]\\d+)?",
            Pattern.CASE_INSENSITIVE);
    private static final String DNS_LABEL = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9\\-]*[a-zA-Z0-9])?)";
    private static final Pattern DNS_NAME = Pattern.compile("(?:" + DNS_LABEL + "\\.)*" + DNS_LABEL);
    private static final Pattern MAC = Pattern.compile("[a-f0-9][02468ace](?::[a-f0-9]{2}){5}",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONFIG_ID = Pattern.compile("[a-z][a-z0-9_-]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern VOLUME_ID = Pattern.compile("([a-z][a-z0-9\\-_.]*[a-z0-9]):(.+)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("[a-z0-9_][a-z0-9_\\-+.]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern DISK_SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)(?:([KMGT])(iB)?)?");
    private static final Pattern PERL_NUMBER = Pattern.compile("[+-]?(?:\\d+\\.\\d+|\\d+\\.|\\.\\d+|\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern PERL_INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern BOOLEAN_TRUE = Pattern.compile("1|on|yes|true", Pattern.CASE_INSENSITIVE);
    private static final Pattern BOOLEAN_FALSE = Pattern.compile("0|off|no|false", Pattern.CASE_INSENSITIVE);

    // ------------------------------------------------------------------ scalars

    /** Perl's {@code parse_boolean}: 1/on/yes/true and 0/off/no/false, any case. */
    public static Optional<Boolean> parseBoolean(String value) {
        if (BOOLEAN_TRUE.matcher(value).matches()) {
            return Optional.of(true);
        }
        if (BOOLEAN_FALSE.matcher(value).matches()) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    /** JSONSchema {@code is_number}: Perl's numeric literal. */
    public static boolean isPerlNumber(String value) {
        return PERL_NUMBER.matcher(value).matches();
    }

    /** JSONSchema {@code is_integer}. */
    public static boolean isPerlInteger(String value) {
        return PERL_INTEGER.matcher(value).matches();
    }

    /** Whether the text is only ASCII digits (and not empty): the top-level integer check. */
    public static boolean isDigits(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The value of a Perl number; only call when {@link #isPerlNumber} holds. */
    public static BigDecimal perlNumber(String value) {
        String v = value.startsWith("+") ? value.substring(1) : value;
        if (v.endsWith(".")) {
            v = v.substring(0, v.length() - 1);
        } else if (v.contains(".e") || v.contains(".E")) {
            v = v.replace(".e", "e").replace(".E", "E");
        }
        if (v.startsWith(".") || v.startsWith("-.")) {
            v = v.replaceFirst("\\.", "0.");
        }
        return new BigDecimal(v);
    }

    /** A non-negative decimal integer that fits an int, or empty. */
    public static Optional<Integer> smallInt(String digits) {
        if (!isDigits(digits) || digits.length() > 10) {
            return Optional.empty();
        }
        long v = Long.parseLong(digits);
        return v <= Integer.MAX_VALUE ? Optional.of((int) v) : Optional.empty();
    }

    /** Perl's {@code split_list}: NUL-separated if there is a NUL, else on , ; and whitespace. */
    public static List<String> splitList(String text) {
        if (text.indexOf('\0') >= 0) {
            List<String> out = new ArrayList<>(List.of(text.split("\0", -1)));
            while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
                out.remove(out.size() - 1);
            }
            return out;
        }
        String t = text.replaceAll("[,;]", " ").replaceFirst("^\\s+", "");
        if (t.isEmpty()) {
            return List.of();
        }
        return List.of(t.split("\\s+"));
    }

    // ------------------------------------------------------------------ formats (message on failure)

    public static Optional<String> dnsName(String value) {
        return DNS_NAME.matcher(value).matches() ? Optional.empty()
                : Optional.of("value does not look like a valid DNS name");
    }

    public static Optional<String> ipv4(String value) {
        return IPV4.matcher(value).matches() ? Optional.empty()
                : Optional.of("value does not look like a valid IPv4 address");
    }

    public static Optional<String> ipv6(String value) {
        return IPV6.matcher(value).matches() ? Optional.empty()
                : Optional.of("value does not look like a valid IPv6 address");
    }

    static boolean isIp(String value) {
        return IPV4.matcher(value).matches() || IPV6.matcher(value).matches();
    }

    /** pve-container {@code verify_ip_with_ll_iface}: an IP, or {@code fe80::x%iface}. */
    public static Optional<String> ipWithLinkLocalIface(String value) {
        var m = LINK_LOCAL_WITH_IFACE.matcher(value);
        if (m.matches() && isIp(m.group(1)) && IFACE.matcher(m.group(2)).matches()) {
            return Optional.empty();
        }
        return isIp(value) ? Optional.empty() : Optional.of("value does not look like a valid IP address");
    }

    static boolean isCidr4(String value) {
        var m = CIDR4.matcher(value);
        return m.matches() && prefixIn(m.group(1), 8, 32);
    }

    static boolean isCidr6(String value) {
        var m = CIDR6.matcher(value);
        return m.matches() && prefixIn(m.group(1), 8, 128);
    }

    private static boolean prefixIn(String digits, int min, int max) {
        return smallInt(digits).map(p -> p >= min && p <= max).orElse(false);
    }

    public static Optional<String> ipv4Config(String value) {
        return value.equals("dhcp") || value.equals("manual") || isCidr4(value) ? Optional.empty()
                : Optional.of("value does not look like a valid ipv4 network configuration");
    }

    public static Optional<String> ipv6Config(String value) {
        return value.equals("auto") || value.equals("dhcp") || value.equals("manual") || isCidr6(value)
                ? Optional.empty()
                : Optional.of("value does not look like a valid ipv6 network configuration");
    }

    public static Optional<String> macAddress(String value) {
        return MAC.matcher(value).matches() ? Optional.empty()
                : Optional.of("value does not look like a valid unicast MAC address");
    }

    public static Optional<String> configId(String value) {
        return CONFIG_ID.matcher(value).matches() ? Optional.empty()
                : Optional.of("invalid configuration ID '" + value + "'");
    }

    public static Optional<String> volumeId(String value) {
        return VOLUME_ID.matcher(value).matches() ? Optional.empty()
                : Optional.of("unable to parse volume ID '" + value + "'");
    }

    /** The storage part of a volume id {@code storage:volname}. */
    public static Optional<String> storageOf(String volume) {
        var m = VOLUME_ID.matcher(volume);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static Optional<String> tag(String value) {
        return TAG.matcher(value).matches() ? Optional.empty() : Optional.of("invalid characters in tag");
    }

    /** pve-container {@code verify_lxc_mp_string}. */
    public static Optional<String> mountPointString(String value) {
        if (value.matches("(?s).*/\\.\\.?/.*") || value.matches("(?s).*/\\.\\.?") || value.startsWith("../")) {
            return Optional.of(value + " contains illegal character sequences");
        }
        return Optional.empty();
    }

    /** pve-container {@code verify_lxc_dev_string}. */
    public static Optional<String> devicePath(String value) {
        if (value.matches("(?s).*/\\.\\.?/.*") || value.matches("(?s).*/\\.\\.?") || !value.startsWith("/dev/")) {
            return Optional.of(value + " is not a valid device path");
        }
        return Optional.empty();
    }

    public static Optional<String> diskSize(String value) {
        return parseDiskSize(value).isPresent() ? Optional.empty()
                : Optional.of("value does not look like a valid disk size: " + value);
    }

    /** JSONSchema {@code parse_size}: bytes, truncated; empty if the text is no size. */
    public static Optional<Long> parseDiskSize(String value) {
        var m = DISK_SIZE.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal size = new BigDecimal(m.group(1));
        String unit = m.group(2);
        int shift = unit == null ? 0 : switch (unit) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            default -> 40;
        };
        BigDecimal bytes = size.multiply(BigDecimal.valueOf(2).pow(shift));
        try {
            return Optional.of(bytes.toBigInteger().longValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }
}
