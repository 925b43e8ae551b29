package io.github.lxcconf.model.proxmox;

import io.github.lxcconf.internal.SpecFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.lxcconf.model.proxmox.OptionSchema.Option;
import io.github.lxcconf.model.proxmox.OptionSchema.PropertyFormat;
import io.github.lxcconf.model.proxmox.OptionSchema.SubKey;
import io.github.lxcconf.model.proxmox.OptionSchema.ValueType;
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
import org.junit.jupiter.params.provider.ValueSource;

class OptionSchemaTest {
    private static final OptionSchema SCHEMA = OptionSchema.proxmox();

    @ParameterizedTest
    @CsvSource({
            "memory, memory, INTEGER", "onboot, onboot, BOOLEAN", "cpulimit, cpulimit, NUMBER",
            "hostname, hostname, STRING", "net0, net[0-31], STRING", "net31, net[0-31], STRING",
            "mp0, mp[0-255], STRING", "mp255, mp[0-255], STRING", "unused7, unused[0-255], STRING",
            "dev255, dev[0-255], STRING", "rootfs, rootfs, STRING", "env, env, STRING",
            "description, description, STRING", "parent, parent, STRING", "snaptime, snaptime, INTEGER"})
    @DisplayName("known keys match their row of proxmox-keys.tsv, index ranges included")
    void known(String key, String pattern, ValueType type) {
        Option o = SCHEMA.option(key).orElseThrow();
        assertThat(o.pattern()).isEqualTo(pattern);
        assertThat(o.type()).isEqualTo(type);
        assertThat(o.matches(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"net32", "net01", "net", "netx", "mp256", "mp01", "dev256", "unused256", "digest",
            "snapname", "pending", "snapshots", "lxc", "vmstate", "foo", "snapstate", "Memory", "lxc.arch"})
    @DisplayName("unknown settings: out-of-range or zero-padded indexes, internal keys, snapstate, typos")
    void unknown(String key) {
        assertThat(SCHEMA.option(key)).isEmpty();
    }

    @Test
    @DisplayName("defaults, enums and API ranges come from the table")
    void columns() {
        assertThat(SCHEMA.option("memory").orElseThrow().plainDefault()).contains("512");
        assertThat(SCHEMA.option("arch").orElseThrow().plainDefault()).contains("amd64");
        assertThat(SCHEMA.option("tty").orElseThrow().plainDefault()).contains("2");
        assertThat(SCHEMA.option("cores").orElseThrow().plainDefault()).isEmpty();
        assertThat(SCHEMA.option("cores").orElseThrow().defaultValue()).contains("(unset = all host CPUs)");
        assertThat(SCHEMA.option("ostype").orElseThrow().enumValues()).startsWith("debian", "devuan", "ubuntu")
                .contains("nixos", "unmanaged").doesNotContain("redhat");
        assertThat(SCHEMA.option("tty").orElseThrow().apiMinimum()).contains(0L);
        assertThat(SCHEMA.option("tty").orElseThrow().apiMaximum()).contains(6L);
        assertThat(SCHEMA.option("memory").orElseThrow().apiMinimum()).contains(16L);
        assertThat(SCHEMA.option("memory").orElseThrow().apiMaximum()).isEmpty();
        assertThat(SCHEMA.option("hostname").orElseThrow().formatName()).isEqualTo("dns-name");
        assertThat(SCHEMA.option("startup").orElseThrow().formatName()).isEqualTo("pve-startup-order");
        assertThat(SCHEMA.option("net0").orElseThrow().isPropertyString()).isTrue();
        assertThat(SCHEMA.option("startup").orElseThrow().isPropertyString()).isFalse();
        assertThat(SCHEMA.options()).extracting(Option::pattern).doesNotContain("lxc.*", "#...", "snapstate")
                .doesNotHaveDuplicates();
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("net5", "netN", null, 15),
                Arguments.of("rootfs", "rootfs", "volume", 9),
                Arguments.of("mp9", "mpN", "volume", 12),
                Arguments.of("unused3", "unusedN", "volume", 1),
                Arguments.of("dev0", "devN", "path", 5),
                Arguments.of("features", "features", null, 6),
                Arguments.of("startup", "startup", "order", 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    @DisplayName("property-string formats come from proxmox-property-strings.tsv, default key by the flag column")
    void propertyFormats(String key, String name, String defaultKey, int subKeys) {
        PropertyFormat f = SCHEMA.format(key).orElseThrow();
        assertThat(f.name()).isEqualTo(name);
        assertThat(f.defaultKey().orElse(null)).isEqualTo(defaultKey);
        assertThat(f.subKeys()).hasSize(subKeys);
        assertThat(SCHEMA.formatNamed(name)).contains(f);
    }

    @Test
    @DisplayName("required sub-keys and the '(mp)' row that rootfs does not allow")
    void subKeys() {
        assertThat(SCHEMA.format("net0").orElseThrow().subKeys()).filteredOn(SubKey::required)
                .extracting(SubKey::name).containsExactly("name");
        assertThat(SCHEMA.format("mp0").orElseThrow().subKeys()).filteredOn(SubKey::required)
                .extracting(SubKey::name).containsExactly("volume", "mp");
        assertThat(SCHEMA.format("rootfs").orElseThrow().subKey("mp")).isEmpty();
        assertThat(SCHEMA.format("rootfs").orElseThrow().subKey("(mp)")).isEmpty();
        assertThat(SCHEMA.format("hostname")).isEmpty();
        assertThat(SCHEMA.format("mp0").orElseThrow().subKey("replicate").orElseThrow().defaultValue())
                .contains("1");
        assertThat(SCHEMA.format("net0").orElseThrow().subKey("host-managed").orElseThrow().type())
                .isEqualTo(ValueType.BOOLEAN);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "netN|mtu|64-65535", "netN|tag|1-4094", "netN|name|[-_.\\w\\d]+", "netN|bridge|[-_.\\w\\d]+",
            "netN|trunks|\\d+(;\\d+)*", "netN|type|veth", "devN|mode|0[0-7]{3}", "devN|gid|>= 0",
            "devN|uid|>= 0", "features|mount|[a-zA-Z0-9_; ]+", "netN|hwaddr|first octet even",
            "netN|ip|prefix 8-32", "netN|ip6|prefix 8-128",
            "rootfs|mountoptions|discard lazytime noatime nodev noexec nosuid"})
    @DisplayName("every constraint coded in SubKeyRules is the one the table states")
    void rulesMatchTheTable(String format, String subKey, String tableText) {
        assertThat(SCHEMA.formatNamed(format).orElseThrow().subKey(subKey).orElseThrow().meaning())
                .contains(tableText);
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxmox-keys.tsv", "proxmox-property-strings.tsv"})
    @DisplayName("the resources are verbatim copies of the spec tables, header included")
    void verbatim(String name) throws IOException {
        byte[] resource;
        try (InputStream in = SpecFiles.open(name)) {
            assertThat(in).isNotNull();
            resource = in.readAllBytes();
        }
        String header = new String(resource, java.nio.charset.StandardCharsets.UTF_8).lines().findFirst()
                .orElseThrow();
        assertThat(header).startsWith(name.equals("proxmox-keys.tsv") ? "key_or_pattern\ttype" : "option\tsubkey");
        Path spec = Path.of("/work/shared/spec", name);
        assumeTrue(Files.isRegularFile(spec), "the shared spec is not on this machine");
        assertThat(resource).isEqualTo(Files.readAllBytes(spec));
    }
}
