package dev.smtpexplain.mail.bounce.internal;

import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Header values as text: unfolded, encoded words decoded, raw ISO-2022-JP or UTF-8 read as such. */
final class Headers {

    private final InternetHeaders headers;
    // decoded values asked for more than once (From, Subject …); a Headers object serves one message on one thread
    private final java.util.Map<String, String> decoded = new java.util.HashMap<>();
    private final java.util.Map<String, List<String>> addressLists = new java.util.HashMap<>();

    private Headers(InternetHeaders headers) {
        this.headers = headers;
    }

    static Headers of(InternetHeaders h) {
        return new Headers(h);
    }

    static Headers parse(byte[] block) {
        InternetHeaders h = new InternetHeaders();
        RawMime.headers(block, 0, block.length, block.length, h);
        return new Headers(h);
    }

    static Headers parse(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append("\r\n");
        }
        sb.append("\r\n");
        // the lines are already decoded text: carry them as UTF-8 and read them back as such below
        return parse(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Headers empty() {
        return new Headers(new InternetHeaders());
    }

    /** The first value of a header, decoded; empty when absent. */
    String get(String name) {
        return decoded.computeIfAbsent(name, this::first);
    }

    private String first(String name) {
        String[] v = headers.getHeader(name);
        if (v == null || v.length == 0 || v[0] == null) {
            return "";
        }
        return decode(v[0]);
    }

    /** Whether the block holds no header at all (text without a header block). */
    boolean isEmpty() {
        return !headers.getAllHeaders().hasMoreElements();
    }

    /** Whether the header is present at all. */
    boolean has(String name) {
        return headers.getHeader(name) != null;
    }

    /** A raw header value made readable. */
    static String decode(String raw) {
        String s = MimeUtility.unfold(raw).strip();
        if (s.indexOf('\u001B') >= 0 || hasHigh(s)) {
            byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
            s = Charsets.decode(b, null);
        }
        if (s.contains("=?")) {
            s = EncodedWords.decode(s);
        }
        return s;
    }

    private static boolean hasHigh(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 && c <= 0xFF) {
                return true;
            }
            if (c > 0xFF) {
                return false;
            }
        }
        return false;
    }

    /** The lower-case addresses in a header value (To, From, X-Failed-Recipients …). */
    List<String> addresses(String name) {
        return addressLists.computeIfAbsent(name, this::findAddresses);
    }

    private List<String> findAddresses(String name) {
        String[] v = headers.getHeader(name);
        if (v == null) {
            return List.of();
        }
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (String x : v) {
            for (Addresses.Found f : Addresses.find(decode(x))) {
                out.add(f.address());
            }
        }
        return List.copyOf(out);
    }

    /** The local part of the first address of a header, lower case; empty when none. */
    String localPart(String name) {
        List<String> a = addresses(name);
        if (a.isEmpty()) {
            String v = get(name).toLowerCase(Locale.ROOT);
            return v.contains("mailer-daemon") ? "mailer-daemon" : "";
        }
        return a.get(0).substring(0, a.get(0).indexOf('@'));
    }
}
