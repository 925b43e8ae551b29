package io.github.lxcconf.cli;

import io.github.lxcconf.Dialect;
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

/** {@code lxcconf get FILE KEY}. */
@Command(name = "get", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Print the value(s) of a key.",
        description = "Prints the value of a key as LXC or Proxmox reads it: the last line of a single-valued key, every value of a list key (such as lxc.mount.entry) one per line, from the last empty value on (an empty value clears a list). In a Proxmox config, KEY may name a field of a property string: net0.hwaddr, rootfs.size, features.nesting.",
        exitCodeListHeading = Cli.EXIT_HEADING,
        exitCodeList = {"0:the key is set (its value was printed)", "1:the key is not set",
                "2:usage error, or the file cannot be read"},
        footerHeading = Cli.EXAMPLES,
        footer = {"  lxcconf get /etc/pve/lxc/102.conf hostname",
                "  lxcconf get /etc/pve/lxc/102.conf net0.hwaddr",
                "  lxcconf get /var/lib/lxc/web1/config lxc.mount.entry",
                "  lxcconf get --snapshot before-upgrade /etc/pve/lxc/102.conf memory"})
final class GetCommand implements Callable<Integer> {
    private final Context context;

    @Parameters(index = "0", paramLabel = "FILE", description = "the config file, or - for standard input")
    String file;

    @Parameters(index = "1", paramLabel = "KEY", description = "the key, such as lxc.uts.name, memory or net0.hwaddr")
    String key;

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
        Source source = Source.read(context, file);
        Section target;
        if (section.snapshot != null) {
            target = source.config().section(section.snapshot).orElseThrow(() ->
                    new UserException(source.name() + " has no snapshot [" + section.snapshot + "]"));
        } else if (section.pending) {
            target = source.config().pending().orElseThrow(() ->
                    new UserException(source.name() + " has no [pve:pending] section"));
        } else {
            target = source.config().mainSection();
        }
        List<String> values = values(source.config().dialect(), target, key);
        if (values.isEmpty()) {
            context.err.println("lxcconf: " + key + " is not set in " + source.name());
            return Cli.FOUND;
        }
        for (String value : values) {
            // exact for scripts; on a terminal control characters are shown, not obeyed
            context.out.print((context.terminal ? Style.visible(value) : value) + "\n");
        }
        context.out.flush();
        return Cli.OK;
    }

    static List<String> values(Dialect dialect, Section section, String key) {
        List<String> all = section.values(key);
        if (!all.isEmpty()) {
            if (!key.startsWith("lxc.") || !KeyCatalog.standard().isList(key)) {
                return List.of(all.get(all.size() - 1));
            }
            int from = 0;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).isBlank()) {
                    from = i + 1;
                }
            }
            return all.subList(from, all.size());
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
