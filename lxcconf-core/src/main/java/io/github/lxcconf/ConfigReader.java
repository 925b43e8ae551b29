package io.github.lxcconf;

import io.github.lxcconf.internal.Utf8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Options for reading a config: the dialect (detected unless set), the name
 * diagnostics print, and whether errors throw. Immutable; each setter returns
 * a new reader.
 *
 * <pre>{@code
 * ConfigReader pve = LxcConfig.reader().dialect(Dialect.PROXMOX).strict();
 * LxcConfig c = pve.sourceName("102.conf").parse(text);   // throws LxcConfigException on errors
 * }</pre>
 */
public final class ConfigReader {
    /** The logger, made on first use: setting up logging is a noticeable part of a short run that never logs. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(ConfigReader.class);
    }
    static final ConfigReader DEFAULT = new ConfigReader(Optional.empty(), false, "<string>");

    private final Optional<Dialect> dialect;
    private final boolean strict;
    private final String sourceName;

    private ConfigReader(Optional<Dialect> dialect, boolean strict, String sourceName) {
        this.dialect = dialect;
        this.strict = strict;
        this.sourceName = sourceName;
    }

    /**
     * Returns a reader that reads every input in this dialect instead of detecting it.
     *
     * @param dialect the dialect
     * @return a new reader
     */
    public ConfigReader dialect(Dialect dialect) {
        return new ConfigReader(Optional.of(Objects.requireNonNull(dialect, "dialect")), strict, sourceName);
    }

    /**
     * Returns a reader that throws {@link LxcConfigException} when the config has errors.
     *
     * @return a new reader
     */
    public ConfigReader strict() {
        return new ConfigReader(dialect, true, sourceName);
    }

    /**
     * Returns a reader whose diagnostics name this source (text input only;
     * files are named by their path).
     *
     * @param name the name, such as {@code "102.conf"}
     * @return a new reader
     */
    public ConfigReader sourceName(String name) {
        return new ConfigReader(dialect, strict, Objects.requireNonNull(name, "name"));
    }

    /**
     * Parses text.
     *
     * @param text the config
     * @return the document
     * @throws LxcConfigException in strict mode, if the config has errors
     */
    public LxcConfig parse(String text) {
        Objects.requireNonNull(text, "text");
        return checked(LxcConfig.read(text, dialect, sourceName, Optional.empty()));
    }

    /**
     * Parses bytes: UTF-8, and bytes that are not valid UTF-8 are kept as they
     * are (with a warning that says where the first one is).
     *
     * @param bytes the config's bytes
     * @return the document; {@link LxcConfig#toBytes()} gives back these bytes
     * @throws LxcConfigException in strict mode, if the config has errors
     */
    public LxcConfig parse(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        Utf8.Decoded d = Utf8.decode(bytes);
        bytes = null; // a caller that lets go of the array does not keep it while the lines are made
        return checked(LxcConfig.read(d.text(), dialect, sourceName, Optional.empty()));
    }

    /**
     * Reads a file; diagnostics name it by its path.
     *
     * @param file the file
     * @return the document
     * @throws IOException        if the file cannot be read
     * @throws LxcConfigException in strict mode, if the config has errors
     */
    public LxcConfig parse(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Utf8.Decoded d = Utf8.decode(Files.readAllBytes(file));
        LxcConfig config = LxcConfig.read(d.text(), dialect, file.toString(), Optional.of(file));
        if (Log.LOG.isDebugEnabled()) {
            Log.LOG.debug("read {}: {} config, {} lines, {} diagnostics{}", file, config.dialect(), config.lines().size(),
                    config.diagnostics().size(), d.firstInvalidByte() >= 0
                            ? ", not valid UTF-8 from byte " + d.firstInvalidByte() : "");
        }
        return checked(config);
    }

    private LxcConfig checked(LxcConfig config) {
        if (strict && !config.readingErrors().isEmpty()) {
            throw new LxcConfigException(config.readingErrors());
        }
        return config;
    }
}
