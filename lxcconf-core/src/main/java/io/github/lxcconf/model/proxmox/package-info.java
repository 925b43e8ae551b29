/**
 * What Proxmox VE reads from a container config: typed options, property
 * strings, the description, snapshots and pending changes, checked as
 * Proxmox's own reader checks them.
 *
 * <p>The entry point is {@link io.github.lxcconf.LxcConfig#proxmox()}, which
 * gives a {@link io.github.lxcconf.model.proxmox.ProxmoxSettings}. Option names,
 * types, defaults and property-string sub-keys come from the two tables of the
 * format research, copied verbatim into this package's resources and loaded by
 * {@link io.github.lxcconf.model.proxmox.OptionSchema}.
 *
 * <p>This package holds values; what Proxmox does with the file (what it writes back, the native
 * config it generates at start) is {@code io.github.lxcconf.proxmox}.
 *
 * <pre>{@code
 * ProxmoxSettings pve = LxcConfig.parse(Path.of("/etc/pve/lxc/102.conf")).proxmox();
 * NetworkDevice net0 = pve.network(0).orElseThrow();
 * net0.with("ip", "10.0.0.5/24").value().toValue(); // net0 with only the ip field changed
 * pve.diagnostics();                                // what Proxmox warns about when it reads the file
 * }</pre>
 */
package io.github.lxcconf.model.proxmox;
