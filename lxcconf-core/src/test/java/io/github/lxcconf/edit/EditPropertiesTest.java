package io.github.lxcconf.edit;

import io.github.lxcconf.validate.KeyCatalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.syntax.SectionLine;
import io.github.lxcconf.testing.Gen;
import io.github.lxcconf.testing.Property;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Properties of editing, over generated configs of both dialects and generated edits: only the lines an
 * edit concerns change, the result reads back to the same lines, an edit applied twice equals once, and
 * the edit has the effect it promises.
 */
class EditPropertiesTest {

    enum Op { SET, ADD, REMOVE, REMOVE_VALUE }

    record Edit(Op op, String key, String value) {
        ConfigEditor apply(ConfigEditor editor) {
            return switch (op) {
                case SET -> editor.set(key, value);
                case ADD -> editor.add(key, value);
                case REMOVE -> editor.remove(key);
                case REMOVE_VALUE -> editor.remove(key, value);
            };
        }
    }

    record Case(String text, Dialect dialect, List<Edit> edits) {
        LxcConfig config() {
            return LxcConfig.reader().dialect(dialect).parse(text);
        }
    }

    private static final List<String> LXC_KEYS = List.of("lxc.uts.name", "lxc.arch", "lxc.mount.entry",
            "lxc.cgroup2.devices.allow", "lxc.cgroup.devices.deny", "lxc.net.0.type", "lxc.net.0.link",
            "lxc.net.1.ipv4.address", "lxc.environment", "lxc.idmap", "lxc.apparmor.profile");
    private static final List<String> PVE_KEYS = List.of("hostname", "memory", "cores", "net0", "net10", "swap",
            "arch", "features", "mp0", "onboot");

    private static final Gen<String> EOL = Gen.<String>weighted(10, Gen.constant("\n"))
            .or(3, Gen.constant("\r\n")).or(1, Gen.constant("\r"));
    private static final Gen<String> BLANKS = Gen.strings(Gen.chars(" \t"), 0, 3);
    private static final Gen<String> VALUE = Gen.oneOf(
            Gen.strings(Gen.charRange('a', 'z'), 1, 12),
            Gen.strings(Gen.chars("abc019 =:#,./'\"\u00e9"), 0, 16),
            Gen.oneOfValues("c 10:232 rwm", "/dev/net/tun dev/net/tun none bind,create=file", "\"quoted\"",
                    "'x'", "a # not a comment", "name=eth0,bridge=vmbr0", ""))
            .filter(v -> v.isEmpty() || (v.charAt(0) != ' ' && v.charAt(v.length() - 1) != ' '));

    private static Gen<String> lxcLine() {
        Gen<String> entry = Gen.combine(BLANKS, Gen.oneOfValues(LXC_KEYS.toArray(String[]::new)), BLANKS, BLANKS,
                VALUE, (i, k, b, a, v) -> i + k + b + "=" + a + v);
        return Gen.<String>weighted(6, entry)
                .or(2, Gen.strings(Gen.chars("# abcxyz"), 0, 10).map(s -> "#" + s))
                .or(1, BLANKS)
                .or(1, Gen.oneOfValues("lxc.uts.name foo", "junk line", "LXC.arch = x"));
    }

    private static Gen<String> proxmoxLine() {
        Gen<String> option = Gen.combine(Gen.oneOfValues(PVE_KEYS.toArray(String[]::new)),
                Gen.oneOfValues(": ", ":"), VALUE.filter(v -> !v.isEmpty()), (k, s, v) -> k + s + v);
        Gen<String> raw = Gen.combine(Gen.oneOfValues(LXC_KEYS.toArray(String[]::new)),
                Gen.oneOfValues(": ", " = ", "="), VALUE, (k, s, v) -> k + s + v);
        return Gen.<String>weighted(6, option)
                .or(4, raw)
                .or(2, Gen.strings(Gen.chars(" abc%:"), 0, 10).map(s -> "#" + s))
                .or(1, Gen.constant(""))
                .or(1, Gen.oneOfValues("[snap1]", "[snap2]", "[pve:pending]", "[a]", "hostname : x", "  # x"));
    }

    private static Gen<Case> cases() {
        Gen<Dialect> dialects = Gen.oneOfValues(Dialect.LXC, Dialect.PROXMOX);
        Gen<Op> ops = Gen.oneOfValues(Op.values());
        return r -> {
            Dialect dialect = dialects.sample(r);
            Gen<String> line = dialect == Dialect.LXC ? lxcLine() : proxmoxLine();
            List<String> keys = new ArrayList<>(LXC_KEYS);
            if (dialect == Dialect.PROXMOX) {
                keys.addAll(PVE_KEYS);
            }
            StringBuilder text = new StringBuilder();
            int count = Gen.ints(0, 20).sample(r);
            for (int i = 0; i < count; i++) {
                text.append(line.sample(r));
                if (i < count - 1 || Gen.ints(0, 4).sample(r) > 0) {
                    text.append(EOL.sample(r));
                }
            }
            List<Edit> edits = new ArrayList<>();
            int n = Gen.ints(1, 3).sample(r);
            for (int i = 0; i < n; i++) {
                String key = keys.get(Gen.ints(0, keys.size() - 1).sample(r));
                String value = VALUE.sample(r);
                if (dialect == Dialect.PROXMOX && !key.startsWith("lxc.") && value.isEmpty()) {
                    value = "1";
                }
                Op op = ops.sample(r);
                if (op == Op.ADD && KeyCatalog.standard().isSingleValued(key)) {
                    op = Op.SET; // add() refuses a single-valued key
                }
                edits.add(new Edit(op, key, value));
            }
            return new Case(text.toString(), dialect, edits);
        };
    }

    /** Applies a sequence of edits in one editor. */
    private static LxcConfig applyAll(LxcConfig config, List<Edit> edits) {
        ConfigEditor editor = config.edit();
        for (Edit edit : edits) {
            edit.apply(editor);
        }
        return editor.build();
    }

    /** The index of the first section header, or the number of lines. */
    private static int mainEnd(List<Line> lines) {
        int i = 0;
        while (i < lines.size() && !(lines.get(i) instanceof SectionLine)) {
            i++;
        }
        return i;
    }

    @Test
    @DisplayName("an edit keeps every line it does not concern, as the same object and in the same order")
    void untouchedLinesStay() {
        Property.forAll("untouched lines stay", 1000, cases(), c -> {
            LxcConfig before = c.config();
            Edit edit = c.edits().get(0);
            LxcConfig after = edit.apply(before.edit()).build();
            List<Line> old = before.lines();
            int mainEnd = before.dialect() == Dialect.PROXMOX ? mainEnd(old) : old.size();
            List<Line> expectedKept = new ArrayList<>();
            for (int i = 0; i < old.size(); i++) {
                Line line = old.get(i);
                boolean concerned = i < mainEnd && line instanceof EntryLine e && e.key().equals(edit.key());
                boolean lastWithoutEol = i == old.size() - 1 && line.eol().isEmpty();
                if (!concerned && !lastWithoutEol) {
                    expectedKept.add(line);
                }
            }
            Line lastWithoutEol = !old.isEmpty() && old.get(old.size() - 1).eol().isEmpty()
                    ? old.get(old.size() - 1) : null;
            Map<Line, Boolean> originals = new IdentityHashMap<>();
            old.forEach(l -> originals.put(l, true));
            List<Line> kept = new ArrayList<>();
            for (Line line : after.lines()) {
                if (originals.containsKey(line)) {
                    if (line != lastWithoutEol) {
                        kept.add(line);
                    }
                } else if (lastWithoutEol == null || !line.content().equals(lastWithoutEol.content())) {
                    // every other line is a line of the edited key
                    assertThat(line).as("a new or changed line").isInstanceOf(EntryLine.class);
                    assertThat(((EntryLine) line).key()).isEqualTo(edit.key());
                }
            }
            // every line the edit does not concern is kept, in order; the only other kept lines are the edited key's
            Map<Line, Boolean> expected = new IdentityHashMap<>();
            expectedKept.forEach(l -> expected.put(l, true));
            assertThat(kept.stream().filter(expected::containsKey).toList()).isEqualTo(expectedKept);
            assertThat(kept.stream().filter(l -> !expected.containsKey(l)))
                    .allSatisfy(l -> assertThat(((EntryLine) l).key()).isEqualTo(edit.key()));
        });
    }

    @Test
    @DisplayName("an edited config reads back to the same lines and dialect")
    void editedConfigsReadBack() {
        Property.forAll("edited configs read back", 1000, cases(), c -> {
            LxcConfig after = applyAll(c.config(), c.edits());
            LxcConfig reread = LxcConfig.reader().dialect(c.dialect()).parse(after.render());
            assertThat(reread.lines()).isEqualTo(after.lines());
            assertThat(reread.diagnostics()).isEqualTo(after.diagnostics());
        });
    }

    @Test
    @DisplayName("applying an edit twice equals applying it once")
    void idempotent() {
        Property.forAll("edits are idempotent", 1000, cases(), c -> {
            for (Edit edit : c.edits()) {
                LxcConfig once = edit.apply(c.config().edit()).build();
                LxcConfig twice = edit.apply(once.edit()).build();
                assertThat(twice).as("%s applied again", edit).isSameAs(once);
            }
        });
    }

    @Test
    @DisplayName("each edit has the effect it promises on the main section")
    void effect() {
        Property.forAll("edits have their effect", 1000, cases(), c -> {
            LxcConfig before = c.config();
            Edit edit = c.edits().get(0);
            LxcConfig after = edit.apply(before.edit()).build();
            switch (edit.op()) {
                case SET -> assertThat(after.value(edit.key())).contains(edit.value());
                case ADD -> assertThat(after.values(edit.key())).contains(edit.value());
                case REMOVE -> assertThat(after.values(edit.key())).isEmpty();
                case REMOVE_VALUE -> assertThat(after.values(edit.key())).doesNotContain(edit.value());
            }
            // nothing outside the main section moved
            if (before.dialect() == Dialect.PROXMOX) {
                List<Line> oldTail = before.lines().subList(mainEnd(before.lines()), before.lines().size());
                List<Line> newTail = after.lines().subList(mainEnd(after.lines()), after.lines().size());
                assertThat(newTail).isEqualTo(oldTail);
            }
        });
    }
}
