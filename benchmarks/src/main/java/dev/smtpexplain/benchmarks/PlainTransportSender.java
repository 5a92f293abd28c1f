package dev.smtpexplain.benchmarks;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;

/**
 * Sends as an application does without smtp-explain, and as the adapter's sender does: its own
 * transport per message (connect, send, close).
 */
final class PlainTransportSender implements MessageSender {

    private final Session session;

    PlainTransportSender(Session session) {
        this.session = session;
    }

    @Override
    public void send(Message message) throws MessagingException {
        Transport transport = session.getTransport("smtp");
        transport.connect();
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } finally {
            transport.close();
        }
    }
}
