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
import dev.smtpexplain.mail.ReportLayout;
import dev.smtpexplain.mail.SendFailureReport;
import dev.smtpexplain.mail.SendFailureReport.Outcome;
import dev.smtpexplain.mail.SmtpStage;
import dev.smtpexplain.mail.internal.Finding.CatalogText;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Puts a report together: walks the chain ({@link ExceptionChain}), classifies it ({@link FailureClassifier}),
 * counts the recipients ({@link RecipientLedger}), decides the overall diagnosis, explains it in the
 * reader's language and writes the report's text ({@link ReportLayout#reportText}). Immutable and thread-safe.
 */
final class ReportAssembler {

    static final SmtpReply NO_REPLY = SmtpReply.parseLenient("");
    private static final int DETAIL_MAX = 300;

    private final Diagnoser diagnoser;
    private final Explainer explainer;

    ReportAssembler(Diagnoser diagnoser, Explainer explainer) {
        this.diagnoser = diagnoser;
        this.explainer = explainer;
    }

    /** Nothing is known: no reply, no evidence. */
    static Diagnosis nothingKnown() {
        return Diagnosis.of(NO_REPLY, Category.UNKNOWN, Confidence.NOTHING, new Evidence(Evidence.Source.NONE, "none"));
    }

    SendFailureReport assemble(@Nullable MessagingException top, Locale locale, Attempt attempt) {
        ExceptionChain links = ExceptionChain.of(top, attempt.recipients().size());
        // what the transport saw beyond the exception: the whole content sent, refusals at RCPT the exception lost
        SendProgress progress = SendProgress.in(links);
        Attempt a = progress == null ? attempt : progress.applyTo(attempt);
        ExceptionChain suppressed = links.suppressed();
        Finding f = top == null
                ? Finding.transport(SmtpStage.UNKNOWN, Category.UNKNOWN, Confidence.NOTHING, Finding.LOCAL + "no-exception", null, Map.of())
                : FailureClassifier.classify(links, a);
        if (f == null && !suppressed.isEmpty()) {
            // the primary chain says nothing: a close failure added with addSuppressed may
            f = FailureClassifier.classify(suppressed, a);
        }
        if (f == null) {
            f = Finding.transport(Stages.ofPhase(a, SmtpStage.UNKNOWN), Category.UNKNOWN, Confidence.NOTHING, "transport:unrecognized",
                    null, Map.of());
        }
        Redactor r = a.redactor();
        LocalizedMessages messages = explainer.messages(locale);
        SendFailedException arrays = links.addressArrays();
        RecipientLedger recipients = RecipientLedger.of(links, arrays, f, a, diagnoser, explainer, locale);

        SmtpStage stage = f.stage();
        Diagnosis overall;
        if (f.delivered() && recipients.hasFailures()) {
            stage = SmtpStage.RCPT_TO;
            overall = recipients.representative().diagnosis();
        } else if (f.byRecipients()) {
            overall = recipients.hasFailures() ? recipients.representative().diagnosis() : nothingKnown();
        } else if (f.reply() != null && f.category() != null) {
            overall = Diagnosis.of(f.reply(), f.category(), f.confidence(), new Evidence(Evidence.Source.TRANSPORT, f.evidenceId()));
        } else if (f.reply() != null) {
            overall = Replies.diagnose(diagnoser, f.reply(), stage);
        } else {
            overall = Diagnosis.of(NO_REPLY, f.category(), f.confidence(), new Evidence(Evidence.Source.TRANSPORT, f.evidenceId()));
        }
        if (a.sendersOwnServer(stage)) {
            // the sender's provider runs this server: its own fault or policy is theirs to deal with, not the recipient's
            overall = overall.fromSendersOwnServer();
        }
        if (f.unconfirmed()) {
            overall = overall.deliveryUnconfirmed();
        } else if (f.isLocal()) {
            overall = overall.foundBeforeSending();
        }
        Explanation explanation = explainer.explain(overall, locale);
        String firstStep = f.evidenceId() == null ? null : TransportSignatures.FIRST_STEP.get(f.evidenceId());
        if (firstStep != null && overall.evidence().ruleId().equals(f.evidenceId())) {
            explanation = withFirstStep(explanation, messages.get(firstStep));
        }
        if (f.isLocal()) {
            explanation = reworded(explanation, messages, "report.local", explanation.permanenceLabel());
        } else if (f.unconfirmed()) {
            // "Temporary failure" under "the server did not answer after the whole message": it may have arrived
            explanation = reworded(explanation, messages, "report.unconfirmed", messages.get("report.title.unconfirmed"));
        }
        SmtpReply reply = f.reply();
        if (!f.delivered() && reply != null && f.category() == null && (stage == SmtpStage.DATA || stage == SmtpStage.END_OF_DATA)
                && reply.classDigit() >= 4) {
            recipients.refuseForEveryoneElse(explanation);
        }
        Outcome outcome = f.unconfirmed() ? Outcome.UNCONFIRMED : recipients.outcome(f.delivered());
        String detail = detail(messages, f);
        List<RecipientFailure> failures = recipients.failures();
        List<String> accepted = recipients.accepted();
        // the recipients the server took at RCPT, then never answered the content for, may have it
        List<String> notTried = f.unconfirmed() ? List.of() : recipients.notTried();
        List<String> unconfirmed = f.unconfirmed() ? recipients.notTried() : List.of();
        String summary = new ReportLayout(messages).reportText(outcome, stage, explanation, detail, failures, accepted, notTried, unconfirmed);
        return SendFailureReport.of(outcome, stage, overall, explanation, Optional.of(detail).filter(d -> !d.isEmpty()), failures, accepted,
                notTried, unconfirmed, messages.locale(), summary, links.technicalDetails(suppressed, arrays, r), Optional.ofNullable(top));
    }

    /** The report when the analysis itself failed: unknown, with what failed in the technical details. */
    SendFailureReport fallback(@Nullable MessagingException top, Locale locale, Attempt a, Throwable failure) {
        Diagnosis d = nothingKnown();
        Explanation e = explainer.explain(d, locale);
        LocalizedMessages messages = explainer.messages(locale);
        String summary = new ReportLayout(messages).reportText(Outcome.FAILED, SmtpStage.UNKNOWN, e, "", List.of(), List.of(), a.recipients());
        String details = "analysis failed with " + failure.getClass().getName() + "; exception: "
                + (top == null ? "none" : top.getClass().getName() + ": " + ServerText.sanitize(a.redactor().redact(messageOf(top)), DETAIL_MAX, false));
        return SendFailureReport.of(Outcome.FAILED, SmtpStage.UNKNOWN, d, e, Optional.empty(), List.of(), List.of(), a.recipients(),
                messages.locale(), summary, details, Optional.ofNullable(top));
    }

    /** The exception's message for the details; the analysis may have failed because reading it throws. */
    private static String messageOf(MessagingException top) {
        return Untrusted.call(top::getMessage, "(no message: getMessage() returned null or failed)");
    }

    /**
     * The explanation in the catalog's words under {@code prefix} ({@code .title}, {@code .summary}, {@code .advice.1} …,
     * {@code .contact}, and {@code .retry} where the catalog has it), for a failure the category's own words would
     * misstate: one found before any server was contacted is no receiving server's verdict ({@code report.local}), and
     * "wait, then send again" after a send nobody confirmed would invite a second copy ({@code report.unconfirmed}). The
     * diagnosis, who acts, the code meanings and the server's text stay; the permanence label is {@code permanence}.
     */
    private static Explanation reworded(Explanation e, LocalizedMessages m, String prefix, String permanence) {
        List<String> advice = new ArrayList<>();
        for (int i = 1; m.has(prefix + ".advice." + i); i++) {
            advice.add(m.get(prefix + ".advice." + i));
        }
        String retry = m.has(prefix + ".retry") ? m.get(prefix + ".retry") : e.retryText();
        return Explanation.of(e.languageTag(), m.get(prefix + ".title"), m.get(prefix + ".summary"), advice, m.get(prefix + ".contact"),
                e.whoActsText(), retry, permanence, e.confidenceLabel(), e.codeMeaning(), e.statusMeaning(), e.serverText(),
                e.diagnosis());
    }

    /** {@code e} with {@code step} first among its advice, moved there when it is in the list. */
    private static Explanation withFirstStep(Explanation e, String step) {
        List<String> advice = new ArrayList<>(e.advice());
        advice.remove(step);
        advice.add(0, step);
        return Explanation.of(e.languageTag(), e.title(), e.summary(), advice, e.contact(), e.whoActsText(), e.retryText(),
                e.permanenceLabel(), e.confidenceLabel(), e.codeMeaning(), e.statusMeaning(), e.serverText(), e.diagnosis());
    }

    /** The transport sentence (connection refused, TLS failed …) in the reader's language, "" when there is none. */
    private static String detail(LocalizedMessages messages, Finding f) {
        if (f.detailKey() == null) {
            return "";
        }
        Map<String, Object> args = new LinkedHashMap<>();
        f.detailArgs().forEach((k, v) -> args.put(k, v instanceof String s ? ServerText.sanitize(s, DETAIL_MAX, false)
                : v instanceof CatalogText t ? messages.get(t.key()) : v));
        if (args.containsKey("host") && args.get("host").toString().isEmpty()) {
            // the exception named no server and the caller knew none: the sentence without it, where the catalog has one
            String unnamed = f.detailKey() + ".unnamed";
            if (!messages.has(unnamed)) {
                return "";
            }
            args.remove("host");
            return messages.format(unnamed, args);
        }
        return messages.format(f.detailKey(), args);
    }
}
