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

    public ExplainingSenderFactory(SendFailureAnalyzer analyzer, LocaleSource locales) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.locales = Objects.requireNonNull(locales, "locales");
    }

    /** A sender builder preset with the analyzer and locale source. */
    public ExplainingSender.Builder builder() {
        return ExplainingSender.builder().analyzer(analyzer).locale(locales);
    }

    /** A sender for {@code session}. */
    public ExplainingSender forSession(Session session) {
        return builder().session(session).build();
    }

    /** A TransportEvent listener reporting to {@code callbacks}. */
    public ReportingTransportListener listener(ReportingTransportListener.Callbacks callbacks) {
        return new ReportingTransportListener(analyzer, locales, callbacks, ReportingTransportListener.DEFAULT_CORRELATION_TIMEOUT);
    }

    /** Explains an exception the application caught itself, in the current locale. */
    public SendFailureReport explain(MessagingException exception) {
        return analyzer.analyze(exception, locales.locale());
    }

    /** The shared analyzer. */
    public SendFailureAnalyzer analyzer() {
        return analyzer;
    }

    /** The shared locale source. */
    public LocaleSource locales() {
        return locales;
    }
}
