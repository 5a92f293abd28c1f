package dev.smtpexplain.mail;

import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.core.SmtpReply;
import dev.smtpexplain.i18n.Explanation;
import java.util.Objects;

/**
 * One recipient the server refused, or deferred, with its own reply and explanation.
 *
 * @param address the recipient address (sanitized)
 * @param reply the server's reply for this recipient (credentials redacted)
 * @param diagnosis what the reply means
 * @param explanation the diagnosis in the report's locale
 * @param kind refused for good (5xx) or for now (4xx)
 */
public record RecipientFailure(String address, SmtpReply reply, Diagnosis diagnosis, Explanation explanation, Kind kind) {

    public RecipientFailure {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(diagnosis, "diagnosis");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(kind, "kind");
    }

    /** Whether the refusal is permanent (5xx) or temporary (4xx). */
    public enum Kind {
        /** A permanent refusal: sending to this address again will fail again until something changes. */
        REJECTED,
        /** A temporary refusal (4xx): the same message may go through later. */
        DEFERRED
    }

    /** Whether the server refused this recipient for good. */
    public boolean isRejected() {
        return kind == Kind.REJECTED;
    }
}
