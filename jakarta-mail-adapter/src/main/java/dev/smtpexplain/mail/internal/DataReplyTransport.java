package dev.smtpexplain.mail.internal;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSSLTransport;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;

/**
 * Angus's SMTP transport ({@code smtp} or {@code smtps}) that tells {@link StageDeadlines} when it sends the end
 * of the content, so that the reply to it gets the data deadline on an encrypted connection too, and remembers
 * that it did: after that, a lost connection or a timeout leaves it unknown whether the server took the message.
 * It also keeps the server's refusals at RCPT: with {@code sendpartial} Angus holds them until the reply to the
 * content, and a timeout or a lost connection before that reply drops them with its exception. A failed send's
 * exception gets both as a suppressed {@link SendProgress}; otherwise it behaves as Angus's transport does.
 *
 * <p>{@code ExplainingSender} sends through it; {@code MailFailures.installTransport(Session)} makes it a Session's
 * SMTP transport, which Jakarta Mail instantiates by reflection (hence the public constructor and the module's
 * export of this package to {@code jakarta.mail} alone).
 */
public final class DataReplyTransport extends SMTPTransport {

    private final String protocol;
    // the server of the last connect, as Angus reads it
    private String server = "localhost";
    private int serverPort = -1;
    private boolean contentSent;
    // within finishData or finishBdat, on the sending thread
    private boolean finishing;
    // within rcptTo, on the sending thread: Angus sends each RCPT and reads its reply before the next
    private boolean inRcptTo;
    // the command whose reply comes next, within rcptTo (a RCPT, or the RSET after a refusal)
    private @Nullable String awaiting;
    private final List<SMTPAddressFailedException> refusedAtRcpt = new ArrayList<>();

    /**
     * The Session's transport for {@code protocol}: this one where the Session uses Angus's own SMTP transport, and
     * a transport class the application's Session names instead as it is.
     */
    public static Transport of(Session session, String protocol) throws MessagingException {
        if (isAngus(session.getProvider(protocol))) {
            return new DataReplyTransport(session, protocol);
        }
        return session.getTransport(protocol);
    }

    /**
     * Makes this transport {@code session}'s {@code smtp} and {@code smtps} transport where the Session uses Angus's
     * own; a transport class the Session names instead is left as it is.
     *
     * @return whether this transport is now the Session's {@code smtp} transport
     */
    public static boolean install(Session session) {
        for (String protocol : List.of("smtp", "smtps")) {
            try {
                if (isAngus(session.getProvider(protocol))) {
                    session.setProvider(new Provider(Provider.Type.TRANSPORT, protocol, DataReplyTransport.class.getName(), "smtp-explain", null));
                }
            } catch (NoSuchProviderException e) {
                // no transport for it at all: nothing to replace
            }
        }
        try {
            return session.getProvider("smtp").getClassName().equals(DataReplyTransport.class.getName());
        } catch (NoSuchProviderException e) {
            return false;
        }
    }

    private static boolean isAngus(@Nullable Provider provider) {
        return provider != null && (provider.getClassName().equals(SMTPTransport.class.getName())
                || provider.getClassName().equals(SMTPSSLTransport.class.getName()));
    }

    private DataReplyTransport(Session session, String protocol) {
        this(session, new URLName(protocol, null, -1, null, null, null));
    }

    /**
     * The constructor Jakarta Mail calls for a Session's provider: {@code smtps} in {@code url} (or a null url's
     * {@code smtp}) as Angus's {@code SMTPSSLTransport} and {@code SMTPTransport} take it.
     */
    public DataReplyTransport(Session session, @Nullable URLName url) {
        super(session, url, protocolOf(url), "smtps".equals(protocolOf(url)));
        this.protocol = protocolOf(url);
    }

    private static String protocolOf(@Nullable URLName url) {
        return url != null && "smtps".equals(url.getProtocol()) ? "smtps" : "smtp";
    }

    @Override
    protected synchronized boolean protocolConnect(@Nullable String host, int port, @Nullable String user, @Nullable String password)
            throws MessagingException {
        // the server as Angus reads it (SMTPTransport.protocolConnect), for the exception's SendProgress
        String name = "smtps".equals(protocol) ? "smtps" : "smtp";
        int p = port != -1 ? port : intProperty("mail." + name + ".port", "smtps".equals(name) ? 465 : 25);
        server = host == null || host.isEmpty() ? "localhost" : host;
        serverPort = p;
        try {
            return super.protocolConnect(host, port, user, password);
        } catch (MessagingException e) {
            SendProgress.connecting(e, server, serverPort);
            throw e;
        }
    }

    private int intProperty(String key, int otherwise) {
        String value = session.getProperty(key);
        try {
            return value == null ? otherwise : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    @Override
    public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
        refusedAtRcpt.clear();
        contentSent = false;
        try {
            super.sendMessage(message, addresses);
        } catch (MessagingException e) {
            // not for a send Angus refused before any command for having no recipient
            if (addresses != null && addresses.length > 0) {
                SendProgress.sending(e, server, serverPort, contentSent, refusedAtRcpt, Attempt.addresses(addresses));
            }
            throw e;
        }
    }

    @Override
    protected void rcptTo() throws MessagingException {
        inRcptTo = true;
        try {
            super.rcptTo();
        } finally {
            inRcptTo = false;
            awaiting = null;
        }
    }

    @Override
    protected void sendCommand(String command) throws MessagingException {
        if (inRcptTo) {
            awaiting = command;
        }
        super.sendCommand(command);
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
        String command = awaiting;
        awaiting = null;
        int code = super.readServerResponse();
        if (command != null && code >= 400 && code <= 599) {
            InternetAddress to = rcptAddress(command);
            if (to != null) {
                refusedAtRcpt.add(new SMTPAddressFailedException(to, command, code, getLastServerResponse()));
            }
        }
        return code;
    }

    // "RCPT TO:<a@example.com> NOTIFY=FAILURE" as Angus writes it: the address between the first '<' and its '>'
    private static @Nullable InternetAddress rcptAddress(String command) {
        if (!command.regionMatches(true, 0, "RCPT TO:<", 0, 9)) {
            return null;
        }
        int end = command.indexOf("> ", 9);
        end = end < 0 ? command.lastIndexOf('>') : end;
        if (end < 9) {
            return null;
        }
        // as Angus's own exception holds it; not parsed again (an address it sent may be one InternetAddress refuses)
        InternetAddress a = new InternetAddress();
        a.setAddress(command.substring(9, end));
        return a;
    }
}
