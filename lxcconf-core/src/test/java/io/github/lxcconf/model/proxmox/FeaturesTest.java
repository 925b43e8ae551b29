package io.github.lxcconf.model.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeaturesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nesting=1|true|false|false|false|false",
            "keyctl=1,mknod=1,nesting=1|true|true|false|true|false",
            "fuse=yes,force_rw_sys=ON|false|false|true|false|true",
            "nesting=0,keyctl=off|false|false|false|false|false",
            "nesting=2|false|false|false|false|false"})
    @DisplayName("flags as Proxmox reads booleans; unset and ill-typed are off")
    void flags(String text, boolean nesting, boolean keyctl, boolean fuse, boolean mknod, boolean forceRwSys) {
        Features f = Features.parse(text);
        assertThat(f.nesting()).isEqualTo(nesting);
        assertThat(f.keyctl()).isEqualTo(keyctl);
        assertThat(f.fuse()).isEqualTo(fuse);
        assertThat(f.mknod()).isEqualTo(mknod);
        assertThat(f.forceRwSys()).isEqualTo(forceRwSys);
    }

    @Test
    @DisplayName("mount list, none(), diagnostics and editing")
    void rest() {
        assertThat(Features.parse("mount=nfs;cifs,nesting=1").mount()).containsExactly("nfs", "cifs");
        assertThat(Features.none().nesting()).isFalse();
        assertThat(Features.none().value().toValue()).isEmpty();
        assertThat(Features.none().diagnostics()).isEmpty();
        assertThat(Features.parse("nesting=1,docker=1").diagnostics()).map(Diagnostic::toString).containsExactly(
                "<string>:1:11: warning: unable to parse value of 'features' - format error: docker: property is not"
                        + " defined in schema and the schema does not allow additional properties [PVE104]");
        assertThat(Features.parse("mount=nfs,v4").diagnostics()).map(Diagnostic::toString).containsExactly(
                "<string>:1:11: warning: unable to parse value of 'features' - value without key, but schema does"
                        + " not define a default key [PVE103]");
        assertThat(Features.parse("mount=ext4!").diagnostics()).map(Diagnostic::message).containsExactly(
                "unable to parse value of 'features' - format error: mount: value does not match the regex pattern");
        Features f = Features.parse("keyctl=1,nesting=1");
        assertThat(f.with("fuse", "1").value().toValue()).isEqualTo("fuse=1,keyctl=1,nesting=1");
        assertThat(f.with("nesting", "0").value().toValue()).isEqualTo("keyctl=1,nesting=0");
        assertThat(f.without("keyctl").value().toValue()).isEqualTo("nesting=1");
        assertThat(Features.none().with("nesting", "1").value().toValue()).isEqualTo("nesting=1");
        assertThat(f.with("nesting", "1")).isSameAs(f);
        assertThat(List.of(f)).containsExactly(Features.parse("keyctl=1,nesting=1"));
    }
}
