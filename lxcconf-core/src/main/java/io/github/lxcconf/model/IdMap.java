package io.github.lxcconf.model;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user-namespace id mapping: {@code lxc.idmap = u 0 100000 65536} maps
 * container uids 0 to 65535 to host uids 100000 to 165535.
 *
 * <p>A container with uid and gid maps is unprivileged. LXC does not check
 * overlaps or coverage when it loads a file. Two maps are equal when they map
 * the same ids; their {@link #origin()} is not compared.
 *
 * <pre>{@code
 * IdMap root = IdMap.parse("u 0 100000 65536");
 * root.type();            // UID
 * root.hostId();          // 100000
 * root.toValue();         // "u 0 100000 65536"
 * IdMap.gid(0, 100000, 65536).toValue(); // "g 0 100000 65536"
 * }</pre>
 *
 * @param type        uid or gid
 * <p>Ids and ranges are unsigned 64-bit numbers, as liblxc keeps them: it accepts any of 0 to
 * 2<sup>64</sup>&nbsp;&minus;&nbsp;1 when it loads a file ({@code u 0 18446744073709551615 1}); the kernel
 * refuses ids above 2<sup>32</sup>&nbsp;&minus;&nbsp;2 only when the container starts.
 *
 * @param containerId the first id inside the container, 0 to 2^64 - 1
 * @param hostId      the first id on the host, 0 to 2^64 - 1
 * @param range       how many ids are mapped, 0 to 2^64 - 1 (0 is accepted)
 * @param origin      the line the map was read from; empty when built by hand
 */
public record IdMap(Type type, BigInteger containerId, BigInteger hostId, BigInteger range,
                    Optional<Origin> origin) {

    /**
     * Whether a map is for user or group ids.
     *
     * <pre>{@code
     * IdMap.Type.GID.letter(); // 'g'
     * }</pre>
     */
    public enum Type {
        /** {@code u}: user ids. */
        UID('u'),
        /** {@code g}: group ids. */
        GID('g');

        private final char letter;

        Type(char letter) {
            this.letter = letter;
        }

        /**
         * Returns the letter the map starts with.
         *
         * @return {@code u} or {@code g}
         */
        public char letter() {
            return letter;
        }
    }

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if a number is negative or above 2^64 - 1
     */
    public IdMap {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(origin, "origin");
        for (BigInteger n : new BigInteger[] {containerId, hostId, range}) {
            if (n.signum() < 0 || n.compareTo(Values.ULONG_MAX) > 0) {
                throw new IllegalArgumentException("ids and ranges are 0 to 18446744073709551615, got "
                        + containerId + " " + hostId + " " + range);
            }
        }
    }

    /**
     * Returns a uid map.
     *
     * <pre>{@code
     * IdMap.uid(0, 100000, 65536).toValue(); // "u 0 100000 65536"
     * }</pre>
     *
     * @param containerId the first container uid
     * @param hostId      the first host uid
     * @param range       the number of uids
     * @return the map
     * @throws IllegalArgumentException if a number is negative
     */
    public static IdMap uid(long containerId, long hostId, long range) {
        return new IdMap(Type.UID, BigInteger.valueOf(containerId), BigInteger.valueOf(hostId),
                BigInteger.valueOf(range), Optional.empty());
    }

    /**
     * Returns a gid map.
     *
     * <pre>{@code
     * IdMap.gid(1000, 1000, 1).toValue(); // "g 1000 1000 1": pass one group through
     * }</pre>
     *
     * @param containerId the first container gid
     * @param hostId      the first host gid
     * @param range       the number of gids
     * @return the map
     * @throws IllegalArgumentException if a number is negative
     */
    public static IdMap gid(long containerId, long hostId, long range) {
        return new IdMap(Type.GID, BigInteger.valueOf(containerId), BigInteger.valueOf(hostId),
                BigInteger.valueOf(range), Optional.empty());
    }

    /**
     * Reads a map as liblxc does.
     *
     * <pre>{@code
     * IdMap.parse("g 0 0x186a0 65536").hostId(); // 100000: numbers are read as in C, base 0
     * IdMap.parse("u 0 18446744073709551615 1").hostId(); // 18446744073709551615, the largest
     * IdMap.parse("u 0 100000");                // throws: ... has 3 fields ...
     * }</pre>
     *
     * @param value the value of {@code lxc.idmap}
     * @return the map
     * @throws IllegalArgumentException if liblxc would refuse the value
     */
    public static IdMap parse(String value) {
        return read(value, Optional.empty()).orThrow();
    }

    static Parsed<IdMap> read(String value, Optional<Origin> origin) {
        String hint = "write u|g CONTAINER_ID HOST_ID RANGE, such as 'u 0 100000 65536'";
        String v = value;
        int start = 0;
        while (start < v.length() && Values.isCSpace(v.charAt(start))) {
            start++;
        }
        List<String> fields = Values.splitBlanks(v.substring(start).replace('\r', ' '));
        String prefix = "invalid lxc.idmap '" + value + "': ";
        if (fields.isEmpty()) {
            return Parsed.fail(prefix + "the value is empty", hint);
        }
        char t = v.charAt(start);
        Type type = t == 'u' ? Type.UID : t == 'g' ? Type.GID : null;
        if (type == null) {
            return Parsed.fail(prefix + "the type '" + fields.get(0) + "' is neither u nor g; liblxc refuses the"
                    + " file", hint);
        }
        if (fields.get(0).length() > 1) {
            return Parsed.fail(prefix + "the type letter must be followed by a blank; liblxc refuses the file", hint);
        }
        if (fields.size() != 4) {
            return Parsed.fail(prefix + "it has " + fields.size() + " fields, but needs 4 (type, container id, host id,"
                    + " range); liblxc refuses the file", hint);
        }
        String[] names = {"container id", "host id", "range"};
        BigInteger[] numbers = new BigInteger[3];
        for (int i = 0; i < 3; i++) {
            Optional<BigInteger> n = Values.cUnsigned(fields.get(i + 1));
            if (n.isEmpty()) {
                return Parsed.fail(prefix + "the " + names[i] + " '" + fields.get(i + 1) + "' is not a number;"
                        + " liblxc refuses the file", hint);
            }
            if (n.get().compareTo(Values.ULONG_MAX) > 0) {
                return Parsed.fail(prefix + "the " + names[i] + " " + fields.get(i + 1) + " is above"
                        + " 18446744073709551615 (2^64 - 1); liblxc refuses the file", hint);
            }
            numbers[i] = n.get();
        }
        return Parsed.ok(new IdMap(type, numbers[0], numbers[1], numbers[2], origin));
    }

    /**
     * Returns the canonical value text.
     *
     * <pre>{@code
     * IdMap.parse("u\t0   100000 65536").toValue(); // "u 0 100000 65536"
     * }</pre>
     *
     * @return the value
     */
    public String toValue() {
        return type.letter + " " + containerId + " " + hostId + " " + range;
    }

    /**
     * Returns whether the other object is a map of the same ids; the origin is not compared.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof IdMap m && type == m.type && containerId.equals(m.containerId)
                && hostId.equals(m.hostId) && range.equals(m.range);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, containerId, hostId, range);
    }
}
