package io.github.lxcconf.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.syntax.Line;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Golden tests of the generic edits, in both dialects: given a text, when an edit, then exactly this text. */
class ConfigEditorTest {

    /** Starts a golden test. */
    static Given given(String text) {
        return new Given(LxcConfig.parse(text));
    }

    record Given(LxcConfig config) {
        When when(UnaryOperator<ConfigEditor> edit) {
            return new When(config, edit.apply(config.edit()).build());
        }
    }

    record When(LxcConfig before, LxcConfig after) {
        void renders(String expected) {
            assertThat(after.render()).isEqualTo(expected);
            // the result reads back to the same lines, and untouched lines are the same objects
            assertThat(LxcConfig.parse(after.render()).lines()).isEqualTo(after.lines());
            List<Line> old = before.lines();
            long shared = after.lines().stream().filter(l -> old.stream().anyMatch(o -> o == l)).count();
            assertThat(shared).as("untouched lines shared by reference").isGreaterThanOrEqualTo(
                    Math.max(0, old.size() - 2));
        }

        void isUnchanged() {
            assertThat(after).isSameAs(before);
        }
    }

    @Nested
    @DisplayName("native LXC")
    class Native {
        @Test
        void setReplacesTheValueInItsSlot() {
            given("lxc.uts.name   =  web1  \nlxc.arch = amd64\n")
                    .when(e -> e.set("lxc.uts.name", "web2"))
                    .renders("lxc.uts.name   =  web2  \nlxc.arch = amd64\n");
        }

        @Test
        void setReplacesTheLastOccurrence() {
            given("lxc.uts.name = a\nlxc.uts.name = b\n")
                    .when(e -> e.set("lxc.uts.name", "c"))
                    .renders("lxc.uts.name = a\nlxc.uts.name = c\n");
        }

        @Test
        void setKeepsQuotes() {
            given("lxc.init.cmd = '/sbin/init'\n")
                    .when(e -> e.set("lxc.init.cmd", "/sbin/init splash"))
                    .renders("lxc.init.cmd = '/sbin/init splash'\n");
        }

        @Test
        void setOfTheSameValueChangesNothing() {
            given("lxc.uts.name = \"web1\"\n").when(e -> e.set("lxc.uts.name", "web1")).isUnchanged();
        }

        @Test
        void newKeyGoesAfterItsFamilyWithItsNeighboursStyle() {
            given("lxc.net.0.type=veth\nlxc.net.0.link=br0\n# second\nlxc.net.1.type = veth\nlxc.arch = amd64\n")
                    .when(e -> e.set("lxc.net.0.flags", "up"))
                    .renders("lxc.net.0.type=veth\nlxc.net.0.link=br0\nlxc.net.0.flags=up\n# second\n"
                            + "lxc.net.1.type = veth\nlxc.arch = amd64\n");
        }

        @Test
        void deviceRulesGoWithDeviceRules() {
            given("lxc.cgroup.devices.allow = c 1:3 rwm\nlxc.mount.auto = proc:mixed\n")
                    .when(e -> e.add("lxc.cgroup2.devices.allow", "c 10:232 rwm"))
                    .renders("lxc.cgroup.devices.allow = c 1:3 rwm\nlxc.cgroup2.devices.allow = c 10:232 rwm\n"
                            + "lxc.mount.auto = proc:mixed\n");
        }

        @Test
        void aKeyWithoutFamilyGoesAfterTheLastEntry() {
            given("# header\nlxc.arch = amd64\n\n# trailing comment\n")
                    .when(e -> e.add("lxc.idmap", "u 0 100000 65536"))
                    .renders("# header\nlxc.arch = amd64\nlxc.idmap = u 0 100000 65536\n\n# trailing comment\n");
        }

        @Test
        void crlfStaysCrlf() {
            given("lxc.arch = amd64\r\nlxc.uts.name = a\r\n")
                    .when(e -> e.set("lxc.tty.max", "4").set("lxc.uts.name", "b"))
                    .renders("lxc.arch = amd64\r\nlxc.uts.name = b\r\nlxc.tty.max = 4\r\n");
        }

        @Test
        void addOfASingleValuedKeyIsRefusedAndPointsToSet() {
            LxcConfig pve = LxcConfig.reader().dialect(Dialect.PROXMOX).parse("hostname: a\n");
            assertThatThrownBy(() -> pve.edit().add("hostname", "b")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'hostname' holds one value, so a second line would replace the first;"
                            + " use set(\"hostname\", value) to change it");
            LxcConfig lxc = LxcConfig.reader().dialect(Dialect.LXC).parse("lxc.uts.name = a\n");
            assertThatThrownBy(() -> lxc.edit().add("lxc.uts.name", "b"))
                    .hasMessageStartingWith("'lxc.uts.name' holds one value");
            assertThat(lxc.edit().add("lxc.mount.entry", "/a a none bind 0 0").build().render())
                    .isEqualTo("lxc.uts.name = a\nlxc.mount.entry = /a a none bind 0 0\n");
        }

        @Test
        void aLastLineWithoutLineEndKeepsThatRole() {
            given("lxc.arch = amd64\nlxc.mount.entry = a")
                    .when(e -> e.add("lxc.mount.entry", "b"))
                    .renders("lxc.arch = amd64\nlxc.mount.entry = a\nlxc.mount.entry = b");
        }

        @Test
        void anEmptyFileGetsTheDefaultStyle() {
            given("").when(e -> e.set("lxc.arch", "amd64")).renders("lxc.arch = amd64\n");
        }

        @Test
        void indentIsCopied() {
            given("  lxc.arch = amd64\n").when(e -> e.set("lxc.tty.max", "4"))
                    .renders("  lxc.arch = amd64\n  lxc.tty.max = 4\n");
        }

        @Test
        void addIsIdempotent() {
            given("lxc.mount.entry = /a a none bind 0 0\n")
                    .when(e -> e.add("lxc.mount.entry", "/a a none bind 0 0")).isUnchanged();
        }

        @Test
        void removeByKeyAndByValue() {
            given("lxc.environment = A=1\n# keep\nlxc.environment = B=2\nlxc.arch = amd64\n")
                    .when(e -> e.remove("lxc.environment", "B=2"))
                    .renders("lxc.environment = A=1\n# keep\nlxc.arch = amd64\n");
            given("lxc.environment = A=1\nlxc.environment = B=2\nlxc.arch = amd64\n")
                    .when(e -> e.remove("lxc.environment"))
                    .renders("lxc.arch = amd64\n");
        }

        @Test
        void proxmoxOnlyThingsAreRefused() {
            LxcConfig config = LxcConfig.parse("lxc.arch = amd64\n");
            assertThatThrownBy(() -> config.edit().set("memory", "512"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'memory' is not an LXC key: keys start with 'lxc.'");
            assertThatThrownBy(() -> config.edit().pending())
                    .hasMessage("only Proxmox configs have a [pve:pending] section");
        }
    }

    @Nested
    @DisplayName("Proxmox")
    class Proxmox {
        private static final String SORTED = "arch: amd64\ncores: 2\nhostname: ct\nmemory: 512\n"
                + "lxc.apparmor.profile: unconfined\n";

        @Test
        void aNewOptionGoesInByteOrderWhenTheOptionsAreSorted() {
            given(SORTED).when(e -> e.set("features", "nesting=1").set("swap", "512").set("net10", "name=eth10"))
                    .renders("arch: amd64\ncores: 2\nfeatures: nesting=1\nhostname: ct\nmemory: 512\n"
                            + "net10: name=eth10\nswap: 512\nlxc.apparmor.profile: unconfined\n");
        }

        @Test
        void aNewOptionGoesAfterTheLastOptionWhenTheyAreNotSorted() {
            given("hostname: ct\narch: amd64\nlxc.arch: x\n").when(e -> e.set("cores", "1"))
                    .renders("hostname: ct\narch: amd64\ncores: 1\nlxc.arch: x\n");
        }

        @Test
        void aCommentBlockStaysWithTheOptionBelowIt() {
            given("arch: amd64\n# about memory\nmemory: 512\n").when(e -> e.set("hostname", "ct"))
                    .renders("arch: amd64\nhostname: ct\n# about memory\nmemory: 512\n");
        }

        @Test
        void rawLinesCopyTheirNeighboursSeparator() {
            given("arch: amd64\nlxc.mount.auto = proc:mixed\n").when(e -> e.add("lxc.mount.entry", "/a a none bind"))
                    .renders("arch: amd64\nlxc.mount.auto = proc:mixed\nlxc.mount.entry = /a a none bind\n");
            given("arch: amd64\n").when(e -> e.set("lxc.apparmor.profile", "unconfined"))
                    .renders("arch: amd64\nlxc.apparmor.profile: unconfined\n");
        }

        @Test
        void nothingIsEverAddedBelowASnapshot() {
            given("arch: amd64\nlxc.cgroup2.devices.allow: c 10:200 rwm\n\n[snap1]\narch: amd64\n"
                    + "lxc.cgroup2.devices.allow: c 10:200 rwm\n")
                    .when(e -> e.add("lxc.cgroup2.devices.allow", "c 10:232 rwm").add("lxc.idmap", "u 0 1 1"))
                    .renders("arch: amd64\nlxc.cgroup2.devices.allow: c 10:200 rwm\n"
                            + "lxc.cgroup2.devices.allow: c 10:232 rwm\nlxc.idmap: u 0 1 1\n\n[snap1]\narch: amd64\n"
                            + "lxc.cgroup2.devices.allow: c 10:200 rwm\n");
        }

        @Test
        void snapshotAndPendingSectionsAreEditedInPlace() {
            given("memory: 512\n\n[pve:pending]\nmemory: 1024\n\n[snap1]\nmemory: 256\nparent: x\n")
                    .when(e -> e.snapshot("snap1").set("memory", "128").pending().set("delete", "swap"))
                    .renders("memory: 512\n\n[pve:pending]\ndelete: swap\nmemory: 1024\n\n[snap1]\nmemory: 128\n"
                            + "parent: x\n");
        }

        @Test
        void aPendingSectionIsCreatedAfterTheMainSection() {
            given("memory: 512\n\n[snap1]\nmemory: 256\n").when(e -> e.pending().set("memory", "1024"))
                    .renders("memory: 512\n\n[pve:pending]\nmemory: 1024\n\n[snap1]\nmemory: 256\n");
            given("memory: 512").when(e -> e.pending().set("memory", "1024"))
                    .renders("memory: 512\n\n[pve:pending]\nmemory: 1024");
        }

        @Test
        void crlfProxmox() {
            given("arch: amd64\r\nmemory: 512\r\n").when(e -> e.set("cores", "2"))
                    .renders("arch: amd64\r\ncores: 2\r\nmemory: 512\r\n");
        }

        @Test
        void anEmptyRawValueGetsABlankAfterTheColon() {
            given("lxc.cap.drop:\narch: amd64\n").when(e -> e.set("lxc.cap.drop", "sys_time"))
                    .renders("lxc.cap.drop: sys_time\narch: amd64\n");
        }

        @Test
        void proxmoxRulesAreEnforced() {
            LxcConfig config = LxcConfig.parse("arch: amd64\n[snap1]\nmemory: 1\n");
            assertThatThrownBy(() -> config.edit().set("Cores", "2")).hasMessage(
                    "'Cores' is not a Proxmox option key: lower-case letters and '_', optionally followed by digits");
            assertThatThrownBy(() -> config.edit().set("lxc.Apparmor.profile", "x")).hasMessage(
                    "'lxc.Apparmor.profile' is not a raw key Proxmox reads: 'lxc.' followed by lower-case letters,"
                            + " digits, '_', '.' and '-'");
            assertThatThrownBy(() -> config.edit().set("digest", "x"))
                    .hasMessage("'digest' is kept by Proxmox for itself and cannot be written");
            assertThatThrownBy(() -> config.edit().set("delete", "swap"))
                    .hasMessage("'delete' is only read inside [pve:pending]");
            assertThatThrownBy(() -> config.edit().snapshot("nope")).hasMessage("no snapshot [nope] in this config");
            assertThatThrownBy(() -> config.edit().snapshot("a")).hasMessageStartingWith("'a' is not a snapshot name");
        }
    }

    @Nested
    @DisplayName("injection attempts are refused and nothing is written")
    class Injection {
        @ParameterizedTest
        @ValueSource(strings = {"a\nlxc.foo = b", "a\rb", "a\r\nb", "a\u2028b", "a\u2029b", "a\u0085b", "a\u000Bb",
            "a\fb", "a\u0000b", "a\u0007b", "a\u007Fb", "a\u009Bb", "a\uD800b", "a\uDC80", " lead", "trail\t"})
        void values(String value) {
            LxcConfig config = LxcConfig.parse("lxc.uts.name = x\n");
            ConfigEditor editor = config.edit();
            assertThatThrownBy(() -> editor.set("lxc.uts.name", value)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> editor.add("lxc.environment", value)).isInstanceOf(IllegalArgumentException.class);
            assertThat(editor.build()).isSameAs(config);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "lxc.uts name", "lxc.uts=name", "lxc.uts:name", "lxc.a\nb", "lxc.a\u0000",
            "#lxc.a", "[lxc.a]", "lxc.\u00a0x", "lxc.a\u2028"})
        void keys(String key) {
            LxcConfig config = LxcConfig.parse("lxc.uts.name = x\n");
            assertThatThrownBy(() -> config.edit().set(key, "v")).isInstanceOf(IllegalArgumentException.class);
            LxcConfig pve = LxcConfig.reader().dialect(Dialect.PROXMOX).parse("arch: amd64\n");
            assertThatThrownBy(() -> pve.edit().add(key, "v")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void messagesSayWhatAndWhere() {
            ConfigEditor editor = LxcConfig.parse("").edit();
            assertThatThrownBy(() -> editor.set("lxc.uts.name", "web1\nlxc.cap.drop =")).hasMessage(
                    "value contains a line break at index 4");
            assertThatThrownBy(() -> editor.set("lxc.uts.name", "a\u0000")).hasMessage(
                    "value contains a NUL character at index 1");
            assertThatThrownBy(() -> editor.set("lxc.uts.name", "a\u001b[31m")).hasMessage(
                    "value contains the control character U+001B at index 1");
            assertThatThrownBy(() -> editor.set("lxc.uts name", "a")).hasMessage(
                    "key contains a blank at index 7: 'lxc.uts name'");
            assertThatThrownBy(() -> editor.set("lxc.uts=name", "a")).hasMessage(
                    "key contains '=' at index 7: 'lxc.uts=name'");
            assertThatThrownBy(() -> editor.set("lxc.uts.name", " a")).hasMessage(
                    "value starts with a blank, which would be trimmed when the file is read: ' a'");
        }
    }
}
