package dev.smtpexplain.mail.bounce;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What one message in a sender's mailbox says about delivery: its kind, who reported, and one entry
 * per recipient. Immutable. Every string is sanitized and capped.
 *
 * @param kind failed, delayed, delivered, auto-reply, feedback, not-bounce or unreadable
 * @param format which format was recognized: {@code rfc3464}, an MTA's or provider's own format
 *     ({@code exim}, {@code qmail} …), {@code generic} for an unknown format, {@code arf}, {@code hotmail-jmrp}
 *     (Hotmail's junk-mail complaint, which is not ARF), {@code rfc3834},
 *     or {@code none}
 * @param reportingMta the server that wrote the report ({@code Reporting-MTA}), when known
 * @param arrivalDate when that server received the original message ({@code Arrival-Date}), as written
 * @param originalMessageId the returned message's {@code Message-ID}, when the bounce carries it
 * @param originalSubject the returned message's subject (encoded words decoded), when present
 * @param recipients one entry per recipient the report names, in the report's order
 * @param locale the language the explanations were asked in
 * @param problem why the message could not be read fully (size or depth caps, broken MIME), when it could not
 */
public record BounceReport(
        BounceKind kind,
        String format,
        Optional<String> reportingMta,
        Optional<String> arrivalDate,
        Optional<String> originalMessageId,
        Optional<String> originalSubject,
        List<BounceRecipient> recipients,
        Locale locale,
        Optional<String> problem) {

    /**
     * Creates a report; the recipients are copied into an immutable list. The reader sanitizes the
     * strings; this constructor does not.
     *
     * @param kind what the message is
     * @param format the recognized format, e.g. {@code rfc3464}
     * @param reportingMta the server that wrote the report, or empty
     * @param arrivalDate when that server received the original message, as written, or empty
     * @param originalMessageId the returned message's {@code Message-ID}, or empty
     * @param originalSubject the returned message's subject, or empty
     * @param recipients one entry per recipient the report names
     * @param locale the language the explanations were asked in
     * @param problem why the message could not be read fully, or empty
     * @throws NullPointerException if any component or recipient is null (absent values are empty)
     */
    public BounceReport {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(reportingMta, "reportingMta");
        Objects.requireNonNull(arrivalDate, "arrivalDate");
        Objects.requireNonNull(originalMessageId, "originalMessageId");
        Objects.requireNonNull(originalSubject, "originalSubject");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(problem, "problem");
    }

    /**
     * {@return the recipients that failed or are delayed (DSN action {@code failed} or {@code delayed}), with
     * their diagnoses, in the report's order; empty when there are none}
     */
    public List<BounceRecipient> failures() {
        return recipients.stream().filter(r -> r.diagnosis().isPresent()).toList();
    }
}
