package io.github.lxcconf.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.testing.Gen;
import io.github.lxcconf.testing.Property;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Properties of the rewrite on generated files mixing every kind of line Proxmox reads or drops. */
class ProxmoxRewritePropertyTest {
    private static final Gen<String> LINE = Gen.oneOfValues("arch: amd64", "memory: 0512", "onboot: yes",
            "swap: 512 # x", "net10: name=eth0,bridge=vmbr0", "net2: name=eth1,foo=bar", "# note: 50%", "#x",
            "description: d%3Ae", "", "  ", "lxc.autodev = 1", "lxc.environment.runtime: A=1", "lxc.tty.dir: x",
            "lxc.rootfs.path: /x", "lxc.cgroup.devices.allow: a", "Cores: 2", "delete: swap", "snapstate: prepare",
            "[s1]", "[a0]", "[pve:pending]", "[x]", "rootfs: local:vm-1-disk-0", "unused0: local:vm-1-disk-0",
            "env: B=2", "tags: a;b");

    private static final Gen<String> FILE = Gen.listOf(LINE, 0, 25).map(l -> String.join("\n", l) + "\n");

    // a bare "#" line is left out: a pending section whose description is only empty lines is written as a
    // bare [pve:pending] header, which the next read drops (see pendingWithAnEmptyDescription)

    @Test
    @DisplayName("Proxmox's one known non-fixed point: a pending description of empty lines only")
    void pendingWithAnEmptyDescription() {
        byte[] once = rewrite("arch: a\n[pve:pending]\n#\n".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(once, StandardCharsets.UTF_8)).isEqualTo("arch: a\n\n[pve:pending]\n");
        assertThat(new String(rewrite(once), StandardCharsets.UTF_8)).isEqualTo("arch: a\n");
    }

    private static byte[] rewrite(byte[] in) {
        return ProxmoxRewrite.of("100.conf", in).bytes();
    }

    @Test
    @DisplayName("rewriting twice equals rewriting once; the second read drops nothing and announces nothing")
    void idempotent() {
        Property.forAll("rewrite is idempotent", 500, FILE, text -> {
            byte[] once = rewrite(text.getBytes(StandardCharsets.UTF_8));
            assertThat(rewrite(once)).as("%s", text).isEqualTo(once);
            ProxmoxRewrite second = ProxmoxRewrite.of("100.conf", once);
            assertThat(second.warnings()).as("%s", text).allSatisfy(w -> assertThat(w)
                    .doesNotContain("unable to parse config").doesNotContain("only allowed in")
                    .doesNotContain("auto generated").doesNotContain("not supported"));
            assertThat(second.diagnostics()).as("%s", text).isEmpty();
        });
    }
}
