package dev.smtpexplain.benchmarks;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/** Sends one message; the two implementations are what the send benchmark compares. */
interface MessageSender {

    void send(Message message) throws MessagingException;
}
