package dev.smtpexplain.spring;

import dev.smtpexplain.mail.LocaleSource;
import dev.smtpexplain.mail.SendFailureAnalyzer;
import dev.smtpexplain.mail.SendFailureReport;
import dev.smtpexplain.spring.internal.MessageFailures;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/**
 * Explains Spring's {@link MailException}s: one {@link SendFailureReport} per failed message, in the
 * reader's language. Immutable and thread-safe; Spring Boot makes one bean of it. It needs no web
 * layer; for a web response, {@link MailProblemDetails} (with spring-web) turns a report into a
 * {@code ProblemDetail}:
 *
 * <pre>{@code
 * @ExceptionHandler(MailException.class)
 * ProblemDetail mailFailed(MailException e) {
 *     return problems.from(explainer.report(e));      // in the request's Accept-Language
 * }
 * }</pre>
 */
public final class MailFailureExplainer {

    private final SendFailureAnalyzer analyzer;
    private final LocaleSource locales;

    /**
     * @param analyzer writes the reports (its diagnoser's rules and its explainer's catalogs)
     * @param locales the reader's language for each explanation, e.g. {@link SpringLocaleSource}
     */
    public MailFailureExplainer(SendFailureAnalyzer analyzer, LocaleSource locales) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.locales = Objects.requireNonNull(locales, "locales");
    }

    /**
     * The built-in rules and shipped catalogs and the locale from Spring's {@code LocaleContextHolder}.
     *
     * @return the shared explainer with these defaults, for code outside a Spring context; Spring Boot's
     *     bean may be configured differently
     */
    public static MailFailureExplainer standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final MailFailureExplainer INSTANCE = new MailFailureExplainer(SendFailureAnalyzer.standard(),
                SpringLocaleSource.fromLocaleContext());
    }

    /** {@return the analyzer that writes the reports} */
    public SendFailureAnalyzer analyzer() {
        return analyzer;
    }

    /** {@return where the reader's language comes from} */
    public LocaleSource locales() {
        return locales;
    }

    /**
     * Explains {@code exception} in the reader's current language, as {@link #explain(MailException, Locale)}
     * does. Never throws.
     *
     * @param exception what Spring's mail sender threw
     * @return one report per failed message, at least one; immutable
     */
    public List<SendFailureReport> explain(MailException exception) {
        return explain(exception, currentLocale());
    }

    /**
     * Explains {@code exception} in {@code locale}: for a {@link MailSendException} one report per
     * failed message, read from the exception Jakarta Mail threw for it; for the other kinds one
     * report. An exception explained earlier is explained again from its cause, in {@code locale}.
     * Never throws; never returns an empty list.
     *
     * @param exception what Spring's mail sender threw
     * @param locale the reader's locale; a language without a catalog gets English
     * @return one report per failed message, at least one, in the order Spring lists the messages; immutable
     */
    public List<SendFailureReport> explain(MailException exception, Locale locale) {
        Objects.requireNonNull(exception, "exception");
        Locale l = locale == null ? currentLocale() : locale;
        MailException e = exception instanceof ExplainedMailException && exception.getCause() instanceof MailException original
                ? original : exception;
        if (e instanceof MailSendException send) {
            return explainSend(send, l);
        }
        if (e instanceof MailAuthenticationException) {
            // Spring wraps Jakarta Mail's AuthenticationFailedException; without one, say what Spring says
            MessagingException cause = e.getCause() instanceof MessagingException m ? m
                    : new AuthenticationFailedException(e.getMessage(), asException(e.getCause()));
            return List.of(analyzer.analyze(cause, l));
        }
        if (e instanceof MailParseException || e instanceof MailPreparationException) {
            return List.of(MessageFailures.report(analyzer, e, l));
        }
        // another MailException subclass: read whatever Jakarta Mail exception it holds
        return List.of(analyzer.analyze(messaging(e), l));
    }

    private List<SendFailureReport> explainSend(MailSendException e, Locale locale) {
        List<SendFailureReport> reports = new ArrayList<>();
        Map<Object, Exception> failedMessages = e.getFailedMessages();
        if (failedMessages != null) {
            for (Exception failed : failedMessages.values()) {
                reports.add(analyzer.analyze(messaging(failed), locale));
            }
        }
        if (reports.isEmpty()) {
            // no map: a failing close() after a good send, or the map was lost in serialization
            Exception[] listed = e.getMessageExceptions();
            Throwable first = listed != null && listed.length > 0 ? listed[0] : e.getCause() != null ? e.getCause() : e;
            reports.add(analyzer.analyze(messaging(first), locale));
        }
        return List.copyOf(reports);
    }

    /**
     * {@code exception} as an {@link ExplainedMailException} of the same Spring type, explained in the
     * reader's current language. An exception explained already, and a {@link MailException} subclass
     * other than Spring's four, are returned as they are: replacing the latter would break
     * {@code catch} blocks for its own type ({@link #explain(MailException)} still explains it).
     *
     * @param exception what Spring's mail sender threw
     * @return an {@link ExplainedMailException} that is also a {@code MailSendException},
     *     {@code MailAuthenticationException}, {@code MailParseException} or {@code MailPreparationException}
     *     as {@code exception} was, with it as the cause; or {@code exception} itself
     */
    public MailException explained(MailException exception) {
        Objects.requireNonNull(exception, "exception");
        if (exception instanceof ExplainedMailException) {
            return exception;
        }
        if (exception instanceof MailSendException send) {
            return new ExplainedMailSendException(send, explain(send, currentLocale()));
        }
        if (exception instanceof MailAuthenticationException auth) {
            return new ExplainedMailAuthenticationException(auth, explain(auth, currentLocale()).get(0));
        }
        if (exception instanceof MailParseException parse) {
            return new ExplainedMailParseException(parse, explain(parse, currentLocale()).get(0));
        }
        if (exception instanceof MailPreparationException prep) {
            return new ExplainedMailPreparationException(prep, explain(prep, currentLocale()).get(0));
        }
        return exception;
    }

    /**
     * The report of the first failed message of {@code exception}: the one it carries when it was explained
     * already, else explained now in the reader's current language. What a web response or a log line about
     * the whole call shows.
     *
     * @param exception what Spring's mail sender threw, explained or not
     * @return the report
     */
    public SendFailureReport report(MailException exception) {
        return exception instanceof ExplainedMailException x && x.report() != null ? x.report()
                : explain(exception, currentLocale()).get(0);
    }

    private Locale currentLocale() {
        Locale l = locales.locale();
        return l == null ? Locale.getDefault() : l;
    }

    /** The analyzer reads Jakarta Mail exceptions; anything else is wrapped so its chain is still read. */
    private static MessagingException messaging(Throwable t) {
        if (t instanceof MessagingException m) {
            return m;
        }
        Throwable cause = t == null ? null : t.getCause();
        if (cause instanceof MessagingException m) {
            return m;
        }
        return new MessagingException(t == null ? "" : String.valueOf(t.getMessage()), asException(t));
    }

    private static Exception asException(Throwable t) {
        return t instanceof Exception x ? x : null;
    }
}
