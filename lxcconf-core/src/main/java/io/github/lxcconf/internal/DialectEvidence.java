package io.github.lxcconf.internal;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.model.proxmox.OptionSchema;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What a config tells about its dialect, and the one decision made from it. Evidence, strongest first:
 * <ol>
 * <li>the path of a file: {@code /etc/pve/...} and a {@code VMID.conf} under a directory named {@code pve} are
 * Proxmox; {@code .../lxc/NAME/config} (such as {@code /var/lib/lxc/NAME/config}) and files under
 * {@code /etc/lxc/} or {@code /usr/share/lxc/config/} are native;</li>
 * <li>Proxmox option lines ({@code arch:}, {@code hostname:}, {@code rootfs:}, {@code netN:}, {@code mpN:},
 * {@code features:}, ...: keys of Proxmox's option table, in column 0, with {@code :} right after the key) and a
 * {@code [pve:pending]} header, each worth three lines;</li>
 * <li>the shape of the other lines: {@code lxc.key: value}, {@code word: value} (a key Proxmox does not know,
 * written like an option) and {@code [snapshot]} headers are Proxmox's, {@code lxc.key = value} native.</li>
 * </ol>
 * Without a path, the side with more weight wins; on a tie, Proxmox when it has an option line, else native.
 * The evidence is mixed when a native reading meets Proxmox-shaped lines, or a Proxmox reading decided by the
 * shape of raw lines alone meets native lines; {@link Checker} reports that as DIA001.
 */
public final class DialectEvidence {
    private static final int OPTION_WEIGHT = 3;

    /** Shapes of a column-0 line. */
    enum Shape {
        NATIVE, PVE_OPTION, PVE_WORD, PVE_RAW, PVE_SECTION, PVE_PENDING, OTHER
    }

    private int native_;
    private int options;
    private int raw;
    private int words;
    private int sections;
    private int pending;
    private int firstNative;
    private int firstProxmox;

    private DialectEvidence() {
    }

    /** Counts shapes line by line; call {@link #line} for each line in order. */
    static DialectEvidence start() {
        return new DialectEvidence();
    }

    /**
     * Returns the evidence of lines already built (an edited config's).
     *
     * @param lines the lines
     * @return the evidence
     */
    public static DialectEvidence of(java.util.List<io.github.lxcconf.syntax.Line> lines) {
        DialectEvidence e = start();
        for (int i = 0; i < lines.size(); i++) {
            io.github.lxcconf.syntax.Line line = lines.get(i);
            if (!(line instanceof io.github.lxcconf.syntax.CommentLine)
                    && !(line instanceof io.github.lxcconf.syntax.BlankLine)) {
                String content = line.content();
                e.line(content, 0, content.length(), i + 1);
            }
        }
        return e;
    }

    /**
     * Adds one line.
     *
     * @param s      the text
     * @param from   where the line starts
     * @param to     where its content ends (before the line end)
     * @param number its 1-based number
     */
    void line(String s, int from, int to, int number) {
        switch (shape(s, from, to)) {
            case NATIVE -> {
                native_++;
                firstNative = firstNative == 0 ? number : firstNative;
                return;
            }
            case PVE_OPTION -> options++;
            case PVE_RAW -> raw++;
            case PVE_WORD -> words++;
            case PVE_SECTION -> sections++;
            case PVE_PENDING -> pending++;
            default -> {
                return;
            }
        }
        firstProxmox = firstProxmox == 0 ? number : firstProxmox;
    }

    private int proxmoxWeight() {
        return OPTION_WEIGHT * (options + pending) + raw + words + sections;
    }

    /** The dialect the content alone points to. */
    Dialect byContent() {
        int pve = proxmoxWeight();
        if (pve != native_) {
            return pve > native_ ? Dialect.PROXMOX : Dialect.LXC;
        }
        return options + pending > 0 ? Dialect.PROXMOX : Dialect.LXC;
    }

    /**
     * Returns the dialect: the path's when it tells one, else the content's.
     *
     * @param path the file read, if any
     * @return the dialect
     */
    public Dialect decide(Optional<Path> path) {
        return byPath(path).orElseGet(this::byContent);
    }

    /**
     * Returns the line that makes the evidence mixed for a config read in this dialect, or 0 when it is not.
     *
     * @param dialect the dialect the config was read in
     * @param path    the file read, if any
     * @return the 1-based number of the first line of the other dialect's shape, or 0
     */
    public int mixedAt(Dialect dialect, Optional<Path> path) {
        if (dialect == Dialect.LXC) {
            return proxmoxWeight() > 0 ? firstProxmox : 0;
        }
        boolean decidedByShape = byPath(path).isEmpty() && options + pending == 0;
        return decidedByShape && native_ > 0 ? firstNative : 0;
    }

    /** How many native and Proxmox-shaped lines there are, for a message. */
    public String counts() {
        int pve = options + pending + raw + words + sections;
        return native_ + " native line" + (native_ == 1 ? "" : "s") + " ('lxc.key = value') and " + pve
                + " Proxmox line" + (pve == 1 ? "" : "s") + " (" + (options + words) + " option"
                + (options + words == 1 ? "" : "s") + ", " + raw + " 'lxc.key: value', " + (sections + pending) + " section header"
                + (sections + pending == 1 ? "" : "s") + ")";
    }

    /**
     * The dialect a file's path tells, if it tells one.
     *
     * @param path the file
     * @return the dialect, or empty
     */
    public static Optional<Dialect> byPath(Optional<Path> path) {
        if (path.isEmpty()) {
            return Optional.empty();
        }
        Path p = path.get().toAbsolutePath().normalize();
        String text = p.toString().replace('\\', '/');
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        if (text.startsWith("/etc/pve/")) {
            return name.endsWith(".conf") ? Optional.of(Dialect.PROXMOX) : Optional.empty();
        }
        if (name.matches("[0-9]+\\.conf")) {
            for (Path q = p.getParent(); q != null && q.getFileName() != null; q = q.getParent()) {
                if (q.getFileName().toString().toLowerCase(Locale.ROOT).equals("pve")) {
                    return Optional.of(Dialect.PROXMOX);
                }
            }
        }
        if (text.startsWith("/etc/lxc/") || text.startsWith("/usr/share/lxc/config/")) {
            return Optional.of(Dialect.LXC);
        }
        Path parent = p.getParent();
        Path grand = parent == null ? null : parent.getParent();
        if (name.equals("config") && grand != null && grand.getFileName() != null
                && grand.getFileName().toString().equals("lxc")) {
            return Optional.of(Dialect.LXC);
        }
        return Optional.empty();
    }

    /** The shape of a line, looked at from its first character (an indented line has none). */
    static Shape shape(String s, int from, int to) {
        if (from >= to) {
            return Shape.OTHER;
        }
        char c = s.charAt(from);
        if (c == '[') {
            int close = indexOf(s, ']', from + 1, to);
            if (close < 0 || !isBlankTo(s, close + 1, to)) {
                return Shape.OTHER;
            }
            if (Keys.isPendingName(s, from + 1, close)) {
                return Shape.PVE_PENDING;
            }
            return Keys.isSnapshotName(s, from + 1, close) ? Shape.PVE_SECTION : Shape.OTHER;
        }
        int k = from;
        while (k < to && isKeyChar(s.charAt(k))) {
            k++;
        }
        if (k == from) {
            return Shape.OTHER;
        }
        if (k - from > 4 && s.startsWith("lxc.", from)) {
            if (k < to && s.charAt(k) == ':') {
                return Shape.PVE_RAW;
            }
            int i = k;
            while (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            return i < to && s.charAt(i) == '=' ? Shape.NATIVE : Shape.OTHER;
        }
        if (k < to && s.charAt(k) == ':' && Keys.isProxmoxOptionKey(s, from, k)) {
            return OptionSchema.proxmox().option(s.substring(from, k)).isPresent() ? Shape.PVE_OPTION : Shape.PVE_WORD;
        }
        return Shape.OTHER;
    }

    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    private static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlankTo(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != ' ' && s.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }
}
