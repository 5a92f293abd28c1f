package dev.smtpexplain.mail;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.i18n.Explanation;
import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one send, in the reader's language: the overall diagnosis and explanation, the
 * SMTP stage, one entry per refused recipient, who got the message and who was not tried.
 * Immutable.
 *
 * <p>Every string in the report (replies, summary, details) has credentials redacted: AUTH command
 * arguments, base64 blobs after {@code AUTH PLAIN|LOGIN|XOAUTH2}, {@code password=}-like values and,
 * when the report comes from an {@link ExplainingSender}, the configured password in plain and base64
 * form. The {@linkplain #exception() original exception} is kept as thrown and is not redacted.
 *
 * @param outcome whether the message reached nobody, some recipients, or everyone
 * @param stage where the conversation failed
 * @param diagnosis the overall diagnosis (for a recipient-stage failure, the first refused recipient's)
 * @param explanation the overall diagnosis in the report's locale
 * @param transportDetail a localized sentence for failures outside an SMTP reply ("The mail server 127.0.0.1
 *     refused the connection on port 2525."); empty when the server's reply says it all
 * @param recipientFailures one entry per refused or deferred recipient, in RCPT order; for a refusal of
 *     the message itself (DATA, end of data) one entry per recipient it was refused for
 * @param acceptedRecipients recipients the message was delivered to (only for a partial delivery)
 * @param notAttemptedRecipients recipients that did not get the message and were not refused
 *     individually: the send stopped before or because of another failure
 * @param locale the locale of the catalog that wrote the texts
 * @param text the whole report as text in {@code locale}, several lines (one paragraph of it is
 *     {@code explanation().summary()})
 * @param technicalDetails the exception chain, one line per exception, for logs (English, redacted)
 * @param exception the exception the report was made from; empty only for a report made from a
 *     {@code TransportEvent} whose exception was never seen
 */
public record SendFailureReport(
        Outcome outcome,
        SmtpStage stage,
        Diagnosis diagnosis,
        Explanation explanation,
        String transportDetail,
        List<RecipientFailure> recipientFailures,
        List<String> acceptedRecipients,
        List<String> notAttemptedRecipients,
        Locale locale,
        String text,
        String technicalDetails,
        Optional<MessagingException> exception) {

    public SendFailureReport {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(diagnosis, "diagnosis");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(transportDetail, "transportDetail");
        recipientFailures = List.copyOf(recipientFailures);
        acceptedRecipients = List.copyOf(acceptedRecipients);
        notAttemptedRecipients = List.copyOf(notAttemptedRecipients);
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(technicalDetails, "technicalDetails");
        Objects.requireNonNull(exception, "exception");
    }

    /** What reached the recipients. */
    public enum Outcome {
        /** Nobody got the message. */
        FAILED("report.title.failed"),
        /** Some recipients got it (Angus {@code mail.smtp.sendpartial}); others were refused. */
        PARTIALLY_DELIVERED("report.title.partial"),
        /** Everyone got it; only reported with {@code mail.smtp.reportsuccess}. */
        DELIVERED("report.title.delivered");

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

    /** The overall failure category. */
    public Category category() {
        return diagnosis.category();
    }

    /** The first line of the text: the outcome and the overall explanation's title. */
    public String headline() {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /** The recipients refused for good (not the deferred ones). */
    public List<String> rejectedRecipients() {
        return recipientFailures.stream().filter(RecipientFailure::isRejected).map(RecipientFailure::address).toList();
    }

    /** The recipients refused for now (4xx). */
    public List<String> deferredRecipients() {
        return recipientFailures.stream().filter(f -> !f.isRejected()).map(RecipientFailure::address).toList();
    }

    /** The failure entry for {@code address}, if it was refused. */
    public Optional<RecipientFailure> failureFor(String address) {
        return recipientFailures.stream().filter(f -> f.address().equalsIgnoreCase(address)).findFirst();
    }

    /** The localized text. */
    @Override
    public String toString() {
        return text;
    }
}
