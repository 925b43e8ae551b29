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
    void aCycleIsReported() throws IOException {
        Files.writeString(dir.resolve("a.conf"), "lxc.include = b.conf\n");
        Files.writeString(dir.resolve("b.conf"), "lxc.include = a.conf\n");
        LxcConfig config = LxcConfig.parse("lxc.include = a.conf\n");
        assertThat(config.validate(ValidationOptions.defaults().withIncludesFrom(dir)).errors())
                .extracting(Diagnostic::code).extracting(c -> c.id()).contains("INC002");
    }
}
