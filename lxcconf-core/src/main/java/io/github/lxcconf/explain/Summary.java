package io.github.lxcconf.explain;

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
     * Returns the summary as text, one topic per paragraph, for a person to read.
     *
     * @return the text, ending with a line break
     */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(unprivileged
                ? "Unprivileged container: root inside it is mapped to an ordinary, unprivileged user on the host.\n"
                : "Privileged container: root inside it is root on the host (no user ID mapping), so a process"
                        + " that breaks out of it controls the host.\n");
        section(out, "Devices its rules allow beyond LXC's defaults, and what a host grants", devices,
                "none: only the standard devices LXC allows (/dev/null, /dev/zero, /dev/tty, ...)");
        section(out, "Host paths it sees", hostPaths, "none besides its own root filesystem");
        section(out, "Capabilities", capabilities, "LXC's or Proxmox's defaults");
        section(out, "Features", features, "none");
        section(out, "AppArmor and seccomp", relaxations, "the default confinement");
        if (!warnings.isEmpty()) {
            section(out, "Warnings", warnings, "");
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<String> items, String none) {
        out.append(title).append(':');
        if (items.isEmpty()) {
            out.append(' ').append(none).append(".\n");
            return;
        }
        out.append('\n');
        for (String item : items) {
            out.append("  - ").append(item).append('\n');
        }
    }
}
