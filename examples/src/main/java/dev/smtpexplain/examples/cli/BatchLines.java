package dev.smtpexplain.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

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
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private int number;
    private boolean ended;

    /** Reads from {@code in}, which should be buffered; the caller closes it. */
    BatchLines(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        if (ended) {
            return null;
        }
        buffer.reset();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            buffer.write(b);
        }
        if (b < 0) {
            ended = true;
            if (buffer.size() == 0) {
                return null; // the last line ended with LF, or the input was empty
            }
        }
        byte[] bytes = buffer.toByteArray();
        int length = b == '\n' && bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        number++;
        return decode(number, bytes, length);
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
