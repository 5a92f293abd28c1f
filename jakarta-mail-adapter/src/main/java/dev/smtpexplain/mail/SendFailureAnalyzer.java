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

    /**
     * Creates an analyzer with the given diagnoser and explainer.
     *
     * @param diagnoser reads the replies (its rules decide the category)
     * @param explainer writes the text (its catalogs and overrides)
     */
    public SendFailureAnalyzer(Diagnoser diagnoser, Explainer explainer) {
        this.analysis = new FailureAnalysis(diagnoser, explainer);
    }

    /** {@return the analyzer with the built-in rules and the shipped catalogs} Built once and shared. */
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
     *
     * @param exception what the send threw, e.g. a {@code SendFailedException} or an
     *     {@code SMTPAddressFailedException}
     * @param locale the reader's locale; a language without a catalog gets English
     * @return the report
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

    /** {@return the diagnoser this analyzer uses} */
    public Diagnoser diagnoser() {
        return analysis.diagnoser();
    }

    /** {@return the explainer this analyzer uses} */
    public Explainer explainer() {
        return analysis.explainer();
    }
}
