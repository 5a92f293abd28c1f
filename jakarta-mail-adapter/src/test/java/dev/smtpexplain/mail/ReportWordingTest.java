package dev.smtpexplain.mail;

import static dev.smtpexplain.mail.support.TestMail.failing;
import static dev.smtpexplain.mail.support.TestMail.message;
import static dev.smtpexplain.mail.support.TestMail.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.support.FakeSmtpServer;
import dev.smtpexplain.mail.support.FakeSmtpServer.Conversation;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.text.Bidi;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How a report is worded, against the scripted fake server: the exception's message stays English for
 * logs while the report is localized; a failure found before any server was contacted does not say a
 * server reported it; deferred recipients are not counted as refused; TLS reasons, labels and separators
 * come from the catalog; Arabic summary lines read right to left.
 */
class ReportWordingTest {

    static final Locale GU = Locale.forLanguageTag("gu");
    static final Locale JA = Locale.forLanguageTag("ja");
    static final Locale AR = Locale.forLanguageTag("ar");
    static final Locale FR = Locale.forLanguageTag("fr");

    static LocalizedMessages messages(Locale l) {
        return Explainer.standard().messages(l);
    }

    /** RCPT: bob is accepted, grey is deferred (450), nobody is refused (550). */
    static FakeSmtpServer.Script mixedRecipients() {
        return new FakeSmtpServer.Script() {
            @Override
            public void rcpt(Conversation c, String line) throws IOException {
                if (line.contains("grey@")) {
                    c.reply("450 4.2.0 <grey@example.test>: Recipient address rejected: Greylisted");
                } else if (line.contains("nobody@")) {
                    c.reply("550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown");
                } else {
                    c.reply("250 2.1.5 Ok");
                }
            }
        };
    }

    @Test
    void theExceptionMessageIsEnglishWhileTheReportIsLocalized() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(mixedRecipients())) {
            Session s = session(server.port());
            ExplainingSender sender = ExplainingSender.builder().session(s).locale(GU).build();
            ExplainedSendFailedException e = failing(sender, message(s, "hello", "nobody@example.test"));

            assertThat(e.report().locale()).isEqualTo(GU);
            assertThat(e.report().headline()).startsWith(messages(GU).get("report.title.failed"));
            LocalizedMessages en = messages(Locale.ENGLISH);
            assertThat(e.getMessage()).startsWith(en.get("report.title.failed"))
                    .contains(en.get("category.recipient-unknown.title"), "[recipient-unknown at rcpt-to]")
                    .doesNotContainPattern("\\p{IsGujarati}");
        }
    }

    @Test
    void deferredRecipientsAreCountedApartFromRefusedOnes() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(mixedRecipients())) {
            Session s = session(server.port(), "mail.smtp.sendpartial", "true");
            ExplainingSender sender = ExplainingSender.builder().session(s).locale(Locale.ENGLISH).sendPartial(true).throwOnPartialDelivery(true).build();
            ExplainedSendFailedException e = failing(sender, message(s, "hello", "bob@example.test", "grey@example.test", "nobody@example.test"));
            SendFailureReport r = e.report();

            assertThat(r.rejectedRecipients()).containsExactly("nobody@example.test");
            assertThat(r.deferredRecipients()).containsExactly("grey@example.test");
            LocalizedMessages en = messages(Locale.ENGLISH);
            assertThat(r.text()).contains(en.format("report.recipients.rejected", Map.of("count", 1)),
                    en.format("report.recipients.deferred", Map.of("count", 1)))
                    .doesNotContain(en.format("report.recipients.rejected", Map.of("count", 2)));
        }
    }

    @Test
    void anInvalidAddressIsNotReportedAsTheServersProblem() throws Exception {
        AddressException bad = new AddressException("Missing final '@domain'", "bob@", 4);
        for (Locale l : new Locale[] {Locale.ENGLISH, GU}) {
            SendFailureReport r = MailFailures.explain(bad, l);
            LocalizedMessages m = messages(l);
            assertThat(r.headline()).contains(m.get("report.local.title")).doesNotContain(m.get("category.unknown.title"));
            assertThat(r.explanation().summary()).isEqualTo(m.get("report.local.summary"));
            assertThat(r.transportDetail().orElseThrow()).isEqualTo(m.format("address.invalid", Map.of("address", "bob@")));
            assertThat(r.foundBeforeAnyServer()).isTrue();
            // advice for what is wrong here, not for a server reply that does not exist (outside tester 62)
            assertThat(r.explanation().advice()).containsExactly(m.get("report.local.advice.1"));
            assertThat(r.explanation().contact()).isEqualTo(m.get("report.local.contact"));
            assertThat(String.join("\n", r.explanation().advice()) + r.explanation().contact())
                    .doesNotContain(m.get("category.unknown.advice.1")).doesNotContain(m.get("category.unknown.contact"));
        }
        assertThat(MailFailures.explain(null, Locale.ENGLISH).headline()).doesNotContain(messages(Locale.ENGLISH).get("category.unknown.title"));
        // the same AddressException is what InternetAddress throws for a malformed recipient
        AddressException real = null;
        try {
            new InternetAddress("bob@@example.test", true);
        } catch (AddressException x) {
            real = x;
        }
        assertThat(real).isNotNull();
        assertThat(MailFailures.explain(real, Locale.ENGLISH).headline()).contains(messages(Locale.ENGLISH).get("report.local.title"));
    }

    @Test
    void tlsReasonsComeFromTheCatalog() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script())) {
            Session s = session(server.port(), "mail.smtp.starttls.enable", "true", "mail.smtp.starttls.required", "true");
            ExplainedSendFailedException e = failing(ExplainingSender.builder().session(s).locale(Locale.ENGLISH).build(), message(s, "hello", "bob@example.test"));
            for (Locale l : new Locale[] {GU, JA}) {
                SendFailureReport r = MailFailures.explain(e, l);
                assertThat(r.transportDetail().orElse("")).as("%s", l).contains(messages(l).get("tls.reason.starttlsNotOffered"))
                        .doesNotContain(messages(Locale.ENGLISH).get("tls.reason.starttlsNotOffered"));
            }
        }
    }

    @Test
    void summaryLabelsUseTheLanguagesSeparatorAndArabicLinesReadRightToLeft() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(mixedRecipients())) {
            Session s = session(server.port(), "mail.smtp.sendpartial", "true");
            ExplainingSender sender = ExplainingSender.builder().session(s).locale(Locale.ENGLISH).sendPartial(true).throwOnPartialDelivery(true).build();
            ExplainedSendFailedException e = failing(sender, message(s, "hello", "bob@example.test", "nobody@example.test"));

            SendFailureReport fr = MailFailures.explain(e, FR);
            assertThat(fr.text()).contains(messages(FR).get("label.whatToTry") + "\u00a0: ").doesNotContain(messages(FR).get("label.whatToTry") + ": ");
            SendFailureReport ja = MailFailures.explain(e, JA);
            assertThat(ja.text()).contains(messages(JA).get("label.whatToTry") + "：");

            SendFailureReport ar = MailFailures.explain(e, AR);
            for (String line : ar.text().split("\n")) {
                assertThat(new Bidi(line, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight()).as("«%s»", line).isFalse();
            }
            assertThat(ar.text()).contains("\u2068bob@example.test\u2069", "\u2068nobody@example.test\u2069");
        }
    }
}
