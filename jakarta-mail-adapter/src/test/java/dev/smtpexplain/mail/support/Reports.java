package dev.smtpexplain.mail.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.mail.RecipientFailure;
import dev.smtpexplain.mail.SendFailureAnalyzer;
import dev.smtpexplain.mail.ExplainedSendFailedException;
import dev.smtpexplain.mail.SendFailureReport;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks every report in English and in Gujarati (redone from the same failure).
 */
public final class Reports {

    public static final Locale GU = Locale.forLanguageTag("gu");
    private static final Pattern GUJARATI = Pattern.compile("[\\u0A80-\\u0AFF]");

    private Reports() {
    }

    /** English and Gujarati checks for a sender's failure; Gujarati is redone from the exception. */
    public static void assertExplained(ExplainedSendFailedException e) {
        assertExplained(e.report(), l -> SendFailureAnalyzer.standard().analyze(e, l));
    }

    /** English and Gujarati checks; {@code again} makes the report in another locale. */
    public static void assertExplained(SendFailureReport en, Function<Locale, SendFailureReport> again) {
        if (Boolean.getBoolean("smtpexplain.printReports")) {
            System.out.println("----- " + en.stage().id() + " / " + en.category().id() + "\n" + en.text() + "\n" + en.technicalDetails());
        }
        assertThat(en.locale().getLanguage()).isEqualTo("en");
        assertThat(en.explanation().title()).isNotBlank();
        assertThat(en.explanation().summary()).isNotBlank();
        assertThat(en.text()).isNotBlank().startsWith(en.headline()).doesNotContain("null").doesNotContain("{");
        // toString is one line for logs; the text is text()
        assertThat(en.toString()).doesNotContain("\n").contains(en.category().id(), en.stage().id()).hasSizeLessThan(400);
        assertThat(en.technicalDetails()).isNotBlank();
        for (RecipientFailure f : en.recipientFailures()) {
            assertThat(f.explanation().title()).isNotBlank();
            assertThat(en.text()).contains(f.address());
        }
        en.acceptedRecipients().forEach(a -> assertThat(en.text()).contains(a));
        en.notAttemptedRecipients().forEach(a -> assertThat(en.text()).contains(a));
        SendFailureReport gu = again.apply(GU);
        if (Boolean.getBoolean("smtpexplain.printReports")) {
            System.out.println("----- gu\n" + gu.text());
        }
        assertThat(gu.locale().getLanguage()).isEqualTo("gu");
        assertThat(gu.category()).isEqualTo(en.category());
        assertThat(gu.stage()).isEqualTo(en.stage());
        assertThat(gu.recipientFailures()).hasSameSizeAs(en.recipientFailures());
        assertThat(gu.explanation().title()).isNotBlank().containsPattern(GUJARATI);
        assertThat(gu.text()).isNotBlank().containsPattern(GUJARATI).isNotEqualTo(en.text());
        assertThat(gu.explanation().summary()).isNotEqualTo(en.explanation().summary());
    }
}
