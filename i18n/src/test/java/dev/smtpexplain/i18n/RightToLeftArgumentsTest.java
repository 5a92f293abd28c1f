package dev.smtpexplain.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Bidi;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In a right-to-left catalog only data is isolated: an address or a code keeps its order inside Arabic
 * text, while an Arabic phrase passed as an argument stays part of the sentence, so the line has
 * right-to-left text outside isolates and auto-direction displays show it right to left.
 */
class RightToLeftArgumentsTest {

    static final LocalizedMessages AR = Explainer.standard().messages(Locale.forLanguageTag("ar"));

    @Test
    void dataIsIsolatedAndArabicPhrasesAreNot() {
        String title = AR.get("category.recipient-unknown.title");
        String line = AR.format("report.recipient.line", Map.of("address", "bob@example.test", "title", title));
        assertThat(line).contains("\u2068bob@example.test\u2069").contains(title).doesNotContain("\u2068" + title);
        assertThat(new Bidi(line, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight()).isFalse();
        // digits and hosts have no strong direction of their own: isolated too
        assertThat(AR.format("connection.refused", Map.of("host", "127.0.0.1", "port", "2525"))).contains("\u2068127.0.0.1\u2069", "\u20682525\u2069");
    }

    @Test
    void aValueThatStartsWithAnIsolateIsNotIsolatedAgain() {
        String list = "\u2068a@example.test\u2069, \u2068b@example.test\u2069";
        String line = AR.format("layout.labelled", Map.of("label", AR.get("label.recipient"), "value", list));
        assertThat(line).contains(list).doesNotContain("\u2068\u2068");
    }

    @Test
    void leftToRightCatalogsInsertArgumentsAsTheyAre() {
        LocalizedMessages en = Explainer.standard().messages(Locale.ENGLISH);
        assertThat(en.format("report.recipient.line", Map.of("address", "bob@example.test", "title", "x"))).isEqualTo("bob@example.test: x");
    }
}
