/**
 * What Proxmox VE does with a container config: the file it writes back on its next write
 * ({@link io.github.lxcconf.proxmox.ProxmoxRewrite}), the native LXC config {@code pct start} generates from it
 * ({@link io.github.lxcconf.proxmox.StartConfig}), on a node described by
 * {@link io.github.lxcconf.proxmox.ProxmoxNode}, and the container's effective native config: that file with
 * the files of the node's {@code /usr/share/lxc/config} it includes
 * ({@link io.github.lxcconf.proxmox.StartConfig#effective()}).
 *
 * <p>The typed view of the Proxmox format itself (options, property strings, snapshots) is
 * {@code io.github.lxcconf.model.proxmox}; this package holds behaviour.
 *
 * <pre>{@code
 * LxcConfig pve = LxcConfig.parse(Path.of("/etc/pve/lxc/101.conf"));
 * pve.proxmoxRewrite().diagnostics(); // comments that move, lines dropped on Proxmox's next write
 * StartConfig start = pve.startConfig(ProxmoxNode.builder().cpus(8).seed(1).build());
 * start.refusal().ifPresentOrElse(System.err::println, () -> System.out.print(start.text()));
 * start.effective().ifPresent(eff -> eff.values("lxc.cgroup2.devices.allow")); // common.conf's rules, the devN rules
 * }</pre>
 */
package io.github.lxcconf.proxmox;
