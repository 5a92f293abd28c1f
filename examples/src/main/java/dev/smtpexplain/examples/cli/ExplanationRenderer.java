package dev.smtpexplain.examples.cli;

import dev.smtpexplain.core.Permanence;
import dev.smtpexplain.mail.ReportLayout;
import dev.smtpexplain.i18n.Explanation;
import dev.smtpexplain.i18n.LocalizedMessages;

/**
 * Renders an explanation as readable text with clear sections. Labels and separators come from the
 * catalog; in a right-to-left language every line starts with a right-to-left mark and only data
 * (ids, the server's reply) is isolated.
 */
final class ExplanationRenderer {

    private ExplanationRenderer() {
    }

    static String render(Explanation e, LocalizedMessages m, Terminal t) {
        ReportLayout layout = new ReportLayout(m);
        StringBuilder sb = new StringBuilder();
        Permanence p = e.diagnosis().permanence();
        String badge = p == Permanence.PERMANENT ? t.red(e.permanenceLabel()) : p == Permanence.TEMPORARY ? t.yellow(e.permanenceLabel()) : t.bold(e.permanenceLabel());
        line(sb, layout, t, t.bold(e.title()));
        // a guess says so where the reader looks first, not only in the technical details
        boolean guess = e.confidenceLabel().equals(m.get("confidence.low"));
        line(sb, layout, t, guess ? badge + " · " + t.yellow(e.confidenceLabel()) : badge);
        sb.append('\n');
        line(sb, layout, t, t.heading(m.get("label.whatHappened")));
        line(sb, layout, t, "  " + e.summary());
        sb.append('\n');
        line(sb, layout, t, t.heading(m.get("label.whatToTry")));
        int i = 1;
        for (String a : e.advice()) {
            line(sb, layout, t, "  " + i++ + ". " + a);
        }
        sb.append('\n');
        line(sb, layout, t, t.heading(m.get("label.whoActs")));
        line(sb, layout, t, "  " + e.whoActsText());
        line(sb, layout, t, t.heading(m.get("label.retry")));
        line(sb, layout, t, "  " + e.retryText());
        line(sb, layout, t, t.heading(m.get("label.contact")));
        line(sb, layout, t, "  " + e.contact());
        sb.append('\n');
        line(sb, layout, t, t.heading(m.get("label.technicalDetails")));
        for (String codeLine : layout.codeLines(e)) {
            line(sb, layout, t, "  " + codeLine);
        }
        var ev = e.diagnosis().evidence();
        String rule = t.dim("[" + ev.ruleId() + ev.matchedPhrase().map(phrase -> ": \"" + phrase + "\"").orElse("") + "]");
        // the space outside the isolate: a line can break there in a right-to-left language too
        line(sb, layout, t, "  " + layout.categoryLine(e, " " + layout.data(rule)));
        if (e.serverText().isPresent()) {
            line(sb, layout, t, "  " + layout.heading("label.serverReply"));
            for (String l : e.serverText().get().split("\n")) {
                // the server's own lines as it wrote them: never broken, so that they can be copied and searched
                sb.append(layout.line("    " + t.dim("> ") + layout.data(l))).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * Appends one line as the layout prepares it (a right-to-left mark first in a right-to-left language), broken to
     * the terminal's width.
     */
    static void line(StringBuilder sb, ReportLayout layout, Terminal t, String s) {
        for (String piece : t.fit(s, layout.locale())) {
            sb.append(layout.line(piece)).append('\n');
        }
    }
}
