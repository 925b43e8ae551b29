package io.github.lxcconf.include;

import io.github.lxcconf.internal.SpecFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How liblxc stores each key (single, list, prefix family), from the key table {@code lxc-keys.tsv}. */
final class KeyKinds {
    enum Kind { SINGLE, LIST, PREFIX }

    static final Pattern NET = Pattern.compile("lxc\\.net\\.([0-9]+)(?:\\.(.+))?");

    private static final Map<String, Kind> EXACT = new HashMap<>();
    private static final List<String> PREFIXES = new ArrayList<>();

    /** What an empty value of a single-valued key means, from the grammar column of the key table. */
    record Empty(Optional<String> value, boolean refused, boolean clearsFirst, boolean invalidToo) {
        /** The usual meaning: the key is unset. */
        static final Empty UNSETS = new Empty(Optional.empty(), false, false, false);
    }

    /** "empty sets 0", "empty = 1 (default)", "empty resets to 0". */
    private static final Pattern EMPTY_VALUE = Pattern.compile("\\bempty (?:sets|=|resets to) ([0-9]+)");
    /** "invalid or empty value silently becomes 500000". */
    private static final Pattern INVALID_OR_EMPTY = Pattern.compile("\\binvalid or empty value silently becomes ([0-9]+)");
    /** "EMPTY VALUE IS AN ERROR". */
    private static final Pattern EMPTY_ERROR = Pattern.compile("EMPTY VALUE IS AN ERROR");
    /** A C integer as {@code strtol} with base 0 reads it in full. */
    private static final Pattern C_INTEGER = Pattern.compile("[+-]?(?:0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)");

    private static final Map<String, Empty> EMPTY = new HashMap<>();

    static {
        try (InputStream in = SpecFiles.open("lxc-keys.tsv")) {
            if (in == null) {
                throw new IllegalStateException("lxc-keys.tsv missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine(); // header
            for (String row = r.readLine(); row != null; row = r.readLine()) {
                String[] f = row.split("\t", -1);
                if (f.length < 2 || f[0].isBlank()) {
                    continue;
                }
                Kind kind = Kind.valueOf(f[1].trim().toUpperCase(java.util.Locale.ROOT));
                if (kind == Kind.SINGLE && f.length > 2) {
                    empty(f[0].trim(), f[2]);
                }
                if (kind == Kind.PREFIX) {
                    PREFIXES.add(f[0].trim());
                } else {
                    EXACT.put(f[0].trim(), kind);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PREFIXES.sort((a, b) -> b.length() - a.length());
    }

    private KeyKinds() {
    }

    private static void empty(String key, String grammar) {
        Matcher invalid = INVALID_OR_EMPTY.matcher(grammar);
        Matcher value = EMPTY_VALUE.matcher(grammar);
        if (invalid.find()) {
            EMPTY.put(key, new Empty(Optional.of(invalid.group(1)), false, false, true));
        } else if (value.find()) {
            EMPTY.put(key, new Empty(Optional.of(value.group(1)), false, false, false));
        } else if (EMPTY_ERROR.matcher(grammar).find()) {
            EMPTY.put(key, new Empty(Optional.empty(), true, grammar.contains("(after clearing"), false));
        }
    }

    /** What an empty value of this key means (for a single-valued key the table says something special about). */
    static Empty empty(String key) {
        return EMPTY.getOrDefault(tableKey(key), Empty.UNSETS);
    }

    /** The value liblxc keeps for a key whose table entry says an invalid value becomes the default. */
    static String effectiveValue(String key, String value) {
        Empty e = empty(key);
        if (value.isEmpty() || e.invalidToo() && !C_INTEGER.matcher(value).matches()) {
            return e.value().orElse(value);
        }
        return value;
    }

    /** The key with a network index written without leading zeros ({@code lxc.net.00.type} is {@code lxc.net.0.type}). */
    static String normalize(String key) {
        Matcher m = NET.matcher(key);
        if (!m.matches()) {
            return key;
        }
        String index = m.group(1).replaceFirst("^0+(?=.)", "");
        return "lxc.net." + index + (m.group(2) == null ? "" : "." + m.group(2));
    }

    /** The table's name for a key: {@code lxc.net.<N>.type} for {@code lxc.net.3.type}. */
    private static String tableKey(String key) {
        Matcher m = NET.matcher(key);
        if (m.matches() && m.group(2) != null) {
            return "lxc.net.<N>." + m.group(2);
        }
        return key;
    }

    static Kind kind(String key) {
        Kind exact = EXACT.get(tableKey(key));
        if (exact != null) {
            return exact;
        }
        return family(key).isEmpty() ? Kind.SINGLE : Kind.PREFIX;
    }

    /** The prefix family of a key ({@code lxc.sysctl} for {@code lxc.sysctl.net.ipv4.ip_forward}), or "". */
    static String family(String key) {
        for (String p : PREFIXES) {
            String bare = p.endsWith(".") ? p.substring(0, p.length() - 1) : p;
            if (key.equals(bare) || key.startsWith(bare + ".")) {
                return bare;
            }
        }
        return "";
    }
}
