package dev.smtpexplain.mail.bounce.internal;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Walks a message's MIME tree and sorts its parts into {@link Sections}. Never descends into a
 * returned message (its text is the sender's, not the server's), stops at the depth and part caps, and
 * reads each part's decoded content only up to a cap (a transfer encoding can only shrink content, so
 * there is nothing to inflate).
 */
final class MimeWalk {

    private final Limits limits;

    MimeWalk(Limits limits) {
        this.limits = limits;
    }

    Sections walk(MimePart message) {
        Sections s = new Sections();
        ContentType top = contentType(message);
        s.topType = top.getBaseType().toLowerCase(Locale.ROOT);
        String rt = top.getParameter("report-type");
        s.reportType = rt == null ? "" : rt.toLowerCase(Locale.ROOT);
        walk(message, top, 0, s);
        return s;
    }

    private void walk(MimePart part, ContentType ct, int depth, Sections s) {
        if (depth > limits.maxDepth()) {
            s.problem("MIME parts nested deeper than " + limits.maxDepth() + " levels were not read");
            return;
        }
        if (++s.parts > limits.maxParts()) {
            s.problem("more than " + limits.maxParts() + " MIME parts; the rest were not read");
            return;
        }
        String type = ct.getBaseType().toLowerCase(Locale.ROOT);
        try {
            if (type.startsWith("multipart/")) {
                try {
                    multipart(part, type, depth, s);
                } catch (MessagingException | RuntimeException e) {
                    // broken MIME structure: the raw content still holds the words
                    s.problem("a multipart body could not be split (" + e.getClass().getSimpleName() + "); read as text");
                    s.texts.add(Charsets.decode(raw(part, limits.maxTextChars()), null));
                }
            } else if (type.equals("message/delivery-status") || type.equals("message/global-delivery-status")
                    || type.equals("text/delivery-status") || type.equals("message/x-delivery-status")) {
                s.deliveryStatus.add(content(part, limits.maxTextChars()));
            } else if (type.equals("message/feedback-report")) {
                s.feedbackReports.add(Charsets.decode(content(part, limits.maxTextChars()), "UTF-8"));
            } else if (type.equals("message/rfc822") || type.equals("message/global") || type.equals("text/rfc822-headers")
                    || type.equals("message/rfc822-headers") || type.equals("message/global-headers")) {
                if (s.originalHeaders == null) {
                    s.originalHeaders = headerBlock(content(part, 256 * 1024));
                }
            } else if (type.startsWith("text/")) {
                if (isAttachment(part) && !type.equals("text/plain")) {
                    return;
                }
                String text = Charsets.decode(content(part, limits.maxTextChars()), ct.getParameter("charset"));
                s.texts.add(type.equals("text/html") ? Html.toText(text) : text);
            }
            // images, applications and the like say nothing about delivery
        } catch (MessagingException | IOException | RuntimeException e) {
            s.problem("a MIME part could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void multipart(MimePart part, String type, int depth, Sections s) throws MessagingException {
        MimeMultipart mp = boundedMultipart(part, s);
        int n = mp.getCount();
        if (type.equals("multipart/alternative")) {
            // one rendering is enough: the plain text one when there is one
            BodyPart chosen = null;
            for (int i = 0; i < n && i < limits.maxParts(); i++) {
                BodyPart b = mp.getBodyPart(i);
                if (contentType(b).getBaseType().equalsIgnoreCase("text/plain")) {
                    chosen = b;
                    break;
                }
                chosen = b;
            }
            if (chosen instanceof MimePart p) {
                walk(p, contentType(p), depth + 1, s);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            if (mp.getBodyPart(i) instanceof MimePart p) {
                walk(p, contentType(p), depth + 1, s);
            }
            if (s.parts > limits.maxParts() || depth + 1 > limits.maxDepth()) {
                return;
            }
        }
    }

    /**
     * The multipart, parsed only as far as the part cap: Jakarta Mail parses every part of a body at
     * once, so a body with thousands of parts is cut after the cap's worth before it is parsed.
     */
    private MimeMultipart boundedMultipart(MimePart part, Sections s) throws MessagingException {
        String boundary = contentType(part).getParameter("boundary");
        if (boundary == null || boundary.isEmpty()) {
            return new MimeMultipart(new MimePartDataSource(part));
        }
        byte[] marker = ("\n--" + boundary).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        long cutAt;
        try {
            cutAt = boundaryBeyondCap(part, marker);
        } catch (IOException e) {
            throw new MessagingException("unreadable multipart", e);
        }
        if (cutAt < 0) {
            return new MimeMultipart(new MimePartDataSource(part));
        }
        byte[] raw;
        try {
            raw = raw(part, (int) cutAt);
        } catch (IOException e) {
            throw new MessagingException("unreadable multipart", e);
        }
        int cut = raw.length;
        s.problem("more than " + limits.maxParts() + " MIME parts; the rest were not read");
        byte[] head = java.util.Arrays.copyOf(raw, cut);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] bounded = java.util.Arrays.copyOf(head, head.length + end.length);
        System.arraycopy(end, 0, bounded, head.length, end.length);
        return new MimeMultipart(new jakarta.mail.util.ByteArrayDataSource(bounded, part.getContentType()));
    }

    /**
     * Where the boundary line after the part cap's worth of parts starts, or -1 when there are not that
     * many: counted while streaming the raw body, without keeping it.
     */
    private long boundaryBeyondCap(MimePart part, byte[] marker) throws MessagingException, IOException {
        InputStream in;
        if (part instanceof jakarta.mail.internet.MimeMessage m) {
            in = m.getRawInputStream();
        } else if (part instanceof jakarta.mail.internet.MimeBodyPart b) {
            in = b.getRawInputStream();
        } else {
            return -1;
        }
        try (in) {
            byte[] buf = new byte[65536 + marker.length];
            int carry = 0;
            long base = 0; // stream offset of buf[0]
            int count = 0;
            long limit = limits.maxMessageBytes();
            int n;
            while (base < limit && (n = in.read(buf, carry, buf.length - carry)) > 0) {
                int len = carry + n;
                int i = indexOf(buf, len, marker, 0);
                while (i >= 0) {
                    int after = i + marker.length;
                    if (after < len && " \t\r\n-".indexOf(buf[after]) < 0) {
                        i = indexOf(buf, len, marker, i + 1);
                        continue; // a longer boundary that starts with this one
                    }
                    if (after >= len) {
                        break; // decided with the next chunk
                    }
                    if (++count > limits.maxParts() + 1) {
                        return base + i;
                    }
                    i = indexOf(buf, len, marker, after);
                }
                carry = Math.min(marker.length, len);
                System.arraycopy(buf, len - carry, buf, 0, carry);
                base += len - carry;
            }
            return -1;
        }
    }

    /** The first index of {@code what} in {@code b} from {@code from}, or -1; linear for a marker that starts with a line feed. */
    private static int indexOf(byte[] b, int len, byte[] what, int from) {
        outer:
        for (int i = from; i <= len - what.length; i++) {
            if (b[i] != what[0]) {
                continue;
            }
            for (int j = 1; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean isAttachment(Part p) throws MessagingException {
        return Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition());
    }

    /** The part's content with its transfer encoding undone, at most {@code cap} bytes. */
    static byte[] content(MimePart part, int cap) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return read(in, cap);
        }
    }

    private static byte[] raw(MimePart part, int cap) throws MessagingException, IOException {
        if (part instanceof jakarta.mail.internet.MimeMessage m) {
            try (InputStream in = m.getRawInputStream()) {
                return read(in, cap);
            }
        }
        if (part instanceof jakarta.mail.internet.MimeBodyPart b) {
            try (InputStream in = b.getRawInputStream()) {
                return read(in, cap);
            }
        }
        return new byte[0];
    }

    static byte[] read(InputStream in, int cap) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(cap, 8192));
        byte[] buf = new byte[8192];
        int total = 0;
        int n;
        while (total < cap && (n = in.read(buf, 0, Math.min(buf.length, cap - total))) > 0) {
            out.write(buf, 0, n);
            total += n;
        }
        return out.toByteArray();
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

    static ContentType contentType(Part p) {
        try {
            String raw = p.getContentType();
            if (raw != null) {
                return new ContentType(raw);
            }
        } catch (MessagingException | RuntimeException e) {
            // a broken Content-Type reads as plain text, as RFC 2045 says for a missing one
        }
        try {
            return new ContentType("text/plain");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
