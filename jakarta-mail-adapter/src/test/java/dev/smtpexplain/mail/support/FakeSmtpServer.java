package dev.smtpexplain.mail.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A scripted SMTP server on 127.0.0.1 for what SubEthaSMTP cannot script: EHLO/HELO and STARTTLS
 * replies, a refused DATA command, a server that stalls, a connection closed mid-DATA. In the style of
 * Angus's own {@code SMTPHandler}: one overridable method per command, one subclass per scenario.
 */
public final class FakeSmtpServer implements AutoCloseable {

    /** One conversation's behaviour; the defaults accept everything. */
    public static class Script {
        public void greeting(Conversation c) throws IOException {
            c.reply("220 fake.test ESMTP");
        }

        public void ehlo(Conversation c, String line) throws IOException {
            c.reply("250-fake.test", "250-8BITMIME", "250 AUTH PLAIN LOGIN");
        }

        public void helo(Conversation c, String line) throws IOException {
            c.reply("250 fake.test");
        }

        public void starttls(Conversation c) throws IOException {
            c.reply("454 4.7.0 TLS not available");
        }

        public void auth(Conversation c, String line) throws IOException {
            c.reply("235 2.7.0 Authentication successful");
        }

        public void mail(Conversation c, String line) throws IOException {
            c.reply("250 2.1.0 Ok");
        }

        public void rcpt(Conversation c, String line) throws IOException {
            c.reply("250 2.1.5 Ok");
        }

        public void data(Conversation c) throws IOException {
            c.reply("354 End data with <CR><LF>.<CR><LF>");
            c.readContent();
            endOfData(c);
        }

        public void endOfData(Conversation c) throws IOException {
            c.reply("250 2.0.0 Ok: queued as FAKE1");
        }

        /** BDAT: reads the chunk; the last chunk's reply is {@link #endOfData}. */
        public void bdat(Conversation c, String line) throws IOException {
            String[] parts = line.split(" ");
            c.readBytes(Integer.parseInt(parts[1]));
            if (parts.length > 2 && parts[2].equalsIgnoreCase("LAST")) {
                endOfData(c);
            } else {
                c.reply("250 2.0.0 Ok: chunk received");
            }
        }

        /** QUIT; the conversation ends after it. */
        public void quit(Conversation c) throws IOException {
            c.reply("221 2.0.0 Bye");
        }

        public void other(Conversation c, String line) throws IOException {
            c.reply("502 5.5.2 Error: command not recognized");
        }
    }

    /**
     * Refuses at RCPT each recipient whose command contains {@code part}, with {@code refusal}, takes the others, and
     * never answers the whole content: refusals that a send with {@code sendpartial} must not lose.
     */
    public static class RefusesThenFallsSilent extends Script {
        private final String part;
        private final String refusal;

        public RefusesThenFallsSilent(String part, String refusal) {
            this.part = part;
            this.refusal = refusal;
        }

        @Override
        public void rcpt(Conversation c, String line) throws IOException {
            c.reply(line.contains(part) ? refusal : "250 2.1.5 Ok");
        }

        @Override
        public void endOfData(Conversation c) throws IOException {
            c.stall();
        }
    }

    /** The server side of one connection. */
    public static final class Conversation {
        private Socket socket;
        private BufferedReader in;
        private OutputStream out;
        private boolean clientClosed;
        private boolean hungUp;

        Conversation(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            this.out = socket.getOutputStream();
        }

        /** Writes reply lines, each ended with CRLF. */
        public void reply(String... lines) throws IOException {
            StringBuilder sb = new StringBuilder();
            for (String l : lines) {
                sb.append(l).append("\r\n");
            }
            out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /**
         * Answers STARTTLS with 220 and goes on over TLS as the server side, with {@code context}'s certificate: the
         * conversation's next lines are the client's over the encrypted connection.
         */
        public void startTls(javax.net.ssl.SSLContext context) throws IOException {
            reply("220 2.0.0 Ready to start TLS");
            javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) context.getSocketFactory()
                    .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
            tls.setUseClientMode(false);
            tls.startHandshake();
            socket = tls;
            in = new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.ISO_8859_1));
            out = tls.getOutputStream();
        }

        /** Writes bytes exactly as given: no line ending is added, nothing is encoded. */
        public void replyBytes(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        public String readLine() throws IOException {
            String line = in.readLine();
            clientClosed |= line == null;
            return line;
        }

        /** Reads the message content up to the lone dot. */
        public String readContent() throws IOException {
            StringBuilder sb = new StringBuilder();
            for (String l = in.readLine(); l != null && !l.equals("."); l = in.readLine()) {
                sb.append(l).append('\n');
            }
            return sb.toString();
        }

        /** Reads {@code n} bytes of a BDAT chunk (ISO-8859-1: one char per byte). */
        public void readBytes(int n) throws IOException {
            char[] buf = new char[8192];
            for (int left = n; left > 0; ) {
                int r = in.read(buf, 0, Math.min(buf.length, left));
                if (r < 0) {
                    throw new IOException("EOF in BDAT chunk");
                }
                left -= r;
            }
        }

        /** Says nothing until the client gives up and closes the connection. */
        public void stall() throws IOException {
            while (in.read() >= 0) {
                // swallow whatever comes
            }
            clientClosed = true;
        }

        /** Reads and drops whatever the client still sends until it closes the connection or {@code wait} passes. */
        void awaitClientClose(Duration wait) {
            if (clientClosed || socket.isClosed()) {
                return;
            }
            try {
                socket.setSoTimeout((int) wait.toMillis());
                while (in.read() >= 0) {
                    // drain
                }
                clientClosed = true;
            } catch (SocketTimeoutException e) {
                // the client kept the connection open
            } catch (IOException e) {
                // a reset is a close too
                clientClosed = true;
            }
        }

        /** Hangs up without a word. */
        public void hangUp() throws IOException {
            hungUp = true;
            socket.close();
        }

        /** Hangs up with a reset (RST) rather than a close: the client's next write or read fails at once. */
        public void reset() throws IOException {
            socket.setSoLinger(true, 0);
            hangUp();
        }
    }

    private static final Duration CLIENT_CLOSE_WAIT = Duration.ofSeconds(3);

    private final ServerSocket server;
    private final Script script;
    private final Thread acceptor;
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> handlers = Collections.synchronizedList(new ArrayList<>());
    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    /** Per connection: true when the client closed it, false when it stayed open or the server hung up first. */
    private final List<CompletableFuture<Boolean>> closedByClient = Collections.synchronizedList(new ArrayList<>());

    private FakeSmtpServer(Script script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        this.acceptor = new Thread(this::acceptLoop, "fake-smtp-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a server running {@code script} for every connection. */
    public static FakeSmtpServer start(Script script) throws IOException {
        return new FakeSmtpServer(script);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every command line the server received, in order. */
    public List<String> commands() {
        synchronized (commands) {
            return List.copyOf(commands);
        }
    }

    /** How many connections the server accepted. */
    public int connections() {
        return closedByClient.size();
    }

    /**
     * Whether the client closed every connection it opened (the server read end of stream), waiting up
     * to {@code wait} for each. Connections the script hung up itself count as not closed by the client.
     */
    public boolean clientClosedEveryConnection(Duration wait) throws InterruptedException {
        List<CompletableFuture<Boolean>> all;
        synchronized (closedByClient) {
            all = List.copyOf(closedByClient);
        }
        for (CompletableFuture<Boolean> f : all) {
            try {
                if (!f.get(wait.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                    return false;
                }
            } catch (ExecutionException | TimeoutException e) {
                return false;
            }
        }
        return true;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                CompletableFuture<Boolean> closed = new CompletableFuture<>();
                closedByClient.add(closed);
                Thread t = new Thread(() -> closed.complete(converse(s)), "fake-smtp-" + port());
                t.setDaemon(true);
                handlers.add(t);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Runs the script; true when the client closed the connection. */
    private boolean converse(Socket s) {
        Conversation c = null;
        try (s) {
            c = new Conversation(s);
            script.greeting(c);
            for (String line = c.readLine(); line != null && !s.isClosed(); line = c.readLine()) {
                commands.add(line);
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> script.ehlo(c, line);
                    case "HELO" -> script.helo(c, line);
                    case "STARTTLS" -> script.starttls(c);
                    case "AUTH" -> script.auth(c, line);
                    case "MAIL" -> script.mail(c, line);
                    case "RCPT" -> script.rcpt(c, line);
                    case "DATA" -> script.data(c);
                    case "BDAT" -> script.bdat(c, line);
                    case "RSET", "NOOP" -> c.reply("250 2.0.0 Ok");
                    case "QUIT" -> {
                        script.quit(c);
                        c.awaitClientClose(CLIENT_CLOSE_WAIT);
                        return c.clientClosed;
                    }
                    default -> script.other(c, line);
                }
            }
            c.awaitClientClose(CLIENT_CLOSE_WAIT);
            return c.clientClosed;
        } catch (SocketException e) {
            // the client hung up or the test closed the server
        } catch (IOException e) {
            // same, seen as a stream error
        } catch (RuntimeException e) {
            // a script bug must not hang the test: the client then sees the connection close
        }
        // an I/O error the server did not cause itself: the client closed or reset the connection
        return c != null && (c.clientClosed || !c.hungUp && !server.isClosed());
    }

    /** Closes the listening socket and every connection, and waits for the threads to end. */
    @Override
    public void close() throws Exception {
        server.close();
        synchronized (sockets) {
            for (Socket s : sockets) {
                s.close();
            }
        }
        acceptor.join(2000);
        synchronized (handlers) {
            for (Thread t : handlers) {
                t.join(2000);
            }
        }
    }
}
