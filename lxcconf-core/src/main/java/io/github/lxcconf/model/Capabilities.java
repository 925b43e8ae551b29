package io.github.lxcconf.model;

import io.github.lxcconf.internal.EditDistance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The capabilities a container drops ({@code lxc.cap.drop}) or keeps
 * ({@code lxc.cap.keep}), computed across lines as liblxc does.
 *
 * <p>Both keys share one list: each line appends, an empty value of either
 * key clears the list and the mode, and a line of the other key while the
 * list has entries is an error ("Keeping and dropping capabilities are
 * mutually exclusive"). {@code lxc.cap.keep = none} keeps nothing, that is,
 * drops every capability. Two views are equal when mode and list are equal;
 * their {@link #origins()} are not compared.
 *
 * <pre>{@code
 * Capabilities caps = config.lxc().capabilities();
 * caps.mode();                           // DROP
 * caps.list();                           // [SYS_MODULE, SYS_TIME, SYS_RAWIO, MAC_ADMIN, MAC_OVERRIDE]
 * caps.retains(Capability.SYS_ADMIN);    // true
 * Capabilities.keep(Capability.NET_ADMIN).toValue(); // "net_admin"
 * }</pre>
 *
 * @param mode    whether the list is dropped or kept
 * @param list    the capabilities, in the order first written, without repeats
 * @param origins the lines the list was read from, since the last reset; empty when built by hand
 */
public record Capabilities(Mode mode, List<Capability> list, List<Origin> origins) {

    /** Nothing dropped, nothing kept: the container keeps the capabilities it is started with. */
    public static final Capabilities NONE = new Capabilities(Mode.DROP, List.of(), List.of());

    /**
     * Whether the list is dropped or kept.
     *
     * <pre>{@code
     * Capabilities.Mode.KEEP.key(); // "lxc.cap.keep"
     * }</pre>
     */
    public enum Mode {
        /** {@code lxc.cap.drop}: drop the listed capabilities. */
        DROP("lxc.cap.drop"),
        /** {@code lxc.cap.keep}: keep only the listed capabilities. */
        KEEP("lxc.cap.keep");

        private final String key;

        Mode(String key) {
            this.key = key;
        }

        /**
         * Returns the key that writes this mode.
         *
         * @return {@code lxc.cap.drop} or {@code lxc.cap.keep}
         */
        public String key() {
            return key;
        }
    }

    /**
     * Checks the components and copies the lists.
     *
     * @throws NullPointerException     if a component or element is null
     * @throws IllegalArgumentException if the list repeats a capability
     */
    public Capabilities {
        Objects.requireNonNull(mode, "mode");
        list = List.copyOf(list);
        origins = List.copyOf(origins);
        if (new LinkedHashSet<>(list).size() != list.size()) {
            throw new IllegalArgumentException("the list repeats a capability: " + list);
        }
    }

    /**
     * Returns a drop list.
     *
     * <pre>{@code
     * Capabilities.drop(Capability.SYS_MODULE, Capability.SYS_TIME).toValue(); // "sys_module sys_time"
     * }</pre>
     *
     * @param capabilities the capabilities to drop; repeats count once
     * @return the view
     */
    public static Capabilities drop(Capability... capabilities) {
        return new Capabilities(Mode.DROP, List.copyOf(new LinkedHashSet<>(Arrays.asList(capabilities))), List.of());
    }

    /**
     * Returns a keep list; with no capabilities, every capability is dropped.
     *
     * <pre>{@code
     * Capabilities.keep().toValue(); // "none"
     * }</pre>
     *
     * @param capabilities the capabilities to keep; repeats count once
     * @return the view
     */
    public static Capabilities keep(Capability... capabilities) {
        return new Capabilities(Mode.KEEP, List.copyOf(new LinkedHashSet<>(Arrays.asList(capabilities))), List.of());
    }

    /**
     * Returns whether the container still has a capability: it is not
     * dropped, or it is kept.
     *
     * <pre>{@code
     * Capabilities.drop(Capability.SYS_TIME).retains(Capability.SYS_TIME); // false
     * Capabilities.keep(Capability.CHOWN).retains(Capability.KILL);       // false
     * }</pre>
     *
     * @param capability the capability
     * @return whether the container has it
     */
    public boolean retains(Capability capability) {
        return mode == Mode.DROP != list.contains(capability);
    }

    /**
     * Returns the key that writes this list.
     *
     * @return {@code lxc.cap.drop} or {@code lxc.cap.keep}
     */
    public String key() {
        return mode.key();
    }

    /**
     * Returns the canonical value text: the names separated by blanks;
     * {@code none} for an empty keep list, empty for an empty drop list.
     *
     * <pre>{@code
     * Capabilities.drop(Capability.MAC_ADMIN).toValue(); // "mac_admin"
     * }</pre>
     *
     * @return the value
     */
    public String toValue() {
        if (list.isEmpty()) {
            return mode == Mode.KEEP ? "none" : "";
        }
        return list.stream().map(Capability::lxcName).collect(Collectors.joining(" "));
    }

    /**
     * Returns whether the other object has the same mode and list; the origins are not compared.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Capabilities c && mode == c.mode && list.equals(c.list);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, list);
    }

    /** Reads lxc.cap.drop and lxc.cap.keep lines in order, as liblxc does. */
    static final class Reader {
        private final Problems problems;
        private Mode mode = Mode.DROP;
        private final LinkedHashSet<Capability> list = new LinkedHashSet<>();
        private final List<Origin> origins = new ArrayList<>();
        private boolean hasEntries;

        Reader(Problems problems) {
            this.problems = problems;
        }

        void read(Mode key, Origin at, String value) {
            if (value.isEmpty()) {
                mode = Mode.DROP;
                list.clear();
                origins.clear();
                hasEntries = false;
                return;
            }
            if (hasEntries && mode != key) {
                problems.value(io.github.lxcconf.DiagnosticCode.LXC_CAP_KEEP_AND_DROP, at,
                        key.key + " after " + mode.key + " " + (list.isEmpty() ? "none" : String.join(" ", names()))
                                + ": liblxc refuses the file (\"Keeping and dropping capabilities are mutually"
                                + " exclusive\")",
                        "use one of the two keys, or reset the list first with an empty '" + mode.key + " =' line");
                return;
            }
            boolean used = false;
            for (Values.Word word : Values.words(value)) {
                String token = word.text();
                if (token.equals("none") && key == Mode.KEEP) {
                    list.clear();
                    used = true;
                    continue;
                }
                Optional<Capability> cap = capability(token);
                if (cap.isEmpty()) {
                    problems.item(io.github.lxcconf.DiagnosticCode.LXC_CAPABILITY, at, word.index(),
                            problem(key, token), hint(key, token));
                    continue;
                }
                list.add(cap.get());
                used = true;
            }
            if (used) {
                mode = key;
                hasEntries = true;
                origins.add(at);
            }
        }

        private List<String> names() {
            return list.stream().map(Capability::lxcName).toList();
        }


        Capabilities result() {
            return new Capabilities(mode, List.copyOf(list), origins);
        }

        private static Optional<Capability> capability(String token) {
            return Capability.ofWord(token);
        }

        private static String problem(Mode key, String token) {
            if (token.equals("none")) {
                return "'none' is only accepted in lxc.cap.keep; in " + key.key + " liblxc refuses the file";
            }
            Optional<java.math.BigInteger> number = Capability.number(token);
            if (number.isPresent()) {
                return "capability number " + token + (token.equals(number.get().toString()) ? "" : " (" + number.get()
                        + ")") + " is above " + Capability.last().number() + " ("
                        + Capability.last().lxcName() + "), the last capability Linux knows; liblxc refuses the"
                        + " file";
            }
            return "unknown capability '" + token + "' in " + key.key + "; liblxc refuses the file";
        }

        private static String hint(Mode key, String token) {
            if (token.equals("none")) {
                return "to drop nothing, clear the list with an empty 'lxc.cap.drop =' line";
            }
            String lower = token.toLowerCase(java.util.Locale.ROOT);
            String bare = lower.startsWith("cap_") ? lower.substring(4) : lower;
            if (!bare.equals(token) && Capability.of(bare).isPresent()) {
                return "write '" + bare + "': lower case, without CAP_";
            }
            if (Values.isDigits(token) && Capability.number(token).isEmpty()) {
                return "liblxc reads numbers as C does: a leading 0 makes them octal (010 is 8), 0x hexadecimal";
            }
            if (Capability.number(token).isPresent()) {
                return "a number is accepted only up to the host kernel's last capability";
            }
            for (Capability c : Capability.values()) {
                if (EditDistance.between(bare, c.lxcName(), 2) <= 2) {
                    return "did you mean '" + c.lxcName() + "'?";
                }
            }
            return "capability names are lower case without CAP_, such as sys_admin or net_raw; see capabilities(7)";
        }
    }
}
