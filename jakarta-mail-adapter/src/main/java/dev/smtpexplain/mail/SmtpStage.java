package dev.smtpexplain.mail;

/**
 * Where in the SMTP conversation a send failed. {@link #id()} matches the catalog keys
 * {@code stage.<id>}, so {@code messages.get(stage.messageKey())} describes the stage in any locale.
 */
public enum SmtpStage {
    /** Opening the TCP connection (refused, unknown host, connect timeout). */
    CONNECT("connect"),
    /** The TLS handshake, for implicit TLS or after STARTTLS. */
    TLS("tls"),
    /** The server's 220 greeting. */
    GREETING("greeting"),
    /** EHLO, and the HELO Angus falls back to. */
    EHLO("ehlo"),
    /** The STARTTLS command itself (the handshake after it is {@link #TLS}). */
    STARTTLS("starttls"),
    /** SMTP AUTH. */
    AUTH("auth"),
    /** MAIL FROM: the envelope sender. */
    MAIL_FROM("mail-from"),
    /** RCPT TO: the recipients. */
    RCPT_TO("rcpt-to"),
    /** The DATA command (or BDAT), before the content is accepted. */
    DATA("data"),
    /** The reply after the content ("." at the end of data). */
    END_OF_DATA("end-of-data"),
    /** QUIT. */
    QUIT("quit"),
    /** The exception does not say. */
    UNKNOWN("unknown");

    private final String id;

    SmtpStage(String id) {
        this.id = id;
    }

    /** {@return the stable id used in JSON output and catalog keys, e.g. {@code mail-from}, {@code end-of-data}} */
    public String id() {
        return id;
    }

    /** {@return the catalog key describing this stage, e.g. {@code stage.rcpt-to}} */
    public String messageKey() {
        return "stage." + id;
    }

    /**
     * {@return whether the stage comes before the mail transaction} True for {@link #CONNECT} to {@link #AUTH}:
     * nothing was sent to any recipient.
     */
    public boolean isSessionSetup() {
        return ordinal() <= AUTH.ordinal();
    }
}
