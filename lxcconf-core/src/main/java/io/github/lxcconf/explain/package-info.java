/**
 * Plain-English explanations of LXC and Proxmox container configs: what every
 * line does and what the container may do as a whole.
 *
 * <pre>{@code
 * System.out.print(LxcConfig.parse(Path.of("/etc/pve/lxc/102.conf")).explain().toText());
 * }</pre>
 */
package io.github.lxcconf.explain;
