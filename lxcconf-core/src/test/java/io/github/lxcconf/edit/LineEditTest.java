package io.github.lxcconf.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.testing.Gen;
import io.github.lxcconf.testing.Property;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Editing one given line: {@link ConfigEditor#replace(EntryLine, String, String)} and {@link ConfigEditor#remove(Line)}. */
class LineEditTest {

    private static LxcConfig lxc(String text) {
        return LxcConfig.reader().dialect(Dialect.LXC).parse(text);
    }

    private static LxcConfig pve(String text) {
        return LxcConfig.reader().dialect(Dialect.PROXMOX).parse(text);
    }

    private static EntryLine entry(LxcConfig c, int number) {
        return (EntryLine) c.lines().get(number - 1);
    }

    /** The text of every line but the given one (1-based). */
    private static String others(LxcConfig c, int number) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.lines().size(); i++) {
            if (i != number - 1) {
                c.lines().get(i).appendTo(sb);
            }
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # what                     | dialect | text                                               | line | key                   | value     | expected line
            native spacing             | LXC     | `a.x\nlxc.utsname = web\nlxc.tty.max = 4\n`        | 2    | lxc.uts.name          | web       | `lxc.uts.name = web\n`
            no blanks                  | LXC     | `lxc.utsname=web\n`                                | 1    | lxc.uts.name          | web2      | `lxc.uts.name=web2\n`
            indent and trailing blanks | LXC     | `  lxc.utsname  =\tweb \n`                         | 1    | lxc.uts.name          | db        | `  lxc.uts.name  =\tdb \n`
            CRLF                       | LXC     | `lxc.arch = x86_64\r\nlxc.utsname = web\r\n`       | 2    | lxc.uts.name          | web       | `lxc.uts.name = web\r\n`
            no final line end          | LXC     | `lxc.arch = x86_64\nlxc.utsname = web`             | 2    | lxc.uts.name          | web       | `lxc.uts.name = web`
            double quotes stay         | LXC     | `lxc.aa_profile = "unconfined"\n`                  | 1    | lxc.apparmor.profile  | generated | `lxc.apparmor.profile = "generated"\n`
            single quotes stay         | LXC     | `lxc.init_cmd = '/sbin/init x'\n`                  | 1    | lxc.init.cmd          | /bin/sh   | `lxc.init.cmd = '/bin/sh'\n`
            quoted value is quoted     | LXC     | `lxc.uts.name = web\n`                             | 1    | lxc.uts.name          | "q"       | `lxc.uts.name = ""q""\n`
            same key new value         | LXC     | `lxc.cgroup.cpu.shares = 512\n`                    | 1    | lxc.cgroup.cpu.shares | 1024      | `lxc.cgroup.cpu.shares = 1024\n`
            empty value                | LXC     | `lxc.cap.drop = sys_admin\n`                       | 1    | lxc.cap.drop          | ''        | `lxc.cap.drop = \n`
            Proxmox raw key            | PROXMOX | `arch: amd64\nlxc.cgroup.devices.allow: c 10:200 rwm\n` | 2 | lxc.cgroup2.devices.allow | c 10:200 rwm | `lxc.cgroup2.devices.allow: c 10:200 rwm\n`
            Proxmox raw key with =     | PROXMOX | `lxc.cgroup.devices.allow = c 10:200 rwm\n`        | 1    | lxc.cgroup2.devices.allow | a     | `lxc.cgroup2.devices.allow = a\n`
            Proxmox option             | PROXMOX | `hostname: ct\nmemory: 512\n`                      | 2    | swap                  | 256       | `swap: 256\n`
            Proxmox option no blank    | PROXMOX | `memory:512\n`                                     | 1    | memory                | 1024      | `memory:1024\n`
            Proxmox snapshot line      | PROXMOX | `memory: 1\n\n[s1]\nmemory: 2\n`                   | 4    | memory                | 3         | `memory: 3\n`
            """)
    void replaceChangesOnlyThatLine(String what, Dialect dialect, String text, int number, String key, String value,
                                    String expectedLine) {
        text = unescape(text);
        value = value.equals("''") ? "" : value;
        LxcConfig before = LxcConfig.reader().dialect(dialect).parse(text);
        LxcConfig after = before.edit().replace(entry(before, number), key, value).build();
        assertThat(after.lines()).hasSameSizeAs(before.lines());
        assertThat(after.lines().get(number - 1).text()).isEqualTo(unescape(expectedLine));
        assertThat(entry(after, number).key()).isEqualTo(key);
        assertThat(entry(after, number).value()).isEqualTo(value);
        assertThat(others(after, number)).isEqualTo(others(before, number));
        for (int i = 0; i < before.lines().size(); i++) {
            if (i != number - 1) {
                assertThat(after.lines().get(i)).isSameAs(before.lines().get(i));
            }
        }
        assertThat(LxcConfig.reader().dialect(dialect).parse(after.render()).lines()).isEqualTo(after.lines());
    }

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t");
    }

    @Test
    void replaceWithTheSameKeyAndValueChangesNothing() {
        LxcConfig c = lxc("lxc.uts.name = \"web\"\n");
        assertThat(c.edit().replace(entry(c, 1), "lxc.uts.name", "web").build()).isSameAs(c);
    }

    @Test
    void removeTakesExactlyThatLine() {
        LxcConfig c = lxc("# a\nlxc.cgroup.devices.allow = a\nlxc.cgroup.devices.allow = a\n\nlxc.arch = x\n");
        LxcConfig after = c.edit().remove(c.lines().get(2)).build();
        assertThat(after.render()).isEqualTo("# a\nlxc.cgroup.devices.allow = a\n\nlxc.arch = x\n");
        assertThat(after.lines()).containsExactly(c.lines().get(0), c.lines().get(1), c.lines().get(3),
                c.lines().get(4));
    }

    @Test
    void removeAnyKindOfLineInAnySection() {
        LxcConfig c = pve("memory: 1\n# note\n\n[s1]\nmemory: 2\n");
        assertThat(c.edit().remove(c.lines().get(1)).remove(c.lines().get(4)).build().render())
                .isEqualTo("memory: 1\n\n[s1]\n");
    }

    @Test
    void removeTheLastLineWithoutLineEnd() {
        LxcConfig c = lxc("lxc.arch = x\r\nlxc.uts.name = web");
        LxcConfig after = c.edit().remove(c.lines().get(1)).build();
        assertThat(after.render()).as("no line end after the last line, as before").isEqualTo("lxc.arch = x");
    }

    @Test
    void replaceAndRemoveInOneEdit() {
        LxcConfig c = lxc("lxc.utsname = web\nlxc.pivotdir = x\nlxc.tty.max = 4\n");
        LxcConfig after = c.edit().replace(entry(c, 1), "lxc.uts.name", "web").remove(c.lines().get(1)).build();
        assertThat(after.render()).isEqualTo("lxc.uts.name = web\nlxc.tty.max = 4\n");
        assertThat(after.lines().get(1)).isSameAs(c.lines().get(2));
    }

    @Test
    void theBuiltConfigKeepsItsSourceAndPath() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("lxcconf");
        java.nio.file.Path file = dir.resolve("config");
        java.nio.file.Files.writeString(file, "lxc.utsname = web\n");
        LxcConfig c = LxcConfig.parse(file);
        LxcConfig after = c.edit().replace(entry(c, 1), "lxc.uts.name", "web").build();
        assertThat(after.path()).isEqualTo(c.path()).isPresent();
        assertThat(after.sourceName()).isEqualTo(c.sourceName());
    }

    @Test
    void refusesALineOfAnotherConfig() {
        LxcConfig c = lxc("lxc.uts.name = web\n");
        LxcConfig other = lxc("lxc.uts.name = web\n");
        assertThatThrownBy(() -> c.edit().replace(entry(other, 1), "lxc.uts.name", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the line is not a line of the config being edited: 'lxc.uts.name = web'");
        assertThatThrownBy(() -> c.edit().remove(other.lines().get(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the line is not a line of the config being edited: 'lxc.uts.name = web'");
    }

    @Test
    void refusesALineAlreadyRemovedOrReplaced() {
        LxcConfig c = lxc("lxc.arch = x\nlxc.uts.name = web\n");
        ConfigEditor removed = c.edit().remove(c.lines().get(1));
        assertThatThrownBy(() -> removed.remove(c.lines().get(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 2 was already removed or replaced in this edit: 'lxc.uts.name = web'");
        ConfigEditor replaced = c.edit().replace(entry(c, 2), "lxc.uts.name", "db");
        assertThatThrownBy(() -> replaced.replace(entry(c, 2), "lxc.uts.name", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 2 was already removed or replaced in this edit: 'lxc.uts.name = web'");
        ConfigEditor bySet = c.edit().set("lxc.uts.name", "db");
        assertThatThrownBy(() -> bySet.remove(c.lines().get(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 2 was already removed or replaced in this edit: 'lxc.uts.name = web'");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            lxc.uts.name | a<LF>b     | value contains a line break at index 1
            lxc.uts.name | a<NUL>b    | value contains a NUL character at index 1
            lxc.uts.name | a<BEL>b    | value contains the control character U+0007 at index 1
            lxc.uts.name | ` a`       | value starts with a blank, which would be trimmed when the file is read: ' a'
            lxc.uts name | a          | key contains a blank at index 7: 'lxc.uts name'
            hostname     | a          | 'hostname' is not an LXC key: keys start with 'lxc.'
            ''           | a          | key is empty
            """)
    void refusesWhatTheOtherEditsRefuse(String key, String value, String message) {
        LxcConfig c = lxc("lxc.uts.name = web\n");
        String k = key.equals("''") ? "" : key;
        String v = value.replace("<LF>", "\n").replace("<NUL>", "\u0000").replace("<BEL>", "\u0007");
        ConfigEditor editor = c.edit();
        assertThatThrownBy(() -> editor.replace(entry(c, 1), k, v))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThat(editor.build()).isSameAs(c);
    }

    @Test
    void refusesProxmoxKeysAsTheDialectDoes() {
        LxcConfig c = pve("memory: 1\n[pve:pending]\nmemory: 2\n");
        assertThatThrownBy(() -> c.edit().replace(entry(c, 1), "delete", "swap"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'delete' is only read inside [pve:pending]");
        assertThat(c.edit().replace(entry(c, 3), "delete", "swap").build().render())
                .isEqualTo("memory: 1\n[pve:pending]\ndelete: swap\n");
    }

    // ------------------------------------------------------------------ property

    private static final List<String> LXC_KEYS = List.of("lxc.uts.name", "lxc.arch", "lxc.mount.entry",
            "lxc.cgroup2.devices.allow", "lxc.cgroup.devices.deny", "lxc.net.0.type", "lxc.utsname");
    private static final List<String> PVE_KEYS = List.of("hostname", "memory", "cores", "net0", "swap");
    private static final Gen<String> EOL = Gen.<String>weighted(10, Gen.constant("\n"))
            .or(3, Gen.constant("\r\n")).or(1, Gen.constant("\r"));
    private static final Gen<String> BLANKS = Gen.strings(Gen.chars(" \t"), 0, 3);
    private static final Gen<String> VALUE = Gen.oneOf(
            Gen.strings(Gen.charRange('a', 'z'), 1, 12),
            Gen.strings(Gen.chars("abc019 =:#,./'\"\u00e9"), 0, 16),
            Gen.oneOfValues("c 10:232 rwm", "\"quoted\"", "'x'", "'single quoted'", "a # not a comment", ""))
            .filter(v -> v.isEmpty() || (v.charAt(0) != ' ' && v.charAt(v.length() - 1) != ' '));

    private static Gen<String> line(Dialect dialect) {
        if (dialect == Dialect.LXC) {
            Gen<String> entry = Gen.combine(BLANKS, Gen.oneOfValues(LXC_KEYS.toArray(String[]::new)), BLANKS, BLANKS,
                    VALUE, (i, k, b, a, v) -> i + k + b + "=" + a + v);
            return Gen.<String>weighted(6, entry)
                    .or(2, Gen.strings(Gen.chars("# abc"), 0, 10).map(s -> "#" + s))
                    .or(1, BLANKS)
                    .or(1, Gen.oneOfValues("junk line", "LXC.arch = x"));
        }
        Gen<String> option = Gen.combine(Gen.oneOfValues(PVE_KEYS.toArray(String[]::new)),
                Gen.oneOfValues(": ", ":"), VALUE.filter(v -> !v.isEmpty()), (k, s, v) -> k + s + v);
        Gen<String> raw = Gen.combine(Gen.oneOfValues(LXC_KEYS.toArray(String[]::new)),
                Gen.oneOfValues(": ", " = ", "="), VALUE, (k, s, v) -> k + s + v);
        return Gen.<String>weighted(6, option)
                .or(4, raw)
                .or(1, Gen.strings(Gen.chars(" abc%:"), 0, 10).map(s -> "#" + s))
                .or(1, Gen.constant(""))
                .or(1, Gen.oneOfValues("[snap1]", "[pve:pending]"));
    }

    /** An edit of one line: a replacement (key and value) or, with a null key, a removal. */
    record LineEdit(int index, String key, String value) {
    }

    record Case(String text, Dialect dialect, List<LineEdit> edits) {
    }

    private static Gen<Case> cases() {
        Gen<Dialect> dialects = Gen.oneOfValues(Dialect.LXC, Dialect.PROXMOX);
        return r -> {
            Dialect dialect = dialects.sample(r);
            StringBuilder text = new StringBuilder();
            int count = Gen.ints(1, 20).sample(r);
            for (int i = 0; i < count; i++) {
                text.append(line(dialect).sample(r));
                if (i < count - 1 || Gen.ints(0, 4).sample(r) > 0) {
                    text.append(EOL.sample(r));
                }
            }
            LxcConfig config = LxcConfig.reader().dialect(dialect).parse(text.toString());
            List<LineEdit> edits = new ArrayList<>();
            for (int i = 0; i < config.lines().size(); i++) {
                Line l = config.lines().get(i);
                int roll = Gen.ints(0, 3).sample(r);
                if (roll == 0) {
                    edits.add(new LineEdit(i, null, null));
                } else if (roll == 1 && l instanceof EntryLine e) {
                    List<String> keys = e.isLxcKey() ? LXC_KEYS : PVE_KEYS;
                    String value = VALUE.sample(r);
                    edits.add(new LineEdit(i, keys.get(Gen.ints(0, keys.size() - 1).sample(r)),
                            value.isEmpty() && !e.isLxcKey() ? "1" : value));
                }
            }
            return new Case(text.toString(), dialect, edits);
        };
    }

    @Test
    @DisplayName("editing given lines changes those lines only: every other line is the same object, in order")
    void onlyTheGivenLinesChange() {
        Property.forAll("only the given lines change", 1000, cases(), c -> {
            LxcConfig before = LxcConfig.reader().dialect(c.dialect()).parse(c.text());
            ConfigEditor editor = before.edit();
            for (LineEdit edit : c.edits()) {
                Line line = before.lines().get(edit.index());
                if (edit.key() == null) {
                    editor.remove(line);
                } else {
                    editor.replace((EntryLine) line, edit.key(), edit.value());
                }
            }
            LxcConfig after = editor.build();
            StringBuilder expected = new StringBuilder();
            int j = 0;
            int e = 0;
            int lastKept = -1;
            for (int i = 0, k = 0; i < before.lines().size(); i++) {
                if (k < c.edits().size() && c.edits().get(k).index() == i) {
                    if (c.edits().get(k++).key() != null) {
                        lastKept = i;
                    }
                } else {
                    lastKept = i;
                }
            }
            int lastIndex = before.lines().size() - 1;
            // when the last line goes, a file without a line end after its last line keeps that shape
            boolean endShifts = lastKept >= 0 && lastKept < lastIndex && before.lines().get(lastIndex).eol().isEmpty()
                    && !before.lines().get(lastKept).eol().isEmpty();
            for (int i = 0; i < before.lines().size(); i++) {
                Line old = before.lines().get(i);
                LineEdit edit = e < c.edits().size() && c.edits().get(e).index() == i ? c.edits().get(e++) : null;
                if (edit == null && endShifts && i == lastKept) {
                    Line now = after.lines().get(j++);
                    assertThat(now.eol()).isEmpty();
                    assertThat(now.content()).isEqualTo(old.content());
                    now.appendTo(expected);
                } else if (edit == null) {
                    assertThat(after.lines().get(j++)).isSameAs(old);
                    old.appendTo(expected);
                } else if (edit.key() != null) {
                    EntryLine was = (EntryLine) old;
                    EntryLine now = (EntryLine) after.lines().get(j++);
                    assertThat(now.key()).isEqualTo(edit.key());
                    assertThat(now.value()).isEqualTo(edit.value());
                    assertThat(now.indent()).isEqualTo(was.indent());
                    assertThat(now.beforeSeparator()).isEqualTo(was.beforeSeparator());
                    assertThat(now.separator()).isEqualTo(was.separator());
                    assertThat(now.trailing()).isEqualTo(was.trailing());
                    assertThat(now.eol()).isEqualTo(endShifts && i == lastKept ? "" : was.eol());
                    now.appendTo(expected);
                }
            }
            assertThat(after.lines()).hasSize(j);
            assertThat(after.render()).isEqualTo((before.hasByteOrderMark() ? "\uFEFF" : "") + expected);
            // a lone CR line end followed, once the lines between are removed, by a line starting with LF reads back
            // as one CRLF line end (the bytes are still exactly those of the kept lines)
            if (!c.text().matches("(?s).*\r(?!\n).*")) {
                LxcConfig reread = LxcConfig.reader().dialect(c.dialect()).parse(after.render());
                assertThat(reread.lines()).isEqualTo(after.lines());
            }
        });
    }
}
