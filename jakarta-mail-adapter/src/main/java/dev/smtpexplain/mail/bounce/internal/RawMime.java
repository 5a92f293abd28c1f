package dev.smtpexplain.mail.bounce.internal;

import jakarta.mail.internet.InternetHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The byte-level pieces of MIME the bounce reader needs, each one linear pass over the bytes: a header
 * block into Jakarta Mail's {@link InternetHeaders}, a multipart body into its parts, and the
 * base64 and quoted-printable transfer encodings undone leniently (bad input decodes as far as it goes).
 * Jakarta Mail 2.1 looks its stream provider up through {@link java.util.ServiceLoader} for every
 * header block and part it parses, which cost the reader about 40% of its time; these do not.
 */
final class RawMime {

    /** A part's headers and where its body lies in the enclosing bytes. */
    record Part(InternetHeaders headers, int bodyStart, int bodyEnd) {
    }

    private RawMime() {
    }

    /**
     * Reads the header block at {@code from} (up to {@code to}, at most {@code maxBytes} of it) into
     * {@code into}; returns where the body starts (after the blank line), or {@code to} when the block
     * never ends.
     */
    static int headers(byte[] b, int from, int to, int maxBytes, InternetHeaders into) {
        int limit = (int) Math.min(to, (long) from + maxBytes);
        int i = from;
        StringBuilder current = null; // a header with its continuation lines, folded as RFC 5322 writes them
        while (i < limit) {
            int eol = i;
            while (eol < limit && b[eol] != '\n') {
                eol++;
            }
            int end = eol > i && b[eol - 1] == '\r' ? eol - 1 : eol;
            if (end == i) {
                flush(current, into);
                return Math.min(eol + 1, to); // the blank line
            }
            String line = new String(b, i, end - i, StandardCharsets.ISO_8859_1);
            char c = line.charAt(0);
            if ((c == ' ' || c == '\t') && current != null) {
                current.append("\r\n").append(line);
            } else {
                flush(current, into);
                current = new StringBuilder(line);
            }
            i = eol + 1;
        }
        flush(current, into);
        return to;
    }

    private static void flush(StringBuilder header, InternetHeaders into) {
        if (header != null) {
            into.addHeaderLine(header.toString());
        }
    }

    /**
     * The parts of a multipart body between {@code start} and {@code end}, at most {@code maxParts} of
     * them (the rest is reported through {@code more[0] = true}).
     */
    static List<Part> parts(byte[] b, int start, int end, String boundary, int maxParts, int maxHeaderBytes, boolean[] more) {
        byte[] delim = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> out = new ArrayList<>();
        int partStart = -1;
        int i = start;
        while (i < end) {
            // i is at a line start
            int eol = i;
            while (eol < end && b[eol] != '\n') {
                eol++;
            }
            if (startsWith(b, i, eol, delim)) {
                int after = i + delim.length;
                boolean close = after + 1 < eol && b[after] == '-' && b[after + 1] == '-';
                if (partStart >= 0) {
                    int bodyEnd = i;
                    // the line break before the delimiter belongs to the delimiter
                    if (bodyEnd > partStart && b[bodyEnd - 1] == '\n') {
                        bodyEnd--;
                        if (bodyEnd > partStart && b[bodyEnd - 1] == '\r') {
                            bodyEnd--;
                        }
                    }
                    if (out.size() >= maxParts) {
                        more[0] = true;
                        return out;
                    }
                    InternetHeaders h = new InternetHeaders();
                    int body = headers(b, partStart, bodyEnd, maxHeaderBytes, h);
                    out.add(new Part(h, body, Math.max(body, bodyEnd)));
                }
                if (close) {
                    return out;
                }
                partStart = Math.min(eol + 1, end);
            }
            i = eol + 1;
        }
        if (partStart >= 0 && partStart < end) {
            // no closing delimiter: the last part runs to the end
            if (out.size() >= maxParts) {
                more[0] = true;
                return out;
            }
            InternetHeaders h = new InternetHeaders();
            int body = headers(b, partStart, end, maxHeaderBytes, h);
            out.add(new Part(h, body, end));
        }
        return out;
    }

    private static boolean startsWith(byte[] b, int from, int lineEnd, byte[] prefix) {
        if (lineEnd - from < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (b[from + k] != prefix[k]) {
                return false;
            }
        }
        // the delimiter is the whole line but for "--" and trailing white space
        for (int k = from + prefix.length; k < lineEnd; k++) {
            byte c = b[k];
            if (c != '-' && c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The body with its transfer encoding undone, at most {@code cap} bytes of input read. */
    static byte[] decode(byte[] b, int start, int end, String encoding, int cap) {
        int e = (int) Math.min(end, (long) start + cap);
        String enc = encoding == null ? "" : encoding.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (enc) {
            case "base64" -> base64(b, start, e);
            case "quoted-printable" -> quotedPrintable(b, start, e);
            default -> java.util.Arrays.copyOfRange(b, start, e);
        };
    }

    private static byte[] base64(byte[] b, int start, int end) {
        byte[] clean = new byte[end - start];
        int n = 0;
        for (int i = start; i < end; i++) {
            byte c = b[i];
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/') {
                clean[n++] = c;
            } else if (c == '=') {
                break;
            }
        }
        int whole = n - n % 4;
        int rest = n % 4;
        byte[] in = java.util.Arrays.copyOf(clean, whole + (rest >= 2 ? rest : 0));
        try {
            return Base64.getDecoder().decode(rest >= 2 ? pad(in) : in);
        } catch (IllegalArgumentException ex) {
            return Base64.getDecoder().decode(java.util.Arrays.copyOf(clean, whole));
        }
    }

    private static byte[] pad(byte[] in) {
        int missing = (4 - in.length % 4) % 4;
        byte[] p = java.util.Arrays.copyOf(in, in.length + missing);
        for (int i = in.length; i < p.length; i++) {
            p[i] = '=';
        }
        return p;
    }

    private static byte[] quotedPrintable(byte[] b, int start, int end) {
        byte[] out = new byte[end - start];
        int n = 0;
        int i = start;
        while (i < end) {
            byte c = b[i];
            if (c == '=') {
                if (i + 1 < end && b[i + 1] == '\n') {
                    i += 2; // soft line break
                    continue;
                }
                if (i + 2 < end && b[i + 1] == '\r' && b[i + 2] == '\n') {
                    i += 3;
                    continue;
                }
                if (i + 2 < end && hex(b[i + 1]) >= 0 && hex(b[i + 2]) >= 0) {
                    out[n++] = (byte) (hex(b[i + 1]) << 4 | hex(b[i + 2]));
                    i += 3;
                    continue;
                }
            }
            out[n++] = c;
            i++;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
