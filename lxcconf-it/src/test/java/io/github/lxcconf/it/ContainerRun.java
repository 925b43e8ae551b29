package io.github.lxcconf.it;

/**
 * What one {@code lxc-execute} run gave: its exit code, output and liblxc's log.
 *
 * @param name     the container name
 * @param host     the cgroup layout it ran on
 * @param config   the config text it ran with
 * @param exitCode the exit code of {@code lxc-execute} (the script's, when the container started)
 * @param stdout   what the script wrote to standard output
 * @param stderr   standard error of the script and of liblxc
 * @param log      liblxc's log ({@code -l DEBUG})
 */
public record ContainerRun(String name, CgroupHost host, String config, int exitCode, String stdout, String stderr,
                           String log) {

    /** Returns whether the script ran and exited 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Returns the run's config, output and log, for an assertion message. */
    public String describe() {
        return "container " + name + " on " + host + " exited " + exitCode + "\n--- config\n" + config
                + "--- stdout\n" + stdout + "--- stderr\n" + stderr + "--- log (errors)\n"
                + log.lines().filter(l -> l.contains(" ERROR ") || l.contains(" WARN "))
                .reduce("", (a, b) -> a + b + "\n");
    }
}
