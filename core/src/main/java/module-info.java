/**
 * SMTP reply parsing, code meanings, the failure taxonomy and the rule engine ({@link dev.smtpexplain.core.Diagnoser}).
 * JDK only. {@code dev.smtpexplain.core.internal} is not exported.
 */
module dev.smtpexplain.core {
    requires static org.jspecify;

    exports dev.smtpexplain.core;
}
