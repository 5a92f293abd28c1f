package dev.smtpexplain.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.core.testing.HostileText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The explainer against hostile replies: any reply renders in every shipped locale (and a regional
 * and an unknown one) with a title, advice, and server text that is sanitized and capped. The fuzz
 * target's first byte picks the locale, the rest is the reply. Seed corpus: {@code ExplainerFuzzTestInputs/}.
 */
class ExplainerFuzzTest {

    private static final List<Locale> LOCALES = locales();
    private static final Diagnoser DIAGNOSER = Diagnoser.standard();
    private static final Explainer EXPLAINER = Explainer.standard();

    private static List<Locale> locales() {
        List<Locale> ls = new ArrayList<>(Explainer.supportedLocales());
        ls.add(Locale.forLanguageTag("gu-IN"));
        ls.add(Locale.forLanguageTag("xx"));
        return List.copyOf(ls);
    }

    @FuzzTest
    void anyReplyRendersInEveryLocaleWithSafeServerText(byte[] input) {
        if (input.length == 0) {
            LOCALES.forEach(l -> check("", l));
            return;
        }
        check(HostileText.decode(Arrays.copyOfRange(input, 1, input.length)), LOCALES.get((input[0] & 0xFF) % LOCALES.size()));
    }

    /** Every seed of the corpus in every locale: the seeds are few, the locales matter. */
    @Test
    void hostileRepliesRenderInEveryLocale() {
        for (String reply : List.of("550 {0} {1,number} '{' '' # | {count, plural, one {#} other {#}}", "\u001B[2J\u202E\u0000\u2066\uD800",
                "550-5.1.1 first\r\n550 5.1.1 <b>x</b>", "999 5.7.26 user unknown")) {
            LOCALES.forEach(l -> check(reply, l));
        }
    }

    /** 1,500 seeded random replies (arbitrary text, or a code 100-999 with pieces of hostile syntax) in random locales. */
    @Test
    void seededRandomReplies() {
        Random random = new Random(15);
        for (int i = 0; i < 1500; i++) {
            String reply = random.nextBoolean() ? HostileText.random(random, 200)
                    : (100 + random.nextInt(900)) + " " + HostileText.random(random, 8);
            check(reply, LOCALES.get(random.nextInt(LOCALES.size())));
        }
    }

    private static void check(String reply, Locale locale) {
        Diagnosis d = DIAGNOSER.diagnose(reply);
        Explanation e = EXPLAINER.explain(d, locale);
        assertThat(e.title()).isNotBlank();
        assertThat(e.advice()).isNotEmpty();
        String serverText = e.serverText().orElse("");
        assertThat(e.serverText()).isNotEqualTo(Optional.of(""));
        assertThat(serverText.length()).isLessThanOrEqualTo(2001);
        assertThat(serverText).doesNotContain("\u001B", "\u202E", "\u0000", "\u2066");
        HostileText.assertSafe("serverText", serverText, 2000, true);
    }
}
