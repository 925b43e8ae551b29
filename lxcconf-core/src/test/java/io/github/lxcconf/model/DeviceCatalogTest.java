package io.github.lxcconf.model;

import io.github.lxcconf.internal.SpecFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceCatalogTest {

    @ParameterizedTest(name = "{0} {1}:{2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            CHAR  | 10  | 232 | /dev/kvm
            CHAR  | 10  | 200 | /dev/net/tun
            CHAR  | 10  | 229 | /dev/fuse
            CHAR  | 10  | 237 | /dev/loop-control
            CHAR  | 1   | 3   | /dev/null
            CHAR  | 5   | 2   | /dev/ptmx
            CHAR  | 226 | 0   | /dev/dri/card0..
            CHAR  | 226 | 128 | /dev/dri/renderD128..
            CHAR  | 116 | 1   | /dev/snd/seq
            CHAR  | 116 | 5   | /dev/snd/*
            CHAR  | 4   | 0   | /dev/tty0
            BLOCK | 4   | 0   | /dev/root
            ALL   | 4   | 0   | /dev/tty0
            ALL   | 7   | 3   | /dev/vcs,/dev/vcs1..
            BLOCK | 7   | 3   | /dev/loop0..
            BLOCK | 8   | 0   | /dev/sda../dev/sdp
            BLOCK | 8   | 17  | /dev/sda../dev/sdp
            BLOCK | 179 | 9   | /dev/mmcblk0..
            CHAR  | 188 | 0   | /dev/ttyUSB0..
            CHAR  | 131 | 7   | (ptmx clones)
            CHAR  | 240 | 0   | (dynamic)
            CHAR  | 509 | 1   | (dynamic)
            BLOCK | 252 | 0   | /dev/zram0.. / /dev/vda.. (typical)
            CHAR  | 195 | 255 | /dev/nvidiactl
            CHAR  | 195 | 3   | /dev/nvidia0..
            """)
    @DisplayName("lookup gives the most specific row")
    void lookup(DeviceType type, int major, int minor, String name) {
        assertThat(DeviceCatalog.lookup(type, major, minor).map(DeviceInfo::name)).contains(name);
    }

    @Test
    @DisplayName("numbers the table does not know")
    void unknown() {
        assertThat(DeviceCatalog.lookup(DeviceType.CHAR, 10, 99)).isEmpty();
        assertThat(DeviceCatalog.lookup(DeviceType.BLOCK, 8, 256)).isEmpty();
        assertThat(DeviceCatalog.lookup(DeviceType.CHAR, 600, 0)).isEmpty();
        assertThat(DeviceCatalog.lookup(DeviceType.BLOCK, 10, 232)).isEmpty();
    }

    @Test
    @DisplayName("a wildcard minor: every row of the major, and the one row covering all its minors")
    void wildcardMinor() {
        assertThat(DeviceCatalog.devicesOf(DeviceType.CHAR, 226)).extracting(DeviceInfo::name)
                .containsExactly("/dev/dri/card0..", "/dev/dri/controlD64..", "/dev/dri/renderD128..");
        assertThat(DeviceCatalog.devicesOf(DeviceType.CHAR, 10)).hasSizeGreaterThan(20)
                .extracting(DeviceInfo::name).contains("/dev/kvm", "/dev/net/tun");
        assertThat(DeviceCatalog.devicesOf(DeviceType.ALL, 4)).extracting(DeviceInfo::name)
                .containsExactly("/dev/tty0", "/dev/tty1../dev/tty63", "/dev/ttyS0../dev/ttyS191", "/dev/root");
        assertThat(DeviceCatalog.devicesOf(DeviceType.CHAR, 245)).extracting(DeviceInfo::allocation)
                .containsExactly(DeviceInfo.Allocation.DYNAMIC);
        assertThat(DeviceCatalog.devicesOf(DeviceType.CHAR, 600)).isEmpty();
        assertThat(DeviceCatalog.lookupMajor(DeviceType.CHAR, 188).map(DeviceInfo::name)).contains("/dev/ttyUSB0..");
        assertThat(DeviceCatalog.lookupMajor(DeviceType.CHAR, 166).map(DeviceInfo::name)).contains("/dev/ttyACM0..");
        assertThat(DeviceCatalog.lookupMajor(DeviceType.BLOCK, 7).map(DeviceInfo::name)).contains("/dev/loop0..");
        assertThat(DeviceCatalog.lookupMajor(DeviceType.CHAR, 116).map(DeviceInfo::name)).contains("/dev/snd/*");
        assertThat(DeviceCatalog.lookupMajor(DeviceType.CHAR, 10)).isEmpty();
        assertThat(DeviceCatalog.lookupMajor(DeviceType.CHAR, 226)).isEmpty();
    }

    @Test
    @DisplayName("dynamically allocated majors, as the allocation column says")
    void dynamic() {
        assertThat(DeviceCatalog.isDynamicMajor(DeviceType.CHAR, 234)).isTrue();
        assertThat(DeviceCatalog.isDynamicMajor(DeviceType.CHAR, 254)).isTrue();
        assertThat(DeviceCatalog.isDynamicMajor(DeviceType.CHAR, 384)).isTrue();
        assertThat(DeviceCatalog.isDynamicMajor(DeviceType.CHAR, 511)).isTrue();
        assertThat(DeviceCatalog.isDynamicMajor(DeviceType.BLOCK, 252)).isTrue();
        assertThat(DeviceCatalog.isDynamicMajor(DeviceType.CHAR, 10)).isFalse();
        assertThat(DeviceCatalog.isDynamicMajor(DeviceType.CHAR, 255)).isFalse();
        assertThat(DeviceCatalog.isDynamicMajor(DeviceType.CHAR, 233)).isFalse();
        assertThat(DeviceCatalog.isDynamicMajor(DeviceType.CHAR, 512)).isFalse();
        assertThat(DeviceCatalog.isDynamicMajor(DeviceType.BLOCK, 259)).isFalse();
        assertThat(DeviceCatalog.lookup(DeviceType.BLOCK, 259, 1).map(DeviceInfo::allocation))
                .contains(DeviceInfo.Allocation.DYNAMIC_MINOR);
        assertThat(DeviceCatalog.isDynamicMajor(DeviceType.ALL, 240)).isTrue();
    }

    @Test
    @DisplayName("by path, and the whole table in order")
    void byPathAndAll() {
        assertThat(DeviceCatalog.byPath("/dev/kvm").map(DeviceInfo::minor)).contains("232");
        assertThat(DeviceCatalog.byPath("/dev/nope")).isEmpty();
        List<DeviceInfo> all = DeviceCatalog.all();
        assertThat(all).hasSize(114);
        assertThat(all.get(0)).isEqualTo(new DeviceInfo(DeviceType.CHAR, "1", "1", "/dev/mem",
                "physical memory access", DeviceInfo.Allocation.STATIC, "devices.txt"));
        assertThat(all.get(all.size() - 1).name()).isEqualTo("(reserved)");
        assertThat(all).filteredOn(d -> d.major().equals("(dynamic)")).hasSize(2);
    }

    @Test
    @DisplayName("the bundled table is the shared linux-devices.tsv, header included")
    void resource() throws IOException {
        byte[] bundled;
        try (InputStream in = SpecFiles.open("linux-devices.tsv")) {
            assertThat(in).isNotNull();
            bundled = in.readAllBytes();
        }
        assertThat(new String(bundled, java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("major\tminor\ttype\tdev_name\tdescription\tallocation\tsource\n");
        String shared = System.getProperty("lxcconf.shared.dir");
        Path tsv = shared == null ? null : Path.of(shared, "spec", "linux-devices.tsv");
        assumeTrue(tsv != null && Files.isRegularFile(tsv), "the shared spec folder is not beside the repository");
        assertThat(bundled).isEqualTo(Files.readAllBytes(tsv));
    }

    @Test
    @DisplayName("the number columns: single, range, open range, progression, wildcard, none")
    void ranges() {
        long open = Long.MAX_VALUE;
        assertThat(DeviceCatalog.range("5")).containsExactly(5, 5);
        assertThat(DeviceCatalog.range("0-255")).containsExactly(0, 255);
        assertThat(DeviceCatalog.range("64-")).containsExactly(64, open);
        assertThat(DeviceCatalog.range("*")).containsExactly(0, open);
        assertThat(DeviceCatalog.range("0,16,..,240")).containsExactly(0, 255);
        assertThat(DeviceCatalog.range("0,8,16..")).containsExactly(0, open);
        assertThat(DeviceCatalog.range("(dynamic)")).containsExactly(-1, -2);
    }

    @Test
    @DisplayName("a table without its header or with a short line is refused")
    void badTable() {
        assertThatThrownBy(() -> DeviceCatalog.parse(List.of("1\t3\tc\t/dev/null\tx\tstatic\ty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the device table must start with its header line");
        assertThatThrownBy(() -> DeviceCatalog.parse(List.of(
                "major\tminor\ttype\tdev_name\tdescription\tallocation\tsource", "1\t3\tc")))
                .hasMessage("device table line 2 has 3 fields, expected 7");
        assertThatThrownBy(() -> DeviceCatalog.parse(List.of(
                "major\tminor\ttype\tdev_name\tdescription\tallocation\tsource", "1\t3\tx\t/dev/null\tx\tstatic\ty")))
                .hasMessage("device table line 2: bad type");
    }

    @Test
    @DisplayName("loaded once: threads racing on first use see the same table")
    void threads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<DeviceInfo>>> tasks = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                tasks.add(DeviceCatalog::all);
            }
            List<DeviceInfo> first = DeviceCatalog.all();
            for (Future<List<DeviceInfo>> f : pool.invokeAll(tasks)) {
                assertThat(f.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
