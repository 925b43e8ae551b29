package io.github.lxcconf.assertj;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module descriptor of lxcconf-assertj, read from the compiled module: it exports its one package
 * and hands lxcconf and AssertJ on to the test modules that read it.
 */
class ModuleDescriptorTest {
    @Test
    void exportsItsPackageAndRequiresLxcconfAndAssertjTransitively() throws Exception {
        Path location = Path.of(LxcConfigAssertions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor descriptor = ModuleFinder.of(location).find("io.github.lxcconf.assertj").orElseThrow()
                .descriptor();

        assertThat(descriptor.isAutomatic()).isFalse();
        assertThat(descriptor.exports()).extracting(Exports::source, Exports::isQualified)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("io.github.lxcconf.assertj", false));
        assertThat(descriptor.requires().stream().filter(r -> r.modifiers().contains(Requires.Modifier.TRANSITIVE))
                .map(Requires::name).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("io.github.lxcconf", "org.assertj.core");
        assertThat(descriptor.opens()).isEmpty();
    }
}
