package dev.smtpexplain.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The path the README's command takes: {@code main} without a mail host starts the demo SMTP server,
 * points Boot's sender at it, and stops it with the app.
 */
@Timeout(60)
class DocumentedCommandTest {

    @Test
    void withoutAMailHostTheAppBringsItsOwnServerAndStopsIt() throws Exception {
        int smtpPort;
        try (ConfigurableApplicationContext app = MailDemoApplication.start("--server.port=0", "--spring.main.banner-mode=off")) {
            int httpPort = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
            smtpPort = Integer.parseInt(app.getEnvironment().getRequiredProperty("spring.mail.port"));
            assertThat(listening(smtpPort)).isTrue();

            HttpResponse<String> r = Http.postMessage(httpPort, "gu", "{\"to\":[\"" + DemoSmtpServer.NOUSER + "\"],\"text\":\"Hi\"}");

            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(JsonMapper.builder().build().readTree(r.body()).get("lang").asString()).isEqualTo("gu");
        }
        assertThat(listening(smtpPort)).as("the demo SMTP server stops with the app").isFalse();
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
