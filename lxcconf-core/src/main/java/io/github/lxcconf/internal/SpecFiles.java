package io.github.lxcconf.internal;

import java.io.InputStream;

/**
 * The format tables lxcconf is driven by ({@code lxc-keys.tsv}, {@code lxc-legacy-keys.tsv},
 * {@code proxmox-keys.tsv}, {@code proxmox-property-strings.tsv}, {@code proxmox-raw-lxc-keys.tsv},
 * {@code linux-devices.tsv}): verbatim copies of the specification tables, shipped once in
 * {@code io/github/lxcconf/spec/} and read by every part that needs them. Not API.
 */
public final class SpecFiles {
    /** The resource folder of the tables. */
    public static final String FOLDER = "/io/github/lxcconf/spec/";

    private SpecFiles() {
    }

    /**
     * Opens a table.
     *
     * @param name the file name, such as {@code "lxc-keys.tsv"}
     * @return the stream, or null if there is no such table (callers fail with their own message)
     */
    public static InputStream open(String name) {
        return SpecFiles.class.getResourceAsStream(FOLDER + name);
    }
}
