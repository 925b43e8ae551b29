package io.github.lxcconf.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The container's AppArmor settings: {@code lxc.apparmor.profile},
 * {@code allow_nesting}, {@code allow_incomplete} and the {@code raw} rule lines.
 *
 * <p>Without a profile LXC uses the host default ({@code lxc-container-default-cgns},
 * or {@code lxc-container-default} without cgroup namespaces). Special profiles:
 * {@code unconfined}, {@code unchanged} (keep the caller's), {@code generated}
 * (LXC writes one, honouring {@code allow_nesting} and {@code raw}). Two views
 * are equal when their settings are; their {@link #origins()} are not compared.
 *
 * <pre>{@code
 * AppArmor aa = config.lxc().apparmor();
 * aa.profile();          // Optional[unconfined]
 * aa.isUnconfined();     // true
 * AppArmor.profile("generated").toEntries(); // [lxc.apparmor.profile=generated]
 * }</pre>
 *
 * @param profile         the profile, if set
 * @param allowNesting    {@code allow_nesting = 1}: the generated profile allows nested containers
 * @param allowIncomplete {@code allow_incomplete = 1}: start even if the kernel lacks AppArmor mount mediation
 * @param raw             raw AppArmor rules added to a generated profile, in order
 * @param origins         the lines the settings were read from; empty when built by hand
 */
public record AppArmor(Optional<String> profile, boolean allowNesting, boolean allowIncomplete, List<String> raw,
                       List<Origin> origins) {

    /** Nothing set: the host's default profile. */
    public static final AppArmor DEFAULT = new AppArmor(Optional.empty(), false, false, List.of(), List.of());

    /**
     * Checks the components and copies the lists.
     *
     * @throws NullPointerException     if a component or element is null
     * @throws IllegalArgumentException if a text holds a line break or NUL, or the profile is empty
     */
    public AppArmor {
        Objects.requireNonNull(profile, "profile");
        profile.ifPresent(p -> {
            Values.checkText("profile", p);
            if (p.isEmpty()) {
                throw new IllegalArgumentException("profile is empty");
            }
        });
        raw = List.copyOf(raw);
        raw.forEach(r -> Values.checkText("raw", r));
        origins = List.copyOf(origins);
    }

    /**
     * Returns settings with only a profile.
     *
     * <pre>{@code
     * AppArmor.profile("unconfined").isUnconfined(); // true
     * }</pre>
     *
     * @param profile the profile name, {@code unconfined}, {@code unchanged} or {@code generated}
     * @return the settings
     */
    public static AppArmor profile(String profile) {
        return new AppArmor(Optional.of(profile), false, false, List.of(), List.of());
    }

    /**
     * Returns whether the container runs without AppArmor confinement.
     *
     * @return whether the profile is {@code unconfined}
     */
    public boolean isUnconfined() {
        return profile.equals(Optional.of("unconfined"));
    }

    /**
     * Returns the lines that write these settings, as key and value pairs; unset and 0 settings are left out.
     *
     * <pre>{@code
     * new AppArmor(Optional.of("generated"), true, false, List.of("mount,"), List.of()).toEntries();
     * // [lxc.apparmor.profile=generated, lxc.apparmor.allow_nesting=1, lxc.apparmor.raw=mount,]
     * }</pre>
     *
     * @return the entries
     */
    public List<Map.Entry<String, String>> toEntries() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        profile.ifPresent(p -> out.add(Map.entry("lxc.apparmor.profile", p)));
        if (allowNesting) {
            out.add(Map.entry("lxc.apparmor.allow_nesting", "1"));
        }
        if (allowIncomplete) {
            out.add(Map.entry("lxc.apparmor.allow_incomplete", "1"));
        }
        raw.forEach(r -> out.add(Map.entry("lxc.apparmor.raw", r)));
        return List.copyOf(out);
    }

    /**
     * Returns whether the other object has the same settings; the origins are not compared.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof AppArmor a && profile.equals(a.profile) && allowNesting == a.allowNesting
                && allowIncomplete == a.allowIncomplete && raw.equals(a.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, allowNesting, allowIncomplete, raw);
    }
}
