package dev.smtpexplain.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.util.Objects;

/**
 * Makes senders, listeners and reports that share one analyzer (rules, catalogs, overrides) and one
 * locale source. The Guice module binds one; plain Java can build it directly.
 */
public final class ExplainingSenderFactory {

    private final SendFailureAnalyzer analyzer;
    private final LocaleSource locales;

    /**
     * Creates a factory.
     *
     * @param analyzer the analyzer every sender, listener and report shares
     * @param locales where each report's locale comes from
     */
    public ExplainingSenderFactory(SendFailureAnalyzer analyzer, LocaleSource locales) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.locales = Objects.requireNonNull(locales, "locales");
    }

    /**
     * {@return a new sender builder preset with the analyzer and locale source} Give it a Session or a host;
     * do not call its {@code diagnoser} or {@code explainer}: the analyzer has its own.
     */
    public ExplainingSender.Builder builder() {
        return ExplainingSender.builder().analyzer(analyzer).locale(locales);
    }

    /**
     * Builds a sender for {@code session} with the default timeouts and deadlines.
     *
     * @param session the application's Session; it is not changed (see {@link ExplainingSender.Builder#session})
     * @return the sender
     */
    public ExplainingSender forSession(Session session) {
        return builder().session(session).build();
    }

    /**
     * Creates a TransportEvent listener with the default correlation timeout.
     *
     * @param callbacks what the application hears
     * @return the listener; close it when done with it
     */
    public ReportingTransportListener listener(ReportingTransportListener.Callbacks callbacks) {
        return new ReportingTransportListener(analyzer, locales, callbacks, ReportingTransportListener.DEFAULT_CORRELATION_TIMEOUT);
    }

    /**
     * Explains an exception the application caught itself. Never throws.
     *
     * @param exception what the send threw
     * @return the report, in the locale the locale source gives now
     */
    public SendFailureReport explain(MessagingException exception) {
        return analyzer.analyze(exception, locales.locale());
    }

    /** {@return the shared analyzer} */
    public SendFailureAnalyzer analyzer() {
        return analyzer;
    }

    /** {@return the shared locale source} */
    public LocaleSource locales() {
        return locales;
    }
}
