package dev.smtpexplain.mail.support;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A SOCKS5 proxy on 127.0.0.1 for tests (RFC 1928: no authentication, CONNECT only) that relays each connection and
 * records where it was asked to connect, so that a test can tell a send through the proxy from one around it.
 */
public final class Socks5Proxy implements AutoCloseable {

    private final ServerSocket listener;
    private final List<String> connects = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private Socks5Proxy() throws IOException {
        listener = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "socks5-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    public static Socks5Proxy start() throws IOException {
        return new Socks5Proxy();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** "host:port" of each CONNECT the proxy was asked for, in order. */
    public List<String> connects() {
        return List.copyOf(connects);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                Thread t = new Thread(() -> serve(client), "socks5-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            // greeting: version 5, the methods offered; answer "no authentication"
            in.readUnsignedByte();
            in.readNBytes(in.readUnsignedByte());
            out.write(new byte[] {5, 0});
            // request: version, CONNECT, reserved, address type, address, port
            in.readUnsignedByte();
            int command = in.readUnsignedByte();
            in.readUnsignedByte();
            int type = in.readUnsignedByte();
            String host = switch (type) {
                case 1 -> InetAddress.getByAddress(in.readNBytes(4)).getHostAddress();
                case 3 -> new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.US_ASCII);
                default -> throw new IOException("address type " + type);
            };
            int port = in.readUnsignedShort();
            if (command != 1) {
                out.write(new byte[] {5, 7, 0, 1, 0, 0, 0, 0, 0, 0});
                return;
            }
            connects.add(host + ":" + port);
            try (Socket server = new Socket(host, port)) {
                open.add(server);
                out.write(new byte[] {5, 0, 0, 1, 127, 0, 0, 1, 0, 0});
                out.flush();
                Thread up = new Thread(() -> relay(client, server), "socks5-up");
                up.setDaemon(true);
                up.start();
                relay(server, client);
            }
        } catch (IOException e) {
            // the client or the server went away
        }
    }

    private static void relay(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
