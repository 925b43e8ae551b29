package io.github.lxcconf.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A section of a config: the main section (the running container), a
 * Proxmox snapshot {@code [name]}, or {@code [pve:pending]}. A native LXC
 * file has only the main section.
 *
 * <pre>{@code
 * Section snap = config.section("before-upgrade").orElseThrow();
 * snap.value("snaptime");        // Optional[1700000000]
 * snap.values("lxc.mount.entry"); // every raw mount entry of the snapshot
 * }</pre>
 *
 * @param kind            main, snapshot or pending
 * @param header          the header line; empty for the main section
 * @param firstLineNumber the 1-based number of the section's first line (its header, if any)
 * @param lines           the section's lines, header included, in file order
 */
public record Section(SectionKind kind, Optional<SectionLine> header, int firstLineNumber, List<Line> lines) {

    /**
     * Checks the components and copies the line list.
     *
     * @throws NullPointerException if a component is null
     */
    public Section {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(header, "header");
        lines = List.copyOf(lines);
    }

    /**
     * Returns the section's name: the snapshot name, {@code "pve:pending"}, or empty for the main section.
     *
     * @return the name as written in the header
     */
    public Optional<String> name() {
        return header.map(SectionLine::name);
    }

    /**
     * Returns the entries of this section, in file order.
     *
     * @return the entry lines
     */
    public List<EntryLine> entries() {
        List<EntryLine> out = new ArrayList<>();
        for (Line line : lines) {
            if (line instanceof EntryLine e) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Returns the last entry with this key: the one that counts for a single-valued key.
     *
     * @param key the exact key, such as {@code "hostname"} or {@code "lxc.uts.name"}
     * @return the entry, or empty if the key is not set in this section
     */
    public Optional<EntryLine> entry(String key) {
        java.util.Objects.requireNonNull(key, "key");
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i) instanceof EntryLine e && e.key().equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the interpreted value of the last entry with this key (last one wins).
     *
     * <pre>{@code
     * config.mainSection().value("memory"); // Optional[4096]
     * }</pre>
     *
     * @param key the exact key
     * @return the value, or empty if the key is not set in this section
     */
    public Optional<String> value(String key) {
        return entry(key).map(EntryLine::value);
    }

    /**
     * Returns the interpreted values of every entry with this key, in file
     * order: the values of a list key such as {@code lxc.mount.entry}. An
     * empty value is included as written; it is what clears a list in liblxc.
     *
     * @param key the exact key
     * @return the values, possibly empty
     */
    public List<String> values(String key) {
        java.util.Objects.requireNonNull(key, "key");
        List<String> out = new ArrayList<>();
        for (Line line : lines) {
            if (line instanceof EntryLine e && e.key().equals(key)) {
                out.add(e.value());
            }
        }
        return List.copyOf(out);
    }
}
