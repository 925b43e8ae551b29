package io.github.lxcconf.model;

import static io.github.lxcconf.model.ModelTesting.lxc;
import static io.github.lxcconf.model.ModelTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.model.MountAuto.Category;
import io.github.lxcconf.model.MountAuto.Kind;
import io.github.lxcconf.model.MountAuto.Mode;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MountAutoTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            proc                       | proc:mixed               | PROC
            proc:mixed                 | proc:mixed               | PROC
            proc:rw                    | proc:rw                  | PROC
            sys                        | sys:mixed                | SYS
            sys:ro                     | sys:ro                   | SYS
            sys:mixed                  | sys:mixed                | SYS
            sys:rw                     | sys:rw                   | SYS
            cgroup                     | cgroup                   | CGROUP
            cgroup:mixed               | cgroup:mixed             | CGROUP
            cgroup:ro                  | cgroup:ro                | CGROUP
            cgroup:rw                  | cgroup:rw                | CGROUP
            cgroup:force               | cgroup:force             | CGROUP
            cgroup:mixed:force         | cgroup:mixed:force       | CGROUP
            cgroup:ro:force            | cgroup:ro:force          | CGROUP
            cgroup:rw:force            | cgroup:rw:force          | CGROUP
            cgroup-full                | cgroup-full              | CGROUP
            cgroup-full:mixed          | cgroup-full:mixed        | CGROUP
            cgroup-full:ro             | cgroup-full:ro           | CGROUP
            cgroup-full:rw             | cgroup-full:rw           | CGROUP
            cgroup-full:force          | cgroup-full:force        | CGROUP
            cgroup-full:mixed:force    | cgroup-full:mixed:force  | CGROUP
            cgroup-full:ro:force       | cgroup-full:ro:force     | CGROUP
            cgroup-full:rw:force       | cgroup-full:rw:force     | CGROUP
            cgroup2                    | cgroup2                  | CGROUP
            cgroup2:ro                 | cgroup2:ro               | CGROUP
            cgroup2:force              | cgroup2                  | CGROUP
            cgroup2:ro:force           | cgroup2:ro               | CGROUP
            shmounts:/srv/shm          | shmounts:/srv/shm        | SHMOUNTS
            shmounts:/srv/shm:/mnt/shm | shmounts:/srv/shm:/mnt/shm | SHMOUNTS
            """)
    @DisplayName("every item LXC knows, with its canonical text and category")
    void items(String item, String canonical, Category category) {
        MountAuto m = MountAuto.parse(item);
        assertThat(m.toValue()).isEqualTo(canonical);
        assertThat(m.category()).isEqualTo(category);
        assertThat(MountAuto.parse(canonical)).isEqualTo(m);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"proc:bogus", "proc:ro", "proc:rw:force", "sys:force", "sys:ro:force", "cgroup:force:mixed",
            "cgroup:bogus", "cgroup:mixed:force:x", "cgroup2:rw", "cgroup2:mixed", "cgroup2:mixed:force", "shmounts",
            "shmounts:", "shmounts:/a:", "shmounts:/a:/b:/c", "PROC", "proc:", "cgroup-full:ro:ro", "mixed"})
    @DisplayName("anything else is an item liblxc refuses")
    void bad(String item) {
        assertThatThrownBy(() -> MountAuto.parse(item)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown lxc.mount.auto item '" + item + "': liblxc refuses the file");
    }

    @Test
    @DisplayName("each item liblxc refuses is reported at its own column")
    void aBadItemIsReportedWhereItIs() {
        assertThat(problems("lxc.mount.auto = proc:rw bogus  sys:xx shmounts:\n"))
                .extracting(p -> p.substring(0, p.indexOf(' ', p.indexOf(' ') + 1)))
                .containsExactly("1:26 error", "1:33 error", "1:40 warning");
    }

    @Test
    @DisplayName("components: modes, force, paths")
    void components() {
        assertThat(MountAuto.parse("cgroup:ro:force")).isEqualTo(new MountAuto(Kind.CGROUP, Optional.of(Mode.RO), true,
                Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(MountAuto.parse("cgroup").mode()).isEmpty();
        assertThat(MountAuto.parse("cgroup2").force()).isTrue();
        assertThat(MountAuto.parse("proc").mode()).contains(Mode.MIXED);
        MountAuto sh = MountAuto.parse("shmounts:/srv/shm:/mnt/shm");
        assertThat(sh.hostPath()).contains("/srv/shm");
        assertThat(sh.containerPath()).contains("/mnt/shm");
        assertThat(MountAuto.parse("shmounts:/srv/shm").containerPath()).isEmpty();
        assertThat(Kind.CGROUP_FULL.word()).isEqualTo("cgroup-full");
        assertThat(Kind.CGROUP2.category()).isEqualTo(Category.CGROUP);
        assertThat(Mode.RO.word()).isEqualTo("ro");
    }

    @Test
    @DisplayName("factories")
    void factories() {
        assertThat(MountAuto.of(Kind.SYS, Mode.RO).toValue()).isEqualTo("sys:ro");
        assertThat(MountAuto.of(Kind.CGROUP, Mode.MIXED).toValue()).isEqualTo("cgroup:mixed");
        assertThat(MountAuto.of(Kind.CGROUP2, Mode.RO).toValue()).isEqualTo("cgroup2:ro");
        assertThat(MountAuto.of(Kind.PROC)).isEqualTo(MountAuto.parse("proc"));
        assertThat(MountAuto.of(Kind.CGROUP2)).isEqualTo(MountAuto.parse("cgroup2:force"));
        assertThat(MountAuto.of(Kind.CGROUP).toValue()).isEqualTo("cgroup");
        assertThat(MountAuto.shmounts("/srv/shm", Optional.of("/mnt")).toValue()).isEqualTo("shmounts:/srv/shm:/mnt");
        assertThatThrownBy(() -> MountAuto.of(Kind.PROC, Mode.RO)).hasMessage("proc is proc:mixed or proc:rw");
        assertThatThrownBy(() -> MountAuto.of(Kind.CGROUP2, Mode.RW))
                .hasMessage("cgroup2 is cgroup2 or cgroup2:ro, always with force");
        assertThatThrownBy(() -> MountAuto.of(Kind.SHMOUNTS)).hasMessage("shmounts needs a host path");
        assertThatThrownBy(() -> MountAuto.shmounts("/a:b", Optional.empty()))
                .hasMessage("a shmounts path is not empty and has no ':', no blank and no line break, got '/a:b'");
        // liblxc splits the value at spaces and tabs only: a vertical tab stays in the path, and reading never throws
        assertThat(MountAuto.parse("shmounts:/a:/b\u000B").containerPath()).contains("/b\u000B");
        assertThat(lxc("lxc.mount.auto = shmounts:/a:/b\u000B\n").mountAuto()).hasSize(1);
        assertThatThrownBy(() -> new MountAuto(Kind.PROC, Optional.of(Mode.RW), false, Optional.of("/x"),
                Optional.empty(), Optional.empty())).hasMessage("proc takes no paths");
    }

    @Test
    @DisplayName("per-category merge: common.conf then userns.conf changes only sys; printed proc, sys, cgroup")
    void merge() {
        LxcSettings s = lxc("lxc.mount.auto = cgroup:mixed proc:mixed sys:mixed\nlxc.mount.auto = sys:rw\n");
        assertThat(s.mountAuto()).extracting(MountAuto::toValue).containsExactly("proc:mixed", "sys:rw",
                "cgroup:mixed");
        assertThat(s.mountAuto().get(1).origin().map(Origin::lineNumber)).contains(2);
        assertThat(s.mountAuto().get(0).origin().map(Origin::lineNumber)).contains(1);
        assertThat(lxc("lxc.mount.auto = proc:rw\nlxc.mount.auto = sys:ro cgroup\n").mountAuto())
                .extracting(MountAuto::toValue).containsExactly("proc:rw", "sys:ro", "cgroup");
        assertThat(lxc("lxc.mount.auto = proc:rw proc:mixed cgroup-full:ro cgroup2\n").mountAuto())
                .extracting(MountAuto::toValue).containsExactly("proc:mixed", "cgroup2");
        assertThat(lxc("lxc.mount.auto = shmounts:/a\nlxc.mount.auto = shmounts:/b:/c proc\n").mountAuto())
                .extracting(MountAuto::toValue).containsExactly("proc:mixed", "shmounts:/b:/c");
        assertThat(lxc("lxc.mount.auto = proc sys\nlxc.mount.auto =\nlxc.mount.auto = cgroup\n").mountAuto())
                .extracting(MountAuto::toValue).containsExactly("cgroup");
        assertThat(lxc("lxc.mount.auto = proc\nlxc.mount.auto =\n").mountAuto()).isEmpty();
    }

    @Test
    @DisplayName("an unknown item is an error; the line's other items still count")
    void settingsError() {
        LxcSettings s = lxc("lxc.mount.auto = proc:bogus sys:ro\n");
        assertThat(s.mountAuto()).extracting(MountAuto::toValue).containsExactly("sys:ro");
        assertThat(problems(s)).containsExactly(
                "1:18 error LXC103 unknown lxc.mount.auto item 'proc:bogus': liblxc refuses the file");
        assertThat(s.diagnostics().get(0).hint()).contains("items are proc, proc:rw, sys, sys:ro, sys:rw, cgroup,"
                + " cgroup-full and cgroup2 (each optionally :mixed, :ro or :rw and :force; cgroup2 only :ro), and"
                + " shmounts:HOSTPATH[:CONTAINERPATH]");
    }

    @Test
    @DisplayName("equal when they mean the same; the origin is not compared")
    void equality() {
        MountAuto parsed = lxc("lxc.mount.auto = proc\n").mountAuto().get(0);
        assertThat(parsed).isEqualTo(MountAuto.parse("proc:mixed")).hasSameHashCodeAs(MountAuto.parse("proc:mixed"));
        assertThat(MountAuto.parse("cgroup")).isNotEqualTo(MountAuto.parse("cgroup:force"));
        assertThat(MountAuto.parse("cgroup:ro")).isNotEqualTo(MountAuto.parse("cgroup-full:ro"));
        assertThat(MountAuto.parse("shmounts:/a")).isNotEqualTo(MountAuto.parse("shmounts:/a:/b"));
    }
}
