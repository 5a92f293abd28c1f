package dev.smtpexplain.spring.internal;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.core.Evidence;
import dev.smtpexplain.core.SmtpReply;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.Explanation;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.SendFailureAnalyzer;
import dev.smtpexplain.mail.SendFailureReport;
import dev.smtpexplain.mail.SendFailureReport.Outcome;
import dev.smtpexplain.mail.SmtpStage;
import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;

/**
 * Reports for {@code MailPreparationException} and {@code MailParseException}: the application could not
 * build the message (a bad address, a template error), so no server was asked and no reply exists.
 * The category is {@code message-not-compliant} ("The message is not correctly formatted"), the stage
 * {@code unknown}, and the evidence names the Spring exception.
 */
public final class MessageFailures {

    /** The evidence rule id of a parse failure. */
    public static final String PARSE = "spring:message-parse";
    /** The evidence rule id of a preparation failure. */
    public static final String PREPARATION = "spring:message-preparation";

    private MessageFailures() {
    }

    /** A report on a message the application could not build. */
    public static SendFailureReport report(SendFailureAnalyzer analyzer, MailException e, Locale locale) {
        Explainer explainer = analyzer.explainer();
        String rule = e instanceof MailParseException ? PARSE : PREPARATION;
        Diagnosis d = Diagnosis.of(SmtpReply.parseLenient(""), Category.MESSAGE_NOT_COMPLIANT, 0.9,
                new Evidence(Evidence.Source.TRANSPORT, rule));
        Explanation x = explainer.explain(d, locale);
        LocalizedMessages m = explainer.messages(locale);
        // the adapter's summary layout: headline, stage, first advice
        StringBuilder summary = new StringBuilder(m.get("report.title.failed")).append(": ").append(x.title())
                .append('\n').append(m.get("label.stage")).append(": ").append(m.get(SmtpStage.UNKNOWN.messageKey()));
        if (!x.advice().isEmpty()) {
            summary.append('\n').append(m.get("label.whatToTry")).append(": ").append(x.advice().get(0));
        }
        return SendFailureReport.of(Outcome.FAILED, SmtpStage.UNKNOWN, d, x, Optional.empty(), List.of(), List.of(), List.of(),
                m.locale(), summary.toString(), technical(analyzer, e, locale), Optional.<MessagingException>empty());
    }

    /** Whether {@code report} is about a message the application could not build. */
    public static boolean isMessageFailure(SendFailureReport report) {
        String rule = report.diagnosis().evidence().ruleId();
        return report.diagnosis().evidence().source() == Evidence.Source.TRANSPORT && (rule.equals(PARSE) || rule.equals(PREPARATION));
    }

    /** The exception chain for logs, written and redacted by the adapter like every other report's. */
    private static String technical(SendFailureAnalyzer analyzer, MailException e, Locale locale) {
        String lines = analyzer.analyze(new MessagingException("", e), locale).technicalDetails();
        // the first line is the wrapper the analyzer needs, not part of what happened
        int nl = lines.indexOf('\n');
        return nl < 0 ? lines : lines.substring(nl + 1).replaceFirst("^\\s*caused by ", "");
    }
}
