package io.github.lxcconf.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An environment variable for the container: {@code lxc.environment = NAME=value},
 * or {@code NAME} alone, which copies the value from the environment of the
 * process that loads the config (liblxc refuses the file if it is unset there).
 *
 * <p>{@code lxc.environment} sets variables for init and hooks; LXC 7 adds
 * {@code lxc.environment.runtime} (init only) and {@code lxc.environment.hooks}
 * (hooks only). Each key is a list; an empty value clears it. The value is
 * everything after the first {@code =}. Two variables are equal when scope,
 * name and value are; their {@link #origin()} is not compared.
 *
 * <pre>{@code
 * EnvironmentVariable.parse(Scope.COMMON, "A=B=C").value();   // Optional[B=C]
 * EnvironmentVariable.inherit("http_proxy").toValue();        // "http_proxy"
 * EnvironmentVariable.of("TZ", "UTC").key();                  // "lxc.environment"
 * }</pre>
 *
 * @param scope  which key the variable is written under
 * @param name   the variable's name
 * @param value  the value; empty when it is copied from the loader's environment
 * @param origin the line the variable was read from; empty when built by hand
 */
public record EnvironmentVariable(Scope scope, String name, Optional<String> value, Optional<Origin> origin) {

    /**
     * Which key a variable is written under, and who sees it.
     *
     * <pre>{@code
     * EnvironmentVariable.Scope.RUNTIME.key(); // "lxc.environment.runtime"
     * }</pre>
     */
    public enum Scope {
        /** {@code lxc.environment}: init and hooks. */
        COMMON("lxc.environment"),
        /** {@code lxc.environment.runtime} (LXC 7): init only. */
        RUNTIME("lxc.environment.runtime"),
        /** {@code lxc.environment.hooks} (LXC 7): hooks only. */
        HOOKS("lxc.environment.hooks");

        private final String key;

        Scope(String key) {
            this.key = key;
        }

        /**
         * Returns the key.
         *
         * @return the key
         */
        public String key() {
            return key;
        }
    }

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the name is empty or holds {@code =}, or a text holds a line break or NUL
     */
    public EnvironmentVariable {
        Objects.requireNonNull(scope, "scope");
        Values.checkText("name", name);
        if (name.isEmpty() || name.indexOf('=') >= 0) {
            throw new IllegalArgumentException("a variable name is not empty and has no '=', got '" + name + "'");
        }
        Objects.requireNonNull(value, "value");
        value.ifPresent(v -> Values.checkText("value", v));
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * Returns a variable for init and hooks.
     *
     * <pre>{@code
     * EnvironmentVariable.of("TZ", "UTC").toValue(); // "TZ=UTC"
     * }</pre>
     *
     * @param name  the name
     * @param value the value, possibly empty
     * @return the variable
     */
    public static EnvironmentVariable of(String name, String value) {
        return new EnvironmentVariable(Scope.COMMON, name, Optional.of(value), Optional.empty());
    }

    /**
     * Returns a variable whose value is copied from the loader's environment.
     *
     * @param name the name
     * @return the variable
     */
    public static EnvironmentVariable inherit(String name) {
        return new EnvironmentVariable(Scope.COMMON, name, Optional.empty(), Optional.empty());
    }

    /**
     * Reads a value as liblxc does: split at the first {@code =}.
     *
     * <pre>{@code
     * EnvironmentVariable.parse(Scope.HOOKS, "DEBUG=").value(); // Optional[] (an empty value)
     * }</pre>
     *
     * @param scope the key's scope
     * @param text  the value, such as {@code "PATH=/usr/bin"}
     * @return the variable
     * @throws IllegalArgumentException if there is no name before the {@code =}
     */
    public static EnvironmentVariable parse(Scope scope, String text) {
        return read(scope, text, Optional.empty()).orThrow();
    }

    static Parsed<EnvironmentVariable> read(Scope scope, String text, Optional<Origin> origin) {
        int eq = text.indexOf('=');
        if (eq == 0) {
            return Parsed.fail("'" + text + "' in " + scope.key + " has no variable name before '='",
                    "write NAME=value");
        }
        String name = eq < 0 ? text : text.substring(0, eq);
        Optional<String> value = eq < 0 ? Optional.empty() : Optional.of(text.substring(eq + 1));
        return Parsed.ok(new EnvironmentVariable(scope, name, value, origin));
    }

    /**
     * Returns whether the value is copied from the loader's environment.
     *
     * @return whether the value is empty
     */
    public boolean isInherited() {
        return value.isEmpty();
    }

    /**
     * Returns the key the variable is written under.
     *
     * @return the scope's key
     */
    public String key() {
        return scope.key;
    }

    /**
     * Returns the canonical value text: {@code NAME=value}, or {@code NAME} alone.
     *
     * @return the value
     */
    public String toValue() {
        return value.map(v -> name + "=" + v).orElse(name);
    }

    /**
     * Returns whether the other object has the same scope, name and value; the origin is not compared.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof EnvironmentVariable e && scope == e.scope && name.equals(e.name)
                && value.equals(e.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scope, name, value);
    }
}
