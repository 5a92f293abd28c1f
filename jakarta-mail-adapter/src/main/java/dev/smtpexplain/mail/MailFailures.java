package dev.smtpexplain.mail;

import jakarta.mail.MessagingException;
import java.util.Locale;

/**
 * One-line explanations for applications that catch the exceptions themselves:
 *
 * <pre>{@code
 * try {
 *     Transport.send(message);
 * } catch (MessagingException e) {
 *     SendFailureReport report = MailFailures.explain(e, userLocale);
 *     showToUser(report.text());
 * }
 * }</pre>
 *
 * Uses the built-in rules and shipped catalogs; for your own, use a {@link SendFailureAnalyzer}.
 */
public final class MailFailures {

    private MailFailures() {
    }

    /**
     * Explains a send failure in {@code locale}. Never throws.
     *
     * @param exception what the send threw
     * @param locale the reader's locale; a language without a catalog gets English
     * @return the report; category {@code unknown} when nothing in the exception is recognized
     */
    public static SendFailureReport explain(MessagingException exception, Locale locale) {
        return SendFailureAnalyzer.standard().analyze(exception, locale);
    }

    /**
     * Explains a send failure in the JVM's default locale. Never throws.
     *
     * @param exception what the send threw
     * @return the report; category {@code unknown} when nothing in the exception is recognized
     */
    public static SendFailureReport explain(MessagingException exception) {
        return explain(exception, Locale.getDefault());
    }
}
