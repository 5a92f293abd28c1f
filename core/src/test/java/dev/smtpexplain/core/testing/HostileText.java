package dev.smtpexplain.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

/**
 * Hostile text for the fuzz targets and the seeded random sweeps of every module: a decoder that turns
 * fuzzer bytes into any Java string (lone surrogates included), a seeded generator of the characters
 * that break displays, and the check that sanitized text holds none of them.
 */
public final class HostileText {

    /** The characters that break terminals, JSON, bidi layout and ICU patterns, plus a few ordinary ones. */
    public static final List<String> NASTY = List.of("\u0000", "\u0007", "\u001B", "\u001B[2J", "\u001B]0;x\u0007", "[", "]", "\r",
            "\n", "\t", "\u0085", "\u009B", "\u007F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068",
            "\u2069", "\u200B", "\u200D", "\u200E", "\uFEFF", "\u2028", "\u2029", "\uD800", "\uDC00", "\uD83D\uDE00", "{0}", "{", "}",
            "'", "''", "#", "|", "{count, plural, one {#} other {#}}", "<b>x</b>", "</script>", "&", "\"", "\\", "%s%n",
            "user unknown", "5.7.26", "\r\n550-", " ", "a", "5", "ગુ", "مرحبا", "中文", "Привет");

    private HostileText() {
    }

    /**
     * Decodes fuzzer bytes as UTF-8 that also accepts encoded surrogates (so {@code ED A0 80} is a lone
     * U+D800, which strict UTF-8 forbids but a Java string can hold); any other invalid byte becomes U+FFFD.
     */
    public static String decode(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length);
        for (int i = 0; i < b.length; ) {
            int c = b[i] & 0xFF;
            int need = c < 0x80 ? 0 : c >= 0xC2 && c < 0xE0 ? 1 : c >= 0xE0 && c < 0xF0 ? 2 : c >= 0xF0 && c < 0xF5 ? 3 : -1;
            int cp = need == 0 ? c : need == 1 ? c & 0x1F : need == 2 ? c & 0x0F : c & 0x07;
            int j = 1;
            while (need > 0 && j <= need && i + j < b.length && (b[i + j] & 0xC0) == 0x80) {
                cp = cp << 6 | b[i + j] & 0x3F;
                j++;
            }
            if (need < 0 || j <= need || cp > 0x10FFFF || need == 2 && cp < 0x800 || need == 3 && cp < 0x10000) {
                sb.append('\uFFFD');
                i++;
                continue;
            }
            sb.appendCodePoint(cp);
            i += j;
        }
        return sb.toString();
    }

    /** Up to {@code maxParts} pieces of {@link #NASTY} text, or (one time in three) up to 300 arbitrary UTF-16 units. */
    public static String random(Random random, int maxParts) {
        StringBuilder sb = new StringBuilder();
        if (random.nextInt(3) == 0) {
            int n = random.nextInt(301);
            for (int i = 0; i < n; i++) {
                // any char, surrogates and controls included, with a bias to the first 256
                sb.append((char) (random.nextBoolean() ? random.nextInt(0x100) : random.nextInt(0x10000)));
            }
            return sb.toString();
        }
        int n = random.nextInt(maxParts + 1);
        for (int i = 0; i < n; i++) {
            sb.append(NASTY.get(random.nextInt(NASTY.size())));
        }
        return sb.toString();
    }

    /**
     * Asserts that {@code s} is safe to show: no control character but a line break (where
     * {@code lineBreaks}), no format character (bidi, zero-width, BOM), no surrogate, no line or paragraph
     * separator, and at most {@code maxChars} characters (plus the ellipsis).
     */
    public static void assertSafe(String what, String s, int maxChars, boolean lineBreaks) {
        assertThat(s.length()).as("%s length", what).isLessThanOrEqualTo(maxChars + 1);
        s.codePoints().forEach(cp -> {
            assertThat(lineBreaks && cp == '\n' || !Character.isISOControl(cp)).as("%s: control U+%04X in %s", what, cp, s).isTrue();
            assertThat(Character.getType(cp)).as("%s: format U+%04X", what, cp).isNotEqualTo((int) Character.FORMAT);
            assertThat(Character.getType(cp)).as("%s: surrogate U+%04X", what, cp).isNotEqualTo((int) Character.SURROGATE);
            assertThat(cp == 0x2028 || cp == 0x2029).as("%s: separator U+%04X", what, cp).isFalse();
        });
    }
}
