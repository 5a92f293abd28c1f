package dev.smtpexplain.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.smtpexplain.core.testing.HostileText;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The diagnoser against hostile text: any text, read leniently, gets a diagnosis with a category and a
 * confidence between 0 and 1, and its {@code toString()} is sanitized. Seed corpus:
 * {@code DiagnoserFuzzTestInputs/}.
 */
class DiagnoserFuzzTest {

    private static final Diagnoser DIAGNOSER = Diagnoser.standard();

    @FuzzTest
    void lenientParsingAndDiagnosisNeverThrow(byte[] input) {
        check(HostileText.decode(input));
    }

    /** 2,000 seeded random hostile strings through the same check. */
    @Test
    void seededRandomReplies() {
        Random random = new Random(15);
        for (int i = 0; i < 2000; i++) {
            check(HostileText.random(random, 60));
        }
    }

    private static void check(String text) {
        Diagnosis d = DIAGNOSER.diagnose(SmtpReply.parseLenient(text));
        assertThat(d.category()).isNotNull();
        assertThat(d.confidence()).isBetween(0.0, 1.0);
        HostileText.assertSafe("toString", d.toString(), Integer.MAX_VALUE - 1, false);
    }
}
