package dev.smtpexplain.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.core.ReplyCode;
import dev.smtpexplain.core.SmtpReply;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.Explanation;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
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
        description = "Explains an SMTP failure reply: what happened, why, what to try and who must act.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:explained", "1:the batch file could not be read (missing, unreadable, standard input closed), or the output "
                + "not written", "2:usage error (bad option or argument)", "141:the output's reader went away (| head)"})
@Examples({"smtp-explain explain \\",
        "    \"550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown\"",
        "smtp-explain explain --code 550 --status 5.7.26 \\",
        "    \"Unauthenticated email is not accepted\"",
        "smtp-explain explain --lang gu --json \"452 4.2.2 Mailbox full\"",
        "smtp-explain explain --batch replies.tsv    # lines: code<TAB>status<TAB>text",
        "smtp-explain explain --rules acme-rules.txt \\",
        "    \"550 5.7.1 AC:B12 listed on the Acme blocklist\""})
final class ExplainCommand implements Callable<Integer> {

    // how often a batch run whose input never pauses checks that its output can still be written
    private static final int WRITE_CHECK_LINES = 256;

    /** The cap for an error message on stderr or in a batch line's JSON: it may quote untrusted input. */
    static final int ERROR_MAX = 300;

    @Parameters(arity = "0..*", paramLabel = "REPLY", description = "The server's reply (or any text holding it). Several words are joined with spaces.")
    List<String> reply;

    @Option(names = "--code", paramLabel = "NNN", converter = CodeConverter.class,
            description = "The basic reply code, when it is known separately (e.g. 550).")
    Integer code;

    /** Reads --code as the core reads a code, so a bad one is quoted as the core quotes it: sanitized and capped. */
    static final class CodeConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return ReplyCode.parse(value).value();
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = "--status", paramLabel = "X.Y.Z", description = "The enhanced status code, when it is known separately (e.g. 5.1.1).")
    String status;

    @CommandLine.Mixin
    LanguageOption language;

    @CommandLine.Mixin
    RulesOption rules;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--batch", paramLabel = "FILE", description = "Read tab-separated lines code<TAB>status<TAB>text (or a whole reply without tabs) from FILE ('-' for standard "
            + "input) and print one JSON object per line, in order, each with its line number; a line that is no reply gives "
            + "{\"line\": N, \"error\": \"...\"} and the run goes on.")
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
        Diagnoser diagnoser = rules.diagnoser();
        if (batch != null) {
            if (reply != null && !reply.isEmpty() || code != null || status != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--batch reads replies from a file; give no REPLY, --code or --status with it");
            }
            if (batch.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--batch needs a file, or '-' for standard input");
            }
            return runBatch(out, diagnoser, explainer, locale);
        }
        if (reply != null && reply.equals(List.of("-"))) {
            // as bounce - and --batch - read standard input, an operator tries this too
            throw new CommandLine.ParameterException(spec.commandLine(), "'-' is not a reply: to read replies from standard input, use --batch -");
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
        Diagnosis diagnosis = diagnoser.diagnose(parsed);
        if (isSuccess(diagnosis)) {
            throw new CommandLine.ParameterException(spec.commandLine(), positive(diagnosis.reply()));
        }
        Explanation e = explainer.explain(diagnosis, locale);
        if (json) {
            out.println(JsonReport.of(e).toString());
        } else {
            out.print(ExplanationRenderer.render(e, explainer.messages(locale), Terminal.detect()));
        }
        out.flush();
        return 0;
    }

    private int runBatch(PrintWriter out, Diagnoser diagnoser, Explainer explainer, Locale locale) {
        // lines are written in blocks, not one system call each; whatever is written goes out as soon as no
        // more input is waiting, so a caller that feeds one line and waits for its answer still gets it
        PrintWriter buffered = new PrintWriter(out, false);
        try (InputStream in = open(batch)) {
            BatchLines lines = new BatchLines(in);
            for (BatchLines.Line line = lines.next(); line != null; line = lines.next()) {
                String json = line.error() != null ? JsonReport.error(line.number(), line.error()).toString()
                        : batchLine(line.number(), line.text(), diagnoser, explainer, locale);
                if (json != null) {
                    buffered.println(json);
                }
                if (!lines.hasBuffered() && in.available() == 0 || line.number() % WRITE_CHECK_LINES == 0) {
                    // checkError flushes: where the output went away (| head, a full disk), stop reading
                    if (buffered.checkError()) {
                        return 0; // Main turns the write error into the exit status
                    }
                }
            }
        } catch (IOException e) {
            spec.commandLine().getErr().println("smtp-explain: " + ReadError.message(batch, e));
            return 1;
        } finally {
            buffered.flush();
        }
        return 0;
    }

    /** The JSON line for batch line {@code n}; null for a comment, which gives none (no JSpecify in this module). */
    static String batchLine(int n, String line, Diagnoser diagnoser, Explainer explainer, Locale locale) {
        if (line.replace('\t', ' ').isBlank()) {
            // as an empty REPLY is a usage error: a blank line is no reply, and its number says where it is
            return JsonReport.error(n, "the line is empty").toString();
        }
        if (line.startsWith("#")) {
            // a header or a note in an exported file: no reply starts with '#', and every object names its line
            return null;
        }
        String[] f = line.split("\t", 3);
        try {
            Integer c = null;
            String s = null;
            String text;
            if (f.length == 3) {
                c = f[0].isBlank() ? null : ReplyCode.parse(f[0]).value();
                s = f[1].isBlank() ? null : f[1].strip();
                text = f[2];
            } else if (f.length == 1) {
                text = f[0];
            } else {
                return JsonReport.error(n, "expected code<TAB>status<TAB>text (or a whole reply without tabs)").toString();
            }
            Diagnosis diagnosis = diagnoser.diagnose(SmtpReply.of(c, s, text));
            if (isSuccess(diagnosis)) {
                return JsonReport.error(n, positive(diagnosis.reply())).toString();
            }
            ObjectNode o = JsonReport.MAPPER.createObjectNode().put("line", n);
            o.setAll(JsonReport.of(explainer.explain(diagnosis, locale)));
            return o.toString();
        } catch (IllegalArgumentException e) {
            return JsonReport.error(n, e.getMessage()).toString();
        }
    }

    // a success (2xx) or an intermediate reply (3xx, "354 Start mail input") is no failure to explain: explained, it
    // would read "The mail server reported a problem". Only where nothing in the text says otherwise: a number misread
    // as the code must not hide a refusal
    private static boolean isSuccess(Diagnosis d) {
        return (d.reply().classDigit() == 2 || d.reply().classDigit() == 3) && d.category() == Category.UNKNOWN;
    }

    private static String positive(SmtpReply reply) {
        return "a " + reply.classDigit() + "xx reply is " + (reply.classDigit() == 2 ? "a success" : "an intermediate reply")
                + ", not a failure: there is nothing to explain";
    }

    private static InputStream open(String file) throws IOException {
        return new BufferedInputStream(file.equals("-") ? StandardInput.open() : Files.newInputStream(Path.of(file)));
    }
}
