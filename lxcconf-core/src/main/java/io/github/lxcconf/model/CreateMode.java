package io.github.lxcconf.model;

import java.util.Optional;

/**
 * What LXC creates at a mount entry's target before mounting: a directory or an empty file.
 *
 * <pre>{@code
 * CreateMode.FILE.option();          // "create=file"
 * CreateMode.ofOption("create=dir"); // Optional[DIR]
 * }</pre>
 */
public enum CreateMode {
    /** {@code create=dir}: create the target directory (and its parents). */
    DIR("create=dir"),
    /** {@code create=file}: create an empty target file (and its parent directories); for device nodes and single files. */
    FILE("create=file");

    private final String option;

    CreateMode(String option) {
        this.option = option;
    }

    /**
     * Returns the mount option that asks for this mode.
     *
     * @return {@code "create=dir"} or {@code "create=file"}
     */
    public String option() {
        return option;
    }

    /**
     * Returns the mode a mount option asks for.
     *
     * <pre>{@code
     * CreateMode.ofOption("bind"); // Optional.empty
     * }</pre>
     *
     * @param option one mount option
     * @return the mode, or empty if the option is not {@code create=dir} or {@code create=file}
     */
    public static Optional<CreateMode> ofOption(String option) {
        for (CreateMode m : values()) {
            if (m.option.equals(option)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
