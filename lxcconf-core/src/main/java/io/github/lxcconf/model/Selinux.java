package io.github.lxcconf.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The container's SELinux contexts: {@code lxc.selinux.context} and {@code lxc.selinux.context.keyring}.
 *
 * <p>Without a context LXC does not change the context. Two views are equal
 * when their contexts are; their {@link #origins()} are not compared.
 *
 * <pre>{@code
 * config.lxc().selinux().context(); // Optional[system_u:system_r:lxc_t:s0:c22]
 * Selinux.context("system_u:system_r:lxc_t:s0:c22").toEntries(); // [lxc.selinux.context=system_u:...]
 * }</pre>
 *
 * @param context        the context the container runs under
 * @param keyringContext the context of the container's session keyring
 * @param origins        the lines the contexts were read from; empty when built by hand
 */
public record Selinux(Optional<String> context, Optional<String> keyringContext, List<Origin> origins) {

    /** Nothing set. */
    public static final Selinux DEFAULT = new Selinux(Optional.empty(), Optional.empty(), List.of());

    /**
     * Checks the components and copies the list.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if a context is empty or holds a line break or NUL
     */
    public Selinux {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(keyringContext, "keyringContext");
        for (Optional<String> c : List.of(context, keyringContext)) {
            c.ifPresent(v -> {
                Values.checkText("context", v);
                if (v.isEmpty()) {
                    throw new IllegalArgumentException("context is empty");
                }
            });
        }
        origins = List.copyOf(origins);
    }

    /**
     * Returns settings with only a context.
     *
     * @param context the SELinux context the container runs under
     * @return the settings
     */
    public static Selinux context(String context) {
        return new Selinux(Optional.of(context), Optional.empty(), List.of());
    }

    /**
     * Returns the lines that write these contexts, as key and value pairs; unset contexts are left out.
     *
     * @return the entries
     */
    public List<Map.Entry<String, String>> toEntries() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        context.ifPresent(c -> out.add(Map.entry("lxc.selinux.context", c)));
        keyringContext.ifPresent(c -> out.add(Map.entry("lxc.selinux.context.keyring", c)));
        return List.copyOf(out);
    }

    /**
     * Returns whether the other object has the same contexts; the origins are not compared.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Selinux s && context.equals(s.context) && keyringContext.equals(s.keyringContext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(context, keyringContext);
    }
}
