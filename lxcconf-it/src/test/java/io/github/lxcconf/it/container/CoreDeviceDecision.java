package io.github.lxcconf.it.container;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.it.CgroupHost;
import io.github.lxcconf.it.DeviceProbe;

import java.util.Optional;

/** lxcconf's own device decision for a config, a host layout and one probed access. */
final class CoreDeviceDecision {

    private CoreDeviceDecision() {
    }

    /** Whether lxcconf-core has the device decision on this class path. */
    static boolean available() {
        return false;
    }

    /**
     * Returns whether lxcconf grants the access with the config's effective rules (common.conf included),
     * with the lines that decided it.
     */
    static Optional<Verdict> decide(LxcConfig config, CgroupHost host, DeviceProbe.Device device,
                                    DeviceProbe.Access access) {
        return Optional.empty();
    }

    /** lxcconf's verdict and its explanation. */
    record Verdict(boolean granted, String describe) {
    }
}
