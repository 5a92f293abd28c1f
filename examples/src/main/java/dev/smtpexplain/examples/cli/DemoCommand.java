package dev.smtpexplain.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smtpexplain.core.ServerText;
import dev.smtpexplain.examples.demo.DemoMailServer;
import dev.smtpexplain.examples.demo.Scenario;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.ReportLayout;
import dev.smtpexplain.mail.SendFailureReport;
import dev.smtpexplain.mail.bounce.BounceReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code smtp-explain demo}: provokes a dozen real send failures on embedded servers and explains each. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        // one paragraph a line: picocli wraps each at spaces, and the first is the command's summary in the top-level help
        description = {"Provokes a dozen real send failures on embedded servers and explains each.",
                "Starts embedded SMTP servers on 127.0.0.1 that fail the way real servers do, sends real messages through "
                        + "Jakarta Mail with the smtp-explain adapter, and prints each localized report. Needs nothing but Java; "
                        + "finishes in seconds and leaves nothing running."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every scenario produced a report", "1:a scenario did not fail as expected, or the output could not be written",
                "2:usage error", "141:the output's reader went away (| head)"})
@Examples({"smtp-explain demo",
        "smtp-explain demo --lang gu",
        "smtp-explain demo --json --only unknown-recipient"})
final class DemoCommand implements Callable<Integer> {

    @CommandLine.Mixin
    LanguageOption language;

    @Option(names = "--json", description = "Print one JSON object per scenario (JSON lines).")
    boolean json;

    @Option(names = "--only", paramLabel = "ID", split = ",", completionCandidates = ScenarioIds.class,
            description = "Run only these scenarios (comma-separated): ${COMPLETION-CANDIDATES}.")
    List<String> only;

    /** Every scenario's id, for the help. */
    static final class ScenarioIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Scenario.all().stream().map(Scenario::id).iterator();
        }
    }

    @Option(names = "--native-digits", description = "Write counts with the language's own digits.")
    boolean nativeDigits;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Locale locale = language.locale();
        // "a, b" and "a,a" name known scenarios: ids are trimmed and each runs once
        Set<String> wanted = only == null ? null
                : only.stream().map(String::strip).filter(id -> !id.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> known = Scenario.all().stream().map(Scenario::id).toList();
        if (wanted != null) {
            List<String> unknown = wanted.stream().filter(id -> !known.contains(id)).map(ServerText::excerpt).toList();
            if (!unknown.isEmpty() || wanted.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), (unknown.isEmpty() ? "--only names no scenario"
                        : "unknown scenario in --only: " + String.join(", ", unknown)) + "; known: " + String.join(", ", known));
            }
        }
        List<Scenario> scenarios = Scenario.all().stream().filter(s -> wanted == null || wanted.contains(s.id())).toList();
        Explainer explainer = nativeDigits ? Explainer.builder().nativeDigits(true).build() : Explainer.standard();
        LocalizedMessages messages = explainer.messages(locale);
        Terminal t = Terminal.detect();
        int unexpected = 0;
        try (DemoMailServer servers = DemoMailServer.start()) {
            int i = 0;
            for (Scenario s : scenarios) {
                i++;
                if (s.server() == Scenario.Server.MAIN_THEN_BOUNCE) {
                    BounceReport bounce = s.provokeBounce(servers, explainer, locale);
                    if (bounce == null) {
                        unexpected++;
                        spec.commandLine().getErr().println("smtp-explain demo: scenario " + s.id() + " was not accepted; expected a later bounce");
                        continue;
                    }
                    if (json) {
                        out.println(bounceJson(s, bounce));
                    } else {
                        printHeading(out, t, s, i, scenarios.size(), messages);
                        out.print(BounceRenderer.render("bounce.eml", 0, bounce, messages, t));
                    }
                    out.flush();
                    continue;
                }
                SendFailureReport report = run(s, servers, explainer, locale);
                if (report == null) {
                    unexpected++;
                    spec.commandLine().getErr().println("smtp-explain demo: scenario " + s.id() + " was delivered; expected a failure");
                    continue;
                }
                if (json) {
                    out.println(json(s, report));
                } else {
                    printHeading(out, t, s, i, scenarios.size(), messages);
                    out.print(ReportRenderer.render(report, messages, t));
                    out.println();
                }
                out.flush();
            }
        }
        return unexpected == 0 ? 0 : 1;
    }

    private static void printHeading(PrintWriter out, Terminal t, Scenario s, int i, int of, LocalizedMessages messages) {
        // in a right-to-left language these lines read right to left too, with the id and the addresses isolated
        ReportLayout layout = new ReportLayout(messages);
        out.println(layout.line(BounceRenderer.withNote(layout, "━━ " + i + "/" + of + "  " + layout.data(s.id()), label(s, messages),
                t::heading, t::dim)));
        out.println(layout.line(t.dim(layout.data(s.from()) + " → " + layout.list(s.to().stream().map(layout::data).toList()))));
        out.println();
    }

    /** What the scenario shows, in the report's language. */
    static String label(Scenario s, LocalizedMessages messages) {
        String key = "demo.scenario." + s.id();
        return messages.has(key) ? messages.get(key) : s.description();
    }

    /** Sends the scenario's message; returns the report, or null if the send unexpectedly succeeded. */
    static SendFailureReport run(Scenario s, DemoMailServer servers, Explainer explainer, Locale locale) {
        return s.provoke(servers, explainer, locale);
    }

    private static String bounceJson(Scenario s, BounceReport r) {
        ObjectNode o = JsonReport.MAPPER.createObjectNode();
        o.put("scenario", s.id());
        o.put("kind", r.kind().id());
        com.fasterxml.jackson.databind.node.ArrayNode rs = o.putArray("recipients");
        for (var x : r.recipients()) {
            rs.add(BounceCommand.jsonLine("bounce.eml", 0, r, x));
        }
        r.failures().stream().findFirst().flatMap(x -> x.explanation()).ifPresent(e -> o.set("explanation", JsonReport.of(e)));
        return o.toString();
    }

    private static String json(Scenario s, SendFailureReport r) {
        ObjectNode o = JsonReport.MAPPER.createObjectNode();
        o.put("scenario", s.id());
        o.setAll(JsonReport.of(r));
        return o.toString();
    }
}
