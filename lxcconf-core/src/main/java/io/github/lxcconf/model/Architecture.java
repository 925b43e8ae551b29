package io.github.lxcconf.model;

import java.util.Map;
import java.util.Optional;

/**
 * The personality {@code lxc.arch} sets, as liblxc 5.0.2 keeps it: only whether the container runs 32-bit
 * ({@code PER_LINUX32}) or 64-bit ({@code PER_LINUX}). liblxc reads one of 28 names, case-sensitive, and
 * {@code get_config_item("lxc.arch")} prints the personality back as {@code i686} or {@code x86_64}, whatever
 * the name written ({@code arm64} shows as {@code x86_64}, {@code armhf} as {@code i686}).
 *
 * <pre>{@code
 * Architecture.of("amd64");      // Optional[X86_64]
 * Architecture.of("x86");        // Optional[I686]
 * Architecture.of("AMD64");      // Optional.empty: liblxc refuses the file
 * Architecture.I686.lxcName();   // "i686"
 * }</pre>
 */
public enum Architecture {
    /** {@code PER_LINUX32}: a 32-bit container ({@code x86}, {@code i386}, {@code armhf}, {@code linux32}, ...). */
    I686("i686"),
    /** {@code PER_LINUX}: a 64-bit container ({@code amd64}, {@code x86_64}, {@code arm64}, {@code linux64}, ...). */
    X86_64("x86_64");

    /** liblxc 5.0.2's names (lxc_config_parse_arch), each with the personality it sets. */
    private static final Map<String, Architecture> NAMES = Map.ofEntries(
            Map.entry("arm", I686), Map.entry("armel", I686), Map.entry("armhf", I686), Map.entry("armv7l", I686),
            Map.entry("athlon", I686), Map.entry("i386", I686), Map.entry("i486", I686), Map.entry("i586", I686),
            Map.entry("i686", I686), Map.entry("linux32", I686), Map.entry("mips", I686), Map.entry("mipsel", I686),
            Map.entry("ppc", I686), Map.entry("powerpc", I686), Map.entry("x86", I686),
            Map.entry("aarch64", X86_64), Map.entry("amd64", X86_64), Map.entry("arm64", X86_64),
            Map.entry("linux64", X86_64), Map.entry("mips64", X86_64), Map.entry("mips64el", X86_64),
            Map.entry("ppc64", X86_64), Map.entry("ppc64el", X86_64), Map.entry("ppc64le", X86_64),
            Map.entry("powerpc64", X86_64), Map.entry("riscv64", X86_64), Map.entry("s390x", X86_64),
            Map.entry("x86_64", X86_64));

    private final String lxcName;

    Architecture(String lxcName) {
        this.lxcName = lxcName;
    }

    /**
     * Returns the name {@code get_config_item("lxc.arch")} prints.
     *
     * <pre>{@code
     * Architecture.X86_64.lxcName(); // "x86_64"
     * }</pre>
     *
     * @return {@code i686} or {@code x86_64}
     */
    public String lxcName() {
        return lxcName;
    }

    /**
     * Returns the personality a value of {@code lxc.arch} sets, as liblxc 5.0.2 reads it.
     *
     * <pre>{@code
     * Architecture.of("ppc64le"); // Optional[X86_64]
     * Architecture.of("x32");     // Optional.empty: liblxc 5.0.2 does not know it
     * }</pre>
     *
     * @param value the value, as written
     * @return the personality, or empty if liblxc refuses the value
     */
    public static Optional<Architecture> of(String value) {
        return Optional.ofNullable(NAMES.get(value));
    }
}
