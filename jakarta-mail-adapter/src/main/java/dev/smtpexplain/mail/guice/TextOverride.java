package dev.smtpexplain.mail.guice;

import java.util.Locale;
import java.util.Objects;

/**
 * Replaces one catalog message, e.g. the contact line of {@code authentication-failed} with the
 * company helpdesk. {@link Locale#ROOT} applies to every locale.
 *
 * @param locale the locale it applies to
 * @param key a catalog key, e.g. {@code category.authentication-failed.contact}
 * @param pattern an ICU message pattern with the same placeholders as the English message
 */
public record TextOverride(Locale locale, String key, String pattern) {

    /**
     * Creates an override. Key and pattern are checked later, when the module builds the {@link
     * dev.smtpexplain.i18n.Explainer}.
     *
     * @param locale the locale it applies to; {@link Locale#ROOT} for every locale
     * @param key a catalog key
     * @param pattern an ICU message pattern with the same placeholders as the English message
     */
    public TextOverride {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(pattern, "pattern");
    }
}
