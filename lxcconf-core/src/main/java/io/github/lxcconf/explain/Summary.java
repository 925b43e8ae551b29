package io.github.lxcconf.explain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * What the container as a whole may do beyond LXC's defaults: the devices it
 * may use, the host paths it sees, capabilities, features, security
 * relaxations, and warnings.
 *
 * <pre>{@code
 * Summary s = config.explain().summary();
 * s.devices();       // ["c 10:232 rwm: /dev/kvm (KVM), read, write and mknod", ...]
 * s.unprivileged();  // false
 * s.capabilitySettings();  // [CapabilitySetting[capability=SYS_TIME, kept=false, includedFile=Optional.empty, line=3]]
 * s.text();          // a paragraph per topic
 * }</pre>
 *
 * @param unprivileged   whether root in the container is an unprivileged user on the host
 * @param devices        device rules and passthroughs that give access beyond LXC's defaults, one per rule
 * @param hostPaths      host paths the container sees, as {@code host -> container}
 * @param capabilities   which capabilities the defaults drop (LXC's common.conf, what Proxmox includes, or
 *                       the included files when they were resolved) and what the config adds or removes
 * @param features       nesting, keyctl, fuse and other features turned on
 * @param relaxations    AppArmor and seccomp relaxations
 * @param warnings       things that will not work as written
 * @param capabilitySettings the capabilities the {@code lxc.cap.drop} / {@code lxc.cap.keep} list ends up
 *                       naming, each with the line that named it: this config's lines, and the included files'
 *                       when they were resolved (the {@code capabilities} items also say what unread defaults
 *                       usually drop)
 */
public record Summary(boolean unprivileged, List<String> devices, List<String> hostPaths, List<String> capabilities,
                      List<String> features, List<String> relaxations, List<String> warnings,
                      List<CapabilitySetting> capabilitySettings) {

    /**
     * Copies the lists.
     *
     * @throws NullPointerException if a component is null
     */
    public Summary {
        capabilitySettings = List.copyOf(capabilitySettings);
        devices = List.copyOf(devices);
        hostPaths = List.copyOf(hostPaths);
        capabilities = List.copyOf(capabilities);
        features = List.copyOf(features);
        relaxations = List.copyOf(relaxations);
        warnings = List.copyOf(warnings);
    }

    /**
     * Receives a summary's long lists an item at a time, as {@link Explanation#summary(Items)} works them out:
     * first whether the container is unprivileged, then every device, then every host path.
     *
     * <pre>{@code
     * Summary rest = config.explain().summary(new Summary.Items() {
     *     public void device(String item) { out.println("device: " + item); }
     *     public void hostPath(String item) { out.println("host path: " + item); }
     * });
     * }</pre>
     */
    public interface Items {
        /**
         * Receives whether root in the container is an unprivileged user on the host; called first.
         *
         * @param unprivileged as {@link Summary#unprivileged()}
         */
        default void unprivileged(boolean unprivileged) {
        }

        /**
         * Receives one item of {@link Summary#devices()}, in order.
         *
         * @param item the item
         */
        void device(String item);

        /**
         * Receives one item of {@link Summary#hostPaths()}, in order, after every device.
         *
         * @param item the item
         */
        void hostPath(String item);
    }

    /** The title of the devices section, and what it says when there is none. */
    static final String DEVICES = "Devices its rules allow beyond LXC's defaults, and what a host grants";
    static final String NO_DEVICES = "none: only the standard devices LXC allows (/dev/null, /dev/zero, /dev/tty, ...)";
    /** The title of the host paths section, and what it says when there is none. */
    static final String HOST_PATHS = "Host paths it sees";
    static final String NO_HOST_PATHS = "none besides its own root filesystem";

    /**
     * Returns the summary as text, one topic per paragraph, for a person to read.
     *
     * @return the text, ending with a line break
     */
    public String text() {
        StringBuilder out = new StringBuilder();
        Writer w = new Writer(out);
        w.head(unprivileged);
        w.section(DEVICES, devices, NO_DEVICES);
        w.section(HOST_PATHS, hostPaths, NO_HOST_PATHS);
        w.rest(capabilities, features, relaxations, warnings);
        return out.toString();
    }

    /**
     * Writes the text of a summary a part at a time, so that its long lists (devices, host paths) can be written
     * item by item as they are worked out, never held: {@link #text()} and the explanation's {@code writeTo} write
     * through it. A failure to write is thrown as an {@link UncheckedIOException}.
     */
    static final class Writer {
        private final Appendable out;
        private boolean empty;

        Writer(Appendable out) {
            this.out = out;
        }

        /** The first line: privileged or not. */
        void head(boolean unprivileged) {
            write(unprivileged
                    ? "Unprivileged container: root inside it is mapped to an ordinary, unprivileged user on the host.\n"
                    : "Privileged container: root inside it is root on the host (no user ID mapping), so a process"
                            + " that breaks out of it controls the host.\n");
        }

        /** Starts a section; its items follow, then {@link #close}. */
        void open(String title) {
            write(title);
            write(":");
            empty = true;
        }

        void item(String item) {
            if (empty) {
                write("\n");
                empty = false;
            }
            write("  - ");
            write(item);
            write("\n");
        }

        /** Ends a section, saying {@code none} if it had no item. */
        void close(String none) {
            if (empty) {
                write(" ");
                write(none);
                write(".\n");
            }
        }

        void section(String title, List<String> items, String none) {
            open(title);
            for (String item : items) {
                item(item);
            }
            close(none);
        }

        /** The sections after the host paths. */
        void rest(List<String> capabilities, List<String> features, List<String> relaxations, List<String> warnings) {
            section("Capabilities", capabilities, "LXC's or Proxmox's defaults");
            section("Features", features, "none");
            section("AppArmor and seccomp", relaxations, "the default confinement");
            if (!warnings.isEmpty()) {
                section("Warnings", warnings, "");
            }
        }

        private void write(String text) {
            try {
                out.append(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
