package io.github.lxcconf.syntax;

/**
 * What a section of a Proxmox config holds.
 *
 * <pre>{@code
 * config.sections().stream().filter(s -> s.kind() == SectionKind.SNAPSHOT).count();
 * }</pre>
 */
public enum SectionKind {
    /** The running container's settings: everything before the first section header. */
    MAIN,
    /** A snapshot {@code [name]}: the settings as they were when it was taken. */
    SNAPSHOT,
    /** {@code [pve:pending]}: changes Proxmox applies at the next start. */
    PENDING
}
