package dev.smtpexplain.i18n;

import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.core.ServerText;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A diagnosis put into words for one locale: what happened, why it probably happened, what to try,
 * who acts, whether retrying helps, what the codes mean, and the server's text as sanitized evidence.
 * Immutable, with value semantics.
 *
 * <p>A class rather than a record, so that a text can be added without breaking callers: an
 * {@link Explainer} makes them; {@link #of} is for code that rewords one.
 */
public final class Explanation {

    private final String languageTag;
    private final String title;
    private final String summary;
    private final List<String> advice;
    private final String contact;
    private final String whoActsText;
    private final String retryText;
    private final String permanenceLabel;
    private final String confidenceLabel;
    private final Optional<String> codeMeaning;
    private final Optional<String> statusMeaning;
    private final Optional<String> serverText;
    private final Diagnosis diagnosis;

    private Explanation(String languageTag, String title, String summary, List<String> advice, String contact,
                        String whoActsText, String retryText, String permanenceLabel, String confidenceLabel,
                        Optional<String> codeMeaning, Optional<String> statusMeaning, Optional<String> serverText,
                        Diagnosis diagnosis) {
        this.languageTag = languageTag;
        this.title = title;
        this.summary = summary;
        this.advice = advice;
        this.contact = contact;
        this.whoActsText = whoActsText;
        this.retryText = retryText;
        this.permanenceLabel = permanenceLabel;
        this.confidenceLabel = confidenceLabel;
        this.codeMeaning = codeMeaning;
        this.statusMeaning = statusMeaning;
        this.serverText = serverText;
        this.diagnosis = diagnosis;
    }

    /**
     * An explanation with the given texts. The texts are taken as they are: an {@link Explainer} takes
     * them from a catalog and sanitizes the server's text.
     *
     * @param languageTag the BCP 47 tag of the catalog that answered ({@code gu}, {@code en})
     * @param title a short headline
     * @param summary one paragraph: the likely cause, then what it means
     * @param advice things to try, most useful first (copied)
     * @param contact who to contact if it keeps failing
     * @param whoActsText who must act, as a phrase
     * @param retryText whether sending again helps, as a sentence
     * @param permanenceLabel the permanence as a label
     * @param confidenceLabel how sure the diagnosis is, as a label
     * @param codeMeaning the basic code's meaning; empty when the reply has no code
     * @param statusMeaning the enhanced status code's meaning; empty when the reply has none
     * @param serverText the server's text, sanitized and capped; empty when there is none
     * @param diagnosis the diagnosis explained
     * @return the explanation
     * @throws NullPointerException if an argument or an advice item is null
     * @throws IllegalArgumentException if {@code languageTag} is empty, or {@code serverText},
     *     {@code codeMeaning} or {@code statusMeaning} is present but empty (absent text is an empty Optional)
     */
    public static Explanation of(String languageTag, String title, String summary, List<String> advice, String contact,
                                 String whoActsText, String retryText, String permanenceLabel, String confidenceLabel,
                                 Optional<String> codeMeaning, Optional<String> statusMeaning, Optional<String> serverText,
                                 Diagnosis diagnosis) {
        Objects.requireNonNull(languageTag, "languageTag");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(whoActsText, "whoActsText");
        Objects.requireNonNull(retryText, "retryText");
        Objects.requireNonNull(permanenceLabel, "permanenceLabel");
        Objects.requireNonNull(confidenceLabel, "confidenceLabel");
        Objects.requireNonNull(codeMeaning, "codeMeaning");
        Objects.requireNonNull(statusMeaning, "statusMeaning");
        Objects.requireNonNull(serverText, "serverText");
        Objects.requireNonNull(diagnosis, "diagnosis");
        if (languageTag.isEmpty()) {
            throw new IllegalArgumentException("languageTag is empty");
        }
        requireNotEmpty(codeMeaning, "codeMeaning");
        requireNotEmpty(statusMeaning, "statusMeaning");
        requireNotEmpty(serverText, "serverText");
        return new Explanation(languageTag, title, summary, List.copyOf(advice), contact, whoActsText, retryText,
                permanenceLabel, confidenceLabel, codeMeaning, statusMeaning, serverText, diagnosis);
    }

    /**
     * A copy that says what happened in other words and keeps the rest: the advice, who acts, the retry
     * sentence, the labels and the diagnosis. For a failure the category's own words would misstate (one found
     * before any server was contacted is no receiving server's verdict).
     *
     * @param title the short title that replaces this one
     * @param summary the paragraph that replaces this one
     * @return the copy
     * @throws NullPointerException if an argument is null
     */
    public Explanation withTitleAndSummary(String title, String summary) {
        return of(languageTag, title, summary, advice, contact, whoActsText, retryText, permanenceLabel, confidenceLabel,
                codeMeaning, statusMeaning, serverText, diagnosis);
    }

    private static void requireNotEmpty(Optional<String> text, String name) {
        if (text.map(String::isEmpty).orElse(false)) {
            throw new IllegalArgumentException(name + " is present but empty: absent text is Optional.empty()");
        }
    }

    /**
     * The BCP 47 tag of the catalog that answered.
     *
     * @return a tag such as {@code gu} or {@code en}
     */
    public String languageTag() {
        return languageTag;
    }

    /**
     * A short headline.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * One paragraph: the likely cause, then what it means.
     *
     * @return the summary
     */
    public String summary() {
        return summary;
    }

    /**
     * Things to try, most useful first.
     *
     * @return an unmodifiable list, possibly empty
     */
    public List<String> advice() {
        return advice;
    }

    /**
     * Who to contact if it keeps failing.
     *
     * @return the contact sentence
     */
    public String contact() {
        return contact;
    }

    /**
     * Who must act, as a phrase (the enum is {@code diagnosis().actor()}).
     *
     * @return the phrase
     */
    public String whoActsText() {
        return whoActsText;
    }

    /**
     * Whether sending again helps, as a sentence (the enum is {@code diagnosis().retry()}).
     *
     * @return the sentence
     */
    public String retryText() {
        return retryText;
    }

    /**
     * "Permanent failure", "Temporary failure" or undetermined, as a label; in a category's own words where its catalog
     * has them (a 5xx sending limit: "Refused until your sending limit resets", not "Permanent failure").
     *
     * @return the label
     */
    public String permanenceLabel() {
        return permanenceLabel;
    }

    /**
     * How sure the diagnosis is, as a label (the number is {@code diagnosis().confidence()}).
     *
     * @return the label
     */
    public String confidenceLabel() {
        return confidenceLabel;
    }

    /**
     * The basic code's meaning.
     *
     * @return the meaning; empty when the reply has no code
     */
    public Optional<String> codeMeaning() {
        return codeMeaning;
    }

    /**
     * The enhanced status code's meaning.
     *
     * @return the meaning; empty when the reply has no enhanced status code
     */
    public Optional<String> statusMeaning() {
        return statusMeaning;
    }

    /**
     * The server's text, sanitized and capped, with its line breaks.
     *
     * @return the text; empty when the server said nothing (a refused connection, no reply)
     */
    public Optional<String> serverText() {
        return serverText;
    }

    /**
     * The diagnosis explained.
     *
     * @return the diagnosis
     */
    public Diagnosis diagnosis() {
        return diagnosis;
    }

    /**
     * The category id.
     *
     * @return the id, e.g. {@code recipient-unknown}
     */
    public String categoryId() {
        return diagnosis.category().id();
    }

    /**
     * Whether {@code o} is an explanation with equal components.
     *
     * @param o the object to compare with
     * @return whether every component is equal
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Explanation e
                && languageTag.equals(e.languageTag) && title.equals(e.title) && summary.equals(e.summary)
                && advice.equals(e.advice) && contact.equals(e.contact) && whoActsText.equals(e.whoActsText)
                && retryText.equals(e.retryText) && permanenceLabel.equals(e.permanenceLabel)
                && confidenceLabel.equals(e.confidenceLabel) && codeMeaning.equals(e.codeMeaning)
                && statusMeaning.equals(e.statusMeaning) && serverText.equals(e.serverText) && diagnosis.equals(e.diagnosis);
    }

    /**
     * A hash code consistent with {@link #equals}.
     *
     * @return the hash code of the components
     */
    @Override
    public int hashCode() {
        return Objects.hash(languageTag, title, summary, advice, contact, whoActsText, retryText, permanenceLabel,
                confidenceLabel, codeMeaning, statusMeaning, serverText, diagnosis);
    }

    /**
     * One line for logs: the language, the category and the title (sanitized, capped); not the texts.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "Explanation[" + languageTag + ", " + categoryId() + ", \"" + ServerText.sanitize(title, 100, false) + "\"]";
    }
}
