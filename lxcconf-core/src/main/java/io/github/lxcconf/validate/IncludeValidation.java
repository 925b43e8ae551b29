package io.github.lxcconf.validate;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.include.EffectiveConfig;
import io.github.lxcconf.include.IncludeLimits;
import io.github.lxcconf.include.IncludeResolver;
import io.github.lxcconf.include.IncludedFile;
import io.github.lxcconf.include.Provenance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates a native config with the files its {@code lxc.include} lines read, as liblxc reads them: each
 * included file in place of its include line, so that what one file does to another (an {@code lxc.cap.keep}
 * after an {@code lxc.cap.drop}, an {@code lxc.net.N.*} key of an interface whose type another file sets, a list
 * an empty value clears) is judged in liblxc's order. Every file is read to its end (a lenient walk,
 * {@link IncludeLimits#lenient()}), so that every problem of every file is reported, each at its own file, line
 * and column.
 */
final class IncludeValidation {
    private static final Pattern LINE = Pattern.compile("\\bline ([0-9]+)\\b");

    private IncludeValidation() {
    }

    /** Whether a config has an {@code lxc.include} line with a value: without one, there is nothing to follow. */
    static boolean includes(LxcConfig config) {
        return config.entries().stream().anyMatch(e -> e.isLxcKey() && e.key().equals("lxc.include")
                && !e.value().isEmpty());
    }

    static Validation validate(LxcConfig config, ValidationOptions options) {
        EffectiveConfig effective = IncludeResolver.resolve(config, options.includeBase().orElseThrow(),
                IncludeLimits.DEFAULT.withLenient(true));
        LxcConfig one = effective.asOneFile();
        Validation asRead = Validator.validate(one, new ValidationOptions(options.version(), options.cgroup2Host(),
                Optional.empty()));
        // where each file's line is read first, to sort the diagnostics in reading order
        Map<Provenance, Integer> firstRead = new HashMap<>();
        for (int n = 1; effective.provenance(n).isPresent(); n++) {
            firstRead.putIfAbsent(effective.provenance(n).get(), n);
        }
        List<Diagnostic> syntaxOfOne = new ArrayList<>(one.diagnostics());
        Set<Diagnostic> out = new LinkedHashSet<>();
        Set<String> included = new HashSet<>();
        for (IncludedFile f : effective.files()) {
            if (f.depth() == 0 || included.add(f.config().sourceName())) {
                // a line after a NUL byte is never read: liblxc reads a file as a C string
                f.config().diagnostics().stream().filter(d -> firstRead.containsKey(new Provenance(d.source(),
                        Math.max(1, d.line())))).forEach(out::add);
            }
        }
        effective.diagnostics().stream().filter(d -> d.code().id().startsWith("INC")).forEach(out::add);
        for (Diagnostic d : asRead.diagnostics()) {
            Optional<Diagnostic> placed = placed(d, effective);
            if (syntaxOfOne.remove(d) && placed.isPresent() && ownSyntax(placed.get(), config, effective)) {
                continue; // each file's own syntax diagnostics are taken from the file above
            }
            placed.ifPresent(out::add);
        }
        List<Diagnostic> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.<Diagnostic>comparingLong(d -> position(d, config, firstRead))
                .thenComparingInt(Diagnostic::column));
        return new Validation(options, sorted);
    }

    /**
     * The diagnostic at its own file and line, the lines it names too; empty for a value an included file repeats
     * or sets again that another file sets too (the including file overriding an included default is what
     * includes are for); the same in the root config is reported, as its own line is what has no effect.
     */
    private static Optional<Diagnostic> placed(Diagnostic d, EffectiveConfig effective) {
        Optional<Provenance> at = effective.provenance(d.line());
        if (at.isEmpty()) {
            return Optional.of(d);
        }
        String source = at.get().source();
        boolean[] otherFile = {false};
        String message = renumber(d.message(), at.get(), effective, otherFile);
        Optional<String> hint = d.hint().map(h -> renumber(h, at.get(), effective, otherFile));
        boolean duplicate = d.code() == DiagnosticCode.VAL_DUPLICATE_KEY
                || d.code() == DiagnosticCode.VAL_DUPLICATE_LIST_VALUE;
        if (duplicate && otherFile[0] && !source.equals(effective.files().get(0).config().sourceName())) {
            return Optional.empty();
        }
        return Optional.of(new Diagnostic(d.severity(), d.code(), message, hint, source, at.get().line(),
                d.column()));
    }

    /**
     * Whether the file's own reading reports this line with this code too: only a line cut at a NUL byte reads
     * otherwise as one of the lines as read.
     */
    private static boolean ownSyntax(Diagnostic d, LxcConfig config, EffectiveConfig effective) {
        LxcConfig file = d.source().equals(config.sourceName()) ? config : effective.files().stream()
                .map(IncludedFile::config).filter(c -> c.sourceName().equals(d.source())).findFirst().orElse(config);
        return file.diagnostics().stream().anyMatch(o -> o.line() == d.line() && o.code() == d.code());
    }

    /** "line 57" of the lines as read, as "line 3" of the same file or "common.conf line 3" of another. */
    private static String renumber(String text, Provenance self, EffectiveConfig effective, boolean[] otherFile) {
        String source = self.source();
        Matcher m = LINE.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            Optional<Provenance> p;
            try {
                p = effective.provenance(Integer.parseInt(m.group(1)));
            } catch (NumberFormatException e) {
                p = Optional.empty();
            }
            String name = p.map(x -> x.source().equals(source) ? "line " + x.line() : x.toString())
                    .orElse(m.group());
            otherFile[0] |= p.isPresent() && !p.get().source().equals(source);
            // a file included twice repeating itself names its own line
            otherFile[0] |= p.isPresent() && p.get().equals(self);
            m.appendReplacement(b, Matcher.quoteReplacement(name));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** Where a diagnostic's line is read: included lines where their include line stands. */
    private static long position(Diagnostic d, LxcConfig config, Map<Provenance, Integer> firstRead) {
        Integer n = firstRead.get(new Provenance(d.source(), Math.max(1, d.line())));
        if (n != null) {
            return n;
        }
        // a line liblxc never reads (after a NUL byte), or a file not read: after what was read, in line order
        return (long) Integer.MAX_VALUE + (d.source().equals(config.sourceName()) ? d.line() : Integer.MAX_VALUE);
    }
}
