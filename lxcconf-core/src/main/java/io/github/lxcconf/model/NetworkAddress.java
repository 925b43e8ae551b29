package io.github.lxcconf.model;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * An address of a network interface ({@code lxc.net.N.ipv4.address}, {@code lxc.net.N.ipv6.address}) as
 * liblxc 5.0.2 holds it: the address as {@code inet_ntop} prints it, the prefix length, and for IPv4 the
 * broadcast address written after a blank.
 *
 * <p>An address written without a prefix gets liblxc's default: 64 for IPv6; for IPv4 the prefix of the
 * address's class, which liblxc 5.0.2 reads from the <em>last</em> octet, not the first (it tests the
 * address in network byte order with the host-order macros {@code IN_CLASSA}...): below 128 gives
 * {@code /8}, below 192 {@code /16}, below 224 {@code /24}, else {@code /0}. So {@code 192.168.1.1} gets
 * {@code /8} and {@code 10.0.0.200} gets {@code /24}, as {@code get_config_item} shows. Prefixes are read
 * as C numbers (base 0: {@code /0x10} is 16). Two addresses are equal when all three parts are.
 *
 * <pre>{@code
 * NetworkAddress.parseIpv4("10.0.0.200");            // 10.0.0.200/24
 * NetworkAddress.parseIpv4("10.0.3.5/24 10.0.3.255").broadcast(); // Optional[10.0.3.255]
 * NetworkAddress.parseIpv6("FE80:0::1");             // fe80::1/64
 * }</pre>
 *
 * @param address   the address, as {@code inet_ntop} prints it ({@code fe80::1}, {@code ::ffff:1.2.3.4})
 * @param prefix    the prefix length: 0 to 32 for IPv4; for IPv6 any unsigned 32-bit number liblxc accepts
 * @param broadcast the IPv4 broadcast address, if written; always empty for IPv6
 */
public record NetworkAddress(String address, long prefix, Optional<String> broadcast) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the address is not an IPv4 or IPv6 address in liblxc's form, or
     *                                  the prefix is out of range
     */
    public NetworkAddress {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(broadcast, "broadcast");
        boolean four = Values.isIpv4(address);
        if (!four && !Values.isIpv6(address)) {
            throw new IllegalArgumentException("not an IPv4 or IPv6 address: '" + address + "'");
        }
        if (prefix < 0 || prefix > (four ? 32 : 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("prefix " + prefix + " out of range for " + address);
        }
        if (broadcast.isPresent() && (!four || !Values.isIpv4(broadcast.get()))) {
            throw new IllegalArgumentException("a broadcast address is an IPv4 address beside an IPv4 address, got '"
                    + broadcast.get() + "'");
        }
    }

    /**
     * Reads a value of {@code lxc.net.N.ipv4.address} as liblxc does: {@code ADDR[/PREFIX][ BROADCAST]}.
     *
     * <pre>{@code
     * NetworkAddress.parseIpv4("192.168.1.1").prefix();     // 8: liblxc's class from the last octet
     * NetworkAddress.parseIpv4("192.168.1.1/24").prefix();  // 24
     * }</pre>
     *
     * @param value the value
     * @return the address
     * @throws IllegalArgumentException if liblxc refuses the value
     */
    public static NetworkAddress parseIpv4(String value) {
        return ipv4(value).orThrow();
    }

    /**
     * Reads a value of {@code lxc.net.N.ipv6.address} as liblxc does: {@code ADDR[/PREFIX]}.
     *
     * <pre>{@code
     * NetworkAddress.parseIpv6("2001:db8::10/0x40").prefix(); // 64
     * }</pre>
     *
     * @param value the value
     * @return the address
     * @throws IllegalArgumentException if liblxc refuses the value
     */
    public static NetworkAddress parseIpv6(String value) {
        return ipv6(value).orThrow();
    }

    private static final String IPV4_HINT = "write ADDRESS[/PREFIX][ BROADCAST], such as 10.0.3.5/24";
    private static final String IPV6_HINT = "write ADDRESS[/PREFIX], such as fd00::5/64";

    static Parsed<NetworkAddress> ipv4(String value) {
        String problem = ipv4Problem(value);
        if (problem != null) {
            return Parsed.fail(problem, IPV4_HINT);
        }
        int blank = value.indexOf(' ');
        String address = blank < 0 ? value : value.substring(0, blank);
        Optional<String> broadcast = blank < 0 ? Optional.empty() : Optional.of(value.substring(blank + 1));
        int slash = address.indexOf('/');
        String ip = slash < 0 ? address : address.substring(0, slash);
        long prefix = slash >= 0 ? Values.cUnsigned(address.substring(slash + 1)).orElseThrow().longValueExact()
                : classPrefix(ip);
        return Parsed.ok(new NetworkAddress(ip, prefix, broadcast));
    }

    /**
     * What liblxc finds wrong with a value of {@code lxc.net.N.ipv4.address}, or null: the test of
     * {@link #ipv4(String)} without building the address, as it runs for every line.
     */
    static String ipv4Problem(String value) {
        int blank = value.indexOf(' ');
        String address = blank < 0 ? value : value.substring(0, blank);
        if (blank >= 0 && !Values.isIpv4(value.substring(blank + 1))) {
            return "the broadcast address '" + value.substring(blank + 1) + "' is not an IPv4 address";
        }
        int slash = address.indexOf('/');
        String ip = slash < 0 ? address : address.substring(0, slash);
        if (!Values.isIpv4(ip)) {
            return "'" + ip + "' is not an IPv4 address";
        }
        if (slash >= 0) {
            Optional<BigInteger> p = Values.cUnsigned(address.substring(slash + 1));
            if (p.isEmpty() || p.get().compareTo(BigInteger.valueOf(32)) > 0) {
                return "the prefix '/" + address.substring(slash + 1) + "' is not 0 to 32";
            }
        }
        return null;
    }

    static Parsed<NetworkAddress> ipv6(String value) {
        String problem = ipv6Problem(value);
        if (problem != null) {
            return Parsed.fail(problem, IPV6_HINT);
        }
        int slash = value.indexOf('/');
        String ip = slash < 0 ? value : value.substring(0, slash);
        long prefix = slash >= 0 ? Values.cUnsigned(value.substring(slash + 1)).orElseThrow().longValueExact() : 64;
        return Parsed.ok(new NetworkAddress(ntop6(ip), prefix, Optional.empty()));
    }

    /**
     * What liblxc finds wrong with a value of {@code lxc.net.N.ipv6.address}, or null: the test of
     * {@link #ipv6(String)} without building the address.
     */
    static String ipv6Problem(String value) {
        int slash = value.indexOf('/');
        String ip = slash < 0 ? value : value.substring(0, slash);
        if (!Values.isIpv6(ip)) {
            return "'" + ip + "' is not an IPv6 address";
        }
        if (slash >= 0 && Values.cUnsigned(value.substring(slash + 1))
                .filter(n -> n.compareTo(Values.UINT_MAX) <= 0).isEmpty()) {
            return "the prefix '/" + value.substring(slash + 1) + "' is not a number";
        }
        return null;
    }

    /** liblxc 5.0.2's config_ip_prefix(): the class test applied to the address in network byte order. */
    private static int classPrefix(String ipv4) {
        String[] octets = ipv4.split("\\.");
        int last = Integer.parseInt(octets[3]);
        return last < 128 ? 8 : last < 192 ? 16 : last < 224 ? 24 : 0;
    }

    /** An IPv6 address as glibc's inet_ntop prints it. */
    private static String ntop6(String ip) {
        int[] words = new int[8];
        int dc = ip.indexOf("::");
        String head = dc < 0 ? ip : ip.substring(0, dc);
        String tail = dc < 0 ? "" : ip.substring(dc + 2);
        int[] h = groups(head);
        int[] t = groups(tail);
        System.arraycopy(h, 0, words, 0, h.length);
        System.arraycopy(t, 0, words, 8 - t.length, t.length);
        int bestBase = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestBase = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    sb.append(':');
                }
                continue;
            }
            if (i != 0) {
                sb.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLen == 6 || bestLen == 5 && words[5] == 0xffff)) {
                sb.append(words[6] >> 8).append('.').append(words[6] & 0xff).append('.').append(words[7] >> 8)
                        .append('.').append(words[7] & 0xff);
                return sb.toString();
            }
            sb.append(Integer.toHexString(words[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            sb.append(':');
        }
        return sb.toString();
    }

    private static int[] groups(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int n = parts.length;
        boolean v4 = parts[n - 1].indexOf('.') >= 0;
        int[] out = new int[v4 ? n + 1 : n];
        for (int i = 0; i < n - (v4 ? 1 : 0); i++) {
            out[i] = Integer.parseInt(parts[i], 16);
        }
        if (v4) {
            String[] o = parts[n - 1].split("\\.");
            out[n - 1] = Integer.parseInt(o[0]) << 8 | Integer.parseInt(o[1]);
            out[n] = Integer.parseInt(o[2]) << 8 | Integer.parseInt(o[3]);
        }
        return out;
    }

    /**
     * Returns the address as {@code get_config_item} prints it: {@code ADDRESS/PREFIX}, without the broadcast.
     *
     * <pre>{@code
     * NetworkAddress.parseIpv4("10.0.0.1 10.255.255.255").toString(); // "10.0.0.1/8"
     * }</pre>
     */
    @Override
    public String toString() {
        return address + "/" + prefix;
    }
}
