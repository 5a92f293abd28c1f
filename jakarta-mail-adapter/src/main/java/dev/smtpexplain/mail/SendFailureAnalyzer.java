package dev.smtpexplain.mail;

import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.mail.internal.Attempt;
import dev.smtpexplain.mail.internal.FailureAnalysis;
import jakarta.mail.MessagingException;
import java.util.Locale;

/**
 * Builds a {@link SendFailureReport} from what a Jakarta Mail (Angus) send threw. It walks the whole
 * exception chain (next exceptions, causes, suppressed), finds the stage, reads each SMTP reply with
 * its enhanced status code, and diagnoses it; failures outside a reply (refused connection, TLS,
 * timeouts) get their category from the exception. Immutable and thread-safe: build one and share it.
 *
 * <pre>{@code
 * SendFailureAnalyzer analyzer = SendFailureAnalyzer.standard();
 * SendFailureReport report = analyzer.analyze(e, Locale.forLanguageTag("gu"));
 * }</pre>
 */
public final class SendFailureAnalyzer {

    private final FailureAnalysis analysis;

    /** An analyzer with the given diagnoser (its rules) and explainer (its catalogs and overrides). */
    public SendFailureAnalyzer(Diagnoser diagnoser, Explainer explainer) {
        this.analysis = new FailureAnalysis(diagnoser, explainer);
    }

    /** The analyzer with the built-in rules and the shipped catalogs. */
    public static SendFailureAnalyzer standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final SendFailureAnalyzer INSTANCE = new SendFailureAnalyzer(Diagnoser.standard(), Explainer.standard());
    }

    /**
     * Explains a send failure in {@code locale}. Never throws: an exception nothing recognizes yields a
     * report with category {@code unknown} that still holds the exception.
     *
     * <p>A {@link ExplainedSendFailedException} is analyzed again from the exception it wraps, in the new locale.
     */
    public SendFailureReport analyze(MessagingException exception, Locale locale) {
        if (exception instanceof ExplainedSendFailedException sfe && sfe.getNextException() instanceof MessagingException original) {
            return analyze(original, locale, sfe.attempt());
        }
        return analyze(exception, locale, Attempt.unknown());
    }

    /** With what the sender knows beyond the exception (phase, host, recipients, secrets). */
    SendFailureReport analyze(MessagingException exception, Locale locale, Attempt attempt) {
        return analysis.analyze(exception, locale, attempt);
    }

    FailureAnalysis analysis() {
        return analysis;
    }

    /** The diagnoser this analyzer uses. */
    public Diagnoser diagnoser() {
        return analysis.diagnoser();
    }

    /** The explainer this analyzer uses. */
    public Explainer explainer() {
        return analysis.explainer();
    }
}
