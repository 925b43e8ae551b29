/**
 * The {@code lxcconf} command. Not a library: it exports nothing, and opens its command package to
 * picocli, which reads the commands' annotated fields and creates the commands by reflection.
 *
 * <pre>{@code
 * java --module-path lib -m io.github.lxcconf.cli/io.github.lxcconf.cli.Main lint 102.conf
 * }</pre>
 */
module io.github.lxcconf.cli {
    requires io.github.lxcconf;
    requires info.picocli;

    opens io.github.lxcconf.cli to info.picocli;
}
