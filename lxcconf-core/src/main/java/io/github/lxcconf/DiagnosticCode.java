package io.github.lxcconf;

/**
 * The stable codes of every {@link Diagnostic} lxcconf reports: one table, one
 * place. A code never changes meaning; new problems get new codes.
 *
 * <pre>{@code
 * config.diagnostics().stream()
 *       .filter(d -> d.code() == DiagnosticCode.LXC_INVALID_LINE)
 *       .forEach(System.out::println);
 * }</pre>
 */
public enum DiagnosticCode {
    // ---- native LXC (what liblxc does while reading a file) ----
    /** A line starting with {@code lxc.} has no {@code =}: liblxc stops reading the file with "Invalid configuration line". */
    LXC_INVALID_LINE("LXC001", Severity.ERROR, "lxc.* line without '='"),
    /** liblxc silently ignores a line that does not start with {@code lxc.} after leading blanks. */
    LXC_IGNORED_LINE("LXC002", Severity.WARNING, "line ignored by liblxc"),
    /** liblxc stops reading at a NUL byte; the rest of the file is ignored. */
    LXC_NUL_BYTE("LXC003", Severity.WARNING, "NUL byte ends the file for liblxc"),
    /** A UTF-8 byte-order mark makes liblxc ignore the first line. */
    LXC_BOM("LXC004", Severity.WARNING, "byte-order mark hides the first line from liblxc"),

    // ---- Proxmox VE (what parse_pct_config does) ----
    /** Proxmox cannot parse the line: it warns and drops it on its next write. */
    PVE_UNPARSABLE_LINE("PVE001", Severity.ERROR, "line Proxmox cannot parse"),
    /** A section header Proxmox does not accept; the lines below it stay in the previous section. */
    PVE_BAD_SECTION_HEADER("PVE002", Severity.ERROR, "section header Proxmox does not accept"),
    /** {@code delete:} is only read inside {@code [pve:pending]}; elsewhere Proxmox drops it. */
    PVE_DELETE_OUTSIDE_PENDING("PVE003", Severity.ERROR, "delete: outside [pve:pending]"),
    /** A key Proxmox keeps for itself ({@code digest}, {@code snapname}, {@code pending}, ...). */
    PVE_INTERNAL_KEY("PVE004", Severity.ERROR, "internal Proxmox key written into the file"),
    /** A second section with the same name replaces the first one completely. */
    PVE_DUPLICATE_SECTION("PVE005", Severity.WARNING, "section appears twice"),
    /** Proxmox splits lines on LF only, so a lone CR stays inside the line. */
    PVE_LONE_CR("PVE006", Severity.WARNING, "lone CR line end"),
    /** An option whose value is only blanks: Proxmox stores the blanks and its type check fails. */
    PVE_BLANK_VALUE("PVE007", Severity.WARNING, "option value is only blanks"),

    // ---- values of lxc.* keys, read by the typed views (io.github.lxcconf.model) ----
    // (LXC1xx codes go here)

    // ---- Proxmox option values and property strings (io.github.lxcconf.model.proxmox) ----
    // (PVE1xx codes go here)

    // ---- bytes and characters ----
    /** The file is not valid UTF-8; it is kept byte for byte. */
    ENC_INVALID_UTF8("ENC001", Severity.WARNING, "not valid UTF-8"),
    /** A control character other than TAB inside a line. */
    ENC_CONTROL_CHARACTER("ENC002", Severity.WARNING, "control character inside a line"),

    // ---- lxcconf itself ----
    /** The reader met input it could not structure; the text is kept verbatim. Please report it. */
    INTERNAL("LXCCONF001", Severity.ERROR, "internal parser problem");

    private final String id;
    private final Severity severity;
    private final String title;

    DiagnosticCode(String id, Severity severity, String title) {
        this.id = id;
        this.severity = severity;
        this.title = title;
    }

    /**
     * Returns the stable identifier printed in brackets after a message.
     *
     * <pre>{@code
     * DiagnosticCode.LXC_INVALID_LINE.id(); // "LXC001"
     * }</pre>
     *
     * @return the identifier, such as {@code "PVE001"}
     */
    public String id() {
        return id;
    }

    /**
     * Returns the severity diagnostics with this code have unless stated otherwise.
     *
     * @return the default severity
     */
    public Severity defaultSeverity() {
        return severity;
    }

    /**
     * Returns a short title for documentation tables.
     *
     * @return the title, such as {@code "line ignored by liblxc"}
     */
    public String title() {
        return title;
    }
}
