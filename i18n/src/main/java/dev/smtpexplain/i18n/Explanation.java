package dev.smtpexplain.i18n;

import dev.smtpexplain.core.Diagnosis;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A diagnosis put into words for one locale: what happened, why it probably happened, what to try,
 * who acts, whether retrying helps, what the codes mean, and the server's text as sanitized evidence.
 * Immutable.
 *
 * @param languageTag the BCP 47 tag of the catalog that answered ({@code gu}, {@code en})
 * @param title a short headline
 * @param summary one paragraph: the likely cause, then what it means
 * @param advice things to try, most useful first
 * @param contact who to contact if it keeps failing
 * @param whoActsText who must act, as a phrase (the enum is {@code diagnosis().actor()})
 * @param retryText whether sending again helps, as a sentence (the enum is {@code diagnosis().retry()})
 * @param permanenceLabel "Permanent failure", "Temporary failure" or undetermined, as a label
 * @param confidenceLabel how sure the diagnosis is, as a label (the number is {@code diagnosis().confidence()})
 * @param codeMeaning the basic code's meaning, when the reply has a code
 * @param statusMeaning the enhanced status code's meaning, when the reply has one
 * @param serverText the server's text, sanitized and capped; empty when there is none
 * @param diagnosis the diagnosis explained
 */
public record Explanation(
        String languageTag,
        String title,
        String summary,
        List<String> advice,
        String contact,
        String whoActsText,
        String retryText,
        String permanenceLabel,
        String confidenceLabel,
        Optional<String> codeMeaning,
        Optional<String> statusMeaning,
        String serverText,
        Diagnosis diagnosis) {

    public Explanation {
        Objects.requireNonNull(languageTag, "languageTag");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        advice = List.copyOf(advice);
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(whoActsText, "whoActsText");
        Objects.requireNonNull(retryText, "retryText");
        Objects.requireNonNull(permanenceLabel, "permanenceLabel");
        Objects.requireNonNull(confidenceLabel, "confidenceLabel");
        Objects.requireNonNull(codeMeaning, "codeMeaning");
        Objects.requireNonNull(statusMeaning, "statusMeaning");
        Objects.requireNonNull(serverText, "serverText");
        Objects.requireNonNull(diagnosis, "diagnosis");
    }

    /** The category id, e.g. {@code recipient-unknown}. */
    public String categoryId() {
        return diagnosis.category().id();
    }
}
