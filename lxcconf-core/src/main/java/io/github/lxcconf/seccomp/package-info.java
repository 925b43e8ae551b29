/**
 * LXC seccomp policy files ({@code lxc.seccomp.profile}): a lossless reader, a typed view of the rules,
 * the checks liblxc 5.0 and libseccomp make when the container starts, and a plain-English explanation.
 *
 * <pre>{@code
 * SeccompPolicy p = SeccompPolicy.read(Path.of("/usr/share/lxc/config/common.seccomp"));
 * p.mode();          // Optional[DENYLIST]
 * p.diagnostics();   // what would make liblxc refuse it, and rules it skips
 * p.explain().text();
 * }</pre>
 */
package io.github.lxcconf.seccomp;
