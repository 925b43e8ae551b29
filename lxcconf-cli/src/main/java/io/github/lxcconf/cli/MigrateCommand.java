package io.github.lxcconf.cli;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.migrate.Change;
import io.github.lxcconf.migrate.Migration;
import io.github.lxcconf.migrate.MigrationOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code lxcconf migrate FILE...}. */
@Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Migrate legacy keys and cgroup v1 settings; print a diff.",
        description = {"Migrates a config to current keys: the keys LXC 3.0 refuses (lxc.utsname,",
                "lxc.network.* and others) to their new names, cgroup v1 settings to cgroup2,",
                "and in a Proxmox config raw device passthrough lines to devN options. Only the",
                "lines that change, change. Prints a unified diff on standard output and why",
                "each line changed on standard error; --in-place writes the file instead."},
        exitCodeListHeading = Cli.EXIT_HEADING,
        exitCodeList = {"0:migrated, or nothing to migrate",
                "1:with --check: the config needs migrating",
                "2:usage error, a file cannot be read or written, or it changed while migrating"},
        footerHeading = Cli.EXAMPLES,
        footer = {"  lxcconf migrate /var/lib/lxc/web1/config",
                "  lxcconf migrate /etc/pve/lxc/102.conf | patch -p1 -d /",
                "  lxcconf migrate --in-place --no-proxmox-devices /etc/pve/lxc/102.conf",
                "  lxcconf migrate --check /var/lib/lxc/*/config    # in CI: fail while a config needs it"})
final class MigrateCommand implements Callable<Integer> {
    private final Context context;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = Inputs.FILE_DESCRIPTION)
    List<String> files;

    @Option(names = {"-i", "--in-place"}, description = "write the migrated config to FILE atomically,"
            + " refusing if FILE changed meanwhile")
    boolean inPlace;

    @Option(names = {"-c", "--check"}, description = "print the diff, and exit with status 1 if the config"
            + " needs migrating; nothing is written")
    boolean check;

    @Option(names = "--no-legacy-keys", description = "keep legacy keys")
    boolean noLegacyKeys;

    @Option(names = "--no-cgroup2", description = "keep cgroup v1 settings")
    boolean noCgroup2;

    @Option(names = "--no-proxmox-devices", description = "keep raw device passthrough lines of a Proxmox config")
    boolean noProxmoxDevices;

    @Option(names = "--allow-widening", description = "apply device migrations that let the container use devices"
            + " on a cgroup2 host that it cannot use now (without it they are left out, with a MIG007 warning)")
    boolean allowWidening;

    @Option(names = "--include-base", paramLabel = "DIR",
            description = "follow lxc.include lines, relative paths starting at DIR (by default the directory of"
                    + " FILE), to number new network interfaces above those of the included files")
    Path includeBase;

    MigrateCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (inPlace && check) {
            throw new ParameterException(spec.commandLine(), "--check and --in-place exclude each other");
        }
        Source.checkInPlace(spec, inPlace, files);
        MigrationOptions options = MigrationOptions.all().withLegacyKeys(!noLegacyKeys).withCgroup2(!noCgroup2)
                .withProxmoxDevices(!noProxmoxDevices).withWidening(allowWidening);
        boolean[] needed = {false};
        boolean done = Inputs.each(context, files, source -> needed[0] |= migrate(source, options));
        if (!done) {
            return Cli.TROUBLE;
        }
        return check && needed[0] ? Cli.FOUND : Cli.OK;
    }

    /**
     * Migrates one config: prints why each line changes, then the diff or writes it; returns whether it changed,
     * or still needs migrating (device rules left out because migrating them would widen access).
     */
    private boolean migrate(Source source, MigrationOptions options) {
        // a legacy interface must not take a number an included file already gives an interface
        Optional<Path> base = Optional.ofNullable(includeBase)
                .or(() -> source.file().map(f -> f.toAbsolutePath().getParent()));
        Migration migration = source.config().migrate(base.map(options::withIncludesFrom).orElse(options));
        for (Change change : migration.changes()) {
            context.err.println(Style.visible(source.name() + ":" + change.line() + ": note: " + change.reason()));
        }
        for (Diagnostic d : migration.diagnostics()) {
            context.err.println(Style.visible(d.toString()));
            d.hint().ifPresent(h -> context.err.println("  hint: " + Style.visible(h)));
        }
        // device rules left out because migrating them would widen access still wait for a decision
        boolean leftOut = !options.widening() && migration.diagnostics().stream()
                .anyMatch(d -> d.code() == DiagnosticCode.MIG_WIDENS_DEVICE_ACCESS);
        // compared and diffed a line at a time: neither file's bytes are made whole
        if (!migration.changed() || Diffs.sameBytes(source.config(), migration.config())) {
            context.err.println("lxcconf: " + source.name() + ": nothing to migrate"
                    + (leftOut ? " without --allow-widening" : ""));
            return leftOut;
        }
        if (inPlace) {
            source.writeInPlace(context, migration.config());
            context.err.println("lxcconf: migrated " + source.name() + " ("
                    + LintCommand.plural(migration.changes().size(), "line") + " changed)");
        } else {
            Diffs.print(context, source.name(), source.config(), migration.config());
        }
        return true;
    }
}
