package dev.smtpexplain.examples.cli;

import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.RecipientFailure;
import dev.smtpexplain.mail.SendFailureReport;
import java.util.Map;

/** Renders a send-failure report for a terminal: outcome, the explanation, then the recipients. */
final class ReportText {

    private ReportText() {
    }

    static String render(SendFailureReport r, LocalizedMessages m, Terminal t) {
        StringBuilder sb = new StringBuilder();
        String outcome = m.get(switch (r.outcome()) {
            case FAILED -> "report.title.failed";
            case PARTIALLY_DELIVERED -> "report.title.partial";
            case DELIVERED -> "report.title.delivered";
        });
        sb.append(r.outcome() == SendFailureReport.Outcome.FAILED ? t.red("✗ " + outcome) : t.yellow("◐ " + outcome))
                .append(t.dim(" — " + m.get(r.stage().messageKey()))).append('\n');
        if (!r.detail().isEmpty()) {
            sb.append(r.detail()).append('\n');
        }
        sb.append('\n');
        sb.append(TextReport.render(r.explanation(), m, t));
        if (!r.acceptedRecipients().isEmpty() || !r.recipientFailures().isEmpty() || !r.notAttemptedRecipients().isEmpty()) {
            sb.append('\n');
        }
        if (!r.acceptedRecipients().isEmpty()) {
            sb.append(t.heading(m.format("report.recipients.accepted", Map.of("count", r.acceptedRecipients().size())))).append('\n');
            r.acceptedRecipients().forEach(a -> sb.append("  ").append(t.green("✓ ")).append(a).append('\n'));
        }
        if (!r.recipientFailures().isEmpty()) {
            sb.append(t.heading(m.format("report.recipients.rejected", Map.of("count", r.recipientFailures().size())))).append('\n');
            for (RecipientFailure f : r.recipientFailures()) {
                sb.append("  ").append(t.red("✗ ")).append(m.format("report.recipient.line",
                        Map.of("address", f.address(), "title", f.explanation().title()))).append('\n');
            }
        }
        if (!r.notAttemptedRecipients().isEmpty()) {
            sb.append(t.heading(m.format("report.recipients.notTried", Map.of("count", r.notAttemptedRecipients().size())))).append('\n');
            r.notAttemptedRecipients().forEach(a -> sb.append("  – ").append(a).append('\n'));
        }
        return sb.toString();
    }
}
