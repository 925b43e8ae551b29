package io.github.lxcconf.model;

import static io.github.lxcconf.model.ModelTesting.lxc;
import static io.github.lxcconf.model.ModelTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdMapTest {

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            u 0 100000 65536        | UID | 0    | 100000 | 65536 | u 0 100000 65536
            g 0 100000 65536        | GID | 0    | 100000 | 65536 | g 0 100000 65536
            u 1000 1000 1           | UID | 1000 | 1000   | 1     | u 1000 1000 1
            u 0 100000 0            | UID | 0    | 100000 | 0     | u 0 100000 0
            'u\t0   100000\t65536'  | UID | 0    | 100000 | 65536 | u 0 100000 65536
            g 0 0x186a0 65536       | GID | 0    | 100000 | 65536 | g 0 100000 65536
            u 010 0X10 +5           | UID | 8    | 16     | 5     | u 8 16 5
            u 0 18446744073709551615 1 | UID | 0 | 18446744073709551615 | 1 | u 0 18446744073709551615 1
            u 0 0xffffffffffffffff 1   | UID | 0 | 18446744073709551615 | 1 | u 0 18446744073709551615 1
            u 18446744073709551615 0 18446744073709551615 | UID | 18446744073709551615 | 0 | 18446744073709551615 | u 18446744073709551615 0 18446744073709551615
            """)
    @DisplayName("u|g container host range: numbers are C unsigned longs in base 0, up to 2^64 - 1; range 0 is"
            + " accepted")
    void parse(String value, IdMap.Type type, BigInteger container, BigInteger host, BigInteger range,
               String canonical) {
        IdMap m = IdMap.parse(value);
        assertThat(m).isEqualTo(new IdMap(type, container, host, range, Optional.empty()));
        assertThat(m.toValue()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            x 0 100000 65536         | the type 'x' is neither u nor g; liblxc refuses the file
            U 0 100000 65536         | the type 'U' is neither u nor g; liblxc refuses the file
            u 0 100000               | it has 3 fields, but needs 4 (type, container id, host id, range); liblxc refuses the file
            u 0 100000 65536 1       | it has 5 fields, but needs 4 (type, container id, host id, range); liblxc refuses the file
            u0 100000 65536          | the type letter must be followed by a blank; liblxc refuses the file
            u -1 100000 65536        | the container id '-1' is not a number; liblxc refuses the file
            u 0 abc 65536            | the host id 'abc' is not a number; liblxc refuses the file
            u 0 08 1                 | the host id '08' is not a number; liblxc refuses the file
            u 0 1 65536x             | the range '65536x' is not a number; liblxc refuses the file
            u 0 99999999999999999999 1 | the host id 99999999999999999999 is above 18446744073709551615 (2^64 - 1); liblxc refuses the file
            u 0 18446744073709551616 1 | the host id 18446744073709551616 is above 18446744073709551615 (2^64 - 1); liblxc refuses the file
            """)
    @DisplayName("what liblxc refuses, with the reason")
    void bad(String value, String reason) {
        assertThatThrownBy(() -> IdMap.parse(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid lxc.idmap '" + value + "': " + reason);
    }

    @Test
    @DisplayName("in the settings: errors at the value, maps in order, empty clears, unprivileged needs u and g")
    void settings() {
        LxcSettings s = lxc("""
                lxc.idmap = u 0 100000 65536
                lxc.idmap = x 0 100000 65536
                lxc.idmap = u 0 100000
                lxc.idmap = g 0 100000 65536
                """);
        assertThat(s.idMaps()).containsExactly(IdMap.uid(0, 100000, 65536), IdMap.gid(0, 100000, 65536));
        assertThat(s.isUnprivileged()).isTrue();
        assertThat(problems(s)).containsExactly(
                "2:13 error LXC104 invalid lxc.idmap 'x 0 100000 65536': the type 'x' is neither u nor g; liblxc"
                        + " refuses the file",
                "3:13 error LXC104 invalid lxc.idmap 'u 0 100000': it has 3 fields, but needs 4 (type, container"
                        + " id, host id, range); liblxc refuses the file");
        assertThat(s.diagnostics().get(0).hint()).contains("write u|g CONTAINER_ID HOST_ID RANGE, such as"
                + " 'u 0 100000 65536'");
        assertThat(s.idMaps().get(1).origin().map(Origin::lineNumber)).contains(4);
        assertThat(lxc("lxc.idmap = u 0 100000 65536\n").isUnprivileged()).isFalse();
        assertThat(lxc("lxc.idmap = u 0 100000 65536\nlxc.idmap = g 0 100000 65536\nlxc.idmap =\n").idMaps())
                .isEmpty();
        assertThat(lxc("").isUnprivileged()).isFalse();
    }

    @Test
    @DisplayName("equals and hashCode ignore the origin; the constructor refuses negative numbers")
    void equality() {
        IdMap parsed = lxc("lxc.idmap = g 1000 1000 1\n").idMaps().get(0);
        assertThat(parsed).isEqualTo(IdMap.gid(1000, 1000, 1)).hasSameHashCodeAs(IdMap.gid(1000, 1000, 1));
        assertThat(parsed).isNotEqualTo(IdMap.uid(1000, 1000, 1));
        assertThat(parsed).isNotEqualTo(IdMap.gid(1000, 1000, 2));
        assertThat(parsed).isNotEqualTo(IdMap.gid(1000, 1001, 1));
        assertThat(parsed).isNotEqualTo(IdMap.gid(1001, 1000, 1));
        assertThat(IdMap.Type.UID.letter()).isEqualTo('u');
        assertThatThrownBy(() -> IdMap.uid(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ids and ranges are 0 to 18446744073709551615, got -1 0 1");
        assertThatThrownBy(() -> new IdMap(IdMap.Type.UID, BigInteger.ZERO, BigInteger.ONE.shiftLeft(64),
                BigInteger.ONE, Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ids and ranges are 0 to 18446744073709551615, got 0 18446744073709551616 1");
        assertThatThrownBy(() -> new IdMap(null, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ONE,
                Optional.empty())).hasMessage("type");
    }
}
