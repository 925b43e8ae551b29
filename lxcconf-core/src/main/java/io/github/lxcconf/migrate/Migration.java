package io.github.lxcconf.migrate;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.LxcConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The result of migrating a config: the new config, each line that changed and why, and what
 * could not be migrated. Only the lines that change, change: every other line keeps its bytes,
 * and a changed line keeps its indent, separator, blanks and line end.
 *
 * <p>Three migrations run, in this order ({@link MigrationOptions} turns each on or off):
 * <ol>
 * <li><b>Legacy keys</b> (the keys LXC 2.1 renamed and LXC 3.0 refuses, from {@code lxc-legacy-keys.tsv}):
 *     everything {@code lxc-update-config} renames, except where it is wrong: {@code lxc.network.N.ipv4}
 *     becomes {@code lxc.net.N.ipv4.address} (not {@code lxc.net.N.ipv4}, which LXC 3.0 refuses), and
 *     unnumbered {@code lxc.network.*} lines get the number of the interface the last
 *     {@code lxc.network.type} line started, as liblxc 2.x counted them, counting from one above the
 *     highest {@code lxc.net.N} number of the same section (so that a legacy interface never merges
 *     into one written with the current keys; numbered {@code lxc.network.N} lines keep their number
 *     and count with the unnumbered ones, as in liblxc 2.x). {@code lxc.rootfs} becomes
 *     {@code lxc.rootfs.path} with the storage type of {@code lxc.rootfs.backend} (else {@code dir}) in
 *     front; {@code lxc.rootfs.backend}, {@code lxc.pivotdir} and {@code lxc.kmsg} are removed. In a
 *     Proxmox config, a line whose current name Proxmox refuses ({@code lxc.devttydir} would become
 *     {@code lxc.tty.dir}, {@code lxc.rootfs} would become {@code lxc.rootfs.path}) is removed with a
 *     diagnostic ({@link io.github.lxcconf.DiagnosticCode#MIG_PROXMOX_REFUSES_NEW_KEY}): liblxc refuses
 *     the old name and Proxmox drops the new one.</li>
 * <li><b>cgroup v1 to cgroup2</b>: device rules one to one; {@code memory.limit_in_bytes} to
 *     {@code memory.max}, {@code memory.soft_limit_in_bytes} to {@code memory.low},
 *     {@code memory.memsw.limit_in_bytes} to {@code memory.swap.max} (the memory limit subtracted),
 *     {@code cpu.shares} to {@code cpu.weight} ({@code 1 + ((shares - 2) * 9999) / 262142}),
 *     {@code cpu.cfs_quota_us}/{@code cpu.cfs_period_us} to {@code cpu.max}, {@code cpuset.*} and
 *     {@code pids.max} unchanged, {@code blkio.weight} to {@code io.weight}, {@code blkio.throttle.*} to
 *     {@code io.max}, {@code hugetlb.*.limit_in_bytes} to {@code hugetlb.*.max}; every other
 *     {@code lxc.cgroup.*} line stays, with a diagnostic.</li>
 * <li><b>Proxmox devices</b> (Proxmox configs only): an allow rule for one device node plus a bind mount
 *     of that node ({@code /dev/X dev/X none bind,...}) become a {@code devN} option (Proxmox VE 8.1 and
 *     later), through {@link io.github.lxcconf.edit.ConfigEditor}: the new option goes where the editor
 *     puts new options, not where the raw lines were.</li>
 * </ol>
 * <p><b>Device access never widens silently.</b> The device decision ({@link io.github.lxcconf.device.DevicePolicy})
 * compares what the container may use on a pure cgroup2 host before and after the migrations, for every device the
 * rules name (and a sample of others, for rules with {@code *} and {@code a}), read, write, both and mknod. When
 * the migrated config grants more, the migration is a {@link io.github.lxcconf.DiagnosticCode#MIG_WIDENS_DEVICE_ACCESS}
 * warning that names each widened device, and, unless {@link MigrationOptions#withWidening(boolean)} opts in, the
 * cgroup v1 device rules are left as they are and no {@code devN} option is written: a translated
 * {@code lxc.cgroup.devices.allow = a} would give the container every host device, and a {@code devN} option
 * changes who owns the device node and its mode. Leaving the lines (rather than writing the new rule commented
 * out) keeps every byte the user wrote, keeps the config what it is on the host it was written for, and writes
 * no comment that Proxmox would move into the container's Notes. Where the migrated rules do on a cgroup2 host
 * something else than the v1 rules did on a v1 host (the two read rules differently), a
 * {@link io.github.lxcconf.DiagnosticCode#MIG_DEVICE_BEHAVIOUR_CHANGES} warning says for which devices.
 *
 * <p>Migrating a migrated config changes nothing, and the result loads wherever the original loaded:
 * {@code validate()} finds no legacy key in it and no error the original did not have.
 *
 * <p>Several {@code lxc.mount.auto} lines are left as they are: liblxc merges their items per category
 * (proc, sys, cgroup, shmounts) and keeps the last item of each, which is what the lines already say;
 * an item that a later one of the same category replaces is reported
 * ({@link io.github.lxcconf.DiagnosticCode#MIG_MOUNT_AUTO_OVERRIDDEN}), in each section.
 *
 * <p>The line-by-line migrations (1 and 2) edit the changed lines in place through
 * {@link io.github.lxcconf.edit.ConfigEditor#replace} and {@link io.github.lxcconf.edit.ConfigEditor#remove(
 * io.github.lxcconf.syntax.Line)}: unchanged lines are the same {@link io.github.lxcconf.syntax.Line} objects,
 * and the result keeps the config's source name and path. Limits: when the editor would not write a changed
 * line byte for byte as the migration does (a translated value, such as {@code cpu.weight}, replacing a quoted
 * one is written without quotes, where the editor keeps them; a value the editor refuses, such as one with a
 * control character, or with blanks at its ends inside quotes), the whole text is read again instead: same
 * bytes, but new line objects and no path. The device migration (3) adds the {@code devN} line where the
 * editor adds options, not where the raw lines stood. Interface numbers are chosen from the lines of the file
 * itself: {@code lxc.net.N} lines of included files are not looked at. A line that is removed
 * ({@code lxc.pivotdir}, {@code lxc.cgroup.cpu.cfs_period_us} folded into {@code cpu.max}) is a
 * {@link Change} without new lines.
 *
 * <pre>{@code
 * Migration m = LxcConfig.parse(Path.of("config")).migrate();
 * m.config().render();   // lxc.net.0.type = veth ...
 * m.changes();           // [Change[line=3, oldLine=lxc.network.type = veth, ...], ...]
 * m.diagnostics();       // lines that could not be migrated [MIG001..]
 * }</pre>
 *
 * @param config      the migrated config (the same object when nothing changed)
 * @param changes     the changed lines, by line number in the original config
 * @param diagnostics what could not be migrated, or needs checking, located in the original config
 */
public record Migration(LxcConfig config, List<Change> changes, List<Diagnostic> diagnostics) {

    /**
     * Checks the components and copies the lists.
     *
     * @throws NullPointerException if any component is null
     */
    public Migration {
        Objects.requireNonNull(config, "config");
        changes = List.copyOf(changes);
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * Migrates a config.
     *
     * <pre>{@code
     * Migration.of(config, MigrationOptions.all().withCgroup2(false));
     * }</pre>
     *
     * @param config  the config
     * @param options which migrations run
     * @return the migration
     */
    public static Migration of(LxcConfig config, MigrationOptions options) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(options, "options");
        Migration full = run(config, options, false);
        if (full.config() == config) {
            return full;
        }
        DeviceWidening check = DeviceWidening.compare(config, full.config());
        if (check.widened().isEmpty() || options.widening()) {
            return full.with(check.diagnostics(config, full, true));
        }
        List<Diagnostic> warnings = check.diagnostics(config, full, false);
        full = null; // the migration that is not kept is not kept while the other one is made
        Migration kept = run(config, options.withProxmoxDevices(false), true);
        return kept.with(warnings);
    }

    /** Returns this migration with more diagnostics, sorted by line. */
    private Migration with(List<Diagnostic> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        all.addAll(more);
        all.sort(Comparator.comparingInt(Diagnostic::line));
        return new Migration(config, changes, all);
    }

    private static Migration run(LxcConfig config, MigrationOptions options, boolean keepDeviceRules) {
        LineMigrator lines = LineMigrator.run(config, options, keepDeviceRules);
        LxcConfig result = lines.result;
        List<Change> changes = new ArrayList<>(lines.changes);
        List<Diagnostic> diagnostics = new ArrayList<>(lines.diagnostics);
        if (options.proxmoxDevices()) {
            List<ProxmoxDevices.Pair> pairs = ProxmoxDevices.find(result, diagnostics, lines.origin);
            if (!pairs.isEmpty()) {
                LxcConfig before = result;
                result = ProxmoxDevices.apply(result, pairs);
                Map<String, String> devLines = ProxmoxDevices.devLines(result);
                Map<List<String>, List<Integer>> entries = ProxmoxDevices.entriesByKeyAndValue(before);
                Map<Integer, Integer> changeAt = new HashMap<>();
                for (int i = 0; i < changes.size(); i++) {
                    changeAt.putIfAbsent(changes.get(i).line(), i);
                }
                Set<List<String>> seen = new HashSet<>();
                for (ProxmoxDevices.Pair p : pairs) {
                    if (!seen.add(List.of(p.ruleKey(), p.ruleValue(), p.mountValue(), p.reason()))) {
                        continue; // the same rule and mount again: the lines are already recorded with this reason
                    }
                    List<String> dev = Optional.ofNullable(devLines.get(p.path())).map(List::of).orElse(List.of());
                    // the editor removes every main-section line with the rule's (and the mount's) key and value
                    List<Integer> rules = entries.getOrDefault(List.of(p.ruleKey(), p.ruleValue()), List.of());
                    List<Integer> mounts = entries.getOrDefault(List.of("lxc.mount.entry", p.mountValue()), List.of());
                    TreeSet<Integer> together = new TreeSet<>();
                    rules.forEach(index -> together.add(lines.origin.get(index)));
                    mounts.forEach(index -> together.add(lines.origin.get(index)));
                    // the rule's change lists every other line; each other line lists the rule's line only, so
                    // that a thousand copies of one line give a thousand numbers, not a million
                    int anchor = lines.origin.get(p.ruleIndex());
                    List<Integer> toAnchor = List.of(anchor);
                    List<Integer> sorted = List.copyOf(together);
                    for (int index : rules) {
                        record(changes, changeAt, config, lines.origin.get(index),
                                index == p.ruleIndex() ? dev : List.of(), p.reason(),
                                index == p.ruleIndex() ? sorted : toAnchor);
                    }
                    for (int index : mounts) {
                        record(changes, changeAt, config, lines.origin.get(index), List.of(), p.reason(), toAnchor);
                    }
                }
            }
        }
        MountAutoCheck.check(config, diagnostics);
        changes.sort(Comparator.comparingInt(Change::line));
        diagnostics.sort(Comparator.comparingInt(Diagnostic::line));
        return new Migration(result, changes, diagnostics);
    }

    private static void record(List<Change> changes, Map<Integer, Integer> changeAt, LxcConfig original, int line,
                               List<String> newLines, String reason, List<Integer> together) {
        List<Integer> related = new ArrayList<>(together.size());
        for (int n : together) {
            if (n != line) {
                related.add(n);
            }
        }
        Integer i = changeAt.get(line);
        if (i != null) {
            Change c = changes.get(i);
            changes.set(i, new Change(line, c.oldLine(), newLines, c.reason() + " " + reason, related));
            return;
        }
        changeAt.put(line, changes.size());
        changes.add(new Change(line, original.lines().get(line - 1).content(), newLines, reason, related));
    }

    /**
     * Returns whether the migration changed anything.
     *
     * @return {@code true} when at least one line changed
     */
    public boolean changed() {
        return !changes.isEmpty();
    }
}
