package dev.smtpexplain.mail.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from text taken from exceptions before it goes into a report. Servers sometimes
 * echo the AUTH command they refused, and some wrappers put {@code password=...} into messages.
 * Immutable and thread-safe.
 */
public final class Redactor {

    /** What replaces a secret. */
    public static final String MASK = "[redacted]";

    /** Secrets shorter than this are only caught by the patterns: replacing "ab" everywhere ruins text. */
    private static final int MIN_SECRET = 4;

    private static final String MECHANISMS =
            "PLAIN|LOGIN|XOAUTH2|OAUTHBEARER|CRAM-MD5|DIGEST-MD5|NTLM|GSSAPI|EXTERNAL|SCRAM-[A-Z0-9-]+";
    /** "AUTH PLAIN <initial response>": the rest of the line after the mechanism. */
    private static final Pattern AUTH_COMMAND =
            Pattern.compile("(?i)\\bAUTH\\s+(?:" + MECHANISMS + ")\\b([^\\r\\n]*)");
    /** A standalone base64 token, as sent for LOGIN user/password and PLAIN/XOAUTH2 responses. */
    private static final Pattern BASE64_TOKEN =
            Pattern.compile("(?<![^\\s:'\"<(\\[])[A-Za-z0-9+/]{6,}={0,2}(?![^\\s'\">)\\].,;])");
    private static final Pattern MECHANISM = Pattern.compile("(?i)" + MECHANISMS);
    /** password=..., pwd: ..., secret=..., token=..., api_key=... */
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)\\b(pass(?:word|wd|phrase)?|pwd|secret|(?:access_|auth_|refresh_)?token|api[-_]?key|client_secret)"
                    + "(\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;&]+)");
    /** XOAUTH2 / OAUTHBEARER decoded: auth=Bearer <token>. */
    private static final Pattern BEARER = Pattern.compile("(?i)\\bBearer\\s+[^\\s\\u0001,;]+");

    private static final Redactor PATTERNS_ONLY = new Redactor(List.of());

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /** A redactor that knows no secrets and relies on the patterns. */
    public static Redactor patternsOnly() {
        return PATTERNS_ONLY;
    }

    /**
     * A redactor that also removes {@code password} itself and its base64 forms as Angus sends them
     * (LOGIN, PLAIN with and without authzid, XOAUTH2).
     */
    public static Redactor forCredentials(String user, String password) {
        if (password == null || password.isEmpty()) {
            return PATTERNS_ONLY;
        }
        String u = user == null ? "" : user;
        Set<String> s = new LinkedHashSet<>();
        s.add(password);
        s.add(b64(password));
        s.add(b64("\0" + u + "\0" + password));
        s.add(b64(u + "\0" + u + "\0" + password));
        s.add(b64("user=" + u + "\u0001auth=Bearer " + password + "\u0001\u0001"));
        List<String> list = new ArrayList<>();
        for (String x : s) {
            if (x.length() >= MIN_SECRET) {
                list.add(x);
                // unpadded base64 also appears in echoes
                String unpadded = x.replaceAll("=+$", "");
                if (!unpadded.equals(x) && unpadded.length() >= MIN_SECRET) {
                    list.add(unpadded);
                }
            }
        }
        // longest first, so a secret containing another is replaced whole
        list.sort(Comparator.comparingInt(String::length).reversed());
        return new Redactor(List.copyOf(list));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The text with credentials replaced by {@value #MASK}; null becomes "". */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String t = text;
        for (String s : secrets) {
            t = t.replace(s, MASK);
        }
        t = redactAfterAuth(t);
        // bearer tokens before key=value: a value like "user=a\u0001auth=Bearer" ends at the space and
        // would swallow the word "Bearer", leaving the token after it unmasked
        t = BEARER.matcher(t).replaceAll("Bearer " + Matcher.quoteReplacement(MASK));
        t = KEY_VALUE.matcher(t).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        return t;
    }

    /** Masks the AUTH commands' arguments and every base64 token after the first AUTH command. */
    private static String redactAfterAuth(String t) {
        Matcher m = AUTH_COMMAND.matcher(t);
        if (!m.find()) {
            return t;
        }
        int first = m.start();
        String masked = AUTH_COMMAND.matcher(t).replaceAll(x -> Matcher.quoteReplacement(
                t.substring(x.start(), x.start(1)) + (x.group(1).isBlank() ? x.group(1) : " " + MASK)));
        String tail = BASE64_TOKEN.matcher(masked.substring(first)).replaceAll(
                b -> Matcher.quoteReplacement(looksEncoded(b.group()) && !MECHANISM.matcher(b.group()).matches() ? MASK : b.group()));
        return masked.substring(0, first) + tail;
    }

    /**
     * Base64 rather than a word: a digit, '+', '/' or '=', or mixed case with an inner capital; random
     * bytes in base64 nearly always have one of these, English words and all-caps words do not.
     */
    private static boolean looksEncoded(String token) {
        boolean symbol = false;
        boolean lower = false;
        boolean innerUpper = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            symbol |= Character.isDigit(c) || c == '+' || c == '/' || c == '=';
            lower |= Character.isLowerCase(c);
            innerUpper |= i > 0 && Character.isUpperCase(c);
        }
        return symbol || lower && innerUpper;
    }
}
