package dev.smtpexplain.examples.cli;

import dev.smtpexplain.core.CodeRegistry;
import dev.smtpexplain.core.EnhancedStatus;
import dev.smtpexplain.core.ReplyCode;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.ReportLayout;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code smtp-explain codes}: a localized reference table of every basic and enhanced code. */
@Command(name = "codes", mixinStandardHelpOptions = true,
        description = "Lists every basic reply code and every registered enhanced status code with its meaning.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:listed", "1:the output could not be written", "2:usage error (bad option)",
                "141:the output's reader went away (| head)"})
@Examples({"smtp-explain codes",
        "smtp-explain codes --class 5 --lang gu"})
final class CodesCommand implements Callable<Integer> {

    @CommandLine.Mixin
    LanguageOption language;

    @Option(names = "--class", paramLabel = "1-5", description = "Only codes of this class, 1 to 5 (4 and 5 are the failures, and the "
            + "enhanced status codes are listed with them; 101 and 111 are mail programs' connection errors, not server replies).")
    Integer cls;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (cls != null && (cls < 1 || cls > 5)) {
            // RFC 5321 uses 2 to 5; the table also lists 101 and 111, which mail programs report for a failed connection
            throw new CommandLine.ParameterException(spec.commandLine(), "--class takes 1, 2, 3, 4 or 5, got " + cls);
        }
        PrintWriter out = spec.commandLine().getOut();
        Locale locale = language.locale();
        LocalizedMessages m = Explainer.standard().messages(locale);
        Terminal t = Terminal.detect();
        // as explain and demo print them: in a right-to-left language each line starts with a right-to-left mark and the
        // code is isolated, so every row of the table reads right to left, whether it starts with 101 or with X.1.6
        ReportLayout layout = new ReportLayout(m);
        for (ReplyCode c : CodeRegistry.replyCodes()) {
            if (cls == null || c.classDigit() == cls) {
                out.println(layout.line(t.bold(layout.data(c.toString())) + "  " + m.get("code." + c.value())));
            }
        }
        if (cls == null || cls >= 4) {
            // enhanced codes are registered without their class: X.s.d; their meanings say what failed, so they are listed
            // with the failure classes (a 2.1.1 "mailbox does not exist" would read wrong)
            String prefix = cls == null ? "X" : cls.toString();
            for (EnhancedStatus s : CodeRegistry.enhancedStatuses()) {
                out.println(layout.line(t.bold(layout.data(prefix + "." + s.subject() + "." + s.detail())) + "  "
                        + m.get("status." + s.subject() + "." + s.detail())));
            }
        }
        out.flush();
        return 0;
    }
}
