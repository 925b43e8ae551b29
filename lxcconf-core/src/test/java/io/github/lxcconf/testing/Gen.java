package io.github.lxcconf.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of random test values: a function from a {@link SplittableRandom} to a value.
 *
 * <p>Generators are immutable and hold no state of their own: everything random comes
 * from the {@code SplittableRandom} passed to {@link #sample}, so the same seed gives
 * the same values. Build them from the static factories here and combine them with
 * {@link #map}, {@link #filter}, {@link #oneOf}, {@link #weighted}, {@link #combine}
 * and {@link #listOf}; run a check over many samples with {@link Property#forAll}.
 *
 * <p>Since {@code Gen} is a functional interface, a lambda {@code r -> ...} that calls
 * {@code sample(r)} on other generators is a generator too, for the rare case the
 * helpers here do not cover.
 *
 * <p>All bounds are inclusive: {@code strings(g, 0, 4)} gives strings of 0 to 4
 * characters, each length equally likely.
 *
 * @param <T> the type of the generated values
 */
@FunctionalInterface
public interface Gen<T> {

    /** How many samples in a row {@link #filter} may reject before it gives up. */
    int FILTER_MAX_TRIES = 1_000;

    /** Draws one value using {@code r}, the only source of randomness. */
    T sample(SplittableRandom r);

    // ================================================================== combinators

    /** The values of this generator passed through {@code f}. */
    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        Objects.requireNonNull(f, "f");
        return r -> f.apply(sample(r));
    }

    /**
     * The values of this generator that satisfy {@code keep}. Draws again on a rejected
     * value, at most {@value #FILTER_MAX_TRIES} times in a row, then throws an
     * {@link IllegalStateException} saying so: a filter that rejects almost everything
     * is a broken generator, not a reason to loop forever.
     */
    default Gen<T> filter(Predicate<? super T> keep) {
        Objects.requireNonNull(keep, "keep");
        return r -> {
            T last = null;
            for (int i = 0; i < FILTER_MAX_TRIES; i++) {
                last = sample(r);
                if (keep.test(last)) {
                    return last;
                }
            }
            throw new IllegalStateException("Gen.filter gave up: " + FILTER_MAX_TRIES
                    + " samples in a row were rejected by the filter; the last one was "
                    + Property.show(last) + ". Generate fewer values that the filter rejects.");
        };
    }

    /** Lists of {@code min} to {@code max} values of this generator. */
    default Gen<List<T>> list(int min, int max) {
        return listOf(this, min, max);
    }

    // ================================================================== basic generators

    /** Always {@code value}. */
    static <T> Gen<T> constant(T value) {
        return r -> value;
    }

    /** One of {@code gens}, each equally likely, then a value of it. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        List<Gen<? extends T>> all = new ArrayList<>();
        for (Gen<? extends T> gen : gens) {
            all.add(Objects.requireNonNull(gen, "gen"));
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("oneOf needs at least one generator");
        }
        return r -> all.get(r.nextInt(all.size())).sample(r);
    }

    /** One of {@code values}, each equally likely. */
    @SafeVarargs
    static <T> Gen<T> oneOfValues(T... values) {
        List<T> all = new ArrayList<>();
        for (T value : values) {
            all.add(value);
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("oneOfValues needs at least one value");
        }
        return r -> all.get(r.nextInt(all.size()));
    }

    /**
     * Starts a weighted choice: {@code weighted(4, a).or(1, b)} gives a value of {@code a}
     * four times in five and one of {@code b} once in five.
     */
    static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
        return new Weighted<T>(List.of(), List.of()).or(weight, gen);
    }

    /** Integers from {@code from} to {@code to}, both included, each equally likely. */
    static Gen<Integer> ints(int from, int to) {
        if (from > to) {
            throw new IllegalArgumentException("ints: from " + from + " > to " + to);
        }
        return r -> from + (int) r.nextLong((long) to - from + 1);
    }

    /** Any long. */
    static Gen<Long> longs() {
        return SplittableRandom::nextLong;
    }

    /** {@code true} or {@code false}. */
    static Gen<Boolean> booleans() {
        return SplittableRandom::nextBoolean;
    }

    /** One of the characters of {@code alphabet}, each position equally likely. */
    static Gen<Character> chars(String alphabet) {
        if (alphabet.isEmpty()) {
            throw new IllegalArgumentException("chars needs a non-empty alphabet");
        }
        return r -> alphabet.charAt(r.nextInt(alphabet.length()));
    }

    /** Characters from {@code from} to {@code to}, both included. */
    static Gen<Character> charRange(char from, char to) {
        return ints(from, to).map(i -> (char) i.intValue());
    }

    /** Any UTF-16 code unit, 0000 to FFFF: controls, lone surrogates and noncharacters included. */
    static Gen<Character> anyChar() {
        return r -> (char) r.nextInt(Character.MAX_VALUE + 1);
    }

    /**
     * Code points from {@code from} to {@code to}, both included; turn one into a string
     * with {@code Character::toString}.
     */
    static Gen<Integer> codePoints(int from, int to) {
        if (from < 0 || to > Character.MAX_CODE_POINT) {
            throw new IllegalArgumentException("codePoints: not a code point range: " + from + ".." + to);
        }
        return ints(from, to);
    }

    /** Strings of {@code min} to {@code max} characters of {@code chars}. */
    static Gen<String> strings(Gen<Character> chars, int min, int max) {
        Gen<Integer> length = ints(min, max);
        return r -> {
            int n = length.sample(r);
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append(chars.sample(r).charValue());
            }
            return sb.toString();
        };
    }

    /** Unmodifiable lists of {@code min} to {@code max} values of {@code gen}. */
    static <T> Gen<List<T>> listOf(Gen<? extends T> gen, int min, int max) {
        Gen<Integer> size = ints(min, max);
        return r -> {
            int n = size.sample(r);
            List<T> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(gen.sample(r));
            }
            return Collections.unmodifiableList(list);
        };
    }

    /** Byte arrays of 0 to {@code max} bytes, each byte any of the 256. */
    static Gen<byte[]> bytes(int max) {
        Gen<Integer> length = ints(0, max);
        return r -> {
            byte[] bytes = new byte[length.sample(r)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) r.nextInt(256);
            }
            return bytes;
        };
    }

    // ================================================================== combine

    /** A value of each generator, in order, passed to {@code f}. */
    static <A, B, R> Gen<R> combine(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
        return r -> f.apply(a.sample(r), b.sample(r));
    }

    /** A value of each generator, in order, passed to {@code f}. */
    static <A, B, C, R> Gen<R> combine(Gen<A> a, Gen<B> b, Gen<C> c, Fn3<A, B, C, R> f) {
        return r -> f.apply(a.sample(r), b.sample(r), c.sample(r));
    }

    /** A value of each generator, in order, passed to {@code f}. */
    static <A, B, C, D, R> Gen<R> combine(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Fn4<A, B, C, D, R> f) {
        return r -> f.apply(a.sample(r), b.sample(r), c.sample(r), d.sample(r));
    }

    /** A value of each generator, in order, passed to {@code f}. */
    static <A, B, C, D, E, R> Gen<R> combine(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Gen<E> e,
                                             Fn5<A, B, C, D, E, R> f) {
        return r -> f.apply(a.sample(r), b.sample(r), c.sample(r), d.sample(r), e.sample(r));
    }

    /** A value of each generator, in order, passed to {@code f}. */
    static <A, B, C, D, E, F, R> Gen<R> combine(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Gen<E> e, Gen<F> f,
                                                Fn6<A, B, C, D, E, F, R> fn) {
        return r -> fn.apply(a.sample(r), b.sample(r), c.sample(r), d.sample(r), e.sample(r), f.sample(r));
    }

    /** A function of three arguments, for {@link #combine(Gen, Gen, Gen, Fn3)}. */
    @FunctionalInterface
    interface Fn3<A, B, C, R> {
        R apply(A a, B b, C c);
    }

    /** A function of four arguments, for {@link #combine(Gen, Gen, Gen, Gen, Fn4)}. */
    @FunctionalInterface
    interface Fn4<A, B, C, D, R> {
        R apply(A a, B b, C c, D d);
    }

    /** A function of five arguments, for {@link #combine(Gen, Gen, Gen, Gen, Gen, Fn5)}. */
    @FunctionalInterface
    interface Fn5<A, B, C, D, E, R> {
        R apply(A a, B b, C c, D d, E e);
    }

    /** A function of six arguments, for {@link #combine(Gen, Gen, Gen, Gen, Gen, Gen, Fn6)}. */
    @FunctionalInterface
    interface Fn6<A, B, C, D, E, F, R> {
        R apply(A a, B b, C c, D d, E e, F f);
    }

    // ================================================================== weighted choice

    /**
     * A weighted choice between generators, itself a generator: each is picked with a
     * chance of its weight over the sum of the weights. Immutable: {@link #or} returns
     * a new choice.
     */
    final class Weighted<T> implements Gen<T> {
        private final List<Integer> weights;
        private final List<Gen<? extends T>> gens;
        private final int total;

        private Weighted(List<Integer> weights, List<Gen<? extends T>> gens) {
            this.weights = weights;
            this.gens = gens;
            this.total = weights.stream().mapToInt(Integer::intValue).sum();
        }

        /** This choice plus {@code gen}, with weight {@code weight} (at least 1). */
        public Weighted<T> or(int weight, Gen<? extends T> gen) {
            if (weight < 1) {
                throw new IllegalArgumentException("weight must be at least 1, was " + weight);
            }
            Objects.requireNonNull(gen, "gen");
            List<Integer> w = new ArrayList<>(weights);
            w.add(weight);
            List<Gen<? extends T>> g = new ArrayList<>(gens);
            g.add(gen);
            return new Weighted<>(List.copyOf(w), List.copyOf(g));
        }

        @Override
        public T sample(SplittableRandom r) {
            int pick = r.nextInt(total);
            for (int i = 0; i < gens.size(); i++) {
                pick -= weights.get(i);
                if (pick < 0) {
                    return gens.get(i).sample(r);
                }
            }
            throw new AssertionError("unreachable");
        }
    }
}
