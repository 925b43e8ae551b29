package io.github.lxcconf.model.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.model.proxmox.PendingChanges.Deletion;
import io.github.lxcconf.testing.PveCorpus;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PendingChangesTest {

    static Stream<Arguments> deletions() {
        return Stream.of(
                Arguments.of("swap,cores", List.of(new Deletion("swap", false), new Deletion("cores", false))),
                Arguments.of("swap cores", List.of(new Deletion("swap", false), new Deletion("cores", false))),
                Arguments.of("swap;!cores", List.of(new Deletion("swap", false), new Deletion("cores", true))),
                Arguments.of("  !mp0 ,, net1\t", List.of(new Deletion("mp0", true), new Deletion("net1", false))),
                Arguments.of("swap,!swap", List.of(new Deletion("swap", true))),
                Arguments.of("!", List.of()),
                Arguments.of("", List.of()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("deletions")
    @DisplayName("parse_pending_delete: comma, semicolon or blanks; ! is force; a repeated key counts once")
    void parse(String text, List<Deletion> expected) {
        assertThat(PendingChanges.parseDeletions(text)).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("the pending section of the mixed synthetic file")
    void corpus() {
        PendingChanges p = PveCorpus.input("synthetic/edge-mixed-comments-invalid-lines-sections.conf").config()
                .proxmox().pending().orElseThrow();
        assertThat(p.options().asMap()).containsOnlyKeys("memory").containsEntry("memory", "1024");
        assertThat(p.deletions()).containsExactly(new Deletion("swap", false), new Deletion("cores", false));
        assertThat(p.isDeleted("cores")).isTrue();
        assertThat(p.isDeleted("memory")).isFalse();
        assertThat(p.description().text()).isEqualTo("pending comment\n");
        PendingChanges crlf = PveCorpus.input("synthetic/edge-crlf-duplicates-case-pending.conf").config().proxmox()
                .pending().orElseThrow();
        assertThat(crlf.options().get("memory")).contains("128");
    }

    @Test
    @DisplayName("the last delete: line and the last pending section count; delete: is no option")
    void lastWins() {
        LxcConfig c = LxcConfig.reader().dialect(Dialect.PROXMOX).parse(
                "arch: amd64\n[pve:pending]\nmemory: 1024\ndelete: a\n[pve:pending]\nswap: 2\ndelete: b\ndelete: c,d\n");
        PendingChanges p = c.proxmox().pending().orElseThrow();
        assertThat(p.options().asMap()).containsOnlyKeys("swap");
        assertThat(p.deletions()).extracting(Deletion::key).containsExactly("c", "d");
        assertThat(c.proxmox().diagnostics()).isEmpty();
        assertThat(LxcConfig.reader().dialect(Dialect.PROXMOX).parse("arch: amd64\n").proxmox().pending()).isEmpty();
        assertThatThrownBy(() -> new Deletion("", false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key is empty");
    }
}
