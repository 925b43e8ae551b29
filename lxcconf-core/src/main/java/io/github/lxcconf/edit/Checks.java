package io.github.lxcconf.edit;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.internal.Keys;

import java.util.Objects;
import java.util.Set;

/**
 * What the editor refuses: keys and values that would inject a line end or a
 * control character, or that liblxc or Proxmox would not read back as given.
 * Every refusal is an {@link IllegalArgumentException} that says what and where.
 */
final class Checks {
    /** Option keys Proxmox keeps for itself; written into a file they are dropped or make Proxmox fail. */
    private static final Set<String> PROXMOX_INTERNAL = Set.of("digest", "snapname", "pending", "snapshots", "lxc",
            "env");

    private Checks() {
    }

    static String value(String value) {
        Objects.requireNonNull(value, "value");
        checkCharacters("value", value);
        if (!value.isEmpty() && Keys.isBlank(value.charAt(0))) {
            throw new IllegalArgumentException("value starts with a blank, which would be trimmed when the file is read:"
                    + " '" + value + "'");
        }
        if (!value.isEmpty() && Keys.isBlank(value.charAt(value.length() - 1))) {
            throw new IllegalArgumentException("value ends with a blank, which would be trimmed when the file is read:"
                    + " '" + value + "'");
        }
        return value;
    }

    static String key(String key, Dialect dialect, boolean inPending) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key is empty");
        }
        checkCharacters("key", key);
        for (int i = 0; i < key.length(); i++) {
            char ch = key.charAt(i);
            if (Character.isWhitespace(ch) || Character.isSpaceChar(ch)) {
                throw new IllegalArgumentException("key contains a blank at index " + i + ": '" + key + "'");
            }
            if (ch == '=' || ch == ':') {
                throw new IllegalArgumentException("key contains '" + ch + "' at index " + i + ": '" + key + "'");
            }
            if (ch == '#' || ch == '[' || ch == ']') {
                throw new IllegalArgumentException("key contains '" + ch + "' at index " + i + ": '" + key + "'");
            }
        }
        boolean lxc = key.startsWith("lxc.") && key.length() > 4;
        if (dialect == Dialect.LXC) {
            if (!lxc) {
                throw new IllegalArgumentException("'" + key + "' is not an LXC key: keys start with 'lxc.'");
            }
            return key;
        }
        if (lxc) {
            if (!Keys.isProxmoxLxcKey(key, 0, key.length())) {
                throw new IllegalArgumentException("'" + key + "' is not a raw key Proxmox reads: 'lxc.' followed by"
                        + " lower-case letters, digits, '_', '.' and '-'");
            }
            return key;
        }
        if (!Keys.isProxmoxOptionKey(key, 0, key.length())) {
            throw new IllegalArgumentException("'" + key + "' is not a Proxmox option key: lower-case letters and '_',"
                    + " optionally followed by digits");
        }
        if (PROXMOX_INTERNAL.contains(key)) {
            throw new IllegalArgumentException("'" + key + "' is kept by Proxmox for itself and cannot be written");
        }
        if (key.equals("delete") && !inPending) {
            throw new IllegalArgumentException("'delete' is only read inside [pve:pending]");
        }
        return key;
    }

    static String comment(String text) {
        checkCharacters("comment", text);
        return text;
    }

    static String snapshotName(String name) {
        Objects.requireNonNull(name, "name");
        checkCharacters("snapshot name", name);
        if (!Keys.isSnapshotName(name, 0, name.length()) || name.length() > 40) {
            throw new IllegalArgumentException("'" + name + "' is not a snapshot name: a letter followed by 1 to 39"
                    + " letters, digits, '_' or '-'");
        }
        return name;
    }

    private static void checkCharacters(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\n' || ch == '\r' || ch == '\u2028' || ch == '\u2029' || ch == '\u0085' || ch == '\u000B'
                    || ch == '\f') {
                throw new IllegalArgumentException(what + " contains a line break at index " + i);
            }
            if (ch == 0) {
                throw new IllegalArgumentException(what + " contains a NUL character at index " + i);
            }
            if ((ch < 0x20 && ch != '\t') || (ch >= 0x7F && ch <= 0x9F)) {
                throw new IllegalArgumentException(String.format("%s contains the control character U+%04X at index %d",
                        what, (int) ch, i));
            }
            if (Character.isHighSurrogate(ch) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                throw new IllegalArgumentException(what + " contains an unpaired surrogate at index " + i);
            }
        }
    }
}
