package io.github.lxcconf.model.proxmox;

import io.github.lxcconf.internal.proxmox.Checks;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot section {@code [name]} of a Proxmox config: the container's
 * options when the snapshot was taken, its time, its parent snapshot, and its
 * comment (the section's description).
 *
 * <pre>{@code
 * Snapshot s = config.proxmox().snapshot("before-upgrade").orElseThrow();
 * s.snaptime();              // Optional[2023-11-14T22:13:20Z]
 * s.parent();                // Optional[first]
 * s.options().get("memory"); // the memory when the snapshot was taken
 * s.description().text();    // the snapshot comment
 * }</pre>
 *
 * @param name        the snapshot name, as in the header
 * @param line        the 1-based line number of the header
 * @param options     the snapshot's options
 * @param description the snapshot comment
 */
public record Snapshot(String name, int line, ProxmoxOptions options, Description description) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the line is below 1
     */
    public Snapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(description, "description");
        if (line < 1) {
            throw new IllegalArgumentException("line starts at 1, got " + line);
        }
    }

    /**
     * Returns the snapshot this one was taken after ({@code parent:}).
     *
     * @return the parent's name, or empty for the first snapshot
     */
    public Optional<String> parent() {
        return options.get("parent");
    }

    /**
     * Returns when the snapshot was taken ({@code snaptime:}, Unix seconds).
     *
     * @return the time, or empty when unset or not an integer
     */
    public Optional<Instant> snaptime() {
        return options.get("snaptime").filter(Checks::isDigits).filter(v -> v.length() <= 18)
                .map(v -> Instant.ofEpochSecond(Long.parseLong(v)));
    }

    /**
     * Returns the state of an unfinished snapshot operation ({@code prepare} or {@code delete});
     * Proxmox refuses to roll back to such a snapshot.
     *
     * @return the state, or empty for a complete snapshot
     */
    public Optional<String> snapstate() {
        return options.get("snapstate");
    }
}
