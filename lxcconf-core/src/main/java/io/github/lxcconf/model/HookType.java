package io.github.lxcconf.model;

import java.util.Locale;
import java.util.Optional;

/**
 * When a hook runs: the part after {@code lxc.hook.}, in the order of a container's life.
 *
 * <pre>{@code
 * HookType.of("pre-start");      // Optional[PRE_START]
 * HookType.POST_STOP.key();      // "lxc.hook.post-stop"
 * }</pre>
 */
public enum HookType {
    /** In the host's namespaces, before the container's ttys, console and mounts are set up. */
    PRE_START,
    /** In the container's mount namespace, before its root file system is set up. */
    PRE_MOUNT,
    /** In the container's mount namespace after the mounts, before pivot_root. */
    MOUNT,
    /** Like mount, and only when lxc.autodev is on; for populating /dev. */
    AUTODEV,
    /** In the host's namespaces after setup, right before init starts. */
    START_HOST,
    /** Inside the container, right before init is executed. */
    START,
    /** In the host's namespaces, with references to the container's namespaces, after it shut down. */
    STOP,
    /** In the host's namespaces after the container has shut down. */
    POST_STOP,
    /** When the container is cloned. */
    CLONE,
    /** When the container is destroyed. */
    DESTROY;

    /**
     * Returns the word after {@code lxc.hook.}.
     *
     * <pre>{@code
     * HookType.START_HOST.word(); // "start-host"
     * }</pre>
     *
     * @return the word
     */
    public String word() {
        return WORDS[ordinal()];
    }

    /** The words, by ordinal: every hook line asks for them. */
    private static final HookType[] ALL = values();
    private static final String[] WORDS = new String[ALL.length];

    static {
        for (HookType t : ALL) {
            WORDS[t.ordinal()] = t.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * Returns the key of this hook list.
     *
     * @return {@code lxc.hook.} and the word
     */
    public String key() {
        return "lxc.hook." + word();
    }

    /**
     * Returns the hook type a word names.
     *
     * @param word such as {@code "post-stop"}
     * @return the type, or empty
     */
    public static Optional<HookType> of(String word) {
        for (HookType t : ALL) {
            if (WORDS[t.ordinal()].equals(word)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
