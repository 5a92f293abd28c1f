package dev.smtpexplain.examples.spring;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * A Spring Boot web app with one endpoint, {@code POST /messages}, that sends a message through Boot's
 * auto-configured {@code JavaMailSender} and answers a failure with a localized RFC 9457 problem
 * ({@link MessageController}). smtp-explain needs no code here: its auto-configuration wraps the sender.
 *
 * <p>Without {@code --spring.mail.host=…} it starts {@link DemoSmtpServer} on 127.0.0.1 and sends there.
 */
@SpringBootApplication
public class MailDemoApplication {

    public static void main(String[] args) {
        start(args);
    }

    /** Starts the app (and the demo SMTP server unless a mail host is given); closing the context stops both. */
    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication app = new SpringApplication(MailDemoApplication.class);
        boolean ownServer = Arrays.stream(args).noneMatch(a -> a.startsWith("--spring.mail.host="))
                && System.getenv("SPRING_MAIL_HOST") == null && System.getProperty("spring.mail.host") == null;
        if (!ownServer) {
            return app.run(args);
        }
        DemoSmtpServer server = DemoSmtpServer.start();
        app.setDefaultProperties(Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", server.port()));
        app.addListeners((ContextClosedEvent e) -> server.close());
        try {
            return app.run(args);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }
}
