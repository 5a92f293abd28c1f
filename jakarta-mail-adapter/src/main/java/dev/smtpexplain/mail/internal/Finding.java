package dev.smtpexplain.mail.internal;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.SmtpReply;
import dev.smtpexplain.mail.SmtpStage;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the classifier found about a failure as a whole (recipients are counted by {@link RecipientLedger}):
 * the stage, and either the server's reply, a transport category with its evidence and detail sentence, or
 * the news that the recipients tell it all or that the message was delivered.
 */
record Finding(SmtpStage stage, @Nullable SmtpReply reply, @Nullable Category category, double confidence,
               @Nullable String evidenceId, @Nullable String detailKey, Map<String, Object> detailArgs,
               boolean delivered, boolean byRecipients) {

    /** Evidence ids of failures found on this machine, before any server was contacted ({@code SendFailureReport.foundBeforeAnyServer()}). */
    static final String LOCAL = "local:";

    /** The evidence id of a send whose whole content went out and got no reply: nobody knows whether it arrived. */
    static final String NO_REPLY_TO_CONTENT = "transport:no-reply-to-content";

    static Finding reply(SmtpStage stage, SmtpReply reply) {
        return new Finding(stage, reply, null, 0, null, null, Map.of(), false, false);
    }

    static Finding transport(SmtpStage stage, Category category, double confidence, String evidenceId,
                             @Nullable String detailKey, Map<String, Object> detailArgs) {
        return new Finding(stage, null, category, confidence, evidenceId, detailKey, detailArgs, false, false);
    }

    /** A reply that is not SMTP: the category is fixed, the text is kept as evidence. */
    static Finding unexpected(SmtpStage stage, SmtpReply reply) {
        return new Finding(stage, reply, Category.PROTOCOL_ERROR, Confidence.UNEXPECTED_REPLY, "transport:unexpected-reply",
                null, Map.of(), false, false);
    }

    /** A greeting that is not SMTP: the wrong port, most likely; the text is kept as evidence. */
    static Finding notSmtp(@Nullable SmtpReply reply, String host, String port) {
        return new Finding(SmtpStage.GREETING, reply, Category.PROTOCOL_ERROR, Confidence.LIKELY, "transport:not-smtp",
                "connection.notSmtp", Map.of("host", host, "port", port), false, false);
    }

    static Finding recipients() {
        return new Finding(SmtpStage.RCPT_TO, null, null, 0, null, null, Map.of(), false, true);
    }

    static Finding delivered(SmtpReply reply) {
        return new Finding(SmtpStage.END_OF_DATA, reply, null, 0, null, null, Map.of(), true, false);
    }

    /** Whether the whole content went out and its reply never came, so the message may have arrived. */
    boolean unconfirmed() {
        return NO_REPLY_TO_CONTENT.equals(evidenceId);
    }

    /** Whether the failure was found before any server was contacted. */
    boolean isLocal() {
        return evidenceId != null && evidenceId.startsWith(LOCAL);
    }

    /** A detail argument that is itself a catalog phrase, put into words in the report's locale. */
    record CatalogText(String key) {
    }
}
