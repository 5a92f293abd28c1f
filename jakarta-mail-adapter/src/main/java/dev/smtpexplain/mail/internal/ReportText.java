package dev.smtpexplain.mail.internal;

import dev.smtpexplain.core.ServerText;
import dev.smtpexplain.i18n.Explanation;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.RecipientFailure;
import dev.smtpexplain.mail.ReportLayout;
import dev.smtpexplain.mail.SendFailureReport.Outcome;
import dev.smtpexplain.mail.SmtpStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a report's text block from catalog phrases, with the layout ({@link ReportLayout}: labels,
 * separators, right-to-left handling) that the CLI and the Swing dialog use too.
 */
final class ReportText {

    private static final int SERVER_LINE_MAX = 300;

    private ReportText() {
    }

    static String summary(LocalizedMessages m, Outcome outcome, SmtpStage stage, Explanation overall, String detail,
                          List<RecipientFailure> failures, List<String> accepted, List<String> notTried) {
        ReportLayout layout = new ReportLayout(m);
        List<String> lines = new ArrayList<>();
        String title = layout.outcome(outcome);
        if (outcome == Outcome.DELIVERED) {
            lines.add(title);
        } else {
            lines.add(m.format("report.headline", Map.of("outcome", title, "title", overall.title())));
            lines.add(layout.stageSentence(outcome, stage));
        }
        if (!detail.isEmpty()) {
            lines.add(detail);
        }
        List<RecipientFailure> rejected = failures.stream().filter(RecipientFailure::isRejected).toList();
        List<RecipientFailure> deferred = failures.stream().filter(f -> !f.isRejected()).toList();
        recipientLines(m, layout, lines, "report.recipients.rejected", rejected);
        recipientLines(m, layout, lines, "report.recipients.deferred", deferred);
        if (!accepted.isEmpty()) {
            lines.add(layout.labelledText(m.format("report.recipients.accepted", Map.of("count", accepted.size())),
                    addresses(layout, accepted)));
        }
        if (!notTried.isEmpty()) {
            lines.add(layout.labelledText(m.format("report.recipients.notTried", Map.of("count", notTried.size())),
                    addresses(layout, notTried)));
        }
        String server = overall.serverText().map(ReportText::oneLine).orElse("");
        if (failures.isEmpty() && !server.isEmpty() && outcome != Outcome.DELIVERED) {
            lines.add(layout.labelled("label.serverReply", layout.data(server)));
        }
        if (outcome != Outcome.DELIVERED && !overall.advice().isEmpty()) {
            lines.add(layout.labelled("label.whatToTry", overall.advice().get(0)));
        }
        return String.join("\n", lines.stream().map(layout::line).toList());
    }

    private static void recipientLines(LocalizedMessages m, ReportLayout layout, List<String> lines, String headingKey,
                                       List<RecipientFailure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        lines.add(m.format(headingKey, Map.of("count", failures.size())));
        for (RecipientFailure f : failures) {
            lines.add("  - " + layout.recipientLine(f));
            String server = f.explanation().serverText().map(ReportText::oneLine).orElse("");
            if (!server.isEmpty()) {
                lines.add("    " + layout.data(server));
            }
        }
    }

    /** Addresses joined with ", ", each isolated in a right-to-left language so the list keeps its order. */
    private static String addresses(ReportLayout layout, List<String> addresses) {
        return String.join(", ", addresses.stream().map(layout::data).toList());
    }

    private static String oneLine(String s) {
        return ServerText.sanitize(s, SERVER_LINE_MAX, false);
    }
}
