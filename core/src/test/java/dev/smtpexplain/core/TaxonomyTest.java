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
        assertThat(d.category()).isEqualTo(Category.MAILBOX_DISABLED);
        assertThat(d.retry()).isEqualTo(RetryAdvice.LATER);
    }
}
