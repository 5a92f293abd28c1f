package dev.smtpexplain.mail.internal;

import dev.smtpexplain.core.ServerText;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressSucceededException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.jspecify.annotations.Nullable;

/**
 * The exceptions of one send failure in order: a {@code MessagingException}'s next exceptions (Angus links
 * them as a list, one {@code SMTPAddressFailedException} per refused recipient), the causes of anything else.
 * Every recipient of a send must be counted, so the next exceptions are followed as far as the send can
 * reach: one link per recipient it names (the sender's list or an exception's address arrays, whichever is
 * longer) plus {@value #MAX_OTHER_LINKS}. Causes are followed {@value #MAX_OTHER_LINKS} deep, a cycle ends
 * the walk, and the suppressed exceptions count {@value #MAX_OTHER_LINKS} in all; so the walk is linear in
 * what the exception holds and a hostile chain cannot stretch it. Also answers the questions the classifier
 * asks of the chain (the first of a type, the first with a message, the host and port it names) and writes
 * the technical details.
 */
final class ExceptionChain {

    /** Links that are not a recipient's: wrappers, the send's summary, a cause's causes, suppressed ones. */
    static final int MAX_OTHER_LINKS = 64;
    /** Links the technical details describe one per line; they count the rest. */
    private static final int MAX_DESCRIBED = 64;
    private static final int DETAIL_MAX = 300;
    private static final Pattern HOST_PORT = Pattern.compile("host: ([^,\\s]+), port: (-?\\d+)");
    private static final Pattern UNKNOWN_HOST = Pattern.compile("Unknown SMTP host: (\\S+)");

    private final List<Throwable> links;

    private ExceptionChain(List<Throwable> links) {
        this.links = List.copyOf(links);
    }

    /** The primary chain from {@code top}, knowing no recipients; empty for null. */
    static ExceptionChain of(@Nullable Throwable top) {
        return of(top, 0);
    }

    /** The primary chain from {@code top} of a send to {@code recipients} recipients; empty for null. */
    static ExceptionChain of(@Nullable Throwable top, int recipients) {
        List<Throwable> out = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int nextLinks = 0;
        int nextBound = MAX_OTHER_LINKS + recipients;
        int causeLinks = 0;
        for (Throwable t = top; t != null && seen.add(t); t = Untrusted.next(t)) {
            if (t instanceof MessagingException me) {
                // Angus's address arrays name every recipient of the send, refused or not
                nextBound = Math.max(nextBound, MAX_OTHER_LINKS + addressesNamed(me));
                if (nextLinks++ == nextBound) {
                    break;
                }
            } else if (causeLinks++ == MAX_OTHER_LINKS) {
                break;
            }
            out.add(t);
        }
        return new ExceptionChain(out);
    }

    /** How many addresses a {@code SendFailedException}'s arrays hold, 0 for any other exception. */
    private static int addressesNamed(MessagingException e) {
        if (!(e instanceof SendFailedException s)) {
            return 0;
        }
        Address[] none = new Address[0];
        return Untrusted.call(s::getValidSentAddresses, none).length + Untrusted.call(s::getValidUnsentAddresses, none).length
                + Untrusted.call(s::getInvalidAddresses, none).length;
    }

    /**
     * Suppressed exceptions of this chain (close failures), each with its own chain, none twice, at most
     * {@value #MAX_OTHER_LINKS} suppressed exceptions looked at and {@value #MAX_OTHER_LINKS} links kept.
     */
    ExceptionChain suppressed() {
        List<Throwable> out = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(links);
        int lookedAt = 0;
        for (Throwable t : links) {
            for (Throwable s : t.getSuppressed()) {
                if (lookedAt++ == MAX_OTHER_LINKS) {
                    return new ExceptionChain(out);
                }
                for (Throwable x : of(s).links) {
                    if (out.size() < MAX_OTHER_LINKS && seen.add(x)) {
                        out.add(x);
                    }
                }
            }
        }
        return new ExceptionChain(out);
    }

    /** The links, in order. */
    List<Throwable> links() {
        return links;
    }

    boolean isEmpty() {
        return links.isEmpty();
    }

    /** The first link; the chain must not be empty. */
    Throwable top() {
        return links.get(0);
    }

    /** An exception's message, "" for none and when reading it fails. */
    static String message(@Nullable Throwable t) {
        return Untrusted.message(t);
    }

    /** Every link's message, joined with " | ". */
    String messages() {
        return String.join(" | ", links.stream().map(ExceptionChain::message).toList());
    }

    <T> @Nullable T first(Class<T> type) {
        for (Throwable t : links) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    <T> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Throwable t : links) {
            if (type.isInstance(t)) {
                out.add(type.cast(t));
            }
        }
        return out;
    }

    boolean has(Class<? extends Throwable> type) {
        return first(type) != null;
    }

    @Nullable Throwable firstMatching(Predicate<Throwable> p) {
        for (Throwable t : links) {
            if (p.test(t)) {
                return t;
            }
        }
        return null;
    }

    /** The first {@code MessagingException} whose message is the signature's. */
    @Nullable MessagingException with(TransportSignatures.Message signature) {
        return (MessagingException) firstMatching(signature::matches);
    }

    /** The first {@code SendFailedException} that carries address arrays. */
    @Nullable SendFailedException addressArrays() {
        return firstMatching(t -> t instanceof SendFailedException s
                && (s.getValidSentAddresses() != null || s.getValidUnsentAddresses() != null || s.getInvalidAddresses() != null))
                instanceof SendFailedException s ? s : null;
    }

    /** The server's host: from the exception when it names one, else from the caller. */
    String host(Attempt a) {
        MailConnectException mce = first(MailConnectException.class);
        if (mce != null && mce.getHost() != null) {
            return mce.getHost();
        }
        for (Throwable t : links) {
            Matcher m = HOST_PORT.matcher(message(t));
            if (m.find()) {
                return m.group(1);
            }
        }
        return a.host() == null ? "" : a.host();
    }

    /** The server's port: from the exception when it names one, else from the caller ("" when unknown). */
    String port(Attempt a) {
        for (Throwable t : links) {
            Matcher m = HOST_PORT.matcher(message(t));
            if (m.find()) {
                return m.group(2);
            }
        }
        return a.port() > 0 ? Integer.toString(a.port()) : "";
    }

    /** The host name that did not resolve: from Angus's message, the {@code UnknownHostException}, else the caller. */
    String unknownHost(Attempt a) {
        for (Throwable t : links) {
            Matcher m = UNKNOWN_HOST.matcher(message(t));
            if (m.find()) {
                return m.group(1);
            }
        }
        Throwable u = first(UnknownHostException.class);
        if (u != null && !message(u).isBlank()) {
            String m = message(u);
            int colon = m.indexOf(':');
            return colon > 0 ? m.substring(0, colon) : m;
        }
        return a.host() == null ? "" : a.host();
    }

    /**
     * One line per link (class, sanitized message, command and code), the first {@value #MAX_DESCRIBED} of a longer
     * chain and then how many more there are (each refused recipient's reply is in its own explanation), then the
     * suppressed ones and the address arrays.
     */
    String technicalDetails(ExceptionChain suppressed, @Nullable SendFailedException arrays, Redactor r) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t : links.subList(0, Math.min(links.size(), MAX_DESCRIBED))) {
            describe(sb, t, r, sb.isEmpty() ? "" : "  caused by ");
        }
        if (links.size() > MAX_DESCRIBED) {
            sb.append("\n  … and ").append(links.size() - MAX_DESCRIBED).append(" more linked exceptions");
        }
        for (Throwable t : suppressed.links) {
            describe(sb, t, r, "  suppressed: ");
        }
        if (arrays != null) {
            addressLine(sb, "validSent", arrays.getValidSentAddresses());
            addressLine(sb, "validUnsent", arrays.getValidUnsentAddresses());
            addressLine(sb, "invalid", arrays.getInvalidAddresses());
        }
        return sb.toString();
    }

    /** One address array on a line of its own: how many, then as many addresses as fit in {@value #DETAIL_MAX} characters. */
    private static void addressLine(StringBuilder sb, String name, Address @Nullable [] array) {
        List<String> addresses = orEmpty(Attempt.addresses(array));
        sb.append("\n  addresses ").append(name).append(" (").append(addresses.size()).append("):");
        int shown = 0;
        int length = 0;
        for (String a : addresses) {
            if (shown > 0 && length + a.length() > DETAIL_MAX) {
                sb.append(" … and ").append(addresses.size() - shown).append(" more");
                break;
            }
            sb.append(shown == 0 ? " " : ", ").append(a);
            length += a.length() + 2;
            shown++;
        }
    }

    private static void describe(StringBuilder sb, Throwable t, Redactor r, String prefix) {
        if (!sb.isEmpty()) {
            sb.append('\n');
        }
        sb.append(prefix).append(t.getClass().getSimpleName()).append(": ")
                .append(ServerText.sanitize(Replies.recoverUtf8(r.redact(message(t))), DETAIL_MAX, false));
        String command = null;
        int rc = Integer.MIN_VALUE;
        if (t instanceof SMTPSendFailedException e) {
            command = e.getCommand();
            rc = e.getReturnCode();
        } else if (t instanceof SMTPAddressFailedException e) {
            command = e.getCommand();
            rc = e.getReturnCode();
        } else if (t instanceof SMTPSenderFailedException e) {
            command = e.getCommand();
            rc = e.getReturnCode();
        } else if (t instanceof SMTPAddressSucceededException e) {
            command = e.getCommand();
            rc = e.getReturnCode();
        }
        if (command != null) {
            sb.append(" [command=").append(ServerText.sanitize(r.redact(command), DETAIL_MAX, false))
                    .append(", code=").append(rc).append(']');
        }
    }

    static List<String> orEmpty(@Nullable List<String> l) {
        return l == null ? List.of() : l;
    }
}
