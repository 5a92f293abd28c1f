package dev.smtpexplain.i18n.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the shipped catalogs itself, as {@code .properties} resources of this module read as UTF-8, and
 * chains each to its parents ({@code pt-BR} → {@code pt} → English root). Which catalog answers a reader is
 * {@code Explainer.resolve}'s choice. {@code ResourceBundle.getBundle(…, Control)} would do
 * the same on the class path but throws {@code UnsupportedOperationException} in a named module; reading
 * the module's own resources through {@link Class#getResourceAsStream} works in both.
 */
public final class Bundles {

    /** The JDK's candidate list ({@code zh-Hans-CN} → {@code zh-CN} …), without the JVM-default step. */
    private static final ResourceBundle.Control CANDIDATES =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String baseName;
    private final Map<Locale, Optional<ResourceBundle>> loaded = new ConcurrentHashMap<>();

    /**
     * Catalogs under a bundle base name of this module.
     *
     * @param baseName a bundle base name such as {@code dev.smtpexplain.i18n.messages}
     */
    public Bundles(String baseName) {
        this.baseName = baseName;
    }

    /**
     * The catalog of exactly this locale with its more general catalogs as parents.
     *
     * @param locale the locale of a shipped catalog (as {@code Explainer.resolve} returns), {@link Locale#ROOT} for English
     * @return the bundle, or empty when this locale has no catalog of its own
     */
    public Optional<ResourceBundle> bundle(Locale locale) {
        return loaded.computeIfAbsent(locale, this::chain);
    }

    /** Reads the candidates' files from the most general to this locale, each the parent of the next. */
    private Optional<ResourceBundle> chain(Locale locale) {
        if (!exists(locale)) {
            return Optional.empty();
        }
        List<Locale> candidates = candidates(locale);
        ResourceBundle bundle = null;
        for (int i = candidates.size() - 1; i >= 0; i--) {
            Locale l = candidates.get(i);
            String resource = resource(l);
            try (InputStream in = Bundles.class.getResourceAsStream(resource)) {
                if (in != null) {
                    bundle = new LocaleBundle(new InputStreamReader(in, StandardCharsets.UTF_8), l, bundle);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the catalog " + resource, e);
            }
        }
        return Optional.ofNullable(bundle);
    }

    private boolean exists(Locale locale) {
        return Bundles.class.getResource(resource(locale)) != null;
    }

    private String resource(Locale locale) {
        return "/" + CANDIDATES.toResourceName(CANDIDATES.toBundleName(baseName, locale), "properties");
    }

    private static List<Locale> candidates(Locale requested) {
        return CANDIDATES.getCandidateLocales("", requested);
    }

    /** A properties bundle that knows its locale and parent, as {@code getBundle} would set them. */
    private static final class LocaleBundle extends PropertyResourceBundle {
        private final Locale locale;

        LocaleBundle(Reader reader, Locale locale, ResourceBundle parent) throws IOException {
            super(reader);
            this.locale = locale;
            if (parent != null) {
                setParent(parent);
            }
        }

        @Override
        public Locale getLocale() {
            return locale;
        }
    }
}
