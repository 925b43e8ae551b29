package io.github.lxcconf.validate;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.Severity;
import io.github.lxcconf.DiagnosticCode;

import java.util.List;
import java.util.Objects;

/**
 * The result of validating a config: every diagnostic, in line order (syntax, typed values and key checks together).
 *
 * <pre>{@code
 * Validation v = LxcConfig.parse(text).validate();
 * if (v.hasErrors()) v.errors().forEach(System.err::println);
 * }</pre>
 *
 * @param options     what the config was validated against
 * @param diagnostics every diagnostic, sorted by line and column; with includes followed, in liblxc's order of
 *                    reading (an included file's where its {@code lxc.include} line stands), each at its own
 *                    file ({@link Diagnostic#source()}), line and column
 */
public record Validation(ValidationOptions options, List<Diagnostic> diagnostics) {

    /** Copies the list. */
    public Validation {
        Objects.requireNonNull(options, "options");
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * Returns the diagnostics of severity error: what liblxc or Proxmox refuses, reading errors
     * ({@link io.github.lxcconf.LxcConfig#readingErrors()}) included.
     *
     * @return the errors, in line order
     */
    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    /**
     * Returns the diagnostics of severity warning.
     *
     * <pre>{@code
     * config.validate().warnings().forEach(System.out::println); // classroom-102.conf:13:1: warning: ... [VAL004]
     * }</pre>
     *
     * @return the warnings, in line order
     */
    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).toList();
    }

    /**
     * Tells whether any diagnostic is an error (liblxc or Proxmox would refuse the file).
     *
     * @return true when there is at least one error
     */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /**
     * Returns the diagnostics with one code.
     *
     * @param code the code
     * @return the matching diagnostics, in line order
     */
    public List<Diagnostic> withCode(DiagnosticCode code) {
        return diagnostics.stream().filter(d -> d.code() == code).toList();
    }
}
