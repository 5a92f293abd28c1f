package dev.smtpexplain.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.Explanation;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.RecipientFailure.Kind;
import dev.smtpexplain.mail.SendFailureReport.Outcome;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ReportLayout#reportText}, the text every report holds (the adapter's and the Spring module's), built from
 * real diagnoses and the shipped catalogs: its lines in order, servers' replies made safe, right-to-left marks.
 */
class ReportLayoutTextTest {

    private static final Explainer EXPLAINER = Explainer.standard();

    private static Explanation explain(String reply, Locale locale) {
        return EXPLAINER.explain(Diagnoser.standard().diagnose(reply), locale);
    }

    private static RecipientFailure failure(String address, Kind kind, String reply, Locale locale) {
        return RecipientFailure.of(address, kind, explain(reply, locale));
    }

    /** "Sending failed at an unknown stage" tells a reader nothing: no line for it, in any language; a known stage has one. */
    @Test
    void anUnknownStageGetsNoSentence() {
        for (Locale l : Explainer.supportedLocales()) {
            LocalizedMessages m = EXPLAINER.messages(l);
            ReportLayout layout = new ReportLayout(m);
            for (Outcome o : Outcome.values()) {
                assertThat(layout.stageSentence(o, SmtpStage.UNKNOWN)).as("%s %s", l, o).isEmpty();
            }
            assertThat(layout.stageSentence(Outcome.FAILED, SmtpStage.CONNECT)).as("%s", l).contains(m.get("stage.connect"));
            String text = layout.reportText(Outcome.FAILED, SmtpStage.UNKNOWN, explain("", l), "", List.of(), List.of(), List.of("a@example.test"));
            assertThat(text).as("%s", l).doesNotContain(m.get("stage.unknown"));
        }
    }

    /** French, Spanish and Portuguese go on in lower case after the headline's colon; German and English keep the capital. */
    @ParameterizedTest
    @ValueSource(strings = {"fr", "es", "pt-BR", "de", "en"})
    void theHeadlineGoesOnAfterItsColonAsTheLanguageDoes(String tag) {
        Locale l = Locale.forLanguageTag(tag);
        LocalizedMessages m = EXPLAINER.messages(l);
        Explanation full = explain("552 5.2.2 Mailbox full", l);
        String headline = new ReportLayout(m).reportText(Outcome.FAILED, SmtpStage.RCPT_TO, full, "", List.of(), List.of(), List.of())
                .lines().findFirst().orElseThrow();
        String title = full.title();
        String expected = switch (tag) {
            case "fr", "es", "pt-BR" -> title.substring(0, 1).toLowerCase(l) + title.substring(1);
            default -> title;
        };
        assertThat(headline).isEqualTo(m.format("report.headline", Map.of("outcome", m.get("report.title.failed"), "title", expected)));
        switch (tag) {
            case "fr" -> assertThat(headline).isEqualTo("Le message n’a pas été envoyé\u00a0: la boîte aux lettres du destinataire est pleine");
            case "es" -> assertThat(headline).isEqualTo("El mensaje no se envió: el buzón del destinatario está lleno");
            case "pt-BR" -> assertThat(headline).isEqualTo("A mensagem não foi enviada: a caixa de correio do destinatário está cheia");
            default -> assertThat(Character.isUpperCase(headline.charAt(headline.indexOf(": ") + 2))).isTrue();
        }
        // a title that opens with a word in capitals keeps it
        Explanation dmarc = explain("550 5.7.26 Unauthenticated email is not accepted due to domain's DMARC policy", l);
        String first = dmarc.title().split("[ \u00a0’]")[0];
        String line = new ReportLayout(m).headline(Outcome.FAILED, dmarc);
        if (first.length() > 1 && first.equals(first.toUpperCase(l))) {
            assertThat(line).contains(first);
        }
    }

    @Test
    void aPartialDeliveryListsRefusedDeferredAcceptedAndUntriedRecipientsInThatOrder() {
        Locale en = Locale.ENGLISH;
        LocalizedMessages m = EXPLAINER.messages(en);
        Explanation overall = explain("550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown", en);
        List<RecipientFailure> failures = List.of(
                failure("grey@example.test", Kind.DEFERRED, "450 4.2.0 <grey@example.test>: Recipient address rejected: Greylisted", en),
                failure("nobody@example.test", Kind.REJECTED, "550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown", en));

        String text = new ReportLayout(m).reportText(Outcome.PARTIALLY_DELIVERED, SmtpStage.RCPT_TO, overall, "",
                failures, List.of("bob@example.test"), List.of("late@example.test"));

        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo(m.get("report.title.partial") + ": " + overall.title());
        assertThat(lines.get(1)).startsWith("The other recipients were refused ");
        // refused before deferred, each with its server's reply on the line below
        assertThat(lines.subList(2, 8)).containsExactly(
                "1 recipient was refused",
                "  - nobody@example.test: " + failures.get(1).explanation().title(),
                "    550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown",
                "1 recipient was deferred: the server asked to try again later",
                "  - grey@example.test: " + failures.get(0).explanation().title(),
                "    450 4.2.0 <grey@example.test>: Recipient address rejected: Greylisted");
        assertThat(lines.get(8)).isEqualTo("1 recipient accepted the message: bob@example.test");
        assertThat(lines.get(9)).isEqualTo("The message was not sent to 1 recipient: late@example.test");
        // recipients carry their own replies: the overall one is not repeated
        assertThat(lines.get(10)).isEqualTo("What you can try: " + overall.advice().get(0));
        assertThat(lines).hasSize(11);
    }

    /**
     * A refusal of the whole message (a DMARC refusal after the content) refuses every recipient alike: one line for them,
     * the reply once, not a copy for each (outside tester 71); recipients refused for different reasons keep a line each.
     */
    @Test
    void recipientsRefusedAlikeShareOneLine() {
        Locale en = Locale.ENGLISH;
        LocalizedMessages m = EXPLAINER.messages(en);
        String dmarc = "550 5.7.26 Unauthenticated email from example.test is not accepted due to domain's DMARC policy";
        Explanation overall = explain(dmarc, en);
        List<RecipientFailure> failures = new java.util.ArrayList<>();
        for (String to : List.of("bob@example.test", "carol@example.test", "dave@example.test")) {
            failures.add(failure(to, Kind.REJECTED, dmarc, en));
        }
        failures.add(failure("nobody@example.test", Kind.REJECTED, "550 5.1.1 <nobody@example.test>: User unknown", en));
        String text = new ReportLayout(m).reportText(Outcome.FAILED, SmtpStage.END_OF_DATA, overall, "", failures, List.of(), List.of());
        List<String> lines = text.lines().toList();
        assertThat(lines.subList(2, 7)).containsExactly(
                "4 recipients were refused",
                "  - bob@example.test, carol@example.test, dave@example.test: " + overall.title(),
                "    " + dmarc,
                "  - nobody@example.test: " + failures.get(3).explanation().title(),
                "    550 5.1.1 <nobody@example.test>: User unknown");
        // fifty alike: no line of thousands of characters, every address kept
        List<RecipientFailure> many = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> failure("someone" + i + "@example.test", Kind.REJECTED, dmarc, en)).toList();
        List<String> manyLines = new ReportLayout(m).reportText(Outcome.FAILED, SmtpStage.END_OF_DATA, overall, "", many, List.of(), List.of())
                .lines().toList();
        assertThat(manyLines).hasSizeGreaterThan(7).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(400));
        assertThat(manyLines.stream().filter(l -> l.contains(dmarc))).hasSize(1);
        assertThat(String.join(" ", manyLines)).contains("someone0@example.test", "someone49@example.test: " + overall.title());
    }

    @Test
    void aFailureWithoutRecipientsQuotesTheServerOnOneSanitizedLine() {
        Locale en = Locale.ENGLISH;
        Explanation overall = explain("554 5.7.1 Service unavailable;\r\n\u001b[31mClient host blocked\u0007 using zen.spamhaus.org", en);

        String text = new ReportLayout(EXPLAINER.messages(en)).reportText(Outcome.FAILED, SmtpStage.MAIL_FROM, overall,
                "The connection was closed.", List.of(), List.of(), List.of("a@example.test"));

        List<String> lines = text.lines().toList();
        assertThat(lines.get(2)).isEqualTo("The connection was closed.");
        String server = lines.stream().filter(l -> l.startsWith("The server’s reply: ")).findFirst().orElseThrow();
        assertThat(server).contains("Client host blocked").doesNotContain("\u001b", "\u0007", "\r");
        assertThat(text).doesNotContainPattern("[\\p{Cc}&&[^\\n]]");
    }

    /** Hundreds of recipients make no line of thousands of characters: the list goes on over indented lines. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void aLongListOfAddressesGoesOnOverIndentedLines(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        ReportLayout layout = new ReportLayout(EXPLAINER.messages(locale));
        List<String> notTried = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "someone" + i + "@example.test").toList();

        String text = layout.reportText(Outcome.FAILED, SmtpStage.DATA, explain("554 5.7.1 rejected", locale), "",
                List.of(), List.of(), notTried);

        List<String> lines = text.lines().toList();
        String label = EXPLAINER.messages(locale).format("report.recipients.notTried", Map.of("count", 200));
        int first = lines.indexOf(lines.stream().filter(l -> l.contains(label)).findFirst().orElseThrow());
        List<String> list = lines.subList(first, first + (int) lines.stream().skip(first + 1).takeWhile(l -> l.startsWith(layout.line("    "))).count() + 1);
        assertThat(list).hasSizeGreaterThan(10).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(400));
        // a line the list goes on after ends with the language's separator: the Arabic comma in Arabic
        String comma = tag.equals("ar") ? "،" : ",";
        assertThat(list.subList(0, list.size() - 1)).allSatisfy(l -> assertThat(l).endsWith(comma));
        // every address once, in order
        String joined = String.join(" ", list).replace("\u2068", "").replace("\u2069", "");
        int at = 0;
        for (String a : notTried) {
            int next = joined.indexOf(a + (a.equals(notTried.get(199)) ? "" : comma), at);
            assertThat(next).as(a).isGreaterThanOrEqualTo(at);
            at = next + a.length();
        }
        // a short list stays on the label's line
        String shortList = layout.reportText(Outcome.FAILED, SmtpStage.DATA, explain("554 5.7.1 rejected", locale), "",
                List.of(), List.of(), notTried.subList(0, 3));
        assertThat(shortList.lines().filter(l -> l.contains("someone")).count()).isEqualTo(1);
    }

    @Test
    void aDeliveredMessageHasOnlyItsOutcome() {
        Locale en = Locale.ENGLISH;
        LocalizedMessages m = EXPLAINER.messages(en);
        String text = new ReportLayout(m).reportText(Outcome.DELIVERED, SmtpStage.UNKNOWN, explain("250 2.0.0 Ok", en), "",
                List.of(), List.of("bob@example.test"), List.of());

        assertThat(text.lines().toList()).containsExactly(m.get("report.title.delivered"), "1 recipient accepted the message: bob@example.test");
    }

    @Test
    void inArabicEveryLineStartsRightToLeftAndAddressesAreIsolated() {
        Locale ar = Locale.forLanguageTag("ar");
        LocalizedMessages m = EXPLAINER.messages(ar);
        String reply = "550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown";
        String text = new ReportLayout(m).reportText(Outcome.FAILED, SmtpStage.RCPT_TO, explain(reply, ar), "",
                List.of(failure("nobody@example.test", Kind.REJECTED, reply, ar)), List.of(), List.of());

        assertThat(text.lines()).allSatisfy(line -> assertThat(line).startsWith("\u200F"));
        assertThat(text).contains("\u2068nobody@example.test\u2069");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "gu", "hi", "mr", "bn", "ta", "es", "fr", "de", "pt-BR", "zh-CN", "ja", "ar"})
    void everyShippedLanguageWritesTheHeadlineAndCountsFromItsOwnCatalog(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        LocalizedMessages m = EXPLAINER.messages(locale);
        String reply = "550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown";
        Explanation overall = explain(reply, locale);
        String text = new ReportLayout(m).reportText(Outcome.FAILED, SmtpStage.RCPT_TO, overall, "",
                List.of(failure("nobody@example.test", Kind.REJECTED, reply, locale)), List.of(), List.of());

        assertThat(text).contains(overall.title(), m.get("report.title.failed"),
                m.format("report.recipients.rejected", Map.of("count", 1)), overall.advice().get(0));
    }
}
