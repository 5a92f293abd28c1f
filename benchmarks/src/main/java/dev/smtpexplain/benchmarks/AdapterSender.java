package dev.smtpexplain.benchmarks;

import dev.smtpexplain.mail.ExplainingSender;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;

/** Sends through the Jakarta Mail adapter's {@link ExplainingSender} on the same session. */
final class AdapterSender implements MessageSender {

    private final ExplainingSender sender;

    AdapterSender(Session session) {
        this.sender = ExplainingSender.builder().session(session).build();
    }

    @Override
    public void send(Message message) throws MessagingException {
        sender.send(message);
    }
}
