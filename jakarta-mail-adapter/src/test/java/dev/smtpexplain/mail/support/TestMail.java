package dev.smtpexplain.mail.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smtpexplain.mail.ExplainingSender;
import dev.smtpexplain.mail.ExplainedSendFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Properties;

/** Sessions, messages and senders for tests: loopback, short timeouts, English reports. */
public final class TestMail {

    public static final String FROM = "sender@example.test";

    private TestMail() {
    }

    /** A session for 127.0.0.1:port with 2 s connect and 3 s read timeouts, plus {@code keyValues}. */
    public static Session session(int port, String... keyValues) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.connectiontimeout", "2000");
        p.setProperty("mail.smtp.timeout", "3000");
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return Session.getInstance(p);
    }

    /** A small text message. */
    public static MimeMessage message(Session s, String subject, String... to) {
        return messageFrom(s, FROM, subject, "Hello from the smtp-explain tests.\n", to);
    }

    /** A text message with its own sender and body. */
    public static MimeMessage messageFrom(Session s, String from, String subject, String body, String... to) {
        try {
            MimeMessage m = new MimeMessage(s);
            m.setFrom(new InternetAddress(from));
            for (String t : to) {
                m.addRecipient(Message.RecipientType.TO, new InternetAddress(t));
            }
            m.setSubject(subject);
            m.setText(body);
            return m;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sender for the session, reporting in English. */
    public static ExplainingSender.Builder sender(Session s) {
        return ExplainingSender.builder().session(s).locale(Locale.ENGLISH);
    }

    /** Sends and returns the exception the send must throw. */
    public static ExplainedSendFailedException failing(ExplainingSender sender, Message m) {
        ExplainedSendFailedException e = catchThrowableOfType(ExplainedSendFailedException.class, () -> sender.send(m));
        assertThat(e).as("the send should have failed").isNotNull();
        assertThat(e.report()).isNotNull();
        return e;
    }
}
