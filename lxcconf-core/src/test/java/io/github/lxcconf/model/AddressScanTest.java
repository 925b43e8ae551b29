package io.github.lxcconf.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The address and number readers scan the value in place. They must answer as the plain readings below (split
 * into parts, then check each part), which follow inet_pton and strtoul, on every text.
 */
class AddressScanTest {

    @ParameterizedTest
    @CsvSource({"192.168.1.1, true", "10.0.0.200, true", "0.0.0.0, true", "255.255.255.255, true",
            "256.1.1.1, false", "01.2.3.4, false", "1.2.3, false", "1.2.3.4.5, false", "1.2.3., false",
            "1..3.4, false", "'1.2.3.4 ', false", "1.2.3.1000, false", "'', false"})
    void ipv4(String text, boolean valid) {
        assertThat(Values.isIpv4(text)).isEqualTo(valid).isEqualTo(splitIpv4(text));
    }

    @ParameterizedTest
    @CsvSource({"::1, true", "fe80::1, true", "1:2:3:4:5:6:7:8, true", "::ffff:1.2.3.4, true",
            "1:2:3:4:5:6:1.2.3.4, true", "1:2:3:4:5:6:7, false", "1::2::3, false", ":::1, false",
            "12345::1, false", "g::1, false", "1:2:3:4:5:6:7:8:9, false", "::1:, false", "'', false",
            "::, true", "1.2.3.4::, true"})
    void ipv6(String text, boolean valid) {
        assertThat(Values.isIpv6(text)).isEqualTo(valid).isEqualTo(splitIpv6(text));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "42, 42", "+42, 42", "' 7', 7", "0x1F, 31", "0777, 511", "18446744073709551615, "
            + "18446744073709551615", "999999999999999999, 999999999999999999", "0xFFFFFFFFFFFFFFF, "
            + "1152921504606846975", "07777777777777777777, 144115188075855871"})
    void unsignedNumbers(String text, String value) {
        assertThat(Values.cUnsigned(text)).contains(new BigInteger(value)).isEqualTo(bigIntegerReading(text));
    }

    @Test
    void everyGeneratedTextReadsAsThePlainReadings() {
        Random random = new Random(20261205);
        String alphabet = "0123456789abcdefABCDEFgx.:: \t\u0661\uff10+-";
        String[] seeds = {"192.168.1.1", "10.0.0.200", "::1", "fe80::1", "2001:db8::1:2:3:4:5", "1:2:3:4:5:6:7:8",
                "::ffff:1.2.3.4", "1:2:3:4:5:6:1.2.3.4", "0x1F", "0777", "12345678901234567890", "+42", " 7"};
        int checked = 0;
        int valid = 0;
        for (int k = 0; k < 200_000; k++) {
            StringBuilder b = new StringBuilder(random.nextBoolean() ? seeds[random.nextInt(seeds.length)] : "");
            for (int edits = random.nextInt(b.length() == 0 ? 20 : 4); edits >= 0; edits--) {
                int at = random.nextInt(b.length() + 1);
                if (at < b.length() && random.nextBoolean()) {
                    b.deleteCharAt(at);
                } else {
                    b.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String text = b.toString();
            assertThat(Values.isIpv4(text)).as("IPv4 %s", text).isEqualTo(splitIpv4(text));
            assertThat(Values.isIpv6(text)).as("IPv6 %s", text).isEqualTo(splitIpv6(text));
            assertThat(Values.cUnsigned(text)).as("number %s", text).isEqualTo(bigIntegerReading(text));
            checked++;
            valid += splitIpv4(text) || splitIpv6(text) || bigIntegerReading(text).isPresent() ? 1 : 0;
        }
        assertThat(checked).isEqualTo(200_000);
        assertThat(valid).as("the generator reaches valid texts too").isGreaterThan(20_000);
    }

    private static boolean splitIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (!Values.isDigits(p) || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')
                    || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean splitIpv6(String s) {
        int dc = s.indexOf("::");
        if (dc >= 0 && s.indexOf("::", dc + 1) >= 0) {
            return false;
        }
        List<String> groups = new ArrayList<>();
        if (dc >= 0) {
            groups.addAll(groups(s.substring(0, dc)));
            groups.addAll(groups(s.substring(dc + 2)));
        } else {
            groups.addAll(groups(s));
        }
        int count = 0;
        for (int i = 0; i < groups.size(); i++) {
            String g = groups.get(i);
            if (i == groups.size() - 1 && g.indexOf('.') >= 0) {
                if (!splitIpv4(g)) {
                    return false;
                }
                count += 2;
            } else if (g.isEmpty() || g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0
                    && c <= 'f')) {
                return false;
            } else {
                count++;
            }
        }
        return dc >= 0 ? count <= 7 : count == 8;
    }

    private static List<String> groups(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split(":", -1));
    }

    /** strtoul with base 0 over the whole text, as a pattern and BigInteger. */
    private static final Pattern C_UNSIGNED =
            Pattern.compile("[ \t\n\u000B\f\r]*\\+?(?:0[xX]([0-9a-fA-F]+)|(0[0-7]*)|([1-9][0-9]*))");

    private static Optional<BigInteger> bigIntegerReading(String s) {
        Matcher m = C_UNSIGNED.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        int radix = m.group(1) != null ? 16 : m.group(2) != null ? 8 : 10;
        String digits = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        // past 22 significant digits every base overflows 64 bits; the reader stands in 2^80 for all of them
        return Optional.of(digits.replaceFirst("^0+", "").length() > 22 ? BigInteger.ONE.shiftLeft(80)
                : new BigInteger(digits, radix));
    }
}
