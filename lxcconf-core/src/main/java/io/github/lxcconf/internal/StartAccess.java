package io.github.lxcconf.internal;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.proxmox.ProxmoxNode;
import io.github.lxcconf.proxmox.StartConfig;

import io.github.lxcconf.include.EffectiveConfig;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Bridge to the start-config generator for the device decision: the file Proxmox would write were it to start a
 * container it refuses to start (a template, a config without {@code arch}, ...). Not API.
 */
public final class StartAccess {
    private static volatile BiFunction<LxcConfig, ProxmoxNode, StartConfig> anyway;
    private static volatile Function<StartConfig, EffectiveConfig> readOn;

    private StartAccess() {
    }

    /**
     * Called once by the generator's static initializer.
     *
     * @param f the generator
     */
    public static void register(BiFunction<LxcConfig, ProxmoxNode, StartConfig> f) {
        anyway = f;
    }

    /**
     * Called once by the start config's static initializer.
     *
     * @param f the effective config of a start config, read on past the lines where liblxc stops loading
     */
    public static void registerReadOn(Function<StartConfig, EffectiveConfig> f) {
        readOn = f;
    }

    /**
     * Returns the effective config of a start config with the shipped files, read to the end of every file
     * ({@link io.github.lxcconf.include.IncludeLimits#lenient()}): the device decision reads every device line.
     *
     * @param start a start config Proxmox writes (the class is initialised by then)
     * @return the effective config
     */
    public static EffectiveConfig readOn(StartConfig start) {
        return readOn.apply(start);
    }

    /**
     * Returns the start config of a Proxmox config, written where Proxmox would refuse.
     *
     * @param config a Proxmox config
     * @param node   the node
     * @return the start config; never refused
     */
    public static StartConfig startAnyway(LxcConfig config, ProxmoxNode node) {
        BiFunction<LxcConfig, ProxmoxNode, StartConfig> f = anyway;
        if (f == null) {
            try {
                Class.forName("io.github.lxcconf.proxmox.StartConfigGenerator", true,
                        StartAccess.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            f = anyway;
        }
        return f.apply(config, node);
    }
}
