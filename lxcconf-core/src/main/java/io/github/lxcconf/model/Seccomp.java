package io.github.lxcconf.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The container's seccomp settings: {@code lxc.seccomp.profile},
 * {@code allow_nesting} and the {@code notify.proxy} and {@code notify.cookie}
 * of a seccomp notification supervisor.
 *
 * <p>The policy file is read only when the container starts. Two views are
 * equal when their settings are; their {@link #origins()} are not compared.
 *
 * <pre>{@code
 * Seccomp s = config.lxc().seccomp();
 * s.profile();      // Optional[/usr/share/lxc/config/common.seccomp]
 * Seccomp.profile("/etc/lxc/my.seccomp").toEntries(); // [lxc.seccomp.profile=/etc/lxc/my.seccomp]
 * }</pre>
 *
 * @param profile      the policy file, if set
 * @param allowNesting {@code allow_nesting = 1}: apply the policy even if the starting process is already confined
 * @param notifyProxy  the supervisor's socket, {@code unix:PATH} or {@code unix:@NAME}
 * @param notifyCookie the cookie sent with notifications
 * @param origins      the lines the settings were read from; empty when built by hand
 */
public record Seccomp(Optional<String> profile, boolean allowNesting, Optional<String> notifyProxy,
                      Optional<String> notifyCookie, List<Origin> origins) {

    /** Nothing set: no seccomp policy from this config. */
    public static final Seccomp DEFAULT = new Seccomp(Optional.empty(), false, Optional.empty(), Optional.empty(),
            List.of());

    /**
     * Checks the components and copies the list.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if a text is empty or holds a line break or NUL, or the proxy is not unix:
     */
    public Seccomp {
        text("profile", profile);
        text("notifyProxy", notifyProxy);
        text("notifyCookie", notifyCookie);
        if (notifyProxy.isPresent() && !isProxy(notifyProxy.get())) {
            throw new IllegalArgumentException("notifyProxy must start with unix:, got '" + notifyProxy.get() + "'");
        }
        origins = List.copyOf(origins);
    }

    private static void text(String what, Optional<String> value) {
        Objects.requireNonNull(value, what);
        value.ifPresent(v -> {
            Values.checkText(what, v);
            if (v.isEmpty()) {
                throw new IllegalArgumentException(what + " is empty");
            }
        });
    }

    static boolean isProxy(String value) {
        return value.startsWith("unix:") && value.length() > "unix:".length();
    }

    /**
     * Returns settings with only a policy file.
     *
     * @param profile the policy file's path
     * @return the settings
     */
    public static Seccomp profile(String profile) {
        return new Seccomp(Optional.of(profile), false, Optional.empty(), Optional.empty(), List.of());
    }

    /**
     * Returns the lines that write these settings, as key and value pairs; unset and 0 settings are left out.
     *
     * @return the entries
     */
    public List<Map.Entry<String, String>> toEntries() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        profile.ifPresent(p -> out.add(Map.entry("lxc.seccomp.profile", p)));
        if (allowNesting) {
            out.add(Map.entry("lxc.seccomp.allow_nesting", "1"));
        }
        notifyProxy.ifPresent(p -> out.add(Map.entry("lxc.seccomp.notify.proxy", p)));
        notifyCookie.ifPresent(c -> out.add(Map.entry("lxc.seccomp.notify.cookie", c)));
        return List.copyOf(out);
    }

    /**
     * Returns whether the other object has the same settings; the origins are not compared.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Seccomp s && profile.equals(s.profile) && allowNesting == s.allowNesting
                && notifyProxy.equals(s.notifyProxy) && notifyCookie.equals(s.notifyCookie);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, allowNesting, notifyProxy, notifyCookie);
    }
}
