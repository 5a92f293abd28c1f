package dev.smtpexplain.examples.cli;

import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.ReportLayout;
import dev.smtpexplain.mail.bounce.BounceRecipient;
import dev.smtpexplain.mail.bounce.BounceReport;
import java.util.Map;
import java.util.function.UnaryOperator;

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
        ExplanationRenderer.line(sb, layout, t, withNote(layout, "━━ " + layout.data(where) + "  " + m.get(r.kind().messageKey()),
                layout.data(r.format()), t::bold, t::dim));
        r.reportingMta().ifPresent(s -> ExplanationRenderer.line(sb, layout, t, layout.labelled("bounce.label.reportingMta", layout.data(s))));
        if (r.originalSubject().isPresent() || r.originalMessageId().isPresent()) {
            // the subject in the language's quotation marks, the Message-ID after it as the language sets them apart
            String subject = r.originalSubject().map(s -> layout.quoted(layout.data(s))).orElse("");
            String id = r.originalMessageId().map(layout::data).orElse("");
            String value = subject.isEmpty() || id.isEmpty() ? subject + id
                    : m.format("bounce.subjectAndId", Map.of("subject", subject, "messageId", id));
            ExplanationRenderer.line(sb, layout, t, layout.labelled("bounce.label.originalMessage", value));
        }
        r.problem().ifPresent(p -> ExplanationRenderer.line(sb, layout, t, t.yellow("! " + layout.data(p))));
        if (r.recipients().isEmpty()) {
            ExplanationRenderer.line(sb, layout, t, m.get("bounce.noRecipients"));
        }
        for (BounceRecipient rcpt : r.recipients()) {
            sb.append('\n');
            String recipient = layout.labelled("label.recipient", layout.data(rcpt.finalRecipient()));
            String heading = t.heading(recipient);
            if (!rcpt.action().isEmpty()) {
                // the DSN's action, in the reader's words where the catalog has them (RFC 3464's five), else as sent
                String key = "bounce.action." + rcpt.action();
                heading = withNote(layout, recipient, m.has(key) ? m.get(key) : layout.data(rcpt.action()), t::heading, t::dim);
            }
            ExplanationRenderer.line(sb, layout, t, heading);
            rcpt.stage().ifPresent(s -> ExplanationRenderer.line(sb, layout, t, layout.labelled("label.stage", m.get(s.messageKey()))));
            rcpt.explanation().ifPresent(e -> sb.append('\n').append(ExplanationRenderer.render(e, m, t)));
        }
        sb.append('\n');
        return sb.toString();
    }

    /**
     * A text and a note in the language's parentheses ("text (note)", "text（note）"), the text and the note each in
     * its own style.
     */
    static String withNote(ReportLayout layout, String text, String note, UnaryOperator<String> textStyle,
            UnaryOperator<String> noteStyle) {
        String whole = layout.parenthetical(text, note);
        int at = whole.indexOf(text);
        if (at < 0) {
            return textStyle.apply(whole);
        }
        int end = at + text.length();
        if (end < whole.length() && whole.charAt(end) == '\u2069') {
            end++; // the isolate a right-to-left language puts around the text
        }
        return textStyle.apply(whole.substring(0, end)) + noteStyle.apply(whole.substring(end));
    }
}
