package dev.smtpexplain.mail.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPSSLTransport;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus's SMTP transport ({@code smtp} or {@code smtps}) that tells {@link StageDeadlines} when it sends the end
 * of the content, so that the reply to it gets the data deadline on an encrypted connection too, and remembers
 * that it did: after that, a lost connection or a timeout leaves it unknown whether the server took the message.
 */
public final class DataReplyTransport extends SMTPTransport {

    private volatile boolean contentSent;
    // within finishData or finishBdat, on the sending thread
    private boolean finishing;

    /**
     * The Session's transport for {@code protocol}: this one where the Session uses Angus's own SMTP transport, and
     * a transport class the application's Session names instead as it is.
     */
    public static Transport of(Session session, String protocol) throws MessagingException {
        Provider provider = session.getProvider(protocol);
        if (provider != null && (provider.getClassName().equals(SMTPTransport.class.getName())
                || provider.getClassName().equals(SMTPSSLTransport.class.getName()))) {
            return new DataReplyTransport(session, protocol);
        }
        return session.getTransport(protocol);
    }

    private DataReplyTransport(Session session, String protocol) {
        super(session, new URLName(protocol, null, -1, null, null, null), protocol, "smtps".equals(protocol));
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        finishing(super::finishData);
    }

    @Override
    protected void finishBdat() throws IOException, MessagingException {
        finishing(super::finishBdat);
    }

    // the end of the content, with the data deadline for its reply and readServerResponse told that it is that reply
    private void finishing(StageDeadlines.Exchange<MessagingException> endOfData) throws IOException, MessagingException {
        finishing = true;
        try {
            StageDeadlines.awaitingDataReply(endOfData);
        } finally {
            finishing = false;
        }
    }

    // Angus reads the reply to the final dot (or to BDAT LAST) only once it has written and flushed it: a write that
    // fails before (a server that hung up while the content was still going out) leaves the message surely not taken
    @Override
    protected int readServerResponse() throws MessagingException {
        if (finishing) {
            contentSent = true;
        }
        return super.readServerResponse();
    }

    /** {@return whether the whole content was sent and the reply to it awaited} */
    public boolean contentSent() {
        return contentSent;
    }
}
