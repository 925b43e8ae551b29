package io.github.lxcconf.it.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.device.DevicePolicy;
import io.github.lxcconf.device.HostLayout;
import io.github.lxcconf.it.CgroupHost;
import io.github.lxcconf.it.ContainerRun;
import io.github.lxcconf.it.Containers;
import io.github.lxcconf.it.DeviceProbe;
import io.github.lxcconf.it.LxcHost;
import io.github.lxcconf.validate.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What lxcconf's advice says a line does, checked on real containers: where liblxc 5.0.2 mounts an absolute mount
 * target (VAL012 and explain() both ask MountPlacement), and what an empty device line does (explain() and
 * VAL007 both ask DevicePolicy).
 */
class LiblxcAdviceContainerTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void needsLxc() {
        LxcHost.require();
    }

    @Test
    void anAbsoluteTargetInsideTheRootfsIsMountedThereAndOneOutsideIsSkipped() throws IOException {
        Path source = Files.createDirectories(dir.resolve("shared"));
        Files.writeString(source.resolve("marker"), "from the host\n");
        String rootfs = Containers.rootfs().toString();
        String inside = "lxc.mount.entry = " + source + " " + rootfs + "/mnt/abs-inside none bind,create=dir 0 0";
        String outside = "lxc.mount.entry = " + source + " /mnt/abs-outside none bind,create=dir 0 0";
        String config = Containers.config(inside, outside);
        ContainerRun run = Containers.run(CgroupHost.HYBRID, config,
                "cat /mnt/abs-inside/marker; echo; ls /mnt/abs-outside 2>&1; echo done");
        assertThat(run.succeeded()).as(run.describe()).isTrue();
        assertThat(run.stdout()).as(run.describe()).contains("from the host");
        assertThat(run.stdout()).as("the entry outside the rootfs is not mounted").doesNotContain("marker\n")
                .contains("done");
        assertThat(run.log()).contains("Ignoring mount point \"/mnt/abs-outside\"");

        LxcConfig parsed = LxcConfig.parseText(config);
        int insideLine = config.lines().toList().indexOf(inside) + 1;
        int outsideLine = config.lines().toList().indexOf(outside) + 1;
        Validation v = parsed.validate();
        assertThat(v.withCode(DiagnosticCode.VAL_ABSOLUTE_MOUNT_TARGET))
                .as("VAL012 only where liblxc skips the entry").singleElement()
                .satisfies(d -> {
                    assertThat(d.line()).isEqualTo(outsideLine);
                    assertThat(d.hint()).contains("write it relative to the container's root: 'mnt/abs-outside'");
                });
        assertThat(parsed.explain().line(insideLine).orElseThrow().explanation())
                .contains("mounts it at /mnt/abs-inside inside the container").doesNotContain("on the host");
        assertThat(parsed.explain().line(outsideLine).orElseThrow().explanation())
                .contains("LXC skips this entry");
    }

    @Test
    void anEmptyDeviceAllowLineClearsTheListAndTheContainerStarts() {
        String clear = "lxc.cgroup2.devices.allow =";
        List<DeviceProbe.Device> devices = List.of(DeviceProbe.LOOP0);
        List<String> lines = new java.util.ArrayList<>(DeviceProbe.mountEntries(devices));
        lines.add(clear);
        String config = Containers.config(lines.toArray(String[]::new));
        ContainerRun run = Containers.run(CgroupHost.CGROUP2, config, DeviceProbe.script(devices));
        assertThat(run.succeeded()).as("the container starts: " + run.describe()).isTrue();
        Map<DeviceProbe.Device, Map<DeviceProbe.Access, Boolean>> measured = DeviceProbe.verdicts(devices, run);

        LxcConfig parsed = LxcConfig.parseText(config);
        int clearLine = config.lines().toList().indexOf(clear) + 1;
        DevicePolicy policy = DevicePolicy.of(parsed);
        assertThat(policy.clearedBy("<string>", clearLine)).as("common.conf's cgroup2 allow rules").isNotEmpty();
        for (DeviceProbe.Access access : DeviceProbe.Access.values()) {
            boolean predicted = policy.decide(HostLayout.CGROUP2, io.github.lxcconf.model.DeviceType.BLOCK, 7, 0,
                    io.github.lxcconf.model.DeviceAccess.parse(access.letters()).orElseThrow()).granted();
            assertThat(measured.get(DeviceProbe.LOOP0).get(access)).as(access + " on " + run.describe())
                    .isEqualTo(predicted);
        }
        assertThat(parsed.validate().errors()).isEmpty();
        assertThat(parsed.validate().withCode(DiagnosticCode.VAL_EMPTY_CLEARS_LIST)).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("the container still starts"));
        assertThat(parsed.explain().line(clearLine).orElseThrow().explanation())
                .contains("does not stop the container from starting").doesNotContain("fail to start");
    }
}
