package io.github.lxcconf.model.proxmox;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.internal.proxmox.Checks;
import io.github.lxcconf.internal.proxmox.Reports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A container network interface {@code netN} ({@code N} = 0-31): a veth pair
 * whose host end is attached to a bridge.
 *
 * <pre>{@code
 * NetworkDevice net = NetworkDevice.parse(0, "name=eth0,bridge=vmbr0,hwaddr=86:4B:53:B7:66:0A,ip=dhcp,type=veth");
 * net.name();                   // Optional[eth0]
 * net.ip().orElseThrow().mode(); // DHCP
 * net.with("ip", "10.0.0.5/24").value().toValue(); // only the ip field changes
 * }</pre>
 *
 * @param index the interface number N of {@code netN}
 * @param value the property string, with the {@code netN} format
 */
public record NetworkDevice(int index, PropertyString value) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if the value is null
     * @throws IllegalArgumentException if {@code netN} is no Proxmox option for this index
     */
    public NetworkDevice {
        Fields.indexedKey("net", index);
        Objects.requireNonNull(value, "value");
    }

    /**
     * Reads a {@code netN} value. Never throws for any text: problems are {@linkplain #diagnostics() diagnostics}.
     *
     * @param index the interface number, 0-31
     * @param text  the value as written
     * @return the device
     * @throws IllegalArgumentException if the index is outside 0-31
     */
    public static NetworkDevice parse(int index, String text) {
        return new NetworkDevice(index, PropertyString.parse(text, Fields.format(Fields.indexedKey("net", index))));
    }

    /**
     * Returns the option key, {@code netN}.
     *
     * @return the key, such as {@code "net0"}
     */
    public String key() {
        return "net" + index;
    }

    /**
     * Returns the interface name inside the container ({@code lxc.net.N.name}); required.
     *
     * @return the name, or empty when missing
     */
    public Optional<String> name() {
        return value.get("name");
    }

    /**
     * Returns the host bridge the host end is attached to.
     *
     * @return the bridge, such as {@code vmbr0}
     */
    public Optional<String> bridge() {
        return value.get("bridge");
    }

    /**
     * Returns the MAC address as written; Proxmox generates one when it is missing.
     *
     * @return the MAC address, such as {@code BC:24:11:2E:ED:BC}
     */
    public Optional<String> hwaddr() {
        return value.get("hwaddr");
    }

    /**
     * Returns the IPv4 setting, if it is one Proxmox accepts.
     *
     * @return the config; empty when unset or invalid (see {@link #diagnostics()})
     */
    public Optional<IpConfig> ip() {
        return value.get("ip").flatMap(IpConfig::parseIpv4);
    }

    /**
     * Returns the IPv6 setting, if it is one Proxmox accepts.
     *
     * @return the config; empty when unset or invalid
     */
    public Optional<IpConfig> ip6() {
        return value.get("ip6").flatMap(IpConfig::parseIpv6);
    }

    /**
     * Returns the IPv4 default gateway ({@code gw}).
     *
     * @return the gateway as written
     */
    public Optional<String> gateway() {
        return value.get("gw");
    }

    /**
     * Returns the IPv6 default gateway ({@code gw6}).
     *
     * @return the gateway as written
     */
    public Optional<String> gateway6() {
        return value.get("gw6");
    }

    /**
     * Returns the MTU; unset means the bridge's MTU.
     *
     * @return the MTU, or empty when unset or not an integer
     */
    public Optional<Integer> mtu() {
        return Fields.integer(value, "mtu");
    }

    /**
     * Returns the VLAN tag (1-4094).
     *
     * @return the tag, or empty when unset or not an integer
     */
    public Optional<Integer> tag() {
        return Fields.integer(value, "tag");
    }

    /**
     * Returns the VLAN ids of {@code trunks} ({@code 10;20}).
     *
     * @return the VLAN ids, empty when unset or not a list of numbers
     */
    public List<Integer> trunks() {
        List<String> items = Fields.list(value, "trunks");
        if (!items.stream().allMatch(s -> Checks.smallInt(s).isPresent())) {
            return List.of();
        }
        return items.stream().map(s -> Checks.smallInt(s).orElseThrow()).toList();
    }

    /**
     * Returns the rate limit in MB/s.
     *
     * @return the rate, or empty when unset or not a number
     */
    public Optional<BigDecimal> rate() {
        return value.get("rate").filter(Checks::isPerlNumber).map(Checks::perlNumber);
    }

    /**
     * Returns the interface type; the table's default {@code veth} when unset.
     *
     * @return the type
     */
    public String type() {
        return value.get("type").orElse(Fields.plainDefault(value, "type", "veth"));
    }

    /**
     * Returns whether the Proxmox firewall filters this interface (default off).
     *
     * @return the flag
     */
    public boolean firewall() {
        return Fields.flag(value, "firewall");
    }

    /**
     * Returns whether the host configures the addresses ({@code host-managed}, default off).
     *
     * @return the flag
     */
    public boolean hostManaged() {
        return Fields.flag(value, "host-managed");
    }

    /**
     * Returns whether the link is down ({@code link_down}, default off).
     *
     * @return the flag
     */
    public boolean linkDown() {
        return Fields.flag(value, "link_down");
    }

    /**
     * Returns what Proxmox reports when it reads this value, messages as in its warnings
     * ({@code unable to parse value of 'net0' - format error: foo: property is not defined ...});
     * positions are counted in the value (source {@code "<string>"}, line 1).
     *
     * @return the diagnostics, empty for a valid value
     */
    public List<Diagnostic> diagnostics() {
        return Reports.prefixed(value.diagnostics(), key());
    }

    /**
     * Returns a copy with one field set; every other field keeps its text and place.
     *
     * @param subKey the field, such as {@code ip}
     * @param newValue its value
     * @return the changed device
     * @throws IllegalArgumentException if the value holds a comma or line break, or is empty
     */
    public NetworkDevice with(String subKey, String newValue) {
        PropertyString changed = value.with(subKey, newValue);
        return changed == value ? this : new NetworkDevice(index, changed);
    }

    /**
     * Returns a copy without one field; every other field keeps its text and place.
     *
     * @param subKey the field
     * @return the changed device
     */
    public NetworkDevice without(String subKey) {
        PropertyString changed = value.without(subKey);
        return changed == value ? this : new NetworkDevice(index, changed);
    }
}
