package io.github.lxcconf.assertj;

import io.github.lxcconf.LxcConfig;

/**
 * The entry point of lxcconf's AssertJ assertions: {@code assertThat(LxcConfig)}.
 *
 * <p>Add {@code io.github.lxcconf:lxcconf-assertj} with test scope (it brings AssertJ along), then:
 *
 * <pre>{@code
 * import static io.github.lxcconf.assertj.LxcConfigAssertions.assertThat;
 *
 * LxcConfig config = LxcConfig.parse(Path.of("102.conf"));
 * assertThat(config)
 *         .hasNoErrors()
 *         .allowsDevice(KnownDevice.KVM)
 *         .hasBindMount("/dev/net/tun", "dev/net/tun")
 *         .hasNetwork(0).hasBridge("vmbr0");
 * }</pre>
 *
 * <p>A failure names the config's {@link LxcConfig#sourceName() source} and quotes the lines that
 * decided it, with their numbers; {@code as(...)} descriptions and {@code withFailMessage(...)} work as
 * everywhere in AssertJ.
 *
 * <p>To see every failing config at once rather than the first, wrap the checks in AssertJ's soft
 * assertions with {@code check}:
 *
 * <pre>{@code
 * SoftAssertions.assertSoftly(softly -> configs.forEach(config ->
 *         softly.check(() -> assertThat(config).hasNoErrors().allowsDevice(KnownDevice.KVM))));
 * }</pre>
 */
public final class LxcConfigAssertions {

    private LxcConfigAssertions() {
    }

    /**
     * Starts assertions on a config.
     *
     * <pre>{@code
     * assertThat(LxcConfig.parseText("lxc.uts.name = web\n")).hasValue("lxc.uts.name", "web");
     * }</pre>
     *
     * @param actual the config to check
     * @return the assertions
     */
    public static LxcConfigAssert assertThat(LxcConfig actual) {
        return new LxcConfigAssert(actual);
    }
}
