package dev.smtpexplain.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.Explanation;
import dev.smtpexplain.mail.RecipientFailure.Kind;
import dev.smtpexplain.mail.SendFailureReport.Outcome;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The adapter's results compare by their components, reject null by name and reject impossible combinations. */
class ResultValuesTest {

    private static final Explainer EXPLAINER = Explainer.standard();

    private static Explanation explain(String reply) {
        return EXPLAINER.explain(Diagnoser.standard().diagnose(reply), Locale.ENGLISH);
    }

    private static SendFailureReport report(Outcome outcome, Optional<String> detail, List<RecipientFailure> failures, List<String> accepted) {
        Explanation e = explain("550 5.1.1 user unknown");
        return SendFailureReport.of(outcome, SmtpStage.RCPT_TO, e.diagnosis(), e, detail, failures, accepted, List.of(),
                Locale.ENGLISH, "The message was not sent\nsecond line", "details", Optional.empty());
    }

    @Test
    void recipientFailureIsAddressKindAndExplanation() {
        RecipientFailure a = RecipientFailure.of("bob@example.com", Kind.REJECTED, explain("550 5.1.1 user unknown"));
        RecipientFailure b = RecipientFailure.of("bob@example.com", Kind.REJECTED, explain("550 5.1.1 user unknown"));
        assertThat(a).isNotSameAs(b).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.reply()).isSameAs(a.explanation().diagnosis().reply());
        assertThat(a.diagnosis()).isSameAs(a.explanation().diagnosis());
        assertThat(RecipientFailure.of("eve@example.com", Kind.REJECTED, explain("550 5.1.1 user unknown"))).isNotEqualTo(a);
        assertThat(RecipientFailure.of("bob@example.com", Kind.REJECTED, explain("550 5.1.2 no such domain"))).isNotEqualTo(a);
        assertThat(a.toString()).isEqualTo("RecipientFailure[bob@example.com, REJECTED, recipient-unknown, 550 5.1.1]");
    }

    @Test
    void recipientFailureRejectsNullByNameAndAKindTheReplyContradicts() {
        Explanation e = explain("550 5.1.1 user unknown");
        assertThatThrownBy(() -> RecipientFailure.of(null, Kind.REJECTED, e)).isInstanceOf(NullPointerException.class).hasMessage("address");
        assertThatThrownBy(() -> RecipientFailure.of("bob@example.com", null, e)).isInstanceOf(NullPointerException.class).hasMessage("kind");
        assertThatThrownBy(() -> RecipientFailure.of("bob@example.com", Kind.REJECTED, null)).isInstanceOf(NullPointerException.class).hasMessage("explanation");
        assertThatThrownBy(() -> RecipientFailure.of("bob@example.com", Kind.DEFERRED, e)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecipientFailure.of("bob@example.com", Kind.REJECTED, explain("450 4.2.2 mailbox full")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecipientFailure.of("", Kind.REJECTED, e)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsWithEqualPartsAreEqual() {
        RecipientFailure f = RecipientFailure.of("bob@example.com", Kind.REJECTED, explain("550 5.1.1 user unknown"));
        List<RecipientFailure> failures = new ArrayList<>(List.of(f));
        SendFailureReport a = report(Outcome.FAILED, Optional.empty(), failures, List.of());
        failures.clear(); // the report keeps its own copy
        SendFailureReport b = report(Outcome.FAILED, Optional.empty(), List.of(f), List.of());
        assertThat(a).isNotSameAs(b).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.recipientFailures()).containsExactly(f);
        assertThat(report(Outcome.FAILED, Optional.of("The mail server refused the connection."), List.of(f), List.of())).isNotEqualTo(a);
        assertThat(report(Outcome.PARTIALLY_DELIVERED, Optional.empty(), List.of(f), List.of("ann@example.com"))).isNotEqualTo(a);
    }

    @Test
    void reportToStringIsOneShortLineNotTheText() {
        SendFailureReport r = report(Outcome.FAILED, Optional.empty(), List.of(), List.of());
        assertThat(r.foundBeforeAnyServer()).as("a server's 550 was seen").isFalse();
        assertThat(r.toString()).isEqualTo("SendFailureReport[FAILED at rcpt-to, recipient-unknown, 0 refused, 0 deferred, 0 accepted, 0 not attempted, "
                + "0 unconfirmed, en, \"The message was not sent\"]");
        // a refused and a deferred recipient are counted apart, as text() and the two lists count them
        SendFailureReport both = report(Outcome.PARTIALLY_DELIVERED, Optional.empty(),
                List.of(RecipientFailure.of("bob@example.com", Kind.REJECTED, explain("550 5.1.1 user unknown")),
                        RecipientFailure.of("carol@example.com", Kind.DEFERRED, explain("452 4.2.2 mailbox full"))),
                List.of("ann@example.com"));
        assertThat(both.toString()).contains("1 refused, 1 deferred, 1 accepted");
    }

    @Test
    void reportRejectsNullByNameAndImpossibleCombinations() {
        Explanation e = explain("550 5.1.1 user unknown");
        Diagnosis d = e.diagnosis();
        assertThatThrownBy(() -> SendFailureReport.of(Outcome.FAILED, SmtpStage.RCPT_TO, d, e, null, List.of(), List.of(), List.of(),
                Locale.ENGLISH, "t", "d", Optional.empty())).isInstanceOf(NullPointerException.class).hasMessage("transportDetail");
        assertThatThrownBy(() -> SendFailureReport.of(Outcome.FAILED, null, d, e, Optional.empty(), List.of(), List.of(), List.of(),
                Locale.ENGLISH, "t", "d", Optional.empty())).isInstanceOf(NullPointerException.class).hasMessage("stage");
        assertThatThrownBy(() -> report(Outcome.FAILED, Optional.of(""), List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> report(Outcome.FAILED, Optional.empty(), List.of(), List.of("ann@example.com")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> report(Outcome.PARTIALLY_DELIVERED, Optional.empty(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        RecipientFailure f = RecipientFailure.of("bob@example.com", Kind.REJECTED, e);
        assertThatThrownBy(() -> report(Outcome.DELIVERED, Optional.empty(), List.of(f), List.of("ann@example.com")))
                .isInstanceOf(IllegalArgumentException.class);
        // nobody knows whether an unconfirmed send reached anyone, and only such a send has unconfirmed recipients
        assertThatThrownBy(() -> report(Outcome.UNCONFIRMED, Optional.empty(), List.of(), List.of("ann@example.com")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SendFailureReport.of(Outcome.FAILED, SmtpStage.END_OF_DATA, d, e, Optional.empty(), List.of(), List.of(),
                List.of(), List.of("ann@example.com"), Locale.ENGLISH, "t", "d", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unconfirmed");
        assertThatThrownBy(() -> SendFailureReport.of(Outcome.UNCONFIRMED, SmtpStage.END_OF_DATA, d, e, Optional.empty(), List.of(), List.of(),
                List.of(), null, Locale.ENGLISH, "t", "d", Optional.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("unconfirmedRecipients");
    }

    @Test
    void anUnconfirmedReportKeepsItsRecipientsApartFromTheOthers() {
        Explanation e = explain("550 5.1.1 user unknown");
        List<String> unconfirmed = new ArrayList<>(List.of("ann@example.com", "bob@example.com"));
        SendFailureReport r = SendFailureReport.of(Outcome.UNCONFIRMED, SmtpStage.END_OF_DATA, e.diagnosis(), e, Optional.empty(), List.of(),
                List.of(), List.of(), unconfirmed, Locale.ENGLISH, "t", "d", Optional.empty());
        unconfirmed.clear(); // the report keeps its own copy
        assertThat(r.unconfirmedRecipients()).containsExactly("ann@example.com", "bob@example.com");
        assertThat(r.notAttemptedRecipients()).isEmpty();
        assertThat(r.toString()).contains("0 not attempted, 2 unconfirmed");
        assertThat(SendFailureReport.of(Outcome.UNCONFIRMED, SmtpStage.END_OF_DATA, e.diagnosis(), e, Optional.empty(), List.of(), List.of(),
                List.of(), List.of("ann@example.com"), Locale.ENGLISH, "t", "d", Optional.empty())).isNotEqualTo(r);
        // the short form has none
        assertThat(report(Outcome.FAILED, Optional.empty(), List.of(), List.of()).unconfirmedRecipients()).isEmpty();
    }

    @Test
    void anAnalysisGivesEqualReportsForTheSameExceptionAndAnOptionalTransportDetail() {
        MessagingException refused = new MessagingException("Couldn't connect to host, port: 127.0.0.1, 1; timeout -1",
                new ConnectException("Connection refused"));
        SendFailureReport a = MailFailures.explain(refused, Locale.ENGLISH);
        assertThat(MailFailures.explain(refused, Locale.ENGLISH)).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(a.transportDetail()).hasValueSatisfying(s -> assertThat(s).isNotBlank().doesNotContain("\n"));
        assertThat(a.explanation().serverText()).isEmpty();
    }

    @Test
    void sendResultNeedsASuccessfulOutcome() {
        SendResult a = SendResult.delivered(List.of("ann@example.com"));
        assertThat(SendResult.of(Outcome.DELIVERED, List.of("ann@example.com"), Optional.empty())).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(SendResult.delivered(List.of("bob@example.com"))).isNotEqualTo(a);
        assertThat(a.isFullyDelivered()).isTrue();
        assertThat(a.toString()).isEqualTo("SendResult[DELIVERED, 1 accepted]");
        RecipientFailure f = RecipientFailure.of("bob@example.com", Kind.REJECTED, explain("550 5.1.1 user unknown"));
        SendFailureReport partial = report(Outcome.PARTIALLY_DELIVERED, Optional.empty(), List.of(f), List.of("ann@example.com"));
        SendResult p = SendResult.of(Outcome.PARTIALLY_DELIVERED, List.of("ann@example.com"), Optional.of(partial));
        assertThat(p).isNotEqualTo(a);
        assertThat(p.isFullyDelivered()).isFalse();
        assertThat(p.toString()).isEqualTo("SendResult[PARTIALLY_DELIVERED, 1 accepted, 1 refused, 0 deferred]");
        SendFailureReport mixed = report(Outcome.PARTIALLY_DELIVERED, Optional.empty(),
                List.of(f, RecipientFailure.of("carol@example.com", Kind.DEFERRED, explain("452 4.2.2 mailbox full"))), List.of("ann@example.com"));
        assertThat(SendResult.of(Outcome.PARTIALLY_DELIVERED, List.of("ann@example.com"), Optional.of(mixed)).toString())
                .isEqualTo("SendResult[PARTIALLY_DELIVERED, 1 accepted, 1 refused, 1 deferred]");
        assertThatThrownBy(() -> SendResult.of(null, List.of(), Optional.empty())).isInstanceOf(NullPointerException.class).hasMessage("outcome");
        assertThatThrownBy(() -> SendResult.of(Outcome.DELIVERED, List.of(), null)).isInstanceOf(NullPointerException.class).hasMessage("report");
        assertThatThrownBy(() -> SendResult.of(Outcome.FAILED, List.of(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SendResult.of(Outcome.UNCONFIRMED, List.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unconfirmed send");
        assertThatThrownBy(() -> SendResult.of(Outcome.PARTIALLY_DELIVERED, List.of("ann@example.com"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SendResult.of(Outcome.DELIVERED, List.of("ann@example.com"), Optional.of(partial)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
