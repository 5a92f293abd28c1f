package dev.smtpexplain.mail;

import java.util.Locale;
import java.util.Objects;

/**
 * Where the language of a report comes from: the signed-in user's preference, the request, or the
 * JVM default. Called once per report, on the thread that builds it.
 */
@FunctionalInterface
public interface LocaleSource {

    /** {@return the locale for the next report} */
    Locale locale();

    /** {@return a source answering the JVM's default locale, read at each call} */
    static LocaleSource jvmDefault() {
        return Locale::getDefault;
    }

    /**
     * Returns a source that always answers {@code locale}.
     *
     * @param locale the locale of every report
     * @return the source
     */
    static LocaleSource fixed(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        return () -> locale;
    }
}
