package dev.smtpexplain.benchmarks;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The success path: 2,000 messages per invocation to an embedded server on 127.0.0.1, each on its own
 * connection, sent with a plain Angus transport and through the adapter's {@code ExplainingSender},
 * side by side in one run. Target: the adapter costs at most 2%.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(TransportSendBenchmark.MESSAGES)
@Threads(1)
@State(Scope.Benchmark)
public class TransportSendBenchmark {

    static final int MESSAGES = 2_000;

    @Param({"plain", "adapter"})
    public String sender;

    private SinkSmtpServer server;
    private Session session;
    private Message message;
    private MessageSender messageSender;
    private long sent;

    @Setup(Level.Trial)
    public void startServer() throws MessagingException {
        server = new SinkSmtpServer();
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", server.host());
        p.setProperty("mail.smtp.port", Integer.toString(server.port()));
        p.setProperty("mail.smtp.connectiontimeout", "5000");
        p.setProperty("mail.smtp.timeout", "5000");
        p.setProperty("mail.smtp.writetimeout", "5000");
        session = Session.getInstance(p);
        message = sampleMessage(session);
    }

    private static Message sampleMessage(Session session) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("newsletter@sender.example"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("reader@receiver.example"));
        m.setSubject("Your weekly digest");
        m.setText("Hello,\n\nthis is the weekly digest.\n".repeat(20), "UTF-8");
        m.saveChanges();
        return m;
    }

    @Setup(Level.Iteration)
    public void chooseSender() {
        messageSender = switch (sender) {
            case "plain" -> new PlainTransportSender(session);
            case "adapter" -> new AdapterSender(session);
            default -> throw new IllegalArgumentException("unknown sender " + sender);
        };
    }

    @Benchmark
    public void send2000() throws MessagingException {
        for (int i = 0; i < MESSAGES; i++) {
            messageSender.send(message);
        }
        sent += MESSAGES;
    }

    @TearDown(Level.Trial)
    public void stopServer() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.received() < sent && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        server.close();
        if (server.received() != sent) {
            throw new IllegalStateException("the server accepted " + server.received() + " of " + sent + " messages");
        }
    }
}
