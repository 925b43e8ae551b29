package io.github.lxcconf.seccomp;

import java.util.Objects;
import java.util.Optional;

/**
 * How an argument filter compares a system call argument, in libseccomp's name and liblxc's short form.
 *
 * <pre>{@code
 * CompareOp.of("&=");                   // Optional[MASKED_EQ]
 * CompareOp.MASKED_EQ.libseccompName(); // "SCMP_CMP_MASKED_EQ"
 * }</pre>
 */
public enum CompareOp {
    /** The argument differs from the value. */
    NE("SCMP_CMP_NE", "!="),
    /** The argument is below the value (unsigned). */
    LT("SCMP_CMP_LT", "<"),
    /** The argument is at most the value (unsigned). */
    LE("SCMP_CMP_LE", "<="),
    /** The argument equals the value. */
    EQ("SCMP_CMP_EQ", "=="),
    /** The argument is at least the value (unsigned). */
    GE("SCMP_CMP_GE", ">="),
    /** The argument is above the value (unsigned). */
    GT("SCMP_CMP_GT", ">"),
    /** The argument, masked with the filter's mask, equals the value. */
    MASKED_EQ("SCMP_CMP_MASKED_EQ", "&=");

    private final String libseccompName;
    private final String symbol;

    CompareOp(String libseccompName, String symbol) {
        this.libseccompName = libseccompName;
        this.symbol = symbol;
    }

    /**
     * Returns libseccomp's name, such as {@code SCMP_CMP_EQ}.
     *
     * @return the name
     */
    public String libseccompName() {
        return libseccompName;
    }

    /**
     * Returns the short form liblxc also accepts, such as {@code ==}.
     *
     * @return the symbol
     */
    public String symbol() {
        return symbol;
    }

    /**
     * Returns the operator a filter names, compared exactly as liblxc does (no blanks, case matters).
     *
     * <pre>{@code
     * CompareOp.of("SCMP_CMP_LE"); // Optional[LE]
     * CompareOp.of(" =="); // Optional.empty
     * }</pre>
     *
     * @param text the operator as written
     * @return the operator, or empty if liblxc does not know it
     */
    public static Optional<CompareOp> of(String text) {
        Objects.requireNonNull(text, "text");
        for (CompareOp op : values()) {
            if (op.libseccompName.equals(text) || op.symbol.equals(text)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
