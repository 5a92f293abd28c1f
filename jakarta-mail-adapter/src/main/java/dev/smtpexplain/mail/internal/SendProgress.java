package dev.smtpexplain.mail.internal;

import jakarta.mail.MessagingException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jspecify.annotations.Nullable;

/**
 * How far a failed send got, as {@link DataReplyTransport} saw it: the server as Angus read it, whether it failed while
 * connecting (greeting, STARTTLS, login) or while sending, whether the whole content was sent and no whole reply to it
 * came back (a timeout, a lost connection), which leaves it unknown whether the server took the message, the
 * recipients, and the recipients the server refused at RCPT where the exception does not carry them. Angus's exceptions
 * say none of that for a timeout or a reset; whoever analyzes such an exception later in this JVM (the application's own
 * catch, Spring's sender) finds it here, as {@code ExplainingSender} knows it for its own sends.
 *
 * <p>Kept beside the exception, not in it: an exception that carried a class of this library could not be read back
 * where the library is absent (a serialized exception, outside tester 65), and the application's exception stays as
 * Angus made it. The table holds its exceptions weakly (exceptions keep {@code Object}'s identity equality), so an
 * entry goes with its exception.
 */
public final class SendProgress {

    private static final Map<Throwable, SendProgress> BY_EXCEPTION = Collections.synchronizedMap(new WeakHashMap<>());

    private final Attempt.Phase phase;
    private final String host;
    private final int port;
    private final List<SMTPAddressFailedException> refusedAtRcpt;
    // the send's recipients, which an exception without address arrays does not name
    private final List<String> recipients;

    private SendProgress(Attempt.Phase phase, String host, int port, List<SMTPAddressFailedException> refusedAtRcpt, List<String> recipients) {
        this.phase = phase;
        this.host = host;
        this.port = port;
        this.refusedAtRcpt = List.copyOf(refusedAtRcpt);
        this.recipients = List.copyOf(recipients);
    }

    /** Notes that {@code e} was thrown while connecting to {@code host}:{@code port}. */
    static SendProgress connecting(MessagingException e, String host, int port) {
        return note(e, new SendProgress(Attempt.Phase.CONNECT, host, port, List.of(), List.of()));
    }

    /**
     * Notes how far the send that threw {@code e} got, unless {@code e} is the server's whole answer to a command and
     * lacks none of the refusals; returns what it noted, or null.
     *
     * @param contentSent whether the end of the content was sent and its reply awaited
     * @param refusedAtRcpt the refusals at RCPT so far; those {@code e} carries already are not repeated
     * @param recipients the addresses the send was for
     */
    static @Nullable SendProgress sending(MessagingException e, String host, int port, boolean contentSent,
                                          List<SMTPAddressFailedException> refusedAtRcpt, List<String> recipients) {
        ExceptionChain chain = ExceptionChain.of(e);
        // Angus's exception for a reply to any command names its code (-1 for an end of stream); a refusal of BDAT LAST
        // comes wrapped in an IOException
        SMTPSendFailedException reply = chain.first(SMTPSendFailedException.class);
        boolean answered = reply != null && reply.getReturnCode() >= 200 && reply.getReturnCode() <= 599;
        // the refusals Angus's exception lacks: it may name another recipient only (the one whose reply never came)
        Set<String> named = new HashSet<>();
        for (SMTPAddressFailedException a : chain.all(SMTPAddressFailedException.class)) {
            if (a.getAddress() != null) {
                named.add(Attempt.address(a.getAddress()));
            }
        }
        List<SMTPAddressFailedException> missing = refusedAtRcpt.stream()
                .filter(r -> !named.contains(Attempt.address(r.getAddress()))).toList();
        if (answered && missing.isEmpty()) {
            return null;
        }
        return note(e, new SendProgress(contentSent && !answered ? Attempt.Phase.AFTER_CONTENT : Attempt.Phase.SEND, host, port, missing,
                recipients));
    }

    private static SendProgress note(Throwable e, SendProgress progress) {
        BY_EXCEPTION.put(e, progress);
        return progress;
    }

    /**
     * The progress noted for a link of {@code links}, or null; not for their suppressed exceptions, which may be another
     * send's (a retry loop that adds the first failure to the second's, outside tester 66).
     */
    static @Nullable SendProgress in(ExceptionChain links) {
        for (Throwable t : links.links()) {
            SendProgress p = BY_EXCEPTION.get(t);
            if (p != null) {
                return p;
            }
        }
        return null;
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

    @Override
    public String toString() {
        return "SendProgress[" + phase + " " + host + ":" + port + ", " + refusedAtRcpt.size() + " refused at RCPT, " + recipients.size()
                + " recipients]";
    }
}
