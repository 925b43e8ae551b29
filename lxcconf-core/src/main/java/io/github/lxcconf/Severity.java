package io.github.lxcconf;

/**
 * How serious a {@link Diagnostic} is.
 *
 * <pre>{@code
 * boolean broken = config.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR);
 * }</pre>
 */
public enum Severity {
    /** liblxc or Proxmox refuses the file, or drops the line. */
    ERROR,
    /** Accepted, but almost certainly not what the author meant. */
    WARNING,
    /** Worth knowing; nothing is wrong. */
    INFO;

    /**
     * Returns the lower-case word used in compiler-style messages.
     *
     * <pre>{@code
     * Severity.ERROR.label(); // "error"
     * }</pre>
     *
     * @return {@code "error"}, {@code "warning"} or {@code "info"}
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
