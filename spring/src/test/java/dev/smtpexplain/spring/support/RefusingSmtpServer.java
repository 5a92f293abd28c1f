package dev.smtpexplain.spring.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A SubEthaSMTP server on 127.0.0.1 that refuses the listed recipients with the given reply and takes
 * every other message, recording who got it.
 */
public final class RefusingSmtpServer implements AutoCloseable {

    /** Refused at RCPT for good. */
    public static final String NOUSER = "nouser@example.test";
    /** Refused at RCPT for now. */
    public static final String FULL = "full@example.test";
    /** Accepted. */
    public static final String GOOD = "good@example.test";

    /** The refusals Postfix's test policy (.ci/postfix-setup.sh) gives too, in Postfix's words. */
    public static final Map<String, RejectException> POSTFIX_LIKE = Map.of(
            NOUSER, new RejectException(550, "5.1.1 <" + NOUSER + ">: Recipient address rejected: User unknown in local recipient table"),
            FULL, new RejectException(452, "4.2.2 <" + FULL + ">: Recipient address rejected: Mailbox full"));

    private final SMTPServer server;
    private final List<List<String>> delivered = Collections.synchronizedList(new ArrayList<>());

    private RefusingSmtpServer(RejectException senderRefusal, Map<String, RejectException> refusals,
                               UnaryOperator<SMTPServer.Builder> config) {
        SMTPServer.Builder b = SMTPServer.port(0).bindAddress(loopback()).hostName("refusing.test")
                .messageHandlerFactory(ctx -> new MessageHandler() {
                    private final List<String> recipients = new ArrayList<>();

                    @Override
                    public void from(String from) throws RejectException {
                        if (senderRefusal != null) {
                            throw senderRefusal;
                        }
                    }

                    @Override
                    public void recipient(String recipient) throws RejectException {
                        RejectException refusal = refusals.get(recipient);
                        if (refusal != null) {
                            throw refusal;
                        }
                        recipients.add(recipient);
                    }

                    @Override
                    public String data(InputStream data) throws IOException {
                        data.readAllBytes();
                        delivered.add(List.copyOf(recipients));
                        return null;
                    }

                    @Override
                    public void done() {
                    }
                });
        this.server = config.apply(b).build();
        server.start();
    }

    /** Refuses like the Postfix test policy. */
    public static RefusingSmtpServer postfixLike() {
        return new RefusingSmtpServer(null, POSTFIX_LIKE, UnaryOperator.identity());
    }

    /** Refuses every sender at MAIL FROM with {@code refusal}. */
    public static RefusingSmtpServer refusingSender(RejectException refusal) {
        return new RefusingSmtpServer(refusal, Map.of(), UnaryOperator.identity());
    }

    /** Refuses {@code refusals}; {@code config} adds AUTH or other settings. */
    public static RefusingSmtpServer start(Map<String, RejectException> refusals, UnaryOperator<SMTPServer.Builder> config) {
        return new RefusingSmtpServer(null, refusals, config);
    }

    public int port() {
        return server.getPortAllocated();
    }

    /** The recipients of each message taken, in order. */
    public List<List<String>> delivered() {
        synchronized (delivered) {
            return List.copyOf(delivered);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.0.1");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
