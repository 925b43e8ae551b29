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
}
