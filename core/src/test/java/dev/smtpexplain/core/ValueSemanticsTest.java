package dev.smtpexplain.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The result values compare by their components, reject null by name and say nothing for "none". */
class ValueSemanticsTest {

    private static final Evidence RULE = new Evidence(Evidence.Source.TEXT_RULE, "postfix.user-unknown", Optional.of("user unknown"));

    private static SmtpReply reply(String text) {
        return SmtpReply.parseLenient(text);
    }

    @Test
    void diagnosesWithEqualArgumentsAreEqual() {
        Diagnosis a = Diagnosis.of(reply("550 5.1.1 user unknown"), Category.RECIPIENT_UNKNOWN, 0.85, RULE);
        Diagnosis b = Diagnosis.of(reply("550 5.1.1 user unknown"), Category.RECIPIENT_UNKNOWN, 0.85,
                new Evidence(Evidence.Source.TEXT_RULE, "postfix.user-unknown", Optional.of("user unknown")));
        assertThat(a).isNotSameAs(b).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.permanence()).isEqualTo(Permanence.PERMANENT);
        assertThat(a.codeMeaning()).map(CodeMeaning::code).contains("550");
        assertThat(a.statusMeaning()).map(CodeMeaning::code).contains("5.1.1");
    }

    @Test
    void aDifferentComponentMakesADifferentDiagnosis() {
        Diagnosis a = Diagnosis.of(reply("550 5.1.1 user unknown"), Category.RECIPIENT_UNKNOWN, 0.85, RULE);
        assertThat(Diagnosis.of(reply("450 4.1.1 user unknown"), Category.RECIPIENT_UNKNOWN, 0.85, RULE)).isNotEqualTo(a);
        assertThat(Diagnosis.of(reply("550 5.1.1 user unknown"), Category.MAILBOX_DISABLED, 0.85, RULE)).isNotEqualTo(a);
        assertThat(Diagnosis.of(reply("550 5.1.1 user unknown"), Category.RECIPIENT_UNKNOWN, 0.8, RULE)).isNotEqualTo(a);
        assertThat(Diagnosis.of(reply("550 5.1.1 user unknown"), Category.RECIPIENT_UNKNOWN, 0.85,
                new Evidence(Evidence.Source.ENHANCED_STATUS, "status:X.1.1"))).isNotEqualTo(a);
    }

    @Test
    void aMessageItsSenderStillRetriesNeedsNoNewSendUnlessTheFailureIsPermanent() {
        Diagnosis timeout = Diagnosis.of(reply("451 4.4.1 connection timed out"), Category.NETWORK_ERROR, 0.85, RULE);
        assertThat(timeout.retry()).isEqualTo(RetryAdvice.LATER);
        Diagnosis waiting = timeout.retriedBySender();
        assertThat(waiting.retry()).isEqualTo(RetryAdvice.AUTOMATIC);
        assertThat(waiting).isNotEqualTo(timeout);
        assertThat(List.of(waiting.category(), waiting.permanence(), waiting.actor(), waiting.confidence(), waiting.evidence()))
                .isEqualTo(List.of(timeout.category(), timeout.permanence(), timeout.actor(), timeout.confidence(), timeout.evidence()));
        // a permanent failure is not retried, and an unknown permanence promises no retry either
        Diagnosis refused = Diagnosis.of(reply("550 5.1.1 user unknown"), Category.RECIPIENT_UNKNOWN, 0.85, RULE);
        assertThat(refused.retriedBySender()).isSameAs(refused);
        Diagnosis uncoded = Diagnosis.of(reply("something failed"), Category.UNKNOWN, 0.1, RULE);
        assertThat(uncoded.retriedBySender().retry()).isEqualTo(uncoded.retry());
    }

    @Test
    void aMessageNothingRetriesIsToBeSentAgainLater() {
        // greylisting's advice is that the sending mail system retries by itself; an application's own send is queued nowhere
        Diagnosis grey = Diagnosis.of(reply("450 4.7.1 greylisted, try again later"), Category.GREYLISTED, 0.85, RULE);
        assertThat(grey.retry()).isEqualTo(RetryAdvice.AUTOMATIC);
        Diagnosis direct = grey.notRetriedBySender();
        assertThat(direct.retry()).isEqualTo(RetryAdvice.LATER);
        // nobody retries it: the sender sends it again
        assertThat(grey.actor()).isEqualTo(Actor.NOBODY);
        assertThat(direct.actor()).isEqualTo(Actor.SENDER);
        assertThat(List.of(direct.category(), direct.permanence(), direct.confidence(), direct.evidence()))
                .isEqualTo(List.of(grey.category(), grey.permanence(), grey.confidence(), grey.evidence()));
        // any other advice stays
        Diagnosis refused = Diagnosis.of(reply("550 5.1.1 user unknown"), Category.RECIPIENT_UNKNOWN, 0.85, RULE);
        assertThat(refused.notRetriedBySender()).isSameAs(refused);
        Diagnosis timeout = Diagnosis.of(reply("451 4.4.1 connection timed out"), Category.NETWORK_ERROR, 0.85, RULE);
        assertThat(timeout.notRetriedBySender()).isSameAs(timeout);
    }

    @Test
    void aSendNobodyConfirmedIsNotSimplySentAgain() {
        // the reply to the whole content never came: the message may have arrived, so the sender finds out first
        Diagnosis timeout = Diagnosis.of(reply(""), Category.NETWORK_ERROR, 0.8, RULE);
        Diagnosis unconfirmed = timeout.deliveryUnconfirmed();
        assertThat(unconfirmed.retry()).isEqualTo(RetryAdvice.UNCERTAIN);
        assertThat(unconfirmed.actor()).isEqualTo(Actor.SENDER);
        assertThat(List.of(unconfirmed.reply(), unconfirmed.category(), unconfirmed.permanence(), unconfirmed.confidence(), unconfirmed.evidence()))
                .isEqualTo(List.of(timeout.reply(), timeout.category(), timeout.permanence(), timeout.confidence(), timeout.evidence()));
        assertThat(unconfirmed.deliveryUnconfirmed()).isSameAs(unconfirmed);
        Diagnosis coded = Diagnosis.of(reply("451 4.4.1 connection timed out"), Category.NETWORK_ERROR, 0.85, RULE);
        assertThat(coded.retry()).isEqualTo(RetryAdvice.LATER);
        assertThat(coded.deliveryUnconfirmed().retry()).isEqualTo(RetryAdvice.UNCERTAIN);
    }

    @Test
    void aFailureFoundBeforeSendingIsSentAgainOnceCorrected() {
        // nothing outside has to change: "it is not known whether sending again helps" would misstate it
        Diagnosis local = Diagnosis.of(reply(""), Category.UNKNOWN, 0.3, new Evidence(Evidence.Source.TRANSPORT, "local:no-recipients"));
        assertThat(local.retry()).isEqualTo(RetryAdvice.UNCERTAIN);
        Diagnosis found = local.foundBeforeSending();
        assertThat(found.retry()).isEqualTo(RetryAdvice.AFTER_FIX);
        assertThat(found.actor()).isEqualTo(Actor.SENDER);
        assertThat(List.of(found.reply(), found.category(), found.permanence(), found.confidence(), found.evidence()))
                .isEqualTo(List.of(local.reply(), local.category(), local.permanence(), local.confidence(), local.evidence()));
        assertThat(found.foundBeforeSending()).isSameAs(found);
        assertThat(found).isNotEqualTo(local);
    }

    @Test
    void theSendersOwnServersFaultIsForTheSendersProvider() {
        // RFC 4954's temporary authentication failure: the server that checks the login could not, for now
        Diagnosis internal = Diagnosis.of(reply("454 4.7.0 Temporary authentication failure"), Category.SERVER_ERROR, 0.85, RULE);
        assertThat(internal.actor()).isEqualTo(Actor.RECIPIENT_ADMIN);
        Diagnosis own = internal.fromSendersOwnServer();
        assertThat(own.actor()).isEqualTo(Actor.SENDER_ADMIN);
        assertThat(List.of(own.reply(), own.category(), own.permanence(), own.retry(), own.confidence(), own.evidence()))
                .isEqualTo(List.of(internal.reply(), internal.category(), internal.permanence(), internal.retry(), internal.confidence(),
                        internal.evidence()));
        assertThat(own.fromSendersOwnServer()).isSameAs(own);
        // a failure another party fixes stays theirs: the recipient's full mailbox, the sender's own password
        for (Category c : List.of(Category.MAILBOX_FULL, Category.AUTHENTICATION_FAILED, Category.GREYLISTED)) {
            Diagnosis d = Diagnosis.of(reply("450 4.2.2 x"), c, 0.85, RULE);
            assertThat(d.fromSendersOwnServer()).as(c.id()).isSameAs(d);
        }
    }

    @Test
    void diagnosisRejectsNullByNameAndImpossibleConfidence() {
        SmtpReply r = reply("550 x");
        assertThatThrownBy(() -> Diagnosis.of(null, Category.UNKNOWN, 0.1, RULE)).isInstanceOf(NullPointerException.class).hasMessage("reply");
        assertThatThrownBy(() -> Diagnosis.of(r, null, 0.1, RULE)).isInstanceOf(NullPointerException.class).hasMessage("category");
        assertThatThrownBy(() -> Diagnosis.of(r, Category.UNKNOWN, 0.1, null)).isInstanceOf(NullPointerException.class).hasMessage("evidence");
        for (double bad : new double[] {-0.01, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> Diagnosis.of(r, Category.UNKNOWN, bad, RULE)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void diagnosisToStringIsOneShortSanitizedLine() {
        Diagnosis d = Diagnoser.standard().diagnose("550-5.1.1 user unknown\r\n550 5.1.1 \u001B[2J" + "x".repeat(5000));
        assertThat(d.toString()).startsWith("Diagnosis[recipient-unknown, permanent").doesNotContain("\n", "\r", "\u001B")
                .hasSizeLessThan(400);
    }

    @Test
    void evidenceHasNoPhraseUnlessATextRuleMatched() {
        Diagnosis byCode = Diagnoser.standard().diagnose("550 5.1.1 whatever this says");
        assertThat(byCode.evidence().source()).isEqualTo(Evidence.Source.ENHANCED_STATUS);
        assertThat(byCode.evidence().matchedPhrase()).isEmpty();
        assertThat(new Evidence(Evidence.Source.DIGITS, "class:5")).isEqualTo(new Evidence(Evidence.Source.DIGITS, "class:5", Optional.empty()));
        assertThatThrownBy(() -> new Evidence(Evidence.Source.TEXT_RULE, "r", Optional.of(""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Evidence(Evidence.Source.BASIC_CODE, "code:550", Optional.of("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Evidence(Evidence.Source.TEXT_RULE, "r", null)).isInstanceOf(NullPointerException.class).hasMessage("matchedPhrase");
    }

    @Test
    void onlyATextRuleNamesAFirstStep() {
        // the rule's wording says which of the category's causes it is: an app password asked for, not a wrong password
        Diagnosis app = Diagnoser.standard().diagnose("534-5.7.9 Application-specific password required. Learn more at https://x.example/?p=InvalidSecondFactor");
        assertThat(app.evidence().ruleId()).isEqualTo("auth.app-password-required");
        assertThat(app.evidence().firstStep()).hasValue(2);
        assertThat(Diagnoser.standard().diagnose("535 5.7.8 Username and Password not accepted").evidence().firstStep()).isEmpty();
        assertThat(Diagnoser.standard().diagnose("550 5.1.1 whatever this says").evidence().firstStep()).isEmpty();
        assertThat(new Evidence(Evidence.Source.TEXT_RULE, "r", Optional.of("x"))).isEqualTo(new Evidence(Evidence.Source.TEXT_RULE, "r",
                Optional.of("x"), OptionalInt.empty()));
        assertThatThrownBy(() -> new Evidence(Evidence.Source.TEXT_RULE, "r", Optional.of("x"), OptionalInt.of(0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Evidence(Evidence.Source.BASIC_CODE, "code:534", Optional.empty(), OptionalInt.of(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Evidence(Evidence.Source.TEXT_RULE, "r", Optional.of("x"), null)).isInstanceOf(NullPointerException.class)
                .hasMessage("firstStep");
    }

    @Test
    void codeMeaningKeysAreOptional() {
        CodeMeaning registered = new CodeMeaning("550", Optional.of("code.550"), "code.class.5", Optional.of("code.area.5"));
        assertThat(registered.isRegistered()).isTrue();
        assertThat(registered).isEqualTo(new CodeMeaning("550", Optional.of("code.550"), "code.class.5", Optional.of("code.area.5")));
        CodeMeaning bare = new CodeMeaning("597", Optional.empty(), "code.class.5", Optional.empty());
        assertThat(bare.isRegistered()).isFalse();
        assertThat(bare).isNotEqualTo(registered);
        assertThatThrownBy(() -> new CodeMeaning("597", null, "code.class.5", Optional.empty())).isInstanceOf(NullPointerException.class).hasMessage("key");
        assertThatThrownBy(() -> new CodeMeaning("597", Optional.of(""), "code.class.5", Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
