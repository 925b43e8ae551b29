package io.github.lxcconf;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by the strict reader when a config has errors; lists every one.
 *
 * <pre>{@code
 * try {
 *     LxcConfig.parseStrict(text);
 * } catch (LxcConfigException e) {
 *     e.errors().forEach(System.err::println);
 * }
 * }</pre>
 */
public final class LxcConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The errors; a List.copyOf is serializable. */
    private final List<Diagnostic> errors;

    /**
     * Creates the exception for the given errors.
     *
     * @param errors the error diagnostics, at least one
     */
    public LxcConfigException(List<Diagnostic> errors) {
        super(message(errors));
        this.errors = List.copyOf(errors);
    }

    private static String message(List<Diagnostic> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an LxcConfigException needs at least one error");
        }
        String head = errors.size() == 1 ? "1 error" : errors.size() + " errors";
        return head + ":\n" + errors.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }

    /**
     * Returns every error diagnostic, in file order.
     *
     * @return the errors, never empty
     */
    public List<Diagnostic> errors() {
        return errors;
    }
}
