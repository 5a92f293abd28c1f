package dev.smtpexplain.mail;

import dev.smtpexplain.mail.internal.Causes;
import dev.smtpexplain.mail.internal.DataReplyTransport;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One-line explanations for applications that catch the exceptions themselves:
 *
 * <pre>{@code
 * Session session = MailFailures.installTransport(Session.getInstance(props, authenticator));  // once
 * ...
 * try {
 *     Transport.send(message);
 * } catch (MessagingException e) {
 *     SendFailureReport report = MailFailures.explain(e, userLocale);
 *     showToUser(report.text());
 * }
 * }</pre>
 *
 * A library that wraps Jakarta Mail throws its own exception with Jakarta Mail's as a cause (Apache Commons Email's
 * {@code EmailException}, Simple Java Mail's {@code MailerException}, a {@code CompletionException} around either):
 * {@link #messagingExceptionIn} finds it.
 *
 * <pre>{@code
 * } catch (EmailException e) {
 *     MailFailures.messagingExceptionIn(e).map(m -> MailFailures.explain(m, userLocale)).ifPresent(this::show);
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
     * Has {@code session} send SMTP through smtp-explain's subclass of Angus's transport, so that the reports of its
     * failures can tell what {@link ExplainingSender}'s can and the exception does not say: the server, and whether it
     * failed while connecting (a server that never greets was not reached; a TLS failure names its reason and the
     * server); a send whose whole content went out and whose reply never came (a timeout, a reset) is
     * {@link SendFailureReport.Outcome#UNCONFIRMED}, as the message may have arrived, instead of "not sent"; and the
     * recipients the server refused at RCPT stay listed as refused where Angus's exception drops them
     * ({@code mail.smtp.sendpartial} with a timeout after the content). What it saw it keeps beside the exception, in
     * this JVM, where {@link #explain} finds it; the exception stays as Angus made it. The transport behaves as Angus's
     * does, but for one thing: the close that follows a failed send, with no other send or connect between them, does
     * not throw (its exception is suppressed onto the send's), so that static {@code Transport.send}, which closes in a
     * {@code finally}, throws the send's failure and not a failing QUIT's. {@link ExplainingSender} sends this way on its own; Spring's wrapped sender installs
     * it in its Session.
     *
     * <pre>{@code
     * Session session = MailFailures.installTransport(Session.getInstance(props, authenticator));
     * }</pre>
     *
     * Only the Session's {@code smtp} and {@code smtps} transports that are Angus's own (or those of the older
     * {@code com.sun.mail} implementation, which a library can bring onto the class path) are replaced, each by its
     * counterpart ({@code SMTPTransport}, {@code SMTPSSLTransport}); an application's own provider, set with
     * {@link Session#setProvider} or a {@code javamail.providers} file, stays. It applies to the transports the Session
     * gives from now on; the Session's properties stay as they were, except a {@code mail.smtp.class} or
     * {@code mail.smtps.class} that named Angus's class, which then names this library's. Both are subclasses of Angus's
     * {@code SMTPTransport}; the {@code smtps} one is not an {@code SMTPSSLTransport} (which adds nothing but its
     * name and implicit TLS, as this one does), so code that casts to that class should not install it.
     *
     * @param session the application's Session
     * @return {@code session}, for chaining
     * @throws NullPointerException if {@code session} is null
     */
    public static Session installTransport(Session session) {
        DataReplyTransport.install(Objects.requireNonNull(session, "session"));
        return session;
    }

    /**
     * The Jakarta Mail exception in {@code thrown}'s chain of causes: {@code thrown} itself, or the first cause that
     * is one. For the exceptions of libraries that wrap Jakarta Mail's (Commons Email, Simple Java Mail, an
     * asynchronous send's {@code CompletionException}).
     *
     * @param thrown what a send threw
     * @return the first {@link MessagingException} in the chain, or empty when there is none (the failure was not a
     *     send's: a message the library could not build, for instance); the chain is followed 64 causes deep at most,
     *     and a cause that cannot be asked for (its {@code getCause()} throws) ends it: this method never throws but
     *     for a null argument
     * @throws NullPointerException if {@code thrown} is null
     */
    public static Optional<MessagingException> messagingExceptionIn(Throwable thrown) {
        return Causes.firstMessagingException(Objects.requireNonNull(thrown, "thrown"));
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
