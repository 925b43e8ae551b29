package io.github.lxcconf;

import java.nio.file.Path;

/**
 * A writer run as a separate JVM by {@link WriteLockTest}: writes its own line to the file with the digest
 * it is given. Exit status 0: written; 2: refused as stale; 1: any other failure.
 */
public final class ConcurrentWriter {
    private ConcurrentWriter() {
    }

    /**
     * Runs one write.
     *
     * @param args the file, the expected digest, the writer's name, a file whose appearance starts the write
     */
    public static void main(String[] args) {
        try {
            Path file = Path.of(args[0]);
            LxcConfig config = LxcConfig.parse("lxc.uts.name = " + args[2] + "\n");
            config.toBytes();
            Path go = Path.of(args[3]);
            while (!java.nio.file.Files.exists(go)) {
                Thread.onSpinWait();
            }
            config.writeTo(file, args[1]);
            System.exit(0);
        } catch (StaleFileException e) {
            System.exit(2);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }
}
