package io.github.lxcconf.include;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.LxcConfig;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Includes a hostile author writes: special files, huge files, include graphs that blow up. */
class HostileIncludeTest {
    private static final Duration BUDGET = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static List<DiagnosticCode> codes(EffectiveConfig eff) {
        return eff.diagnostics().stream().map(Diagnostic::code).toList();
    }

    private static LxcConfig config(String text) {
        return LxcConfig.reader().sourceName("config").parse(text);
    }

    @Test
    void devZeroIsRefusedWithoutReadingIt() {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        LxcConfig root = config("lxc.uts.name = a\nlxc.include = /dev/zero\nlxc.tty.max = 4\n");
        EffectiveConfig eff = assertTimeoutPreemptively(BUDGET, () -> root.effective(dir));
        assertThat(codes(eff)).containsExactly(DiagnosticCode.INC_NOT_A_FILE);
        assertThat(eff.diagnostics().get(0).toString()).isEqualTo("config:2:15: error: included path /dev/zero is"
                + " a FIFO, a socket or a device, not a regular file or directory; lxcconf does not read it [INC005]");
        assertThat(eff.stoppedBy()).isEmpty();
        assertThat(eff.value("lxc.tty.max")).isPresent();
        assertThat(assertTimeoutPreemptively(BUDGET, () -> root.explain(dir)).toText()).contains("lxcconf does not read it");
    }

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("pipe.conf");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo");
            return;
        }
        assumeTrue(p.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");
        LxcConfig root = config("lxc.include = " + fifo + "\nlxc.include = " + dir + "/\n");
        EffectiveConfig eff = assertTimeoutPreemptively(BUDGET, () -> root.effective(dir));
        // once named, once as an entry of the directory: one diagnostic per line
        assertThat(codes(eff)).containsExactly(DiagnosticCode.INC_NOT_A_FILE, DiagnosticCode.INC_NOT_A_FILE);
    }

    @Test
    void aHugeFileIsRefusedByItsSizeWithoutReadingIt() throws IOException {
        Path big = dir.resolve("big.conf");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(200L << 20); // sparse: 200 MiB of NUL bytes that take no disk space
        }
        LxcConfig root = config("lxc.include = big.conf\nlxc.tty.max = 4\n");
        EffectiveConfig eff = assertTimeoutPreemptively(BUDGET, () -> root.effective(dir));
        assertThat(codes(eff)).containsExactly(DiagnosticCode.INC_TOO_LARGE);
        assertThat(eff.diagnostics().get(0).message()).isEqualTo("included file big.conf has 209715200 bytes: the"
                + " included files together pass the limit of 134217728 bytes lxcconf reads");
        assertThat(eff.value("lxc.tty.max")).isPresent();
    }

    @Test
    void theByteLimitCountsEveryFileOnce() throws IOException {
        Files.writeString(dir.resolve("a.conf"), "lxc.uts.name = a\n"); // 17 bytes
        Files.writeString(dir.resolve("b.conf"), "lxc.tty.max = 4\n");  // 16 bytes
        LxcConfig root = config("lxc.include = a.conf\nlxc.include = a.conf\nlxc.include = b.conf\n");
        EffectiveConfig fits = IncludeResolver.resolve(root, dir, IncludeLimits.DEFAULT.withMaxBytes(33));
        assertThat(fits.diagnostics()).isEmpty();
        EffectiveConfig over = IncludeResolver.resolve(root, dir, IncludeLimits.DEFAULT.withMaxBytes(32));
        assertThat(codes(over)).containsExactly(DiagnosticCode.INC_TOO_LARGE);
        assertThat(over.diagnostics().get(0).line()).isEqualTo(3);
    }

    @Test
    void aFileIncludedAgainIsReadOnceAndAppliedAsOftenAsLiblxcApplies() throws IOException {
        Files.writeString(dir.resolve("m.conf"), "lxc.mount.entry = a b none bind 0 0\nlxc.bogus = 1\n");
        LxcConfig root = config("lxc.include = m.conf\nlxc.include = m.conf\nlxc.include = m.conf\n");
        EffectiveConfig eff = root.effective(dir);
        assertThat(eff.values("lxc.mount.entry")).hasSize(1); // the unknown key stops liblxc at the first copy
        Files.writeString(dir.resolve("m.conf"), "lxc.mount.entry = a b none bind 0 0\n# note\n");
        eff = root.effective(dir);
        assertThat(eff.values("lxc.mount.entry")).hasSize(3);
        assertThat(eff.files()).hasSize(4);
        assertThat(eff.files().get(1).config()).isSameAs(eff.files().get(3).config());
    }

    @Test
    void aChainWhereEachFileIncludesTheNextTwiceStopsAtTheLineLimit() throws IOException {
        int depth = 24; // 2^24 files for liblxc
        for (int i = 0; i < depth; i++) {
            Files.writeString(dir.resolve("f" + i + ".conf"), "lxc.environment = LEVEL" + i + "=1\n"
                    + (i + 1 < depth ? "lxc.include = f" + (i + 1) + ".conf\nlxc.include = f" + (i + 1) + ".conf\n" : ""));
        }
        LxcConfig root = config("lxc.include = f0.conf\nlxc.tty.max = 4\n");
        EffectiveConfig eff = assertTimeoutPreemptively(BUDGET, () -> root.effective(dir));
        assertThat(codes(eff)).containsExactly(DiagnosticCode.INC_TOO_MANY_LINES);
        assertThat(eff.diagnostics().get(0).message()).isEqualTo("the includes apply more than 100000 lines in"
                + " all; lxcconf follows no include from here on");
        assertThat(eff.value("lxc.tty.max")).isPresent();
        assertThat(eff.files().stream().map(IncludedFile::config).distinct()).hasSize(depth + 1);

        EffectiveConfig small = IncludeResolver.resolve(root, dir, IncludeLimits.DEFAULT.withMaxAppliedLines(100));
        assertThat(codes(small)).containsExactly(DiagnosticCode.INC_TOO_MANY_LINES);
        assertThat(small.files().size()).isLessThan(100);
    }

    @Test
    void symbolicLinkAliasesOfASelfIncludingFileAreOneFile() throws IOException {
        Path self = dir.resolve("self.conf");
        StringBuilder text = new StringBuilder("lxc.environment = X=1\n");
        for (int i = 0; i < 8; i++) {
            Path alias = Files.createSymbolicLink(dir.resolve("alias" + i + ".conf"), self);
            text.append("lxc.include = ").append(alias).append('\n');
        }
        Files.writeString(self, text);
        LxcConfig root = config("lxc.include = " + self + "\n");
        EffectiveConfig eff = assertTimeoutPreemptively(BUDGET, () -> root.effective(dir));
        // each of the 8 include lines of self.conf names self.conf again: 8 cycles, reported once each
        assertThat(codes(eff)).hasSize(8).containsOnly(DiagnosticCode.INC_CYCLE);
        assertThat(eff.files()).hasSize(2);
    }
}
