package dev.smtpexplain.mail.internal;

import static dev.smtpexplain.mail.internal.TransportSignatures.Message.BAD_GREETING;
import static dev.smtpexplain.mail.internal.TransportSignatures.Message.CONNECT_FAILED;
import static dev.smtpexplain.mail.internal.TransportSignatures.Message.CONVERT_TO_TLS;
import static dev.smtpexplain.mail.internal.TransportSignatures.Message.END_OF_STREAM;
import static dev.smtpexplain.mail.internal.TransportSignatures.Message.NO_RECIPIENTS;
import static dev.smtpexplain.mail.internal.TransportSignatures.Message.PROTOCOL_NOT_STARTED;
import static dev.smtpexplain.mail.internal.TransportSignatures.Message.READING_RESPONSE;
import static dev.smtpexplain.mail.internal.TransportSignatures.Message.SENDING_COMMAND;
import static dev.smtpexplain.mail.internal.TransportSignatures.Message.SENDING_MESSAGE;
import static dev.smtpexplain.mail.internal.TransportSignatures.Message.STARTTLS_NOT_OFFERED;
import static dev.smtpexplain.mail.internal.TransportSignatures.Message.UNKNOWN_HOST;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.SmtpReply;
import dev.smtpexplain.mail.SmtpStage;
import dev.smtpexplain.mail.internal.Finding.CatalogText;
import dev.smtpexplain.mail.internal.TransportSignatures.TlsReason;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.jspecify.annotations.Nullable;

/**
 * Decides what an exception chain from Angus Mail 2.0 says about the failure as a whole: which exception
 * each stage throws, which chain it builds, and that {@code getMessage()} carries the server's reply
 * verbatim. The checks run from the most specific (a reply with its command) to the vaguest (a socket
 * error); Angus's message texts are in {@link TransportSignatures}. Stateless.
 */
final class FailureClassifier {

    private FailureClassifier() {
    }

    /** The finding, or null when nothing in the chain is recognized. */
    static @Nullable Finding classify(ExceptionChain links, Attempt a) {
        Redactor r = a.redactor();
        SMTPSendFailedException send = links.first(SMTPSendFailedException.class);
        if (send != null) {
            SmtpStage stage = Stages.ofCommand(send.getCommand());
            int rc = send.getReturnCode();
            if (rc >= 200 && rc < 300) {
                // sendpartial / reportsuccess: the message went to the accepted recipients
                return Finding.delivered(Replies.read(r.redact(ExceptionChain.message(send))));
            }
            if (rc < 200 || rc > 599) {
                // -1: EOF instead of a reply, or a line without a code; 999, 099, 6xx: not SMTP
                String m = ExceptionChain.message(send);
                Finding unexpected = unexpectedReply(stage, m, r);
                if (stage == SmtpStage.END_OF_DATA && (unexpected.category() == Category.NETWORK_ERROR
                        || CODE_CUT_SHORT.matcher(m.strip()).matches())) {
                    // the final dot went out and no whole reply came back (end of stream, a reply cut short)
                    return noWholeReplyToContent(m, r, links.host(a));
                }
                return unexpected;
            }
            return Finding.reply(stage, Replies.read(r.redact(ExceptionChain.message(send))));
        }
        List<SMTPAddressFailedException> refused = links.all(SMTPAddressFailedException.class);
        if (!refused.isEmpty()) {
            if (refused.stream().anyMatch(FailureClassifier::isFailureCode)) {
                return Finding.recipients();
            }
            // a bare SMTPAddressFailedException: -1 when the server hung up during RCPT or answered
            // without a code, else a code outside 2xx-5xx (Angus gives up on the whole transaction)
            return unexpectedReply(SmtpStage.RCPT_TO, ExceptionChain.message(refused.get(0)), r);
        }
        Finding tls = tls(links, a);
        if (tls != null) {
            return tls;
        }
        AuthenticationFailedException auth = links.first(AuthenticationFailedException.class);
        if (auth != null) {
            String m = r.redact(ExceptionChain.message(auth));
            if (Replies.looksLikeReply(m)) {
                return Finding.reply(SmtpStage.AUTH, Replies.read(m));
            }
            return Finding.transport(SmtpStage.AUTH, Category.AUTHENTICATION_FAILED, Confidence.LIKELY,
                    TransportSignatures.authenticationEvidence(m), null, Map.of());
        }
        // before MailConnectException: SocketFetcher wraps an UnknownHostException in it
        Throwable unknownHost = links.firstMatching(t -> t instanceof UnknownHostException || UNKNOWN_HOST.matches(t));
        if (unknownHost != null) {
            return Finding.transport(SmtpStage.CONNECT, Category.CONNECTION_FAILED, Confidence.SIGNATURE, "transport:unknown-host",
                    "connection.unknownHost", Map.of("host", links.unknownHost(a)));
        }
        MailConnectException connect = links.first(MailConnectException.class);
        if (connect != null) {
            Finding proxy = unreachableProxy(links);
            if (proxy != null) {
                return proxy;
            }
            String host = connect.getHost() != null ? connect.getHost() : links.host(a);
            if (links.has(SocketTimeoutException.class)) {
                return Finding.transport(SmtpStage.CONNECT, Category.CONNECTION_FAILED, Confidence.SIGNATURE, "transport:connect-timeout",
                        "connection.timeout", Map.of("host", host));
            }
            if (links.has(ConnectException.class)) {
                return Finding.transport(SmtpStage.CONNECT, Category.CONNECTION_FAILED, Confidence.SIGNATURE,
                        "transport:connection-refused", "connection.refused", Map.of("host", host, "port", String.valueOf(connect.getPort())));
            }
            return Finding.transport(SmtpStage.CONNECT, Category.CONNECTION_FAILED, Confidence.LIKELY, "transport:connect-failed",
                    null, Map.of());
        }
        MessagingException greeting = links.with(BAD_GREETING);
        if (greeting != null) {
            String m = r.redact(ExceptionChain.message(greeting));
            int at = m.indexOf("response: ");
            String response = at < 0 ? "" : m.substring(at + "response: ".length());
            if (Replies.looksLikeReply(response)) {
                return Finding.reply(SmtpStage.GREETING, Replies.read(response));
            }
            if (response.isBlank() || response.strip().equals("[EOF]")) {
                // closed before any greeting: nothing was being sent, and the server was not reached as a mail server
                // (outside tester 64: "lost in the middle of sending")
                return Finding.transport(SmtpStage.GREETING, Category.CONNECTION_FAILED, Confidence.LIKELY, "transport:closed-before-greeting",
                        "connection.closedBeforeGreeting", Map.of("host", links.host(a)));
            }
            // no SMTP code at all (999, 099, text, binary): most often another service on that port
            Finding unexpected = unexpectedReply(SmtpStage.GREETING, response, r);
            return unexpected.category() == Category.PROTOCOL_ERROR
                    ? Finding.notSmtp(unexpected.reply(), links.host(a), links.port(a)) : unexpected;
        }
        if (links.with(STARTTLS_NOT_OFFERED) != null) {
            return Finding.transport(SmtpStage.STARTTLS, Category.TLS_HANDSHAKE_FAILED, Confidence.SIGNATURE,
                    "transport:starttls-not-offered", "tls.failed",
                    Map.of("host", links.host(a), "reason", new CatalogText("tls.reason.starttlsNotOffered")));
        }
        if (links.with(READING_RESPONSE) != null) {
            return links.has(SocketTimeoutException.class) ? timeout(links, a) : lostWhileSending(links, a);
        }
        if (links.with(SENDING_COMMAND) != null) {
            return lostWhileSending(links, a);
        }
        MessagingException io = links.with(SENDING_MESSAGE);
        if (io != null) {
            // BDAT puts the server's reply into the IOException's message
            String m = r.redact(ExceptionChain.message(Untrusted.next(io)));
            if (Replies.looksLikeReply(m)) {
                return Finding.reply(SmtpStage.DATA, Replies.read(m));
            }
            // no reply to BDAT LAST after the last chunk went out is no reply to the whole content
            return a.phase() == Attempt.Phase.AFTER_CONTENT ? afterContent(links.host(a)) : lost(SmtpStage.DATA);
        }
        if (links.with(CONNECT_FAILED) != null || links.with(PROTOCOL_NOT_STARTED) != null) {
            if (links.has(SocketTimeoutException.class)) {
                return timeout(links, a.withPhase(Attempt.Phase.CONNECT));
            }
            return Finding.transport(SmtpStage.CONNECT, Category.CONNECTION_FAILED, Confidence.LIKELY, "transport:connect-failed",
                    null, Map.of());
        }
        if (links.with(END_OF_STREAM) != null) {
            // issueCommand read end of stream instead of a reply: the server hung up (e.g. after EHLO)
            return lostWhileSending(links, a);
        }
        Throwable replying = links.firstMatching(t -> t instanceof MessagingException && Replies.looksLikeReply(ExceptionChain.message(t)));
        if (replying != null) {
            // issueCommand: HELO or STARTTLS refused; nothing in the exception says which
            SmtpReply reply = Replies.read(r.redact(ExceptionChain.message(replying)));
            if (a.phase() == Attempt.Phase.SEND || a.phase() == Attempt.Phase.AFTER_CONTENT) {
                return Finding.reply(SmtpStage.UNKNOWN, reply);
            }
            // 454 is STARTTLS's refusal code; a HELO refusal rarely mentions TLS
            boolean is454 = reply.code().map(c -> c.value() == 454).orElse(false);
            boolean starttls = reply.text().toLowerCase(Locale.ROOT).contains("tls")
                    || is454 && (a.startTls() || a.phase() == Attempt.Phase.UNKNOWN);
            return Finding.reply(starttls ? SmtpStage.STARTTLS : SmtpStage.EHLO, reply);
        }
        if (links.has(SocketTimeoutException.class)) {
            return timeout(links, a);
        }
        if (links.has(SocketException.class) || links.has(EOFException.class)) {
            return lostWhileSending(links, a);
        }
        AddressException badAddress = links.first(AddressException.class);
        if (badAddress != null) {
            // found while parsing an address: no server was contacted
            String ref = badAddress.getRef() == null ? "" : r.redact(badAddress.getRef());
            return Finding.transport(SmtpStage.UNKNOWN, Category.UNKNOWN, Confidence.SIGNATURE, Finding.LOCAL + "invalid-address",
                    ref.isBlank() ? null : "address.invalid", ref.isBlank() ? Map.of() : Map.of("address", ref));
        }
        if (links.has(SendFailedException.class) && ExceptionChain.message(links.top()).contains(NO_RECIPIENTS.text())) {
            return Finding.transport(SmtpStage.UNKNOWN, Category.UNKNOWN, Confidence.WEAK, Finding.LOCAL + "no-recipients",
                    "report.local.noRecipients", Map.of());
        }
        return null;
    }

    /** Whether Angus's address exception carries a refusal (4xx or 5xx) rather than a broken reply. */
    static boolean isFailureCode(SMTPAddressFailedException e) {
        return e.getReturnCode() >= 400 && e.getReturnCode() <= 599;
    }

    // a connection lost while Angus sent or waited: after the whole content it may have reached the server
    private static Finding lostWhileSending(ExceptionChain links, Attempt a) {
        return a.phase() == Attempt.Phase.AFTER_CONTENT ? afterContent(links.host(a)) : lost(Stages.ofPhase(a, SmtpStage.UNKNOWN));
    }

    /**
     * No reply to the end of the content (a timeout, a lost connection): most servers take the message at the final
     * dot and then answer, so it may have arrived (RFC 5321 6.1), and sending it again may deliver it twice.
     */
    private static Finding afterContent(@Nullable String host) {
        // without a server's name, the sentence's ".unnamed" form (ReportAssembler)
        return Finding.transport(SmtpStage.END_OF_DATA, Category.NETWORK_ERROR, Confidence.LIKELY, Finding.NO_REPLY_TO_CONTENT,
                "connection.noReplyToContent", Map.of("host", host == null ? "" : host));
    }

    // the first digits of a reply code and then end of stream ("25"): a reply cut short, not a server speaking another
    // protocol
    private static final Pattern CODE_CUT_SHORT = Pattern.compile("[0-9]{1,3}");
    // SocketFetcher's note in a connect failure's message: "Using web proxy host, port: 127.0.0.1, 3128"
    private static final Pattern PROXY = Pattern.compile("Using (?:web proxy|SOCKS) host, port: ([^,\\s]+), (\\d+)");

    /**
     * No whole reply to the final dot came back (end of stream, a reply cut short): a refusal the server had begun (the
     * first line of a 4xx or 5xx reply) is its verdict; anything else, a begun 250 among them, leaves it unknown whether
     * the server took the message.
     */
    private static Finding noWholeReplyToContent(@Nullable String message, Redactor r, String host) {
        String m = message == null ? "" : r.redact(message).strip();
        if (Replies.looksLikeReply(m)) {
            SmtpReply begun = Replies.read(m);
            if (begun.classDigit() == 4 || begun.classDigit() == 5) {
                return Finding.reply(SmtpStage.END_OF_DATA, begun);
            }
        }
        return afterContent(host);
    }

    private static Finding timeout(ExceptionChain links, Attempt a) {
        String host = links.host(a);
        if (a.phase() == Attempt.Phase.AFTER_CONTENT) {
            return afterContent(host);
        }
        boolean connecting = a.phase() == Attempt.Phase.CONNECT;
        return Finding.transport(connecting ? SmtpStage.CONNECT : SmtpStage.UNKNOWN,
                connecting ? Category.CONNECTION_FAILED : Category.NETWORK_ERROR, Confidence.LIKELY, "transport:read-timeout",
                "connection.timeout", Map.of("host", host));
    }

    /**
     * Angus read something that is not a reply code from 200 to 599. End of stream ("[EOF]", or
     * continuation lines cut off by it) is a lost connection; anything else (no code, binary junk,
     * 999, 099, 6xx) is a server that does not speak SMTP properly, and its text is kept as evidence.
     */
    private static Finding unexpectedReply(SmtpStage stage, @Nullable String message, Redactor r) {
        String m = message == null ? "" : message.strip();
        if (m.isEmpty() || m.equals("[EOF]")) {
            return lost(stage);
        }
        int lastLine = m.lastIndexOf('\n') + 1;
        if (m.length() - lastLine >= 4 && m.charAt(lastLine + 3) == '-') {
            // the last line announced more lines, then the stream ended
            return lost(stage);
        }
        return Finding.unexpected(stage, Replies.read(r.redact(message)));
    }

    private static Finding lost(SmtpStage stage) {
        return Finding.transport(stage, Category.NETWORK_ERROR, Confidence.LIKELY, "transport:connection-lost", "connection.lost", Map.of());
    }

    /**
     * The Session's proxy (web or SOCKS; Angus names it in the exception) refused the connection or did not answer:
     * the mail server was never contacted, so "the mail server refused the connection" would send the reader to
     * settings that are right (outside tester 64). Where the proxy answered and did not connect to the mail server
     * (Angus's "connection through proxy … failed" with the proxy's HTTP status, a SOCKS server's own error), either
     * side may be at fault: a connect failure without a sentence that blames one (outside tester 66). Null without a
     * proxy.
     */
    private static @Nullable Finding unreachableProxy(ExceptionChain links) {
        Matcher named = PROXY.matcher(links.messages());
        if (!named.find()) {
            return null;
        }
        // the proxy's own refusal is a plain "Connection refused" (ConnectException for a web proxy, SocketException
        // for SOCKS) or a connect timeout; Angus words a web proxy's failure to reach the server, the JDK a SOCKS one's
        Throwable failed = links.firstMatching(t -> t instanceof java.net.SocketException);
        String why = failed == null ? "" : ExceptionChain.message(failed);
        boolean proxyDown = failed == null ? links.has(SocketTimeoutException.class)
                : !why.startsWith("connection through proxy") && !why.contains("SOCKS");
        if (!proxyDown) {
            return Finding.transport(SmtpStage.CONNECT, Category.CONNECTION_FAILED, Confidence.LIKELY, "transport:proxy-failed", null, Map.of());
        }
        return Finding.transport(SmtpStage.CONNECT, Category.CONNECTION_FAILED, Confidence.SIGNATURE, "transport:proxy-unreachable",
                "connection.proxy", Map.of("proxy", named.group(1) + ":" + named.group(2)));
    }

    /** TLS handshake, certificate and host-name failures, for implicit TLS and after STARTTLS. */
    private static @Nullable Finding tls(ExceptionChain links, Attempt a) {
        Throwable ssl = links.firstMatching(t -> t instanceof SSLException || t instanceof CertificateException
                || t instanceof CertPathValidatorException || t instanceof CertPathBuilderException
                || t instanceof IOException && (ExceptionChain.message(t).startsWith("Unable to check server identity")
                || ExceptionChain.message(t).startsWith("Server is not trusted")));
        MessagingException convert = links.with(CONVERT_TO_TLS);
        if (ssl == null && convert == null) {
            return null;
        }
        if (ssl == null && links.has(SocketTimeoutException.class)) {
            // STARTTLS accepted, then no answer to the handshake: a silent server, as on the implicit-TLS port, not a
            // disagreement about the encryption (outside tester 64)
            return null;
        }
        boolean handshake = convert != null || ssl instanceof SSLHandshakeException || ssl instanceof SSLPeerUnverifiedException
                || !(ssl instanceof SSLException);
        if ((a.phase() == Attempt.Phase.SEND || a.phase() == Attempt.Phase.AFTER_CONTENT) && !handshake) {
            // a TLS record error mid-session is a broken connection, not a handshake problem
            return null;
        }
        TlsReason reason = tlsReason(links);
        return Finding.transport(SmtpStage.TLS, Category.TLS_HANDSHAKE_FAILED, Confidence.SIGNATURE, reason.evidenceId(), "tls.failed",
                Map.of("host", links.host(a), "reason", new CatalogText(reason.catalogKey())));
    }

    /** The reason the chain names (the exception's own words stay in the technical details). */
    private static TlsReason tlsReason(ExceptionChain links) {
        String lower = TransportSignatures.lower(links.messages());
        for (TlsReason reason : TransportSignatures.TLS_REASONS) {
            if (reason.namedIn(links, lower)) {
                return reason;
            }
        }
        return TransportSignatures.TLS_HANDSHAKE;
    }
}
