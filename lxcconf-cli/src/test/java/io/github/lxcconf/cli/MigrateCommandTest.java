package io.github.lxcconf.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MigrateCommandTest {

    private static String diffName(Path file) {
        return file.toString().replaceFirst("^/+", "");
    }

    @Test
    void printsAUnifiedDiffAndNotesWhy(@TempDir Path dir) {
        Path file = CliRun.copy("classroom-102.conf", dir);
        String before = CliRun.read(file);
        CliRun r = CliRun.run("migrate", "--allow-widening", file.toString());
        assertThat(r.status()).isZero();
        String name = diffName(file);
        assertThat(r.out()).isEqualTo("--- a/" + name + "\n"
                + "+++ b/" + name + "\n"
                + "@@ -1,5 +1,6 @@\n"
                + " arch: amd64\n"
                + " cores: 2\n"
                + "+dev0: /dev/net/tun\n"
                + " hostname: ubuntu-gns3vm2-clone\n"
                + " memory: 4096\n"
                + " net0: name=eth0,bridge=vmbr0,hwaddr=86:4B:53:B7:66:0A,ip=dhcp,type=veth\n"
                + "@@ -10,8 +11,6 @@\n"
                + " \n"
                + " # LINES IN QUESTION\n"
                + " # This line seems to pass through the host CPU's virtualization features\n"
                + "-lxc.cgroup.devices.allow: c 10:232 rwm\n"
                + "+lxc.cgroup2.devices.allow: c 10:232 rwm\n"
                + " \n"
                + " # These lines were needed for virtual machine networking to behave, I don't really understand"
                + " them either\n"
                + "-lxc.cgroup.devices.allow: c 10:200 rwm\n"
                + "-lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file\n");
        assertThat(r.err().lines().toList()).hasSize(5)
                .allMatch(l -> l.startsWith(file + ":") || l.startsWith("  hint: "))
                .anyMatch(l -> l.startsWith(file + ":13: note: Device rules carry over from cgroup v1 to cgroup2"))
                .contains(file + ":13:1: warning: the migration widens what the container may use on a cgroup2"
                        + " host: /dev/kvm (c 10:232) r, w, rw; /dev/net/tun (c 10:200) r, w, rw [MIG007]");
        assertThat(CliRun.read(file)).as("the file is not touched").isEqualTo(before);
    }

    @Test
    void migratesLegacyKeysOfANativeConfig(@TempDir Path dir) {
        Path file = CliRun.copy("lxc-2.0-veth.conf", dir);
        CliRun r = CliRun.run("migrate", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("@@ -1,9 +1,9 @@\n # Container with network virtualized")
                .contains("-lxc.network.ipv4 = 10.2.3.5/24\n")
                .contains("+lxc.net.0.ipv4.address = 10.2.3.5/24\n");
        assertThat(r.err()).contains(file + ":3: note: lxc.utsname is the pre-2.1 name of lxc.uts.name");
    }

    @Test
    void aLegacyInterfaceIsNumberedAboveTheInterfacesOfIncludedFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("net.conf"), "lxc.net.0.type = veth\n");
        Path file = dir.resolve("config");
        Files.writeString(file, "lxc.include = net.conf\nlxc.network.type = veth\n");
        // relative includes start in the file's directory unless --include-base says otherwise
        assertThat(CliRun.run("migrate", file.toString()).out()).contains("+lxc.net.1.type = veth\n");
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        assertThat(CliRun.run("migrate", "--include-base", elsewhere.toString(), file.toString()).out())
                .contains("+lxc.net.0.type = veth\n");
        Files.writeString(elsewhere.resolve("net.conf"), "lxc.net.4.type = veth\n");
        assertThat(CliRun.run("migrate", "--include-base", elsewhere.toString(), file.toString()).out())
                .contains("+lxc.net.5.type = veth\n");
    }

    @Test
    void inPlaceWritesOnlyTheChangedLines(@TempDir Path dir) {
        Path file = CliRun.copy("lxc-2.0-veth.conf", dir);
        CliRun r = CliRun.run("migrate", "--in-place", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).endsWith("lxcconf: migrated " + file + " (7 lines changed)\n");
        assertThat(CliRun.read(file)).isEqualTo(CliRun.resource("lxc-2.0-veth.conf")
                .replace("lxc.utsname", "lxc.uts.name")
                .replace("lxc.network.ipv4", "lxc.net.0.ipv4.address")
                .replace("lxc.network.ipv6", "lxc.net.0.ipv6.address")
                .replace("lxc.network.", "lxc.net.0."));
        CliRun again = CliRun.run("migrate", file.toString());
        assertThat(again.out()).isEmpty();
        assertThat(again.err()).isEqualTo("lxcconf: " + file + ": nothing to migrate\n");
    }

    @Test
    void inPlaceRefusesWhenTheFileChangedMeanwhile(@TempDir Path dir) {
        Path file = CliRun.copy("lxc-2.0-veth.conf", dir);
        String concurrent = "# written by someone else meanwhile\nlxc.uts.name = gamma\n";
        CliRun r = CliRun.withHooks(f -> Files.writeString(f, concurrent), "migrate", "-i", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).endsWith("lxcconf: " + file + " changed since it was read; nothing was written\n"
                + "  hint: another program (pct, the web interface, an editor) wrote it meanwhile:"
                + " run the command again\n");
        assertThat(CliRun.read(file)).isEqualTo(concurrent);
    }

    @Test
    void nothingToMigrateIsANote(@TempDir Path dir) {
        Path file = CliRun.write(dir, "config", "lxc.uts.name = web\n");
        CliRun r = CliRun.run("migrate", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("lxcconf: " + file + ": nothing to migrate\n");
    }

    @Test
    void readsStandardInput() {
        CliRun r = CliRun.withStdin("lxc.utsname = web", "migrate", "-");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("--- a/<stdin>\n+++ b/<stdin>\n@@ -1 +1 @@\n"
                + "-lxc.utsname = web\n\\ No newline at end of file\n"
                + "+lxc.uts.name = web\n\\ No newline at end of file\n");
        assertThat(r.err()).startsWith("<stdin>:1: note: ");
    }

    @Test
    void inPlaceOnStandardInputIsAUsageError() {
        CliRun r = CliRun.withStdin("lxc.utsname = web\n", "migrate", "--in-place", "-");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("lxcconf: --in-place needs a file, not standard input\n"
                + "Try 'lxcconf migrate --help' for more information.\n");
    }

    @Test
    void optionsTurnMigrationsOff(@TempDir Path dir) {
        Path file = CliRun.copy("classroom-102.conf", dir);
        CliRun r = CliRun.run("migrate", "--allow-widening", "--no-proxmox-devices", file.toString());
        assertThat(r.out()).doesNotContain("dev0").contains("+lxc.cgroup2.devices.allow: c 10:200 rwm\n");
        CliRun none = CliRun.run("migrate", "--no-proxmox-devices", "--no-cgroup2", "--no-legacy-keys",
                file.toString());
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).endsWith("lxcconf: " + file + ": nothing to migrate\n");
    }

    @Test
    void checkFailsWhileAConfigNeedsMigratingAndWritesNothing(@TempDir Path dir) {
        Path file = CliRun.copy("classroom-102.conf", dir);
        String before = CliRun.read(file);
        CliRun r = CliRun.run("migrate", "--allow-widening", "--check", file.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).startsWith("--- a/" + diffName(file) + "\n");
        assertThat(CliRun.read(file)).isEqualTo(before);

        Path current = CliRun.write(dir, "current", "lxc.uts.name = web\nlxc.cgroup2.devices.allow = c 10:232 rwm\n");
        CliRun clean = CliRun.run("migrate", "--check", current.toString());
        assertThat(clean.status()).isZero();
        assertThat(clean.out()).isEmpty();

        CliRun both = CliRun.run("migrate", "--check", "--in-place", file.toString());
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).startsWith("lxcconf: --check and --in-place exclude each other");
    }

    @Test
    void deviceRulesThatWouldWidenAccessWaitForTheOptIn(@TempDir Path dir) {
        Path file = CliRun.copy("classroom-102.conf", dir);
        CliRun r = CliRun.run("migrate", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(":13:1: warning: the device rules were not migrated: on a cgroup2 host the"
                + " migration would let the container use /dev/kvm (c 10:232) r, w, rw; /dev/net/tun (c 10:200) r, w,"
                + " rw [MIG007]\n  hint: review the devices, then migrate with --allow-widening")
                .endsWith("lxcconf: " + file + ": nothing to migrate without --allow-widening\n");
        // a config that still needs a decision fails the check
        assertThat(CliRun.run("migrate", "--check", file.toString()).status()).isEqualTo(1);
    }
}
