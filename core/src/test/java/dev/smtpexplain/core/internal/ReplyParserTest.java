package dev.smtpexplain.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class ReplyParserTest {

    @Test
    void textIsComposedAndLosesItsZeroWidthSpaces() {
        assertThat(ReplyParser.composed("Bo\u0302te pleine")).isEqualTo("B\u00F4te pleine");
        assertThat(ReplyParser.composed("か\u3099")).isEqualTo("が");
        assertThat(ReplyParser.composed("មិន\u200Bមាន\u2060សេវា\uFEFF")).isEqualTo("មិនមានសេវា");
        // joiners shape letters (Persian, Hindi): they stay
        assertThat(ReplyParser.composed("می\u200Cخواهم")).isEqualTo("می\u200Cخواهم");
        String ascii = "550 5.1.1 User unknown";
        assertThat(ReplyParser.composed(ascii)).isSameAs(ascii);
    }

    @Test
    void onlyTheHeadOfAHugeTextIsComposedAndALetterKeepsItsMark() {
        // the cut falls on the mark of the last letter of the head: it moves past it
        String head = "a".repeat(ReplyParser.COMPOSED_PREFIX - 1) + "e\u0301";
        String tail = " e\u0301".repeat(10);
        String composed = ReplyParser.composed(head + tail);
        assertThat(composed).startsWith("a".repeat(ReplyParser.COMPOSED_PREFIX - 1) + "\u00E9").endsWith(tail);
        assertThat(composed).hasSize(head.length() - 1 + tail.length());
        assertThat(Normalizer.isNormalized(ReplyParser.composed(head), Normalizer.Form.NFC)).isTrue();
    }
}
