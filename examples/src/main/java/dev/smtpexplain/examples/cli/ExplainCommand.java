package dev.smtpexplain.examples.cli;

import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.core.SmtpReply;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.Explanation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code smtp-explain explain}: diagnoses a reply and explains it. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explains an SMTP failure reply: what happened, why, what to try and who must act.",
                "",
                "Examples:",
                "  smtp-explain explain \"550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown\"",
                "  smtp-explain explain --code 550 --status 5.7.26 \"Unauthenticated email is not accepted\"",
                "  smtp-explain explain --lang gu --json \"452 4.2.2 Mailbox full\"",
                "  smtp-explain explain --batch replies.tsv     (lines: code<TAB>status<TAB>text)"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:explained", "1:the batch file could not be read", "2:usage error (bad option or argument)"})
final class ExplainCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "REPLY", description = "The server's reply (or any text holding it). Several words are joined with spaces.")
    List<String> reply;

    @Option(names = "--code", paramLabel = "NNN", description = "The basic reply code, when it is known separately (e.g. 550).")
    Integer code;

    @Option(names = "--status", paramLabel = "X.Y.Z", description = "The enhanced status code, when it is known separately (e.g. 5.1.1).")
    String status;

    @CommandLine.Mixin
    LanguageOption language;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--batch", paramLabel = "FILE", description = "Read tab-separated lines code<TAB>status<TAB>text from FILE ('-' for standard input) and print one JSON object per line.")
    String batch;

    @Option(names = "--native-digits", description = "Write counts with the language's own digits (codes stay in ASCII digits).")
    boolean nativeDigits;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Locale locale = language.locale();
        Explainer explainer = nativeDigits ? Explainer.builder().nativeDigits(true).build() : Explainer.standard();
        Diagnoser diagnoser = Diagnoser.standard();
        if (batch != null) {
            if (reply != null && !reply.isEmpty() || code != null || status != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--batch reads replies from a file; give no REPLY, --code or --status with it");
            }
            return runBatch(out, diagnoser, explainer, locale);
        }
        if ((reply == null || reply.isEmpty()) && code == null && status == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give a REPLY to explain, or --batch FILE");
        }
        if (code == null && status == null && String.join(" ", reply).isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the REPLY is empty; give the server's reply, e.g. \"550 5.1.1 User unknown\"");
        }
        SmtpReply parsed;
        try {
            parsed = SmtpReply.of(code, status, reply == null ? "" : String.join(" ", reply));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Explanation e = explainer.explain(diagnoser.diagnose(parsed), locale);
        if (json) {
            out.println(JsonReport.of(e).toString());
        } else {
            out.print(TextReport.render(e, explainer.messages(locale), Terminal.detect()));
        }
        out.flush();
        return 0;
    }

    private int runBatch(PrintWriter out, Diagnoser diagnoser, Explainer explainer, Locale locale) {
        try (BufferedReader in = open(batch)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                out.println(batchLine(n, line, diagnoser, explainer, locale));
            }
        } catch (NoSuchFileException e) {
            spec.commandLine().getErr().println("smtp-explain: no such file: " + batch);
            return 1;
        } catch (IOException | UncheckedIOException e) {
            spec.commandLine().getErr().println("smtp-explain: cannot read " + batch + ": " + e.getMessage());
            return 1;
        } finally {
            out.flush();
        }
        return 0;
    }

    static String batchLine(int n, String line, Diagnoser diagnoser, Explainer explainer, Locale locale) {
        String[] f = line.split("\t", 3);
        try {
            Integer c = null;
            String s = null;
            String text;
            if (f.length == 3) {
                c = f[0].isBlank() ? null : parseCode(f[0].strip());
                s = f[1].isBlank() ? null : f[1].strip();
                text = f[2];
            } else if (f.length == 1) {
                text = f[0];
            } else {
                return JsonReport.error(n, "expected code<TAB>status<TAB>text (or a whole reply without tabs)").toString();
            }
            return JsonReport.of(explainer.explain(diagnoser.diagnose(SmtpReply.of(c, s, text)), locale)).toString();
        } catch (IllegalArgumentException e) {
            return JsonReport.error(n, e.getMessage()).toString();
        }
    }

    private static int parseCode(String s) {
        if (!s.matches("\\d{3}")) {
            throw new IllegalArgumentException("an SMTP reply code has three digits, e.g. 550; got '" + (s.length() > 20 ? s.substring(0, 20) + "…" : s) + "'");
        }
        return Integer.parseInt(s);
    }

    private static BufferedReader open(String file) throws IOException {
        if (file.equals("-")) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
    }
}
