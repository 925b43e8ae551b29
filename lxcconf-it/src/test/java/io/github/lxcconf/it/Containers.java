package io.github.lxcconf.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Starts short-lived containers with {@code lxc-execute} on a busybox rootfs made once per JVM.
 *
 * <pre>{@code
 * String config = Containers.config("lxc.cgroup2.devices.allow = c 10:232 rwm");
 * ContainerRun run = Containers.run(CgroupHost.CGROUP2, config, "cat /proc/self/status");
 * }</pre>
 */
public final class Containers {

    /** The lines every config made by {@link #config} starts with, after {@code lxc.rootfs.path}. */
    public static final String COMMON_CONF = "/usr/share/lxc/config/common.conf";

    private static final long TIMEOUT_SECONDS = 60;
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final AtomicInteger STARTED = new AtomicInteger();
    private static Path home;

    private Containers() {
    }

    /** Returns the directory of this JVM's rootfs, LXC path and device nodes, made on first use. */
    public static synchronized Path home() {
        if (home == null) {
            try {
                home = makeHome();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path h = home;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(h)));
        }
        return home;
    }

    /** Returns the busybox rootfs: {@code bin/busybox} and its applets, {@code dev proc sys tmp ...}. */
    public static Path rootfs() {
        return home().resolve("rootfs");
    }

    /** Returns the number of containers started so far in this JVM. */
    public static int started() {
        return STARTED.get();
    }

    /**
     * Returns a host device node for a character or block device: the real one under /dev when it
     * exists with these numbers, else one made with mknod in this JVM's directory (an open of a node whose
     * driver is missing fails with ENXIO or ENODEV after the device cgroup has let it through).
     */
    public static synchronized Path hostNode(String devPath, char type, int major, int minor) {
        Path real = Path.of(devPath);
        if (isNode(real, type, major, minor)) {
            return real;
        }
        Path made = home().resolve("nodes").resolve(type + "-" + major + "-" + minor);
        if (!Files.exists(made)) {
            exec(List.of("mknod", made.toString(), String.valueOf(type), String.valueOf(major),
                    String.valueOf(minor)));
        }
        return made;
    }

    private static boolean isNode(Path path, char type, int major, int minor) {
        if (!Files.exists(path)) {
            return false;
        }
        String out = exec(List.of("stat", "-c", "%F %t %T", path.toString())).trim();
        String kind = type == 'c' ? "character special file" : "block special file";
        return out.equals(kind + " " + Integer.toHexString(major) + " " + Integer.toHexString(minor));
    }

    /**
     * Returns a config on this JVM's rootfs that includes common.conf, has no network, and ends with the
     * given lines.
     */
    public static String config(String... lines) {
        return config(true, List.of(lines));
    }

    /** Returns a config on this JVM's rootfs, with or without common.conf, ending with the given lines. */
    public static String config(boolean includeCommon, List<String> lines) {
        StringBuilder text = new StringBuilder();
        text.append("lxc.rootfs.path = dir:").append(rootfs()).append('\n');
        if (includeCommon) {
            text.append("lxc.include = ").append(COMMON_CONF).append('\n');
        }
        text.append("lxc.net.0.type = empty\n");
        text.append("lxc.mount.entry = tmpfs tmp tmpfs defaults 0 0\n");
        lines.forEach(l -> text.append(l).append('\n'));
        return text.toString();
    }

    /**
     * Starts a container with this config and runs {@code /bin/sh -c script} in it as its only process.
     * Waits for it to exit (at most a minute; a container still running then is killed and the run fails).
     */
    public static ContainerRun run(CgroupHost host, String configText, String script) {
        return start(host, configText, script, "DEBUG").await();
    }

    /** Runs a container like {@link #run(CgroupHost, String, String)}, logging at this liblxc level only. */
    public static ContainerRun run(CgroupHost host, String configText, String script, String logLevel) {
        return start(host, configText, script, logLevel).await();
    }

    /** A container started by {@link #start}, still running or done. */
    public static final class Running {
        private final String name;
        private final CgroupHost host;
        private final String configText;
        private final Path dir;
        private final Process process;
        private final CompletableFuture<String> out;
        private final CompletableFuture<String> err;

        private Running(String name, CgroupHost host, String configText, Path dir, Process process) {
            this.name = name;
            this.host = host;
            this.configText = configText;
            this.dir = dir;
            this.process = process;
            this.out = read(process.getInputStream());
            this.err = read(process.getErrorStream());
        }

        /** Returns the container's name (its cgroup is {@code lxc.payload.NAME}). */
        public String name() {
            return name;
        }

        /** Returns whether {@code lxc-execute} is still running. */
        public boolean alive() {
            return process.isAlive();
        }

        /** Waits for the container to exit and returns what it gave. */
        public ContainerRun await() {
            try {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new AssertionError("container " + name + " still ran after " + TIMEOUT_SECONDS + " s:\n"
                            + configText);
                }
                Path log = dir.resolve("log");
                String logText = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
                ContainerRun run = new ContainerRun(name, host, configText, process.exitValue(), out.join(),
                        err.join(), logText);
                deleteTree(dir);
                return run;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Starts a container like {@link #run(CgroupHost, String, String)} without waiting for it. */
    public static Running start(CgroupHost host, String configText, String script) {
        return start(host, configText, script, "DEBUG");
    }

    /** Starts a container logging at this liblxc level ({@code TRACE}, {@code DEBUG}, ... {@code ERROR}). */
    public static Running start(CgroupHost host, String configText, String script, String logLevel) {
        String name = "lxcconf-it-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        Path dir = home().resolve("runs").resolve(name);
        try {
            Files.createDirectories(dir);
            Path config = dir.resolve("config");
            Path log = dir.resolve("log");
            Files.writeString(config, configText);
            List<String> execute = List.of("lxc-execute", "-P", home().resolve("lxc").toString(), "-n", name,
                    "-f", config.toString(), "-o", log.toString(), "-l", logLevel, "--", "/bin/sh", "-c", script);
            List<String> command = new ArrayList<>();
            if (host == CgroupHost.CGROUP2) {
                command.addAll(List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                        "umount -l /sys/fs/cgroup && mount -t cgroup2 cgroup2 /sys/fs/cgroup && exec \"$@\"", "sh"));
            } else if (host == CgroupHost.CGROUP1) {
                command.addAll(List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                        "umount -l /sys/fs/cgroup/unified && exec \"$@\"", "sh"));
            }
            command.addAll(execute);
            Process p = new ProcessBuilder(command).start();
            p.getOutputStream().close();
            STARTED.incrementAndGet();
            return new Running(name, host, configText, dir, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Runs tasks (typically container runs) two at a time, the number of cores this suite is sized for, and
     * returns their results in order.
     */
    public static <T> List<T> inParallel(List<Supplier<T>> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Supplier<T> task : tasks) {
                futures.add(pool.submit(task::get));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs a host command and returns its standard output; fails if it exits non-zero. */
    public static String exec(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path makeHome() throws IOException {
        Path dir = Files.createTempDirectory("lxcconf-it-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path rootfs = dir.resolve("rootfs");
        for (String d : List.of("bin", "sbin", "dev", "proc", "sys", "tmp", "etc", "mnt", "root", "run", "var")) {
            Files.createDirectories(rootfs.resolve(d));
        }
        Files.setPosixFilePermissions(rootfs.resolve("tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
        exec(List.of("chmod", "+t", rootfs.resolve("tmp").toString()));
        Files.copy(Path.of("/bin/busybox"), rootfs.resolve("bin/busybox"));
        for (String applet : exec(List.of("/bin/busybox", "--list")).split("\\s+")) {
            if (!applet.isEmpty() && !applet.equals("busybox")) {
                Files.createSymbolicLink(rootfs.resolve("bin").resolve(applet), Path.of("busybox"));
            }
        }
        Files.writeString(rootfs.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(rootfs.resolve("etc/group"), "root:x:0:\n");
        Files.createDirectories(dir.resolve("lxc"));
        Files.createDirectories(dir.resolve("runs"));
        Files.createDirectories(dir.resolve("nodes"));
        return dir;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a file still in use stays; the directory is under the system temp dir
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // as above
        }
    }
}
