package dev.smtpexplain.benchmarks;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;

/**
 * Sends as an application does without smtp-explain: what static {@code Transport.send} does (save the
 * message's changes, then connect, send and close its own transport), which is also the work the
 * adapter's sender does.
 */
final class PlainTransportSender implements MessageSender {

    private final Session session;

    PlainTransportSender(Session session) {
        this.session = session;
    }

    @Override
    public void send(Message message) throws MessagingException {
        message.saveChanges();
        Transport transport = session.getTransport("smtp");
        transport.connect();
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } finally {
            transport.close();
        }
    }
}
