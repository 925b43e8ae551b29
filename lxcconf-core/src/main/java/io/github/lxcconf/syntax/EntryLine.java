package io.github.lxcconf.syntax;

/**
 * A setting: {@code lxc.key = value} (LXC), {@code key: value} (a Proxmox
 * option) or a raw {@code lxc.*} line in a Proxmox file.
 *
 * <p>The line is stored as its parts, which join back to the exact text:
 * {@code indent | key | beforeSeparator | separator | afterSeparator | valueRaw | trailing | eol}.
 * {@link #valueRaw()} is the value as written; {@link #value()} is the value
 * as liblxc or Proxmox reads it.
 *
 * <pre>{@code
 * EntryLine e = (EntryLine) LxcConfig.parseText("lxc.uts.name = \"web1\"\n").lines().get(0);
 * e.key();            // "lxc.uts.name"
 * e.separator();      // "="
 * e.valueRaw();       // "\"web1\""
 * e.value();          // "web1"
 * e.valueColumn();    // 16
 * }</pre>
 */
public final class EntryLine extends Line {
    private final int keyEnd;
    private final int sepStart;
    private final int valueStart;
    private final int valueEnd;

    EntryLine(String src, int start, int indentEnd, int keyEnd, int sepStart, int valueStart, int valueEnd,
              int contentEnd, int end) {
        super(src, start, indentEnd, contentEnd, end);
        this.keyEnd = keyEnd;
        this.sepStart = sepStart;
        this.valueStart = valueStart;
        this.valueEnd = valueEnd;
    }

    int keyEnd() {
        return keyEnd;
    }

    int sepStart() {
        return sepStart;
    }

    int valueStart() {
        return valueStart;
    }

    int valueEnd() {
        return valueEnd;
    }

    /**
     * Returns the key as liblxc or Proxmox reads it: the text before the
     * separator, without the blanks around it.
     *
     * @return the key, such as {@code "lxc.cgroup2.devices.allow"} or {@code "net0"}
     */
    public String key() {
        return src.substring(indentEnd, keyEnd);
    }

    /**
     * Returns whether this is a raw LXC key ({@code lxc.} followed by more).
     *
     * @return {@code true} for {@code lxc.*} keys
     */
    public boolean isLxcKey() {
        return keyEnd - indentEnd > 4 && src.startsWith("lxc.", indentEnd);
    }

    /**
     * Returns the blanks between the key and the separator.
     *
     * @return spaces and tabs, often empty
     */
    public String beforeSeparator() {
        return src.substring(keyEnd, sepStart);
    }

    /**
     * Returns the separator: {@code "="} or {@code ":"}.
     *
     * @return the one-character separator
     */
    public String separator() {
        return src.substring(sepStart, sepStart + 1);
    }

    /**
     * Returns the blanks between the separator and the value.
     *
     * @return spaces and tabs, often {@code " "}
     */
    public String afterSeparator() {
        return src.substring(sepStart + 1, valueStart);
    }

    /**
     * Returns the value exactly as written, without the blanks around it.
     * Quotes and a {@code # ...} after the value are part of it: neither
     * liblxc nor Proxmox has inline comments.
     *
     * @return the raw value, possibly empty
     */
    public String valueRaw() {
        return src.substring(valueStart, valueEnd);
    }

    /**
     * Returns the blanks after the value, before the line end. In a native LXC config, a line that holds the
     * file's first NUL byte ends there for liblxc: the NUL and what follows it on the line are trailing text.
     *
     * @return spaces and tabs (or the unread rest of a line cut by a NUL byte), usually empty
     */
    public String trailing() {
        return src.substring(valueEnd, contentEnd);
    }

    /**
     * Returns the value as it is read. For {@code lxc.*} keys that is what
     * liblxc stores: one pair of matching outer quotes ({@code "..."} or
     * {@code '...'}) is removed, nothing else. Proxmox options are never
     * unquoted, so for them this is {@link #valueRaw()}.
     *
     * <pre>{@code
     * lxc.init.cmd = '/sbin/init x'   ->  /sbin/init x
     * lxc.uts.name = "unbalanced      ->  "unbalanced
     * hostname: "ct100"               ->  "ct100"
     * }</pre>
     *
     * @return the interpreted value, possibly empty (an empty value clears)
     */
    public String value() {
        if (isLxcKey() && valueEnd - valueStart >= 2) {
            char first = src.charAt(valueStart);
            if ((first == '"' || first == '\'') && src.charAt(valueEnd - 1) == first) {
                return src.substring(valueStart + 1, valueEnd - 1);
            }
        }
        return valueRaw();
    }

    /**
     * Returns the 1-based column of the key's first character, in code points.
     *
     * @return the key's column
     */
    public int keyColumn() {
        return columnOf(indentEnd);
    }

    /**
     * Returns the 1-based column of the separator, in code points.
     *
     * @return the separator's column
     */
    public int separatorColumn() {
        return columnOf(sepStart);
    }

    /**
     * Returns the 1-based column where the raw value starts, in code points.
     * For an empty value, the column just after the blanks that follow the separator.
     *
     * @return the value's column
     */
    public int valueColumn() {
        return columnOf(valueStart);
    }
}
