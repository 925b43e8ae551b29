package io.github.lxcconf.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShowConfigTest {

    @Test
    void bundledClassroomConfigIsReadLosslessly() throws IOException {
        LxcConfig config = ShowConfig.classroom();
        byte[] bytes;
        try (InputStream in = ShowConfig.class.getResourceAsStream("/" + ShowConfig.CLASSROOM)) {
            bytes = in.readAllBytes();
        }
        assertThat(config.toBytes()).isEqualTo(bytes);
        assertThat(config.dialect()).isEqualTo(Dialect.PROXMOX);
        assertThat(config.values("lxc.cgroup.devices.allow")).containsExactly("c 10:232 rwm", "c 10:200 rwm");
    }

    @Test
    void printsEveryLineWithItsInterpretedValue() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ShowConfig.print(ShowConfig.classroom(), new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("classroom-102.conf: PROXMOX config, 17 lines\n");
        assertThat(out).contains("13  raw LXC key  lxc.cgroup.devices.allow = \"c 10:232 rwm\"\n");
        assertThat(out).contains(" 5  option       net0 = \"name=eth0,bridge=vmbr0,hwaddr=86:4B:53:B7:66:0A,ip=dhcp,type=veth\"\n");
        assertThat(out).contains("10  blank\n");
        assertThat(out).contains("11  comment      # LINES IN QUESTION\n");
        assertThat(out).endsWith("No diagnostics: every line is read as it is written.\n");
    }

    @Test
    void printsDiagnosticsWithHints() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        LxcConfig config = LxcConfig.reader().sourceName("bad.conf").parse("arch: amd64\nhostname : x\n");
        ShowConfig.print(config, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("2  not read     hostname : x  <- Proxmox cannot parse a line with blanks before ':'\n");
        assertThat(out).contains("1 diagnostic(s):\nbad.conf:2:9: error: Proxmox cannot parse a line with blanks before ':' [PVE001]\n"
                + "    hint: write 'hostname: value'\n");
    }
}
