package io.github.lxcconf;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lxcconf.grammar.internal.LxcConfLexer;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module descriptors of lxcconf-core and lxcconf-grammar, read from the compiled module (the
 * directory or jar the classes were loaded from): every package under {@code io.github.lxcconf} that
 * holds classes is exported, except {@code io.github.lxcconf.internal} and its sub-packages; the
 * generated parser is exported to core alone.
 */
class ModuleDescriptorTest {

    static ModuleReference module(Class<?> type, String name) {
        try {
            Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            return ModuleFinder.of(location).find(name).orElseThrow(
                    () -> new AssertionError("no module " + name + " in " + location));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The packages of a module that hold classes (a folder of resources only is a package too). */
    static Set<String> packagesWithClasses(ModuleReference module) throws IOException {
        try (ModuleReader reader = module.open(); Stream<String> entries = reader.list()) {
            return entries.filter(e -> e.endsWith(".class") && e.contains("/"))
                    .map(e -> e.substring(0, e.lastIndexOf('/')).replace('/', '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static boolean internal(String pkg) {
        return pkg.equals("io.github.lxcconf.internal") || pkg.startsWith("io.github.lxcconf.internal.");
    }

    @Test
    void coreExportsEveryPackageButInternalAndOpensNone() throws IOException {
        ModuleReference core = module(LxcConfig.class, "io.github.lxcconf");
        ModuleDescriptor descriptor = core.descriptor();

        assertThat(descriptor.isAutomatic()).isFalse();
        assertThat(descriptor.exports()).allSatisfy(e -> assertThat(e.isQualified()).as(e.toString()).isFalse());
        Set<String> exported = descriptor.exports().stream().map(Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> api = packagesWithClasses(core).stream().filter(p -> !internal(p))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(exported).as("exported packages").isEqualTo(api)
                .contains("io.github.lxcconf", "io.github.lxcconf.edit", "io.github.lxcconf.model.proxmox")
                .doesNotContain("io.github.lxcconf.internal");
        assertThat(descriptor.packages()).contains("io.github.lxcconf.internal", "io.github.lxcconf.spec");
        assertThat(descriptor.opens()).isEmpty();
        assertThat(descriptor.isOpen()).isFalse();
    }

    @Test
    void coreCarriesItsTablesAndDeviceListsAsResources() throws IOException {
        try (ModuleReader reader = module(LxcConfig.class, "io.github.lxcconf").open()) {
            for (String resource : new String[] {"io/github/lxcconf/spec/lxc-keys.tsv",
                    "io/github/lxcconf/spec/proxmox-keys.tsv", "io/github/lxcconf/spec/linux-devices.tsv",
                    "io/github/lxcconf/device/common.conf", "io/github/lxcconf/device/userns.conf"}) {
                assertThat(reader.find(resource)).as(resource).isPresent();
            }
        }
    }

    @Test
    void coreHandsNoDependencyOnToItsReaders() {
        ModuleDescriptor descriptor = module(LxcConfig.class, "io.github.lxcconf").descriptor();
        Set<String> required = descriptor.requires().stream().filter(r -> !r.name().equals("java.base"))
                .map(r -> r.name() + (r.modifiers().contains(Requires.Modifier.TRANSITIVE) ? " transitive" : ""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(required).containsExactly("io.github.lxcconf.grammar", "org.antlr.antlr4.runtime", "org.slf4j");
    }

    @Test
    void theGeneratedParserIsExportedToCoreAlone() throws IOException {
        ModuleReference grammar = module(LxcConfLexer.class, "io.github.lxcconf.grammar");
        assertThat(grammar.descriptor().isAutomatic()).isFalse();
        assertThat(grammar.descriptor().exports()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("io.github.lxcconf.grammar.internal");
            assertThat(e.targets()).containsExactly("io.github.lxcconf");
        });
        assertThat(packagesWithClasses(grammar)).containsExactly("io.github.lxcconf.grammar.internal");
    }
}
