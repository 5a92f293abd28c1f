package dev.smtpexplain.spring;

import dev.smtpexplain.mail.SendFailureReport;
import java.util.List;
import java.util.Locale;
import org.springframework.mail.MailException;

/**
 * One-line explanations for Spring applications that catch {@link MailException} themselves:
 *
 * <pre>{@code
 * try {
 *     mailSender.send(message);
 * } catch (MailException e) {
 *     for (SendFailureReport report : MailExceptions.explain(e, userLocale)) {
 *         showToUser(report.text());
 *     }
 * }
 * }</pre>
 *
 * Uses the built-in rules and shipped catalogs; for your own, use a {@link MailFailureExplainer}
 * (Spring Boot makes one from the {@code smtp-explain.*} properties).
 */
public final class MailExceptions {

    private MailExceptions() {
    }

    /**
     * Explains {@code exception} in {@code locale}; see {@link MailFailureExplainer#explain(MailException, Locale)}.
     * Never throws.
     *
     * @param exception what Spring's mail sender threw
     * @param locale the reader's locale; a language without a catalog gets English
     * @return one report per failed message, at least one; immutable
     */
    public static List<SendFailureReport> explain(MailException exception, Locale locale) {
        return MailFailureExplainer.standard().explain(exception, locale);
    }

    /**
     * Explains {@code exception} in the language of Spring's {@code LocaleContextHolder} on the calling
     * thread. Never throws.
     *
     * @param exception what Spring's mail sender threw
     * @return one report per failed message, at least one; immutable
     */
    public static List<SendFailureReport> explain(MailException exception) {
        return MailFailureExplainer.standard().explain(exception);
    }
}
