package io.github.lxcconf.it.liblxc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The native LXC configs of the corpus (lxcconf-core's test copy): every file under {@code corpus/lxc/}, and the
 * configs Proxmox VE generates at start ({@code corpus/pve/proxmox-start/**}{@code /*.conf.lxc}).
 *
 * <p>The Proxmox {@code key: value} files themselves are not liblxc's to load: liblxc reads only lines that start
 * with {@code lxc.}, and a raw {@code lxc.key: value} line, which Proxmox accepts, is an invalid line for liblxc.
 * What liblxc really reads of a Proxmox container is the config Proxmox generates from it, so those are loaded.
 * They include {@code /usr/share/lxc/config/<ostype>.common.conf}, which Proxmox's lxc-pve package ships from
 * lxc-templates; where this host lacks such a file, the include is pointed at {@link #templateConfigDir} instead,
 * which holds lxc-templates' files from the corpus with their build-time placeholders filled in.
 */
final class Corpus {
    private static final String HOST_CONFIG = "/usr/share/lxc/config/";

    private Corpus() {
    }

    /** Returns lxcconf-core's copy of the corpus. */
    static Path root() {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        return module.resolveSibling("lxcconf-core").resolve("src/test/resources/corpus");
    }

    /** Returns every native LXC config under {@code corpus/lxc/}, sorted by path. */
    static List<Path> lxcFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root().resolve("lxc"))) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("README.md"))
                    .sorted().toList();
        }
    }

    /**
     * Returns the corpus folder of configs Proxmox generates at start: lxcconf-core's copy, or, where that copy
     * predates the folder, the shared corpus beside the repository.
     */
    static Path proxmoxStartDir() {
        Path copy = root().resolve("pve/proxmox-start");
        String shared = System.getProperty("lxcconf.shared.dir");
        if (Files.isDirectory(copy) || shared == null) {
            return copy;
        }
        return Path.of(shared, "corpus", "pve", "proxmox-start");
    }

    /**
     * Writes the configs Proxmox generates at start into {@code work}, with includes of files this host's
     * {@code /usr/share/lxc/config} lacks pointed at the filled-in lxc-templates files.
     *
     * @return the written files, sorted
     */
    static List<Path> proxmoxStartFiles(Path work) throws IOException {
        Path dir = proxmoxStartDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Path templates = templateConfigDir(work);
        Path out = work.resolve("proxmox-start");
        List<Path> written = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".conf.lxc")).sorted().toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                StringBuilder fixed = new StringBuilder();
                for (String line : text.split("(?<=\n)")) {
                    String prefix = "lxc.include = " + HOST_CONFIG;
                    if (line.startsWith(prefix)) {
                        String name = line.substring(prefix.length()).strip();
                        if (!Files.exists(Path.of(HOST_CONFIG, name))) {
                            line = "lxc.include = " + templates.resolve(name) + "\n";
                        }
                    }
                    fixed.append(line);
                }
                Path target = out.resolve(dir.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.writeString(target, fixed, StandardCharsets.UTF_8);
                written.add(target);
            }
        }
        return written;
    }

    /**
     * Returns a directory like an lxc-pve node's {@code /usr/share/lxc/config}: lxc-templates' distribution
     * files from the corpus, {@code @LXCTEMPLATECONFIG@} replaced by {@code /usr/share/lxc/config} (whose
     * {@code common.conf} and {@code userns.conf} this host has) and {@code @LXCHOOKDIR@} by
     * {@code /usr/share/lxc/hooks}.
     */
    static Path templateConfigDir(Path work) throws IOException {
        Path dir = work.resolve("usr-share-lxc-config");
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(root().resolve("lxc/lxc-templates"))) {
            for (Path p : files.sorted().toList()) {
                Files.writeString(dir.resolve(p.getFileName()), fillPlaceholders(Files.readString(p)));
            }
        }
        return dir;
    }

    /** Fills lxc-templates' build-time placeholders the way an installed lxc does. */
    static String fillPlaceholders(String text) {
        return text.replace("@LXCTEMPLATECONFIG@", "/usr/share/lxc/config").replace("@LXCHOOKDIR@",
                "/usr/share/lxc/hooks");
    }

    /** Reads a file, for the fuzzer's seeds. */
    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
