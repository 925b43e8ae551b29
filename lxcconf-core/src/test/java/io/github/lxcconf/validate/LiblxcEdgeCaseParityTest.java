package io.github.lxcconf.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parity with liblxc 5.0.2 on every edge case observed in liblxc-behaviour.md ("Edge cases"): one row per
 * input, with what {@code load_config} did. "liblxc rejects it" must equal "validate() reports an error", and
 * for a rejected input the error must carry the code of the reason liblxc gave.
 */
@DisplayName("Parity with liblxc: edge cases of liblxc-behaviour.md")
class LiblxcEdgeCaseParityTest {

    /** One input; {@code reason} is the expected error code, or null when liblxc loads the file. */
    record Case(String name, String text, DiagnosticCode reason) {
        boolean rejected() {
            return reason != null;
        }

        @Override
        public String toString() {
            return name + " -> " + (reason == null ? "OK" : "ERR " + reason.id());
        }
    }

    private static Case ok(String name, String text) {
        return new Case(name, text, null);
    }

    private static Case err(String name, String text, DiagnosticCode reason) {
        return new Case(name, text, reason);
    }

    private static final DiagnosticCode UNKNOWN = DiagnosticCode.VAL_UNKNOWN_KEY;
    private static final DiagnosticCode VALUE = DiagnosticCode.VAL_INVALID_VALUE;

    static Stream<Case> cases() {
        return Stream.of(
                ok("valid", "lxc.arch = amd64\nlxc.signal.halt = SIGRTMIN+3\nlxc.uts.name = ct1\n"
                        + "lxc.rootfs.path = dir:/var/lib/lxc/ct1/rootfs\nlxc.net.0.type = veth\n"
                        + "lxc.net.0.link = lxcbr0\nlxc.net.0.flags = up\nlxc.net.0.hwaddr = 00:16:3e:12:34:56\n"
                        + "lxc.apparmor.profile = generated\nlxc.apparmor.allow_nesting = 1\nlxc.tty.max = 4\n"
                        + "lxc.pty.max = 1024\nlxc.cap.drop = sys_module mac_admin mac_override sys_time\n"
                        + "lxc.mount.auto = cgroup:mixed proc:mixed sys:mixed\nlxc.autodev = 1\n"
                        + "lxc.start.auto = 1\nlxc.start.delay = 5\nlxc.start.order = -3\n"
                        + "lxc.log.level = WARN\nlxc.idmap = u 0 100000 65536\nlxc.idmap = g 0 100000 65536\n"
                        + "lxc.include = /usr/share/lxc/config/common.conf.d/\n"
                        + "lxc.seccomp.profile = /usr/share/lxc/config/common.seccomp\n"
                        + "lxc.cgroup2.devices.allow = c 10:232 rwm\nlxc.environment = A=1\n"
                        + "lxc.hook.pre-start = /bin/true\nlxc.sysctl.net.ipv4.ip_forward = 1\n"
                        + "lxc.prlimit.nofile = 1024:4096\nlxc.init.cmd = /sbin/init\nlxc.init.uid = 0\n"
                        + "lxc.console.path = none\nlxc.signal.stop = SIGKILL\nlxc.ephemeral = 0\n"),
                err("unknown key", "lxc.uts.name = a\nlxc.foo.bar = 1\n", UNKNOWN),
                ok("bad device rule v1", "lxc.cgroup.devices.allow = x 10:232 rwm\n"),
                ok("bad device rule v2", "lxc.cgroup2.devices.allow = x 10:232 rwm\n"),
                ok("bad device rule v2 no minor", "lxc.cgroup2.devices.allow = c 10 rwm\n"),
                ok("bad device rule v2 garbage", "lxc.cgroup2.devices.allow = garbage\n"),
                err("legacy network.type", "lxc.network.type = veth\n", DiagnosticCode.VAL_LEGACY_KEY),
                err("legacy utsname", "lxc.utsname = ct1\n", DiagnosticCode.VAL_LEGACY_KEY),
                ok("Proxmox plain", "arch: amd64\nhostname: ct100\n[snap1]\narch: amd64\n"),
                err("Proxmox lxc key", "lxc.apparmor.profile: unconfined\n", DiagnosticCode.LXC_INVALID_LINE),
                ok("inline # uts.name", "lxc.uts.name = foo # comment\n"),
                ok("inline # mount.entry", "lxc.mount.entry = /a b none bind 0 0 # x\n"),
                err("inline # tty.max", "lxc.tty.max = 4 # four\n", VALUE),
                ok("# inside value", "lxc.uts.name = a#b\n"),
                ok("leading whitespace", "   lxc.uts.name = foo\n\tlxc.arch\t=\tamd64\t\n    # c\n"),
                ok("empty cap.drop", "lxc.cap.drop = sys_admin sys_time\nlxc.cap.drop =\n"),
                ok("empty cap.drop alone", "lxc.cap.drop =\n"),
                err("drop + keep", "lxc.cap.drop = sys_admin\nlxc.cap.keep = net_admin\n",
                        DiagnosticCode.LXC_CAP_KEEP_AND_DROP),
                err("unknown cap", "lxc.cap.drop = not_a_cap\n", DiagnosticCode.LXC_CAPABILITY),
                ok("include missing dir", "lxc.include = incdir_missing/\n"),
                ok("include dir", "lxc.include = incdir/\n"),
                ok("quotes", "lxc.uts.name = \"quoted\"\nlxc.init.cmd = '/sbin/init x'\n"),
                ok("unbalanced quote", "lxc.uts.name = \"unbalanced\n"),
                ok("lone quote", "lxc.uts.name = \"\n"),
                ok("quoted spaces", "lxc.uts.name = \" x \"\n"),
                ok("empty quotes", "lxc.apparmor.profile = unconfined\nlxc.apparmor.profile = \"\"\n"),
                ok("CRLF", "lxc.uts.name = a\r\nlxc.arch = amd64\r\n"),
                ok("CR only", "lxc.uts.name = a\rlxc.arch = amd64\r"),
                ok("NUL byte", "lxc.uts.name = a\n\0lxc.foo.bar = 1\n"),
                ok("UTF-8 BOM", "\uFEFFlxc.uts.name = bom\n"),
                ok("upper case", "LXC.uts.name = x\n"),
                err("no =", "lxc.uts.name foo\n", DiagnosticCode.LXC_INVALID_LINE),
                err("space in key", "lxc.uts .name = x\n", UNKNOWN),
                err("trailing dot uts.name.", "lxc.uts.name. = x\n", UNKNOWN),
                err("trailing dot cgroup.", "lxc.cgroup. = x\n", VALUE),
                ok("trailing dot cgroup., empty", "lxc.cgroup. =\n"),
                ok("doubled dot sysctl", "lxc.sysctl.. = 1\n"),
                ok("prlimit with no resource", "lxc.prlimit. = 1\n"),
                ok("NUL cuts the value", "lxc.uts.name = \0x\nlxc.arch = bogus\n"),
                err("NUL before the =", "lxc.uts.name \0= x\n", DiagnosticCode.LXC_INVALID_LINE),
                err("bare cgroup2 with value", "lxc.cgroup2 = x\n", VALUE),
                ok("= in value", "lxc.uts.name = a = b\n"),
                ok("no spaces", "lxc.uts.name=tight\n"),
                ok("backslash", "lxc.init.cmd = /bin/sh \\\n-c true\n"),
                ok("duplicate single key", "lxc.uts.name = first\nlxc.uts.name = second\n"),
                ok("empty single key", "lxc.uts.name = x\nlxc.uts.name =\n"),
                ok("empty single key spaces", "lxc.uts.name = x\nlxc.uts.name =    \n"),
                ok("empty multi keys", "lxc.mount.entry =\nlxc.environment =\nlxc.idmap =\nlxc.hook.mount =\n"
                        + "lxc.cgroup2.devices.allow =\nlxc.mount.auto =\n"),
                ok("empty file", ""),
                err("70 000-char uts.name", "lxc.uts.name = " + "x".repeat(70_000) + "\n", VALUE),
                err("65-char uts.name", "lxc.uts.name = " + "x".repeat(65) + "\n", VALUE),
                ok("64-char uts.name", "lxc.uts.name = " + "x".repeat(64) + "\n"),
                err("tty.max = abc", "lxc.tty.max = abc\n", VALUE),
                err("pty.max = -1", "lxc.pty.max = -1\n", VALUE),
                err("tty.max = 99999999999", "lxc.tty.max = 99999999999\n", VALUE),
                err("autodev = yes", "lxc.autodev = yes\n", VALUE),
                err("start.auto = 2", "lxc.start.auto = 2\n", VALUE),
                err("ephemeral = 2", "lxc.ephemeral = 2\n", VALUE),
                ok("log level debug", "lxc.log.level = debug\n"),
                ok("log level Debug", "lxc.log.level = Debug\n"),
                err("log level verbose", "lxc.log.level = verbose\n", VALUE),
                ok("signal SIGRTMIN+3", "lxc.signal.halt = SIGRTMIN+3\n"),
                ok("signal 30", "lxc.signal.halt = 30\n"),
                ok("signal SIGKILL", "lxc.signal.stop = SIGKILL\n"),
                err("signal SIGBOGUS", "lxc.signal.halt = SIGBOGUS\n", VALUE),
                err("signal RTMIN+4", "lxc.signal.halt = RTMIN+4\n", VALUE),
                ok("mount.auto accumulates", "lxc.mount.auto = proc:rw\nlxc.mount.auto = sys:ro cgroup\n"),
                ok("mount.auto mixed", "lxc.mount.auto = cgroup:mixed proc:mixed sys:mixed\n"),
                err("mount.auto bogus", "lxc.mount.auto = proc:bogus\n", DiagnosticCode.LXC_MOUNT_AUTO),
                err("idmap x", "lxc.idmap = x 0 100000 65536\n", DiagnosticCode.LXC_IDMAP),
                err("idmap 3 fields", "lxc.idmap = u 0 100000\n", DiagnosticCode.LXC_IDMAP),
                err("net legacy sub-key", "lxc.net.0.type = veth\nlxc.net.0.ipv4 = 10.0.0.2/24\n",
                        DiagnosticCode.LXC_NET_KEY),
                err("net type bogus", "lxc.net.0.type = bogus\n", DiagnosticCode.LXC_NET_VALUE),
                ok("net type resets", "lxc.net.0.link = br0\nlxc.net.0.type = veth\n"),
                ok("net sparse", "lxc.net.5.type = veth\nlxc.net.0.type = empty\n"),
                err("net index too big", "lxc.net.2147483647.type = veth\n", DiagnosticCode.LXC_NET_KEY),
                err("net index signed", "lxc.net.+1.type = veth\n", DiagnosticCode.LXC_NET_KEY),
                ok("net values stored verbatim", "lxc.net.0.type = veth\nlxc.net.0.hwaddr = zz:zz:zz:zz:zz:zz\n"
                        + "lxc.net.0.mtu = abc\nlxc.net.0.flags = down\n"),
                ok("hwaddr xx", "lxc.net.0.type = veth\nlxc.net.0.hwaddr = 00:16:3e:xx:xx:xx\n"),
                ok("ipv4 with broadcast", "lxc.net.0.type = veth\nlxc.net.0.ipv4.address = 10.0.0.2/24 10.0.0.255\n"),
                ok("ipv4 without prefix", "lxc.net.0.type = veth\nlxc.net.0.ipv4.address = 10.0.0.3\n"),
                err("ipv4 300.1.1.1", "lxc.net.0.type = veth\nlxc.net.0.ipv4.address = 300.1.1.1/24\n",
                        DiagnosticCode.LXC_NET_VALUE),
                err("ipv4 /33", "lxc.net.0.type = veth\nlxc.net.0.ipv4.address = 10.0.0.2/33\n",
                        DiagnosticCode.LXC_NET_VALUE),
                err("vlan.id on veth", "lxc.net.0.type = veth\nlxc.net.0.vlan.id = 10\n",
                        DiagnosticCode.LXC_NET_WRONG_TYPE),
                ok("not checked at load", "lxc.seccomp.profile = /nonexistent/profile\n"
                        + "lxc.rootfs.path = /nonexistent\nlxc.mount.fstab = /nonexistent/fstab\n"
                        + "lxc.prlimit.bogus = 1\nlxc.sysctl.net.bogus = 1\n"),
                ok("rootfs.path dir", "lxc.rootfs.path = dir:/x\n"),
                ok("rootfs.path overlay", "lxc.rootfs.path = overlay:/a:/b\n"),
                ok("rootfs.path zfs", "lxc.rootfs.path = zfs:tank/ct1\n"),
                ok("rootfs.path odd", "lxc.rootfs.path = foo:bar:/baz\n"),
                ok("path keys", "lxc.rootfs.path = //var//lib/lxc/x/rootfs/\n"),
                ok("environment inherit", "lxc.environment = PATH\n"),
                err("namespace mount", "lxc.namespace.clone = net mount\n", VALUE),
                ok("time offsets", "lxc.time.offset.boot = 1h\nlxc.time.offset.monotonic = -10s\n"),
                ok("sysctl dup", "lxc.sysctl.net.ipv4.ip_forward = 1\nlxc.sysctl.net.ipv4.ip_forward = 0\n"),
                ok("prlimit dup", "lxc.prlimit.nofile = 1\nlxc.prlimit.nofile = 2\n"),
                // prlimit values are read at load, with C's strtoull (observed with liblxc 5.0.2)
                ok("prlimit soft:hard", "lxc.prlimit.nofile = 5 : 6\nlxc.prlimit.nproc = unlimited:3\n"),
                ok("prlimit strtoull", "lxc.prlimit.nofile = -1\nlxc.prlimit.core = +5\nlxc.prlimit.data = :5\n"
                        + "lxc.prlimit.stack = 1:\nlxc.prlimit.rss = 18446744073709551615\n"),
                err("prlimit word", "lxc.prlimit.nofile = abc\n", VALUE),
                err("prlimit hex", "lxc.prlimit.nofile = 0x10\n", VALUE),
                err("prlimit two numbers", "lxc.prlimit.nofile = 5 6\n", VALUE),
                err("prlimit unlimitedx", "lxc.prlimit.nofile = unlimitedx\n", VALUE),
                err("prlimit too large", "lxc.prlimit.nofile = 99999999999999999999\n", VALUE),
                err("prlimit hard garbage", "lxc.prlimit.nofile = 1:x\n", VALUE),
                // liblxc reads every line starting with 'lxc.'; the bare prefix is an unknown key
                err("bare lxc. key", "lxc.= x\n", UNKNOWN),
                err("bare lxc. key, empty", "lxc. =\n", UNKNOWN),
                ok("log.file", "lxc.log.file = ../scratch/ct.log\n"));
    }

    private static final List<String> MISMATCHES = new ArrayList<>();
    private static int total;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void liblxcRejectsIffValidateReportsAnError(Case c) {
        LxcConfig config = LxcConfig.reader().dialect(Dialect.LXC).sourceName("edge.conf").parse(c.text());
        List<Diagnostic> errors = config.validate().errors();
        synchronized (MISMATCHES) {
            total++;
            if (errors.isEmpty() == c.rejected()
                    || c.rejected() && errors.stream().noneMatch(d -> d.code() == c.reason())) {
                MISMATCHES.add(c + " but got " + errors);
            }
        }
        if (c.rejected()) {
            assertThat(errors).as("liblxc refuses: " + c.name()).extracting(Diagnostic::code).contains(c.reason());
        } else {
            assertThat(errors).as("liblxc loads: " + c.name()).isEmpty();
        }
    }

    @AfterAll
    static void report() {
        System.out.println("liblxc edge-case parity: " + (total - MISMATCHES.size()) + " of " + total + " agree");
        MISMATCHES.forEach(m -> System.out.println("  mismatch: " + m));
    }
}
