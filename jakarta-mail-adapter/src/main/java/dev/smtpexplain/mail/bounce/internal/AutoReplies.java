package dev.smtpexplain.mail.bounce.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** Recognizes automatic replies (RFC 3834 and the headers and subjects vacation responders use). */
final class AutoReplies {

    private static final Pattern SUBJECT = Pattern.compile(
            "^(auto(matic)?[ -]?(reply|response|antwort|respuesta|réponse)|auto:|out of (the )?office|away|vacation|abwesen"
            + "|absence|ausente|abwesenheitsnotiz|自動応答|自動返信|不在|自动回复"
            // the same as French, Spanish, Italian, Portuguese and Dutch mail programs write it: the noun first
            + "|réponse automatique|respuesta automática|risposta automatica|resposta automática|automatisch antwoord"
            + "|fuera de la oficina|fuori sede|absent du bureau)", Pattern.CASE_INSENSITIVE);

    private AutoReplies() {
    }

    // a text that says of itself that it is an automatic reply ("(this is an auto-response)"); plain phrases
    private static final String[] SELF_DESCRIBED = {
        "this is an auto-response", "this is an auto response", "this is an autoresponse", "this is an auto-reply",
        "this is an automatic reply", "this is an automatic response", "this is an automated reply",
        "this is an automated response",
    };

    /** Whether a text calls itself an automatic reply. */
    static boolean saysItIsOne(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String phrase : SELF_DESCRIBED) {
            if (lower.contains(phrase)) {
                return true;
            }
        }
        return false;
    }

    static boolean autoSubmitted(Headers h) {
        String v = h.get("Auto-Submitted").toLowerCase(Locale.ROOT);
        return v.startsWith("auto-replied") || v.startsWith("auto-generated");
    }

    static boolean is(Headers h) {
        if (h.has("X-Autoreply") || h.has("X-Autorespond") || h.has("X-Apple-Action") && h.get("X-Apple-Action").equalsIgnoreCase("vacation")) {
            return true;
        }
        String precedence = h.get("Precedence").toLowerCase(Locale.ROOT);
        if (precedence.equals("auto_reply")) {
            return true;
        }
        return h.get("Auto-Submitted").toLowerCase(Locale.ROOT).startsWith("auto-replied") || SUBJECT.matcher(h.get("Subject").strip()).find();
    }
}
