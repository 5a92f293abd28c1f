package dev.smtpexplain.core.internal;

import dev.smtpexplain.core.EnhancedStatus;
import java.util.Locale;

/**
 * Finds the server's reply in text that holds more than a reply: a bounce message pasted whole, a
 * delivery status notification, a log excerpt. A DSN's {@code Status:} and {@code Diagnostic-Code:}
 * fields decide over words elsewhere; the quoted original message (its headers and body) is never
 * read as the reply. One pass over the lines, no backtracking.
 */
final class BounceText {

    /** The part of the input to read as the reply, and the DSN's {@code Status:} if it has one. */
    record Focus(String text, EnhancedStatus status) {
    }

    // headers of a quoted original message: two in a row after the bounce's own text start the quote
    private static final String[] MESSAGE_HEADERS = {"received:", "return-path:", "message-id:", "subject:", "from:", "to:",
        "date:", "mime-version:", "dkim-signature:", "reply-to:", "cc:", "x-mailer:", "content-transfer-encoding:"};
    // words in a separator line ("------ This is a copy of the message ------") that announce the quote
    private static final String[] QUOTE_MARKERS = {"original message", "copy of the message", "copy of your message",
        "returned message", "undelivered message", "message headers", "message text", "rfc822", "headers of the message",
        "original mail", "message follows"};

    private BounceText() {
    }

    /**
     * Where the reply is in {@code input}, or null when the input is a reply as it stands (one line, or
     * lines with neither DSN fields nor a quoted message).
     *
     * @param fields whether {@code Status:} and {@code Diagnostic-Code:} lines are a report's fields; not in a text
     *     that starts as a server's reply does ("550-5.1.1 …"), where such a line is the server's own words
     */
    static Focus focus(String input, boolean fields) {
        if (input.indexOf('\n') < 0 && input.indexOf('\r') < 0) {
            return null; // one line, the usual case: a bounce or a DSN has lines
        }
        EnhancedStatus status = null;
        StringBuilder diagnostic = null;
        boolean inDiagnostic = false;
        StringBuilder kept = new StringBuilder(input.length());
        boolean ownHeaders = true;
        boolean cut = false;
        boolean dropped = false;
        int headerRun = 0;
        boolean inStructure = false;
        int n = input.length();
        // a message pasted whole starts with its own header block, whatever fields it holds (ARC-Seal, X-Received,
        // Authentication-Results with their "dkim=pass", "spf=pass"): up to the first blank line none of it is the reply
        int blockEnd = ownHeaderBlockEnd(input);
        int runStart = 0;
        // lines by index (CRLF, CR or LF), each read in place: a long text is not split or lower-cased whole
        for (int from = 0; from <= n; ) {
            int to = lineEnd(input, from);
            int next = nextLine(input, to);
            int start = from;
            int end = to;
            while (start < end && Character.isWhitespace(input.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(input.charAt(end - 1))) {
                end--;
            }
            if (inDiagnostic && to > from && Character.isWhitespace(input.charAt(from))) {
                diagnostic.append(' ').append(input, start, end);
                from = next;
                continue;
            }
            inDiagnostic = false;
            if (from < blockEnd) {
                dropped = true;
                ownHeaders = false;
                from = next;
                continue;
            }
            if (startsWith(input, start, end, "content-type:")) {
                String lower = input.substring(start, end).toLowerCase(Locale.ROOT);
                if (lower.contains("message/rfc822") || lower.contains("rfc822-headers")
                        || lower.contains("message/global") && !lower.contains("delivery-status")) {
                    cut = true;
                    break;
                }
            }
            if (fields && status == null && startsWith(input, start, end, "status:")) {
                String value = input.substring(start + 7, end).strip();
                int statusEnd = ReplyParser.statusEnd(value, 0);
                if (statusEnd > 0) {
                    status = EnhancedStatus.parse(value.substring(0, statusEnd));
                }
                from = next;
                continue;
            }
            if (fields && diagnostic == null && startsWith(input, start, end, "diagnostic-code:")) {
                diagnostic = new StringBuilder(end - start).append(input, start, end);
                inDiagnostic = true;
                from = next;
                continue;
            }
            if (isSeparator(input, start, end) && announcesQuote(input.substring(start, end).toLowerCase(Locale.ROOT))
                    || isQuoteHeading(input, start, end)) {
                cut = true;
                break;
            }
            boolean header = isMessageHeader(input, start, end);
            if (header && ownHeaders) {
                dropped = true;
                from = next;
                continue; // the bounce's own header block, before any text: not the reply
            }
            if (end > start) {
                ownHeaders = false;
            }
            boolean folded = end > start && Character.isWhitespace(input.charAt(from));
            if (!(headerRun > 0 && folded)) {
                // a header's folded lines ("Received: from …" / "\tby …") belong to it: they neither end nor extend a run
                if (header && headerRun == 0) {
                    runStart = kept.length();
                }
                headerRun = header ? headerRun + 1 : 0;
            }
            if (headerRun == 2) {
                // the quote started with the run's first header: drop it and stop
                kept.setLength(runStart);
                cut = true;
                break;
            }
            if (isMimeStructure(input, start, end) || inStructure && folded) {
                // a part's own header fields (with their folded lines) and the boundary lines between parts are the
                // message's structure, not words
                inStructure = true;
                dropped = true;
                from = next;
                continue;
            }
            inStructure = false;
            kept.append(input, from, to).append('\n');
            from = next;
        }
        if (diagnostic == null && status != null && (status.detail() == 0 || status.subject() == 4 && status.detail() == 7)) {
            // a Status without a Diagnostic-Code that says no more than its class ("5.0.0") or that time ran out: the
            // notice's own words say why, as far as they go
            return new Focus(kept.toString(), status);
        }
        if (diagnostic != null || status != null) {
            return new Focus(diagnostic == null ? "" : diagnostic.toString(), status);
        }
        return cut || dropped ? new Focus(kept.toString(), null) : null;
    }

    // a part's header fields, and a delivery report's fields other than Status and Diagnostic-Code (read apart)
    private static final String[] PART_HEADERS = {"content-type:", "content-transfer-encoding:", "content-description:",
        "content-disposition:", "content-id:", "mime-version:", "reporting-mta:", "received-from-mta:", "arrival-date:",
        "final-recipient:", "original-recipient:", "action:", "remote-mta:", "last-attempt-date:", "will-retry-until:",
        "original-envelope-id:", "x-postfix-queue-id:", "x-postfix-sender:", "x-actual-recipient:", "dsn-gateway:"};

    // a MIME part's header field, or a boundary line ("--" and a token without spaces)
    private static boolean isMimeStructure(String s, int start, int end) {
        for (String h : PART_HEADERS) {
            if (startsWith(s, start, end, h)) {
                return true;
            }
        }
        if (end - start < 4 || s.charAt(start) != '-' || s.charAt(start + 1) != '-') {
            return false;
        }
        for (int i = start + 2; i < end; i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // the fields a message's own header block starts with: one of them first, or two fields, make a header block
    private static final String[] HEADER_NAMES = {"received:", "return-path:", "delivered-to:", "from:", "to:", "cc:",
        "subject:", "date:", "message-id:", "mime-version:", "content-type:", "dkim-signature:", "arc-seal:",
        "arc-message-signature:", "arc-authentication-results:", "authentication-results:", "received-spf:", "reply-to:",
        "sender:", "auto-submitted:", "x-"};

    /**
     * Where the input's own header block ends (its blank line), or -1 when it has none: a message pasted whole starts
     * with one, whatever fields it holds (ARC-Seal, X-Received, Authentication-Results with their "dkim=pass"), and
     * none of it is the reply; a line there that lost its fold's indentation is still part of it. Text that starts
     * with a field but is no header block ("Error: 550 5.1.1 User unknown", a delivery report's fields pasted alone)
     * has none. Reads the block once.
     */
    static int ownHeaderBlockEnd(String input) {
        int n = input.length();
        int first = 0;
        while (first < n && Character.isWhitespace(input.charAt(first))) {
            first++;
        }
        boolean mbox = input.startsWith("From ", first);
        if (!mbox && !startsWithField(input, first)) {
            return -1;
        }
        boolean named = mbox;
        for (String h : HEADER_NAMES) {
            named |= input.regionMatches(true, first, h, 0, h.length());
        }
        int fields = 0;
        int from = first;
        while (from < n) {
            int to = lineEnd(input, from);
            int start = from;
            while (start < to && Character.isWhitespace(input.charAt(start))) {
                start++;
            }
            if (start == to) {
                break; // the blank line
            }
            if (startsWith(input, start, to, "diagnostic-code:") || startsWith(input, start, to, "status:")
                    && ReplyParser.statusEnd(input.substring(start + 7, to).strip(), 0) > 0) {
                return -1; // a delivery report's fields, read by the caller (an mbox file's "Status: RO" is a header)
            }
            if (start == from && startsWithField(input, start)) {
                int colon = input.indexOf(':', start);
                int v = colon + 1;
                while (v < to && input.charAt(v) == ' ') {
                    v++;
                }
                boolean code = v + 3 <= to && input.charAt(v) >= '2' && input.charAt(v) <= '5' && Character.isDigit(input.charAt(v + 1))
                        && Character.isDigit(input.charAt(v + 2));
                // the first field may hold a code alone; later ones a code with words after it ("X-UID: 518" is no reply)
                if (code && (fields == 0 && (v + 3 == to || input.charAt(v + 3) == ' ' || input.charAt(v + 3) == '-')
                        || v + 4 < to && (input.charAt(v + 3) == ' ' || input.charAt(v + 3) == '-') && Character.isLetterOrDigit(input.charAt(v + 4)))) {
                    return -1; // "Error: 550 5.1.1 …", "Code: 552": a field that holds a reply code labels a reply, no header
                }
                fields++;
            }
            from = nextLine(input, to);
        }
        return named || fields >= 2 ? Math.min(from, n) : -1;
    }

    /**
     * Whether a header field starts at {@code at}: letters, digits, hyphens and underscores, then a colon (RFC 5322's
     * field name as mail uses it; "X-Authenticated_ID:").
     */
    private static boolean startsWithField(String s, int at) {
        int i = at;
        int n = s.length();
        while (i < n && i - at <= 76) {
            char c = s.charAt(i);
            if (c == ':') {
                return i > at;
            }
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'))) {
                return false;
            }
            i++;
        }
        return false;
    }

    // where the line starting at `from` ends: its CR, LF or CRLF, or the text's end
    private static int lineEnd(String s, int from) {
        int to = from;
        while (to < s.length() && s.charAt(to) != '\n' && s.charAt(to) != '\r') {
            to++;
        }
        return to;
    }

    // where the line after the one ending at `to` starts
    private static int nextLine(String s, int to) {
        return to < s.length() && s.charAt(to) == '\r' && to + 1 < s.length() && s.charAt(to + 1) == '\n' ? to + 2 : to + 1;
    }

    /** Whether {@code s[start, end)} starts with {@code prefix} (lower case ASCII), ignoring case. */
    private static boolean startsWith(String s, int start, int end, String prefix) {
        return end - start >= prefix.length() && s.regionMatches(true, start, prefix, 0, prefix.length());
    }

    private static boolean isMessageHeader(String s, int start, int end) {
        for (String h : MESSAGE_HEADERS) {
            if (startsWith(s, start, end, h)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSeparator(String s, int start, int end) {
        if (end <= start) {
            return false;
        }
        char c = s.charAt(start);
        if (!(c == '-' || c == '=' || c == '*' || c == '_' || c == '[' || c == '<' || c == '#')) {
            return false;
        }
        // a transcript's reply ("<<< 550 5.6.0 Message headers fail syntax check") is what the bounce is
        // about, not a line that announces the quoted message
        int i = start;
        while (i < end && (s.charAt(i) == c || s.charAt(i) == ' ')) {
            i++;
        }
        return !(i + 3 <= end && isDigit(s.charAt(i)) && isDigit(s.charAt(i + 1)) && isDigit(s.charAt(i + 2))
                && (i + 3 == end || s.charAt(i + 3) == ' ' || s.charAt(i + 3) == '-'));
    }

    // a short line that ends with what it announces ("Original Message Headers", "Original message headers:", Exchange's
    // and Office 365's headings): the quote follows. "The original message was received at …" announces nothing
    private static final String[] QUOTE_HEADINGS = {"original message headers", "original message follows", "message headers follow",
        "headers of the original message", "original message", "returned message", "undelivered message"};

    private static boolean isQuoteHeading(String s, int start, int end) {
        int e = end;
        while (e > start && (s.charAt(e - 1) == ':' || s.charAt(e - 1) == ' ')) {
            e--;
        }
        if (e - start > 50 || e - start < 10) {
            return false;
        }
        for (String h : QUOTE_HEADINGS) {
            if (e - start >= h.length() && s.regionMatches(true, e - h.length(), h, 0, h.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean announcesQuote(String lower) {
        for (String m : QUOTE_MARKERS) {
            if (lower.contains(m)) {
                return true;
            }
        }
        return false;
    }
}
