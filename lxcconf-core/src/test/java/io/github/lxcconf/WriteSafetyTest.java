package io.github.lxcconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** writeTo through links, the mode of a new file, and the temporary files a killed write leaves. */
class WriteSafetyTest {
    @TempDir
    Path dir;

    @Test
    void aDanglingLinkIsKeptAndTheFileItNamesIsCreated() throws IOException {
        Path target = dir.resolve("real.conf");
        Path link = Files.createSymbolicLink(dir.resolve("config"), Path.of("real.conf"));
        LxcConfig.parse("lxc.uts.name = web\n").writeTo(link);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("lxc.uts.name = web\n");
    }

    @Test
    void aLinkToAMissingDirectoryIsRefusedClearly() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("config"), dir.resolve("gone/real.conf"));
        assertThatThrownBy(() -> LxcConfig.parse("lxc.uts.name = web\n").writeTo(link))
                .isInstanceOf(java.nio.file.NoSuchFileException.class)
                .hasMessageContaining("it is a symbolic link to " + dir.resolve("gone/real.conf")
                        + ", whose directory does not exist");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void aLoopOfLinksIsRefusedAndKept() throws IOException {
        Path a = dir.resolve("a.conf");
        Path b = dir.resolve("b.conf");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        assertThatThrownBy(() -> LxcConfig.parse("lxc.uts.name = web\n").writeTo(a))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining("cannot write through the symbolic link: it is part of a loop of links");
        assertThat(Files.isSymbolicLink(a)).isTrue();
        assertThat(Files.isSymbolicLink(b)).isTrue();
    }

    @Test
    void aNewFileGetsTheModeTheUmaskGives() throws IOException {
        // a file created without attributes gets 0666 less the umask: what any tool's new file gets
        Path probe = Files.createFile(dir.resolve("probe"));
        String expected = PosixFilePermissions.toString(Files.getPosixFilePermissions(probe));
        Path file = dir.resolve("new.conf");
        LxcConfig.parse("lxc.uts.name = web\n").writeTo(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo(expected);
    }

    @Test
    void temporaryFilesOfKilledWritesAreRemovedAtTheNextWrite() throws IOException {
        Path file = Files.writeString(dir.resolve("config"), "lxc.uts.name = a\n");
        // left by a killed write of this file: removed, as this write holds the file's lock
        Path mine = Files.writeString(dir.resolve(".config.lxcconf-0123456789abcdef.tmp"), "half");
        // of another file, fresh: its write may still run, so it stays
        Path fresh = Files.writeString(dir.resolve(".other.lxcconf-0123456789abcdef.tmp"), "half");
        // of another file, old: left by a killed write
        Path old = Files.writeString(dir.resolve(".third.lxcconf-fedcba9876543210.tmp"), "half");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        // not ours
        Path foreign = Files.writeString(dir.resolve(".config.swp"), "vim");
        LxcConfig.parse("lxc.uts.name = b\n").writeTo(file);
        assertThat(mine).doesNotExist();
        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
        assertThat(foreign).exists();
        assertThat(Files.readString(file)).isEqualTo("lxc.uts.name = b\n");
    }
}
