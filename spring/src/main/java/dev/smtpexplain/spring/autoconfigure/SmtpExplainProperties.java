package dev.smtpexplain.spring.autoconfigure;

import dev.smtpexplain.i18n.Explainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/** The {@code smtp-explain.*} properties. */
@ConfigurationProperties("smtp-explain")
public class SmtpExplainProperties {

    /**
     * Language of the reports when the thread has no Spring locale context (background jobs, scheduled
     * sends). In a web request the request's LocaleResolver decides; set spring.web.locale for requests
     * without an Accept-Language header. Unset: LocaleContextHolder's default, then the JVM's.
     */
    private @Nullable Locale defaultLocale;

    /** Whether counts are written with the language's own digits (e.g. Gujarati ૩); SMTP codes stay ASCII. */
    private boolean nativeDigits = false;

    /**
     * Extra rule files (Spring resource locations such as classpath:mail-rules.txt), in the rule language of
     * docs/rules.md: rule blocks as in the built-in rules.txt, or one-line rules. They are checked before the
     * built-in rules. Read as UTF-8; a file in another charset fails the start.
     */
    private List<Resource> rules = new ArrayList<>();

    /**
     * Basenames of the application's message bundles to read text overrides from: each key starting with
     * "smtp-explain." replaces the catalog message named by the rest of the key, e.g.
     * smtp-explain.category.authentication-failed.contact. Unset: those of spring.messages.basename (Boot's
     * default "messages"); empty: none.
     */
    private @Nullable List<String> messagesBasename;

    /**
     * Whether the application's JavaMailSender beans are made to throw explained exceptions
     * (ExplainedMailSendException and its siblings, subclasses of the exceptions Spring throws).
     */
    private boolean wrapMailSender = true;

    /** The ProblemDetail type is this prefix followed by the category id (a URI once the id is appended). */
    private String problemTypePrefix = "urn:smtp-explain:category:";

    /** {@return {@code smtp-explain.default-locale}; null when unset} */
    public @Nullable Locale getDefaultLocale() {
        return defaultLocale;
    }

    /**
     * Sets {@code smtp-explain.default-locale}.
     *
     * @param defaultLocale the reports' language outside a Spring locale context; null for
     *     LocaleContextHolder's default, then the JVM's
     * @throws IllegalArgumentException if no shipped catalog answers for it (a typo such as {@code gujarati} would
     *     otherwise give English reports without a word)
     */
    public void setDefaultLocale(@Nullable Locale defaultLocale) {
        if (defaultLocale != null && !Explainer.standard().resolve(defaultLocale).getLanguage().equals(defaultLocale.getLanguage())) {
            throw new IllegalArgumentException("smtp-explain.default-locale '" + defaultLocale.toLanguageTag()
                    + "' has no catalog; the catalogs are " + Explainer.supportedLocales().stream().map(Locale::toLanguageTag).toList());
        }
        this.defaultLocale = defaultLocale;
    }

    /** {@return {@code smtp-explain.native-digits}; false by default} */
    public boolean isNativeDigits() {
        return nativeDigits;
    }

    /**
     * Sets {@code smtp-explain.native-digits}.
     *
     * @param nativeDigits true to write counts with the language's own digits
     */
    public void setNativeDigits(boolean nativeDigits) {
        this.nativeDigits = nativeDigits;
    }

    /** {@return {@code smtp-explain.rules}: the extra rule files; empty by default} */
    public List<Resource> getRules() {
        return rules;
    }

    /**
     * Sets {@code smtp-explain.rules}.
     *
     * @param rules the extra rule files, checked before the built-in rules; kept, not copied
     */
    public void setRules(List<Resource> rules) {
        this.rules = rules;
    }

    /**
     * {@return {@code smtp-explain.messages-basename}; null when unset (then those of
     * {@code spring.messages.basename} apply), empty for no overrides}
     */
    public @Nullable List<String> getMessagesBasename() {
        return messagesBasename;
    }

    /**
     * Sets {@code smtp-explain.messages-basename}.
     *
     * @param messagesBasename the bundles to read text overrides from; null for those of
     *     {@code spring.messages.basename}, empty for none
     */
    public void setMessagesBasename(@Nullable List<String> messagesBasename) {
        this.messagesBasename = messagesBasename;
    }

    /** {@return {@code smtp-explain.wrap-mail-sender}; true by default} */
    public boolean isWrapMailSender() {
        return wrapMailSender;
    }

    /**
     * Sets {@code smtp-explain.wrap-mail-sender}.
     *
     * @param wrapMailSender false to leave the application's JavaMailSender beans as they are
     */
    public void setWrapMailSender(boolean wrapMailSender) {
        this.wrapMailSender = wrapMailSender;
    }

    /** {@return {@code smtp-explain.problem-type-prefix}; {@code urn:smtp-explain:category:} by default} */
    public String getProblemTypePrefix() {
        return problemTypePrefix;
    }

    /**
     * Sets {@code smtp-explain.problem-type-prefix}.
     *
     * @param problemTypePrefix the prefix of the ProblemDetail type; with a category id appended it must be
     *     a URI, or creating the {@code MailProblemDetails} bean fails
     */
    public void setProblemTypePrefix(String problemTypePrefix) {
        this.problemTypePrefix = problemTypePrefix;
    }
}
