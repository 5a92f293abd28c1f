package dev.smtpexplain.mail.internal;

import dev.smtpexplain.core.ServerText;
import dev.smtpexplain.i18n.Explanation;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.RecipientFailure;
import dev.smtpexplain.mail.SendFailureReport.Outcome;
import dev.smtpexplain.mail.SmtpStage;
import java.util.List;
import java.util.Map;

/** Writes a report's summary from catalog phrases; nothing here is English unless the catalog is. */
final class ReportText {

    private static final int SERVER_LINE_MAX = 300;

    private ReportText() {
    }

    static String summary(LocalizedMessages m, Outcome outcome, SmtpStage stage, Explanation overall, String detail,
                          List<RecipientFailure> failures, List<String> accepted, List<String> notTried) {
        StringBuilder sb = new StringBuilder(m.get("report.title." + switch (outcome) {
            case FAILED -> "failed";
            case PARTIALLY_DELIVERED -> "partial";
            case DELIVERED -> "delivered";
        }));
        if (outcome != Outcome.DELIVERED) {
            sb.append(": ").append(overall.title());
            line(sb, m.get("label.stage") + ": " + m.get(stage.messageKey()));
        }
        if (!detail.isEmpty()) {
            line(sb, detail);
        }
        if (!failures.isEmpty()) {
            line(sb, m.format("report.recipients.rejected", Map.of("count", failures.size())));
            for (RecipientFailure f : failures) {
                line(sb, "  - " + m.format("report.recipient.line", Map.of("address", f.address(), "title", f.explanation().title())));
                String server = oneLine(f.explanation().serverText());
                if (!server.isEmpty()) {
                    line(sb, "    " + server);
                }
            }
        }
        if (!accepted.isEmpty()) {
            line(sb, m.format("report.recipients.accepted", Map.of("count", accepted.size())) + ": " + String.join(", ", accepted));
        }
        if (!notTried.isEmpty()) {
            line(sb, m.format("report.recipients.notTried", Map.of("count", notTried.size())) + ": " + String.join(", ", notTried));
        }
        String server = oneLine(overall.serverText());
        if (failures.isEmpty() && !server.isEmpty() && outcome != Outcome.DELIVERED) {
            line(sb, m.get("label.serverReply") + ": " + server);
        }
        if (outcome != Outcome.DELIVERED && !overall.advice().isEmpty()) {
            line(sb, m.get("label.whatToTry") + ": " + overall.advice().get(0));
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        return ServerText.sanitize(s, SERVER_LINE_MAX, false);
    }

    private static void line(StringBuilder sb, String s) {
        sb.append('\n').append(s);
    }
}
