package io.github.lxcconf;

/**
 * The two dialects of container config that lxcconf reads.
 *
 * <pre>{@code
 * LxcConfig pve = LxcConfig.parseText("arch: amd64\n");
 * assert pve.dialect() == Dialect.PROXMOX;
 * LxcConfig lxc = LxcConfig.parseText("lxc.arch = amd64\n");
 * assert lxc.dialect() == Dialect.LXC;
 * }</pre>
 */
public enum Dialect {
    /**
     * Native LXC: {@code lxc.key = value}, as liblxc reads
     * {@code /var/lib/lxc/NAME/config} and the files it includes.
     */
    LXC,
    /**
     * Proxmox VE: {@code key: value} options, raw {@code lxc.*} lines, snapshot
     * sections {@code [name]} and the {@code [pve:pending]} section, as Proxmox
     * reads {@code /etc/pve/lxc/VMID.conf}.
     */
    PROXMOX
}
