package io.github.lxcconf.explain;

import io.github.lxcconf.model.Capability;

import java.util.Objects;
import java.util.Optional;

/**
 * One capability named by the {@code lxc.cap.drop} / {@code lxc.cap.keep} list the container ends up with:
 * dropped (the list is a drop list) or kept (a keep list: every capability it does not name is dropped), and
 * the line that named it last, in this config or in a file it includes (when the includes were read).
 *
 * <pre>{@code
 * LxcConfig c = LxcConfig.parseText("lxc.cap.drop = sys_time\n");
 * CapabilitySetting s = c.explain().summary().capabilitySettings().get(0);
 * s.capability();    // Capability.SYS_TIME
 * s.kept();          // false: dropped
 * s.includedFile();  // empty: this config's own line
 * s.line();          // 1
 * }</pre>
 *
 * @param capability   the capability
 * @param kept         true if the list is a keep list (the container keeps it), false if it drops it
 * @param includedFile the included file whose line names it (its path as read); empty for this config's own line
 * @param line         the number of that line in that file, from 1
 */
public record CapabilitySetting(Capability capability, boolean kept, Optional<String> includedFile, int line) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the line is below 1
     */
    public CapabilitySetting {
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(includedFile, "includedFile");
        if (line < 1) {
            throw new IllegalArgumentException("line " + line + " is below 1");
        }
    }
}
