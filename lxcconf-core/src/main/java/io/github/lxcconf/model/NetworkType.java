package io.github.lxcconf.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The kind of a network interface: {@code lxc.net.N.type}.
 *
 * <pre>{@code
 * NetworkType.of("veth");   // Optional[VETH]
 * NetworkType.PHYS.word();  // "phys"
 * }</pre>
 */
public enum NetworkType {
    /** A virtual Ethernet pair: one end in the container, one on the host, usually in a bridge. */
    VETH,
    /** A MAC VLAN on a host interface. */
    MACVLAN,
    /** An IP VLAN on a host interface. */
    IPVLAN,
    /** An 802.1Q VLAN on a host interface. */
    VLAN,
    /** A physical host interface moved into the container. */
    PHYS,
    /** Loopback only; liblxc names the interface {@code lo}. */
    EMPTY,
    /** No network namespace: the container shares the host's network. */
    NONE;

    /**
     * Returns the word {@code lxc.net.N.type} uses.
     *
     * @return the lower-case name
     */
    public String word() {
        return WORDS[ordinal()];
    }

    /** The words, by ordinal: every interface line asks for them. */
    private static final NetworkType[] ALL = values();
    private static final String[] WORDS = new String[ALL.length];

    static {
        for (NetworkType t : ALL) {
            WORDS[t.ordinal()] = t.name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Returns the type a word names; exact and lower case, as liblxc reads it.
     *
     * <pre>{@code
     * NetworkType.of("VETH"); // Optional.empty
     * }</pre>
     *
     * @param word the word
     * @return the type, or empty
     */
    public static Optional<NetworkType> of(String word) {
        for (NetworkType t : ALL) {
            if (WORDS[t.ordinal()].equals(word)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
