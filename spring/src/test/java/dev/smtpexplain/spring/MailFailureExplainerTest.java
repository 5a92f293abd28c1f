package dev.smtpexplain.spring;

import static dev.smtpexplain.spring.support.RefusingSmtpServer.FULL;
import static dev.smtpexplain.spring.support.RefusingSmtpServer.GOOD;
import static dev.smtpexplain.spring.support.RefusingSmtpServer.NOUSER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.RecipientFailure;
import dev.smtpexplain.mail.SendFailureReport;
import dev.smtpexplain.mail.SendFailureReport.Outcome;
import dev.smtpexplain.mail.SmtpStage;
import dev.smtpexplain.spring.support.Ports;
import dev.smtpexplain.spring.support.RefusingSmtpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;

/** {@link MailExceptions} and {@link MailFailureExplainer} on what Spring's JavaMailSenderImpl really throws. */
@Timeout(30)
class MailFailureExplainerTest {

    private static final Locale GU = Locale.forLanguageTag("gu");

    private static JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl s = new JavaMailSenderImpl();
        s.setHost("127.0.0.1");
        s.setPort(port);
        s.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        s.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        return s;
    }

    private static SimpleMailMessage message(String subject, String... to) {
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom("app@example.test");
        m.setTo(to);
        m.setSubject(subject);
        m.setText("hello");
        return m;
    }

    @Test
    void oneReportPerFailedMessageWithItsRecipientsStageAndCategories() {
        try (RefusingSmtpServer server = RefusingSmtpServer.postfixLike()) {
            SimpleMailMessage refused = message("one", GOOD, FULL, NOUSER);
            SimpleMailMessage fine = message("two", GOOD);
            SimpleMailMessage deferred = message("three", FULL);
            MailSendException e = catchThrowableOfType(MailSendException.class,
                    () -> sender(server.port()).send(refused, fine, deferred));

            assertThat(e.getFailedMessages()).containsOnlyKeys(refused, deferred);
            List<SendFailureReport> reports = MailExceptions.explain(e, Locale.ENGLISH);

            assertThat(reports).hasSize(2);
            SendFailureReport first = reports.get(0);
            assertThat(first.stage()).isEqualTo(SmtpStage.RCPT_TO);
            assertThat(first.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(first.recipientFailures()).extracting(RecipientFailure::address).containsExactly(FULL, NOUSER);
            assertThat(first.failureFor(NOUSER).orElseThrow().diagnosis().category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
            assertThat(first.failureFor(FULL).orElseThrow().diagnosis().category()).isEqualTo(Category.MAILBOX_FULL);
            assertThat(first.rejectedRecipients()).containsExactly(NOUSER);
            assertThat(first.deferredRecipients()).containsExactly(FULL);
            assertThat(first.notAttemptedRecipients()).containsExactly(GOOD);
            assertThat(first.exception()).containsSame((jakarta.mail.MessagingException) e.getFailedMessages().get(refused));

            SendFailureReport second = reports.get(1);
            assertThat(second.recipientFailures()).extracting(RecipientFailure::address).containsExactly(FULL);
            assertThat(second.category()).isEqualTo(Category.MAILBOX_FULL);
            // only the good message went through
            assertThat(server.delivered()).containsExactly(List.of(GOOD));
        }
    }

    @Test
    void reportsAreInTheRequestedLanguage() {
        try (RefusingSmtpServer server = RefusingSmtpServer.postfixLike()) {
            MailSendException e = catchThrowableOfType(MailSendException.class, () -> sender(server.port()).send(message("x", NOUSER)));

            SendFailureReport gu = MailExceptions.explain(e, GU).get(0);
            SendFailureReport en = MailExceptions.explain(e, Locale.ENGLISH).get(0);

            assertThat(gu.locale()).isEqualTo(GU);
            assertThat(gu.explanation().title())
                    .isEqualTo(Explainer.standard().messages(GU).get("category.recipient-unknown.title"))
                    .isNotEqualTo(en.explanation().title());
            assertThat(en.explanation().title()).isEqualTo(Explainer.standard().messages(Locale.ENGLISH).get("category.recipient-unknown.title"));
            assertThat(gu.category()).isEqualTo(en.category());
        }
    }

    @Test
    void aRefusedConnectionFailsEveryMessage() {
        SimpleMailMessage a = message("a", GOOD);
        SimpleMailMessage b = message("b", GOOD);
        int port = Ports.closed();
        MailSendException e = catchThrowableOfType(MailSendException.class, () -> sender(port).send(a, b));

        List<SendFailureReport> reports = MailExceptions.explain(e, Locale.ENGLISH);

        assertThat(reports).hasSize(2).allSatisfy(r -> {
            assertThat(r.stage()).isEqualTo(SmtpStage.CONNECT);
            assertThat(r.category()).isEqualTo(Category.CONNECTION_FAILED);
            assertThat(r.transportDetail().orElseThrow()).contains("127.0.0.1").contains(String.valueOf(port));
        });
        assertThat(MailProblemDetails.statusOf(reports.get(0)).value()).isEqualTo(503);
    }

    @Test
    void authenticationFailuresAreExplainedAsSuch() {
        try (RefusingSmtpServer server = RefusingSmtpServer.start(Map.of(), b -> b.authenticationHandlerFactory(
                new EasyAuthenticationHandlerFactory((user, password, ctx) -> {
                    throw new LoginFailedException();
                })))) {
            JavaMailSenderImpl s = sender(server.port());
            s.setUsername("alice");
            s.setPassword("S3cret-Pa55");
            s.getJavaMailProperties().put("mail.smtp.auth", "true");
            MailAuthenticationException e = catchThrowableOfType(MailAuthenticationException.class, () -> s.send(message("x", GOOD)));

            SendFailureReport r = MailExceptions.explain(e, Locale.ENGLISH).get(0);

            assertThat(r.stage()).isEqualTo(SmtpStage.AUTH);
            assertThat(r.category()).isEqualTo(Category.AUTHENTICATION_FAILED);
            assertThat(r.diagnosis().reply().code()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo(535));
            assertThat(r.text() + r.technicalDetails()).doesNotContain("S3cret-Pa55");
        }
    }

    @Test
    void anAuthenticationExceptionWithoutJakartaMailCauseIsStillAnAuthenticationFailure() {
        SendFailureReport r = MailExceptions.explain(new MailAuthenticationException("login refused by the relay"), Locale.ENGLISH).get(0);

        assertThat(r.stage()).isEqualTo(SmtpStage.AUTH);
        assertThat(r.category()).isEqualTo(Category.AUTHENTICATION_FAILED);
    }

    @Test
    void aBadAddressIsAProblemOfTheMessageNotOfAServer() {
        JavaMailSenderImpl s = sender(Ports.closed());
        MailParseException e = catchThrowableOfType(MailParseException.class, () -> s.send(message("x", "not an address@@example")));

        SendFailureReport r = MailExceptions.explain(e, GU).get(0);

        assertThat(r.category()).isEqualTo(Category.MESSAGE_NOT_COMPLIANT);
        assertThat(r.stage()).isEqualTo(SmtpStage.UNKNOWN);
        assertThat(r.diagnosis().evidence().ruleId()).isEqualTo("spring:message-parse");
        LocalizedMessages gu = Explainer.standard().messages(GU);
        // no server saw the message: the adapter's words for a failure found before connecting, not a server's verdict
        assertThat(r.explanation().title()).isEqualTo(gu.get("report.local.title"));
        assertThat(r.explanation().summary()).isEqualTo(gu.get("report.local.summary"));
        assertThat(r.explanation().advice()).first().isEqualTo(gu.get("category.message-not-compliant.advice.1"));
        assertThat(r.transportDetail()).contains(gu.format("address.invalid", Map.of("address", "not an address@@example")));
        assertThat(r.text()).startsWith(gu.get("report.title.failed"))
                .contains(gu.get("report.local.title"), r.transportDetail().orElseThrow())
                .doesNotContain(gu.get("category.message-not-compliant.title"));
        assertThat(r.technicalDetails()).startsWith("MailParseException: ").contains("AddressException");
        assertThat(r.exception()).isEmpty();
        assertThat(MailProblemDetails.statusOf(r).value()).isEqualTo(500);
    }

    @Test
    void aFailingPreparatorIsAProblemOfTheMessage() {
        JavaMailSenderImpl s = sender(Ports.closed());
        MailPreparationException e = catchThrowableOfType(MailPreparationException.class, () -> s.send((MimeMessage m) -> {
            throw new IOException("template missing: welcome.html");
        }));

        SendFailureReport r = MailExceptions.explain(e, Locale.ENGLISH).get(0);

        assertThat(r.category()).isEqualTo(Category.MESSAGE_NOT_COMPLIANT);
        assertThat(r.diagnosis().evidence().ruleId()).isEqualTo("spring:message-preparation");
        assertThat(r.technicalDetails()).contains("template missing: welcome.html");
        assertThat(MailProblemDetails.statusOf(r).value()).isEqualTo(500);
    }

    @Test
    void anExplainedExceptionIsExplainedAgainInAnotherLanguage() {
        try (RefusingSmtpServer server = RefusingSmtpServer.postfixLike()) {
            MailFailureExplainer explainer = new MailFailureExplainer(dev.smtpexplain.mail.SendFailureAnalyzer.standard(),
                    () -> Locale.ENGLISH);
            ExplainingJavaMailSender s = new ExplainingJavaMailSender(sender(server.port()), explainer);
            ExplainedMailSendException e = catchThrowableOfType(ExplainedMailSendException.class, () -> s.send(message("x", NOUSER)));

            SendFailureReport again = explainer.explain(e, GU).get(0);

            assertThat(e.report().locale()).isEqualTo(Locale.ENGLISH);
            assertThat(again.locale()).isEqualTo(GU);
            assertThat(again.category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
            assertThat(explainer.explained(e)).isSameAs(e);
        }
    }

    @Test
    void aMimeMessageSendIsReadFromItsOwnException() throws Exception {
        try (RefusingSmtpServer server = RefusingSmtpServer.postfixLike()) {
            JavaMailSenderImpl s = sender(server.port());
            MimeMessage m = s.createMimeMessage();
            MimeMessageHelper h = new MimeMessageHelper(m, "UTF-8");
            h.setFrom("app@example.test");
            h.setTo(new String[] {GOOD, NOUSER});
            h.setSubject("mime");
            h.setText("hello");
            MailException e = catchThrowableOfType(MailException.class, () -> s.send(m));

            SendFailureReport r = MailExceptions.explain(e, Locale.ENGLISH).get(0);

            assertThat(r.failureFor(NOUSER)).isPresent();
            assertThat(r.notAttemptedRecipients()).containsExactly(GOOD);
        }
    }
}
