package io.github.lxcconf.it.container;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.device.DevicePolicy;
import io.github.lxcconf.device.DeviceVerdict;
import io.github.lxcconf.device.HostLayout;
import io.github.lxcconf.it.CgroupHost;
import io.github.lxcconf.it.DeviceProbe;
import io.github.lxcconf.model.DeviceAccess;
import io.github.lxcconf.model.DeviceType;

import java.nio.file.Path;
import java.util.Optional;

/** lxcconf's own device decision ({@link DevicePolicy}) for a config, a host layout and one probed access. */
final class CoreDeviceDecision {

    private CoreDeviceDecision() {
    }

    /** Returns lxcconf's layout for a test host. */
    static HostLayout layout(CgroupHost host) {
        return switch (host) {
            case CGROUP2 -> HostLayout.CGROUP2;
            case HYBRID -> HostLayout.HYBRID;
            case CGROUP1 -> HostLayout.CGROUP1;
        };
    }

    /** Returns the access a probe asks the device cgroup for. */
    static DeviceAccess access(DeviceProbe.Access access) {
        return DeviceAccess.parse(access.letters()).orElseThrow();
    }

    /** Returns the policy of the config's effective rules, common.conf included. */
    static DevicePolicy effective(LxcConfig config) {
        return DevicePolicy.of(config.effective(Path.of("/usr/share/lxc/config")));
    }

    /** Returns lxcconf's verdict for one probed access. */
    static Optional<Verdict> decide(DevicePolicy policy, CgroupHost host, DeviceProbe.Device device,
                                    DeviceProbe.Access access) {
        DeviceType type = device.type() == 'c' ? DeviceType.CHAR : DeviceType.BLOCK;
        DeviceVerdict v = policy.decide(layout(host), type, device.major(), device.minor(), access(access));
        return Optional.of(new Verdict(v.granted(), v.describe()));
    }

    /** lxcconf's verdict and its explanation. */
    record Verdict(boolean granted, String describe) {
    }
}
