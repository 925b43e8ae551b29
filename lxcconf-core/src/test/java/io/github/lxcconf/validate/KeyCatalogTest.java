package io.github.lxcconf.validate;

import io.github.lxcconf.internal.SpecFiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("KeyCatalog: liblxc's keys, legacy names and Proxmox's raw-key rules from the TSVs")
class KeyCatalogTest {

    private final KeyCatalog keys = KeyCatalog.standard();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "lxc.uts.name, lxc.uts.name, SINGLE",
            "lxc.mount.entry, lxc.mount.entry, LIST",
            "lxc.cgroup2.devices.allow, lxc.cgroup2, PREFIX",
            "lxc.cgroup2, lxc.cgroup2, PREFIX",
            "lxc.cgroup.devices.allow, lxc.cgroup, PREFIX",
            "lxc.cgroup.dir, lxc.cgroup.dir, SINGLE",
            "lxc.sysctl.net.ipv4.ip_forward, lxc.sysctl, PREFIX",
            "lxc.prlimit.nofile, lxc.prlimit, PREFIX",
            "lxc.proc.oom_score_adj, lxc.proc, PREFIX",
            "lxc.namespace.share.net, lxc.namespace.share., PREFIX",
            "lxc.net.0.type, lxc.net.<N>.type, SINGLE",
            "lxc.net.12.ipv4.address, lxc.net.<N>.ipv4.address, LIST",
            "lxc.net, lxc.net, SINGLE",
            "lxc.environment.runtime, lxc.environment.runtime, LIST"})
    void knownKeys(String key, String pattern, KeyCatalog.Kind kind) {
        assertThat(keys.lookup(key)).get().extracting(KeyCatalog.KeyInfo::pattern, KeyCatalog.KeyInfo::kind)
                .containsExactly(pattern, kind);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"lxc.foo.bar", "lxc.uts.name.", "lxc.uts .name",
            "lxc.namespace.share.mount", "lxc.net.0.ipv4", "lxc.utsname", "lxc.network.type"})
    void unknownKeys(String key) {
        assertThat(keys.lookup(key)).isEmpty();
    }

    @Test
    void grammarSinceAndCgroupV1Family() {
        assertThat(keys.lookup("lxc.environment.runtime").get().since()).isEqualTo("7.0.0");
        assertThat(keys.lookup("lxc.uts.name").get().grammar()).isEqualTo("string of at most 64 bytes (65+ is an error)");
        assertThat(keys.lookup("lxc.cgroup.memory.limit_in_bytes").get().isCgroupV1Family()).isTrue();
        assertThat(keys.lookup("lxc.cgroup.dir").get().isCgroupV1Family()).isFalse();
        assertThat(keys.lookup("lxc.cgroup2.memory.max").get().isCgroupV1Family()).isFalse();
    }

    @ParameterizedTest(name = "{0} appends: {1}")
    @CsvSource({"lxc.mount.entry, true", "lxc.cgroup2.devices.allow, true", "lxc.proc.x, true",
            "lxc.cgroup.devices.deny, true", "lxc.uts.name, false", "lxc.sysctl.kernel.shmmax, false",
            "lxc.prlimit.nofile, false", "lxc.namespace.share.net, false", "lxc.net.0.link, false",
            "lxc.net.0.ipv6.address, true"})
    void listOrSingle(String key, boolean list) {
        assertThat(keys.isList(key)).isEqualTo(list);
    }

    static Stream<Arguments> legacy() {
        return Stream.of(
                Arguments.of("lxc.utsname", -1, "lxc.uts.name"),
                Arguments.of("lxc.network.type", 0, "lxc.net.0.type"),
                Arguments.of("lxc.network.link", 2, "lxc.net.2.link"),
                Arguments.of("lxc.network.ipv4", 1, "lxc.net.1.ipv4.address"),
                Arguments.of("lxc.network.0.ipv4", 5, "lxc.net.0.ipv4.address"),
                Arguments.of("lxc.network.3.ipv6", 0, "lxc.net.3.ipv6.address"),
                Arguments.of("lxc.network.1.link", 0, "lxc.net.1.link"),
                Arguments.of("lxc.limit.nofile", 0, "lxc.prlimit.nofile"),
                Arguments.of("lxc.id_map", 0, "lxc.idmap"),
                Arguments.of("lxc.mount", 0, "lxc.mount.fstab"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource
    void legacy(String key, int index, String replacement) {
        assertThat(keys.legacy(key)).get().extracting(l -> l.replacement(key, index).orElseThrow())
                .isEqualTo(replacement);
    }

    @Test
    void removedLegacyKeysAndCurrentKeysAreNotLegacy() {
        assertThat(keys.legacy("lxc.pivotdir")).get().extracting(KeyCatalog.LegacyKey::removed).isEqualTo(true);
        assertThat(keys.legacy("lxc.pivotdir").get().replacement("lxc.pivotdir", 0)).isEmpty();
        assertThat(keys.legacy("lxc.cgroup.devices.allow")).isEmpty();
        assertThat(keys.legacy("lxc.mount.entry")).isEmpty();
        assertThat(keys.legacy("lxc.environment")).isEmpty();
    }

    @Test
    void suggestions() {
        assertThat(keys.suggestions("lxc.uts.nmae")).startsWith("lxc.uts.name");
        assertThat(keys.suggestions("lxc.devtty.dir")).contains("lxc.tty.dir");
        assertThat(keys.suggestions("lxc.net.3.lnik")).startsWith("lxc.net.3.link");
        assertThat(keys.suggestions("lxc.completely.different.thing")).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "lxc.apparmor.profile, ALLOWED", "lxc.cgroup2.devices.allow, ALLOWED", "lxc.net.1.type, ALLOWED",
            "lxc.sysctl.kernel.shmmax, ALLOWED", "lxc.devtty.dir, ALLOWED", "lxc.environment.runtime, SPECIAL",
            "lxc.utsname, WARNS", "lxc.limit.nofile, WARNS", "lxc.cgroup.devices.allow, WARNS",
            "lxc.cgroup.dir, WARNS", "lxc.rootfs.path, REFUSED", "lxc.rootfs.options, REFUSED",
            "lxc.tty.dir, REFUSED", "lxc.sysctl.net.ipv4.ip_forward, REFUSED", "lxc.namespace.keep, REFUSED",
            "lxc.selinux.context.keyring, REFUSED", "lxc.cgroup2, REFUSED", "lxc.hook, REFUSED",
            "lxc.foo.bar, REFUSED", "lxc.monitor.signal.pdeath, REFUSED"})
    void proxmoxRules(String key, KeyCatalog.ProxmoxStatus status) {
        assertThat(keys.proxmox(key).status()).isEqualTo(status);
    }

    @Test
    void proxmoxMessages() {
        assertThat(keys.proxmox("lxc.rootfs.path").message()).isEqualTo("lxc.rootfs.path is auto generated from rootfs");
        assertThat(keys.proxmox("lxc.cgroup.devices.allow").message())
                .isEqualTo("<key> is deprecated, this will be a hard error in the future!");
        assertThat(keys.proxmox("lxc.foo").message()).isEqualTo("vm <VMID> - unable to parse config: <line>");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"lxc-keys.tsv", "lxc-legacy-keys.tsv", "proxmox-raw-lxc-keys.tsv"})
    void resourcesAreVerbatimCopiesOfTheSpec(String name) throws IOException {
        Path spec = Path.of("../../shared/spec", name);
        if (!Files.exists(spec)) {
            spec = Path.of("/work/shared/spec", name);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(spec), "spec folder beside the checkout");
        try (InputStream in = SpecFiles.open(name)) {
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(spec));
        }
    }

    @ParameterizedTest(name = "{0} has {1}: {2}")
    @CsvSource({"V5_0, 7.0.0, false", "V6_0, 7.0.0, false", "V7_0, 7.0.0, true", "V5_0, 5.0.0, true",
            "V5_0, 2.1.0 (was lxc.utsname 0.7.0), true", "V6_0, '', true"})
    void versions(LxcVersion version, String since, boolean has) {
        assertThat(version.has(since)).isEqualTo(has);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"lxc.net.0, true", "lxc.net, true", "lxc.net.12, true", "lxc.net.0.type, true", "lxc.uts.name, true",
            "lxc.net.0.foo, false", "lxc.net.x, false", "lxc.utsname, false", "lxc.network.type, false",
            "lxc.bogus, false"})
    void knows(String key, boolean known) {
        assertThat(keys.knows(key)).isEqualTo(known);
    }
}
