package dev.smtpexplain.mail.bounce.internal;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.angus.mail.dsn.DeliveryStatus;

/**
 * Reads RFC 3464 / RFC 6533 delivery-status fields with Angus's {@link DeliveryStatus}: the
 * per-message group, then one group per recipient. Tolerates what real MTAs send: folded values,
 * blank lines in odd places, several recipients in one group, UTF-8 in a global report.
 */
final class DsnFields {

    /** The per-message fields and one field map per recipient (lower-case names, unfolded values). */
    record Report(Map<String, String> message, List<Map<String, String>> recipients) {
    }

    private static final java.util.regex.Pattern FOLD = java.util.regex.Pattern.compile("\r?\n[ \t]*");
    private static final java.util.regex.Pattern TYPE = java.util.regex.Pattern.compile("[A-Za-z0-9-]+");

    private DsnFields() {
    }

    static Report parse(byte[] body, int maxRecipients, int maxFieldChars) {
        Map<String, String> message = new LinkedHashMap<>();
        List<Map<String, String>> recipients = new ArrayList<>();
        DeliveryStatus ds = groups(body);
        if (ds == null) {
            return new Report(message, recipients);
        }
        List<InternetHeaders> groups = new ArrayList<>();
        groups.add(ds.getMessageDSN());
        for (int i = 0; i < ds.getRecipientDSNCount(); i++) {
            groups.add(ds.getRecipientDSN(i));
        }
        for (InternetHeaders g : groups) {
            List<String[]> fields = new ArrayList<>();
            int finals = 0;
            int originals = 0;
            for (Enumeration<Header> e = g.getAllHeaders(); e.hasMoreElements(); ) {
                Header h = e.nextElement();
                String name = h.getName().strip().toLowerCase(Locale.ROOT);
                fields.add(new String[] {name, clean(h.getValue(), maxFieldChars)});
                finals += name.equals("final-recipient") ? 1 : 0;
                originals += name.equals("original-recipient") || name.equals("x-actual-recipient") ? 1 : 0;
            }
            String starter = finals > 0 ? "final-recipient" : originals > 0 ? "original-recipient" : null;
            if (starter == null) {
                fields.forEach(f -> message.putIfAbsent(f[0], f[1]));
                continue;
            }
            // one recipient per group, as RFC 3464 has it; a group naming several is split at each of them
            int count = Math.max(finals, originals);
            Map<String, String> current = null;
            int seen = 0;
            for (String[] f : fields) {
                boolean starts = count > 1 && f[0].equals(starter) && seen++ > 0;
                if (current == null || starts) {
                    if (recipients.size() >= maxRecipients) {
                        return new Report(message, recipients);
                    }
                    current = new LinkedHashMap<>();
                    recipients.add(current);
                }
                current.putIfAbsent(f[0], f[1]);
            }
        }
        return new Report(message, recipients);
    }

    /**
     * The per-message group and the recipient groups, split at blank lines, into Angus's model (its own
     * stream constructor reads the same way, but through a provider lookup on every group).
     */
    private static DeliveryStatus groups(byte[] body) {
        DeliveryStatus ds;
        try {
            ds = new DeliveryStatus();
        } catch (MessagingException e) {
            return null;
        }
        int i = 0;
        // blank lines before the per-message group are not a group
        while (i < body.length && (body[i] == '\r' || body[i] == '\n' || body[i] == ' ' || body[i] == '\t')) {
            i++;
        }
        boolean first = true;
        while (i < body.length) {
            InternetHeaders g = new InternetHeaders();
            int next = RawMime.headers(body, i, body.length, body.length - i, g);
            if (first) {
                ds.setMessageDSN(g);
                first = false;
            } else if (g.getAllHeaders().hasMoreElements()) {
                ds.addRecipientDSN(g);
            }
            i = next <= i ? body.length : next;
            while (i < body.length && (body[i] == '\r' || body[i] == '\n')) {
                i++;
            }
        }
        return ds;
    }

    /** Unfolds, reads UTF-8 where the bytes are UTF-8, and caps a field value. */
    private static String clean(String v, int max) {
        if (v == null) {
            return "";
        }
        String s = v.indexOf('\u001B') >= 0 ? Charsets.decode(v.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), null) : Charsets.utf8IfValid(v);
        s = FOLD.matcher(s).replaceAll(" ").strip();
        return s.length() > max ? s.substring(0, max) : s;
    }

    /** The value after a DSN type ({@code rfc822; bob@example.com} → {@code bob@example.com}). */
    static String typed(String value) {
        int semi = value.indexOf(';');
        if (semi >= 0 && semi < 24 && TYPE.matcher(value.substring(0, semi).strip()).matches()) {
            return value.substring(semi + 1).strip();
        }
        return value.strip();
    }

    /**
     * The comment after a Status code ({@code 5.1.2 (550 No Such Domain: example.net)} → {@code 550 No Such Domain:
     * example.net}): from the first opening parenthesis after the code to the last closing one; empty when there is none.
     */
    static String comment(String status) {
        int open = status.indexOf('(');
        int close = status.lastIndexOf(')');
        if (open < 0 || close < open) {
            return "";
        }
        return status.substring(open + 1, close).strip();
    }

    /** The type of a typed value ({@code smtp}, {@code x-unix}), lower case, or empty. */
    static String type(String value) {
        int semi = value.indexOf(';');
        if (semi >= 0 && semi < 24 && TYPE.matcher(value.substring(0, semi).strip()).matches()) {
            return value.substring(0, semi).strip().toLowerCase(Locale.ROOT);
        }
        return "";
    }
}
