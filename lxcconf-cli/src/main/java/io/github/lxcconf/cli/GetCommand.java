package io.github.lxcconf.cli;

import io.github.lxcconf.Dialect;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.model.proxmox.Description;
import io.github.lxcconf.model.proxmox.OptionSchema;
import io.github.lxcconf.model.proxmox.PropertyString;
import io.github.lxcconf.syntax.Section;
import io.github.lxcconf.validate.KeyCatalog;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code lxcconf get FILE... KEY}. */
@Command(name = "get", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Print the value(s) of a key.",
        description = "Prints the value of a key as LXC or Proxmox reads it, byte for byte as it is in the file: the last line of a single-valued key, every value of a list key (such as lxc.mount.entry) one per line, from the last empty value on (an empty value clears a list). In a Proxmox config, KEY may name a field of a property string: net0.hwaddr, rootfs.size, features.nesting. With several configs, each value is printed after its file's name and ': ', as grep does.",
        exitCodeListHeading = Cli.EXIT_HEADING,
        exitCodeList = {"0:the key is set (its value was printed)", "1:the key is not set (in some FILE)",
                "2:usage error, or a file cannot be read"},
        footerHeading = Cli.EXAMPLES,
        footer = {"  lxcconf get /etc/pve/lxc/102.conf hostname",
                "  lxcconf get /etc/pve/lxc/102.conf net0.hwaddr",
                "  lxcconf get /var/lib/lxc/web1/config lxc.mount.entry",
                "  lxcconf get --snapshot before-upgrade /etc/pve/lxc/102.conf memory",
                "  lxcconf get /etc/pve/lxc hostname              # every container's, as FILE: VALUE"})
final class GetCommand implements Callable<Integer> {
    private final Context context;

    @Parameters(arity = "2..*", paramLabel = "FILE... KEY", hideParamSyntax = true,
            description = {"FILE: " + Inputs.FILE_DESCRIPTION,
                    "KEY: the key, such as lxc.uts.name, memory or net0.hwaddr"})
    List<String> arguments;

    @ArgGroup(exclusive = true)
    SectionChoice section = new SectionChoice();

    /** Which section to read. */
    static final class SectionChoice {
        @Option(names = "--snapshot", paramLabel = "NAME", description = "read the snapshot section [NAME] (Proxmox)")
        String snapshot;

        @Option(names = "--pending", description = "read the [pve:pending] section (Proxmox)")
        boolean pending;
    }

    GetCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String key = arguments.get(arguments.size() - 1);
        List<String> files = arguments.subList(0, arguments.size() - 1);
        boolean several = Inputs.inputs(files).size() > 1;
        boolean[] missing = {false};
        boolean readable = Inputs.each(context, files, source -> {
            List<String> values = values(source.config().dialect(), section(source), key);
            if (values.isEmpty()) {
                context.out.flush();
                context.err.println("lxcconf: " + key + " is not set in " + source.name());
                missing[0] = true;
            }
            for (String value : values) {
                String prefix = several ? source.name() + ": " : "";
                if (context.terminal) {
                    // on a terminal control characters are shown, not obeyed
                    context.out.print(Style.visible(prefix + value) + "\n");
                } else {
                    // exact for scripts: the bytes of the file, a Latin-1 byte included
                    context.writeBytes(LxcConfig.bytesOf(prefix + value + "\n"));
                }
            }
        });
        context.out.flush();
        if (!readable) {
            return Cli.TROUBLE;
        }
        return missing[0] ? Cli.FOUND : Cli.OK;
    }

    private Section section(Source source) {
        if (section.snapshot != null) {
            return source.config().section(section.snapshot).orElseThrow(() ->
                    new UserException(source.name() + " has no snapshot [" + section.snapshot + "]"));
        }
        if (section.pending) {
            return source.config().pending().orElseThrow(() ->
                    new UserException(source.name() + " has no [pve:pending] section"));
        }
        return source.config().mainSection();
    }

    static List<String> values(Dialect dialect, Section section, String key) {
        List<String> all = section.values(key);
        if (!all.isEmpty()) {
            return KeyCatalog.standard().holds(key, all);
        }
        if (dialect == Dialect.PROXMOX && key.equals("description")) {
            // the Notes, written as # lines, decoded as pct config shows them
            Description notes = Description.of(section);
            String text = notes.text().endsWith("\n") ? notes.text().substring(0, notes.text().length() - 1)
                    : notes.text();
            return notes.isEmpty() ? List.of() : List.of(text);
        }
        int dot = key.indexOf('.');
        if (dialect == Dialect.PROXMOX && dot > 0 && !key.startsWith("lxc.")) {
            String option = key.substring(0, dot);
            String field = key.substring(dot + 1);
            Optional<String> value = section.value(option);
            if (value.isPresent()) {
                PropertyString property = OptionSchema.proxmox().format(option)
                        .map(f -> PropertyString.parse(value.get(), f))
                        .orElseGet(() -> PropertyString.parse(value.get()));
                return property.get(field).map(List::of).orElse(List.of());
            }
        }
        return List.of();
    }
}
