package dev.smtpexplain.examples.spring;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * An SMTP server on 127.0.0.1 (a free port) for trying the app: it refuses {@value #NOUSER} for good
 * and {@value #FULL} for now, in Postfix's words, and takes every other message without storing it.
 */
public final class DemoSmtpServer implements AutoCloseable {

    /** Refused: 550 5.1.1, no such user. */
    public static final String NOUSER = "nouser@example.test";
    /** Deferred: 452 4.2.2, mailbox full. */
    public static final String FULL = "full@example.test";

    private static final Logger LOG = LoggerFactory.getLogger(DemoSmtpServer.class);
    private static final Map<String, String[]> REFUSALS = Map.of(
            NOUSER, new String[] {"550", "5.1.1 <" + NOUSER + ">: Recipient address rejected: User unknown in local recipient table"},
            FULL, new String[] {"452", "4.2.2 <" + FULL + ">: Recipient address rejected: Mailbox full"});

    private final SMTPServer server;

    private DemoSmtpServer() throws IOException {
        this.server = SMTPServer.port(0).bindAddress(InetAddress.getByName("127.0.0.1")).hostName("demo.smtp-explain.test")
                .messageHandlerFactory(ctx -> new MessageHandler() {
                    @Override
                    public void from(String from) {
                    }

                    @Override
                    public void recipient(String recipient) throws RejectException {
                        String[] refusal = REFUSALS.get(recipient.toLowerCase(java.util.Locale.ROOT));
                        if (refusal != null) {
                            throw new RejectException(Integer.parseInt(refusal[0]), refusal[1]);
                        }
                    }

                    @Override
                    public String data(InputStream data) throws IOException {
                        data.transferTo(java.io.OutputStream.nullOutputStream());
                        return null;
                    }

                    @Override
                    public void done() {
                    }
                }).build();
        server.start();
        LOG.info("demo SMTP server on 127.0.0.1:{} refuses {} (550 5.1.1) and {} (452 4.2.2)", port(), NOUSER, FULL);
    }

    /** Starts a server on a free loopback port. */
    public static DemoSmtpServer start() {
        try {
            return new DemoSmtpServer();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the demo SMTP server: " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getPortAllocated();
    }

    @Override
    public void close() {
        server.stop();
    }
}
