package dev.smtpexplain.spring;

import dev.smtpexplain.core.Permanence;
import dev.smtpexplain.mail.RecipientFailure;
import dev.smtpexplain.mail.SendFailureReport;
import dev.smtpexplain.mail.SendFailureReport.Outcome;
import dev.smtpexplain.spring.internal.MessageFailures;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Turns a {@link SendFailureReport} into an RFC 9457 {@link ProblemDetail}. Immutable and thread-safe.
 *
 * <ul>
 *   <li>{@code type}: the prefix followed by the category id, e.g. {@code urn:smtp-explain:category:recipient-unknown}</li>
 *   <li>{@code title}, {@code detail}: the report's localized title and what happened</li>
 *   <li>{@code status}: see {@link #statusOf(SendFailureReport)}</li>
 *   <li>properties: {@code category}, {@code stage}, {@code outcome}, {@code permanent}, {@code retry} and
 *       {@code acts} (ids, as the CLI's JSON gives them: {@code later}, {@code sender}), {@code retryText} and
 *       {@code whoActs} (the same in the reader's language), {@code advice} (a list), {@code lang}, {@code recipients} (one object per refused,
 *       accepted, untried or unconfirmed recipient: {@code address}, {@code result}
 *       {@code rejected|deferred|accepted|not-attempted|unconfirmed},
 *       and for refusals {@code category}, {@code title}, {@code code}, {@code status}), and
 *       {@code serverReply} (sanitized) when no recipient was refused individually</li>
 * </ul>
 *
 * Every text in it was sanitized by the explainer and the adapter; JSON encoding is the web layer's.
 */
public final class MailProblemDetails {

    /** The default {@code type} prefix; the category id is appended. */
    public static final String DEFAULT_TYPE_PREFIX = "urn:smtp-explain:category:";

    private static final MailProblemDetails STANDARD = new MailProblemDetails(DEFAULT_TYPE_PREFIX);

    private final String typePrefix;

    /**
     * @param typePrefix put before the category id to make the {@code type} URI, e.g.
     *     {@code https://example.com/problems/mail/}
     * @throws IllegalArgumentException if prefix plus a category id is not a URI
     */
    public MailProblemDetails(String typePrefix) {
        Objects.requireNonNull(typePrefix, "typePrefix");
        URI.create(typePrefix + "unknown");
        this.typePrefix = typePrefix;
    }

    /** {@return the shared instance with types under {@link #DEFAULT_TYPE_PREFIX}} */
    public static MailProblemDetails standard() {
        return STANDARD;
    }

    /**
     * Builds the problem for {@code report}, with the status {@link #statusOf(SendFailureReport)} gives.
     *
     * @param report the report
     * @return a new, mutable problem; the application may add properties
     */
    public ProblemDetail from(SendFailureReport report) {
        return from(report, statusOf(report));
    }

    /**
     * Builds the problem for {@code report} with {@code status}.
     *
     * @param report the report
     * @param status the response's status
     * @return a new, mutable problem; the application may add properties
     */
    public ProblemDetail from(SendFailureReport report, HttpStatusCode status) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(status, "status");
        var explanation = report.explanation();
        ProblemDetail p = ProblemDetail.forStatus(status);
        p.setType(URI.create(typePrefix + report.category().id()));
        p.setTitle(explanation.title());
        // an unconfirmed send's summary says what its transport sentence says ("the answer never came"): once is enough
        p.setDetail(report.transportDetail().filter(detail -> report.outcome() != Outcome.UNCONFIRMED)
                .map(detail -> detail + " " + explanation.summary()).orElse(explanation.summary()));
        p.setProperty("category", report.category().id());
        p.setProperty("stage", report.stage().id());
        p.setProperty("outcome", report.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        p.setProperty("permanent", report.diagnosis().permanence() == Permanence.PERMANENT);
        // ids a client can branch on, beside the same in the reader's language
        p.setProperty("retry", report.diagnosis().retry().id());
        p.setProperty("acts", report.diagnosis().actor().id());
        p.setProperty("retryText", explanation.retryText());
        p.setProperty("whoActs", explanation.whoActsText());
        p.setProperty("advice", explanation.advice());
        p.setProperty("lang", explanation.languageTag());
        p.setProperty("recipients", recipients(report));
        if (report.recipientFailures().isEmpty()) {
            explanation.serverText().ifPresent(text -> p.setProperty("serverReply", text));
        }
        return p;
    }

    /**
     * 503 when sending again later should work (a temporary failure, or the connection to the server),
     * 500 when the application could not build the message or no server was contacted (no recipient, a malformed
     * address), 504 when the mail server never answered the whole
     * message (outcome {@code unconfirmed}: it may have arrived, so a client must not simply send it again), 502
     * otherwise: the mail server, a system behind this one, refused.
     *
     * @param report the report
     * @return 500, 502, 503 or 504
     */
    public static HttpStatus statusOf(SendFailureReport report) {
        if (MessageFailures.isMessageFailure(report)) {
            return HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (report.outcome() == Outcome.UNCONFIRMED) {
            return HttpStatus.GATEWAY_TIMEOUT;
        }
        if (report.diagnosis().permanence() == Permanence.TEMPORARY) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.BAD_GATEWAY;
    }

    private static List<Map<String, Object>> recipients(SendFailureReport report) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RecipientFailure f : report.recipientFailures()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("address", f.address());
            r.put("result", f.isRejected() ? "rejected" : "deferred");
            r.put("category", f.diagnosis().category().id());
            r.put("title", f.explanation().title());
            f.reply().code().ifPresent(c -> r.put("code", c.value()));
            f.reply().status().ifPresent(s -> r.put("status", s.toString()));
            out.add(r);
        }
        if (report.outcome() != Outcome.FAILED) {
            report.acceptedRecipients().forEach(a -> out.add(Map.of("address", a, "result", "accepted")));
        }
        report.notAttemptedRecipients().forEach(a -> out.add(Map.of("address", a, "result", "not-attempted")));
        report.unconfirmedRecipients().forEach(a -> out.add(Map.of("address", a, "result", "unconfirmed")));
        return out;
    }
}
