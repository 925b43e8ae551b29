package io.github.lxcconf.proxmox;

/**
 * Thrown by {@link ProxmoxRewrite#text()} and {@link ProxmoxRewrite#bytes()} for a config that
 * Proxmox reads but cannot write back: its writer crashes, so the file on disk stays as it is.
 *
 * <pre>{@code
 * ProxmoxRewrite r = ProxmoxRewrite.of("100.conf", "arch: amd64\npending: y\n".getBytes(UTF_8));
 * r.refusal();   // Optional["Proxmox cannot write this config: ..."]
 * r.text();      // throws ProxmoxRewriteRefusedException
 * }</pre>
 */
public final class ProxmoxRewriteRefusedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why Proxmox cannot write the config
     */
    public ProxmoxRewriteRefusedException(String message) {
        super(message);
    }
}
