package io.github.lxcconf.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.model.proxmox.Description;
import io.github.lxcconf.syntax.CommentLine;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of the comment edits: {@link ConfigEditor#commentAbove}, {@link ConfigEditor#commentOut} and
 * {@link ConfigEditor#uncomment}. Given a text, when an edit of one of its lines, then exactly this text, with
 * every other line the same object.
 */
class CommentEditTest {

    static Given given(String text) {
        return new Given(LxcConfig.parse(text));
    }

    record Given(LxcConfig config) {
        /** The edit gets the editor and the lines of the config, 0-based. */
        When when(BiFunction<ConfigEditor, List<Line>, ConfigEditor> edit) {
            return new When(config, edit.apply(config.edit(), config.lines()).build());
        }

        void refuses(BiFunction<ConfigEditor, List<Line>, ConfigEditor> edit, String message) {
            assertThatThrownBy(() -> edit.apply(config.edit(), config.lines()).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        }
    }

    record When(LxcConfig before, LxcConfig after) {
        void renders(String expected) {
            assertThat(after.render()).isEqualTo(expected);
            assertThat(LxcConfig.reader().dialect(before.dialect()).parse(after.render()).lines())
                    .isEqualTo(after.lines());
            List<Line> old = before.lines();
            long shared = after.lines().stream().filter(l -> old.stream().anyMatch(o -> o == l)).count();
            assertThat(shared).as("untouched lines shared by reference").isEqualTo(
                    after.lines().size() == old.size() ? old.size() - 1 : old.size());
        }
    }

    private static EntryLine entry(List<Line> lines, int i) {
        return (EntryLine) lines.get(i);
    }

    private static CommentLine comment(List<Line> lines, int i) {
        return (CommentLine) lines.get(i);
    }

    @Test
    @DisplayName("a comment above a line copies its indent and line end")
    void commentAbove() {
        given("lxc.uts.name = web\nlxc.cgroup2.devices.allow = c 10:200 rwm\n")
                .when((e, l) -> e.commentAbove(l.get(1), "tun for the VPN"))
                .renders("lxc.uts.name = web\n# tun for the VPN\nlxc.cgroup2.devices.allow = c 10:200 rwm\n");
        given("lxc.uts.name = web\r\n\tlxc.arch = amd64\r\n")
                .when((e, l) -> e.commentAbove(l.get(1), "x86_64"))
                .renders("lxc.uts.name = web\r\n\t# x86_64\r\n\tlxc.arch = amd64\r\n");
        given("lxc.uts.name = web\n").when((e, l) -> e.commentAbove(l.get(0), ""))
                .renders("#\nlxc.uts.name = web\n");
    }

    @Test
    @DisplayName("above a last line without a line end, the comment takes the file's line end")
    void commentAboveTheLastLine() {
        given("lxc.arch = amd64\r\nlxc.uts.name = web").when((e, l) -> e.commentAbove(l.get(1), "name"))
                .renders("lxc.arch = amd64\r\n# name\r\nlxc.uts.name = web");
    }

    @Test
    @DisplayName("a comment in a Proxmox file goes where it is asked (it is part of the Notes)")
    void commentAboveInProxmox() {
        When w = given("arch: amd64\nhostname: ct\nmemory: 512\n")
                .when((e, l) -> e.commentAbove(l.get(2), "more for the build"));
        w.renders("arch: amd64\nhostname: ct\n# more for the build\nmemory: 512\n");
        assertThat(Description.of(w.after().mainSection()).text()).isEqualTo(" more for the build\n");
    }

    @Test
    @DisplayName("commenting out keeps the line's bytes after '# ', behind its indent")
    void commentOut() {
        given("lxc.uts.name = web\n  lxc.apparmor.profile  =\tunconfined  \r\nlxc.arch = amd64")
                .when((e, l) -> e.commentOut(entry(l, 1)))
                .renders("lxc.uts.name = web\n  # lxc.apparmor.profile  =\tunconfined  \r\nlxc.arch = amd64");
        given("lxc.uts.name = web\nlxc.arch = amd64")
                .when((e, l) -> e.commentOut(entry(l, 1)))
                .renders("lxc.uts.name = web\n# lxc.arch = amd64");
        given("arch: amd64\nlxc.apparmor.profile: unconfined\n")
                .when((e, l) -> e.commentOut(entry(l, 1)))
                .renders("arch: amd64\n# lxc.apparmor.profile: unconfined\n");
    }

    @Test
    @DisplayName("uncommenting gives back the commented-out line byte for byte")
    void uncomment() {
        given("lxc.uts.name = web\n  # lxc.apparmor.profile  =\tunconfined  \r\n")
                .when((e, l) -> e.uncomment(comment(l, 1)))
                .renders("lxc.uts.name = web\n  lxc.apparmor.profile  =\tunconfined  \r\n");
        given("#lxc.arch = amd64\n").when((e, l) -> e.uncomment(comment(l, 0))).renders("lxc.arch = amd64\n");
        given("arch: amd64\n# lxc.apparmor.profile: unconfined\n")
                .when((e, l) -> e.uncomment(comment(l, 1)))
                .renders("arch: amd64\nlxc.apparmor.profile: unconfined\n");
        String text = "lxc.uts.name = web\n\tlxc.mount.entry = /a a none bind 0 0\r\nlxc.arch = x";
        LxcConfig c = LxcConfig.parse(text);
        LxcConfig out = c.edit().commentOut(entry(c.lines(), 1)).build();
        assertThat(out.edit().uncomment(comment(out.lines(), 1)).build().render()).isEqualTo(text);
    }

    @Test
    @DisplayName("only a comment whose text is an entry line of the dialect is uncommented")
    void uncommentRefuses() {
        given("lxc.uts.name = web\n# hello world\n")
                .refuses((e, l) -> e.uncomment(comment(l, 1)),
                        "the comment '# hello world' does not hold an entry line: 'hello world' is not read as"
                                + " KEY = VALUE");
        given("lxc.uts.name = web\n#\n")
                .refuses((e, l) -> e.uncomment(comment(l, 1)),
                        "the comment '#' does not hold an entry line: '' is not read as KEY = VALUE");
        given("lxc.uts.name = web\n# memory = 512\n")
                .refuses((e, l) -> e.uncomment(comment(l, 1)),
                        "the comment '# memory = 512' does not hold an entry line: 'memory = 512' is not read as"
                                + " KEY = VALUE");
        given("arch: amd64\n# see the wiki\n")
                .refuses((e, l) -> e.uncomment(comment(l, 1)),
                        "the comment '# see the wiki' does not hold an entry line: 'see the wiki' is not read as"
                                + " KEY: VALUE");
    }

    @Test
    @DisplayName("refusals: a line break in the text, a line of another config, a line already edited")
    void refusals() {
        given("lxc.uts.name = web\n").refuses((e, l) -> e.commentAbove(l.get(0), "a\nlxc.arch = x"),
                "comment contains a line break at index 1");
        LxcConfig other = LxcConfig.reader().dialect(Dialect.LXC).parse("lxc.arch = x\n");
        given("lxc.uts.name = web\n").refuses((e, l) -> e.commentOut((EntryLine) other.lines().get(0)),
                "the line is not a line of the config being edited: 'lxc.arch = x'");
        given("lxc.uts.name = web\n").refuses((e, l) -> e.commentOut(entry(l, 0)).commentOut(entry(l, 0)),
                "line 1 was already removed or replaced in this edit: 'lxc.uts.name = web'");
    }

    @Test
    @DisplayName("with other edits in one go: a removal above does not shift the comment")
    void withRemovals() {
        given("lxc.arch = amd64\nlxc.uts.name = web\nlxc.tty.max = 4\n")
                .when((e, l) -> e.remove(l.get(0)).commentAbove(l.get(2), "consoles"))
                .renders("lxc.uts.name = web\n# consoles\nlxc.tty.max = 4\n");
    }
}
