package io.github.lxcconf.proxmox;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How Perl reads a stored option value: its truth and its number. */
final class PerlValues {
    private static final Pattern NUMERIC_PREFIX = Pattern.compile(
            "\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)");

    private PerlValues() {
    }

    /** Perl's truth: undef, the empty string and "0" are false. */
    static boolean isTrue(String value) {
        return value != null && !value.isEmpty() && !value.equals("0");
    }

    /** Perl's numeric value of a string: its leading number, else 0. */
    static BigDecimal number(String value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        Matcher m = NUMERIC_PREFIX.matcher(value);
        if (!m.lookingAt()) {
            return BigDecimal.ZERO;
        }
        String n = m.group(1);
        if (n.startsWith("+")) {
            n = n.substring(1);
        }
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        try {
            return new BigDecimal(n);
        } catch (NumberFormatException | ArithmeticException e) {
            return BigDecimal.ZERO;
        }
    }

    /** Perl's {@code int()}: truncates towards zero. */
    static BigInteger integer(BigDecimal value) {
        return value.setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    }

    /** Perl's {@code die} text of a string used as a reference: at most 32 characters, then "...". */
    static String quoted(String value) {
        return value.length() > 32 ? value.substring(0, 32) + "\"..." : value + "\"";
    }
}
