package io.github.lxcconf.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.LxcConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a base directory, validation follows lxc.include and reports what liblxc refuses at load. */
class IncludeValidationTest {
    @TempDir
    Path dir;

    @Test
    void aMissingIncludedFileIsAnErrorOnlyWhenIncludesAreFollowed() throws IOException {
        Files.writeString(dir.resolve("common.conf"), "lxc.cgroup2.devices.deny = a\n");
        Files.createDirectories(dir.resolve("common.conf.d"));
        LxcConfig config = LxcConfig.parse("lxc.include = common.conf\nlxc.include = common.conf.d/\n"
                + "lxc.include = missing.conf\nlxc.arch = amd64\n");
        assertThat(config.validate().errors()).isEmpty();
        Validation followed = config.validate(ValidationOptions.defaults().withIncludesFrom(dir));
        assertThat(followed.errors()).singleElement().satisfies(d -> {
            assertThat(d.code().id()).isEqualTo("INC001");
            assertThat(d.line()).isEqualTo(3);
        });
        assertThat(followed.options().includeBase()).contains(dir);
    }

    @Test
    void keepingCapabilitiesAnIncludedFileDropsIsAnError() throws IOException {
        // liblxc 5.0.2 refuses this file: "Keeping and dropping capabilities are mutually exclusive"
        Files.writeString(dir.resolve("common.conf"), "lxc.tty.max = 4\nlxc.cap.drop = sys_time sys_module\n");
        Files.writeString(dir.resolve("outer.conf"), "lxc.include = common.conf\n");
        LxcConfig config = LxcConfig.parse("lxc.arch = amd64\nlxc.include = outer.conf\nlxc.cap.keep = sys_admin\n");
        assertThat(config.validate().errors()).isEmpty();
        assertThat(config.validate(ValidationOptions.defaults().withIncludesFrom(dir)).errors()).singleElement()
                .satisfies(d -> {
                    assertThat(d.code().id()).isEqualTo("LXC106");
                    assertThat(d.source()).isEqualTo("<string>");
                    assertThat(d.line()).isEqualTo(3);
                    assertThat(d.message()).startsWith("lxc.cap.keep after lxc.cap.drop sys_time sys_module: liblxc"
                            + " refuses the file");
                });
        LxcConfig dropAfterKeep = LxcConfig.parse("lxc.cap.keep = sys_admin\nlxc.include = outer.conf\n");
        assertThat(dropAfterKeep.validate(ValidationOptions.defaults().withIncludesFrom(dir)).errors())
                .singleElement().satisfies(d -> {
                    assertThat(d.source()).as("the included file's own line").isEqualTo(
                            dir.resolve("common.conf").toString());
                    assertThat(d.line()).isEqualTo(2);
                    assertThat(d.column()).isEqualTo(16);
                });
        LxcConfig reset = LxcConfig.parse("lxc.include = outer.conf\nlxc.cap.drop =\nlxc.cap.keep = sys_admin\n");
        assertThat(reset.validate(ValidationOptions.defaults().withIncludesFrom(dir)).errors())
                .as("an empty value resets the shared list").isEmpty();
        LxcConfig ownConflict = LxcConfig.parse("lxc.cap.drop = sys_time\nlxc.cap.keep = sys_admin\n");
        assertThat(ownConflict.validate(ValidationOptions.defaults().withIncludesFrom(dir)).errors())
                .as("reported once, by the capabilities view").hasSize(1);
    }

    @Test
    void aCycleIsReported() throws IOException {
        Files.writeString(dir.resolve("a.conf"), "lxc.include = b.conf\n");
        Files.writeString(dir.resolve("b.conf"), "lxc.include = a.conf\n");
        LxcConfig config = LxcConfig.parse("lxc.include = a.conf\n");
        assertThat(config.validate(ValidationOptions.defaults().withIncludesFrom(dir)).errors())
                .extracting(Diagnostic::code).extracting(c -> c.id()).contains("INC002");
    }

    private Validation followed(String top) {
        return LxcConfig.parse(top).validate(ValidationOptions.defaults().withIncludesFrom(dir));
    }

    private String inc(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void problemsInsideAnIncludedFileAreReportedAtTheirOwnFileLineAndColumn() throws IOException {
        // each of these makes liblxc 5.0.2 refuse the top file
        Files.writeString(dir.resolve("inc.conf"), "# old keys\nlxc.utsname = web\nlxc.foo.bar = 1\n"
                + "lxc.tty.max\nlxc.cgroup2.devices.allow = x 10:232 rwm\nlxc.idmap = u 0 100000\n"
                + "lxc.cap.drop = not_a_cap\nlxc.mount.auto = proc:bogus\nlxc.tty.max = 4 # four\n");
        Validation v = followed("lxc.uts.name = top\nlxc.include = inc.conf\n");
        assertThat(v.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                inc("inc.conf") + ":2:1: error: Unsupported config key \"lxc.utsname\": the name was retired in LXC"
                        + " 2.1 and liblxc 3.0 and later refuse it [VAL002]",
                inc("inc.conf") + ":3:1: error: Unsupported config key \"lxc.foo.bar\": liblxc refuses the file"
                        + " [VAL001]",
                inc("inc.conf") + ":4:12: error: liblxc refuses a line that starts with 'lxc.' but has no '='"
                        + " [LXC001]",
                inc("inc.conf") + ":5:29: warning: invalid device rule 'x 10:232 rwm': unknown device type 'x'"
                        + " (expected a, b or c); liblxc accepts it when loading, but the container would fail to"
                        + " start [LXC101]",
                inc("inc.conf") + ":6:13: error: invalid lxc.idmap 'u 0 100000': it has 3 fields, but needs 4 (type,"
                        + " container id, host id, range); liblxc refuses the file [LXC104]",
                inc("inc.conf") + ":7:16: error: unknown capability 'not_a_cap' in lxc.cap.drop; liblxc refuses the"
                        + " file [LXC105]",
                inc("inc.conf") + ":8:18: error: unknown lxc.mount.auto item 'proc:bogus': liblxc refuses the file"
                        + " [LXC103]",
                inc("inc.conf") + ":9:15: error: 'lxc.tty.max' must be an unsigned number (at most 4294967295), got"
                        + " '4 # four': liblxc refuses the file [VAL008]",
                inc("inc.conf") + ":9:17: warning: '# four' is part of the value: liblxc has no inline comments"
                        + " [VAL005]");
        assertThat(LxcConfig.parse("lxc.uts.name = top\nlxc.include = inc.conf\n").validate().errors())
                .as("without a base, includes are not followed").isEmpty();
    }

    @Test
    void aDirectoryIncludeIsValidatedFileByFileInNameOrder() throws IOException {
        Path d = Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(d.resolve("10-net.conf"), "lxc.net.0.type = veth\n");
        Files.writeString(d.resolve("20-bad.conf"), "lxc.net.0.vlan.id = 10\n");
        Validation v = followed("lxc.include = conf.d/\nlxc.net.0.link = lxcbr0\n");
        assertThat(v.errors()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(d.resolve("20-bad.conf").toString());
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.code().id()).isEqualTo("LXC109");
        });
    }

    @Test
    void anInterfaceTypedInAnIncludedFileIsNotAnInterfaceWithoutAType() throws IOException {
        Files.writeString(dir.resolve("net.conf"), "lxc.net.0.type = veth\nlxc.net.0.link = lxcbr0\n");
        assertThat(followed("lxc.include = net.conf\nlxc.net.0.flags = up\nlxc.net.0.veth.pair = v1\n").errors())
                .isEmpty();
        assertThat(followed("lxc.include = net.conf\nlxc.net.0.macvlan.mode = bridge\n").errors())
                .extracting(d -> d.source() + ":" + d.line() + " " + d.code().id())
                .containsExactly("<string>:2 LXC109");
        // read in place: the type comes after the key that needs it
        Files.writeString(dir.resolve("late.conf"), "lxc.net.0.type = macvlan\n");
        assertThat(followed("lxc.net.0.macvlan.mode = bridge\nlxc.include = late.conf\n").hasErrors()).isTrue();
        assertThat(followed("lxc.include = late.conf\nlxc.net.0.macvlan.mode = bridge\n").hasErrors()).isFalse();
    }

    @Test
    void diagnosticsComeInReadingOrderAndNameLinesOfOtherFilesByFile() throws IOException {
        Files.writeString(dir.resolve("common.conf"), "lxc.cap.drop = sys_module\nlxc.tty.max = 4\nlxc.bogus = 1\n");
        Validation v = followed("lxc.bogus.top = 1\nlxc.include = common.conf\nlxc.cap.drop = sys_module\n"
                + "lxc.tty.max = 2\nlxc.include = common.conf\n");
        assertThat(v.diagnostics()).extracting(d -> d.source().replace(dir.toString(), "") + ":" + d.line() + " "
                + d.code().id()).containsExactly("<string>:1 VAL001", "/common.conf:3 VAL001",
                "<string>:3 VAL019", "<string>:4 VAL006");
        assertThat(v.withCode(io.github.lxcconf.DiagnosticCode.VAL_DUPLICATE_LIST_VALUE)).singleElement()
                .satisfies(d -> assertThat(d.message()).isEqualTo("'lxc.cap.drop' already has 'sys_module'"
                        + " (common.conf line 1); this line has no effect"));
        // the file included twice is reported once; lxc.tty.max set again in the top file is what includes are
        // for, but the second include sets it once more, after the top file's own value
        assertThat(v.withCode(io.github.lxcconf.DiagnosticCode.VAL_DUPLICATE_KEY)).singleElement()
                .satisfies(d -> assertThat(d.message()).isEqualTo("'lxc.tty.max' is set again on common.conf line 2;"
                        + " liblxc keeps only the last value, so '2' is ignored"));
    }
}
