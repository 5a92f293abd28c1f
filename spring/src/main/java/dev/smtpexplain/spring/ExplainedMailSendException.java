package dev.smtpexplain.spring;

import dev.smtpexplain.mail.SendFailureReport;
import java.util.List;
import java.util.Map;
import org.springframework.mail.MailSendException;
import org.jspecify.annotations.Nullable;

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
        return reports == null ? List.of() : reports;
    }

    /**
     * Finds the report for one failed message.
     *
     * @param message a key of {@link #getFailedMessages()}: the same object, not an equal one
     * @return the message's report; null for another object, and after deserialization
     */
    public @Nullable SendFailureReport reportFor(Object message) {
        Map<Object, Exception> failed = getFailedMessages();
        List<SendFailureReport> r = reports();
        if (failed == null) {
            return null;
        }
        int i = 0;
        for (Object key : failed.keySet()) {
            if (key == message) {
                return i < r.size() ? r.get(i) : null;
            }
            i++;
        }
        return null;
    }
}
