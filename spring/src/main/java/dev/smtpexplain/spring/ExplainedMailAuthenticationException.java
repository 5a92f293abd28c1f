package dev.smtpexplain.spring;

import dev.smtpexplain.mail.SendFailureReport;
import java.util.List;
import org.springframework.mail.MailAuthenticationException;

/**
 * A {@link MailAuthenticationException} with its report. The exception Spring threw is the cause; the report is
 * not serialized with the exception.
 */
public final class ExplainedMailAuthenticationException extends MailAuthenticationException implements ExplainedMailException {

    private final transient List<SendFailureReport> reports;

    ExplainedMailAuthenticationException(MailAuthenticationException original, SendFailureReport report) {
        super(Messages.headline(List.of(report)), original);
        this.reports = List.of(report);
    }

    @Override
    public List<SendFailureReport> reports() {
        return reports == null ? List.of() : reports;
    }
}
