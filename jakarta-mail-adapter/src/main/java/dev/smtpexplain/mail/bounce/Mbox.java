package dev.smtpexplain.mail.bounce;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Splits a Unix mbox into messages as it reads, in memory bounded by one message's cap: a message
 * starts at each line beginning with {@code "From "}, and {@code >From } lines (mboxrd/mboxo quoting)
 * lose one {@code >}. A message longer than the cap is cut (the reader reports it as truncated)
 * and the rest is skipped, so a mailbox of any size streams through.
 */
public final class Mbox {

    /**
     * One message of a mailbox: its 1-based position and its bytes, at most {@code cap + 1} of them.
     *
     * @param index the message's position in the mailbox, from 1
     * @param bytes the message without its {@code "From "} separator line, {@code >From } unquoted; the
     *     array is the caller's own, not copied
     */
    public record Message(int index, byte[] bytes) {
    }

    /** Receives each message in turn. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Takes one message, on the thread that called {@link Mbox#read}.
         *
         * @param m the message
         * @throws IOException to stop reading; {@link Mbox#read} throws it on
         */
        void message(Message m) throws IOException;
    }

    private Mbox() {
    }

    /**
     * Tells whether data starts like an mbox: a {@code "From "} separator line.
     *
     * @param start the first bytes of the data (five are enough)
     * @return whether they begin with {@code "From "}
     */
    public static boolean looksLikeMbox(byte[] start) {
        Objects.requireNonNull(start, "start");
        return start.length >= 5 && start[0] == 'F' && start[1] == 'r' && start[2] == 'o' && start[3] == 'm' && start[4] == ' ';
    }

    /**
     * Reads every message of the mailbox and hands it to {@code handler}; keeps at most
     * {@code maxMessageBytes + 1} bytes of each (so {@link Bounces#read(byte[], java.util.Locale)} can tell it was cut).
     *
     * @param in the mailbox; read to its end, not closed
     * @param maxMessageBytes the cap per message, in bytes; at least 1
     * @param handler receives each message in order, on this thread
     * @return the number of messages
     * @throws IOException when the stream fails or the handler throws it
     * @throws IllegalArgumentException if {@code maxMessageBytes} is under 1
     */
    public static int read(InputStream in, int maxMessageBytes, Handler handler) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(handler, "handler");
        if (maxMessageBytes < 1) {
            throw new IllegalArgumentException("maxMessageBytes must be at least 1: " + maxMessageBytes);
        }
        LineReader lines = new LineReader(in);
        ByteArrayOutputStream current = null;
        int index = 0;
        int keep = maxMessageBytes >= Integer.MAX_VALUE - 16 ? Integer.MAX_VALUE - 16 : maxMessageBytes + 1;
        byte[] line;
        while ((line = lines.next()) != null) {
            if (lines.started && startsWith(line, 0, "From ")) {
                if (current != null) {
                    handler.message(new Message(index, current.toByteArray()));
                }
                index++;
                current = new ByteArrayOutputStream();
                continue;
            }
            if (current == null) {
                continue; // text before the first separator is not a message
            }
            int off = 0;
            int gt = 0;
            while (gt < line.length && line[gt] == '>') {
                gt++;
            }
            if (lines.started && gt > 0 && startsWith(line, gt, "From ")) {
                off = 1;
            }
            int room = keep - current.size();
            if (room > 0) {
                current.write(line, off, Math.min(room, line.length - off));
            }
        }
        if (current != null) {
            handler.message(new Message(index, current.toByteArray()));
        }
        return index;
    }

    private static boolean startsWith(byte[] line, int at, String s) {
        if (line.length - at < s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (line[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Lines with their line ends, each at most 64 KiB: a longer line comes in pieces, and only a real line start can be a separator. */
    private static final class LineReader {
        private static final int MAX_LINE = 64 * 1024;
        private final InputStream in;
        private final byte[] buf = new byte[64 * 1024];
        private int pos;
        private int len;
        private boolean atLineStart = true;
        /** Whether the line last returned began at a line start (not the rest of an over-long line). */
        boolean started;

        LineReader(InputStream in) {
            this.in = in;
        }

        byte[] next() throws IOException {
            ByteArrayOutputStream line = null;
            boolean started = atLineStart;
            while (true) {
                if (pos == len) {
                    len = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (len <= 0) {
                        len = 0;
                        return line == null ? null : finish(line, started);
                    }
                }
                int start = pos;
                while (pos < len && buf[pos] != '\n') {
                    pos++;
                }
                boolean eol = pos < len;
                if (eol) {
                    pos++;
                }
                if (line == null) {
                    line = new ByteArrayOutputStream(Math.max(16, pos - start));
                }
                line.write(buf, start, pos - start);
                if (eol) {
                    atLineStart = true;
                    return finish(line, started);
                }
                if (line.size() >= MAX_LINE) {
                    atLineStart = false;
                    return finish(line, started);
                }
            }
        }

        private byte[] finish(ByteArrayOutputStream line, boolean startedHere) {
            started = startedHere;
            return line.toByteArray();
        }
    }
}
