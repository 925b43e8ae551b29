package io.github.lxcconf.examples;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.Severity;
import io.github.lxcconf.StaleFileException;
import io.github.lxcconf.edit.ConfigEditor;
import io.github.lxcconf.explain.Explanation;
import io.github.lxcconf.explain.LineExplanation;
import io.github.lxcconf.migrate.Change;
import io.github.lxcconf.migrate.Migration;
import io.github.lxcconf.migrate.MigrationOptions;
import io.github.lxcconf.model.CgroupVersion;
import io.github.lxcconf.model.KnownDevice;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Line;
import io.github.lxcconf.validate.Validation;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The classroom story, start to finish: a teacher's Proxmox VE container config with lines copied from
 * tutorials is read, explained, migrated to cgroup2, given {@code /dev/kvm} and {@code /dev/net/tun},
 * and written back with its comments intact.
 *
 * <p>Without arguments it works on the bundled {@code classroom-102.conf} ({@code /etc/pve/lxc/102.conf}
 * of a host whose container runs GNS3 and KVM) and writes the result to
 * {@code $TMPDIR/lxcconf-examples/classroom-102.conf}. Give a config to read, and where to write the
 * result (the same path edits the file in place):
 *
 * <pre>{@code
 * java -jar lxcconf-examples/target/lxcconf-examples.jar [CONFIG [OUTPUT]]
 * java -cp lxcconf-examples/target/lxcconf-examples.jar io.github.lxcconf.examples.ClassroomStory 102.conf 102.conf
 * }</pre>
 *
 * Exit status: 0 when the result was written, 1 when the output file changed while the story ran (it is
 * then left as it is), 2 when a file cannot be read or written.
 */
public final class ClassroomStory {
    /** The bundled config's resource name. */
    public static final String CLASSROOM = "classroom-102.conf";

    /** The devices a container needs to run QEMU/KVM virtual machines with their networking. */
    public static final List<KnownDevice> DEVICES = List.of(KnownDevice.KVM, KnownDevice.TUN);

    private ClassroomStory() {
    }

    /**
     * Runs the story and exits with its status.
     *
     * @param args an optional config file (default: the bundled one), then an optional output file
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the story, printing to the given streams.
     *
     * @param args an optional config file, then an optional output file
     * @param out  where the story is told
     * @param err  where problems are reported
     * @return the exit status: 0 written, 1 the output changed meanwhile, 2 an I/O problem
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 2) {
            err.println("usage: ClassroomStory [CONFIG [OUTPUT]]");
            return 2;
        }
        try {
            // 1. Read. Reading never fails on odd text: what liblxc or Proxmox would not read is kept as it is
            //    and reported in diagnostics(), so the file always prints back byte for byte.
            LxcConfig original = args.length > 0 ? LxcConfig.parse(Path.of(args[0])) : bundled();
            Path output = args.length > 1 ? Path.of(args[1])
                    : Path.of(System.getProperty("java.io.tmpdir"), "lxcconf-examples", fileName(original));
            // The digest of the output as it is now (for an in-place edit: the digest of what we just read).
            // Writing checks it again, so a change someone makes meanwhile (pct set, the GUI) is not lost.
            Optional<String> outputDigest = Files.exists(output)
                    ? Optional.of(LxcConfig.parse(output).digest()) : Optional.empty();
            out.printf("== 1. Read %s: a %s config of %d lines, %d syntax problems%n%n", original.sourceName(),
                    original.dialect(), original.lines().size(), original.diagnostics().size());

            // 2. Explain: what the container may do as a whole, then what each copied line means.
            explain(original, out);

            // 3. Migrate: cgroup v1 keys do nothing on a cgroup2 host (Proxmox VE 7 and later); on Proxmox the
            //    migration also turns a device rule plus a bind mount of that node into a devN option. Both let
            //    the container use /dev/kvm and /dev/net/tun on a cgroup2 host, which it cannot today: a
            //    migration that widens device access is applied only when asked for, and the teacher asks.
            Migration migration = original.migrate(MigrationOptions.all().withWidening(true));
            out.printf("== 3. Migrate to cgroup2: %d line(s) change%n%n", migration.changes().size());
            for (Change change : migration.changes()) {
                out.printf("line %d: %s%n", change.line(), change.oldLine());
                change.newLines().forEach(l -> out.println("     -> " + l));
                if (change.isRemoval()) {
                    out.println("     -> (removed)");
                }
                out.println("     because: " + change.reason());
            }
            migration.diagnostics().forEach(d -> out.println("note: " + d));
            out.println();

            // 4. Pass the devices through, the way a cgroup2 Proxmox host wants it.
            out.printf("== 4. Pass %s through%n%n", String.join(" and ", DEVICES.stream().map(KnownDevice::path)
                    .toList()));
            LxcConfig result = passThrough(migration.config());
            out.println("Devices it may use now:");
            result.explain().summary().devices().forEach(d -> out.println("  - " + d));
            out.println();

            // 5. Validate (liblxc 6.0 and Proxmox VE on a cgroup2 host), then write back atomically. Only the
            //    changed lines differ; every comment stays where it was.
            Validation validation = result.validate();
            validation.diagnostics().stream().filter(d -> d.severity() != Severity.INFO)
                    .forEach(d -> out.println("check: " + d));
            Files.createDirectories(output.toAbsolutePath().getParent());
            writeBack(result, output, outputDigest);
            out.printf("== 5. Wrote %s: %d errors, %d warnings%n%n", output, validation.errors().size(),
                    validation.warnings().size());

            // 6. Show what changed.
            List<String> before = contents(original);
            UnifiedDiffUtils.generateUnifiedDiff(original.sourceName(), output.toString(), before,
                    DiffUtils.diff(before, contents(result)), 2).forEach(out::println);
            return 0;
        } catch (StaleFileException e) {
            err.println("ClassroomStory: " + e.file() + " changed while the story ran; it was left as it is: "
                    + e.getMessage());
            return 1;
        } catch (NoSuchFileException e) {
            err.println("ClassroomStory: no such file: " + e.getFile());
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("ClassroomStory: " + e.getMessage());
            return 2;
        }
    }

    /**
     * Returns the bundled classroom config.
     *
     * <pre>{@code
     * ClassroomStory.bundled().values("lxc.cgroup.devices.allow"); // [c 10:232 rwm, c 10:200 rwm]
     * }</pre>
     *
     * @return the parsed config, named {@code classroom-102.conf}
     */
    public static LxcConfig bundled() {
        return Bundled.config(CLASSROOM);
    }

    /**
     * Prints the summary of what the container may do, then the explanation of every raw {@code lxc.*}
     * line: in a Proxmox config, those are the lines copied from tutorials.
     *
     * @param config the config
     * @param out    where to print
     */
    public static void explain(LxcConfig config, PrintStream out) {
        Explanation explanation = config.explain();
        out.println("== 2. Explain");
        out.println();
        out.print(explanation.summary().text());
        out.println();
        out.println("The raw LXC lines, line by line:");
        for (LineExplanation line : explanation.lines()) {
            if (config.lines().get(line.number() - 1) instanceof EntryLine e && e.isLxcKey()) {
                out.printf("%n%3d | %s%n", line.number(), line.text());
                line.sentences().forEach(s -> out.println("    " + s));
            }
        }
        out.println();
    }

    /**
     * Passes {@link #DEVICES} into a migrated Proxmox config.
     *
     * <p>The editor offers four ways; on a cgroup2 Proxmox VE host (8.1 and later) a {@code devN} option
     * ({@link ConfigEditor#proxmoxDevice}) is the right one:
     * <ul>
     * <li>{@link ConfigEditor#allowDevice(KnownDevice)} only writes the cgroup2 rule: the container may use
     *     the device, but the node does not exist inside it.</li>
     * <li>{@link ConfigEditor#bindMount(String, String)} only makes the node appear: the cgroup still
     *     denies using it.</li>
     * <li>{@link ConfigEditor#passthrough(KnownDevice)} writes both as raw {@code lxc.*} lines. That works
     *     on any cgroup2 LXC host (also Proxmox VE 7), but Proxmox does not look into raw lines: its GUI,
     *     API and permission checks do not see the device.</li>
     * <li>{@link ConfigEditor#proxmoxDevice(String, String...)} writes {@code devN: /dev/kvm}: Proxmox itself
     *     creates the node and the cgroup2 rule (read and write) when the container starts, and can set
     *     its owner and mode ({@code gid=}, {@code mode=}).</li>
     * </ul>
     * The migration already turned the {@code /dev/net/tun} rule and bind mount into a {@code devN}; a
     * second one for the same path is not added. A raw rule for a device that a {@code devN} now passes
     * (the migrated {@code c 10:232 rwm} for {@code /dev/kvm}) only repeats what Proxmox grants, so it goes,
     * as does a raw bind mount onto the same node. A native LXC config has no {@code devN}: it gets the
     * raw cgroup2 rule and bind mount of {@link ConfigEditor#passthrough(KnownDevice)}.
     *
     * <pre>{@code
     * LxcConfig result = ClassroomStory.passThrough(ClassroomStory.bundled()
     *         .migrate(MigrationOptions.all().withWidening(true)).config());
     * result.proxmox().devices(); // [dev0: /dev/net/tun, dev1: /dev/kvm]
     * }</pre>
     *
     * @param migrated a config, already migrated to cgroup2
     * @return the config with the devices passed through
     */
    public static LxcConfig passThrough(LxcConfig migrated) {
        ConfigEditor edit = migrated.edit();
        for (KnownDevice device : DEVICES) {
            if (migrated.dialect() == Dialect.LXC) {
                edit.passthrough(device);                            // lxc.cgroup2.devices.allow + lxc.mount.entry
                continue;
            }
            edit.proxmoxDevice(device.path())                        // nothing when a devN names it already
                    .removeDeviceRule(device.allow(CgroupVersion.V2)) // Proxmox writes this rule itself
                    .removeMountsAt(device.path());                   // and creates the node itself
        }
        return edit.build();
    }

    /**
     * Writes the result atomically; over an existing file only if it still has the digest it had when
     * the story started.
     *
     * @param result         the config to write
     * @param output         the file
     * @param expectedDigest the file's digest when the story started, or empty when it did not exist
     * @throws StaleFileException if the file changed meanwhile; it is then left as it is
     * @throws IOException        if writing fails
     */
    public static void writeBack(LxcConfig result, Path output, Optional<String> expectedDigest)
            throws IOException {
        if (expectedDigest.isPresent()) {
            result.writeTo(output, expectedDigest.get());
        } else {
            result.writeTo(output);
        }
    }

    private static String fileName(LxcConfig config) {
        return config.path().map(p -> p.getFileName().toString()).orElse(CLASSROOM);
    }

    private static List<String> contents(LxcConfig config) {
        return config.lines().stream().map(Line::content).toList();
    }
}
