package dev.smtpexplain.spring.boot;

import dev.smtpexplain.spring.support.RefusingSmtpServer;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Boot's auto-configured sender against an embedded SubEthaSMTP server. */
@SpringBootTest(classes = SendThroughBootContract.App.class, properties = "smtp-explain.default-locale=gu")
class EmbeddedServerBootTest extends SendThroughBootContract {

    private static final RefusingSmtpServer SERVER = RefusingSmtpServer.postfixLike();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SERVER::port);
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }
}
