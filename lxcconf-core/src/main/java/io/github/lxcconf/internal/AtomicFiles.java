package io.github.lxcconf.internal;

import io.github.lxcconf.StaleFileException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Atomic replacement of a file, keeping its permissions; SHA-1 digests as Proxmox computes them. Not API. */
public final class AtomicFiles {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
    private AtomicFiles() {
    }

    /**
     * Returns the SHA-1 of the bytes in lower-case hex, as Proxmox's API reports a config's digest.
     *
     * @param bytes the bytes
     * @return 40 hex digits
     */
    public static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }

    /**
     * Writes the bytes to a temporary file in the target's directory, forces them to disk, gives the
     * temporary file the target's permissions (and owner, where allowed), then renames it over the target
     * atomically. A symbolic link is followed: the file it points to is replaced and the link stays. With
     * an expected digest, refuses when the target's current bytes have another digest.
     *
     * @param target         the file to replace or create
     * @param bytes          the new content
     * @param expectedDigest the digest the target must still have, if any
     * @throws StaleFileException if the target changed
     * @throws IOException        if writing fails; the target is then unchanged
     */
    public static void write(Path target, byte[] bytes, Optional<String> expectedDigest) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isSymbolicLink(absolute) && Files.exists(absolute)) {
            // write the file the link points to, next to it, and keep the link (as editors do)
            absolute = absolute.toRealPath();
        }
        Path dir = absolute.getParent();
        if (expectedDigest.isPresent()) {
            checkDigest(absolute, expectedDigest.get());
        }
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            copyAttributes(absolute, temp);
            if (expectedDigest.isPresent()) {
                checkDigest(absolute, expectedDigest.get());
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + target + " atomically on this file system", e);
            }
            moved = true;
            syncDirectory(dir);
            LOG.debug("wrote {} ({} bytes) atomically", absolute, bytes.length);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static void checkDigest(Path target, String expected) throws IOException {
        String actual;
        try {
            actual = sha1(Files.readAllBytes(target));
        } catch (NoSuchFileException e) {
            actual = "(no file)";
        }
        if (!actual.equalsIgnoreCase(expected)) {
            throw new StaleFileException(target, expected, actual);
        }
    }

    private static void copyAttributes(Path from, Path to) throws IOException {
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView dest = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (source == null || dest == null || !Files.exists(from)) {
            return;
        }
        PosixFileAttributes attributes = source.readAttributes();
        if (!dest.readAttributes().permissions().equals(attributes.permissions())) {
            try {
                dest.setPermissions(attributes.permissions());
            } catch (IOException e) {
                // a file system with fixed permissions (Proxmox's pmxcfs: root:www-data, 0640) keeps its own
                LOG.debug("cannot give {} the permissions of {}: {}", to, from, e.toString());
            }
        }
        try {
            dest.setOwner(attributes.owner());
            dest.setGroup(attributes.group());
        } catch (IOException | SecurityException e) {
            // only root may give a file away; the permissions are what matter
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not every platform can open a directory; the rename itself is already atomic
        }
    }
}
