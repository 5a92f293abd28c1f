package dev.smtpexplain.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    private Locale defaultLocale;

    /** Whether counts are written with the language's own digits (e.g. Gujarati ૩); SMTP codes stay ASCII. */
    private boolean nativeDigits = false;

    /**
     * Extra rule files (Spring resource locations such as classpath:mail-rules.txt), one rule per line in
     * the format of the built-in rules.txt. They are checked before the built-in rules.
     */
    private List<Resource> rules = new ArrayList<>();

    /**
     * Basenames of the application's message bundles to read text overrides from: each key starting with
     * "smtp-explain." replaces the catalog message named by the rest of the key, e.g.
     * smtp-explain.category.authentication-failed.contact. Unset: those of spring.messages.basename (Boot's
     * default "messages"); empty: none.
     */
    private List<String> messagesBasename;

    /**
     * Whether the application's JavaMailSender beans are made to throw explained exceptions
     * (ExplainedMailSendException and its siblings, subclasses of the exceptions Spring throws).
     */
    private boolean wrapMailSender = true;

    /** The ProblemDetail type is this prefix followed by the category id (a URI once the id is appended). */
    private String problemTypePrefix = "urn:smtp-explain:category:";

    public Locale getDefaultLocale() {
        return defaultLocale;
    }

    public void setDefaultLocale(Locale defaultLocale) {
        this.defaultLocale = defaultLocale;
    }

    public boolean isNativeDigits() {
        return nativeDigits;
    }

    public void setNativeDigits(boolean nativeDigits) {
        this.nativeDigits = nativeDigits;
    }

    public List<Resource> getRules() {
        return rules;
    }

    public void setRules(List<Resource> rules) {
        this.rules = rules;
    }

    public List<String> getMessagesBasename() {
        return messagesBasename;
    }

    public void setMessagesBasename(List<String> messagesBasename) {
        this.messagesBasename = messagesBasename;
    }

    public boolean isWrapMailSender() {
        return wrapMailSender;
    }

    public void setWrapMailSender(boolean wrapMailSender) {
        this.wrapMailSender = wrapMailSender;
    }

    public String getProblemTypePrefix() {
        return problemTypePrefix;
    }

    public void setProblemTypePrefix(String problemTypePrefix) {
        this.problemTypePrefix = problemTypePrefix;
    }
}
