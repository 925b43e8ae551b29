package io.github.lxcconf.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutOfRangeOptionTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "net32: name=eth0,bridge=vmbr0 | net32 | net takes the indexes 0 to 31",
        "mp256: /tank/a,mp=/a          | mp256 | mp takes the indexes 0 to 255",
        "dev256: /dev/kvm              | dev256 | dev takes the indexes 0 to 255",
    })
    void anIndexPastTheFamilysLastIsExplainedAsAnOptionProxmoxIgnores(String line, String key, String range) {
        LxcConfig config = LxcConfig.reader().dialect(Dialect.PROXMOX).sourceName("101.conf")
                .parse("arch: amd64\n" + line + "\n");
        String text = config.explain().toText();
        assertThat(text).contains("'" + key + "' is not an option Proxmox knows (" + range + ")")
                .contains("nothing reads it");
    }
}
