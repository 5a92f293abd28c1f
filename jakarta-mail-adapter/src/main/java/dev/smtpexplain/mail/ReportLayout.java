package dev.smtpexplain.mail;

import dev.smtpexplain.core.ServerText;
import dev.smtpexplain.i18n.Explanation;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.SendFailureReport.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a report's pieces are put together, all from the catalog; the report's own text
 * ({@link #reportText}), the CLI, the Swing dialog and the Spring module use this one layout. It gives the outcome, the
 * sentence saying at which step sending failed, labels with their separator (French puts a no-break
 * space before ':', Chinese and Japanese use '：'), and bidi handling for right-to-left languages:
 * only data (addresses, ids) is isolated, and plain-text lines start with a right-to-left mark so a
 * terminal or log viewer that picks the direction from the text shows them right to left.
 *
 * <p>Values are set into the text as given, never read as pattern syntax, and not sanitized: pass
 * untrusted text (server replies, addresses from a bounce) through {@link dev.smtpexplain.core.ServerText}
 * first. Thread-safe when its messages are (the shipped ones are).
 */
public final class ReportLayout {

    private static final char FSI = '\u2068';
    private static final char PDI = '\u2069';
    private static final char RLM = '\u200F';

    // a server's reply quoted in the summary: one line, cut here
    private static final int SERVER_LINE_MAX = 300;
    // a list of addresses goes on to the next line past this, so that hundreds of recipients make no huge line
    private static final int ADDRESS_LINE_MAX = 300;

    // languages that go on in lower case after a colon
    private static final java.util.Set<String> LOWER_CASE_AFTER_COLON = java.util.Set.of("fr", "es", "pt");

    private final LocalizedMessages m;

    /**
     * A layout in the language of the given messages.
     *
     * @param messages the catalog to take phrases, labels and separators from
     */
    public ReportLayout(LocalizedMessages messages) {
        this.m = messages;
    }

    /** {@return the language this layout writes in: its catalog's locale} A terminal breaks lines by its rules. */
    public Locale locale() {
        return m.locale();
    }

    /**
     * Says what became of the message.
     *
     * @param o the outcome
     * @return "The message was not sent", "… sent to some recipients only" or "… was sent"
     */
    public String outcome(Outcome o) {
        return m.get(o.messageKey());
    }

    /**
     * The first line of a failed or partial report: the outcome and the explanation's title ({@code report.headline}).
     * French, Spanish and Portuguese go on in lower case after a colon, so there the title, written to stand alone,
     * starts in lower case ("Le message n’a pas été envoyé : la boîte aux lettres …"); a title that opens with a
     * word in capitals (SPF, DMARC) keeps it.
     *
     * @param o the outcome
     * @param overall the explanation of the failure as a whole
     * @return the headline
     */
    public String headline(Outcome o, Explanation overall) {
        String title = overall.title();
        if (LOWER_CASE_AFTER_COLON.contains(m.locale().getLanguage())) {
            title = lowerFirst(title, m.locale());
        }
        return m.format("report.headline", Map.of("outcome", outcome(o), "title", title));
    }

    private static String lowerFirst(String s, java.util.Locale locale) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        int after = Character.charCount(first);
        if (!Character.isUpperCase(first) || after < s.length() && Character.isUpperCase(s.codePointAt(after))) {
            return s;
        }
        return s.substring(0, after).toLowerCase(locale) + s.substring(after);
    }

    /**
     * Says at which step sending failed.
     *
     * @param o the outcome
     * @param stage the step of the SMTP conversation
     * @return the sentence; empty for a delivered message, for an unconfirmed one (its transport sentence says
     *     that the answer to the whole content never came), and at an {@linkplain SmtpStage#UNKNOWN unknown} stage
     *     ("failed at an unknown stage" tells a reader nothing, and a failure found before any server has no stage)
     */
    public String stageSentence(Outcome o, SmtpStage stage) {
        if (stage == SmtpStage.UNKNOWN) {
            return "";
        }
        return switch (o) {
            case FAILED -> m.format("report.stage.failed", Map.of("stage", m.get(stage.messageKey())));
            case PARTIALLY_DELIVERED -> m.format("report.stage.partial", Map.of("stage", m.get(stage.messageKey())));
            case DELIVERED, UNCONFIRMED -> "";
        };
    }

    /**
     * Sets a catalog label before its value, with the language's separator.
     *
     * @param labelKey the catalog key of the label, e.g. {@code label.category}
     * @param value the value, as it is
     * @return "Category: recipient-unknown" in English
     * @throws java.util.MissingResourceException if the catalog has no such label
     */
    public String labelled(String labelKey, String value) {
        return labelledText(m.get(labelKey), value);
    }

    /**
     * Sets a label (already formatted) before its value, with the language's separator.
     *
     * @param label the label text, without separator
     * @param value the value, as it is
     * @return the label, the separator and the value
     */
    public String labelledText(String label, String value) {
        return m.format("layout.labelled", Map.of("label", label, "value", value));
    }

    /**
     * Formats a label that introduces what follows on the next lines.
     *
     * @param labelKey the catalog key of the label, e.g. {@code label.serverReply}
     * @return "The server's reply:" in English
     * @throws java.util.MissingResourceException if the catalog has no such label
     */
    public String heading(String labelKey) {
        return m.format("layout.heading", Map.of("label", m.get(labelKey)));
    }

    /**
     * Sets a question label before its answer.
     *
     * @param questionKey the catalog key of the question, e.g. {@code label.retry}
     * @param answer the answer, as it is
     * @return "Will sending again help? Sending again later …" in English
     * @throws java.util.MissingResourceException if the catalog has no such question
     */
    public String questionAnswer(String questionKey, String answer) {
        return m.format("layout.questionAnswer", Map.of("question", m.get(questionKey), "answer", answer));
    }

    /**
     * A report's whole text ({@link SendFailureReport#text()}) without unconfirmed recipients, as
     * {@link #reportText(Outcome, SmtpStage, Explanation, String, List, List, List, List) the full form}.
     *
     * @param outcome what became of the message
     * @param stage the step of the SMTP conversation that failed
     * @param overall the explanation of the failure as a whole
     * @param detail what the transport said beyond the reply (a bad address, a refused connection), or ""
     * @param failures the refused and deferred recipients
     * @param accepted the recipients the server took the message for
     * @param notTried the recipients the message was not sent to
     * @return the text, lines joined by '\n'
     */
    public String reportText(Outcome outcome, SmtpStage stage, Explanation overall, String detail, List<RecipientFailure> failures,
                             List<String> accepted, List<String> notTried) {
        return reportText(outcome, stage, overall, detail, failures, accepted, notTried, List.of());
    }

    /**
     * A report's whole text ({@link SendFailureReport#text()}): the headline, the step that failed, the
     * transport's detail, the refused and the deferred recipients with their servers' replies, the recipients that
     * took the message, those it was not sent to and those nobody knows about, the server's reply when no recipient
     * has one of its own, and the first thing to try. Every line prepared with {@link #line(String)}; servers' replies
     * are sanitized here. A list of addresses longer than 300 characters goes on over lines indented by four spaces,
     * each but the last ending with a comma.
     *
     * @param outcome what became of the message
     * @param stage the step of the SMTP conversation that failed
     * @param overall the explanation of the failure as a whole
     * @param detail what the transport said beyond the reply (a bad address, a refused connection), or ""
     * @param failures the refused and deferred recipients
     * @param accepted the recipients the server took the message for
     * @param notTried the recipients the message was not sent to: never reached, or accepted at RCPT while another
     *     recipient's refusal stopped the message
     * @param unconfirmed the recipients that may or may not have got it ({@link Outcome#UNCONFIRMED})
     * @return the text, lines joined by '\n'
     */
    public String reportText(Outcome outcome, SmtpStage stage, Explanation overall, String detail, List<RecipientFailure> failures,
                             List<String> accepted, List<String> notTried, List<String> unconfirmed) {
        List<String> lines = new ArrayList<>();
        String title = outcome(outcome);
        if (outcome == Outcome.DELIVERED) {
            lines.add(title);
        } else {
            lines.add(headline(outcome, overall));
            String stageSentence = stageSentence(outcome, stage);
            if (!stageSentence.isEmpty()) {
                lines.add(stageSentence);
            }
        }
        if (!detail.isEmpty()) {
            lines.add(detail);
        }
        recipientLines(lines, "report.recipients.rejected", failures.stream().filter(RecipientFailure::isRejected).toList());
        recipientLines(lines, "report.recipients.deferred", failures.stream().filter(f -> !f.isRejected()).toList());
        if (!accepted.isEmpty()) {
            addressLines(lines, m.format("report.recipients.accepted", Map.of("count", accepted.size())), accepted);
        }
        if (!notTried.isEmpty()) {
            addressLines(lines, m.format("report.recipients.notTried", Map.of("count", notTried.size())), notTried);
        }
        if (!unconfirmed.isEmpty()) {
            addressLines(lines, m.format("report.recipients.unconfirmed", Map.of("count", unconfirmed.size())), unconfirmed);
        }
        String server = overall.serverText().map(ReportLayout::oneLine).orElse("");
        if (failures.isEmpty() && !server.isEmpty() && outcome != Outcome.DELIVERED) {
            lines.add(labelled("label.serverReply", data(server)));
        }
        if (outcome != Outcome.DELIVERED && !overall.advice().isEmpty()) {
            lines.add(labelled("label.whatToTry", overall.advice().get(0)));
        }
        return String.join("\n", lines.stream().map(this::line).toList());
    }

    private void recipientLines(List<String> lines, String headingKey, List<RecipientFailure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        lines.add(m.format(headingKey, Map.of("count", failures.size())));
        // the recipients a message-level refusal (a DMARC refusal after the content) refused alike: one line, one reply, not a
        // copy for each of fifty recipients; in the order they were first met
        Map<List<String>, List<String>> alike = new LinkedHashMap<>();
        for (RecipientFailure f : failures) {
            String server = f.explanation().serverText().map(ReportLayout::oneLine).orElse("");
            alike.computeIfAbsent(List.of(f.explanation().title(), server), k -> new ArrayList<>()).add(f.address());
        }
        alike.forEach((titleAndReply, addresses) -> {
            // a long list goes on over indented lines, the title after its last address
            List<String> pieces = addresses.size() == 1 ? addresses : addressPieces(addresses);
            for (int i = 0; i < pieces.size(); i++) {
                String indent = i == 0 ? "  - " : "    ";
                lines.add(indent + (i < pieces.size() - 1 ? pieces.get(i)
                        : m.format("report.recipient.line", Map.of("address", pieces.get(i), "title", titleAndReply.get(0)))));
            }
            if (!titleAndReply.get(1).isEmpty()) {
                lines.add("    " + data(titleAndReply.get(1)));
            }
        });
    }

    // the label and the addresses after it; a long list goes on over indented lines
    private void addressLines(List<String> lines, String label, List<String> addresses) {
        List<String> pieces = addressPieces(addresses);
        lines.add(labelledText(label, pieces.get(0)));
        pieces.subList(1, pieces.size()).forEach(piece -> lines.add("    " + piece));
    }

    // addresses joined with the language's list separator, each isolated in a right-to-left language so the list keeps
    // its order; a piece ends with the separator where the list goes on, before it would pass ADDRESS_LINE_MAX
    private List<String> addressPieces(List<String> addresses) {
        String separator = listSeparator();
        List<String> pieces = new ArrayList<>();
        List<String> piece = new ArrayList<>();
        int length = 0;
        for (String address : addresses) {
            String a = data(address);
            if (!piece.isEmpty() && length + separator.length() + a.length() > ADDRESS_LINE_MAX) {
                pieces.add(list(piece) + separator.strip());
                piece.clear();
                length = 0;
            }
            length += (piece.isEmpty() ? 0 : separator.length()) + a.length();
            piece.add(a);
        }
        pieces.add(list(piece));
        return pieces;
    }

    // what the language puts between two items (", ", "، ", "、"), without the marks that isolate the items themselves
    private String listSeparator() {
        String two = list(List.of("a", "b"));
        StringBuilder sb = new StringBuilder();
        for (int i = two.indexOf('a') + 1; i < two.lastIndexOf('b'); i++) {
            char c = two.charAt(i);
            if (!(c >= '\u2066' && c <= '\u2069' || c == '\u200e' || c == '\u200f')) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Joins items with the language's list separator: ", " in English, "، " in Arabic, "、" in Chinese and Japanese.
     *
     * @param items the items, as they are (isolate data with {@link #data} first)
     * @return the list; "" for no items
     */
    public String list(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        String out = items.get(0);
        for (int i = 1; i < items.size(); i++) {
            out = m.format("layout.list", Map.of("list", out, "item", items.get(i)));
        }
        return out;
    }

    /**
     * Quotes a text, such as a message's subject, with the language's quotation marks: “…” in English, «&nbsp;…&nbsp;»
     * in French, „…“ in German, 「…」 in Japanese.
     *
     * @param text the text, as it is
     * @return the quoted text
     */
    public String quoted(String text) {
        return m.format("layout.quoted", Map.of("text", text));
    }

    /**
     * Sets a note in parentheses after a text: "kim@example.test (failed)" in English, full-width "（失败）" with no space
     * in Chinese and Japanese.
     *
     * @param text the text, as it is
     * @param note the note, as it is
     * @return the text and its note
     */
    public String parenthetical(String text, String note) {
        return m.format("layout.parenthetical", Map.of("text", text, "note", note));
    }

    private static String oneLine(String s) {
        return ServerText.sanitize(s, SERVER_LINE_MAX, false);
    }

    /**
     * Describes one refused or deferred recipient: the address and what happened, in the catalog's order.
     *
     * @param f the recipient's failure
     * @return one line, without indentation
     */
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

    /**
     * Marks data (an address, an id) that is set into text.
     *
     * @param s the data
     * @return in a right-to-left language {@code s} between Unicode directional isolates (U+2068, U+2069),
     *     else {@code s} as it is
     */
    public String data(String s) {
        return m.isRightToLeft() ? FSI + s + PDI : s;
    }

    /**
     * Prepares a line of plain text for display.
     *
     * @param s the line
     * @return in a right-to-left language {@code s} after a right-to-left mark (U+200F), unless it is empty;
     *     else {@code s} as it is
     */
    public String line(String s) {
        return m.isRightToLeft() && !s.isEmpty() ? RLM + s : s;
    }

    /** {@return whether the language is written right to left} */
    public boolean isRightToLeft() {
        return m.isRightToLeft();
    }
}
