package dev.smtpexplain.mail.bounce.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds e-mail addresses in text, from each {@code @} outwards (so the work is linear in the text, however
 * the text is built), and normalizes the address forms DSNs use. Internationalized addresses
 * ({@code françois@example.fr}, {@code ivan@пример.рф}) are read whole: letters of scripts written with
 * spaces between words belong to the address. Letters of scripts written without them (Chinese, Japanese,
 * Thai …, and Korean, whose particles join the word before) are a neighbouring word where they touch an ASCII
 * part ("收件人bob@example.com不存在"), and a local part of their own only between a delimiter and the
 * {@code @} ("<用户@example.cn>").
 */
final class Addresses {

    /** An address found in a text: where it starts and ends, and its lower-case form. */
    record Found(int start, int end, String address) {
    }

    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 255;

    private Addresses() {
    }

    static List<Found> find(String text) {
        List<Found> out = new ArrayList<>();
        int n = text.length();
        int floor = 0;
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int s = quotedLocalStart(text, at, floor);
            if (s < 0) {
                s = at;
                while (s > floor && at - s < MAX_LOCAL && isLocal(text.charAt(s - 1))) {
                    s--;
                }
                if (s == at) {
                    s = unspacedLocalStart(text, at, floor);
                }
            }
            while (s < at && text.charAt(s) == '.') {
                s++;
            }
            if (afterEscape(text, s)) {
                // "<carol ESC[5m@example.com>": what stands before the '@' is a terminal escape's parameters ("5m"),
                // not a local part; no address is better than a wrong one
                continue;
            }
            s = pastTypePrefix(text, s, at);
            int e = at + 1;
            while (e < n && e - at <= MAX_DOMAIN && isDomain(text.charAt(e))) {
                e++;
            }
            while (e > at + 1 && (text.charAt(e - 1) == '.' || text.charAt(e - 1) == '-')) {
                e--;
            }
            if (s < at && text.charAt(s) == '\'' && e < n && text.charAt(e) == '\'') {
                s++; // 'bob@example.com', the address in single quotes
            }
            if (s < at && e > at + 1) {
                String domain = text.substring(at + 1, e);
                if (domain.indexOf('.') > 0 || domain.equalsIgnoreCase("localhost")) {
                    out.add(new Found(s, e, text.substring(s, e).toLowerCase(Locale.ROOT)));
                    floor = e;
                }
            }
        }
        return out;
    }

    // whether a control sequence introducer (ESC '[' or the one-character C1 CSI) stands right before `s`
    private static boolean afterEscape(String text, int s) {
        return s >= 2 && text.charAt(s - 1) == '[' && text.charAt(s - 2) == '\u001b' || s >= 1 && text.charAt(s - 1) == '\u009b';
    }

    /** Past an address type glued to the local part: Exchange's and X.400 gateways' "SMTP=bob@…", "RFC-822=bob@…". */
    private static int pastTypePrefix(String text, int s, int at) {
        int eq = s;
        while (eq < at - 1 && text.charAt(eq) != '=') {
            eq++; // within the local part only: the work stays linear in the text
        }
        if (eq >= at - 1) {
            return s;
        }
        String type = text.substring(s, eq).toLowerCase(Locale.ROOT);
        return type.equals("smtp") || type.equals("rfc822") || type.equals("rfc-822") ? eq + 1 : s;
    }

    /** Where a quoted local part ("john..doe"@…) before {@code at} starts, or -1; looks back at most 66 characters. */
    private static int quotedLocalStart(String text, int at, int floor) {
        if (at - 1 <= floor || text.charAt(at - 1) != '"') {
            return -1;
        }
        for (int q = at - 2; q >= floor && at - q <= MAX_LOCAL + 2; q--) {
            char c = text.charAt(q);
            if (c == '"') {
                return q + 1 < at - 1 ? q : -1;
            }
            if (c == '\n' || c == '\r' || c == '<' || c == '>') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isLocal(char c) {
        return c < 128 ? Character.isLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~.-".indexOf(c) >= 0 : isSpacedLetter(c);
    }

    private static boolean isDomain(char c) {
        return c < 128 ? Character.isLetterOrDigit(c) || c == '.' || c == '-' : isSpacedLetter(c);
    }

    // a letter, digit or mark beyond ASCII of a script that separates words with spaces (a surrogate never is: the
    // scripts beyond the first plane that addresses use are few, and their neighbours are not worth the risk)
    private static boolean isSpacedLetter(char c) {
        int type = Character.getType(c);
        boolean letter = Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
        return letter && !Character.isSurrogate(c) && !isUnspaced(c);
    }

    private static boolean isUnspaced(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.THAI || script == Character.UnicodeScript.LAO
                || script == Character.UnicodeScript.KHMER || script == Character.UnicodeScript.MYANMAR;
    }

    /**
     * Where a local part in a script written without spaces ("用户") that ends at {@code at} starts, when a
     * delimiter (white space, a bracket, a quote, a colon or a comma, of either width) or the text's start stands
     * before it; else {@code at}: glued to the words before it, such a run has no visible start.
     */
    private static int unspacedLocalStart(String text, int at, int floor) {
        int s = at;
        while (s > floor && at - s < MAX_LOCAL && isUnspaced(text.charAt(s - 1)) && Character.isLetterOrDigit(text.charAt(s - 1))) {
            s--;
        }
        if (s == at) {
            return at;
        }
        return s == 0 || "<(['\":,：，（「『 \t\r\n".indexOf(text.charAt(s - 1)) >= 0 || Character.isWhitespace(text.charAt(s - 1)) ? s : at;
    }

    /**
     * The address in a DSN recipient field value: the type dropped ({@code rfc822;}), RFC 6533
     * {@code \x{HHHH}} escapes decoded, angle brackets and a trailing dot removed.
     */
    static String fromField(String value) {
        String v = DsnFields.typed(value);
        v = unescape(v);
        int lt = v.indexOf('<');
        int gt = v.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            v = v.substring(lt + 1, gt);
        }
        v = v.strip();
        if (v.startsWith("@") && v.indexOf(':') > 0) {
            v = v.substring(v.indexOf(':') + 1); // a source route: <@relay.example:bob@example.com>
        }
        if (v.indexOf(' ') >= 0 || v.startsWith("|") || v.startsWith("/")) {
            // a pipe or file delivery ("|/usr/bin/procmail bob@example.com"): the address inside, if any
            List<Found> inside = find(v);
            if (!inside.isEmpty()) {
                v = inside.get(0).address();
            }
        }
        if (v.endsWith(".")) {
            v = v.substring(0, v.length() - 1);
        }
        if (v.length() > 2 && v.charAt(0) == '"' && v.endsWith("\"") && v.indexOf('@') < 0) {
            v = v.substring(1, v.length() - 1);
        }
        return v.toLowerCase(Locale.ROOT);
    }

    /** Whether {@code address} is a mailbox on an Internet domain (one {@code @}, a dotted domain), not a local name. */
    static boolean isInternetAddress(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at != address.indexOf('@') || address.indexOf('/') >= 0) {
            return false;
        }
        int dot = address.indexOf('.', at + 2);
        return dot > at && dot < address.length() - 1;
    }

    private static String unescape(String v) {
        if (v.indexOf('\\') < 0) {
            return v;
        }
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 3 < v.length() && v.charAt(i + 1) == 'x' && v.charAt(i + 2) == '{') {
                int close = v.indexOf('}', i + 3);
                if (close > i + 3 && close - i <= 10) {
                    try {
                        int cp = Integer.parseInt(v.substring(i + 3, close), 16);
                        if (Character.isValidCodePoint(cp)) {
                            sb.appendCodePoint(cp);
                            i = close;
                            continue;
                        }
                    } catch (NumberFormatException e) {
                        // not an escape: keep it as written
                    }
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
