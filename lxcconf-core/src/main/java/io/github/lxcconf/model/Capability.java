package io.github.lxcconf.model;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * A Linux capability, named as {@code lxc.cap.drop} and {@code lxc.cap.keep}
 * write it: lower case, without {@code CAP_} ({@code sys_admin}). The
 * constants are in kernel order, so {@link #number()} is the kernel's number.
 *
 * <pre>{@code
 * Capability.of("sys_admin");      // Optional[SYS_ADMIN]
 * Capability.SYS_ADMIN.number();   // 21
 * Capability.of(12);               // Optional[NET_ADMIN]
 * Capability.SYS_ADMIN.lxcName();  // "sys_admin"
 * }</pre>
 */
public enum Capability {
    /** 0: change file owners. */
    CHOWN,
    /** 1: bypass file permission checks. */
    DAC_OVERRIDE,
    /** 2: bypass file read and directory search permission checks. */
    DAC_READ_SEARCH,
    /** 3: bypass checks that the file owner is the caller. */
    FOWNER,
    /** 4: keep set-user-ID and set-group-ID bits when changing files. */
    FSETID,
    /** 5: send signals to any process. */
    KILL,
    /** 6: change group ids. */
    SETGID,
    /** 7: change user ids. */
    SETUID,
    /** 8: change capabilities of other processes. */
    SETPCAP,
    /** 9: set the immutable and append-only file attributes. */
    LINUX_IMMUTABLE,
    /** 10: bind to ports below 1024. */
    NET_BIND_SERVICE,
    /** 11: broadcast and listen to multicast. */
    NET_BROADCAST,
    /** 12: configure network interfaces, routes and firewalls. */
    NET_ADMIN,
    /** 13: use raw and packet sockets (ping, tcpdump). */
    NET_RAW,
    /** 14: lock memory. */
    IPC_LOCK,
    /** 15: bypass permission checks on System V IPC. */
    IPC_OWNER,
    /** 16: load and unload kernel modules. */
    SYS_MODULE,
    /** 17: raw I/O port and memory access. */
    SYS_RAWIO,
    /** 18: use chroot. */
    SYS_CHROOT,
    /** 19: trace any process. */
    SYS_PTRACE,
    /** 20: configure process accounting. */
    SYS_PACCT,
    /** 21: a wide range of administration: mount, sethostname, namespaces, ... */
    SYS_ADMIN,
    /** 22: reboot and load a new kernel. */
    SYS_BOOT,
    /** 23: raise process priorities. */
    SYS_NICE,
    /** 24: override resource limits. */
    SYS_RESOURCE,
    /** 25: set the system clock. */
    SYS_TIME,
    /** 26: configure terminals. */
    SYS_TTY_CONFIG,
    /** 27: create device nodes. */
    MKNOD,
    /** 28: take file leases. */
    LEASE,
    /** 29: write to the kernel audit log. */
    AUDIT_WRITE,
    /** 30: configure kernel auditing. */
    AUDIT_CONTROL,
    /** 31: set file capabilities. */
    SETFCAP,
    /** 32: override mandatory access control. */
    MAC_OVERRIDE,
    /** 33: configure mandatory access control. */
    MAC_ADMIN,
    /** 34: read and configure the kernel log. */
    SYSLOG,
    /** 35: set alarms that wake the system. */
    WAKE_ALARM,
    /** 36: block system suspend. */
    BLOCK_SUSPEND,
    /** 37: read the audit log through multicast netlink. */
    AUDIT_READ,
    /** 38: use performance monitoring. */
    PERFMON,
    /** 39: use BPF. */
    BPF,
    /** 40: checkpoint and restore processes (CRIU). */
    CHECKPOINT_RESTORE;

    private static final Capability[] ALL = values();
    /** The LXC names, by ordinal: every capability line asks for them. */
    private static final String[] LXC_NAMES = new String[ALL.length];
    private static final java.util.Map<String, Capability> BY_LXC_NAME;

    static {
        java.util.Map<String, Capability> byName = new java.util.HashMap<>();
        for (Capability c : ALL) {
            LXC_NAMES[c.ordinal()] = c.name().toLowerCase(Locale.ROOT);
            byName.put(LXC_NAMES[c.ordinal()], c);
        }
        BY_LXC_NAME = byName; // never changed after this; a HashMap also answers a null name (empty)
    }

    /**
     * Returns the kernel's number for this capability.
     *
     * <pre>{@code
     * Capability.CHECKPOINT_RESTORE.number(); // 40
     * }</pre>
     *
     * @return the number
     */
    public int number() {
        return ordinal();
    }

    /**
     * Returns the name LXC uses: lower case, without {@code CAP_}.
     *
     * <pre>{@code
     * Capability.NET_ADMIN.lxcName(); // "net_admin"
     * }</pre>
     *
     * @return the name
     */
    public String lxcName() {
        return LXC_NAMES[ordinal()];
    }

    /**
     * Returns the capability LXC knows by this name; names are case-sensitive.
     *
     * <pre>{@code
     * Capability.of("SYS_ADMIN"); // Optional.empty: LXC writes sys_admin
     * }</pre>
     *
     * @param lxcName a name such as {@code "sys_time"}
     * @return the capability, or empty
     */
    public static Optional<Capability> of(String lxcName) {
        return Optional.ofNullable(BY_LXC_NAME.get(lxcName));
    }

    /**
     * Returns the capability one word of {@code lxc.cap.drop} or {@code lxc.cap.keep} names, read as liblxc
     * reads it: a name such as {@code sys_admin}, or else a number as C's {@code strtoul} with base 0 reads
     * it ({@code 0x15} is hexadecimal, a leading {@code 0} octal, one {@code +} allowed).
     *
     * <pre>{@code
     * Capability.ofWord("sys_admin"); // Optional[SYS_ADMIN]
     * Capability.ofWord("0x15");      // Optional[SYS_ADMIN]: 21
     * Capability.ofWord("010");       // Optional[SETPCAP]: octal 8, not 10
     * Capability.ofWord("08");        // Optional.empty: 8 is no octal digit, liblxc refuses the file
     * Capability.ofWord("none");      // Optional.empty: a word of lxc.cap.keep, not a capability
     * }</pre>
     *
     * @param word one blank-separated word of the value
     * @return the capability, or empty if liblxc refuses the word
     */
    public static Optional<Capability> ofWord(String word) {
        Optional<Capability> named = of(word);
        if (named.isPresent()) {
            return named;
        }
        return number(word).filter(n -> n.compareTo(BigInteger.valueOf(ALL.length)) < 0)
                .flatMap(n -> of(n.intValueExact()));
    }

    /** The number a word is, as liblxc's lxc_safe_uint reads it (base 0, at most UINT_MAX), or empty. */
    static Optional<BigInteger> number(String word) {
        return Values.cUnsigned(word).filter(n -> n.compareTo(Values.UINT_MAX) <= 0);
    }

    /**
     * Returns the capability with the kernel's number.
     *
     * <pre>{@code
     * Capability.of(21); // Optional[SYS_ADMIN]
     * }</pre>
     *
     * @param number the number
     * @return the capability, or empty if the number is not 0 to 40
     */
    public static Optional<Capability> of(int number) {
        return number >= 0 && number < ALL.length ? Optional.of(ALL[number]) : Optional.empty();
    }

    /**
     * Returns the highest capability Linux knows today.
     *
     * @return {@link #CHECKPOINT_RESTORE}
     */
    public static Capability last() {
        return ALL[ALL.length - 1];
    }
}
