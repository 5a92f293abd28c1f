package dev.smtpexplain.mail.internal;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.core.Evidence;
import dev.smtpexplain.core.SmtpReply;
import dev.smtpexplain.mail.SmtpStage;
import dev.smtpexplain.core.Permanence;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the replies Angus puts into exception messages and diagnoses them with the stage in mind. */
public final class Replies {

    private Replies() {
    }

    /**
     * The reply in an Angus message: {@code lastServerResponse} with every line, continuation marks and
     * a trailing newline. The lenient reader strips each line's code and status. Never throws.
     */
    public static SmtpReply read(String text) {
        return SmtpReply.parseLenient(text == null ? "" : recoverUtf8(text).strip());
    }

    /**
     * Angus reads replies as ISO-8859-1 (unless {@code mail.mime.allowutf8}), so a UTF-8 reply arrives
     * as one character per byte ("Ã¤" for "ä"). When every character is a byte and those bytes are
     * valid UTF-8 with at least one non-ASCII sequence, this returns the UTF-8 text; anything else
     * (real Latin-1, binary junk) is returned as it is. The result is still untrusted: sanitize it.
     */
    public static String recoverUtf8(String text) {
        if (text == null) {
            return "";
        }
        boolean nonAscii = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                return text; // already decoded by something other than ISO-8859-1
            }
            nonAscii |= c >= 0x80;
        }
        if (!nonAscii) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return text;
        }
    }

    /** Whether the text starts like an SMTP reply: three digits, the first 2-5, then space, '-' or end. */
    public static boolean looksLikeReply(String text) {
        if (text == null) {
            return false;
        }
        String t = text.strip();
        return t.length() >= 3 && t.charAt(0) >= '2' && t.charAt(0) <= '5'
                && Character.isDigit(t.charAt(1)) && Character.isDigit(t.charAt(2))
                && (t.length() == 3 || t.charAt(3) == ' ' || t.charAt(3) == '-');
    }

    /**
     * Diagnoses a reply received at {@code stage}. A text rule naming a category that cannot happen at
     * this stage (a "recipient" problem at EHLO) yields to the codes, then to the stage's usual meaning.
     * (Words inside addresses never decide: the diagnoser's scanner skips addresses.) The diagnosis keeps
     * the reply as received. A 5xx greeting never gets a category that means "wait", nor one read from
     * its codes alone: it becomes {@code sender-blocked}, permanent. A failure the category would have the sender's
     * mail system retry (greylisting) is to be sent again later: a direct send is queued nowhere.
     */
    public static Diagnosis diagnose(Diagnoser diagnoser, SmtpReply reply, SmtpStage stage) {
        // the application's own send failed: nothing holds the message to try again by itself
        Diagnosis d = plausibleDiagnosis(diagnoser, reply, stage).notRetriedBySender();
        if (stage == SmtpStage.GREETING && reply.classDigit() == 5
                && (d.category().defaultPermanence() == Permanence.TEMPORARY || d.evidence().source() != Evidence.Source.TEXT_RULE)) {
            // a 5xx greeting refuses this client for good (RFC 5321 §3.1: "No SMTP service here"); a
            // category that means "wait" (service-unavailable for X.3.2) would advise a retry, and what a
            // 554 means at other stages (a policy refusing the message) says less than the stage does
            return Diagnosis.of(reply, Category.SENDER_BLOCKED, Confidence.STAGE_DEFAULT,
                    new Evidence(Evidence.Source.TRANSPORT, "stage:greeting-refused"));
        }
        return d;
    }

    private static Diagnosis plausibleDiagnosis(Diagnoser diagnoser, SmtpReply reply, SmtpStage stage) {
        Diagnosis d = diagnoser.diagnose(reply);
        if (Stages.plausible(stage, d.category())) {
            return d;
        }
        Diagnosis codesOnly = diagnoser.diagnose(new SmtpReply(reply.code().orElse(null), reply.status().orElse(null), List.of(), ""));
        if (codesOnly.category() != Category.UNKNOWN && Stages.plausible(stage, codesOnly.category())) {
            return withReply(codesOnly, reply);
        }
        return Diagnosis.of(reply, Stages.defaultCategory(stage), Confidence.STAGE_DEFAULT,
                new Evidence(Evidence.Source.TRANSPORT, "stage:" + stage.id()));
    }

    private static Diagnosis withReply(Diagnosis d, SmtpReply reply) {
        if (d.reply() == reply) {
            return d;
        }
        // the codes are the same, so permanence, advice and meanings come out as in d
        return Diagnosis.of(reply, d.category(), d.confidence(), d.evidence());
    }
}
