package io.github.lxcconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteToTest {
    @TempDir
    Path dir;

    private static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }

    @Test
    void digestIsTheSha1OfTheBytesRead() throws Exception {
        byte[] bytes = "arch: amd64\n#caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = dir.resolve("102.conf");
        Files.write(file, bytes);
        assertThat(LxcConfig.parse(file).digest()).isEqualTo(sha1(bytes)).hasSize(40);
    }

    @Test
    void writeToReplacesTheFileAndKeepsItsPermissions() throws Exception {
        Path file = dir.resolve("102.conf");
        Files.writeString(file, "arch: amd64\nmemory: 512\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        LxcConfig config = LxcConfig.parse(file);
        config.edit().set("memory", "1024").build().writeTo(file);
        assertThat(Files.readString(file)).isEqualTo("arch: amd64\nmemory: 1024\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        try (var files = Files.list(dir)) {
            // no temporary file left behind; the lock file stays (removing it could let two writers in)
            assertThat(files).containsExactlyInAnyOrder(file, dir.resolve(".102.conf.lxcconf.lock"));
        }
    }

    @Test
    void writeToCreatesANewFile() throws IOException {
        Path file = dir.resolve("new.conf");
        LxcConfig.parse("lxc.arch = amd64\n").writeTo(file);
        assertThat(Files.readString(file)).isEqualTo("lxc.arch = amd64\n");
    }

    @Test
    void bytesThatAreNotUtf8SurviveAnEdit() throws IOException {
        Path file = dir.resolve("102.conf");
        byte[] latin1 = "#caf\u00e9\narch: amd64\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, latin1);
        LxcConfig.parse(file).edit().set("memory", "512").build().writeTo(file);
        byte[] expected = "#caf\u00e9\narch: amd64\nmemory: 512\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Files.readAllBytes(file)).isEqualTo(expected);
    }

    @Test
    void aStaleDigestIsRefusedAndTheFileIsUnchanged() throws Exception {
        Path file = dir.resolve("102.conf");
        Files.writeString(file, "arch: amd64\nmemory: 512\n");
        LxcConfig mine = LxcConfig.parse(file);
        String digest = mine.digest();
        // another tool writes the file meanwhile
        Files.writeString(file, "arch: amd64\nmemory: 512\nswap: 256\n");
        byte[] theirs = Files.readAllBytes(file);
        LxcConfig edited = mine.edit().set("memory", "2048").build();
        assertThatThrownBy(() -> edited.writeTo(file, digest))
                .isInstanceOfSatisfying(StaleFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toAbsolutePath());
                    assertThat(e.expectedDigest()).isEqualTo(digest);
                    assertThat(e.getMessage()).contains("changed since it was read").contains("nothing was written");
                });
        assertThat(Files.readAllBytes(file)).isEqualTo(theirs);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(file, dir.resolve(".102.conf.lxcconf.lock"));
        }
        // with the current digest the write goes through
        edited.writeTo(file, sha1(theirs));
        assertThat(Files.readString(file)).isEqualTo("arch: amd64\nmemory: 2048\n");
    }

    @Test
    void aSymbolicLinkIsFollowedAndKept() throws IOException {
        Path real = Files.createDirectories(dir.resolve("configs")).resolve("web.conf");
        Files.writeString(real, "lxc.uts.name = web\n");
        Path link = Files.createDirectories(dir.resolve("web")).resolve("config");
        Files.createSymbolicLink(link, real);
        LxcConfig config = LxcConfig.parse(link);
        config.edit().set("lxc.uts.name", "web2").build().writeTo(link, config.digest());
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("lxc.uts.name = web2\n");
        try (var entries = Files.list(real.getParent())) {
            assertThat(entries).as("no temporary file left").containsExactlyInAnyOrder(real,
                    real.resolveSibling(".web.conf.lxcconf.lock"));
        }
    }
}
