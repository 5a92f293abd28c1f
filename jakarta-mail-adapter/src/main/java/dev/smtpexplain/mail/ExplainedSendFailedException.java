package dev.smtpexplain.mail;

import org.jspecify.annotations.Nullable;
import dev.smtpexplain.mail.internal.Attempt;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.util.Locale;

/**
 * Thrown by {@link ExplainingSender} when a send fails: a {@link SendFailedException}, so existing
 * {@code catch (MessagingException e)} and {@code catch (SendFailedException e)} blocks keep working,
 * that also carries the {@link #report() report}. The exception Angus threw is
 * {@link #getNextException()} (and {@link #getCause()}); the address arrays are that exception's when
 * it had them, else every recipient is "valid unsent".
 *
 * <p>The message is for logs: the report's headline in English (whatever the report's locale) plus the
 * category and stage ids, with credentials redacted and sanitized; {@link #toString()} and so the first line
 * of a stack trace print only that. The cause (Angus's exception) is kept as it was thrown, the server's
 * reply unredacted and unsanitized in its message: a stack trace prints it after "Caused by:". The
 * {@link #report() report} carries the text in the reader's language.
 * The report is not serialized with the exception, its locale is: a deserialized exception writes its report again.
 */
public final class ExplainedSendFailedException extends SendFailedException {

    private static final long serialVersionUID = 1L;

    // null only after deserialization, until report() writes it again
    private transient volatile @Nullable SendFailureReport report;
    private final transient @Nullable Attempt attempt;
    /** The report's locale, serialized so that a deserialized exception writes its report in the same language. */
    private final Locale locale;

    ExplainedSendFailedException(SendFailureReport report, String englishHeadline, MessagingException original, Address @Nullable [] recipients, @Nullable Attempt attempt) {
        super(englishHeadline + " [" + report.category().id() + " at " + report.stage().id() + "]", original,
                original instanceof SendFailedException s ? s.getValidSentAddresses() : null,
                original instanceof SendFailedException s ? s.getValidUnsentAddresses() : recipients,
                original instanceof SendFailedException s ? s.getInvalidAddresses() : null);
        this.report = report;
        this.attempt = attempt;
        this.locale = report.locale();
    }

    /**
     * {@return the report, in the locale the sender asked for when the send failed} After deserialization it is
     * written again from this exception, with the built-in rules and catalogs, as
     * {@code SendFailureAnalyzer.standard().analyze(this, locale)} would; what the sender saw of the attempt beyond the
     * exception (the server, how far the content got) is not serialized, so that report may say less.
     */
    public SendFailureReport report() {
        SendFailureReport r = report;
        if (r == null) {
            r = SendFailureAnalyzer.standard().analyze(this, locale);
            report = r;
        }
        return r;
    }

    /**
     * {@return the class name and the message} Not {@code MessagingException}'s, which appends each nested
     * exception's message as it is, the server's escape sequences and all, so that {@code log.warn("…", e)}
     * printed them.
     */
    @Override
    public String toString() {
        return getClass().getName() + ": " + getLocalizedMessage();
    }

    /** What the sender knew about the attempt, so the analyzer can redo the report in another locale. */
    Attempt attempt() {
        return attempt == null ? Attempt.unknown() : attempt;
    }
}
