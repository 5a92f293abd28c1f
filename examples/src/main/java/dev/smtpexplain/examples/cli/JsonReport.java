package dev.smtpexplain.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.core.Permanence;
import dev.smtpexplain.core.ServerText;
import dev.smtpexplain.i18n.Explanation;
import dev.smtpexplain.mail.RecipientFailure;
import dev.smtpexplain.mail.SendFailureReport;
import java.util.Locale;

/** The JSON form of an explanation: one object, stable field names. */
final class JsonReport {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReport() {
    }

    /**
     * The fields every JSON form shares for a diagnosis and its explanation, in this order: category,
     * permanent (null when undetermined), retry, acts, confidence, rule, matched, lang, title, summary,
     * advice.
     */
    static void putVerdict(ObjectNode o, Explanation e) {
        Diagnosis d = e.diagnosis();
        o.put("category", d.category().id());
        if (d.permanence() == Permanence.UNDETERMINED) {
            o.putNull("permanent");
        } else {
            o.put("permanent", d.permanence() == Permanence.PERMANENT);
        }
        o.put("retry", d.retry().id());
        o.put("acts", d.actor().id());
        o.put("confidence", d.confidence());
        o.put("rule", d.evidence().ruleId());
        // the JSON keeps every key: "" when no text decided, no server text or no transport detail
        o.put("matched", d.evidence().matchedPhrase().orElse(""));
        o.put("lang", e.languageTag());
        o.put("title", e.title());
        o.put("summary", e.summary());
        ArrayNode advice = o.putArray("advice");
        e.advice().forEach(advice::add);
    }

    static ObjectNode of(Explanation e) {
        Diagnosis d = e.diagnosis();
        ObjectNode o = MAPPER.createObjectNode();
        d.reply().code().ifPresentOrElse(c -> o.put("code", c.value()), () -> o.putNull("code"));
        d.reply().status().ifPresentOrElse(s -> o.put("status", s.toString()), () -> o.putNull("status"));
        putVerdict(o, e);
        o.put("contact", e.contact());
        o.put("whoActs", e.whoActsText());
        o.put("retryText", e.retryText());
        o.put("permanence", e.permanenceLabel());
        e.codeMeaning().ifPresentOrElse(m -> o.put("codeMeaning", m), () -> o.putNull("codeMeaning"));
        e.statusMeaning().ifPresentOrElse(m -> o.put("statusMeaning", m), () -> o.putNull("statusMeaning"));
        o.put("serverText", e.serverText().orElse(""));
        return o;
    }

    /** A send-failure report: outcome, stage, the explanation, and every recipient's fate. */
    static ObjectNode of(SendFailureReport r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        o.put("stage", r.stage().id());
        o.put("detail", r.transportDetail().orElse(""));
        // the exception chain, credentials removed: what a person setting the program up passes on (outside tester 64)
        o.put("technicalDetails", r.technicalDetails());
        o.set("explanation", of(r.explanation()));
        ArrayNode recipients = o.putArray("recipients");
        for (RecipientFailure f : r.recipientFailures()) {
            ObjectNode x = recipients.addObject();
            x.put("address", f.address());
            x.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
            x.put("category", f.diagnosis().category().id());
            x.put("title", f.explanation().title());
            x.put("serverText", f.explanation().serverText().orElse(""));
        }
        ArrayNode accepted = o.putArray("accepted");
        r.acceptedRecipients().forEach(accepted::add);
        ArrayNode notAttempted = o.putArray("notAttempted");
        r.notAttemptedRecipients().forEach(notAttempted::add);
        ArrayNode unconfirmed = o.putArray("unconfirmed");
        r.unconfirmedRecipients().forEach(unconfirmed::add);
        return o;
    }

    /** A batch line that could not be explained; the message may quote the line, so it is sanitized and capped. */
    static ObjectNode error(int line, String message) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("line", line);
        o.put("error", ServerText.sanitize(message, ExplainCommand.ERROR_MAX, false));
        return o;
    }
}
