package io.github.lxcconf.cli;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.device.HostLayout;
import io.github.lxcconf.include.EffectiveConfig;
import io.github.lxcconf.include.EffectiveValue;
import io.github.lxcconf.include.Provenance;
import io.github.lxcconf.proxmox.ProxmoxNode;
import io.github.lxcconf.proxmox.StartConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code lxcconf start-config FILE...}. */
@Command(name = "start-config", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Print the native LXC config Proxmox VE writes at start.",
        description = "Prints the native LXC config that 'pct start' writes to /var/lib/lxc/VMID/config for a Proxmox VE container config (pve-container 6.1's update_lxc_config, [pve:pending] applied first), on a node described by the options (by default: cgroup2, lxc 6.0.5, 16 CPUs, every bridge with MTU 1500). Proxmox's warnings go to standard error; when Proxmox refuses to start the container, its message is printed on standard error instead of the config. The CPUs of 'cores' and a MAC for a netN without hwaddr are random on a real node; here they come from --seed. With --effective it prints the container's effective native config instead: every value the generated file and the files it includes (<ostype>.common.conf, common.conf, userns.conf, ...) set, in liblxc's order, each followed by the file and line that set it and, for a line of the generated file, the line of FILE it comes from. With several FILEs, each config follows a '# FILE' line.",
        exitCodeListHeading = Cli.EXIT_HEADING,
        exitCodeList = {"0:Proxmox starts every container (its config was printed)",
                "1:Proxmox refuses to start a container (its message was printed)",
                "2:usage error, a file that cannot be read, or a native LXC config"},
        footerHeading = Cli.EXAMPLES,
        footer = {"  lxcconf start-config /etc/pve/lxc/102.conf",
                "  lxcconf start-config --lxc-version 5.0.2 --cpus 8 --seed 1 /etc/pve/lxc/102.conf",
                "  lxcconf start-config --vmid 105 --skiplock container.conf",
                "  lxcconf start-config --effective /etc/pve/lxc/102.conf",
                "  lxcconf start-config --effective --lxc-config-dir /usr/share/lxc/config /etc/pve/lxc/102.conf"})
final class StartConfigCommand implements Callable<Integer> {
    private final Context context;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = Inputs.FILE_DESCRIPTION)
    List<String> files;

    @Option(names = "--vmid", paramLabel = "VMID",
            description = "the VMID of a FILE not named VMID.conf (default 100)")
    Integer vmid;

    @Option(names = "--lxc-version", paramLabel = "VERSION",
            description = "the node's lxc version, as lxc-start --version prints it (default 6.0.5)")
    String lxcVersion;

    @Option(names = "--host-cgroup", paramLabel = "LAYOUT", completionCandidates = Completion.HostCgroups.class,
            description = "the node's cgroup layout: v2 (the default) or hybrid (no memory or CPU limits are written)")
    LintCommand.HostCgroup hostCgroup;

    @Option(names = "--cpus", paramLabel = "N", description = "the node's CPU count (default 16)")
    Integer cpus;

    @Option(names = "--cpuset", paramLabel = "LIST",
            description = "the CPUs of the node's lxc cgroup, as 0-7,16-23 (instead of --cpus)")
    String cpuset;

    @Option(names = "--bridge", paramLabel = "NAME=MTU",
            description = "a bridge of the node and its MTU; with --only-listed-bridges the others do not exist")
    Map<String, Integer> bridges;

    @Option(names = "--only-listed-bridges", description = "only the --bridge bridges exist")
    boolean onlyListedBridges;

    @Option(names = "--mac-prefix", paramLabel = "PREFIX",
            description = "datacenter.cfg's mac_prefix for a picked MAC (default BC:24:11)")
    String macPrefix;

    @Option(names = "--kernel", paramLabel = "RELEASE", description = "the node's kernel release (default 6.14.8-2-pve)")
    String kernel;

    @Option(names = "--skiplock", description = "start a locked container, as pct start --skiplock")
    boolean skipLock;

    @Option(names = "--seed", paramLabel = "N", description = "the seed of the random picks (default 0)")
    Long seed;

    @Option(names = "--effective", description = "print the effective native config: the generated file with the"
            + " files it includes, those of a Proxmox VE 9 node shipped with lxcconf unless --lxc-config-dir says")
    boolean effective;

    @Option(names = "--lxc-config-dir", paramLabel = "DIR", description = "with --effective: read the included"
            + " files from DIR (a node's /usr/share/lxc/config, or a copy) where DIR has them")
    Path lxcConfigDir;

    StartConfigCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (lxcConfigDir != null && !effective) {
            throw new ParameterException(spec.commandLine(), "--lxc-config-dir goes with --effective");
        }
        ProxmoxNode node = node();
        boolean several = Inputs.inputs(files).size() > 1;
        boolean[] refused = {false};
        boolean readable = Inputs.each(context, files, source -> {
            LxcConfig config = source.config();
            if (config.dialect() != Dialect.PROXMOX) {
                throw new UserException(source.name() + " is a native LXC config: start-config reads a Proxmox VE"
                        + " config", "Proxmox keeps them as /etc/pve/lxc/VMID.conf");
            }
            StartConfig start = config.startConfig(node);
            String prefix = several ? source.name() + ": " : "";
            context.out.flush();
            for (String warning : start.warnings()) {
                context.err.println(prefix + warning);
            }
            if (start.refusal().isPresent()) {
                context.err.println("lxcconf: " + source.name() + ": Proxmox refuses to start it: "
                        + start.refusal().get());
                context.err.flush();
                refused[0] = true;
                return;
            }
            String body = start.text();
            if (effective) {
                Optional<EffectiveConfig> eff = lxcConfigDir == null ? start.effective()
                        : start.effective(lxcConfigDir);
                body = effectiveText(start, eff.orElseThrow());
                eff.get().stoppedBy().ifPresent(d -> context.err.println("lxcconf: " + source.name()
                        + ": liblxc stops loading the config at " + d.source() + ":" + d.line() + ": " + d.message()));
            }
            context.err.flush();
            String text = (several ? "# " + source.name() + "\n" : "") + body;
            context.writeBytes(LxcConfig.bytesOf(text));
        });
        context.out.flush();
        if (!readable) {
            return Cli.TROUBLE;
        }
        return refused[0] ? Cli.FOUND : Cli.OK;
    }

    /** {@code key = value  # file:line}, and {@code <- FILE:line} for a line of the generated file. */
    private static String effectiveText(StartConfig start, EffectiveConfig eff) {
        String generated = eff.files().get(0).config().sourceName();
        StringBuilder out = new StringBuilder();
        for (EffectiveValue v : eff.entries()) {
            Provenance at = v.provenance();
            out.append(v.key()).append(" = ").append(v.value()).append("  # ").append(at.source()).append(':')
                    .append(at.line());
            if (at.source().equals(generated)) {
                start.origin(at.line()).ifPresent(o -> out.append(" <- ").append(o.source()).append(':')
                        .append(o.line()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private ProxmoxNode node() {
        ProxmoxNode.Builder b = ProxmoxNode.builder();
        try {
            if (vmid != null) {
                b.vmid(vmid);
            }
            if (lxcVersion != null) {
                b.lxcVersion(lxcVersion);
            }
            if (hostCgroup != null) {
                b.cgroupLayout(switch (hostCgroup) {
                    case V2 -> HostLayout.CGROUP2;
                    case HYBRID -> HostLayout.HYBRID;
                    case V1 -> HostLayout.CGROUP1;
                });
            }
            if (cpus != null && cpuset != null) {
                throw new IllegalArgumentException("--cpus and --cpuset are mutually exclusive");
            }
            if (cpus != null) {
                b.cpus(cpus);
            }
            if (cpuset != null) {
                b.cpuset(cpuset);
            }
            if (bridges != null) {
                bridges.forEach(b::bridge);
            }
            if (onlyListedBridges) {
                b.onlyListedBridges();
            }
            if (macPrefix != null) {
                b.macPrefix(macPrefix);
            }
            if (kernel != null) {
                b.kernelRelease(kernel);
            }
            if (seed != null) {
                b.seed(seed);
            }
            return b.skipLock(skipLock).build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
