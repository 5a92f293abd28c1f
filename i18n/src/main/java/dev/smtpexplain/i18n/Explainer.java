package dev.smtpexplain.i18n;

import com.ibm.icu.util.ULocale;
import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.CodeMeaning;
import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.core.RetryAdvice;
import dev.smtpexplain.core.ServerText;
import dev.smtpexplain.core.SmtpReply;
import dev.smtpexplain.i18n.internal.Bundles;
import dev.smtpexplain.i18n.internal.Catalog;
import dev.smtpexplain.i18n.internal.Patterns;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link Diagnosis} into an {@link Explanation} in the reader's language. Immutable and
 * thread-safe: build one and share it.
 *
 * <p>A reader's locale is answered by the shipped catalog of its language written in the same script
 * ({@link #resolve}): {@code gu-IN} → {@code gu}; any Portuguese ({@code pt}, {@code pt-PT}) → {@code pt-BR}; Chinese
 * in Simplified characters ({@code zh}, {@code zh-Hans}, {@code zh-SG}) → {@code zh-CN}, while Traditional
 * ({@code zh-TW}, {@code zh-Hant}, {@code zh-Hant-CN}) and any other language get English. The server's text is shown
 * as sanitized evidence and never becomes part of a pattern.
 *
 * <pre>{@code
 * Explainer explainer = Explainer.standard();
 * Explanation e = explainer.explain(Diagnoser.standard().diagnose(reply), Locale.forLanguageTag("gu"));
 * }</pre>
 */
public final class Explainer {

    /** The bundle base name of the shipped catalogs. */
    public static final String BUNDLE = "dev.smtpexplain.i18n.messages";

    /** Every locale smtp-explain ships a catalog for, English first. */
    private static final List<String> CANDIDATE_TAGS = List.of(
            "en", "gu", "hi", "mr", "bn", "ta", "es", "fr", "de", "pt-BR", "zh-CN", "ja", "ar");

    /** The shipped catalogs, read by hand: the {@code getBundle(…, Control)} overloads throw in a named module. */
    private static final Bundles SHIPPED = new Bundles(BUNDLE);

    private final boolean nativeDigits;
    private final int serverTextLimit;
    private final Map<Locale, Map<String, String>> overrides;
    // keyed by the resolved catalog locale only: at most one entry per shipped catalog, however many tags readers send
    private final Map<Locale, Catalog> catalogs = new ConcurrentHashMap<>();
    // the catalog locale for the reader's language, script and region (variants and extensions never decide), as ICU's
    // likely subtags found it: at most MAX_RESOLVED of them, however many tags readers send; beyond, resolved each time
    private final Map<String, Locale> resolved = new ConcurrentHashMap<>();
    static final int MAX_RESOLVED = 256;

    private Explainer(Builder b) {
        this.nativeDigits = b.nativeDigits;
        this.serverTextLimit = b.serverTextLimit;
        Map<Locale, Map<String, String>> o = new HashMap<>();
        b.overrides.forEach((k, v) -> o.put(k, Map.copyOf(v)));
        this.overrides = Map.copyOf(o);
    }

    /** {@return the explainer with the shipped catalogs, ASCII digits and no overrides} Built once and shared. */
    public static Explainer standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final Explainer INSTANCE = builder().build();
    }

    /** {@return a new builder for an explainer with overrides or other options} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the locales with a complete shipped catalog, English first, as an immutable list} */
    public static List<Locale> supportedLocales() {
        return SupportedHolder.LOCALES;
    }

    private static final class SupportedHolder {
        static final List<Locale> LOCALES = find();
        static final Map<Locale, String> SCRIPTS = scripts(LOCALES);

        private static Map<Locale, String> scripts(List<Locale> locales) {
            Map<Locale, String> out = new HashMap<>();
            locales.forEach(l -> out.put(l, likelyScript(l)));
            return Map.copyOf(out);
        }

        private static List<Locale> find() {
            List<Locale> out = new ArrayList<>();
            for (String tag : CANDIDATE_TAGS) {
                String suffix = tag.equals("en") ? "" : "_" + tag.replace('-', '_');
                String path = "/" + BUNDLE.replace('.', '/') + suffix + ".properties";
                if (Explainer.class.getResource(path) != null) {
                    out.add(Locale.forLanguageTag(tag));
                }
            }
            return List.copyOf(out);
        }
    }

    /**
     * Finds the locale whose catalog answers for {@code requested}: the shipped catalog of the same language whose
     * script is the one the request names or implies (CLDR likely subtags). Regions, variants and extensions
     * otherwise do not matter. The answers are cached by language, script and region, at most 256 of them, so any number
     * of distinct tags costs bounded memory.
     *
     * @param requested the reader's locale
     * @return {@code gu} for {@code gu-IN}, {@code pt-BR} for {@code pt} or {@code pt-PT}, {@code zh-CN} for {@code zh},
     *     {@code zh-Hans} or {@code zh-SG}; {@link Locale#ENGLISH} for Traditional Chinese ({@code zh-TW},
     *     {@code zh-Hant-CN}), another script ({@code hi-Latn}) or a language without a catalog; never {@link Locale#ROOT}
     */
    public Locale resolve(Locale requested) {
        Objects.requireNonNull(requested, "locale");
        String key = requested.getLanguage() + '_' + requested.getScript() + '_' + requested.getCountry();
        Locale known = resolved.get(key);
        if (known != null) {
            return known;
        }
        Locale answer = resolveUncached(requested);
        if (resolved.size() < MAX_RESOLVED) {
            resolved.put(key, answer);
        }
        return answer;
    }

    private static Locale resolveUncached(Locale requested) {
        String language = requested.getLanguage();
        if (language.isEmpty() || language.equals("en")) {
            return Locale.ENGLISH;
        }
        String script = null;
        for (Locale shipped : supportedLocales()) {
            if (shipped.getLanguage().equals(language)) {
                if (script == null) {
                    script = likelyScript(requested);
                }
                if (script.equals(SupportedHolder.SCRIPTS.get(shipped))) {
                    return shipped;
                }
            }
        }
        return Locale.ENGLISH;
    }

    // the script a locale is written in: the one it names, else CLDR's likely one (zh-TW → Hant, zh → Hans, pt-PT → Latn)
    private static String likelyScript(Locale l) {
        if (!l.getScript().isEmpty()) {
            return l.getScript();
        }
        ULocale u;
        try {
            u = new ULocale.Builder().setLanguage(l.getLanguage()).setRegion(l.getCountry()).build();
        } catch (com.ibm.icu.util.IllformedLocaleException e) {
            // new Locale("gu", "??") takes any region; such a region says nothing about the script
            u = new ULocale(l.getLanguage());
        }
        return ULocale.addLikelySubtags(u).getScript();
    }

    /** {@return how many catalogs this explainer holds: at most one per supported locale} For tests. */
    int cachedCatalogs() {
        return catalogs.size();
    }

    /**
     * Returns the messages for a locale (report phrases, labels), with overrides applied. The same object
     * is returned for every locale that {@linkplain #resolve resolves} to the same catalog.
     *
     * @param locale the reader's locale; resolved as {@link #resolve(Locale)} does
     * @return the messages, thread-safe
     */
    public LocalizedMessages messages(Locale locale) {
        return catalog(locale);
    }

    private Catalog catalog(Locale requested) {
        Locale l = resolve(requested);
        return catalogs.computeIfAbsent(l, this::load);
    }

    private Catalog load(Locale l) {
        Locale bundleLocale = l.equals(Locale.ENGLISH) ? Locale.ROOT : l;
        ResourceBundle bundle = SHIPPED.bundle(bundleLocale).orElseThrow();
        Map<String, String> o = new HashMap<>(overrides.getOrDefault(Locale.ROOT, Map.of()));
        // more specific overrides win: language, then language-region
        o.putAll(overrides.getOrDefault(Locale.forLanguageTag(l.getLanguage()), Map.of()));
        o.putAll(overrides.getOrDefault(l, Map.of()));
        return new Catalog(l, bundle, o, nativeDigits);
    }

    /**
     * Explains a diagnosis in the given locale. Never throws for a diagnosis the core produced.
     *
     * @param diagnosis the diagnosis, e.g. from {@link dev.smtpexplain.core.Diagnoser#diagnose(String)}
     * @param locale the reader's locale; resolved as {@link #resolve(Locale)} does, so an unsupported
     *     language gets English
     * @return the explanation; its server text is sanitized and capped at the builder's
     *     {@linkplain Builder#serverTextLimit limit}
     */
    public Explanation explain(Diagnosis diagnosis, Locale locale) {
        Objects.requireNonNull(diagnosis, "diagnosis");
        Catalog c = catalog(locale);
        String prefix = "category." + diagnosis.category().id();
        String texts = texts(c, diagnosis, prefix);
        List<String> advice = c.numbered(texts + ".advice");
        // the step the deciding rule names first, found before the steps are reordered or left out below
        String named = namedStep(advice, diagnosis.evidence().firstStep());
        if (WAITS_FIRST.contains(diagnosis.category()) && (diagnosis.retry() == RetryAdvice.AFTER_FIX || diagnosis.retry() == RetryAdvice.NEVER)
                && advice.size() > 1) {
            // the reply made a failure that is usually temporary permanent (a 5xx "mailbox full", "poor reputation"): waiting
            // and sending again, the category's first step, is now the last thing to try
            List<String> waitLast = new ArrayList<>(advice.subList(1, advice.size()));
            waitLast.add(advice.get(0));
            advice = waitLast;
        }
        boolean stillRetried = diagnosis.retry() == RetryAdvice.AUTOMATIC && diagnosis.category().retryAdvice() != RetryAdvice.AUTOMATIC;
        if (stillRetried) {
            // a message its sender still retries (a delivery report's delayed recipient): waiting comes first, and
            // the category's own steps ("wait, then send again") are for the case where the sender gives up
            List<String> withWait = new ArrayList<>(advice.size() + 1);
            withWait.add(c.get("retry.automatic.firstStep"));
            withWait.addAll(advice);
            advice = withWait;
        } else if (diagnosis.retry() == RetryAdvice.LATER && diagnosis.category().retryAdvice() == RetryAdvice.AUTOMATIC
                && advice.size() > 1) {
            // a message nothing retries (an application's own send, greylisted): the category's first step, waiting for
            // the mail system's own retry, is left out; its other steps say when to send again
            advice = advice.subList(1, advice.size());
        }
        if (named != null && advice.contains(named)) {
            // first, or right after "nothing to do for now" where the mail system still retries
            List<String> ordered = new ArrayList<>(advice);
            ordered.remove(named);
            ordered.add(stillRetried ? 1 : 0, named);
            advice = ordered;
        }
        return Explanation.of(
                c.locale().toLanguageTag(),
                c.get(texts + ".title"),
                c.get(texts + ".summary"),
                advice,
                contact(c, diagnosis, prefix, texts),
                whoActs(c, diagnosis, prefix, texts),
                retryText(c, diagnosis, prefix),
                permanenceLabel(c, diagnosis, prefix),
                c.get(confidenceKey(diagnosis.confidence())),
                diagnosis.codeMeaning().map(m -> meaning(c, m, "meaning.unregistered.code", "code")),
                diagnosis.statusMeaning().map(m -> meaning(c, m, "meaning.unregistered.status", "status")),
                Optional.of(displayText(diagnosis.reply(), serverTextLimit)).filter(t -> !t.isEmpty()),
                diagnosis);
    }

    // who acts, in the category's own words where its catalog has them for the category's actor ("nobody" for an expired
    // delivery is not "the problem clears up by itself": the mail system gave up), or in the words of its texts for another
    // actor ("the group's owner or manager" for a list's recipient-side administrator), else the actor's general phrase
    private static String whoActs(Catalog c, Diagnosis diagnosis, String prefix, String texts) {
        boolean categorysActor = diagnosis.actor() == diagnosis.category().actor();
        if (!categorysActor && texts.equals(prefix)) {
            // another actor without texts of its own: the category's who-acts line is about its own actor
            return c.get("acts." + diagnosis.actor().id());
        }
        return ownOr(c, (categorysActor ? prefix : texts) + ".acts", "acts." + diagnosis.actor().id());
    }

    // the categories whose first step, in every catalog, is to wait and then send again (CatalogChecksTest holds the
    // English to it): right while the failure is temporary. Not a sending limit or a rate limit, which waiting lifts
    // even when the reply is a 5xx
    private static final Set<Category> WAITS_FIRST = EnumSet.of(Category.MAILBOX_FULL, Category.BAD_REPUTATION, Category.SERVER_ERROR,
            Category.SERVER_STORAGE_FULL, Category.SERVICE_UNAVAILABLE, Category.NETWORK_ERROR);

    // the permanence in the category's own words where its catalog has them: a 5xx sending limit is "permanent" for the
    // message as sent, which a reader takes for "blocked for ever" (outside tester 72), while it lifts within a day
    private static String permanenceLabel(Catalog c, Diagnosis diagnosis, String prefix) {
        return ownOr(c, prefix + ".permanence." + diagnosis.permanence().id(), "permanence." + diagnosis.permanence().id());
    }

    // whether sending again helps, in the category's own words where its catalog has them for this advice (a 5xx
    // sending limit: "after the problem has been fixed" says nothing of the limit resetting by itself)
    private static String retryText(Catalog c, Diagnosis diagnosis, String prefix) {
        return ownOr(c, prefix + ".retry." + diagnosis.retry().id(), "retry." + diagnosis.retry().id());
    }

    // a category's own line where its catalog has one, else the general one
    private static String ownOr(Catalog c, String own, String general) {
        return c.has(own) ? c.get(own) : c.get(general);
    }

    // the step the deciding rule names to try first (an app password asked for: creating one, not checking the password),
    // counted in the steps the explanation shows; null for step 1, which is the order the category's steps have anyway,
    // and for a number past them (an application's override removed some)
    private static @Nullable String namedStep(List<String> advice, OptionalInt firstStep) {
        return firstStep.isEmpty() || firstStep.getAsInt() == 1 || firstStep.getAsInt() > advice.size() ? null
                : advice.get(firstStep.getAsInt() - 1);
    }

    // where the title, summary and steps come from: the category's own, or its texts for the one who acts where that is
    // not the category's own and the catalog has them ("category.policy-violation.by.sender-admin": a rule of the
    // sender's own organization, which the category's texts, written for the recipient's, would misstate)
    private static String texts(Catalog c, Diagnosis diagnosis, String prefix) {
        String byActor = prefix + ".by." + diagnosis.actor().id();
        return diagnosis.actor() != diagnosis.category().actor() && c.has(byActor + ".title") ? byActor : prefix;
    }

    // whom to contact, in the category's words, unless who acts is not the category's own: then in the words of the
    // category's texts for that actor where they have a contact line, else in the actor's own line where there is one (the
    // sender's provider for its own server's fault, Diagnosis.fromSendersOwnServer, where the category says "the recipient")
    private static String contact(Catalog c, Diagnosis diagnosis, String prefix, String texts) {
        if (diagnosis.actor() == diagnosis.category().actor()) {
            return c.get(prefix + ".contact");
        }
        String byActor = texts + ".contact";
        String actors = "contact." + diagnosis.actor().id();
        return !texts.equals(prefix) && c.has(byActor) ? c.get(byActor) : c.has(actors) ? c.get(actors) : c.get(prefix + ".contact");
    }

    private static String confidenceKey(double confidence) {
        if (confidence >= 0.75) {
            return "confidence.high";
        }
        return confidence >= 0.45 ? "confidence.medium" : "confidence.low";
    }

    private static String meaning(Catalog c, CodeMeaning m, String unregisteredKey, String argName) {
        if (m.key().isPresent()) {
            return c.get(m.key().get());
        }
        String digits = m.areaKey()
                .map(area -> c.format("meaning.structural", Map.of("classMeaning", c.get(m.classKey()), "areaMeaning", c.get(area))))
                .orElseGet(() -> c.get(m.classKey()));
        // the catalog joins the sentence and the digits' meaning: "…: {digits}", "…：{digits}" with no space in Chinese
        return c.format(unregisteredKey, Map.of(argName, m.code(), "digits", digits));
    }

    /**
     * The reply as the server sent it, sanitized and capped, with line breaks kept: its code (and status) in front when
     * they were given apart from the text, never in front of a text that quotes them itself (a log line's "… said: 550 …").
     */
    static String displayText(SmtpReply reply, int limit) {
        String raw = reply.raw().strip();
        Optional<String> code = reply.code().map(Object::toString);
        if (code.isPresent() && !raw.startsWith(code.get()) && !quotes(raw, code.get())) {
            String status = reply.status().map(s -> s + " ").orElse("");
            raw = code.get() + " " + (raw.contains(status.strip()) && !status.isEmpty() ? "" : status) + raw;
        }
        return ServerText.sanitize(raw, limit, true);
    }

    // whether the text holds the code as a number of its own ("said: 550 5.1.1"), not inside a longer one
    private static boolean quotes(String text, String code) {
        for (int at = text.indexOf(code); at >= 0; at = text.indexOf(code, at + 1)) {
            int end = at + code.length();
            if ((at == 0 || !Character.isDigit(text.charAt(at - 1))) && (end == text.length() || !Character.isDigit(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Builds an {@link Explainer}. Not thread-safe: use it from one thread, then share the explainer it
     * builds.
     */
    public static final class Builder {
        private boolean nativeDigits;
        private int serverTextLimit = ServerText.DEFAULT_MAX_CHARS;
        private final Map<Locale, Map<String, String>> overrides = new HashMap<>();

        private Builder() {
        }

        /**
         * Formats counts with the locale's native digits (Gujarati ૦–૯, Arabic-Indic …). SMTP codes stay
         * in ASCII digits: people search for them.
         *
         * @param nativeDigits true for the locale's native digits; false (the default) for ASCII digits
         *     in every locale
         * @return this builder
         */
        public Builder nativeDigits(boolean nativeDigits) {
            this.nativeDigits = nativeDigits;
            return this;
        }

        /**
         * Caps the server text shown in an explanation (default {@value ServerText#DEFAULT_MAX_CHARS}).
         *
         * @param maxChars the cap in characters, at least 16; longer text is cut and ends with "…"
         * @return this builder
         * @throws IllegalArgumentException if {@code maxChars} is less than 16
         */
        public Builder serverTextLimit(int maxChars) {
            if (maxChars < 16) {
                throw new IllegalArgumentException("serverTextLimit must be at least 16 characters: " + maxChars);
            }
            this.serverTextLimit = maxChars;
            return this;
        }

        /**
         * Replaces one message for a locale ({@link Locale#ROOT} for every locale), e.g.
         * {@code override(Locale.ROOT, "category.authentication-failed.contact", "Call the IT helpdesk at x1234.")}.
         *
         * @param locale {@link Locale#ROOT} for every locale, a language ({@code pt}) or a
         *     {@linkplain #supportedLocales() supported locale} ({@code pt-BR}); the more specific override
         *     wins. An override reaches every reader whose locale {@linkplain Explainer#resolve resolves} to that
         *     catalog: one for {@code pt} or {@code pt-BR} reaches readers of {@code pt}, {@code pt-BR} and {@code pt-PT};
         *     one for {@code zh} or {@code zh-CN} readers of Simplified Chinese ({@code zh}, {@code zh-Hans},
         *     {@code zh-SG}), not of Traditional
         * @param key a key of the shipped English catalog
         * @param pattern an ICU {@code MessageFormat} pattern with the same placeholders as the English
         *     message; a later override of the same locale and key replaces an earlier one
         * @return this builder
         * @throws IllegalArgumentException if no catalog would read the override (a locale such as
         *     {@code gu-IN}, whose readers get the {@code gu} catalog, or a language no catalog has), the key is
         *     not a catalog key, or the pattern does not parse or uses other placeholders than the English message
         */
        public Builder override(Locale locale, String key, String pattern) {
            Objects.requireNonNull(locale, "locale");
            Objects.requireNonNull(pattern, "pattern");
            if (!readsOverrides(locale)) {
                throw new IllegalArgumentException("no catalog reads overrides for " + locale.toLanguageTag()
                        + ": use Locale.ROOT (every locale), one of " + supportedLocales().stream().map(Locale::toLanguageTag).toList()
                        + " or its language");
            }
            ResourceBundle english = SHIPPED.bundle(Locale.ROOT).orElseThrow();
            if (key == null || !english.containsKey(key)) {
                throw new IllegalArgumentException("not a catalog key: " + key);
            }
            try {
                var expected = Patterns.argumentNames(english.getString(key));
                var actual = Patterns.argumentNames(pattern);
                if (!expected.equals(actual)) {
                    throw new IllegalArgumentException("override of " + key + " must use the placeholders " + expected + ", not " + actual);
                }
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("override of")) {
                    throw e;
                }
                throw new IllegalArgumentException("override of " + key + " is not a valid ICU message pattern: " + e.getMessage(), e);
            }
            overrides.computeIfAbsent(locale, l -> new HashMap<>()).put(key, pattern);
            return this;
        }

        /** Whether a catalog reads overrides for {@code locale}: the root, a shipped locale or its language. */
        private static boolean readsOverrides(Locale locale) {
            if (locale.equals(Locale.ROOT)) {
                return true;
            }
            for (Locale shipped : supportedLocales()) {
                if (shipped.equals(locale) || locale.toLanguageTag().equals(shipped.getLanguage())) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Replaces several messages for a locale; see {@link #override(Locale, String, String)}.
         *
         * @param locale the locale the messages are for; {@link Locale#ROOT} for every locale
         * @param patterns the patterns by catalog key
         * @return this builder
         * @throws IllegalArgumentException as {@link #override(Locale, String, String)} does, for the first
         *     invalid entry met; entries met before it stay added
         */
        public Builder overrides(Locale locale, Map<String, String> patterns) {
            patterns.forEach((k, v) -> override(locale, k, v));
            return this;
        }

        /**
         * Layers an application bundle over the shipped one: {@code baseName.properties} (UTF-8) applies
         * to every locale, {@code baseName_gu.properties} to Gujarati, and so on, as with
         * {@link ResourceBundle}. Every key it has replaces the shipped message.
         *
         * @param baseName the bundle's base name, dot-separated ({@code com.example.MailTexts}); only the
         *     files of {@linkplain #supportedLocales() supported locales} and of their languages are read
         *     ({@code _pt} and {@code _pt_BR}, {@code _zh} and {@code _zh_CN}, each as {@link #override} reads that
         *     locale: the regional file wins), and missing files are skipped
         * @param loader the class loader that finds the files
         * @return this builder
         * @throws IllegalArgumentException if a file cannot be read or holds an invalid override
         */
        public Builder overrideBundle(String baseName, ClassLoader loader) {
            String path = baseName.replace('.', '/');
            for (Locale l : supportedLocales()) {
                if (l.equals(Locale.ENGLISH)) {
                    readOverrideFile(path + ".properties", Locale.ROOT, loader);
                    continue;
                }
                if (!l.getCountry().isEmpty()) {
                    // the language's file (MailTexts_pt) as override(pt, …) takes it
                    readOverrideFile(path + "_" + l.getLanguage() + ".properties", Locale.forLanguageTag(l.getLanguage()), loader);
                }
                readOverrideFile(path + "_" + l.toLanguageTag().replace('-', '_') + ".properties", l, loader);
            }
            return this;
        }

        private void readOverrideFile(String resource, Locale target, ClassLoader loader) {
            try (var in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    return;
                }
                java.util.Properties props = new java.util.Properties();
                props.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                for (String key : props.stringPropertyNames()) {
                    override(target, key, props.getProperty(key));
                }
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read override bundle " + resource + ": " + e.getMessage(), e);
            }
        }

        /**
         * Builds the explainer. The builder stays usable; later changes do not affect explainers already built.
         *
         * @return the explainer, immutable and thread-safe
         */
        public Explainer build() {
            return new Explainer(this);
        }
    }
}
