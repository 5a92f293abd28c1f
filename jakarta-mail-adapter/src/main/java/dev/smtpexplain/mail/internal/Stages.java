package dev.smtpexplain.mail.internal;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.mail.SmtpStage;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which SMTP stage a failure belongs to, in one place: from the command Angus names (or a bounce's
 * transcript shows), from the phase the sender was in, which categories are possible at a stage, and what
 * a stage suggests when the reply's words do not.
 */
public final class Stages {

    /** Categories about a recipient: impossible before any recipient was named. */
    private static final Set<Category> RECIPIENT = EnumSet.of(
            Category.RECIPIENT_UNKNOWN, Category.RECIPIENT_DOMAIN_UNKNOWN, Category.RECIPIENT_MOVED,
            Category.MAILBOX_FULL, Category.MAILBOX_DISABLED, Category.DOMAIN_DOES_NOT_ACCEPT_MAIL,
            Category.RECIPIENT_REFUSED, Category.TOO_MANY_RECIPIENTS);
    /** Categories about the content: impossible before the transaction started. */
    private static final Set<Category> CONTENT = EnumSet.of(
            Category.SPAM_DETECTED, Category.VIRUS_DETECTED, Category.CONTENT_REJECTED,
            Category.MESSAGE_NOT_COMPLIANT);

    private Stages() {
    }

    /**
     * The stage a command line starts: the command an {@code SMTPSendFailedException} names
     * ({@code getCommand()}), or a {@code >>>} line of a bounce's session transcript; UNKNOWN for one that
     * answers nothing we name (RSET, NOOP).
     */
    public static SmtpStage ofCommand(@Nullable String command) {
        if (command == null) {
            return SmtpStage.UNKNOWN;
        }
        String c = command.strip().toUpperCase(Locale.ROOT);
        if (c.startsWith("EHLO") || c.startsWith("HELO") || c.startsWith("LHLO")) {
            return SmtpStage.EHLO;
        }
        if (c.equals("STARTTLS")) {
            return SmtpStage.STARTTLS;
        }
        if (c.startsWith("AUTH ")) {
            return SmtpStage.AUTH;
        }
        if (c.startsWith("MAIL FROM")) {
            return SmtpStage.MAIL_FROM;
        }
        if (c.startsWith("RCPT TO")) {
            return SmtpStage.RCPT_TO;
        }
        if (c.equals("DATA") || c.startsWith("BDAT")) {
            return SmtpStage.DATA;
        }
        if (c.equals(".")) {
            return SmtpStage.END_OF_DATA;
        }
        if (c.startsWith("QUIT")) {
            return SmtpStage.QUIT;
        }
        return SmtpStage.UNKNOWN;
    }

    /** During connect() an exception without a stage still happened while connecting. */
    static SmtpStage ofPhase(Attempt a, SmtpStage otherwise) {
        return a.phase() == Attempt.Phase.CONNECT ? SmtpStage.CONNECT : otherwise;
    }

    /** Whether a category can happen at a stage: no recipient problem before RCPT, no content problem before DATA. */
    static boolean plausible(SmtpStage stage, Category c) {
        return switch (stage) {
            case GREETING, EHLO, STARTTLS, AUTH -> !RECIPIENT.contains(c) && !CONTENT.contains(c);
            case MAIL_FROM -> !RECIPIENT.contains(c);
            default -> true;
        };
    }

    /** What a refusal at a stage most likely means when the reply's words and codes do not say. */
    static Category defaultCategory(SmtpStage stage) {
        return switch (stage) {
            case GREETING -> Category.SERVICE_UNAVAILABLE;
            case EHLO -> Category.PROTOCOL_ERROR;
            case STARTTLS, TLS -> Category.TLS_HANDSHAKE_FAILED;
            case AUTH -> Category.AUTHENTICATION_FAILED;
            case MAIL_FROM -> Category.SENDER_REJECTED;
            case CONNECT -> Category.CONNECTION_FAILED;
            default -> Category.UNKNOWN;
        };
    }
}
