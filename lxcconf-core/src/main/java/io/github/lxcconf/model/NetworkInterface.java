package io.github.lxcconf.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A network interface of the container: the {@code lxc.net.N.*} lines with one index N.
 *
 * <p>The interface is its sub-keys as written ({@link #subKeys()}: {@code type},
 * {@code link}, {@code ipv4.address}, ...), after liblxc's rules: a
 * {@code type} line starts the interface over, list sub-keys
 * ({@code ipv4.address}, {@code ipv6.address}, {@code veth.ipv4.route},
 * {@code veth.ipv6.route}, {@code veth.vlan.tagged.id}) append, the others
 * replace, and an empty value clears. The typed accessors read the sub-keys.
 * Two interfaces are equal when index and sub-keys are equal; their
 * {@link #origins()} are not compared.
 *
 * <pre>{@code
 * NetworkInterface eth0 = config.lxc().networkInterface(0).orElseThrow();
 * eth0.type();             // Optional[VETH]
 * eth0.link();             // Optional[lxcbr0]
 * eth0.ipv4Addresses();    // [10.0.3.5/24]
 * NetworkInterface.of(1, NetworkType.VETH).with("link", "vmbr0").with("flags", "up").toEntries();
 * // [lxc.net.1.type=veth, lxc.net.1.link=vmbr0, lxc.net.1.flags=up]
 * }</pre>
 *
 * @param index   the interface index N, 0 to 2147483646
 * @param subKeys every sub-key set, in the order first set, with its values (one for single-valued sub-keys)
 * @param origins the lines the interface was read from, since its last reset; empty when built by hand
 */
public record NetworkInterface(int index, Map<String, List<String>> subKeys, List<Origin> origins) {

    /** The largest index liblxc accepts. */
    static final int MAX_INDEX = Integer.MAX_VALUE - 1;

    /** Every sub-key liblxc knows, with whether it is a list and the type it needs. */
    static final Map<String, SubKey> SUB_KEYS = subKeyTable();

    /** One sub-key: list or single, the interface type it needs (or null), what a valid value is. */
    record SubKey(String name, boolean list, NetworkType needs) {
    }

    /**
     * Checks the components and copies the map in its order.
     *
     * @throws NullPointerException     if a component, key or value is null
     * @throws IllegalArgumentException if the index is out of range, or a sub-key or value is one liblxc refuses
     */
    public NetworkInterface {
        if (index < 0 || index > MAX_INDEX) {
            throw new IllegalArgumentException("the interface index must be 0 to " + MAX_INDEX + ", got " + index);
        }
        LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
        subKeys.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "subKey"), List.copyOf(v)));
        Optional<NetworkType> type = Optional.ofNullable(copy.get("type")).map(v -> NetworkType.of(v.get(0))
                .orElseThrow(() -> new IllegalArgumentException(invalidValue(index, "type", v.get(0),
                        problem("type", v.get(0))))));
        copy.forEach((k, v) -> {
            SubKey s = SUB_KEYS.get(k);
            if (s == null) {
                throw new IllegalArgumentException("unknown network key 'lxc.net." + index + "." + k + "'");
            }
            if (v.isEmpty() || !s.list && v.size() > 1) {
                throw new IllegalArgumentException("lxc.net." + index + "." + k + " takes " + (s.list
                        ? "one or more values" : "one value") + ", got " + v.size());
            }
            if (s.needs != null && !type.equals(Optional.of(s.needs))) {
                throw new IllegalArgumentException(wrongType(index, k, s.needs, type));
            }
            for (String value : v) {
                Values.checkText("value", value);
                String p = problem(k, value);
                if (p != null) {
                    throw new IllegalArgumentException(invalidValue(index, k, value, p));
                }
            }
        });
        subKeys = Collections.unmodifiableMap(copy);
        origins = List.copyOf(origins);
    }

    /**
     * Returns an interface with only a type.
     *
     * <pre>{@code
     * NetworkInterface.of(0, NetworkType.EMPTY).name(); // Optional[lo]
     * }</pre>
     *
     * @param index the index, 0 to 2147483646
     * @param type  the type
     * @return the interface
     */
    public static NetworkInterface of(int index, NetworkType type) {
        return new NetworkInterface(index, Map.of("type", List.of(type.word())), List.of());
    }

    /**
     * Returns this interface with one more line applied, as liblxc applies
     * it: {@code type} starts over, a list sub-key appends, others replace,
     * an empty value clears. The result has no origins.
     *
     * <pre>{@code
     * NetworkInterface.of(0, NetworkType.VETH).with("ipv4.address", "10.0.0.2/24").with("ipv4.address", "10.0.0.3/24")
     *         .ipv4Addresses();   // [10.0.0.2/24, 10.0.0.3/24]
     * NetworkInterface.of(0, NetworkType.VETH).with("vlan.id", "10"); // throws: ... is for interfaces of type vlan ...
     * }</pre>
     *
     * @param subKey the sub-key, such as {@code "link"}
     * @param value  the value; empty to clear
     * @return the interface with the line applied
     * @throws IllegalArgumentException if liblxc would refuse the line
     */
    public NetworkInterface with(String subKey, String value) {
        SubKey s = SUB_KEYS.get(Objects.requireNonNull(subKey, "subKey"));
        if (s == null) {
            throw new IllegalArgumentException("unknown network key 'lxc.net." + index + "." + subKey + "'");
        }
        Values.checkText("value", value);
        LinkedHashMap<String, List<String>> next = new LinkedHashMap<>(subKeys);
        apply(next, s, value);
        return new NetworkInterface(index, next, List.of());
    }

    /** Applies one line to a sub-key map; the value has been checked. */
    static void apply(Map<String, List<String>> keys, SubKey s, String value) {
        if (s.name.equals("type")) {
            keys.clear();
            if (!value.isEmpty()) {
                keys.put("type", List.of(value));
            }
        } else if (value.isEmpty()) {
            keys.remove(s.name);
        } else if (s.list) {
            List<String> values = new ArrayList<>(keys.getOrDefault(s.name, List.of()));
            values.add(value);
            keys.put(s.name, List.copyOf(values));
        } else {
            keys.put(s.name, List.of(value));
        }
    }

    /**
     * Returns the interface type.
     *
     * @return the type, or empty if no type is set
     */
    public Optional<NetworkType> type() {
        return value("type").flatMap(NetworkType::of);
    }

    /**
     * Returns the host interface or bridge: {@code link}.
     *
     * @return the link, as written (liblxc uses only its first 15 bytes)
     */
    public Optional<String> link() {
        return value("link");
    }

    /**
     * Returns the interface name inside the container: {@code name}; {@code lo} for type empty.
     *
     * @return the name, as written (liblxc uses only its first 15 bytes)
     */
    public Optional<String> name() {
        Optional<String> name = value("name");
        return name.isEmpty() && type().equals(Optional.of(NetworkType.EMPTY)) ? Optional.of("lo") : name;
    }

    /**
     * Returns the {@code flags} value as written.
     *
     * @return the flags
     */
    public Optional<String> flags() {
        return value("flags");
    }

    /**
     * Returns whether the interface is brought up: any {@code flags} value means up (even {@code down}).
     *
     * @return whether flags are set
     */
    public boolean isUp() {
        return subKeys.containsKey("flags");
    }

    /**
     * Returns the MAC address: {@code hwaddr}; each {@code x} becomes a random hex digit when liblxc loads the file.
     *
     * @return the address as written
     */
    public Optional<String> hwaddr() {
        return value("hwaddr");
    }

    /**
     * Returns the MTU as written; liblxc checks it only when the container starts.
     *
     * @return the MTU
     */
    public Optional<String> mtu() {
        return value("mtu");
    }

    /**
     * Returns the IPv4 addresses: {@code ADDR[/PREFIX][ BROADCAST]} each.
     *
     * @return the addresses in order, possibly empty
     */
    public List<String> ipv4Addresses() {
        return values("ipv4.address");
    }

    /**
     * Returns the IPv4 addresses as liblxc holds them, each with its prefix, the default one where none is
     * written (see {@link NetworkAddress}).
     *
     * <pre>{@code
     * // lxc.net.0.ipv4.address = 192.168.1.1
     * eth0.ipv4(); // [192.168.1.1/8]: liblxc 5.0.2 takes the class from the last octet
     * }</pre>
     *
     * @return the addresses in order, possibly empty
     */
    public List<NetworkAddress> ipv4() {
        return ipv4Addresses().stream().map(NetworkAddress::parseIpv4).toList();
    }

    /**
     * Returns the IPv4 gateway: an address, {@code auto} or {@code dev}.
     *
     * @return the gateway
     */
    public Optional<String> ipv4Gateway() {
        return value("ipv4.gateway");
    }

    /**
     * Returns the IPv6 addresses: {@code ADDR[/PREFIX]} each.
     *
     * @return the addresses in order, possibly empty
     */
    public List<String> ipv6Addresses() {
        return values("ipv6.address");
    }

    /**
     * Returns the IPv6 addresses as liblxc holds them: as {@code inet_ntop} prints them, prefix 64 where
     * none is written.
     *
     * <pre>{@code
     * // lxc.net.0.ipv6.address = FE80:0::1
     * eth0.ipv6(); // [fe80::1/64]
     * }</pre>
     *
     * @return the addresses in order, possibly empty
     */
    public List<NetworkAddress> ipv6() {
        return ipv6Addresses().stream().map(NetworkAddress::parseIpv6).toList();
    }

    /**
     * Returns the IPv6 gateway: an address, {@code auto} or {@code dev}.
     *
     * @return the gateway
     */
    public Optional<String> ipv6Gateway() {
        return value("ipv6.gateway");
    }

    /**
     * Returns the host-side name of a veth pair: {@code veth.pair}.
     *
     * @return the name
     */
    public Optional<String> vethPair() {
        return value("veth.pair");
    }

    /**
     * Returns the VLAN id of a vlan interface: {@code vlan.id}.
     *
     * <pre>{@code
     * NetworkInterface.of(0, NetworkType.VLAN).with("vlan.id", "0x10").vlanId(); // OptionalInt[16]
     * }</pre>
     *
     * @return the id
     */
    public OptionalInt vlanId() {
        return value("vlan.id").map(v -> OptionalInt.of(Values.cUnsigned(v).orElseThrow().intValueExact()))
                .orElse(OptionalInt.empty());
    }

    /**
     * Returns the macvlan mode: private, vepa, bridge or passthru.
     *
     * @return the mode
     */
    public Optional<String> macvlanMode() {
        return value("macvlan.mode");
    }

    /**
     * Returns the host-side script run after the interface is created: {@code script.up}.
     *
     * @return the command line
     */
    public Optional<String> scriptUp() {
        return value("script.up");
    }

    /**
     * Returns the host-side script run before the interface is destroyed: {@code script.down}.
     *
     * @return the command line
     */
    public Optional<String> scriptDown() {
        return value("script.down");
    }

    /**
     * Returns the value of a sub-key: the last one of a list sub-key.
     *
     * <pre>{@code
     * eth0.value("veth.mode"); // Optional[router]
     * }</pre>
     *
     * @param subKey the sub-key, such as {@code "l2proxy"}
     * @return the value, or empty if not set
     */
    public Optional<String> value(String subKey) {
        List<String> v = subKeys.get(subKey);
        return v == null ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    /**
     * Returns every value of a sub-key.
     *
     * @param subKey the sub-key, such as {@code "veth.ipv4.route"}
     * @return the values in order, possibly empty
     */
    public List<String> values(String subKey) {
        return subKeys.getOrDefault(subKey, List.of());
    }

    /**
     * Returns the full key of a sub-key of this interface.
     *
     * <pre>{@code
     * eth0.key("link"); // "lxc.net.0.link"
     * }</pre>
     *
     * @param subKey the sub-key
     * @return the key
     */
    public String key(String subKey) {
        return "lxc.net." + index + "." + subKey;
    }

    /**
     * Returns the lines that write this interface, as key and value pairs:
     * the type first, then every other sub-key in order.
     *
     * <pre>{@code
     * NetworkInterface.of(0, NetworkType.EMPTY).toEntries(); // [lxc.net.0.type=empty]
     * }</pre>
     *
     * @return the entries
     */
    public List<Map.Entry<String, String>> toEntries() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        values("type").forEach(v -> out.add(Map.entry(key("type"), v)));
        subKeys.forEach((k, vs) -> {
            if (!k.equals("type")) {
                vs.forEach(v -> out.add(Map.entry(key(k), v)));
            }
        });
        return List.copyOf(out);
    }

    /**
     * Returns whether the other object is an interface with the same index and sub-keys; origins are not compared.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof NetworkInterface n && index == n.index && subKeys.equals(n.subKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, subKeys);
    }

    // ------------------------------------------------------------------ values

    static String invalidValue(int index, String sub, String value, String problem) {
        return "invalid value '" + value + "' for lxc.net." + index + "." + sub + ": " + problem;
    }

    static String wrongType(int index, String sub, NetworkType needs, Optional<NetworkType> type) {
        return "lxc.net." + index + "." + sub + " is for interfaces of type " + needs.word() + ", but interface "
                + index + (type.isPresent() ? " is " + type.get().word() : " has no type yet");
    }

    /** Returns what liblxc finds wrong with a non-empty value when it loads the file, or null. */
    static String problem(String sub, String v) {
        return switch (sub) {
            case "type" -> NetworkType.of(v).isPresent() ? null
                    : "expected veth, macvlan, ipvlan, vlan, phys, empty or none";
            case "ipv4.address" -> ipv4Address(v);
            case "ipv4.gateway" -> v.equals("auto") || v.equals("dev") || Values.isIpv4(v) ? null
                    : "expected an IPv4 address, auto or dev";
            case "ipv6.address" -> ipv6Address(v);
            case "ipv6.gateway" -> v.equals("auto") || v.equals("dev") || Values.isIpv6(v) ? null
                    : "expected an IPv6 address, auto or dev";
            case "l2proxy" -> Values.cBoolean(v).isPresent() ? null : "expected 0 or 1";
            case "macvlan.mode" -> oneOf(v, "private", "vepa", "bridge", "passthru");
            case "ipvlan.mode" -> oneOf(v, "l3", "l3s", "l2");
            case "ipvlan.isolation" -> oneOf(v, "bridge", "private", "vepa");
            case "veth.mode" -> oneOf(v, "bridge", "router");
            case "vlan.id" -> upTo(v, 65535);
            case "veth.vlan.id" -> v.equals("none") ? null : upTo(v, 4094);
            case "veth.vlan.tagged.id" -> upTo(v, 4094);
            case "veth.n_rxqueues", "veth.n_txqueues" -> Values.cUnsigned(v).filter(n -> n.signum() > 0
                    && n.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) <= 0).isPresent() ? null
                    : "expected a number above 0";
            case "veth.ipv4.route" -> route(v, false);
            case "veth.ipv6.route" -> route(v, true);
            default -> null;
        };
    }

    private static String oneOf(String v, String... words) {
        for (String w : words) {
            if (w.equals(v)) {
                return null;
            }
        }
        return "expected " + String.join(", ", List.of(words).subList(0, words.length - 1)) + " or "
                + words[words.length - 1];
    }

    private static String upTo(String v, int max) {
        Optional<BigInteger> n = Values.cUnsigned(v);
        return n.isPresent() && n.get().compareTo(BigInteger.valueOf(max)) <= 0 ? null
                : "expected a number from 0 to " + max;
    }

    private static String ipv4Address(String v) {
        return NetworkAddress.ipv4Problem(v);
    }

    private static String ipv6Address(String v) {
        return NetworkAddress.ipv6Problem(v);
    }

    private static String route(String v, boolean six) {
        int slash = v.indexOf('/');
        if (slash < 0) {
            return "a route needs a prefix: ADDRESS/PREFIX";
        }
        String ip = v.substring(0, slash);
        if (six ? !Values.isIpv6(ip) : !Values.isIpv4(ip)) {
            return "'" + ip + "' is not an IPv" + (six ? "6" : "4") + " address";
        }
        Optional<BigInteger> prefix = Values.cUnsigned(v.substring(slash + 1));
        int max = six ? 128 : 32;
        if (prefix.isEmpty() || prefix.get().compareTo(BigInteger.valueOf(max)) > 0) {
            return "the prefix '/" + v.substring(slash + 1) + "' is not 0 to " + max;
        }
        return null;
    }

    private static Map<String, SubKey> subKeyTable() {
        Map<String, SubKey> t = new LinkedHashMap<>();
        for (String s : List.of("type", "flags", "link", "name", "hwaddr", "mtu", "ipv4.gateway", "ipv6.gateway",
                "l2proxy", "script.up", "script.down")) {
            t.put(s, new SubKey(s, false, null));
        }
        for (String s : List.of("ipv4.address", "ipv6.address")) {
            t.put(s, new SubKey(s, true, null));
        }
        t.put("macvlan.mode", new SubKey("macvlan.mode", false, NetworkType.MACVLAN));
        t.put("ipvlan.mode", new SubKey("ipvlan.mode", false, NetworkType.IPVLAN));
        t.put("ipvlan.isolation", new SubKey("ipvlan.isolation", false, NetworkType.IPVLAN));
        t.put("vlan.id", new SubKey("vlan.id", false, NetworkType.VLAN));
        for (String s : List.of("veth.mode", "veth.pair", "veth.n_rxqueues", "veth.n_txqueues", "veth.vlan.id")) {
            t.put(s, new SubKey(s, false, NetworkType.VETH));
        }
        for (String s : List.of("veth.ipv4.route", "veth.ipv6.route", "veth.vlan.tagged.id")) {
            t.put(s, new SubKey(s, true, NetworkType.VETH));
        }
        return Collections.unmodifiableMap(t);
    }
}
