package dev.smtpexplain.core;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ServerTextTest {

    @Test
    void removesControlsEscapesAndBidiOverrides() {
        String hostile = "550 \u001B[31mred\u001B[0m \u001B]0;title\u0007 nul\u0000 bell\u0007 \u202Eevil\u202C \u2066iso\u2069 zw\u200Bsp \uFEFFbom";
        assertThat(ServerText.sanitize(hostile)).isEqualTo("550 red nul bell evil iso zwsp bom");
    }

    @Test
    void replacesLoneSurrogatesAndKeepsValidPairs() {
        assertThat(ServerText.sanitize("a\uD800b\uDC00c \uD83D\uDE00")).isEqualTo("a\uFFFDb\uFFFDc \uD83D\uDE00");
    }

    @Test
    void capsLengthWithAVisibleEllipsis() {
        String s = ServerText.sanitize("x".repeat(5000), 100, false);
        assertThat(s).hasSize(101).endsWith("…");
        assertThat(ServerText.sanitize("short", 100, false)).isEqualTo("short");
    }

    @Test
    void keepsOrFoldsLineBreaks() {
        assertThat(ServerText.sanitize("550-a\r\n550 b\r\n", 100, true)).isEqualTo("550-a\n550 b");
        assertThat(ServerText.sanitize("550-a\r\n550 b\r\n", 100, false)).isEqualTo("550-a 550 b");
    }

    @Property(tries = 3000)
    void sanitizedTextHasNothingUnsafe(@ForAll("hostile") String text) {
        String s = ServerText.sanitize(text, 500, true);
        assertThat(s.length()).isLessThanOrEqualTo(501);
        s.codePoints().forEach(cp -> {
            assertThat(cp == '\n' || !Character.isISOControl(cp)).as("control U+%04X", cp).isTrue();
            assertThat(Character.getType(cp)).as("format U+%04X", cp).isNotEqualTo((int) Character.FORMAT);
            assertThat(Character.getType(cp)).as("surrogate U+%04X", cp).isNotEqualTo((int) Character.SURROGATE);
        });
        // idempotent: sanitizing twice changes nothing more
        assertThat(ServerText.sanitize(s, 501, true)).isEqualTo(s);
    }

    @Provide
    static Arbitrary<String> hostile() {
        Arbitrary<Character> nasty = Arbitraries.of('\u0000', '\u0007', '\u001B', '[', ']', '\r', '\n', '\t', '\u202A', '\u202B', '\u202C',
                '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200B', '\u200D', '\uFEFF', '\uD800', '\uDC00', '{', '}', '\'',
                '#', '|', '<', '>', '&', '"', '\u0085', '\u2028', 'a', ' ', '5', 'ગ');
        return Arbitraries.oneOf(nasty.list().ofMaxSize(200).map(l -> {
            StringBuilder sb = new StringBuilder();
            l.forEach(sb::append);
            return sb.toString();
        }), Arbitraries.strings().ofMaxLength(300));
    }
}
