package io.github.lxcconf.seccomp;

/**
 * Whether a policy lists the system calls to refuse or the ones to allow.
 *
 * <pre>{@code
 * SeccompPolicy.parse("2\ndenylist\n").mode(); // Optional[DENYLIST]
 * }</pre>
 */
public enum PolicyMode {
    /**
     * {@code denylist} (or the old word {@code blacklist}): calls no rule names are allowed; a rule without
     * an action kills the caller.
     */
    DENYLIST,
    /**
     * {@code allowlist} (or the old word {@code whitelist}): calls no rule names kill the caller; a rule
     * without an action allows the call.
     */
    ALLOWLIST
}
