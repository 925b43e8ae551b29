package io.github.lxcconf.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.Severity;
import io.github.lxcconf.StaleFileException;
import io.github.lxcconf.edit.ConfigEditor;
import io.github.lxcconf.migrate.Change;
import io.github.lxcconf.migrate.MigrationOptions;
import io.github.lxcconf.model.CgroupVersion;
import io.github.lxcconf.model.KnownDevice;
import io.github.lxcconf.model.proxmox.DevicePassthrough;
import io.github.lxcconf.syntax.CommentLine;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.validate.Validation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassroomStoryTest {

    @TempDir
    Path dir;

    /** What one run printed and returned. */
    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ClassroomStory.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = ClassroomStoryTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as("resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path copyOfClassroom() throws IOException {
        Path file = dir.resolve("102.conf");
        Files.writeString(file, resource(ClassroomStory.CLASSROOM));
        return file;
    }

    private static List<String> texts(List<Line> lines) {
        return lines.stream().map(Line::text).toList();
    }

    // ------------------------------------------------------------------ the bundled config

    @Test
    void bundledClassroomConfigIsReadLosslessly() throws IOException {
        LxcConfig config = ClassroomStory.bundled();
        assertThat(config.render()).isEqualTo(resource(ClassroomStory.CLASSROOM));
        assertThat(config.sourceName()).isEqualTo("classroom-102.conf");
        assertThat(config.dialect()).isEqualTo(Dialect.PROXMOX);
        assertThat(config.values("lxc.cgroup.devices.allow")).containsExactly("c 10:232 rwm", "c 10:200 rwm");
        assertThat(config.diagnostics()).isEmpty();
    }

    // ------------------------------------------------------------------ the story, in place on a copy

    @Test
    void storyEditsACopyInPlaceAndMatchesTheGoldenFile() throws IOException {
        Path file = copyOfClassroom();
        Run run = run(file.toString(), file.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
        assertThat(Files.readString(file)).isEqualTo(resource("golden/classroom-102.story.conf"));
    }

    @Test
    void everyCommentOfTheOriginalIsThereUnchangedAndInOrder() throws IOException {
        Path file = copyOfClassroom();
        LxcConfig original = LxcConfig.parse(file);
        assertThat(run(file.toString(), file.toString()).status()).isZero();
        LxcConfig result = LxcConfig.parse(file);
        List<String> before = original.lines().stream().filter(CommentLine.class::isInstance).map(Line::text).toList();
        List<String> after = result.lines().stream().filter(CommentLine.class::isInstance).map(Line::text).toList();
        assertThat(before).hasSize(3);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void linesNeitherMigrationNorEditTouchedAreByteIdentical() throws IOException {
        Path file = copyOfClassroom();
        LxcConfig original = LxcConfig.parse(file);
        Set<Integer> changed = original.migrate(MigrationOptions.all().withWidening(true)).changes().stream().map(Change::line).collect(Collectors.toSet());
        assertThat(changed).containsExactlyInAnyOrder(13, 16, 17);
        assertThat(run(file.toString(), file.toString()).status()).isZero();
        LxcConfig result = LxcConfig.parse(file);

        List<String> untouched = original.lines().stream().filter(l -> !changed.contains(original.lines().indexOf(l) + 1))
                .map(Line::text).toList();
        List<String> kept = result.lines().stream()
                .filter(l -> !(l instanceof EntryLine e && e.key().matches("dev[0-9]+"))).map(Line::text).toList();
        assertThat(kept).isEqualTo(untouched);
    }

    @Test
    void resultValidatesWithoutErrorsOrCgroupV1Warnings() throws IOException {
        Path file = copyOfClassroom();
        assertThat(run(file.toString(), file.toString()).status()).isZero();
        Validation validation = LxcConfig.parse(file).validate();
        assertThat(validation.errors()).isEmpty();
        assertThat(validation.withCode(DiagnosticCode.VAL_CGROUP_V1_IGNORED)).isEmpty();
        assertThat(validation.diagnostics()).noneMatch(d -> d.severity() == Severity.WARNING);
        // the original had both warnings, so the check above can fail
        assertThat(LxcConfig.parse(resource(ClassroomStory.CLASSROOM)).validate()
                .withCode(DiagnosticCode.VAL_CGROUP_V1_IGNORED)).hasSize(2);
    }

    @Test
    void kvmAndTunAreGrantedOnceEachByDevNOptions() throws IOException {
        Path file = copyOfClassroom();
        assertThat(run(file.toString(), file.toString()).status()).isZero();
        LxcConfig result = LxcConfig.parse(file);
        assertThat(result.proxmox().devices()).extracting(DevicePassthrough::key, d -> d.path().orElseThrow())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dev0", "/dev/net/tun"),
                        org.assertj.core.groups.Tuple.tuple("dev1", "/dev/kvm"));
        assertThat(result.proxmox().devices()).allSatisfy(d -> assertThat(d.denyWrite()).isFalse());
        // no raw rule or bind mount repeats what the devN options grant
        assertThat(result.entries()).noneMatch(EntryLine::isLxcKey);
        String byProxmox = ", read and write (Proxmox creates the device file and allows it when the container starts)";
        assertThat(result.explain().summary().devices())
                .containsExactly("dev0: /dev/net/tun" + byProxmox, "dev1: /dev/kvm" + byProxmox);
    }

    @Test
    void printsEachStepTheChangesAndADiff() throws IOException {
        Path file = copyOfClassroom();
        Run run = run(file.toString(), file.toString());
        assertThat(run.out()).startsWith("== 1. Read " + file + ": a PROXMOX config of 17 lines, 0 syntax problems\n");
        assertThat(run.out()).contains("== 2. Explain\n", "The raw LXC lines, line by line:\n",
                "\n 13 | lxc.cgroup.devices.allow: c 10:232 rwm\n",
                "\n 17 | lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file\n",
                "== 3. Migrate to cgroup2: 3 line(s) change\n",
                "line 13: lxc.cgroup.devices.allow: c 10:232 rwm\n     -> lxc.cgroup2.devices.allow: c 10:232 rwm\n",
                "line 16: lxc.cgroup.devices.allow: c 10:200 rwm\n     -> dev0: /dev/net/tun\n",
                "line 17: lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file\n     -> (removed)\n",
                "== 4. Pass /dev/kvm and /dev/net/tun through\n\nDevices it may use now:\n"
                        + "  - dev0: /dev/net/tun, read and write (Proxmox creates the device file and allows it when"
                        + " the container starts)\n"
                        + "  - dev1: /dev/kvm, read and write (Proxmox creates the device file and allows it when"
                        + " the container starts)\n",
                "== 5. Wrote " + file + ": 0 errors, 0 warnings\n");
        // only the comment-free, raw lines are explained line by line
        assertThat(run.out()).doesNotContain(" 11 | # LINES IN QUESTION");
        String diff = run.out().substring(run.out().indexOf("--- "));
        assertThat(diff).isEqualTo(resource("golden/classroom-102.story.diff")
                .replace("@OUTPUT@", file.toString()).replace("@INPUT@", file.toString()));
    }

    @Test
    void writesToASecondPathAndLeavesTheInputAlone() throws IOException {
        Path file = copyOfClassroom();
        Path output = dir.resolve("out").resolve("102.conf");
        Files.createDirectories(output.getParent());
        Run run = run(file.toString(), output.toString());
        assertThat(run.status()).isZero();
        assertThat(Files.readString(file)).isEqualTo(resource(ClassroomStory.CLASSROOM));
        assertThat(Files.readString(output)).isEqualTo(resource("golden/classroom-102.story.conf"));
    }

    @Test
    void runningTheStoryAgainChangesNothing() throws IOException {
        Path file = copyOfClassroom();
        assertThat(run(file.toString(), file.toString()).status()).isZero();
        LxcConfig once = LxcConfig.parse(file);
        Run again = run(file.toString(), file.toString());
        assertThat(again.status()).isZero();
        assertThat(again.out()).contains("== 3. Migrate to cgroup2: 0 line(s) change\n");
        assertThat(again.out()).doesNotContain("--- ");
        assertThat(Files.readString(file)).isEqualTo(once.render());
    }

    @Test
    void writeBackRefusesAFileThatChangedSinceItWasRead() throws IOException {
        Path file = copyOfClassroom();
        LxcConfig read = LxcConfig.parse(file);
        LxcConfig result = ClassroomStory.passThrough(read.migrate().config());
        Files.writeString(file, "memory: 8192\n" + read.render()); // someone else's change meanwhile
        assertThatThrownBy(() -> ClassroomStory.writeBack(result, file, Optional.of(read.digest())))
                .isInstanceOf(StaleFileException.class);
        assertThat(Files.readString(file)).startsWith("memory: 8192\n");
        ClassroomStory.writeBack(result, file, Optional.of(LxcConfig.parse(file).digest()));
        assertThat(Files.readString(file)).isEqualTo(result.render());
    }

    @Test
    void writeBackCreatesANewFile() throws IOException {
        Path file = dir.resolve("new.conf");
        ClassroomStory.writeBack(ClassroomStory.bundled(), file, Optional.empty());
        assertThat(Files.readString(file)).isEqualTo(resource(ClassroomStory.CLASSROOM));
    }

    @Test
    void aMissingConfigIsReportedWithStatus2() {
        Run run = run(dir.resolve("nope.conf").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("ClassroomStory: no such file: " + dir.resolve("nope.conf") + "\n");
    }

    @Test
    void tooManyArgumentsPrintTheUsage() {
        Run run = run("a", "b", "c");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("usage: ClassroomStory [CONFIG [OUTPUT]]\n");
    }

    @Test
    void aNativeLxcConfigGetsRawCgroup2RulesAndBindMounts() {
        LxcConfig lxc = LxcConfig.parse("lxc.uts.name = vmhost\nlxc.cgroup.devices.allow = c 10:232 rwm\n");
        LxcConfig result = ClassroomStory.passThrough(lxc.migrate().config());
        assertThat(result.render()).isEqualTo("""
                lxc.uts.name = vmhost
                lxc.cgroup2.devices.allow = c 10:232 rwm
                lxc.cgroup2.devices.allow = c 10:200 rwm
                lxc.mount.entry = /dev/kvm dev/kvm none bind,create=file
                lxc.mount.entry = /dev/net/tun dev/net/tun none bind,create=file
                """);
    }

    // ------------------------------------------------------------------ the editor's typed edits on the classroom config

    private static LxcConfig allowAndBindTun(ConfigEditor editor) {
        return editor.allowDevice(KnownDevice.KVM)
                .allowDevice(KnownDevice.TUN)
                .bindMount("/dev/net/tun", "/dev/net/tun")
                .build();
    }

    @Test
    void allowDeviceWritesCgroup2KeysByDefault() throws IOException {
        LxcConfig edited = allowAndBindTun(ClassroomStory.bundled().edit());
        assertThat(edited.render()).isEqualTo(resource("golden/classroom-102.passthrough-cgroup2.conf"));
        assertThat(edited.lxc().deviceRules()).hasSize(4);
        assertThat(edited.diagnostics()).isEmpty();
    }

    @Test
    void cgroup1KeysWhenAskedAreAlreadyThere() throws IOException {
        LxcConfig classroom = ClassroomStory.bundled();
        LxcConfig edited = allowAndBindTun(classroom.edit().cgroupVersion(CgroupVersion.V1));
        assertThat(edited.render()).isEqualTo(resource("golden/classroom-102.passthrough-cgroup1.conf"));
        assertThat(edited).isSameAs(classroom);
    }
}
