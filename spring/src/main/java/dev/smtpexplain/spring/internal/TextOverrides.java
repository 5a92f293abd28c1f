package dev.smtpexplain.spring.internal;

import dev.smtpexplain.i18n.Explainer;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads catalog overrides from the application's message bundles (the files behind its
 * {@code MessageSource}, named as in {@code spring.messages.basename}): every key that starts with
 * {@value #PREFIX} replaces the catalog message named by the rest of the key, e.g.
 * {@code smtp-explain.category.authentication-failed.contact} in {@code messages_gu.properties}. Other keys
 * are the application's own and are left alone. Files are read as UTF-8, like Spring Boot's default.
 */
public final class TextOverrides {

    /** The key prefix that marks a catalog override. */
    public static final String PREFIX = "smtp-explain.";

    private TextOverrides() {
    }

    /** One override read from a bundle file, with the file's description for error messages. */
    public record Override(Locale locale, String key, String pattern, String source) {
    }

    /**
     * The overrides in the bundles {@code basenames}: {@code basename.properties} applies to every
     * locale, {@code basename_gu.properties} to Gujarati, {@code basename_pt_BR.properties} to Brazilian
     * Portuguese, for each shipped catalog locale. Missing files are skipped.
     *
     * @throws IllegalStateException if a file exists but cannot be read
     */
    public static List<Override> read(ResourceLoader loader, List<String> basenames) {
        List<Override> out = new ArrayList<>();
        for (String basename : basenames) {
            String base = basename.strip();
            if (base.isEmpty()) {
                continue;
            }
            // "messages", "i18n.messages", "i18n/messages" or "classpath:i18n/messages", as Spring Boot accepts
            String path = base.contains("/") || base.contains(":") ? base : base.replace('.', '/');
            String location = path.contains(":") ? path : "classpath:" + path;
            read(loader.getResource(location + ".properties"), Locale.ROOT, out);
            for (Locale l : Explainer.supportedLocales()) {
                read(loader.getResource(location + "_" + l.toLanguageTag().replace('-', '_') + ".properties"), l, out);
            }
        }
        return List.copyOf(out);
    }

    private static void read(Resource file, Locale locale, List<Override> out) {
        if (!file.exists()) {
            return;
        }
        Properties props = new Properties();
        try (Reader in = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read message bundle " + file.getDescription() + ": " + e.getMessage(), e);
        }
        for (String key : props.stringPropertyNames().stream().sorted().toList()) {
            if (key.startsWith(PREFIX)) {
                out.add(new Override(locale, key.substring(PREFIX.length()), props.getProperty(key), file.getDescription()));
            }
        }
    }
}
