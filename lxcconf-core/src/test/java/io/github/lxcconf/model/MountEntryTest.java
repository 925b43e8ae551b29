package io.github.lxcconf.model;

import static io.github.lxcconf.model.ModelTesting.lxc;
import static io.github.lxcconf.model.ModelTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MountEntryTest {

    @Test
    @DisplayName("the classroom entry: a bind mount that creates a file, with a relative target")
    void classroom() {
        MountEntry e = MountEntry.parse("/dev/net/tun dev/net/tun none bind,create=file");
        assertThat(e.source()).isEqualTo("/dev/net/tun");
        assertThat(e.target()).isEqualTo("dev/net/tun");
        assertThat(e.fsType()).isEqualTo("none");
        assertThat(e.options()).containsExactly("bind", "create=file");
        assertThat(e.isBind()).isTrue();
        assertThat(e.create()).contains(CreateMode.FILE);
        assertThat(e.isTargetAbsolute()).isFalse();
        assertThat(e.isRelative()).isFalse();
        assertThat(e.isOptional()).isFalse();
        assertThat(e.dump()).isEmpty();
        assertThat(e.pass()).isEmpty();
        assertThat(e.toValue()).isEqualTo("/dev/net/tun dev/net/tun none bind,create=file");
        assertThat(e).isEqualTo(MountEntry.bind("/dev/net/tun", "dev/net/tun", CreateMode.FILE));
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            proc proc proc nodev,noexec,nosuid 0 0                 | proc proc proc nodev,noexec,nosuid 0 0
            '/srv/a  mnt/a\tnone   bind'                           | /srv/a mnt/a none bind
            tmpfs tmp tmpfs                                        | tmpfs tmp tmpfs
            /a b none bind 1                                       | /a b none bind 1
            /srv/my\\040data mnt/data none bind,optional 0 0      | /srv/my\\040data mnt/data none bind,optional 0 0
            /x\\011y /z\\012w none rbind,relative                  | /x\\011y /z\\012w none rbind,relative
            /back\\134slash t none bind                            | /back\\134slash t none bind
            /two\\\\back t none bind                               | /two\\134back t none bind
            /a\\041b t none bind                                   | /a\\134041b t none bind
            """)
    @DisplayName("fields, getmntent escapes, canonical text")
    void parse(String value, String canonical) {
        MountEntry e = MountEntry.parse(value);
        assertThat(e.toValue()).isEqualTo(canonical);
        assertThat(MountEntry.parse(e.toValue())).isEqualTo(e);
    }

    @Test
    @DisplayName("escapes decode to the characters they stand for")
    void escapes() {
        assertThat(MountEntry.parse("/srv/my\\040data mnt/data none bind").source()).isEqualTo("/srv/my data");
        assertThat(MountEntry.parse("/x\\011y /z\\012w none bind").source()).isEqualTo("/x\ty");
        assertThat(MountEntry.parse("/x\\011y /z\\012w none bind").target()).isEqualTo("/z\nw");
        assertThat(MountEntry.parse("/b\\134s t none bind").source()).isEqualTo("/b\\s");
        assertThat(MountEntry.parse("/b\\\\s t none bind").source()).isEqualTo("/b\\s");
        assertThat(MountEntry.parse("/b\\041s t none bind").source()).isEqualTo("/b\\041s");
        assertThat(MountEntry.parse("a b c d\\040e").options()).containsExactly("d e");
        assertThat(MountEntry.of("/my dir", "mnt/my dir", "none", List.of("bind")).toValue())
                .isEqualTo("/my\\040dir mnt/my\\040dir none bind");
    }

    @Test
    @DisplayName("options in order; create, optional, relative; absolute targets; dump and pass")
    void options() {
        MountEntry e = MountEntry.parse("/dev/dri /var/lib/lxc/c1/rootfs/dev/dri none ro,bind,optional,create=dir,"
                + "relative 0 2");
        assertThat(e.options()).containsExactly("ro", "bind", "optional", "create=dir", "relative");
        assertThat(e.create()).contains(CreateMode.DIR);
        assertThat(e.isOptional()).isTrue();
        assertThat(e.isRelative()).isTrue();
        assertThat(e.isTargetAbsolute()).isTrue();
        assertThat(e.dump()).isEqualTo(OptionalInt.of(0));
        assertThat(e.pass()).isEqualTo(OptionalInt.of(2));
        assertThat(MountEntry.parse("tmpfs tmp tmpfs").options()).isEmpty();
        assertThat(MountEntry.parse("tmpfs tmp tmpfs").isBind()).isFalse();
        assertThat(MountEntry.parse("/a b none create=file,bind").create()).contains(CreateMode.FILE);
        assertThat(MountEntry.parse("/a b none rbind").isBind()).isTrue();
        assertThat(MountEntry.parse("/a b bind defaults").isBind()).isFalse();
        assertThat(new MountEntry("tmpfs", "tmp", "tmpfs", List.of(), OptionalInt.of(0), OptionalInt.of(0),
                Optional.empty()).toValue()).isEqualTo("tmpfs tmp tmpfs defaults 0 0");
        assertThat(MountEntry.bind("/srv", "srv").toValue()).isEqualTo("/srv srv none bind");
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            /dev/fuse       | mount entry '/dev/fuse' has 1 field, but a source, a target and a file system type are needed; the mount would fail when the container starts
            /dev/fuse dev/f | mount entry '/dev/fuse dev/f' has 2 fields, but a source, a target and a file system type are needed; the mount would fail when the container starts
            '#/a b none bind' | mount entry '#/a b none bind' starts with '#': getmntent reads it as a comment and the entry is skipped
            """)
    @DisplayName("entries that cannot be mounted are refused with the reason")
    void bad(String value, String message) {
        assertThatThrownBy(() -> MountEntry.parse(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    @DisplayName("in the settings: bad entries are warnings and left out; odd ones are kept with a warning")
    void settings() {
        LxcSettings s = lxc("""
                lxc.mount.entry = /dev/fuse
                lxc.mount.entry = #/a b none bind
                lxc.mount.entry = /a b none bind 0 0 # x
                lxc.mount.entry = /c d none bind,create=link x 1
                lxc.mount.entry = /e f none bind 0 0 extra
                lxc.mount.entry = a b c d e # x
                """);
        assertThat(s.mountEntries()).extracting(MountEntry::toValue).containsExactly(
                "/a b none bind 0 0", "/c d none bind,create=link 0 0", "/e f none bind 0 0", "a b c d 0 0");
        assertThat(problems(s)).containsExactly(
                "1:19 warning LXC102 mount entry '/dev/fuse' has 1 field, but a source, a target and a file system"
                        + " type are needed; the mount would fail when the container starts",
                "2:19 warning LXC102 mount entry '#/a b none bind' starts with '#': getmntent reads it as a comment"
                        + " and the entry is skipped",
                "3:19 warning LXC102 '# x' is not a comment: LXC has no comments at the end of a line, and"
                        + " getmntent ignores it",
                "4:19 warning LXC102 'create=link' is neither create=dir nor create=file: LXC creates nothing and"
                        + " passes the option on to mount",
                "4:19 warning LXC102 dump field 'x' is not a number: getmntent reads dump and pass as 0",
                "5:19 warning LXC102 'extra' after the pass field is ignored by getmntent",
                "6:19 warning LXC102 dump field 'e' is not a number: getmntent reads dump and pass as 0",
                "6:19 warning LXC102 '# x' is not a comment: LXC has no comments at the end of a line, and"
                        + " getmntent reads pass as 0");
        assertThat(s.diagnostics().get(0).hint()).contains("write SOURCE TARGET FSTYPE OPTIONS, such as"
                + " '/dev/net/tun dev/net/tun none bind,create=file'");
    }

    @Test
    @DisplayName("list semantics: entries append, an empty value clears them all")
    void list() {
        LxcSettings s = lxc("""
                lxc.mount.entry = /a a none bind
                lxc.mount.entry =
                lxc.mount.entry = /b b none bind
                lxc.mount.entry = "/c c none bind"
                """);
        assertThat(s.mountEntries()).extracting(MountEntry::source).containsExactly("/b", "/c");
        assertThat(s.mountEntries().get(1).origin().map(Origin::lineNumber)).contains(4);
        assertThat(problems(s)).isEmpty();
    }

    @Test
    @DisplayName("equals and hashCode ignore the origin")
    void equality() {
        MountEntry parsed = lxc("lxc.mount.entry = /a b none bind\n").mountEntries().get(0);
        MountEntry built = MountEntry.bind("/a", "b");
        assertThat(parsed).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(built).isNotEqualTo(MountEntry.bind("/a", "c"));
        assertThat(built).isNotEqualTo(MountEntry.of("/a", "b", "none", List.of("rbind")));
        assertThat(built).isNotEqualTo(new MountEntry("/a", "b", "none", List.of("bind"), OptionalInt.of(0),
                OptionalInt.empty(), Optional.empty()));
    }

    @Test
    @DisplayName("the constructor refuses what no fstab line can hold")
    void checks() {
        assertThatThrownBy(() -> MountEntry.of("", "b", "none", List.of())).hasMessage("source is empty");
        assertThatThrownBy(() -> MountEntry.of("/a", "b", "none", List.of("ro,bind")))
                .hasMessage("option 'ro,bind' contains ','");
        assertThatThrownBy(() -> MountEntry.of("/a\0", "b", "none", List.of()))
                .hasMessage("source contains a NUL character at index 2");
        assertThatThrownBy(() -> new MountEntry("/a", "b", "none", List.of(), OptionalInt.empty(), OptionalInt.of(0),
                Optional.empty())).hasMessage("pass needs dump");
        assertThatThrownBy(() -> MountEntry.of("/a", null, "none", List.of())).isInstanceOf(NullPointerException.class)
                .hasMessage("target");
    }
}
