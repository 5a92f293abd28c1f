package dev.smtpexplain.i18n;

import java.util.Locale;
import java.util.Map;

/**
 * The messages of one locale: catalog texts with the application's overrides applied, formatted with
 * ICU {@code MessageFormat} (CLDR plural and select rules). Thread-safe.
 */
public interface LocalizedMessages {

    /** The locale whose catalog answers (e.g. {@code gu} for a request for {@code gu-IN}). */
    Locale locale();

    /** Whether the locale is written right to left (Arabic). */
    boolean isRightToLeft();

    /** Whether the catalog (or an override) has the key. */
    boolean has(String key);

    /**
     * The message for {@code key}, formatted without arguments.
     *
     * @throws java.util.MissingResourceException if no catalog has the key
     */
    String get(String key);

    /**
     * The message for {@code key} formatted with named arguments. String arguments are inserted as they
     * are, never interpreted as pattern syntax; numbers follow the locale's plural rules.
     *
     * @throws java.util.MissingResourceException if no catalog has the key
     */
    String format(String key, Map<String, ?> arguments);
}
