package dev.smtpexplain.mail.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.mail.ExplainingSenderFactory;
import dev.smtpexplain.mail.LocaleSource;
import dev.smtpexplain.mail.SendFailureAnalyzer;
import java.util.Set;

/**
 * Binds smtp-explain for Guice: {@link Diagnoser} (built-in rules plus every bound
 * {@link RuleContribution}), {@link Explainer} (shipped catalogs plus every bound
 * {@link TextOverride}), {@link LocaleSource} (the JVM default unless the application sets one),
 * {@link SendFailureAnalyzer} and {@link ExplainingSenderFactory}, all singletons.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new SmtpExplainModule(), new AbstractModule() {
 *     protected void configure() {
 *         SmtpExplainModule.rules(binder()).addBinding().toInstance(new RuleContribution("acme", "acme.quota sending-quota-exceeded any-class \"acme quota\""));
 *         SmtpExplainModule.textOverrides(binder()).addBinding().toInstance(new TextOverride(Locale.ROOT, "category.authentication-failed.contact", "Call the helpdesk at 1234."));
 *         SmtpExplainModule.localeSource(binder()).toInstance(currentUser::locale);
 *     }
 * });
 * injector.getInstance(ExplainingSenderFactory.class).forSession(session).send(message);
 * }</pre>
 *
 * Guice is an optional dependency: nothing outside this package refers to it.
 */
public final class SmtpExplainModule extends AbstractModule {

    /** A module with the standard rules and catalogs; applications add to its multibinders. */
    public SmtpExplainModule() {
    }

    @Override
    protected void configure() {
        rules(binder());
        textOverrides(binder());
        OptionalBinder.newOptionalBinder(binder(), LocaleSource.class).setDefault().toInstance(LocaleSource.jvmDefault());
    }

    /**
     * Opens the set of application rules; add with {@code rules(binder()).addBinding().toInstance(...)}.
     * The rules are parsed when the {@link Diagnoser} is first provided; a malformed rule then fails
     * provisioning with the {@link IllegalArgumentException} naming its line.
     *
     * @param binder the binder of the application's module
     * @return the multibinder of {@link RuleContribution}s
     */
    public static Multibinder<RuleContribution> rules(Binder binder) {
        return Multibinder.newSetBinder(binder, RuleContribution.class);
    }

    /**
     * Opens the set of text overrides; add with {@code textOverrides(binder()).addBinding().toInstance(...)}.
     * The overrides are checked when the {@link Explainer} is first provided, as
     * {@link Explainer.Builder#override} does.
     *
     * @param binder the binder of the application's module
     * @return the multibinder of {@link TextOverride}s
     */
    public static Multibinder<TextOverride> textOverrides(Binder binder) {
        return Multibinder.newSetBinder(binder, TextOverride.class);
    }

    /**
     * Sets the application's locale source: {@code localeSource(binder()).toInstance(user::locale)}. Without
     * it the JVM's default locale is used, read at each report.
     *
     * @param binder the binder of the application's module
     * @return the binding builder to complete; bind it once
     */
    public static com.google.inject.binder.LinkedBindingBuilder<LocaleSource> localeSource(Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, LocaleSource.class).setBinding();
    }

    @Provides
    @Singleton
    Diagnoser diagnoser(Set<RuleContribution> rules) {
        Diagnoser.Builder b = Diagnoser.builder();
        for (RuleContribution r : rules) {
            b.addRules(r.rulesText(), r.source());
        }
        return b.build();
    }

    @Provides
    @Singleton
    Explainer explainer(Set<TextOverride> overrides) {
        Explainer.Builder b = Explainer.builder();
        for (TextOverride o : overrides) {
            b.override(o.locale(), o.key(), o.pattern());
        }
        return b.build();
    }

    @Provides
    @Singleton
    SendFailureAnalyzer analyzer(Diagnoser diagnoser, Explainer explainer) {
        return new SendFailureAnalyzer(diagnoser, explainer);
    }

    @Provides
    @Singleton
    ExplainingSenderFactory senderFactory(SendFailureAnalyzer analyzer, LocaleSource locales) {
        return new ExplainingSenderFactory(analyzer, locales);
    }

    // installing the module twice is harmless: Guice skips an equal module
    @Override
    public boolean equals(Object o) {
        return o instanceof SmtpExplainModule;
    }

    @Override
    public int hashCode() {
        return SmtpExplainModule.class.hashCode();
    }
}
