package io.github.lxcconf.proxmox;

import io.github.lxcconf.LxcConfig;

import java.util.List;
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
 * }</pre>
 */
public final class StartConfig {
    private final int vmid;
    private final String text;
    private final List<String> warnings;
    private final Optional<String> refusal;

    private StartConfig(int vmid, String text, List<String> warnings, Optional<String> refusal) {
        this.vmid = vmid;
        this.text = text;
        this.warnings = List.copyOf(warnings);
        this.refusal = refusal;
    }

    static StartConfig started(int vmid, String text, List<String> warnings) {
        return new StartConfig(vmid, text, warnings, Optional.empty());
    }

    static StartConfig refused(int vmid, String message, List<String> warnings) {
        return new StartConfig(vmid, "", warnings, Optional.of(message));
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
