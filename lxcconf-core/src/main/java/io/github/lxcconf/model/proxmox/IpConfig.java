package io.github.lxcconf.model.proxmox;

import io.github.lxcconf.internal.proxmox.Checks;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code ip} or {@code ip6} setting of a container network device: a static
 * address in CIDR notation, or {@code dhcp}, {@code manual}, or (IPv6 only)
 * {@code auto} (SLAAC).
 *
 * <pre>{@code
 * IpConfig.parseIpv4("10.0.0.2/24").orElseThrow().prefixLength(); // Optional[24]
 * IpConfig.parseIpv4("dhcp").orElseThrow().mode();                 // DHCP
 * IpConfig.parseIpv6("auto").orElseThrow().mode();                 // AUTO
 * IpConfig.parseIpv4("10.0.0.2");                                  // Optional.empty: the prefix is required
 * }</pre>
 *
 * @param mode         how the address is configured
 * @param address      the address without its prefix, for {@link Mode#STATIC}
 * @param prefixLength the prefix length, for {@link Mode#STATIC} (8-32 for IPv4, 8-128 for IPv6)
 */
public record IpConfig(Mode mode, Optional<String> address, Optional<Integer> prefixLength) {

    /** How an interface gets its address. */
    public enum Mode {
        /** A fixed address in CIDR notation. */
        STATIC,
        /** Ask a DHCP server. */
        DHCP,
        /** Leave the interface unconfigured; the guest does it. */
        MANUAL,
        /** IPv6 stateless autoconfiguration (SLAAC). */
        AUTO
    }

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if a static config has no address or prefix, or another mode has one
     */
    public IpConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(prefixLength, "prefixLength");
        if ((mode == Mode.STATIC) != (address.isPresent() && prefixLength.isPresent())) {
            throw new IllegalArgumentException("a static config needs an address and a prefix length, other modes"
                    + " have neither");
        }
    }

    /**
     * Parses an {@code ip=} value as Proxmox's {@code pve-ipv4-config} format reads it.
     *
     * @param text {@code A.B.C.D/N}, {@code dhcp} or {@code manual}
     * @return the config, or empty if Proxmox would refuse it
     */
    public static Optional<IpConfig> parseIpv4(String text) {
        Objects.requireNonNull(text, "text");
        if (Checks.ipv4Config(text).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(of(text));
    }

    /**
     * Parses an {@code ip6=} value as Proxmox's {@code pve-ipv6-config} format reads it.
     *
     * @param text {@code ADDR/N}, {@code auto}, {@code dhcp} or {@code manual}
     * @return the config, or empty if Proxmox would refuse it
     */
    public static Optional<IpConfig> parseIpv6(String text) {
        Objects.requireNonNull(text, "text");
        if (Checks.ipv6Config(text).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(of(text));
    }

    private static IpConfig of(String text) {
        return switch (text) {
            case "dhcp" -> new IpConfig(Mode.DHCP, Optional.empty(), Optional.empty());
            case "manual" -> new IpConfig(Mode.MANUAL, Optional.empty(), Optional.empty());
            case "auto" -> new IpConfig(Mode.AUTO, Optional.empty(), Optional.empty());
            default -> {
                int slash = text.lastIndexOf('/');
                yield new IpConfig(Mode.STATIC, Optional.of(text.substring(0, slash)),
                        Optional.of(Integer.parseInt(text.substring(slash + 1))));
            }
        };
    }

    /**
     * Returns the text Proxmox writes: {@code address/prefix} or the mode's keyword.
     */
    @Override
    public String toString() {
        return mode == Mode.STATIC ? address.orElseThrow() + "/" + prefixLength.orElseThrow()
                : mode.name().toLowerCase(java.util.Locale.ROOT);
    }
}
