package io.github.lxcconf.model.proxmox;

import io.github.lxcconf.testing.Classroom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.testing.PveCorpus;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProxmoxSettingsTest {
    /** /work/shared/examples/classroom-102.conf, verbatim. */
    private static final String CLASSROOM = Classroom.TEXT;

    @Test
    @DisplayName("the classroom config: net0 fields, rootfs local-lvm:base-102-disk-0 with 16G, template=1")
    void classroom() {
        LxcConfig config = LxcConfig.reader().sourceName("102.conf").parse(CLASSROOM);
        ProxmoxSettings pve = config.proxmox();
        assertThat(pve.hostname()).contains("ubuntu-gns3vm2-clone");
        assertThat(pve.memory()).isEqualTo(4096);
        assertThat(pve.cores()).contains(2);
        assertThat(pve.swap()).contains(2048);
        assertThat(pve.arch()).isEqualTo("amd64");
        assertThat(pve.ostype()).contains("ubuntu");
        assertThat(pve.template()).isTrue();
        assertThat(pve.option("template")).contains("1");
        assertThat(pve.unprivileged()).isFalse();
        assertThat(pve.onboot()).isFalse();
        assertThat(pve.tags()).isEmpty();

        NetworkDevice net0 = pve.network(0).orElseThrow();
        assertThat(net0.name()).contains("eth0");
        assertThat(net0.bridge()).contains("vmbr0");
        assertThat(net0.hwaddr()).contains("86:4B:53:B7:66:0A");
        assertThat(net0.ip().map(IpConfig::mode)).contains(IpConfig.Mode.DHCP);
        assertThat(net0.type()).isEqualTo("veth");
        assertThat(pve.networks()).containsExactly(net0);
        assertThat(pve.network(1)).isEmpty();

        MountPoint rootfs = pve.rootfs().orElseThrow();
        assertThat(rootfs.volume()).contains("local-lvm:base-102-disk-0");
        assertThat(rootfs.size().map(DiskSize::format)).contains("16G");
        assertThat(rootfs.size().map(DiskSize::bytes)).contains(17_179_869_184L);
        assertThat(pve.mountPoints()).isEmpty();
        assertThat(pve.devices()).isEmpty();
        assertThat(pve.features().nesting()).isFalse();
        assertThat(pve.startup()).isEmpty();
        assertThat(pve.unusedVolumes()).isEmpty();

        // the comments in the middle are the container's notes, and move to the top on the next write
        assertThat(pve.description().text()).isEqualTo(" LINES IN QUESTION\n"
                + " This line seems to pass through the host CPU's virtualization features\n"
                + " These lines were needed for virtual machine networking to behave, I don't really understand them"
                + " either\n");
        assertThat(pve.description().encode()).containsExactly("# LINES IN QUESTION",
                "# This line seems to pass through the host CPU's virtualization features",
                "# These lines were needed for virtual machine networking to behave, I don't really understand them"
                        + " either");
        assertThat(pve.snapshots()).isEmpty();
        assertThat(pve.pending()).isEmpty();
        assertThat(pve.diagnostics()).isEmpty();
        assertThat(pve).hasToString("ProxmoxSettings[9 options, 0 snapshots, 0 diagnostics]");
    }

    @Test
    @DisplayName("computed once per config, and empty for a native LXC config")
    void lazyAndNative() {
        LxcConfig config = LxcConfig.parse(CLASSROOM);
        assertThat(config.proxmox()).isSameAs(config.proxmox());
        LxcConfig fresh = LxcConfig.parse(CLASSROOM);
        assertThat(IntStream.range(0, 64).parallel().mapToObj(i -> fresh.proxmox()).distinct().count())
                .isEqualTo(1);
        LxcConfig lxc = LxcConfig.reader().dialect(Dialect.LXC).parse("lxc.uts.name = web\n# notes\n");
        ProxmoxSettings none = lxc.proxmox();
        assertThat(none.options().isEmpty()).isTrue();
        assertThat(none.hostname()).isEmpty();
        assertThat(none.networks()).isEmpty();
        assertThat(none.rootfs()).isEmpty();
        assertThat(none.description().isEmpty()).isTrue();
        assertThat(none.snapshots()).isEmpty();
        assertThat(none.pending()).isEmpty();
        assertThat(none.diagnostics()).isEmpty();
        assertThat(none.memory()).isEqualTo(512);
    }

    @Test
    @DisplayName("unusedN naming a volume the main section mounts: Proxmox drops it on write (info)")
    void unusedInUse() {
        ProxmoxSettings pve = PveCorpus.input("synthetic/edge-mixed-comments-invalid-lines-sections.conf").config()
                .proxmox();
        assertThat(pve.diagnostics()).filteredOn(d -> d.code().id().equals("PVE108")).map(Diagnostic::toString)
                .containsExactly("synthetic/edge-mixed-comments-invalid-lines-sections.conf:25:1: info: unused0 is"
                        + " volume 'local-lvm:vm-100-disk-1', which mp0 still uses: Proxmox drops this line when it"
                        + " next writes the file [PVE108]");
        assertThat(pve.unusedVolumes()).containsOnlyKeys(0, 1);
        assertThat(pve.networks()).extracting(NetworkDevice::index).containsExactly(0, 2, 10);
        assertThat(pve.memory()).isEqualTo(512);
        assertThat(pve.options().normalized("onboot")).contains("1");
        assertThat(pve.onboot()).isTrue();
    }

    static Stream<PveCorpus.Input> inputs() {
        return PveCorpus.inputs().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    @DisplayName("every Proxmox corpus file is read without exceptions; diagnostics are in line order, on real lines")
    void corpus(PveCorpus.Input input) {
        LxcConfig config = LxcConfig.reader().parse(input.bytes());
        assertThatCode(() -> exercise(config.proxmox())).doesNotThrowAnyException();
        LxcConfig forced = input.config();
        ProxmoxSettings pve = forced.proxmox();
        assertThatCode(() -> exercise(pve)).doesNotThrowAnyException();
        List<Diagnostic> d = pve.diagnostics();
        assertThat(d).isSortedAccordingTo(Comparator.comparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column));
        assertThat(d).allSatisfy(x -> {
            assertThat(x.line()).isBetween(1, forced.lines().size());
            assertThat(x.column()).isLessThanOrEqualTo(forced.lines().get(x.line() - 1).content().length() + 2);
        });
    }

    private static void exercise(ProxmoxSettings pve) {
        pve.hostname();
        pve.memory();
        pve.swap();
        pve.cores();
        pve.unprivileged();
        pve.template();
        pve.arch();
        pve.tags();
        pve.networks().forEach(n -> {
            n.ip();
            n.ip6();
            n.mtu();
            n.tag();
            n.trunks();
            n.rate();
            n.diagnostics();
        });
        pve.rootfs().ifPresent(m -> {
            m.size();
            m.storage();
            m.diagnostics();
        });
        pve.mountPoints().forEach(m -> {
            m.size();
            m.volumeType();
            m.mountOptions();
        });
        pve.devices().forEach(x -> {
            x.gid();
            x.uid();
            x.mode();
        });
        pve.features().mount();
        pve.startup().ifPresent(Startup::order);
        pve.description().encode();
        pve.snapshots().forEach(s -> {
            s.snaptime();
            s.parent();
            s.options().rootfs();
        });
        pve.pending().ifPresent(PendingChanges::deletions);
        pve.diagnostics();
    }
}
