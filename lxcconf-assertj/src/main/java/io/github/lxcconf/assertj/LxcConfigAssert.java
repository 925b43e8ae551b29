package io.github.lxcconf.assertj;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.Severity;
import io.github.lxcconf.device.DecidingLine;
import io.github.lxcconf.device.DevicePolicy;
import io.github.lxcconf.device.DeviceVerdict;
import io.github.lxcconf.device.HostLayout;
import io.github.lxcconf.model.Capabilities;
import io.github.lxcconf.model.Capability;
import io.github.lxcconf.model.DeviceAccess;
import io.github.lxcconf.model.DeviceType;
import io.github.lxcconf.model.IdMap;
import io.github.lxcconf.model.KnownDevice;
import io.github.lxcconf.model.MountEntry;
import io.github.lxcconf.model.NetworkInterface;
import io.github.lxcconf.model.Origin;
import io.github.lxcconf.model.proxmox.MountPoint;
import io.github.lxcconf.model.proxmox.NetworkDevice;
import io.github.lxcconf.validate.KeyCatalog;
import org.assertj.core.api.AbstractAssert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Assertions on an {@link LxcConfig}, native LXC or Proxmox VE; get one from
 * {@link LxcConfigAssertions#assertThat(LxcConfig)}. Every check returns this assertion, so checks chain,
 * except {@link #hasNetwork(int)}, which goes into one interface ({@link NetworkAssert#and()} comes back).
 *
 * <p>The checks read the config's own lines (its main section); files it includes, such as LXC's
 * {@code common.conf}, are not read. A failure quotes the lines that decided it:
 *
 * <pre>{@code
 * assertThat(config).as("lab container").allowsDevice(DeviceType.CHAR, 10, 232);
 * // [lab container] Expecting config "classroom-102.conf" to allow character device 10:232 (/dev/kvm) with access rw,
 * // but no rule grants it; the device rules are:
 * //   line 13: lxc.cgroup.devices.allow: c 10:200 rwm
 * //   line 16: lxc.cgroup2.devices.deny: c 10:232 rwm   <- ignored: in an allowlist liblxc skips a deny rule ...
 * }</pre>
 */
public final class LxcConfigAssert extends AbstractAssert<LxcConfigAssert, LxcConfig> {

    /** What the device checks ask for when no access is given: read and write, what opening a device needs. */
    private static final DeviceAccess READ_WRITE = new DeviceAccess(true, true, false);

    private HostLayout host = HostLayout.CGROUP2;

    /**
     * Creates assertions on a config; {@link LxcConfigAssertions#assertThat(LxcConfig)} is the usual way.
     *
     * <pre>{@code
     * new LxcConfigAssert(config).hasNoErrors();
     * }</pre>
     *
     * @param actual the config
     */
    public LxcConfigAssert(LxcConfig actual) {
        super(actual, LxcConfigAssert.class);
    }

    /**
     * Sets the host layout the device checks that follow assume; {@link HostLayout#CGROUP2} until this is called.
     *
     * <pre>{@code
     * assertThat(config).onHost(HostLayout.HYBRID).allowsDevice(KnownDevice.KVM);
     * }</pre>
     *
     * @param layout the host's cgroup layout
     * @return this assertion
     */
    public LxcConfigAssert onHost(HostLayout layout) {
        this.host = Objects.requireNonNull(layout, "layout");
        return myself;
    }

    private String name() {
        return actual.sourceName();
    }

    // ------------------------------------------------------------------ devices

    /**
     * Checks that the container may read and write a device on the host layout these assertions assume:
     * a pure cgroup2 host ({@link HostLayout#CGROUP2}, Proxmox VE 7 and later, current distributions) unless
     * {@link #onHost(HostLayout)} says otherwise. The decision is lxcconf-core's
     * {@link DevicePolicy#decide(HostLayout, DeviceType, int, int, DeviceAccess)}: for a native config LXC's
     * {@code common.conf} where the config includes it, then the config's own rules; for a Proxmox config its
     * effective native config ({@link io.github.lxcconf.proxmox.StartConfig#effective()}: the file {@code pct start}
     * writes, its {@code devN} rules among them, with {@code <ostype>.common.conf} and {@code common.conf}); read
     * as liblxc's cgroup2 device program or the kernel's v1 device controller reads them; a layout ignores the
     * other family's keys, so a config with only
     * {@code lxc.cgroup.devices.allow} lines fails on a cgroup2 host. The failure message names the host
     * layout and quotes the lines that decided, each with a note.
     *
     * <pre>{@code
     * assertThat(config).allowsDevice(DeviceType.CHAR, 10, 232); // /dev/kvm
     * }</pre>
     *
     * @param type  {@link DeviceType#CHAR} or {@link DeviceType#BLOCK}
     * @param major the major number
     * @param minor the minor number
     * @return this assertion
     * @throws IllegalArgumentException for {@link DeviceType#ALL} or a negative number
     */
    public LxcConfigAssert allowsDevice(DeviceType type, int major, int minor) {
        return allowsDevice(type, major, minor, READ_WRITE);
    }

    /**
     * Checks that the config grants a device with the given access (every letter of it); see
     * {@link #allowsDevice(DeviceType, int, int)}.
     *
     * <pre>{@code
     * assertThat(config).allowsDevice(DeviceType.CHAR, 10, 200, DeviceAccess.RWM); // /dev/net/tun, with mknod
     * }</pre>
     *
     * @param type   {@link DeviceType#CHAR} or {@link DeviceType#BLOCK}
     * @param major  the major number
     * @param minor  the minor number
     * @param access the access that must be granted, not empty
     * @return this assertion
     * @throws IllegalArgumentException for {@link DeviceType#ALL}, a negative number or an empty access
     */
    public LxcConfigAssert allowsDevice(DeviceType type, int major, int minor, DeviceAccess access) {
        return allows(policy -> policy.decide(host, type, major, minor, access));
    }

    /**
     * Checks that the config grants read and write access to a well-known device; for a device with
     * numbered instances ({@link KnownDevice#TTY_USB}, {@code c 188:*}) every minor must be granted.
     *
     * <pre>{@code
     * assertThat(config).allowsDevice(KnownDevice.KVM).allowsDevice(KnownDevice.TUN);
     * }</pre>
     *
     * @param device the device
     * @return this assertion
     */
    public LxcConfigAssert allowsDevice(KnownDevice device) {
        return allowsDevice(device, READ_WRITE);
    }

    /**
     * Checks that the config grants a well-known device with the given access.
     *
     * <pre>{@code
     * assertThat(config).allowsDevice(KnownDevice.FUSE, DeviceAccess.RWM);
     * }</pre>
     *
     * @param device the device
     * @param access the access that must be granted, not empty
     * @return this assertion
     */
    public LxcConfigAssert allowsDevice(KnownDevice device, DeviceAccess access) {
        Objects.requireNonNull(device, "device");
        return allows(policy -> policy.decide(host, device, access));
    }

    /**
     * Checks that the config does not let the container read and write a device: neither the v1 nor the
     * v2 rules grant it, and no {@code devN} option passes it through. See
     * {@link #allowsDevice(DeviceType, int, int)} for how rules are read.
     *
     * <pre>{@code
     * assertThat(config).deniesDevice(DeviceType.BLOCK, 8, 0); // /dev/sda
     * }</pre>
     *
     * @param type  {@link DeviceType#CHAR} or {@link DeviceType#BLOCK}
     * @param major the major number
     * @param minor the minor number
     * @return this assertion
     */
    public LxcConfigAssert deniesDevice(DeviceType type, int major, int minor) {
        return deniesDevice(type, major, minor, READ_WRITE);
    }

    /**
     * Checks that the config does not grant a device with the given access (some letter is refused).
     *
     * <pre>{@code
     * assertThat(config).deniesDevice(DeviceType.CHAR, 10, 232, new DeviceAccess(false, true, false)); // no writes
     * }</pre>
     *
     * @param type   {@link DeviceType#CHAR} or {@link DeviceType#BLOCK}
     * @param major  the major number
     * @param minor  the minor number
     * @param access the access that must not be granted, not empty
     * @return this assertion
     */
    public LxcConfigAssert deniesDevice(DeviceType type, int major, int minor, DeviceAccess access) {
        return denies(policy -> policy.decide(host, type, major, minor, access));
    }

    /**
     * Checks that the config does not grant read and write access to a well-known device.
     *
     * <pre>{@code
     * assertThat(config).deniesDevice(KnownDevice.FUSE);
     * }</pre>
     *
     * @param device the device
     * @return this assertion
     */
    public LxcConfigAssert deniesDevice(KnownDevice device) {
        return deniesDevice(device, READ_WRITE);
    }

    /**
     * Checks that the config does not grant a well-known device with the given access.
     *
     * <pre>{@code
     * assertThat(config).deniesDevice(KnownDevice.KVM, DeviceAccess.RWM);
     * }</pre>
     *
     * @param device the device
     * @param access the access that must not be granted, not empty
     * @return this assertion
     */
    public LxcConfigAssert deniesDevice(KnownDevice device, DeviceAccess access) {
        Objects.requireNonNull(device, "device");
        return denies(policy -> policy.decide(host, device, access));
    }

    private LxcConfigAssert allows(Function<DevicePolicy, DeviceVerdict> question) {
        isNotNull();
        DeviceVerdict v = question.apply(DevicePolicy.of(actual));
        if (!v.granted()) {
            throwAssertionError(ShouldAllowDevice.shouldAllowDevice(name(), v.device(), v.access().toValue(),
                    v.layout().description(), "but it is refused: " + v.reason() + deciding(v)));
        }
        return myself;
    }

    private LxcConfigAssert denies(Function<DevicePolicy, DeviceVerdict> question) {
        isNotNull();
        DeviceVerdict v = question.apply(DevicePolicy.of(actual));
        if (v.granted()) {
            throwAssertionError(ShouldDenyDevice.shouldDenyDevice(name(), v.device(), v.access().toValue(),
                    v.layout().description(), "but it is granted: " + v.reason() + deciding(v)));
        }
        return myself;
    }

    /** Returns {@code ; the deciding lines are:} and the lines, each quoted as it stands in its file. */
    private String deciding(DeviceVerdict v) {
        if (v.lines().isEmpty()) {
            return "";
        }
        List<String> quoted = new ArrayList<>();
        for (DecidingLine d : v.lines()) {
            Optional<String> own = d.source().equals(name()) ? actual.line(d.line()).map(l -> Lines.quote(d.line(), l))
                    : Optional.empty();
            quoted.add(own.orElse(d.source() + " line " + d.line() + ": " + d.key() + " = " + d.value())
                    + Lines.NOTE + d.note());
        }
        return "; the deciding lines are:" + Lines.block(quoted);
    }

    // ------------------------------------------------------------------ mounts

    /**
     * Checks that the config bind-mounts a host path into the container: an {@code lxc.mount.entry} with the
     * {@code bind} (or {@code rbind}) option, that source and that target, or a Proxmox {@code mpN} whose
     * volume is that host path and whose {@code mp=} is that target. Container paths compare with and
     * without their leading {@code /} (LXC reads a relative target from the container's root), and
     * without a trailing {@code /}.
     *
     * <pre>{@code
     * assertThat(config).hasBindMount("/dev/net/tun", "dev/net/tun");
     * assertThat(proxmoxConfig).hasBindMount("/srv/share", "/mnt/share"); // mp0: /srv/share,mp=/mnt/share
     * }</pre>
     *
     * @param hostPath      the path on the host
     * @param containerPath the path in the container, absolute or relative to its root
     * @return this assertion
     */
    public LxcConfigAssert hasBindMount(String hostPath, String containerPath) {
        Objects.requireNonNull(hostPath, "hostPath");
        Objects.requireNonNull(containerPath, "containerPath");
        isNotNull();
        String source = hostPath(hostPath);
        String target = containerPath(containerPath);
        List<String> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (MountEntry m : actual.lxc().mountEntries()) {
            boolean sameSource = hostPath(m.source()).equals(source);
            boolean sameTarget = containerPath(m.target()).equals(target);
            if (sameSource && sameTarget && m.isBind()) {
                return myself;
            }
            Origin o = m.origin().orElseThrow();
            String note = sameSource && sameTarget ? "not a bind mount"
                    : sameTarget ? "mounts another source there" : sameSource ? "mounts it elsewhere" : null;
            numbers.add(o.lineNumber());
            lines.add(Lines.quote(o.lineNumber(), o.entry()) + (note == null ? "" : Lines.NOTE + note));
        }
        if (actual.dialect() == Dialect.PROXMOX) {
            for (Lines.Numbered n : Lines.entries(actual, k -> k.matches("mp[0-9]+"))) {
                MountPoint mp;
                try {
                    mp = MountPoint.parse(n.entry().key(), n.entry().value());
                } catch (IllegalArgumentException notAMountPoint) { // mp256 and above: Proxmox does not read it
                    continue;
                }
                boolean hostVolume = mp.volumeType().filter(t -> t != MountPoint.VolumeType.VOLUME).isPresent();
                boolean sameSource = hostVolume && hostPath(mp.volume().orElseThrow()).equals(source);
                boolean sameTarget = mp.path().map(LxcConfigAssert::containerPath).filter(target::equals).isPresent();
                if (sameSource && sameTarget) {
                    return myself;
                }
                String note = sameTarget ? (hostVolume ? "mounts another source there"
                        : "mounts a storage volume there, not a host path") : sameSource ? "mounts it elsewhere" : null;
                numbers.add(n.number());
                lines.add(n.quote() + (note == null ? "" : Lines.NOTE + note));
            }
        }
        if (lines.isEmpty()) {
            throwAssertionError(ShouldHaveBindMount.shouldHaveBindMount(name(), hostPath, containerPath,
                    "but the config has no mount entries" + (actual.dialect() == Dialect.PROXMOX
                            ? " and no mount points" : "")));
        }
        throwAssertionError(ShouldHaveBindMount.shouldHaveBindMount(name(), hostPath, containerPath,
                "but it does not; the mounts are:" + Lines.block(sortByNumber(lines, numbers))));
        return myself;
    }

    private static List<String> sortByNumber(List<String> lines, List<Integer> numbers) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(numbers::get));
        return order.stream().map(lines::get).toList();
    }

    private static String hostPath(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static String containerPath(String path) {
        int from = 0;
        while (from < path.length() && path.charAt(from) == '/') {
            from++;
        }
        int to = path.length();
        while (to > from && path.charAt(to - 1) == '/') {
            to--;
        }
        return path.substring(from, to);
    }

    // ------------------------------------------------------------------ values

    /**
     * Checks that a key of the main section has a value: the value that counts (the last line) for a
     * single-valued key, any of the values for a list key such as {@code lxc.mount.entry}. Values compare
     * as the config's reader interprets them (outer quotes removed, surrounding blanks dropped).
     *
     * <pre>{@code
     * assertThat(proxmoxConfig).hasValue("hostname", "lab-07").hasValue("memory", "2048");
     * assertThat(nativeConfig).hasValue("lxc.uts.name", "web");
     * }</pre>
     *
     * @param key   the exact key
     * @param value the expected value
     * @return this assertion
     */
    public LxcConfigAssert hasValue(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        isNotNull();
        List<Lines.Numbered> lines = Lines.entries(actual, key::equals);
        boolean list = KeyCatalog.standard().isList(key);
        if (list ? actual.values(key).contains(value) : actual.value(key).filter(value::equals).isPresent()) {
            return myself;
        }
        String details;
        if (lines.isEmpty()) {
            List<String> near = nearestKeys(key);
            details = near.isEmpty() ? "but the key is not set, and no key is spelled like it"
                    : "but the key is not set; the nearest keys are:" + Lines.block(near);
        } else if (list) {
            details = "but its values are:" + Lines.block(lines.stream().map(Lines.Numbered::quote).toList());
        } else {
            List<String> quoted = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                quoted.add(lines.get(i).quote()
                        + (lines.size() > 1 && i == lines.size() - 1 ? Lines.NOTE + "the last one counts" : ""));
            }
            details = "but it is " + Lines.quoted(actual.value(key).orElseThrow()) + ":" + Lines.block(quoted);
        }
        throwAssertionError(ShouldHaveValue.shouldHaveValue(name(), key, value, details));
        return myself;
    }

    /** The last line of each of the (at most three) keys spelled most like this one. */
    private List<String> nearestKeys(String key) {
        Map<String, Lines.Numbered> lastByKey = new LinkedHashMap<>();
        for (Lines.Numbered n : Lines.entries(actual, k -> true)) {
            lastByKey.put(n.entry().key(), n);
        }
        int limit = Math.max(2, key.length() / 3);
        return lastByKey.entrySet().stream()
                .filter(e -> Lines.distance(e.getKey(), key) <= limit)
                .sorted(Comparator.comparingInt((Map.Entry<String, Lines.Numbered> e) -> Lines.distance(e.getKey(),
                        key)).thenComparingInt(e -> e.getValue().number()))
                .limit(3)
                .sorted(Comparator.comparingInt(e -> e.getValue().number()))
                .map(e -> e.getValue().quote())
                .toList();
    }

    /**
     * Checks that the main section has no line with this key.
     *
     * <pre>{@code
     * assertThat(config).doesNotHaveKey("lxc.cgroup.devices.allow"); // migrated to cgroup2
     * }</pre>
     *
     * @param key the exact key
     * @return this assertion
     */
    public LxcConfigAssert doesNotHaveKey(String key) {
        Objects.requireNonNull(key, "key");
        isNotNull();
        List<Lines.Numbered> lines = Lines.entries(actual, key::equals);
        if (!lines.isEmpty()) {
            throwAssertionError(ShouldNotHaveKey.shouldNotHaveKey(name(), key,
                    "but it does:" + Lines.block(lines.stream().map(Lines.Numbered::quote).toList())));
        }
        return myself;
    }

    // ------------------------------------------------------------------ validation

    /**
     * Checks that {@link LxcConfig#validate()} (syntax, values and key checks against liblxc 6.0 and, for a
     * Proxmox config, Proxmox VE) finds no error.
     *
     * <pre>{@code
     * assertThat(config).hasNoErrors();
     * }</pre>
     *
     * @return this assertion
     */
    public LxcConfigAssert hasNoErrors() {
        return hasNo(Severity.ERROR);
    }

    /**
     * Checks that {@link LxcConfig#validate()} finds no warning (errors are checked by {@link #hasNoErrors()}).
     *
     * <pre>{@code
     * assertThat(config).hasNoErrors().hasNoWarnings();
     * }</pre>
     *
     * @return this assertion
     */
    public LxcConfigAssert hasNoWarnings() {
        return hasNo(Severity.WARNING);
    }

    private LxcConfigAssert hasNo(Severity severity) {
        isNotNull();
        List<Diagnostic> found = actual.validate().diagnostics().stream().filter(d -> d.severity() == severity)
                .toList();
        if (!found.isEmpty()) {
            List<String> items = new ArrayList<>();
            for (Diagnostic d : found) {
                items.add(d.toString());
                actual.line(d.line()).ifPresent(l -> items.add("  " + Lines.quote(d.line(), l)));
            }
            throwAssertionError(ShouldHaveNoDiagnostics.shouldHaveNo(name(), severity.label() + "s",
                    "but validation found " + Lines.count(found.size(), severity.label()) + ":" + Lines.block(items)));
        }
        return myself;
    }

    // ------------------------------------------------------------------ privileges

    /**
     * Checks that the container runs unprivileged, in a user namespace: {@code unprivileged: 1} in a Proxmox
     * config, or {@code lxc.idmap} lines for both user and group ids.
     *
     * <pre>{@code
     * assertThat(config).isUnprivileged();
     * }</pre>
     *
     * @return this assertion
     */
    public LxcConfigAssert isUnprivileged() {
        isNotNull();
        if (!unprivileged()) {
            String details;
            List<String> maps = idMapLines();
            boolean proxmox = actual.dialect() == Dialect.PROXMOX;
            List<Lines.Numbered> flag = proxmox ? Lines.entries(actual, "unprivileged"::equals) : List.of();
            if (!flag.isEmpty()) {
                List<String> lines = new ArrayList<>(flag.stream().map(Lines.Numbered::quote).toList());
                lines.addAll(maps);
                details = "but it is privileged:" + Lines.block(lines);
            } else if (maps.isEmpty()) {
                details = proxmox ? "but it is privileged: it has no unprivileged option (Proxmox's default is 0)"
                        + " and no lxc.idmap lines"
                        : "but it is privileged: it has no lxc.idmap lines (a container runs unprivileged when it"
                        + " maps both user and group ids)";
            } else {
                details = "but it is privileged: it maps only " + (hasMap(IdMap.Type.UID) ? "user" : "group")
                        + " ids:" + Lines.block(maps);
            }
            throwAssertionError(ShouldBePrivileged.shouldBe(name(), "unprivileged", details));
        }
        return myself;
    }

    /**
     * Checks that the container runs privileged: no {@code unprivileged: 1} in a Proxmox config and no
     * {@code lxc.idmap} lines for both user and group ids.
     *
     * <pre>{@code
     * assertThat(config).isPrivileged();
     * }</pre>
     *
     * @return this assertion
     */
    public LxcConfigAssert isPrivileged() {
        isNotNull();
        if (unprivileged()) {
            List<String> lines = new ArrayList<>();
            if (actual.dialect() == Dialect.PROXMOX && actual.proxmox().unprivileged()) {
                Lines.entries(actual, "unprivileged"::equals).forEach(n -> lines.add(n.quote()));
            }
            lines.addAll(idMapLines());
            throwAssertionError(ShouldBePrivileged.shouldBe(name(), "privileged",
                    "but it is unprivileged:" + Lines.block(lines)));
        }
        return myself;
    }

    private boolean unprivileged() {
        return actual.dialect() == Dialect.PROXMOX ? actual.proxmox().unprivileged() || actual.lxc().isUnprivileged()
                : actual.lxc().isUnprivileged();
    }

    private boolean hasMap(IdMap.Type type) {
        return actual.lxc().idMaps().stream().anyMatch(m -> m.type() == type);
    }

    private List<String> idMapLines() {
        return actual.lxc().idMaps().stream().flatMap(m -> m.origin().stream())
                .map(o -> Lines.quote(o.lineNumber(), o.entry())).toList();
    }

    // ------------------------------------------------------------------ capabilities

    /**
     * Checks that the container drops a capability: an {@code lxc.cap.drop} line names it, or
     * {@code lxc.cap.keep} lines keep a list without it.
     *
     * <pre>{@code
     * assertThat(config).dropsCapability(Capability.SYS_MODULE);
     * }</pre>
     *
     * @param capability the capability
     * @return this assertion
     */
    public LxcConfigAssert dropsCapability(Capability capability) {
        Objects.requireNonNull(capability, "capability");
        isNotNull();
        Capabilities caps = actual.lxc().capabilities();
        if (caps.retains(capability)) {
            List<Lines.Numbered> lines = Lines.entries(actual, k -> k.equals("lxc.cap.drop")
                    || k.equals("lxc.cap.keep"));
            String details;
            if (lines.isEmpty()) {
                details = "but the config has no lxc.cap.drop or lxc.cap.keep lines";
            } else {
                List<String> quoted = new ArrayList<>();
                for (Lines.Numbered n : lines) {
                    boolean keeps = caps.mode() == Capabilities.Mode.KEEP && n.entry().key().equals("lxc.cap.keep")
                            && caps.origins().stream().anyMatch(o -> o.lineNumber() == n.number())
                            && List.of(n.entry().value().split("[ \t]+")).contains(capability.lxcName());
                    quoted.add(n.quote() + (keeps ? Lines.NOTE + "keeps it" : ""));
                }
                details = "but it is not dropped; the capability lines are:" + Lines.block(quoted);
            }
            throwAssertionError(ShouldDropCapability.shouldDropCapability(name(), capability.lxcName(), details));
        }
        return myself;
    }

    /**
     * Checks that the container drops a capability named as LXC writes it ({@code sys_admin}); upper case
     * and a {@code CAP_} prefix are accepted too.
     *
     * <pre>{@code
     * assertThat(config).dropsCapability("sys_time");
     * }</pre>
     *
     * @param name the capability's name
     * @return this assertion
     * @throws IllegalArgumentException if Linux has no capability of that name
     */
    public LxcConfigAssert dropsCapability(String name) {
        Objects.requireNonNull(name, "name");
        String lower = name.toLowerCase(Locale.ROOT);
        String plain = lower.startsWith("cap_") ? lower.substring(4) : lower;
        return dropsCapability(Capability.of(plain).orElseThrow(() -> new IllegalArgumentException(
                "'" + name + "' is not a Linux capability; LXC writes them like sys_admin")));
    }

    // ------------------------------------------------------------------ network

    /**
     * Checks that the config has network interface {@code index} ({@code netN} in a Proxmox config,
     * {@code lxc.net.N.*} lines in a native one) and returns assertions on it; {@link NetworkAssert#and()}
     * comes back here.
     *
     * <pre>{@code
     * assertThat(config).hasNetwork(0).hasName("eth0").hasBridge("vmbr0").and().hasNoErrors();
     * }</pre>
     *
     * @param index the interface index N
     * @return assertions on the interface
     * @throws IllegalArgumentException if the index is negative
     */
    public NetworkAssert hasNetwork(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("network interface indices start at 0, got " + index);
        }
        isNotNull();
        Optional<NetworkAssert.Interface> found = networkInterface(index);
        if (found.isEmpty()) {
            List<String> lines = new ArrayList<>();
            if (actual.dialect() == Dialect.PROXMOX) {
                Lines.entries(actual, k -> k.matches("net[0-9]+")).forEach(n -> lines.add(n.quote()));
            }
            for (NetworkInterface n : actual.lxc().networkInterfaces()) {
                n.origins().forEach(o -> lines.add(Lines.quote(o.lineNumber(), o.entry())));
            }
            String label = (actual.dialect() == Dialect.PROXMOX ? "net" : "lxc.net.") + index;
            throwAssertionError(ShouldHaveNetwork.shouldHaveNetwork(name(), label, lines.isEmpty()
                    ? "but it has no network interfaces" : "but it has only:" + Lines.block(lines)));
        }
        return new NetworkAssert(this, actual, found.orElseThrow());
    }

    private Optional<NetworkAssert.Interface> networkInterface(int index) {
        if (actual.dialect() == Dialect.PROXMOX) {
            Optional<NetworkDevice> device = index >= 0 && index < 32 ? actual.proxmox().network(index)
                    : Optional.empty();
            if (device.isPresent()) {
                List<Lines.Numbered> lines = Lines.entries(actual, ("net" + index)::equals);
                Lines.Numbered line = lines.get(lines.size() - 1);
                return Optional.of(NetworkAssert.Interface.of(device.get(), line.number(), line.entry()));
            }
        }
        return actual.lxc().networkInterface(index).map(NetworkAssert.Interface::of);
    }

    // ------------------------------------------------------------------ rendering

    /**
     * Checks that {@link LxcConfig#render()} is exactly this text, line ends and blanks included. A failure
     * names the first line that differs and quotes both versions with line ends, tabs and quotes escaped.
     *
     * <pre>{@code
     * assertThat(config.edit().set("memory", "2048").build()).renders("memory: 2048\n");
     * }</pre>
     *
     * @param expected the whole expected text
     * @return this assertion
     */
    public LxcConfigAssert renders(String expected) {
        Objects.requireNonNull(expected, "expected");
        isNotNull();
        String rendered = actual.render();
        if (!rendered.equals(expected)) {
            List<String> want = split(expected);
            List<String> got = split(rendered);
            int i = 0;
            while (i < want.size() && i < got.size() && want.get(i).equals(got.get(i))) {
                i++;
            }
            String w = i < want.size() ? want.get(i) : null;
            String g = i < got.size() ? got.get(i) : null;
            String details = "but line " + (i + 1) + " differs"
                    + (w != null && g != null ? " at column " + (firstDifference(w, g) + 1) : "") + ":"
                    + Lines.block(List.of("expected: " + (w == null ? "(no line: the expected text ends here)"
                            : Lines.visible(w)), "actual:   " + (g == null ? "(no line: the config ends here)"
                            : Lines.visible(g))));
            throwAssertionError(ShouldRender.shouldRender(name(), details));
        }
        return myself;
    }

    /** Splits text into lines, each with its line end. */
    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    private static int firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.codePointCount(0, i);
    }
}
