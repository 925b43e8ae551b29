package io.github.lxcconf.it.liblxc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every native LXC config of the corpus, loaded by the real liblxc: liblxc's accept/refuse equals
 * "validate() has an error", and where both accept, the device rules, mounts, id maps, capabilities and
 * network interfaces liblxc holds equal lxcconf's typed views.
 */
class CorpusLoadTest {

    @RegisterExtension
    static final LibLxcSession SESSION = new LibLxcSession("corpus-");

    @Test
    void liblxcAndLxcconfAgreeOnEveryCorpusConfig() throws IOException {
        List<Path> lxcFiles = Corpus.lxcFiles();
        List<Path> templates;
        Path filled = Corpus.templateConfigDir(SESSION.work());
        try (var s = Files.list(filled)) {
            templates = s.sorted().toList();
        }
        List<Path> proxmox = Corpus.proxmoxStartFiles(SESSION.work());

        List<Conformance.Verdict> verdicts = new ArrayList<>();
        for (Path p : lxcFiles) {
            verdicts.add(Conformance.check(SESSION.lxc(), p.getParent(), p));
        }
        for (Path p : templates) {
            verdicts.add(Conformance.check(SESSION.lxc(), p.getParent(), p));
        }
        for (Path p : proxmox) {
            verdicts.add(Conformance.check(SESSION.lxc(), p.getParent(), p));
        }

        List<String> unexpected = new ArrayList<>();
        int accepted = 0;
        int known = 0;
        int compared = 0;
        for (Conformance.Verdict v : verdicts) {
            accepted += v.libAccepts() ? 1 : 0;
            compared += v.compared();
            String name = name(v.file());
            if (!v.agrees() && KnownDisagreements.of(v).isPresent()) {
                known++;
                System.out.println("  known disagreement (" + KnownDisagreements.of(v).get().name() + "): " + name);
                continue;
            }
            if (!v.agrees()) {
                unexpected.add(name + ": " + v.describe());
            }
        }
        System.out.printf("liblxc %s load: %d corpus configs (%d lxc/, %d lxc-templates filled in, %d Proxmox-generated"
                        + "), %d accepted by liblxc, %d refused; agreement %d/%d, %d known disagreements; %d typed"
                        + " values compared with get_config_item%n",
                SESSION.lxc().version(), verdicts.size(), lxcFiles.size(), templates.size(), proxmox.size(), accepted,
                verdicts.size() - accepted, verdicts.size() - unexpected.size() - known, verdicts.size(), known,
                compared);
        unexpected.forEach(u -> System.out.println("  DISAGREE " + u));

        assertThat(lxcFiles).as("corpus files").hasSizeGreaterThan(100);
        assertThat(proxmox).as("configs Proxmox generates at start").hasSizeGreaterThan(50);
        assertThat(accepted).as("configs liblxc accepts").isGreaterThan(20);
        assertThat(compared).as("typed values compared with liblxc's").isGreaterThan(1000);
        assertThat(verdicts.size() - accepted).as("configs liblxc refuses").isGreaterThan(20);
        assertThat(unexpected).as("corpus configs where liblxc and lxcconf disagree").isEmpty();
    }

    private static String name(Path file) {
        Path root = Corpus.root();
        if (file.startsWith(root)) {
            return root.relativize(file).toString();
        }
        return SESSION.work().relativize(file).toString();
    }
}
