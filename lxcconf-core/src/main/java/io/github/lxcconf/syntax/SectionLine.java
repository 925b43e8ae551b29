package io.github.lxcconf.syntax;

/**
 * A Proxmox section header: {@code [snapname]} or {@code [pve:pending]}.
 *
 * <p>Only headers Proxmox accepts become section lines; others (such as the
 * one-letter {@code [a]}) are {@link UnknownLine}s, and the lines after them
 * stay in the previous section, as in Proxmox.
 *
 * <pre>{@code
 * SectionLine s = (SectionLine) LxcConfig.parseText("[snap1]\n").lines().get(0);
 * s.name();  // "snap1"
 * s.kind();  // SectionKind.SNAPSHOT
 * }</pre>
 */
public final class SectionLine extends Line {
    private final int nameStart;
    private final int nameEnd;
    private final SectionKind kind;

    SectionLine(String src, int start, int nameStart, int nameEnd, int contentEnd, int end, SectionKind kind) {
        super(src, start, start, contentEnd, end);
        this.nameStart = nameStart;
        this.nameEnd = nameEnd;
        this.kind = kind;
    }

    int nameStart() {
        return nameStart;
    }

    int nameEnd() {
        return nameEnd;
    }

    /**
     * Returns the name between the brackets as written ({@code "pve:pending"} keeps its case).
     *
     * @return the section name
     */
    public String name() {
        return src.substring(nameStart, nameEnd);
    }

    /**
     * Returns {@link SectionKind#SNAPSHOT} or {@link SectionKind#PENDING}.
     *
     * @return the kind of section this header opens
     */
    public SectionKind kind() {
        return kind;
    }
}
