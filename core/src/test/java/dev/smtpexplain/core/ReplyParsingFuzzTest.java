package dev.smtpexplain.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.smtpexplain.core.testing.HostileText;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The reply parsers against hostile text: {@code parseLenient} never throws; {@code parse},
 * {@code ReplyCode.parse} and {@code EnhancedStatus.parse} throw only {@link IllegalArgumentException},
 * and the codes' messages quote the input sanitized and capped; {@code toString()} (which reaches logs)
 * is sanitized. Seed corpus: {@code ReplyParsingFuzzTestInputs/}.
 */
class ReplyParsingFuzzTest {

    /** The fixed text of the codes' messages around the quoted input. */
    private static final int MESSAGE_MAX = 120;

    @FuzzTest
    void parsersNeverMisbehave(byte[] input) {
        check(HostileText.decode(input));
    }

    /** 2,000 seeded random hostile strings, bare and behind a code, through the same check. */
    @Test
    void seededRandomReplies() {
        Random random = new Random(15);
        for (int i = 0; i < 2000; i++) {
            String text = HostileText.random(random, 40);
            check(random.nextBoolean() ? text : (100 + random.nextInt(900)) + (random.nextBoolean() ? " " : "-") + text);
        }
    }

    /** Issue 15, finding 1: the bad field was echoed raw and uncapped. */
    @Test
    void codeErrorsQuoteTheInputSanitizedAndCapped() {
        for (String hostile : new String[] {"\u001B]0;pwned\u0007\u001B[2J", "5\u202E50", "\uFEFF5.1.\u200B1", "x".repeat(283_379)}) {
            assertThatThrownBy(() -> ReplyCode.parse(hostile)).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertSafeMessage(e.getMessage()));
            assertThatThrownBy(() -> EnhancedStatus.parse(hostile)).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertSafeMessage(e.getMessage()));
            assertThatThrownBy(() -> SmtpReply.of(550, hostile, "x")).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertSafeMessage(e.getMessage()));
        }
        // the escape is not quoted, but its place is marked: "got '5.1.1'" would hide why a valid-looking status failed
        assertThat(catchThrowable(() -> EnhancedStatus.parse("5.1.1\u001B[2J")).getMessage()).endsWith("got '5.1.1\uFFFD'");
        // three digits outside 100-599 are quoted as written, not as the number they read as (outside tester 62: "got 55")
        assertThat(catchThrowable(() -> ReplyCode.parse("055")).getMessage()).endsWith("got '055'");
        assertThat(catchThrowable(() -> ReplyCode.parse("650")).getMessage()).endsWith("got '650'");
    }

    private static void check(String text) {
        SmtpReply lenient = SmtpReply.parseLenient(text);
        assertThat(lenient.raw()).isNotNull();
        HostileText.assertSafe("toString", lenient.toString(), 200, false);
        Throwable strict = catchThrowable(() -> SmtpReply.parse(text));
        assertThat(strict).as("strict parse of %s", text).satisfiesAnyOf(
                t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(ReplyParseException.class));
        for (Throwable t : new Throwable[] {catchThrowable(() -> ReplyCode.parse(text)), catchThrowable(() -> EnhancedStatus.parse(text))}) {
            if (t != null) {
                assertThat(t).isExactlyInstanceOf(IllegalArgumentException.class);
                assertSafeMessage(t.getMessage());
            }
        }
    }

    private static void assertSafeMessage(String m) {
        HostileText.assertSafe("error message", m, MESSAGE_MAX, false);
    }
}
