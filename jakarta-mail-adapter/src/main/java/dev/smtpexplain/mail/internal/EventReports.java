package dev.smtpexplain.mail.internal;

import static dev.smtpexplain.mail.internal.ExceptionChain.orEmpty;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.core.Evidence;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.Explanation;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.RecipientFailure;
import dev.smtpexplain.mail.ReportLayout;
import dev.smtpexplain.mail.SendFailureReport;
import dev.smtpexplain.mail.SendFailureReport.Outcome;
import dev.smtpexplain.mail.SmtpStage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reports from a {@code TransportEvent} alone, when no exception came with it: the event's addresses, no
 * reply, no cause, so nothing is known about why. Stateless.
 */
final class EventReports {

    private EventReports() {
    }

    static SendFailureReport fromEvent(Explainer explainer, boolean partiallyDelivered, Attempt.EventAddresses event, Locale locale,
                                       Attempt a) {
        LocalizedMessages messages = explainer.messages(locale);
        Diagnosis d = Diagnosis.of(ReportAssembler.NO_REPLY, Category.UNKNOWN, Confidence.NOTHING,
                new Evidence(Evidence.Source.TRANSPORT, "transport:event-without-exception"));
        Explanation e = explainer.explain(d, locale);
        List<String> sent = partiallyDelivered ? orEmpty(event.sent()) : List.of();
        List<RecipientFailure> failures = new ArrayList<>();
        for (String address : orEmpty(event.invalid())) {
            failures.add(RecipientFailure.of(address, RecipientFailure.Kind.REJECTED, e));
        }
        Set<String> notTried = new LinkedHashSet<>(a.recipients());
        notTried.addAll(orEmpty(event.unsent()));
        if (!partiallyDelivered) {
            notTried.addAll(orEmpty(event.sent()));
        }
        notTried.removeAll(sent);
        notTried.removeAll(orEmpty(event.invalid()));
        Outcome outcome = partiallyDelivered && !sent.isEmpty() ? Outcome.PARTIALLY_DELIVERED : Outcome.FAILED;
        List<String> notTriedList = List.copyOf(notTried);
        String summary = new ReportLayout(messages).reportText(outcome, SmtpStage.UNKNOWN, e, "", failures, sent, notTriedList);
        return SendFailureReport.of(outcome, SmtpStage.UNKNOWN, d, e, Optional.empty(), failures, sent, notTriedList, messages.locale(),
                summary, "TransportEvent " + (partiallyDelivered ? "PARTIALLY_DELIVERED" : "NOT_DELIVERED")
                + " without an exception", Optional.empty());
    }
}
