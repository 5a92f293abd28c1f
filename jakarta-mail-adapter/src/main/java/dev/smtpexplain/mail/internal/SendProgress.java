package dev.smtpexplain.mail.internal;

import jakarta.mail.MessagingException;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jspecify.annotations.Nullable;

/**
 * How far a failed send got, as {@link DataReplyTransport} saw it, attached to the exception the send threw (as a
 * suppressed exception, so the exception keeps its type and everything else for the application): the server it was
 * for, whether it failed while connecting (greeting, STARTTLS, login) or while sending, whether the whole content
 * was sent and no whole reply to it came back (a timeout, a lost connection), which leaves it unknown whether the
 * server took the message, the recipients, and the recipients the server refused at RCPT where the exception does not
 * carry them. Angus's exceptions say none of that for a timeout or a reset; whoever analyzes the exception later (the
 * application's own catch, Spring's sender) reads it here, as {@code ExplainingSender} knows it for its own sends.
 */
public final class SendProgress extends Exception {

    private static final long serialVersionUID = 1L;

    private final Attempt.Phase phase;
    private final String host;
    private final int port;
    private final List<SMTPAddressFailedException> refusedAtRcpt;
    // the send's recipients, which an exception without address arrays does not name
    private final List<String> recipients;

    private SendProgress(Attempt.Phase phase, String host, int port, List<SMTPAddressFailedException> refusedAtRcpt, List<String> recipients) {
        super(switch (phase) {
            case CONNECT -> "smtp-explain: connecting to " + host + ":" + port + " failed; no message was sent";
            case AFTER_CONTENT -> "smtp-explain: the whole message content was sent to " + host + ":" + port
                    + " and no whole reply to it was read";
            default -> "smtp-explain: sending to " + host + ":" + port + " failed"
                    + (refusedAtRcpt.isEmpty() ? "" : " after " + refusedAtRcpt.size() + " refusal(s) at RCPT");
        }, null, false, false);
        this.phase = phase;
        this.host = host;
        this.port = port;
        this.refusedAtRcpt = List.copyOf(refusedAtRcpt);
        this.recipients = List.copyOf(recipients);
    }

    /** Attaches to {@code e}, thrown while connecting to {@code host}:{@code port}, that it was. */
    static void connecting(MessagingException e, String host, int port) {
        e.addSuppressed(new SendProgress(Attempt.Phase.CONNECT, host, port, List.of(), List.of()));
    }

    /**
     * Attaches to {@code e}, thrown while sending, how far the send got, unless {@code e} is the server's answer to a
     * command and lacks none of the refusals.
     *
     * @param contentSent whether the end of the content was sent and its reply awaited
     * @param refusedAtRcpt the refusals at RCPT so far; those {@code e} carries already are not repeated
     * @param recipients the addresses the send was for
     */
    static void sending(MessagingException e, String host, int port, boolean contentSent, List<SMTPAddressFailedException> refusedAtRcpt,
                        List<String> recipients) {
        // Angus's exception for a reply to the content (or to any command) names its code; -1 is an end of stream
        boolean answered = e instanceof SMTPSendFailedException f && f.getReturnCode() >= 200 && f.getReturnCode() <= 599;
        List<SMTPAddressFailedException> missing = ExceptionChain.of(e).first(SMTPAddressFailedException.class) == null ? refusedAtRcpt
                : List.of();
        // a server's answer (a refusal of the message or of every recipient) carries its command and the recipients
        if (!answered || !missing.isEmpty()) {
            e.addSuppressed(new SendProgress(contentSent && !answered ? Attempt.Phase.AFTER_CONTENT : Attempt.Phase.SEND, host, port,
                    missing, recipients));
        }
    }

    /** The progress attached to a link of {@code links}, or null. */
    static @Nullable SendProgress in(ExceptionChain links) {
        return links.firstSuppressed(SendProgress.class);
    }

    /**
     * {@code a} with what this progress adds: the phase where {@code a} does not know it (an application's own catch)
     * or where the whole content had gone out, the server and the recipients where {@code a} knows none, and the
     * refusals the exception lost.
     */
    Attempt applyTo(Attempt a) {
        Attempt out = a;
        if (a.phase() == Attempt.Phase.UNKNOWN || phase == Attempt.Phase.AFTER_CONTENT && a.phase() == Attempt.Phase.SEND) {
            out = out.withPhase(phase);
        }
        if (out.host() == null) {
            out = out.withServer(host, port);
        }
        if (out.recipients().isEmpty()) {
            out = out.withRecipients(recipients);
        }
        return refusedAtRcpt.isEmpty() ? out : out.withRefusedAtRcpt(refusedAtRcpt);
    }
}
