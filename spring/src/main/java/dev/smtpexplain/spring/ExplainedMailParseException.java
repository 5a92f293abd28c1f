package dev.smtpexplain.spring;

import dev.smtpexplain.mail.SendFailureReport;
import java.util.List;
import org.springframework.mail.MailParseException;

/**
 * A {@link MailParseException} with its report. The exception Spring threw is the cause; the report is
 * not serialized with the exception.
 */
public final class ExplainedMailParseException extends MailParseException implements ExplainedMailException {

    private final transient List<SendFailureReport> reports;

    ExplainedMailParseException(MailParseException original, SendFailureReport report) {
        super(Messages.headline(List.of(report)), original);
        this.reports = List.of(report);
    }

    @Override
    public List<SendFailureReport> reports() {
        return reports == null ? List.of() : reports;
    }
}
