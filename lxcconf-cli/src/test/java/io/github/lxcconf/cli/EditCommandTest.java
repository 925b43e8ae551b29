package io.github.lxcconf.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class EditCommandTest {
    @TempDir
    Path dir;

    /** A native config with CRLF line ends (but one LF line), comments and a blank line. */
    private static final String NATIVE = "# web server\nlxc.uts.name = web\r\n\r\n# devices\r\n"
            + "lxc.cgroup2.devices.allow = c 1:3 rwm\r\nlxc.mount.entry = /srv srv none bind,create=dir\r\n";

    @Test
    void passthroughOnTheClassroomConfigPrintsADiff() {
        Path file = CliRun.copy("classroom-102.conf", dir);
        CliRun r = CliRun.run("edit", "--passthrough", "/dev/kvm", file.toString());
        assertThat(r.status()).isZero();
        String name = file.toString().substring(1);
        assertThat(r.out()).isEqualTo("--- a/" + name + "\n+++ b/" + name + "\n"
                + "@@ -1,5 +1,6 @@\n"
                + " arch: amd64\n"
                + " cores: 2\n"
                + "+dev0: /dev/kvm\n"
                + " hostname: ubuntu-gns3vm2-clone\n"
                + " memory: 4096\n"
                + " net0: name=eth0,bridge=vmbr0,hwaddr=86:4B:53:B7:66:0A,ip=dhcp,type=veth\n");
        CliRun raw = CliRun.run("edit", "--raw", "--passthrough", "/dev/kvm", file.toString());
        assertThat(raw.out()).isEqualTo("--- a/" + name + "\n+++ b/" + name + "\n"
                + "@@ -14,4 +14,6 @@\n"
                + " \n"
                + " # These lines were needed for virtual machine networking to behave, I don't really understand"
                + " them either\n"
                + " lxc.cgroup.devices.allow: c 10:200 rwm\n"
                + "+lxc.cgroup2.devices.allow: c 10:232 rwm\n"
                + " lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file\n"
                + "+lxc.mount.entry: /dev/kvm dev/kvm none bind,create=file\n");
        assertThat(r.err()).isEmpty();
        assertThat(CliRun.read(file)).isEqualTo(CliRun.resource("classroom-102.conf"));
    }

    @Test
    void printShowsTheWholeResultKeepingLineEndsAndComments() {
        Path file = CliRun.write(dir, "config", NATIVE);
        CliRun r = CliRun.run("edit", "--allow-device", "c:10:232", "--passthrough", "/dev/net/tun",
                "--bind-mount", "/srv/share:/mnt/share", "--set", "lxc.uts.name=web2", "--print", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("# web server\nlxc.uts.name = web2\r\n\r\n# devices\r\n"
                + "lxc.cgroup2.devices.allow = c 1:3 rwm\r\n"
                + "lxc.cgroup2.devices.allow = c 10:232 rwm\r\n"
                + "lxc.cgroup2.devices.allow = c 10:200 rwm\r\n"
                + "lxc.mount.entry = /srv srv none bind,create=dir\r\n"
                + "lxc.mount.entry = /dev/net/tun dev/net/tun none bind,create=file\r\n"
                + "lxc.mount.entry = /srv/share mnt/share none bind,create=dir\r\n");
        assertThat(CliRun.read(file)).isEqualTo(NATIVE);
    }

    @Test
    void inPlaceChangesOnlyTheEditedLines() throws Exception {
        Path file = CliRun.write(dir, "config", NATIVE);
        CliRun r = CliRun.run("edit", "--set", "lxc.uts.name=web2", "--add", "lxc.environment=TZ=UTC",
                "-i", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).as("as migrate -i and fmt -i say what they wrote").isEqualTo("lxcconf: edited " + file + "\n");
        assertThat(Files.readString(file)).isEqualTo(NATIVE.replace("= web\r", "= web2\r")
                + "lxc.environment = TZ=UTC\r\n");
    }

    @Test
    void inPlaceRefusesWhenTheFileChangedMeanwhile() {
        Path file = CliRun.copy("classroom-102.conf", dir);
        String concurrent = CliRun.resource("classroom-102.conf").replace("memory: 4096", "memory: 8192");
        CliRun r = CliRun.withHooks(f -> Files.writeString(f, concurrent),
                "edit", "--passthrough", "/dev/kvm", "--in-place", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("lxcconf: " + file + " changed since it was read; nothing was written\n"
                + "  hint: another program (pct, the web interface, an editor) wrote it meanwhile:"
                + " run the command again\n");
        assertThat(CliRun.read(file)).isEqualTo(concurrent);
    }

    @Test
    void cgroupV1DenyAndRemove() {
        Path file = CliRun.write(dir, "config", NATIVE);
        CliRun r = CliRun.run("edit", "--cgroup", "v1", "--deny-device", "b:7:*:rw", "--remove", "lxc.mount.entry",
                "--print", file.toString());
        assertThat(r.out()).isEqualTo("# web server\nlxc.uts.name = web\r\n\r\n# devices\r\n"
                + "lxc.cgroup2.devices.allow = c 1:3 rwm\r\nlxc.cgroup.devices.deny = b 7:* rw\r\n");
    }

    @Test
    void proxmoxSectionsAndDevices() {
        Path file = CliRun.copy("classroom-102.conf", dir);
        CliRun pending = CliRun.run("edit", "--pending", "--set", "cores=4", "--print", file.toString());
        assertThat(pending.out()).isEqualTo(CliRun.resource("classroom-102.conf") + "\n[pve:pending]\ncores: 4\n");
        CliRun net = CliRun.run("edit", "--set", "net0=name=eth0,bridge=vmbr1", "-p", file.toString());
        assertThat(net.out()).isEqualTo(CliRun.resource("classroom-102.conf")
                .replace("net0: name=eth0,bridge=vmbr0,hwaddr=86:4B:53:B7:66:0A,ip=dhcp,type=veth\n",
                        "net0: name=eth0,bridge=vmbr1\n"));
        CliRun dev = CliRun.run("edit", "--proxmox-device", "/dev/dri/renderD128,gid=104", "-p", file.toString());
        assertThat(dev.out()).isEqualTo(CliRun.resource("classroom-102.conf")
                .replace("cores: 2\n", "cores: 2\ndev0: /dev/dri/renderD128,gid=104\n"));
    }

    @Test
    void passthroughOfNumberedInstancesAndTheGpu() {
        Path file = CliRun.write(dir, "config", "lxc.uts.name = web\n");
        CliRun r = CliRun.run("edit", "--passthrough", "/dev/ttyUSB0", "--passthrough", "/dev/dri", "-p",
                file.toString());
        assertThat(r.out()).isEqualTo("lxc.uts.name = web\n"
                + "lxc.cgroup2.devices.allow = c 188:0 rwm\n"
                + "lxc.cgroup2.devices.allow = c 226:* rwm\n"
                + "lxc.mount.entry = /dev/ttyUSB0 dev/ttyUSB0 none bind,create=file\n"
                + "lxc.mount.entry = /dev/dri dev/dri none bind,create=dir,optional\n");
    }

    @Test
    void bindMountWithAnExplicitCreateMode() {
        Path file = CliRun.write(dir, "config", "lxc.uts.name = web\n");
        CliRun r = CliRun.run("edit", "--bind-mount", "/etc/resolv.conf:etc/resolv.conf:file",
                "--bind-mount", "/dev/shm:/dev/shm:dir", "-p", file.toString());
        assertThat(r.out()).isEqualTo("lxc.uts.name = web\n"
                + "lxc.mount.entry = /etc/resolv.conf etc/resolv.conf none bind,create=file\n"
                + "lxc.mount.entry = /dev/shm dev/shm none bind,create=dir\n");
    }

    @Test
    void addingWhatIsThereChangesNothing() {
        Path file = CliRun.write(dir, "config", NATIVE);
        CliRun r = CliRun.run("edit", "--allow-device", "c:1:3:rwm", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("lxcconf: " + file + ": nothing to change\n");
    }

    @Test
    void readsStandardInput() {
        CliRun r = CliRun.withStdin("lxc.uts.name = web\n", "edit", "--set", "lxc.uts.name=db", "-");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("--- a/<stdin>\n+++ b/<stdin>\n@@ -1 +1 @@\n"
                + "-lxc.uts.name = web\n+lxc.uts.name = db\n");
    }

    static Stream<Arguments> badOptionValues() {
        return Stream.of(
                arguments("--allow-device", "x:1:2",
                        "--allow-device 'x:1:2': the type is c (character device) or b (block device), not 'x'"),
                arguments("--allow-device", "c:1:2:rwx",
                        "--allow-device 'c:1:2:rwx': the access is one or more of r, w and m, got 'rwx'"),
                arguments("--allow-device", "c:a:2", "--allow-device 'c:a:2': a device number is a number or *, got 'a:2'"),
                arguments("--deny-device", "c:10",
                        "--deny-device 'c:10': expected TYPE:MAJOR:MINOR[:ACCESS], such as c:10:232:rwm"),
                arguments("--bind-mount", "/srv", "--bind-mount expects HOST:CONTAINER[:file|dir], got '/srv'"),
                arguments("--bind-mount", "/a:b:sock", "--bind-mount expects HOST:CONTAINER[:file|dir], got '/a:b:sock'"),
                arguments("--set", "novalue", "--set expects KEY=VALUE, got 'novalue'"),
                arguments("--add", "=x", "--add expects KEY=VALUE, got '=x'"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badOptionValues")
    void badOptionValuesAreUsageErrors(String option, String value, String message) {
        Path file = CliRun.write(dir, "config", NATIVE);
        CliRun r = CliRun.run("edit", option, value, file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("lxcconf: " + message + "\nTry 'lxcconf edit --help' for more information.\n");
        assertThat(CliRun.read(file)).isEqualTo(NATIVE);
    }

    static Stream<Arguments> refusedValues() {
        return Stream.of(
                arguments(List.of("--set", "lxc.uts.name=a\nb"), "value contains a line break at index 1"),
                arguments(List.of("--set", "lxc.uts.name=a\u0000b"), "value contains a NUL character at index 1"),
                arguments(List.of("--set", "nonsense key=1"), "key contains a blank at index 8: 'nonsense key'"),
                arguments(List.of("--snapshot", "before", "--set", "lxc.uts.name=x"),
                        "only Proxmox configs have snapshot sections"),
                arguments(List.of("--proxmox-device", "/dev/kvm"), "only Proxmox configs have devN options"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedValues")
    void valuesTheEditorRefusesAreReportedWithoutAStackTrace(List<String> options, String message) {
        Path file = CliRun.write(dir, "config", NATIVE);
        List<String> args = new ArrayList<>(List.of("edit", "-i", file.toString()));
        args.addAll(1, options);
        CliRun r = CliRun.run(args.toArray(String[]::new));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("lxcconf: cannot edit " + file + ": " + message + "\n");
        assertThat(CliRun.read(file)).isEqualTo(NATIVE);
    }

    @Test
    void anUnknownDeviceGetsAHint() {
        Path file = CliRun.write(dir, "config", NATIVE);
        CliRun r = CliRun.run("edit", "--passthrough", "/dev/nothing", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("lxcconf: --passthrough /dev/nothing: not a device node lxcconf knows the"
                + " numbers of\n  hint: pass it with --allow-device TYPE:MAJOR:MINOR and --bind-mount"
                + " /dev/nothing:/dev/nothing:file (ls -l /dev/nothing shows the numbers)\n");
    }

    @Test
    void usageErrors() {
        Path file = CliRun.write(dir, "config", NATIVE);
        assertThat(CliRun.run("edit", file.toString()).err())
                .isEqualTo("lxcconf: no edit given (such as --set KEY=VALUE)\n"
                        + "Try 'lxcconf edit --help' for more information.\n");
        assertThat(CliRun.run("edit", "-i", "-p", "--set", "a=b", file.toString()).err())
                .startsWith("lxcconf: --in-place, --print are mutually exclusive (specify only one)\n");
        CliRun stdin = CliRun.withStdin(NATIVE, "edit", "--set", "a=b", "-i", "-");
        assertThat(stdin.status()).isEqualTo(2);
        assertThat(stdin.err()).startsWith("lxcconf: --in-place needs a file, not standard input\n");
    }

    @Test
    void mountPointTakesTheFirstFreeIndexInAProxmoxConfig() {
        Path file = CliRun.write(dir, "105.conf", "arch: amd64\nhostname: lab\nmp0: local-lvm:vm-105-disk-1,mp=/data\n");
        CliRun r = CliRun.run("edit", "--print", "--mount-point", "/srv/share:/mnt/share,ro=1",
                "--mount-point", "local-lvm:8:/var/cache", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("arch: amd64\nhostname: lab\nmp0: local-lvm:vm-105-disk-1,mp=/data\n"
                + "mp1: /srv/share,mp=/mnt/share,ro=1\nmp2: local-lvm:8,mp=/var/cache\n");

        CliRun relative = CliRun.run("edit", "--mount-point", "/srv/share:mnt", file.toString());
        assertThat(relative.status()).isEqualTo(2);
        assertThat(relative.err()).startsWith("lxcconf: --mount-point expects SOURCE:PATH[,OPTION...] with an"
                + " absolute PATH, got '/srv/share:mnt'");

        Path lxc = CliRun.write(dir, "config", "lxc.uts.name = web\n");
        CliRun nativeConfig = CliRun.run("edit", "--mount-point", "/srv/share:/mnt/share", lxc.toString());
        assertThat(nativeConfig.status()).isEqualTo(2);
        assertThat(nativeConfig.err()).startsWith("lxcconf: cannot edit " + lxc
                + ": only Proxmox configs have mount points");
    }
}
