package io.github.lxcconf.cli;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.model.proxmox.OptionSchema;
import io.github.lxcconf.validate.KeyCatalog;
import io.github.lxcconf.edit.ConfigEditor;
import io.github.lxcconf.model.CgroupVersion;
import io.github.lxcconf.model.CreateMode;
import io.github.lxcconf.model.DeviceAccess;
import io.github.lxcconf.model.DeviceCatalog;
import io.github.lxcconf.model.DeviceInfo;
import io.github.lxcconf.model.DeviceRule;
import io.github.lxcconf.model.DeviceType;
import io.github.lxcconf.model.KnownDevice;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/** {@code lxcconf edit FILE}. */
@Command(name = "edit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Edit a config: devices, bind mounts, keys; print a diff.",
        description = "Edits a config, changing only the lines the edits concern: comments, blank lines, spacing and line ends stay. Prints a unified diff by default; --print prints the whole result, --in-place writes the file. The edits run in this order: --remove, --set, --add, --deny-device, --allow-device, --passthrough, --proxmox-device, --bind-mount, --mount-point. Adding what is already there changes nothing.",
        exitCodeListHeading = Cli.EXIT_HEADING,
        exitCodeList = {"0:edited, or nothing to change",
                "2:usage error, a refused value, the file cannot be read or written, or it changed meanwhile"},
        footerHeading = Cli.EXAMPLES,
        footer = {"  lxcconf edit --passthrough /dev/kvm --passthrough /dev/net/tun 102.conf",
                "  lxcconf edit --allow-device c:10:232:rwm --in-place /var/lib/lxc/web1/config",
                "  lxcconf edit --bind-mount /srv/share:/mnt/share --set memory=2048 -i 102.conf",
                "  lxcconf edit --proxmox-device /dev/dri/renderD128,gid=104 102.conf",
                "  lxcconf edit --mount-point /srv/share:/mnt/share,ro=1 102.conf",
                "  lxcconf edit --pending --set cores=4 --print 102.conf"})
final class EditCommand implements Callable<Integer> {
    private final Context context;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the config file, or - for standard input")
    String file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "set a single-valued key (in place if it is set); an unknown key is refused with a did-you-mean")
    List<String> sets = new ArrayList<>();

    @Option(names = "--add", paramLabel = "KEY=VALUE", description = "add a value to a list key such as lxc.mount.entry (a single-valued key takes --set)")
    List<String> adds = new ArrayList<>();

    @Option(names = "--remove", paramLabel = "KEY[=VALUE]", description = "remove every line with the key, or with the key and that value")
    List<String> removes = new ArrayList<>();

    @Option(names = "--allow-device", paramLabel = "TYPE:MAJOR:MINOR[:ACCESS]",
            description = "allow a device: TYPE c or b, numbers or *, ACCESS of r, w, m (default rwm), such as c:10:232:rwm (/dev/kvm) or b:7:* (loop devices)")
    List<String> allowDevices = new ArrayList<>();

    @Option(names = "--deny-device", paramLabel = "TYPE:MAJOR:MINOR[:ACCESS]", description = "deny a device")
    List<String> denyDevices = new ArrayList<>();

    @Option(names = "--passthrough", paramLabel = "DEVICE",
            description = "pass a host device node through, such as /dev/kvm, /dev/net/tun, /dev/fuse, /dev/ttyUSB0: in a Proxmox config a devN option (Proxmox VE 8.1 and later), else its device rule and a bind mount")
    List<String> passthroughs = new ArrayList<>();

    @Option(names = "--raw", description = "with --passthrough in a Proxmox config: write the raw device rule and bind mount (for Proxmox VE before 8.1) instead of a devN option")
    boolean raw;

    @Option(names = "--proxmox-device", paramLabel = "PATH[,OPTION...]",
            description = "pass a device through with a Proxmox VE 8 devN option, such as /dev/dri/renderD128,gid=104 (Proxmox configs only)")
    List<String> proxmoxDevices = new ArrayList<>();

    @Option(names = "--bind-mount", paramLabel = "HOST:CONTAINER[:file|dir]",
            description = "bind-mount a host path into the container; the target is created as a file for a path under /dev/, else as a directory, unless :file or :dir says")
    List<String> bindMounts = new ArrayList<>();

    @Option(names = "--mount-point", paramLabel = "SOURCE:PATH[,OPTION...]",
            description = "add a Proxmox mount point under the first free mpN: a host directory or a storage volume at PATH in the container, such as /srv/share:/mnt/share,ro=1 (Proxmox configs only)")
    List<String> mountPoints = new ArrayList<>();

    @Option(names = "--cgroup", paramLabel = "VERSION", defaultValue = "v2",
            completionCandidates = Completion.CgroupVersions.class,
            description = "write device rules as lxc.cgroup2.devices.* (v2, the default) or lxc.cgroup.devices.* (v1)")
    CgroupVersion cgroup;

    @ArgGroup(exclusive = true)
    SectionChoice section = new SectionChoice();

    /** Which section the edits apply to. */
    static final class SectionChoice {
        @Option(names = "--snapshot", paramLabel = "NAME", description = "edit the snapshot section [NAME] (Proxmox)")
        String snapshot;

        @Option(names = "--pending", description = "edit the [pve:pending] section (Proxmox)")
        boolean pending;
    }

    @ArgGroup(exclusive = true)
    OutputChoice output = new OutputChoice();

    /** What to do with the result. */
    static final class OutputChoice {
        @Option(names = {"-i", "--in-place"},
                description = "write the result to FILE atomically, refusing if FILE changed meanwhile")
        boolean inPlace;

        @Option(names = {"-p", "--print"}, description = "print the whole edited config instead of a diff")
        boolean print;
    }

    /** The dialect of the config being edited. */
    private Dialect dialect = Dialect.LXC;

    EditCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Source.checkInPlace(spec, output.inPlace, List.of(file));
        if (sets.isEmpty() && adds.isEmpty() && removes.isEmpty() && allowDevices.isEmpty()
                && denyDevices.isEmpty() && passthroughs.isEmpty() && proxmoxDevices.isEmpty()
                && bindMounts.isEmpty() && mountPoints.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no edit given (such as --set KEY=VALUE)");
        }
        Source source = Source.read(context, file);
        LxcConfig result;
        try {
            result = edit(source.config());
        } catch (IllegalArgumentException e) {
            throw new UserException("cannot edit " + source.name() + ": " + e.getMessage());
        }
        if (output.print) {
            context.writeBytes(result.toBytes());
            return Cli.OK;
        }
        byte[] before = source.config().toBytes();
        byte[] after = result.toBytes();
        if (java.util.Arrays.equals(before, after)) {
            context.err.println("lxcconf: " + source.name() + ": nothing to change");
            return Cli.OK;
        }
        if (output.inPlace) {
            source.writeInPlace(context, result);
            context.err.println("lxcconf: edited " + source.name());
        } else {
            Diffs.print(context, source.name(), before, after);
        }
        return Cli.OK;
    }

    private LxcConfig edit(LxcConfig config) {
        ConfigEditor editor = config.edit().cgroupVersion(cgroup);
        if (section.snapshot != null) {
            editor = editor.snapshot(section.snapshot);
        } else if (section.pending) {
            editor = editor.pending();
        }
        if (raw) {
            editor = editor.rawPassthrough();
        }
        dialect = config.dialect();
        for (String remove : removes) {
            int eq = remove.indexOf('=');
            String key = eq < 0 ? remove : remove.substring(0, eq);
            checkKnown("--remove", dialect, key, true);
            if (eq < 0) {
                editor.remove(key);
            } else {
                editor.remove(key, remove.substring(eq + 1));
            }
        }
        for (String assignment : sets) {
            String[] kv = keyValue("--set", assignment);
            checkKnown("--set", dialect, kv[0], false);
            editor.set(kv[0], kv[1]);
        }
        for (String assignment : adds) {
            String[] kv = keyValue("--add", assignment);
            checkKnown("--add", dialect, kv[0], false);
            if (KeyCatalog.standard().isSingleValued(kv[0])) {
                throw new UserException("--add " + assignment + ": " + kv[0] + " holds one value, so a second line"
                        + " would replace the first", "use --set " + assignment);
            }
            editor.add(kv[0], kv[1]);
        }
        for (String spec : denyDevices) {
            editor.denyDevice(rule(false, "--deny-device", spec));
        }
        for (String spec : allowDevices) {
            editor.allowDevice(rule(true, "--allow-device", spec));
        }
        for (String path : passthroughs) {
            passthrough(editor, path);
        }
        for (String device : proxmoxDevices) {
            String[] parts = device.split(",", -1);
            editor.proxmoxDevice(parts[0], Arrays.copyOfRange(parts, 1, parts.length));
        }
        for (String mount : bindMounts) {
            bindMount(editor, mount);
        }
        for (String mount : mountPoints) {
            mountPoint(editor, mount);
        }
        return editor.build();
    }

    /**
     * Refuses a key that LXC or Proxmox does not know, with a did-you-mean, and, in a Proxmox config, a raw
     * key that Proxmox refuses (it would drop the line on its next write). {@code --remove} also takes the
     * old names liblxc 3.0 refuses, to remove them.
     */
    private static void checkKnown(String option, Dialect dialect, String key, boolean removing) {
        KeyCatalog keys = KeyCatalog.standard();
        List<String> near;
        if (key.startsWith("lxc.")) {
            if (keys.knows(key) || removing && keys.legacy(key).isPresent()) {
                if (dialect == Dialect.PROXMOX && !removing
                        && keys.proxmox(key).status() == KeyCatalog.ProxmoxStatus.REFUSED) {
                    throw new UserException(option + " " + key + ": Proxmox VE refuses the raw key " + key
                            + " and drops the line the next time it writes the config",
                            "set it through the Proxmox option that manages it (pct set), such as rootfs, hostname"
                                    + " or net0");
                }
                return;
            }
            near = keys.suggestions(key);
        } else {
            if (dialect != Dialect.PROXMOX || OptionSchema.proxmox().option(key).isPresent()) {
                return; // a native config refuses it as no LXC key, with its own message
            }
            near = OptionSchema.proxmox().suggestions(key);
        }
        throw new UserException(option + " " + key + ": unknown key" + (dialect == Dialect.PROXMOX ? " for Proxmox VE"
                : " for LXC"), near.isEmpty() ? null
                : "did you mean " + String.join(" or ", near.stream().map(k -> "'" + k + "'").toList()) + "?");
    }

    private String[] keyValue(String option, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ParameterException(spec.commandLine(),
                    option + " expects KEY=VALUE, got '" + assignment + "'");
        }
        return new String[] {assignment.substring(0, eq), assignment.substring(eq + 1)};
    }

    /** Reads {@code c:10:232:rwm}, {@code b:7:*}, ... */
    DeviceRule rule(boolean allow, String option, String text) {
        String[] parts = text.split(":", -1);
        String problem = null;
        Optional<DeviceType> type = parts[0].length() == 1 ? DeviceType.of(parts[0].charAt(0)) : Optional.empty();
        if (parts.length < 3 || parts.length > 4) {
            problem = "expected TYPE:MAJOR:MINOR[:ACCESS], such as c:10:232:rwm";
        } else if (type.isEmpty() || type.get() == DeviceType.ALL) {
            problem = "the type is c (character device) or b (block device), not '" + parts[0] + "'";
        }
        OptionalInt major = OptionalInt.empty();
        OptionalInt minor = OptionalInt.empty();
        Optional<DeviceAccess> access = Optional.of(DeviceAccess.RWM);
        if (problem == null) {
            try {
                major = number(parts[1]);
                minor = number(parts[2]);
            } catch (NumberFormatException e) {
                problem = "a device number is a number or *, got '" + parts[1] + ":" + parts[2] + "'";
            }
            if (parts.length == 4) {
                access = parts[3].isEmpty() ? Optional.empty() : DeviceAccess.parse(parts[3]);
                if (access.isEmpty() && problem == null) {
                    problem = "the access is one or more of r, w and m, got '" + parts[3] + "'";
                }
            }
        }
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), option + " '" + text + "': " + problem);
        }
        return DeviceRule.of(allow, cgroup, type.orElseThrow(), major, minor, access.orElseThrow());
    }

    private static OptionalInt number(String text) {
        if (text.equals("*")) {
            return OptionalInt.empty();
        }
        if (!text.matches("[0-9]{1,9}")) {
            throw new NumberFormatException(text);
        }
        return OptionalInt.of(Integer.parseInt(text));
    }

    private void passthrough(ConfigEditor editor, String path) {
        if (path.equals("/dev/dri")) {
            editor.passthroughGpu();
            return;
        }
        Optional<KnownDevice> known = KnownDevice.byPath(path);
        if (known.isPresent()) {
            editor.passthrough(known.get());
            return;
        }
        for (KnownDevice device : KnownDevice.values()) {
            String p = device.path();
            if (p.endsWith("*") && path.startsWith(p.substring(0, p.length() - 1))
                    && path.length() > p.length() - 1) {
                editor.passthrough(device, path);
                return;
            }
        }
        Optional<DeviceInfo> info = DeviceCatalog.byPath(path);
        if (info.isPresent() && info.get().major().matches("[0-9]+") && info.get().minor().matches("[0-9]+")) {
            DeviceInfo i = info.get();
            if (dialect == Dialect.PROXMOX && !raw) {
                editor.proxmoxDevice(path);
                return;
            }
            editor.allowDevice(i.type(), Integer.parseInt(i.major()), Integer.parseInt(i.minor()));
            editor.bindMount(path, path, CreateMode.FILE);
            return;
        }
        throw new UserException("--passthrough " + path + ": not a device node lxcconf knows the numbers of",
                "pass it with --allow-device TYPE:MAJOR:MINOR and --bind-mount " + path + ":" + path + ":file"
                        + " (ls -l " + path + " shows the numbers)");
    }

    private void bindMount(ConfigEditor editor, String text) {
        String[] parts = text.split(":", -1);
        if (parts.length == 3 && (parts[2].equals("file") || parts[2].equals("dir"))) {
            editor.bindMount(parts[0], parts[1], parts[2].equals("file") ? CreateMode.FILE : CreateMode.DIR);
        } else if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
            editor.bindMount(parts[0], parts[1]);
        } else {
            throw new ParameterException(spec.commandLine(),
                    "--bind-mount expects HOST:CONTAINER[:file|dir], got '" + text + "'");
        }
    }

    /** Reads {@code /srv/share:/mnt/share,ro=1}: the source may be a storage volume with a ':' of its own. */
    private void mountPoint(ConfigEditor editor, String text) {
        String[] options = text.split(",", -1);
        String where = options[0];
        int colon = where.lastIndexOf(':');
        if (colon <= 0 || colon == where.length() - 1 || where.charAt(colon + 1) != '/') {
            throw new ParameterException(spec.commandLine(),
                    "--mount-point expects SOURCE:PATH[,OPTION...] with an absolute PATH, got '" + text + "'");
        }
        editor.addMountPoint(where.substring(0, colon), where.substring(colon + 1),
                Arrays.copyOfRange(options, 1, options.length));
    }
}
