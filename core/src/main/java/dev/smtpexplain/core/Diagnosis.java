package dev.smtpexplain.core;

import dev.smtpexplain.core.internal.CodeTable;
import java.util.Objects;
import java.util.Optional;

/**
 * What a failure reply means: its category, whether it is permanent, whether to retry, who acts, how
 * sure the diagnosis is, and the evidence.
 *
 * @param reply the reply that was diagnosed
 * @param category the failure category
 * @param permanence from the reply's class digit when known, else the category's default
 * @param retry whether and when sending again helps
 * @param actor who must act first
 * @param confidence 0–1, calibrated so that it reads as how often a diagnosis of this kind is right
 *     (docs/confidence.md): 0.95 when a text rule and a specific enhanced status agree, 0.85 for a text
 *     rule, 0.8 for a specific enhanced status, down to 0.3 for text with no code, no status and no sign
 *     of mail software, and 0.1 when nothing was recognized
 * @param evidence the rule and phrase that decided
 * @param codeMeaning the meaning of the basic code, when the reply has one
 * @param statusMeaning the meaning of the enhanced status code, when the reply has one
 */
public record Diagnosis(
        SmtpReply reply,
        Category category,
        Permanence permanence,
        RetryAdvice retry,
        Actor actor,
        double confidence,
        Evidence evidence,
        Optional<CodeMeaning> codeMeaning,
        Optional<CodeMeaning> statusMeaning) {

    public Diagnosis {
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(permanence, "permanence");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(codeMeaning, "codeMeaning");
        Objects.requireNonNull(statusMeaning, "statusMeaning");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
    }

    /**
     * A diagnosis of {@code reply} as {@code category}, with permanence, retry advice, who acts and the
     * code meanings derived the standard way. Used by the rule engine and by callers that know the
     * category from elsewhere (a refused connection, a TLS failure).
     */
    public static Diagnosis of(SmtpReply reply, Category category, double confidence, Evidence evidence) {
        Permanence permanence = switch (reply.classDigit()) {
            case 5 -> Permanence.PERMANENT;
            case 4 -> Permanence.TEMPORARY;
            default -> category.defaultPermanence();
        };
        RetryAdvice retry = retryAdvice(category.retryAdvice(), permanence);
        return new Diagnosis(reply, category, permanence, retry, category.actor(), confidence, evidence,
                reply.code().map(CodeTable::meaningOf), reply.status().map(CodeTable::meaningOf));
    }

    /**
     * The category's advice, made to agree with the permanence: a temporary failure is worth a later
     * try; a permanent one is not, until something changes; and where nobody knows, the advice
     * promises nothing.
     */
    static RetryAdvice retryAdvice(RetryAdvice advice, Permanence permanence) {
        return switch (permanence) {
            case TEMPORARY -> advice == RetryAdvice.NEVER ? RetryAdvice.LATER : advice;
            case PERMANENT -> advice == RetryAdvice.LATER || advice == RetryAdvice.AUTOMATIC ? RetryAdvice.AFTER_FIX : advice;
            case UNDETERMINED -> advice == RetryAdvice.LATER || advice == RetryAdvice.AUTOMATIC ? RetryAdvice.UNCERTAIN : advice;
        };
    }

    /** Whether the failure is permanent: sending the same message again will fail again. */
    public boolean isPermanent() {
        return permanence == Permanence.PERMANENT;
    }
}
