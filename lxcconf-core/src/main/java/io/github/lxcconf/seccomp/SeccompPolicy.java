package io.github.lxcconf.seccomp;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.internal.Utf8;
import io.github.lxcconf.model.Origin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An LXC seccomp policy file, as liblxc 5.0 reads it when a container with {@code lxc.seccomp.profile}
 * starts: every line with all its bytes, the version, the policy and its rules, and the problems liblxc and
 * libseccomp would meet.
 *
 * <p>Printing joins the lines: {@code text()} and {@code toString()} give back the input, byte for byte.
 * Diagnostics are worked out for a host architecture; without one, for an x86_64 host (where rules are added
 * for x86_64, x86 and x32 programs).
 *
 * <pre>{@code
 * SeccompPolicy p = SeccompPolicy.parse("2\ndenylist\n[all]\nkexec_load errno 1\n");
 * p.mode();                       // Optional[DENYLIST]
 * p.rules().get(0).action();      // errno 1
 * p.diagnostics();                // []
 * p.explain().summary();          // ["Version 2 denylist: ...", "kexec_load fails with EPERM ..."]
 * }</pre>
 */
public final class SeccompPolicy {
    private static final String STRING_SOURCE = "<string>";

    private final String source;
    private final List<PolicyLine> lines;
    private final int version;
    private final Optional<PolicyMode> mode;
    private final Optional<SeccompAction> headerAction;
    private final List<SeccompRule> rules;
    private final List<Diagnostic> readDiagnostics;

    private SeccompPolicy(String source, PolicyReader.Result r) {
        this.source = source;
        this.lines = List.copyOf(r.lines());
        this.version = r.version();
        this.mode = r.mode();
        this.headerAction = r.headerAction();
        this.rules = List.copyOf(r.rules());
        this.readDiagnostics = List.copyOf(r.diagnostics());
    }

    private SeccompPolicy(String source, Diagnostic unreadable) {
        this.source = source;
        this.lines = List.of();
        this.version = 0;
        this.mode = Optional.empty();
        this.headerAction = Optional.empty();
        this.rules = List.of();
        this.readDiagnostics = List.of(unreadable);
    }

    /**
     * Reads policy text; diagnostics name {@code <string>}.
     *
     * <pre>{@code
     * SeccompPolicy.parse("2\nallowlist trap\nread\n").defaultAction(); // Optional[trap]
     * }</pre>
     *
     * @param text the policy
     * @return the policy; reading never fails, problems are diagnostics
     */
    public static SeccompPolicy parse(String text) {
        return parse(text, STRING_SOURCE);
    }

    /**
     * Reads policy text; diagnostics name the source.
     *
     * @param text   the policy
     * @param source the file name or label for diagnostics
     * @return the policy
     */
    public static SeccompPolicy parse(String text, String source) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        SeccompPolicy p = new SeccompPolicy(source, PolicyReader.read(text, source));
        if (!p.text().equals(text)) {
            throw new IllegalStateException("lxcconf: the policy lines differ from the text of " + source);
        }
        return p;
    }

    /**
     * Reads a policy file; a file that is not valid UTF-8 still reads and prints back byte for byte.
     *
     * <pre>{@code
     * SeccompPolicy.read(Path.of("/usr/share/lxc/config/common.seccomp")).rules().size(); // 6
     * }</pre>
     *
     * @param file the file
     * @return the policy, whose diagnostics name the file
     * @throws IOException if the file cannot be read
     */
    public static SeccompPolicy read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        return parse(Utf8.decode(Files.readAllBytes(file)).text(), file.toString());
    }

    /**
     * Returns the policy a config's {@code lxc.seccomp.profile} names, read from the file system; a relative
     * path starts at the base directory. A profile that cannot be read gives a policy without lines and one
     * {@link DiagnosticCode#SEC_UNREADABLE} error on the config's line: liblxc would not start the container.
     *
     * <pre>{@code
     * LxcConfig c = LxcConfig.parse(Path.of("/var/lib/lxc/web/config"));
     * SeccompPolicy.ofConfig(c, Path.of("/var/lib/lxc/web")).map(p -> p.explain().text());
     * }</pre>
     *
     * @param config        the config
     * @param baseDirectory where a relative profile path starts
     * @return the policy, or empty when the config sets no profile (or clears it with an empty value)
     */
    public static Optional<SeccompPolicy> ofConfig(LxcConfig config, Path baseDirectory) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Optional<String> profile = config.lxc().seccomp().profile().filter(p -> !p.isEmpty());
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        Path file = baseDirectory.resolve(profile.get());
        try {
            if (!Files.isRegularFile(file)) {
                throw new IOException(Files.exists(file) ? "not a regular file" : "no such file");
            }
            return Optional.of(read(file));
        } catch (IOException | RuntimeException e) {
            int line = config.lxc().seccomp().origins().stream()
                    .filter(o -> o.key().equals("lxc.seccomp.profile")).mapToInt(Origin::lineNumber).max().orElse(1);
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Diagnostic d = new Diagnostic(DiagnosticCode.SEC_UNREADABLE.defaultSeverity(), DiagnosticCode.SEC_UNREADABLE,
                    "the seccomp profile " + file + " cannot be read (" + reason + "): liblxc does not start the"
                            + " container (\"Failed to open seccomp policy file\")",
                    Optional.of("create the file, or correct lxc.seccomp.profile"), config.sourceName(), line, 1);
            return Optional.of(new SeccompPolicy(file.toString(), d));
        }
    }

    /**
     * Returns the label diagnostics name: the file or {@code <string>}.
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    /**
     * Returns every line, in file order; each owns its bytes including its line end.
     *
     * @return the lines
     */
    public List<PolicyLine> lines() {
        return lines;
    }

    /**
     * Returns the text, byte for byte as read.
     *
     * @return the joined lines
     */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (PolicyLine l : lines) {
            out.append(l.text()).append(l.eol());
        }
        return out.toString();
    }

    /**
     * Returns the policy's version, 1 or 2.
     *
     * @return the version, or empty when the first line is none liblxc takes
     */
    public OptionalInt version() {
        return version == 0 ? OptionalInt.empty() : OptionalInt.of(version);
    }

    /**
     * Returns whether the policy is a denylist or an allowlist.
     *
     * @return the mode, or empty when liblxc cannot read the policy line
     */
    public Optional<PolicyMode> mode() {
        return mode;
    }

    /**
     * Returns the action written after the policy word ({@code allowlist trap}).
     *
     * @return the action, if one is written
     */
    public Optional<SeccompAction> headerAction() {
        return headerAction;
    }

    /**
     * Returns what happens to the system calls no rule names: the header's action, else {@code allow} in a
     * denylist and {@code kill} in an allowlist.
     *
     * <pre>{@code
     * SeccompPolicy.parse("2\ndenylist errno 38\n").defaultAction(); // Optional[errno 38]
     * }</pre>
     *
     * @return the action, or empty when liblxc cannot read the policy line
     */
    public Optional<SeccompAction> defaultAction() {
        return mode.map(m -> PolicyChecker.policyDefault(mode, headerAction));
    }

    /**
     * Returns every rule liblxc reads, in file order, whatever section it stands in.
     *
     * @return the rules
     */
    public List<SeccompRule> rules() {
        return rules;
    }

    /**
     * Returns the rules that apply on a host of this architecture: those before any section, under
     * {@code [all]}, and under the sections of ABIs the host runs.
     *
     * <pre>{@code
     * policy.rules(SeccompArch.X86_64); // leaves out the rules under [arm]
     * }</pre>
     *
     * @param host the host's architecture
     * @return the rules, in file order
     */
    public List<SeccompRule> rules(SeccompArch host) {
        Objects.requireNonNull(host, "host");
        return rules.stream().filter(r -> r.section().map(s -> s.appliesOn(host)).orElse(true)).toList();
    }

    /**
     * Returns the problems for an x86_64 host: errors that make liblxc refuse the policy (so the container does
     * not start), and warnings for rules it skips or that do not do what they say.
     *
     * @return the diagnostics, in line order
     */
    public List<Diagnostic> diagnostics() {
        return diagnostics(SeccompArch.X86_64);
    }

    /**
     * Returns the problems for a host of the given architecture. Rules in sections for other architectures are
     * checked as a host that runs them would read them.
     *
     * <pre>{@code
     * SeccompPolicy.parse("2\ndenylist\nsethostname log\n").diagnostics(SeccompArch.ARM64);
     * // <string>:3:13: error: unknown action 'log': liblxc refuses the policy ... [SEC006]
     * }</pre>
     *
     * @param host the host's architecture; x32 and n32 are no host's own and check as their 64-bit host
     * @return the diagnostics, in line order
     */
    public List<Diagnostic> diagnostics(SeccompArch host) {
        Objects.requireNonNull(host, "host");
        SeccompArch h = PolicyChecker.hostFor(host);
        List<Diagnostic> all = new ArrayList<>(readDiagnostics);
        if (!lines.isEmpty()) {
            all.addAll(PolicyChecker.check(this, h));
        }
        all.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                : Integer.compare(a.column(), b.column()));
        return List.copyOf(all);
    }

    /**
     * Explains the policy in plain English for an x86_64 host.
     *
     * @return the explanation
     */
    public SeccompExplanation explain() {
        return explain(SeccompArch.X86_64);
    }

    /**
     * Explains the policy in plain English for a host of the given architecture: one explanation per line and
     * a summary that combines the rules for each system call.
     *
     * <pre>{@code
     * SeccompPolicy.parse("2\ndenylist\nsethostname errno 1\n").explain(SeccompArch.X86_64).summary();
     * // [..., "sethostname fails with EPERM (Operation not permitted)."]
     * }</pre>
     *
     * @param host the host's architecture
     * @return the explanation
     */
    public SeccompExplanation explain(SeccompArch host) {
        Objects.requireNonNull(host, "host");
        return PolicyExplainer.explain(this, PolicyChecker.hostFor(host));
    }

    /**
     * Returns whether the other object is a policy with the same source and lines.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof SeccompPolicy p && source.equals(p.source) && lines.equals(p.lines)
                && readDiagnostics.equals(p.readDiagnostics);
    }

    @Override
    public int hashCode() {
        return source.hashCode() * 31 + lines.hashCode();
    }

    /**
     * Returns the policy's text, byte for byte as read.
     */
    @Override
    public String toString() {
        return text();
    }
}
