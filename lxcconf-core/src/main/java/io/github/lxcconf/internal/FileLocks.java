package io.github.lxcconf.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exclusive lock a write holds from its digest check to its rename. Not API.
 *
 * <ul>
 * <li>Within one JVM, a lock per real path: Java's file locks belong to the whole JVM, so two threads
 *     cannot exclude each other with them (a second lock of the same file in one JVM throws
 *     {@link OverlappingFileLockException}).</li>
 * <li>A Proxmox VE container config ({@code /etc/pve/lxc/VMID.conf} or
 *     {@code /etc/pve/nodes/NODE/lxc/VMID.conf}): the lock pve-container takes for every change of that
 *     config ({@code pct set}, the API, a backup's lock), {@code flock(2)} on
 *     {@code /run/lock/lxc/pve-config-VMID.lock}. Java's {@link FileChannel#lock()} takes a POSIX record
 *     lock ({@code fcntl}), which on Linux does not exclude {@code flock(2)} at all, so the lock is
 *     taken by the {@code flock(1)} command of util-linux (always installed on Proxmox VE), run as a child
 *     that holds it until its standard input closes: when the write ends, or when this JVM dies. Like
 *     pve-container, it waits up to {@value #DEFAULT_TIMEOUT_SECONDS} seconds for the lock.</li>
 * <li>Any other file: a {@link FileChannel#lock()} on a sibling lock file {@code .NAME.lxcconf.lock},
 *     which stays in the directory (removing a lock file while another process waits on it would let
 *     two writers in).</li>
 * </ul>
 *
 * <p>System properties: {@value #TIMEOUT_PROPERTY} (seconds to wait, default
 * {@value #DEFAULT_TIMEOUT_SECONDS}); {@value #PVE_LOCK_DIRECTORY_PROPERTY} (the directory of Proxmox's lock
 * files instead of {@code /run/lock/lxc}; when set, any {@code .../lxc/VMID.conf} takes Proxmox's lock, so
 * that tests need no {@code /etc/pve}).
 */
public final class FileLocks {
    /** Seconds a write waits for its lock. */
    public static final String TIMEOUT_PROPERTY = "lxcconf.lock.timeoutSeconds";
    /** The directory of Proxmox's {@code pve-config-VMID.lock} files. */
    public static final String PVE_LOCK_DIRECTORY_PROPERTY = "lxcconf.pve.lockDirectory";
    static final int DEFAULT_TIMEOUT_SECONDS = 10;

    private static final Pattern PVE_CONFIG = Pattern.compile("/etc/pve/(?:nodes/[^/]+/)?lxc/(\\d+)\\.conf");
    private static final Pattern ANY_PVE_CONFIG = Pattern.compile(".*/lxc/(\\d+)\\.conf");
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    private FileLocks() {
    }

    /** A held lock; closing it releases it. */
    public interface Held extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /**
     * Takes the lock for writing a file.
     *
     * @param target the file's real path (links resolved)
     * @return the held lock
     * @throws IOException if the lock cannot be taken in time, with a message that names it
     */
    public static Held lock(Path target) throws IOException {
        long timeoutSeconds = timeoutSeconds();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        ReentrantLock local = IN_JVM.computeIfAbsent(target, p -> new ReentrantLock());
        try {
            if (!local.tryLock(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IOException("cannot lock " + target + ": another write in this process holds it for more"
                        + " than " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the lock of " + target, e);
        }
        try {
            Optional<String> vmid = proxmoxVmid(target);
            Held held = vmid.isPresent() ? proxmoxLock(vmid.get(), timeoutSeconds) : siblingLock(target, deadline,
                    timeoutSeconds);
            return () -> {
                try {
                    held.close();
                } finally {
                    local.unlock();
                }
            };
        } catch (IOException | RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    /** The VMID when the file is a Proxmox VE container config whose lock pve-container takes. */
    static Optional<String> proxmoxVmid(Path target) {
        String path = target.toString();
        Matcher m = PVE_CONFIG.matcher(path);
        if (m.matches()) {
            return Optional.of(m.group(1));
        }
        if (System.getProperty(PVE_LOCK_DIRECTORY_PROPERTY) != null && (m = ANY_PVE_CONFIG.matcher(path)).matches()) {
            return Optional.of(m.group(1));
        }
        return Optional.empty();
    }

    /** The lock file pve-container locks for this VMID. */
    public static Path proxmoxLockFile(String vmid) {
        return Path.of(System.getProperty(PVE_LOCK_DIRECTORY_PROPERTY, "/run/lock/lxc")).resolve(
                "pve-config-" + vmid + ".lock");
    }

    private static long timeoutSeconds() {
        try {
            return Math.max(0, Long.parseLong(System.getProperty(TIMEOUT_PROPERTY,
                    Integer.toString(DEFAULT_TIMEOUT_SECONDS))));
        } catch (NumberFormatException e) {
            return DEFAULT_TIMEOUT_SECONDS;
        }
    }

    private static Held proxmoxLock(String vmid, long timeoutSeconds) throws IOException {
        Path lockFile = proxmoxLockFile(vmid);
        Files.createDirectories(lockFile.getParent()); // pve-container creates it the same way
        Process flock;
        try {
            // flock(1) takes flock(2), then runs the command: it prints a line and holds the lock until its
            // standard input closes
            flock = new ProcessBuilder("flock", "--exclusive", "--wait", Long.toString(timeoutSeconds),
                    lockFile.toString(), "sh", "-c", "echo locked; exec cat >/dev/null")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("cannot take Proxmox's lock " + lockFile + ": the flock command (util-linux) "
                    + "cannot be run: " + e.getMessage(), e);
        }
        String line;
        try {
            line = new BufferedReader(new InputStreamReader(flock.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        } catch (IOException e) {
            flock.destroy();
            throw new IOException("cannot take Proxmox's lock " + lockFile + ": " + e.getMessage(), e);
        }
        if (!"locked".equals(line)) {
            flock.destroy();
            throw new IOException("cannot lock container " + vmid + ": another process (pct, the Proxmox API, a "
                    + "backup) holds Proxmox's lock " + lockFile + " for more than " + timeoutSeconds + " s");
        }
        return () -> {
            flock.getOutputStream().close(); // cat ends, flock(1) ends and the lock is released
            try {
                if (!flock.waitFor(10, TimeUnit.SECONDS)) {
                    flock.destroy();
                }
            } catch (InterruptedException e) {
                flock.destroy();
                Thread.currentThread().interrupt();
            }
        };
    }

    private static Held siblingLock(Path target, long deadline, long timeoutSeconds) throws IOException {
        Path lockFile = target.resolveSibling("." + target.getFileName() + ".lxcconf.lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return channel::close; // closing the channel releases the lock
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("cannot lock " + target + ": another process holds " + lockFile
                            + " for more than " + timeoutSeconds + " s");
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the lock of " + target, e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
