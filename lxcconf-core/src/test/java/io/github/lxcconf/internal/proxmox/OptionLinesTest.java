package io.github.lxcconf.internal.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OptionLinesTest {
    // the parser's own expressions, which a backtracking matcher runs in quadratic time
    private static final Pattern SECTION_OPTION = Pattern.compile("^([a-z][a-z_]*\\d*):\\s*(.+?)\\s*$",
            Pattern.DOTALL);
    private static final Pattern REWRITE_OPTION = Pattern.compile("([a-z][a-z_]*\\d*):\\s*(.+?)\\s*", Pattern.DOTALL);
    private static final Pattern RAW = Pattern.compile("(lxc\\.[a-z0-9_.\\-]+)(?::|\\s*=)\\s*(.*?)\\s*",
            Pattern.DOTALL);
    private static final Pattern RAW_PREFIX = Pattern.compile("(lxc\\.[a-z0-9_.\\-]+)(?::|\\s*=)");
    private static final char[] ALPHABET = {'a', 'b', 'l', 'x', 'c', '.', '_', '0', '1', ':', '=', ' ', ' ', '\t',
        '\r', '\n', '\u000B', '\f', '\u2028', '\u0085', 'é'};

    @Test
    void readsTheSameValueAsTheParsersExpressions() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            if (random.nextInt(3) == 0) {
                b.append(random.nextBoolean() ? "memory:" : "lxc.cap.drop");
            }
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                b.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            String line = b.toString();
            OptionLines.Option option = OptionLines.option(line);
            for (Pattern p : new Pattern[] {SECTION_OPTION, REWRITE_OPTION}) {
                Matcher m = p.matcher(line);
                if (m.matches()) {
                    assertThat(option).as(line).isNotNull();
                    assertThat(option.key()).as(line).isEqualTo(m.group(1));
                    assertThat(option.value()).as(line).isEqualTo(m.group(2));
                    assertThat(option.valueOffset()).as(line).isEqualTo(m.start(2));
                } else {
                    assertThat(option).as(line).isNull();
                }
            }
            Matcher raw = RAW.matcher(line);
            Matcher prefix = RAW_PREFIX.matcher(line);
            assertThat(prefix.lookingAt()).as(line).isEqualTo(raw.matches());
            if (raw.matches()) {
                assertThat(prefix.group(1)).isEqualTo(raw.group(1));
                int[] v = OptionLines.trimmed(line, prefix.end());
                assertThat(line.substring(v[0], v[1])).as(line).isEqualTo(raw.group(2));
            }
        }
    }

    @Test
    void aLongBlankRunInsideAValueIsReadInLinearTime() {
        // 1 MB of blanks between two words: the lazy expression needs about half an hour here
        String line = "hostname: a" + " ".repeat(1_000_000) + "b \r";
        String raw = "lxc.uts.name = a" + " ".repeat(1_000_000) + "b \r";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThat(OptionLines.option(line).value()).hasSize(1_000_002);
            assertThat(OptionLines.trimmed(raw, "lxc.uts.name =".length())).containsExactly(15, 1_000_017);
        });
    }
}
