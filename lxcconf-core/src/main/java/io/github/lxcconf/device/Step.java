package io.github.lxcconf.device;

import io.github.lxcconf.model.DeviceAccess;
import io.github.lxcconf.model.DeviceRule;
import io.github.lxcconf.model.DeviceType;
import io.github.lxcconf.model.KnownDevice;
import io.github.lxcconf.model.DeviceCatalog;

import java.util.Optional;

/**
 * One device line as liblxc applies it: key, value, where it stands, the rule it holds (empty for a value
 * that is not a rule), and, for a line Proxmox generates, the option it comes from.
 */
record Step(int index, String key, String value, String source, int line, Optional<DeviceRule> rule, String via) {

    boolean cgroup2() {
        return key.startsWith("lxc.cgroup2.");
    }

    boolean allow() {
        return key.endsWith(".allow");
    }

    DecidingLine note(String note) {
        return new DecidingLine(source, line, key, value, via.isEmpty() ? note : via + "; " + note);
    }

    /** The numbers a rule names: a type letter (a, b, c), major and minor with -1 for '*', and the access. */
    record Numbers(char type, int major, int minor, String letters, int mask) {
        boolean typeMatches(DeviceType t) {
            return type == 'a' || type == letter(t);
        }

        // written out: a record's generated equals and hashCode are bootstrapped through method handles on
        // first use, about 20 ms in a fresh JVM, and this is the first record the command hashes
        @Override
        public boolean equals(Object o) {
            return o instanceof Numbers n && n.type == type && n.major == major && n.minor == minor
                    && n.mask == mask && n.letters.equals(letters);
        }

        @Override
        public int hashCode() {
            return (((type * 31 + major) * 31 + minor) * 31 + mask) * 31 + letters.hashCode();
        }
    }

    static char letter(DeviceType t) {
        return switch (t) {
            case CHAR -> 'c';
            case BLOCK -> 'b';
            case ALL -> 'a';
        };
    }

    static int mask(DeviceAccess a) {
        return (a.read() ? 1 : 0) | (a.write() ? 2 : 0) | (a.mknod() ? 4 : 0);
    }

    /**
     * Returns the numbers of this rule; a device path is read as the host's node, from the known devices and
     * the device table; empty for the global rule and for a path with unknown numbers.
     */
    Optional<Numbers> numbers() {
        if (rule.isEmpty() || rule.get().isGlobal()) {
            return Optional.empty();
        }
        DeviceRule r = rule.get();
        String letters = letters();
        int mask = mask(r.access());
        if (r.path().isPresent()) {
            return node(r.path().get()).map(n -> new Numbers(n.type(), n.major(), n.minor(), letters, mask));
        }
        return Optional.of(new Numbers(letter(r.type()), r.major().orElse(-1), r.minor().orElse(-1), letters, mask));
    }

    /** Whether this rule takes in at least one device asked about: {@code numbers()} with no objects made. */
    boolean touches(Request q) {
        if (rule.isEmpty() || rule.get().isGlobal()) {
            return false;
        }
        DeviceRule r = rule.get();
        if (r.path().isPresent()) {
            return numbers().filter(q::touchedBy).isPresent();
        }
        return q.touchedBy(letter(r.type()), r.major().orElse(-1), r.minor().orElse(-1));
    }

    /** A device node: type letter, major and minor. */
    record Node(char type, int major, int minor) {
        /** Returns {@code c 10:200}. */
        String text() {
            return type + " " + major + ":" + minor;
        }
    }

    /** Returns the numbers of a /dev path, from the known devices, then the device table; empty when unknown. */
    static Optional<Node> node(String path) {
        Optional<KnownDevice> known = KnownDevice.byPath(path);
        if (known.isPresent() && known.get().minor().isPresent()) {
            KnownDevice d = known.get();
            return Optional.of(new Node(letter(d.type()), d.major(), d.minor().getAsInt()));
        }
        return DeviceCatalog.byPath(path).filter(i -> i.major().matches("[0-9]{1,9}") && i.minor().matches("[0-9]{1,9}"))
                .map(i -> new Node(letter(i.type()), Integer.parseInt(i.major()), Integer.parseInt(i.minor())));
    }

    /** The access letters as written (liblxc reads at most three), which liblxc compares as text. */
    private String letters() {
        String v = value.strip();
        int blank = v.lastIndexOf(' ');
        String word = blank < 0 ? "" : v.substring(blank + 1);
        return word.length() > 3 ? word.substring(0, 3) : word;
    }
}
