package io.github.lxcconf.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.LxcConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real-world config of the corpus gives typed settings without an
 * exception, and the native LXC configs without an error except where liblxc
 * refuses the file.
 */
@DisplayName("Corpus: typed settings of every real-world file")
class CorpusSettingsTest {

    /**
     * The native files liblxc refuses because of a value the typed views read, with the reason. The corpus
     * README's expectations checked keys only; the files it lists as refused for their keys (legacy keys,
     * LXC 7 and lxc.cgroup.*, template tokens) have no errors in these views.
     */
    private static final Map<String, String> REFUSED = Map.of(
            "lxc/lxc-upstream/lxc-2.0.0/templates/gentoo.moresecure.conf",
            "33 LXC105: lxc.cap.drop lists 'sys_resources', which is no capability (the capability is sys_resource;"
                    + " lxc-templates fixed the typo later): liblxc refuses it with 'Invalid capability specified'");

    static Path root() {
        URL url = CorpusSettingsTest.class.getResource("/corpus");
        assertThat(url).as("the corpus on the test class path").isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> files(String under) {
        Path root = root();
        try (Stream<Path> walk = Files.walk(root.resolve(under))) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("README.md"))
                    .filter(p -> !p.getFileName().toString().endsWith(".warnings"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lxcFiles() {
        return files("lxc");
    }

    static List<String> pveFiles() {
        return files("pve");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lxcFiles")
    @DisplayName("native LXC: no exception, no error unless liblxc refuses the file for a value")
    void nativeFiles(String name) throws IOException {
        LxcSettings s = LxcConfig.reader().sourceName(name).parse(Files.readAllBytes(root().resolve(name))).lxc();
        List<String> errors = s.diagnostics().stream().filter(Diagnostic::isError)
                .map(d -> d.line() + " " + d.code().id()).toList();
        if (REFUSED.containsKey(name)) {
            assertThat(errors).containsExactly(REFUSED.get(name).substring(0, REFUSED.get(name).indexOf(':')));
        } else {
            assertThat(errors).as(s.diagnostics().toString()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pveFiles")
    @DisplayName("Proxmox VE: the raw lxc.* lines give settings without an exception")
    void proxmoxFiles(String name) throws IOException {
        LxcConfig config = LxcConfig.reader().sourceName(name).parse(Files.readAllBytes(root().resolve(name)));
        LxcSettings s = config.lxc();
        assertThat(s.diagnostics()).allSatisfy(d -> assertThat(d.source()).isEqualTo(name));
    }

    @Test
    @DisplayName("the corpus has native files and the refused ones are among them")
    void corpusPresent() {
        assertThat(lxcFiles()).hasSizeGreaterThan(90).containsAll(REFUSED.keySet());
        assertThat(pveFiles()).hasSizeGreaterThan(100);
    }

    @Test
    @DisplayName("lxc-complex.conf sets lxc.net.0.type three times: only the last (phys) interface survives")
    void lxcComplex() throws IOException {
        LxcSettings s = LxcConfig.parse(root().resolve("lxc/lxc-upstream/head/doc-examples/lxc-complex.conf")).lxc();
        assertThat(s.networkInterfaces()).hasSize(1);
        assertThat(s.networkInterfaces().get(0).type()).contains(NetworkType.PHYS);
        assertThat(s.diagnostics()).extracting(Diagnostic::code).containsOnly(DiagnosticCode.LXC_NET_TYPE_RESET)
                .hasSize(2);
    }

    @Test
    @DisplayName("common.conf then userns.conf (head), as an unprivileged container reads them")
    void commonThenUserns() throws IOException {
        Path templates = root().resolve("lxc/lxc-upstream/head/templates");
        LxcSettings common = LxcConfig.parse(templates.resolve("common.conf")).lxc();
        assertThat(common.deviceRules()).hasSize(13);
        assertThat(common.deviceRules().get(0).isGlobal()).isTrue();
        assertThat(common.deviceRules()).filteredOn(r -> r.deviceInfo().isPresent()).hasSize(10);
        assertThat(common.capabilities().list()).containsExactly(Capability.MAC_ADMIN, Capability.MAC_OVERRIDE,
                Capability.SYS_TIME, Capability.SYS_MODULE, Capability.SYS_RAWIO);
        assertThat(common.seccomp().profile()).contains("@LXCTEMPLATECONFIG@/common.seccomp");
        assertThat(common.mountEntries()).extracting(MountEntry::isOptional).containsExactly(true);
        String both = Files.readString(templates.resolve("common.conf")) + Files.readString(templates.resolve(
                "userns.conf"));
        LxcSettings s = LxcConfig.parse(both).lxc();
        assertThat(s.diagnostics()).isEmpty();
        assertThat(s.deviceRules()).isEmpty();
        assertThat(s.capabilities()).isEqualTo(Capabilities.NONE);
        assertThat(s.mountAuto()).extracting(MountAuto::toValue).containsExactly("proc:mixed", "sys:rw",
                "cgroup:mixed");
        assertThat(s.hooks()).extracting(Hook::key).containsExactly("lxc.hook.clone");
    }
}
