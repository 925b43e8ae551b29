package io.github.lxcconf.it;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Probes device access inside a container, many devices in one start: for each device a read-only open,
 * a write-only open, a read-write open and a mknod, each reported as granted or refused by the device
 * cgroup (EPERM). Output goes through the script's standard output, never through /dev/null, which the
 * rules under test may deny.
 */
public final class DeviceProbe {

    /** One probed access, as the kernel's device cgroup sees it. */
    public enum Access {
        /** {@code open(O_RDONLY)}: needs r. */
        READ("r"),
        /** {@code open(O_WRONLY)}: needs w. */
        WRITE("w"),
        /** {@code open(O_RDWR)}: needs r and w at once. */
        READ_WRITE("rw"),
        /** {@code mknod}: needs m. */
        MKNOD("m");

        private final String letters;

        Access(String letters) {
            this.letters = letters;
        }

        /** Returns the access letters the kernel checks, such as {@code rw}. */
        public String letters() {
            return letters;
        }
    }

    /** A device node to probe: its numbers, the node on the host, and where it appears in the container. */
    public record Device(String name, char type, int major, int minor, String path) {

        /** Returns the host node for this device ({@link Containers#hostNode}). */
        public String hostNode() {
            return Containers.hostNode(path, type, major, minor).toString();
        }

        /** Returns the bind mount that makes the host node appear at {@link #path()}. */
        public String mountEntry() {
            return "lxc.mount.entry = " + hostNode() + " " + path.substring(1) + " none bind,create=file 0 0";
        }

        @Override
        public String toString() {
            return name + " (" + type + " " + major + ":" + minor + ")";
        }
    }

    /** /dev/kvm: 10:232 (a node made with mknod when the host has no kvm driver). */
    public static final Device KVM = new Device("kvm", 'c', 10, 232, "/dev/kvm");
    /** /dev/net/tun: 10:200. */
    public static final Device TUN = new Device("tun", 'c', 10, 200, "/dev/net/tun");
    /** /dev/fuse: 10:229, allowed by common.conf. */
    public static final Device FUSE = new Device("fuse", 'c', 10, 229, "/dev/fuse");
    /** /dev/loop-control: 10:237. */
    public static final Device LOOP_CONTROL = new Device("loop-control", 'c', 10, 237, "/dev/loop-control");
    /** /dev/loop0: block 7:0. */
    public static final Device LOOP0 = new Device("loop0", 'b', 7, 0, "/dev/loop0");
    /** /dev/null: 1:3, made by liblxc's autodev, so not bind-mounted. */
    public static final Device NULL = new Device("null", 'c', 1, 3, "/dev/null");

    /** The devices the matrix probes. */
    public static final List<Device> ALL = List.of(KVM, TUN, FUSE, LOOP_CONTROL, LOOP0, NULL);

    private DeviceProbe() {
    }

    /** Returns the mount entries that make these devices appear in the container (none for /dev/null). */
    public static List<String> mountEntries(List<Device> devices) {
        List<String> lines = new ArrayList<>();
        for (Device d : devices) {
            if (d != NULL) {
                lines.add(d.mountEntry());
            }
        }
        return lines;
    }

    /** Returns the shell script that probes every access of every device and prints one line each. */
    public static String script(List<Device> devices) {
        StringBuilder s = new StringBuilder();
        // opens are redirections of the builtin "true" (no fork); the error goes to a file on the tmpfs /tmp
        // and is read back with the builtin "read". A refused open or mknod fails with EPERM; an open the
        // cgroup lets through either works or fails in the driver (ENXIO/ENODEV: no driver for the node)
        s.append("p() { eval \"$2\"; r=$?; o=; read -r o </tmp/probe-err; case \"$o\" in ")
                .append("*'Operation not permitted'*) echo \"$1 D\";; ")
                .append("*'No such device'*) echo \"$1 Y\";; ")
                .append("*) if [ $r = 0 ]; then echo \"$1 Y\"; else echo \"$1 E $o\"; fi;; ")
                .append("esac; }\n");
        int n = 0;
        for (Device d : devices) {
            String open = " 'true 2>/tmp/probe-err ";
            s.append("p ").append(id(d, Access.READ)).append(open).append('<').append(d.path()).append("'\n");
            s.append("p ").append(id(d, Access.WRITE)).append(open).append(">>").append(d.path()).append("'\n");
            s.append("p ").append(id(d, Access.READ_WRITE)).append(open).append("<>").append(d.path()).append("'\n");
            String node = "/tmp/probe-node-" + n++;
            s.append("p ").append(id(d, Access.MKNOD)).append(" 'mknod ").append(node).append(' ')
                    .append(d.type()).append(' ').append(d.major()).append(' ').append(d.minor())
                    .append(" 2>/tmp/probe-err'\n");
        }
        s.append("echo probes-done\n");
        return s.toString();
    }

    /**
     * Returns the kernel's verdict (granted or not) for every device and access, read from a run of
     * {@link #script}.
     *
     * @throws AssertionError if the run did not finish the probes, or a probe failed for another reason
     */
    public static Map<Device, Map<Access, Boolean>> verdicts(List<Device> devices, ContainerRun run) {
        if (!run.stdout().contains("probes-done")) {
            throw new AssertionError("the probes did not run to the end\n" + run.describe());
        }
        Map<String, String> byId = new LinkedHashMap<>();
        for (String line : run.stdout().split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                byId.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        Map<Device, Map<Access, Boolean>> result = new LinkedHashMap<>();
        for (Device d : devices) {
            Map<Access, Boolean> perAccess = new EnumMap<>(Access.class);
            for (Access a : Access.values()) {
                String v = byId.get(id(d, a));
                if (v == null || !(v.equals("Y") || v.equals("D"))) {
                    throw new AssertionError("probe " + id(d, a) + " gave " + v + "\n" + run.describe());
                }
                perAccess.put(a, v.equals("Y"));
            }
            result.put(d, perAccess);
        }
        return result;
    }

    private static String id(Device d, Access a) {
        return d.name() + "." + a.letters();
    }
}
