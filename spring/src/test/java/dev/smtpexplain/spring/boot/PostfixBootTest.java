package dev.smtpexplain.spring.boot;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.smtpexplain.spring.support.Ports;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Boot's auto-configured sender against real Postfix on 127.0.0.1:2525, set up by
 * {@code .ci/postfix-setup.sh} (run by {@code .ci/run}): it rejects {@code nouser@example.test} with 550
 * 5.1.1 and defers {@code full@example.test} with 452 4.2.2. Each test is skipped, with the reason,
 * when nothing listens there.
 */
@SpringBootTest(classes = SendThroughBootContract.App.class, properties = {
        "spring.mail.host=127.0.0.1", "spring.mail.port=2525", "smtp-explain.default-locale=gu",
        // the Debian default offers STARTTLS with a certificate nobody trusts: plain SMTP on loopback
        "spring.mail.properties.mail.smtp.starttls.enable=false",
        "spring.mail.properties.mail.smtp.connectiontimeout=5000", "spring.mail.properties.mail.smtp.timeout=10000"})
class PostfixBootTest extends SendThroughBootContract {

    private static final int PORT = 2525;

    @BeforeEach
    void postfixListens() {
        assumeTrue(Ports.listening(PORT), "Postfix is not listening on 127.0.0.1:" + PORT
                + "; run .ci/postfix-setup.sh (as root) to install and start it");
    }
}
