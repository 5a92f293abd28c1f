package dev.smtpexplain.benchmarks;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.subethamail.smtp.server.SMTPServer;

/** An embedded SubEthaSMTP server on 127.0.0.1 that accepts every message, counts it and drops it. */
final class SinkSmtpServer implements AutoCloseable {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final AtomicLong received = new AtomicLong();
    private final SMTPServer server;

    /** Starts a server on a free loopback port. */
    SinkSmtpServer() {
        server = SMTPServer.port(0)
                .bindAddress(LOOPBACK)
                .messageHandler((context, from, to, data) -> received.incrementAndGet())
                .build();
        server.start();
    }

    String host() {
        return LOOPBACK.getHostAddress();
    }

    int port() {
        return server.getPortAllocated();
    }

    /** Messages accepted so far. */
    long received() {
        return received.get();
    }

    @Override
    public void close() {
        server.stop();
    }
}
