package dev.smtpexplain.i18n.internal;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.NumberingSystem;
import com.ibm.icu.util.ULocale;
import dev.smtpexplain.i18n.LocalizedMessages;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One locale's messages: the shipped bundle chain ({@code gu-IN} → {@code gu} → English) with the
 * application's overrides on top. Compiled formats are cached per key; the cache holds at most one
 * entry per catalog key, so it is bounded by the catalog's size.
 */
public final class Catalog implements LocalizedMessages {

    /** First strong isolate and pop directional isolate: keep LTR arguments whole inside RTL text. */
    private static final char FSI = '\u2068';
    private static final char PDI = '\u2069';

    private final Locale locale;
    private final ULocale formatLocale;
    private final ResourceBundle bundle;
    private final Map<String, String> overrides;
    private final boolean rightToLeft;
    private final Map<String, Object> compiled = new ConcurrentHashMap<>();
    private final Map<String, List<String>> listCache = new ConcurrentHashMap<>();

    public Catalog(Locale locale, ResourceBundle bundle, Map<String, String> overrides, boolean nativeDigits) {
        this.locale = locale;
        this.bundle = bundle;
        this.overrides = Map.copyOf(overrides);
        ULocale u = ULocale.forLocale(locale);
        this.rightToLeft = u.isRightToLeft();
        // ASCII digits unless asked: some locales (Marathi) default to native digits, which would clash
        // with the ASCII codes and port numbers in the same text
        this.formatLocale = u.setKeywordValue("numbers", nativeDigits && writesCountsInNativeDigits(u) ? "native" : "latn");
    }

    // Chinese's native digits are Han numerals used positionally (11 as 一一, a million as 一,〇〇〇,〇〇〇): not how anyone
    // writes a count, so its counts stay in the digits its readers use
    private static boolean writesCountsInNativeDigits(ULocale locale) {
        return !NumberingSystem.getInstance(locale.setKeywordValue("numbers", "native")).getName().equals("hanidec");
    }

    @Override
    public Locale locale() {
        return locale;
    }

    @Override
    public boolean isRightToLeft() {
        return rightToLeft;
    }

    @Override
    public boolean has(String key) {
        return overrides.containsKey(key) || bundle.containsKey(key);
    }

    /** The raw pattern for a key. */
    public String pattern(String key) {
        String o = overrides.get(key);
        if (o != null) {
            return o;
        }
        return bundle.getString(key);
    }

    @Override
    public String get(String key) {
        return format(key, Map.of());
    }

    @Override
    public String format(String key, Map<String, ?> arguments) {
        Object c = compiled.computeIfAbsent(key, this::compile);
        if (c instanceof String s) {
            return s;
        }
        Map<String, Object> args = arguments.isEmpty() ? Map.of() : isolate(arguments);
        MessageFormat mf = (MessageFormat) c;
        // ICU formats keep per-instance state while formatting
        synchronized (mf) {
            return mf.format(args);
        }
    }

    private Object compile(String key) {
        String p = pattern(key);
        if (Patterns.isPlainText(p)) {
            return p;
        }
        try {
            return new MessageFormat(p, formatLocale);
        } catch (IllegalArgumentException e) {
            throw new MissingResourceException("message " + key + " for " + locale + " does not parse: " + e.getMessage(),
                    Catalog.class.getName(), key);
        }
    }

    private Map<String, Object> isolate(Map<String, ?> arguments) {
        Map<String, Object> out = new HashMap<>(arguments.size() * 2);
        for (Map.Entry<String, ?> e : arguments.entrySet()) {
            Object v = e.getValue();
            // a value that starts with an isolate has its data isolated already (a list of addresses)
            if (rightToLeft && v instanceof CharSequence cs && !startsRightToLeft(cs) && !(cs.length() > 0 && cs.charAt(0) == FSI)) {
                v = FSI + cs.toString() + PDI;
            }
            out.put(e.getKey(), v);
        }
        return out;
    }

    /**
     * Whether the text's first strong character is right to left: such an argument (a title from the
     * same catalog) is part of the sentence, not data, and isolating it would leave a line with no
     * strong right-to-left character outside isolates, which auto-direction displays read as LTR.
     */
    private static boolean startsRightToLeft(CharSequence s) {
        for (int i = 0; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            byte d = Character.getDirectionality(cp);
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
            if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /**
     * The messages {@code prefix.1}, {@code prefix.2}, … in order, cached. Stops at the first missing
     * number.
     */
    public List<String> numbered(String prefix) {
        return listCache.computeIfAbsent(prefix, p -> {
            java.util.ArrayList<String> items = new java.util.ArrayList<>();
            for (int i = 1; has(p + "." + i); i++) {
                items.add(get(p + "." + i));
            }
            return List.copyOf(items);
        });
    }
}
