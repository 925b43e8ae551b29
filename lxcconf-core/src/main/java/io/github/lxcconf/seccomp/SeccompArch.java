package io.github.lxcconf.seccomp;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * An architecture (ABI) a policy's {@code [arch]} section can name, as liblxc 5.0 spells it; {@code [all]} is
 * not one of them (its rules are those of no section).
 *
 * <p>On a host, liblxc adds every rule that applies for the host's own ABI and for the ABIs the host also runs
 * (an x86_64 host: x86_64, x86 and x32), whatever section it stands in; a section only decides whether its
 * rules apply on a host at all. The system call names are libseccomp's (2.5.4, the version LXC 5.0.2 runs
 * with on Debian 12).
 *
 * <pre>{@code
 * SeccompArch.X86_64.hostAbis();            // [X86_64, X86, X32]
 * SeccompArch.ARM.appliesOn(SeccompArch.ARM64); // true: [arm] rules apply on an arm64 host
 * SeccompArch.X86_64.syscallNumber("sethostname"); // OptionalInt[170]
 * }</pre>
 */
public enum SeccompArch {
    /** 32-bit x86 ({@code [x86]}). */
    X86("x86"),
    /** 64-bit x86 ({@code [x86_64]}). */
    X86_64("x86_64"),
    /** The x32 ABI of x86_64 ({@code [x32]}); no host runs it natively. */
    X32("x32"),
    /** 32-bit ARM ({@code [arm]}). */
    ARM("arm"),
    /** 64-bit ARM, aarch64 ({@code [arm64]}). */
    ARM64("arm64"),
    /** 32-bit PowerPC ({@code [ppc]}). */
    PPC("ppc"),
    /** 64-bit big-endian PowerPC ({@code [ppc64]}). */
    PPC64("ppc64"),
    /** 64-bit little-endian PowerPC ({@code [ppc64le]}). */
    PPC64LE("ppc64le"),
    /** MIPS o32, big-endian ({@code [mips]}). */
    MIPS("mips"),
    /** MIPS o32, little-endian ({@code [mipsel]}). */
    MIPSEL("mipsel"),
    /** MIPS n64, big-endian ({@code [mips64]}). */
    MIPS64("mips64"),
    /** MIPS n64, little-endian ({@code [mipsel64]}). */
    MIPSEL64("mipsel64"),
    /** MIPS n32, big-endian ({@code [mips64n32]}); no host runs it natively. */
    MIPS64N32("mips64n32"),
    /** MIPS n32, little-endian ({@code [mipsel64n32]}); no host runs it natively. */
    MIPSEL64N32("mipsel64n32"),
    /** 31-bit s390 ({@code [s390]}). */
    S390("s390"),
    /** 64-bit s390x ({@code [s390x]}). */
    S390X("s390x");

    private final String word;

    SeccompArch(String word) {
        this.word = word;
    }

    /**
     * Returns the name a section header uses, in lower case.
     *
     * <pre>{@code
     * SeccompArch.ARM64.word(); // "arm64"
     * }</pre>
     *
     * @return the name between the brackets
     */
    public String word() {
        return word;
    }

    /**
     * Returns the architecture a section name stands for, as liblxc compares it: the lower-case name or the
     * same in upper case, nothing else ({@code amd64}, {@code aarch64}, {@code X86_64 } with a blank and
     * {@code all} are not architectures).
     *
     * <pre>{@code
     * SeccompArch.ofSection("X86_64"); // Optional[X86_64]
     * SeccompArch.ofSection("amd64");  // Optional.empty
     * }</pre>
     *
     * @param name the text between the brackets
     * @return the architecture, if liblxc knows the name
     */
    public static Optional<SeccompArch> ofSection(String name) {
        Objects.requireNonNull(name, "name");
        for (SeccompArch a : values()) {
            if (a.word.equals(name) || a.word.toUpperCase(Locale.ROOT).equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the ABIs liblxc filters on a host of this architecture: its own and those it also runs, each
     * with the same rules. Empty for x32 and n32, which are no host's own ABI.
     *
     * <pre>{@code
     * SeccompArch.ARM64.hostAbis(); // [ARM64, ARM]
     * }</pre>
     *
     * @return the ABIs, the host's own first
     */
    public List<SeccompArch> hostAbis() {
        return switch (this) {
            case X86_64 -> List.of(X86_64, X86, X32);
            case ARM64 -> List.of(ARM64, ARM);
            case PPC64 -> List.of(PPC64, PPC);
            case MIPS64 -> List.of(MIPS64, MIPS, MIPS64N32);
            case MIPSEL64 -> List.of(MIPSEL64, MIPSEL, MIPSEL64N32);
            case X32, MIPS64N32, MIPSEL64N32 -> List.of();
            default -> List.of(this);
        };
    }

    /**
     * Returns whether the rules of this section apply on a host of the given architecture (liblxc skips the
     * rules of other sections without reading them).
     *
     * <pre>{@code
     * SeccompArch.X86.appliesOn(SeccompArch.X86_64); // true
     * SeccompArch.X86_64.appliesOn(SeccompArch.X86); // false
     * }</pre>
     *
     * @param host the host's architecture
     * @return whether the section's rules are read on that host
     */
    public boolean appliesOn(SeccompArch host) {
        return host.hostAbis().contains(this);
    }

    /**
     * Returns the number of a system call on this architecture, as libseccomp resolves it.
     *
     * <pre>{@code
     * SeccompArch.X86_64.syscallNumber("stime"); // OptionalInt.empty: x86_64 has no stime
     * }</pre>
     *
     * @param name the system call's name
     * @return the number, or empty where libseccomp knows no such call on this architecture
     */
    public OptionalInt syscallNumber(String name) {
        int nr = SyscallTable.get().number(this, Objects.requireNonNull(name, "name"));
        return nr < 0 ? OptionalInt.empty() : OptionalInt.of(nr);
    }

    /**
     * Returns the name of a system call number on this architecture.
     *
     * <pre>{@code
     * SeccompArch.X86_64.syscallName(0); // Optional[read]
     * }</pre>
     *
     * @param number the number
     * @return the name, or empty if the number is no call libseccomp knows here
     */
    public Optional<String> syscallName(int number) {
        return Optional.ofNullable(SyscallTable.get().name(this, number));
    }

    /**
     * Returns the number of system calls libseccomp knows on this architecture.
     *
     * @return the size of its table, such as 368 for x86_64
     */
    public int syscallCount() {
        return SyscallTable.get().size(this);
    }

    /**
     * Returns whether libseccomp knows the name as a system call of any architecture.
     *
     * <pre>{@code
     * SeccompArch.knownSyscall("stime");  // true (x86 has it)
     * SeccompArch.knownSyscall("sethost"); // false
     * }</pre>
     *
     * @param name the name
     * @return whether any architecture has it
     */
    public static boolean knownSyscall(String name) {
        return SyscallTable.get().known(Objects.requireNonNull(name, "name"));
    }

    static Set<String> allSyscalls() {
        return SyscallTable.get().names();
    }
}
