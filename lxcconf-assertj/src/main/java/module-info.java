/**
 * AssertJ assertions for lxcconf's configs, diagnostics and edits.
 *
 * <pre>{@code
 * module my.app.test {
 *     requires io.github.lxcconf.assertj;
 * }
 * }</pre>
 */
module io.github.lxcconf.assertj {
    requires transitive io.github.lxcconf;
    requires transitive org.assertj.core;

    exports io.github.lxcconf.assertj;
}
