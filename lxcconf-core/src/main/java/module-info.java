/**
 * lxcconf: read, explain, validate and edit LXC and Proxmox VE container configuration files
 * losslessly.
 *
 * <p>Every package under {@code io.github.lxcconf} is exported except {@code io.github.lxcconf.internal}
 * and its sub-packages. The format tables ({@code io/github/lxcconf/spec/*.tsv}) and liblxc's bundled
 * device lists ({@code io/github/lxcconf/device/*.conf}) are resources of this module, read by its own
 * classes only.
 *
 * <pre>{@code
 * module my.app {
 *     requires io.github.lxcconf;
 * }
 * }</pre>
 */
@SuppressWarnings("requires-automatic") // antlr4-runtime names its module in its manifest only
module io.github.lxcconf {
    requires io.github.lxcconf.grammar;
    requires org.antlr.antlr4.runtime;
    requires org.slf4j;

    exports io.github.lxcconf;
    exports io.github.lxcconf.device;
    exports io.github.lxcconf.edit;
    exports io.github.lxcconf.explain;
    exports io.github.lxcconf.include;
    exports io.github.lxcconf.migrate;
    exports io.github.lxcconf.model;
    exports io.github.lxcconf.model.proxmox;
    exports io.github.lxcconf.proxmox;
    exports io.github.lxcconf.seccomp;
    exports io.github.lxcconf.syntax;
    exports io.github.lxcconf.validate;
}
