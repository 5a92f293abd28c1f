package dev.smtpexplain.mail.bounce.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Walks a message's MIME tree and sorts its parts into {@link Sections}. Never descends into a
 * returned message (its text is the sender's, not the server's), stops at the depth and part caps, and
 * decodes each part only up to a cap (a transfer encoding can only shrink content, so there is nothing
 * to inflate). Works on the message's bytes with {@link RawMime}; Jakarta Mail supplies the header and
 * content-type values.
 */
final class MimeWalk {

    // a delivery-status field at a line's start (RFC 3464 per-message and per-recipient fields); blanks only
    // within the line, so a body of many empty lines is read once, not once per line
    private static final Pattern DSN_FIELD = Pattern.compile("(?im)^[ \\t]*(reporting-mta|final-recipient|original-recipient"
            + "|action|status|diagnostic-code|remote-mta|x-[\\w-]+|arrival-date|received-from-mta|original-envelope-id|dsn-gateway)[ \\t]*:");

    private static final ContentType TEXT_PLAIN = plain();

    private final Limits limits;

    MimeWalk(Limits limits) {
        this.limits = limits;
    }

    /** Walks the message whose headers are {@code top} and whose body is {@code b[bodyStart, end)}. */
    Sections walk(InternetHeaders top, byte[] b, int bodyStart, int end) {
        Sections s = new Sections();
        ContentType ct = contentType(top);
        s.topType = ct.getBaseType().toLowerCase(Locale.ROOT);
        String rt = ct.getParameter("report-type");
        s.reportType = rt == null ? "" : rt.toLowerCase(Locale.ROOT);
        walk(top, ct, b, bodyStart, end, 0, s);
        return s;
    }

    private void walk(InternetHeaders h, ContentType ct, byte[] b, int start, int end, int depth, Sections s) {
        if (depth > limits.maxDepth()) {
            s.problem("MIME parts nested deeper than " + limits.maxDepth() + " levels were not read");
            return;
        }
        if (++s.parts > limits.maxParts()) {
            s.problem("more than " + limits.maxParts() + " MIME parts; the rest were not read");
            return;
        }
        String type = ct.getBaseType().toLowerCase(Locale.ROOT);
        String encoding = header(h, "Content-Transfer-Encoding");
        try {
            if (type.startsWith("multipart/")) {
                multipart(ct, type, b, start, end, depth, s);
            } else if (type.equals("message/delivery-status") || type.equals("message/global-delivery-status")
                    || type.equals("text/delivery-status") || type.equals("message/x-delivery-status")) {
                byte[] body = decoded(b, start, end, encoding, s);
                String fields = new String(body, StandardCharsets.ISO_8859_1);
                if (DSN_FIELD.matcher(fields).find()) {
                    s.deliveryStatus.add(body);
                } else {
                    // prose labelled as delivery-status (InterMail's "This Message was undeliverable due to the
                    // following reason: …" part before its real report): no field names it, so it is the notice's text
                    s.texts.add(Charsets.decode(body, ct.getParameter("charset")));
                }
            } else if (type.equals("message/feedback-report")) {
                s.feedbackReports.add(Charsets.decode(decoded(b, start, end, encoding, s), "UTF-8"));
            } else if (type.equals("message/disposition-notification") || type.equals("message/global-disposition-notification")) {
                s.dispositions.add(Charsets.decode(decoded(b, start, end, encoding, s), "UTF-8"));
            } else if (type.equals("message/rfc822") || type.equals("message/global") || type.equals("text/rfc822-headers")
                    || type.equals("message/rfc822-headers") || type.equals("message/global-headers")) {
                if (s.originalHeaders == null) {
                    byte[] original = RawMime.decode(b, start, end, encoding, 256 * 1024);
                    s.originalHeaders = headerBlock(original);
                    s.originalMessage = original;
                }
            } else if (type.startsWith("text/")) {
                if (isAttachment(h) && !type.equals("text/plain")) {
                    return;
                }
                if (depth > 0 && looksLikeAMessage(h)) {
                    // a part whose own headers are a message's (Received, Message-ID): the returned original
                    if (s.originalHeaders == null) {
                        s.originalHeaders = headerLines(h);
                    }
                    return;
                }
                String text = Charsets.decode(decoded(b, start, end, encoding, s), ct.getParameter("charset"));
                s.texts.add(type.equals("text/html") ? Html.toText(text) : text);
            }
            // images, applications and the like say nothing about delivery
        } catch (RuntimeException e) {
            s.problem("a MIME part could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    // a part's body decoded up to the text cap; a longer one is read only in part, and the report says so
    private byte[] decoded(byte[] b, int start, int end, String encoding, Sections s) {
        if ((long) end - start > limits.maxTextChars()) {
            s.problem("a part longer than " + limits.maxTextChars() + " characters " + Sections.TEXT_CUT);
        }
        return RawMime.decode(b, start, end, encoding, limits.maxTextChars());
    }

    private void multipart(ContentType ct, String type, byte[] b, int start, int end, int depth, Sections s) {
        String boundary = ct.getParameter("boundary");
        boolean[] more = {false};
        List<RawMime.Part> parts = boundary == null || boundary.isEmpty() ? List.of()
                : RawMime.parts(b, start, end, boundary, limits.maxParts(), limits.maxTextChars(), more);
        if (parts.isEmpty()) {
            // no boundary, or none in the body: the words are still there
            s.problem("a multipart body has no parts; read as text");
            s.texts.add(Charsets.decode(java.util.Arrays.copyOfRange(b, start, (int) Math.min(end, (long) start + limits.maxTextChars())), null));
            return;
        }
        if (more[0]) {
            s.problem("more than " + limits.maxParts() + " MIME parts; the rest were not read");
        }
        if (type.equals("multipart/alternative")) {
            // one rendering is enough: the plain text one when there is one
            RawMime.Part chosen = null;
            for (RawMime.Part p : parts) {
                chosen = p;
                if (contentType(p.headers()).getBaseType().equalsIgnoreCase("text/plain")) {
                    break;
                }
            }
            if (chosen != null) {
                walk(chosen.headers(), contentType(chosen.headers()), b, chosen.bodyStart(), chosen.bodyEnd(), depth + 1, s);
            }
            return;
        }
        for (RawMime.Part p : parts) {
            walk(p.headers(), contentType(p.headers()), b, p.bodyStart(), p.bodyEnd(), depth + 1, s);
            if (s.parts > limits.maxParts() || depth + 1 > limits.maxDepth()) {
                return;
            }
        }
    }

    private static boolean looksLikeAMessage(InternetHeaders h) {
        return h.getHeader("Received") != null || h.getHeader("Message-ID") != null && h.getHeader("From") != null;
    }

    private static byte[] headerLines(InternetHeaders h) {
        StringBuilder sb = new StringBuilder();
        for (var e = h.getAllHeaderLines(); e.hasMoreElements(); ) {
            sb.append(e.nextElement()).append("\r\n");
        }
        return sb.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static boolean isAttachment(InternetHeaders h) {
        return header(h, "Content-Disposition").toLowerCase(Locale.ROOT).startsWith("attachment");
    }

    private static String header(InternetHeaders h, String name) {
        String v = h.getHeader(name, null);
        return v == null ? "" : v;
    }

    /** The header block of a message: everything up to the first empty line. */
    private static byte[] headerBlock(byte[] message) {
        for (int i = 0; i < message.length; i++) {
            if (message[i] == '\n' && (i + 1 < message.length && message[i + 1] == '\n'
                    || i + 2 < message.length && message[i + 1] == '\r' && message[i + 2] == '\n')) {
                return java.util.Arrays.copyOf(message, i + 1);
            }
        }
        return message;
    }

    /** The part's content type; a missing or broken one reads as text/plain, as RFC 2045 says for a missing one. */
    static ContentType contentType(InternetHeaders h) {
        String raw = h.getHeader("Content-Type", null);
        if (raw != null) {
            try {
                return new ContentType(raw);
            } catch (MessagingException | RuntimeException e) {
                // fall through
            }
        }
        return TEXT_PLAIN;
    }

    private static ContentType plain() {
        try {
            return new ContentType("text/plain");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
