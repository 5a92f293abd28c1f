package dev.smtpexplain.mail;

import java.util.Locale;
import java.util.Objects;

/**
 * Where the language of a report comes from: the signed-in user's preference, the request, or the
 * JVM default. Called once per report, on the thread that builds it.
 */
@FunctionalInterface
public interface LocaleSource {

    /** The locale for the next report. */
    Locale locale();

    /** The JVM's default locale, read at each call. */
    static LocaleSource jvmDefault() {
        return Locale::getDefault;
    }

    /** Always {@code locale}. */
    static LocaleSource fixed(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        return () -> locale;
    }
}
