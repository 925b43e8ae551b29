package io.github.lxcconf.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DiffsTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String diff(String name, String before, String after) {
        return new String(Diffs.unified(name, bytes(before), bytes(after)), StandardCharsets.ISO_8859_1);
    }

    @Test
    void diffOfEqualTextsIsEmpty() {
        assertThat(Diffs.unified("a", bytes("x\n"), bytes("x\n"))).isEmpty();
        assertThat(Diffs.unified("a", bytes(""), bytes(""))).isEmpty();
    }

    @Test
    void marksAMissingLineEndAndKeepsThreeLinesOfContext() {
        assertThat(diff("/etc/c", "1\n2\n3\n4\n5\n6\n7\n8", "1\n2\n3\n4\n5\n6\n7\n8\n"))
                .isEqualTo("--- a/etc/c\n+++ b/etc/c\n@@ -5,4 +5,4 @@\n 5\n 6\n 7\n"
                        + "-8\n\\ No newline at end of file\n+8\n");
    }

    @Test
    void printsRangesAsDiffDoes() {
        assertThat(diff("c", "a\nb\n", "a\nx\nb\n")).isEqualTo("--- a/c\n+++ b/c\n@@ -1,2 +1,3 @@\n a\n+x\n b\n");
        assertThat(diff("c", "a\n", "b\n")).isEqualTo("--- a/c\n+++ b/c\n@@ -1 +1 @@\n-a\n+b\n");
        assertThat(diff("c", "", "b\n")).isEqualTo("--- a/c\n+++ b/c\n@@ -0,0 +1 @@\n+b\n");
        assertThat(diff("c", "a\n", "")).isEqualTo("--- a/c\n+++ b/c\n@@ -1 +0,0 @@\n-a\n");
    }

    @Test
    void keepsCarriageReturnsAndBytesThatAreNotUtf8() {
        assertThat(diff("c", "# caf\u00e9\r\nx = 1\r\n", "# caf\u00e9\r\nx = 2\r\n"))
                .isEqualTo("--- a/c\n+++ b/c\n@@ -1,2 +1,2 @@\n # caf\u00e9\r\n-x = 1\r\n+x = 2\r\n");
    }

    @Test
    void separateChangesMakeSeparateHunksAndCloseOnesOne() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            before.append(i).append('\n');
        }
        String after = before.toString().replace("\n2\n", "\nTWO\n").replace("\n9\n", "\nNINE\n")
                .replace("\n17\n", "\nSEVENTEEN\n");
        assertThat(diff("c", before.toString(), after))
                .contains("@@ -1,12 +1,12 @@\n 1\n-2\n+TWO\n", "@@ -14,7 +14,7 @@\n 14\n 15\n 16\n-17\n+SEVENTEEN\n");
    }

    /** Random edits of random texts: the diff, applied, gives the new text exactly. */
    @Test
    void appliedDiffsGiveTheNewTextExactly() {
        Random random = new Random(15);
        for (int round = 0; round < 500; round++) {
            List<String> lines = new ArrayList<>();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                lines.add(word(random) + "\n");
            }
            List<String> edited = new ArrayList<>(lines);
            for (int e = random.nextInt(6); e > 0; e--) {
                int at = edited.isEmpty() ? 0 : random.nextInt(edited.size());
                switch (random.nextInt(3)) {
                    case 0 -> edited.add(at, word(random) + "\n");
                    case 1 -> { if (!edited.isEmpty()) edited.remove(at); }
                    default -> { if (!edited.isEmpty()) edited.set(at, word(random) + "\n"); }
                }
            }
            String before = String.join("", lines);
            String after = String.join("", edited);
            if (random.nextBoolean() && after.endsWith("\n")) {
                after = after.substring(0, after.length() - 1);
            }
            String diff = diff("c", before, after);
            assertThat(diff.isEmpty()).isEqualTo(before.equals(after));
            assertThat(apply(before, diff)).as("%s -> %s%n%s", before, after, diff).isEqualTo(after);
        }
    }

    private static String word(Random random) {
        String[] words = {"a", "b", "c", "", "lxc.x = 1", "\u00e9"};
        return words[random.nextInt(words.length)];
    }

    /** Applies a unified diff strictly: every context and removed line must match. */
    static String apply(String before, String diff) {
        List<String> old = split(before);
        List<String> out = new ArrayList<>();
        List<String> patch = split(diff);
        int at = 0;
        int p = 2;
        while (p < patch.size()) {
            String header = patch.get(p++);
            assertThat(header).startsWith("@@ -");
            String range = header.substring(4, header.indexOf(' ', 4));
            int start = Integer.parseInt(range.split(",")[0]);
            int count = range.contains(",") ? Integer.parseInt(range.split(",")[1]) : 1;
            int from = count == 0 ? start : start - 1;
            while (at < from) {
                out.add(old.get(at++));
            }
            while (p < patch.size() && !patch.get(p).startsWith("@@")) {
                String line = patch.get(p++);
                if (p < patch.size() && patch.get(p).equals("\\ No newline at end of file\n")) {
                    line = line.substring(0, line.length() - 1);
                    p++;
                }
                char kind = line.charAt(0);
                String text = line.substring(1);
                if (kind == ' ' || kind == '-') {
                    assertThat(old.get(at)).isEqualTo(text);
                    at++;
                }
                if (kind == ' ' || kind == '+') {
                    out.add(text);
                }
            }
        }
        while (at < old.size()) {
            out.add(old.get(at++));
        }
        return String.join("", out);
    }

    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int lf = text.indexOf('\n', start);
            int end = lf < 0 ? text.length() : lf + 1;
            out.add(text.substring(start, end));
            start = end;
        }
        return out;
    }

    /** What {@link Diffs#print} writes for two configs, or for two byte arrays. */
    private static byte[] printed(java.util.function.Consumer<Context> print) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Context context = new Context(java.io.InputStream.nullInputStream(), new java.io.PrintStream(out, true),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), java.util.Map.of(), false, Hooks.NONE);
        print.accept(context);
        context.flush();
        return out.toByteArray();
    }

    private static byte[] config(List<String> lines, boolean bom) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        if (bom) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        for (String line : lines) {
            out.writeBytes(bytes(line));
        }
        return out.toByteArray();
    }

    @Test
    void configsAreDiffedAsTheirBytesAre() {
        // lone CRs (which do not end a diff line), CRLF, a missing last line end, a Latin-1 byte, a byte-order mark
        String[] contents = {"lxc.arch = amd64", "lxc.uts.name = web", "# caf\u00e9", "", "  ", "lxc.tty.max = 1"};
        String[] ends = {"\n", "\n", "\r\n", "\r", ""};
        Random random = new Random(17);
        for (int round = 0; round < 400; round++) {
            List<String> before = new ArrayList<>();
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) {
                before.add(contents[random.nextInt(contents.length)] + ends[random.nextInt(ends.length)]);
            }
            List<String> after = new ArrayList<>(before);
            for (int k = random.nextInt(4); k > 0; k--) {
                int at = random.nextInt(after.size() + 1);
                String line = contents[random.nextInt(contents.length)] + ends[random.nextInt(ends.length)];
                switch (random.nextInt(3)) {
                    case 0 -> after.add(at, line);
                    case 1 -> {
                        if (at < after.size()) {
                            after.remove(at);
                        }
                    }
                    default -> {
                        if (at < after.size()) {
                            after.set(at, line);
                        }
                    }
                }
            }
            boolean bom = random.nextInt(5) == 0;
            io.github.lxcconf.LxcConfig a = io.github.lxcconf.LxcConfig.reader().parse(config(before, bom));
            io.github.lxcconf.LxcConfig b = io.github.lxcconf.LxcConfig.reader()
                    .parse(config(after, bom != (random.nextInt(8) == 0)));
            assertThat(printed(c -> Diffs.print(c, "c", a, b)))
                    .isEqualTo(printed(c -> Diffs.print(c, "c", a.toBytes(), b.toBytes())));
            assertThat(Diffs.sameBytes(a, b)).isEqualTo(java.util.Arrays.equals(a.toBytes(), b.toBytes()));
        }
    }
}
