package io.github.lxcconf.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An additional mount: the value of {@code lxc.mount.entry}, one fstab line
 * ({@code SOURCE TARGET FSTYPE OPTIONS [DUMP [PASS]]}).
 *
 * <p>LXC reads the value with getmntent when the container starts: fields are
 * separated by blanks, and {@code \040} (space), {@code \011} (tab),
 * {@code \012} (newline) and {@code \134} (backslash) stand for characters a
 * field cannot hold. The components hold the decoded text; {@link #toValue()}
 * encodes it again. A target without a leading {@code /} is relative to the
 * container's root file system, which is the usual form. Two entries are
 * equal when they say the same thing; their {@link #origin()} is not compared.
 *
 * <pre>{@code
 * MountEntry tun = MountEntry.bind("/dev/net/tun", "dev/net/tun", CreateMode.FILE);
 * tun.toValue();          // "/dev/net/tun dev/net/tun none bind,create=file"
 * tun.isBind();           // true
 * tun.create();           // Optional[FILE]
 * MountEntry.parse("/srv/my\\040data mnt/data none bind 0 0").source(); // "/srv/my data"
 * }</pre>
 *
 * @param source  the device or directory to mount, decoded
 * @param target  where to mount it, decoded; relative to the container's root unless it starts with {@code /}
 * @param fsType  the file system type ({@code none} for bind mounts)
 * @param options the mount options in order, such as {@code [bind, create=file]}; empty when not written
 * @param dump    the dump field, if written
 * @param pass    the pass field, if written
 * @param origin  the line the entry was read from; empty when built by hand
 */
public record MountEntry(String source, String target, String fsType, List<String> options, OptionalInt dump,
                         OptionalInt pass, Optional<Origin> origin) {

    /**
     * Checks the components and copies the option list.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if a field is empty or holds a NUL, an option holds a comma,
     *                                  or pass is given without dump
     */
    public MountEntry {
        field("source", source);
        field("target", target);
        field("fsType", fsType);
        options = List.copyOf(options);
        for (String o : options) {
            Objects.requireNonNull(o, "option");
            if (o.indexOf(',') >= 0 || o.indexOf(0) >= 0) {
                throw new IllegalArgumentException("option '" + o.replace("\0", "\\0") + "' contains "
                        + (o.indexOf(0) >= 0 ? "a NUL character" : "','"));
            }
        }
        Objects.requireNonNull(dump, "dump");
        Objects.requireNonNull(pass, "pass");
        Objects.requireNonNull(origin, "origin");
        if (pass.isPresent() && dump.isEmpty()) {
            throw new IllegalArgumentException("pass needs dump");
        }
    }

    private static void field(String what, String text) {
        Objects.requireNonNull(text, what);
        if (text.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        if (text.indexOf(0) >= 0) {
            throw new IllegalArgumentException(what + " contains a NUL character at index " + text.indexOf(0));
        }
    }

    /**
     * Returns an entry without dump and pass fields.
     *
     * <pre>{@code
     * MountEntry.of("tmpfs", "tmp", "tmpfs", List.of("size=64m", "mode=1777")).toValue();
     * // "tmpfs tmp tmpfs size=64m,mode=1777"
     * }</pre>
     *
     * @param source  the source
     * @param target  the target
     * @param fsType  the file system type
     * @param options the options, in order
     * @return the entry
     */
    public static MountEntry of(String source, String target, String fsType, List<String> options) {
        return new MountEntry(source, target, fsType, options, OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty());
    }

    /**
     * Returns a bind mount of a host path ({@code none bind}).
     *
     * <pre>{@code
     * MountEntry.bind("/srv/data", "mnt/data").toValue(); // "/srv/data mnt/data none bind"
     * }</pre>
     *
     * @param source the host path
     * @param target the path in the container, usually relative
     * @return the entry
     */
    public static MountEntry bind(String source, String target) {
        return of(source, target, "none", List.of("bind"));
    }

    /**
     * Returns a bind mount that creates its target first.
     *
     * <pre>{@code
     * MountEntry.bind("/dev/dri", "dev/dri", CreateMode.DIR).toValue(); // "/dev/dri dev/dri none bind,create=dir"
     * }</pre>
     *
     * @param source the host path
     * @param target the path in the container
     * @param create what to create at the target
     * @return the entry
     */
    public static MountEntry bind(String source, String target, CreateMode create) {
        return of(source, target, "none", List.of("bind", create.option()));
    }

    /**
     * Reads an entry as getmntent does.
     *
     * <pre>{@code
     * MountEntry.parse("proc proc proc nodev,noexec,nosuid 0 0").pass(); // OptionalInt[0]
     * MountEntry.parse("/dev/fuse");   // throws: ... has 1 field ...
     * }</pre>
     *
     * @param value the value of {@code lxc.mount.entry}
     * @return the entry
     * @throws IllegalArgumentException if the value is not an fstab line LXC can mount
     */
    public static MountEntry parse(String value) {
        Parsed<MountEntry> p = read(value, Optional.empty(), new ArrayList<>());
        return p.orThrow();
    }

    /**
     * Reads an entry. Problems that leave no entry are returned as the
     * failure; problems LXC lives with are added to {@code warnings} as
     * {message, hint} pairs.
     */
    static Parsed<MountEntry> read(String value, Optional<Origin> origin, List<String[]> warnings) {
        List<String> fields = Values.splitBlanks(value);
        if (fields.isEmpty()) {
            return Parsed.fail("the mount entry is empty", null);
        }
        if (fields.get(0).startsWith("#")) {
            return Parsed.fail("mount entry '" + value + "' starts with '#': getmntent reads it as a comment and"
                    + " the entry is skipped", "remove the '#', or the line");
        }
        if (fields.size() < 3) {
            return Parsed.fail("mount entry '" + value + "' has " + fields.size() + (fields.size() == 1 ? " field"
                            : " fields") + ", but a source, a target and a file system type are needed; the mount"
                            + " would fail when the container starts",
                    "write SOURCE TARGET FSTYPE OPTIONS, such as '/dev/net/tun dev/net/tun none bind,create=file'");
        }
        List<String> options = fields.size() > 3 ? words(decode(fields.get(3)).split(",", -1)) : List.of();
        for (String o : options) {
            if (o.startsWith("create=") && CreateMode.ofOption(o).isEmpty()) {
                warnings.add(new String[] {"'" + o + "' is neither create=dir nor create=file: LXC creates nothing"
                        + " and passes the option on to mount", "use create=dir or create=file"});
            }
        }
        int hash = -1;
        for (int i = 4; i < fields.size() && hash < 0; i++) {
            if (fields.get(i).startsWith("#")) {
                hash = i;
            }
        }
        int numbers = hash < 0 ? fields.size() : hash;
        OptionalInt dump = OptionalInt.empty();
        OptionalInt pass = OptionalInt.empty();
        if (fields.size() > 4) {
            OptionalInt d = numbers > 4 ? scanInt(fields.get(4)) : OptionalInt.of(0);
            if (d.isEmpty()) {
                warnings.add(new String[] {"dump field '" + fields.get(4) + "' is not a number: getmntent reads"
                        + " dump and pass as 0", "write 0"});
            }
            dump = Values.optionalInt(d.orElse(0));
            if (fields.size() > 5) {
                OptionalInt p = d.isPresent() && numbers > 5 ? scanInt(fields.get(5)) : OptionalInt.of(0);
                if (p.isEmpty()) {
                    warnings.add(new String[] {"pass field '" + fields.get(5) + "' is not a number: getmntent"
                            + " reads it as 0", "write 0"});
                }
                pass = Values.optionalInt(p.orElse(0));
            }
        }
        if (hash >= 0) {
            warnings.add(new String[] {"'" + String.join(" ", fields.subList(hash, fields.size())) + "' is not a"
                    + " comment: LXC has no comments at the end of a line, and getmntent "
                    + (hash == 4 ? "reads dump and pass as 0" : hash == 5 ? "reads pass as 0" : "ignores it"),
                    "put the comment on a line of its own"});
        } else if (fields.size() > 6) {
            warnings.add(new String[] {"'" + String.join(" ", fields.subList(6, fields.size())) + "' after the"
                    + " pass field is ignored by getmntent", "remove it"});
        }
        return Parsed.ok(new MountEntry(decode(fields.get(0)), decode(fields.get(1)),
                Values.word(decode(fields.get(2))), options, dump, pass, origin));
    }

    /** The options as a list, each common one the shared instance. */
    private static List<String> words(String[] options) {
        for (int i = 0; i < options.length; i++) {
            options[i] = Values.word(options[i]);
        }
        return List.of(options);
    }

    /** Reads a number as sscanf's %d: optional sign, digits; text after them is left for the next field. */
    private static OptionalInt scanInt(String text) {
        int i = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        int start = i;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        if (i == start || i != text.length() || i - start > 9) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(text));
    }

    /** Decodes getmntent's escapes: \040 \011 \012 \134 and \\. */
    static String decode(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && field.startsWith("040", i + 1)) {
                out.append(' ');
                i += 3;
            } else if (c == '\\' && field.startsWith("011", i + 1)) {
                out.append('\t');
                i += 3;
            } else if (c == '\\' && field.startsWith("012", i + 1)) {
                out.append('\n');
                i += 3;
            } else if (c == '\\' && field.startsWith("134", i + 1)) {
                out.append('\\');
                i += 3;
            } else if (c == '\\' && field.startsWith("\\", i + 1)) {
                out.append('\\');
                i += 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Encodes the characters a field cannot hold. */
    static String encode(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            switch (c) {
                case ' ' -> out.append("\\040");
                case '\t' -> out.append("\\011");
                case '\n' -> out.append("\\012");
                case '\\' -> out.append("\\134");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Returns whether this is a bind mount: the {@code bind} or {@code rbind} option.
     *
     * @return whether the source is bind-mounted
     */
    public boolean isBind() {
        return options.contains("bind") || options.contains("rbind");
    }

    /**
     * Returns what LXC creates at the target before mounting.
     *
     * <pre>{@code
     * MountEntry.parse("/dev/net/tun dev/net/tun none bind,create=file").create(); // Optional[FILE]
     * }</pre>
     *
     * @return the first {@code create=dir} or {@code create=file} option, or empty
     */
    public Optional<CreateMode> create() {
        for (String o : options) {
            Optional<CreateMode> m = CreateMode.ofOption(o);
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    /**
     * Returns whether a failure of this mount is ignored: the {@code optional} option.
     *
     * @return whether the entry is optional
     */
    public boolean isOptional() {
        return options.contains("optional");
    }

    /**
     * Returns whether the source is relative to the container's root file system: the {@code relative} option.
     *
     * @return whether the source is relative
     */
    public boolean isRelative() {
        return options.contains("relative");
    }

    /**
     * Returns whether the target starts with {@code /}. LXC honours an
     * absolute target only inside the container's root file system path;
     * the usual form is relative ({@code dev/net/tun}).
     *
     * @return whether the target is absolute
     */
    public boolean isTargetAbsolute() {
        return target.startsWith("/");
    }

    /**
     * Returns the canonical value text: the fields with single blanks, characters a field cannot hold encoded.
     *
     * <pre>{@code
     * MountEntry.of("/srv/my data", "mnt/data", "none", List.of("bind")).toValue(); // "/srv/my\\040data mnt/data none bind"
     * }</pre>
     *
     * @return the value
     */
    public String toValue() {
        StringBuilder out = new StringBuilder();
        out.append(encode(source)).append(' ').append(encode(target)).append(' ').append(encode(fsType));
        if (!options.isEmpty() || dump.isPresent()) {
            out.append(' ').append(options.isEmpty() ? "defaults" : encode(String.join(",", options)));
        }
        dump.ifPresent(d -> out.append(' ').append(d));
        pass.ifPresent(p -> out.append(' ').append(p));
        return out.toString();
    }

    /**
     * Returns whether the other object is an entry with the same fields; the origin is not compared.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof MountEntry m && source.equals(m.source) && target.equals(m.target)
                && fsType.equals(m.fsType) && options.equals(m.options) && dump.equals(m.dump) && pass.equals(m.pass);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, target, fsType, options, dump, pass);
    }
}
