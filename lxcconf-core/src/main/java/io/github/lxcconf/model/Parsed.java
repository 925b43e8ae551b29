package io.github.lxcconf.model;

/**
 * The result of reading one value: the value, or what is wrong with it and
 * what to do. Package-private: public {@code parse} methods turn a problem
 * into an {@link IllegalArgumentException}, the settings view into a diagnostic.
 */
final class Parsed<T> {
    private final T value;
    private final String problem;
    private final String hint;

    private Parsed(T value, String problem, String hint) {
        this.value = value;
        this.problem = problem;
        this.hint = hint;
    }

    static <T> Parsed<T> ok(T value) {
        return new Parsed<>(value, null, null);
    }

    static <T> Parsed<T> fail(String problem, String hint) {
        return new Parsed<>(null, problem, hint);
    }

    boolean isOk() {
        return problem == null;
    }

    T value() {
        return value;
    }

    String problem() {
        return problem;
    }

    String hint() {
        return hint;
    }

    /** Returns the value or throws {@link IllegalArgumentException} with the problem as message. */
    T orThrow() {
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return value;
    }
}
