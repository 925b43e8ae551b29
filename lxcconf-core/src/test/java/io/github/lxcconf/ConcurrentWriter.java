package io.github.lxcconf;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A writer run as a separate JVM by {@link WriteLockTest}: once a signal file appears, adds its own lines to
 * the file one at a time, each a read, an edit and a {@code writeTo(file, digest)}, reading again when the
 * write is refused as stale. Exit status 0 when every line was written, 1 on any other failure.
 */
public final class ConcurrentWriter {
    private ConcurrentWriter() {
    }

    /**
     * Runs the writes.
     *
     * @param args the file, the writer's name, how many lines to add, the signal file
     */
    public static void main(String[] args) {
        try {
            Path file = Path.of(args[0]);
            int count = Integer.parseInt(args[2]);
            Path go = Path.of(args[3]);
            while (!Files.exists(go)) {
                Thread.onSpinWait();
            }
            for (int i = 0; i < count; i++) {
                while (true) {
                    LxcConfig read = LxcConfig.parse(file);
                    try {
                        read.edit().add("lxc.environment", args[1] + "_" + i + "=1").build().writeTo(file,
                                read.digest());
                        break;
                    } catch (StaleFileException stale) {
                        // another writer was first: read its version and add the line to it
                    }
                }
            }
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }
}
