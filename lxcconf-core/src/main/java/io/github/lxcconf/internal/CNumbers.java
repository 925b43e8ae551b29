package io.github.lxcconf.internal;

import java.math.BigInteger;
import java.util.Optional;

/**
 * C's number parsing as liblxc calls it ({@code strtoul}, {@code strtoll} and liblxc's {@code lxc_safe_uint},
 * {@code lxc_safe_int}, {@code lxc_safe_long_long} around them), in time linear in the length of the text:
 * digits past 2^64 are scanned, not accumulated. Not API.
 *
 * <pre>{@code
 * CNumbers.safeUint("010");  // Optional[8]: base 0, a leading 0 is octal
 * CNumbers.safeUint("08");   // empty: '8' is no octal digit
 * }</pre>
 */
public final class CNumbers {
    /** 2^64: any magnitude this large or larger is past every C integer type. */
    public static final BigInteger TOO_LARGE = BigInteger.ONE.shiftLeft(64);
    public static final BigInteger UINT_MAX = BigInteger.valueOf(0xFFFF_FFFFL);
    public static final BigInteger ULONG_MAX = TOO_LARGE.subtract(BigInteger.ONE);
    public static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    public static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    public static final BigInteger LLONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    public static final BigInteger LLONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    private CNumbers() {
    }

    /**
     * What {@code strtoul}/{@code strtol} read from {@code from}: the sign, the magnitude (at most
     * {@link #TOO_LARGE}, which stands for every larger number), where reading stopped, and whether there was a
     * digit at all (without one, C's end pointer is the start of the text).
     */
    public record Scan(boolean negative, BigInteger magnitude, int end, boolean digits) {
        /** The signed value, with a too-large magnitude kept as {@code ±2^64}. */
        public BigInteger value() {
            return negative ? magnitude.negate() : magnitude;
        }
    }

    /** C's isspace() in the "C" locale. */
    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Skips what C's isspace() calls white space. */
    public static int skipSpace(String s, int from) {
        int i = from;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Reads a number as {@code strtoul(s + from, &end, base)} does, for base 0, 8, 10 or 16. */
    public static Scan scan(String s, int from, int base) {
        int i = skipSpace(s, from);
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int radix = base;
        if ((base == 0 || base == 16) && i + 1 < s.length() && s.charAt(i) == '0'
                && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < s.length() && Character.digit(s.charAt(i + 2), 16) >= 0 && s.charAt(i + 2) < 0x80) {
            radix = 16;
            i += 2;
        } else if (base == 0) {
            radix = i < s.length() && s.charAt(i) == '0' ? 8 : 10;
        }
        BigInteger r = BigInteger.valueOf(radix);
        BigInteger magnitude = BigInteger.ZERO;
        int start = i;
        while (i < s.length()) {
            char c = s.charAt(i);
            int d = c < 0x80 ? Character.digit(c, radix) : -1;
            if (d < 0) {
                break;
            }
            if (magnitude.compareTo(TOO_LARGE) < 0) {
                magnitude = magnitude.multiply(r).add(BigInteger.valueOf(d));
                if (magnitude.compareTo(TOO_LARGE) > 0) {
                    magnitude = TOO_LARGE;
                }
            }
            i++;
        }
        boolean digits = i > start;
        return new Scan(negative, magnitude, digits ? i : from, digits);
    }

    /**
     * liblxc's {@code lxc_safe_uint}: leading white space, no '-', base 0, nothing after the number, at most
     * 4294967295.
     */
    public static Optional<BigInteger> safeUint(String s) {
        return safeUnsigned(s, UINT_MAX);
    }

    /** liblxc's {@code lxc_safe_ulong}: as {@link #safeUint(String)}, up to 2^64 - 1. */
    public static Optional<BigInteger> safeUlong(String s) {
        return safeUnsigned(s, ULONG_MAX);
    }

    private static Optional<BigInteger> safeUnsigned(String s, BigInteger max) {
        int i = skipSpace(s, 0);
        if (i < s.length() && s.charAt(i) == '-') {
            return Optional.empty();
        }
        Scan scan = scan(s, i, 0);
        if (!scan.digits() || scan.end() != s.length() || scan.magnitude().compareTo(max) > 0) {
            return Optional.empty();
        }
        return Optional.of(scan.negative() ? BigInteger.ZERO : scan.magnitude());
    }

    /** liblxc's {@code lxc_safe_int}: base 0, nothing after the number, within C's int. */
    public static Optional<BigInteger> safeInt(String s) {
        return safeSigned(s, INT_MIN, INT_MAX);
    }

    /** liblxc's {@code lxc_safe_long_long}: base 0, nothing after the number, within C's long long. */
    public static Optional<BigInteger> safeLongLong(String s) {
        return safeSigned(s, LLONG_MIN, LLONG_MAX);
    }

    private static Optional<BigInteger> safeSigned(String s, BigInteger min, BigInteger max) {
        Scan scan = scan(s, 0, 0);
        BigInteger v = scan.value();
        if (!scan.digits() || scan.end() != s.length() || v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** How a key whose setter ignores a failed {@code lxc_safe_uint} takes a value. */
    public enum Lenient {
        /** The number is stored. */
        TAKEN,
        /** liblxc loads the file and keeps the value it had: the text is no number it can store. */
        IGNORED,
        /** liblxc refuses the file. */
        REFUSED,
        /**
         * A '-' sign: {@code lxc_safe_uint} fails without setting errno, and liblxc refuses the file only when
         * errno still holds an error from what ran before the line (the loading process, earlier lines), so the
         * outcome is not decided by the value.
         */
        SIGN
    }

    /**
     * How liblxc 5.0 takes a value for {@code lxc.init.uid}, {@code lxc.init.gid}, {@code lxc.hook.version} and
     * {@code lxc.seccomp.allow_nesting}: their setters return a bare -1 when {@code lxc_safe_uint} fails, and
     * the load only fails where errno was set: a number past 2^64 - 1, or (for the 0-or-1 keys) a valid number
     * above {@code max}. A '-' sign sets no errno: the load fails only where errno was left set before the line
     * ({@link Lenient#SIGN}). Anything else that is no number is ignored.
     */
    public static Lenient lenientUint(String s, BigInteger max) {
        int i = skipSpace(s, 0);
        if (i < s.length() && s.charAt(i) == '-') {
            return Lenient.SIGN;
        }
        if (scan(s, i, 0).magnitude().compareTo(TOO_LARGE) >= 0) {
            return Lenient.REFUSED;
        }
        Optional<BigInteger> v = safeUint(s);
        if (v.isEmpty()) {
            return Lenient.IGNORED;
        }
        return v.get().compareTo(max) > 0 ? Lenient.REFUSED : Lenient.TAKEN;
    }
}
