package dev.smtpexplain.mail.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Locale;

/**
 * Fuzz target for the bounce reader: any bytes give a report, never an exception, and nothing unsafe
 * reaches it. In {@code mvn verify} it replays the seed corpus ({@code BounceParserFuzzTestInputs/} in
 * test resources) as a regression test; {@code JAZZER_FUZZ=1 mvn -pl jakarta-mail-adapter -am test
 * -Dtest=BounceParserFuzzTest} fuzzes.
 */
class BounceParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyBytesGiveASafeReport(byte[] message) {
        BounceReport r = Bounces.explain(message, Locale.ENGLISH);
        assertThat(r).isNotNull();
        assertThat(r.recipients().size()).isLessThanOrEqualTo(500);
        safe(r.format());
        r.reportingMta().ifPresent(BounceParserFuzzTest::safe);
        r.originalSubject().ifPresent(BounceParserFuzzTest::safe);
        r.originalMessageId().ifPresent(BounceParserFuzzTest::safe);
        for (BounceRecipient x : r.recipients()) {
            safe(x.finalRecipient());
            safe(x.replyText().replace('\n', ' '));
            x.remoteMta().ifPresent(BounceParserFuzzTest::safe);
            assertThat(x.diagnosis().isPresent()).isEqualTo(x.explanation().isPresent());
            x.explanation().ifPresent(e -> safe(e.serverText().orElse("").replace('\n', ' ')));
        }
    }

    /** No C0/C1 control, no bidi or zero-width format character. */
    static void safe(String s) {
        s.codePoints().forEach(c -> {
            assertThat(c < 0x20 || c >= 0x7F && c < 0xA0).as("control U+%04X in %s", c, s).isFalse();
            assertThat(Character.getType(c) == Character.FORMAT).as("format character U+%04X", c).isFalse();
        });
    }
}
