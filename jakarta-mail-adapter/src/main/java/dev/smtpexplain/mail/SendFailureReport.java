package dev.smtpexplain.mail;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.core.Evidence;
import dev.smtpexplain.core.ServerText;
import dev.smtpexplain.i18n.Explanation;
import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one send, in the reader's language: the overall diagnosis and explanation, the
 * SMTP stage, one entry per refused recipient, who got the message, to whom it was not sent (never reached, or
 * accepted at RCPT while another recipient's refusal stopped the message) and, when the server never answered the
 * whole content, for whom nobody knows.
 * Immutable, with value semantics.
 *
 * <p>Every string in the report (replies, text, details) has credentials redacted: AUTH command
 * arguments, base64 blobs after {@code AUTH PLAIN|LOGIN|XOAUTH2}, {@code password=}-like values and,
 * when the report comes from an {@link ExplainingSender}, the configured password in plain and base64
 * form. The {@linkplain #exception() original exception} is kept as thrown and is not redacted.
 *
 * <p>A class rather than a record, so that a component can be added without breaking callers: a
 * {@link SendFailureAnalyzer} makes reports; {@link #of} is for code that makes one of its own.
 */
public final class SendFailureReport {

    // the prefix of the evidence ids the classifier gives a failure found before any server (internal.Finding.LOCAL)
    private static final String LOCAL_EVIDENCE = "local:";

    private final Outcome outcome;
    private final SmtpStage stage;
    private final Diagnosis diagnosis;
    private final Explanation explanation;
    private final Optional<String> transportDetail;
    private final List<RecipientFailure> recipientFailures;
    private final List<String> acceptedRecipients;
    private final List<String> notAttemptedRecipients;
    private final List<String> unconfirmedRecipients;
    private final Locale locale;
    private final String text;
    private final String technicalDetails;
    private final Optional<MessagingException> exception;

    private SendFailureReport(Outcome outcome, SmtpStage stage, Diagnosis diagnosis, Explanation explanation,
                              Optional<String> transportDetail, List<RecipientFailure> recipientFailures,
                              List<String> acceptedRecipients, List<String> notAttemptedRecipients,
                              List<String> unconfirmedRecipients, Locale locale, String text, String technicalDetails,
                              Optional<MessagingException> exception) {
        this.outcome = outcome;
        this.stage = stage;
        this.diagnosis = diagnosis;
        this.explanation = explanation;
        this.transportDetail = transportDetail;
        this.recipientFailures = recipientFailures;
        this.acceptedRecipients = acceptedRecipients;
        this.notAttemptedRecipients = notAttemptedRecipients;
        this.unconfirmedRecipients = unconfirmedRecipients;
        this.locale = locale;
        this.text = text;
        this.technicalDetails = technicalDetails;
        this.exception = exception;
    }

    /**
     * A report with the given parts, taken as they are (the caller redacts and sanitizes), and no
     * {@linkplain #unconfirmedRecipients() unconfirmed recipients}.
     *
     * @param outcome whether the message reached nobody, some recipients, or everyone
     * @param stage where the conversation failed
     * @param diagnosis the overall diagnosis
     * @param explanation the overall diagnosis in the report's locale
     * @param transportDetail a sentence for a failure outside an SMTP reply; empty when there is none
     * @param recipientFailures one entry per refused or deferred recipient (copied)
     * @param acceptedRecipients recipients the message was delivered to (copied)
     * @param notAttemptedRecipients recipients that did not get the message and were not refused individually (copied)
     * @param locale the locale of the catalog that wrote the texts
     * @param text the whole report as text in {@code locale}
     * @param technicalDetails the exception chain for logs
     * @param exception the exception the report was made from; empty when none was seen
     * @return the report
     * @throws NullPointerException if an argument or a list element is null
     * @throws IllegalArgumentException as {@link #of(Outcome, SmtpStage, Diagnosis, Explanation, Optional, List, List, List,
     *     List, Locale, String, String, Optional) the full form}
     */
    public static SendFailureReport of(Outcome outcome, SmtpStage stage, Diagnosis diagnosis, Explanation explanation,
                                       Optional<String> transportDetail, List<RecipientFailure> recipientFailures,
                                       List<String> acceptedRecipients, List<String> notAttemptedRecipients, Locale locale,
                                       String text, String technicalDetails, Optional<MessagingException> exception) {
        return of(outcome, stage, diagnosis, explanation, transportDetail, recipientFailures, acceptedRecipients,
                notAttemptedRecipients, List.of(), locale, text, technicalDetails, exception);
    }

    /**
     * A report with the given parts, taken as they are (the caller redacts and sanitizes).
     *
     * @param outcome whether the message reached nobody, some recipients, or everyone, or nobody knows
     * @param stage where the conversation failed
     * @param diagnosis the overall diagnosis
     * @param explanation the overall diagnosis in the report's locale
     * @param transportDetail a sentence for a failure outside an SMTP reply; empty when there is none
     * @param recipientFailures one entry per refused or deferred recipient (copied)
     * @param acceptedRecipients recipients the message was delivered to (copied)
     * @param notAttemptedRecipients recipients that did not get the message and were not refused individually (copied)
     * @param unconfirmedRecipients recipients that may or may not have got it (only for {@link Outcome#UNCONFIRMED}; copied)
     * @param locale the locale of the catalog that wrote the texts
     * @param text the whole report as text in {@code locale}
     * @param technicalDetails the exception chain for logs
     * @param exception the exception the report was made from; empty when none was seen
     * @return the report
     * @throws NullPointerException if an argument or a list element is null
     * @throws IllegalArgumentException if {@code transportDetail} is present but empty, or the lists
     *     contradict the outcome: a failed or unconfirmed send with accepted recipients, a partial delivery without
     *     any, a delivery with refused recipients, unconfirmed recipients in a report whose outcome is known
     */
    public static SendFailureReport of(Outcome outcome, SmtpStage stage, Diagnosis diagnosis, Explanation explanation,
                                       Optional<String> transportDetail, List<RecipientFailure> recipientFailures,
                                       List<String> acceptedRecipients, List<String> notAttemptedRecipients,
                                       List<String> unconfirmedRecipients, Locale locale, String text, String technicalDetails,
                                       Optional<MessagingException> exception) {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(diagnosis, "diagnosis");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(transportDetail, "transportDetail");
        Objects.requireNonNull(recipientFailures, "recipientFailures");
        Objects.requireNonNull(acceptedRecipients, "acceptedRecipients");
        Objects.requireNonNull(notAttemptedRecipients, "notAttemptedRecipients");
        Objects.requireNonNull(unconfirmedRecipients, "unconfirmedRecipients");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(technicalDetails, "technicalDetails");
        Objects.requireNonNull(exception, "exception");
        if (transportDetail.map(String::isEmpty).orElse(false)) {
            throw new IllegalArgumentException("transportDetail is present but empty: no detail is Optional.empty()");
        }
        if ((outcome == Outcome.FAILED || outcome == Outcome.UNCONFIRMED) && !acceptedRecipients.isEmpty()
                || outcome == Outcome.PARTIALLY_DELIVERED && acceptedRecipients.isEmpty()
                || outcome == Outcome.DELIVERED && !recipientFailures.isEmpty()) {
            throw new IllegalArgumentException("outcome " + outcome + " with " + acceptedRecipients.size() + " accepted and "
                    + recipientFailures.size() + " refused recipients");
        }
        if (outcome != Outcome.UNCONFIRMED && !unconfirmedRecipients.isEmpty()) {
            throw new IllegalArgumentException("outcome " + outcome + " with " + unconfirmedRecipients.size()
                    + " unconfirmed recipients: only an unconfirmed send has them");
        }
        return new SendFailureReport(outcome, stage, diagnosis, explanation, transportDetail, List.copyOf(recipientFailures),
                List.copyOf(acceptedRecipients), List.copyOf(notAttemptedRecipients), List.copyOf(unconfirmedRecipients), locale,
                text, technicalDetails, exception);
    }

    /** What reached the recipients. */
    public enum Outcome {
        /** Nobody got the message. */
        FAILED("report.title.failed"),
        /** Some recipients got it (Angus {@code mail.smtp.sendpartial}); others were refused. */
        PARTIALLY_DELIVERED("report.title.partial"),
        /** Everyone got it; only reported with {@code mail.smtp.reportsuccess}. */
        DELIVERED("report.title.delivered"),
        /**
         * Nobody knows: the whole content went out but the server's reply to it never came (a timeout, a lost
         * connection). Most servers take the message at the final dot and answer afterwards, so it may have been
         * delivered (RFC 5321 section 6.1), and sending it again may deliver it twice. The recipients the server had
         * taken at RCPT are {@link #unconfirmedRecipients()}.
         */
        UNCONFIRMED("report.title.unconfirmed");

        private final String messageKey;

        Outcome(String messageKey) {
            this.messageKey = messageKey;
        }

        /**
         * The catalog key of the outcome's sentence ("The message was not sent" …), as {@link SmtpStage#messageKey()}.
         *
         * @return a key of the shipped catalogs, never null
         */
        public String messageKey() {
            return messageKey;
        }
    }

    /**
     * Whether the message reached nobody, some recipients, or everyone, or whether that is not known.
     *
     * @return the outcome
     */
    public Outcome outcome() {
        return outcome;
    }

    /**
     * Where the conversation failed.
     *
     * @return the stage
     */
    public SmtpStage stage() {
        return stage;
    }

    /**
     * The overall diagnosis: for a recipient-stage failure, the first refused recipient's.
     *
     * @return the diagnosis
     */
    public Diagnosis diagnosis() {
        return diagnosis;
    }

    /**
     * The overall diagnosis in the report's locale.
     *
     * @return the explanation
     */
    public Explanation explanation() {
        return explanation;
    }

    /**
     * A localized sentence for failures outside an SMTP reply ("The mail server 127.0.0.1 refused the
     * connection on port 2525.").
     *
     * @return the sentence; empty when the server's reply says it all
     */
    public Optional<String> transportDetail() {
        return transportDetail;
    }

    /**
     * One entry per refused or deferred recipient, in RCPT order; for a refusal of the message itself
     * (DATA, end of data) one entry per recipient it was refused for.
     *
     * @return an unmodifiable list, empty when no recipient was refused
     */
    public List<RecipientFailure> recipientFailures() {
        return recipientFailures;
    }

    /**
     * The recipients the message was delivered to (only for a partial delivery or a delivery).
     *
     * @return an unmodifiable list
     */
    public List<String> acceptedRecipients() {
        return acceptedRecipients;
    }

    /**
     * The recipients that did not get the message and were not refused individually: the send stopped
     * before or because of another failure.
     *
     * @return an unmodifiable list
     */
    public List<String> notAttemptedRecipients() {
        return notAttemptedRecipients;
    }

    /**
     * The recipients that may or may not have got the message: the server took them at RCPT, then never answered the
     * whole content ({@link Outcome#UNCONFIRMED}). Check whether the message arrived before sending it to them again.
     *
     * @return an unmodifiable list, empty unless the outcome is {@link Outcome#UNCONFIRMED}
     */
    public List<String> unconfirmedRecipients() {
        return unconfirmedRecipients;
    }

    /**
     * The locale of the catalog that wrote the texts.
     *
     * @return the locale
     */
    public Locale locale() {
        return locale;
    }

    /**
     * The whole report as text in {@link #locale()}, several lines (one paragraph of it is
     * {@code explanation().summary()}).
     *
     * @return the text
     */
    public String text() {
        return text;
    }

    /**
     * The exception chain, one line per exception, for logs (English, redacted).
     *
     * @return the details
     */
    public String technicalDetails() {
        return technicalDetails;
    }

    /**
     * The exception the report was made from.
     *
     * @return the exception as thrown; empty for a report made from a {@code TransportEvent} whose exception was never
     *     seen, and for one made without a Jakarta Mail exception (the Spring module's reports on a message it could not
     *     prepare or parse)
     */
    public Optional<MessagingException> exception() {
        return exception;
    }

    /**
     * Whether the failure was found on this computer before any mail server was contacted (a message without a
     * recipient, a malformed address, no exception at all): no server has seen the message, so the application's message
     * or settings are at fault, not a server.
     *
     * @return whether the diagnosis's evidence is the adapter's for such a failure (an id starting with {@code local:})
     */
    public boolean foundBeforeAnyServer() {
        return diagnosis.evidence().source() == Evidence.Source.TRANSPORT && diagnosis.evidence().ruleId().startsWith(LOCAL_EVIDENCE);
    }

    /**
     * The overall failure category.
     *
     * @return {@code diagnosis().category()}
     */
    public Category category() {
        return diagnosis.category();
    }

    /**
     * The first line of the text: the outcome and the overall explanation's title.
     *
     * @return the line, without its line break
     */
    public String headline() {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /**
     * The recipients refused for good (not the deferred ones).
     *
     * @return the addresses, in RCPT order
     */
    public List<String> rejectedRecipients() {
        return recipientFailures.stream().filter(RecipientFailure::isRejected).map(RecipientFailure::address).toList();
    }

    /**
     * The recipients refused for now (4xx).
     *
     * @return the addresses, in RCPT order
     */
    public List<String> deferredRecipients() {
        return recipientFailures.stream().filter(f -> !f.isRejected()).map(RecipientFailure::address).toList();
    }

    /**
     * The failure entry for an address.
     *
     * @param address the recipient address, compared ignoring case
     * @return the entry, if {@code address} was refused
     */
    public Optional<RecipientFailure> failureFor(String address) {
        return recipientFailures.stream().filter(f -> f.address().equalsIgnoreCase(address)).findFirst();
    }

    /**
     * Whether {@code o} is a report with equal components (the exception compares by identity).
     *
     * @param o the object to compare with
     * @return whether every component is equal
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof SendFailureReport r
                && outcome == r.outcome && stage == r.stage && diagnosis.equals(r.diagnosis) && explanation.equals(r.explanation)
                && transportDetail.equals(r.transportDetail) && recipientFailures.equals(r.recipientFailures)
                && acceptedRecipients.equals(r.acceptedRecipients) && notAttemptedRecipients.equals(r.notAttemptedRecipients)
                && unconfirmedRecipients.equals(r.unconfirmedRecipients)
                && locale.equals(r.locale) && text.equals(r.text) && technicalDetails.equals(r.technicalDetails)
                && exception.equals(r.exception);
    }

    /**
     * A hash code consistent with {@link #equals}.
     *
     * @return the hash code of the components
     */
    @Override
    public int hashCode() {
        return Objects.hash(outcome, stage, diagnosis, explanation, transportDetail, recipientFailures, acceptedRecipients,
                notAttemptedRecipients, unconfirmedRecipients, locale, text, technicalDetails, exception);
    }

    /**
     * One line for logs: the outcome, stage, category, recipient counts and the {@linkplain #headline()
     * headline} (sanitized, capped). The whole text is {@link #text()}.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        // refused and deferred apart, as text() and the two lists count them
        return "SendFailureReport[" + outcome + " at " + stage.id() + ", " + category().id() + ", " + rejectedRecipients().size()
                + " refused, " + deferredRecipients().size() + " deferred, " + acceptedRecipients.size() + " accepted, "
                + notAttemptedRecipients.size() + " not attempted, " + unconfirmedRecipients.size() + " unconfirmed, "
                + locale.toLanguageTag() + ", \"" + ServerText.sanitize(headline(), 200, false) + "\"]";
    }
}
