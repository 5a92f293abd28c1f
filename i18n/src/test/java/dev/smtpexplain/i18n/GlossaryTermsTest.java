package dev.smtpexplain.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rules of docs/glossary that a pattern can check: words a glossary rules out, the register it fixes, its punctuation,
 * and plural forms a reviewer found wrong.
 */
class GlossaryTermsTest {

    /** What a glossary rules out, by locale: a pattern no message may match, and the keys it allows (acts.sender in Japanese). */
    @ParameterizedTest
    @CsvSource(delimiter = '~', value = {
        "fr    ~ (?i)\\be-?mail\\b                                       ~ ",
        "fr    ~ \\S [:;?!]                                               ~ ",
        "es    ~ (?i)\\bspam\\b                                           ~ ",
        "es    ~ \\b(Revise|Compruebe|Verifique|Póngase|Intente|usted)\\b  ~ ",
        "pt-BR ~ (?i)\\bspam\\b                                           ~ ",
        "zh-CN ~ 你                                                        ~ ",
        "zh-CN ~ 接收服务器                                                ~ ",
        "ja    ~ あなた                                                    ~ acts.sender",
        "ja    ~ 受信サーバー|満杯                                         ~ ",
        "gu    ~ બોક્સ|બ્લોક                                               ~ ",
        "ta    ~ \\}\\s+உடன்                                               ~ "})
    void noMessageUsesWhatTheGlossaryRulesOut(String tag, String forbidden, String allowed) {
        Pattern p = Pattern.compile(forbidden.strip());
        Set<String> except = allowed == null ? Set.of() : Set.of(allowed.strip());
        List<String> found = new ArrayList<>();
        CatalogChecksTest.load(Locale.forLanguageTag(tag)).forEach((k, v) -> {
            if (!except.contains(k) && p.matcher(v).find()) {
                found.add(k + " = " + v);
            }
        });
        assertThat(found).as(tag + " " + forbidden).isEmpty();
    }

    /** A stage is a phrase that fits "{stage} sending failed": a participle, not a "when …" clause without its "then". */
    @ParameterizedTest
    @CsvSource({"hi, जब", "bn, যখন"})
    void stagesAreNotWhenClauses(String tag, String when) {
        Map<String, String> m = CatalogChecksTest.load(Locale.forLanguageTag(tag));
        assertThat(m.entrySet()).filteredOn(e -> e.getKey().startsWith("stage.")).hasSizeGreaterThan(10)
                .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).doesNotStartWith(when));
        LocalizedMessages messages = Explainer.standard().messages(Locale.forLanguageTag(tag));
        String sentence = messages.format("report.stage.failed", Map.of("stage", messages.get("stage.rcpt-to")));
        assertThat(sentence).doesNotContain(when);
    }

    @Test
    void pluralFormsAReviewerCorrected() {
        Explainer e = Explainer.standard();
        LocalizedMessages de = e.messages(Locale.GERMAN);
        assertThat(de.format("report.recipients.notTried", Map.of("count", 5))).isEqualTo("An 5 Empfängern wurde die Nachricht nicht gesendet");
        assertThat(de.format("report.recipients.notTried", Map.of("count", 1))).isEqualTo("An 1 Empfänger wurde die Nachricht nicht gesendet");
        LocalizedMessages fr = e.messages(Locale.FRENCH);
        for (String key : List.of("rejected", "accepted", "notTried", "deferred")) {
            assertThat(fr.format("report.recipients." + key, Map.of("count", 1_000_000))).as(key).contains(" de destinataires");
            assertThat(fr.format("report.recipients." + key, Map.of("count", 5))).as(key).doesNotContain(" de destinataires");
        }
        LocalizedMessages pt = e.messages(Locale.forLanguageTag("pt-BR"));
        assertThat(pt.format("report.recipients.deferred", Map.of("count", 0))).isEqualTo("Nenhuma entrega foi adiada");
        assertThat(pt.format("report.recipients.deferred", Map.of("count", 1))).startsWith("A entrega para 1 destinatário foi adiada:");
        LocalizedMessages zh = e.messages(Locale.forLanguageTag("zh-CN"));
        assertThat(zh.format("report.recipients.deferred", Map.of("count", 2))).startsWith("2 位收件人");
    }

    /** Marathi counts are Western by default whatever the tag asks (mr.md); native digits are the explainer's choice. */
    @Test
    void marathiCountsFollowTheExplainerNotTheTag() {
        for (String tag : List.of("mr", "mr-u-nu-latn", "mr-u-nu-deva")) {
            assertThat(Explainer.standard().messages(Locale.forLanguageTag(tag)).format("report.recipients.rejected", Map.of("count", 2)))
                    .as(tag).startsWith("2 ");
        }
        assertThat(Explainer.builder().nativeDigits(true).build().messages(Locale.forLanguageTag("mr"))
                .format("report.recipients.rejected", Map.of("count", 2))).startsWith("२ ");
    }
}
