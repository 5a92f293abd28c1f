package dev.smtpexplain.core;

import dev.smtpexplain.core.internal.CodeTable;
import java.util.Objects;
import java.util.Optional;

/**
 * What a failure reply means: its category, whether it is permanent, whether to retry, who acts, how
 * sure the diagnosis is, and the evidence. Immutable, with value semantics.
 *
 * <p>A class rather than a record, so that a component can be added without breaking callers: build one
 * with {@link #of(SmtpReply, Category, double, Evidence)}, which derives the permanence, the retry
 * advice, who acts and the code meanings the standard way.
 */
public final class Diagnosis {

    private final SmtpReply reply;
    private final Category category;
    private final Permanence permanence;
    private final RetryAdvice retry;
    private final Actor actor;
    private final double confidence;
    private final Evidence evidence;

    private Diagnosis(SmtpReply reply, Category category, Permanence permanence, RetryAdvice retry, Actor actor,
                      double confidence, Evidence evidence) {
        this.reply = reply;
        this.category = category;
        this.permanence = permanence;
        this.retry = retry;
        this.actor = actor;
        this.confidence = confidence;
        this.evidence = evidence;
    }

    /**
     * A diagnosis of {@code reply} as {@code category}, with permanence, retry advice, who acts and the
     * code meanings derived the standard way. Used by the rule engine and by callers that know the
     * category from elsewhere (a refused connection, a TLS failure).
     *
     * @param reply the reply that was diagnosed
     * @param category the failure category
     * @param confidence how sure the diagnosis is, 0–1 (see {@link #confidence()})
     * @param evidence what decided the category
     * @return the diagnosis
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code confidence} is not within 0–1
     */
    public static Diagnosis of(SmtpReply reply, Category category, double confidence, Evidence evidence) {
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(evidence, "evidence");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
        Permanence permanence = switch (reply.classDigit()) {
            case 5 -> Permanence.PERMANENT;
            case 4 -> Permanence.TEMPORARY;
            default -> category.defaultPermanence();
        };
        RetryAdvice retry = retryAdvice(category.retryAdvice(), permanence);
        return new Diagnosis(reply, category, permanence, retry, category.actor(), confidence, evidence);
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

    /**
     * The reply that was diagnosed.
     *
     * @return the reply, as given to {@link #of}
     */
    public SmtpReply reply() {
        return reply;
    }

    /**
     * The failure category.
     *
     * @return the category
     */
    public Category category() {
        return category;
    }

    /**
     * Whether the failure is permanent: from the reply's class digit when known, else the category's default.
     *
     * @return the permanence
     */
    public Permanence permanence() {
        return permanence;
    }

    /**
     * Whether and when sending again helps: the category's advice, made to agree with the permanence
     * ({@link RetryAdvice#AUTOMATIC} for a message its sender still retries, see {@link #retriedBySender()}).
     *
     * @return the retry advice
     */
    public RetryAdvice retry() {
        return retry;
    }

    /**
     * Who must act first.
     *
     * @return the category's actor
     */
    public Actor actor() {
        return actor;
    }

    /**
     * How sure the diagnosis is, calibrated so that it reads as how often a diagnosis of this kind is
     * right (docs/confidence.md): 0.95 when a text rule and a specific enhanced status agree, 0.85 for a
     * text rule, 0.7 for a specific enhanced status, down to 0.3 for text with no code, no status and no
     * sign of mail software, and 0.1 when nothing was recognized.
     *
     * @return a number within 0–1
     */
    public double confidence() {
        return confidence;
    }

    /**
     * The rule and phrase that decided.
     *
     * @return the evidence
     */
    public Evidence evidence() {
        return evidence;
    }

    /**
     * The meaning of the basic code, looked up when asked (the code tables hold it; a diagnosis does not).
     *
     * @return the meaning; empty when the reply has no basic code
     */
    public Optional<CodeMeaning> codeMeaning() {
        return reply.code().map(CodeTable::meaningOf);
    }

    /**
     * The meaning of the enhanced status code. A status registered for replies to a login (X.7.8, X.7.9, X.7.11, X.7.12)
     * that a reply with another code borrows ("554 5.7.9 Message not accepted for policy reasons") means only its class
     * and subject here, as the diagnosis reads it: not "the login method is too weak".
     *
     * @return the meaning; empty when the reply has no enhanced status code
     */
    public Optional<CodeMeaning> statusMeaning() {
        return reply.status().map(s -> CodeTable.meaningOf(s, reply.code().orElse(null)));
    }

    /**
     * This diagnosis for a message that the sending system still holds and retries by itself, as a delivery
     * report's delayed recipient is: nobody needs to send it again, so the advice is
     * {@link RetryAdvice#AUTOMATIC}. A permanent failure keeps its advice (it is not retried), and so does a
     * diagnosis whose permanence is unknown (nothing says a retry will come).
     *
     * @return a diagnosis equal to this one but for its retry advice; this one when nothing changes
     */
    public Diagnosis retriedBySender() {
        if (permanence != Permanence.TEMPORARY || retry == RetryAdvice.AUTOMATIC) {
            return this;
        }
        return new Diagnosis(reply, category, permanence, RetryAdvice.AUTOMATIC, actor, confidence, evidence);
    }

    /**
     * This diagnosis for a message that nothing retries: an application's own send that failed (greylisting, too
     * many connections) is not queued anywhere, so "the mail system tries again by itself" would be wrong; the
     * advice becomes {@link RetryAdvice#LATER}, and the one to act the sender where it was nobody. Any other advice
     * is kept.
     *
     * @return a diagnosis equal to this one but for its retry advice and, where it was nobody, who acts; this one when
     *     nothing changes
     */
    public Diagnosis notRetriedBySender() {
        if (retry != RetryAdvice.AUTOMATIC || permanence != Permanence.TEMPORARY) {
            return this;
        }
        return new Diagnosis(reply, category, permanence, RetryAdvice.LATER, actor == Actor.NOBODY ? Actor.SENDER : actor, confidence,
                evidence);
    }

    /**
     * This diagnosis for a send whose whole content went out and whose reply never came (a timeout, a lost
     * connection after the final dot): most servers take the message at that moment, so it may have been delivered.
     * Whether sending again helps is then {@link RetryAdvice#UNCERTAIN}, and the sender acts first: they find out
     * whether it arrived before sending it again, which may deliver it twice.
     *
     * @return a diagnosis equal to this one but for its retry advice and who acts; this one when nothing changes
     */
    public Diagnosis deliveryUnconfirmed() {
        if (retry == RetryAdvice.UNCERTAIN && actor == Actor.SENDER) {
            return this;
        }
        return new Diagnosis(reply, category, permanence, RetryAdvice.UNCERTAIN, Actor.SENDER, confidence, evidence);
    }

    /**
     * This diagnosis for a failure found on the sender's side before any server saw the message (an address that
     * does not parse, a message without a recipient): nothing outside has to change, so sending again helps once it
     * is corrected. The advice becomes {@link RetryAdvice#AFTER_FIX} and the sender acts.
     *
     * @return a diagnosis equal to this one but for its retry advice and who acts; this one when nothing changes
     */
    public Diagnosis foundBeforeSending() {
        if (retry == RetryAdvice.AFTER_FIX && actor == Actor.SENDER) {
            return this;
        }
        return new Diagnosis(reply, category, permanence, RetryAdvice.AFTER_FIX, Actor.SENDER, confidence, evidence);
    }

    // who acts as the deciding rule's wording says (acts: in the rules language), in place of the category's
    Diagnosis actedOnBy(Actor who) {
        return who == actor ? this : new Diagnosis(reply, category, permanence, retry, who, confidence, evidence);
    }

    /**
     * This diagnosis for a reply from the sender's own outgoing server: one that answered the login, or listens on a
     * submission port (587, 465). Its internal error, full storage or policy is for the sender's email provider or IT
     * to deal with, not the recipient's: who acts becomes {@link Actor#SENDER_ADMIN} where it was
     * {@link Actor#RECIPIENT_ADMIN}. Everything else is kept.
     *
     * @return a diagnosis equal to this one but for who acts; this one when nothing changes
     */
    public Diagnosis fromSendersOwnServer() {
        return actor == Actor.RECIPIENT_ADMIN ? actedOnBy(Actor.SENDER_ADMIN) : this;
    }

    /**
     * Whether the failure is permanent: sending the same message again will fail again.
     *
     * @return whether {@link #permanence()} is {@link Permanence#PERMANENT}
     */
    public boolean isPermanent() {
        return permanence == Permanence.PERMANENT;
    }

    /**
     * Whether {@code o} is a diagnosis with equal components.
     *
     * @param o the object to compare with
     * @return whether every component is equal
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Diagnosis d
                && reply.equals(d.reply) && category == d.category && permanence == d.permanence && retry == d.retry
                && actor == d.actor && Double.compare(confidence, d.confidence) == 0 && evidence.equals(d.evidence);
    }

    /**
     * A hash code consistent with {@link #equals}.
     *
     * @return the hash code of the components
     */
    @Override
    public int hashCode() {
        return Objects.hash(reply, category, permanence, retry, actor, confidence, evidence);
    }

    /**
     * One line for logs: the category, permanence, retry advice, actor, confidence, evidence and the
     * reply (sanitized and capped by {@link SmtpReply#toString()}).
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "Diagnosis[" + category.id() + ", " + permanence.id() + ", retry " + retry.id() + ", acts " + actor.id()
                + ", confidence " + confidence + ", " + evidence.source() + " " + ServerText.sanitize(evidence.ruleId(), 100, false)
                + evidence.matchedPhrase().map(p -> " '" + ServerText.excerpt(p) + "'").orElse("") + ", " + reply + "]";
    }
}
