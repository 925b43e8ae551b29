package io.github.lxcconf.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Devices users commonly pass through to a container, with their numbers,
 * /dev path and what they are for.
 *
 * <pre>{@code
 * KnownDevice.KVM.allow(CgroupVersion.V2).toValue();       // "c 10:232 rwm"
 * KnownDevice.TUN.purpose();                               // "TUN/TAP virtual network interfaces: ..."
 * KnownDevice.of(rule);                                    // Optional[KVM] for "c 10:232 rwm"
 * }</pre>
 */
public enum KnownDevice {
    /** {@code c 10:232}, /dev/kvm. */
    KVM(DeviceType.CHAR, 10, 232, "/dev/kvm",
            "hardware virtualisation: lets QEMU run virtual machines with KVM acceleration"),
    /** {@code c 10:200}, /dev/net/tun. */
    TUN(DeviceType.CHAR, 10, 200, "/dev/net/tun",
            "TUN/TAP virtual network interfaces: VPNs (OpenVPN, WireGuard in user space, Tailscale)"
                    + " and networking for QEMU virtual machines"),
    /** {@code c 10:229}, /dev/fuse. */
    FUSE(DeviceType.CHAR, 10, 229, "/dev/fuse",
            "file systems in user space: sshfs, rclone mount, AppImage, fuse-overlayfs for rootless containers"),
    /** {@code c 10:237}, /dev/loop-control. */
    LOOP_CONTROL(DeviceType.CHAR, 10, 237, "/dev/loop-control",
            "allocating loop devices, to mount disk images (used together with the loop devices, b 7:*)"),
    /** {@code b 7:*}, /dev/loop0, /dev/loop1, .... */
    LOOP(DeviceType.BLOCK, 7, -1, "/dev/loop*", "loop devices: disk image files used as block devices"),
    /** {@code c 10:238}, /dev/vhost-net. */
    VHOST_NET(DeviceType.CHAR, 10, 238, "/dev/vhost-net",
            "in-kernel network acceleration for QEMU virtual machines (virtio-net)"),
    /** {@code c 226:0}, /dev/dri/card0. */
    DRI_CARD0(DeviceType.CHAR, 226, 0, "/dev/dri/card0",
            "the first GPU's primary node: display output and modesetting"),
    /** {@code c 226:128}, /dev/dri/renderD128. */
    DRI_RENDER_D128(DeviceType.CHAR, 226, 128, "/dev/dri/renderD128",
            "the first GPU's render node: hardware video transcoding (VA-API, Jellyfin, Plex) and GPU compute"),
    /** {@code c 29:0}, /dev/fb0. */
    FB0(DeviceType.CHAR, 29, 0, "/dev/fb0", "the first framebuffer: simple graphics output to a screen"),
    /** {@code c 188:*}, /dev/ttyUSB0, /dev/ttyUSB1, .... */
    TTY_USB(DeviceType.CHAR, 188, -1, "/dev/ttyUSB*",
            "USB serial adapters (FTDI, CP210x, CH340): Zigbee and Z-Wave sticks, microcontrollers, UPS cables"),
    /** {@code c 166:*}, /dev/ttyACM0, /dev/ttyACM1, .... */
    TTY_ACM(DeviceType.CHAR, 166, -1, "/dev/ttyACM*",
            "USB modems and boards that speak CDC ACM: Arduino, 3D printers, many Zigbee and Z-Wave sticks"),
    /** {@code c 189:*}, /dev/bus/usb/BBB/DDD. */
    USB_BUS(DeviceType.CHAR, 189, -1, "/dev/bus/usb/*",
            "raw USB devices through libusb: SDR dongles, scanners, printers, security keys"),
    /** {@code c 1:3}, /dev/null. */
    NULL(DeviceType.CHAR, 1, 3, "/dev/null", "discards everything written to it; reading gives end of file"),
    /** {@code c 1:5}, /dev/zero. */
    ZERO(DeviceType.CHAR, 1, 5, "/dev/zero", "an endless source of zero bytes"),
    /** {@code c 1:7}, /dev/full. */
    FULL(DeviceType.CHAR, 1, 7, "/dev/full", "every write fails with 'no space left on device' (for tests)"),
    /** {@code c 1:8}, /dev/random. */
    RANDOM(DeviceType.CHAR, 1, 8, "/dev/random", "random numbers from the kernel"),
    /** {@code c 1:9}, /dev/urandom. */
    URANDOM(DeviceType.CHAR, 1, 9, "/dev/urandom", "random numbers from the kernel, never blocking"),
    /** {@code c 5:0}, /dev/tty. */
    TTY(DeviceType.CHAR, 5, 0, "/dev/tty", "the controlling terminal of the process that opens it"),
    /** {@code c 5:1}, /dev/console. */
    CONSOLE(DeviceType.CHAR, 5, 1, "/dev/console", "the system console"),
    /** {@code c 5:2}, /dev/ptmx. */
    PTMX(DeviceType.CHAR, 5, 2, "/dev/ptmx",
            "creates pseudo-terminals: the terminals of SSH sessions, screen, tmux and terminal emulators"),
    /** {@code c 136:*}, /dev/pts/0, /dev/pts/1, .... */
    PTS(DeviceType.CHAR, 136, -1, "/dev/pts/*", "the terminal ends of pseudo-terminals that shells run in");

    private final DeviceType type;
    private final int major;
    private final int minor;
    private final String path;
    private final String purpose;

    KnownDevice(DeviceType type, int major, int minor, String path, String purpose) {
        this.type = type;
        this.major = major;
        this.minor = minor;
        this.path = path;
        this.purpose = purpose;
    }

    /**
     * Returns the device type.
     *
     * @return {@link DeviceType#CHAR} or {@link DeviceType#BLOCK}
     */
    public DeviceType type() {
        return type;
    }

    /**
     * Returns the major number.
     *
     * <pre>{@code
     * KnownDevice.KVM.major(); // 10
     * }</pre>
     *
     * @return the major number
     */
    public int major() {
        return major;
    }

    /**
     * Returns the minor number; empty when the entry stands for every minor of the major.
     *
     * <pre>{@code
     * KnownDevice.TTY_USB.minor(); // OptionalInt.empty: c 188:*
     * }</pre>
     *
     * @return the minor number, or empty for {@code *}
     */
    public OptionalInt minor() {
        return minor < 0 ? OptionalInt.empty() : OptionalInt.of(minor);
    }

    /**
     * Returns the device's path under /dev; {@code *} stands for a number.
     *
     * <pre>{@code
     * KnownDevice.TUN.path(); // "/dev/net/tun"
     * }</pre>
     *
     * @return the path
     */
    public String path() {
        return path;
    }

    /**
     * Returns what the device is for, in plain English.
     *
     * @return the purpose
     */
    public String purpose() {
        return purpose;
    }

    /**
     * Returns the rule that allows the device with read, write and mknod access.
     *
     * <pre>{@code
     * KnownDevice.TTY_USB.allow(CgroupVersion.V2).toValue(); // "c 188:* rwm"
     * }</pre>
     *
     * @param version the cgroup version
     * @return the rule, without an origin
     */
    public DeviceRule allow(CgroupVersion version) {
        return DeviceRule.of(true, version, type, OptionalInt.of(major), minor(), DeviceAccess.RWM);
    }

    /**
     * Returns the known device a rule names exactly: same type, major and
     * minor (a {@code *} minor only matches an entry for every minor), or the same path.
     *
     * <pre>{@code
     * KnownDevice.of(DeviceRule.parse(CgroupVersion.V1, true, "c 10:200 rwm")); // Optional[TUN]
     * KnownDevice.of(DeviceRule.parse(CgroupVersion.V1, true, "/dev/fuse rwm")); // Optional[FUSE]
     * }</pre>
     *
     * @param rule the rule
     * @return the device, or empty
     */
    public static Optional<KnownDevice> of(DeviceRule rule) {
        Objects.requireNonNull(rule, "rule");
        for (KnownDevice d : values()) {
            if (rule.path().isPresent() ? rule.path().get().equals(d.path)
                    : rule.type() == d.type && rule.major().equals(OptionalInt.of(d.major))
                            && rule.minor().equals(d.minor())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * Finds the device with exactly this node path ({@code /dev/ttyUSB*} names the kind, not an instance).
     *
     * <pre>{@code
     * KnownDevice.byPath("/dev/kvm");      // Optional[KVM]
     * KnownDevice.byPath("/dev/ttyUSB0");  // Optional.empty
     * }</pre>
     *
     * @param path the path, such as {@code /dev/net/tun}
     * @return the device, or empty
     */
    public static Optional<KnownDevice> byPath(String path) {
        Objects.requireNonNull(path, "path");
        for (KnownDevice d : values()) {
            if (d.path.equals(path)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
