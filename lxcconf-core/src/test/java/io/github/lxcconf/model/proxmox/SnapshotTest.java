package io.github.lxcconf.model.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.testing.PveCorpus;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SnapshotTest {

    private static ProxmoxSettings read(String text) {
        return LxcConfig.reader().dialect(Dialect.PROXMOX).sourceName("100.conf").parse(text).proxmox();
    }

    @Test
    @DisplayName("name, parent, snaptime as an Instant, snapstate, options and comment of a snapshot section")
    void fields() {
        ProxmoxSettings pve = read("""
                arch: amd64
                parent: second
                
                [first]
                #the first one
                arch: amd64
                memory: 256
                snaptime: 1700000000
                
                [second]
                memory: 512
                parent: first
                snapstate: prepare
                snaptime: 1700000100
                """);
        assertThat(pve.snapshots()).extracting(Snapshot::name).containsExactly("first", "second");
        Snapshot first = pve.snapshot("first").orElseThrow();
        assertThat(first.line()).isEqualTo(4);
        assertThat(first.parent()).isEmpty();
        assertThat(first.snaptime()).contains(Instant.parse("2023-11-14T22:13:20Z"));
        assertThat(first.snapstate()).isEmpty();
        assertThat(first.description().text()).isEqualTo("the first one\n");
        assertThat(first.options().get("memory")).contains("256");
        assertThat(first.options().memory()).isEqualTo(256);
        Snapshot second = pve.snapshot("second").orElseThrow();
        assertThat(second.parent()).contains("first");
        assertThat(second.snapstate()).contains("prepare");
        assertThat(second.snaptime()).contains(Instant.ofEpochSecond(1700000100));
        assertThat(pve.snapshot("third")).isEmpty();
        assertThat(pve.snapshot("First")).isEmpty();
        assertThat(pve.diagnostics()).isEmpty();
    }

    @Test
    @DisplayName("a parent with no section is a warning at the parent value, in the main section and in snapshots")
    void missingParent() {
        ProxmoxSettings pve = read("parent: gone\n\n[snap]\nparent: alsogone\nsnaptime: 1\n");
        assertThat(pve.diagnostics()).map(Diagnostic::toString).containsExactly(
                "100.conf:1:9: warning: parent snapshot 'gone' has no [gone] section in this file [PVE107]",
                "100.conf:4:9: warning: parent snapshot 'alsogone' has no [alsogone] section in this file [PVE107]");
    }

    @Test
    @DisplayName("the corpus cases: a second section of the same name replaces the first; [a] leaks into snap1")
    void corpus() {
        ProxmoxSettings crlf = PveCorpus.input("synthetic/edge-crlf-duplicates-case-pending.conf").config().proxmox();
        assertThat(crlf.snapshots()).hasSize(1);
        assertThat(crlf.snapshot("s1").orElseThrow().options().asMap()).containsOnlyKeys("memory")
                .containsEntry("memory", "2");
        assertThat(crlf.snapshot("s1").orElseThrow().line()).isEqualTo(19);
        // a snapstate in the main section is removed after reading; in a snapshot it stays
        assertThat(crlf.option("snapstate")).isEmpty();
        assertThat(crlf.options().keys()).containsExactly("arch", "hostname", "memory", "swap", "onboot");
        ProxmoxSettings mixed = PveCorpus.input("synthetic/edge-mixed-comments-invalid-lines-sections.conf").config()
                .proxmox();
        Snapshot snap1 = mixed.snapshot("snap1").orElseThrow();
        assertThat(snap1.options().asMap()).containsOnlyKeys("arch", "snaptime", "memory");
        assertThat(snap1.options().get("memory")).contains("1");
        assertThat(snap1.snaptime()).contains(Instant.ofEpochSecond(1700000000));
        ProxmoxSettings empty = PveCorpus.input("synthetic/edge-comment-encoding.conf").config().proxmox();
        assertThat(empty.snapshot("emptysnap").orElseThrow().options().isEmpty()).isTrue();
        assertThat(empty.snapshot("emptysnap").orElseThrow().description().isEmpty()).isTrue();
    }

    @Test
    @DisplayName("a snaptime that is not an integer gives no Instant; the record checks its parts")
    void invalid() {
        assertThat(read("[s1]\nsnaptime: soon\n").snapshot("s1").orElseThrow().snaptime()).isEmpty();
        assertThatThrownBy(() -> new Snapshot("s", 0, read("").options(), new Description("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("line starts at 1, got 0");
        assertThatThrownBy(() -> new Snapshot(null, 1, read("").options(), new Description("")))
                .isInstanceOf(NullPointerException.class);
    }
}
