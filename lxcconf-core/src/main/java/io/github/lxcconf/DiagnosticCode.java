package io.github.lxcconf;

/**
 * The stable codes of every {@link Diagnostic} lxcconf reports: one table, one
 * place. A code never changes meaning; new problems get new codes.
 *
 * <pre>{@code
 * config.diagnostics().stream()
 *       .filter(d -> d.code() == DiagnosticCode.LXC_INVALID_LINE)
 *       .forEach(System.out::println);
 * }</pre>
 */
public enum DiagnosticCode {
    // ---- native LXC (what liblxc does while reading a file) ----
    /** A line starting with {@code lxc.} has no {@code =}: liblxc stops reading the file with "Invalid configuration line". */
    LXC_INVALID_LINE("LXC001", Severity.ERROR, "lxc.* line without '='"),
    /** liblxc silently ignores a line that does not start with {@code lxc.} after leading blanks. */
    LXC_IGNORED_LINE("LXC002", Severity.WARNING, "line ignored by liblxc"),
    /** liblxc stops reading at a NUL byte; the rest of the file is ignored. */
    LXC_NUL_BYTE("LXC003", Severity.WARNING, "NUL byte ends the file for liblxc"),
    /** A UTF-8 byte-order mark makes liblxc ignore the first line. */
    LXC_BOM("LXC004", Severity.WARNING, "byte-order mark hides the first line from liblxc"),

    // ---- Proxmox VE (what parse_pct_config does) ----
    /** Proxmox cannot parse the line: it warns and drops it on its next write. */
    PVE_UNPARSABLE_LINE("PVE001", Severity.ERROR, "line Proxmox cannot parse"),
    /** A section header Proxmox does not accept; the lines below it stay in the previous section. */
    PVE_BAD_SECTION_HEADER("PVE002", Severity.ERROR, "section header Proxmox does not accept"),
    /** {@code delete:} is only read inside {@code [pve:pending]}; elsewhere Proxmox drops it. */
    PVE_DELETE_OUTSIDE_PENDING("PVE003", Severity.ERROR, "delete: outside [pve:pending]"),
    /** A key Proxmox keeps for itself ({@code digest}, {@code snapname}, {@code pending}, ...). */
    PVE_INTERNAL_KEY("PVE004", Severity.ERROR, "internal Proxmox key written into the file"),
    /** A second section with the same name replaces the first one completely. */
    PVE_DUPLICATE_SECTION("PVE005", Severity.WARNING, "section appears twice"),
    /** Proxmox splits lines on LF only, so a lone CR stays inside the line. */
    PVE_LONE_CR("PVE006", Severity.WARNING, "lone CR line end"),
    /** An option whose value is only blanks: Proxmox stores the blanks and its type check fails. */
    PVE_BLANK_VALUE("PVE007", Severity.WARNING, "option value is only blanks"),

    // ---- the dialect (which reading a file gets when the caller does not say) ----
    /**
     * The file has lines of both dialects (native {@code lxc.key = value} and Proxmox {@code key: value} or
     * {@code [snapshot]}): lxcconf picked one from the path and the majority of lines, and says so.
     */
    DIALECT_MIXED("DIA001", Severity.WARNING, "lines of both dialects"),

    // ---- values of lxc.* keys, read by the typed views (io.github.lxcconf.model) ----
    /** A device rule liblxc stores when it loads the file, but that makes the container fail to start. */
    LXC_DEVICE_RULE("LXC101", Severity.WARNING, "device rule that would fail at start"),
    /** A mount entry getmntent skips or reads differently from what is written, or that cannot be mounted. */
    LXC_MOUNT_ENTRY("LXC102", Severity.WARNING, "mount entry skipped, misread or failing at start"),
    /** An {@code lxc.mount.auto} item liblxc does not know: it refuses the file. */
    LXC_MOUNT_AUTO("LXC103", Severity.ERROR, "unknown lxc.mount.auto item"),
    /** An {@code lxc.idmap} value that is not {@code u|g CONTAINER HOST RANGE}: liblxc refuses the file. */
    LXC_IDMAP("LXC104", Severity.ERROR, "invalid lxc.idmap"),
    /** An unknown capability name or number in {@code lxc.cap.drop} or {@code lxc.cap.keep}: liblxc refuses the file. */
    LXC_CAPABILITY("LXC105", Severity.ERROR, "unknown capability"),
    /** {@code lxc.cap.keep} and {@code lxc.cap.drop} both with entries: liblxc refuses the file. */
    LXC_CAP_KEEP_AND_DROP("LXC106", Severity.ERROR, "capabilities both kept and dropped"),
    /** An {@code lxc.net} key liblxc does not accept (bad index, unknown sub-key, a value where only empty is allowed). */
    LXC_NET_KEY("LXC107", Severity.ERROR, "invalid lxc.net key"),
    /** A network value liblxc refuses when it loads the file (type, address, mode, VLAN id, ...). */
    LXC_NET_VALUE("LXC108", Severity.ERROR, "invalid network value"),
    /** A type-specific network key ({@code veth.*}, {@code macvlan.mode}, {@code vlan.id}, ...) before the matching type. */
    LXC_NET_WRONG_TYPE("LXC109", Severity.ERROR, "network key of another interface type"),
    /** An empty {@code lxc.net.N.KEY} line for an interface no earlier line mentions: liblxc refuses the file. */
    LXC_NET_NO_INTERFACE("LXC110", Severity.ERROR, "clears a field of an unknown interface"),
    /** {@code lxc.net.N.type} resets the interface: the settings written above it for that interface are lost. */
    LXC_NET_TYPE_RESET("LXC111", Severity.WARNING, "network type resets settings above it"),
    /** An interface name longer than 15 bytes, which liblxc silently cuts. */
    LXC_NET_NAME_TRUNCATED("LXC112", Severity.WARNING, "interface name cut to 15 bytes"),
    /** An AppArmor or seccomp value liblxc refuses when it loads the file. */
    LXC_SECURITY_VALUE("LXC113", Severity.ERROR, "invalid AppArmor or seccomp value"),
    /** {@code lxc.hook} with a value: only the empty value (clear every hook) is accepted. */
    LXC_HOOK("LXC114", Severity.ERROR, "lxc.hook with a value"),
    /** An {@code lxc.environment} entry with nothing before its {@code =}. */
    LXC_ENVIRONMENT("LXC115", Severity.WARNING, "environment entry without a name"),
    /**
     * A legacy key ({@code lxc.network.type}, {@code lxc.utsname}, {@code lxc.rootfs}, {@code lxc.id_map}, ...)
     * that the typed views do not read: liblxc 3.0 and later refuse it, so it holds nothing.
     */
    LXC_LEGACY_KEY_IGNORED("LXC120", Severity.WARNING, "legacy key the typed views do not read"),
    /**
     * A cgroup resource limit ({@code lxc.cgroup2.memory.max}, {@code lxc.cgroup.cpu.shares}, ...) whose value
     * the kernel refuses when the container starts; liblxc does not read it when it loads the file.
     */
    LXC_RESOURCE_LIMIT("LXC121", Severity.WARNING, "resource limit the kernel refuses at start"),
    /** The file {@code lxc.mount.fstab} names cannot be read: the container does not start. */
    LXC_FSTAB_MISSING("LXC122", Severity.WARNING, "lxc.mount.fstab file missing"),
    // (LXC1xx codes go here)

    // ---- Proxmox option values and property strings (io.github.lxcconf.model.proxmox) ----
    /**
     * An option Proxmox does not know ({@code foo: bar}, {@code vmstate:}, {@code mp01:}): Proxmox warns
     * "unknown setting", keeps the line and writes it back, so it is a warning, not an error.
     */
    PVE_UNKNOWN_OPTION("PVE101", Severity.WARNING, "unknown Proxmox option"),
    /**
     * An option value fails the type or format check Proxmox runs on read ({@code cores: +2},
     * {@code hostname: a_b}, a line feed): Proxmox warns and keeps the raw value, so it is a warning.
     */
    PVE_TYPE_CHECK("PVE102", Severity.WARNING, "option value fails Proxmox's type check"),
    /**
     * A property string Proxmox cannot split into keys (duplicate key, {@code key=} without a value, a
     * second value without a key): Proxmox warns and keeps the raw value, so it is a warning.
     */
    PVE_MALFORMED_PROPERTY_STRING("PVE103", Severity.WARNING, "malformed property string"),
    /**
     * A sub-key of a property string that its schema refuses (unknown key, wrong type, value out of range,
     * bad MAC or address, missing required key): Proxmox warns "format error" and keeps the raw value.
     */
    PVE_INVALID_PROPERTY("PVE104", Severity.WARNING, "property string field fails Proxmox's schema"),
    /** An empty part in a property string ({@code a=1,,b=2}): Proxmox skips it silently and drops it on re-print. */
    PVE_EMPTY_PROPERTY_PART("PVE105", Severity.INFO, "empty part in a property string"),
    /**
     * A value Proxmox loads (enums and ranges are not checked on read) but its API refuses
     * ({@code ostype: redhat}, {@code tty: 9}): nothing fails until someone edits it, so it is information.
     */
    PVE_API_WOULD_REFUSE("PVE106", Severity.INFO, "value the Proxmox API would refuse"),
    /**
     * {@code parent:} names a snapshot that has no section in the file. Proxmox loads it and keeps it; the
     * snapshot tree is inconsistent (GUI tree, rollback and delete walk the chain), so it is a warning.
     */
    PVE_MISSING_PARENT_SNAPSHOT("PVE107", Severity.WARNING, "parent snapshot has no section"),
    /** {@code unusedN} names a volume the main section still mounts: Proxmox drops the line when it next writes. */
    PVE_UNUSED_VOLUME_IN_USE("PVE108", Severity.INFO, "unused volume still in use"),
    /**
     * {@code devN} without a device path: the schema lets it load, but Proxmox refuses to use it
     * ("Path has to be defined"), so the container cannot start: an error.
     */
    PVE_DEVICE_WITHOUT_PATH("PVE109", Severity.ERROR, "device passthrough without a path"),
    // (PVE1xx codes go here)

    // ---- validation against liblxc's key catalogue (io.github.lxcconf.validate) ----
    /** A key liblxc does not know: it stops reading the file with "Unsupported config key". */
    VAL_UNKNOWN_KEY("VAL001", Severity.ERROR, "key liblxc does not know"),
    /** A key renamed in LXC 2.1 and refused since 3.0 ("Unsupported config key"). */
    VAL_LEGACY_KEY("VAL002", Severity.ERROR, "legacy key name"),
    /** A cgroup v1 {@code lxc.cgroup.*} key on LXC 7.0, which refuses it. */
    VAL_CGROUP_V1_REFUSED("VAL003", Severity.ERROR, "cgroup v1 key refused by LXC 7.0"),
    /** A cgroup v1 {@code lxc.cgroup.*} key on a cgroup2 host, where liblxc ignores it. */
    VAL_CGROUP_V1_IGNORED("VAL004", Severity.WARNING, "cgroup v1 key ignored on a cgroup2 host"),
    /** An inline {@code # ...} after a value: liblxc keeps it as part of the value. */
    VAL_INLINE_COMMENT("VAL005", Severity.WARNING, "inline comment kept as part of the value"),
    /** A single-valued key set again further down: this earlier value is ignored. */
    VAL_DUPLICATE_KEY("VAL006", Severity.WARNING, "single-valued key set twice"),
    /** An empty value that clears the list built by the lines above it. */
    VAL_EMPTY_CLEARS_LIST("VAL007", Severity.INFO, "empty value clears a list"),
    /** A value liblxc refuses when it loads the file (number, signal, log level, name, length, ...). */
    VAL_INVALID_VALUE("VAL008", Severity.ERROR, "value liblxc refuses"),
    /** A raw {@code lxc.*} key Proxmox refuses: it drops the line on its next write. */
    VAL_PROXMOX_REFUSED_KEY("VAL009", Severity.ERROR, "raw lxc key Proxmox refuses"),
    /** A raw {@code lxc.*} key Proxmox keeps with a warning. */
    VAL_PROXMOX_WARNED_KEY("VAL010", Severity.WARNING, "raw lxc key Proxmox warns about"),
    /** A key that exists only in a later liblxc release than the one validated against. */
    VAL_KEY_TOO_NEW("VAL011", Severity.ERROR, "key from a later liblxc release"),
    /** A mount entry with an absolute target: LXC skips it at start unless the path lies inside the rootfs. */
    VAL_ABSOLUTE_MOUNT_TARGET("VAL012", Severity.WARNING, "mount entry with an absolute target"),
    /** A bind mount of a device node without {@code create=file}: the start fails when the target is missing. */
    VAL_DEVICE_BIND_WITHOUT_CREATE("VAL013", Severity.WARNING, "device bind mount without create=file"),
    /**
     * {@code lxc.cgroup.dir} together with {@code lxc.cgroup.dir.monitor}, {@code .container} or
     * {@code .container.inner}, or only one of {@code .monitor} and {@code .container}: liblxc loads the file,
     * but the container fails to start.
     */
    VAL_CGROUP_DIR_CONFLICT("VAL014", Severity.WARNING, "cgroup directory keys that fail at start"),
    /**
     * An {@code lxc.net.N.*} interface with no {@code lxc.net.N.type}: liblxc loads it, but sets up no
     * network device for it.
     */
    VAL_NET_WITHOUT_TYPE("VAL015", Severity.WARNING, "network interface without a type"),
    /** {@code lxc.net.N =} for an interface no earlier line set up: liblxc accepts it; it removes nothing. */
    VAL_NET_REMOVES_NOTHING("VAL016", Severity.INFO, "removes a network interface that does not exist"),
    /** Network interfaces numbered with a gap ({@code lxc.net.0}, {@code lxc.net.2}): liblxc accepts it. */
    VAL_NET_INDEX_GAP("VAL017", Severity.INFO, "network interfaces numbered with a gap"),
    /**
     * A byte size with a one-letter unit ({@code lxc.console.buffer.size = 1M}): liblxc ignores the letter,
     * so the value is a number of bytes.
     */
    VAL_SIZE_UNIT_IGNORED("VAL018", Severity.WARNING, "one-letter size unit ignored"),
    /**
     * A list value written a second time where a repeat changes nothing (a device rule, a capability, an
     * environment variable): the later line has no effect.
     */
    VAL_DUPLICATE_LIST_VALUE("VAL019", Severity.WARNING, "list value repeated without effect"),
    /**
     * A value liblxc loads without an error but does not store: {@code lxc.init.uid = abc} keeps the uid it had
     * (liblxc 5.0's setters for init.uid, init.gid, hook.version and seccomp.allow_nesting drop such values).
     */
    VAL_VALUE_IGNORED("VAL020", Severity.WARNING, "value liblxc silently ignores"),
    /**
     * Whether liblxc loads the line depends on the process that loads the file, not on the file: an
     * {@code lxc.environment = NAME} copied from that process's environment, an {@code idmap=PATH} in
     * {@code lxc.rootfs.options} that liblxc opens while it loads.
     */
    VAL_DEPENDS_ON_LOADER("VAL021", Severity.WARNING, "outcome depends on the process that loads the file"),
    // (VAL codes go here)

    // ---- what Proxmox will do to this file on its next write ----
    /** A comment that is not at the top of its section: Proxmox moves it into the section's description (the Notes) on its next write. */
    PVE_COMMENT_MOVES("PVE201", Severity.WARNING, "Proxmox moves this comment into the Notes"),
    /** A raw {@code lxc.*} line (or an unparsable line) that Proxmox drops on its next write. */
    PVE_LINE_DROPPED("PVE202", Severity.WARNING, "Proxmox drops this line on its next write"),
    /** A line below a snapshot header that looks appended for the running container but belongs to that snapshot. */
    PVE_LINE_IN_SNAPSHOT("PVE203", Severity.WARNING, "this line belongs to a snapshot, not to the running container"),
    /** The file has blank lines; Proxmox removes them all on its next write. */
    PVE_BLANK_LINES_VANISH("PVE204", Severity.INFO, "Proxmox removes blank lines"),
    /**
     * {@code quota=1} on {@code rootfs} or an {@code mpN} of an unprivileged container: Proxmox refuses to
     * start it ("Quotas are not supported by unprivileged containers.").
     */
    PVE_QUOTA_UNPRIVILEGED("PVE205", Severity.ERROR, "quota on an unprivileged container: Proxmox refuses to start it"),
    /**
     * {@code quota=1} on a cgroup2 host (Proxmox VE 7 and later): file system quotas are not supported in a
     * pure cgroup v2 environment.
     */
    PVE_QUOTA_CGROUP2("PVE206", Severity.WARNING, "quota not supported on a cgroup2 host"),
    /**
     * An {@code ostype} whose older releases ship systemd older than 231 (CentOS 7, Ubuntu 16.10 and older):
     * such a container does not start properly on a cgroup2 host.
     */
    PVE_OLD_SYSTEMD_CGROUP2("PVE207", Severity.INFO, "old systemd does not run on a cgroup2 host"),
    /** Two of {@code rootfs} and {@code mpN} mounted at the same path in the container: one hides the other. */
    PVE_DUPLICATE_MOUNT_PATH("PVE208", Severity.WARNING, "two mount points at the same path"),
    /** One storage volume used by two of {@code rootfs} and {@code mpN}. */
    PVE_VOLUME_MOUNTED_TWICE("PVE209", Severity.WARNING, "storage volume used by two mount points"),
    /** An {@code mpN} whose {@code mp=} path is not absolute. */
    PVE_MOUNT_PATH_NOT_ABSOLUTE("PVE210", Severity.WARNING, "mount point path not absolute"),
    /** An option set twice in one section: Proxmox keeps the last value and drops the other line on its next write. */
    PVE_DUPLICATE_OPTION("PVE211", Severity.WARNING, "option set twice"),
    // (PVE2xx codes go here)

    // ---- includes and migrations ----
    /** An {@code lxc.include} names a file that is missing or cannot be read: liblxc stops loading with "Failed to open file". */
    INC_MISSING_FILE("INC001", Severity.ERROR, "included file missing or unreadable"),
    /** {@code lxc.include} lines include each other in a circle; liblxc would recurse until it runs out of resources. */
    INC_CYCLE("INC002", Severity.ERROR, "include cycle"),
    /** Includes nest deeper than the limit lxcconf follows. */
    INC_TOO_DEEP("INC003", Severity.ERROR, "includes nested too deep"),
    /** A directory include names a directory that exists but cannot be listed: liblxc refuses the config. */
    INC_UNREADABLE_DIRECTORY("INC004", Severity.ERROR, "include directory cannot be read"),
    /**
     * An {@code lxc.include} names something that is neither a regular file nor a directory (a FIFO, a socket,
     * a device such as {@code /dev/zero}): liblxc would block on it or read without end. lxcconf skips it.
     */
    INC_NOT_A_FILE("INC005", Severity.ERROR, "include of a FIFO, socket or device"),
    /** The included files are larger, in all, than the byte limit lxcconf reads; the file past it is skipped. */
    INC_TOO_LARGE("INC006", Severity.ERROR, "included files too large"),
    /**
     * The includes apply more lines, in all, than the limit lxcconf follows (a chain where each file includes
     * the next twice doubles at each level); lxcconf follows no further include.
     */
    INC_TOO_MANY_LINES("INC007", Severity.ERROR, "includes apply too many lines"),
    /** A cgroup v1 setting with no cgroup2 equivalent: the migration leaves the line as it is. */
    MIG_NO_CGROUP2_EQUIVALENT("MIG001", Severity.WARNING, "cgroup v1 setting without a cgroup2 equivalent"),
    /** A cgroup v1 setting whose cgroup2 translation means something different and needs checking. */
    MIG_CHECK_TRANSLATION("MIG002", Severity.WARNING, "cgroup2 translation to check"),
    /** A legacy network key before any {@code lxc.network.type} line: it belongs to no interface and is left as it is. */
    MIG_NETWORK_KEY_WITHOUT_TYPE("MIG003", Severity.WARNING, "legacy network key outside any interface"),
    /** A raw device passthrough Proxmox cannot express as a {@code devN} option; the raw lines stay. */
    MIG_NO_PROXMOX_DEVICE("MIG004", Severity.INFO, "raw device passthrough kept"),
    /**
     * A legacy raw key of a Proxmox config whose current name Proxmox refuses ({@code lxc.devttydir} to
     * {@code lxc.tty.dir}): the migration removes the line, and the container runs without the setting.
     */
    MIG_PROXMOX_REFUSES_NEW_KEY("MIG005", Severity.WARNING, "current key name refused by Proxmox; line removed"),
    /**
     * Two {@code lxc.mount.auto} items of one category ({@code proc:mixed}, then {@code proc:rw}): liblxc keeps
     * the later one, so the earlier has no effect.
     */
    MIG_MOUNT_AUTO_OVERRIDDEN("MIG006", Severity.WARNING, "lxc.mount.auto item replaced by a later one"),
    /**
     * The device migrations would let the container use devices on a cgroup2 host that the config as it stands
     * does not: without the opt-in ({@code MigrationOptions.withWidening(true)}, {@code --allow-widening}) the
     * device lines are left as they are.
     */
    MIG_WIDENS_DEVICE_ACCESS("MIG007", Severity.WARNING, "migration widens device access"),
    /**
     * The migrated device rules do not do on a cgroup2 host what the cgroup v1 rules did on a v1 host (liblxc's
     * cgroup2 program and the kernel's v1 controller read rules differently).
     */
    MIG_DEVICE_BEHAVIOUR_CHANGES("MIG008", Severity.WARNING, "migrated device rules behave differently"),
    // (INC and MIG codes go here)

    // ---- seccomp policy files (io.github.lxcconf.seccomp) ----
    /** The first line of a policy is not the version 1 or 2: liblxc refuses it ("Invalid version"). */
    SEC_BAD_VERSION("SEC001", Severity.ERROR, "seccomp policy version is not 1 or 2"),
    /** Nothing follows the version: liblxc refuses the policy ("Invalid config file"). */
    SEC_NO_POLICY_LINE("SEC002", Severity.ERROR, "seccomp policy without a policy line"),
    /** A version 1 policy line without {@code allowlist} (the old {@code whitelist} too, since LXC 4.0.4). */
    SEC_V1_NOT_ALLOWLIST("SEC003", Severity.ERROR, "version 1 policy that is not an allowlist"),
    /** The policy line contains {@code debug}: liblxc refuses it ("Debug not yet implemented"). */
    SEC_DEBUG("SEC004", Severity.ERROR, "debug in the seccomp policy line"),
    /** A version 2 policy line that starts with none of denylist, blacklist, allowlist, whitelist. */
    SEC_BAD_POLICY_STYLE("SEC005", Severity.ERROR, "seccomp policy line is no denylist or allowlist"),
    /** An action liblxc does not know ({@code log}, {@code trace}, a typo, {@code errno} without a number). */
    SEC_UNKNOWN_ACTION("SEC006", Severity.ERROR, "unknown seccomp action"),
    /** A version 1 rule that does not start with a system call number. */
    SEC_V1_NOT_A_NUMBER("SEC007", Severity.ERROR, "version 1 rule without a number"),
    /** An {@code [arch]} section liblxc does not know ({@code [amd64]}, a trailing blank, a CR line end). */
    SEC_UNKNOWN_ARCH("SEC008", Severity.ERROR, "unknown seccomp architecture section"),
    /** An argument filter liblxc cannot read (index past 5, a value that is no number, an unknown operator). */
    SEC_BAD_ARG_FILTER("SEC009", Severity.ERROR, "invalid seccomp argument filter"),
    /** An error number libseccomp refuses (below 0 or above 4094): the container does not start. */
    SEC_ERRNO_RANGE("SEC010", Severity.ERROR, "error number libseccomp refuses"),
    /** A rule whose action is the policy's default: libseccomp refuses it ("Permission denied"). */
    SEC_RULE_IS_DEFAULT("SEC011", Severity.ERROR, "rule action equals the policy default"),
    /** Two filters of one rule on the same argument: libseccomp refuses the rule ("Invalid argument"). */
    SEC_ARG_FILTERED_TWICE("SEC012", Severity.ERROR, "two filters on one argument"),
    /** Two rules for one system call with the same filters and different actions: libseccomp refuses the second. */
    SEC_CONFLICTING_RULES("SEC013", Severity.ERROR, "conflicting seccomp rules"),
    /** The policy file named by {@code lxc.seccomp.profile} cannot be read: the container does not start. */
    SEC_UNREADABLE("SEC014", Severity.ERROR, "seccomp policy file cannot be read"),
    /** A system call name libseccomp does not know on any architecture: liblxc skips the rule. */
    SEC_UNKNOWN_SYSCALL("SEC020", Severity.WARNING, "unknown system call; rule skipped"),
    /** A system call that does not exist on the architectures the rule is for: liblxc skips the rule there. */
    SEC_SYSCALL_NOT_ON_ARCH("SEC021", Severity.WARNING, "system call missing on the architecture; rule skipped"),
    /** A rule line ending in CR (a Windows line end): a name alone no longer resolves, and liblxc skips it. */
    SEC_CR_LINE_END("SEC022", Severity.WARNING, "CR line end hides the system call"),
    /** A rule with argument filters for a call that another rule refuses or allows without filters: it has no effect. */
    SEC_SHADOWED_RULE("SEC023", Severity.WARNING, "filtered rule overridden by an unfiltered rule"),
    /** Text liblxc reads past and ignores (a 7th filter, characters after a filter's operator). */
    SEC_IGNORED_TEXT("SEC024", Severity.WARNING, "text liblxc ignores"),
    /** A version 1 number that is no system call of the host's architecture. */
    SEC_V1_UNKNOWN_NUMBER("SEC025", Severity.WARNING, "version 1 number that is no system call"),
    // (SEC codes go here)

    // ---- bytes and characters ----
    /** The file is not valid UTF-8; it is kept byte for byte. */
    ENC_INVALID_UTF8("ENC001", Severity.WARNING, "not valid UTF-8"),
    /** A control character other than TAB inside a line. */
    ENC_CONTROL_CHARACTER("ENC002", Severity.WARNING, "control character inside a line"),
    /** The file is mostly not text (a program, an image): it is no config, and is reported once. */
    ENC_BINARY("ENC003", Severity.ERROR, "binary content: not a config file"),

    // ---- lxcconf itself ----
    /** The reader met input it could not structure; the text is kept verbatim. Please report it. */
    INTERNAL("LXCCONF001", Severity.ERROR, "internal parser problem");

    private final String id;
    private final Severity severity;
    private final String title;

    DiagnosticCode(String id, Severity severity, String title) {
        this.id = id;
        this.severity = severity;
        this.title = title;
    }

    /**
     * Returns the stable identifier printed in brackets after a message.
     *
     * <pre>{@code
     * DiagnosticCode.LXC_INVALID_LINE.id(); // "LXC001"
     * }</pre>
     *
     * @return the identifier, such as {@code "PVE001"}
     */
    public String id() {
        return id;
    }

    /**
     * Returns the severity diagnostics with this code have unless stated otherwise.
     *
     * @return the default severity
     */
    public Severity defaultSeverity() {
        return severity;
    }

    /**
     * Returns a short title for documentation tables.
     *
     * @return the title, such as {@code "line ignored by liblxc"}
     */
    public String title() {
        return title;
    }
}
