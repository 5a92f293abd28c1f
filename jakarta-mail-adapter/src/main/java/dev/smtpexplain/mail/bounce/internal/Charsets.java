package dev.smtpexplain.mail.bounce.internal;

import jakarta.mail.internet.MimeUtility;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes body and header bytes whatever charset a bounce declares, or fails to declare. */
final class Charsets {

    // charsets Java knows, by the lower-cased name a bounce declared them with, looked up once. Only names that resolve
    // are kept: the names come from strangers, and made-up ones would fill the cache for the life of the JVM (outside
    // tester 61); real names and their aliases are a few hundred, under the cap
    private static final int MAX_CACHED = 1024;
    private static final java.util.Map<String, Charset> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Charset ISO_2022_JP = lookup("ISO-2022-JP");
    private static final Charset WINDOWS_1252 = lookup("windows-1252");

    private Charsets() {
    }

    /** Decodes with the declared charset when Java knows it, else by what the bytes look like. */
    static String decode(byte[] b, String declared) {
        Charset cs = declared == null || declared.isBlank() ? null : lookup(MimeUtility.javaCharset(declared.strip()));
        if (cs != null && !isAsciiLike(cs)) {
            return new String(b, cs);
        }
        // undeclared, unknown or ASCII: ISO-2022-JP escapes, then strict UTF-8, then Windows-1252
        if (ISO_2022_JP != null && hasIso2022Escape(b)) {
            return new String(b, ISO_2022_JP);
        }
        if (isAscii(b)) {
            return new String(b, StandardCharsets.US_ASCII);
        }
        if (cs != null && cs != StandardCharsets.US_ASCII) {
            return new String(b, cs);
        }
        String utf8 = strictUtf8(b);
        if (utf8 != null) {
            return utf8;
        }
        return new String(b, WINDOWS_1252 != null ? WINDOWS_1252 : StandardCharsets.ISO_8859_1);
    }

    /** Re-reads a header value that was read byte per char (ISO-8859-1) as UTF-8 when it is valid UTF-8. */
    static String utf8IfValid(String latin1) {
        boolean high = false;
        for (int i = 0; i < latin1.length(); i++) {
            char c = latin1.charAt(i);
            if (c > 0xFF) {
                return latin1;
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return latin1;
        }
        String s = strictUtf8(latin1.getBytes(StandardCharsets.ISO_8859_1));
        return s != null ? s : latin1;
    }

    private static boolean isAsciiLike(Charset cs) {
        return cs == StandardCharsets.US_ASCII || cs == StandardCharsets.UTF_8;
    }

    private static boolean isAscii(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasIso2022Escape(byte[] b) {
        for (int i = 0; i + 2 < b.length; i++) {
            if (b[i] == 0x1B && b[i + 1] == '$' && (b[i + 2] == 'B' || b[i + 2] == '@')) {
                return true;
            }
        }
        return false;
    }

    private static String strictUtf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Charset lookup(String name) {
        String key = name.toLowerCase(java.util.Locale.ROOT);
        Charset c = CACHE.get(key);
        if (c == null) {
            c = forName(name);
            if (c != null && CACHE.size() < MAX_CACHED) {
                CACHE.put(key, c);
            }
        }
        return c;
    }

    /** {@return how many charset names are cached} For the test of what is kept. */
    static int cachedNames() {
        return CACHE.size();
    }

    private static Charset forName(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
