package dev.smtpexplain.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.LocalizedMessages;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The example app over real HTTP, sending to the embedded demo SMTP server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.main.banner-mode=off")
@Timeout(60)
class MailDemoApplicationTest {

    private static final DemoSmtpServer SMTP = DemoSmtpServer.start();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
    }

    @AfterAll
    static void stop() {
        SMTP.close();
    }

    @Value("${local.server.port}")
    int port;

    private HttpResponse<String> post(String acceptLanguage, String json) throws Exception {
        return Http.postMessage(port, acceptLanguage, json);
    }

    private static LocalizedMessages messages(String tag) {
        return Explainer.standard().messages(Locale.forLanguageTag(tag));
    }

    @Test
    void aDeliveredMessage() throws Exception {
        HttpResponse<String> r = post("en", "{\"to\":[\"alice@example.test\"],\"subject\":\"Hi\",\"text\":\"Hello\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("sentTo").get(0).asString()).isEqualTo("alice@example.test");
    }

    @Test
    void aRefusedRecipientIsAProblemInTheRequestsLanguage() throws Exception {
        for (String lang : new String[] {"gu", "en"}) {
            HttpResponse<String> r = post(lang + ";q=1, en;q=0.5",
                    "{\"to\":[\"alice@example.test\",\"" + DemoSmtpServer.NOUSER + "\"],\"subject\":\"Hi\",\"text\":\"Hello\"}");

            assertThat(r.statusCode()).as(lang).isEqualTo(502);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            JsonNode p = JSON.readTree(r.body());
            assertThat(p.get("type").asString()).isEqualTo("urn:smtp-explain:category:recipient-unknown");
            assertThat(p.get("title").asString()).isEqualTo(messages(lang).get("category.recipient-unknown.title"));
            assertThat(p.get("detail").asString()).isEqualTo(messages(lang).get("category.recipient-unknown.summary"));
            assertThat(p.get("status").asInt()).isEqualTo(502);
            assertThat(p.get("instance").asString()).isEqualTo("/messages");
            assertThat(p.get("lang").asString()).isEqualTo(lang);
            assertThat(p.get("stage").asString()).isEqualTo("rcpt-to");
            JsonNode recipients = p.get("recipients");
            assertThat(recipients.size()).isEqualTo(2);
            assertThat(recipients.get(0).get("address").asString()).isEqualTo(DemoSmtpServer.NOUSER);
            assertThat(recipients.get(0).get("result").asString()).isEqualTo("rejected");
            assertThat(recipients.get(0).get("code").asInt()).isEqualTo(550);
            assertThat(recipients.get(0).get("status").asString()).isEqualTo("5.1.1");
            assertThat(recipients.get(1).get("address").asString()).isEqualTo("alice@example.test");
            assertThat(recipients.get(1).get("result").asString()).isEqualTo("not-attempted");
        }
    }

    @Test
    void aDeferredRecipientIsATemporaryProblem() throws Exception {
        HttpResponse<String> r = post("gu", "{\"to\":[\"" + DemoSmtpServer.FULL + "\"],\"text\":\"Hello\"}");

        assertThat(r.statusCode()).isEqualTo(503);
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("category").asString()).isEqualTo("mailbox-full");
        assertThat(p.get("permanent").asBoolean()).isFalse();
        // the advice as an id a client branches on, and in the reader's language
        assertThat(p.get("retry").asString()).isEqualTo("later");
        assertThat(p.get("retryText").asString()).isEqualTo(messages("gu").get("retry.later"));
    }

    @Test
    void withoutAcceptLanguageTheConfiguredLanguageAnswers() throws Exception {
        HttpResponse<String> r = post(null, "{\"to\":[\"" + DemoSmtpServer.NOUSER + "\"],\"text\":\"Hello\"}");

        assertThat(JSON.readTree(r.body()).get("lang").asString()).isEqualTo("en");
    }

    @Test
    void aBadAddressIsAProblemOfTheMessage() throws Exception {
        HttpResponse<String> r = post("gu", "{\"to\":[\"not an address@@example\"],\"text\":\"Hello\"}");

        assertThat(r.statusCode()).isEqualTo(500);
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("category").asString()).isEqualTo("message-not-compliant");
        // no server saw it: the title says so, and the detail names the address that could not be read
        assertThat(p.get("title").asString()).isEqualTo(messages("gu").get("report.local.title"));
        assertThat(p.get("detail").asString()).startsWith(
                messages("gu").format("address.invalid", java.util.Map.of("address", "not an address@@example")));
    }
}
