package dev.smtpexplain.examples.cli;

import dev.smtpexplain.core.Permanence;
import dev.smtpexplain.i18n.Explanation;
import dev.smtpexplain.i18n.LocalizedMessages;
import java.util.Map;

/** Renders an explanation as readable text with clear sections. */
final class TextReport {

    private TextReport() {
    }

    static String render(Explanation e, LocalizedMessages m, Terminal t) {
        StringBuilder sb = new StringBuilder();
        Permanence p = e.diagnosis().permanence();
        String badge = p == Permanence.PERMANENT ? t.red(e.permanence()) : p == Permanence.TEMPORARY ? t.yellow(e.permanence()) : t.bold(e.permanence());
        sb.append(t.bold(e.title())).append('\n');
        sb.append(badge).append('\n').append('\n');
        section(sb, t, m.get("label.whatHappened"));
        sb.append(indent(e.summary())).append('\n').append('\n');
        section(sb, t, m.get("label.whatToTry"));
        int i = 1;
        for (String a : e.advice()) {
            sb.append("  ").append(i++).append(". ").append(a).append('\n');
        }
        sb.append('\n');
        section(sb, t, m.get("label.whoActs"));
        sb.append(indent(e.whoActs())).append('\n');
        section(sb, t, m.get("label.retry"));
        sb.append(indent(e.retry())).append('\n');
        section(sb, t, m.get("label.contact"));
        sb.append(indent(e.contact())).append('\n').append('\n');
        section(sb, t, m.get("label.technicalDetails"));
        e.diagnosis().reply().code().ifPresent(c -> e.codeMeaning().ifPresent(meaning ->
                sb.append("  ").append(m.format("label.replyCode", Map.of("code", c.toString()))).append(": ").append(meaning).append('\n')));
        e.diagnosis().reply().status().ifPresent(s -> e.statusMeaning().ifPresent(meaning ->
                sb.append("  ").append(m.format("label.enhancedStatus", Map.of("status", s.toString()))).append(": ").append(meaning).append('\n')));
        var ev = e.diagnosis().evidence();
        sb.append("  ").append(m.get("label.category")).append(": ").append(e.categoryId())
                .append(t.dim(" [" + ev.ruleId() + (ev.matchedPhrase().isEmpty() ? "" : ": \"" + ev.matchedPhrase() + "\"") + "]"))
                .append(" · ").append(m.get("label.confidence")).append(": ").append(e.confidence()).append('\n');
        if (!e.serverText().isEmpty()) {
            sb.append("  ").append(m.get("label.serverReply")).append(":\n");
            for (String line : e.serverText().split("\n")) {
                sb.append("    ").append(t.dim("> ")).append(line).append('\n');
            }
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, Terminal t, String label) {
        sb.append(t.heading(label)).append('\n');
    }

    private static String indent(String s) {
        return "  " + s;
    }
}
