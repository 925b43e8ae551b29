package io.github.lxcconf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input a hostile or careless author writes: the commands answer normally, without an internal error. */
class HostileInputCliTest {

    @Test
    void explainOfIndexesPastTheLastIsNoInternalError(@TempDir Path dir) {
        Path file = CliRun.write(dir, "101.conf", "arch: amd64\nnet32: name=eth0,bridge=vmbr0\nmp256: /tank/a,mp=/a\n"
                + "dev256: /dev/kvm\n");
        CliRun explain = CliRun.run("explain", file.toString());
        assertThat(explain.status()).isZero();
        assertThat(explain.err()).doesNotContain("internal error");
        assertThat(explain.out()).contains("'net32' is not an option Proxmox knows (net takes the indexes 0 to 31)");
        CliRun lint = CliRun.run("lint", file.toString());
        assertThat(lint.status()).isIn(0, 1);
        assertThat(lint.out() + lint.err()).contains("PVE101").doesNotContain("internal error");
    }

    @Test
    void lintOfAnIncludeOfDevZeroReportsItAndPrintsNoStackTrace(@TempDir Path dir) {
        Path file = CliRun.write(dir, "config", "lxc.uts.name = a\nlxc.include = /dev/zero\n");
        CliRun lint = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> CliRun.run("lint", "--include-base", dir.toString(), file.toString()));
        assertThat(lint.status()).isEqualTo(1);
        assertThat(lint.out() + lint.err()).contains("INC005").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void concurrentInPlaceEditsLoseNoUpdate(@TempDir Path dir) throws Exception {
        // 8 threads each add 10 lines with edit --add ... -i, again when told the file changed meanwhile
        Path file = CliRun.write(dir, "config", "lxc.uts.name = web\n");
        int writers = 8;
        int edits = 10;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(writers);
            java.util.List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                runs.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < edits; i++) {
                        CliRun r;
                        do {
                            r = CliRun.run("edit", "--add", "lxc.environment=W" + writer + "_" + i + "=1", "-i",
                                    file.toString());
                            assertThat(r.status()).as(r.err()).isIn(0, 2);
                        } while (r.status() == 2);
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : runs) {
                f.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        String text = CliRun.read(file);
        for (int w = 0; w < writers; w++) {
            for (int i = 0; i < edits; i++) {
                assertThat(text).contains("lxc.environment = W" + w + "_" + i + "=1\n");
            }
        }
        assertThat(text.lines().count()).isEqualTo(1 + writers * edits);
    }
}
