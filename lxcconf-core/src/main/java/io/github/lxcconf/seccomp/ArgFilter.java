package io.github.lxcconf.seccomp;

import java.util.Objects;

/**
 * One argument filter of a rule, {@code [index,value,op]} or {@code [index,value,op,mask]}: the rule applies
 * only to calls whose argument {@code index} compares so with {@code value}. Values are unsigned 64-bit
 * numbers held in a {@code long}.
 *
 * <pre>{@code
 * ArgFilter f = new ArgFilter(1, 8192, CompareOp.MASKED_EQ, 61440); // (arg1 & 0170000) == 0020000
 * f.toString(); // "[1,8192,SCMP_CMP_MASKED_EQ,61440]"
 * }</pre>
 *
 * @param index the argument, 0 to 5
 * @param value the value compared with
 * @param op    the comparison
 * @param mask  the mask for {@link CompareOp#MASKED_EQ}; 0 when not written (other operators ignore it)
 */
public record ArgFilter(int index, long value, CompareOp op, long mask) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if op is null
     * @throws IllegalArgumentException if the index is not 0 to 5
     */
    public ArgFilter {
        Objects.requireNonNull(op, "op");
        if (index < 0 || index > 5) {
            throw new IllegalArgumentException("argument index must be 0 to 5, got " + index);
        }
    }

    /**
     * Returns whether an argument value passes this filter, as the kernel compares it.
     *
     * <pre>{@code
     * new ArgFilter(1, 8192, CompareOp.MASKED_EQ, 61440).matches(0020666); // true: a character device
     * }</pre>
     *
     * @param argument the argument's value
     * @return whether the filter matches
     */
    public boolean matches(long argument) {
        return switch (op) {
            case NE -> argument != value;
            case LT -> Long.compareUnsigned(argument, value) < 0;
            case LE -> Long.compareUnsigned(argument, value) <= 0;
            case EQ -> argument == value;
            case GE -> Long.compareUnsigned(argument, value) >= 0;
            case GT -> Long.compareUnsigned(argument, value) > 0;
            case MASKED_EQ -> (argument & mask) == value;
        };
    }

    /**
     * Returns the filter as a policy file writes it, with libseccomp's operator name and decimal numbers.
     */
    @Override
    public String toString() {
        return "[" + index + "," + Long.toUnsignedString(value) + "," + op.libseccompName()
                + (op == CompareOp.MASKED_EQ ? "," + Long.toUnsignedString(mask) : "") + "]";
    }
}
