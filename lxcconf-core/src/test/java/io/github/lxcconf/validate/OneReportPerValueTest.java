package io.github.lxcconf.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A value liblxc refuses is one fact, and {@code validate()} reports it once: the typed views (devices, mounts,
 * AppArmor, seccomp, network interfaces, ...) and the catalogue's value check must not both report it, under two
 * codes, at the same place. Every key of the catalogue gets each of a set of values that many keys refuse, in a
 * native config and as a raw key of a Proxmox config.
 */
@DisplayName("a bad value is reported once, whichever checks look at it")
class OneReportPerValueTest {
    private static final List<String> VALUES = List.of("2", "bogus", "-1", "", " ", "1x", "0x2", "09",
            "99999999999999999999999", "a b", "/abs", "../x", "c 10:232 rwm", "x 1:2 r", "=", "1:2:3", "proc:bogus",
            "none bind", "foo=bar", "yes", "u 0 100000 65536");

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < KeyCatalogRows.KEYS.length; i += KeyCatalogRows.COLUMNS) {
            String key = KeyCatalogRows.KEYS[i].replace("<N>", "0");
            keys.add(key.endsWith(".") ? key + "name" : key);
        }
        return keys;
    }

    /** The codes reported at each line:column, where more than one code is. */
    private static Map<String, Set<String>> codesAtOnePlace(Validation validation) {
        Map<String, Set<String>> codes = new TreeMap<>();
        for (Diagnostic d : validation.diagnostics()) {
            codes.computeIfAbsent(d.line() + ":" + d.column(), p -> new TreeSet<>()).add(d.code().id());
        }
        codes.values().removeIf(set -> set.size() < 2);
        return codes;
    }

    @Test
    void everyKeyOfTheCatalogueReportsABadValueUnderOneCode() {
        List<String> twice = new ArrayList<>();
        int refused = 0;
        for (String key : keys()) {
            for (String value : VALUES) {
                Validation lxc = LxcConfig.reader().dialect(Dialect.LXC).parse(key + " = " + value + "\n").validate();
                Validation pve = LxcConfig.reader().dialect(Dialect.PROXMOX)
                        .parse("arch: amd64\nostype: debian\n" + key + ": " + value + "\n").validate();
                int column = key.length() + 4;
                for (var e : codesAtOnePlace(lxc).entrySet()) {
                    if (e.getKey().equals("1:" + column)) {
                        twice.add("native '" + key + " = " + value + "': " + e.getValue());
                    }
                }
                for (var e : codesAtOnePlace(pve).entrySet()) {
                    if (e.getKey().equals("3:" + (column - 1))) {
                        twice.add("Proxmox '" + key + ": " + value + "': " + e.getValue());
                    }
                }
                refused += lxc.errors().isEmpty() ? 0 : 1;
            }
        }
        assertThat(twice).isEmpty();
        // the values do reach the checks: most keys refuse most of them
        assertThat(refused).isGreaterThan(keys().size() * VALUES.size() / 2);
    }

    @Test
    void aFlagOfTheAppArmorView() {
        LxcConfig config = LxcConfig.parse("lxc.apparmor.allow_nesting = 2\nlxc.apparmor.allow_incomplete = x\n");
        assertThat(config.validate().errors()).extracting(Diagnostic::line, Diagnostic::code).containsExactly(
                tuple(1, DiagnosticCode.LXC_SECURITY_VALUE),
                tuple(2, DiagnosticCode.LXC_SECURITY_VALUE));
    }

    @Test
    void theL2proxyFlagOfAnInterface() {
        LxcConfig config = LxcConfig.parse("lxc.net.0.type = veth\nlxc.net.0.l2proxy = 2\n");
        assertThat(config.validate().errors()).extracting(Diagnostic::line, Diagnostic::code)
                .containsExactly(tuple(2, DiagnosticCode.LXC_NET_VALUE));
    }
}
