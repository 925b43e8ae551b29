package io.github.lxcconf.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The container's root filesystem, {@code lxc.rootfs.path}, as liblxc 5.0.2 splits it: everything before the
 * first {@code :} is the storage type ({@code dir}, {@code lvm}, {@code zfs}, {@code btrfs}, {@code overlay},
 * {@code loop}, {@code nbd}, {@code rbd}, ...; not checked when the file is loaded), the rest is the path,
 * which liblxc normalises ({@code //} and {@code /./} collapsed, a trailing {@code /} and a leading
 * {@code ./} removed, {@code ..} kept). For an overlay the path holds {@code LOWER:UPPER}.
 * {@code get_config_item("lxc.rootfs.path")} prints the path without the type.
 *
 * <pre>{@code
 * RootFs.parse("dir:/var/lib/lxc/web/rootfs/");  // RootFs[storage=Optional[dir], path=/var/lib/lxc/web/rootfs]
 * RootFs.parse("/srv//ct");                      // RootFs[storage=Optional.empty, path=/srv/ct]
 * RootFs.parse("overlay:/lower:/upper").path();  // "/lower:/upper"
 * RootFs.parse("zfs:tank/ct/web").storage();     // Optional[zfs]
 * }</pre>
 *
 * @param storage the storage type written before the first {@code :}, if any
 * @param path    the path, normalised; never empty
 */
public record RootFs(Optional<String> storage, String path) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the path is empty or a storage type is empty
     */
    public RootFs {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(path, "path");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("the path is empty");
        }
        if (storage.filter(String::isEmpty).isPresent()) {
            throw new IllegalArgumentException("the storage type is empty");
        }
    }

    /**
     * Reads a value of {@code lxc.rootfs.path} as liblxc does.
     *
     * <pre>{@code
     * RootFs.parse("lvm:/dev/vg0/web").path(); // "/dev/vg0/web"
     * }</pre>
     *
     * @param value the value
     * @return the root filesystem
     * @throws IllegalArgumentException if liblxc holds no path for it ({@code ""}, {@code dir:})
     */
    public static RootFs parse(String value) {
        return of(value).orElseThrow(() -> new IllegalArgumentException("no root filesystem path in '" + value
                + "'"));
    }

    /** The root filesystem liblxc holds for a value, or empty when it holds no path. */
    static Optional<RootFs> of(String value) {
        int colon = value.indexOf(':');
        String type = colon < 0 ? "" : value.substring(0, colon);
        String path = Values.simplifyPath(colon < 0 ? value : value.substring(colon + 1));
        if (path.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RootFs(type.isEmpty() ? Optional.empty() : Optional.of(type), path));
    }

    /**
     * Returns the value text: {@code TYPE:PATH}, or the path alone.
     *
     * <pre>{@code
     * RootFs.parse("dir:/x/").toValue(); // "dir:/x"
     * }</pre>
     *
     * @return the value
     */
    public String toValue() {
        return storage.map(s -> s + ":").orElse("") + path;
    }
}
