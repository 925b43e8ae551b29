package io.github.lxcconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.lxcconf.internal.FileLocks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** writeTo(file, digest) holds a lock from its digest check to its rename: of N writers, one wins. */
class WriteLockTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        System.clearProperty(FileLocks.PVE_LOCK_DIRECTORY_PROPERTY);
        System.clearProperty(FileLocks.TIMEOUT_PROPERTY);
    }

    @Test
    void ofEightThreadsWithOneDigestExactlyOneWritesInEveryRound() throws Exception {
        Path file = dir.resolve("config");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 25; round++) {
                Files.writeString(file, "lxc.uts.name = round" + round + "\n");
                String digest = LxcConfig.parse(file).digest();
                CyclicBarrier start = new CyclicBarrier(8);
                List<Future<Boolean>> writers = new ArrayList<>();
                for (int w = 0; w < 8; w++) {
                    String name = "w" + w;
                    writers.add(pool.submit(() -> {
                        start.await();
                        try {
                            LxcConfig.parse("lxc.uts.name = " + name + "\n").writeTo(file, digest);
                            return true;
                        } catch (StaleFileException stale) {
                            return false;
                        }
                    }));
                }
                int written = 0;
                for (Future<Boolean> f : writers) {
                    written += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(written).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        try (var entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("config",
                    ".config.lxcconf.lock");
        }
    }

    @Test
    void sixProcessesEditingOneFileLoseNoUpdate() throws Exception {
        // each process adds 30 lines, each by a read, an edit and a write with the digest it read: without a
        // lock between the digest check and the rename, two of them pass the check and one line is lost
        Path file = Files.writeString(dir.resolve("config"), "lxc.uts.name = web\n");
        Path go = dir.resolve("go");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> writers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            writers.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    ConcurrentWriter.class.getName(), file.toString(), "P" + w, "30", go.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start());
        }
        Thread.sleep(1500); // every writer started and waits for the signal
        Files.createFile(go);
        for (Process p : writers) {
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(1 + 6 * 30);
        for (int w = 0; w < 6; w++) {
            for (int i = 0; i < 30; i++) {
                assertThat(lines).contains("lxc.environment = P" + w + "_" + i + "=1");
            }
        }
    }

    /** Holds Proxmox's lock with the real flock(1), as pve-container's lock_config does, until the process ends. */
    private static Process holdProxmoxLock(Path lockFile, int seconds) throws Exception {
        Files.createDirectories(lockFile.getParent());
        Process p;
        try {
            p = new ProcessBuilder("flock", lockFile.toString(), "sh", "-c", "echo held; sleep " + seconds).start();
        } catch (IOException e) {
            assumeTrue(false, "no flock(1) here");
            throw e;
        }
        String line = new BufferedReader(new InputStreamReader(p.getInputStream())).readLine();
        assertThat(line).isEqualTo("held");
        return p;
    }

    @Test
    void aWriteFailsClearlyWhileAnotherProcessHoldsProxmoxsLock() throws Exception {
        Path locks = dir.resolve("run-lock-lxc");
        System.setProperty(FileLocks.PVE_LOCK_DIRECTORY_PROPERTY, locks.toString());
        System.setProperty(FileLocks.TIMEOUT_PROPERTY, "1");
        Path file = Files.createDirectories(dir.resolve("lxc")).resolve("101.conf");
        Files.writeString(file, "arch: amd64\n");
        LxcConfig read = LxcConfig.parse(file);
        Process pct = holdProxmoxLock(locks.resolve("pve-config-101.lock"), 3);
        try {
            assertThatThrownBy(() -> read.edit().set("memory", "512").build().writeTo(file, read.digest()))
                    .isInstanceOf(IOException.class).isNotInstanceOf(StaleFileException.class)
                    .hasMessage("cannot lock container 101: another process (pct, the Proxmox API, a backup) holds"
                            + " Proxmox's lock " + locks.resolve("pve-config-101.lock") + " for more than 1 s");
            assertThat(Files.readString(file)).isEqualTo("arch: amd64\n");
        } finally {
            pct.destroy();
            pct.waitFor();
        }
        // no lock file of lxcconf's own beside a Proxmox config
        try (var entries = Files.list(file.getParent())) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("101.conf");
        }
    }

    @Test
    void aWriteWaitsForProxmoxsLockAndThenWrites() throws Exception {
        Path locks = dir.resolve("run-lock-lxc");
        System.setProperty(FileLocks.PVE_LOCK_DIRECTORY_PROPERTY, locks.toString());
        Path file = Files.createDirectories(dir.resolve("lxc")).resolve("101.conf");
        Files.writeString(file, "arch: amd64\n");
        LxcConfig read = LxcConfig.parse(file);
        Process pct = holdProxmoxLock(locks.resolve("pve-config-101.lock"), 2);
        long start = System.nanoTime();
        read.edit().set("memory", "512").build().writeTo(file, read.digest());
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(pct.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(waited).isGreaterThan(1000);
        assertThat(Files.readString(file)).isEqualTo("arch: amd64\nmemory: 512\n");
        // and the lock is free again once the write is done
        Process after = new ProcessBuilder("flock", "--nonblock", locks.resolve("pve-config-101.lock").toString(),
                "true").start();
        assertThat(after.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(after.exitValue()).isZero();
    }

    @Test
    void aProxmoxConfigUnderEtcPveTakesProxmoxsLockFile() {
        assertThat(FileLocks.proxmoxLockFile("101")).isEqualTo(Path.of("/run/lock/lxc/pve-config-101.lock"));
    }
}
