package io.github.lxcconf.model.proxmox;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.internal.proxmox.Reports;
import io.github.lxcconf.syntax.Section;
import io.github.lxcconf.syntax.SectionKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What Proxmox VE reads from a container config: the typed settings of the
 * main section, its description, the snapshots and the pending changes, and
 * every warning Proxmox's reader would print about option values (unknown
 * settings, failed type checks, malformed property strings) as diagnostics.
 * Computed once from an {@link LxcConfig}; immutable. For a native LXC config
 * everything is empty.
 *
 * <p>Line-level problems (lines Proxmox cannot parse, bad section headers,
 * {@code delete:} outside pending, raw {@code lxc.*} keys) are in
 * {@link LxcConfig#diagnostics()}; this view reports what is inside the lines.
 *
 * <pre>{@code
 * ProxmoxSettings pve = LxcConfig.parse(Path.of("/etc/pve/lxc/102.conf")).proxmox();
 * pve.hostname();                                   // Optional[ubuntu-gns3vm2-clone]
 * pve.network(0).flatMap(NetworkDevice::bridge);    // Optional[vmbr0]
 * pve.rootfs().flatMap(MountPoint::size);           // Optional[16G]
 * pve.template();                                   // true
 * pve.diagnostics().forEach(System.err::println);
 * }</pre>
 */
public final class ProxmoxSettings {
    private static final ProxmoxSettings EMPTY = new ProxmoxSettings(ProxmoxOptions.empty(), Description.of(""),
            List.of(), Optional.empty(), List.of());

    private final ProxmoxOptions options;
    private final Description description;
    private final List<Snapshot> snapshots;
    private final Optional<PendingChanges> pending;
    private final List<Diagnostic> diagnostics;

    private ProxmoxSettings(ProxmoxOptions options, Description description, List<Snapshot> snapshots,
                            Optional<PendingChanges> pending, List<Diagnostic> diagnostics) {
        this.options = options;
        this.description = description;
        this.snapshots = List.copyOf(snapshots);
        this.pending = pending;
        this.diagnostics = List.copyOf(diagnostics);
    }

    /**
     * Reads the Proxmox settings of a config; prefer {@link LxcConfig#proxmox()}, which computes them once.
     *
     * @param config the config
     * @return the settings; empty for a native LXC config
     */
    public static ProxmoxSettings of(LxcConfig config) {
        Objects.requireNonNull(config, "config");
        if (config.dialect() != Dialect.PROXMOX) {
            return EMPTY;
        }
        String source = config.sourceName();
        List<Diagnostic> out = new ArrayList<>();
        ProxmoxOptions main = ProxmoxOptions.empty();
        Description mainDescription = Description.of("");
        Map<String, Snapshot> snapshots = new LinkedHashMap<>();
        Map<String, SectionReader> snapshotReaders = new LinkedHashMap<>();
        Optional<PendingChanges> pending = Optional.empty();
        SectionReader mainReader = null;
        for (Section section : config.sections()) {
            SectionReader reader = SectionReader.read(section);
            ProxmoxOptions options = ProxmoxOptions.of(reader, source, section.kind() == SectionKind.MAIN);
            out.addAll(options.diagnostics());
            Description description = Description.of(reader.description());
            if (section.kind() == SectionKind.MAIN) {
                main = options;
                mainDescription = description;
                mainReader = reader;
            } else if (section.kind() == SectionKind.PENDING) {
                List<PendingChanges.Deletion> deletions = reader.deletes.isEmpty() ? List.of()
                        : PendingChanges.parseDeletions(reader.deletes.get(reader.deletes.size() - 1).value());
                pending = Optional.of(new PendingChanges(options, deletions, description));
            } else {
                String name = section.name().orElseThrow();
                snapshots.remove(name); // a second section of the same name replaces the first completely
                snapshotReaders.remove(name);
                snapshots.put(name, new Snapshot(name, section.firstLineNumber(), options, description));
                snapshotReaders.put(name, reader);
            }
        }
        if (mainReader != null) {
            checkParent(mainReader, snapshots, source, out);
            checkUnused(mainReader, main, source, out);
        }
        snapshotReaders.values().forEach(r -> checkParent(r, snapshots, source, out));
        out.sort(Reports.IN_LINE_ORDER);
        return new ProxmoxSettings(main, mainDescription, new ArrayList<>(snapshots.values()), pending, out);
    }

    private static void checkParent(SectionReader reader, Map<String, Snapshot> snapshots, String source,
                                    List<Diagnostic> out) {
        lastLine(reader, "parent").ifPresent(p -> {
            if (!snapshots.containsKey(p.value())) {
                out.add(new Diagnostic(DiagnosticCode.PVE_MISSING_PARENT_SNAPSHOT.defaultSeverity(),
                        DiagnosticCode.PVE_MISSING_PARENT_SNAPSHOT,
                        "parent snapshot '" + p.value() + "' has no [" + p.value() + "] section in this file",
                        Optional.of("the snapshot chain is broken: fix or remove the parent line"),
                        source, p.line(), p.valueColumn()));
            }
        });
    }

    private static void checkUnused(SectionReader reader, ProxmoxOptions main, String source,
                                    List<Diagnostic> out) {
        Map<String, String> used = new LinkedHashMap<>();
        main.rootfs().ifPresent(m -> volumeOf(m).ifPresent(v -> used.putIfAbsent(v, m.key())));
        main.mountPoints().forEach(m -> volumeOf(m).ifPresent(v -> used.putIfAbsent(v, m.key())));
        main.unusedVolumes().forEach((index, volume) -> {
            String user = used.get(volume);
            if (user != null) {
                lastLine(reader, "unused" + index).ifPresent(l -> out.add(new Diagnostic(
                        DiagnosticCode.PVE_UNUSED_VOLUME_IN_USE.defaultSeverity(),
                        DiagnosticCode.PVE_UNUSED_VOLUME_IN_USE,
                        "unused" + index + " is volume '" + volume + "', which " + user
                                + " still uses: Proxmox drops this line when it next writes the file",
                        Optional.of("remove the unused" + index + " line"), source, l.line(), 1)));
            }
        });
    }

    private static Optional<String> volumeOf(MountPoint m) {
        return m.volumeType().filter(t -> t == MountPoint.VolumeType.VOLUME).flatMap(t -> m.volume());
    }

    private static Optional<SectionReader.OptionLine> lastLine(SectionReader reader, String key) {
        SectionReader.OptionLine last = null;
        for (SectionReader.OptionLine o : reader.options) {
            if (o.key().equals(key)) {
                last = o;
            }
        }
        return Optional.ofNullable(last);
    }

    // ------------------------------------------------------------------ options

    /**
     * Returns the options of the main section (the running container).
     *
     * @return the options
     */
    public ProxmoxOptions options() {
        return options;
    }

    /**
     * Returns the value Proxmox stores for an option of the main section, as written.
     *
     * <pre>{@code
     * pve.option("memory"); // Optional[4096]
     * }</pre>
     *
     * @param key the option key
     * @return the value, or empty if unset
     */
    public Optional<String> option(String key) {
        return options.get(key);
    }

    /**
     * Returns the host name.
     *
     * @return the host name, or empty when unset
     * @see ProxmoxOptions#hostname()
     */
    public Optional<String> hostname() {
        return options.hostname();
    }

    /**
     * Returns the memory limit in MiB (default 512).
     *
     * @return the memory
     * @see ProxmoxOptions#memory()
     */
    public int memory() {
        return options.memory();
    }

    /**
     * Returns the swap limit in MiB.
     *
     * @return the swap, or empty when unset
     * @see ProxmoxOptions#swap()
     */
    public Optional<Integer> swap() {
        return options.swap();
    }

    /**
     * Returns the number of CPUs.
     *
     * @return the cores, or empty when unset (all host CPUs)
     * @see ProxmoxOptions#cores()
     */
    public Optional<Integer> cores() {
        return options.cores();
    }

    /**
     * Returns whether the container is unprivileged (default no).
     *
     * @return the flag
     */
    public boolean unprivileged() {
        return options.unprivileged();
    }

    /**
     * Returns whether the container is a template (default no).
     *
     * @return the flag
     */
    public boolean template() {
        return options.template();
    }

    /**
     * Returns whether the container starts at boot (default no).
     *
     * @return the flag
     */
    public boolean onboot() {
        return options.onboot();
    }

    /**
     * Returns the architecture (default {@code amd64}).
     *
     * @return the architecture
     */
    public String arch() {
        return options.arch();
    }

    /**
     * Returns the distribution type.
     *
     * @return the ostype, or empty when unset
     */
    public Optional<String> ostype() {
        return options.ostype();
    }

    /**
     * Returns the tags.
     *
     * @return the tags, empty when unset
     */
    public List<String> tags() {
        return options.tags();
    }

    /**
     * Returns the network device {@code netN}.
     *
     * @param index N
     * @return the device, or empty when unset
     */
    public Optional<NetworkDevice> network(int index) {
        return options.network(index);
    }

    /**
     * Returns every network device, sorted by index.
     *
     * @return the devices
     */
    public List<NetworkDevice> networks() {
        return options.networks();
    }

    /**
     * Returns the root file system.
     *
     * @return the rootfs, or empty when unset
     */
    public Optional<MountPoint> rootfs() {
        return options.rootfs();
    }

    /**
     * Returns the mount point {@code mpN}.
     *
     * @param index N
     * @return the mount point, or empty when unset
     */
    public Optional<MountPoint> mountPoint(int index) {
        return options.mountPoint(index);
    }

    /**
     * Returns every mount point {@code mpN}, sorted by index.
     *
     * @return the mount points
     */
    public List<MountPoint> mountPoints() {
        return options.mountPoints();
    }

    /**
     * Returns the unused volumes {@code unusedN} by index.
     *
     * @return index to volume id
     */
    public Map<Integer, String> unusedVolumes() {
        return options.unusedVolumes();
    }

    /**
     * Returns every passed-through device {@code devN}, sorted by index.
     *
     * @return the devices
     */
    public List<DevicePassthrough> devices() {
        return options.devices();
    }

    /**
     * Returns the features; all off when unset.
     *
     * @return the features
     */
    public Features features() {
        return options.features();
    }

    /**
     * Returns the start and shutdown order.
     *
     * @return the startup order, or empty when unset
     */
    public Optional<Startup> startup() {
        return options.startup();
    }

    // ------------------------------------------------------------------ sections

    /**
     * Returns the description (notes) of the main section: all its comments and {@code description:} lines.
     *
     * @return the description, empty when there is none
     */
    public Description description() {
        return description;
    }

    /**
     * Returns the snapshots in file order; of two sections with the same name only the later one counts.
     *
     * @return the snapshots
     */
    public List<Snapshot> snapshots() {
        return snapshots;
    }

    /**
     * Returns the snapshot with this name (case-sensitive).
     *
     * @param name the snapshot name
     * @return the snapshot, or empty
     */
    public Optional<Snapshot> snapshot(String name) {
        return snapshots.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * Returns the pending changes; of two {@code [pve:pending]} sections only the later one counts.
     *
     * @return the pending changes, or empty when the file has no pending section
     */
    public Optional<PendingChanges> pending() {
        return pending;
    }

    /**
     * Returns every diagnostic about option values in every section, plus the snapshot-chain and
     * unused-volume checks, in line order.
     *
     * @return the diagnostics
     */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * Returns a short summary: {@code ProxmoxSettings[12 options, 2 snapshots, pending, 1 diagnostics]}.
     */
    @Override
    public String toString() {
        return "ProxmoxSettings[" + options.keys().size() + " options, " + snapshots.size() + " snapshots, "
                + (pending.isPresent() ? "pending, " : "") + diagnostics.size() + " diagnostics]";
    }
}
