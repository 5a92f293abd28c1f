package dev.smtpexplain.core;

import org.jspecify.annotations.Nullable;
import dev.smtpexplain.core.internal.ReplyParser;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An SMTP reply as an application holds it: the basic code, the enhanced status code and the text.
 * Immutable and thread-safe.
 *
 * <p>Use {@link #parse(String)} for a protocol-exact reply (it reports malformed input with a clear
 * message), {@link #parseLenient(String)} for whatever an exception message, a log line or a bounce
 * holds (it never throws), and {@link #of(Integer, String, String)} when code and status come
 * separately.
 */
public final class SmtpReply {

    private final ReplyCode code;
    private final EnhancedStatus status;
    private final List<String> lines;
    private final String raw;

    /**
     * Creates a reply from its parts.
     *
     * @param code the basic code, or null when unknown
     * @param status the enhanced status code, or null when there is none
     * @param lines the human-readable text, one element per reply line, without code or status
     * @param raw the input the reply was parsed from (kept for display; may be empty)
     */
    public SmtpReply(@Nullable ReplyCode code, @Nullable EnhancedStatus status, List<String> lines, String raw) {
        this.code = code;
        this.status = status;
        this.lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        this.raw = Objects.requireNonNull(raw, "raw");
    }

    /**
     * Parses a protocol-exact reply: one or more lines {@code 550-...} / {@code 550 ...} with the same
     * code, an optional enhanced status after each code, optionally behind a DSN
     * {@code Diagnostic-Code: smtp;} prefix.
     *
     * @param reply the reply's lines, separated by CRLF, LF or CR; null reads as empty
     * @return the reply, with {@link #raw()} holding the input
     * @throws ReplyParseException naming the line and what is wrong, for an empty or malformed reply
     */
    public static SmtpReply parse(@Nullable String reply) {
        return ReplyParser.strict(reply);
    }

    /**
     * Parses anything that may hold a reply: finds the code and enhanced status in surrounding junk,
     * accepts DSN values and bare text. Never throws; missing parts are simply absent. Text taken from a
     * log, a report or a web page reads as the server's reply does: no-break spaces read as plain ones, and
     * where a run of spaces or a tab hides the code or status ("said:  554 …"), each run reads as one space.
     *
     * @param text any text; null reads as empty
     * @return the reply; without code, status or lines when the text holds none
     */
    public static SmtpReply parseLenient(@Nullable String text) {
        return ReplyParser.lenient(text);
    }

    /**
     * Builds a reply from separately known parts. A null or blank code or status is taken from the
     * text when the text carries one.
     *
     * @param code the basic code, 100–599, or null when unknown
     * @param status the enhanced status code as written ({@code 5.7.26}), or null or blank when there is none
     * @param text the server's text, possibly still starting with the code and status, read as
     *     {@link #parseLenient} reads it; null reads as empty
     * @return the reply
     * @throws IllegalArgumentException if a given code or status is malformed
     */
    public static SmtpReply of(@Nullable Integer code, @Nullable String status, @Nullable String text) {
        ReplyCode c = code == null ? null : ReplyCode.of(code);
        EnhancedStatus s = status == null || status.isBlank() ? null : EnhancedStatus.parse(status);
        return ReplyParser.withParts(c, s, text == null ? "" : text);
    }

    /** {@return the basic code, or empty when the reply has none} */
    public Optional<ReplyCode> code() {
        return Optional.ofNullable(code);
    }

    /** {@return the enhanced status code, or empty when the reply has none} */
    public Optional<EnhancedStatus> status() {
        return Optional.ofNullable(status);
    }

    /** {@return the text lines without codes, as an immutable list; empty when the reply has no text} */
    public List<String> lines() {
        return lines;
    }

    /** {@return the text lines joined with single spaces; untrusted: sanitize before display} */
    public String text() {
        return String.join(" ", lines);
    }

    /**
     * {@return the input this reply was read from; may be empty} For a text that holds more than a reply (a
     * bounce message pasted whole) it is the part that was read: without the message's own header block, its MIME
     * structure and the returned message. Untrusted: sanitize before display ({@link ServerText}).
     */
    public String raw() {
        return raw;
    }

    /** {@return the outcome class: the basic code's first digit, else the enhanced status class, else 0} */
    public int classDigit() {
        if (code != null) {
            return code.classDigit();
        }
        return status == null ? 0 : status.statusClass();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SmtpReply r
                && Objects.equals(code, r.code)
                && Objects.equals(status, r.status)
                && lines.equals(r.lines);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, status, lines);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SmtpReply[");
        sb.append(code == null ? "---" : code.toString());
        if (status != null) {
            sb.append(' ').append(status);
        }
        // toString ends up in logs and terminals: the server's text is untrusted
        sb.append(' ').append(ServerText.sanitize(text(), 80, false));
        return sb.append(']').toString();
    }
}
