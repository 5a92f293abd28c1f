package dev.smtpexplain.mail;

import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.core.ServerText;
import dev.smtpexplain.core.SmtpReply;
import dev.smtpexplain.i18n.Explanation;
import java.util.Objects;

/**
 * One recipient the server refused, or deferred, with its own explanation (which holds the diagnosis,
 * which holds the reply). Immutable, with value semantics.
 *
 * <p>A class rather than a record, so that a component can be added without breaking callers.
 */
public final class RecipientFailure {

    private final String address;
    private final Kind kind;
    private final Explanation explanation;

    private RecipientFailure(String address, Kind kind, Explanation explanation) {
        this.address = address;
        this.kind = kind;
        this.explanation = explanation;
    }

    /**
     * A recipient's failure.
     *
     * @param address the recipient address (sanitized)
     * @param kind refused for good or for now
     * @param explanation the recipient's diagnosis in the report's locale; its reply is the server's
     *     reply for this recipient, credentials redacted
     * @return the failure
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code address} is empty, or {@code kind} contradicts the
     *     reply's class digit (a 5xx reply is {@link Kind#REJECTED}, a 4xx one {@link Kind#DEFERRED})
     */
    public static RecipientFailure of(String address, Kind kind, Explanation explanation) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(explanation, "explanation");
        if (address.isEmpty()) {
            throw new IllegalArgumentException("address is empty");
        }
        int cls = explanation.diagnosis().reply().classDigit();
        if (cls == 5 && kind != Kind.REJECTED || cls == 4 && kind != Kind.DEFERRED) {
            throw new IllegalArgumentException("a " + cls + "xx reply cannot make a " + kind + " recipient");
        }
        return new RecipientFailure(address, kind, explanation);
    }

    /** Whether the refusal is permanent (5xx) or temporary (4xx). */
    public enum Kind {
        /** A permanent refusal: sending to this address again will fail again until something changes. */
        REJECTED,
        /** A temporary refusal (4xx): the same message may go through later. */
        DEFERRED
    }

    /**
     * The recipient address.
     *
     * @return the address, sanitized
     */
    public String address() {
        return address;
    }

    /**
     * Whether the server refused this recipient for good or for now.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The recipient's diagnosis in the report's locale.
     *
     * @return the explanation
     */
    public Explanation explanation() {
        return explanation;
    }

    /**
     * The server's reply for this recipient: {@code explanation().diagnosis().reply()}.
     *
     * @return the reply, credentials redacted
     */
    public SmtpReply reply() {
        return explanation.diagnosis().reply();
    }

    /**
     * What the reply means: {@code explanation().diagnosis()}.
     *
     * @return the diagnosis
     */
    public Diagnosis diagnosis() {
        return explanation.diagnosis();
    }

    /**
     * Whether the server refused this recipient for good.
     *
     * @return whether {@link #kind()} is {@link Kind#REJECTED}
     */
    public boolean isRejected() {
        return kind == Kind.REJECTED;
    }

    /**
     * Whether {@code o} is a failure of the same address, kind and explanation.
     *
     * @param o the object to compare with
     * @return whether every component is equal
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof RecipientFailure f
                && address.equals(f.address) && kind == f.kind && explanation.equals(f.explanation);
    }

    /**
     * A hash code consistent with {@link #equals}.
     *
     * @return the hash code of the components
     */
    @Override
    public int hashCode() {
        return Objects.hash(address, kind, explanation);
    }

    /**
     * One line for logs: the address (sanitized), the kind, the category and the reply's codes.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        SmtpReply r = reply();
        return "RecipientFailure[" + ServerText.sanitize(address, 100, false) + ", " + kind + ", " + explanation.categoryId()
                + r.code().map(c -> ", " + c).orElse("") + r.status().map(s -> " " + s).orElse("") + "]";
    }
}
