package dev.smtpexplain.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.smtpexplain.core.internal.CodeTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every reference code has a meaning of its own; any other code is decoded from its digits. */
class CodeMeaningTest {

    /**
     * A login's status borrowed by another reply (Yahoo's "554 5.7.9 Message not accepted for policy reasons") is not
     * explained as "the login method is too weak" (outside tester 75): its meaning there is its class and subject; beside
     * a reply to AUTH it keeps its registered meaning.
     */
    @Test
    void aLoginsStatusBorrowedByAnotherReplyMeansOnlyItsClassAndSubject() {
        Diagnosis yahoo = Diagnoser.standard().diagnose("554 5.7.9 Message not accepted for policy reasons.  See https://postmaster.yahooinc.com/error-codes");
        assertThat(yahoo.statusMeaning()).get().satisfies(m -> {
            assertThat(m.isRegistered()).isFalse();
            assertThat(m.key()).isEmpty();
            assertThat(m.areaKey()).contains("status.subject.7");
        });
        Diagnosis login = Diagnoser.standard().diagnose("534 5.7.9 Please log in with your web browser and then try again");
        assertThat(login.statusMeaning()).get().satisfies(m -> assertThat(m.key()).contains("status.7.9"));
    }

    @Test
    void everyReferenceBasicCodeIsRegistered() {
        assumeTrue(SharedData.present(), "../shared is absent");
        List<String[]> rows = SharedData.tsv("reference/smtp-codes.tsv");
        assertThat(rows).hasSizeGreaterThan(50);
        for (String[] row : rows) {
            CodeMeaning m = CodeTable.meaningOf(ReplyCode.parse(row[0]));
            assertThat(m.isRegistered()).as(row[0]).isTrue();
            assertThat(m.key()).contains("code." + row[0]);
        }
        assertThat(CodeTable.codes()).hasSameSizeAs(rows);
    }

    @Test
    void everyRegistryStatusCodeIsRegistered() {
        assumeTrue(SharedData.present(), "../shared is absent");
        List<String[]> rows = SharedData.tsv("reference/enhanced-status-codes.tsv");
        assertThat(rows).hasSizeGreaterThan(70);
        for (String[] row : rows) {
            String[] p = row[0].split("\\.");
            EnhancedStatus s = new EnhancedStatus(5, Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            CodeMeaning m = CodeTable.meaningOf(s);
            assertThat(m.isRegistered()).as(row[0]).isTrue();
            assertThat(m.key()).contains("status." + p[1] + "." + p[2]);
        }
        assertThat(CodeTable.statuses()).hasSameSizeAs(rows);
    }

    @Test
    void anUnlistedCodeIsDecodedFromItsDigits() {
        CodeMeaning m = CodeTable.meaningOf(ReplyCode.of(597));
        assertThat(m.isRegistered()).isFalse();
        assertThat(m.classKey()).isEqualTo("code.class.5");
        assertThat(m.areaKey()).isEmpty();
        CodeMeaning m2 = CodeTable.meaningOf(ReplyCode.of(426));
        assertThat(m2.classKey()).isEqualTo("code.class.4");
        assertThat(m2.areaKey()).contains("code.area.2");
        CodeMeaning s = CodeTable.meaningOf(EnhancedStatus.parse("4.7.500"));
        assertThat(s.isRegistered()).isFalse();
        assertThat(s.classKey()).isEqualTo("status.class.4");
        assertThat(s.areaKey()).contains("status.subject.7");
    }
}
