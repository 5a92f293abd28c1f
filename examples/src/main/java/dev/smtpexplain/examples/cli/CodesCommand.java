package dev.smtpexplain.examples.cli;

import dev.smtpexplain.core.CodeRegistry;
import dev.smtpexplain.core.EnhancedStatus;
import dev.smtpexplain.core.ReplyCode;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.LocalizedMessages;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code smtp-explain codes}: a localized reference table of every basic and enhanced code. */
@Command(name = "codes", mixinStandardHelpOptions = true,
        description = "Lists every basic reply code and every registered enhanced status code with its meaning.")
final class CodesCommand implements Callable<Integer> {

    @CommandLine.Mixin
    LanguageOption language;

    @Option(names = "--class", paramLabel = "2|3|4|5", description = "Only codes of this class: 2, 3, 4 or 5 (4 and 5 are the failures).")
    Integer cls;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (cls != null && (cls < 2 || cls > 5)) {
            // no reply code has class 1: RFC 5321 uses 2 to 5
            throw new CommandLine.ParameterException(spec.commandLine(), "--class takes 2, 3, 4 or 5, got " + cls);
        }
        PrintWriter out = spec.commandLine().getOut();
        Locale locale = language.locale();
        LocalizedMessages m = Explainer.standard().messages(locale);
        Terminal t = Terminal.detect();
        for (ReplyCode c : CodeRegistry.replyCodes()) {
            if (cls == null || c.classDigit() == cls) {
                out.println(t.bold(c.toString()) + "  " + m.get("code." + c.value()));
            }
        }
        if (cls == null || cls == 2 || cls >= 4) {
            // enhanced codes are registered without their class: X.s.d
            String prefix = cls == null ? "X" : cls.toString();
            for (EnhancedStatus s : CodeRegistry.enhancedStatuses()) {
                out.println(t.bold(prefix + "." + s.subject() + "." + s.detail()) + "  " + m.get("status." + s.subject() + "." + s.detail()));
            }
        }
        out.flush();
        return 0;
    }
}
