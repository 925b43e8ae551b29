package io.github.lxcconf.assertj;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.model.NetworkInterface;
import io.github.lxcconf.model.Origin;
import io.github.lxcconf.model.proxmox.NetworkDevice;
import io.github.lxcconf.syntax.EntryLine;
import org.assertj.core.api.AbstractAssert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Assertions on one network interface of a config: a Proxmox {@code netN} option or the native
 * {@code lxc.net.N.*} lines. Get one from {@link LxcConfigAssert#hasNetwork(int)}; {@link #and()} goes back
 * to the config's assertions. The actual value is the config; the description given to the config's
 * assertion ({@code as(...)}) carries over.
 *
 * <pre>{@code
 * assertThat(config)
 *         .hasNetwork(0).hasName("eth0").hasBridge("vmbr0").hasHwaddr("bc:24:11:00:00:07")
 *                       .hasIpv4("10.10.0.107/24").hasGateway("10.10.0.1")
 *         .and().hasNoErrors();
 * }</pre>
 */
public final class NetworkAssert extends AbstractAssert<NetworkAssert, LxcConfig> {

    /**
     * The interface's fields, each with its values and the lines that set it, read from a {@code netN}
     * option or from {@code lxc.net.N.*} lines.
     */
    record Interface(String label, Map<String, List<String>> values, Map<String, List<String>> lines,
                     List<String> allLines) {

        static Interface of(NetworkDevice device, int number, EntryLine line) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            values.put("name", list(device.name()));
            values.put("bridge", list(device.bridge()));
            values.put("hwaddr", list(device.hwaddr()));
            values.put("ipv4 address", list(device.value().get("ip")));
            values.put("gateway", list(device.gateway()));
            values.put("type", List.of(device.type()));
            List<String> all = List.of(Lines.quote(number, line));
            Map<String, List<String>> lines = new LinkedHashMap<>();
            values.keySet().forEach(k -> lines.put(k, all));
            return new Interface(device.key(), values, lines, all);
        }

        static Interface of(NetworkInterface n) {
            Map<String, String> subKeys = new LinkedHashMap<>();
            subKeys.put("name", "name");
            subKeys.put("bridge", "link");
            subKeys.put("hwaddr", "hwaddr");
            subKeys.put("ipv4 address", "ipv4.address");
            subKeys.put("gateway", "ipv4.gateway");
            subKeys.put("type", "type");
            String prefix = "lxc.net." + n.index() + ".";
            Map<String, List<String>> values = new LinkedHashMap<>();
            Map<String, List<String>> lines = new LinkedHashMap<>();
            List<String> all = n.origins().stream().map(o -> Lines.quote(o.lineNumber(), o.entry())).toList();
            subKeys.forEach((field, subKey) -> {
                values.put(field, field.equals("name") ? list(n.name()) : n.values(subKey));
                List<String> own = new ArrayList<>();
                for (Origin o : n.origins()) {
                    if (o.key().equals(prefix + subKey)) {
                        own.add(Lines.quote(o.lineNumber(), o.entry()));
                    }
                }
                lines.put(field, own.isEmpty() ? all : List.copyOf(own));
            });
            return new Interface("lxc.net." + n.index(), values, lines, all);
        }

        private static List<String> list(Optional<String> value) {
            return value.map(List::of).orElse(List.of());
        }
    }

    private final LxcConfigAssert parent;
    private final Interface network;

    NetworkAssert(LxcConfigAssert parent, LxcConfig actual, Interface network) {
        super(actual, NetworkAssert.class);
        this.parent = Objects.requireNonNull(parent, "parent");
        this.network = Objects.requireNonNull(network, "network");
        if (parent.info.hasDescription()) {
            info.description(parent.info.description());
        }
    }

    /**
     * Returns to the assertions on the whole config.
     *
     * <pre>{@code
     * assertThat(config).hasNetwork(0).hasBridge("vmbr0").and().hasNetwork(1).hasBridge("vmbr1");
     * }</pre>
     *
     * @return the config's assertions
     */
    public LxcConfigAssert and() {
        return parent;
    }

    /**
     * Checks the interface's name inside the container ({@code name=} of {@code netN}, {@code lxc.net.N.name}).
     *
     * <pre>{@code
     * assertThat(config).hasNetwork(0).hasName("eth0");
     * }</pre>
     *
     * @param name the expected name
     * @return this assertion
     */
    public NetworkAssert hasName(String name) {
        return check("name", name, String::equals);
    }

    /**
     * Checks the host bridge the interface is attached to ({@code bridge=} of {@code netN},
     * {@code lxc.net.N.link}).
     *
     * <pre>{@code
     * assertThat(config).hasNetwork(0).hasBridge("vmbr0");
     * }</pre>
     *
     * @param bridge the expected bridge
     * @return this assertion
     */
    public NetworkAssert hasBridge(String bridge) {
        return check("bridge", bridge, String::equals);
    }

    /**
     * Checks the MAC address, ignoring case ({@code hwaddr=} of {@code netN}, {@code lxc.net.N.hwaddr}).
     *
     * <pre>{@code
     * assertThat(config).hasNetwork(0).hasHwaddr("bc:24:11:2e:ed:bc");
     * }</pre>
     *
     * @param hwaddr the expected MAC address
     * @return this assertion
     */
    public NetworkAssert hasHwaddr(String hwaddr) {
        return check("hwaddr", hwaddr, String::equalsIgnoreCase);
    }

    /**
     * Checks an IPv4 address with its prefix length, as written: {@code ip=} of {@code netN} (which may
     * also be {@code dhcp}), or one of the {@code lxc.net.N.ipv4.address} lines.
     *
     * <pre>{@code
     * assertThat(config).hasNetwork(0).hasIpv4("10.10.0.107/24");
     * }</pre>
     *
     * @param address the expected address, such as {@code 10.10.0.107/24}
     * @return this assertion
     */
    public NetworkAssert hasIpv4(String address) {
        return check("ipv4 address", address, String::equals);
    }

    /**
     * Checks the IPv4 default gateway ({@code gw=} of {@code netN}, {@code lxc.net.N.ipv4.gateway}).
     *
     * <pre>{@code
     * assertThat(config).hasNetwork(0).hasGateway("10.10.0.1");
     * }</pre>
     *
     * @param gateway the expected gateway
     * @return this assertion
     */
    public NetworkAssert hasGateway(String gateway) {
        return check("gateway", gateway, String::equals);
    }

    /**
     * Checks the interface type ({@code type=} of {@code netN}, where Proxmox's default is {@code veth};
     * {@code lxc.net.N.type}).
     *
     * <pre>{@code
     * assertThat(config).hasNetwork(0).hasType("veth");
     * }</pre>
     *
     * @param type the expected type, such as {@code veth} or {@code macvlan}
     * @return this assertion
     */
    public NetworkAssert hasType(String type) {
        return check("type", type, String::equals);
    }

    private NetworkAssert check(String field, String expected, BiPredicate<String, String> same) {
        Objects.requireNonNull(expected, field);
        List<String> values = network.values().get(field);
        if (values.stream().noneMatch(v -> same.test(v, expected))) {
            String has = values.isEmpty() ? "none" : String.join(", ", values.stream().map(Lines::quoted).toList());
            throwAssertionError(ShouldHaveNetworkField.shouldHave(actual.sourceName(), network.label(), field,
                    expected, "but it has " + has + ":" + Lines.block(network.lines().get(field))));
        }
        return myself;
    }
}
