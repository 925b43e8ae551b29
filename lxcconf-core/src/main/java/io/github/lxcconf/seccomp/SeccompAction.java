package io.github.lxcconf.seccomp;

import java.util.Objects;

/**
 * What seccomp does with a system call: the actions liblxc 5.0 knows ({@code kill}, {@code errno N},
 * {@code allow}, {@code trap}, {@code notify}). libseccomp's {@code log} and {@code trace} are not among them:
 * liblxc refuses a policy that names them.
 *
 * <pre>{@code
 * SeccompAction.errno(1).word(); // "errno 1"
 * SeccompAction.KILL.word();     // "kill"
 * }</pre>
 *
 * @param kind  the kind of action
 * @param errno the error number for {@link Kind#ERRNO}; 0 for the others
 */
public record SeccompAction(Kind kind, int errno) {

    /** The kinds of action. */
    public enum Kind {
        /** The calling process is killed (SIGSYS). */
        KILL,
        /** The call fails with an error number instead of running. */
        ERRNO,
        /** The call runs. */
        ALLOW,
        /** The caller receives SIGSYS and may handle it. */
        TRAP,
        /** The call waits for a supervisor ({@code lxc.seccomp.notify.proxy}) to decide. */
        NOTIFY
    }

    /** Kill the caller. */
    public static final SeccompAction KILL = new SeccompAction(Kind.KILL, 0);
    /** Let the call run. */
    public static final SeccompAction ALLOW = new SeccompAction(Kind.ALLOW, 0);
    /** Send SIGSYS. */
    public static final SeccompAction TRAP = new SeccompAction(Kind.TRAP, 0);
    /** Ask the supervisor. */
    public static final SeccompAction NOTIFY = new SeccompAction(Kind.NOTIFY, 0);

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if kind is null
     * @throws IllegalArgumentException if an action other than errno has an error number
     */
    public SeccompAction {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.ERRNO && errno != 0) {
            throw new IllegalArgumentException(kind + " has no error number, got " + errno);
        }
    }

    /**
     * Returns the action that makes a call fail with this error number; libseccomp takes 0 to 4094.
     *
     * @param number the error number, such as 1 (EPERM)
     * @return the action
     */
    public static SeccompAction errno(int number) {
        return new SeccompAction(Kind.ERRNO, number);
    }

    /**
     * Returns the action as a policy file writes it.
     *
     * @return {@code kill}, {@code errno N}, {@code allow}, {@code trap} or {@code notify}
     */
    public String word() {
        return kind == Kind.ERRNO ? "errno " + errno : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
