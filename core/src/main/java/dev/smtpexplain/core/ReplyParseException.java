package dev.smtpexplain.core;

/** Thrown by {@link SmtpReply#parse(String)} when the input is not a well-formed SMTP reply. */
public final class ReplyParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The 1-based line the problem is on, or 0 when it concerns the whole input. */
    private final int line;

    /**
     * Creates the exception.
     *
     * @param message what is wrong; quote untrusted input only through {@link ServerText#excerpt}
     * @param line the 1-based line the problem is on, or 0 when it concerns the whole input; a positive
     *     line is prefixed to the message ("line 3: ...")
     */
    public ReplyParseException(String message, int line) {
        super(line > 0 ? "line " + line + ": " + message : message);
        this.line = line;
    }

    /** {@return the 1-based line the problem is on, or 0 when it concerns the whole input} */
    public int line() {
        return line;
    }
}
