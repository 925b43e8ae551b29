package io.github.lxcconf.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of {@code lxc.mount.auto}: a kernel file system LXC mounts for the
 * container ({@code proc:mixed}, {@code sys:ro}, {@code cgroup:mixed},
 * {@code cgroup2:ro:force}, {@code shmounts:/srv/shm}).
 *
 * <p>Items fall into four categories (proc, sys, cgroup, shmounts); within a
 * category the last item wins, across lines and files, so
 * {@code lxc.mount.auto = sys:rw} after {@code cgroup:mixed proc:mixed sys:mixed}
 * changes only sys. Equivalent spellings are one item: {@code proc} is
 * {@code proc:mixed}, {@code cgroup2} is {@code cgroup2:force}. Two items are
 * equal when they mean the same; their {@link #origin()} is not compared.
 *
 * <pre>{@code
 * MountAuto.parse("proc").toValue();          // "proc:mixed"
 * MountAuto.parse("cgroup:ro:force").force(); // true
 * MountAuto.of(Kind.SYS, Mode.RO).toValue();  // "sys:ro"
 * }</pre>
 *
 * @param kind          what is mounted
 * @param mode          how: mixed, read-only or read-write; empty where LXC decides ({@code cgroup}, {@code cgroup2})
 * @param force         {@code :force}: mount even when the container has a cgroup namespace (always for cgroup2)
 * @param hostPath      the host path of {@code shmounts}; empty for the other kinds
 * @param containerPath the container path of {@code shmounts}, if written (LXC's default is {@code /dev/.lxc-mounts})
 * @param origin        the line the item was read from; empty when built by hand
 */
public record MountAuto(Kind kind, Optional<Mode> mode, boolean force, Optional<String> hostPath,
                        Optional<String> containerPath, Optional<Origin> origin) {

    /**
     * The categories within which the last item wins.
     *
     * <pre>{@code
     * MountAuto.Kind.CGROUP2.category(); // CGROUP
     * }</pre>
     */
    public enum Category {
        /** {@code proc} items. */
        PROC,
        /** {@code sys} items. */
        SYS,
        /** {@code cgroup}, {@code cgroup-full} and {@code cgroup2} items. */
        CGROUP,
        /** {@code shmounts} items. */
        SHMOUNTS
    }

    /**
     * What an item mounts.
     *
     * <pre>{@code
     * MountAuto.Kind.CGROUP_FULL.word(); // "cgroup-full"
     * }</pre>
     */
    public enum Kind {
        /** {@code /proc}. */
        PROC("proc", Category.PROC),
        /** {@code /sys}. */
        SYS("sys", Category.SYS),
        /** {@code /sys/fs/cgroup}, the container's own cgroups. */
        CGROUP("cgroup", Category.CGROUP),
        /** {@code /sys/fs/cgroup}, the whole cgroup hierarchy. */
        CGROUP_FULL("cgroup-full", Category.CGROUP),
        /** {@code /sys/fs/cgroup} as a cgroup2 mount. */
        CGROUP2("cgroup2", Category.CGROUP),
        /** A shared mount point for injecting mounts into the running container. */
        SHMOUNTS("shmounts", Category.SHMOUNTS);

        private final String word;
        private final Category category;

        Kind(String word, Category category) {
            this.word = word;
            this.category = category;
        }

        /**
         * Returns the word the item starts with.
         *
         * @return {@code proc}, {@code sys}, {@code cgroup}, {@code cgroup-full}, {@code cgroup2} or {@code shmounts}
         */
        public String word() {
            return word;
        }

        /**
         * Returns the category within which the last item wins.
         *
         * @return the category
         */
        public Category category() {
            return category;
        }
    }

    /**
     * How a file system is mounted.
     *
     * <pre>{@code
     * MountAuto.Mode.RO.word(); // "ro"
     * }</pre>
     */
    public enum Mode {
        /** Mostly read-only with writable parts (proc: /proc/sys read-only; sys: /sys/devices/virtual/net writable). */
        MIXED,
        /** Read-only. */
        RO,
        /** Read-write. */
        RW;

        /**
         * Returns the word items use.
         *
         * @return {@code mixed}, {@code ro} or {@code rw}
         */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Checks that the components make an item LXC knows.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the combination is not an item
     */
    public MountAuto {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(hostPath, "hostPath");
        Objects.requireNonNull(containerPath, "containerPath");
        Objects.requireNonNull(origin, "origin");
        if (kind != Kind.SHMOUNTS && (hostPath.isPresent() || containerPath.isPresent())) {
            throw new IllegalArgumentException(kind.word + " takes no paths");
        }
        switch (kind) {
            case PROC -> require(mode.isPresent() && mode.get() != Mode.RO && !force, "proc is proc:mixed or proc:rw");
            case SYS -> require(mode.isPresent() && !force, "sys is sys:mixed, sys:ro or sys:rw");
            case CGROUP, CGROUP_FULL -> {
                // any mode, with or without :force
            }
            case CGROUP2 -> require((mode.isEmpty() || mode.get() == Mode.RO) && force,
                    "cgroup2 is cgroup2 or cgroup2:ro, always with force");
            case SHMOUNTS -> {
                require(mode.isEmpty() && !force, "shmounts takes no mode");
                require(hostPath.isPresent(), "shmounts needs a host path");
                path(hostPath.get());
                containerPath.ifPresent(MountAuto::path);
            }
            default -> throw new AssertionError(kind);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void path(String p) {
        // liblxc splits lxc.mount.auto at spaces and tabs only: a vertical tab or form feed is part of the path
        if (p.isEmpty() || p.chars().anyMatch(c -> c == ':' || c == ' ' || c == '\t' || c == '\n' || c == '\r'
                || c == 0)) {
            throw new IllegalArgumentException("a shmounts path is not empty and has no ':', no blank and no line"
                    + " break, got '" + p + "'");
        }
    }

    /**
     * Returns an item with a mode; {@code cgroup2} items are always forced.
     *
     * <pre>{@code
     * MountAuto.of(Kind.CGROUP, Mode.MIXED).toValue(); // "cgroup:mixed"
     * }</pre>
     *
     * @param kind any kind but {@link Kind#SHMOUNTS}
     * @param mode the mode
     * @return the item
     * @throws IllegalArgumentException if the kind does not take the mode
     */
    public static MountAuto of(Kind kind, Mode mode) {
        return new MountAuto(kind, Optional.of(mode), kind == Kind.CGROUP2, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * Returns an item with its default mode: {@code proc} and {@code sys} are mixed;
     * {@code cgroup}, {@code cgroup-full} and {@code cgroup2} leave it to LXC.
     *
     * <pre>{@code
     * MountAuto.of(Kind.PROC).toValue();    // "proc:mixed"
     * MountAuto.of(Kind.CGROUP2).toValue(); // "cgroup2"
     * }</pre>
     *
     * @param kind any kind but {@link Kind#SHMOUNTS}
     * @return the item
     */
    public static MountAuto of(Kind kind) {
        boolean mixed = kind == Kind.PROC || kind == Kind.SYS;
        return new MountAuto(kind, mixed ? Optional.of(Mode.MIXED) : Optional.empty(), kind == Kind.CGROUP2,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Returns a {@code shmounts} item.
     *
     * <pre>{@code
     * MountAuto.shmounts("/srv/shm", Optional.empty()).toValue(); // "shmounts:/srv/shm"
     * }</pre>
     *
     * @param hostPath      the host path
     * @param containerPath the container path, or empty for LXC's default
     * @return the item
     */
    public static MountAuto shmounts(String hostPath, Optional<String> containerPath) {
        return new MountAuto(Kind.SHMOUNTS, Optional.empty(), false, Optional.of(hostPath), containerPath,
                Optional.empty());
    }

    /**
     * Reads one item.
     *
     * <pre>{@code
     * MountAuto.parse("sys:ro");      // sys:ro
     * MountAuto.parse("proc:bogus");  // throws: unknown lxc.mount.auto item 'proc:bogus' ...
     * }</pre>
     *
     * @param item one blank-free item
     * @return the item
     * @throws IllegalArgumentException if LXC does not know the item
     */
    public static MountAuto parse(String item) {
        return read(item, Optional.empty()).orThrow();
    }

    static Parsed<MountAuto> read(String item, Optional<Origin> origin) {
        MountAuto m = item(item, origin);
        if (m == null) {
            return Parsed.fail("unknown lxc.mount.auto item '" + item + "': liblxc refuses the file",
                    "items are proc, proc:rw, sys, sys:ro, sys:rw, cgroup, cgroup-full and cgroup2 (each"
                            + " optionally :mixed, :ro or :rw and :force; cgroup2 only :ro), and"
                            + " shmounts:HOSTPATH[:CONTAINERPATH]");
        }
        return Parsed.ok(m);
    }

    private static MountAuto item(String item, Optional<Origin> origin) {
        if (item.startsWith("shmounts:")) {
            String rest = item.substring("shmounts:".length());
            int colon = rest.indexOf(':');
            String host = colon < 0 ? rest : rest.substring(0, colon);
            Optional<String> container = colon < 0 ? Optional.empty() : Optional.of(rest.substring(colon + 1));
            if (host.isEmpty() || container.isPresent() && (container.get().isEmpty()
                    || container.get().indexOf(':') >= 0)) {
                return null;
            }
            return new MountAuto(Kind.SHMOUNTS, Optional.empty(), false, Optional.of(host), container, origin);
        }
        String[] parts = item.split(":", -1);
        Kind kind = null;
        for (Kind k : Kind.values()) {
            if (k != Kind.SHMOUNTS && k.word.equals(parts[0])) {
                kind = k;
            }
        }
        if (kind == null || parts.length > 3) {
            return null;
        }
        Optional<Mode> mode = Optional.empty();
        boolean force = false;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (p.equals("force") && i == parts.length - 1 && kind.category == Category.CGROUP) {
                force = true;
            } else if (i == 1 && (p.equals("mixed") || p.equals("ro") || p.equals("rw"))) {
                mode = Optional.of(Mode.valueOf(p.toUpperCase(Locale.ROOT)));
            } else {
                return null;
            }
        }
        switch (kind) {
            case PROC, SYS -> {
                if (parts.length > 2 || kind == Kind.PROC && mode.equals(Optional.of(Mode.RO))) {
                    return null;
                }
                mode = Optional.of(mode.orElse(Mode.MIXED));
            }
            case CGROUP2 -> {
                if (mode.isPresent() && mode.get() != Mode.RO) {
                    return null;
                }
                force = true;
            }
            default -> {
                // cgroup and cgroup-full take every mode
            }
        }
        return new MountAuto(kind, mode, force, Optional.empty(), Optional.empty(), origin);
    }

    /**
     * Returns the category within which the last item wins.
     *
     * @return the kind's category
     */
    public Category category() {
        return kind.category;
    }

    /**
     * Returns the canonical item text.
     *
     * <pre>{@code
     * MountAuto.parse("sys").toValue();            // "sys:mixed"
     * MountAuto.parse("cgroup2:ro:force").toValue(); // "cgroup2:ro"
     * }</pre>
     *
     * @return the item
     */
    public String toValue() {
        return switch (kind) {
            case SHMOUNTS -> "shmounts:" + hostPath.orElseThrow() + containerPath.map(c -> ":" + c).orElse("");
            case CGROUP2 -> "cgroup2" + mode.map(m -> ":" + m.word()).orElse("");
            case CGROUP, CGROUP_FULL -> kind.word + mode.map(m -> ":" + m.word()).orElse("") + (force ? ":force" : "");
            default -> kind.word + ":" + mode.orElseThrow().word();
        };
    }

    /**
     * Returns whether the other object is an item that means the same; the origin is not compared.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof MountAuto m && kind == m.kind && mode.equals(m.mode) && force == m.force
                && hostPath.equals(m.hostPath) && containerPath.equals(m.containerPath);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, mode, force, hostPath, containerPath);
    }
}
