package dev.smtpexplain.examples.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A server that takes the whole message and closes the connection where its reply to the content belongs, as a
 * server that crashes or a middlebox that times out after the final dot does. SubEthaSMTP always answers, so this
 * one speaks the few commands a send needs itself. One connection at a time, on a daemon thread.
 */
final class HangUpAfterContent implements AutoCloseable {

    private final ServerSocket socket;

    HangUpAfterContent(InetAddress address) throws IOException {
        socket = new ServerSocket(0, 50, address);
        Thread t = new Thread(this::serve, "demo-hang-up-after-content");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket c = socket.accept()) {
                c.setSoTimeout(30_000);
                converse(c);
            } catch (IOException e) {
                // closed by close(), or a client that went away: the loop's condition tells which
            }
        }
    }

    private static void converse(Socket c) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(c.getOutputStream(), StandardCharsets.US_ASCII);
        out.write("220 mx.hangup.test ESMTP\r\n");
        out.flush();
        for (String line; (line = in.readLine()) != null; ) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO")) {
                out.write("250-mx.hangup.test\r\n250 8BITMIME\r\n");
            } else if (command.equals("DATA")) {
                out.write("354 End data with <CR><LF>.<CR><LF>\r\n");
                out.flush();
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // the content, up to the final dot; then no reply
                }
                return;
            } else if (command.equals("QUIT")) {
                out.write("221 2.0.0 Bye\r\n");
                out.flush();
                return;
            } else {
                out.write("250 2.0.0 Ok\r\n");
            }
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
