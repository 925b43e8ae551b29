package io.github.lxcconf.testing;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * Runs a check over many generated values: a property test.
 *
 * <p>Try {@code i} (from 0) draws its value from {@code new SplittableRandom(base + i)},
 * where {@code base} is the system property {@value #SEED_PROPERTY} if set and
 * {@link #DEFAULT_SEED} otherwise, so every run, CI included, sees the same values
 * unless asked for others. The first failure stops the run with an
 * {@link AssertionError} naming the property, the try, the seed that reproduces it as
 * try 0 ({@code -Dlxcconf.seed=...}) and the input, with the failure as its cause.
 * There is no shrinking: the generators keep values small instead.
 */
public final class Property {

    /** The system property that sets the base seed: {@code -Dlxcconf.seed=123}. */
    public static final String SEED_PROPERTY = "lxcconf.seed";

    /** The base seed when {@value #SEED_PROPERTY} is not set. */
    public static final long DEFAULT_SEED = 20_251_129L;

    /** Inputs longer than this many characters (or bytes, or elements) are cut in failure messages. */
    static final int MAX_SHOWN = 2_000;

    private Property() {
    }

    /**
     * Runs {@code check} on {@code tries} values of {@code gen}; see the class comment.
     *
     * @throws AssertionError on the first value {@code check} fails on (by any exception
     *     or error), or when {@code gen} itself fails
     */
    public static <T> void forAll(String name, int tries, Gen<T> gen, Consumer<? super T> check) {
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be at least 1, was " + tries);
        }
        long base = baseSeed();
        for (int i = 0; i < tries; i++) {
            long seed = base + i;
            T input;
            try {
                input = gen.sample(new SplittableRandom(seed));
            } catch (Throwable e) {
                throw new AssertionError(header(name, i, tries, base, seed)
                        + "\nthe generator failed: " + e, e);
            }
            try {
                check.accept(input);
            } catch (Throwable e) {
                throw new AssertionError(header(name, i, tries, base, seed)
                        + "\ninput: " + show(input)
                        + "\nfailure: " + e, e);
            }
        }
    }

    /** The base seed: {@value #SEED_PROPERTY} if set, else {@link #DEFAULT_SEED}. */
    public static long baseSeed() {
        String value = System.getProperty(SEED_PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT_SEED;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + SEED_PROPERTY + " must be a long, was \"" + value + "\"", e);
        }
    }

    private static String header(String name, int i, int tries, long base, long seed) {
        return "Property \"" + name + "\" failed on try " + (i + 1) + " of " + tries
                + " (base seed " + base + ").\nReproduce it as the first try with -D" + SEED_PROPERTY + "=" + seed;
    }

    /**
     * A readable one-line form of a generated value: strings in double quotes with
     * {@code \}, {@code "}, control characters, line ends and everything outside
     * printable ASCII written as {@code \\uXXXX} (one per UTF-16 unit); byte arrays in
     * hex; records, arrays and collections element by element. Strings and arrays longer
     * than {@value #MAX_SHOWN} are cut, saying how long they were.
     */
    static String show(Object value) {
        StringBuilder sb = new StringBuilder();
        show(value, sb);
        return sb.toString();
    }

    private static void show(Object value, StringBuilder sb) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof CharSequence s) {
            showString(s.toString(), sb);
        } else if (value instanceof Character c) {
            sb.append('\'');
            escape(String.valueOf(c), sb);
            sb.append('\'');
        } else if (value instanceof byte[] bytes) {
            showBytes(bytes, sb);
        } else if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            StringJoiner joiner = new StringJoiner(", ", "[", "]");
            for (int i = 0; i < Math.min(length, MAX_SHOWN); i++) {
                joiner.add(show(Array.get(value, i)));
            }
            sb.append(joiner).append(cut(length, "elements"));
        } else if (value instanceof Collection<?> list) {
            StringJoiner joiner = new StringJoiner(", ", "[", "]");
            list.stream().limit(MAX_SHOWN).forEach(e -> joiner.add(show(e)));
            sb.append(joiner).append(cut(list.size(), "elements"));
        } else if (value.getClass().isRecord()) {
            StringJoiner joiner = new StringJoiner(", ", value.getClass().getSimpleName() + "[", "]");
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                Object part;
                try {
                    component.getAccessor().setAccessible(true);
                    part = component.getAccessor().invoke(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    part = "<" + e + ">";
                }
                joiner.add(component.getName() + "=" + show(part));
            }
            sb.append(joiner);
        } else {
            String s = String.valueOf(value);
            escape(s.length() > MAX_SHOWN ? s.substring(0, MAX_SHOWN) : s, sb);
            sb.append(cut(s.length(), "characters"));
        }
    }

    private static void showString(String s, StringBuilder sb) {
        sb.append('"');
        escape(s.length() > MAX_SHOWN ? s.substring(0, MAX_SHOWN) : s, sb);
        sb.append('"').append(cut(s.length(), "characters"));
    }

    private static void showBytes(byte[] bytes, StringBuilder sb) {
        sb.append("bytes[");
        for (int i = 0; i < Math.min(bytes.length, MAX_SHOWN); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(Character.forDigit((bytes[i] >> 4) & 0xF, 16)).append(Character.forDigit(bytes[i] & 0xF, 16));
        }
        sb.append(']').append(cut(bytes.length, "bytes"));
    }

    private static String cut(int length, String unit) {
        return length > MAX_SHOWN
                ? "... (cut to the first " + MAX_SHOWN + " of " + length + " " + unit + ")"
                : "";
    }

    private static void escape(String s, StringBuilder sb) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' || ch == '"') {
                sb.append('\\').append(ch);
            } else if (ch >= 0x20 && ch < 0x7F) {
                sb.append(ch);
            } else {
                sb.append(String.format("\\u%04X", (int) ch));
            }
        }
    }
}
