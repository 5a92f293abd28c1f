package dev.smtpexplain.mail.internal;

import dev.smtpexplain.core.ServerText;
import dev.smtpexplain.i18n.Explanation;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.RecipientFailure;
import dev.smtpexplain.mail.SendFailureReport.Outcome;
import dev.smtpexplain.mail.SmtpStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a report's summary from catalog phrases; nothing here is English unless the catalog is.
 * Labels and separators come from the catalog ({@code layout.labelled}: French puts a no-break space
 * before ':', Chinese and Japanese use '：'). In a right-to-left language only data (addresses, the
 * server's text) is isolated, and every line starts with a right-to-left mark so that plain-text
 * viewers which take the direction from the text show it right to left.
 */
final class ReportText {

    private static final int SERVER_LINE_MAX = 300;
    private static final char FSI = '\u2068';
    private static final char PDI = '\u2069';
    private static final char RLM = '\u200F';

    private ReportText() {
    }

    static String summary(LocalizedMessages m, Outcome outcome, SmtpStage stage, Explanation overall, String detail,
                          List<RecipientFailure> failures, List<String> accepted, List<String> notTried) {
        List<String> lines = new ArrayList<>();
        String title = m.get("report.title." + switch (outcome) {
            case FAILED -> "failed";
            case PARTIALLY_DELIVERED -> "partial";
            case DELIVERED -> "delivered";
        });
        if (outcome == Outcome.DELIVERED) {
            lines.add(title);
        } else {
            lines.add(m.format("report.headline", Map.of("outcome", title, "title", overall.title())));
            lines.add(m.format(outcome == Outcome.FAILED ? "report.stage.failed" : "report.stage.partial",
                    Map.of("stage", m.get(stage.messageKey()))));
        }
        if (!detail.isEmpty()) {
            lines.add(detail);
        }
        List<RecipientFailure> rejected = failures.stream().filter(RecipientFailure::isRejected).toList();
        List<RecipientFailure> deferred = failures.stream().filter(f -> !f.isRejected()).toList();
        recipientLines(m, lines, "report.recipients.rejected", rejected);
        recipientLines(m, lines, "report.recipients.deferred", deferred);
        if (!accepted.isEmpty()) {
            lines.add(labelled(m, m.format("report.recipients.accepted", Map.of("count", accepted.size())), addresses(m, accepted)));
        }
        if (!notTried.isEmpty()) {
            lines.add(labelled(m, m.format("report.recipients.notTried", Map.of("count", notTried.size())), addresses(m, notTried)));
        }
        String server = oneLine(overall.serverText());
        if (failures.isEmpty() && !server.isEmpty() && outcome != Outcome.DELIVERED) {
            lines.add(labelled(m, m.get("label.serverReply"), data(m, server)));
        }
        if (outcome != Outcome.DELIVERED && !overall.advice().isEmpty()) {
            lines.add(labelled(m, m.get("label.whatToTry"), overall.advice().get(0)));
        }
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(m.isRightToLeft() ? RLM + line : line);
        }
        return sb.toString();
    }

    private static void recipientLines(LocalizedMessages m, List<String> lines, String headingKey, List<RecipientFailure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        lines.add(m.format(headingKey, Map.of("count", failures.size())));
        for (RecipientFailure f : failures) {
            lines.add("  - " + m.format("report.recipient.line", Map.of("address", f.address(), "title", f.explanation().title())));
            String server = oneLine(f.explanation().serverText());
            if (!server.isEmpty()) {
                lines.add("    " + data(m, server));
            }
        }
    }

    private static String labelled(LocalizedMessages m, String label, String value) {
        return m.format("layout.labelled", Map.of("label", label, "value", value));
    }

    /** Addresses joined with ", ", each isolated in a right-to-left language so the list keeps its order. */
    private static String addresses(LocalizedMessages m, List<String> addresses) {
        return String.join(", ", addresses.stream().map(a -> data(m, a)).toList());
    }

    private static String data(LocalizedMessages m, String s) {
        return m.isRightToLeft() ? FSI + s + PDI : s;
    }

    private static String oneLine(String s) {
        return ServerText.sanitize(s, SERVER_LINE_MAX, false);
    }
}
