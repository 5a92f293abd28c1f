package dev.smtpexplain.examples.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.SessionHandler;

/**
 * Embedded SMTP servers on 127.0.0.1 that fail the way real servers do, with the wording of
 * Postfix, postgrey, Gmail and content filters. Everything stops on {@link #close()}.
 *
 * <p>The main server decides by address: {@code nobody@} does not exist, {@code full@} is over quota,
 * {@code grey@} is greylisted, any domain other than {@code example.test} is relaying; by sender
 * domain: {@code dmarc.example} fails DMARC; and by content: a message over {@link #SIZE_LIMIT} bytes
 * is too big, a subject with "WINNER" is spam.
 */
public final class DemoMailServer implements AutoCloseable {

    /** The main server's message size limit. */
    public static final int SIZE_LIMIT = 64 * 1024;
    /** The domain the main server accepts mail for. */
    public static final String DOMAIN = "example.test";

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final SMTPServer main;
    private final SMTPServer blocklisting;
    private final SMTPServer authenticating;
    private final SMTPServer tlsOnly;
    private final HangUpAfterContent hangingUp;
    private final int refusedPort;

    private DemoMailServer() throws IOException {
        main = start(SMTPServer.port(0).bindAddress(LOOPBACK).hostName("mx.example.test")
                .messageHandlerFactory(ctx -> new ScriptedHandler()));
        blocklisting = start(SMTPServer.port(0).bindAddress(LOOPBACK).hostName("mx.blocklisting.test")
                .sessionHandler(new SessionHandler() {
                    @Override
                    public SessionAcceptance accept(org.subethamail.smtp.server.Session session) {
                        return SessionAcceptance.failure(554, "5.7.1 Service unavailable; Client host [127.0.0.1] blocked using zen.spamhaus.org;"
                                + " https://www.spamhaus.org/query/ip/127.0.0.1");
                    }

                    @Override
                    public void onSessionEnd(org.subethamail.smtp.server.Session session) {
                    }
                })
                .messageHandlerFactory(ctx -> new ScriptedHandler()));
        authenticating = start(SMTPServer.port(0).bindAddress(LOOPBACK).hostName("smtp.example.test")
                .requireAuth()
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory(DemoMailServer::rejectLogin))
                .messageHandlerFactory(ctx -> new ScriptedHandler()));
        tlsOnly = start(SMTPServer.port(0).bindAddress(LOOPBACK).hostName("submission.example.test")
                .requireTLS()
                .messageHandlerFactory(ctx -> new ScriptedHandler()));
        hangingUp = new HangUpAfterContent(LOOPBACK);
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            refusedPort = s.getLocalPort();
        }
    }

    /** Starts every server on a free loopback port. */
    public static DemoMailServer start() throws IOException {
        return new DemoMailServer();
    }

    private static SMTPServer start(SMTPServer.Builder b) {
        SMTPServer s = b.build();
        s.start();
        return s;
    }

    private static void rejectLogin(String user, String password, MessageContext ctx) throws LoginFailedException {
        throw new LoginFailedException();
    }

    public String host() {
        return LOOPBACK.getHostAddress();
    }

    /** The server that fails by address, sender and content. */
    public int mainPort() {
        return main.getPortAllocated();
    }

    /** A server that refuses the connection at its greeting: the client's IP is on a blocklist. */
    public int blocklistingPort() {
        return blocklisting.getPortAllocated();
    }

    /** A server that demands AUTH and rejects every password. */
    public int authenticatingPort() {
        return authenticating.getPortAllocated();
    }

    /** A server that demands STARTTLS before mail. */
    public int tlsOnlyPort() {
        return tlsOnly.getPortAllocated();
    }

    /** A server that takes the whole message and hangs up instead of answering it: nobody knows whether it arrived. */
    public int hangingUpPort() {
        return hangingUp.port();
    }

    /** A port nothing listens on. */
    public int refusedPort() {
        return refusedPort;
    }

    @Override
    public void close() {
        for (SMTPServer s : new SMTPServer[] {main, blocklisting, authenticating, tlsOnly}) {
            s.stop();
        }
        try {
            hangingUp.close();
        } catch (IOException e) {
            // nothing to do: its thread ends with the socket either way
        }
    }

    /** A multi-line rejection, as Gmail sends it. */
    private static final class MultiLineReject extends RejectException {
        private static final long serialVersionUID = 1L;
        private final String response;

        MultiLineReject(int code, String status, String... lines) {
            super(code, status + " " + String.join(" ", lines));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < lines.length; i++) {
                sb.append(code).append(i < lines.length - 1 ? '-' : ' ').append(status).append(' ').append(lines[i]);
                if (i < lines.length - 1) {
                    sb.append("\r\n");
                }
            }
            response = sb.toString();
        }

        @Override
        public String getErrorResponse() {
            return response;
        }
    }

    private static final class ScriptedHandler implements MessageHandler {
        private String from = "";

        @Override
        public void from(String address) {
            from = address.toLowerCase(Locale.ROOT);
        }

        @Override
        public void recipient(String address) throws RejectException {
            String a = address.toLowerCase(Locale.ROOT);
            String domain = a.substring(a.indexOf('@') + 1);
            if (!domain.equals(DOMAIN)) {
                throw new RejectException(554, "5.7.1 <" + address + ">: Relay access denied");
            }
            String local = a.substring(0, a.indexOf('@'));
            if (local.startsWith("nobody")) {
                throw new RejectException(550, "5.1.1 <" + address + ">: Recipient address rejected: User unknown in virtual mailbox table");
            }
            if (local.startsWith("full")) {
                throw new RejectException(452, "4.2.2 <" + address + ">: Recipient address rejected: Mailbox full, quota exceeded");
            }
            if (local.startsWith("grey")) {
                throw new RejectException(450, "4.2.0 <" + address + ">: Recipient address rejected: Greylisted, see https://postgrey.example.test/help/"
                        + DOMAIN + ".html");
            }
        }

        @Override
        public String data(InputStream in) throws RejectException, IOException {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            int n;
            while ((n = in.read(chunk)) > 0) {
                if (buf.size() <= SIZE_LIMIT) {
                    buf.write(chunk, 0, n);
                }
            }
            if (buf.size() > SIZE_LIMIT) {
                throw new RejectException(552, "5.3.4 Message size exceeds fixed limit");
            }
            if (from.endsWith("@dmarc.example")) {
                throw new MultiLineReject(550, "5.7.26",
                        "Unauthenticated email from dmarc.example is not accepted due to",
                        "domain's DMARC policy. Please contact the administrator of",
                        "dmarc.example domain if this was a legitimate mail.");
            }
            String headers = buf.toString(StandardCharsets.US_ASCII);
            int end = headers.indexOf("\r\n\r\n");
            if ((end < 0 ? headers : headers.substring(0, end)).toLowerCase(Locale.ROOT).contains("subject: winner")) {
                throw new RejectException(554, "5.7.1 Message rejected as spam by the content filter (score 14.2)");
            }
            return null;
        }

        @Override
        public void done() {
        }
    }
}
