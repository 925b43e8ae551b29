package io.github.lxcconf.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A cgroup device-access rule: {@code lxc.cgroup2.devices.allow = c 10:232 rwm}.
 *
 * <p>A rule has one of three forms: the global rule {@code a} (allow or deny
 * every device; it has no numbers and no access letters), a numbered rule
 * {@code TYPE MAJOR:MINOR ACCESS} where a number may be the wildcard {@code *}
 * (an empty {@link #major()} or {@link #minor()}), or a path rule
 * {@code /dev/kvm rwm} whose numbers are looked up on the host when the
 * container starts (its type is {@link DeviceType#ALL}, its numbers empty).
 *
 * <p>liblxc stores rules without checking them when it loads a file; a bad
 * rule makes the container fail to start. Two rules are equal when they say
 * the same thing; their {@link #origin()} is not compared.
 *
 * <pre>{@code
 * DeviceRule kvm = DeviceRule.allow(CgroupVersion.V2, DeviceType.CHAR, 10, 232, DeviceAccess.RWM);
 * kvm.key();                                  // "lxc.cgroup2.devices.allow"
 * kvm.toValue();                              // "c 10:232 rwm"
 * kvm.deviceInfo().map(DeviceInfo::name);    // Optional[/dev/kvm]
 * DeviceRule.parse(CgroupVersion.V1, true, "b 7:* rwm").minor(); // OptionalInt.empty: all loop devices
 * }</pre>
 *
 * @param allow   {@code true} for {@code devices.allow}, {@code false} for {@code devices.deny}
 * @param version the cgroup version of the key
 * @param type    the device type ({@link DeviceType#ALL} for the global and the path forms)
 * @param major   the major number; empty for {@code *} (and for the global and path forms)
 * @param minor   the minor number; empty for {@code *} (and for the global and path forms)
 * @param access  the access letters; {@link DeviceAccess#NONE} only for the global rule
 * @param path    the device path of the path form; empty otherwise
 * @param origin  the line the rule was read from; empty when built by hand
 */
public record DeviceRule(boolean allow, CgroupVersion version, DeviceType type, OptionalInt major, OptionalInt minor,
                         DeviceAccess access, Optional<String> path, Optional<Origin> origin) {

    /**
     * Checks that the components make one of the three forms.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the components make no valid rule
     */
    public DeviceRule {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(major, "major");
        Objects.requireNonNull(minor, "minor");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(origin, "origin");
        if (major.isPresent() && major.getAsInt() < 0 || minor.isPresent() && minor.getAsInt() < 0) {
            throw new IllegalArgumentException("device numbers are not negative, got " + numbers(major, minor));
        }
        if (path.isPresent()) {
            String p = path.get();
            if (!p.startsWith("/") || p.chars().anyMatch(c -> Values.isCSpace((char) c) || c == 0)) {
                throw new IllegalArgumentException("a device path starts with '/' and has no blanks, got '" + p
                        + "'");
            }
            if (type != DeviceType.ALL || major.isPresent() || minor.isPresent()) {
                throw new IllegalArgumentException("a path rule has no type and no numbers");
            }
            if (!allow) {
                throw new IllegalArgumentException("a device path is only accepted in devices.allow");
            }
        }
        if (access.isEmpty() && (type != DeviceType.ALL || major.isPresent() || minor.isPresent()
                || path.isPresent())) {
            throw new IllegalArgumentException("access must not be empty");
        }
    }

    /**
     * Returns a rule that allows one device.
     *
     * <pre>{@code
     * DeviceRule.allow(CgroupVersion.V2, DeviceType.CHAR, 10, 200, DeviceAccess.RWM).toValue(); // "c 10:200 rwm"
     * }</pre>
     *
     * @param version the cgroup version
     * @param type    the device type
     * @param major   the major number
     * @param minor   the minor number
     * @param access  the access, not empty
     * @return the rule
     */
    public static DeviceRule allow(CgroupVersion version, DeviceType type, int major, int minor, DeviceAccess access) {
        return of(true, version, type, OptionalInt.of(major), OptionalInt.of(minor), access);
    }

    /**
     * Returns a rule that denies one device.
     *
     * <pre>{@code
     * DeviceRule.deny(CgroupVersion.V2, DeviceType.CHAR, 10, 229, DeviceAccess.RWM).key(); // "lxc.cgroup2.devices.deny"
     * }</pre>
     *
     * @param version the cgroup version
     * @param type    the device type
     * @param major   the major number
     * @param minor   the minor number
     * @param access  the access, not empty
     * @return the rule
     */
    public static DeviceRule deny(CgroupVersion version, DeviceType type, int major, int minor, DeviceAccess access) {
        return of(false, version, type, OptionalInt.of(major), OptionalInt.of(minor), access);
    }

    /**
     * Returns a numbered rule; an empty number is the wildcard {@code *}.
     *
     * <pre>{@code
     * DeviceRule.of(true, CgroupVersion.V2, DeviceType.CHAR, OptionalInt.of(188), OptionalInt.empty(),
     *         DeviceAccess.RWM).toValue();   // "c 188:* rwm"
     * }</pre>
     *
     * @param allow   allow or deny
     * @param version the cgroup version
     * @param type    the device type
     * @param major   the major number, or empty for {@code *}
     * @param minor   the minor number, or empty for {@code *}
     * @param access  the access, not empty
     * @return the rule
     */
    public static DeviceRule of(boolean allow, CgroupVersion version, DeviceType type, OptionalInt major,
                                OptionalInt minor, DeviceAccess access) {
        return new DeviceRule(allow, version, type, major, minor, access, Optional.empty(), Optional.empty());
    }

    /**
     * Returns the global rule {@code a}: {@code devices.deny = a} denies every
     * device (start of an allow list), {@code devices.allow = a} allows every device.
     *
     * <pre>{@code
     * DeviceRule.global(false, CgroupVersion.V2).key();      // "lxc.cgroup2.devices.deny"
     * DeviceRule.global(false, CgroupVersion.V2).toValue();  // "a"
     * }</pre>
     *
     * @param allow   allow or deny
     * @param version the cgroup version
     * @return the rule
     */
    public static DeviceRule global(boolean allow, CgroupVersion version) {
        return new DeviceRule(allow, version, DeviceType.ALL, OptionalInt.empty(), OptionalInt.empty(),
                DeviceAccess.NONE, Optional.empty(), Optional.empty());
    }

    /**
     * Reads a rule as LXC does when the container starts.
     *
     * <pre>{@code
     * DeviceRule.parse(CgroupVersion.V2, true, "c 10:232 rwm");   // the /dev/kvm rule
     * DeviceRule.parse(CgroupVersion.V2, true, "x 10:232 rwm");   // throws: ... unknown device type 'x' ...
     * }</pre>
     *
     * @param version the cgroup version of the key
     * @param allow   whether the key is {@code devices.allow}
     * @param value   the value, such as {@code "c 10:232 rwm"}, {@code "a"} or {@code "/dev/fuse rwm"}
     * @return the rule
     * @throws IllegalArgumentException if the value is not a rule; the message says why
     */
    public static DeviceRule parse(CgroupVersion version, boolean allow, String value) {
        return read(version, allow, value, Optional.empty()).orThrow();
    }

    /** Reads a rule; a problem names the value and what is wrong with it. */
    static Parsed<DeviceRule> read(CgroupVersion version, boolean allow, String value, Optional<Origin> origin) {
        String problem = problem(allow, value);
        if (problem != null) {
            return Parsed.fail("invalid device rule '" + value + "': " + problem
                            + "; liblxc accepts it when loading, but the container would fail to start",
                    "write TYPE MAJOR:MINOR ACCESS with single blanks, such as 'c 10:232 rwm' or 'b 7:* rwm',"
                            + " or 'a' for every device");
        }
        if (value.equals("a")) {
            return Parsed.ok(new DeviceRule(allow, version, DeviceType.ALL, OptionalInt.empty(), OptionalInt.empty(),
                    DeviceAccess.NONE, Optional.empty(), origin));
        }
        if (value.startsWith("/")) {
            int blank = firstSpace(value, 0);
            String word = value.substring(blank + 1, firstSpace(value, blank + 1));
            return Parsed.ok(new DeviceRule(allow, version, DeviceType.ALL, OptionalInt.empty(), OptionalInt.empty(),
                    DeviceAccess.parse(word).orElseThrow(), Optional.of(value.substring(0, blank)), origin));
        }
        DeviceType type = DeviceType.of(value.charAt(0)).orElseThrow();
        int colon = value.indexOf(':', 2);
        String majorText = value.substring(2, colon);
        int blank = firstSpace(value, colon + 1);
        String minorText = value.substring(colon + 1, blank);
        String letters = value.substring(blank + 1, Math.min(value.length(), blank + 4));
        return Parsed.ok(new DeviceRule(allow, version, type, number(majorText), number(minorText),
                DeviceAccess.parse(letters).orElseThrow(), Optional.empty(), origin));
    }

    /** Returns what is wrong with a rule, or null. */
    private static String problem(boolean allow, String v) {
        if (v.equals("a")) {
            return null;
        }
        if (v.isEmpty()) {
            return "the rule is empty";
        }
        if (v.startsWith("/")) {
            if (!allow) {
                return "a device path is only accepted in devices.allow";
            }
            int blank = firstSpace(v, 0);
            if (blank == v.length()) {
                return "the access (r, w and/or m) after the device path is missing";
            }
            String word = v.substring(blank + 1, firstSpace(v, blank + 1));
            if (word.isEmpty()) {
                return "expected exactly one blank between fields";
            }
            if (DeviceAccess.parse(word).isEmpty()) {
                return "unknown access '" + word + "' (expected r, w and/or m)";
            }
            return null;
        }
        char t = v.charAt(0);
        if (DeviceType.of(t).isEmpty()) {
            return "unknown device type '" + v.codePoints().limit(1).collect(StringBuilder::new,
                    StringBuilder::appendCodePoint, StringBuilder::append) + "' (expected a, b or c)";
        }
        if (v.length() == 1) {
            return "the numbers and the access after the type '" + t + "' are missing";
        }
        if (!Values.isCSpace(v.charAt(1))) {
            return "expected one blank after the type '" + t + "'";
        }
        int i = 2;
        if (i < v.length() && Values.isCSpace(v.charAt(i))) {
            return "expected exactly one blank between fields";
        }
        int colon = v.indexOf(':', i);
        int end = firstSpace(v, i);
        if (colon < 0 || colon > end) {
            return "expected MAJOR:MINOR after the type, got '" + v.substring(i, end) + "'";
        }
        String numberProblem = numberProblem("major", v.substring(i, colon));
        if (numberProblem == null) {
            numberProblem = numberProblem("minor", v.substring(colon + 1, end));
        }
        if (numberProblem != null) {
            return numberProblem;
        }
        if (end == v.length()) {
            return "the access (r, w and/or m) is missing";
        }
        i = end + 1;
        if (i == v.length()) {
            return "the access field is empty";
        }
        if (Values.isCSpace(v.charAt(i))) {
            return "expected exactly one blank between fields";
        }
        for (int k = i; k < Math.min(v.length(), i + 3); k++) {
            char c = v.charAt(k);
            if (c != 'r' && c != 'w' && c != 'm') {
                return "unknown access '" + v.substring(i) + "' (expected r, w and/or m)";
            }
        }
        return null;
    }

    private static String numberProblem(String which, String text) {
        if (text.equals("*")) {
            return null;
        }
        if (!Values.isDigits(text)) {
            return which + " number '" + text + "' is not a number or '*'";
        }
        if (new java.math.BigInteger(text).compareTo(java.math.BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
            return which + " number " + text + " is too large";
        }
        return null;
    }

    private static OptionalInt number(String text) {
        return text.equals("*") ? OptionalInt.empty() : Values.optionalInt(Integer.parseInt(text));
    }

    private static int firstSpace(String s, int from) {
        int i = from;
        while (i < s.length() && !Values.isCSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Returns whether this is the global rule {@code a}.
     *
     * <pre>{@code
     * DeviceRule.parse(CgroupVersion.V2, false, "a").isGlobal();         // true
     * DeviceRule.parse(CgroupVersion.V2, false, "a *:* rwm").isGlobal(); // false: an ordinary rule
     * }</pre>
     *
     * @return {@code true} for {@code a}
     */
    public boolean isGlobal() {
        return access.isEmpty();
    }

    /**
     * Returns the key this rule is written under.
     *
     * <pre>{@code
     * rule.key(); // "lxc.cgroup.devices.allow"
     * }</pre>
     *
     * @return {@code lxc.cgroup.devices.allow}, {@code lxc.cgroup2.devices.deny}, ...
     */
    public String key() {
        return version.key(allow);
    }

    /**
     * Returns the canonical value text.
     *
     * <pre>{@code
     * DeviceRule.parse(CgroupVersion.V2, true, "c\t10:232 mwr").toValue(); // "c 10:232 rwm"
     * }</pre>
     *
     * @return the value, such as {@code "c 10:232 rwm"}, {@code "a"} or {@code "/dev/fuse rwm"}
     */
    public String toValue() {
        if (isGlobal()) {
            return "a";
        }
        if (path.isPresent()) {
            return path.get() + ' ' + access.toValue();
        }
        return type.letter() + " " + numbers(major, minor) + ' ' + access.toValue();
    }

    private static String numbers(OptionalInt major, OptionalInt minor) {
        return (major.isPresent() ? Integer.toString(major.getAsInt()) : "*") + ':'
                + (minor.isPresent() ? Integer.toString(minor.getAsInt()) : "*");
    }

    /**
     * Returns the same rule for another cgroup version, without an origin:
     * device rules carry over between v1 and v2 unchanged.
     *
     * <pre>{@code
     * v1Rule.withVersion(CgroupVersion.V2).key(); // "lxc.cgroup2.devices.allow"
     * }</pre>
     *
     * @param other the version
     * @return the rule for that version
     */
    public DeviceRule withVersion(CgroupVersion other) {
        return new DeviceRule(allow, other, type, major, minor, access, path, Optional.empty());
    }

    /**
     * Returns the well-known device this rule names exactly (same type, major and minor, or the same path), such
     * as {@link KnownDevice#KVM} for {@code c 10:232 rwm}; {@link #deviceInfo()} answers for any device in the
     * table.
     *
     * <pre>{@code
     * DeviceRule.parse(CgroupVersion.V2, true, "c 10:232 rwm").knownDevice(); // Optional[KVM]
     * DeviceRule.parse(CgroupVersion.V2, true, "c 188:* rwm").knownDevice();  // Optional[TTY_USB]
     * }</pre>
     *
     * @return the known device, or empty
     */
    public Optional<KnownDevice> knownDevice() {
        return KnownDevice.of(this);
    }

    /**
     * Returns what the device table says of the device this rule names: by numbers,
     * by the whole major for a {@code *} minor, or by path.
     *
     * <pre>{@code
     * DeviceRule.parse(CgroupVersion.V1, true, "c 10:232 rwm").deviceInfo().map(DeviceInfo::name); // Optional[/dev/kvm]
     * DeviceRule.parse(CgroupVersion.V1, true, "c 188:* rwm").deviceInfo().map(DeviceInfo::name);  // Optional[/dev/ttyUSB0..]
     * }</pre>
     *
     * @return the device, or empty for the global rule, a {@code *} major or an unknown device
     */
    public Optional<DeviceInfo> deviceInfo() {
        if (path.isPresent()) {
            return DeviceCatalog.byPath(path.get());
        }
        if (isGlobal() || major.isEmpty()) {
            return Optional.empty();
        }
        if (minor.isEmpty()) {
            return DeviceCatalog.lookupMajor(type, major.getAsInt());
        }
        return DeviceCatalog.lookup(type, major.getAsInt(), minor.getAsInt());
    }

    /**
     * Returns whether the other object is a rule that says the same thing; the origin is not compared.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof DeviceRule r && allow == r.allow && version == r.version && type == r.type
                && major.equals(r.major) && minor.equals(r.minor) && access.equals(r.access)
                && path.equals(r.path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(allow, version, type, major, minor, access, path);
    }
}
