package dev.smtpexplain.mail.internal;

import jakarta.mail.MessagingException;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jspecify.annotations.Nullable;

/**
 * How far a failed send got, as {@link DataReplyTransport} saw it, attached to the exception the send threw (as a
 * suppressed exception, so the exception keeps its type and everything else for the application): whether the whole
 * content was sent and no whole reply to it came back (a timeout, a lost connection), which leaves it unknown whether
 * the server took the message, and the recipients the server refused at RCPT where the exception does not carry them.
 * Whoever analyzes that exception later (the application's own catch, Spring's sender) reads it there; nothing else
 * holds it. A send the server answered after its content (a refusal of the message) gets none: its reply says it all.
 */
public final class SendProgress extends Exception {

    private static final long serialVersionUID = 1L;

    // the whole content sent, no whole reply to it read
    private final boolean contentSent;
    private final List<SMTPAddressFailedException> refusedAtRcpt;
    // the send's recipients, which an exception without address arrays does not name
    private final List<String> recipients;

    private SendProgress(boolean contentSent, List<SMTPAddressFailedException> refusedAtRcpt, List<String> recipients) {
        super(contentSent ? "smtp-explain: the whole message content was sent and no whole reply to it was read"
                : "smtp-explain: the server refused " + refusedAtRcpt.size() + " recipient(s) at RCPT before the send failed",
                null, false, false);
        this.contentSent = contentSent;
        this.refusedAtRcpt = List.copyOf(refusedAtRcpt);
        this.recipients = List.copyOf(recipients);
    }

    /**
     * Attaches what {@code e} does not say already, nothing when there is nothing to add.
     *
     * @param contentSent whether the end of the content was sent and its reply awaited
     * @param recipients the addresses the send was for
     */
    static void attach(MessagingException e, boolean contentSent, List<SMTPAddressFailedException> refusedAtRcpt, List<String> recipients) {
        // Angus's exception for a reply to the content (or to any command) names its code; -1 is an end of stream
        boolean answered = e instanceof SMTPSendFailedException f && f.getReturnCode() >= 200 && f.getReturnCode() <= 599;
        boolean unanswered = contentSent && !answered;
        List<SMTPAddressFailedException> missing = ExceptionChain.of(e).first(SMTPAddressFailedException.class) == null ? refusedAtRcpt
                : List.of();
        if (unanswered || !missing.isEmpty()) {
            e.addSuppressed(new SendProgress(unanswered, missing, recipients));
        }
    }

    /** The progress attached to a link of {@code links}, or null. */
    static @Nullable SendProgress in(ExceptionChain links) {
        return links.firstSuppressed(SendProgress.class);
    }

    /**
     * {@code a} with what this progress adds: the phase after the content, the refusals the exception lost, and the
     * recipients where {@code a} knows none (an application's own catch).
     */
    Attempt applyTo(Attempt a) {
        Attempt out = contentSent && a.phase() != Attempt.Phase.CONNECT ? a.withPhase(Attempt.Phase.AFTER_CONTENT) : a;
        out = out.recipients().isEmpty() ? out.withRecipients(recipients) : out;
        return refusedAtRcpt.isEmpty() ? out : out.withRefusedAtRcpt(refusedAtRcpt);
    }
}
