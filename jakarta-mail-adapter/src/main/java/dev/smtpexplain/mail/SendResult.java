package dev.smtpexplain.mail;

import dev.smtpexplain.mail.SendFailureReport.Outcome;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ExplainingSender#send} returns when the message reached at least one recipient.
 *
 * @param outcome {@link Outcome#DELIVERED} or, with {@code mail.smtp.sendpartial}, {@link Outcome#PARTIALLY_DELIVERED}
 * @param acceptedRecipients the recipients the message was delivered to
 * @param report for a partial delivery, the report on the refused recipients
 */
public record SendResult(Outcome outcome, List<String> acceptedRecipients, Optional<SendFailureReport> report) {

    public SendResult {
        Objects.requireNonNull(outcome, "outcome");
        acceptedRecipients = List.copyOf(acceptedRecipients);
        Objects.requireNonNull(report, "report");
    }

    /** Everyone got the message. */
    public static SendResult delivered(List<String> recipients) {
        return new SendResult(Outcome.DELIVERED, recipients, Optional.empty());
    }

    /** Whether every recipient got the message. */
    public boolean isFullyDelivered() {
        return outcome == Outcome.DELIVERED && report.map(r -> r.recipientFailures().isEmpty()).orElse(true);
    }
}
