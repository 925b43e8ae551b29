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
        Path file = CliRun.write(dir, "config", "lxc.uts.name = web\n");
        int writers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(writers);
            java.util.List<java.util.concurrent.Future<CliRun>> runs = new java.util.ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String line = "lxc.environment=W" + w + "=1";
                runs.add(pool.submit(() -> {
                    start.await();
                    return CliRun.run("edit", "--add", line, "-i", file.toString());
                }));
            }
            String text = null;
            int written = 0;
            java.util.List<Integer> succeeded = new java.util.ArrayList<>();
            for (int w = 0; w < writers; w++) {
                CliRun r = runs.get(w).get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.status()).as(r.err()).isIn(0, 2);
                if (r.status() == 0) {
                    succeeded.add(w);
                    written++;
                } else {
                    assertThat(r.err()).contains("changed since it was read; nothing was written");
                }
            }
            text = CliRun.read(file);
            assertThat(written).isPositive();
            // every edit that reported success is in the file: none was overwritten by another
            for (int w : succeeded) {
                assertThat(text).contains("lxc.environment = W" + w + "=1");
            }
            assertThat(text.lines().filter(l -> l.startsWith("lxc.environment")).count()).isEqualTo(written);
        } finally {
            pool.shutdownNow();
        }
    }
}
