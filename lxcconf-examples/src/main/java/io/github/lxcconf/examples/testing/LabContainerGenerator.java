package io.github.lxcconf.examples.testing;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.model.KnownDevice;

import java.util.Objects;

/**
 * A small config generator of the kind a lab administrator writes: one container per lab seat, made from a
 * template, with {@code /dev/kvm} and {@code /dev/net/tun} passed through (for nested virtual machines and
 * VPNs), the course folder bind-mounted, and its own hostname, MAC and IPv4 address. It makes a Proxmox VE
 * config ({@code /etc/pve/lxc/VMID.conf}) or a native LXC one ({@code /var/lib/lxc/NAME/config}).
 * {@code LabContainerGeneratorTest} shows how to test such a generator with {@code lxcconf-assertj}.
 *
 * <pre>{@code
 * LabContainerGenerator.Lab lab = new LabContainerGenerator.Lab(307, "lab-07", "BC:24:11:00:00:07",
 *         "10.10.0.107/24", "10.10.0.1", "/srv/lab/shared");
 * LxcConfig pve = LabContainerGenerator.proxmox(lab);   // 307.conf: dev0, dev1, mp0, net0 set
 * LxcConfig lxc = LabContainerGenerator.lxc(lab);       // lab-07/config: device rules, mount entries, lxc.net.0.*
 * pve.writeTo(Path.of("/etc/pve/lxc/307.conf"));
 * }</pre>
 */
public final class LabContainerGenerator {

    /** Where the course folder appears inside every container. */
    public static final String SHARED_MOUNT = "/mnt/shared";

    /** The Proxmox VE template: an unprivileged Ubuntu container on bridge vmbr0. */
    static final String PROXMOX_TEMPLATE = """
            # Lab seat: nested virtual machines (KVM) and VPNs (TUN) work inside.
            arch: amd64
            cores: 2
            hostname: lab-template
            memory: 4096
            net0: name=eth0,bridge=vmbr0,hwaddr=BC:24:11:00:00:00,ip=dhcp,type=veth
            ostype: ubuntu
            rootfs: local-lvm:vm-300-disk-0,size=16G
            swap: 1024
            unprivileged: 1
            """;

    /** The native LXC template: a privileged container on LXC's default bridge. */
    static final String LXC_TEMPLATE = """
            # Lab seat: nested virtual machines (KVM) and VPNs (TUN) work inside.
            lxc.include = /usr/share/lxc/config/common.conf
            lxc.arch = amd64
            lxc.uts.name = lab-template
            lxc.rootfs.path = dir:/var/lib/lxc/lab-template/rootfs
            lxc.net.0.type = veth
            lxc.net.0.link = lxcbr0
            lxc.net.0.flags = up
            lxc.net.0.hwaddr = 00:16:3e:00:00:00
            """;

    private LabContainerGenerator() {
    }

    /**
     * What differs between lab seats.
     *
     * <pre>{@code
     * new LabContainerGenerator.Lab(307, "lab-07", "BC:24:11:00:00:07", "10.10.0.107/24", "10.10.0.1", "/srv/lab/shared");
     * }</pre>
     *
     * @param vmid         the Proxmox container id; the Proxmox config is {@code VMID.conf}
     * @param hostname     the container's hostname (and, for LXC, its name)
     * @param mac          the MAC address of the first interface
     * @param ipv4         the IPv4 address of the first interface, with its prefix length
     * @param gateway      the IPv4 default gateway
     * @param sharedFolder the course folder on the host, mounted at {@link #SHARED_MOUNT}
     */
    public record Lab(int vmid, String hostname, String mac, String ipv4, String gateway, String sharedFolder) {

        /**
         * Checks that no component is null and the id is one Proxmox accepts.
         *
         * @throws NullPointerException     if a component is null
         * @throws IllegalArgumentException if the id is below 100
         */
        public Lab {
            Objects.requireNonNull(hostname, "hostname");
            Objects.requireNonNull(mac, "mac");
            Objects.requireNonNull(ipv4, "ipv4");
            Objects.requireNonNull(gateway, "gateway");
            Objects.requireNonNull(sharedFolder, "sharedFolder");
            if (vmid < 100) {
                throw new IllegalArgumentException("Proxmox container ids start at 100, got " + vmid);
            }
        }
    }

    /**
     * Makes the Proxmox VE config of a lab seat: {@code devN} options pass the devices through, {@code mp0}
     * mounts the course folder, {@code net0} gets the seat's address.
     *
     * <pre>{@code
     * LabContainerGenerator.proxmox(lab).value("dev0"); // Optional[/dev/kvm]
     * }</pre>
     *
     * @param lab the seat
     * @return the config, named {@code VMID.conf}
     */
    public static LxcConfig proxmox(Lab lab) {
        return LxcConfig.reader().sourceName(lab.vmid() + ".conf").parse(PROXMOX_TEMPLATE).edit()
                .set("hostname", lab.hostname())
                .setMountPoint("rootfs", "volume", "local-lvm:vm-" + lab.vmid() + "-disk-0")
                .setNetwork(0, "hwaddr", lab.mac())
                .setNetwork(0, "ip", lab.ipv4())
                .setNetwork(0, "gw", lab.gateway())
                .proxmoxDevice(KnownDevice.KVM.path())
                .proxmoxDevice(KnownDevice.TUN.path())
                .setMountPoint("mp0", "volume", lab.sharedFolder())
                .setMountPoint("mp0", "mp", SHARED_MOUNT)
                .build();
    }

    /**
     * Makes the native LXC config of a lab seat: cgroup2 device rules and bind mounts pass the devices
     * through, an {@code lxc.mount.entry} mounts the course folder, {@code lxc.net.0.*} gets the address.
     *
     * <pre>{@code
     * LabContainerGenerator.lxc(lab).values("lxc.cgroup2.devices.allow"); // [c 10:232 rwm, c 10:200 rwm]
     * }</pre>
     *
     * @param lab the seat
     * @return the config, named {@code HOSTNAME/config}
     */
    public static LxcConfig lxc(Lab lab) {
        return LxcConfig.reader().sourceName(lab.hostname() + "/config").parse(LXC_TEMPLATE).edit()
                .set("lxc.uts.name", lab.hostname())
                .set("lxc.rootfs.path", "dir:/var/lib/lxc/" + lab.hostname() + "/rootfs")
                .setNetwork(0, "hwaddr", lab.mac())
                .setNetwork(0, "ipv4.address", lab.ipv4())
                .setNetwork(0, "ipv4.gateway", lab.gateway())
                .passthrough(KnownDevice.KVM)
                .passthrough(KnownDevice.TUN)
                .bindMount(lab.sharedFolder(), SHARED_MOUNT)
                .build();
    }
}
