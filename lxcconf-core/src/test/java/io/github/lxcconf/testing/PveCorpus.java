package io.github.lxcconf.testing;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The Proxmox corpus on the test class path: inputs, Proxmox's rewrites and its warnings. */
public final class PveCorpus {
    private PveCorpus() {
    }

    /**
     * One corpus input.
     *
     * @param name the path below {@code corpus/pve/}, with '/'
     * @param path the file
     */
    public record Input(String name, Path path) {
        public byte[] bytes() {
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Read as Proxmox reads every file in /etc/pve/lxc: always its own dialect, from bytes. */
        public LxcConfig config() {
            return LxcConfig.reader().dialect(Dialect.PROXMOX).sourceName(name).parse(bytes());
        }

        /** What Proxmox wrote back for this input, if it did not crash. */
        public Optional<Path> rewrite() {
            Path p = root().resolve("proxmox-rewrite").resolve(name);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }

        /** What Proxmox printed while reading this input (.warnings or .CRASH.warnings). */
        public Optional<Path> warnings() {
            return Stream.of(name + ".warnings", name + ".CRASH.warnings")
                    .map(w -> root().resolve("proxmox-rewrite").resolve(w))
                    .filter(Files::isRegularFile)
                    .findFirst();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Path root() {
        URL url = PveCorpus.class.getResource("/corpus/pve");
        if (url == null) {
            throw new IllegalStateException("corpus/pve is not on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every Proxmox input file (not the rewrites, warnings or README), sorted by name. */
    public static List<Input> inputs() {
        Path root = root();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !root.relativize(p).startsWith("proxmox-rewrite"))
                    .filter(p -> !root.relativize(p).startsWith("proxmox-start"))
                    .filter(p -> p.getFileName().toString().endsWith(".conf"))
                    .map(p -> new Input(root.relativize(p).toString().replace('\\', '/'), p))
                    .sorted((a, b) -> a.name().compareTo(b.name()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Input input(String name) {
        return inputs().stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no corpus file " + name));
    }
}
