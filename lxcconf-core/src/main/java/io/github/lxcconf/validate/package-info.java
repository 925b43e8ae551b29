/**
 * Validation of LXC and Proxmox VE container configs against liblxc's key catalogue and
 * Proxmox's rules for raw {@code lxc.*} keys: {@link io.github.lxcconf.validate.KeyCatalog},
 * {@link io.github.lxcconf.validate.Validator}, {@link io.github.lxcconf.validate.Validation}.
 *
 * <pre>{@code
 * LxcConfig.parse(text).validate().errors();
 * }</pre>
 */
package io.github.lxcconf.validate;
