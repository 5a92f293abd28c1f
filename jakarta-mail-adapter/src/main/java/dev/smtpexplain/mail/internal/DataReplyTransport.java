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
import org.eclipse.angus.mail.util.PropUtil;
import org.jspecify.annotations.Nullable;

/**
 * Angus's SMTP transport that tells {@link StageDeadlines} when it sends the end of the content, so that the reply to
 * it gets the data deadline on an encrypted connection too, and remembers that it did: after that, a lost connection or
 * a timeout leaves it unknown whether the server took the message. It also keeps the server's refusals at RCPT: with
 * {@code sendpartial} Angus holds them until the reply to the content, and a timeout or a lost connection before that
 * reply drops them with its exception. What it saw of a failed connect or send it notes beside the exception
 * ({@link SendProgress}). It behaves as Angus's transport does, but for one thing: the close that follows a failed send,
 * with no other send or connect between them, does not throw; its exception is suppressed onto the send's, so that
 * static {@code Transport.send}, which closes in a {@code finally}, throws the send's failure and not a failing QUIT's
 * (outside tester 65). {@link Ssl} is the {@code SMTPSSLTransport} counterpart.
 *
 * <p>{@code ExplainingSender} sends through it; {@code MailFailures.installTransport(Session)} makes it a Session's
 * SMTP transport, which Jakarta Mail instantiates by reflection (hence the public constructors and the module's export
 * of this package to {@code jakarta.mail} alone).
 */
public class DataReplyTransport extends SMTPTransport {

    private final String name;
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
    // the last send's failure, until the next send or close: a failing close is suppressed onto it
    private @Nullable MessagingException failedSend;
    // the server's refusal of EHLO, between ehlo and helo of one connect
    private @Nullable String refusedEhlo;
    // whether this connection switched to TLS with STARTTLS: its next EHLO is the last
    private boolean afterStartTls;

    /** Angus's {@code SMTPSSLTransport} (implicit TLS), as this one is its {@code SMTPTransport}. */
    public static final class Ssl extends DataReplyTransport {
        /** The constructor Jakarta Mail calls for a Session's provider, as for {@code SMTPSSLTransport}. */
        public Ssl(Session session, @Nullable URLName url) {
            super(session, url, "smtps", true);
        }
    }

    /** The constructor Jakarta Mail calls for a Session's provider, as for Angus's {@code SMTPTransport}. */
    public DataReplyTransport(Session session, @Nullable URLName url) {
        this(session, url, "smtp", false);
    }

    private DataReplyTransport(Session session, @Nullable URLName url, String name, boolean ssl) {
        super(session, url, name, ssl);
        this.name = name;
    }

    /**
     * The Session's transport for {@code protocol}: this one where the Session uses Angus's own SMTP transport, and
     * a transport class the application's Session names instead as it is.
     */
    public static Transport of(Session session, String protocol) throws MessagingException {
        Class<? extends DataReplyTransport> ours = counterpart(session.getProvider(protocol));
        URLName url = new URLName(protocol, null, -1, null, null, null);
        if (ours == Ssl.class) {
            return new Ssl(session, url);
        }
        return ours != null ? new DataReplyTransport(session, url) : session.getTransport(protocol);
    }

    /**
     * Makes this transport (or {@link Ssl}) {@code session}'s {@code smtp} and {@code smtps} transport where the
     * Session uses Angus's own (an application's own provider stays). {@code Session.setProvider} sets
     * {@code mail.<protocol>.class} in the Session's properties; where the application had not set it, it is removed
     * again, so that the properties stay as they were (the provider holds without it).
     */
    public static void install(Session session) {
        for (String protocol : List.of("smtp", "smtps")) {
            try {
                Class<? extends DataReplyTransport> ours = counterpart(session.getProvider(protocol));
                if (ours == null) {
                    continue;
                }
                String property = "mail." + protocol + ".class";
                boolean named = session.getProperties().getProperty(property) != null;
                session.setProvider(new Provider(Provider.Type.TRANSPORT, protocol, ours.getName(), "smtp-explain", null));
                if (!named) {
                    session.getProperties().remove(property);
                }
            } catch (NoSuchProviderException e) {
                // no transport for it at all: nothing to replace
            }
        }
    }

    // the older implementation's transports, which a library can bring in (com.sun.mail:jakarta.mail 2.0.x, with Apache
    // Commons Email 2.0.0-M1): its provider list then wins over Angus's for every Session in the JVM, and its exceptions
    // are not Angus's. Replaced as Angus's own are: smtp-explain's transport is Angus's, whatever else is present
    private static final String OLD_SMTP = "com.sun.mail.smtp.SMTPTransport";
    private static final String OLD_SMTPS = "com.sun.mail.smtp.SMTPSSLTransport";

    // ours for Angus's own class or the older implementation's (by class, not protocol: a Session may name
    // SMTPSSLTransport for "smtp"), else null
    private static @Nullable Class<? extends DataReplyTransport> counterpart(@Nullable Provider provider) {
        if (provider == null) {
            return null;
        }
        String name = provider.getClassName();
        if (name.equals(SMTPTransport.class.getName()) || name.equals(OLD_SMTP)) {
            return DataReplyTransport.class;
        }
        return name.equals(SMTPSSLTransport.class.getName()) || name.equals(OLD_SMTPS) ? Ssl.class : null;
    }

    @Override
    protected synchronized boolean protocolConnect(@Nullable String host, int port, @Nullable String user, @Nullable String password)
            throws MessagingException {
        // the server as Angus reads it (SMTPTransport.protocolConnect), for the exception's SendProgress
        int p = port != -1 ? port : PropUtil.getIntProperty(session.getProperties(), "mail." + name + ".port", -1);
        p = p != -1 ? p : "smtps".equals(name) ? 465 : 25;
        server = host == null || host.isEmpty() ? "localhost" : host;
        serverPort = p;
        // a new connection: a close fails for its own reasons, not for an earlier send's
        failedSend = null;
        afterStartTls = false;
        try {
            return super.protocolConnect(host, port, user, password);
        } catch (MessagingException e) {
            SendProgress.connecting(e, server, serverPort);
            throw e;
        }
    }

    @Override
    public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
        refusedAtRcpt.clear();
        contentSent = false;
        failedSend = null;
        try {
            super.sendMessage(message, addresses);
        } catch (MessagingException e) {
            failedSend = e;
            // not for a send Angus refused before any command for having no recipient
            if (addresses != null && addresses.length > 0) {
                SendProgress.sending(e, server, serverPort, contentSent, refusedAtRcpt, Attempt.addresses(addresses));
            }
            throw e;
        }
    }

    @Override
    public synchronized void close() throws MessagingException {
        MessagingException failed = failedSend;
        failedSend = null;
        try {
            super.close();
        } catch (MessagingException e) {
            if (failed == null) {
                throw e;
            }
            // a QUIT on a connection the failure broke: the send's failure is what happened
            failed.addSuppressed(e);
        }
    }

    // RFC 5321 3.8: a server that answers 421 closes the connection, so Angus's fallback to HELO (or, after STARTTLS, the
    // next command: Angus ignores that EHLO's reply) meets only the closed connection and the reply that said why is lost.
    // The 421 ends the connect. Another refusal of EHLO is kept for the case where the server hangs up after it too
    @Override
    protected boolean ehlo(String domain) throws MessagingException {
        refusedEhlo = null;
        boolean accepted = super.ehlo(domain);
        // after STARTTLS there is no HELO to fall back to: any refusal is the connect's end, with its reply
        if (!accepted && (getLastReturnCode() == 421 || afterStartTls && getLastReturnCode() >= 400)) {
            throw new MessagingException(getLastServerResponse());
        }
        if (!accepted && getLastReturnCode() >= 400) {
            refusedEhlo = getLastServerResponse();
        }
        return accepted;
    }

    @Override
    protected void startTLS() throws MessagingException {
        super.startTLS();
        afterStartTls = true;
    }

    @Override
    protected void helo(String domain) throws MessagingException {
        String refused = refusedEhlo;
        refusedEhlo = null;
        try {
            super.helo(domain);
        } catch (MessagingException e) {
            // no reply to HELO (the server hung up after refusing EHLO: "554 5.7.1 Client host blocked", then the close):
            // the EHLO's refusal is what happened, reported as Angus reports a refused HELO
            if (refused != null && (getLastReturnCode() == -1 || refused.equals(getLastServerResponse()))) {
                throw new MessagingException(refused);
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

    // "RCPT TO:<a@example.com> NOTIFY=FAILURE" as Angus writes it ("RCPT TO:" + "<address>" + " NOTIFY=…" with DSN): the
    // address is all between the '<' and the '>' before the NOTIFY parameter, whatever a quoted local part holds
    private static @Nullable InternetAddress rcptAddress(String command) {
        if (!command.regionMatches(true, 0, "RCPT TO:<", 0, 9)) {
            return null;
        }
        String rest = command.substring(8);
        int notify = rest.lastIndexOf(" NOTIFY=");
        if (notify > 0 && rest.charAt(notify - 1) == '>' && rest.lastIndexOf('>') == notify - 1) {
            rest = rest.substring(0, notify);
        }
        if (rest.length() < 2 || rest.charAt(rest.length() - 1) != '>') {
            return null;
        }
        // as Angus's own exception holds it; not parsed again (an address it sent may be one InternetAddress refuses)
        InternetAddress a = new InternetAddress();
        a.setAddress(rest.substring(1, rest.length() - 1));
        return a;
    }
}
