package dev.smtpexplain.mail;

import dev.smtpexplain.mail.SendFailureReport.Outcome;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ExplainingSender#send} returns when the message reached at least one recipient.
 * Immutable, with value semantics.
 *
 * <p>A class rather than a record, so that a component can be added without breaking callers.
 */
public final class SendResult {

    private final Outcome outcome;
    private final List<String> acceptedRecipients;
    private final Optional<SendFailureReport> report;

    private SendResult(Outcome outcome, List<String> acceptedRecipients, Optional<SendFailureReport> report) {
        this.outcome = outcome;
        this.acceptedRecipients = acceptedRecipients;
        this.report = report;
    }

    /**
     * A result.
     *
     * @param outcome {@link Outcome#DELIVERED} or {@link Outcome#PARTIALLY_DELIVERED}
     * @param acceptedRecipients the recipients the message was delivered to (copied)
     * @param report the report on the refused recipients; required for a partial delivery
     * @return the result
     * @throws NullPointerException if an argument or a recipient is null
     * @throws IllegalArgumentException if {@code outcome} is {@link Outcome#FAILED} or {@link Outcome#UNCONFIRMED}, a partial delivery
     *     has no report, or the report's outcome is not {@code outcome}
     */
    public static SendResult of(Outcome outcome, List<String> acceptedRecipients, Optional<SendFailureReport> report) {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(acceptedRecipients, "acceptedRecipients");
        Objects.requireNonNull(report, "report");
        if (outcome == Outcome.FAILED || outcome == Outcome.UNCONFIRMED) {
            throw new IllegalArgumentException("a " + (outcome == Outcome.FAILED ? "failed" : "unconfirmed")
                    + " send has no result: it throws ExplainedSendFailedException");
        }
        if (outcome == Outcome.PARTIALLY_DELIVERED && report.isEmpty()) {
            throw new IllegalArgumentException("a partial delivery needs the report on the refused recipients");
        }
        if (report.isPresent() && report.get().outcome() != outcome) {
            throw new IllegalArgumentException("the report's outcome " + report.get().outcome() + " is not " + outcome);
        }
        return new SendResult(outcome, List.copyOf(acceptedRecipients), report);
    }

    /**
     * Everyone got the message.
     *
     * @param recipients the recipients the message was delivered to
     * @return a {@link Outcome#DELIVERED} result without a report
     * @throws NullPointerException if {@code recipients} or a recipient is null
     */
    public static SendResult delivered(List<String> recipients) {
        Objects.requireNonNull(recipients, "recipients");
        return of(Outcome.DELIVERED, recipients, Optional.empty());
    }

    /**
     * Whether everyone or only some recipients got the message.
     *
     * @return {@link Outcome#DELIVERED} or, with {@code mail.smtp.sendpartial}, {@link Outcome#PARTIALLY_DELIVERED}
     */
    public Outcome outcome() {
        return outcome;
    }

    /**
     * The recipients the message was delivered to.
     *
     * @return an unmodifiable list
     */
    public List<String> acceptedRecipients() {
        return acceptedRecipients;
    }

    /**
     * The report on the refused recipients.
     *
     * @return the report for a partial delivery; empty when everyone got the message and nothing was reported
     */
    public Optional<SendFailureReport> report() {
        return report;
    }

    /**
     * Whether every recipient got the message.
     *
     * @return whether the outcome is {@link Outcome#DELIVERED} with no refused recipient
     */
    public boolean isFullyDelivered() {
        return outcome == Outcome.DELIVERED && report.map(r -> r.recipientFailures().isEmpty()).orElse(true);
    }

    /**
     * Whether {@code o} is a result with equal components.
     *
     * @param o the object to compare with
     * @return whether every component is equal
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof SendResult r
                && outcome == r.outcome && acceptedRecipients.equals(r.acceptedRecipients) && report.equals(r.report);
    }

    /**
     * A hash code consistent with {@link #equals}.
     *
     * @return the hash code of the components
     */
    @Override
    public int hashCode() {
        return Objects.hash(outcome, acceptedRecipients, report);
    }

    /**
     * One line for logs: the outcome, how many recipients got the message and how many were refused.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        // refused and deferred apart, as SendFailureReport.toString counts them
        return "SendResult[" + outcome + ", " + acceptedRecipients.size() + " accepted"
                + report.map(r -> ", " + r.rejectedRecipients().size() + " refused, " + r.deferredRecipients().size() + " deferred")
                .orElse("") + "]";
    }
}
