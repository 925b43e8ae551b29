package io.github.lxcconf.cli;

import java.util.Optional;

/** A problem the user can fix (a missing file, a refused value): printed as one line, exit status 2. */
final class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What to do about it; a String, as Optional is not serializable. */
    private final String hint;

    UserException(String message) {
        this(message, null);
    }

    UserException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    Optional<String> hint() {
        return Optional.ofNullable(hint);
    }
}
