package dev.smtpexplain.mail.bounce;

import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.i18n.Explanation;
import dev.smtpexplain.mail.SmtpStage;
import java.util.Objects;
import java.util.Optional;

/**
 * One recipient a bounce reports on. Every string is sanitized (no control or bidi characters) and
 * capped; absent values are empty.
 *
 * @param finalRecipient the address the failure is about (DSN {@code Final-Recipient}, or the address
 *     an MTA's own format names; the {@code Original-Recipient} where the final one is no Internet address,
 *     such as an X.400 gateway's or a local delivery agent's name)
 * @param originalRecipient the address as the sender wrote it, when the bounce says ({@code Original-Recipient})
 * @param action the DSN action: {@code failed}, {@code delayed}, {@code delivered}, {@code relayed},
 *     {@code expanded}; for other formats inferred from the report
 * @param status the enhanced status code, when the bounce gives one
 * @param replyCode the remote server's basic reply code, when the bounce quotes it
 * @param replyText the remote server's reply or the MTA's diagnostic text (sanitized, one line per line)
 * @param stage the SMTP command the failure answered, when the bounce says
 * @param remoteMta the server that refused ({@code Remote-MTA}, or the host an MTA's text names)
 * @param diagnosis what the failure means, for failed and delayed recipients
 * @param explanation the diagnosis in the report's language
 */
public record BounceRecipient(
        String finalRecipient,
        Optional<String> originalRecipient,
        String action,
        Optional<String> status,
        Optional<Integer> replyCode,
        String replyText,
        Optional<SmtpStage> stage,
        Optional<String> remoteMta,
        Optional<Diagnosis> diagnosis,
        Optional<Explanation> explanation) {

    /**
     * Creates an entry. The reader sanitizes the strings; this constructor does not.
     *
     * @param finalRecipient the address the failure is about
     * @param originalRecipient the address as the sender wrote it, or empty
     * @param action the DSN action, e.g. {@code failed}
     * @param status the enhanced status code, or empty
     * @param replyCode the remote server's basic reply code, or empty
     * @param replyText the remote server's reply or the MTA's diagnostic text; may be empty
     * @param stage the SMTP command the failure answered, or empty
     * @param remoteMta the server that refused, or empty
     * @param diagnosis what the failure means, or empty
     * @param explanation the diagnosis in the report's language, or empty
     * @throws NullPointerException if any component is null (absent values are empty)
     */
    public BounceRecipient {
        Objects.requireNonNull(finalRecipient, "finalRecipient");
        Objects.requireNonNull(originalRecipient, "originalRecipient");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(replyCode, "replyCode");
        Objects.requireNonNull(replyText, "replyText");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(remoteMta, "remoteMta");
        Objects.requireNonNull(diagnosis, "diagnosis");
        Objects.requireNonNull(explanation, "explanation");
    }

    /**
     * {@return the failure category id ({@code recipient-unknown} …); empty unless this recipient failed or
     * is delayed}
     */
    public Optional<String> categoryId() {
        return diagnosis.map(d -> d.category().id());
    }
}
