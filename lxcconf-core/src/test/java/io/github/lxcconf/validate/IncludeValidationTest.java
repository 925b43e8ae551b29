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
                    assertThat(d.line()).isEqualTo(3);
                    assertThat(d.message()).startsWith("lxc.cap.keep (<string> line 3) after lxc.cap.drop"
                            + " (common.conf line 2): liblxc refuses the file");
                });
        LxcConfig dropAfterKeep = LxcConfig.parse("lxc.cap.keep = sys_admin\nlxc.include = outer.conf\n");
        assertThat(dropAfterKeep.validate(ValidationOptions.defaults().withIncludesFrom(dir)).errors())
                .singleElement().satisfies(d -> assertThat(d.line()).as("the include line").isEqualTo(2));
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
}
