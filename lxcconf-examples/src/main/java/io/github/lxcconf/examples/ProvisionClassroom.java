package io.github.lxcconf.examples;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.Severity;
import io.github.lxcconf.StaleFileException;
import io.github.lxcconf.model.proxmox.IpConfig;
import io.github.lxcconf.model.proxmox.MountPoint;
import io.github.lxcconf.model.proxmox.NetworkDevice;
import io.github.lxcconf.model.proxmox.ProxmoxSettings;
import io.github.lxcconf.validate.Validation;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Provisioning: 30 student containers made from one Proxmox VE template config, each with its own
 * hostname, MAC address, IP address and root disk, all with the course folder mounted read-only; then
 * every file is read back and validated.
 *
 * <p>It writes {@code 201.conf} to {@code 230.conf} into a directory (default
 * {@code $TMPDIR/lxcconf-examples/students}), from the bundled {@code student-template.conf} or a template
 * given as second argument:
 *
 * <pre>{@code
 * java -cp lxcconf-examples/target/lxcconf-examples.jar io.github.lxcconf.examples.ProvisionClassroom [DIR [TEMPLATE]]
 * }</pre>
 *
 * A config file alone does not make a container: Proxmox VE reads {@code /etc/pve/lxc/VMID.conf}, but the
 * root disk it names ({@code local-lvm:vm-201-disk-0}) must exist too. On a real host, clone the template
 * container ({@code pct clone 200 201 --full}) and write the generated file over the clone's config, or
 * create the volumes with {@code pvesm alloc}.
 *
 * <p>Exit status: 0 when every container validates without errors, 1 when one has errors or a file changed
 * while it was written, 2 when a file cannot be read or written.
 */
public final class ProvisionClassroom {
    /** The bundled template's resource name. */
    public static final String TEMPLATE = "student-template.conf";
    /** How many students the class has. */
    public static final int STUDENTS = 30;
    /** The container id (VMID) of the first student; the others follow. */
    public static final int FIRST_VMID = 201;
    /** The classroom network: student N gets {@code 10.10.102.(100 + N)/24}. */
    public static final String NETWORK = "10.10.102.";
    /** The default gateway of the classroom network. */
    public static final String GATEWAY = "10.10.102.1";
    /** The course folder on the host, shared by every student. */
    public static final String SHARED_FOLDER = "/srv/classroom/102/shared";
    /** Where students find the course folder inside their container. */
    public static final String SHARED_MOUNT = "/mnt/shared";

    /**
     * One student's container: what differs between the generated configs.
     *
     * <pre>{@code
     * ProvisionClassroom.Student.of(1); // Student[number=1, vmid=201, hostname=lab-student-01, ...]
     * }</pre>
     *
     * @param number   the student's number, from 1
     * @param vmid     the container id, which is also the config's file name ({@code 201.conf})
     * @param hostname the container's hostname
     * @param mac      the MAC address of {@code net0}
     * @param ipv4     the IPv4 address of {@code net0}, with its prefix length
     */
    public record Student(int number, int vmid, String hostname, String mac, String ipv4) {

        /**
         * Returns student {@code number}'s container.
         *
         * @param number the student's number, 1 to 153 (the addresses end at .253)
         * @return the container's settings
         * @throws IllegalArgumentException if the number is outside 1-153
         */
        public static Student of(int number) {
            if (number < 1 || number > 153) {
                throw new IllegalArgumentException("student numbers are 1-153 (10.10.102.101-.253), got " + number);
            }
            int host = 100 + number;
            // A locally administered unicast MAC (first octet 02: "assigned here", not by a vendor) built from
            // the IPv4 address: deterministic, and unique as long as the addresses are. Proxmox accepts any
            // unicast MAC; the ones it generates itself start with its own vendor prefix BC:24:11 and end in
            // three random bytes, so a made-up address under that prefix could meet a generated one.
            String mac = String.format("02:00:%02X:%02X:%02X:%02X", 10, 10, 102, host);
            return new Student(number, FIRST_VMID + number - 1, String.format("lab-student-%02d", number), mac,
                    NETWORK + host + "/24");
        }

        /**
         * Returns the config's file name, as Proxmox names it: {@code VMID.conf}.
         *
         * @return the file name
         */
        public String fileName() {
            return vmid + ".conf";
        }
    }

    private ProvisionClassroom() {
    }

    /**
     * Runs the example and exits with its status.
     *
     * @param args an optional output directory, then an optional template config
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the example, printing to the given streams.
     *
     * @param args an optional output directory, then an optional template config
     * @param out  where the summary goes
     * @param err  where problems are reported
     * @return the exit status: 0 all valid, 1 errors found or a file changed meanwhile, 2 an I/O problem
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 2) {
            err.println("usage: ProvisionClassroom [DIR [TEMPLATE]]");
            return 2;
        }
        try {
            Path dir = args.length > 0 ? Path.of(args[0])
                    : Path.of(System.getProperty("java.io.tmpdir"), "lxcconf-examples", "students");
            LxcConfig template = args.length > 1 ? LxcConfig.parse(Path.of(args[1])) : template();

            // Generate and write every container's config. A file that is already there (from an earlier
            // run) is replaced only if nobody changed it between our reading and our writing.
            Files.createDirectories(dir);
            List<Path> written = new ArrayList<>();
            for (Student student : students()) {
                LxcConfig config = container(template, student);
                Path file = dir.resolve(student.fileName());
                if (Files.exists(file)) {
                    config.writeTo(file, LxcConfig.parse(file).digest());
                } else {
                    config.writeTo(file);
                }
                written.add(file);
            }

            // Read every file back, as Proxmox would, and validate it.
            out.printf("%-9s %-15s %-18s %-17s %s%n", "file", "hostname", "MAC", "IPv4", "result");
            Set<String> hostnames = new HashSet<>();
            Set<String> macs = new HashSet<>();
            Set<String> addresses = new HashSet<>();
            int errors = 0;
            int warnings = 0;
            for (Path file : written) {
                LxcConfig config = LxcConfig.parse(file);
                ProxmoxSettings pve = config.proxmox();
                Optional<NetworkDevice> net0 = pve.network(0);
                String hostname = pve.hostname().orElse("?");
                String mac = net0.flatMap(NetworkDevice::hwaddr).orElse("?");
                String ip = net0.flatMap(NetworkDevice::ip).map(IpConfig::toString).orElse("?");
                hostnames.add(hostname);
                macs.add(mac);
                addresses.add(ip);
                Validation validation = config.validate();
                int warned = validation.warnings().size();
                errors += validation.errors().size();
                warnings += warned;
                out.printf("%-9s %-15s %-18s %-17s %s%n", file.getFileName(), hostname, mac, ip,
                        validation.errors().isEmpty() && warned == 0 ? "ok"
                                : validation.errors().size() + " errors, " + warned + " warnings");
                for (Diagnostic d : validation.diagnostics()) {
                    if (d.severity() != Severity.INFO) {
                        out.println("    " + d);
                    }
                }
            }
            out.printf("%n%d containers in %s, each with %s mounted read-only at %s%n", written.size(), dir,
                    SHARED_FOLDER, SHARED_MOUNT);
            out.printf("%d distinct hostnames, %d distinct MAC addresses, %d distinct IPv4 addresses%n",
                    hostnames.size(), macs.size(), addresses.size());
            out.printf("%d errors, %d warnings%n", errors, warnings);
            boolean distinct = hostnames.size() == STUDENTS && macs.size() == STUDENTS
                    && addresses.size() == STUDENTS;
            return errors == 0 && distinct ? 0 : 1;
        } catch (StaleFileException e) {
            err.println("ProvisionClassroom: " + e.file() + " changed while it was written; it was left as it is");
            return 1;
        } catch (NoSuchFileException e) {
            err.println("ProvisionClassroom: no such file: " + e.getFile());
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("ProvisionClassroom: " + e.getMessage());
            return 2;
        }
    }

    /**
     * Returns the bundled template: an unprivileged Debian container on bridge {@code vmbr1}, with comments
     * that Proxmox shows as its Notes.
     *
     * @return the parsed template, named {@code student-template.conf}
     */
    public static LxcConfig template() {
        return Bundled.config(TEMPLATE);
    }

    /**
     * Makes one student's container config from the template. Only the lines that differ change, each
     * in place: {@code hostname}; in {@code net0}, the fields {@code hwaddr}, {@code ip} and {@code gw}
     * (the other fields keep their place and spelling; a field the template lacks goes where Proxmox
     * prints it); the volume of {@code rootfs}, so that every student has a disk of their own; and a new
     * mount point (the first free {@code mpN}), a bind mount of the course folder. Every comment and every other line stays byte for byte.
     *
     * <pre>{@code
     * LxcConfig c = ProvisionClassroom.container(ProvisionClassroom.template(), Student.of(1));
     * c.value("hostname");  // Optional[lab-student-01]
     * c.value("mp0");       // Optional[/srv/classroom/102/shared,mp=/mnt/shared,ro=1]
     * }</pre>
     *
     * @param template a Proxmox config with a {@code net0} and a {@code rootfs}
     * @param student  the student
     * @return the student's config
     * @throws IllegalArgumentException if the template is not a Proxmox config
     */
    public static LxcConfig container(LxcConfig template, Student student) {
        return template.edit()
                .set("hostname", student.hostname())
                .setNetwork(0, "hwaddr", student.mac())
                .setNetwork(0, "ip", student.ipv4())
                .setNetwork(0, "gw", GATEWAY)
                // Proxmox names a container's volumes vm-VMID-disk-N
                .setMountPoint("rootfs", "volume", rootfsStorage(template) + ":vm-" + student.vmid() + "-disk-0")
                // A host path as the volume makes a bind mount; ro=1 keeps students from changing it. The
                // template's own mount points stay: the course folder takes the first free mpN (mp0 here).
                .addMountPoint(SHARED_FOLDER, SHARED_MOUNT, "ro=1")
                .build();
    }

    private static String rootfsStorage(LxcConfig template) {
        return template.proxmox().rootfs().flatMap(MountPoint::storage).orElse("local-lvm");
    }

    /**
     * Returns the students of the class, in order.
     *
     * @return {@link #STUDENTS} students, numbered from 1
     */
    public static List<Student> students() {
        List<Student> out = new ArrayList<>();
        for (int number = 1; number <= STUDENTS; number++) {
            out.add(Student.of(number));
        }
        return out;
    }
}
