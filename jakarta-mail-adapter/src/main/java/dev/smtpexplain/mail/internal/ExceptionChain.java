package dev.smtpexplain.mail.internal;

import dev.smtpexplain.core.ServerText;
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
 * them as a list), the causes of anything else. At most {@value #MAX_LINKS} links, and a cycle ends the
 * walk. Also answers the questions the classifier asks of the chain (the first of a type, the first with a
 * message, the host and port it names) and writes the technical details.
 */
final class ExceptionChain {

    static final int MAX_LINKS = 64;
    private static final int DETAIL_MAX = 300;
    private static final Pattern HOST_PORT = Pattern.compile("host: ([^,\\s]+), port: (-?\\d+)");
    private static final Pattern UNKNOWN_HOST = Pattern.compile("Unknown SMTP host: (\\S+)");

    private final List<Throwable> links;

    private ExceptionChain(List<Throwable> links) {
        this.links = List.copyOf(links);
    }

    /** The primary chain from {@code top}; empty for null. */
    static ExceptionChain of(@Nullable Throwable top) {
        List<Throwable> out = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = top; t != null && out.size() < MAX_LINKS && seen.add(t); t = Untrusted.next(t)) {
            out.add(t);
        }
        return new ExceptionChain(out);
    }

    /** Suppressed exceptions of this chain (close failures), each with its own chain, none twice. */
    ExceptionChain suppressed() {
        List<Throwable> out = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(links);
        for (Throwable t : links) {
            for (Throwable s : t.getSuppressed()) {
                for (Throwable x : of(s).links) {
                    if (out.size() < MAX_LINKS && seen.add(x)) {
                        out.add(x);
                    }
                }
            }
        }
        return new ExceptionChain(out);
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

    /** One line per link (class, sanitized message, command and code), then the suppressed ones and the address arrays. */
    String technicalDetails(ExceptionChain suppressed, @Nullable SendFailedException arrays, Redactor r) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t : links) {
            describe(sb, t, r, sb.isEmpty() ? "" : "  caused by ");
        }
        for (Throwable t : suppressed.links) {
            describe(sb, t, r, "  suppressed: ");
        }
        if (arrays != null) {
            sb.append("\n  addresses: validSent=").append(orEmpty(Attempt.addresses(arrays.getValidSentAddresses())))
                    .append(" validUnsent=").append(orEmpty(Attempt.addresses(arrays.getValidUnsentAddresses())))
                    .append(" invalid=").append(orEmpty(Attempt.addresses(arrays.getInvalidAddresses())));
        }
        return sb.toString();
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
