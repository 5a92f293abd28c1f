package dev.smtpexplain.spring;

import dev.smtpexplain.mail.SendFailureReport;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@link org.springframework.mail.MailException} that carries its explanation: one report per failed
 * message, in the language the reader was using when the send failed. Implemented by
 * {@link ExplainedMailSendException} and its siblings for authentication, preparation and parse
 * failures, each a subclass of the exception Spring threw, so existing {@code catch} blocks keep
 * working.
 */
public interface ExplainedMailException {

    /**
     * {@return one report per failed message, in the order Spring listed them; immutable} Never empty,
     * except after Java deserialization: the reports are not serialized (explain the exception again with
     * {@link MailFailureExplainer#explain(org.springframework.mail.MailException)}).
     */
    List<SendFailureReport> reports();

    /** {@return the first report: the only one when a single message was sent; null after deserialization} */
    default @Nullable SendFailureReport report() {
        List<SendFailureReport> r = reports();
        return r.isEmpty() ? null : r.get(0);
    }
}
