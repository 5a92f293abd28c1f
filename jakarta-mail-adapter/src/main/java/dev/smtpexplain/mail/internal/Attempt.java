package dev.smtpexplain.mail.internal;

import dev.smtpexplain.core.ServerText;
import dev.smtpexplain.mail.SmtpStage;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;

/**
 * What the caller knows about a send beyond the exception: which call failed, the server, the
 * recipients, the credentials to redact, and the addresses a TransportEvent reported. An exception
 * alone does not say whether a read timeout hit the greeting or the end of data.
 *
 * @param phase the Transport call that threw
 * @param host the server host, or null
 * @param port the server port, or -1
 * @param recipients every recipient of the send, in order; empty when unknown
 * @param redactor removes the credentials of this send
 * @param startTls whether STARTTLS was enabled or required
 * @param event the TransportEvent's address lists, or null when no event was seen
 * @param refusedAtRcpt the refusals at RCPT the transport kept ({@link SendProgress}) where the exception lost them: one
 *     thrown before the reply to the content carries none of them
 */
public record Attempt(Phase phase, String host, int port, List<String> recipients, Redactor redactor, boolean startTls,
                      EventAddresses event, List<SMTPAddressFailedException> refusedAtRcpt) {

    public Attempt {
        Objects.requireNonNull(phase, "phase");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(redactor, "redactor");
        refusedAtRcpt = List.copyOf(refusedAtRcpt);
    }

    /** An attempt whose refusals at RCPT are only those its exception carries. */
    public Attempt(Phase phase, String host, int port, List<String> recipients, Redactor redactor, boolean startTls, EventAddresses event) {
        this(phase, host, port, recipients, redactor, startTls, event, List.of());
    }

    /** The Transport call that threw. */
    public enum Phase {
        /** Not known: the application caught the exception itself. */
        UNKNOWN,
        /** {@code Transport.connect}: TCP, greeting, EHLO, STARTTLS, AUTH. */
        CONNECT,
        /** {@code Transport.sendMessage}: MAIL, RCPT, DATA, end of data. */
        SEND,
        /**
         * {@code Transport.sendMessage} after the whole content was sent: waiting for the server's reply to it. A
         * timeout or a lost connection here leaves it unknown whether the server took the message.
         */
        AFTER_CONTENT
    }

    /**
     * The address lists of a TransportEvent; each list is null when the event's array was.
     *
     * @param sent valid sent addresses
     * @param unsent valid unsent addresses
     * @param invalid invalid addresses
     */
    public record EventAddresses(List<String> sent, List<String> unsent, List<String> invalid) {
    }

    /** Nothing known beyond the exception. */
    public static Attempt unknown() {
        return new Attempt(Phase.UNKNOWN, null, -1, List.of(), Redactor.patternsOnly(), false, null);
    }

    /**
     * Whether the server that answered at {@code stage} is the sender's own outgoing server: it answered the login
     * (no one logs in to a recipient's server), or it listens on a submission port (587, RFC 6409; 465, RFC 8314). On
     * port 25 it may be a relay of the sender's or the recipient's own server: not known.
     */
    public boolean sendersOwnServer(SmtpStage stage) {
        return stage == SmtpStage.AUTH || port == 587 || port == 465;
    }

    /** A copy with another phase. */
    public Attempt withPhase(Phase p) {
        return new Attempt(p, host, port, recipients, redactor, startTls, event, refusedAtRcpt);
    }

    /** A copy with the event's addresses. */
    public Attempt withEvent(EventAddresses e) {
        return new Attempt(phase, host, port, recipients, redactor, startTls, e, refusedAtRcpt);
    }

    /** A copy with this server. */
    public Attempt withServer(String h, int p) {
        return new Attempt(phase, h, p, recipients, redactor, startTls, event, refusedAtRcpt);
    }

    /** A copy with these recipients. */
    public Attempt withRecipients(List<String> r) {
        return new Attempt(phase, host, port, r, redactor, startTls, event, refusedAtRcpt);
    }

    /** A copy with the refusals at RCPT the transport kept. */
    public Attempt withRefusedAtRcpt(List<SMTPAddressFailedException> refusals) {
        return new Attempt(phase, host, port, recipients, redactor, startTls, event, refusals);
    }

    /** The addresses as strings ({@code InternetAddress.getAddress()}); null for a null array. */
    public static List<String> addresses(Address[] array) {
        if (array == null) {
            return null;
        }
        List<String> out = new ArrayList<>(array.length);
        for (Address a : array) {
            if (a instanceof InternetAddress ia && ia.isGroup()) {
                // a group ("team: a@example.com, b@example.com;") is its members, as Angus sends one RCPT each
                out.addAll(members(ia));
            } else if (a != null) {
                out.add(address(a));
            }
        }
        return out;
    }

    private static List<String> members(InternetAddress group) {
        try {
            InternetAddress[] members = group.getGroup(false);
            List<String> out = new ArrayList<>();
            for (InternetAddress m : members == null ? new InternetAddress[0] : members) {
                out.add(address(m));
            }
            return out;
        } catch (jakarta.mail.internet.AddressException | RuntimeException e) {
            return List.of(address(group)); // members it cannot parse: the group as written
        }
    }

    /** One address as a string, without the personal name. */
    public static String address(Address a) {
        String s = a instanceof InternetAddress ia && ia.getAddress() != null ? ia.getAddress() : String.valueOf(a);
        return ServerText.sanitize(s, 320, false);
    }
}
