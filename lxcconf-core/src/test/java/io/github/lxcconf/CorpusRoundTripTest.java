package io.github.lxcconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.lxcconf.syntax.Line;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the corpus (src/test/resources/corpus, a byte-for-byte copy of
 * the shared corpus: native LXC configs, Proxmox VE configs with Proxmox's own
 * rewrites, seccomp policies) reads back byte for byte, has the right number of
 * lines, gets no false errors and is read in the right dialect.
 *
 * <p>The files are found through the class path, so the test runs from a clean
 * clone without the shared folder beside it.
 */
@DisplayName("Corpus: every real-world file reads back byte for byte")
class CorpusRoundTripTest {

    /** The only error codes a Proxmox file may have: lines Proxmox itself refuses (checked line by line in ProxmoxParityTest). */
    private static final Set<DiagnosticCode> PROXMOX_ERROR_CODES = EnumSet.of(
            DiagnosticCode.PVE_UNPARSABLE_LINE,
            DiagnosticCode.PVE_BAD_SECTION_HEADER,
            DiagnosticCode.PVE_DELETE_OUTSIDE_PENDING,
            DiagnosticCode.PVE_INTERNAL_KEY);

    /** A {@code key: value} line in column 0 with a key Proxmox reads: an option or a raw lxc.* key. */
    private static final Pattern PROXMOX_OPTION_LINE =
            Pattern.compile("^(?:[a-z][a-z_]*[0-9]*|lxc\\.[a-z0-9_.-]+):", Pattern.MULTILINE);

    /** One corpus file: its path relative to the corpus root (with '/') and its location on disk. */
    record CorpusFile(String name, Path path) {
        byte[] bytes() {
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The text, if the file is valid UTF-8. */
        Optional<String> utf8() {
            try {
                return Optional.of(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes())).toString());
            } catch (CharacterCodingException e) {
                return Optional.empty();
            }
        }

        boolean isLxc() {
            return name.startsWith("lxc/") || isProxmoxStart();
        }

        boolean isProxmox() {
            return name.startsWith("pve/") && !isProxmoxStart();
        }

        /** A native config Proxmox generated at start ({@code pve/proxmox-start/**.lxc}). */
        boolean isProxmoxStart() {
            return name.startsWith("pve/proxmox-start/");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Path corpusRoot() {
        URL url = CorpusRoundTripTest.class.getResource("/corpus");
        assertThat(url).as("the corpus on the test class path").isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every config or policy file: not README.md, not Proxmox's *.warnings, and of {@code pve/proxmox-start/}
     * only the generated native configs ({@code *.lxc}), not what Proxmox printed or the notes beside them.
     */
    static List<CorpusFile> corpus() {
        Path root = corpusRoot();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("README.md"))
                    .filter(p -> !p.getFileName().toString().endsWith(".warnings"))
                    .filter(p -> !root.relativize(p).startsWith("pve/proxmox-start")
                            || p.getFileName().toString().endsWith(".lxc"))
                    .map(p -> new CorpusFile(root.relativize(p).toString().replace('\\', '/'), p))
                    .sorted((a, b) -> a.name().compareTo(b.name()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<CorpusFile> allFiles() {
        return corpus().stream();
    }

    static Stream<CorpusFile> validUtf8Files() {
        return corpus().stream().filter(f -> f.utf8().isPresent());
    }

    static Stream<CorpusFile> lxcFiles() {
        return corpus().stream().filter(CorpusFile::isLxc);
    }

    static Stream<CorpusFile> proxmoxFiles() {
        return corpus().stream().filter(CorpusFile::isProxmox);
    }

    static Stream<CorpusFile> proxmoxFilesWithOptionLines() {
        return proxmoxFiles().filter(f -> PROXMOX_OPTION_LINE.matcher(f.utf8().orElseGet(
                () -> new String(f.bytes(), StandardCharsets.ISO_8859_1))).find());
    }

    // ------------------------------------------------------------------ the corpus itself

    @Test
    @DisplayName("the corpus is on the class path, with every part of it")
    void corpusIsComplete() {
        List<String> names = corpus().stream().map(CorpusFile::name).toList();
        assertThat(names).hasSizeGreaterThan(300);
        assertThat(names).anyMatch(n -> n.startsWith("lxc/lxc-upstream/"))
                .anyMatch(n -> n.startsWith("lxc/lxc-templates/"))
                .anyMatch(n -> n.startsWith("lxc/external/"))
                .anyMatch(n -> n.startsWith("pve/pve-container-tests/"))
                .anyMatch(n -> n.startsWith("pve/proxmox-rewrite/"))
                .anyMatch(n -> n.startsWith("pve/synthetic/"))
                .anyMatch(n -> n.startsWith("seccomp/"));
        Path root = corpusRoot();
        assertThat(root.resolve("lxc/README.md")).isRegularFile();
        assertThat(root.resolve("pve/README.md")).isRegularFile();
        assertThat(root.resolve("seccomp/README.md")).isRegularFile();
        // the corpus holds files that are not valid UTF-8 and files with CRLF: both must survive the copy
        assertThat(validUtf8Files().count()).isLessThan(names.size());
        assertThat(allFiles()).anyMatch(f -> new String(f.bytes(), StandardCharsets.ISO_8859_1).contains("\r\n"));
    }

    @Test
    @DisplayName("the corpus on the class path is a byte-for-byte copy of the shared corpus, when that is beside the repository")
    void corpusIsAnExactCopy() throws IOException {
        String shared = System.getProperty("lxcconf.shared.dir");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "corpus")),
                "the shared corpus is not beside the repository (a clean clone): nothing to compare");
        Path original = Path.of(shared, "corpus");
        Path copy = corpusRoot();
        List<String> originalFiles = relativeFiles(original);
        assertThat(relativeFiles(copy)).containsExactlyElementsOf(originalFiles);
        for (String name : originalFiles) {
            assertThat(Files.readAllBytes(copy.resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(original.resolve(name)));
        }
    }

    private static List<String> relativeFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    // ------------------------------------------------------------------ round trip

    @ParameterizedTest(name = "{0}")
    @MethodSource("allFiles")
    @DisplayName("reader().parse(bytes).toBytes() gives back the file's bytes")
    void bytesRoundTrip(CorpusFile file) {
        byte[] bytes = file.bytes();
        LxcConfig config = LxcConfig.reader().sourceName(file.name()).parse(bytes);
        assertThat(config.toBytes()).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allFiles")
    @DisplayName("writeTo(OutputStream) writes the file's bytes, as toBytes() returns them, formatted too")
    void streamRoundTrip(CorpusFile file) throws IOException {
        LxcConfig config = LxcConfig.reader().sourceName(file.name()).parse(file.bytes());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        config.writeTo(out);
        assertThat(out.toByteArray()).isEqualTo(file.bytes());
        LxcConfig formatted = config.format();
        out.reset();
        formatted.writeTo(out);
        assertThat(out.toByteArray()).isEqualTo(formatted.toBytes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allFiles")
    @DisplayName("LxcConfig.parse(path).toBytes() gives back the file's bytes")
    void pathRoundTrip(CorpusFile file) throws IOException {
        LxcConfig config = LxcConfig.parse(file.path());
        assertThat(config.toBytes()).isEqualTo(file.bytes());
        assertThat(config.path()).contains(file.path());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validUtf8Files")
    @DisplayName("render() gives back the decoded text of a UTF-8 file, read as bytes, as a path and as text")
    void renderRoundTrip(CorpusFile file) throws IOException {
        String text = file.utf8().orElseThrow();
        assertThat(LxcConfig.reader().parse(file.bytes()).render()).isEqualTo(text);
        assertThat(LxcConfig.parse(file.path()).render()).isEqualTo(text);
        assertThat(LxcConfig.parse(text).render()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allFiles")
    @DisplayName("one line per line end, plus a last line without one")
    void lineCount(CorpusFile file) throws IOException {
        byte[] bytes = file.bytes();
        int lineEnds = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lineEnds++;
            } else if (bytes[i] == '\r') {
                lineEnds++;
                if (i + 1 < bytes.length && bytes[i + 1] == '\n') {
                    i++; // CRLF is one line end
                }
            }
        }
        boolean endsWithLineEnd = bytes.length > 0 && (bytes[bytes.length - 1] == '\n' || bytes[bytes.length - 1] == '\r');
        int expected = lineEnds + (bytes.length > 0 && !endsWithLineEnd ? 1 : 0);

        LxcConfig config = LxcConfig.parse(file.path());
        assertThat(config.lines()).hasSize(expected);
        List<Line> lines = config.lines();
        for (int i = 0; i < lines.size() - 1; i++) {
            assertThat(lines.get(i).eol()).as("line end of line %d", i + 1).isNotEmpty();
        }
    }

    // ------------------------------------------------------------------ no false errors

    @ParameterizedTest(name = "{0}")
    @MethodSource("lxcFiles")
    @DisplayName("a native LXC file has no errors")
    void lxcFilesHaveNoErrors(CorpusFile file) throws IOException {
        LxcConfig config = LxcConfig.parse(file.path());
        assertThat(config.errors()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proxmoxFiles")
    @DisplayName("a Proxmox file has errors only on lines Proxmox refuses itself")
    void proxmoxFilesHaveOnlyProxmoxErrors(CorpusFile file) throws IOException {
        LxcConfig config = LxcConfig.parse(file.path());
        assertThat(config.errors()).allSatisfy(d -> assertThat(d.code()).isIn(PROXMOX_ERROR_CODES));
    }

    // ------------------------------------------------------------------ dialect

    @ParameterizedTest(name = "{0}")
    @MethodSource("lxcFiles")
    @DisplayName("a native LXC file is read as LXC")
    void lxcFilesAreLxc(CorpusFile file) throws IOException {
        assertThat(LxcConfig.parse(file.path()).dialect()).isEqualTo(Dialect.LXC);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proxmoxFilesWithOptionLines")
    @DisplayName("a Proxmox file with a 'key: value' line in column 0 is read as PROXMOX")
    void proxmoxFilesAreProxmox(CorpusFile file) throws IOException {
        assertThat(LxcConfig.parse(file.path()).dialect()).isEqualTo(Dialect.PROXMOX);
    }
}
