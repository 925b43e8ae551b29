package io.github.lxcconf.internal;

import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.include.EffectiveConfig;
import io.github.lxcconf.include.IncludeLimits;
import io.github.lxcconf.include.IncludeResolver;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Bridge to the include resolver for paths that stand for other content: files lxcconf ships (the
 * {@code /usr/share/lxc/config} of a Proxmox node), or a path read from another directory. Not API.
 */
public final class IncludeAccess {

    /**
     * What stands in for paths, each keyed by its absolute normal path.
     *
     * @param files       a path and the bytes read for it (the file is not on this machine; it is named by the path)
     * @param directories a path and the files a directory include of it reads, in order (each a key of files)
     * @param redirects   a path and the path on this machine read instead (named by the latter)
     */
    public record StandIns(Map<Path, byte[]> files, Map<Path, List<Path>> directories, Map<Path, Path> redirects) {
        /** Copies the maps. */
        public StandIns {
            files = Map.copyOf(files);
            directories = Map.copyOf(directories);
            redirects = Map.copyOf(redirects);
        }
    }

    /** Resolves includes with stand-ins. */
    public interface Resolver {
        /**
         * Resolves the includes of a config.
         *
         * @param root     the config
         * @param base     the directory relative include paths start from
         * @param limits   the limits
         * @param standIns what stands in for paths
         * @return the effective config
         */
        EffectiveConfig resolve(LxcConfig root, Path base, IncludeLimits limits, StandIns standIns);
    }

    private static volatile Resolver resolver;

    private IncludeAccess() {
    }

    /**
     * Called once by the resolver's static initializer.
     *
     * @param r the resolver
     */
    public static void register(Resolver r) {
        resolver = r;
    }

    /**
     * Returns the resolver.
     *
     * @return the resolver
     */
    public static Resolver resolver() {
        Resolver r = resolver;
        if (r == null) {
            LineSlices.initialize(IncludeResolver.class);
            r = resolver;
        }
        return r;
    }
}
