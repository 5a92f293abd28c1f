package dev.smtpexplain.spring;

import static dev.smtpexplain.spring.support.RefusingSmtpServer.FULL;
import static dev.smtpexplain.spring.support.RefusingSmtpServer.GOOD;
import static dev.smtpexplain.spring.support.RefusingSmtpServer.NOUSER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.core.Evidence;
import dev.smtpexplain.core.SmtpReply;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.Explanation;
import dev.smtpexplain.mail.SendFailureReport;
import dev.smtpexplain.mail.SmtpStage;
import dev.smtpexplain.spring.support.RefusingSmtpServer;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.subethamail.smtp.RejectException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Timeout(30)
class MailProblemDetailsTest {

    private static final Locale GU = Locale.forLanguageTag("gu");

    private static MailSendException send(int port, String... to) {
        JavaMailSenderImpl s = new JavaMailSenderImpl();
        s.setHost("127.0.0.1");
        s.setPort(port);
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom("app@example.test");
        m.setTo(to);
        m.setText("hello");
        return catchThrowableOfType(MailSendException.class, () -> s.send(m));
    }

    @Test
    void localizedTitleAndDetailTheCategoryAsTypeAndTheRecipientsAsProperties() {
        try (RefusingSmtpServer server = RefusingSmtpServer.postfixLike()) {
            SendFailureReport r = MailExceptions.explain(send(server.port(), GOOD, FULL, NOUSER), GU).get(0);

            ProblemDetail p = MailProblemDetails.standard().from(r);

            var gu = Explainer.standard().messages(GU);
            String firstCategory = r.category().id();
            assertThat(p.getType()).isEqualTo(URI.create("urn:smtp-explain:category:" + firstCategory));
            assertThat(p.getTitle()).isEqualTo(gu.get("category." + firstCategory + ".title"));
            assertThat(p.getDetail()).isEqualTo(gu.get("category." + firstCategory + ".summary"));
            // the first refused recipient decides the whole: 452 is temporary
            assertThat(p.getStatus()).isEqualTo(r.diagnosis().isPermanent() ? 502 : 503);
            Map<String, Object> props = p.getProperties();
            assertThat(props).containsEntry("category", firstCategory).containsEntry("stage", "rcpt-to")
                    .containsEntry("outcome", "failed").containsEntry("lang", "gu");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> recipients = (List<Map<String, Object>>) props.get("recipients");
            assertThat(recipients).extracting(m -> m.get("address")).containsExactly(FULL, NOUSER, GOOD);
            assertThat(recipients).extracting(m -> m.get("result")).containsExactly("deferred", "rejected", "not-attempted");
            assertThat(recipients.get(1)).containsEntry("category", "recipient-unknown").containsEntry("code", 550)
                    .containsEntry("status", "5.1.1").containsEntry("title", gu.get("category.recipient-unknown.title"));
            assertThat(recipients.get(0)).containsEntry("category", "mailbox-full").containsEntry("code", 452);
        }
    }

    /** A message the server may have (no reply to the whole content) is not "try again later": 503 would invite a second copy. */
    @Test
    void aSendNobodyConfirmedIsAGatewayTimeoutWithItsRecipientsUnconfirmed() {
        Diagnosis d = Diagnosis.of(SmtpReply.parseLenient(""), Category.NETWORK_ERROR, 0.8, new Evidence(Evidence.Source.TRANSPORT, "t"))
                .deliveryUnconfirmed();
        Explanation e = Explainer.standard().explain(d, Locale.ENGLISH);
        SendFailureReport r = SendFailureReport.of(SendFailureReport.Outcome.UNCONFIRMED, SmtpStage.END_OF_DATA, d, e,
                Optional.of("The mail server did not answer after the whole message had been sent."),
                List.of(), List.of(), List.of(), List.of(GOOD), Locale.ENGLISH, "text", "details", Optional.empty());

        ProblemDetail p = MailProblemDetails.standard().from(r);

        assertThat(MailProblemDetails.statusOf(r)).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(p.getStatus()).isEqualTo(504);
        // the summary says what the transport sentence says: once (outside tester 63)
        assertThat(p.getDetail()).isEqualTo(e.summary());
        assertThat(p.getProperties()).containsEntry("outcome", "unconfirmed").containsEntry("retry", "uncertain").containsEntry("acts", "sender")
                .containsEntry("recipients", List.of(Map.of("address", GOOD, "result", "unconfirmed")));
    }

    /** No server was contacted: the application's message is at fault, not a mail server (outside tester 63: 502). */
    @Test
    void aMessageWithoutARecipientIsTheApplicationsFailure() {
        try (RefusingSmtpServer server = RefusingSmtpServer.postfixLike()) {
            SendFailureReport r = MailExceptions.explain(send(server.port()), Locale.ENGLISH).get(0);

            assertThat(r.diagnosis().evidence().ruleId()).isEqualTo("local:no-recipients");
            assertThat(MailProblemDetails.statusOf(r)).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        }
    }

    @Test
    void aTypePrefixOfTheApplicationsOwn() {
        try (RefusingSmtpServer server = RefusingSmtpServer.postfixLike()) {
            SendFailureReport r = MailExceptions.explain(send(server.port(), NOUSER), Locale.ENGLISH).get(0);

            ProblemDetail p = new MailProblemDetails("https://example.com/problems/mail/").from(r, HttpStatus.valueOf(422));

            assertThat(p.getType()).isEqualTo(URI.create("https://example.com/problems/mail/recipient-unknown"));
            assertThat(p.getStatus()).isEqualTo(422);
        }
        assertThatThrownBy(() -> new MailProblemDetails("not a uri prefix ")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A hostile server's reply reaches the JSON only sanitized: no controls, no bidi overrides, no markup executed. */
    @Test
    void hostileServerTextIsSanitizedAndStaysAJsonString() {
        String hostile = "5.7.1 \u001b[31mRED\u001b[0m \u202eevil\u202c <script>alert(1)</script>\r\nX-Injected: yes";
        try (RefusingSmtpServer server = RefusingSmtpServer.refusingSender(new RejectException(553, hostile))) {
            SendFailureReport r = MailExceptions.explain(send(server.port(), GOOD), Locale.ENGLISH).get(0);
            ProblemDetail p = MailProblemDetails.standard().from(r);

            // as Spring MVC writes it: the properties at the top level
            JsonMapper mapper = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
            String json = mapper.writeValueAsString(p);
            JsonNode tree = mapper.readTree(json);

            String reply = tree.get("serverReply").asString();
            assertThat(reply).contains("RED").contains("evil").doesNotContain("\u001b").doesNotContain("\u202e").doesNotContain("\r")
                    .doesNotContain("\n");
            assertThat(json).doesNotContain("\u001b").doesNotContain("\u202e");
            assertThat(tree.get("stage").asString()).isEqualTo("mail-from");
        }
    }
}
