/**
 * The ANTLR 4 lexer and parser of LXC and Proxmox VE container configs, generated at build time.
 * Not API: the generated package is exported to lxcconf's core module only, which turns the parse
 * tree into lossless lines.
 */
@SuppressWarnings({
        "module", // the one reader, io.github.lxcconf, is compiled after this module
        "requires-automatic", "requires-transitive-automatic" // antlr4-runtime names its module in its manifest only
})
module io.github.lxcconf.grammar {
    requires transitive org.antlr.antlr4.runtime;

    exports io.github.lxcconf.grammar.internal to io.github.lxcconf;
}
