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
     */
    static Focus focus(String input) {
        if (input.indexOf('\n') < 0 && input.indexOf('\r') < 0) {
            return null;
        }
        String[] lines = input.split("\r\n|\r|\n", -1);
        EnhancedStatus status = null;
        StringBuilder diagnostic = null;
        boolean inDiagnostic = false;
        StringBuilder kept = new StringBuilder(input.length());
        boolean ownHeaders = true;
        boolean cut = false;
        boolean dropped = false;
        int headerRun = 0;
        int lastKept = 0;
        for (String line : lines) {
            String lower = line.strip().toLowerCase(Locale.ROOT);
            if (inDiagnostic && !line.isEmpty() && Character.isWhitespace(line.charAt(0))) {
                diagnostic.append(' ').append(line.strip());
                continue;
            }
            inDiagnostic = false;
            if (lower.startsWith("content-type:") && (lower.contains("message/rfc822") || lower.contains("rfc822-headers")
                    || lower.contains("message/global") && !lower.contains("delivery-status"))) {
                cut = true;
                break;
            }
            if (lower.startsWith("status:") && status == null) {
                String value = line.strip().substring(7).strip();
                int end = ReplyParser.statusEnd(value, 0);
                if (end > 0) {
                    status = EnhancedStatus.parse(value.substring(0, end));
                }
                continue;
            }
            if (lower.startsWith("diagnostic-code:") && diagnostic == null) {
                diagnostic = new StringBuilder(line.strip());
                inDiagnostic = true;
                continue;
            }
            if (isSeparator(lower) && announcesQuote(lower)) {
                cut = true;
                break;
            }
            boolean header = isMessageHeader(lower);
            if (header && ownHeaders) {
                dropped = true;
                continue; // the bounce's own header block, before any text: not the reply
            }
            if (!lower.isEmpty()) {
                ownHeaders = false;
            }
            headerRun = header ? headerRun + 1 : 0;
            if (headerRun == 2) {
                // the quote started at the previous line: drop it and stop
                kept.setLength(lastKept);
                cut = true;
                break;
            }
            lastKept = kept.length();
            kept.append(line).append('\n');
        }
        if (diagnostic != null || status != null) {
            return new Focus(diagnostic == null ? "" : diagnostic.toString(), status);
        }
        return cut || dropped ? new Focus(kept.toString(), null) : null;
    }

    private static boolean isMessageHeader(String lower) {
        for (String h : MESSAGE_HEADERS) {
            if (lower.startsWith(h)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSeparator(String lower) {
        if (lower.isEmpty()) {
            return false;
        }
        char c = lower.charAt(0);
        return c == '-' || c == '=' || c == '*' || c == '_' || c == '[' || c == '<' || c == '#';
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
