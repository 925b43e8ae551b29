package io.github.lxcconf.it.liblxc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A seeded differential fuzzer: corpus configs, damaged by {@link Mutator} (the way hands damage files) or by
 * {@link GrammarMutator} (keys and value shapes of LXC's grammar, and included files), loaded by the real liblxc and by
 * lxcconf. lxcconf must never throw or hang on them. Where liblxc's accept/refuse and "validate() has an error"
 * differ, or the values liblxc holds differ from the typed views, the file is a disagreement: they are counted,
 * sorted into categories and written, one example per category, to {@code target/fuzz-report.txt}.
 *
 * <p>The agreement rate is held to {@link #BASELINE}, the rate measured with this fuzzer's default seed when it
 * was written; raise it as lxcconf learns more of liblxc. A short run is part of every build; the
 * {@code fuzz} profile runs a long one: {@code ./mvnw -Pfuzz -pl lxcconf-it -am verify
 * -Dlxcconf.fuzz.count=20000 -Dlxcconf.fuzz.seed=7}.
 */
class LoadFuzzTest {
    /**
     * The lowest share of mutated files on which liblxc and lxcconf agree on accept/refuse, in percent, files whose
     * verdict depends on the loading process left out. Measured with liblxc 5.0.2 and the default seed and count
     * when {@link GrammarMutator} joined {@link Mutator}: 94.53 %; 97.96 % once validate() read included files
     * where liblxc reads them; 100.00 % (786/786) once lxc.init.groups, a blank namespace list and a sign in a
     * lenient number followed liblxc (the long run, 20000 files with seed 7: 99.99 %, 19662/19664, the two left
     * a sign whose verdict depends on the loading process, VAL021). Raise it as lxcconf follows liblxc more closely.
     */
    static final double BASELINE = 99.0;
    /**
     * The lowest share of files both accept on which every compared typed value is the same, in percent: 98.03 %
     * measured with the default seed and count, 99.61 % with the typed views of the include tree, 100.00 %
     * (264/264) once liblxc's values were decoded as lxcconf reads bytes that are not UTF-8 (the long run: 100.00 %,
     * 6202/6202).
     */
    static final double VALUE_BASELINE = 99.5;
    /** How long lxcconf and liblxc together may take on one file before it counts as a hang. */
    private static final long WATCHDOG_SECONDS = 60;

    private static final long SEED = Long.getLong("lxcconf.fuzz.seed", 1L);
    private static final int COUNT = Integer.getInteger("lxcconf.fuzz.count", 800);

    @RegisterExtension
    static final LibLxcSession SESSION = new LibLxcSession("fuzz-");

    /** A seed file and the directory liblxc loads it from. */
    private record Seed(Path file, Path dir) {
    }

    /** One category of disagreement: how many files, and the first example. */
    private static final class Category {
        int count;
        String example;
    }

    @Test
    void lxcconfNeverFailsAndAgreesWithLiblxcAtLeastAsOftenAsBefore() throws Exception {
        List<Seed> seeds = new ArrayList<>();
        for (Path p : Corpus.lxcFiles()) {
            seeds.add(new Seed(p, p.getParent()));
        }
        try (var s = Files.list(Corpus.templateConfigDir(SESSION.work()))) {
            s.sorted().forEach(p -> seeds.add(new Seed(p, p.getParent())));
        }
        for (Path p : Corpus.proxmoxStartFiles(SESSION.work())) {
            seeds.add(new Seed(p, p.getParent()));
        }
        Path cases = Files.createDirectories(SESSION.work().resolve("cases"));

        List<byte[]> seedBytes = new ArrayList<>();
        for (Seed s : seeds) {
            seedBytes.add(Corpus.bytes(s.file()));
        }
        GrammarMutator grammar = new GrammarMutator(cases, seedBytes);
        SplittableRandom random = new SplittableRandom(SEED);
        ExecutorService lxcconf = Executors.newSingleThreadExecutor();
        List<String> failures = new ArrayList<>();
        Map<String, Category> categories = new LinkedHashMap<>();
        int verdictAgree = 0;
        int fullAgree = 0;
        int accepted = 0;
        int hung = 0;
        int known = 0;
        int nulFiles = 0;
        int processDependent = 0;
        int loaderDependent = 0;
        int bothAccept = 0;
        int valuesAgree = 0;
        try {
            for (int i = 0; i < COUNT; i++) {
                Seed seed = seeds.get(random.nextInt(seeds.size()));
                String name = String.format("fuzz-%06d", i);
                Mutator.Mutated m = random.nextBoolean() ? Mutator.mutate(Corpus.bytes(seed.file()), random.split())
                        : grammar.mutate(Corpus.bytes(seed.file()), random.split(), name + "-inc");
                Path file = cases.resolve(name + ".conf");
                Files.write(file, m.bytes());
                if (ProcessDependence.of(file).isPresent()) {
                    // liblxc's verdict on these depends on the process that loads them, not on the file
                    processDependent++;
                    continue;
                }
                Future<Conformance.Verdict> f = lxcconf.submit(() -> Conformance.check(SESSION.lxc(), seed.dir(), file));
                Conformance.Verdict v;
                try {
                    v = f.get(WATCHDOG_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failures.add(file.getFileName() + " (from " + seed.file().getFileName() + ", " + m.mutations()
                            + "): lxcconf threw " + e.getCause());
                    continue;
                } catch (TimeoutException e) {
                    f.cancel(true);
                    failures.add(file.getFileName() + " (from " + seed.file().getFileName() + ", " + m.mutations()
                            + "): no answer within " + WATCHDOG_SECONDS + " s");
                    lxcconf.shutdownNow();
                    lxcconf = Executors.newSingleThreadExecutor();
                    continue;
                }
                accepted += v.libAccepts() ? 1 : 0;
                loaderDependent += v.loaderDependent() ? 1 : 0;
                hung += v.hung() ? 1 : 0;
                verdictAgree += v.verdictAgrees() ? 1 : 0;
                fullAgree += v.agrees() ? 1 : 0;
                if (v.libAccepts() && v.lxcconfAccepts() && !v.hung()) {
                    bothAccept++;
                    valuesAgree += v.valueDifferences().isEmpty() ? 1 : 0;
                }
                if (v.agrees()) {
                    Files.delete(file);
                    try (var inc = Files.newDirectoryStream(cases, name + "-inc-*")) {
                        for (Path p : inc) {
                            Files.delete(p);
                        }
                    }
                    continue;
                }
                Optional<KnownDisagreements.Known> isKnown = KnownDisagreements.of(v);
                known += isKnown.isPresent() ? 1 : 0;
                boolean nul = new String(m.bytes(), StandardCharsets.ISO_8859_1).indexOf('\0') >= 0;
                nulFiles += nul ? 1 : 0;
                String kind = isKnown.map(k -> "known: " + k.name()).orElseGet(() -> category(v));
                Category c = categories.computeIfAbsent((nul ? "[file with a NUL byte] " : "") + kind,
                        k -> new Category());
                if (c.count++ == 0) {
                    c.example = file.getFileName() + " (from " + Corpus.root().getParent().relativize(seed.file())
                            .toString().replace("../", "") + "; " + String.join(", ", m.mutations()) + ")\n    "
                            + v.failedLine().map(l -> "liblxc stops at: " + l + "\n    ").orElse("")
                            + v.describe();
                }
            }
        } finally {
            lxcconf.shutdownNow();
        }

        int judged = COUNT - processDependent;
        double rate = 100.0 * verdictAgree / judged;
        double valueRate = bothAccept == 0 ? 100.0 : 100.0 * valuesAgree / bothAccept;
        StringBuilder report = new StringBuilder();
        report.append(String.format("liblxc %s load fuzz: %d mutated corpus configs (seed %d, %d seed files),"
                        + " %d whose verdict depends on the loading process (left out), %d accepted by liblxc,"
                        + " %d refused%n", SESSION.lxc().version(), COUNT, SEED, seeds.size(), processDependent,
                accepted, judged - accepted));
        report.append(String.format("accept/refuse agreement: %d/%d = %.2f %% (baseline %.2f %%); typed values equal"
                        + " where both accept: %d/%d = %.2f %% (baseline %.2f %%); both together: %d/%d = %.2f %%;"
                        + " %d liblxc hangs; of the %d disagreeing files, %d hold a NUL byte and %d match a known"
                        + " difference; lxcconf says the outcome depends on the loading process (VAL021) in %d of"
                        + " the judged files%n", verdictAgree, judged, rate, BASELINE, valuesAgree, bothAccept, valueRate,
                VALUE_BASELINE, fullAgree, judged, 100.0 * fullAgree / judged, hung, judged - fullAgree, nulFiles,
                known, loaderDependent));
        report.append(String.format("%d categories of disagreement (the disagreeing files are kept in %s):%n",
                categories.size(), cases));
        categories.entrySet().stream().sorted((a, b) -> b.getValue().count - a.getValue().count).forEach(e ->
                report.append(String.format("%n%5d  %s%n  e.g. %s%n", e.getValue().count, e.getKey(),
                        e.getValue().example)));
        Path out = Path.of(System.getProperty("basedir", ".")).resolve("target/fuzz-report.txt");
        Files.write(out, report.toString().getBytes(StandardCharsets.UTF_8)); // a lone surrogate becomes ?
        // a mutated file's NUL or escape byte can reach a message: the build log shows it as \\xNN
        System.out.print(visible(report.toString()));

        assertThat(failures).as("mutated configs on which lxcconf threw or hung").isEmpty();
        assertThat(accepted).as("mutated configs liblxc accepts").isGreaterThan(COUNT / 10);
        assertThat(judged - accepted).as("mutated configs liblxc refuses").isGreaterThan(COUNT / 10);
        assertThat(rate).as("accept/refuse agreement in percent (see " + out + ")").isGreaterThanOrEqualTo(BASELINE);
        assertThat(valueRate).as("files with equal typed values where both accept, in percent (see " + out + ")")
                .isGreaterThanOrEqualTo(VALUE_BASELINE);
    }

    /** Sorts a disagreement: who refuses, the key of the deciding line, and liblxc's message or lxcconf's code. */
    static String category(Conformance.Verdict v) {
        if (v.hung()) {
            return "liblxc hung";
        }
        if (!v.libAccepts() && v.lxcconfAccepts()) {
            if (v.libError().contains("Invalid configuration line")) {
                return "liblxc refuses, lxcconf accepts: Invalid configuration line (an lxc. line without '=')";
            }
            if (v.libError().contains("Unsupported config key")) {
                return "liblxc refuses, lxcconf accepts: Unsupported config key";
            }
            String key = v.failedLine().map(LoadFuzzTest::keyOf).orElse("?");
            return "liblxc refuses, lxcconf accepts: " + key + ": " + shape(v.libError());
        }
        if (v.libAccepts() && !v.lxcconfAccepts()) {
            return "liblxc accepts, lxcconf refuses: " + v.firstError().map(d -> d.code().id() + " " + d.code())
                    .orElse("?");
        }
        String first = v.valueDifferences().get(0);
        return "both accept, values differ: " + first.substring(0, first.indexOf(':')).replaceAll("[0-9]+", "N");
    }

    /** The key of a config line, with numbers as N, for grouping. */
    static String keyOf(String line) {
        String s = line.strip();
        int end = 0;
        while (end < s.length() && " \t=".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        return s.substring(0, end).replaceAll("[0-9]+", "N");
    }

    /** A message with its quoted parts and numbers blanked, for grouping. */
    static String shape(String message) {
        return message.replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("(.)\\1{15,}", "$1$1$1…")
                .replaceAll("[0-9]+", "N");
    }

    /** Returns the text with control characters other than line breaks and tabs written as {@code \\xNN}. */
    static String visible(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7f) {
                b.append(String.format("\\x%02X", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
