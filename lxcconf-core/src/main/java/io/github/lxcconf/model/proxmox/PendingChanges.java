package io.github.lxcconf.model.proxmox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code [pve:pending]} section: changes Proxmox applies at the container's
 * next start, the new option values and the options to delete.
 *
 * <pre>{@code
 * PendingChanges p = config.proxmox().pending().orElseThrow();
 * p.options().get("memory");   // Optional[1024]: the memory after the restart
 * p.deletions();               // [Deletion[key=swap, force=false], Deletion[key=cores, force=false]]
 * p.isDeleted("swap");         // true
 * }</pre>
 *
 * @param options     the new option values
 * @param deletions   the options to delete, from {@code delete:}
 * @param description the pending description
 */
public record PendingChanges(ProxmoxOptions options, List<Deletion> deletions, Description description) {

    /**
     * One entry of {@code delete:}.
     *
     * @param key   the option to delete
     * @param force whether it was written {@code !key} (force)
     */
    public record Deletion(String key, boolean force) {

        /**
         * Checks the components.
         *
         * @throws NullPointerException     if the key is null
         * @throws IllegalArgumentException if the key is empty
         */
        public Deletion {
            Objects.requireNonNull(key, "key");
            if (key.isEmpty()) {
                throw new IllegalArgumentException("key is empty");
            }
        }
    }

    /**
     * Checks the components and copies the list.
     *
     * @throws NullPointerException if a component is null
     */
    public PendingChanges {
        Objects.requireNonNull(options, "options");
        deletions = List.copyOf(deletions);
        Objects.requireNonNull(description, "description");
    }

    /**
     * Reads a {@code delete:} value as Proxmox's {@code parse_pending_delete}: entries separated by
     * commas, semicolons or blanks, each optionally prefixed with {@code !} (force). An option listed
     * twice appears once, where it is first listed, with the force flag of its last entry.
     *
     * <pre>{@code
     * PendingChanges.parseDeletions("swap,!cores; mp0"); // [swap, !cores, mp0]
     * }</pre>
     *
     * @param text the value of {@code delete:}
     * @return the deletions in written order
     */
    public static List<Deletion> parseDeletions(String text) {
        Objects.requireNonNull(text, "text");
        Map<String, Boolean> keys = new LinkedHashMap<>();
        String t = text.replaceAll("[,;]", " ").replaceFirst("^\\s+", "");
        if (!t.isEmpty()) {
            for (String entry : t.split("\\s+")) {
                boolean force = entry.startsWith("!");
                String key = force ? entry.substring(1) : entry;
                if (!key.isEmpty()) {
                    keys.put(key, force);
                }
            }
        }
        List<Deletion> out = new ArrayList<>();
        keys.forEach((k, f) -> out.add(new Deletion(k, f)));
        return List.copyOf(out);
    }

    /**
     * Returns whether an option is to be deleted at the next start.
     *
     * @param key the option key
     * @return {@code true} if {@code delete:} lists it
     */
    public boolean isDeleted(String key) {
        return deletions.stream().anyMatch(d -> d.key().equals(key));
    }
}
