package io.github.lxcconf.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.Severity;
import io.github.lxcconf.examples.ProvisionClassroom.Student;
import io.github.lxcconf.model.proxmox.IpConfig;
import io.github.lxcconf.model.proxmox.MountPoint;
import io.github.lxcconf.model.proxmox.NetworkDevice;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.validate.Validation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvisionClassroomTest {

    /** The template lines each student's config changes in place. */
    private static final Set<String> CHANGED_KEYS = Set.of("hostname", "net0", "rootfs");

    /** The classroom, provisioned once for every test that only reads it. */
    @TempDir
    static Path dir;

    /** Where tests that run the example again write. */
    @TempDir
    Path scratch;

    /** What one run printed and returned. */
    private record Run(int status, String out, String err) {
    }

    private static Run provisioned;

    @BeforeAll
    static void provision() {
        provisioned = run(dir.toString());
    }

    private static Run run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status = ProvisionClassroom.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    private static List<LxcConfig> generated() throws IOException {
        List<LxcConfig> configs = new ArrayList<>();
        for (int vmid = 201; vmid <= 230; vmid++) {
            configs.add(LxcConfig.parse(dir.resolve(vmid + ".conf")));
        }
        return configs;
    }

    @Test
    void writesThirtyConfigsNamedByVmid() throws IOException {
        assertThat(provisioned.err()).isEmpty();
        assertThat(provisioned.status()).isZero();
        try (Stream<Path> files = Files.list(dir)) {
            // beside each config, the lock file its write took (.201.conf.lxcconf.lock) stays
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lxcconf.lock")).sorted())
                    .containsExactlyElementsOf(Stream.iterate(201, v -> v + 1).limit(30).map(v -> v + ".conf").toList());
        }
    }

    @Test
    void hostnamesMacsAndAddressesAreDistinct() throws IOException {
        List<LxcConfig> configs = generated();
        List<NetworkDevice> nets = configs.stream().map(c -> c.proxmox().network(0).orElseThrow()).toList();
        assertThat(configs.stream().map(c -> c.proxmox().hostname().orElseThrow()))
                .doesNotHaveDuplicates().hasSize(30).startsWith("lab-student-01").endsWith("lab-student-30");
        assertThat(nets.stream().map(n -> n.hwaddr().orElseThrow())).doesNotHaveDuplicates().hasSize(30)
                .allMatch(mac -> mac.matches("02:00:0A:0A:66:[0-9A-F]{2}"));
        assertThat(nets.stream().map(n -> n.ip().orElseThrow()))
                .extracting(IpConfig::toString).doesNotHaveDuplicates().hasSize(30)
                .startsWith("10.10.102.101/24").endsWith("10.10.102.130/24");
        assertThat(nets).allSatisfy(n -> assertThat(n.gateway()).contains("10.10.102.1"));
        assertThat(configs.stream().map(c -> c.proxmox().rootfs().flatMap(MountPoint::volume).orElseThrow()))
                .doesNotHaveDuplicates().startsWith("local-lvm:vm-201-disk-0");
    }

    @Test
    void everyConfigValidatesWithoutErrorsOrWarnings() throws IOException {
        for (LxcConfig config : generated()) {
            Validation validation = config.validate();
            assertThat(validation.errors()).as(config.sourceName()).isEmpty();
            assertThat(validation.diagnostics()).as(config.sourceName()).noneMatch(d -> d.severity() == Severity.WARNING);
            assertThat(config.proxmox().diagnostics()).as(config.sourceName()).isEmpty();
        }
    }

    @Test
    void everyStudentSeesTheSharedFolderReadOnly() throws IOException {
        for (LxcConfig config : generated()) {
            MountPoint mp0 = config.proxmox().mountPoint(0).orElseThrow();
            assertThat(mp0.volumeType()).contains(MountPoint.VolumeType.BIND);
            assertThat(mp0.volume()).contains("/srv/classroom/102/shared");
            assertThat(mp0.path()).contains("/mnt/shared");
            assertThat(mp0.readOnly()).isTrue();
        }
    }

    @Test
    void templateCommentsAndUntouchedLinesAreByteIdentical() throws IOException {
        List<Line> template = ProvisionClassroom.template().lines();
        for (LxcConfig config : generated()) {
            List<Line> lines = config.lines().stream()
                    .filter(l -> !(l instanceof EntryLine e && e.key().equals("mp0"))).toList();
            assertThat(lines).as(config.sourceName()).hasSameSizeAs(template);
            for (int i = 0; i < template.size(); i++) {
                Line before = template.get(i);
                Line after = lines.get(i);
                if (before instanceof EntryLine e && CHANGED_KEYS.contains(e.key())) {
                    assertThat(((EntryLine) after).key()).isEqualTo(e.key());
                    assertThat(after.text()).isNotEqualTo(before.text());
                } else {
                    assertThat(after.text()).as("%s line %d", config.sourceName(), i + 1).isEqualTo(before.text());
                }
            }
        }
    }

    @Test
    void net0KeepsTheTemplatesFieldOrder() throws IOException {
        List<String> keys = ProvisionClassroom.template().proxmox().network(0).orElseThrow().value().keys();
        for (LxcConfig config : generated()) {
            assertThat(config.proxmox().network(0).orElseThrow().value().keys()).isEqualTo(keys);
        }
    }

    @Test
    void firstConfigEqualsTheGoldenFile() throws IOException {
        assertThat(Files.readString(dir.resolve("201.conf")))
                .isEqualTo(ClassroomStoryTest.resource("golden/student-201.conf"));
    }

    @Test
    void printsOneLinePerContainerAndTotals() {
        String out = provisioned.out();
        assertThat(out).startsWith("file      hostname        MAC                IPv4              result\n"
                + "201.conf  lab-student-01  02:00:0A:0A:66:65  10.10.102.101/24  ok\n");
        assertThat(out.lines().filter(l -> l.matches("2[0-9][0-9]\\.conf .* ok"))).hasSize(30);
        assertThat(out).endsWith("\n30 containers in " + dir + ", each with /srv/classroom/102/shared mounted"
                + " read-only at /mnt/shared\n"
                + "30 distinct hostnames, 30 distinct MAC addresses, 30 distinct IPv4 addresses\n"
                + "0 errors, 0 warnings\n");
    }

    @Test
    void runningAgainOverwritesWhatAnEarlierRunWrote() throws IOException {
        assertThat(run(scratch.toString()).status()).isZero();
        Files.writeString(scratch.resolve("215.conf"), "hostname: changed-by-hand\n");
        Run again = run(scratch.toString());
        assertThat(again.status()).isZero();
        assertThat(Files.readString(scratch.resolve("215.conf"))).isEqualTo(Files.readString(dir.resolve("215.conf")));
    }

    @Test
    void aTemplateWithErrorsGivesStatus1AndNamesTheProblems() throws IOException {
        Path template = scratch.resolve("bad-template.conf");
        Files.writeString(template, "arch: amd64\nnet0: name=eth0,bridge=vmbr0,ip=dhcp\nrootfs: local:8\nswap : 512\n");
        Path out2 = scratch.resolve("bad");
        Run run = run(out2.toString(), template.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("201.conf  lab-student-01  02:00:0A:0A:66:65  10.10.102.101/24  1 errors");
        assertThat(run.out()).contains("    " + out2.resolve("201.conf")
                + ":6:5: error: Proxmox cannot parse a line with blanks before ':' [PVE001]\n");
    }

    @Test
    void aMissingTemplateIsReportedWithStatus2() {
        Run run = run(scratch.resolve("x").toString(), scratch.resolve("missing.conf").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("ProvisionClassroom: no such file: " + scratch.resolve("missing.conf") + "\n");
    }

    @Test
    void theSharedFolderTakesTheFirstFreeMountPoint() {
        LxcConfig template = LxcConfig.parse("arch: amd64\nmp0: local-lvm:vm-200-disk-1,mp=/data\n"
                + "net0: name=eth0,bridge=vmbr0,ip=dhcp\nrootfs: local-lvm:vm-200-disk-0,size=8G\n");
        LxcConfig config = ProvisionClassroom.container(template, Student.of(2));
        assertThat(config.render()).isEqualTo("""
                arch: amd64
                hostname: lab-student-02
                mp0: local-lvm:vm-200-disk-1,mp=/data
                mp1: /srv/classroom/102/shared,mp=/mnt/shared,ro=1
                net0: name=eth0,bridge=vmbr0,gw=10.10.102.1,hwaddr=02:00:0A:0A:66:66,ip=10.10.102.102/24
                rootfs: local-lvm:vm-202-disk-0,size=8G
                """);
    }

    @Test
    void studentsGetDeterministicLocallyAdministeredUnicastMacs() {
        assertThat(Student.of(1)).isEqualTo(new Student(1, 201, "lab-student-01", "02:00:0A:0A:66:65",
                "10.10.102.101/24"));
        assertThat(Student.of(30).fileName()).isEqualTo("230.conf");
        for (Student s : ProvisionClassroom.students()) {
            int first = Integer.parseInt(s.mac().substring(0, 2), 16);
            assertThat(first & 1).as("I/G bit of %s", s.mac()).isZero();
            assertThat(first & 2).as("U/L bit of %s", s.mac()).isEqualTo(2);
        }
        assertThat(ProvisionClassroom.students()).hasSize(30);
    }

    @Test
    void studentNumbersOutsideTheNetworkAreRefused() {
        assertThatThrownBy(() -> Student.of(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("student numbers are 1-153 (10.10.102.101-.253), got 0");
        assertThatThrownBy(() -> Student.of(154)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("student numbers are 1-153 (10.10.102.101-.253), got 154");
        assertThat(Student.of(153).ipv4()).isEqualTo("10.10.102.253/24");
    }
}
