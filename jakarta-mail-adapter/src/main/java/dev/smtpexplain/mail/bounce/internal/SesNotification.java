package dev.smtpexplain.mail.bounce.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amazon SES notifications delivered by e-mail (SNS): a JSON document whose {@code notificationType}
 * is Bounce, Complaint or Delivery, with one object per recipient. Read with bounded patterns over the
 * text, which is all this needs (the adapter has no JSON library).
 */
final class SesNotification {

    /** One recipient object: address, and the DSN-like fields SES copies (may be empty). */
    record Recipient(String address, String action, String status, String diagnostic) {
    }

    /** The notification type (lower case: bounce, complaint, delivery) and its recipients. */
    record Notification(String type, List<Recipient> recipients, String reportingMta) {
    }

    private static final Pattern TYPE = Pattern.compile("\"notificationType\"\\s*:\\s*\"(\\w{1,20})\"");
    private static final Pattern RECIPIENT = Pattern.compile("\\{\\s*\"emailAddress\"\\s*:\\s*\"([^\"\\\\]{1,320})\"([^{}]{0,4000})\\}");
    private static final Pattern DELIVERED = Pattern.compile("\"recipients\"\\s*:\\s*\\[([^\\]]{0,20000})\\]");
    private static final Pattern REPORTING = Pattern.compile("\"reportingMTA\"\\s*:\\s*\"([^\"\\\\]{1,300})\"");

    private SesNotification() {
    }

    /** The notification in a text, or null when the text is not one. */
    static Notification parse(String text, int maxRecipients) {
        String t = text.strip();
        if (!t.startsWith("{") || !t.contains("\"notificationType\"")) {
            return null;
        }
        // SNS folds long lines with "!\n "; undo that before reading
        t = t.replace("!\n ", "").replace("!\r\n ", "");
        Matcher m = TYPE.matcher(t);
        if (!m.find()) {
            return null;
        }
        String type = m.group(1).toLowerCase(java.util.Locale.ROOT);
        List<Recipient> rs = new ArrayList<>();
        if (type.equals("delivery")) {
            Matcher d = DELIVERED.matcher(t);
            if (d.find()) {
                for (Addresses.Found f : Addresses.find(d.group(1))) {
                    if (rs.size() < maxRecipients) {
                        rs.add(new Recipient(f.address(), "delivered", "", field(t, "smtpResponse")));
                    }
                }
            }
        } else {
            Matcher r = RECIPIENT.matcher(t);
            while (r.find() && rs.size() < maxRecipients) {
                String rest = r.group(2);
                rs.add(new Recipient(r.group(1), field(rest, "action"), field(rest, "status"), field(rest, "diagnosticCode")));
            }
        }
        Matcher rep = REPORTING.matcher(t);
        return new Notification(type, rs, rep.find() ? rep.group(1) : "");
    }

    private static final java.util.Map<String, Pattern> FIELDS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String field(String json, String name) {
        Matcher m = FIELDS.computeIfAbsent(name, n -> Pattern.compile("\"" + n + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){0,4000})\"")).matcher(json);
        return m.find() ? m.group(1).replace("\\\"", "\"").replace("\\n", "\n") : "";
    }
}
