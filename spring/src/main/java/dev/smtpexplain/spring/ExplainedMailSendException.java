package dev.smtpexplain.spring;

import dev.smtpexplain.mail.SendFailureReport;
import java.util.List;
import java.util.Map;
import org.springframework.mail.MailSendException;

/**
 * A {@link MailSendException} with a report per failed message. {@link #getFailedMessages()} and
 * {@link #getCause()} are those of the exception Spring threw, which is kept as the cause. The reports
 * are not serialized with the exception (nor, in Spring, are the failed messages).
 */
public final class ExplainedMailSendException extends MailSendException implements ExplainedMailException {

    private final transient List<SendFailureReport> reports;

    ExplainedMailSendException(MailSendException original, List<SendFailureReport> reports) {
        super(Messages.headline(reports), original, original.getFailedMessages());
        this.reports = List.copyOf(reports);
    }

    @Override
    public List<SendFailureReport> reports() {
        return reports;
    }

    /** The report for {@code message}, a key of {@link #getFailedMessages()}; null for another object. */
    public SendFailureReport reportFor(Object message) {
        int i = 0;
        for (Map.Entry<Object, Exception> e : getFailedMessages().entrySet()) {
            if (e.getKey() == message) {
                return i < reports.size() ? reports.get(i) : null;
            }
            i++;
        }
        return null;
    }
}
