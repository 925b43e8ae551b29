package io.github.lxcconf;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.syntax.CommentLine;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.SectionLine;
import io.github.lxcconf.testing.Property;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** {@link LxcConfig#format()}: the canonical layout, and that it never changes what a line means. */
class FormatTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // native LXC
                Arguments.of(Dialect.LXC, "lxc.arch=amd64\n", "lxc.arch = amd64\n"),
                Arguments.of(Dialect.LXC, "  lxc.arch \t=\t amd64  \n", "lxc.arch = amd64\n"),
                Arguments.of(Dialect.LXC, "lxc.arch = amd64\n", "lxc.arch = amd64\n"),
                Arguments.of(Dialect.LXC, "lxc.net.0.type=\n", "lxc.net.0.type =\n"),
                Arguments.of(Dialect.LXC, "lxc.net.0.type =   \n", "lxc.net.0.type =\n"),
                Arguments.of(Dialect.LXC, "lxc.uts.name=\"a  b\"\n", "lxc.uts.name = \"a  b\"\n"),
                Arguments.of(Dialect.LXC, "lxc.mount.entry=/a  b none bind 0 0\n",
                        "lxc.mount.entry = /a  b none bind 0 0\n"),
                Arguments.of(Dialect.LXC, "   # a comment  \n", "# a comment  \n"),
                Arguments.of(Dialect.LXC, " \t \n", "\n"),
                Arguments.of(Dialect.LXC, "lxc.arch = amd64", "lxc.arch = amd64\n"),
                Arguments.of(Dialect.LXC, "lxc.tty.max=1\r\nlxc.arch=x\nlxc.autodev=1\r\nlxc.pty.max=3",
                        "lxc.tty.max = 1\r\nlxc.arch = x\nlxc.autodev = 1\r\nlxc.pty.max = 3\r\n"),
                Arguments.of(Dialect.LXC, "a=1\n", "a=1\n"),
                Arguments.of(Dialect.LXC, "lxc.arch: amd64\n", "lxc.arch: amd64\n"),
                Arguments.of(Dialect.LXC, "", ""),
                // Proxmox
                Arguments.of(Dialect.PROXMOX, "memory:512\n", "memory: 512\n"),
                Arguments.of(Dialect.PROXMOX, "memory:    512   \n", "memory: 512\n"),
                Arguments.of(Dialect.PROXMOX, "lxc.apparmor.profile = unconfined\n",
                        "lxc.apparmor.profile: unconfined\n"),
                Arguments.of(Dialect.PROXMOX, "lxc.apparmor.profile=unconfined\n",
                        "lxc.apparmor.profile: unconfined\n"),
                Arguments.of(Dialect.PROXMOX, "#  Notes with  blanks  \n", "#  Notes with  blanks  \n"),
                Arguments.of(Dialect.PROXMOX, "memory: 512\n\n[snap1]  \nmemory: 256\n",
                        "memory: 512\n\n[snap1]\nmemory: 256\n"),
                Arguments.of(Dialect.PROXMOX, "memory: 512\n   \n", "memory: 512\n\n"),
                Arguments.of(Dialect.PROXMOX, "lxc.cap.drop:\n", "lxc.cap.drop: \n"),
                Arguments.of(Dialect.PROXMOX, "lxc.cap.drop =\n", "lxc.cap.drop: \n"),
                // changed lines are read again a piece at a time, each as it reads in the whole file: a 'delete'
                // line is an option in [pve:pending] only, wherever the piece it is read in starts
                Arguments.of(Dialect.PROXMOX, "memory: 1\n[pve:pending]\ndelete:  memory \n  \n",
                        "memory: 1\n[pve:pending]\ndelete: memory\n\n"),
                Arguments.of(Dialect.PROXMOX, "memory:2\ndelete:  memory\n[snap1]  \ndelete:  x\n[pve:pending]  \n"
                        + "delete:  swap\n", "memory: 2\ndelete:  memory\n[snap1]\ndelete:  x\n[pve:pending]\n"
                        + "delete: swap\n"),
                // an emptied blank line after a lone CR would join the two lines: nothing changes
                Arguments.of(Dialect.LXC, "lxc.arch=amd64\r  \nlxc.uts.name=a\n", "lxc.arch=amd64\r  \nlxc.uts.name=a\n"),
                Arguments.of(Dialect.LXC, "  lxc.arch=amd64\r lxc.uts.name=a\n", "lxc.arch = amd64\rlxc.uts.name = a\n"),
                // a NUL byte ends a native file for liblxc: the whole text is read again
                Arguments.of(Dialect.LXC, "lxc.arch=amd64\nlxc.uts.name=a\0b\nlxc.tty.max=1\n",
                        "lxc.arch = amd64\nlxc.uts.name = a\nlxc.tty.max=1\n"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void canonicalLayout(Dialect dialect, String text, String expected) {
        LxcConfig config = LxcConfig.reader().dialect(dialect).parse(text);
        LxcConfig formatted = config.format();
        assertThat(formatted.render()).isEqualTo(expected);
        assertThat(formatted.dialect()).isEqualTo(dialect);
        assertThat(formatted.lines()).hasSameSizeAs(config.lines());
        assertThat(formatted.format().render()).isEqualTo(expected);
    }

    @Test
    void aCanonicalConfigIsReturnedAsItIs() {
        LxcConfig config = LxcConfig.parse("lxc.arch = amd64\n# note\n\nlxc.uts.name = web\n");
        assertThat(config.format()).isSameAs(config);
    }

    @Test
    void untouchedLinesStayTheSameObjectsAndTheSourceIsKept() {
        LxcConfig config = LxcConfig.reader().sourceName("web.conf")
                .parse("lxc.arch = amd64\nlxc.uts.name=web\n# note\n");
        LxcConfig formatted = config.format();
        assertThat(formatted.lines().get(0)).isSameAs(config.lines().get(0));
        assertThat(formatted.lines().get(2)).isSameAs(config.lines().get(2));
        assertThat(formatted.lines().get(1).text()).isEqualTo("lxc.uts.name = web\n");
        assertThat(formatted.sourceName()).isEqualTo("web.conf");
    }

    @Test
    void aLineThatDoesNotParseIsKept() {
        String text = "lxc.arch = amd64\n  this is not a setting  \n";
        LxcConfig formatted = LxcConfig.parse(text).format();
        assertThat(formatted.render()).isEqualTo(text);
    }

    @Test
    void aByteOrderMarkIsKept() {
        LxcConfig formatted = LxcConfig.parse("\uFEFF# c\nlxc.arch=amd64\n").format();
        assertThat(formatted.hasByteOrderMark()).isTrue();
        assertThat(formatted.render()).isEqualTo("\uFEFF# c\nlxc.arch = amd64\n");
    }

    @Test
    void everyCorpusConfigKeepsItsMeaning() throws IOException {
        List<String> changedFiles = new ArrayList<>();
        for (CorpusRoundTripTest.CorpusFile file : CorpusRoundTripTest.corpus()) {
            if (file.name().startsWith("seccomp/")) {
                continue;
            }
            LxcConfig config = LxcConfig.reader().sourceName(file.name()).parse(Files.readAllBytes(file.path()));
            LxcConfig formatted = config.format();
            assertSameMeaning(config, formatted);
            assertThat(formatted.format().render()).as(file.name()).isEqualTo(formatted.render());
            if (formatted != config) {
                changedFiles.add(file.name());
            }
        }
        // Real files are mostly written by tools in the canonical layout, but not all of them.
        assertThat(changedFiles).isNotEmpty();
    }

    @Test
    void generatedConfigsKeepTheirMeaning() {
        Property.forAll("format keeps meaning and is idempotent", 1500, CheckPropertiesTest.CONFIG, config -> {
            LxcConfig formatted = config.format();
            assertSameMeaning(config, formatted);
            assertThat(formatted.format().render()).isEqualTo(formatted.render());
        });
    }

    private static void assertSameMeaning(LxcConfig config, LxcConfig formatted) {
        String name = config.sourceName();
        assertThat(formatted.dialect()).as(name).isEqualTo(config.dialect());
        assertThat(formatted.lines()).as(name).hasSameSizeAs(config.lines());
        for (int i = 0; i < config.lines().size(); i++) {
            Line a = config.lines().get(i);
            Line b = formatted.lines().get(i);
            String where = name + " line " + (i + 1);
            assertThat(b.getClass()).as(where).isEqualTo(a.getClass());
            if (a instanceof EntryLine ea && b instanceof EntryLine eb) {
                assertThat(eb.key()).as(where).isEqualTo(ea.key());
                assertThat(eb.value()).as(where).isEqualTo(ea.value());
            } else if (a instanceof CommentLine ca && b instanceof CommentLine cb) {
                assertThat(cb.commentText()).as(where).isEqualTo(ca.commentText());
            } else if (a instanceof SectionLine sa && b instanceof SectionLine sb) {
                assertThat(sb.name()).as(where).isEqualTo(sa.name());
            }
        }
        assertThat(codes(formatted)).as(name).isEqualTo(codes(config));
    }

    private static List<String> codes(LxcConfig config) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : config.validate().diagnostics()) {
            // DIA001 tells how the text was read, not what it means: formatting writes every line in the shape of
            // the config's dialect, which may leave no line of the other shape
            if (d.code() != DiagnosticCode.DIALECT_MIXED) {
                out.add(d.line() + ":" + d.code());
            }
        }
        return out;
    }
}
