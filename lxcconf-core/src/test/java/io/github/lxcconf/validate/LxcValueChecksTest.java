package io.github.lxcconf.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("liblxc values: syslog facility, byte sizes, cgroup directories and network interfaces")
class LxcValueChecksTest {

    private static final Set<String> CODES = Set.of("VAL001", "VAL008", "VAL014", "VAL015", "VAL016", "VAL017",
            "VAL018", "LXC107", "LXC110");

    private static LxcConfig lxc(String text) {
        return LxcConfig.reader().dialect(Dialect.LXC).sourceName("ct.conf").parse(text);
    }

    private static List<Diagnostic> found(String text) {
        return lxc(text).validate().diagnostics().stream().filter(d -> CODES.contains(d.code().id())).toList();
    }

    private static String summary(List<Diagnostic> ds) {
        return String.join(" ", ds.stream().map(d -> d.code().id() + "@" + d.line() + ":" + d.column()
                + ":" + d.severity()).toList());
    }

    /** Config lines are separated by {@code ;}; the expected summary is CODE@LINE:COLUMN:SEVERITY, space-separated. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            lxc.log.syslog = daemon                                          | -
            lxc.log.syslog = LOCAL7                                          | -
            lxc.log.syslog = local0                                          | -
            lxc.log.syslog =                                                 | -
            lxc.log.syslog = local8                                          | VAL008@1:18:ERROR
            lxc.log.syslog = kern                                            | VAL008@1:18:ERROR
            lxc.log.syslog = user                                            | VAL008@1:18:ERROR
            lxc.console.buffer.size = auto                                   | -
            lxc.console.buffer.size = 0                                      | -
            lxc.console.buffer.size = 64KB                                   | -
            lxc.console.buffer.size = 1 mb                                   | -
            lxc.console.buffer.size = 2Gb                                    | -
            lxc.console.size = 128kB                                         | -
            lxc.console.buffer.size = 1M                                     | VAL018@1:27:WARNING
            lxc.console.size = 4 K                                           | VAL018@1:20:WARNING
            lxc.console.size = 4096b                                         | VAL018@1:20:WARNING
            lxc.console.buffer.size = 64KiB                                  | VAL008@1:27:ERROR
            lxc.console.buffer.size = 1TB                                    | VAL008@1:27:ERROR
            lxc.console.buffer.size = big                                    | VAL008@1:27:ERROR
            lxc.console.buffer.size = -1                                     | VAL008@1:27:ERROR
            lxc.console.buffer.size = 1.5MB                                  | VAL008@1:27:ERROR
            lxc.console.buffer.size = AUTO                                   | VAL008@1:27:ERROR
            lxc.console.size = 123456789012345678901                         | VAL008@1:20:ERROR
            lxc.cgroup.dir = lxc/ct1                                         | -
            lxc.cgroup.dir = /lxc/ct1                                        | VAL008@1:18:ERROR
            lxc.cgroup.dir = lxc/../ct1                                      | VAL008@1:18:ERROR
            lxc.cgroup.dir = a..b                                            | VAL008@1:18:ERROR
            lxc.cgroup.dir.monitor.pivot = /pivot                            | VAL008@1:32:ERROR
            lxc.cgroup.relative = 1                                          | -
            lxc.cgroup.relative = 2                                          | VAL008@1:23:ERROR
            lxc.cgroup.dir.monitor = m;lxc.cgroup.dir.container = c          | -
            lxc.cgroup.dir.monitor = m;lxc.cgroup.dir.container = c;lxc.cgroup.dir.container.inner = ns | -
            lxc.cgroup.dir.monitor = m;lxc.cgroup.dir.container = c;lxc.cgroup.dir.container.inner = a/b | VAL008@3:34:ERROR
            lxc.cgroup.dir.monitor = m;lxc.cgroup.dir.container = c;lxc.cgroup.dir.container.inner = .. | VAL008@3:34:ERROR
            lxc.cgroup.dir.monitor = m                                       | VAL014@1:1:WARNING
            lxc.cgroup.dir.container = c                                     | VAL014@1:1:WARNING
            lxc.cgroup.dir.container.inner = ns                              | VAL014@1:1:WARNING
            lxc.cgroup.dir.monitor = m;lxc.cgroup.dir.container = c;lxc.cgroup.dir.container =  | VAL014@1:1:WARNING
            lxc.cgroup.dir = d;lxc.cgroup.dir.monitor = m;lxc.cgroup.dir.container = c | VAL014@1:1:WARNING
            lxc.cgroup.dir.monitor = m;lxc.cgroup.dir.container = c;  lxc.cgroup.dir = d | VAL014@3:3:WARNING
            lxc.cgroup.dir = d;lxc.cgroup.dir =;lxc.cgroup.dir.monitor = m;lxc.cgroup.dir.container = c | -
            lxc.net.0.type = veth;lxc.net.0.link = br0                       | -
            lxc.net.0.link = br0                                             | VAL015@1:1:WARNING
            lxc.net.0.link = br0;lxc.net.0.type = veth                       | -
            lxc.net.0.type = veth;lxc.net.1.link = br1;lxc.net.1.name = eth1 | VAL015@2:1:WARNING
            lxc.net.0.type = veth;lxc.net.0.link = br0;lxc.net.0.type =      | VAL015@3:1:WARNING
            lxc.net.0.type = veth;lxc.net.0.type =;lxc.net.0.type = veth     | -
            lxc.net.0.type = veth;lxc.net.0.link =                           | -
            lxc.net.0.type = veth;lxc.net.2.type = veth                      | VAL017@2:1:INFO
            lxc.net.1.type = veth                                            | VAL017@1:1:INFO
            lxc.net.3.link = br0                                             | VAL015@1:1:WARNING VAL017@1:1:INFO
            lxc.net.0.type = veth;lxc.net.0 =                                | -
            lxc.net.1 =                                                      | VAL016@1:1:INFO
            lxc.net.0.type = veth;lxc.net =;lxc.net.0 =                      | VAL016@3:1:INFO
            lxc.net.0.type = veth;lxc.net.0 =;lxc.net.0 =                    | VAL016@3:1:INFO
            lxc.net.8.type = veth;lxc.net.010 =                              | -
            lxc.net.10.type = veth;lxc.net.010 =                             | VAL017@1:1:INFO VAL016@2:1:INFO
            lxc.net.1 = x                                                    | LXC107@1:1:ERROR
            lxc.net.0.link =                                                 | LXC110@1:17:ERROR
            """)
    void table(String config, String expected) {
        assertThat(summary(found(config.replace(";", "\n") + "\n"))).isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void syslogAndSizeMessages() {
        assertThat(found("lxc.log.syslog = kern\n")).singleElement().isEqualTo(new Diagnostic(Severity.ERROR,
                DiagnosticCode.VAL_INVALID_VALUE, "unknown syslog facility 'kern'; liblxc accepts daemon or"
                        + " local0..local7: liblxc refuses the file",
                Optional.of("value grammar: daemon | local0..local7 (case-insensitive)"), "ct.conf", 1, 18));
        Diagnostic unit = found("lxc.console.buffer.size = 1M\n").get(0);
        assertThat(unit.message()).isEqualTo("'1M' is read as 1 byte(s): liblxc ignores a one-letter unit (only KB,"
                + " MB and GB count)");
        assertThat(unit.hint()).contains("write '1MB'");
        assertThat(found("lxc.console.size = 512B\n").get(0).hint()).contains("write '512'");
        assertThat(found("lxc.console.buffer.size = 64KiB\n").get(0).message()).isEqualTo("'64KiB' ends in 'iB',"
                + " which is not a unit liblxc knows; 'lxc.console.buffer.size' takes 'auto' or a number with an"
                + " optional KB, MB or GB: liblxc refuses the file");
        assertThat(found("lxc.cgroup.dir = /lxc\n").get(0).message()).isEqualTo("'lxc.cgroup.dir' must be a path"
                + " relative to the cgroup LXC starts in, not '/lxc': liblxc refuses the file");
    }

    @Test
    void cgroupDirAndNetworkMessages() {
        assertThat(found("lxc.cgroup.dir = d\nlxc.cgroup.dir.monitor = m\nlxc.cgroup.dir.container = c\n"))
                .singleElement().satisfies(d -> {
                    assertThat(d.message()).isEqualTo("lxc.cgroup.dir cannot be combined with lxc.cgroup.dir.monitor"
                            + " (line 2): liblxc loads the file, but the container would fail at start");
                    assertThat(d.hint()).contains("keep either lxc.cgroup.dir alone, or lxc.cgroup.dir.monitor and"
                            + " lxc.cgroup.dir.container (with lxc.cgroup.dir.container.inner if needed)");
                });
        assertThat(found("lxc.cgroup.dir.monitor = m\n").get(0).message()).isEqualTo("lxc.cgroup.dir.monitor needs"
                + " lxc.cgroup.dir.container as well: liblxc loads the file, but the container would fail at start");
        assertThat(found("lxc.cgroup.dir.container.inner = ns\n").get(0).message()).startsWith(
                "lxc.cgroup.dir.container.inner needs lxc.cgroup.dir.monitor and lxc.cgroup.dir.container as well");
        assertThat(found("lxc.net.1.link = br1\nlxc.net.1.name = eth1\n")).first().isEqualTo(new Diagnostic(
                Severity.WARNING, DiagnosticCode.VAL_NET_WITHOUT_TYPE, "interface 1 has no lxc.net.1.type: liblxc"
                        + " loads the file, but sets up no network device for it, so lxc.net.1.link, lxc.net.1.name"
                        + " have no effect", Optional.of("add lxc.net.1.type = veth (or another type) above line 1"),
                "ct.conf", 1, 1));
        assertThat(found("lxc.net.0.type = veth\nlxc.net.0.type =\nlxc.net.0.link = br0\n")).singleElement()
                .isEqualTo(new Diagnostic(Severity.WARNING, DiagnosticCode.VAL_NET_WITHOUT_TYPE, "interface 0 has no"
                        + " type: 'lxc.net.0.type =' resets the interface and no later line sets a type; liblxc loads"
                        + " the file, but the interface is left unusable, so lxc.net.0.link has no effect",
                        Optional.of("to remove interface 0, write 'lxc.net.0 ='; to keep it, give lxc.net.0.type a"
                                + " value such as veth"), "ct.conf", 2, 1));
        assertThat(found("lxc.net.0.type = veth\nlxc.net.3.type = veth\n").get(0).message()).isEqualTo(
                "interface 3 follows a gap: there are no interfaces 1 to 2; liblxc accepts gaps and keeps the"
                        + " interfaces sorted by number");
        assertThat(found("lxc.net.1.type = veth\n").get(0).message()).startsWith(
                "interface 1 follows a gap: there is no interface 0;");
        assertThat(found("lxc.net.10.type = veth\nlxc.net.010 =\n")).filteredOn(d -> d.line() == 2).singleElement()
                .satisfies(d -> assertThat(d.message()).isEqualTo("'lxc.net.010 =' removes interface 8 ('010' is"
                        + " read as a C number here, so it means 8), but no earlier line sets up that interface:"
                        + " liblxc accepts the line, and it has no effect"));
    }

    @Test
    void proxmoxConfigsSkipTheNativeWholeFileChecks() {
        LxcConfig pve = LxcConfig.reader().dialect(Dialect.PROXMOX).sourceName("101.conf")
                .parse("arch: amd64\nnet0: name=eth0,bridge=vmbr0\nnet2: name=eth2,bridge=vmbr0\n"
                        + "lxc.net.0.mtu: 9000\n");
        assertThat(pve.validate().diagnostics()).extracting(d -> d.code().id())
                .doesNotContain("VAL015", "VAL016", "VAL017", "VAL014");
    }
}
