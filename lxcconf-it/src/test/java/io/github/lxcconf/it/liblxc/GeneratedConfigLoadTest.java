package io.github.lxcconf.it.liblxc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Generated configs ({@link NativeConfigs}: the grammar of lxcconf-core's property tests, and well-formed typed
 * values), loaded by the real liblxc: liblxc's
 * accept/refuse equals "validate() has an error", and where both accept, the values liblxc holds equal the
 * typed views. Seeded ({@code -Dlxcconf.generated.seed=}, {@code -Dlxcconf.generated.count=}).
 */
class GeneratedConfigLoadTest {
    private static final long SEED = Long.getLong("lxcconf.generated.seed", 20261204L);
    private static final int COUNT = Integer.getInteger("lxcconf.generated.count", 600);

    @RegisterExtension
    static final LibLxcSession SESSION = new LibLxcSession("generated-");

    @Test
    void liblxcAndLxcconfAgreeOnGeneratedConfigs() throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> disagreements = new ArrayList<>();
        Map<String, Integer> known = new TreeMap<>();
        int accepted = 0;
        int compared = 0;
        for (int i = 0; i < COUNT; i++) {
            // half in the grammar of the core property tests, half well-formed typed values
            String text = i % 2 == 0 ? NativeConfigs.config(random) : NativeConfigs.wellFormed(random);
            Path dir = Files.createDirectories(SESSION.work().resolve("cwd"));
            Path file = SESSION.work().resolve(String.format("gen-%04d.conf", i));
            Files.write(file, text.getBytes(StandardCharsets.UTF_8));
            Conformance.Verdict v = Conformance.check(SESSION.lxc(), dir, file);
            accepted += v.libAccepts() ? 1 : 0;
            compared += v.compared();
            Optional<KnownDisagreements.Known> k = v.agrees() ? Optional.empty()
                    : KnownDisagreements.of(v);
            if (k.isPresent()) {
                known.merge(k.get().name(), 1, Integer::sum);
            } else if (!v.agrees()) {
                disagreements.add(file.getFileName() + ": " + v.describe());
            } else {
                Files.delete(file);
            }
        }
        System.out.printf("liblxc %s load: %d generated configs (seed %d), %d accepted by liblxc, %d refused;"
                        + " agreement %d/%d, known disagreements %s; %d typed values compared%n", SESSION.lxc().version(),
                COUNT, SEED, accepted, COUNT - accepted,
                COUNT - disagreements.size() - known.values().stream().mapToInt(i -> i).sum(), COUNT, known,
                compared);
        disagreements.forEach(d -> System.out.println("  DISAGREE " + d));

        assertThat(accepted).as("generated configs liblxc accepts").isGreaterThan(COUNT / 10);
        assertThat(COUNT - accepted).as("generated configs liblxc refuses").isGreaterThan(COUNT / 10);
        assertThat(compared).as("typed values compared with liblxc's").isGreaterThan(COUNT);
        assertThat(disagreements).as("generated configs (kept in " + SESSION.work() + ") where liblxc and lxcconf disagree")
                .isEmpty();
    }
}
