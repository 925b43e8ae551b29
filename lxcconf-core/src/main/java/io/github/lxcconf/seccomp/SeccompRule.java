package io.github.lxcconf.seccomp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One rule of a policy: a system call, the action for it, and the argument filters that narrow it.
 *
 * <pre>{@code
 * SeccompRule r = SeccompPolicy.parse("2\ndenylist\n[all]\nmknod errno 1 [1,8192,&=,61440]\n").rules().get(0);
 * r.syscall();        // "mknod"
 * r.action();         // SeccompAction[kind=ERRNO, errno=1]
 * r.filters().get(0); // [1,8192,SCMP_CMP_MASKED_EQ,61440]
 * r.line();           // 4
 * }</pre>
 *
 * @param line          the 1-based line number in the policy file
 * @param section       the {@code [arch]} section the rule stands in; empty before any section and under {@code [all]}
 * @param syscall       the system call's name as liblxc reads it (up to the first blank); for a version 1 rule, the number as written
 * @param number        for a version 1 rule, the system call number; empty in version 2
 * @param writtenAction the action written on the line, if any
 * @param action        the action that applies: the written one, or the policy's default for rules
 * @param filters       the argument filters, all of which must match (at most 6 are read)
 */
public record SeccompRule(int line, Optional<SeccompArch> section, String syscall, OptionalInt number,
                          Optional<SeccompAction> writtenAction, SeccompAction action, List<ArgFilter> filters) {

    /** The pseudo-name liblxc turns into "umount2 with MNT_FORCE fails with EACCES" (matched as a prefix). */
    public static final String REJECT_FORCE_UMOUNT = "reject_force_umount";

    /**
     * Checks the components and copies the list.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the line is below 1
     */
    public SeccompRule {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(syscall, "syscall");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(writtenAction, "writtenAction");
        Objects.requireNonNull(action, "action");
        filters = List.copyOf(filters);
        if (line < 1) {
            throw new IllegalArgumentException("line starts at 1, got " + line);
        }
    }

    /**
     * Returns whether this is liblxc's {@code reject_force_umount} rule: {@code umount2} with
     * {@code MNT_FORCE} fails with EACCES, whatever action and filters the line names.
     *
     * @return whether the name starts with {@code reject_force_umount}
     */
    public boolean isRejectForceUmount() {
        return number.isEmpty() && syscall.startsWith(REJECT_FORCE_UMOUNT);
    }
}
