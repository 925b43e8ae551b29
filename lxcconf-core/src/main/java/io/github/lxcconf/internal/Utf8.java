package io.github.lxcconf.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes to text and back without loss. Valid UTF-8 is decoded as UTF-8. Each
 * byte that is not part of valid UTF-8 becomes the lone surrogate
 * {@code U+DC00 + byte} (Python's "surrogateescape"), which no valid UTF-8 can
 * produce, and {@link #encode} turns it back into that byte. So a Latin-1
 * comment in an otherwise UTF-8 file loads, edits and writes back unchanged.
 */
public final class Utf8 {
    private Utf8() {
    }

    /**
     * The decoded text and where the first invalid byte was, or -1.
     *
     * @param text             the text, invalid bytes escaped
     * @param firstInvalidByte byte offset of the first invalid byte in the input, or -1
     */
    public record Decoded(String text, int firstInvalidByte) {
    }

    /**
     * Decodes bytes, escaping invalid ones.
     *
     * @param bytes the file's bytes
     * @return the text and where the first invalid byte was
     */
    public static Decoded decode(byte[] bytes) {
        // The String constructor decodes straight into the string's own array (one byte a character for
        // ASCII and Latin-1 text), where a CharsetDecoder first fills a char buffer twice the file's size.
        // It replaces each invalid byte with U+FFFD, so a text without U+FFFD was valid; a text with one is
        // decoded again strictly, since the file may hold U+FFFD itself.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return new Decoded(text, -1);
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return new Decoded(strict.decode(ByteBuffer.wrap(bytes)).toString(), -1);
        } catch (CharacterCodingException e) {
            return decodeEscaping(bytes, strict.reset());
        }
    }

    private static Decoded decodeEscaping(byte[] bytes, CharsetDecoder decoder) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 16);
        int firstByte = -1;
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isUnderflow()) {
                r = decoder.flush(out);
                if (r.isUnderflow()) {
                    break;
                }
            }
            if (r.isOverflow()) {
                CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2);
                out.flip();
                bigger.put(out);
                out = bigger;
                continue;
            }
            // malformed or unmappable: escape each offending byte
            if (firstByte < 0) {
                firstByte = in.position();
            }
            for (int i = 0; i < r.length(); i++) {
                if (!out.hasRemaining()) {
                    CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2);
                    out.flip();
                    bigger.put(out);
                    out = bigger;
                }
                out.put((char) (0xDC00 | (in.get() & 0xFF)));
            }
        }
        out.flip();
        return new Decoded(out.toString(), firstByte);
    }

    /**
     * Encodes text as UTF-8, turning escaped bytes back into those bytes.
     *
     * @param text the text
     * @return the bytes
     */
    public static byte[] encode(String text) {
        int n = text.length();
        boolean surrogates = false;
        for (int i = 0; i < n; i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                surrogates = true;
                break;
            }
        }
        if (!surrogates) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(n + 16);
        int i = 0;
        while (i < n) {
            char ch = text.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                byte[] b = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                i += 2;
            } else if (ch >= 0xDC80 && ch <= 0xDCFF) {
                out.write(ch & 0xFF);
                i++;
            } else {
                int j = i + 1;
                while (j < n && !Character.isSurrogate(text.charAt(j))) {
                    j++;
                }
                byte[] b = text.substring(i, j).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                i = j;
            }
        }
        return out.toByteArray();
    }
}
