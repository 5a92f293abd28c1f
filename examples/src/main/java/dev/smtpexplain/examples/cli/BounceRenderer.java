package dev.smtpexplain.examples.cli;

import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.ReportLayout;
import dev.smtpexplain.mail.bounce.BounceRecipient;
import dev.smtpexplain.mail.bounce.BounceReport;

/**
 * Renders a bounce report as readable text: what the message is, then each failed recipient's explanation. As in
 * {@link ExplanationRenderer}, a right-to-left language gets a right-to-left mark on every line and data (file
 * names, hosts, addresses, the original's subject) in directional isolates.
 */
final class BounceRenderer {

    private BounceRenderer() {
    }

    static String render(String file, int index, BounceReport r, LocalizedMessages m, Terminal t) {
        ReportLayout layout = new ReportLayout(m);
        StringBuilder sb = new StringBuilder();
        String where = BounceCommand.shownName(file) + (index > 0 ? " #" + index : "");
        ExplanationRenderer.line(sb, layout, t.bold("━━ " + layout.data(where) + "  " + m.get(r.kind().messageKey())) + t.dim("  (" + layout.data(r.format()) + ")"));
        r.reportingMta().ifPresent(s -> ExplanationRenderer.line(sb, layout, m.get("bounce.label.reportingMta") + ": " + layout.data(s)));
        if (r.originalSubject().isPresent() || r.originalMessageId().isPresent()) {
            ExplanationRenderer.line(sb, layout, m.get("bounce.label.originalMessage") + ": "
                    + r.originalSubject().map(s -> layout.data("\"" + s + "\"")).orElse("")
                    + r.originalMessageId().map(s -> " " + layout.data(s)).orElse(""));
        }
        r.problem().ifPresent(p -> ExplanationRenderer.line(sb, layout, t.yellow("! " + layout.data(p))));
        if (r.recipients().isEmpty()) {
            ExplanationRenderer.line(sb, layout, m.get("bounce.noRecipients"));
        }
        for (BounceRecipient rcpt : r.recipients()) {
            sb.append('\n');
            String heading = t.heading(m.get("label.recipient") + ": " + layout.data(rcpt.finalRecipient()));
            if (!rcpt.action().isEmpty()) {
                // the DSN's action, in the reader's words where the catalog has them (RFC 3464's five), else as sent
                String key = "bounce.action." + rcpt.action();
                heading += t.dim(" (" + (m.has(key) ? m.get(key) : layout.data(rcpt.action())) + ")");
            }
            ExplanationRenderer.line(sb, layout, heading);
            rcpt.stage().ifPresent(s -> ExplanationRenderer.line(sb, layout, m.get("label.stage") + ": " + m.get(s.messageKey())));
            rcpt.explanation().ifPresent(e -> sb.append('\n').append(ExplanationRenderer.render(e, m, t)));
        }
        sb.append('\n');
        return sb.toString();
    }
}
