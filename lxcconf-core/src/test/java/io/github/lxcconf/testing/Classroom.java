package io.github.lxcconf.testing;

/**
 * The classroom config of the examples (lxcconf-examples' {@code classroom-102.conf}), byte for byte: a
 * Proxmox template with KVM and TUN lines copied from tutorials.
 */
public final class Classroom {

    /** The file as it is, {@code template: 1} included. */
    public static final String TEXT = """
            arch: amd64
            cores: 2
            hostname: ubuntu-gns3vm2-clone
            memory: 4096
            net0: name=eth0,bridge=vmbr0,hwaddr=86:4B:53:B7:66:0A,ip=dhcp,type=veth
            ostype: ubuntu
            rootfs: local-lvm:base-102-disk-0,size=16G
            swap: 2048
            template: 1

            # LINES IN QUESTION
            # This line seems to pass through the host CPU's virtualization features
            lxc.cgroup.devices.allow: c 10:232 rwm

            # These lines were needed for virtual machine networking to behave, I don't really understand them either
            lxc.cgroup.devices.allow: c 10:200 rwm
            lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file
            """;

    /** The same file with its template flag cleared ({@code 0} in place: every line keeps its number). */
    public static final String STARTABLE = TEXT.replace("template: 1\n", "template: 0\n");

    private Classroom() {
    }
}
