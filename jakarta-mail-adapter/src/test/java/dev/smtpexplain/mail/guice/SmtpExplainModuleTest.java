package dev.smtpexplain.mail.guice;

import static dev.smtpexplain.mail.support.Subetha.accept;
import static dev.smtpexplain.mail.support.Subetha.acceptContent;
import static dev.smtpexplain.mail.support.TestMail.message;
import static dev.smtpexplain.mail.support.TestMail.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.mail.ExplainingSenderFactory;
import dev.smtpexplain.mail.LocaleSource;
import dev.smtpexplain.mail.SendFailureAnalyzer;
import dev.smtpexplain.mail.ExplainedSendFailedException;
import dev.smtpexplain.mail.SendFailureReport;
import dev.smtpexplain.mail.support.NoThreadLeaks;
import dev.smtpexplain.mail.support.Subetha;
import jakarta.mail.Session;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.subethamail.smtp.RejectException;

/** A real injector: the module's bindings, the app's rules and overrides, and a send through it. */
@ExtendWith(NoThreadLeaks.class)
@Timeout(20)
class SmtpExplainModuleTest {

    private static final String CONTACT = "Call the ACME helpdesk at extension 1234.";

    /** The application's own module: one rule, one text override, its locale source. */
    private static final class AcmeModule extends AbstractModule {
        private final Locale locale;

        AcmeModule(Locale locale) {
            this.locale = locale;
        }

        @Override
        protected void configure() {
            SmtpExplainModule.rules(binder()).addBinding().toInstance(new RuleContribution("acme-rules",
                    "acme.quota   sending-quota-exceeded   any-class   \"acme outbound quota\""));
            SmtpExplainModule.textOverrides(binder()).addBinding().toInstance(
                    new TextOverride(Locale.ROOT, "category.authentication-failed.contact", CONTACT));
            if (locale != null) {
                SmtpExplainModule.localeSource(binder()).toInstance(LocaleSource.fixed(locale));
            }
        }
    }

    @Test
    void bindsSingletons() {
        Injector injector = Guice.createInjector(new SmtpExplainModule());
        assertThat(injector.getInstance(Diagnoser.class)).isSameAs(injector.getInstance(Diagnoser.class));
        assertThat(injector.getInstance(Explainer.class)).isSameAs(injector.getInstance(Explainer.class));
        assertThat(injector.getInstance(SendFailureAnalyzer.class)).isSameAs(injector.getInstance(SendFailureAnalyzer.class));
        ExplainingSenderFactory factory = injector.getInstance(ExplainingSenderFactory.class);
        assertThat(factory).isSameAs(injector.getInstance(ExplainingSenderFactory.class));
        assertThat(factory.analyzer()).isSameAs(injector.getInstance(SendFailureAnalyzer.class));
        // the default locale source is the JVM's, read at each call
        assertThat(injector.getInstance(LocaleSource.class).locale()).isEqualTo(Locale.getDefault());
    }

    @Test
    void installingTwiceIsHarmless() {
        Injector injector = Guice.createInjector(new SmtpExplainModule(), new SmtpExplainModule());
        assertThat(injector.getInstance(Diagnoser.class)).isNotNull();
    }

    @Test
    void appRulesOverridesAndLocaleTakeEffectInARealSend() throws Exception {
        Injector injector = Guice.createInjector(new SmtpExplainModule(), new AcmeModule(Locale.ENGLISH));
        ExplainingSenderFactory factory = injector.getInstance(ExplainingSenderFactory.class);
        assertThat(injector.getInstance(Diagnoser.class).ruleCount()).isEqualTo(Diagnoser.standard().ruleCount() + 1);

        try (Subetha server = Subetha.start(f -> {
            throw new RejectException(550, "5.7.1 Your ACME outbound quota is used up for today");
        }, accept(), acceptContent())) {
            Session s = session(server.port());
            ExplainedSendFailedException e = catchThrowableOfType(ExplainedSendFailedException.class,
                    () -> factory.forSession(s).send(message(s, "hello", "to@example.test")));
            SendFailureReport r = e.report();
            assertThat(r.category()).isEqualTo(Category.SENDING_QUOTA_EXCEEDED);
            assertThat(r.diagnosis().evidence().ruleId()).isEqualTo("acme.quota");
            assertThat(r.locale()).isEqualTo(Locale.ENGLISH);
        }

        // the override reaches every report the injected analyzer writes
        SendFailureReport auth = factory.explain(new jakarta.mail.AuthenticationFailedException("535 5.7.8 Authentication credentials invalid\n"));
        assertThat(auth.category()).isEqualTo(Category.AUTHENTICATION_FAILED);
        assertThat(auth.explanation().contact()).isEqualTo(CONTACT);
    }

    @Test
    void theAppsLocaleSourceWins() {
        Injector injector = Guice.createInjector(new SmtpExplainModule(), new AcmeModule(Locale.FRENCH));
        SendFailureReport r = injector.getInstance(ExplainingSenderFactory.class)
                .explain(new jakarta.mail.AuthenticationFailedException("535 5.7.8 Authentication credentials invalid\n"));
        assertThat(r.locale().getLanguage()).isEqualTo("fr");
        // a ROOT override applies to every locale
        assertThat(r.explanation().contact()).isEqualTo(CONTACT);
    }

    @Test
    void aBrokenRuleFailsAtInjection() {
        Injector injector = Guice.createInjector(new SmtpExplainModule(), new AbstractModule() {
            @Override
            protected void configure() {
                SmtpExplainModule.rules(binder()).addBinding().toInstance(new RuleContribution("bad", "no-such-category-line"));
            }
        });
        assertThatThrownBy(() -> injector.getInstance(Diagnoser.class)).isInstanceOf(ProvisionException.class)
                .hasMessageContaining("bad");
        assertThatThrownBy(() -> Guice.createInjector(new SmtpExplainModule(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(Diagnoser.class).toInstance(Diagnoser.standard());
            }
        })).isInstanceOf(CreationException.class);
    }
}
