package dev.smtpexplain.mail.internal;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import javax.net.SocketFactory;
import org.eclipse.angus.mail.util.PropUtil;
import org.jspecify.annotations.Nullable;

/**
 * A socket factory for Angus ({@code mail.smtp.socketFactory}) whose sockets give each stage of the
 * conversation an overall deadline. The read timeout applies to each read, so a server that sends one
 * byte just before it expires can hold a sender for ever; here every read of a stage waits at most
 * until the stage's deadline. A stage starts at connect (the greeting) and again at the first read
 * after the client wrote (a command and its reply); the reply to the end of the message content
 * ({@code <CRLF>.<CRLF>}) gets the longer data deadline, because servers scan the content before they
 * answer, and only that deadline: the per-read timeout does not cut a server that is silent while it scans.
 * A read past the deadline fails with {@link SocketTimeoutException}, as a read timeout does.
 *
 * <p>The end of the content is seen in the bytes written, and, for a connection that TLS encrypts above this
 * socket (STARTTLS, {@code smtps}), where those bytes are ciphertext, through {@link #awaitingDataReply}, which
 * {@link DataReplyTransport} calls around Angus's end of data on the sending thread.
 */
public final class StageDeadlines extends SocketFactory {

    /** Set on the sending thread while Angus sends the end of the content and reads the reply to it. */
    private static final ThreadLocal<Boolean> DATA_REPLY = new ThreadLocal<>();

    private final long commandNanos;
    private final long dataNanos;
    // the Session's SOCKS proxy: Angus connects through it only when no socket factory is set, so this one must
    private final @Nullable Proxy socks;

    /** Work that writes and reads on the connection. */
    @FunctionalInterface
    public interface Exchange<E extends Exception> {
        void run() throws java.io.IOException, E;
    }

    /**
     * Runs the end of the content and the read of its reply: the reads of this thread's stage get the data
     * deadline even where the socket sees only ciphertext.
     */
    public static <E extends Exception> void awaitingDataReply(Exchange<E> endOfData) throws java.io.IOException, E {
        DATA_REPLY.set(Boolean.TRUE);
        try {
            endOfData.run();
        } finally {
            DATA_REPLY.remove();
        }
    }

    public StageDeadlines(Duration command, Duration data) {
        this(command, data, null);
    }

    /** Deadlines for sockets that connect through {@code socks}, a SOCKS proxy, where it is not null. */
    public StageDeadlines(Duration command, Duration data, @Nullable Proxy socks) {
        this.commandNanos = Objects.requireNonNull(command, "command").toNanos();
        this.dataNanos = Objects.requireNonNull(data, "data").toNanos();
        this.socks = socks;
    }

    /**
     * The SOCKS proxy a Session's properties name for {@code prefix} ({@code mail.smtp.}) exactly as Angus's
     * {@code SocketFetcher} reads them, so that the sender goes where Angus would: {@code socks.host} as "host" or
     * "host:port" (the part after the first colon, unparsable: 1080), then {@code socks.port} over that where it parses
     * (Angus's {@code PropUtil.getIntProperty}); null when there is none, or when a web proxy
     * ({@code proxy.host}) is named, which Angus prefers and reaches through the factory's socket itself.
     */
    public static @Nullable Proxy socksProxy(java.util.Properties p, String prefix) {
        String host = p.getProperty(prefix + "socks.host");
        if (host == null || p.getProperty(prefix + "proxy.host") != null) {
            return null;
        }
        int port = 1080;
        int colon = host.indexOf(':');
        if (colon >= 0) {
            try {
                port = Integer.parseInt(host.substring(colon + 1));
            } catch (NumberFormatException e) {
                // as SocketFetcher: the default port
            }
            host = host.substring(0, colon);
        }
        // Angus's own reading of an int property (SocketFetcher uses it for socks.port)
        port = PropUtil.getIntProperty(p, prefix + "socks.port", port);
        return new Proxy(Proxy.Type.SOCKS, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket() {
        return socks == null ? new DeadlineSocket(commandNanos, dataNanos) : new DeadlineSocket(socks, commandNanos, dataNanos);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(SocketAddress remote, SocketAddress local) throws IOException {
        Socket s = createSocket();
        if (local != null) {
            s.bind(local);
        }
        s.connect(remote);
        return s;
    }

    /** A plain socket whose reads share the current stage's deadline. */
    private static final class DeadlineSocket extends Socket {
        private static final byte[] END_OF_DATA = {'\r', '\n', '.', '\r', '\n'};

        private final long commandNanos;
        private final long dataNanos;
        private final Object lock = new Object();
        /** The last bytes the client wrote, to tell the end of the content from a command. */
        private final byte[] tail = new byte[END_OF_DATA.length];
        private int readTimeout;
        private long deadline;
        private boolean wrote;
        /** Whether the current stage is the reply to the end of the content. */
        private boolean dataReply;
        /** Whether a read timed out: the conversation is over, and a late reply would answer the wrong command. */
        private boolean timedOut;
        private InputStream in;
        private OutputStream out;

        DeadlineSocket(long commandNanos, long dataNanos) {
            this.commandNanos = commandNanos;
            this.dataNanos = dataNanos;
        }

        DeadlineSocket(Proxy socks, long commandNanos, long dataNanos) {
            super(socks);
            this.commandNanos = commandNanos;
            this.dataNanos = dataNanos;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            super.connect(endpoint, timeout);
            synchronized (lock) {
                deadline = System.nanoTime() + commandNanos; // the greeting's stage
            }
        }

        @Override
        public void setSoTimeout(int timeout) throws SocketException {
            synchronized (lock) {
                readTimeout = timeout;
            }
            super.setSoTimeout(timeout);
        }

        @Override
        public InputStream getInputStream() throws IOException {
            synchronized (lock) {
                if (in == null) {
                    in = new FilterInputStream(super.getInputStream()) {
                        @Override
                        public int read() throws IOException {
                            beforeRead();
                            try {
                                return super.read();
                            } catch (SocketTimeoutException e) {
                                throw timedOut(e);
                            }
                        }

                        @Override
                        public int read(byte[] b, int off, int len) throws IOException {
                            beforeRead();
                            try {
                                return super.read(b, off, len);
                            } catch (SocketTimeoutException e) {
                                throw timedOut(e);
                            }
                        }
                    };
                }
                return in;
            }
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            synchronized (lock) {
                if (out == null) {
                    out = new FilterOutputStream(super.getOutputStream()) {
                        @Override
                        public void write(int b) throws IOException {
                            wrote(new byte[] {(byte) b}, 0, 1);
                            super.out.write(b);
                        }

                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            wrote(b, off, len);
                            super.out.write(b, off, len);
                        }
                    };
                }
                return out;
            }
        }

        private void wrote(byte[] b, int off, int len) {
            synchronized (lock) {
                wrote = true;
                int keep = Math.min(len, tail.length);
                System.arraycopy(tail, keep, tail, 0, tail.length - keep);
                System.arraycopy(b, off + len - keep, tail, tail.length - keep, keep);
            }
        }

        private SocketTimeoutException timedOut(SocketTimeoutException e) {
            synchronized (lock) {
                timedOut = true;
            }
            return e;
        }

        /**
         * Starts a new stage after the client wrote, and lets this read wait only until the deadline. After a timeout
         * every read fails at once: closing a TLS connection reads the peer's close_notify, which a silent server never
         * sends (outside tester 63: a 1.5 s data deadline held the send 33 s over STARTTLS).
         */
        private void beforeRead() throws IOException {
            int timeout;
            synchronized (lock) {
                if (timedOut) {
                    throw new SocketTimeoutException("Read timed out: an earlier read on this connection timed out");
                }
                long now = System.nanoTime();
                if (wrote) {
                    wrote = false;
                    dataReply = Arrays.equals(tail, END_OF_DATA) || DATA_REPLY.get() != null;
                    deadline = now + (dataReply ? dataNanos : commandNanos);
                }
                long left = deadline - now;
                if (left <= 0) {
                    timedOut = true;
                    throw new SocketTimeoutException("Read timed out: the stage deadline passed");
                }
                long leftMillis = Math.max(1, Math.min(Integer.MAX_VALUE, Duration.ofNanos(left).toMillis()));
                // a server may be silent for minutes while it scans the content (RFC 5321 4.5.3.2 asks the client to
                // wait 10 minutes for this reply): the data deadline alone bounds it
                timeout = readTimeout == 0 || dataReply ? (int) leftMillis : (int) Math.min(readTimeout, leftMillis);
            }
            super.setSoTimeout(timeout);
        }
    }
}
