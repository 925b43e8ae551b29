package io.github.lxcconf.it.container;

import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.device.DevicePolicy;
import io.github.lxcconf.device.HostLayout;
import io.github.lxcconf.it.CgroupHost;
import io.github.lxcconf.it.ContainerRun;
import io.github.lxcconf.it.Containers;
import io.github.lxcconf.it.DeviceProbe.Access;
import io.github.lxcconf.it.DeviceProbe.Device;
import io.github.lxcconf.it.DeviceProbe;
import io.github.lxcconf.it.LxcHost;
import io.github.lxcconf.it.container.MeasuredDeviceModel.Rule;
import io.github.lxcconf.model.DeviceAccess;
import io.github.lxcconf.model.KnownDevice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Device rules on real containers: generated (seeded) and hand-written sequences of allow and deny rules in
 * both key families, run on the hybrid and the pure cgroup2 layout (the first cases also on cgroup v1 only),
 * every device probed for read, write, read-write and mknod; each kernel verdict is compared with lxcconf's
 * decision and with the measured model.
 * {@code -Dlxcconf.matrix.seed=N} and {@code -Dlxcconf.matrix.cases=N} change the generated part.
 */
class DeviceMatrixTest {

    private static final long SEED = Long.getLong("lxcconf.matrix.seed", 20261204L);
    private static final int GENERATED = Integer.getInteger("lxcconf.matrix.cases", 120);
    private static final List<Device> DEVICES = DeviceProbe.ALL;
    /** The first cases (all hand-written ones among them) also run with cgroup v1 only. */
    private static final int CGROUP1_CASES = 60;

    @BeforeAll
    static void needsLxc() {
        LxcHost.require();
    }

    /** One config under test: with or without common.conf, then its device rules. */
    record Case(String name, boolean common, List<Rule> rules) {
        String config() {
            // no automatic mounts and no ttys: the probes need neither, and each container starts faster
            List<String> lines = new ArrayList<>(List.of("lxc.mount.auto =", "lxc.tty.max = 0"));
            lines.addAll(DeviceProbe.mountEntries(DEVICES));
            rules.forEach(r -> lines.add(r.line()));
            return Containers.config(common, lines);
        }

        List<Rule> effectiveRules() {
            List<Rule> all = new ArrayList<>(common ? MeasuredDeviceModel.common() : List.of());
            all.addAll(rules);
            return all;
        }

        @Override
        public String toString() {
            return name + (common ? " (common.conf +)" : " (no common.conf)") + " "
                    + rules.stream().map(Rule::line).toList();
        }
    }

    private static Rule v1(boolean allow, String value) {
        return new Rule(false, allow, value);
    }

    private static Rule v2(boolean allow, String value) {
        return new Rule(true, allow, value);
    }

    /** Cases written by hand: the classroom config, and each rule interaction measured while building this. */
    static List<Case> handWritten() {
        return List.of(
                new Case("common.conf only", true, List.of()),
                new Case("classroom: v1 allow kvm", true, List.of(v1(true, "c 10:232 rwm"))),
                new Case("classroom fixed: v2 allow kvm", true, List.of(v2(true, "c 10:232 rwm"))),
                new Case("no rules at all", false, List.of()),
                new Case("only v2 deny a", false, List.of(v2(false, "a"))),
                new Case("only v1 deny a", false, List.of(v1(false, "a"))),
                new Case("v2 deny without a", false, List.of(v2(false, "c 10:232 rwm"))),
                new Case("v2 allow without a", false, List.of(v2(true, "c 10:232 r"))),
                new Case("v1 deny without a", false, List.of(v1(false, "c 10:232 r"))),
                new Case("v1 allow without a", false, List.of(v1(true, "c 10:232 r"))),
                new Case("wildcard allow then exact deny v1", true,
                        List.of(v1(true, "c 10:* rwm"), v1(false, "c 10:232 rwm"))),
                new Case("wildcard allow then exact deny v2", true,
                        List.of(v2(true, "c 10:* rwm"), v2(false, "c 10:232 rwm"))),
                new Case("allow then identical deny v2", true,
                        List.of(v2(true, "c 10:232 rwm"), v2(false, "c 10:232 rwm"))),
                new Case("allow then deny of fewer letters v2", true,
                        List.of(v2(true, "c 10:232 rwm"), v2(false, "c 10:232 rw"))),
                new Case("allow rw then deny wr v2", true, List.of(v2(true, "c 10:232 rw"), v2(false, "c 10:232 wr"))),
                new Case("allow rw then deny wr v1", true, List.of(v1(true, "c 10:232 rw"), v1(false, "c 10:232 wr"))),
                new Case("deny then allow v2", true, List.of(v2(false, "c 10:232 rwm"), v2(true, "c 10:232 rwm"))),
                new Case("separate r and w v1", true, List.of(v1(true, "c 10:232 r"), v1(true, "c 10:232 w"))),
                new Case("separate r and w v2", true, List.of(v2(true, "c 10:232 r"), v2(true, "c 10:232 w"))),
                new Case("allow a then deny r v2", false, List.of(v2(true, "a"), v2(false, "c 10:232 r"))),
                new Case("allow a v2", true, List.of(v2(true, "a"))),
                new Case("allow a v1", true, List.of(v1(true, "a"))),
                new Case("allow a then allow v2", true, List.of(v2(true, "a"), v2(true, "c 10:232 rwm"))),
                new Case("deny a then deny v2", false, List.of(v2(false, "a"), v2(false, "c 10:200 rwm"))),
                new Case("allow then deny a v2", true, List.of(v2(true, "c 10:232 rwm"), v2(false, "a"))),
                new Case("allow then deny a v1", true, List.of(v1(true, "c 10:232 rwm"), v1(false, "a"))),
                new Case("allow then allow a v2", true, List.of(v2(true, "c 10:232 rwm"), v2(true, "a"))),
                new Case("v1 a with numbers", true, List.of(v1(true, "a *:* rwm"))),
                new Case("v1 deny a with numbers", true, List.of(v1(false, "a *:* rwm"))),
                new Case("v2 allow c *:* rwm", true, List.of(v2(true, "c *:* rwm"))),
                new Case("v2 allow a *:* rwm (liblxc cannot start)", true, List.of(v2(true, "a *:* rwm"))),
                new Case("deny fuse r v1", true, List.of(v1(false, "c 10:229 r"))),
                new Case("deny fuse r v2", true, List.of(v2(false, "c 10:229 r"))),
                new Case("deny c *:* m v1", true, List.of(v1(false, "c *:* m"))),
                new Case("deny c *:* m v2", true, List.of(v2(false, "c *:* m"))),
                new Case("allow c *:* rwm then deny tun v1", true,
                        List.of(v1(true, "c *:* rwm"), v1(false, "c 10:200 rwm"))),
                new Case("allow a, deny 10:* w, allow tun w v1", true,
                        List.of(v1(true, "a"), v1(false, "c 10:* w"), v1(true, "c 10:200 w"))),
                new Case("allow a, deny 10:* w, allow tun w v2", true,
                        List.of(v2(true, "a"), v2(false, "c 10:* w"), v2(true, "c 10:200 w"))),
                new Case("both families", true, List.of(v1(true, "c 10:232 rwm"), v2(true, "c 10:200 rwm"))),
                new Case("v2 allow list cleared", true, List.of(v2(true, ""), v2(true, "c 10:200 rwm"))),
                new Case("v2 deny list cleared", true, List.of(v2(false, ""))),
                new Case("v2 family cleared", true, List.of(Rule.clearFamily(true), v2(true, "c 10:200 rwm"))),
                new Case("v1 allow list cleared", true, List.of(v1(true, ""), v1(true, "c 10:200 rwm"))),
                new Case("v1 deny list cleared", true, List.of(v1(false, ""))),
                new Case("v1 family cleared", true, List.of(Rule.clearFamily(false), v1(true, "c 10:200 rwm"))));
    }

    private static final String[] TARGETS = {"c 10:232", "c 10:200", "c 10:229", "c 10:237", "c 1:3", "b 7:0",
        "c 10:*", "c *:*", "b *:*", "b 7:*", "c 1:*"};
    private static final String[] ACCESS = {"r", "w", "m", "rw", "rm", "wm", "rwm", "rwm", "rwm", "wr", "mr"};

    /** Generated cases: a seeded random sequence of rules per case. */
    static List<Case> generated(long seed, int count) {
        Random random = new Random(seed);
        List<Case> cases = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            boolean common = random.nextInt(4) != 0;
            int family = random.nextInt(3); // 0: v1 only, 1: v2 only, 2: both
            int length = 1 + random.nextInt(6);
            List<Rule> rules = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                boolean cgroup2 = family == 1 || (family == 2 && random.nextBoolean());
                int pick = random.nextInt(100);
                if (pick < 20 && !rules.isEmpty()) {
                    Rule earlier = rules.get(random.nextInt(rules.size()));
                    int how = random.nextInt(3); // same line, flipped, other family
                    rules.add(switch (how) {
                        case 0 -> earlier;
                        case 1 -> new Rule(earlier.cgroup2(), !earlier.allow(), earlier.value());
                        default -> new Rule(!earlier.cgroup2(), earlier.allow(), earlier.value());
                    });
                } else if (pick < 30) {
                    rules.add(new Rule(cgroup2, random.nextInt(3) != 0, "a"));
                } else if (pick < 33) {
                    rules.add(random.nextInt(3) == 0 ? Rule.clearFamily(cgroup2)
                            : new Rule(cgroup2, random.nextBoolean(), ""));
                } else {
                    String value = TARGETS[random.nextInt(TARGETS.length)] + " "
                            + ACCESS[random.nextInt(ACCESS.length)];
                    rules.add(new Rule(cgroup2, random.nextInt(100) < 60, value));
                }
            }
            cases.add(new Case("generated #" + n + " (seed " + seed + ")", common, List.copyOf(rules)));
        }
        return cases;
    }

    private record Outcome(Case c, CgroupHost host, ContainerRun run, Map<Device, Map<Access, Boolean>> kernel,
                           boolean startFailed) {
    }

    private static Outcome run(Case c, CgroupHost host) {
        ContainerRun run = Containers.run(host, c.config(), DeviceProbe.script(DEVICES), "WARN");
        boolean failed = !run.stdout().contains("probes-done");
        return new Outcome(c, host, run, failed ? Map.of() : DeviceProbe.verdicts(DEVICES, run), failed);
    }

    @Test
    void everyKernelVerdictEqualsLxcconfsDecision() throws IOException {
        List<Case> cases = new ArrayList<>(handWritten());
        cases.addAll(generated(SEED, GENERATED));
        int containersBefore = Containers.started();
        List<Supplier<Outcome>> runs = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            runs.add(() -> run(c, CgroupHost.CGROUP2));
            runs.add(() -> run(c, CgroupHost.HYBRID));
            if (i < CGROUP1_CASES) {
                runs.add(() -> run(c, CgroupHost.CGROUP1));
            }
        }
        List<Outcome> outcomes = Containers.inParallel(runs);

        List<String> modelDisagrees = new ArrayList<>();
        List<String> coreDisagrees = new ArrayList<>();
        Map<CgroupHost, int[]> agree = new EnumMap<>(CgroupHost.class); // probes, core agrees
        for (CgroupHost h : CgroupHost.values()) {
            agree.put(h, new int[2]);
        }
        for (Outcome o : outcomes) {
            List<Rule> rules = o.c.effectiveRules();
            boolean modelFails = MeasuredDeviceModel.startFails(o.host, rules);
            if (modelFails || o.startFailed) {
                if (modelFails != o.startFailed) {
                    modelDisagrees.add(o.host + " " + o.c + ": start failed=" + o.startFailed + ", model says "
                            + modelFails + "\n" + o.run.describe());
                }
                continue;
            }
            LxcConfig config = LxcConfig.parse(o.run.config());
            DevicePolicy effective = CoreDeviceDecision.effective(config);
            DevicePolicy ownLines = DevicePolicy.of(config);
            for (Device d : DEVICES) {
                for (Access a : Access.values()) {
                    boolean kernel = o.kernel.get(d).get(a);
                    agree.get(o.host)[0]++;
                    if (MeasuredDeviceModel.granted(o.host, rules, d, a) != kernel) {
                        modelDisagrees.add(o.host + " " + d + " " + a.letters() + ": kernel "
                                + (kernel ? "granted" : "denied") + ", model not; " + o.c);
                    }
                    CoreDeviceDecision.Verdict v = CoreDeviceDecision.decide(effective, o.host, d, a).orElseThrow();
                    CoreDeviceDecision.Verdict own =
                            CoreDeviceDecision.decide(ownLines, o.host, d, a).orElseThrow();
                    if (v.granted() == kernel) {
                        agree.get(o.host)[1]++;
                    } else {
                        coreDisagrees.add(disagreement("DevicePolicy.of(effective)", o, d, a, kernel, v));
                    }
                    if (own.granted() != kernel) {
                        coreDisagrees.add(disagreement("DevicePolicy.of(config)", o, d, a, kernel, own));
                    }
                }
            }
        }
        int containers = Containers.started() - containersBefore;
        String summary = String.format("device matrix: %d cases (%d hand-written, %d generated, seed %d), "
                        + "%d containers, %d devices x %d accesses; cgroup2 %d probes, %d agree; hybrid %d probes,"
                        + " %d agree; cgroup1 (first %d cases) %d probes, %d agree",
                cases.size(), handWritten().size(), GENERATED, SEED, containers, DEVICES.size(),
                Access.values().length, agree.get(CgroupHost.CGROUP2)[0], agree.get(CgroupHost.CGROUP2)[1],
                agree.get(CgroupHost.HYBRID)[0], agree.get(CgroupHost.HYBRID)[1], Math.min(CGROUP1_CASES, cases.size()),
                agree.get(CgroupHost.CGROUP1)[0], agree.get(CgroupHost.CGROUP1)[1]);
        System.out.println(summary);
        writeReport(summary, coreDisagrees, modelDisagrees);
        assertThat(modelDisagrees).as("kernel verdicts the measured model does not predict").isEmpty();
        assertThat(coreDisagrees).as("kernel verdicts lxcconf's DevicePolicy does not predict").isEmpty();
        assertThat(containers).isEqualTo(2 * cases.size() + Math.min(CGROUP1_CASES, cases.size()));
    }

    private static String disagreement(String how, Outcome o, Device d, Access a, boolean kernel,
                                       CoreDeviceDecision.Verdict v) {
        return "- " + how + ": layout " + o.host + ", device " + d + ", access " + a.letters() + ": kernel "
                + (kernel ? "GRANTED" : "DENIED") + ", lxcconf " + (v.granted() ? "granted" : "denied")
                + "\n  rules: " + o.c + "\n  lxcconf: " + v.describe().replace("\n", " / ");
    }

    private static void writeReport(String summary, List<String> core, List<String> model) throws IOException {
        Path dir = Path.of("target");
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>();
        lines.add("# " + summary);
        lines.add("");
        lines.add("## lxcconf disagrees with the kernel (" + core.size() + ")");
        lines.addAll(core);
        lines.add("");
        lines.add("## measured model disagrees with the kernel (" + model.size() + ")");
        lines.addAll(model);
        Files.write(dir.resolve("device-matrix-report.md"), lines);
    }

    @Test
    void classroomConfigIsRefusedKvmOnCgroup2AndGrantedOnHybrid() {
        String classroom = Containers.config(DeviceProbe.KVM.mountEntry(),
                "lxc.cgroup.devices.allow = c 10:232 rwm");
        String script = DeviceProbe.script(List.of(DeviceProbe.KVM));
        ContainerRun cgroup2 = Containers.run(CgroupHost.CGROUP2, classroom, script);
        ContainerRun hybrid = Containers.run(CgroupHost.HYBRID, classroom, script);
        assertThat(cgroup2.log()).contains("Ignoring legacy cgroup limits on pure cgroup2 system");
        // common.conf's "c *:* m" lets mknod through; every open is refused
        assertThat(DeviceProbe.verdicts(List.of(DeviceProbe.KVM), cgroup2).get(DeviceProbe.KVM))
                .containsEntry(Access.READ, false).containsEntry(Access.WRITE, false)
                .containsEntry(Access.READ_WRITE, false).containsEntry(Access.MKNOD, true);
        assertThat(DeviceProbe.verdicts(List.of(DeviceProbe.KVM), hybrid).get(DeviceProbe.KVM))
                .doesNotContainValue(false);

        String fixed = Containers.config(DeviceProbe.KVM.mountEntry(), "lxc.cgroup2.devices.allow = c 10:232 rwm");
        ContainerRun fixedRun = Containers.run(CgroupHost.CGROUP2, fixed, script);
        assertThat(DeviceProbe.verdicts(List.of(DeviceProbe.KVM), fixedRun).get(DeviceProbe.KVM))
                .doesNotContainValue(false);
        assertThat(List.of(cgroup2.exitCode(), hybrid.exitCode(), fixedRun.exitCode())).containsOnly(0);
    }

    @Test
    void cgroup2RuleForEveryDeviceWithAllAccessStopsLiblxc() {
        String config = Containers.config("lxc.cgroup2.devices.allow = a *:* rwm");
        ContainerRun run = Containers.run(CgroupHost.CGROUP2, config, "echo started");
        assertThat(run.exitCode()).as(run.describe()).isNotZero();
        assertThat(run.stdout()).doesNotContain("started");
        assertThat(run.log()).contains("Failed to load bpf program");
        // lxcconf says so before the start: the device decision and lint
        LxcConfig parsed = LxcConfig.parseText(config);
        assertThat(DevicePolicy.of(parsed).decide(HostLayout.CGROUP2, KnownDevice.NULL,
                DeviceAccess.parse("r").orElseThrow()).startFailure()).isPresent();
        assertThat(parsed.validate().withCode(DiagnosticCode.LXC_DEVICE_RULE)).singleElement()
                .satisfies(d -> assertThat(d.message()).endsWith("the container does not start"));
    }
}
