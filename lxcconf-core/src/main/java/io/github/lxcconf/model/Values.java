package io.github.lxcconf.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Small parsers shared by the views: C-style numbers, blanks, addresses. */
final class Values {
    /** 2^64 - 1, the largest C unsigned long on the 64-bit hosts LXC runs on. */
    static final BigInteger ULONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    /** 2^32 - 1, the largest C unsigned int. */
    static final BigInteger UINT_MAX = BigInteger.valueOf(0xFFFF_FFFFL);

    private Values() {
    }

    /** Shared instances of the small numbers device rules and mount entries hold by the thousand. */
    private static final OptionalInt[] SMALL = new OptionalInt[1024];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = OptionalInt.of(i);
        }
    }

    /**
     * Returns {@code OptionalInt.of(n)}, one shared instance for each of 0 to 1023: a large config holds tens of
     * thousands of device numbers and dump/pass fields, mostly small.
     */
    static OptionalInt optionalInt(int n) {
        return n >= 0 && n < SMALL.length ? SMALL[n] : OptionalInt.of(n);
    }

    /** Mount options and file system types that mount entries repeat, kept once each. */
    private static final Map<String, String> WORDS = new HashMap<>();

    static {
        for (String w : List.of("none", "bind", "rbind", "ro", "rw", "optional", "create=dir", "create=file",
                "nosuid", "nodev", "noexec", "relatime", "noatime", "defaults", "proc", "sysfs", "tmpfs", "devpts",
                "cgroup", "cgroup2", "mqueue", "fuse", "overlay", "ext4", "xfs", "btrfs", "auto")) {
            WORDS.put(w, w);
        }
    }

    /**
     * Returns the shared instance of a common mount option or file system type, or the word itself: a large
     * config's mount entries otherwise hold a copy of {@code none}, {@code bind} and {@code create=dir} each.
     */
    static String word(String w) {
        return WORDS.getOrDefault(w, w);
    }

    /** Space or tab: the blanks liblxc splits list values on. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** The characters C's isspace() accepts. */
    static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Splits on runs of space and tab; no empty tokens. */
    static List<String> splitBlanks(String s) {
        List<String> out = new ArrayList<>();
        splitBlanks(s, out, null);
        return out;
    }

    /** A word of a list value and where it starts in the value. */
    record Word(String text, int index) { }

    /** Splits on runs of space and tab as {@link #splitBlanks(String)} does, keeping where each word starts. */
    static List<Word> words(String s) {
        List<Word> out = new ArrayList<>();
        splitBlanks(s, null, out);
        return out;
    }

    /** The one scan of both: adds each word to {@code texts}, or with its start to {@code words}. */
    private static void splitBlanks(String s, List<String> texts, List<Word> words) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && isBlank(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isBlank(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                String text = s.substring(start, i);
                if (texts != null) {
                    texts.add(text);
                } else {
                    words.add(new Word(text, start));
                }
            }
        }
    }

    /**
     * Reads an unsigned number as C's strtoul with base 0 does, as a whole
     * string: leading blanks and one {@code +} allowed, {@code -} refused,
     * {@code 0x} hexadecimal, a leading {@code 0} octal, otherwise decimal.
     *
     * @return the number, or empty if the text is not such a number
     */
    static Optional<BigInteger> cUnsigned(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && isCSpace(s.charAt(i))) {
            i++;
        }
        if (i < n && s.charAt(i) == '+') {
            i++;
        }
        if (i >= n) {
            return Optional.empty();
        }
        int radix = 10;
        if (s.charAt(i) == '0' && i + 2 < n && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && Character.digit(s.charAt(i + 2), 16) >= 0) {
            radix = 16;
            i += 2;
        } else if (s.charAt(i) == '0') {
            radix = 8;
        }
        for (int j = i; j < n; j++) {
            if (Character.digit(s.charAt(j), radix) < 0 || s.charAt(j) > 'f') {
                return Optional.empty();
            }
        }
        int significant = i;
        while (significant < n && s.charAt(significant) == '0') {
            significant++;
        }
        if (n - significant > 22) {
            // past any 64-bit value in every base; BigInteger's parse of a long digit string is not linear
            return Optional.of(OVERFLOW);
        }
        int maxLongDigits = radix == 10 ? 18 : radix == 16 ? 15 : 20; // each below 2^63
        if (n - i <= maxLongDigits) {
            // most values are short: no BigInteger parse, no substring
            return Optional.of(BigInteger.valueOf(Long.parseLong(s, i, n, radix)));
        }
        return Optional.of(new BigInteger(s.substring(i), radix));
    }

    /** A number past 2^64 that stands for every longer digit string, all of which overflow C's unsigned long. */
    private static final BigInteger OVERFLOW = BigInteger.ONE.shiftLeft(80);

    /** Reads a C unsigned int (base 0) that must be 0 or 1: liblxc's booleans. */
    static Optional<Boolean> cBoolean(String s) {
        Optional<BigInteger> n = cUnsigned(s);
        if (n.isEmpty() || n.get().compareTo(BigInteger.ONE) > 0) {
            return Optional.empty();
        }
        return Optional.of(n.get().signum() == 1);
    }

    /** Returns whether the text is only ASCII digits, at least one. */
    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** An IPv4 address as inet_pton reads it: four decimal parts 0-255, no leading zeros. */
    static boolean isIpv4(String s) {
        return isIpv4(s, 0, s.length());
    }

    /** {@link #isIpv4(String)} of {@code s[from, to)}, without cutting it: every address line asks. */
    private static boolean isIpv4(String s, int from, int to) {
        int parts = 0;
        int i = from;
        while (true) {
            int start = i;
            int value = 0;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
                if (i - start > 3) {
                    return false;
                }
            }
            int length = i - start;
            if (length == 0 || (length > 1 && s.charAt(start) == '0') || value > 255) {
                return false;
            }
            parts++;
            if (i == to) {
                return parts == 4;
            }
            if (s.charAt(i) != '.' || parts == 4) {
                return false;
            }
            i++;
        }
    }

    /** An IPv6 address as inet_pton reads it: eight groups, one {@code ::}, an IPv4 tail allowed. */
    static boolean isIpv6(String s) {
        int n = s.length();
        int dc = s.indexOf("::");
        if (dc >= 0 && s.indexOf("::", dc + 1) >= 0) {
            return false;
        }
        if (dc < 0) {
            return groupCount(s, 0, n, true) == 8;
        }
        int left = groupCount(s, 0, dc, dc + 2 == n);
        int right = groupCount(s, dc + 2, n, true);
        return left >= 0 && right >= 0 && left + right <= 7;
    }

    /**
     * Counts the ':'-separated groups of {@code s[from, to)} (none when it is empty), an IPv4 tail as two when
     * this range holds the address's last group; -1 when a group is no 1 to 4 hex digits.
     */
    private static int groupCount(String s, int from, int to, boolean holdsLast) {
        if (from == to) {
            return 0;
        }
        int count = 0;
        int start = from;
        while (true) {
            int end = s.indexOf(':', start);
            if (end < 0 || end > to) {
                end = to;
            }
            int dot = s.indexOf('.', start);
            if (holdsLast && end == to && dot >= 0 && dot < to) {
                if (!isIpv4(s, start, end)) {
                    return -1;
                }
                count += 2;
            } else if (end == start || end - start > 4 || !isHex(s, start, end)) {
                return -1;
            } else {
                count++;
            }
            if (end == to) {
                return count;
            }
            start = end + 1;
        }
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') {
                return false;
            }
        }
        return true;
    }

    /** Returns the number of UTF-8 bytes of a string. */
    static int utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** Refuses characters no single config line can hold. */
    static String checkText(String what, String text) {
        java.util.Objects.requireNonNull(text, what);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                throw new IllegalArgumentException(what + " contains a line break at index " + i);
            }
            if (c == 0) {
                throw new IllegalArgumentException(what + " contains a NUL character at index " + i);
            }
        }
        return text;
    }

    /**
     * Normalises a path as liblxc 5.0.2 does for its path keys: runs of {@code /} become one, {@code .}
     * components and a trailing {@code /} go, {@code ..} stays; {@code /} stays {@code /}, and a relative path
     * of only {@code .} components becomes {@code .}.
     */
    static String simplifyPath(String path) {
        if (path.isEmpty()) {
            return "";
        }
        boolean absolute = path.charAt(0) == '/';
        StringBuilder sb = new StringBuilder();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (sb.length() > 0 || absolute) {
                sb.append('/');
            }
            sb.append(part);
        }
        if (sb.length() == 0) {
            return absolute ? "/" : ".";
        }
        return sb.toString();
    }
}
