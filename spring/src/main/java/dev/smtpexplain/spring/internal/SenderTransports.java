package dev.smtpexplain.spring.internal;

import dev.smtpexplain.mail.MailFailures;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Gives a wrapped {@link JavaMailSenderImpl}'s Session smtp-explain's transport ({@link MailFailures#installTransport}),
 * so that its failures' reports tell a send nobody confirmed from one that failed, as the adapter's own sender's do.
 * Done before each send: the sender makes a new Session when its properties change.
 */
public final class SenderTransports {

    private SenderTransports() {
    }

    /** Installs the transport where {@code sender} is Spring's own sender; any other is left as it is. */
    public static void install(Object sender) {
        if (sender instanceof JavaMailSenderImpl impl) {
            MailFailures.installTransport(impl.getSession());
        }
    }
}
