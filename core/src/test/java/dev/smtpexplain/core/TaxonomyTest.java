package dev.smtpexplain.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The enum is the taxonomy contract of reference/categories.tsv, id for id. */
class TaxonomyTest {

    @Test
    void matchesTheContract() {
        assumeTrue(SharedData.present(), "../shared is absent");
        List<String[]> rows = SharedData.tsv("reference/categories.tsv");
        assertThat(Arrays.stream(Category.values()).map(Category::id)).containsExactlyElementsOf(rows.stream().map(r -> r[0]).toList());
        for (String[] r : rows) {
            Category c = Category.fromId(r[0]);
            String perm = switch (c.defaultPermanence()) {
                case PERMANENT -> "permanent";
                case TEMPORARY -> "temporary";
                case UNDETERMINED -> "either";
            };
            assertThat(perm).as(r[0]).isEqualTo(r[1]);
            assertThat(c.actor().id()).as(r[0]).isEqualTo(r[2]);
            assertThat(c.retryAdvice().id()).as(r[0]).isEqualTo(r[3]);
        }
    }

    /** Every id the JSON gives reads back, for each of the four enums that give one; an unknown id is refused by name. */
    @Test
    void everyIdReadsBack() {
        for (Category c : Category.values()) {
            assertThat(Category.fromId(c.id())).isSameAs(c);
        }
        for (Actor a : Actor.values()) {
            assertThat(Actor.fromId(a.id())).isSameAs(a);
        }
        for (RetryAdvice r : RetryAdvice.values()) {
            assertThat(RetryAdvice.fromId(r.id())).isSameAs(r);
        }
        for (Permanence p : Permanence.values()) {
            assertThat(Permanence.fromId(p.id())).isSameAs(p);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Permanence.fromId("Permanent"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown permanence id: Permanent");
    }

    @Test
    void permanenceFollowsTheClassDigit() {
        Diagnosis temp = Diagnoser.standard().diagnose("452 4.2.2 Mailbox full");
        assertThat(temp.category()).isEqualTo(Category.MAILBOX_FULL);
        assertThat(temp.permanence()).isEqualTo(Permanence.TEMPORARY);
        Diagnosis perm = Diagnoser.standard().diagnose("552 5.2.2 Mailbox full");
        assertThat(perm.permanence()).isEqualTo(Permanence.PERMANENT);
        Diagnosis none = Diagnoser.standard().diagnose("mailbox full");
        assertThat(none.permanence()).isEqualTo(Permanence.UNDETERMINED);
    }

    @Test
    void temporaryFailuresNeverSayNeverRetry() {
        Diagnosis d = Diagnoser.standard().diagnose("450 4.2.1 Mailbox disabled, not accepting messages");
        assertThat(d.permanence()).isEqualTo(Permanence.TEMPORARY);
        assertThat(d.retry()).isEqualTo(RetryAdvice.LATER);
    }

    @Test
    void theCodesClassBoundsWhatAStatusMeans() {
        Diagnoser diagnoser = Diagnoser.standard();
        // a disabled mailbox is permanent by nature: a 4xx reply with that status is not one
        Diagnosis disabled = diagnoser.diagnose("450 4.2.1 Requested action not taken");
        assertThat(disabled.category().defaultPermanence()).isNotEqualTo(Permanence.PERMANENT);
        assertThat(disabled.evidence().ruleId()).doesNotStartWith("status:");
        assertThat(diagnoser.diagnose("550 5.2.1 Requested action not taken").category()).isEqualTo(Category.MAILBOX_DISABLED);
        // a policy status in a 4xx reply leaves the decision to the words and the code: a temporary reading
        Diagnosis later = diagnoser.diagnose("451 4.7.1 Please try again later");
        assertThat(later.evidence().ruleId()).doesNotStartWith("status:");
        assertThat(later.permanence()).isEqualTo(Permanence.TEMPORARY);
        assertThat(diagnoser.diagnose("451 4.7.1 zqxj").evidence().ruleId()).isEqualTo("code:451");
        // statuses about addresses, routing and protocol mean the same in either class
        assertThat(diagnoser.diagnose("450 4.1.1 Requested action not taken").category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
        assertThat(diagnoser.diagnose("554 5.4.6 Requested action not taken").category()).isEqualTo(Category.NETWORK_ERROR);
        assertThat(diagnoser.diagnose("454 5.5.1 Requested action not taken").category()).isEqualTo(Category.PROTOCOL_ERROR);
        // without a basic code, the status alone decides (a sending MTA's summary of a final failure)
        assertThat(diagnoser.diagnose("4.2.1").category()).isEqualTo(Category.MAILBOX_DISABLED);
    }
}
