package io.github.lxcconf.include;

import java.util.Objects;

/**
 * One value of the effective configuration: a key, the value liblxc keeps for it, and the line that set it.
 *
 * <pre>{@code
 * EffectiveValue v = effective.values("lxc.cgroup2.devices.deny").get(0);
 * v.value();                  // "a"
 * v.provenance().toString();  // "common.conf line 21"
 * }</pre>
 *
 * @param key        the key as written, such as {@code lxc.cgroup2.devices.allow}
 * @param value      the value liblxc keeps: the value as read (one pair of outer quotes removed), or, for the
 *                   few keys whose empty value means something else than unset, that meaning
 *                   ({@code lxc.autodev =} holds {@code 0})
 * @param provenance the file and line that set it
 */
public record EffectiveValue(String key, String value, Provenance provenance) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if any component is null
     */
    public EffectiveValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * Returns {@code key = value (file line n)}.
     */
    @Override
    public String toString() {
        return key + " = " + value + " (" + provenance + ')';
    }
}
