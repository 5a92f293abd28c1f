package dev.smtpexplain.mail.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.MessageHandlerFactory;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/** A SubEthaSMTP 7.2 server on 127.0.0.1, scripted per test, that records what it accepted. */
public final class Subetha implements AutoCloseable {

    /** Accepts or refuses a MAIL FROM / RCPT TO argument by throwing. */
    @FunctionalInterface
    public interface Check {
        void check(String value) throws RejectException;
    }

    /** Accepts or refuses the content at the end of data by throwing. */
    @FunctionalInterface
    public interface ContentCheck {
        void check(byte[] content) throws RejectException;
    }

    /** A message the server took. */
    public record Delivered(String from, List<String> recipients, byte[] content) {
    }

    private final SMTPServer server;
    private final List<Delivered> delivered = Collections.synchronizedList(new ArrayList<>());

    private Subetha(Check from, Check rcpt, ContentCheck content, UnaryOperator<SMTPServer.Builder> config) {
        SMTPServer.Builder b = SMTPServer.port(0).bindAddress(loopback()).hostName("subetha.test")
                .messageHandlerFactory(factory(from, rcpt, content));
        this.server = config.apply(b).build();
        server.start();
    }

    /** Starts a server with these checks; {@code config} adds TLS, AUTH or session handlers. */
    public static Subetha start(Check from, Check rcpt, ContentCheck content, UnaryOperator<SMTPServer.Builder> config) {
        return new Subetha(from, rcpt, content, config);
    }

    /** Starts a server with these checks and no other configuration. */
    public static Subetha start(Check from, Check rcpt, ContentCheck content) {
        return new Subetha(from, rcpt, content, UnaryOperator.identity());
    }

    /** Accepts everything. */
    public static Check accept() {
        return v -> {
        };
    }

    /** Accepts any content. */
    public static ContentCheck acceptContent() {
        return c -> {
        };
    }

    /**
     * A multi-line refusal: every line but the last gets "code-", the last "code ". SubEthaSMTP writes
     * {@code getErrorResponse()} as it is.
     */
    public static RejectException multiLine(int code, String... lines) {
        return new RejectException(code, lines[lines.length - 1]) {
            @Override
            public String getErrorResponse() {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < lines.length; i++) {
                    sb.append(code).append(i < lines.length - 1 ? '-' : ' ').append(lines[i]);
                    if (i < lines.length - 1) {
                        sb.append("\r\n");
                    }
                }
                return sb.toString();
            }
        };
    }

    public int port() {
        return server.getPortAllocated();
    }

    public List<Delivered> delivered() {
        synchronized (delivered) {
            return List.copyOf(delivered);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private MessageHandlerFactory factory(Check from, Check rcpt, ContentCheck content) {
        return ctx -> new MessageHandler() {
            private String sender;
            private final List<String> recipients = new ArrayList<>();

            @Override
            public void from(String f) throws RejectException {
                from.check(f);
                sender = f;
            }

            @Override
            public void recipient(String r) throws RejectException {
                rcpt.check(r);
                recipients.add(r);
            }

            @Override
            public String data(InputStream in) throws RejectException, IOException {
                byte[] bytes = in.readAllBytes();
                content.check(bytes);
                delivered.add(new Delivered(sender, List.copyOf(recipients), bytes));
                return null;
            }

            @Override
            public void done() {
            }
        };
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.0.1");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
