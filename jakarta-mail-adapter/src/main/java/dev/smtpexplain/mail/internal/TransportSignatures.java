package dev.smtpexplain.mail.internal;

import jakarta.mail.MessagingException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What Angus Mail 2.0 writes into the exceptions it throws, as tables: the messages of the plain
 * {@code MessagingException}s that have no type of their own, the words of a failed login, and the words of
 * TLS failures with the reason each one names. Facts about Angus's wording (its {@code SMTPTransport}), kept
 * here so a new Angus release is checked against one file.
 */
final class TransportSignatures {

    private TransportSignatures() {
    }

    /** The start of a {@code MessagingException}'s message, and where Angus throws it. */
    enum Message {
        /** {@code openServer}: the greeting was not 220; the reply follows "response: ". */
        BAD_GREETING("Got bad greeting"),
        /** {@code protocolConnect} with {@code starttls.required}: EHLO did not offer STARTTLS. */
        STARTTLS_NOT_OFFERED("STARTTLS is required but host does not support"),
        /** {@code startTLS}: the TLS handshake after STARTTLS failed. */
        CONVERT_TO_TLS("Could not convert socket to TLS"),
        /** {@code readServerResponse}: the socket failed while reading a reply. */
        READING_RESPONSE("Exception reading response"),
        /** {@code sendCommand}: the socket failed while writing a command. */
        SENDING_COMMAND("Can't send command to SMTP host"),
        /** {@code sendMessage}: writing the content failed; with BDAT the server's reply is the cause's message. */
        SENDING_MESSAGE("IOException while sending message"),
        /** {@code openServer}: the connection could not be made or the greeting not read. */
        CONNECT_FAILED("Could not connect to SMTP host"),
        /** {@code protocolConnect}: the session could not begin. */
        PROTOCOL_NOT_STARTED("Could not start protocol"),
        /** {@code openServer}: the host name did not resolve; the name follows ": ". */
        UNKNOWN_HOST("Unknown SMTP host"),
        /** {@code issueCommand}: end of stream instead of a reply. */
        END_OF_STREAM("[EOF]"),
        /** {@code sendMessage} / {@code Transport.send}: nobody to send to. */
        NO_RECIPIENTS("No recipient addresses");

        private final String prefix;

        Message(String prefix) {
            this.prefix = prefix;
        }

        /** The text Angus writes. */
        String text() {
            return prefix;
        }

        /** Whether {@code t} is a {@code MessagingException} with this message ({@code [EOF]}: exactly, else at its start). */
        boolean matches(Throwable t) {
            if (!(t instanceof MessagingException)) {
                return false;
            }
            String m = ExceptionChain.message(t);
            return this == END_OF_STREAM ? m.strip().equals(prefix) : m.startsWith(prefix);
        }
    }

    /** The evidence id of an {@code AuthenticationFailedException} without a reply, from its message. */
    static String authenticationEvidence(String message) {
        if (message.contains("No authentication mechanisms")) {
            return "transport:auth-no-common-mechanism";
        }
        return message.contains("no password") || message.contains("no user name")
                ? "transport:auth-missing-credentials" : "transport:auth-failed";
    }

    /**
     * A TLS failure's reason: its evidence id, the catalog key of its words, the exception types and the
     * phrases (lower case) that name it.
     */
    record TlsReason(String evidenceId, String catalogKey, List<Class<? extends Throwable>> types, List<String> phrases) {

        boolean namedIn(ExceptionChain chain, String lowerCaseMessages) {
            return types.stream().anyMatch(chain::has) || phrases.stream().anyMatch(lowerCaseMessages::contains);
        }
    }

    /**
     * The reasons in the order they are tried; the first whose exception type is in the chain or whose
     * phrase is in its messages wins.
     */
    static final List<TlsReason> TLS_REASONS = List.of(
            new TlsReason("transport:tls-hostname", "tls.reason.hostname", List.of(), List.of("no subject alternative", "no name matching",
                    "server identity does not match", "unable to check server identity")),
            new TlsReason("transport:tls-certificate-expired", "tls.reason.expired", List.of(CertificateExpiredException.class),
                    List.of("certificate expired",
                    "validity check failed")),
            new TlsReason("transport:tls-certificate", "tls.reason.untrusted",
                    List.of(CertPathBuilderException.class, CertPathValidatorException.class), List.of("pkix", "certification path",
                    "server is not trusted", "certificate_unknown")),
            new TlsReason("transport:tls-not-tls", "tls.reason.notTls", List.of(), List.of("unrecognized ssl message", "plaintext connection")),
            // TLS 1.3's alert for a server that wants a client certificate (RFC 8446 6.2); TLS 1.2 has no alert of its own
            new TlsReason("transport:tls-client-certificate", "tls.reason.clientCertificate", List.of(), List.of("certificate_required")),
            new TlsReason("transport:tls-protocol", "tls.reason.protocol", List.of(), List.of("protocol_version", "no appropriate protocol",
                    "handshake_failure")));

    /**
     * The step to show first for a transport failure whose reason is known, as a catalog key: the TLS category's list
     * leads with the certificate's server name, which is beside the point for a clock, an old encryption version, a
     * server that does not speak TLS on that port or one that offers no STARTTLS, and the login category's with the
     * password, which was never sent where no login method is common to both sides (outside tester 64). Reasons not
     * listed keep the category's order.
     */
    static final Map<String, String> FIRST_STEP = Map.of(
            "transport:auth-no-common-mechanism", "category.authentication-failed.advice.4",
            "transport:tls-certificate-expired", "category.tls-handshake-failed.advice.2",
            "transport:tls-protocol", "category.tls-handshake-failed.advice.3",
            "transport:tls-not-tls", "category.connection-failed.advice.3",
            "transport:starttls-not-offered", "category.connection-failed.advice.3");

    /** When no phrase names the reason. */
    static final TlsReason TLS_HANDSHAKE = new TlsReason("transport:tls-handshake", "tls.reason.handshake", List.of(), List.of());

    /** Lower-cases for phrase matching. */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
