package dev.smtpexplain.mail.bounce;

import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.mail.bounce.internal.BounceReader;
import dev.smtpexplain.mail.bounce.internal.Limits;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads bounce messages — RFC 3464 delivery status notifications and the plain-text formats of MTAs
 * and providers — and explains every failed recipient in the reader's language. Auto-replies,
 * feedback-loop reports and ordinary mail are recognized as what they are. Thread-safe: share one.
 *
 * <pre>{@code
 * BounceReport r = Bounces.explain(message, Locale.forLanguageTag("gu"));
 * for (BounceRecipient rcpt : r.failures()) {
 *     rcpt.finalRecipient();                  // bob@example.com
 *     rcpt.explanation().orElseThrow().title();
 * }
 * }</pre>
 *
 * <p>Bounces are written by whoever sent them: reading never throws for any content, reads at most
 * {@value #DEFAULT_MAX_BYTES} bytes of a message (the returned original after that is not needed), and
 * bounds MIME depth, part count and scanned text; every string in a report is sanitized.
 */
public final class Bounces {

    /** Bytes of one message read by default (10 MiB). */
    public static final int DEFAULT_MAX_BYTES = 10 << 20;

    private final BounceReader reader;

    private Bounces(BounceReader reader) {
        this.reader = reader;
    }

    /** {@return the reader with the standard diagnoser, explainer and limits} Built once and shared. */
    public static Bounces standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final Bounces INSTANCE = builder().build();
    }

    /** {@return a new builder for a reader with your own diagnoser (rules), explainer (texts) or size cap} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a message with the standard reader. Never throws.
     *
     * @param message the message, e.g. from an IMAP folder
     * @param locale the language of the explanations
     * @return the report; {@link BounceKind#UNREADABLE} for a message that cannot be read
     */
    public static BounceReport explain(MimeMessage message, Locale locale) {
        return standard().read(message, locale);
    }

    /**
     * Reads a message from its bytes with the standard reader. Never throws.
     *
     * @param message the message as stored in a file or a mailbox (RFC 5322); bytes beyond
     *     {@value #DEFAULT_MAX_BYTES} are ignored and the report says so
     * @param locale the language of the explanations
     * @return the report; {@link BounceKind#UNREADABLE} for a message that cannot be read
     */
    public static BounceReport explain(byte[] message, Locale locale) {
        return standard().read(message, locale);
    }

    /**
     * Reads one message from a stream with the standard reader, up to the size cap (the stream is left
     * where reading stopped; it is not closed).
     *
     * @param message the stream, positioned at the start of one message (RFC 5322)
     * @param locale the language of the explanations
     * @return the report; {@link BounceKind#UNREADABLE} for a message that cannot be read
     * @throws IOException only when the stream itself fails
     */
    public static BounceReport explain(InputStream message, Locale locale) throws IOException {
        return standard().read(message, locale);
    }

    /**
     * Reads a message, for example one from an IMAP folder. Never throws: a message that fails while
     * being written out is read as far as it got.
     *
     * @param message the message; at most the {@linkplain Builder#maxMessageBytes size cap} of it is read
     * @param locale the language of the explanations
     * @return the report; {@link BounceKind#UNREADABLE} for a message that cannot be read
     */
    public BounceReport read(MimeMessage message, Locale locale) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(locale, "locale");
        CappedBuffer buf = new CappedBuffer(reader.limits().maxMessageBytes());
        try {
            message.writeTo(buf);
        } catch (CappedBuffer.Full e) {
            // the cap was reached: read what fits
        } catch (IOException | MessagingException | RuntimeException e) {
            if (buf.size() == 0) {
                return reader.read(new byte[0], false, locale);
            }
        }
        return reader.read(buf.bytes(), buf.full, locale);
    }

    /**
     * Reads a message from its bytes. Never throws.
     *
     * @param message the message as stored in a file or a mailbox (RFC 5322); bytes beyond the
     *     {@linkplain Builder#maxMessageBytes size cap} are ignored and the report says so
     * @param locale the language of the explanations
     * @return the report; {@link BounceKind#UNREADABLE} for a message that cannot be read
     */
    public BounceReport read(byte[] message, Locale locale) {
        Objects.requireNonNull(message, "message");
        int cap = reader.limits().maxMessageBytes();
        boolean truncated = message.length > cap;
        return reader.read(truncated ? Arrays.copyOf(message, cap) : message, truncated, locale);
    }

    /**
     * Reads one message from a stream, up to the size cap; the stream is not closed. When the message is
     * longer than the cap, one byte past the cap has been read from the stream.
     *
     * @param message the stream, positioned at the start of one message (RFC 5322)
     * @param locale the language of the explanations
     * @return the report; {@link BounceKind#UNREADABLE} for a message that cannot be read
     * @throws IOException only when the stream itself fails
     */
    public BounceReport read(InputStream message, Locale locale) throws IOException {
        Objects.requireNonNull(message, "message");
        int cap = reader.limits().maxMessageBytes();
        byte[] b = message.readNBytes(cap);
        boolean truncated = b.length == cap && message.read() >= 0;
        return reader.read(b, truncated, locale);
    }

    /**
     * Tells whether data starts as a stored message does: with a header field ({@code "Return-Path:"},
     * {@code "From:"}), past any blank lines, or with an mbox file's {@code "From "} line. A notice's text
     * copied without its headers does not, and neither does a file that is not mail at all; a program that
     * reads every file of a folder can pass over those, while {@link #read(byte[], Locale)} still reads a
     * pasted notice it is handed on purpose.
     *
     * @param start the data's first bytes (a kilobyte is plenty; what is given is all that is looked at)
     * @return whether a header field or an mbox separator comes first
     */
    public static boolean startsLikeMessage(byte[] start) {
        Objects.requireNonNull(start, "start");
        int from = BounceReader.headerStart(start);
        return from < start.length && BounceReader.startsWithField(start, from);
    }

    /** Builds a {@link Bounces} reader. Not thread-safe; the reader it builds is. */
    public static final class Builder {
        private Diagnoser diagnoser = Diagnoser.standard();
        private Explainer explainer = Explainer.standard();
        private int maxBytes = DEFAULT_MAX_BYTES;

        private Builder() {
        }

        /**
         * Sets the diagnoser for failed recipients (for your own rules); default {@link Diagnoser#standard()}.
         *
         * @param diagnoser the diagnoser
         * @return this builder
         */
        public Builder diagnoser(Diagnoser diagnoser) {
            this.diagnoser = Objects.requireNonNull(diagnoser, "diagnoser");
            return this;
        }

        /**
         * Sets the explainer (for your own texts or native digits); default {@link Explainer#standard()}.
         *
         * @param explainer the explainer
         * @return this builder
         */
        public Builder explainer(Explainer explainer) {
            this.explainer = Objects.requireNonNull(explainer, "explainer");
            return this;
        }

        /**
         * Sets how many bytes of one message are read at most; the rest is ignored and the report says so.
         *
         * @param maxBytes the cap in bytes, at least 1024 (default {@value Bounces#DEFAULT_MAX_BYTES}, 10 MiB)
         * @return this builder
         * @throws IllegalArgumentException if {@code maxBytes} is less than 1024
         */
        public Builder maxMessageBytes(int maxBytes) {
            if (maxBytes < 1024) {
                throw new IllegalArgumentException("maxMessageBytes must be at least 1024: " + maxBytes);
            }
            this.maxBytes = maxBytes;
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader, immutable and thread-safe
         */
        public Bounces build() {
            Limits d = Limits.DEFAULT;
            Limits limits = new Limits(maxBytes, d.maxDepth(), d.maxParts(), d.maxTextChars(), d.maxRecipients(), d.maxFieldChars());
            return new Bounces(new BounceReader(diagnoser, explainer, limits));
        }
    }

    /** Collects at most {@code cap} bytes, then stops the writer. */
    private static final class CappedBuffer extends OutputStream {
        static final class Full extends IOException {
            Full() {
                super("size cap reached", null);
            }
        }

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final int cap;
        boolean full;

        CappedBuffer(int cap) {
            this.cap = cap;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int room = cap - out.size();
            if (len > room) {
                out.write(b, off, room);
                full = true;
                throw new Full();
            }
            out.write(b, off, len);
        }

        int size() {
            return out.size();
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
