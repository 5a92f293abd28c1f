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
        line(sb, layout, t.bold(e.title()));
        line(sb, layout, badge);
        sb.append('\n');
        line(sb, layout, t.heading(m.get("label.whatHappened")));
        line(sb, layout, "  " + e.summary());
        sb.append('\n');
        line(sb, layout, t.heading(m.get("label.whatToTry")));
        int i = 1;
        for (String a : e.advice()) {
            line(sb, layout, "  " + i++ + ". " + a);
        }
        sb.append('\n');
        line(sb, layout, t.heading(m.get("label.whoActs")));
        line(sb, layout, "  " + e.whoActsText());
        line(sb, layout, t.heading(m.get("label.retry")));
        line(sb, layout, "  " + e.retryText());
        line(sb, layout, t.heading(m.get("label.contact")));
        line(sb, layout, "  " + e.contact());
        sb.append('\n');
        line(sb, layout, t.heading(m.get("label.technicalDetails")));
        for (String codeLine : layout.codeLines(e)) {
            line(sb, layout, "  " + codeLine);
        }
        var ev = e.diagnosis().evidence();
        String rule = t.dim(" [" + ev.ruleId() + ev.matchedPhrase().map(phrase -> ": \"" + phrase + "\"").orElse("") + "]");
        line(sb, layout, "  " + layout.categoryLine(e, layout.data(rule)));
        if (e.serverText().isPresent()) {
            line(sb, layout, "  " + layout.heading("label.serverReply"));
            for (String l : e.serverText().get().split("\n")) {
                line(sb, layout, "    " + t.dim("> ") + layout.data(l));
            }
        }
        return sb.toString();
    }

    /** Appends one line as the layout prepares it (a right-to-left mark first in a right-to-left language). */
    static void line(StringBuilder sb, ReportLayout layout, String s) {
        sb.append(layout.line(s)).append('\n');
    }
}
