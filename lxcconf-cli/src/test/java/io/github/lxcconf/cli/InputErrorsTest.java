package io.github.lxcconf.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class InputErrorsTest {
    private static final String MISSING_HINT = "  hint: a Proxmox VE container's config is /etc/pve/lxc/VMID.conf,"
            + " a native LXC container's /var/lib/lxc/NAME/config; use - to read standard input\n";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"explain", "lint", "migrate", "get", "fmt"})
    void aMissingFileIsOneLineAndAHint(String command) {
        Path missing = dir.resolve("foo.conf");
        CliRun r = command.equals("get") ? CliRun.run(command, missing.toString(), "memory")
                : CliRun.run(command, missing.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("lxcconf: cannot read " + missing + ": no such file\n" + MISSING_HINT);
    }

    @Test
    void aRelativeMissingFileIsNamedAsGiven() {
        CliRun r = CliRun.run("explain", "foo.conf");
        assertThat(r.err()).isEqualTo("lxcconf: cannot read foo.conf: no such file\n" + MISSING_HINT);
    }

    @Test
    void aDirectoryIsNamedAsSuch() {
        CliRun r = CliRun.run("edit", "--set", "a=b", dir.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("lxcconf: cannot read " + dir + ": is a directory\n"
                + "  hint: name the config file itself, such as " + dir.resolve("config") + "\n");
    }

    @Test
    void anUnreadableFileSaysPermissionDenied() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may read any file");
        Path file = CliRun.write(dir, "config", "lxc.uts.name = web\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        CliRun r = CliRun.run("lint", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("lxcconf: cannot read " + file + ": permission denied\n");
    }

    @Test
    void readFailuresAreWordedForPeople() {
        assertThat(Source.readFailure("a.conf", new AccessDeniedException("a.conf")).getMessage())
                .isEqualTo("cannot read a.conf: permission denied");
        assertThat(Source.readFailure("a.conf", new AccessDeniedException("a.conf")).hint())
                .hasValue("run as a user that may read it (Proxmox VE configs are readable by root only)");
        assertThat(Source.readFailure("a.conf", new NoSuchFileException("a.conf")).getMessage())
                .isEqualTo("cannot read a.conf: no such file");
        assertThat(Source.readFailure("a.conf", new FileSystemException("a.conf", null, "Input/output error"))
                .getMessage()).isEqualTo("cannot read a.conf: input/output error");
        assertThat(Source.readFailure("a.conf", new IOException("disk on fire")).getMessage())
                .isEqualTo("cannot read a.conf: disk on fire");
    }

    @Test
    void invalidUtf8IsReadReportedAndKeptByteForByte() throws IOException {
        byte[] bytes = "# caf\u00e9\nlxc.uts.name = web\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("config"), bytes);
        CliRun lint = CliRun.run("lint", file.toString());
        assertThat(lint.status()).as("a warning").isZero();
        assertThat(lint.out()).startsWith(file + ":1:").contains("warning: ").contains("[ENC001]");
        CliRun edit = CliRun.run("edit", "--set", "lxc.uts.name=db", "-i", file.toString());
        assertThat(edit.status()).isZero();
        byte[] expected = "# caf\u00e9\nlxc.uts.name = db\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(Files.readAllBytes(file)).isEqualTo(expected);
        CliRun print = CliRun.run("fmt", file.toString());
        assertThat(print.outBytes()).as("printed byte for byte").isEqualTo(expected);
    }

    @Test
    void aBinaryFileIsOneErrorNotAThousandWarnings() throws IOException {
        Path file = Files.write(dir.resolve("image.bin"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, (byte) 0xff,
                '\n', 'x', 0, '\r'});
        CliRun r = CliRun.run("lint", file.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEqualTo(file + ":1:1: error: not a config file: binary content at byte 4 [ENC003]\n"
                + "  hint: name a container's config, such as /etc/pve/lxc/VMID.conf\n");
        CliRun explain = CliRun.run("explain", file.toString());
        assertThat(explain.status()).isEqualTo(2);
        assertThat(explain.err()).startsWith("lxcconf: cannot read " + file + ": not a config file: binary content"
                + " at byte 4\n");
        Path ls = Path.of("/bin/ls");
        if (Files.isReadable(ls)) {
            CliRun program = CliRun.run("lint", ls.toString());
            assertThat(program.status()).isEqualTo(1);
            assertThat(program.out().lines()).hasSize(2);
        }
    }

    @Test
    void aStrayNulInATextConfigIsReportedWhereItIs() throws IOException {
        Path file = Files.write(dir.resolve("config"), "lxc.uts.name = web\nlxc.arch = am\u0000d64\nlxc.tty.max = 1\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CliRun r = CliRun.run("lint", "--dialect", "lxc", file.toString());
        assertThat(r.out()).contains(file + ":2:14: warning: liblxc stops reading at this NUL byte");
    }

    @Test
    void anInvalidFileNameIsAUserError() {
        CliRun r = CliRun.run("lint", "bad\u0000name");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("lxcconf: cannot read bad\u0000name: not a valid file name (");
    }

    @Test
    void aReadOnlyDirectoryIsBlamedNotTheFile() {
        Path file = CliRun.write(dir, "config", "lxc.utsname = web\n");
        CliRun r = CliRun.withHooks(f -> {
            throw new java.nio.file.AccessDeniedException(f.resolveSibling(".config.lxcconf.tmp").toString());
        }, "migrate", "-i", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("lxcconf: cannot write " + file + ": the directory " + dir.toAbsolutePath()
                + " is not writable; the file is unchanged\n  hint: ");
        CliRun denied = CliRun.withHooks(f -> {
            throw new java.nio.file.AccessDeniedException(f.toString());
        }, "migrate", "-i", file.toString());
        assertThat(denied.err()).contains("lxcconf: cannot write " + file + ": permission denied\n");
    }

    @Test
    void aFailedWriteLeavesTheFileAndSaysWhy() {
        Path file = CliRun.write(dir, "config", "lxc.utsname = web\n");
        CliRun r = CliRun.withHooks(f -> {
            throw new FileSystemException(f.toString(), null, "No space left on device");
        }, "migrate", "-i", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).endsWith("lxcconf: cannot write " + file + ": no space left on device;"
                + " the file is unchanged\n");
        assertThat(CliRun.read(file)).isEqualTo("lxc.utsname = web\n");
    }

    @Test
    void aBugIsReportedWithAStackTraceAndStatusThree() {
        Path file = CliRun.write(dir, "config", "lxc.utsname = web\n");
        CliRun r = CliRun.withHooks(f -> {
            throw new IllegalStateException("boom");
        }, "migrate", "-i", file.toString());
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains("lxcconf: internal error, please report it with the command and the file:\n"
                + "java.lang.IllegalStateException: boom\n\tat ");
    }
}
