package dev.smtpexplain.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.smtpexplain.core.testing.HostileText;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sanitizer against hostile text: nothing unsafe survives, the cap holds, and sanitizing again
 * changes nothing. The fuzz target runs its seed corpus ({@code ServerTextFuzzTestInputs/}) in every
 * build; {@code JAZZER_FUZZ=1} fuzzes it (see docs/security.md).
 */
class ServerTextFuzzTest {

    @FuzzTest
    void sanitizedTextHasNothingUnsafe(byte[] input) {
        check(HostileText.decode(input));
    }

    /** 3,000 seeded random hostile strings through the same check. */
    @Test
    void seededRandomTextHasNothingUnsafe() {
        Random random = new Random(15);
        for (int i = 0; i < 3000; i++) {
            check(HostileText.random(random, 200));
        }
    }

    @Test
    void excerptsAreSanitizedAndCapped() {
        // what was removed shows as one U+FFFD a run, so that an error message never quotes "550" for input that was not
        assertThat(ServerText.excerpt("\u001B]0;pwned\u0007\u001B[2J")).isEqualTo("\uFFFD");
        assertThat(ServerText.excerpt("a\u202Eb\u200Bc\uFEFF\r\nd")).isEqualTo("a\uFFFDb\uFFFDc\uFFFD d");
        assertThat(ServerText.excerpt("\u001B[31m5\u202E50")).isEqualTo("\uFFFD5\uFFFD50");
        assertThat(ServerText.excerpt("plain 550")).isEqualTo("plain 550");
        assertThat(ServerText.excerpt("x".repeat(283_379))).hasSize(ServerText.EXCERPT_MAX_CHARS + 1).endsWith("…");
    }

    private static void check(String text) {
        String s = ServerText.sanitize(text, 500, true);
        HostileText.assertSafe("sanitized", s, 500, true);
        // idempotent: sanitizing twice changes nothing more
        assertThat(ServerText.sanitize(s, 501, true)).isEqualTo(s);
        HostileText.assertSafe("excerpt", ServerText.excerpt(text), ServerText.EXCERPT_MAX_CHARS, false);
    }
}
