package io.github.lxcconf.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A hook: a shell command LXC runs at one point of the container's life,
 * {@code lxc.hook.pre-start = /usr/share/lxcfs/lxc.mount.hook}.
 *
 * <p>Each hook type is a list; an empty {@code lxc.hook.TYPE =} clears it and
 * an empty {@code lxc.hook =} clears them all. The command runs through
 * {@code /bin/sh} with the container's name and more as arguments. Two hooks
 * are equal when type and command are; their {@link #origin()} is not compared.
 *
 * <pre>{@code
 * Hook h = Hook.of(HookType.MOUNT, "/usr/share/lxcfs/lxc.mount.hook");
 * h.key();       // "lxc.hook.mount"
 * h.toValue();   // "/usr/share/lxcfs/lxc.mount.hook"
 * }</pre>
 *
 * @param type    when the hook runs
 * @param command the shell command line
 * @param origin  the line the hook was read from; empty when built by hand
 */
public record Hook(HookType type, String command, Optional<Origin> origin) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the command is empty or holds a line break or NUL
     */
    public Hook {
        Objects.requireNonNull(type, "type");
        Values.checkText("command", command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command is empty");
        }
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * Returns a hook built by hand.
     *
     * @param type    when it runs
     * @param command the command line
     * @return the hook
     */
    public static Hook of(HookType type, String command) {
        return new Hook(type, command, Optional.empty());
    }

    /**
     * Returns the key the hook is written under.
     *
     * @return {@code lxc.hook.} and the type's word
     */
    public String key() {
        return type.key();
    }

    /**
     * Returns the value text: the command.
     *
     * @return the command
     */
    public String toValue() {
        return command;
    }

    /**
     * Returns whether the other object has the same type and command; the origin is not compared.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Hook h && type == h.type && command.equals(h.command);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, command);
    }
}
