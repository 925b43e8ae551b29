package io.github.lxcconf.internal;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.Severity;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.SectionKind;
import io.github.lxcconf.syntax.SectionLine;
import io.github.lxcconf.syntax.UnknownLine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The syntax-level diagnostics of a list of lines: lines that are not read,
 * characters liblxc or Proxmox treat specially, sections Proxmox merges.
 * Derived from the lines alone, so an edited document gets them the same way.
 */
public final class Checker {
    private static final Set<String> CRASHING_KEYS = Set.of("pending", "snapshots", "lxc");
    private static final Set<String> DROPPED_KEYS = Set.of("digest", "snapname");

    private final Dialect dialect;
    private final String source;
    private final List<Diagnostic> out = new ArrayList<>();

    private Checker(Dialect dialect, String source) {
        this.dialect = dialect;
        this.source = source;
    }

    /**
     * Computes the diagnostics of a document.
     *
     * @param lines             the lines
     * @param dialect           the dialect they were read in
     * @param source            the name printed before each diagnostic
     * @return the diagnostics in line order
     */
    public static List<Diagnostic> check(List<Line> lines, Dialect dialect, String source) {
        return check(lines, dialect, source, Optional.empty(), Optional.empty());
    }

    /**
     * Computes the diagnostics of a document, with DIA001 where its dialect was detected from mixed evidence.
     *
     * @param lines    the lines
     * @param dialect  the dialect they were read in
     * @param source   the name printed before each diagnostic
     * @param path     the file they were read from, if any
     * @param evidence what the lines told about the dialect, when it was detected rather than given by the caller
     * @return the diagnostics in line order
     */
    public static List<Diagnostic> check(List<Line> lines, Dialect dialect, String source,
                                         Optional<java.nio.file.Path> path, Optional<DialectEvidence> evidence) {
        Checker c = new Checker(dialect, source);
        c.run(lines);
        evidence.ifPresent(e -> c.mixedDialect(e, path));
        List<Diagnostic> out = new ArrayList<>(c.out);
        out.sort(java.util.Comparator.comparingInt(Diagnostic::line));
        return List.copyOf(out);
    }

    private void mixedDialect(DialectEvidence e, Optional<java.nio.file.Path> path) {
        int at = e.mixedAt(dialect, path);
        if (at == 0) {
            return;
        }
        boolean byPath = DialectEvidence.byPath(path).isPresent();
        String why = byPath ? "its path" : "the majority of its lines";
        if (dialect == Dialect.LXC) {
            add(DiagnosticCode.DIALECT_MIXED, Severity.WARNING, at, 1, "this file has " + e.counts()
                            + "; it is read as a native LXC config because of " + why + ", and liblxc refuses"
                            + " 'lxc.key: value' lines and ignores Proxmox options and section headers",
                    "in a native config write every setting as 'lxc.key = value'; if this is a Proxmox config"
                            + " (/etc/pve/lxc/VMID.conf), read it with Dialect.PROXMOX");
        } else {
            add(DiagnosticCode.DIALECT_MIXED, Severity.WARNING, at, 1, "this file has " + e.counts()
                            + "; it is read as a Proxmox config because of " + why + ", though it has no Proxmox"
                            + " option; liblxc itself refuses every 'lxc.key: value' line",
                    "if this is a native config (/var/lib/lxc/NAME/config), write 'lxc.key = value' and read it"
                            + " with Dialect.LXC; if it is a Proxmox config, read it with Dialect.PROXMOX");
        }
    }

    private void run(List<Line> lines) {
        boolean nulSeen = false;
        boolean invalidSeen = false;
        Set<String> snapshots = new HashSet<>();
        boolean pendingSeen = false;
        boolean proxmox = dialect == Dialect.PROXMOX;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            int number = i + 1;
            if (line instanceof UnknownLine u) {
                // a line that a NUL byte hides from liblxc is not reported: the NUL is, once, where it is
                if (u.code() != DiagnosticCode.LXC_NUL_BYTE) {
                    add(u.code(), u.severity(), number, u.problemColumn(), u.reason(), u.hint().orElse(null));
                }
            } else if (line instanceof SectionLine s && proxmox) {
                if (s.kind() == SectionKind.PENDING) {
                    if (pendingSeen) {
                        add(DiagnosticCode.PVE_DUPLICATE_SECTION, Severity.WARNING, number, 1,
                                "a second [pve:pending] section: Proxmox starts the pending changes over here"
                                        + " and the first section's content is lost",
                                "merge the two pending sections");
                    }
                    pendingSeen = true;
                } else if (!snapshots.add(s.name())) {
                    add(DiagnosticCode.PVE_DUPLICATE_SECTION, Severity.WARNING, number, 1,
                            "snapshot [" + s.name() + "] appears twice: Proxmox keeps only this second one",
                            "remove or rename one of the two sections");
                }
            } else if (line instanceof EntryLine e && proxmox && !e.isLxcKey()) {
                checkProxmoxOption(e, number);
            }
            if (proxmox && line.eol().equals("\r")) {
                add(DiagnosticCode.PVE_LONE_CR, Severity.WARNING, number, line.content().codePointCount(0,
                                line.content().length()) + 1,
                        "a lone CR ends this line, but Proxmox splits lines on LF only and reads it with the next line",
                        "use LF line ends");
            }
            if (LineSlices.factory().firstSpecialCharacter(line) >= 0) {
                if (!invalidSeen) {
                    invalidSeen = checkBytes(line, number);
                }
                nulSeen = checkCharacters(line, number, nulSeen);
            }
        }
    }

    /** Reports the first byte that was not UTF-8 (kept as a lone surrogate); returns whether there was one. */
    private boolean checkBytes(Line line, int number) {
        String content = line.content();
        for (int i = 0, n = content.length(); i < n; i++) {
            char ch = content.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(content.charAt(i + 1))) {
                i++;
            } else if (ch >= 0xDC80 && ch <= 0xDCFF) {
                add(DiagnosticCode.ENC_INVALID_UTF8, Severity.WARNING, number, content.codePointCount(0, i) + 1,
                        String.format("byte 0x%02X is not valid UTF-8: the file is kept byte for byte", ch & 0xFF),
                        "liblxc reads bytes and does not mind; Proxmox turns such bytes in comments into U+FFFD"
                                + " when it writes the file");
                return true;
            }
        }
        return false;
    }

    private void checkProxmoxOption(EntryLine e, int number) {
        String key = e.key();
        if (CRASHING_KEYS.contains(key)) {
            add(DiagnosticCode.PVE_INTERNAL_KEY, Severity.ERROR, number, 1,
                    "'" + key + "' is kept by Proxmox for itself; written into the file it makes Proxmox fail"
                            + " when it next writes the config",
                    "remove the line");
        } else if (DROPPED_KEYS.contains(key)) {
            add(DiagnosticCode.PVE_INTERNAL_KEY, Severity.WARNING, number, 1,
                    "'" + key + "' is kept by Proxmox for itself; it is ignored here and dropped on the next write",
                    "remove the line");
        } else if (e.valueRaw().isEmpty()) {
            add(DiagnosticCode.PVE_BLANK_VALUE, Severity.WARNING, number, e.valueColumn(),
                    "the value of '" + key + "' is only blanks: Proxmox stores them as the value and its type"
                            + " check fails",
                    "give a value, or remove the line");
        }
    }

    /** Reports the first NUL (LXC) or other control character of a line; returns whether a NUL was seen so far. */
    private boolean checkCharacters(Line line, int number, boolean nulSeen) {
        String content = line.content();
        int i = 0;
        while (i < content.length() && !isControl(content.charAt(i))) {
            i++;
        }
        if (i == content.length()) {
            return nulSeen;
        }
        char ch = content.charAt(i);
        int col = content.codePointCount(0, i) + 1;
        if (ch == 0 && dialect == Dialect.LXC) {
            if (!nulSeen) {
                add(DiagnosticCode.LXC_NUL_BYTE, Severity.WARNING, number, col,
                        "liblxc stops reading at this NUL byte: the rest of the file is ignored",
                        "remove the NUL byte");
            }
            return true;
        }
        add(DiagnosticCode.ENC_CONTROL_CHARACTER, Severity.WARNING, number, col,
                String.format("control character U+%04X inside the line", (int) ch),
                "remove it; config values never need control characters");
        return nulSeen;
    }

    private static boolean isControl(char ch) {
        return (ch < 0x20 && ch != '\t') || ch == 0x7F;
    }

    private void add(DiagnosticCode code, Severity severity, int line, int column, String message, String hint) {
        out.add(new Diagnostic(severity, code, message, Optional.ofNullable(hint), source, line, column));
    }
}
