package dev.smtpexplain.spring;

import dev.smtpexplain.mail.LocaleSource;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The reader's language from Spring's {@link LocaleContextHolder}: in a Spring MVC request, what the
 * {@code LocaleResolver} decided (by default the request's {@code Accept-Language}); elsewhere, a
 * configured default. Reads the holder at each call, on the calling thread.
 */
public final class SpringLocaleSource implements LocaleSource {

    private final Locale defaultLocale;

    private SpringLocaleSource(Locale defaultLocale) {
        this.defaultLocale = defaultLocale;
    }

    /**
     * Creates a source answering the thread's locale context; without one, {@code defaultLocale}. A
     * request whose resolver gives no locale also gets {@code defaultLocale}.
     *
     * @param defaultLocale the locale outside a request, e.g. in a scheduled job
     * @return the source
     */
    public static SpringLocaleSource withDefault(Locale defaultLocale) {
        return new SpringLocaleSource(Objects.requireNonNull(defaultLocale, "defaultLocale"));
    }

    /**
     * {@return a source answering exactly {@link LocaleContextHolder#getLocale()}: without a context, the
     * holder's default (or the JVM's)}
     */
    public static SpringLocaleSource fromLocaleContext() {
        return new SpringLocaleSource(null);
    }

    @Override
    public Locale locale() {
        if (defaultLocale == null) {
            return LocaleContextHolder.getLocale();
        }
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        Locale l = context == null ? null : context.getLocale();
        return l == null ? defaultLocale : l;
    }

    /** {@return the configured default; empty for {@link #fromLocaleContext()}} */
    public java.util.Optional<Locale> defaultLocale() {
        return java.util.Optional.ofNullable(defaultLocale);
    }
}
