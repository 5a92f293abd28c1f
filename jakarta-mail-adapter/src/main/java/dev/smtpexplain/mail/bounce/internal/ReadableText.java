package dev.smtpexplain.mail.bounce.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A bounce's human-readable text, cut where the returned original begins: at the separator lines
 * MTAs write ("------ This is a copy of the message, including all the headers. ------", "--- Below
 * this line is a copy of the message.", "----- Original message -----", "Original message headers:",
 * "Message headers follow.") or, failing those, at the first block of the original's header lines.
 * Nothing after the cut is ever read as the server's reply.
 */
final class ReadableText {

    private static final String[] ORIGINAL_PHRASES = {
        "copy of the message", "copy of the original", "original message", "returned message", "unsent message",
        "undelivered message", "message headers follow", "header of the original", "headers of the original",
        "original headers", "message header follow", "copy of your message", "your message follows",
        "rejected message", "below this line", "message text follows", "the message header", "returned mail follows",
        "original mail", "bounced message", "message follows", "元のメッセージ", "原文", "元メール"};

    private static final Set<String> ORIGINAL_HEADERS = Set.of("received", "return-path", "message-id", "dkim-signature",
            "x-received", "arc-seal", "authentication-results", "mime-version", "delivered-to", "x-google-smtp-source",
            "domainkey-signature", "x-originating-ip");

    private static final Set<String> TRACE_HEADERS = Set.of("received", "x-received", "dkim-signature", "arc-seal");

    /**
     * The lines before the cut, the lines of the original's header block after it (possibly none), and
     * every line from that header block to the end (the whole returned message, as text).
     */
    record Split(List<String> lines, List<String> originalHeaderLines, List<String> original) {
    }

    private ReadableText() {
    }

    static Split split(String text, int maxChars) {
        String t = text.length() > maxChars ? text.substring(0, maxChars) : text;
        List<String> all = lines(t);
        int cut = all.size();
        int headersFrom = -1;
        for (int i = 0; i < all.size(); i++) {
            if (isSeparator(all.get(i))) {
                cut = i;
                headersFrom = i + 1;
                break;
            }
            if (startsHeaderBlock(all, i)) {
                cut = i;
                headersFrom = i;
                break;
            }
        }
        List<String> headers = new ArrayList<>();
        List<String> original = List.of();
        if (headersFrom >= 0) {
            int i = headersFrom;
            while (i < all.size() && (all.get(i).isBlank() || all.get(i).startsWith("-") && !looksLikeHeader(all.get(i)))) {
                i++; // blank lines and dashes between the separator and the headers
            }
            original = all.subList(i, all.size());
            for (; i < all.size() && !unquoted(all.get(i)).isBlank() && headers.size() < 400; i++) {
                headers.add(unquoted(all.get(i)));
            }
        }
        return new Split(List.copyOf(all.subList(0, cut)), headers, original);
    }

    static List<String> lines(String t) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = t.length();
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(t.substring(start, i));
                if (c == '\r' && i + 1 < n && t.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            out.add(t.substring(start));
        }
        return out;
    }

    /** A separator: short, names the original, and stands apart (dashes around it, or a colon or "follows" after it). */
    static boolean isSeparator(String line) {
        String s = line.strip();
        if (s.length() < 8 || s.length() > 100) {
            return false;
        }
        String l = s.toLowerCase(Locale.ROOT);
        boolean phrase = false;
        for (String p : ORIGINAL_PHRASES) {
            if (l.contains(p)) {
                phrase = true;
                break;
            }
        }
        if (!phrase || l.contains("not receive")) {
            // MDaemon's "The following addresses did NOT receive a copy of your message:" heads the recipients
            return false;
        }
        char first = l.charAt(0);
        char last = l.charAt(l.length() - 1);
        return first == '-' || first == '=' || first == '*' || first == '_' || first == '(' || first == '['
                || last == ':' || last == '-' || last == '=' || last == '*'
                || l.endsWith("follows") || l.endsWith("follows.") || l.endsWith("follow.") || l.endsWith("below")
                || l.endsWith("below.") || l.endsWith("following.") || l.endsWith("：");
    }

    /**
     * A line without the one {@code "> "} a mail client quotes a returned original with (its headers quoted
     * that way are the original's too); a session transcript's {@code ">>> RCPT TO:"} keeps its marks.
     */
    static String unquoted(String l) {
        if (l.length() > 1 && l.charAt(0) == '>' && (l.charAt(1) == ' ' || Character.isLetter(l.charAt(1)))) {
            return l.substring(l.charAt(1) == ' ' ? 2 : 1);
        }
        return l.equals(">") ? "" : l;
    }

    /** Two or more header lines in a row (maybe quoted with "> "), one of them a header only a transported message has. */
    private static boolean startsHeaderBlock(List<String> all, int i) {
        String first = unquoted(all.get(i));
        if (!looksLikeHeader(first) || i > 0 && !all.get(i - 1).isBlank() && looksLikeHeader(unquoted(all.get(i - 1)))) {
            return false;
        }
        boolean quoted = !first.equals(all.get(i));
        boolean forwardedBounce = false;
        boolean transported = false;
        int headers = 0;
        for (int j = i; j < all.size() && j < i + 12; j++) {
            String l = unquoted(all.get(j));
            if (l.isEmpty()) {
                break;
            }
            if (l.charAt(0) == ' ' || l.charAt(0) == '\t') {
                continue;
            }
            if (!looksLikeHeader(l)) {
                break;
            }
            headers++;
            String name = l.substring(0, l.indexOf(':')).strip().toLowerCase(Locale.ROOT);
            // a quoted block may be a forwarded bounce's own header ("> From: MAILER-DAEMON"): only trace fields
            // mark a quoted original, and a mail system's From marks a bounce
            transported |= quoted ? TRACE_HEADERS.contains(name) : ORIGINAL_HEADERS.contains(name);
            if (quoted && name.equals("from")) {
                String from = l.toLowerCase(Locale.ROOT);
                forwardedBounce |= from.contains("mailer-daemon") || from.contains("postmaster") || from.contains("mail delivery");
            }
        }
        return transported && !forwardedBounce && headers >= 2;
    }

    static boolean looksLikeHeader(String l) {
        int colon = l.indexOf(':');
        if (colon < 2 || colon > 40) {
            return false;
        }
        for (int k = 0; k < colon; k++) {
            char c = l.charAt(k);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
