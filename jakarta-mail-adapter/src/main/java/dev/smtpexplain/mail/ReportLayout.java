package dev.smtpexplain.mail;

import dev.smtpexplain.i18n.Explanation;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.SendFailureReport.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a report's pieces are put together, all from the catalog; the report's own text
 * ({@link SendFailureReport#text()}), the CLI and the Swing dialog use this one layout. It gives the outcome, the
 * sentence saying at which step sending failed, labels with their separator (French puts a no-break
 * space before ':', Chinese and Japanese use '：'), and bidi handling for right-to-left languages:
 * only data (addresses, ids) is isolated, and plain-text lines start with a right-to-left mark so a
 * terminal or log viewer that picks the direction from the text shows them right to left.
 */
public final class ReportLayout {

    private static final char FSI = '\u2068';
    private static final char PDI = '\u2069';
    private static final char RLM = '\u200F';

    private final LocalizedMessages m;

    /**
     * A layout in the language of the given messages.
     *
     * @param messages the catalog to take phrases, labels and separators from
     */
    public ReportLayout(LocalizedMessages messages) {
        this.m = messages;
    }

    /** "The message was not sent", "… sent to some recipients only", "… was sent". */
    public String outcome(Outcome o) {
        return m.get(o.messageKey());
    }

    /** The sentence saying at which step sending failed; empty for a delivered message. */
    public String stageSentence(Outcome o, SmtpStage stage) {
        return switch (o) {
            case FAILED -> m.format("report.stage.failed", Map.of("stage", m.get(stage.messageKey())));
            case PARTIALLY_DELIVERED -> m.format("report.stage.partial", Map.of("stage", m.get(stage.messageKey())));
            case DELIVERED -> "";
        };
    }

    /** A catalog label and its value, with the language's separator. */
    public String labelled(String labelKey, String value) {
        return labelledText(m.get(labelKey), value);
    }

    /** A label (already formatted) and its value, with the language's separator. */
    public String labelledText(String label, String value) {
        return m.format("layout.labelled", Map.of("label", label, "value", value));
    }

    /** A label that introduces what follows on the next lines ("The server's reply:"). */
    public String heading(String labelKey) {
        return m.format("layout.heading", Map.of("label", m.get(labelKey)));
    }

    /** A question label followed by its answer ("Will sending again help? Sending again later …"). */
    public String questionAnswer(String questionKey, String answer) {
        return m.format("layout.questionAnswer", Map.of("question", m.get(questionKey), "answer", answer));
    }

    /** One refused or deferred recipient: the address and what happened, in the catalog's order. */
    public String recipientLine(RecipientFailure f) {
        return m.format("report.recipient.line", Map.of("address", f.address(), "title", f.explanation().title()));
    }

    /**
     * The technical lines about the codes, each when the reply has it: "Reply code 550: meaning",
     * "Enhanced status 5.1.1: meaning".
     *
     * @param e the explanation whose reply and meanings to show
     * @return zero to two lines, without indentation
     */
    public List<String> codeLines(Explanation e) {
        List<String> lines = new ArrayList<>(2);
        e.diagnosis().reply().code().ifPresent(c -> e.codeMeaning().ifPresent(meaning ->
                lines.add(labelledText(m.format("label.replyCode", Map.of("code", c.toString())), meaning))));
        e.diagnosis().reply().status().ifPresent(s -> e.statusMeaning().ifPresent(meaning ->
                lines.add(labelledText(m.format("label.enhancedStatus", Map.of("status", s.toString())), meaning))));
        return List.copyOf(lines);
    }

    /**
     * "Category: recipient-unknown · Confidence: High".
     *
     * @param e the explanation whose category and confidence to show
     * @param afterId text set right after the category id (the CLI adds the rule that decided), often ""
     * @return one line, without indentation
     */
    public String categoryLine(Explanation e, String afterId) {
        return labelled("label.category", data(e.categoryId()) + afterId) + " · " + labelled("label.confidence", e.confidenceLabel());
    }

    /** Data (an address, an id) set into text: isolated in a right-to-left language, as it is. */
    public String data(String s) {
        return m.isRightToLeft() ? FSI + s + PDI : s;
    }

    /** A line of plain text: in a right-to-left language it starts with a right-to-left mark. */
    public String line(String s) {
        return m.isRightToLeft() && !s.isEmpty() ? RLM + s : s;
    }

    /** Whether the language is written right to left. */
    public boolean isRightToLeft() {
        return m.isRightToLeft();
    }
}
