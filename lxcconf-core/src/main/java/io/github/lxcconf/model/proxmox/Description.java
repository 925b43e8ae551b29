package io.github.lxcconf.model.proxmox;

import io.github.lxcconf.internal.Utf8;
import io.github.lxcconf.syntax.Section;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The description of a Proxmox config section (the "Notes" of the GUI): in the
 * file, every column-0 {@code #} line of the section, wherever it is, plus any
 * {@code description:} line, URL-encoded.
 *
 * <p>Read exactly as pve-container does: each comment is URL-decoded
 * ({@code %XX}, either hex case) and UTF-8-decoded (invalid bytes become U+FFFD)
 * and followed by {@code \n}; a {@code description:} value is decoded the same way
 * and appended with no newline. {@link #encode(String)} gives the {@code #} lines
 * Proxmox writes at the top of the section on its next write.
 *
 * <pre>{@code
 * Description.decode("50%25 off %C3%BC");        // "50% off ü"
 * Description.encode("a: b\n\n");                // ["#a%3A b"]: trailing empty lines are lost
 * config.proxmox().description().text();         // the main section's notes
 * }</pre>
 *
 * @param text the decoded text; empty when the section has none
 */
public record Description(String text) {
    private static final Description EMPTY = new Description("");

    /**
     * Checks the component.
     *
     * @throws NullPointerException if the text is null
     */
    public Description {
        Objects.requireNonNull(text, "text");
    }

    /**
     * Returns the description Proxmox reads from a section: its comments in order, each decoded and
     * followed by {@code \n}, with {@code description:} values appended undecorated. A comment in a
     * CRLF file keeps its CR ({@code %0D} when written back). A description of exactly {@code "0"}
     * counts as none, as in Perl.
     *
     * @param section a section of a Proxmox config
     * @return the description, {@link #isEmpty() empty} when the section has none
     */
    public static Description of(Section section) {
        return of(SectionReader.read(section).description());
    }

    static Description of(String text) {
        return text.isEmpty() ? EMPTY : new Description(text);
    }

    /**
     * Returns whether there is no description.
     *
     * @return {@code true} when the text is empty
     */
    public boolean isEmpty() {
        return text.isEmpty();
    }

    /**
     * Returns the {@code #} lines Proxmox writes for this description.
     *
     * @return the lines, without line ends
     * @see #encode(String)
     */
    public List<String> encode() {
        return encode(text);
    }

    /**
     * Decodes one comment's text (what follows the {@code #}) or one {@code description:} value as
     * Proxmox's {@code decode_text}: every {@code %XX} (either hex case) becomes that byte, then the bytes
     * are decoded as UTF-8, each invalid sequence becoming U+FFFD. A character U+DC80-U+DCFF in the input
     * stands for the raw byte lxcconf could not decode when it read the file, and is treated as that byte.
     *
     * <pre>{@code
     * Description.decode("a%41b");   // "aAb"
     * Description.decode("50%OFF");  // "50%OFF": not an escape
     * Description.decode("%e9t%C3%A9"); // "\uFFFDté"
     * }</pre>
     *
     * @param encoded the text as written
     * @return the decoded text
     */
    public static String decode(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        byte[] in = Utf8.encode(encoded);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                bytes.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                bytes.write(in[i]);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .replaceWith("\uFFFD")
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }

    /**
     * Encodes a description into the {@code #} lines Proxmox's writer produces: the text is split on
     * LF (trailing empty pieces are dropped, as Perl's {@code split} does; leading and inner ones stay),
     * and each piece is written as {@code #} followed by its UTF-8 bytes, every byte outside
     * {@code 0x20-0x24}, {@code 0x26-0x39} and {@code 0x3B-0x7E} as upper-case {@code %XX}. An empty text
     * or {@code "0"} (false in Perl) gives no lines. A lone surrogate in the text is encoded as U+FFFD.
     *
     * <pre>{@code
     * Description.encode("tab\there\nété");  // ["#tab%09here", "#%C3%A9t%C3%A9"]
     * Description.encode("\nx");              // ["#", "#x"]
     * }</pre>
     *
     * @param text the description
     * @return the lines, each starting with {@code #}, without line ends
     */
    public static List<String> encode(String text) {
        Objects.requireNonNull(text, "text");
        List<String> out = new ArrayList<>();
        if (text.isEmpty() || text.equals("0")) {
            return out;
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (true) {
            int lf = text.indexOf('\n', start);
            if (lf < 0) {
                pieces.add(text.substring(start));
                break;
            }
            pieces.add(text.substring(start, lf));
            start = lf + 1;
        }
        while (!pieces.isEmpty() && pieces.get(pieces.size() - 1).isEmpty()) {
            pieces.remove(pieces.size() - 1);
        }
        for (String piece : pieces) {
            StringBuilder line = new StringBuilder("#");
            for (byte b : utf8(piece)) {
                int u = b & 0xFF;
                if ((u >= 0x20 && u <= 0x24) || (u >= 0x26 && u <= 0x39) || (u >= 0x3B && u <= 0x7E)) {
                    line.append((char) u);
                } else {
                    line.append('%').append(Character.toUpperCase(Character.forDigit(u >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(u & 0xF, 16)));
                }
            }
            out.add(line.toString());
        }
        return List.copyOf(out);
    }

    private static byte[] utf8(String s) {
        StringBuilder clean = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                clean.append(c).append(s.charAt(++i));
            } else {
                clean.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return clean.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
