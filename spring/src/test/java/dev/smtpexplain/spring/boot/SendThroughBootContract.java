package dev.smtpexplain.spring.boot;

import static dev.smtpexplain.spring.support.RefusingSmtpServer.FULL;
import static dev.smtpexplain.spring.support.RefusingSmtpServer.GOOD;
import static dev.smtpexplain.spring.support.RefusingSmtpServer.NOUSER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.RecipientFailure;
import dev.smtpexplain.mail.SendFailureReport;
import dev.smtpexplain.mail.SmtpStage;
import dev.smtpexplain.spring.ExplainedMailSendException;
import dev.smtpexplain.spring.MailFailureExplainer;
import dev.smtpexplain.spring.MailProblemDetails;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ProblemDetail;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * What an unchanged Spring Boot application gets: it sends through Boot's auto-configured
 * {@link JavaMailSender} and catches {@link MailException}; the exception carries reports in the
 * LocaleContextHolder's language and turns into a ProblemDetail. The server refuses
 * {@code nouser@example.test} for good and {@code full@example.test} for now, as the Postfix test policy does.
 */
@Timeout(60)
abstract class SendThroughBootContract {

    /** The smallest Boot application: auto-configuration only. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    private static final Locale GU = Locale.forLanguageTag("gu");

    @Autowired
    JavaMailSender mailSender;

    @Autowired
    MailFailureExplainer explainer;

    @Autowired
    MailProblemDetails problems;

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    private ExplainedMailSendException sendFailing(String... to) {
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom("app@example.test");
        m.setTo(to);
        m.setSubject("smtp-explain Spring test");
        m.setText("hello");
        try {
            mailSender.send(m);
        } catch (MailException e) {   // the application's unchanged catch block
            assertThat(e).isInstanceOf(ExplainedMailSendException.class);
            return (ExplainedMailSendException) e;
        }
        throw new AssertionError("the send did not fail");
    }

    @Test
    void englishReportsAndProblemDetail() throws Exception {
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        ExplainedMailSendException e = sendFailing(GOOD, FULL, NOUSER);

        assertRefusals(e.report(), Locale.ENGLISH);
        assertProblem(problems.from(explainer.report(e)), e.report(), Locale.ENGLISH);
        // Boot's sender sent through smtp-explain's transport, and its refusals read as through Angus's
        assertThat(((JavaMailSenderImpl) mailSender).getSession().getTransport("smtp").getClass().getName())
                .isEqualTo("dev.smtpexplain.mail.internal.DataReplyTransport");
    }

    @Test
    void gujaratiReportsAndProblemDetail() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("gu-IN"));

        ExplainedMailSendException e = sendFailing(GOOD, FULL, NOUSER);

        assertRefusals(e.report(), GU);
        assertThat(e.report().text()).startsWith(messages(GU).get("report.title.failed"));
        assertProblem(problems.from(explainer.report(e)), e.report(), GU);
    }

    @Test
    void withoutALocaleContextTheConfiguredDefaultApplies() throws Exception {
        // a background thread: no request, no locale context; the test properties set smtp-explain.default-locale=gu
        ExplainedMailSendException e = CompletableFuture.supplyAsync(() -> {
            LocaleContextHolder.resetLocaleContext();
            return sendFailing(NOUSER);
        }).get();

        assertThat(e.report().locale()).isEqualTo(GU);
        assertThat(e.report().failureFor(NOUSER).orElseThrow().explanation().title())
                .isEqualTo(messages(GU).get("category.recipient-unknown.title"));
    }

    private static LocalizedMessages messages(Locale l) {
        return Explainer.standard().messages(l);
    }

    private static void assertRefusals(SendFailureReport r, Locale locale) {
        assertThat(r.locale()).isEqualTo(locale);
        assertThat(r.stage()).isEqualTo(SmtpStage.RCPT_TO);
        assertThat(r.recipientFailures()).extracting(RecipientFailure::address).containsExactly(FULL, NOUSER);
        RecipientFailure full = r.failureFor(FULL).orElseThrow();
        assertThat(full.isRejected()).isFalse();
        assertThat(full.diagnosis().category()).isEqualTo(Category.MAILBOX_FULL);
        assertThat(full.reply().code()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo(452));
        RecipientFailure nouser = r.failureFor(NOUSER).orElseThrow();
        assertThat(nouser.isRejected()).isTrue();
        assertThat(nouser.diagnosis().category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
        assertThat(nouser.reply().status()).hasValueSatisfying(s -> assertThat(s.toString()).isEqualTo("5.1.1"));
        assertThat(nouser.explanation().title()).isEqualTo(messages(locale).get("category.recipient-unknown.title"));
        assertThat(r.notAttemptedRecipients()).containsExactly(GOOD);
    }

    private static void assertProblem(ProblemDetail p, SendFailureReport r, Locale locale) {
        String category = r.category().id();
        assertThat(p.getType()).isEqualTo(URI.create("urn:smtp-explain:category:" + category));
        assertThat(p.getTitle()).isEqualTo(messages(locale).get("category." + category + ".title"));
        assertThat(p.getDetail()).isEqualTo(messages(locale).get("category." + category + ".summary"));
        assertThat(p.getProperties()).containsEntry("lang", locale.getLanguage()).containsEntry("stage", "rcpt-to");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> recipients = (List<Map<String, Object>>) p.getProperties().get("recipients");
        assertThat(recipients).extracting(m -> m.get("address")).containsExactly(FULL, NOUSER, GOOD);
        assertThat(recipients).extracting(m -> m.get("result")).containsExactly("deferred", "rejected", "not-attempted");
        assertThat(recipients.get(1)).containsEntry("category", "recipient-unknown")
                .containsEntry("title", messages(locale).get("category.recipient-unknown.title"));
    }
}
