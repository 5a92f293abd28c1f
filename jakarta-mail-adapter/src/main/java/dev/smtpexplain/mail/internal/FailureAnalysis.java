package dev.smtpexplain.mail.internal;

import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.mail.SendFailureReport;
import jakarta.mail.MessagingException;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The entry to the analysis of a send failure: {@link ReportAssembler} does the work, {@link EventReports}
 * answers for a transport event without an exception. Immutable and thread-safe.
 */
public final class FailureAnalysis {

    private final Diagnoser diagnoser;
    private final Explainer explainer;
    private final ReportAssembler assembler;

    /**
     * An analysis with these rules and catalogs.
     *
     * @param diagnoser diagnoses the server's replies
     * @param explainer explains the diagnoses
     */
    public FailureAnalysis(Diagnoser diagnoser, Explainer explainer) {
        this.diagnoser = Objects.requireNonNull(diagnoser, "diagnoser");
        this.explainer = Objects.requireNonNull(explainer, "explainer");
        this.assembler = new ReportAssembler(diagnoser, explainer);
    }

    /** {@return the diagnoser} */
    public Diagnoser diagnoser() {
        return diagnoser;
    }

    /** {@return the explainer} */
    public Explainer explainer() {
        return explainer;
    }

    /**
     * Analyzes a send failure. Never throws: whatever goes wrong yields an {@code unknown} report.
     *
     * @param top the exception Angus threw, null when there is none
     * @param locale the reader's locale, null for the JVM default
     * @param attempt what the sender knew about the attempt, null when nothing
     * @return the report
     */
    public SendFailureReport analyze(@Nullable MessagingException top, @Nullable Locale locale, @Nullable Attempt attempt) {
        Locale l = locale == null ? Locale.getDefault() : locale;
        Attempt a = attempt == null ? Attempt.unknown() : attempt;
        try {
            return assembler.assemble(top, l, a);
        } catch (Exception | StackOverflowError e) {
            // what the analysis did not foresee, also from an application's exception overriding a method to throw
            // a checked exception undeclared or to call itself without end
            return assembler.fallback(top, l, a, e);
        }
    }

    /**
     * A report from a TransportEvent alone: its addresses, no reply, no cause.
     *
     * @param partiallyDelivered whether the event was PARTIALLY_DELIVERED (else NOT_DELIVERED)
     * @param event the event's addresses
     * @param locale the reader's locale, null for the JVM default
     * @param a what the sender knew about the attempt
     * @return the report
     */
    public SendFailureReport fromEvent(boolean partiallyDelivered, Attempt.EventAddresses event, @Nullable Locale locale, Attempt a) {
        return EventReports.fromEvent(explainer, partiallyDelivered, event, locale == null ? Locale.getDefault() : locale, a);
    }
}
