package dev.smtpexplain.spring.internal;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.core.Evidence;
import dev.smtpexplain.core.SmtpReply;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.Explanation;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.ReportLayout;
import dev.smtpexplain.mail.SendFailureAnalyzer;
import dev.smtpexplain.mail.SendFailureReport;
import dev.smtpexplain.mail.SendFailureReport.Outcome;
import dev.smtpexplain.mail.SmtpStage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;

/**
 * Reports for {@code MailPreparationException} and {@code MailParseException}: the application could not
 * build the message (a bad address, a template error), so no server was asked and no reply exists.
 * The category is {@code message-not-compliant} with its advice, explained as the adapter explains every failure
 * found before a server was contacted ("The message was not handed to a mail server"); the stage is
 * {@code unknown}, the evidence names the Spring exception, and a bad address in the cause chain is named
 * in the transport detail.
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
        LocalizedMessages m = explainer.messages(locale);
        // the category's advice holds, but its summary speaks of a receiving server: none saw this message
        Explanation x = explainer.explain(d, locale).withTitleAndSummary(m.get("report.local.title"), m.get("report.local.summary"));
        // a bad address is the usual cause (MimeMessageHelper wraps the AddressException): say which, as the adapter does
        Optional<String> detail = addressException(e).flatMap(a -> analyzer.analyze(a, locale).transportDetail());
        String text = new ReportLayout(m).reportText(Outcome.FAILED, SmtpStage.UNKNOWN, x, detail.orElse(""), List.of(), List.of(),
                List.of());
        return SendFailureReport.of(Outcome.FAILED, SmtpStage.UNKNOWN, d, x, detail, List.of(), List.of(), List.of(),
                m.locale(), text, technical(analyzer, e, locale), Optional.<MessagingException>empty());
    }

    private static Optional<AddressException> addressException(Throwable t) {
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            if (t instanceof AddressException a) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code report} is about a message the application could not build or send to any server: Spring's parse and
     * preparation failures, and what the adapter found before contacting a server (no recipient, a malformed address).
     */
    public static boolean isMessageFailure(SendFailureReport report) {
        String rule = report.diagnosis().evidence().ruleId();
        return report.foundBeforeAnyServer()
                || report.diagnosis().evidence().source() == Evidence.Source.TRANSPORT && (rule.equals(PARSE) || rule.equals(PREPARATION));
    }

    /** The exception chain for logs, written and redacted by the adapter like every other report's. */
    private static String technical(SendFailureAnalyzer analyzer, MailException e, Locale locale) {
        String lines = analyzer.analyze(new MessagingException("", e), locale).technicalDetails();
        // the first line is the wrapper the analyzer needs, not part of what happened
        int nl = lines.indexOf('\n');
        return nl < 0 ? lines : lines.substring(nl + 1).replaceFirst("^\\s*caused by ", "");
    }
}
