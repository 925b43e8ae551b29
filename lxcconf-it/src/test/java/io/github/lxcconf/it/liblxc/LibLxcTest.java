package io.github.lxcconf.it.liblxc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.it.LxcHost;
import io.github.lxcconf.model.Architecture;
import io.github.lxcconf.model.Capability;
import io.github.lxcconf.model.IdMap;
import io.github.lxcconf.model.NetworkAddress;
import io.github.lxcconf.validate.KeyCatalog;
import io.github.lxcconf.validate.LxcVersion;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load harness against the real liblxc: what load_config() and get_config_item() do on small files, pinned
 * where liblxc's behaviour is easy to get wrong (and where lxc-format.md or liblxc-behaviour.md say otherwise).
 */
class LibLxcTest {
    private static LibLxc lxc;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsLxc() throws Exception {
        LxcHost.require();
        lxc = LibLxc.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (lxc != null) {
            lxc.close();
        }
    }

    private LibLxc.Loaded load(String text, String... keys) throws IOException {
        Path file = dir.resolve("config");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return lxc.load(dir, file, List.of(keys));
    }

    @Test
    void reportsTheVersionAndRefusesAnUnknownKeyWithItsMessage() throws IOException {
        assertThat(lxc.version()).as("the release whose behaviour these tests pin").startsWith("5.0.");
        assertThat(Conformance.version(lxc.version())).isEqualTo(LxcVersion.V5_0);
        LibLxc.Loaded l = load("lxc.uts.name = a\nlxc.foo.bar = 1\n", "lxc.uts.name");
        assertThat(l.accepted()).isFalse();
        assertThat(l.error()).contains("Unsupported config key \"lxc.foo.bar\"");
        assertThat(l.failedLine()).contains("lxc.foo.bar = 1");
        assertThat(l.value("lxc.uts.name")).as("lines before the refused one stay applied").contains("a");
    }

    @Test
    void listsEndEachValueWithALineBreakButIdMapsOnlyBetweenValues() throws IOException {
        LibLxc.Loaded l = load("lxc.cgroup2.devices.allow = c 10:232 rwm\nlxc.cgroup2.devices.allow = x 1 2\n"
                        + "lxc.idmap = u 0 100000 65536\nlxc.idmap = g  0 100000 65536\n",
                "lxc.cgroup2.devices.allow", "lxc.idmap", "lxc.net.0.type");
        assertThat(l.accepted()).as("device rules are not checked at load").isTrue();
        assertThat(l.value("lxc.cgroup2.devices.allow")).contains("c 10:232 rwm\nx 1 2\n");
        assertThat(l.lines("lxc.cgroup2.devices.allow")).containsExactly("c 10:232 rwm", "x 1 2");
        assertThat(l.value("lxc.idmap")).contains("u 0 100000 65536\ng 0 100000 65536");
        assertThat(l.value("lxc.net.0.type")).as("no interface 0").isEmpty();
    }

    @Test
    void relativeIncludesStartFromTheWorkingDirectory() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("inc.conf"), "lxc.cap.drop = sys_time\n");
        Files.writeString(dir.resolve("sub/inc.conf"), "lxc.cap.drop = sys_module\n");
        Path file = dir.resolve("sub/config");
        Files.writeString(file, "lxc.include = inc.conf\n");
        assertThat(lxc.load(dir, file, List.of("lxc.cap.drop")).value("lxc.cap.drop")).contains("sys_time\n");
        assertThat(lxc.load(dir.resolve("sub"), file, List.of("lxc.cap.drop")).value("lxc.cap.drop"))
                .contains("sys_module\n");
    }

    @Test
    void eachFileGetsAFreshContainer() throws IOException {
        assertThat(load("lxc.mount.entry = /a a none bind 0 0\n", "lxc.mount.entry").value("lxc.mount.entry"))
                .contains("/a a none bind 0 0\n");
        assertThat(load("lxc.uts.name = b\n", "lxc.mount.entry").value("lxc.mount.entry")).contains("");
    }

    @Test
    void theTextBeforeANulIsStillReadAsALine() throws IOException {
        // liblxc-behaviour.md: "parsing stops at the first NUL; rest ignored" - the part of the line before it
        // is read too: here it is an lxc. line without '='
        LibLxc.Loaded l = load("lxc.tty.max\0 = 4\n", "lxc.tty.max");
        assertThat(l.accepted()).isFalse();
        assertThat(l.error()).contains("Invalid configuration line: lxc.tty.max");
        assertThat(load("lxc.uts.name = ab\0cd\nlxc.foo = 1\n", "lxc.uts.name").value("lxc.uts.name"))
                .contains("ab");
    }

    @Test
    void prlimitValuesAreReadAtLoadWithStrtoull() throws IOException {
        // lxc-keys.tsv: "each is an unsigned decimal or 'unlimited'"; liblxc reads C's strtoull
        assertThat(load("lxc.prlimit.nofile = -1\n", "lxc.prlimit.nofile").value("lxc.prlimit.nofile"))
                .contains("unlimited");
        assertThat(load("lxc.prlimit.nofile = :5\n", "lxc.prlimit.nofile").value("lxc.prlimit.nofile"))
                .contains("0:5");
        assertThat(load("lxc.prlimit.nofile = 0x10\n").accepted()).isFalse();
        assertThat(load("lxc.prlimit.nofile = 99999999999999999999\n").accepted()).isFalse();
    }

    @Test
    void theBareLxcPrefixIsAnUnknownKey() throws IOException {
        LibLxc.Loaded l = load("lxc.= x\n");
        assertThat(l.accepted()).isFalse();
        assertThat(l.error()).contains("Unsupported config key \"lxc.\"");
    }

    @Test
    void anIpv4AddressWithoutPrefixGetsTheClassOfItsLastOctet() throws IOException {
        // liblxc-behaviour.md: "no prefix -> classful default"; liblxc 5.0.2 reads the class from the last octet
        LibLxc.Loaded l = load("lxc.net.0.type = veth\nlxc.net.0.ipv4.address = 192.168.1.5\n"
                + "lxc.net.0.ipv4.address = 10.0.0.130\nlxc.net.0.ipv4.address = 10.0.0.200\n"
                + "lxc.net.0.ipv4.address = 10.0.0.250\nlxc.net.0.ipv6.address = fe80::2\n",
                "lxc.net.0.ipv4.address", "lxc.net.0.ipv6.address");
        assertThat(l.value("lxc.net.0.ipv4.address"))
                .contains("192.168.1.5/8\n10.0.0.130/16\n10.0.0.200/24\n10.0.0.250/0");
        assertThat(List.of("192.168.1.5", "10.0.0.130", "10.0.0.200", "10.0.0.250").stream()
                .map(a -> NetworkAddress.parseIpv4(a).toString()).toList())
                .containsExactly("192.168.1.5/8", "10.0.0.130/16", "10.0.0.200/24", "10.0.0.250/0");
        assertThat(l.value("lxc.net.0.ipv6.address")).contains("fe80::2/64");
    }

    @Test
    void interfaceDefaultsAndTruncatedNames() throws IOException {
        LibLxc.Loaded l = load("lxc.net.1.link = br0\nlxc.net.2.type = veth\nlxc.net.2.type =\n"
                        + "lxc.net.3.type = veth\nlxc.net.3.link = abcdefghijklmnopqrst\n",
                "lxc.net.1.type", "lxc.net.2.type", "lxc.net.3.link", "lxc.net.3.veth.mode", "lxc.net.3.l2proxy");
        assertThat(l.accepted()).as("a too long name is logged as an error, yet the file loads").isTrue();
        assertThat(l.value("lxc.net.1.type")).as("an interface never given a type").contains("empty");
        assertThat(l.value("lxc.net.2.type")).as("an interface whose type was set empty").contains("(null)");
        assertThat(l.value("lxc.net.3.link")).contains("abcdefghijklmno");
        assertThat(l.value("lxc.net.3.veth.mode")).contains("bridge");
        assertThat(l.value("lxc.net.3.l2proxy")).contains("0");
    }

    @Test
    void mountAutoPrintsNeitherForcedItemsNorShmounts() throws IOException {
        LibLxc.Loaded l = load("lxc.mount.auto = proc sys cgroup:rw:force shmounts:/a:/b\n", "lxc.mount.auto");
        assertThat(l.value("lxc.mount.auto")).contains("proc:mixed sys:mixed");
    }

    @Test
    void keepAfterADropFromAnIncludedFileIsRefused() throws IOException {
        Files.writeString(dir.resolve("common.conf"), "lxc.cap.drop = sys_time\n");
        LibLxc.Loaded l = load("lxc.include = common.conf\nlxc.cap.keep = sys_admin\n");
        assertThat(l.accepted()).isFalse();
        assertThat(l.error()).contains("Keeping and dropping capabilities are mutually exclusive");
    }

    @Test
    void archKeepsOnlyThePersonalityOfLiblxcsTable() throws IOException {
        // lxc-keys.tsv lists x32, loongarch64 and loong64 too: liblxc 5.0.2 refuses them
        List<String> names = List.of("arm", "armel", "armhf", "armv7l", "athlon", "i386", "i486", "i586", "i686",
                "linux32", "mips", "mipsel", "ppc", "powerpc", "x86", "aarch64", "amd64", "arm64", "linux64",
                "mips64", "mips64el", "ppc64", "ppc64el", "ppc64le", "powerpc64", "riscv64", "s390x", "x86_64",
                "x32", "loongarch64", "loong64", "AMD64", "armv8");
        for (String name : names) {
            LibLxc.Loaded l = load("lxc.arch = " + name + "\n", "lxc.arch");
            assertThat(l.accepted()).as(name).isEqualTo(Architecture.of(name).isPresent());
            if (l.accepted()) {
                assertThat(l.value("lxc.arch")).as(name).contains(Architecture.of(name).orElseThrow().lxcName());
            }
        }
    }

    @Test
    void aQuotedBlankIsAValueAndOnlyTheEmptyValueClears() throws IOException {
        LibLxc.Loaded l = load("lxc.mount.entry = /a a none bind\nlxc.mount.entry = \" \"\n"
                + "lxc.cap.drop = sys_time\nlxc.cap.drop = \" \"\nlxc.hook.mount = /bin/a\nlxc.hook.mount = \" \"\n",
                "lxc.mount.entry", "lxc.cap.drop", "lxc.hook.mount");
        assertThat(l.accepted()).isTrue();
        assertThat(l.value("lxc.mount.entry")).contains("/a a none bind\n \n");
        assertThat(l.value("lxc.cap.drop")).contains("sys_time\n");
        assertThat(l.value("lxc.hook.mount")).contains("/bin/a\n \n");
        assertThat(KeyCatalog.standard().holds("lxc.mount.entry", List.of("/a a none bind", " ")))
                .containsExactly("/a a none bind", " ");
    }

    @Test
    void capabilityNumbersAndIdMapIdsAreReadAsCUnsignedLongs() throws IOException {
        LibLxc.Loaded caps = load("lxc.cap.drop = 0x15 010\n", "lxc.cap.drop");
        assertThat(caps.accepted()).isTrue();
        assertThat(caps.lines("lxc.cap.drop").stream().map(w -> Capability.ofWord(w).orElseThrow()))
                .containsExactly(Capability.SYS_ADMIN, Capability.SETPCAP);
        assertThat(load("lxc.cap.drop = 08\n").accepted()).isFalse();
        LibLxc.Loaded ids = load("lxc.idmap = u 0 18446744073709551615 1\n", "lxc.idmap");
        assertThat(ids.accepted()).isTrue();
        assertThat(IdMap.parse(ids.value("lxc.idmap").orElseThrow()).hostId())
                .isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(load("lxc.idmap = u 0 18446744073709551616 1\n").accepted()).isFalse();
    }

    @Test
    void aNativeFileRefusesAColonLineButIgnoresSectionHeadersAndOptionsAndReadsOnPastThem() throws IOException {
        String colon = "lxc.uts.name = a\nlxc.arch = amd64\nlxc.uts.name: x\n";
        LibLxc.Loaded refused = load(colon, "lxc.uts.name");
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.error()).contains("Invalid configuration line: lxc.uts.name: x");
        io.github.lxcconf.LxcConfig c = io.github.lxcconf.LxcConfig.parseText(colon);
        assertThat(c.dialect()).as("detected: two native lines, one pasted").isEqualTo(io.github.lxcconf.Dialect.LXC);
        assertThat(c.validate().errors()).extracting(d -> d.code())
                .containsExactly(io.github.lxcconf.DiagnosticCode.LXC_INVALID_LINE);

        String section = "lxc.uts.name = a\nlxc.arch = amd64\nlxc.net.0.type = empty\nlxc.tty.max = 1\n[snap1]\n"
                + "hostname: x\nlxc.uts.name = b\n";
        LibLxc.Loaded read = load(section, "lxc.uts.name");
        assertThat(read.accepted()).isTrue();
        assertThat(read.value("lxc.uts.name")).contains("b");
        io.github.lxcconf.LxcConfig s = io.github.lxcconf.LxcConfig.parseText(section);
        assertThat(s.dialect()).isEqualTo(io.github.lxcconf.Dialect.LXC);
        assertThat(s.validate().hasErrors()).isFalse();
        assertThat(s.lxc().hostname()).as("the typed view reads on past [snap1]").contains("b");
    }

    @Test
    void initGroupsAreNumbersBetweenCommasAndABlankNamespaceListNamesNone() throws IOException {
        assertThat(load("lxc.init.groups = 1,,0x10, 010\n").accepted()).isTrue();
        LibLxc.Loaded bad = load("lxc.init.groups = 1,abc\n");
        assertThat(bad.accepted()).isFalse();
        assertThat(bad.error()).contains("Failed to parse group abc");
        assertThat(load("lxc.namespace.keep = ' '\n").accepted()).isTrue();
        for (String ok : List.of("lxc.init.groups = 1,,0x10, 010\n", "lxc.namespace.keep = ' '\n")) {
            assertThat(io.github.lxcconf.LxcConfig.parseText(ok).validate().hasErrors()).as(ok).isFalse();
        }
        assertThat(io.github.lxcconf.LxcConfig.parseText("lxc.init.groups = 1,abc\n").validate().hasErrors())
                .isTrue();
    }
}
