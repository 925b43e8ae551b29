package io.github.lxcconf.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.testing.PveCorpus;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every Proxmox config under {@code corpus/pve/}, the start config equals what Proxmox generated
 * ({@code proxmox-start/<same path>.lxc}) byte for byte, but for the lines a real node picks at random, which are
 * compared by their form (a cpuset of N distinct CPUs of the node, a MAC); the warnings and the refusal are what
 * Proxmox printed ({@code .err}, whose last message is the refusal when there is no {@code .lxc}), without the Perl
 * source location of a {@code die}. A config started with {@code --skiplock} ({@code .note}) is started so, and is
 * also refused as plain {@code pct start} refuses it.
 */
class StartCorpusTest {
    private static final Pattern PERL_LOCATION = Pattern.compile(" at /usr/share/perl5/\\S+ line \\d+\\.$");
    private static final Pattern SKIPLOCK = Pattern.compile("started as with --skiplock; plain `pct start` dies: (.*)");
    private static final Pattern CPUSET = Pattern.compile("(lxc\\.cgroup2?\\.cpuset\\.cpus) = (.*)");
    private static final Pattern HWADDR = Pattern.compile("(lxc\\.net\\.\\d+\\.hwaddr) = ([0-9A-F]{2}(?::[0-9A-F]{2}){5})");

    record Input(String name, Path path) {
        byte[] bytes() {
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        LxcConfig config() {
            return LxcConfig.reader().dialect(Dialect.PROXMOX).sourceName(name).parse(bytes());
        }

        Optional<String> golden(String suffix) {
            Path p = root().resolve("proxmox-start").resolve(name + suffix);
            try {
                return Files.isRegularFile(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8))
                        : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Path root() {
        URL url = StartCorpusTest.class.getResource("/corpus/pve");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Input> inputs() {
        return PveCorpus.inputs().stream().map(i -> new Input(i.name(), i.path())).toList();
    }

    private static ProxmoxNode nodeFor(Input input) {
        boolean skipLock = input.golden(".note").filter(n -> SKIPLOCK.matcher(n.strip()).matches()).isPresent();
        return ProxmoxNode.builder().skipLock(skipLock).build();
    }

    /** Proxmox's .err as messages: each warning or die, Perl's source location of a die removed. */
    private static String expectedErr(Input input) {
        String err = input.golden(".err").orElse("");
        List<String> lines = new ArrayList<>();
        for (String line : err.split("\n")) {
            lines.add(PERL_LOCATION.matcher(line).replaceFirst(""));
        }
        return err.isEmpty() ? "" : String.join("\n", lines);
    }

    private static String ourErr(StartConfig start) {
        List<String> all = new ArrayList<>(start.warnings());
        start.refusal().ifPresent(all::add);
        return String.join("\n", all);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    @DisplayName("the start config, its warnings and its refusal equal Proxmox's")
    void sameAsProxmox(Input input) {
        StartConfig start = input.config().startConfig(nodeFor(input));
        Optional<String> golden = input.golden(".lxc");

        assertThat(ourErr(start)).as("warnings and refusal of %s", input).isEqualTo(expectedErr(input));
        assertThat(start.refusal().isPresent()).as("refused: %s", input).isEqualTo(golden.isEmpty());
        if (golden.isPresent()) {
            assertSameModuloRandom(input, start.text(), golden.get());
        } else {
            assertThat(start.text()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    @DisplayName("a locked CT is refused without --skiplock, with Proxmox's message")
    void lockedWithoutSkiplock(Input input) {
        Optional<Matcher> note = input.golden(".note").map(n -> SKIPLOCK.matcher(n.strip())).filter(Matcher::matches);
        StartConfig plain = input.config().startConfig();
        if (note.isPresent()) {
            assertThat(plain.refusal()).contains(note.get().group(1));
            assertThat(plain.text()).isEmpty();
        } else {
            assertThat(plain).isEqualTo(input.config().startConfig(nodeFor(input)));
        }
    }

    /** Equal text, but the lines a real node picks at random are compared by their form. */
    static void assertSameModuloRandom(Input input, String ours, String theirs) {
        String[] a = ours.split("\n", -1);
        String[] b = theirs.split("\n", -1);
        assertThat(a.length).as("line count of %s\n%s", input, ours).isEqualTo(b.length);
        String conf = new String(input.bytes(), StandardCharsets.ISO_8859_1);
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals(b[i])) {
                continue;
            }
            Matcher ca = CPUSET.matcher(a[i]);
            Matcher cb = CPUSET.matcher(b[i]);
            if (ca.matches() && cb.matches()) {
                assertThat(ca.group(1)).isEqualTo(cb.group(1));
                Set<Integer> mine = cpus(ca.group(2));
                assertThat(mine).hasSameSizeAs(cpus(cb.group(2)));
                assertThat(mine).allMatch(cpu -> cpu >= 0 && cpu < 16);
                continue;
            }
            Matcher ha = HWADDR.matcher(a[i]);
            Matcher hb = HWADDR.matcher(b[i]);
            if (ha.matches() && hb.matches() && ha.group(1).equals(hb.group(1)) && !conf.contains(hb.group(2))) {
                continue;
            }
            assertThat(a[i]).as("line %d of %s\n%s", i + 1, input, ours).isEqualTo(b[i]);
        }
    }

    static Set<Integer> cpus(String list) {
        Set<Integer> set = new TreeSet<>();
        for (String part : list.split(",")) {
            String[] ends = part.split("-");
            int from = Integer.parseInt(ends[0]);
            int to = ends.length > 1 ? Integer.parseInt(ends[1]) : from;
            for (int c = from; c <= to; c++) {
                set.add(c);
            }
        }
        return set;
    }

    @Test
    @DisplayName("the corpus copy on the class path is the whole proxmox-start corpus")
    void corpusIsComplete() {
        assertThat(inputs()).hasSize(135);
        assertThat(inputs().stream().filter(i -> i.golden(".lxc").isPresent())).hasSize(88);
    }
}
