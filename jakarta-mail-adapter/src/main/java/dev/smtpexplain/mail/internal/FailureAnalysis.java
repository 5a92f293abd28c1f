package dev.smtpexplain.mail.internal;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.core.Evidence;
import dev.smtpexplain.core.ServerText;
import dev.smtpexplain.core.SmtpReply;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.Explanation;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.RecipientFailure;
import dev.smtpexplain.mail.SendFailureReport;
import dev.smtpexplain.mail.SendFailureReport.Outcome;
import dev.smtpexplain.mail.SmtpStage;
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
import java.security.cert.CertificateExpiredException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressSucceededException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Turns what Angus Mail 2.0 throws into a {@link SendFailureReport}. The rules follow
 * {@code shared/notes/jakarta-mail.md}: which exception each stage throws, which chain it builds, and
 * that {@code getMessage()} carries the server's reply verbatim. Immutable and thread-safe.
 */
public final class FailureAnalysis {

    private static final int MAX_LINKS = 64;
    private static final int DETAIL_MAX = 300;
    /** Evidence ids of failures found on this machine, before any server was contacted. */
    private static final String LOCAL = "local:";
    private static final SmtpReply NO_REPLY = SmtpReply.parseLenient("");
    private static final Pattern HOST_PORT = Pattern.compile("host: ([^,\\s]+), port: (-?\\d+)");
    private static final Pattern UNKNOWN_HOST = Pattern.compile("Unknown SMTP host: (\\S+)");

    private final Diagnoser diagnoser;
    private final Explainer explainer;

    public FailureAnalysis(Diagnoser diagnoser, Explainer explainer) {
        this.diagnoser = Objects.requireNonNull(diagnoser, "diagnoser");
        this.explainer = Objects.requireNonNull(explainer, "explainer");
    }

    public Diagnoser diagnoser() {
        return diagnoser;
    }

    public Explainer explainer() {
        return explainer;
    }

    /** Analyzes a send failure. Never throws: whatever goes wrong yields an {@code unknown} report. */
    public SendFailureReport analyze(MessagingException top, Locale locale, Attempt attempt) {
        Locale l = locale == null ? Locale.getDefault() : locale;
        Attempt a = attempt == null ? Attempt.unknown() : attempt;
        try {
            return analyzeOrThrow(top, l, a);
        } catch (RuntimeException | StackOverflowError e) {
            return fallback(top, l, a, e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // what failed

    /** The finding about the failure as a whole; recipients are collected separately. */
    private record Finding(SmtpStage stage, SmtpReply reply, Category category, double confidence, String evidenceId,
                           String detailKey, Map<String, Object> detailArgs, boolean delivered, boolean byRecipients) {

        static Finding reply(SmtpStage stage, SmtpReply reply) {
            return new Finding(stage, reply, null, 0, null, null, Map.of(), false, false);
        }

        static Finding transport(SmtpStage stage, Category category, double confidence, String evidenceId,
                                 String detailKey, Map<String, Object> detailArgs) {
            return new Finding(stage, null, category, confidence, evidenceId, detailKey, detailArgs, false, false);
        }

        /** A reply that is not SMTP: the category is fixed, the text is kept as evidence. */
        static Finding unexpected(SmtpStage stage, SmtpReply reply) {
            return new Finding(stage, reply, Category.PROTOCOL_ERROR, 0.7, "transport:unexpected-reply", null, Map.of(), false, false);
        }

        /** A greeting that is not SMTP: the wrong port, most likely; the text is kept as evidence. */
        static Finding notSmtp(SmtpReply reply, String host, String port) {
            return new Finding(SmtpStage.GREETING, reply, Category.PROTOCOL_ERROR, 0.8, "transport:not-smtp", "connection.notSmtp",
                    Map.of("host", host, "port", port), false, false);
        }

        static Finding recipients() {
            return new Finding(SmtpStage.RCPT_TO, null, null, 0, null, null, Map.of(), false, true);
        }

        static Finding delivered(SmtpReply reply) {
            return new Finding(SmtpStage.END_OF_DATA, reply, null, 0, null, null, Map.of(), true, false);
        }
    }

    /** A detail argument that is itself a catalog phrase, put into words in the report's locale. */
    private record CatalogText(String key) {
    }

    private Finding classify(List<Throwable> links, Attempt a) {
        Redactor r = a.redactor();
        SMTPSendFailedException send = first(links, SMTPSendFailedException.class);
        if (send != null) {
            SmtpStage stage = stageOfCommand(send.getCommand());
            int rc = send.getReturnCode();
            if (rc >= 200 && rc < 300) {
                // sendpartial / reportsuccess: the message went to the accepted recipients
                return Finding.delivered(Replies.read(r.redact(send.getMessage())));
            }
            if (rc < 200 || rc > 599) {
                // -1: EOF instead of a reply, or a line without a code; 999, 099, 6xx: not SMTP
                return unexpectedReply(stage, send.getMessage(), r);
            }
            return Finding.reply(stage, Replies.read(r.redact(send.getMessage())));
        }
        List<SMTPAddressFailedException> refused = all(links, SMTPAddressFailedException.class);
        if (!refused.isEmpty()) {
            if (refused.stream().anyMatch(FailureAnalysis::isFailureCode)) {
                return Finding.recipients();
            }
            // a bare SMTPAddressFailedException: -1 when the server hung up during RCPT or answered
            // without a code, else a code outside 2xx-5xx (Angus gives up on the whole transaction)
            return unexpectedReply(SmtpStage.RCPT_TO, refused.get(0).getMessage(), r);
        }
        Finding tls = tls(links, a);
        if (tls != null) {
            return tls;
        }
        AuthenticationFailedException auth = first(links, AuthenticationFailedException.class);
        if (auth != null) {
            String m = r.redact(auth.getMessage());
            if (Replies.looksLikeReply(m)) {
                return Finding.reply(SmtpStage.AUTH, Replies.read(m));
            }
            String id = m.contains("No authentication mechanisms") ? "transport:auth-no-common-mechanism"
                    : m.contains("no password") || m.contains("no user name") ? "transport:auth-missing-credentials"
                    : "transport:auth-failed";
            return Finding.transport(SmtpStage.AUTH, Category.AUTHENTICATION_FAILED, 0.8, id, null, Map.of());
        }
        // before MailConnectException: SocketFetcher wraps an UnknownHostException in it
        Throwable unknownHost = firstMatching(links, t -> t instanceof UnknownHostException
                || t instanceof MessagingException && message(t).startsWith("Unknown SMTP host"));
        if (unknownHost != null) {
            return Finding.transport(SmtpStage.CONNECT, Category.CONNECTION_FAILED, 0.9, "transport:unknown-host",
                    "connection.unknownHost", Map.of("host", unknownHostName(links, a)));
        }
        MailConnectException connect = first(links, MailConnectException.class);
        if (connect != null) {
            String host = connect.getHost() != null ? connect.getHost() : hostOf(links, a);
            if (has(links, SocketTimeoutException.class)) {
                return Finding.transport(SmtpStage.CONNECT, Category.CONNECTION_FAILED, 0.9, "transport:connect-timeout",
                        "connection.timeout", Map.of("host", host));
            }
            if (has(links, ConnectException.class)) {
                return Finding.transport(SmtpStage.CONNECT, Category.CONNECTION_FAILED, 0.9, "transport:connection-refused",
                        "connection.refused", Map.of("host", host, "port", String.valueOf(connect.getPort())));
            }
            return Finding.transport(SmtpStage.CONNECT, Category.CONNECTION_FAILED, 0.8, "transport:connect-failed",
                    null, Map.of());
        }
        MessagingException greeting = withMessage(links, "Got bad greeting");
        if (greeting != null) {
            String m = r.redact(greeting.getMessage());
            int at = m.indexOf("response: ");
            String response = at < 0 ? "" : m.substring(at + "response: ".length());
            if (Replies.looksLikeReply(response)) {
                return Finding.reply(SmtpStage.GREETING, Replies.read(response));
            }
            // no SMTP code at all (999, 099, text, binary): most often another service on that port
            Finding unexpected = unexpectedReply(SmtpStage.GREETING, response, r);
            return unexpected.category() == Category.PROTOCOL_ERROR
                    ? Finding.notSmtp(unexpected.reply(), hostOf(links, a), portOf(links, a)) : unexpected;
        }
        if (withMessage(links, "STARTTLS is required but host does not support") != null) {
            return Finding.transport(SmtpStage.STARTTLS, Category.TLS_HANDSHAKE_FAILED, 0.9, "transport:starttls-not-offered",
                    "tls.failed", Map.of("host", hostOf(links, a), "reason", new CatalogText("tls.reason.starttlsNotOffered")));
        }
        if (withMessage(links, "Exception reading response") != null) {
            return has(links, SocketTimeoutException.class) ? timeout(links, a) : lost(phaseStage(a, SmtpStage.UNKNOWN));
        }
        if (withMessage(links, "Can't send command to SMTP host") != null) {
            return lost(phaseStage(a, SmtpStage.UNKNOWN));
        }
        MessagingException io = withMessage(links, "IOException while sending message");
        if (io != null) {
            // BDAT puts the server's reply into the IOException's message
            Throwable cause = io.getNextException();
            String m = cause == null ? "" : r.redact(cause.getMessage());
            return Replies.looksLikeReply(m) ? Finding.reply(SmtpStage.DATA, Replies.read(m)) : lost(SmtpStage.DATA);
        }
        if (withMessage(links, "Could not connect to SMTP host") != null || withMessage(links, "Could not start protocol") != null) {
            if (has(links, SocketTimeoutException.class)) {
                return timeout(links, a.withPhase(Attempt.Phase.CONNECT));
            }
            return Finding.transport(SmtpStage.CONNECT, Category.CONNECTION_FAILED, 0.8, "transport:connect-failed", null, Map.of());
        }
        if (firstMatching(links, t -> t instanceof MessagingException && message(t).strip().equals("[EOF]")) != null) {
            // issueCommand read end of stream instead of a reply: the server hung up (e.g. after EHLO)
            return lost(phaseStage(a, SmtpStage.UNKNOWN));
        }
        Throwable replying = firstMatching(links, t -> t instanceof MessagingException && Replies.looksLikeReply(message(t)));
        if (replying != null) {
            // issueCommand: HELO or STARTTLS refused; nothing in the exception says which
            SmtpReply reply = Replies.read(r.redact(replying.getMessage()));
            if (a.phase() == Attempt.Phase.SEND) {
                return Finding.reply(SmtpStage.UNKNOWN, reply);
            }
            // 454 is STARTTLS's refusal code; a HELO refusal rarely mentions TLS
            boolean is454 = reply.code().map(c -> c.value() == 454).orElse(false);
            boolean starttls = reply.text().toLowerCase(Locale.ROOT).contains("tls")
                    || is454 && (a.startTls() || a.phase() == Attempt.Phase.UNKNOWN);
            return Finding.reply(starttls ? SmtpStage.STARTTLS : SmtpStage.EHLO, reply);
        }
        if (has(links, SocketTimeoutException.class)) {
            return timeout(links, a);
        }
        if (has(links, SocketException.class) || has(links, EOFException.class)) {
            return lost(phaseStage(a, SmtpStage.UNKNOWN));
        }
        AddressException badAddress = first(links, AddressException.class);
        if (badAddress != null) {
            // found while parsing an address: no server was contacted
            String ref = badAddress.getRef() == null ? "" : r.redact(badAddress.getRef());
            return Finding.transport(SmtpStage.UNKNOWN, Category.UNKNOWN, 0.9, LOCAL + "invalid-address",
                    ref.isBlank() ? null : "address.invalid", ref.isBlank() ? Map.of() : Map.of("address", ref));
        }
        if (first(links, SendFailedException.class) != null && message(links.get(0)).contains("No recipient addresses")) {
            return Finding.transport(SmtpStage.UNKNOWN, Category.UNKNOWN, 0.3, "transport:no-recipients", null, Map.of());
        }
        return null;
    }

    private static boolean isFailureCode(SMTPAddressFailedException e) {
        return e.getReturnCode() >= 400 && e.getReturnCode() <= 599;
    }

    private Finding timeout(List<Throwable> links, Attempt a) {
        String host = hostOf(links, a);
        boolean connecting = a.phase() == Attempt.Phase.CONNECT;
        Map<String, Object> args = host.isEmpty() ? Map.of() : Map.of("host", host);
        return Finding.transport(connecting ? SmtpStage.CONNECT : SmtpStage.UNKNOWN,
                connecting ? Category.CONNECTION_FAILED : Category.NETWORK_ERROR, 0.8, "transport:read-timeout",
                host.isEmpty() ? null : "connection.timeout", args);
    }

    /**
     * Angus read something that is not a reply code from 200 to 599. End of stream ("[EOF]", or
     * continuation lines cut off by it) is a lost connection; anything else (no code, binary junk,
     * 999, 099, 6xx) is a server that does not speak SMTP properly, and its text is kept as evidence.
     */
    private static Finding unexpectedReply(SmtpStage stage, String message, Redactor r) {
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
        return Finding.transport(stage, Category.NETWORK_ERROR, 0.8, "transport:connection-lost", "connection.lost", Map.of());
    }

    /** During connect() an exception without a stage still happened while connecting. */
    private static SmtpStage phaseStage(Attempt a, SmtpStage otherwise) {
        return a.phase() == Attempt.Phase.CONNECT ? SmtpStage.CONNECT : otherwise;
    }

    /** TLS handshake, certificate and host-name failures, for implicit TLS and after STARTTLS. */
    private Finding tls(List<Throwable> links, Attempt a) {
        Throwable ssl = firstMatching(links, t -> t instanceof SSLException || t instanceof CertificateException
                || t instanceof CertPathValidatorException || t instanceof CertPathBuilderException
                || t instanceof IOException && (message(t).startsWith("Unable to check server identity")
                || message(t).startsWith("Server is not trusted")));
        MessagingException convert = withMessage(links, "Could not convert socket to TLS");
        if (ssl == null && convert == null) {
            return null;
        }
        boolean handshake = convert != null || ssl instanceof SSLHandshakeException || ssl instanceof SSLPeerUnverifiedException
                || !(ssl instanceof SSLException);
        if (a.phase() == Attempt.Phase.SEND && !handshake) {
            // a TLS record error mid-session is a broken connection, not a handshake problem
            return null;
        }
        String[] reason = tlsReason(links);
        return Finding.transport(SmtpStage.TLS, Category.TLS_HANDSHAKE_FAILED, 0.9, reason[0], "tls.failed",
                Map.of("host", hostOf(links, a), "reason", new CatalogText(reason[1])));
    }

    /** The evidence id and the catalog key of the reason (the exception's own words stay in the technical details). */
    private static String[] tlsReason(List<Throwable> links) {
        String all = String.join(" | ", links.stream().map(FailureAnalysis::message).toList());
        String lower = all.toLowerCase(Locale.ROOT);
        if (lower.contains("no subject alternative") || lower.contains("no name matching")
                || lower.contains("server identity does not match") || lower.contains("unable to check server identity")) {
            return new String[] {"transport:tls-hostname", "tls.reason.hostname"};
        }
        if (has(links, CertificateExpiredException.class) || lower.contains("certificate expired") || lower.contains("validity check failed")) {
            return new String[] {"transport:tls-certificate-expired", "tls.reason.expired"};
        }
        if (has(links, CertPathBuilderException.class) || has(links, CertPathValidatorException.class) || lower.contains("pkix")
                || lower.contains("certification path") || lower.contains("server is not trusted") || lower.contains("certificate_unknown")) {
            return new String[] {"transport:tls-certificate", "tls.reason.untrusted"};
        }
        if (lower.contains("unrecognized ssl message") || lower.contains("plaintext connection")) {
            return new String[] {"transport:tls-not-tls", "tls.reason.notTls"};
        }
        if (lower.contains("protocol_version") || lower.contains("no appropriate protocol") || lower.contains("handshake_failure")) {
            return new String[] {"transport:tls-protocol", "tls.reason.protocol"};
        }
        return new String[] {"transport:tls-handshake", "tls.reason.handshake"};
    }

    static SmtpStage stageOfCommand(String command) {
        if (command == null) {
            return SmtpStage.UNKNOWN;
        }
        String c = command.strip().toUpperCase(Locale.ROOT);
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

    // ---------------------------------------------------------------------------------------------
    // the report

    private SendFailureReport analyzeOrThrow(MessagingException top, Locale locale, Attempt a) {
        List<Throwable> links = chain(top);
        List<Throwable> suppressed = suppressed(links);
        Finding f = top == null
                ? Finding.transport(SmtpStage.UNKNOWN, Category.UNKNOWN, 0.1, LOCAL + "no-exception", null, Map.of())
                : classify(links, a);
        if (f == null && !suppressed.isEmpty()) {
            // the primary chain says nothing: a close failure added with addSuppressed may
            f = classify(suppressed, a);
        }
        if (f == null) {
            f = Finding.transport(phaseStage(a, SmtpStage.UNKNOWN), Category.UNKNOWN, 0.1, "transport:unrecognized", null, Map.of());
        }
        Redactor r = a.redactor();
        LocalizedMessages messages = explainer.messages(locale);

        // address lists: the exception's arrays, else the event's
        SendFailedException arrays = firstMatching(links, t -> t instanceof SendFailedException s
                && (s.getValidSentAddresses() != null || s.getValidUnsentAddresses() != null || s.getInvalidAddresses() != null)) instanceof SendFailedException s ? s : null;
        List<String> sent = arrays != null ? orEmpty(Attempt.addresses(arrays.getValidSentAddresses()))
                : a.event() != null ? orEmpty(a.event().sent()) : List.of();
        List<String> invalid = arrays != null ? orEmpty(Attempt.addresses(arrays.getInvalidAddresses()))
                : a.event() != null ? orEmpty(a.event().invalid()) : List.of();
        List<String> unsent = arrays != null ? orEmpty(Attempt.addresses(arrays.getValidUnsentAddresses()))
                : a.event() != null ? orEmpty(a.event().unsent()) : List.of();

        Set<String> universe = new LinkedHashSet<>(a.recipients());
        universe.addAll(sent);
        universe.addAll(unsent);
        universe.addAll(invalid);

        // one entry per recipient the server refused at RCPT
        Map<String, RecipientFailure> failures = new LinkedHashMap<>();
        for (SMTPAddressFailedException e : all(links, SMTPAddressFailedException.class)) {
            if (!isFailureCode(e) || e.getAddress() == null) {
                continue;
            }
            String address = Attempt.address(e.getAddress());
            universe.add(address);
            SmtpReply reply = Replies.read(r.redact(e.getMessage()));
            Diagnosis d = Replies.diagnose(diagnoser, reply, SmtpStage.RCPT_TO);
            RecipientFailure.Kind kind = switch (reply.classDigit()) {
                case 5 -> RecipientFailure.Kind.REJECTED;
                case 4 -> RecipientFailure.Kind.DEFERRED;
                default -> invalid.contains(address) ? RecipientFailure.Kind.REJECTED : RecipientFailure.Kind.DEFERRED;
            };
            failures.putIfAbsent(address, new RecipientFailure(address, reply, d, explainer.explain(d, locale), kind));
        }
        Set<String> accepted = new LinkedHashSet<>();
        if (f.delivered()) {
            accepted.addAll(sent);
            for (SMTPAddressSucceededException e : all(links, SMTPAddressSucceededException.class)) {
                if (e.getAddress() != null) {
                    accepted.add(Attempt.address(e.getAddress()));
                }
            }
            accepted.removeAll(failures.keySet());
        }

        SmtpStage stage = f.stage();
        Diagnosis overall;
        if (f.delivered() && !failures.isEmpty()) {
            stage = SmtpStage.RCPT_TO;
            overall = representative(failures.values()).diagnosis();
        } else if (f.byRecipients()) {
            overall = failures.isEmpty()
                    ? Diagnosis.of(NO_REPLY, Category.UNKNOWN, 0.1, new Evidence(Evidence.Source.NONE, "none", ""))
                    : representative(failures.values()).diagnosis();
        } else if (f.reply() != null && f.category() != null) {
            overall = Diagnosis.of(f.reply(), f.category(), f.confidence(), new Evidence(Evidence.Source.TRANSPORT, f.evidenceId(), ""));
        } else if (f.reply() != null) {
            overall = Replies.diagnose(diagnoser, f.reply(), stage);
        } else {
            overall = Diagnosis.of(NO_REPLY, f.category(), f.confidence(), new Evidence(Evidence.Source.TRANSPORT, f.evidenceId(), ""));
        }
        Explanation explanation = explainer.explain(overall, locale);
        if (f.evidenceId() != null && f.evidenceId().startsWith(LOCAL)) {
            explanation = notSentToAnyServer(explanation, messages);
        }

        // a refusal of the message itself applies to every recipient it was addressed to
        if (!f.delivered() && f.reply() != null && f.category() == null && (stage == SmtpStage.DATA || stage == SmtpStage.END_OF_DATA)
                && f.reply().classDigit() >= 4) {
            RecipientFailure.Kind kind = f.reply().classDigit() == 5 ? RecipientFailure.Kind.REJECTED : RecipientFailure.Kind.DEFERRED;
            for (String address : universe) {
                if (!failures.containsKey(address) && !accepted.contains(address)) {
                    failures.put(address, new RecipientFailure(address, f.reply(), overall, explanation, kind));
                }
            }
        }
        Outcome outcome = !f.delivered() || accepted.isEmpty() ? Outcome.FAILED
                : failures.isEmpty() ? Outcome.DELIVERED : Outcome.PARTIALLY_DELIVERED;

        List<String> notTried = new ArrayList<>();
        for (String address : universe) {
            if (!failures.containsKey(address) && !accepted.contains(address)) {
                notTried.add(address);
            }
        }
        String detail = detail(messages, f);
        List<RecipientFailure> failureList = List.copyOf(failures.values());
        List<String> acceptedList = List.copyOf(accepted);
        String summary = ReportText.summary(messages, outcome, stage, explanation, detail, failureList, acceptedList, notTried);
        return new SendFailureReport(outcome, stage, overall, explanation, detail, failureList, acceptedList, notTried,
                messages.locale(), summary, technicalDetails(links, suppressed, arrays, r), Optional.ofNullable(top));
    }

    /** The explanation of a failure found before any server was contacted: it must not say a server reported it. */
    private static Explanation notSentToAnyServer(Explanation e, LocalizedMessages m) {
        return new Explanation(e.languageTag(), m.get("report.local.title"), m.get("report.local.summary"), e.advice(), e.contact(),
                e.whoActs(), e.retry(), e.permanence(), e.confidence(), e.codeMeaning(), e.statusMeaning(), e.serverText(), e.diagnosis());
    }

    /** The failure that speaks for all: a 421 ended the session, else the first in RCPT order. */
    private static RecipientFailure representative(Collection<RecipientFailure> failures) {
        for (RecipientFailure f : failures) {
            if (f.reply().code().map(c -> c.value() == 421).orElse(false)) {
                return f;
            }
        }
        return failures.iterator().next();
    }

    private static String detail(LocalizedMessages messages, Finding f) {
        if (f.detailKey() == null) {
            return "";
        }
        Map<String, Object> args = new LinkedHashMap<>();
        f.detailArgs().forEach((k, v) -> args.put(k, v instanceof String s ? ServerText.sanitize(s, DETAIL_MAX, false)
                : v instanceof CatalogText t ? messages.get(t.key()) : v));
        if (args.containsKey("host") && args.get("host").toString().isEmpty()) {
            return "";
        }
        return messages.format(f.detailKey(), args);
    }

    /** A report from a TransportEvent alone: its addresses, no reply, no cause. */
    public SendFailureReport fromEvent(boolean partiallyDelivered, Attempt.EventAddresses event, Locale locale, Attempt a) {
        Locale l = locale == null ? Locale.getDefault() : locale;
        LocalizedMessages messages = explainer.messages(l);
        Diagnosis d = Diagnosis.of(NO_REPLY, Category.UNKNOWN, 0.1,
                new Evidence(Evidence.Source.TRANSPORT, "transport:event-without-exception", ""));
        Explanation e = explainer.explain(d, l);
        List<String> sent = partiallyDelivered ? orEmpty(event.sent()) : List.of();
        List<RecipientFailure> failures = new ArrayList<>();
        for (String address : orEmpty(event.invalid())) {
            failures.add(new RecipientFailure(address, NO_REPLY, d, e, RecipientFailure.Kind.REJECTED));
        }
        Set<String> notTried = new LinkedHashSet<>(a.recipients());
        notTried.addAll(orEmpty(event.unsent()));
        if (!partiallyDelivered) {
            notTried.addAll(orEmpty(event.sent()));
        }
        notTried.removeAll(sent);
        notTried.removeAll(orEmpty(event.invalid()));
        Outcome outcome = partiallyDelivered && !sent.isEmpty() ? Outcome.PARTIALLY_DELIVERED : Outcome.FAILED;
        List<String> notTriedList = List.copyOf(notTried);
        String summary = ReportText.summary(messages, outcome, SmtpStage.UNKNOWN, e, "", failures, sent, notTriedList);
        return new SendFailureReport(outcome, SmtpStage.UNKNOWN, d, e, "", failures, sent, notTriedList, messages.locale(),
                summary, "TransportEvent " + (partiallyDelivered ? "PARTIALLY_DELIVERED" : "NOT_DELIVERED")
                + " without an exception", Optional.empty());
    }

    private SendFailureReport fallback(MessagingException top, Locale locale, Attempt a, Throwable failure) {
        Diagnosis d = Diagnosis.of(NO_REPLY, Category.UNKNOWN, 0.1, new Evidence(Evidence.Source.NONE, "none", ""));
        Explanation e = explainer.explain(d, locale);
        LocalizedMessages messages = explainer.messages(locale);
        String summary = ReportText.summary(messages, Outcome.FAILED, SmtpStage.UNKNOWN, e, "", List.of(), List.of(), a.recipients());
        String details = "analysis failed with " + failure.getClass().getName() + "; exception: "
                + (top == null ? "none" : top.getClass().getName() + ": " + ServerText.sanitize(a.redactor().redact(top.getMessage()), DETAIL_MAX, false));
        return new SendFailureReport(Outcome.FAILED, SmtpStage.UNKNOWN, d, e, "", List.of(), List.of(), a.recipients(),
                messages.locale(), summary, details, Optional.ofNullable(top));
    }

    // ---------------------------------------------------------------------------------------------
    // the chain

    /** The primary chain: next exceptions for MessagingException (a linked list), causes otherwise. */
    static List<Throwable> chain(Throwable top) {
        List<Throwable> out = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = top; t != null && out.size() < MAX_LINKS && seen.add(t); t = next(t)) {
            out.add(t);
        }
        return out;
    }

    private static Throwable next(Throwable t) {
        // MessagingException.getCause() is its next exception; initCause is blocked there
        return t instanceof MessagingException me ? me.getNextException() : t.getCause();
    }

    /** Suppressed exceptions of the primary chain (close failures), each with its own chain. */
    private static List<Throwable> suppressed(List<Throwable> links) {
        List<Throwable> out = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(links);
        for (Throwable t : links) {
            for (Throwable s : t.getSuppressed()) {
                for (Throwable x : chain(s)) {
                    if (out.size() < MAX_LINKS && seen.add(x)) {
                        out.add(x);
                    }
                }
            }
        }
        return out;
    }

    private static String technicalDetails(List<Throwable> links, List<Throwable> suppressed, SendFailedException arrays, Redactor r) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t : links) {
            describe(sb, t, r, sb.isEmpty() ? "" : "  caused by ");
        }
        for (Throwable t : suppressed) {
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
                .append(ServerText.sanitize(Replies.recoverUtf8(r.redact(t.getMessage())), DETAIL_MAX, false));
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

    private static String message(Throwable t) {
        String m = t == null ? null : t.getMessage();
        return m == null ? "" : m;
    }

    private static <T> T first(List<Throwable> links, Class<T> type) {
        for (Throwable t : links) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static <T> List<T> all(List<Throwable> links, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Throwable t : links) {
            if (type.isInstance(t)) {
                out.add(type.cast(t));
            }
        }
        return out;
    }

    private static boolean has(List<Throwable> links, Class<? extends Throwable> type) {
        return first(links, type) != null;
    }

    private static Throwable firstMatching(List<Throwable> links, Predicate<Throwable> p) {
        for (Throwable t : links) {
            if (p.test(t)) {
                return t;
            }
        }
        return null;
    }

    private static MessagingException withMessage(List<Throwable> links, String prefix) {
        return (MessagingException) firstMatching(links, t -> t instanceof MessagingException && message(t).startsWith(prefix));
    }

    /** The server's host: from the exception when it names one, else from the caller. */
    private static String hostOf(List<Throwable> links, Attempt a) {
        MailConnectException mce = first(links, MailConnectException.class);
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
    private static String portOf(List<Throwable> links, Attempt a) {
        for (Throwable t : links) {
            Matcher m = HOST_PORT.matcher(message(t));
            if (m.find()) {
                return m.group(2);
            }
        }
        return a.port() > 0 ? Integer.toString(a.port()) : "";
    }

    private static String unknownHostName(List<Throwable> links, Attempt a) {
        for (Throwable t : links) {
            Matcher m = UNKNOWN_HOST.matcher(message(t));
            if (m.find()) {
                return m.group(1);
            }
        }
        Throwable u = first(links, UnknownHostException.class);
        if (u != null && !message(u).isBlank()) {
            String m = message(u);
            int colon = m.indexOf(':');
            return colon > 0 ? m.substring(0, colon) : m;
        }
        return a.host() == null ? "" : a.host();
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }
}
