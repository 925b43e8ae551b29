package io.github.lxcconf.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.LxcConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("config.explain(): plain-English explanations")
class ExplanationTest {

    private static final boolean UPDATE = Boolean.getBoolean("explain.update");

    /** Corpus files whose first lines have a golden explanation, with how many lines. */
    private static final List<String[]> GOLDEN_CORPUS = List.of(
            new String[] {"lxc/lxc-upstream/head/templates/common.conf", "40"},
            new String[] {"lxc/lxc-upstream/head/doc-examples/lxc-complex.conf", "30"},
            new String[] {"pve/pve-container-tests/snapshot-expected/commit/101.conf", "30"},
            new String[] {"pve/realworld/ryanjoshuachildress__frogstown.com/proxmox_lxc_100.conf", "30"},
            new String[] {"pve/synthetic/edge-mixed-comments-invalid-lines-sections.conf", "30"});

    /** Lines of every other corpus config (not Proxmox's rewrites of them) kept in a golden file. */
    private static final String FIRST_LINES = "12";

    /** The hand-picked files with their line counts, then the first lines of every other corpus config. */
    static Stream<String[]> goldenCorpus() {
        Set<String> picked = GOLDEN_CORPUS.stream().map(g -> g[0]).collect(Collectors.toSet());
        return Stream.concat(GOLDEN_CORPUS.stream(), corpusFiles().stream()
                .filter(name -> !picked.contains(name) && !name.contains("/proxmox-rewrite/")
                        && !name.contains("/proxmox-start/"))
                .map(name -> new String[] {name, FIRST_LINES}));
    }

    static Path resource(String name) {
        URL url = ExplanationTest.class.getResource(name);
        assertThat(url).as(name + " on the test class path").isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("summary(Items) hands out the devices and host paths that summary() lists, in order, and the rest")
    void summaryItems() throws IOException {
        int withLists = 0;
        for (String name : corpusFiles()) {
            LxcConfig config = LxcConfig.parse(resource("/corpus/" + name));
            Explanation e = config.explain();
            Summary whole = e.summary();
            List<String> seen = new java.util.ArrayList<>();
            Summary rest = e.summary(new Summary.Items() {
                @Override
                public void unprivileged(boolean unprivileged) {
                    seen.add("unprivileged " + unprivileged);
                }

                @Override
                public void device(String item) {
                    seen.add("device " + item);
                }

                @Override
                public void hostPath(String item) {
                    seen.add("host " + item);
                }
            });
            List<String> expected = new java.util.ArrayList<>();
            expected.add("unprivileged " + whole.unprivileged());
            whole.devices().forEach(d -> expected.add("device " + d));
            whole.hostPaths().forEach(h -> expected.add("host " + h));
            assertThat(seen).as(name).isEqualTo(expected);
            assertThat(rest).as(name).isEqualTo(new Summary(whole.unprivileged(), List.of(), List.of(),
                    whole.capabilities(), whole.features(), whole.relaxations(), whole.warnings(),
                    whole.capabilitySettings()));
            StringBuilder text = new StringBuilder();
            e.writeSummaryTo(text);
            assertThat(text.toString()).as(name).isEqualTo(whole.text());
            if (!whole.devices().isEmpty() && !whole.hostPaths().isEmpty()) {
                withLists++;
            }
        }
        assertThat(withLists).as("corpus configs with devices and host paths").isGreaterThan(10);
    }

    @Test
    @DisplayName("devicePolicy() is the config's device decision, made once while the caller holds it")
    void devicePolicy() throws IOException {
        int rules = 0;
        for (String name : corpusFiles()) {
            LxcConfig config = LxcConfig.parse(resource("/corpus/" + name));
            Explanation e = config.explain();
            io.github.lxcconf.device.DevicePolicy held = e.devicePolicy();
            assertThat(e.devicePolicy()).as(name).isSameAs(held);
            io.github.lxcconf.device.DevicePolicy own = io.github.lxcconf.device.DevicePolicy.of(config);
            assertThat(held.lines()).as(name).isEqualTo(own.lines());
            for (io.github.lxcconf.model.DeviceRule rule : config.lxc().deviceRules()) {
                for (io.github.lxcconf.device.HostLayout layout : io.github.lxcconf.device.HostLayout.values()) {
                    assertThat(held.decide(layout, rule)).as(name + " " + rule + " " + layout)
                            .isEqualTo(own.decide(layout, rule));
                }
                rules++;
            }
        }
        assertThat(rules).as("device rules in the corpus").isGreaterThan(100);
    }

    static List<String> corpusFiles() {
        Path root = resource("/corpus");
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".conf"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lone surrogates (lxcconf's stand-ins for bytes that are not UTF-8) as {@code \\uDCxx}, so the golden file is UTF-8. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void golden(Path goldenFile, String raw) throws IOException {
        String actual = printable(raw);
        if (UPDATE) {
            Files.createDirectories(goldenFile.getParent());
            Files.writeString(goldenFile, actual, StandardCharsets.UTF_8);
        }
        assertThat(goldenFile).as("golden file " + goldenFile).exists();
        assertThat(actual).isEqualTo(Files.readString(goldenFile, StandardCharsets.UTF_8));
    }

    private static Path sourceResources() {
        return Path.of("src/test/resources").toAbsolutePath();
    }

    @Test
    void aCommentBlockIsExplainedOnceAndNotesEscapesAreDecoded() {
        LxcConfig c = LxcConfig.reader().dialect(io.github.lxcconf.Dialect.PROXMOX)
                .parse("#Web server%3A nginx\n#second line\narch: amd64\n");
        Explanation e = c.explain();
        assertThat(e.line(1).orElseThrow().sentences()).startsWith("A comment: Proxmox does not read it as a setting.")
                .endsWith("In the Notes it reads: Web server: nginx");
        assertThat(e.line(2).orElseThrow().sentences())
                .containsExactly("Part of the comment block that starts on line 1.");
    }

    private static LxcConfig classroom() throws IOException {
        return LxcConfig.parse(resource("/explain/classroom-102.conf"));
    }

    @Test
    @DisplayName("the classroom config's explanation equals the golden file")
    void classroomGolden() throws IOException {
        String text = classroom().explain().toText();
        Path golden = UPDATE ? sourceResources().resolve("explain/classroom-102.conf.explain")
                : resource("/explain/classroom-102.conf.explain");
        golden(golden, text);
    }

    @Test
    @DisplayName("c 10:232 rwm: device rule, character device, /dev/kvm, rwm, common.conf, cgroup2")
    void kvmRule() throws IOException {
        LineExplanation line = classroom().explain().line(13).orElseThrow();
        assertThat(line.text()).isEqualTo("lxc.cgroup.devices.allow: c 10:232 rwm");
        assertThat(line.sentences()).contains(
                "'c' = character device: a device read and written as a stream of bytes"
                        + " (terminals, /dev/kvm, /dev/net/tun, serial ports).",
                "10:232 is /dev/kvm (hardware virtualisation: lets QEMU run virtual machines with KVM"
                        + " acceleration).",
                "'rwm' = read, write and mknod (create the device node).",
                "It re-allows what LXC's default lxc.cgroup.devices.deny = a (common.conf) took away:"
                        + " by default a container may use only a short list of devices such as /dev/null,"
                        + " /dev/zero and /dev/tty.",
                "This is a cgroup v1 key: on a cgroup2 host (Proxmox VE 7 and later, and most current"
                        + " distributions) it is ignored, and 'lxc.cgroup2.devices.allow: c 10:232 rwm' is needed"
                        + " instead.");
        assertThat(line.sentences().get(0)).startsWith("A cgroup device-access rule: it allows the container");
    }

    @Test
    @DisplayName("the /dev/net/tun bind mount: bind, relative target, create=file, TUN/TAP for QEMU")
    void tunMount() throws IOException {
        LineExplanation line = classroom().explain().line(17).orElseThrow();
        assertThat(line.text()).isEqualTo("lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file");
        assertThat(line.sentences()).contains(
                "A bind mount: the host's /dev/net/tun also appears inside the container at dev/net/tun,"
                        + " so both see the same device.",
                "The target dev/net/tun has no leading /: it is relative to the container's root filesystem,"
                        + " which is what LXC expects.",
                "'create=file' makes an empty file at dev/net/tun to mount onto if it does not exist.",
                "/dev/net/tun is for TUN/TAP virtual network interfaces: VPNs (OpenVPN, WireGuard in user space,"
                        + " Tailscale) and networking for QEMU virtual machines.");
    }

    @Test
    @DisplayName("the classroom summary: privileged, two devices, no host paths, v1 and template warnings")
    void classroomSummary() throws IOException {
        Summary s = classroom().explain().summary();
        assertThat(s.unprivileged()).isFalse();
        assertThat(s.devices()).containsExactly(
                "lxc.cgroup.devices.allow c 10:232 rwm: /dev/kvm, read, write and mknod (create the device node);"
                        + " on a Proxmox VE 7+ node (pure cgroup2) (rw): denied, because line 13 is a cgroup v1 key,"
                        + " which a cgroup2 host ignores; fixed by 'dev1: /dev/kvm' (Proxmox VE 8.1 and later; Proxmox"
                        + " also creates the device node) or by 'lxc.cgroup2.devices.allow: c 10:232 rwm'",
                "lxc.cgroup.devices.allow c 10:200 rwm: /dev/net/tun, read, write and mknod (create the device node);"
                        + " on a Proxmox VE 7+ node (pure cgroup2) (rw): denied, because line 16 is a cgroup v1 key,"
                        + " which a cgroup2 host ignores; fixed by 'dev0: /dev/net/tun' (Proxmox VE 8.1 and later;"
                        + " Proxmox also creates the device node) or by 'lxc.cgroup2.devices.allow: c 10:200 rwm'");
        assertThat(s.hostPaths()).containsExactly("/dev/net/tun -> dev/net/tun");
        assertThat(s.warnings()).hasSize(2);
        assertThat(s.warnings().get(0)).startsWith("2 cgroup v1 device rules");
        assertThat(s.text()).startsWith("Privileged container");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            lxc.cgroup2.devices.allow = c *:* m  | '*:*' placeholder | *:* uses the wildcard * for the major number
            lxc.cgroup2.devices.allow = c *:* m  | m alone           | With 'm' alone the container may create device files but not open them.
            lxc.cgroup2.devices.allow = b 7:* rwm | loop             | 7:* means every device of major 7 (the * covers every minor number): /dev/loop0..
            lxc.cgroup2.devices.allow = a        | allow all         | 'a' means every device, of every type and number
            lxc.cgroup2.devices.deny = a         | deny all          | 'a' means every device: the container may use none
            lxc.cgroup2.devices.allow = c 509:* rwm | dynamic        | Major 509 is in a range the kernel hands out at boot (dynamic)
            lxc.cgroup2.devices.allow = c 509:* rwm | dynamic list   | Devices that get such numbers include /dev/nvidia-uvm, /dev/nvidia-uvm-tools, /dev/nvidia-caps/*; /dev/nvme0, /dev/ng0n1.
            lxc.cgroup2.devices.deny = a\\nlxc.cgroup2.devices.allow = c 10:232 rwm | deny above | It re-allows what the deny-every-device rule 'a' on line 1 of this file took away.
            lxc.cgroup2.devices.allow = c 10:232 rwm | no v1 warning | A cgroup device-access rule: it allows
            lxc.mount.entry = /dev/dri dev/dri none bind,optional,create=dir | optional | 'optional' means a missing source is not an error
            lxc.mount.entry = /dev/kvm /dev/kvm none bind | absolute  | The target starts with / and this config sets no lxc.rootfs.path
            lxc.rootfs.path = dir:/var/lib/lxc/a/rootfs\\nlxc.mount.entry = /srv /var/lib/lxc/a/rootfs/mnt none bind | inside rootfs | contains the container's rootfs path, so LXC mounts it at /mnt inside the container
            lxc.rootfs.path = dir:/var/lib/lxc/a/rootfs\\nlxc.mount.entry = /srv /mnt none bind | outside rootfs | does not contain the container's rootfs path, so LXC skips this entry
            lxc.mount.entry = /dev/kvm dev/kvm none bind | no create  | Without create=file the mount fails
            lxc.idmap = u 0 100000 65536         | idmap             | Maps container user IDs 0-65535 to host user IDs 100000-165535.
            lxc.idmap = u 0 18446744073709551615 1 | 2^64-1 host id | Maps container user IDs 0 to host user IDs 18446744073709551615.
            lxc.idmap = u 0 100000 0             | empty range       | Maps container user IDs (none: the range is 0) to host user IDs (none: the range is 0).
            lxc.cap.drop = 0x15 010              | cap numbers       | This line takes 0x15 (mount file systems and many other administration tasks), 010 (change process capabilities) away
            lxc.idmap = u 1000 1000 1            | split idmap       | /etc/subuid needs a line 'root:1000:1' (or one that covers it). Proxmox refuses to start the container without it
            lxc.idmap = g 0 100000 1000          | split gid idmap   | /etc/subgid needs a line 'root:100000:1000'
            lxc.apparmor.profile = unconfined    | unconfined        | Turns AppArmor off for this container
            lxc.cap.drop = sys_module sys_time   | cap drop          | This line takes sys_module (load kernel modules), sys_time (set the system clock) away from root inside the container.
            lxc.utsname = old                    | legacy key        | lxc.utsname is not in liblxc's table of keys: liblxc refuses to load a file with a key it does not know
            lxc.cgroup2 =                        | bare prefix clear | An LXC setting with an empty value
            lxc.cgroup2.devices.deny = a\\nlxc.cgroup2.devices.allow = c 1:3 rwm | deny in file | LXC itself creates this device file in every container.
            # hello                              | comment           | A comment: LXC ignores lines that start with #.
            lxc.include = /usr/share/lxc/config/common.conf\\nlxc.cgroup2.devices.allow = | empty device list | Here it removes 12 rules (12 from /usr/share/lxc/config/common.conf).
            lxc.cgroup2.devices.allow =          | empty, nothing above | it does not stop the container from starting
            """)
    void lxcLines(String line, String what, String expected) {
        String text = line.replace("\\n", "\n") + "\n";
        List<LineExplanation> lines = LxcConfig.parse(text).explain().lines();
        LineExplanation e = lines.get(lines.size() - 1);
        assertThat(e.explanation()).as(what).contains(expected);
        if (line.startsWith("lxc.cgroup2.")) {
            assertThat(e.explanation()).as(what).doesNotContain("cgroup v1 key");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            memory: 4096  | The container may use at most 4096 MiB (4 GiB) of RAM.
            swap: 512     | The container may also use up to 512 MiB of swap
            cores: 2      | The container may use 2 CPU cores at a time.
            unprivileged: 1 | An unprivileged container
            rootfs: local-lvm:vm-100-disk-0,size=8G | It is the volume vm-100-disk-0 on the Proxmox storage local-lvm.
            rootfs: local-lvm:vm-100-disk-0,size=8G | Its size is 8G (8589934592 bytes).
            mp0: /srv/data,mp=/data,ro=1 | It is the host directory /srv/data (a bind mount)
            features: nesting=1,keyctl=1 | keyctl=1: the container may use the kernel keyring
            net0: name=eth0,bridge=vmbr0,ip=dhcp,type=veth | bridge=vmbr0: its other end is plugged into the host's bridge vmbr0
            net0: name=eth0,bridge=vmbr0,ip=dhcp,type=veth | ip=dhcp: it gets its IPv4 address from a DHCP server.
            # note        | Proxmox shows comments as the container's Notes
            onboot: yes   | The container starts when the Proxmox host boots.
            swap: 512 # x | The Proxmox option swap is set to '512 # x', which is not a whole number.
            cpulimit: 2   | The container may use at most as much CPU time as 2 CPUs running all the time (0 = no limit).
            foo: bar      | is not an option Proxmox knows: it warns about it ("unknown setting"), keeps the line and writes it back, but nothing reads it.
            dev0: /dev/dri/renderD128,gid=104,mode=0666 | the device file belongs to user 0 (root, the default) and group 104, with mode 0666: the owner may read and write, the group may read and write, everyone else may read and write it.
            dev0: /dev/kvm,deny-write=1 | deny-write=1: the container may only read the device (Proxmox allows 'r', not 'w').
            dev0: /dev/net/tun,mode=666 | Proxmox accepts only four octal digits starting with 0
            """)
    void proxmoxLines(String line, String expected) {
        LineExplanation e = LxcConfig.parse("arch: amd64\n" + line + "\n").explain().line(2).orElseThrow();
        assertThat(e.explanation()).contains(expected);
    }

    @Test
    @DisplayName("sections: a snapshot and pending changes")
    void sections() {
        Explanation e = LxcConfig.parse("memory: 512\n[snap1]\nmemory: 256\n[pve:pending]\nmemory: 1024\n")
                .explain();
        assertThat(e.line(2).orElseThrow().explanation()).startsWith("Starts the snapshot [snap1]");
        assertThat(e.line(3).orElseThrow().sentences()).contains(
                "This line belongs to the snapshot [snap1], not to the running container.");
        assertThat(e.line(4).orElseThrow().explanation()).startsWith("Starts the [pve:pending] section");
        assertThat(e.line(5).orElseThrow().explanation()).contains("This change is pending");
    }

    @Test
    @DisplayName("the summary of an unprivileged, nested Proxmox container with a bind mount and a device")
    void proxmoxSummary() {
        Summary s = LxcConfig.parse("""
                arch: amd64
                features: nesting=1,keyctl=1
                mp0: /srv/media,mp=/media,ro=1
                unprivileged: 1
                dev0: /dev/dri/renderD128
                lxc.apparmor.profile: unconfined
                """).explain().summary();
        assertThat(s.unprivileged()).isTrue();
        assertThat(s.features()).containsExactly("nesting: may run containers inside",
                "keyctl: may use the kernel keyring");
        assertThat(s.hostPaths()).containsExactly("/srv/media -> /media (read-only) (mp0)");
        assertThat(s.devices()).containsExactly("dev0: /dev/dri/renderD128, read and write (Proxmox creates the"
                + " device file and allows it when the container starts)");
        assertThat(s.relaxations()).containsExactly("AppArmor is off (lxc.apparmor.profile = unconfined)");
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    @DisplayName("lines are immutable and never empty")
    void immutable() throws IOException {
        Explanation e = classroom().explain();
        assertThatThrownBy(() -> e.lines().add(e.lines().get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new LineExplanation(1, "x", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(e.line(0)).isEmpty();
        assertThat(e.line(e.lines().size() + 1)).isEmpty();
    }

    @ParameterizedTest(name = "{0}, first {1} lines")
    @MethodSource("goldenCorpus")
    @DisplayName("the first lines of corpus files explain as in their golden files")
    void corpusGolden(String name, String count) throws IOException {
        byte[] bytes = Files.readAllBytes(resource("/corpus").resolve(name));
        int end = 0;
        for (int n = 0; n < Integer.parseInt(count) && end < bytes.length; n++) {
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            end = Math.min(end + 1, bytes.length);
        }
        String actual = LxcConfig.reader().sourceName(name).parse(Arrays.copyOf(bytes, end)).explain().toText();
        String goldenName = "explain/corpus/" + name + ".explain";
        Path golden = UPDATE ? sourceResources().resolve(goldenName) : resource("/").resolve(goldenName);
        golden(golden, actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    @DisplayName("every corpus file explains without an exception, every line with at least one sentence")
    void corpus(String name) throws IOException {
        LxcConfig config = LxcConfig.reader().sourceName(name)
                .parse(Files.readAllBytes(resource("/corpus").resolve(name)));
        Explanation e = config.explain();
        assertThat(e.lines()).hasSize(config.lines().size());
        for (int i = 0; i < e.lines().size(); i++) {
            LineExplanation line = e.lines().get(i);
            assertThat(line.number()).isEqualTo(i + 1);
            assertThat(line.text()).isEqualTo(config.lines().get(i).content());
            assertThat(line.sentences()).allSatisfy(s -> assertThat(s).isNotBlank());
        }
        assertThat(e.toText()).contains("Summary");
        StringBuilder written = new StringBuilder();
        e.writeTo(written);
        assertThat(written.toString()).isEqualTo(e.toText());
        // each line is worked out when asked for: asking again, or out of order, gives an equal answer
        List<LineExplanation> again = config.explain().lines();
        for (int i = e.lines().size() - 1; i >= 0; i--) {
            assertThat(again.get(i)).isEqualTo(e.lines().get(i));
        }
    }

    @Test
    @DisplayName("explain(options): the summary speaks of the stated host layout only")
    void summaryForAStatedHost() {
        LxcConfig c = LxcConfig.parse("lxc.include = /usr/share/lxc/config/common.conf\n"
                + "lxc.cgroup.devices.allow = c 10:232 rwm\n");
        String both = String.join("\n", c.explain().summary().devices());
        assertThat(both).contains("on a pure cgroup2 host (rw): refused (this line is ignored there)")
                .contains("on a hybrid host with a cgroup v1 devices controller (rw): granted");
        String v1 = String.join("\n", c.explain(io.github.lxcconf.validate.ValidationOptions.defaults()
                .withCgroup2Host(false)).summary().devices());
        assertThat(v1).contains("on a hybrid host with a cgroup v1 devices controller (rw): granted")
                .doesNotContain("pure cgroup2");
    }
}
