package io.github.lxcconf.proxmox;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.include.EffectiveConfig;
import io.github.lxcconf.include.IncludeLimits;
import io.github.lxcconf.include.Provenance;
import io.github.lxcconf.internal.IncludeAccess;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The native LXC config Proxmox VE writes to {@code /var/lib/lxc/VMID/config} when it starts a container
 * ({@code pct start} → {@code vm_start} → {@code update_lxc_config}), with the warnings Proxmox prints on the
 * way and, when it refuses to start, its message.
 *
 * <pre>{@code
 * StartConfig start = LxcConfig.parse(Path.of("/etc/pve/lxc/101.conf")).startConfig();
 * start.refusal();   // Optional.empty, or Optional[missing 'arch' - internal error]
 * start.text();      // "lxc.cgroup.relative = 0\nlxc.cgroup.dir.monitor = lxc.monitor/101\n..."
 * start.warnings();  // ["vm 101 - lxc.cgroup.devices.allow is deprecated, ..."]
 * start.effective().orElseThrow().values("lxc.cgroup2.devices.deny").get(0).provenance(); // common.conf line 50
 * start.origin(20);   // Optional[101.conf line 13]: the raw line the generated line 20 copies
 * }</pre>
 *
 * <p><b>The effective native config.</b> The generated file includes {@code /usr/share/lxc/config/<ostype>.common.conf}
 * (and {@code <ostype>.userns.conf} for an unprivileged container), which include LXC's {@code common.conf} and
 * {@code userns.conf} and the directories {@code common.conf.d/} and {@code userns.conf.d/}. {@link #effective()}
 * follows them in the files lxcconf ships: those of a Proxmox VE 9 node (LXC 6.0 LTS's {@code common.conf} and
 * {@code userns.conf}, lxc-templates' per-ostype files as lxc-pve installs them, lxcfs's
 * {@code common.conf.d/00-lxcfs.conf}; the Proxmox hooks of {@code 01-pve.conf} are not among them). It reads nothing
 * from the machine it runs on, so the answer is the same everywhere. {@link #effective(Path)} reads the files from
 * a directory instead wherever it has them, file by file, and takes the shipped copy of each file it lacks: pass
 * {@code /usr/share/lxc/config} when lxcconf runs on the node itself, or a copy of a node's directory. On a machine
 * that is not a Proxmox node the directory is another LXC's (Debian's lxc 5.0.2, without lxc-templates, has
 * {@code common.conf} and {@code userns.conf} but no {@code <ostype>.*} files): the caller who wants the node's
 * answer calls {@link #effective()}, the caller who wants this machine's files calls {@link #effective(Path)}.
 */
public final class StartConfig {
    private final int vmid;
    private final String text;
    private final List<String> warnings;
    private final Optional<String> refusal;
    private final List<Optional<Provenance>> origins;

    /** Where the start config's includes point. */
    static final String CONFIG_DIRECTORY = "/usr/share/lxc/config";
    /** The placeholders of the shipped copies and what LXC's and lxcfs's builds put there on Debian and Proxmox. */
    private static final Map<String, String> PLACEHOLDERS = Map.of("@LXCTEMPLATECONFIG@", CONFIG_DIRECTORY,
            "@LXCHOOKDIR@", "/usr/share/lxc/hooks", "{{LXCFSSHAREDIR}}", "/usr/share/lxcfs");
    /** The directories the shipped files include, and the shipped files in them. */
    private static final Map<String, List<String>> SHIPPED_DIRECTORIES = Map.of(
            "common.conf.d", List.of("common.conf.d/00-lxcfs.conf"), "userns.conf.d", List.of());

    static {
        io.github.lxcconf.internal.StartAccess.registerReadOn(
                s -> s.effective(Optional.empty(), IncludeLimits.DEFAULT.withLenient(true)).orElseThrow());
    }

    private StartConfig(int vmid, String text, List<String> warnings, Optional<String> refusal,
                        List<Optional<Provenance>> origins) {
        this.vmid = vmid;
        this.text = text;
        this.warnings = List.copyOf(warnings);
        this.refusal = refusal;
        this.origins = List.copyOf(origins);
    }

    static StartConfig started(int vmid, String text, List<String> warnings, List<Optional<Provenance>> origins) {
        return new StartConfig(vmid, text, warnings, Optional.empty(), origins);
    }

    static StartConfig refused(int vmid, String message, List<String> warnings) {
        return new StartConfig(vmid, "", warnings, Optional.of(message), List.of());
    }

    /**
     * Computes the start config of a Proxmox config on a node; the same as {@link LxcConfig#startConfig(ProxmoxNode)}.
     *
     * @param config a config read in the Proxmox dialect
     * @param node   the node's facts
     * @return the start config
     * @throws IllegalStateException if the config is a native LXC config
     */
    public static StartConfig of(LxcConfig config, ProxmoxNode node) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(node, "node");
        return StartConfigGenerator.generate(config, node);
    }

    /**
     * Returns the VMID the file was generated for (the file name's {@code <digits>.conf}, else the node's).
     *
     * @return the VMID
     */
    public int vmid() {
        return vmid;
    }

    /**
     * Returns the generated file: {@code key = value} lines, each ending in a newline.
     *
     * @return the text; empty when Proxmox refuses to start the container, or for a template, which gets no file
     */
    public String text() {
        return text;
    }

    /**
     * Returns what Proxmox prints while it reads the config (twice when it applies {@code [pve:pending]}, once
     * before and once after) and generates the file, in its words and order.
     *
     * @return the warnings, empty when there are none
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Returns why Proxmox refuses to start the container, in its words without the Perl source location
     * ({@code missing 'arch' - internal error}, {@code you can't start a CT if it's a template},
     * {@code Device /dev/ttyUSB0 does not exist}, {@code CT is locked (backup)}, ...).
     *
     * @return the message, or empty when the container starts
     */
    public Optional<String> refusal() {
        return refusal;
    }

    /**
     * Returns the line of the Proxmox config a line of {@link #text()} comes from: the raw {@code lxc.*} line it
     * copies, or the option it is written for ({@code dev0} for its {@code lxc.cgroup2.devices.allow} rule,
     * {@code memory} for {@code lxc.cgroup2.memory.max}, {@code net0} for each {@code lxc.net.0.*} line, ...).
     *
     * <pre>{@code
     * start.origin(1);  // Optional.empty: lxc.cgroup.relative = 0 is Proxmox's own
     * }</pre>
     *
     * @param line a 1-based line number of {@link #text()}
     * @return the source name of the Proxmox config and the line; empty for a line Proxmox writes of its own
     *         accord (or from an option's default) and for a number past the end
     */
    public Optional<Provenance> origin(int line) {
        return line < 1 || line > origins.size() ? Optional.empty() : origins.get(line - 1);
    }

    /**
     * Returns the generated file as a native config, named {@code /var/lib/lxc/VMID/config} as on the node.
     *
     * <pre>{@code
     * start.config().lxc().deviceRules(); // the devN rules, the raw device lines
     * }</pre>
     *
     * @return the config; empty when Proxmox refuses to start the container
     */
    public Optional<LxcConfig> config() {
        if (refusal.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(LxcConfig.reader().dialect(Dialect.LXC).sourceName("/var/lib/lxc/" + vmid + "/config")
                .parse(text));
    }

    /**
     * Returns the effective native config of the container: the generated file and what the files it includes
     * set, with the files lxcconf ships for {@code /usr/share/lxc/config} (see the class comment), each value
     * with its file and line. A value of the generated file names {@code /var/lib/lxc/VMID/config}; {@link
     * #origin(int)} leads on to the Proxmox config's line. A shipped file is named by the path it stands for
     * ({@code /usr/share/lxc/config/common.conf}), and its {@link io.github.lxcconf.include.IncludedFile#path()}
     * is empty.
     *
     * <pre>{@code
     * EffectiveConfig eff = pve.startConfig().effective().orElseThrow();
     * eff.values("lxc.cgroup2.devices.allow"); // common.conf's rules, then one per devN
     * eff.value("lxc.cgroup2.memory.max");     // Optional[4294967296 (config line 23)]
     * }</pre>
     *
     * @return the effective config; empty when Proxmox refuses to start the container
     */
    public Optional<EffectiveConfig> effective() {
        return effective(Optional.empty(), IncludeLimits.DEFAULT);
    }

    /**
     * Returns the effective native config, reading each file of {@code /usr/share/lxc/config} that the start
     * config and its includes name from a directory where the directory has it, and the shipped copy where it
     * does not (see the class comment).
     *
     * <pre>{@code
     * start.effective(Path.of("/usr/share/lxc/config")); // this machine's common.conf, shipped ubuntu.common.conf
     * }</pre>
     *
     * @param lxcConfigDirectory the directory that stands for the node's {@code /usr/share/lxc/config}
     * @return the effective config; empty when Proxmox refuses to start the container
     */
    public Optional<EffectiveConfig> effective(Path lxcConfigDirectory) {
        Objects.requireNonNull(lxcConfigDirectory, "lxcConfigDirectory");
        return effective(Optional.of(lxcConfigDirectory), IncludeLimits.DEFAULT);
    }

    private Optional<EffectiveConfig> effective(Optional<Path> directory, IncludeLimits limits) {
        Optional<LxcConfig> root = config();
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Map<Path, byte[]> files = new HashMap<>();
        Map<Path, List<Path>> directories = new HashMap<>();
        Map<Path, Path> redirects = new HashMap<>();
        Path node = Path.of(CONFIG_DIRECTORY);
        for (Map.Entry<String, byte[]> f : Shipped.FILES.entrySet()) {
            Path stands = node.resolve(f.getKey()).toAbsolutePath().normalize();
            Optional<Path> local = directory.map(d -> d.resolve(f.getKey())).filter(Files::isRegularFile);
            if (local.isPresent()) {
                redirects.put(stands, local.get());
            } else {
                files.put(stands, f.getValue());
            }
        }
        for (Map.Entry<String, List<String>> d : SHIPPED_DIRECTORIES.entrySet()) {
            Path stands = node.resolve(d.getKey()).toAbsolutePath().normalize();
            Optional<Path> local = directory.map(dir -> dir.resolve(d.getKey())).filter(Files::isDirectory);
            if (local.isPresent()) {
                redirects.put(stands, local.get());
                d.getValue().forEach(name -> {
                    files.remove(node.resolve(name).toAbsolutePath().normalize());
                    redirects.remove(node.resolve(name).toAbsolutePath().normalize());
                });
            } else {
                List<Path> entries = new ArrayList<>();
                for (String name : d.getValue()) {
                    Path entry = node.resolve(name).toAbsolutePath().normalize();
                    entries.add(redirects.getOrDefault(entry, entry));
                }
                directories.put(stands, entries);
            }
        }
        return Optional.of(IncludeAccess.resolver().resolve(root.get(), Path.of("/var/lib/lxc/" + vmid),
                limits, new IncludeAccess.StandIns(files, directories, redirects)));
    }

    /** The files shipped for {@code /usr/share/lxc/config}, by name relative to it, placeholders filled in. */
    private static final class Shipped {
        static final Map<String, byte[]> FILES = load();

        private static Map<String, byte[]> load() {
            List<String> names = new ArrayList<>(List.of("common.conf", "userns.conf"));
            StartConfigGenerator.COMMON_CONF.stream().sorted().forEach(o -> names.add(o + ".common.conf"));
            StartConfigGenerator.USERNS_CONF.stream().sorted().forEach(o -> names.add(o + ".userns.conf"));
            SHIPPED_DIRECTORIES.values().forEach(names::addAll);
            Map<String, byte[]> out = new LinkedHashMap<>();
            for (String name : names) {
                try (InputStream in = StartConfig.class.getResourceAsStream("lxc-config/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("missing resource lxc-config/" + name);
                    }
                    String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                    for (Map.Entry<String, String> p : PLACEHOLDERS.entrySet()) {
                        text = text.replace(p.getKey(), p.getValue());
                    }
                    out.put(name, text.getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return Map.copyOf(out);
        }
    }

    /**
     * Returns whether Proxmox starts the container.
     *
     * @return {@code true} when there is no refusal
     */
    public boolean started() {
        return refusal.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StartConfig s && vmid == s.vmid && text.equals(s.text) && warnings.equals(s.warnings)
                && refusal.equals(s.refusal);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vmid, text, warnings, refusal);
    }

    @Override
    public String toString() {
        return "StartConfig[vm " + vmid + ", " + refusal.map(r -> "refused: " + r)
                .orElse(text.isEmpty() ? "no file" : text.split("\n", -1).length - 1 + " lines")
                + ", " + warnings.size() + " warnings]";
    }
}
