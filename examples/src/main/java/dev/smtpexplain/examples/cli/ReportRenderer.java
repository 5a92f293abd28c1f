package dev.smtpexplain.examples.cli;

import dev.smtpexplain.mail.ReportLayout;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.RecipientFailure;
import dev.smtpexplain.mail.SendFailureReport;
import java.util.List;
import java.util.Map;

/** Renders a send-failure report for a terminal: outcome, the step that failed, the explanation, then the recipients. */
final class ReportRenderer {

    private ReportRenderer() {
    }

    static String render(SendFailureReport r, LocalizedMessages m, Terminal t) {
        ReportLayout layout = new ReportLayout(m);
        StringBuilder sb = new StringBuilder();
        String outcome = layout.outcome(r.outcome());
        ExplanationRenderer.line(sb, layout, t, switch (r.outcome()) {
            case FAILED -> t.red("✗ " + outcome);
            case UNCONFIRMED -> t.yellow("? " + outcome);
            case PARTIALLY_DELIVERED, DELIVERED -> t.yellow("◐ " + outcome);
        });
        String stage = layout.stageSentence(r.outcome(), r.stage());
        if (!stage.isEmpty()) {
            ExplanationRenderer.line(sb, layout, t, t.dim(stage));
        }
        r.transportDetail().ifPresent(detail -> ExplanationRenderer.line(sb, layout, t, detail));
        sb.append('\n');
        sb.append(ExplanationRenderer.render(r.explanation(), m, t));
        if (!r.acceptedRecipients().isEmpty() || !r.recipientFailures().isEmpty() || !r.notAttemptedRecipients().isEmpty()
                || !r.unconfirmedRecipients().isEmpty()) {
            sb.append('\n');
        }
        if (!r.acceptedRecipients().isEmpty()) {
            ExplanationRenderer.line(sb, layout, t, t.heading(m.format("report.recipients.accepted", Map.of("count", r.acceptedRecipients().size()))));
            r.acceptedRecipients().forEach(a -> ExplanationRenderer.line(sb, layout, t, "  " + t.green("✓ ") + layout.data(a)));
        }
        List<RecipientFailure> rejected = r.recipientFailures().stream().filter(RecipientFailure::isRejected).toList();
        List<RecipientFailure> deferred = r.recipientFailures().stream().filter(f -> !f.isRejected()).toList();
        if (!rejected.isEmpty()) {
            ExplanationRenderer.line(sb, layout, t, t.heading(m.format("report.recipients.rejected", Map.of("count", rejected.size()))));
            rejected.forEach(f -> ExplanationRenderer.line(sb, layout, t, "  " + t.red("✗ ") + layout.recipientLine(f)));
        }
        if (!deferred.isEmpty()) {
            ExplanationRenderer.line(sb, layout, t, t.heading(m.format("report.recipients.deferred", Map.of("count", deferred.size()))));
            deferred.forEach(f -> ExplanationRenderer.line(sb, layout, t, "  " + t.yellow("↻ ") + layout.recipientLine(f)));
        }
        if (!r.notAttemptedRecipients().isEmpty()) {
            ExplanationRenderer.line(sb, layout, t, t.heading(m.format("report.recipients.notTried", Map.of("count", r.notAttemptedRecipients().size()))));
            r.notAttemptedRecipients().forEach(a -> ExplanationRenderer.line(sb, layout, t, "  – " + layout.data(a)));
        }
        if (!r.unconfirmedRecipients().isEmpty()) {
            ExplanationRenderer.line(sb, layout, t, t.heading(m.format("report.recipients.unconfirmed", Map.of("count", r.unconfirmedRecipients().size()))));
            r.unconfirmedRecipients().forEach(a -> ExplanationRenderer.line(sb, layout, t, "  " + t.yellow("? ") + layout.data(a)));
        }
        return sb.toString();
    }
}
