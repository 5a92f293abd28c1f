package dev.smtpexplain.mail.bounce.internal;

import java.nio.charset.StandardCharsets;

/**
 * RFC 2047 encoded words in header values ({@code =?UTF-8?B?...?=}, {@code =?ISO-2022-JP?Q?...?=}):
 * decoded in one pass, white space between adjacent encoded words dropped, anything malformed left as
 * written. (Jakarta's MimeUtility.decodeText looks a stream provider up for every word.)
 */
final class EncodedWords {

    private EncodedWords() {
    }

    static String decode(String s) {
        int at = s.indexOf("=?");
        if (at < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int lastWordEnd = -1;
        while (at >= 0) {
            int q1 = s.indexOf('?', at + 2);
            int q2 = q1 < 0 ? -1 : s.indexOf('?', q1 + 1);
            int end = q2 < 0 ? -1 : s.indexOf("?=", q2 + 1);
            if (q1 < 0 || q2 != q1 + 2 || end < 0 || q1 - at > 60) {
                at = s.indexOf("=?", at + 2);
                continue;
            }
            String decoded = word(s.substring(at + 2, q1), s.charAt(q1 + 1), s.substring(q2 + 1, end));
            if (decoded == null) {
                at = s.indexOf("=?", at + 2);
                continue;
            }
            String between = s.substring(i, at);
            if (!(lastWordEnd == i && between.isBlank())) {
                out.append(between); // white space between two encoded words is not text
            }
            out.append(decoded);
            i = end + 2;
            lastWordEnd = i;
            at = s.indexOf("=?", i);
        }
        return out.append(s, i, s.length()).toString();
    }

    private static String word(String charset, char encoding, String text) {
        int star = charset.indexOf('*');
        String cs = star >= 0 ? charset.substring(0, star) : charset; // RFC 2231 language suffix
        byte[] bytes;
        if (encoding == 'B' || encoding == 'b') {
            bytes = RawMime.decode(text.getBytes(StandardCharsets.ISO_8859_1), 0, text.length(), "base64", Integer.MAX_VALUE);
        } else if (encoding == 'Q' || encoding == 'q') {
            byte[] raw = text.replace('_', ' ').getBytes(StandardCharsets.ISO_8859_1);
            bytes = RawMime.decode(raw, 0, raw.length, "quoted-printable", Integer.MAX_VALUE);
        } else {
            return null;
        }
        return Charsets.decode(bytes, cs);
    }
}
