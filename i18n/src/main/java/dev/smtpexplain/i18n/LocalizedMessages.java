package dev.smtpexplain.i18n;

import java.util.Locale;
import java.util.Map;

/**
 * The messages of one locale: catalog texts with the application's overrides applied, formatted with
 * ICU {@code MessageFormat} (CLDR plural and select rules). Thread-safe.
 */
public interface LocalizedMessages {

    /** {@return the locale whose catalog answers (e.g. {@code gu} for a request for {@code gu-IN})} */
    Locale locale();

    /**
     * {@return whether the locale is written right to left (Arabic)} Then {@link #format} wraps
     * left-to-right string arguments in Unicode directional isolates, so an address or a code stays whole
     * inside the sentence.
     */
    boolean isRightToLeft();

    /**
     * Tells whether the catalog (or an override) has a message.
     *
     * @param key a catalog key, e.g. {@code category.mailbox-full.title}
     * @return whether {@link #get} and {@link #format} find the key
     */
    boolean has(String key);

    /**
     * Returns the message for {@code key}, formatted without arguments. A message with placeholders keeps them as
     * they are written ({@code "{count}"} for a plural message): use {@link #format} for those.
     *
     * @param key a catalog key, e.g. {@code category.mailbox-full.title}
     * @return the message
     * @throws java.util.MissingResourceException if no catalog has the key
     */
    String get(String key);

    /**
     * The message for {@code key} formatted with named arguments. String arguments are inserted as they
     * are, never interpreted as pattern syntax; numbers follow the locale's plural rules.
     *
     * <p>Arguments are not checked against the pattern: an argument the pattern does not use is ignored, and a
     * placeholder with no argument stays in the text as it is written ({@code "… on port {port}."}). A plural
     * placeholder ({@code {count, plural, …}}) needs a {@link Number}: any other value, a numeric string such as
     * {@code "3"} included, throws {@link IllegalArgumentException}.
     *
     * @param key a catalog key
     * @param arguments the values by placeholder name
     * @return the formatted message
     * @throws java.util.MissingResourceException if no catalog has the key
     * @throws IllegalArgumentException if a plural placeholder's argument is not a {@link Number}
     */
    String format(String key, Map<String, ?> arguments);
}
