package dev.smtpexplain.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.core.Evidence;
import dev.smtpexplain.core.SmtpReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Explanations compare by their components, reject null by name, and say "no server text" with an empty Optional. */
class ExplanationValueTest {

    private static final Diagnosis D = Diagnoser.standard().diagnose("550 5.1.1 user unknown");

    private static Explanation make(String title, Optional<String> serverText, Diagnosis d) {
        return Explanation.of("en", title, "summary", List.of("one", "two"), "contact", "you", "not again", "Permanent",
                "High", Optional.of("code"), Optional.empty(), serverText, d);
    }

    @Test
    void equalArgumentsMakeEqualExplanations() {
        List<String> advice = new ArrayList<>(List.of("one", "two"));
        Explanation a = make("Title", Optional.of("550 5.1.1 user unknown"), D);
        Explanation b = Explanation.of("en", "Title", "summary", advice, "contact", "you", "not again", "Permanent",
                "High", Optional.of("code"), Optional.empty(), Optional.of("550 5.1.1 user unknown"), Diagnoser.standard().diagnose("550 5.1.1 user unknown"));
        advice.add("three"); // the explanation keeps its own copy
        assertThat(a).isNotSameAs(b).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(b.advice()).containsExactly("one", "two");
        assertThat(Explainer.standard().explain(D, Locale.ENGLISH)).isEqualTo(Explainer.standard().explain(D, Locale.ENGLISH));
    }

    @Test
    void aDifferentComponentMakesADifferentExplanation() {
        Explanation a = make("Title", Optional.of("550 5.1.1 user unknown"), D);
        assertThat(make("Other", Optional.of("550 5.1.1 user unknown"), D)).isNotEqualTo(a);
        assertThat(make("Title", Optional.empty(), D)).isNotEqualTo(a);
        assertThat(make("Title", Optional.of("550 5.1.1 user unknown"), Diagnoser.standard().diagnose("550 5.1.2 no such domain"))).isNotEqualTo(a);
    }

    @Test
    void ofRejectsNullByNameAndEmptyPresentText() {
        assertThatThrownBy(() -> make(null, Optional.empty(), D)).isInstanceOf(NullPointerException.class).hasMessage("title");
        assertThatThrownBy(() -> make("T", null, D)).isInstanceOf(NullPointerException.class).hasMessage("serverText");
        assertThatThrownBy(() -> make("T", Optional.empty(), null)).isInstanceOf(NullPointerException.class).hasMessage("diagnosis");
        assertThatThrownBy(() -> make("T", Optional.of(""), D)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serverText");
    }

    @Test
    void withTitleAndSummaryReplacesThoseTwoAndKeepsTheRest() {
        Explanation e = Explainer.standard().explain(D, Locale.ENGLISH);
        Explanation other = e.withTitleAndSummary("Not sent", "Found before any server was contacted.");
        assertThat(other.title()).isEqualTo("Not sent");
        assertThat(other.summary()).isEqualTo("Found before any server was contacted.");
        assertThat(other).isNotEqualTo(e);
        assertThat(other.withTitleAndSummary(e.title(), e.summary())).isEqualTo(e);
        assertThat(other.advice()).isEqualTo(e.advice());
        assertThat(other.diagnosis()).isSameAs(e.diagnosis());
        assertThatThrownBy(() -> e.withTitleAndSummary(null, "s")).isInstanceOf(NullPointerException.class).hasMessage("title");
    }

    @Test
    void noReplyTextIsAnEmptyServerText() {
        Diagnosis none = Diagnosis.of(SmtpReply.parseLenient(""), Category.NETWORK_ERROR, 0.9, new Evidence(Evidence.Source.TRANSPORT, "transport:refused"));
        assertThat(Explainer.standard().explain(none, Locale.ENGLISH).serverText()).isEmpty();
        assertThat(Explainer.standard().explain(D, Locale.ENGLISH).serverText()).contains("550 5.1.1 user unknown");
    }

    @Test
    void toStringIsOneShortLine() {
        Explanation e = make("Title \u001B[2J\nsecond line", Optional.of("550 5.1.1 a\n550 5.1.1 b"), D);
        assertThat(e.toString()).isEqualTo("Explanation[en, recipient-unknown, \"Title second line\"]");
    }
}
