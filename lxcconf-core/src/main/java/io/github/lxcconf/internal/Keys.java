package io.github.lxcconf.internal;

/** Character-level tests of keys and names, written out by hand: no regex on the per-line path. Not API. */
public final class Keys {
    private Keys() {
    }

    public static boolean isLower(char ch) {
        return ch >= 'a' && ch <= 'z';
    }

    public static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    public static boolean isLetter(char ch) {
        return isLower(ch) || (ch >= 'A' && ch <= 'Z');
    }

    public static boolean isBlank(char ch) {
        return ch == ' ' || ch == '\t';
    }

    /** {@code lxc.} at {@code from}, as liblxc tests it (the four characters are enough). */
    public static boolean startsWithLxc(String s, int from, int to) {
        return to - from >= 4 && s.startsWith("lxc.", from);
    }

    /** Proxmox option key: {@code [a-z][a-z_]*\d*}. */
    public static boolean isProxmoxOptionKey(String s, int from, int to) {
        if (from >= to || !isLower(s.charAt(from))) {
            return false;
        }
        int i = from + 1;
        while (i < to && (isLower(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        while (i < to && isDigit(s.charAt(i))) {
            i++;
        }
        return i == to;
    }

    /** Proxmox raw key: {@code lxc.[a-z0-9_.-]+}. */
    public static boolean isProxmoxLxcKey(String s, int from, int to) {
        if (to - from < 5 || !s.startsWith("lxc.", from)) {
            return false;
        }
        for (int i = from + 4; i < to; i++) {
            char ch = s.charAt(i);
            if (!(isLower(ch) || isDigit(ch) || ch == '_' || ch == '.' || ch == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Proxmox snapshot name in a header: a letter, then one or more of {@code [A-Za-z0-9_-]}. */
    public static boolean isSnapshotName(String s, int from, int to) {
        if (to - from < 2 || !isLetter(s.charAt(from))) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            char ch = s.charAt(i);
            if (!(isLetter(ch) || isDigit(ch) || ch == '_' || ch == '-')) {
                return false;
            }
        }
        return true;
    }

    /** {@code pve:pending} in any ASCII case (Proxmox matches bytes: no Unicode case folding). */
    public static boolean isPendingName(String s, int from, int to) {
        if (to - from != 11) {
            return false;
        }
        String pending = "pve:pending";
        for (int i = 0; i < 11; i++) {
            char ch = s.charAt(from + i);
            char lower = ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch;
            if (lower != pending.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public static boolean hasUpperCase(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                return true;
            }
        }
        return false;
    }

    public static int indexOf(String s, char ch, int from, int to) {
        int i = s.indexOf(ch, from);
        return i >= 0 && i < to ? i : -1;
    }
}
