package dev.smtpexplain.core;

import static org.assertj.core.api.Assertions.assertThat;

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
        // only what a reader would miss counts as cut: spaces, controls, escapes and invisible marks do not (outside
        // tester 62: "abc " gave "abc…")
        assertThat(ServerText.sanitize("abc ", 3, false)).isEqualTo("abc");
        assertThat(ServerText.sanitize("abc\u0007\r\n\u001B[2J\u200B ", 3, false)).isEqualTo("abc");
        assertThat(ServerText.sanitize("abc d", 3, false)).isEqualTo("abc…");
        assertThat(ServerText.sanitize("abc \u001B[31md", 4, false)).isEqualTo("abc…");
    }

    @Test
    void keepsOrFoldsLineBreaks() {
        assertThat(ServerText.sanitize("550-a\r\n550 b\r\n", 100, true)).isEqualTo("550-a\n550 b");
        assertThat(ServerText.sanitize("550-a\r\n550 b\r\n", 100, false)).isEqualTo("550-a 550 b");
        // blank lines, and lines of nothing but spaces, go as the Javadoc says
        assertThat(ServerText.sanitize("a\n\n\r\n  \nb", 100, true)).isEqualTo("a\nb");
    }
}
