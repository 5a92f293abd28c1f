package dev.smtpexplain.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a batch, read as bytes the same way from a file and from standard input: a line ends
 * at LF (a CR right before it is dropped, so CRLF files work); a CR anywhere else is part of the line.
 * Each line is decoded as UTF-8 on its own, so one invalid line does not end the batch.
 */
final class BatchLines {

    /** One line: its text, or why it could not be decoded. */
    record Line(int number, String text, String error) {
    }

    private final InputStream in;
    // the input is read in chunks (a pipe gives what it has, so a line is answered as soon as it arrives);
    // the current line's bytes collect in a plain growable array
    private final byte[] chunk = new byte[8192];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int length;
    private int number;
    private boolean ended;

    /** Reads from {@code in}; the caller closes it. */
    BatchLines(InputStream in) {
        this.in = in;
    }

    /** Whether bytes already read wait in this reader: the next line may be there without blocking. */
    boolean hasBuffered() {
        return position < limit;
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        if (ended) {
            return null;
        }
        length = 0;
        boolean newline = false;
        while (!newline) {
            if (position == limit) {
                int n = in.read(chunk, 0, chunk.length);
                if (n <= 0) {
                    ended = true;
                    break;
                }
                position = 0;
                limit = n;
            }
            int end = position;
            while (end < limit && chunk[end] != '\n') {
                end++;
            }
            append(position, end);
            newline = end < limit;
            position = newline ? end + 1 : end;
        }
        if (ended && length == 0) {
            return null; // the last line ended with LF, or the input was empty
        }
        int kept = newline && length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        number++;
        // the byte-order mark a spreadsheet or Notepad writes at the start of a "UTF-8" file is not part of line 1
        if (number == 1 && kept >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
            return decode(number, Arrays.copyOfRange(line, 3, kept), kept - 3);
        }
        return decode(number, line, kept);
    }

    private void append(int from, int to) {
        int n = to - from;
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
        }
        System.arraycopy(chunk, from, line, length, n);
        length += n;
    }

    private static Line decode(int number, byte[] bytes, int length) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buf = ByteBuffer.wrap(bytes, 0, length);
        try {
            return new Line(number, utf8.decode(buf).toString(), null);
        } catch (MalformedInputException e) {
            return new Line(number, null, "the line is not valid UTF-8 (byte 0x"
                    + String.format("%02X", bytes[buf.position()] & 0xFF) + " at offset " + buf.position() + ")");
        } catch (CharacterCodingException e) {
            return new Line(number, null, "the line is not valid UTF-8");
        }
    }
}
