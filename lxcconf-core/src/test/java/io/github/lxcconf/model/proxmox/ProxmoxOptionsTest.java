package io.github.lxcconf.model.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProxmoxOptionsTest {

    private static ProxmoxOptions options(String text) {
        return LxcConfig.reader().dialect(Dialect.PROXMOX).sourceName("100.conf").parse(text).proxmox().options();
    }

    private static String w(String message) {
        return "warning: unable to parse value of " + message;
    }

    static Stream<Arguments> checks() {
        return Stream.of(
                // what check_type accepts, normalises or refuses (spec section 3)
                Arguments.of("memory", "0512", List.of()),
                Arguments.of("onboot", "Yes", List.of()),
                Arguments.of("console", "OFF", List.of()),
                Arguments.of("cpulimit", "1.5", List.of()),
                Arguments.of("cores", "+2", List.of("1: " + w("'cores' - type check ('integer') failed - got '+2'"))),
                Arguments.of("cores", "2 ", List.of("1: " + w("'cores' - type check ('integer') failed - got '2 '"))),
                Arguments.of("cpulimit", ".5", List.of("1: " + w("'cpulimit' - type check ('number') failed - got"
                        + " '.5'"))),
                Arguments.of("cpulimit", "1e3", List.of("1: " + w("'cpulimit' - type check ('number') failed - got"
                        + " '1e3'"))),
                Arguments.of("protection", "2", List.of("1: " + w("'protection' - type check ('boolean') failed -"
                        + " got '2'"))),
                Arguments.of("swap", "512 # inline", List.of("1: " + w("'swap' - type check ('integer') failed -"
                        + " got '512 # inline'"))),
                Arguments.of("swap", "\r", List.of("1: " + w("'swap' - property contains a line feed"))),
                Arguments.of("hostname", "a\rb", List.of("2: " + w("'hostname' - property contains a line feed"))),
                Arguments.of("foo", "bar", List.of("1: " + w("'foo' - unknown setting 'foo'"))),
                Arguments.of("mp01", "local:1,mp=/x", List.of("1: " + w("'mp01' - unknown setting 'mp01'"))),
                Arguments.of("digest", "abc", List.of("1: " + w("'digest' - unknown setting 'digest'"))),
                // formats of string options
                Arguments.of("hostname", "test3.use-fqdn.com", List.of()),
                Arguments.of("hostname", "a_b", List.of("1: " + w("'hostname' - value does not look like a valid"
                        + " DNS name"))),
                Arguments.of("nameserver", "8.8.8.8,8.8.8.9", List.of()),
                Arguments.of("nameserver", "fe80::1%eth0 1.1.1.1;2001:db8::1", List.of()),
                Arguments.of("nameserver", "8.8.8.8 dns.google", List.of("1: " + w("'nameserver' - value does not"
                        + " look like a valid IP address"))),
                Arguments.of("searchdomain", "example.com proxmox.com", List.of()),
                Arguments.of("searchdomain", "ok.com bad_domain", List.of("1: " + w("'searchdomain' - value does not"
                        + " look like a valid DNS name"))),
                Arguments.of("parent", "1snap", List.of("1: " + w("'parent' - invalid configuration ID '1snap'"))),
                Arguments.of("hookscript", "local:snippets/hook.sh", List.of()),
                Arguments.of("hookscript", "hook.sh", List.of("1: " + w("'hookscript' - unable to parse volume ID"
                        + " 'hook.sh'"))),
                Arguments.of("tags", "10.0.0.115", List.of()),
                Arguments.of("tags", "a;b c,d", List.of()),
                Arguments.of("tags", "ok bad!tag", List.of("1: " + w("'tags' - invalid characters in tag"))),
                Arguments.of("startup", "order=1, up=2", List.of("9: " + w("'startup' - unable to parse startup"
                        + " options"))),
                Arguments.of("net0", "name=eth0,foo=bar", List.of("11: " + w("'net0' - format error: foo: property"
                        + " is not defined in schema and the schema does not allow additional properties"))),
                Arguments.of("unused0", "local:vm-1-disk-0", List.of()),
                Arguments.of("unused0", "nocolon", List.of("1: " + w("'unused0' - format error: volume: invalid"
                        + " format - unable to parse volume ID 'nocolon'"))),
                Arguments.of("dev0", "gid=5", List.of("1: error: dev0: Path has to be defined: Proxmox refuses a"
                        + " device without a path")),
                Arguments.of("features", "nesting=1", List.of()),
                // not checked on read: host-dependent formats, patterns, enums, ranges (the last two as info)
                Arguments.of("timezone", "Mars/Base", List.of()),
                Arguments.of("entrypoint", "/bin/sh -c x", List.of()),
                Arguments.of("lock", "backup", List.of()),
                Arguments.of("ostype", "redhat", List.of("1: info: Proxmox loads 'redhat' for 'ostype', but its API"
                        + " accepts only: debian, devuan, ubuntu, centos, fedora, opensuse, archlinux, alpine,"
                        + " gentoo, nixos, unmanaged")),
                Arguments.of("tty", "9", List.of("1: info: Proxmox loads 9 for 'tty', but its API accepts only 0-6")),
                Arguments.of("memory", "1", List.of("1: info: Proxmox loads 1 for 'memory', but its API accepts only"
                        + " values of at least 16")),
                Arguments.of("cpulimit", "8192.5", List.of("1: info: Proxmox loads 8192.5 for 'cpulimit', but its"
                        + " API accepts only 0-8192")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("checks")
    @DisplayName("check: Proxmox's read-time check_type, with its warning text, at the column in the value")
    void check(String key, String value, List<String> expected) {
        List<Diagnostic> d = ProxmoxOptions.check(key, value);
        assertThat(d).map(x -> x.column() + ": " + x.severity().label() + ": " + x.message())
                .containsExactlyElementsOf(expected);
        assertThat(d).allSatisfy(x -> {
            assertThat(x.source()).isEqualTo("<string>");
            assertThat(x.line()).isEqualTo(1);
        });
    }

    @Test
    @DisplayName("values as stored (last line wins) and as Proxmox writes them back")
    void values() {
        ProxmoxOptions o = options("memory: 0512\nonboot: yes\nonboot: no\nswap:   256   \nfoo: bar\ncores: +2\n"
                + "hostname:tight\n# comment\ndescription: notes\nlxc.arch: amd64\n");
        assertThat(o.get("memory")).contains("0512");
        assertThat(o.normalized("memory")).contains("512");
        assertThat(o.get("onboot")).contains("no");
        assertThat(o.normalized("onboot")).contains("0");
        assertThat(o.get("swap")).contains("256");
        assertThat(o.normalized("foo")).contains("bar");
        assertThat(o.normalized("cores")).contains("+2");
        assertThat(o.get("hostname")).contains("tight");
        assertThat(o.get("description")).isEmpty();
        assertThat(o.get("lxc.arch")).isEmpty();
        assertThat(o.keys()).containsExactly("memory", "onboot", "swap", "foo", "cores", "hostname");
        assertThat(o.asMap()).containsExactly(Map.entry("memory", "0512"), Map.entry("onboot", "no"),
                Map.entry("swap", "256"), Map.entry("foo", "bar"), Map.entry("cores", "+2"),
                Map.entry("hostname", "tight"));
        assertThat(o.isEmpty()).isFalse();
        assertThat(o.diagnostics()).map(Diagnostic::toString).containsExactly(
                "100.conf:5:1: warning: unable to parse value of 'foo' - unknown setting 'foo' [PVE101]",
                "100.conf:6:8: warning: unable to parse value of 'cores' - type check ('integer') failed - got '+2'"
                        + " [PVE102]");
        assertThat(o).isEqualTo(options("memory: 0512\nonboot: no\nswap: 256\nfoo: bar\ncores: +2\nhostname: tight\n"))
                .hasSameHashCodeAs(options("memory: 0512\nonboot: no\nswap: 256\nfoo: bar\ncores: +2\n"
                        + "hostname: tight\n"));
    }

    @Test
    @DisplayName("every line is checked, also the ones a later line of the same key overrides")
    void duplicates() {
        ProxmoxOptions o = options("cores: x\ncores: 2\n");
        assertThat(o.cores()).contains(2);
        assertThat(o.diagnostics()).map(Diagnostic::line).containsExactly(1);
    }

    @Test
    @DisplayName("typed getters with the table's defaults")
    void typed() {
        ProxmoxOptions empty = options("arch: amd64\n");
        assertThat(empty.memory()).isEqualTo(512);
        assertThat(empty.swap()).isEmpty();
        assertThat(empty.cores()).isEmpty();
        assertThat(empty.unprivileged()).isFalse();
        assertThat(empty.template()).isFalse();
        assertThat(empty.onboot()).isFalse();
        assertThat(empty.hostname()).isEmpty();
        assertThat(empty.ostype()).isEmpty();
        assertThat(empty.tags()).isEmpty();
        assertThat(options("ostype: debian\n").arch()).isEqualTo("amd64");
        assertThat(empty.features().nesting()).isFalse();
        assertThat(empty.startup()).isEmpty();
        assertThat(empty.rootfs()).isEmpty();
        assertThat(empty.networks()).isEmpty();

        ProxmoxOptions set = options("memory: 02048\nswap: 0\ncores: 4\nunprivileged: 1\ntemplate: true\n"
                + "onboot: on\narch: arm64\ntags: a;b\nfeatures: nesting=1\nstartup: 3,up=10\nmemory2: 5\n"
                + "net10: name=eth10\nnet2: name=eth2\nnet32: name=x\nmp1: /srv,mp=/srv\nmp0: local:1,mp=/a\n"
                + "rootfs: local:0\nunused3: local:9\nunused1: local:8\ndev1: /dev/kvm\ndev0: /dev/net/tun\n");
        assertThat(set.memory()).isEqualTo(2048);
        assertThat(set.swap()).contains(0);
        assertThat(set.cores()).contains(4);
        assertThat(set.unprivileged()).isTrue();
        assertThat(set.template()).isTrue();
        assertThat(set.onboot()).isTrue();
        assertThat(set.arch()).isEqualTo("arm64");
        assertThat(set.tags()).containsExactly("a", "b");
        assertThat(set.features().nesting()).isTrue();
        assertThat(set.startup().flatMap(Startup::order)).contains(3);
        assertThat(set.networks()).extracting(NetworkDevice::key).containsExactly("net2", "net10");
        assertThat(set.network(10).flatMap(NetworkDevice::name)).contains("eth10");
        assertThat(set.network(32)).isEmpty();
        assertThat(set.network(3)).isEmpty();
        assertThat(set.mountPoints()).extracting(MountPoint::key).containsExactly("mp0", "mp1");
        assertThat(set.mountPoint(1).flatMap(MountPoint::volumeType)).contains(MountPoint.VolumeType.BIND);
        assertThat(set.rootfs().flatMap(MountPoint::volume)).contains("local:0");
        assertThat(set.unusedVolumes()).containsExactly(Map.entry(1, "local:8"), Map.entry(3, "local:9"));
        assertThat(set.devices()).extracting(DevicePassthrough::key).containsExactly("dev0", "dev1");
        assertThat(set.device(1).flatMap(DevicePassthrough::path)).contains("/dev/kvm");
        assertThat(set.device(5)).isEmpty();

        ProxmoxOptions bad = options("memory: lots\ncores: 99999999999\n");
        assertThat(bad.memory()).isEqualTo(512);
        assertThat(bad.cores()).isEmpty();
    }
}
