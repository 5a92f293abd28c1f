package dev.smtpexplain.spring;

import dev.smtpexplain.mail.SendFailureReport;
import java.util.List;
import org.springframework.mail.MailPreparationException;

/**
 * A {@link MailPreparationException} with its report. The exception Spring threw is the cause; the report is
 * not serialized with the exception.
 */
public final class ExplainedMailPreparationException extends MailPreparationException implements ExplainedMailException {

    private final transient List<SendFailureReport> reports;

    ExplainedMailPreparationException(MailPreparationException original, SendFailureReport report) {
        super(Messages.headline(List.of(report)), original);
        this.reports = List.of(report);
    }

    @Override
    public List<SendFailureReport> reports() {
        return reports == null ? List.of() : reports;
    }
}
