package dev.smtpexplain.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.core.Diagnosis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ExplainerProperties {

    @Property(tries = 1500)
    void anyReplyRendersInEveryLocaleWithSafeServerText(@ForAll("replies") String reply, @ForAll("locales") Locale locale) {
        Diagnosis d = Diagnoser.standard().diagnose(reply);
        Explanation e = Explainer.standard().explain(d, locale);
        assertThat(e.title()).isNotBlank();
        assertThat(e.advice()).isNotEmpty();
        assertThat(e.serverText().length()).isLessThanOrEqualTo(2001);
        assertThat(e.serverText()).doesNotContain("\u001B", "\u202E", "\u0000", "\u2066");
    }

    @Provide
    static Arbitrary<String> replies() {
        Arbitrary<String> code = Arbitraries.integers().between(100, 999).map(String::valueOf);
        Arbitrary<String> syntax = Arbitraries.of("{0}", "'", "''", "#", "|", "{count, plural, one {#} other {#}}", "<b>x</b>",
                "\u001B[2J", "\u202E", "\u0000", "user unknown", "\r\n550-", "5.7.26", "\uD800");
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                net.jqwik.api.Combinators.combine(code, syntax.list().ofMaxSize(8)).as((c, parts) -> c + " " + String.join(" ", parts)));
    }

    @Provide
    static Arbitrary<Locale> locales() {
        List<Locale> ls = new ArrayList<>(Explainer.supportedLocales());
        ls.add(Locale.forLanguageTag("gu-IN"));
        ls.add(Locale.forLanguageTag("xx"));
        return Arbitraries.of(ls);
    }

    @Test
    void sharedExplainerGivesTheSameTextFromEightThreads() throws Exception {
        Explainer explainer = Explainer.builder().build();
        List<String> replies = List.of("550 5.1.1 user unknown", "452 4.2.2 mailbox full", "550 5.7.26 dmarc policy", "599 x");
        List<Locale> locales = Explainer.supportedLocales();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    List<String> out = new ArrayList<>();
                    for (int round = 0; round < 50; round++) {
                        for (Locale l : locales) {
                            for (String r : replies) {
                                Explanation e = explainer.explain(Diagnoser.standard().diagnose(r), l);
                                out.add(e.title() + e.summary() + e.codeMeaning().orElse("")
                                        + explainer.messages(l).format("report.recipients.rejected", java.util.Map.of("count", round)));
                            }
                        }
                    }
                    return out;
                }));
            }
            List<String> first = results.get(0).get(60, TimeUnit.SECONDS);
            for (Future<List<String>> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
