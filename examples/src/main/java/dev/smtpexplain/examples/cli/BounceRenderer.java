package dev.smtpexplain.examples.cli;

import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.bounce.BounceRecipient;
import dev.smtpexplain.mail.bounce.BounceReport;

/** Renders a bounce report as readable text: what the message is, then each failed recipient's explanation. */
final class BounceRenderer {

    private BounceRenderer() {
    }

    static String render(String file, int index, BounceReport r, LocalizedMessages m, Terminal t) {
        StringBuilder sb = new StringBuilder();
        String where = dev.smtpexplain.core.ServerText.sanitize(file, 300, false) + (index > 0 ? " #" + index : "");
        sb.append(t.bold("━━ " + where + "  " + m.get(r.kind().messageKey()))).append(t.dim("  (" + r.format() + ")")).append('\n');
        r.reportingMta().ifPresent(s -> sb.append(m.get("bounce.label.reportingMta")).append(": ").append(s).append('\n'));
        if (r.originalSubject().isPresent() || r.originalMessageId().isPresent()) {
            sb.append(m.get("bounce.label.originalMessage")).append(": ")
                    .append(r.originalSubject().map(s -> "\"" + s + "\"").orElse(""))
                    .append(r.originalMessageId().map(s -> " " + s).orElse("")).append('\n');
        }
        r.problem().ifPresent(p -> sb.append(t.yellow("! " + p)).append('\n'));
        if (r.recipients().isEmpty()) {
            sb.append(m.get("bounce.noRecipients")).append('\n');
        }
        for (BounceRecipient rcpt : r.recipients()) {
            sb.append('\n').append(t.heading(m.get("label.recipient") + ": " + rcpt.finalRecipient()));
            if (!rcpt.action().isEmpty()) {
                sb.append(t.dim(" (" + rcpt.action() + ")"));
            }
            sb.append('\n');
            rcpt.stage().ifPresent(s -> sb.append(m.get("label.stage")).append(": ").append(m.get(s.messageKey())).append('\n'));
            rcpt.explanation().ifPresent(e -> sb.append('\n').append(ExplanationRenderer.render(e, m, t)));
        }
        sb.append('\n');
        return sb.toString();
    }
}
