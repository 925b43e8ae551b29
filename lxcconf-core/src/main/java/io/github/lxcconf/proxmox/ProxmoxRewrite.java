package io.github.lxcconf.proxmox;

import io.github.lxcconf.internal.SpecFiles;
import io.github.lxcconf.internal.proxmox.Checks;
import io.github.lxcconf.internal.proxmox.OptionLines;
import io.github.lxcconf.internal.proxmox.Reports;

import io.github.lxcconf.Diagnostic;
import io.github.lxcconf.DiagnosticCode;
import io.github.lxcconf.LxcConfig;
import io.github.lxcconf.Severity;
import io.github.lxcconf.model.proxmox.Description;
import io.github.lxcconf.model.proxmox.OptionSchema;
import io.github.lxcconf.model.proxmox.ProxmoxOptions;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Proxmox VE writes back for a container config on its next write ({@code pct set}, a GUI
 * change, a backup lock, a snapshot): its {@code parse_pct_config} followed by
 * {@code write_pct_config}, with the warnings its reader prints and diagnostics that say, line by
 * line, what that rewrite will do to the file.
 *
 * <p>The rewrite works on the file's bytes as Proxmox does (split on LF only; a CR stays part of
 * the line). It follows the rules of the Proxmox format: comments and {@code description:} values
 * become {@code #} lines at the top of their section, options are sorted as byte strings, booleans
 * and integers are normalised, other values are kept as written (also when their check fails),
 * {@code lxc.environment.runtime} lines come first among the raw lines, refused raw keys and
 * unparsable lines are dropped, blank lines vanish, the pending section comes first and the
 * snapshots follow sorted by name. A config whose write makes Proxmox crash (an option
 * {@code pending}, {@code snapshots} or {@code lxc} stored as a plain string) is
 * {@linkplain #refusal() refused}.
 *
 * <p>The VMID of the warnings ({@code vm <VMID> - ...}) comes from the source name
 * {@code <digits>.conf}, else it is 100.
 *
 * <pre>{@code
 * ProxmoxRewrite r = config.proxmoxRewrite();
 * r.text();          // the file as Proxmox will write it
 * r.warnings();      // ["vm 100 - unable to parse config: Cores: 2", ...]
 * r.diagnostics();   // PVE201..PVE204: comments that move, lines dropped, lines in a snapshot
 * }</pre>
 */
public final class ProxmoxRewrite {
    private static final Set<DiagnosticCode> VALUE_CODES = EnumSet.of(DiagnosticCode.PVE_UNKNOWN_OPTION,
            DiagnosticCode.PVE_TYPE_CHECK, DiagnosticCode.PVE_MALFORMED_PROPERTY_STRING,
            DiagnosticCode.PVE_INVALID_PROPERTY);
    private static final Set<String> SKIPPED = Set.of("digest", "description", "pending", "snapshots", "snapname",
            "env", "lxc");
    private static final String PENDING = "pve:pending";
    private static final Pattern VMID = Pattern.compile("(?:^|.*[/\\\\])(\\d+)\\.conf");

    // the rules of the parser, applied to a line split on LF (no line terminator inside)
    private static final Pattern BLANK = Pattern.compile("\\s*");
    private static final Pattern PENDING_HEADER = Pattern.compile("\\[pve:pending\\]\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SNAPSHOT_HEADER = Pattern.compile("\\[([a-z][a-z0-9_\\-]+)\\]\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENT = Pattern.compile("#(.*)", Pattern.DOTALL);
    // the key and separator of a raw line; the value (\s*(.*?)\s*) is read by OptionLines in linear time
    private static final Pattern RAW = Pattern.compile("(lxc\\.[a-z0-9_.\\-]+)(?::|\\s*=)");
    private static final Pattern DESCRIPTION = Pattern.compile("description:\\s*(.*\\S)\\s*", Pattern.DOTALL);
    private static final Pattern SNAPSTATE = Pattern.compile("snapstate:\\s*(prepare|delete)\\s*\\z");
    private static final Pattern DELETE = Pattern.compile("delete:\\s*(.*\\S)\\s*", Pattern.DOTALL);
    private static final Set<String> SNAPSHOT_KEYS = Set.of("snaptime", "snapstate", "parent", "vmstate");
    private static final Pattern UNUSED = Pattern.compile("unused\\d+");
    private static final Pattern MOUNT = Pattern.compile("mp\\d+|rootfs");

    private static final RawKeys RAW_KEYS = RawKeys.load();

    private final Optional<byte[]> bytes;
    private final Optional<String> refusal;
    private final List<String> warnings;
    private final List<Diagnostic> diagnostics;
    private final int vmid;

    private ProxmoxRewrite(Optional<byte[]> bytes, Optional<String> refusal, List<String> warnings,
                           List<Diagnostic> diagnostics, int vmid) {
        this.bytes = bytes;
        this.refusal = refusal;
        this.warnings = List.copyOf(warnings);
        this.diagnostics = List.copyOf(diagnostics);
        this.vmid = vmid;
    }

    /**
     * Computes the rewrite of a parsed config from its original bytes and source name.
     *
     * @param config the config
     * @return what Proxmox would write back
     */
    public static ProxmoxRewrite of(LxcConfig config) {
        Objects.requireNonNull(config, "config");
        return of(config.sourceName(), config.toBytes());
    }

    /**
     * Computes the rewrite of a file's bytes.
     *
     * @param sourceName the file name (its {@code <digits>.conf} gives the VMID of the warnings)
     * @param content    the bytes of the file
     * @return what Proxmox would write back
     */
    public static ProxmoxRewrite of(String sourceName, byte[] content) {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(content, "content");
        Matcher m = VMID.matcher(sourceName);
        int vmid = m.matches() && m.group(1).length() < 10 ? Integer.parseInt(m.group(1)) : 100;
        return new Reader(sourceName, vmid).read(content);
    }

    /**
     * Returns the VMID used in the warnings.
     *
     * @return the VMID from the file name, or 100
     */
    public int vmid() {
        return vmid;
    }

    /**
     * Returns the bytes Proxmox writes.
     *
     * @return a copy of the bytes
     * @throws ProxmoxRewriteRefusedException when Proxmox cannot write this config
     */
    public byte[] bytes() {
        return bytes.orElseThrow(() -> new ProxmoxRewriteRefusedException(refusal.orElseThrow())).clone();
    }

    /**
     * Returns the text Proxmox writes, decoded as UTF-8 (use {@link #bytes()} for files that are not
     * valid UTF-8).
     *
     * @return the text
     * @throws ProxmoxRewriteRefusedException when Proxmox cannot write this config
     */
    public String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /**
     * Returns why Proxmox cannot write this config, if it cannot.
     *
     * @return the reason, or empty when the rewrite succeeds
     */
    public Optional<String> refusal() {
        return refusal;
    }

    /**
     * Returns the warnings Proxmox prints while reading the file, in its order and its words
     * ({@code vm <VMID> - message}); a format error of a property string keeps its continuation
     * lines after a {@code \n}.
     *
     * @return the warnings, empty when Proxmox prints none
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Returns what the next write will do to the file, line by line: comments that move into the
     * description (PVE201), lines that are dropped (PVE202), lines below a snapshot header that
     * belong to that snapshot (PVE203), blank lines that vanish (PVE204, once per file, on the first;
     * the single empty line right before a section header is not counted, since Proxmox writes it).
     *
     * @return the diagnostics, in line order
     */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    @Override
    public String toString() {
        return "ProxmoxRewrite[vm " + vmid + ", " + (refusal.isPresent() ? "refused" : bytes.get().length + " bytes")
                + ", " + warnings.size() + " warnings, " + diagnostics.size() + " diagnostics]";
    }

    // ------------------------------------------------------------------ the parser

    /** One section as Proxmox stores it. */
    private static final class Conf {
        final String name; // null for main
        final int headerLine;
        final StringBuilder descriptionBuffer = new StringBuilder();
        String description = "";
        final Map<String, String> options = new HashMap<>();
        final List<String[]> raw = new ArrayList<>();
        String env; // null when unset
        final List<Integer> lines = new ArrayList<>(); // line numbers of the section's lines

        Conf(String name, int headerLine) {
            this.name = name;
            this.headerLine = headerLine;
        }

        void close() {
            String d = descriptionBuffer.toString();
            if (!d.isEmpty() && !d.equals("0")) {
                description = d;
            }
        }

        boolean isEmpty() {
            return description.isEmpty() && options.isEmpty() && raw.isEmpty() && env == null;
        }
    }

    /** A classified line of the file. */
    private enum Kind { BLANK, HEADER, COMMENT, RAW, RAW_DROPPED, DESCRIPTION, OPTION, DELETE, DROPPED }

    private record Parsed(int number, Kind kind, String key, String value) {
    }

    private static final class Reader {
        private final String source;
        private final int vmid;
        private final List<String> warnings = new ArrayList<>();
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private final List<Conf> sectionsInFileOrder = new ArrayList<>();
        private final Map<Conf, List<Parsed>> parsedBySection = new LinkedHashMap<>();

        Reader(String source, int vmid) {
            this.source = source;
            this.vmid = vmid;
        }

        private void warn(String message) {
            warnings.add("vm " + vmid + " - " + message);
        }

        private void diag(DiagnosticCode code, int line, String message, String hint) {
            diagnostics.add(new Diagnostic(code.defaultSeverity(), code, message, Optional.ofNullable(hint),
                    source, line, 1));
        }

        ProxmoxRewrite read(byte[] content) {
            // bytes as chars one to one, so values are written back byte for byte
            String all = new String(content, StandardCharsets.ISO_8859_1);
            String[] lines = all.split("\n", -1);
            int count = lines.length;
            if (count > 0 && lines[count - 1].isEmpty()) {
                count--;
            }
            Conf main = new Conf(null, 0);
            Conf current = main;
            Conf pending = null;
            Map<String, Conf> snapshots = new TreeMap<>();
            String mainPendingString = null;
            sectionsInFileOrder.add(main);
            parsedBySection.put(main, new ArrayList<>());
            List<Integer> blanks = new ArrayList<>(); // blank lines Proxmox does not write back
            for (int i = 0; i < count; i++) {
                String line = lines[i];
                int number = i + 1;
                List<Parsed> parsed = parsedBySection.get(current);
                Matcher m;
                OptionLines.Option option;
                boolean header = PENDING_HEADER.matcher(line).matches() || SNAPSHOT_HEADER.matcher(line).matches();
                if (header && i > 0 && BLANK.matcher(lines[i - 1]).matches()
                        && (i == 1 || !BLANK.matcher(lines[i - 2]).matches())) {
                    blanks.remove(Integer.valueOf(i)); // the one empty line Proxmox writes before a header
                }
                if (BLANK.matcher(line).matches()) {
                    blanks.add(number);
                    parsed.add(new Parsed(number, Kind.BLANK, "", ""));
                } else if (PENDING_HEADER.matcher(line).matches()) {
                    current.close();
                    current = new Conf(PENDING, number);
                    pending = current;
                    sectionsInFileOrder.add(current);
                    parsedBySection.put(current, new ArrayList<>());
                } else if ((m = SNAPSHOT_HEADER.matcher(line)).matches()) {
                    current.close();
                    current = new Conf(m.group(1), number);
                    snapshots.put(m.group(1), current); // a second section of that name replaces the first
                    sectionsInFileOrder.add(current);
                    parsedBySection.put(current, new ArrayList<>());
                } else if ((m = COMMENT.matcher(line)).matches()) {
                    current.descriptionBuffer.append(Description.decode(utf8(m.group(1)))).append('\n');
                    parsed.add(new Parsed(number, Kind.COMMENT, "", m.group(1)));
                } else if ((m = RAW.matcher(line)).lookingAt()) {
                    int[] v = OptionLines.trimmed(line, m.end());
                    rawLine(current, parsed, number, line, m.group(1), line.substring(v[0], v[1]));
                } else if ((m = DESCRIPTION.matcher(line)).matches()) {
                    current.descriptionBuffer.append(Description.decode(utf8(m.group(1))));
                    parsed.add(new Parsed(number, Kind.DESCRIPTION, "description", m.group(1)));
                } else if ((m = SNAPSTATE.matcher(line)).find()) {
                    current.options.put("snapstate", m.group(1));
                    parsed.add(new Parsed(number, Kind.OPTION, "snapstate", m.group(1)));
                } else if ((m = DELETE.matcher(line)).matches()) {
                    if (current == pending) {
                        current.options.put("delete", m.group(1));
                        parsed.add(new Parsed(number, Kind.DELETE, "delete", m.group(1)));
                    } else {
                        warn("property 'delete' is only allowed in [pve:pending]");
                        diag(DiagnosticCode.PVE_LINE_DROPPED, number,
                                "Proxmox drops this line on its next write: 'delete' is only allowed in [pve:pending]",
                                "remove the line, or put it below [pve:pending]");
                        parsed.add(new Parsed(number, Kind.DROPPED, "delete", m.group(1)));
                    }
                } else if ((option = OptionLines.option(line)) != null) {
                    String key = option.key();
                    String value = valueWarnings(key, option.value());
                    if (key.equals("env")) {
                        current.env = value;
                    } else {
                        current.options.put(key, value);
                    }
                    if (current == main && key.equals("pending")) {
                        mainPendingString = value;
                    }
                    parsed.add(new Parsed(number, Kind.OPTION, key, value));
                } else {
                    warn("unable to parse config: " + line);
                    diag(DiagnosticCode.PVE_LINE_DROPPED, number,
                            "Proxmox drops this line on its next write: it cannot parse it",
                            "keys are lower case in column 0, followed directly by ':'; comments start with '#'"
                                    + " in column 0; a snapshot name has at least two characters");
                    parsed.add(new Parsed(number, Kind.DROPPED, "", line));
                }
            }
            current.close();
            main.options.remove("snapstate");
            if (!blanks.isEmpty()) {
                diag(DiagnosticCode.PVE_BLANK_LINES_VANISH, blanks.get(0), blanks.size() == 1
                                ? "Proxmox removes this blank line on its next write"
                                : "Proxmox removes the " + blanks.size() + " blank lines of this file on its next write",
                        "Proxmox writes one empty line before each section header and no other");
            }
            commentDiagnostics();
            snapshotDiagnostics(main, snapshots);
            diagnostics.sort(Reports.IN_LINE_ORDER);

            Optional<String> refusal = refusal(main, pending, snapshots, mainPendingString);
            if (refusal.isPresent()) {
                return new ProxmoxRewrite(Optional.empty(), refusal, warnings, diagnostics, vmid);
            }
            dropUnusedStillInUse(main);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(out, main);
            if (pending != null && !pending.isEmpty()) {
                write(out, "\n[" + PENDING + "]\n");
                write(out, pending);
            }
            for (Conf snapshot : snapshots.values()) {
                write(out, "\n[" + snapshot.name + "]\n");
                write(out, snapshot);
            }
            return new ProxmoxRewrite(Optional.of(out.toByteArray()), Optional.empty(), warnings, diagnostics, vmid);
        }

        private void rawLine(Conf conf, List<Parsed> parsed, int number, String line, String key, String value) {
            if (key.equals("lxc.environment.runtime")) {
                conf.env = conf.env == null ? value : conf.env + "\0" + value;
                parsed.add(new Parsed(number, Kind.RAW, key, value));
                return;
            }
            RawKeys.Verdict verdict = RAW_KEYS.verdict(key);
            verdict.warning().ifPresent(w -> warn(w));
            if (verdict.kept()) {
                conf.raw.add(new String[] {key, value});
                parsed.add(new Parsed(number, Kind.RAW, key, value));
            } else {
                if (verdict.warning().isEmpty()) {
                    warn("unable to parse config: " + line);
                }
                diag(DiagnosticCode.PVE_LINE_DROPPED, number, "Proxmox drops this raw key on its next write: "
                                + verdict.warning().map(w -> w.substring(w.indexOf(": ") + 2))
                                .orElse(key + " is not a raw key Proxmox allows"),
                        verdict.warning().isPresent() ? "remove the line; Proxmox generates this setting itself"
                                : "Proxmox allows only the raw keys of its list; set this in another way or accept"
                                + " that the line is lost");
                parsed.add(new Parsed(number, Kind.RAW_DROPPED, key, value));
            }
        }

        /** Runs Proxmox's read-time check, prints its warnings, and returns the value Proxmox stores. */
        private String valueWarnings(String key, String value) {
            List<Diagnostic> found = ProxmoxOptions.check(key, value).stream()
                    .filter(d -> d.severity() == Severity.WARNING && VALUE_CODES.contains(d.code()))
                    .toList();
            if (found.isEmpty()) {
                return normalize(key, value);
            }
            String formatError = "unable to parse value of '" + key + "' - format error: ";
            StringBuilder grouped = null;
            for (Diagnostic d : found) {
                if (d.code() == DiagnosticCode.PVE_INVALID_PROPERTY && d.message().startsWith(formatError)) {
                    if (grouped == null) {
                        grouped = new StringBuilder("unable to parse value of '" + key + "' - format error");
                    }
                    grouped.append('\n').append(d.message().substring(formatError.length()));
                } else {
                    warn(d.message());
                }
            }
            if (grouped != null) {
                warn(grouped.toString());
            }
            return value;
        }

        private static String normalize(String key, String value) {
            Optional<OptionSchema.Option> option = OptionSchema.proxmox().option(key);
            if (option.isEmpty()) {
                return value;
            }
            if (option.get().type() == OptionSchema.ValueType.BOOLEAN) {
                return Checks.parseBoolean(value).map(b -> b ? "1" : "0").orElse(value);
            }
            if (option.get().type() == OptionSchema.ValueType.INTEGER && Checks.isDigits(value)) {
                return new java.math.BigInteger(value).toString();
            }
            return value;
        }

        private static Optional<String> refusal(Conf main, Conf pending, Map<String, Conf> snapshots,
                                                String mainPendingString) {
            String crash = "Proxmox cannot write this config: its writer crashes on the option '%s', which it"
                    + " stores as a plain string; remove that line";
            if (mainPendingString != null && pending == null) {
                return Optional.of(String.format(crash, "pending"));
            }
            if (main.options.containsKey("snapshots")) {
                return Optional.of(String.format(crash, "snapshots"));
            }
            if (main.options.containsKey("lxc")) {
                return Optional.of(String.format(crash, "lxc"));
            }
            for (Conf c : snapshots.values()) {
                if (c.options.containsKey("lxc")) {
                    return Optional.of(String.format(crash, "lxc"));
                }
            }
            if (pending != null && pending.options.containsKey("lxc")) {
                return Optional.of(String.format(crash, "lxc"));
            }
            return Optional.empty();
        }

        /** An {@code unusedN} whose volume is still used by the main rootfs or an mpN is dropped. */
        private static void dropUnusedStillInUse(Conf main) {
            Set<String> used = new HashSet<>();
            main.options.forEach((k, v) -> {
                if (MOUNT.matcher(k).matches()) {
                    volume(v).filter(vol -> !vol.startsWith("/")).ifPresent(used::add);
                }
            });
            main.options.entrySet().removeIf(e -> UNUSED.matcher(e.getKey()).matches() && used.contains(e.getValue()));
        }

        private static Optional<String> volume(String propertyString) {
            for (String part : propertyString.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                if (!part.contains("=")) {
                    return Optional.of(part);
                }
                if (part.startsWith("volume=")) {
                    return Optional.of(part.substring("volume=".length()));
                }
            }
            return Optional.empty();
        }

        private static void write(ByteArrayOutputStream out, Conf conf) {
            StringBuilder s = new StringBuilder();
            if (!conf.description.isEmpty()) {
                for (String line : Description.encode(conf.description)) {
                    s.append(line).append('\n');
                }
            }
            String[] keys = conf.options.keySet().stream().filter(k -> !SKIPPED.contains(k)).sorted()
                    .toArray(String[]::new);
            StringBuilder body = new StringBuilder();
            for (String key : keys) {
                body.append(key).append(": ").append(conf.options.get(key)).append('\n');
            }
            if (conf.env != null) {
                for (String e : perlSplit(conf.env, '\0')) {
                    body.append("lxc.environment.runtime: ").append(e).append('\n');
                }
            }
            for (String[] raw : conf.raw) {
                body.append(raw[0]).append(": ").append(raw[1]).append('\n');
            }
            // the description is text (UTF-8 already escaped to ASCII); the rest are the file's bytes
            out.writeBytes(s.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(body.toString().getBytes(StandardCharsets.ISO_8859_1));
        }

        private static void write(ByteArrayOutputStream out, String ascii) {
            out.writeBytes(ascii.getBytes(StandardCharsets.ISO_8859_1));
        }

        /** Perl's {@code split /X/}: trailing empty fields are dropped. */
        private static List<String> perlSplit(String text, char separator) {
            List<String> parts = new ArrayList<>(Arrays.asList(text.split(Pattern.quote(String.valueOf(separator)), -1)));
            while (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
                parts.remove(parts.size() - 1);
            }
            return parts;
        }

        private static String utf8(String latin1) {
            return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        }

        // -------------------------------------------------------------- diagnostics

        /** PVE201: a comment that has a kept key, a description: line or a dropped line above it in its section. */
        private void commentDiagnostics() {
            for (Map.Entry<Conf, List<Parsed>> e : parsedBySection.entrySet()) {
                Conf conf = e.getKey();
                boolean atTop = true;
                for (Parsed p : e.getValue()) {
                    if (p.kind() == Kind.COMMENT) {
                        if (!atTop) {
                            diag(DiagnosticCode.PVE_COMMENT_MOVES, p.number(), "Proxmox will move this comment into "
                                    + where(conf) + " on its next write", "comments are not comments for Proxmox:"
                                    + " every '#' line becomes part of the description, written at the top of its"
                                    + " section; put notes at the top, or expect them there");
                        }
                    } else if (p.kind() != Kind.BLANK) {
                        atTop = false;
                    }
                }
            }
        }

        private static String where(Conf conf) {
            if (conf.name == null) {
                return "the container's Notes (description)";
            }
            if (conf.name.equals(PENDING)) {
                return "the pending description";
            }
            return "the description of snapshot [" + conf.name + "]";
        }

        /**
         * PVE203, for each snapshot section: every kept line after the first place where the section
         * leaves the order Proxmox writes (a blank line followed by more lines, a comment after a key,
         * an option not sorted after the one before it, an option after a raw line); and every raw
         * {@code lxc.*} line after the section's {@code snaptime} that the main section does not also
         * have (Proxmox copies the main section's raw lines into a snapshot when it takes it). The keys
         * Proxmox itself writes into a snapshot ({@code snaptime}, {@code snapstate}, {@code parent},
         * {@code vmstate}) are never flagged and do not break the order.
         */
        private void snapshotDiagnostics(Conf main, Map<String, Conf> snapshots) {
            Set<String> mainRaw = new HashSet<>();
            for (Parsed p : parsedBySection.get(main)) {
                if (p.kind() == Kind.RAW) {
                    mainRaw.add(p.key() + "\0" + p.value());
                }
            }
            for (Map.Entry<Conf, List<Parsed>> e : parsedBySection.entrySet()) {
                Conf conf = e.getKey();
                if (conf.name == null || conf.name.equals(PENDING)) {
                    continue;
                }
                boolean broken = false;
                boolean sawBlank = false;
                boolean sawKey = false;
                boolean sawRaw = false;
                boolean afterSnaptime = false;
                String previousOption = null;
                for (Parsed p : e.getValue()) {
                    Kind k = p.kind();
                    if (k == Kind.BLANK) {
                        sawBlank = true;
                        continue;
                    }
                    boolean isOption = k == Kind.OPTION || k == Kind.DESCRIPTION || k == Kind.DELETE;
                    if (isOption && SNAPSHOT_KEYS.contains(p.key())) {
                        sawKey = true; // written by Proxmox itself, never appended by hand, but sorted in
                        previousOption = p.key();
                        afterSnaptime |= p.key().equals("snaptime");
                        continue;
                    }
                    if (!broken) {
                        broken = sawBlank
                                || (k == Kind.COMMENT && (sawKey || sawRaw))
                                || (isOption && (sawRaw || (previousOption != null
                                && p.key().compareTo(previousOption) <= 0)));
                    }
                    boolean unknownRaw = k == Kind.RAW && afterSnaptime
                            && !mainRaw.contains(p.key() + "\0" + p.value());
                    if ((broken && k != Kind.DROPPED && k != Kind.RAW_DROPPED) || unknownRaw) {
                        diag(DiagnosticCode.PVE_LINE_IN_SNAPSHOT, p.number(), "this line is below [" + conf.name
                                        + "] and belongs to that snapshot, not to the running container",
                                "move it above the first snapshot header (line " + firstSnapshotHeader()
                                        + ") if it is meant for the container");
                    }
                    if (isOption) {
                        sawKey = true;
                        previousOption = p.key();
                        if (p.key().equals("snaptime")) {
                            afterSnaptime = true;
                        }
                    } else if (k == Kind.RAW) {
                        sawRaw = true;
                    }
                }
            }
        }

        private int firstSnapshotHeader() {
            return sectionsInFileOrder.stream().filter(c -> c.name != null).mapToInt(c -> c.headerLine).min()
                    .orElse(1);
        }
    }

    // ------------------------------------------------------------------ raw keys

    /** Proxmox's verdict on raw {@code lxc.*} keys, loaded from {@code proxmox-raw-lxc-keys.tsv}. */
    private static final class RawKeys {
        record Verdict(boolean kept, Optional<String> warning) {
        }

        private final Map<String, String> deprecated = new HashMap<>();
        private final Set<String> allowed = new HashSet<>();
        private final Map<String, String> fixedError = new HashMap<>();
        private final List<String> allowedPrefixes = new ArrayList<>();
        private String limitMessage = "lxc.limit.* was renamed to lxc.prlimit.*";
        private String cgroupMessage = "<key> is deprecated, this will be a hard error in the future!";

        static RawKeys load() {
            RawKeys keys = new RawKeys();
            try (InputStream in = SpecFiles.open("proxmox-raw-lxc-keys.tsv")) {
                if (in == null) {
                    throw new IllegalStateException("missing resource proxmox-raw-lxc-keys.tsv");
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                r.readLine(); // header
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String[] f = line.split("\t", -1);
                    if (f.length < 4) {
                        continue;
                    }
                    String key = f[0];
                    String match = f[1];
                    String status = f[2];
                    String message = f[3];
                    if (match.equals("exact")) {
                        if (status.startsWith("allowed-with-warning")) {
                            keys.deprecated.put(key, message);
                        } else if (status.startsWith("allowed")) {
                            keys.allowed.add(key);
                        } else if (status.startsWith("rejected (error message")) {
                            keys.fixedError.put(key, message);
                        } else if (status.equals("special")) {
                            keys.allowed.add(key);
                        }
                    } else if (match.equals("prefix") && key.endsWith("*")) {
                        String prefix = key.substring(0, key.length() - 1);
                        if (prefix.equals("lxc.limit.")) {
                            keys.limitMessage = message;
                        } else if (prefix.equals("lxc.cgroup.")) {
                            keys.cgroupMessage = message;
                        } else if (status.equals("allowed")) {
                            keys.allowedPrefixes.add(prefix);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return keys;
        }

        /** The checks in Proxmox's order; the first that matches wins. */
        Verdict verdict(String key) {
            if (key.startsWith("lxc.limit.")) {
                return new Verdict(true, Optional.of(key + ": " + limitMessage));
            }
            if (deprecated.containsKey(key)) {
                return new Verdict(true, Optional.of(deprecated.get(key)));
            }
            if (allowed.contains(key)) {
                return new Verdict(true, Optional.empty());
            }
            if (fixedError.containsKey(key)) {
                return new Verdict(false, Optional.of(key + ": " + fixedError.get(key)));
            }
            if (key.startsWith("lxc.cgroup.")) {
                return new Verdict(true, Optional.of(cgroupMessage.replace("<key>", key)));
            }
            for (String prefix : allowedPrefixes) {
                if (key.startsWith(prefix)) {
                    return new Verdict(true, Optional.empty());
                }
            }
            return new Verdict(false, Optional.empty());
        }
    }
}
