package io.github.lxcconf.validate;

import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.Severity;
import io.github.lxcconf.model.proxmox.MountPoint;
import io.github.lxcconf.model.proxmox.PendingChanges;
import io.github.lxcconf.model.proxmox.PropertyString;
import io.github.lxcconf.model.proxmox.ProxmoxSettings;
import io.github.lxcconf.syntax.EntryLine;
import io.github.lxcconf.syntax.Section;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks of a Proxmox config's main section, with its {@code [pve:pending]} changes applied as the next start
 * applies them, that concern the container's start and its mount points:
 * quotas Proxmox refuses or a cgroup2 host does not support, distributions whose old systemd does not run
 * on a cgroup2 host, and {@code rootfs}/{@code mpN} that share a path or a volume.
 */
final class ProxmoxChecks {

    /** Receives one diagnostic. */
    interface Sink {
        void add(DiagnosticCode code, Severity severity, int line, int column, String message, String hint);
    }

    /** ostype -> the releases the Proxmox documentation names as shipping systemd older than 231. */
    private static final Map<String, String> OLD_SYSTEMD = Map.of(
            "centos", "CentOS 7",
            "ubuntu", "Ubuntu 16.10 and older");
    private static final String OLD_SYSTEMD_WARNING =
            "WARN: old systemd (< v232) detected, container won't run in a pure cgroupv2 environment!";
    private static final Pattern MOUNT_KEY = Pattern.compile("rootfs|mp[0-9]+");

    private final LxcConfig config;
    private final boolean cgroup2Host;
    private final Sink sink;

    private ProxmoxChecks(LxcConfig config, boolean cgroup2Host, Sink sink) {
        this.config = config;
        this.cgroup2Host = cgroup2Host;
        this.sink = sink;
    }

    /** Runs every check on the main section of a Proxmox config. */
    static void check(LxcConfig config, boolean cgroup2Host, Sink sink) {
        new ProxmoxChecks(config, cgroup2Host, sink).run();
    }

    /** A rootfs or mpN option as it counts: its last line in the main section. */
    private record Mount(EntryLine entry, int line, MountPoint mount) {
        String key() {
            return mount.key();
        }
    }

    private void run() {
        Section main = config.mainSection();
        Map<String, Integer> lastLine = new LinkedHashMap<>();
        Map<String, EntryLine> lastEntry = new LinkedHashMap<>();
        int n = main.firstLineNumber();
        for (var line : main.lines()) {
            int number = n++;
            if (line instanceof EntryLine e && !e.isLxcKey()) {
                lastLine.put(e.key(), number);
                lastEntry.put(e.key(), e);
            }
        }
        // what the next start sees: pct start applies [pve:pending] (its values, then its delete list) first
        Set<String> fromPending = new HashSet<>();
        config.pending().ifPresent(pending -> {
            int m = pending.firstLineNumber();
            for (var line : pending.lines()) {
                int number = m++;
                if (line instanceof EntryLine e && !e.isLxcKey()) {
                    if (e.key().equals("delete")) {
                        for (PendingChanges.Deletion d : PendingChanges.parseDeletions(e.value())) {
                            lastLine.remove(d.key());
                            lastEntry.remove(d.key());
                            fromPending.remove(d.key());
                        }
                    } else {
                        lastLine.put(e.key(), number);
                        lastEntry.put(e.key(), e);
                        fromPending.add(e.key());
                    }
                }
            }
        });
        List<Mount> mounts = new ArrayList<>();
        for (Map.Entry<String, EntryLine> option : lastEntry.entrySet()) {
            if (!MOUNT_KEY.matcher(option.getKey()).matches()) {
                continue;
            }
            try {
                mounts.add(new Mount(option.getValue(), lastLine.get(option.getKey()),
                        MountPoint.parse(option.getKey(), option.getValue().value())));
            } catch (IllegalArgumentException outOfRange) {
                // mp256 and up: not a mount point; the option checks report it (PVE101)
            }
        }
        mounts.sort((a, b) -> Integer.compare(a.line(), b.line()));
        ProxmoxSettings proxmox = config.proxmox();
        boolean unprivileged = lastEntry.containsKey("unprivileged") && (fromPending.contains("unprivileged")
                ? proxmox.pending().orElseThrow().options() : proxmox.options()).unprivileged();
        for (Mount m : mounts) {
            quota(m, unprivileged);
        }
        Optional.ofNullable(lastEntry.get("ostype")).ifPresent(e -> ostype(e, lastLine.get("ostype")));
        mountPaths(mounts);
        volumes(mounts);
    }

    private void quota(Mount m, boolean unprivileged) {
        if (!m.mount().quota()) {
            return;
        }
        int column = column(m, "quota");
        if (unprivileged) {
            sink.add(DiagnosticCode.PVE_QUOTA_UNPRIVILEGED, Severity.ERROR, m.line(), column,
                    "Proxmox will refuse to start this container because " + m.key() + " has quota=1 and the"
                            + " container is unprivileged (unprivileged: 1); the start stops with \"Quotas are not"
                            + " supported by unprivileged containers.\"",
                    "remove quota=1 from " + m.key() + " (limit the space with the volume's size instead)");
        }
        if (cgroup2Host) {
            sink.add(DiagnosticCode.PVE_QUOTA_CGROUP2, Severity.WARNING, m.line(), column,
                    "quota=1 on " + m.key() + " does not work on a cgroup2 host because file system quotas are not"
                            + " supported in a pure cgroup v2 environment (Proxmox VE 7 and later; Proxmox VE 9 has"
                            + " no cgroup v1 at all)",
                    "remove quota=1 from " + m.key() + " (limit the space with the volume's size instead)");
        }
    }

    private void ostype(EntryLine e, int line) {
        String ostype = e.value().strip();
        String releases = OLD_SYSTEMD.get(ostype.toLowerCase(Locale.ROOT));
        if (releases == null || !cgroup2Host) {
            return;
        }
        String exec = Validator.vmid(config).map(id -> "'pct exec " + id + " -- systemctl --version'")
                .orElse("'pct exec <vmid> -- systemctl --version'");
        sink.add(DiagnosticCode.PVE_OLD_SYSTEMD_CGROUP2, Severity.INFO, line, e.valueColumn(),
                "ostype " + ostype + ": if this container's systemd is older than 231 (as in " + releases + "), it"
                        + " does not start properly on a cgroup2 host because that systemd cannot run in a pure"
                        + " cgroup v2 environment (Proxmox VE 7 and later); Proxmox then prints \""
                        + OLD_SYSTEMD_WARNING + "\" when it starts",
                "check the container's systemd version with " + exec + " (or 'systemctl --version' inside it);"
                        + " if it is older than 231, upgrade the distribution to a newer release, install a newer"
                        + " systemd from backports, or run it in a virtual machine instead");
    }

    /** Two mount points at one path: one hides the other inside the container. */
    private void mountPaths(List<Mount> mounts) {
        Map<String, Mount> byPath = new LinkedHashMap<>();
        for (Mount m : mounts) {
            Optional<String> path = m.mount().path();
            if (path.isEmpty()) {
                continue; // mp= missing: the property string check reports it
            }
            if (!m.mount().isRootfs() && !path.get().startsWith("/")) {
                sink.add(DiagnosticCode.PVE_MOUNT_PATH_NOT_ABSOLUTE, Severity.WARNING, m.line(), column(m, "mp"),
                        m.key() + " has mp=" + path.get() + ", which is not an absolute path: the mount path is"
                                + " the place inside the container, starting at its root",
                        "write mp=/" + path.get().replaceFirst("^(\\./)+", ""));
            }
            String normal = normalise(path.get());
            Mount first = byPath.putIfAbsent(normal, m);
            if (first != null) {
                sink.add(DiagnosticCode.PVE_DUPLICATE_MOUNT_PATH, Severity.WARNING, m.line(),
                        m.mount().isRootfs() ? m.entry().valueColumn() : column(m, "mp"),
                        m.key() + " is mounted at " + normal + ", where " + first.key() + " (line " + first.line()
                                + ") is mounted too: inside the container one hides the other",
                        "give " + m.key() + " a path of its own");
            }
        }
    }

    /** One storage volume used by two mount points. */
    private void volumes(List<Mount> mounts) {
        Map<String, Mount> byVolume = new LinkedHashMap<>();
        for (Mount m : mounts) {
            if (m.mount().volumeType().filter(t -> t == MountPoint.VolumeType.VOLUME).isEmpty()) {
                continue; // bind mounts of one host directory at two places are fine
            }
            String volume = m.mount().volume().orElseThrow();
            Mount first = byVolume.putIfAbsent(volume, m);
            if (first != null) {
                sink.add(DiagnosticCode.PVE_VOLUME_MOUNTED_TWICE, Severity.WARNING, m.line(), column(m, "volume"),
                        m.key() + " uses the volume '" + volume + "', which " + first.key() + " (line " + first.line()
                                + ") uses already: one volume should belong to one mount point",
                        "give " + m.key() + " a volume of its own (pct set " + Validator.vmid(config).orElse("<vmid>") + " -" + m.key()
                                + " STORAGE:SIZE_GB,mp=...), or remove the line");
            }
        }
    }

    /** The column of a property-string field (the default key is its bare part). */
    private static int column(Mount m, String field) {
        String text = m.entry().value();
        int offset = -1;
        for (PropertyString.Part part : m.mount().value().parts()) {
            boolean match = field.equals("volume") ? part.isBare() || part.key().filter(field::equals).isPresent()
                    : part.key().filter(field::equals).isPresent();
            if (match) {
                offset = part.offset(); // the last one counts
            }
        }
        return offset < 0 ? m.entry().valueColumn() : m.entry().valueColumn() + text.codePointCount(0, offset);
    }

    /** Collapses repeated slashes and drops a trailing one, so /data/ and //data are /data. */
    private static String normalise(String path) {
        String p = path.replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
