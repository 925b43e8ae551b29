package io.github.lxcconf.model;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The mounts of the file {@code lxc.mount.fstab} names, read line by line with the reader of
 * {@code lxc.mount.entry} ({@link MountEntry}), as liblxc reads the file with getmntent when the container
 * starts: blank lines and lines whose first non-blank character is {@code #} are skipped. A relative path is
 * resolved against a base directory (liblxc resolves it against its working directory). A file that cannot
 * be read is reported ({@code LXC122}): the container does not start. Instances are immutable.
 *
 * <pre>{@code
 * LxcConfig config = LxcConfig.parse(Path.of("/var/lib/lxc/web/config"));
 * Fstab fstab = config.lxc().fstab(Path.of("/var/lib/lxc/web")).orElseThrow();
 * fstab.file();         // /var/lib/lxc/web/fstab
 * fstab.entries();      // [proc proc proc nodev,noexec,nosuid 0 0, ...]
 * fstab.diagnostics();  // [fstab:3:1: warning: ... [LXC102]]
 * }</pre>
 *
 * @param file        the file read, resolved
 * @param entries     the mounts, in file order; entries that do not parse are left out
 * @param diagnostics the problems: a missing file, or lines that do not parse (with the file's line numbers)
 */
public record Fstab(Path file, List<MountEntry> entries, List<Diagnostic> diagnostics) {

    /**
     * Checks the components and copies the lists.
     *
     * @throws NullPointerException if a component is null
     */
    public Fstab {
        Objects.requireNonNull(file, "file");
        entries = List.copyOf(entries);
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * Reads an fstab file.
     *
     * <pre>{@code
     * Fstab.read(Path.of("/var/lib/lxc/web/fstab")).entries();
     * }</pre>
     *
     * @param file the file
     * @return the entries and problems; never throws for a missing or unreadable file
     */
    public static Fstab read(Path file) {
        Objects.requireNonNull(file, "file");
        String source = Optional.ofNullable(file.getFileName()).map(Path::toString).orElse(file.toString());
        List<Diagnostic> problems = new ArrayList<>();
        List<MountEntry> entries = new ArrayList<>();
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            problems.add(new Diagnostic(DiagnosticCode.LXC_FSTAB_MISSING.defaultSeverity(),
                    DiagnosticCode.LXC_FSTAB_MISSING, "cannot read the lxc.mount.fstab file " + file + " ("
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage())
                    + "): liblxc fails to mount it and the container does not start",
                    Optional.of("create the file, or correct the path of lxc.mount.fstab"), source, 1, 1));
            return new Fstab(file, entries, problems);
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            List<String[]> warnings = new ArrayList<>();
            Parsed<MountEntry> p = MountEntry.read(line, Optional.empty(), warnings);
            if (p.isOk()) {
                entries.add(p.value());
            } else {
                warnings.add(0, new String[] {p.problem(), p.hint()});
            }
            for (String[] w : warnings) {
                problems.add(new Diagnostic(DiagnosticCode.LXC_MOUNT_ENTRY.defaultSeverity(),
                        DiagnosticCode.LXC_MOUNT_ENTRY, w[0], Optional.ofNullable(w[1]), source, i + 1, 1));
            }
        }
        return new Fstab(file, entries, problems);
    }
}
