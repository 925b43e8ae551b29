package io.github.lxcconf.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GenTest {

    private static final Gen<String> TEXTS = Gen.weighted(3, Gen.strings(Gen.anyChar(), 0, 50))
            .or(1, Gen.combine(Gen.ints(0, 99), Gen.strings(Gen.chars("ab\n"), 1, 5), (i, s) -> i + s))
            .or(1, Gen.listOf(Gen.codePoints(0x10000, 0x10FFFF).map(Character::toString), 0, 3)
                    .map(l -> String.join("", l)));

    private static List<String> samples(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            out.add(TEXTS.sample(r));
        }
        return out;
    }

    @Test
    @DisplayName("the same seed gives the same samples, another seed others")
    void deterministic() {
        assertThat(samples(42)).isEqualTo(samples(42));
        assertThat(samples(43)).isNotEqualTo(samples(42));
        byte[] a = Gen.bytes(300).sample(new SplittableRandom(7));
        assertThat(Gen.bytes(300).sample(new SplittableRandom(7))).isEqualTo(a);
    }

    @Test
    @DisplayName("bounds are inclusive and respected")
    void bounds() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            assertThat(Gen.ints(3, 5).sample(r)).isBetween(3, 5);
            assertThat(Gen.strings(Gen.charRange('a', 'c'), 2, 4).sample(r)).hasSizeBetween(2, 4).matches("[a-c]*");
            assertThat(Gen.listOf(Gen.constant("x"), 0, 2).sample(r)).hasSizeLessThanOrEqualTo(2);
            assertThat(Gen.bytes(3).sample(r).length).isBetween(0, 3);
        }
    }

    @Test
    @DisplayName("filter gives up with a clear message when it rejects everything")
    void filterGivesUp() {
        Gen<Integer> impossible = Gen.ints(0, 9).filter(i -> i > 100);
        assertThatThrownBy(() -> impossible.sample(new SplittableRandom(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Gen.filter gave up")
                .hasMessageContaining(Gen.FILTER_MAX_TRIES + " samples in a row were rejected");
    }

    @Test
    @DisplayName("forAll reports the property, the try, the seed and the escaped input, with the failure as cause")
    void forAllReportsFailure() {
        Gen<String> gen = Gen.strings(Gen.chars("ab"), 3, 3).map(s -> s + "\n\u00e9\uD800");
        AtomicInteger calls = new AtomicInteger();
        AssertionError cause = new AssertionError("boom");
        long failingSeed = Property.baseSeed() + 2;
        String input = gen.sample(new SplittableRandom(failingSeed));

        assertThatThrownBy(() -> Property.forAll("third time fails", 10, gen, s -> {
            if (calls.incrementAndGet() == 3) {
                throw cause;
            }
        }))
                .isInstanceOf(AssertionError.class)
                .hasCause(cause)
                .hasMessageContaining("Property \"third time fails\" failed on try 3 of 10")
                .hasMessageContaining("-Dlxcconf.seed=" + failingSeed)
                .hasMessageContaining("input: \"" + input.substring(0, 3) + "\\u000A\\u00E9\\uD800\"")
                .hasMessageContaining("boom");
        assertThat(calls).hasValue(3);
    }

    @Test
    @DisplayName("forAll cuts long inputs and says how long they were")
    void forAllCutsLongInputs() {
        String longText = "x".repeat(5000);
        assertThatThrownBy(() -> Property.forAll("long", 1, Gen.constant(longText), s -> fail("too long")))
                .hasMessageContaining("\"" + "x".repeat(Property.MAX_SHOWN) + "\"... (cut to the first 2000 of 5000 characters)")
                .hasMessageNotContaining("x".repeat(Property.MAX_SHOWN + 1));
    }

    @Test
    @DisplayName("show writes records, byte arrays and lists readably")
    void show() {
        record Pair(String key, byte[] bytes) {
        }
        assertThat(Property.show(new Pair("a\tb", new byte[] {0, (byte) 0xFF})))
                .isEqualTo("Pair[key=\"a\\u0009b\", bytes=bytes[00 ff]]");
        assertThat(Property.show(List.of("\"", "\\"))).isEqualTo("[\"\\\"\", \"\\\\\"]");
    }
}
