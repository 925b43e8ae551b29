/**
 * Typed, immutable views of the {@code lxc.*} entries of a config's main section:
 * device rules, mount entries, id maps, capabilities, network interfaces,
 * security profiles, environment and hooks.
 *
 * <p>The views read the lines; they never change them. {@link io.github.lxcconf.model.LxcSettings}
 * applies liblxc's rules (single keys: the last line wins; list keys append;
 * an empty value clears) and reports values that do not fit their grammar as
 * diagnostics instead of throwing. A value read from a line knows where it
 * came from ({@code origin()}, or {@code origins()} for views made of several
 * lines); a value built by hand has none. Equality compares what a value
 * means, never where it was read.
 *
 * <pre>{@code
 * LxcSettings lxc = LxcConfig.parse(Path.of("/etc/pve/lxc/102.conf")).lxc();
 * for (DeviceRule rule : lxc.deviceRules()) {
 *     System.out.println(rule.key() + " = " + rule.toValue() + "  "
 *             + rule.deviceInfo().map(DeviceInfo::name).orElse("?"));   // ... = c 10:232 rwm  /dev/kvm
 * }
 * lxc.diagnostics().forEach(System.err::println);
 * }</pre>
 */
package io.github.lxcconf.model;
