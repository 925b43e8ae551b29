package io.github.lxcconf.internal;

import io.github.lxcconf.StaleFileException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Atomic replacement of a file, keeping its permissions; SHA-1 digests as Proxmox computes them. Not API. */
public final class AtomicFiles {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
    private static final SecureRandom RANDOM = new SecureRandom();

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

    /** A temporary file of ours: {@code .NAME.lxcconf-RANDOM.tmp}. */
    private static final Pattern TEMPORARY = Pattern.compile("\\.(.+)\\.lxcconf-[0-9a-f]{16}\\.tmp");
    /** A temporary file of ours older than this was left by a write that died. */
    static final Duration STALE = Duration.ofMinutes(15);
    private static final int MAX_LINKS = 40;

    /**
     * Writes the bytes to a temporary file in the target's directory, forces them to disk, gives the
     * temporary file the target's permissions (and owner, where allowed), then renames it over the target
     * atomically. A symbolic link is followed, dangling or not: the file it points to is replaced or created
     * and the link stays; a loop of links is refused. A new file gets the mode {@code 0666} less the umask, as
     * files other tools create. From the digest check to the rename the write holds the target's lock
     * ({@link FileLocks}). Temporary files of ours that a killed write left in the directory are removed.
     *
     * @param target         the file to replace or create
     * @param bytes          the new content
     * @param expectedDigest the digest the target must still have, if any
     * @throws StaleFileException if the target changed
     * @throws IOException        if writing fails; the target is then unchanged
     */
    public static void write(Path target, byte[] bytes, Optional<String> expectedDigest) throws IOException {
        Path absolute = followLinks(target);
        Path dir = absolute.getParent();
        try (FileLocks.Held lock = FileLocks.lock(absolute)) {
            removeStaleTemporaries(dir, absolute.getFileName().toString());
            if (expectedDigest.isPresent()) {
                checkDigest(absolute, expectedDigest.get());
            }
            Path temp = dir.resolve("." + absolute.getFileName() + ".lxcconf-"
                    + HexFormat.of().toHexDigits(RANDOM.nextLong()) + ".tmp");
            // created without attributes, the file gets 0666 less the umask: the mode a new target gets
            Files.createFile(temp);
            Optional<Set<PosixFilePermission>> umaskMode = permissions(temp);
            boolean moved = false;
            try {
                restrict(temp); // no one else reads the new content before it has the target's permissions
                try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                    out.force(true);
                }
                if (Files.exists(absolute)) {
                    copyAttributes(absolute, temp);
                } else if (umaskMode.isPresent()) {
                    setPermissions(temp, umaskMode.get());
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
    }

    /**
     * The file a write replaces: the target, or the end of its chain of symbolic links (which may not exist
     * yet), in a directory given by its real path.
     */
    static Path followLinks(Path target) throws IOException {
        Path p = target.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == MAX_LINKS) {
                throw new FileSystemException(target.toString(), null, "cannot write through the symbolic link: "
                        + "it is part of a loop of links (or a chain of more than " + MAX_LINKS + ")");
            }
            p = p.resolveSibling(Files.readSymbolicLink(p));
        }
        Path dir = p.getParent();
        try {
            return dir.toRealPath().resolve(p.getFileName());
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(target.toString(), null, p.equals(target.toAbsolutePath())
                    ? "its directory does not exist" : "it is a symbolic link to " + p + ", whose directory does not exist");
        }
    }

    /** Removes temporary files of ours left by writes that died: of this target (whose lock we hold), or old. */
    private static void removeStaleTemporaries(Path dir, String name) {
        Instant old = Instant.now().minus(STALE);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".*.lxcconf-*.tmp")) {
            for (Path entry : entries) {
                Matcher m = TEMPORARY.matcher(entry.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                try {
                    BasicFileAttributes a = Files.readAttributes(entry, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    if (a.isRegularFile() && (m.group(1).equals(name) || a.lastModifiedTime().toInstant().isBefore(old))) {
                        Files.deleteIfExists(entry);
                        LOG.debug("removed {}, left by a write that did not finish", entry);
                    }
                } catch (IOException e) {
                    // gone meanwhile, or not ours to remove
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            LOG.debug("cannot look for stale temporary files in {}: {}", dir, e.toString());
        }
    }

    private static Optional<Set<PosixFilePermission>> permissions(Path file) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            return view == null ? Optional.empty() : Optional.of(view.readAttributes().permissions());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void restrict(Path file) {
        setPermissions(file, EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    private static void setPermissions(Path file, Set<PosixFilePermission> permissions) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            view.setPermissions(permissions);
        } catch (IOException e) {
            // a file system with fixed permissions (Proxmox's pmxcfs: root:www-data, 0640) keeps its own
            LOG.debug("cannot set the permissions of {}: {}", file, e.toString());
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
