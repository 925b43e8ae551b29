package io.github.lxcconf.include;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.model.Capabilities;
import io.github.lxcconf.model.Capability;
import io.github.lxcconf.model.DeviceRule;
import io.github.lxcconf.model.LxcSettings;
import io.github.lxcconf.model.MountEntry;
import io.github.lxcconf.model.NetworkInterface;
import io.github.lxcconf.model.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed views of an include tree, each value with its file and line, and the lenient walk. */
class EffectiveViewsTest {
    @TempDir
    Path dir;

    private String at(EffectiveConfig eff, Optional<Origin> origin) {
        return eff.provenance(origin.orElseThrow().lineNumber()).orElseThrow().toString();
    }

    @Test
    void typedViewsReadEveryFileWhereItIsIncludedWithTheFileAndLineOfEachValue() throws IOException {
        Files.writeString(dir.resolve("common.conf"), "lxc.cgroup2.devices.deny = a\n"
                + "lxc.cgroup2.devices.allow = c 1:3 rwm\nlxc.mount.entry = proc proc proc nodev 0 0\n"
                + "lxc.cap.drop = sys_module mac_admin\nlxc.net.0.type = veth\nlxc.net.0.link = lxcbr0\n");
        Files.writeString(dir.resolve("net.conf"), "lxc.net.0.name = eth0\n");
        EffectiveConfig eff = LxcConfig.parse("lxc.include = common.conf\nlxc.cgroup2.devices.allow = c 10:232 rwm\n"
                + "lxc.cap.drop =\nlxc.cap.drop = sys_time\nlxc.include = net.conf\nlxc.net.1.type = empty\n")
                .effective(dir);
        LxcSettings lxc = eff.lxc();
        assertThat(lxc.deviceRules()).extracting(DeviceRule::toValue)
                .containsExactly("a", "c 1:3 rwm", "c 10:232 rwm");
        assertThat(lxc.deviceRules()).extracting(r -> at(eff, r.origin()))
                .containsExactly("common.conf line 1", "common.conf line 2", "<string> line 2");
        assertThat(lxc.mountEntries()).singleElement().satisfies(m -> {
            assertThat(m.target()).isEqualTo("proc");
            assertThat(at(eff, m.origin())).isEqualTo("common.conf line 3");
        });
        // the empty value clears what common.conf dropped
        Capabilities caps = lxc.capabilities();
        assertThat(caps.mode()).isEqualTo(Capabilities.Mode.DROP);
        assertThat(caps.list()).containsExactly(Capability.of("sys_time").orElseThrow());
        assertThat(caps.origins()).extracting(o -> at(eff, Optional.of(o))).contains("<string> line 4");
        NetworkInterface eth0 = lxc.networkInterface(0).orElseThrow();
        assertThat(eth0.link()).contains("lxcbr0");
        assertThat(eth0.name()).contains("eth0");
        assertThat(eth0.origins()).extracting(o -> at(eff, Optional.of(o)))
                .containsExactly("common.conf line 5", "common.conf line 6", "net.conf line 1");
        assertThat(lxc.networkInterfaces()).extracting(NetworkInterface::index).containsExactly(0, 1);
        assertThat(eff.provenance(0)).isEmpty();
        assertThat(eff.provenance(eff.asOneFile().lines().size() + 1)).isEmpty();
        assertThat(eff.asOneFile().sourceName()).isEqualTo("<string>");
        assertThat(eff.asOneFile().lines()).hasSize(2 + 6 + 3 + 1 + 1);
    }

    @Test
    void aConfigWithoutIncludesHasItsOwnTypedView() {
        LxcConfig config = LxcConfig.parse("lxc.mount.entry = /srv srv none bind 0 0\nlxc.cap.keep = sys_admin\n");
        EffectiveConfig eff = config.effective(dir);
        assertThat(eff.lxc().mountEntries()).extracting(MountEntry::toValue)
                .isEqualTo(config.lxc().mountEntries().stream().map(MountEntry::toValue).toList());
        assertThat(eff.lxc().capabilities()).isEqualTo(config.lxc().capabilities());
        assertThat(eff.asOneFile().render()).isEqualTo(config.render());
    }

    @Test
    void theViewsStopWhereLiblxcStops() throws IOException {
        Files.writeString(dir.resolve("old.conf"), "lxc.cap.drop = sys_module\nlxc.network.type = veth\n"
                + "lxc.cap.drop = sys_time\n");
        LxcConfig config = LxcConfig.parse("lxc.include = old.conf\nlxc.cap.drop = mac_admin\n");
        EffectiveConfig strict = config.effective(dir);
        assertThat(strict.stoppedBy()).hasValueSatisfying(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.VAL_LEGACY_KEY);
            assertThat(d.line()).isEqualTo(2);
        });
        assertThat(strict.lxc().capabilities().list()).extracting(Capability::name).containsExactly("SYS_MODULE");
        assertThat(strict.asOneFile().lines()).hasSize(2);

        // the lenient walk reads on: the old tree's values, each stop a diagnostic
        EffectiveConfig lenient = IncludeResolver.resolve(config, dir, IncludeLimits.DEFAULT.withLenient(true));
        assertThat(lenient.stoppedBy()).isEqualTo(strict.stoppedBy());
        assertThat(lenient.lxc().capabilities().list()).extracting(Capability::name)
                .containsExactly("SYS_MODULE", "SYS_TIME", "MAC_ADMIN");
        assertThat(lenient.value("lxc.network.type").map(EffectiveValue::value)).contains("veth");
        assertThat(lenient.diagnostics()).extracting(d -> d.code()).containsExactly(DiagnosticCode.VAL_LEGACY_KEY);
    }

    @Test
    void theLenientWalkGoesPastMissingFilesAndLinesWithoutAnEqualsSign() throws IOException {
        Files.writeString(dir.resolve("a.conf"), "lxc.tty.max\nlxc.uts.name = a\n");
        LxcConfig config = LxcConfig.parse("lxc.include = gone.conf\nlxc.include = a.conf\nlxc.include = gone2.conf\n"
                + "lxc.arch =\nlxc.tty.max = 3\n");
        EffectiveConfig strict = config.effective(dir);
        assertThat(strict.entries()).isEmpty();
        EffectiveConfig lenient = IncludeResolver.resolve(config, dir, IncludeLimits.DEFAULT.withLenient(true));
        assertThat(lenient.value("lxc.uts.name").map(EffectiveValue::value)).contains("a");
        assertThat(lenient.value("lxc.tty.max").map(EffectiveValue::value)).contains("3");
        assertThat(lenient.diagnostics()).extracting(d -> d.code().id() + "@" + d.line())
                .containsExactly("INC001@1", "LXC001@1", "INC001@3", "VAL008@4");
        assertThat(lenient.stoppedBy()).isEqualTo(strict.stoppedBy());
        assertThat(IncludeLimits.DEFAULT.lenient()).isFalse();
        assertThat(IncludeLimits.DEFAULT.withLenient(true).withLenient(false)).isEqualTo(IncludeLimits.DEFAULT);
        assertThat(new IncludeLimits(4, 10, 10)).isEqualTo(new IncludeLimits(4, 10, 10, false));
    }

    @Test
    void aNulByteEndsTheIncludedFileAndTheIncludingFileGoesOn() throws IOException {
        Files.write(dir.resolve("nul.conf"), "lxc.cap.drop = sys_module\nlxc.cap.drop = sys_t\0ime\nlxc.cap.drop = mac_admin\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        EffectiveConfig eff = LxcConfig.parse("lxc.include = nul.conf\nlxc.cap.drop = sys_rawio\n").effective(dir);
        assertThat(eff.lxc().capabilities().list()).extracting(Capability::name)
                .containsExactly("SYS_MODULE", "SYS_RAWIO");
        assertThat(eff.asOneFile().render()).isEqualTo("lxc.include = nul.conf\nlxc.cap.drop = sys_module\n"
                + "lxc.cap.drop = sys_t\nlxc.cap.drop = sys_rawio\n");
    }

    @Test
    void theTextBeforeANulByteIsTheLineLiblxcReads() throws IOException {
        Files.writeString(dir.resolve("a.c"), "lxc.uts.name = cut\n");
        Files.write(dir.resolve("b.conf"), "lxc.uts.name = b\nlxc.tty.max\0 = 4\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        // liblxc 5.0.2 opens "a.c": the path ends at the NUL
        EffectiveConfig cut = LxcConfig.parse("lxc.include = a.c\0onf\nlxc.uts.name = top\n").effective(dir);
        assertThat(cut.value("lxc.uts.name").map(EffectiveValue::toString)).contains("lxc.uts.name = cut (a.c line 1)");
        assertThat(cut.stoppedBy()).isEmpty();
        // "lxc.tty.max" alone has no '=': "Invalid configuration line", where liblxc stops
        EffectiveConfig invalid = LxcConfig.parse("lxc.include = b.conf\nlxc.uts.name = top\n").effective(dir);
        assertThat(invalid.stoppedBy()).hasValueSatisfying(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.LXC_INVALID_LINE);
            assertThat(d.source()).isEqualTo(dir.resolve("b.conf").toString());
            assertThat(d.line()).isEqualTo(2);
        });
        assertThat(invalid.value("lxc.uts.name").map(EffectiveValue::value)).contains("b");
        assertThat(LxcConfig.parse("lxc.include = b.conf\n").validate(io.github.lxcconf.validate.ValidationOptions
                .defaults().withIncludesFrom(dir)).errors()).extracting(d -> d.code().id() + "@" + d.line())
                .containsExactly("LXC001@2");
    }
}
