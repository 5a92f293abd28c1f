package dev.smtpexplain.spring.autoconfigure;

import static dev.smtpexplain.spring.support.RefusingSmtpServer.NOUSER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.mail.LocaleSource;
import dev.smtpexplain.mail.SendFailureAnalyzer;
import dev.smtpexplain.mail.SendFailureReport;
import dev.smtpexplain.spring.ExplainedMailException;
import dev.smtpexplain.spring.ExplainedMailSendException;
import dev.smtpexplain.spring.ExplainingJavaMailSender;
import dev.smtpexplain.spring.MailFailureExplainer;
import dev.smtpexplain.spring.MailProblemDetails;
import dev.smtpexplain.spring.support.RefusingSmtpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Each condition and property of {@link SmtpExplainAutoConfiguration}, on Boot's own mail auto-configuration. */
@Timeout(60)
class SmtpExplainAutoConfigurationTest {

    private static final Locale GU = Locale.forLanguageTag("gu");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(bootsMailSenderAutoConfiguration(), SmtpExplainAutoConfiguration.class));

    private final ApplicationContextRunner withMail = runner.withPropertyValues("spring.mail.host=127.0.0.1");

    /**
     * Boot's mail auto-configuration, by the name of the Boot line on the class path: these tests run on Boot 4 here and
     * on Boot 3 in the spring-boot3-tests module, where AutoConfigurations orders the two as an application's start does.
     */
    private static Class<?> bootsMailSenderAutoConfiguration() {
        for (String name : List.of("org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration",
                "org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration")) {
            try {
                return Class.forName(name);
            } catch (ClassNotFoundException e) {
                // the other line's
            }
        }
        throw new AssertionError("no MailSenderAutoConfiguration of Boot 3 or 4 on the class path");
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    private static SimpleMailMessage message(String to) {
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom("app@example.test");
        m.setTo(to);
        m.setText("hello");
        return m;
    }

    @Test
    void withoutAMailSenderNothingIsConfigured() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(JavaMailSender.class).doesNotHaveBean(MailFailureExplainer.class)
                    .doesNotHaveBean(Diagnoser.class).doesNotHaveBean(Explainer.class);
        });
    }

    @Test
    void withoutSpringMailOnTheClassPathNothingIsConfigured() {
        runner.withClassLoader(new FilteredClassLoader(JavaMailSender.class)).withUserConfiguration(OwnSender.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MailFailureExplainer.class));
    }

    @Test
    void withBootsSenderEveryBeanIsThereAndTheSenderIsWrapped() {
        try (RefusingSmtpServer server = RefusingSmtpServer.postfixLike()) {
            withMail.withPropertyValues("spring.mail.port=" + server.port()).run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(Diagnoser.class).hasSingleBean(Explainer.class)
                        .hasSingleBean(SendFailureAnalyzer.class).hasSingleBean(LocaleSource.class)
                        .hasSingleBean(MailProblemDetails.class).hasSingleBean(MailFailureExplainer.class);
                // still a JavaMailSenderImpl for code (and Boot's health indicator) that injects the class
                JavaMailSenderImpl sender = context.getBean(JavaMailSenderImpl.class);
                assertThat(sender.getPort()).isEqualTo(server.port());
                LocaleContextHolder.setLocale(GU);

                Throwable e = catchThrowable(() -> sender.send(message(NOUSER)));

                assertThat(e).isInstanceOf(ExplainedMailSendException.class);
                ExplainedMailException x = (ExplainedMailException) e;
                assertThat(x.report().locale()).isEqualTo(GU);
                assertThat(x.report().failureFor(NOUSER).orElseThrow().diagnosis().category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
            });
        }
    }

    @Test
    void wrapMailSenderFalseLeavesTheSenderAlone() {
        try (RefusingSmtpServer server = RefusingSmtpServer.postfixLike()) {
            withMail.withPropertyValues("spring.mail.port=" + server.port(), "smtp-explain.wrap-mail-sender=false").run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(MailFailureExplainer.class);
                JavaMailSender sender = context.getBean(JavaMailSender.class);
                assertThat(sender.getClass()).isEqualTo(JavaMailSenderImpl.class);

                Throwable e = catchThrowable(() -> sender.send(message(NOUSER)));

                assertThat(e).isInstanceOf(MailSendException.class).isNotInstanceOf(ExplainedMailException.class);
                // the explainer bean still explains it
                assertThat(context.getBean(MailFailureExplainer.class).explain((MailSendException) e, Locale.ENGLISH).get(0).category())
                        .isEqualTo(Category.RECIPIENT_UNKNOWN);
            });
        }
    }

    /** Every value the properties bind as true wraps the sender, every false one leaves it (outside tester 62: "on" did not). */
    @Test
    void wrapMailSenderIsReadAsThePropertiesBindIt() {
        try (RefusingSmtpServer server = RefusingSmtpServer.postfixLike()) {
            for (String value : new String[] {"true", "on", "yes", "TRUE", "false", "off", "no"}) {
                boolean wrapped = java.util.Set.of("true", "on", "yes", "TRUE").contains(value);
                withMail.withPropertyValues("spring.mail.port=" + server.port(), "smtp-explain.wrap-mail-sender=" + value).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(SmtpExplainProperties.class).isWrapMailSender()).as(value).isEqualTo(wrapped);
                    Throwable e = catchThrowable(() -> context.getBean(JavaMailSender.class).send(message(NOUSER)));
                    assertThat(e instanceof ExplainedMailException).as(value).isEqualTo(wrapped);
                });
            }
            withMail.withPropertyValues("smtp-explain.wrap-mail-sender=maybe").run(context -> assertThat(context).hasFailed());
        }
    }

    @Test
    void theApplicationsOwnSenderIsWrappedToo() {
        try (RefusingSmtpServer server = RefusingSmtpServer.postfixLike()) {
            runner.withUserConfiguration(OwnSender.class).withPropertyValues("own.port=" + server.port()).run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(MailFailureExplainer.class);
                Throwable e = catchThrowable(() -> context.getBean(JavaMailSender.class).send(message(NOUSER)));
                assertThat(e).isInstanceOf(ExplainedMailSendException.class);
            });
        }
    }

    @Test
    void aFinalSenderClassIsWrappedThroughItsInterfaces() {
        try (RefusingSmtpServer server = RefusingSmtpServer.postfixLike()) {
            runner.withUserConfiguration(FinalSenderConfig.class).withPropertyValues("own.port=" + server.port()).run(context -> {
                assertThat(context).hasNotFailed();
                JavaMailSender sender = context.getBean(JavaMailSender.class);
                assertThat(sender).isNotInstanceOf(FinalSender.class);
                assertThat(catchThrowable(() -> sender.send(message(NOUSER)))).isInstanceOf(ExplainedMailSendException.class);
            });
        }
    }

    @Test
    void anExplainingSenderOfTheApplicationsOwnIsNotWrappedAgain() {
        runner.withUserConfiguration(OwnExplainingSender.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(JavaMailSender.class)).isExactlyInstanceOf(ExplainingJavaMailSender.class);
        });
    }

    @Test
    void everyBeanBacksOffForTheApplicationsOwn() {
        withMail.withUserConfiguration(OwnBeans.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Diagnoser.class)).isSameAs(OwnBeans.DIAGNOSER);
            assertThat(context.getBean(Explainer.class)).isSameAs(OwnBeans.EXPLAINER);
            assertThat(context.getBean(SendFailureAnalyzer.class)).isSameAs(OwnBeans.ANALYZER);
            assertThat(context.getBean(LocaleSource.class)).isSameAs(OwnBeans.LOCALES);
            assertThat(context.getBean(MailProblemDetails.class)).isSameAs(OwnBeans.PROBLEMS);
            assertThat(context.getBean(MailFailureExplainer.class)).isSameAs(OwnBeans.MAIL_EXPLAINER);
        });
    }

    @Test
    void theAnalyzerIsBuiltFromTheDiagnoserAndExplainerBeans() {
        withMail.withUserConfiguration(OwnDiagnoserOnly.class).run(context -> {
            assertThat(context.getBean(SendFailureAnalyzer.class).diagnoser()).isSameAs(OwnDiagnoserOnly.DIAGNOSER);
            assertThat(context.getBean(SendFailureAnalyzer.class).explainer()).isSameAs(context.getBean(Explainer.class));
            assertThat(context.getBean(MailFailureExplainer.class).analyzer()).isSameAs(context.getBean(SendFailureAnalyzer.class));
        });
    }

    @Test
    void defaultLocaleAppliesWithoutALocaleContext() {
        withMail.withPropertyValues("smtp-explain.default-locale=gu_IN").run(context -> {
            LocaleContextHolder.resetLocaleContext();
            LocaleSource locales = context.getBean(LocaleSource.class);
            assertThat(locales.locale()).isEqualTo(Locale.forLanguageTag("gu-IN"));
            LocaleContextHolder.setLocale(Locale.FRENCH);
            assertThat(locales.locale()).isEqualTo(Locale.FRENCH);
        });
    }

    /** A default language no catalog answers for fails the start by name, not into English reports (outside tester 62). */
    @Test
    void aDefaultLocaleWithoutACatalogFailsTheStart() {
        for (String value : new String[] {"gujarati", "not_a_locale_at_all", "sr"}) {
            withMail.withPropertyValues("smtp-explain.default-locale=" + value).run(context -> {
                assertThat(context).as(value).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("has no catalog").hasMessageContaining("gu");
            });
        }
        for (String value : new String[] {"pt_PT", "en_GB", "zh_CN"}) {
            withMail.withPropertyValues("smtp-explain.default-locale=" + value).run(context -> assertThat(context).as(value).hasNotFailed());
        }
    }

    @Test
    void withoutADefaultLocaleTheLocaleContextHoldersOwnDefaultApplies() {
        withMail.run(context -> {
            LocaleContextHolder.resetLocaleContext();
            assertThat(context.getBean(LocaleSource.class).locale()).isEqualTo(LocaleContextHolder.getLocale());
        });
    }

    @Test
    void nativeDigits() {
        withMail.withPropertyValues("smtp-explain.native-digits=true").run(context -> {
            String two = context.getBean(Explainer.class).messages(GU).format("report.recipients.rejected", Map.of("count", 2));
            assertThat(two).contains("૨").doesNotContain("2");
        });
        withMail.run(context -> {
            String two = context.getBean(Explainer.class).messages(GU).format("report.recipients.rejected", Map.of("count", 2));
            assertThat(two).contains("2").doesNotContain("૨");
        });
    }

    @Test
    void extraRuleFilesComeBeforeTheBuiltInRules() {
        withMail.withPropertyValues("smtp-explain.rules=classpath:acme-rules.txt").run(context -> {
            Diagnosis d = context.getBean(Diagnoser.class).diagnose("550 5.1.1 Sorry, VIP list only");
            assertThat(d.category()).isEqualTo(Category.RECIPIENT_REFUSED);
            assertThat(d.evidence().ruleId()).isEqualTo("acme.vip-only");
        });
        withMail.run(context -> {
            Diagnosis d = context.getBean(Diagnoser.class).diagnose("550 5.1.1 Sorry, VIP list only");
            assertThat(d.category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
        });
    }

    @Test
    void aMissingRuleFileFailsTheStart() {
        withMail.withPropertyValues("smtp-explain.rules=classpath:no-such-rules.txt").run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("no-such-rules.txt"));
    }

    @Test
    void aRuleFileInAnotherCharsetFailsTheStart(@TempDir Path dir) throws IOException {
        // "boîte pleine" saved as Latin-1: read leniently, its phrase would never match, and nothing would say why
        Path latin1 = dir.resolve("latin1-rules.txt");
        Files.write(latin1, "rule acme.box  mailbox-full\n    \"bo\u00EEte pleine\"\n".getBytes(StandardCharsets.ISO_8859_1));
        withMail.withPropertyValues("smtp-explain.rules=" + latin1.toUri()).run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("latin1-rules.txt")
                        .hasStackTraceContaining("not valid UTF-8"));
        Files.writeString(latin1, "rule acme.box  mailbox-full\n    \"bo\u00EEte pleine\"\n");
        withMail.withPropertyValues("smtp-explain.rules=" + latin1.toUri()).run(context ->
                assertThat(context.getBean(Diagnoser.class).diagnose("452 4.2.2 Boîte pleine").evidence().ruleId()).isEqualTo("acme.box"));
    }

    @Test
    void textOverridesFromTheApplicationsMessageBundles() {
        withMail.withPropertyValues("smtp-explain.messages-basename=acme-messages").run(context -> {
            Explainer explainer = context.getBean(Explainer.class);
            assertThat(explainer.messages(Locale.ENGLISH).get("category.authentication-failed.contact"))
                    .isEqualTo("Call the Acme helpdesk at extension 1234.");
            assertThat(explainer.messages(GU).get("category.authentication-failed.contact"))
                    .isEqualTo("Acme હેલ્પડેસ્કને એક્સ્ટેન્શન 1234 પર ફોન કરો.");
            // a language without its own file takes the base file's override
            assertThat(explainer.messages(Locale.GERMAN).get("category.authentication-failed.contact"))
                    .isEqualTo("Call the Acme helpdesk at extension 1234.");
            // other catalog texts stay
            assertThat(explainer.messages(GU).get("category.recipient-unknown.title"))
                    .isEqualTo(Explainer.standard().messages(GU).get("category.recipient-unknown.title"));
        });
    }

    @Test
    void withoutTheirOwnBasenameOverridesComeFromTheApplicationsMessageSourceBundles() {
        withMail.withPropertyValues("spring.messages.basename=app-texts, acme-messages").run(context ->
                assertThat(context.getBean(Explainer.class).messages(GU).get("category.authentication-failed.contact"))
                        .isEqualTo("Acme હેલ્પડેસ્કને એક્સ્ટેન્શન 1234 પર ફોન કરો."));
        withMail.withPropertyValues("spring.messages.basename=acme-messages", "smtp-explain.messages-basename=").run(context ->
                assertThat(context.getBean(Explainer.class).messages(GU).get("category.authentication-failed.contact"))
                        .isEqualTo(Explainer.standard().messages(GU).get("category.authentication-failed.contact")));
    }

    @Test
    void anOverrideOfAKeyTheCatalogDoesNotHaveFailsTheStart() {
        // the message names the application's file and its key, not only the catalog's complaint (outside tester 62)
        withMail.withPropertyValues("smtp-explain.messages-basename=bad-messages").run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("category.no-such-category.title")
                        .hasStackTraceContaining("bad-messages.properties], smtp-explain.category.no-such-category.title: "));
    }

    @Test
    void problemTypePrefix() {
        try (RefusingSmtpServer server = RefusingSmtpServer.postfixLike()) {
            ApplicationContextRunner boot = withMail.withPropertyValues("spring.mail.port=" + server.port());
            boot.withPropertyValues("smtp-explain.problem-type-prefix=https://example.com/problems/").run(context -> {
                Throwable e = catchThrowable(() -> context.getBean(JavaMailSender.class).send(message(NOUSER)));
                SendFailureReport report = context.getBean(MailFailureExplainer.class).report((MailSendException) e);
                assertThat(context.getBean(MailProblemDetails.class).from(report).getType())
                        .isEqualTo(URI.create("https://example.com/problems/recipient-unknown"));
            });
            boot.run(context -> {
                Throwable e = catchThrowable(() -> context.getBean(JavaMailSender.class).send(message(NOUSER)));
                SendFailureReport report = context.getBean(MailFailureExplainer.class).report((MailSendException) e);
                assertThat(context.getBean(MailProblemDetails.class).from(report).getType())
                        .isEqualTo(URI.create(MailProblemDetails.DEFAULT_TYPE_PREFIX + "recipient-unknown"));
            });
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnSender {
        @Bean
        JavaMailSender ownMailSender(org.springframework.core.env.Environment env) {
            JavaMailSenderImpl s = new JavaMailSenderImpl();
            s.setHost("127.0.0.1");
            s.setPort(env.getProperty("own.port", Integer.class, 25));
            return s;
        }
    }

    /** A sender whose class cannot be subclassed. */
    static final class FinalSender implements JavaMailSender {
        private final JavaMailSenderImpl delegate = new JavaMailSenderImpl();

        FinalSender(int port) {
            delegate.setHost("127.0.0.1");
            delegate.setPort(port);
        }

        @Override
        public jakarta.mail.internet.MimeMessage createMimeMessage() {
            return delegate.createMimeMessage();
        }

        @Override
        public jakarta.mail.internet.MimeMessage createMimeMessage(java.io.InputStream in) {
            return delegate.createMimeMessage(in);
        }

        @Override
        public void send(jakarta.mail.internet.MimeMessage... messages) {
            delegate.send(messages);
        }

        @Override
        public void send(SimpleMailMessage... messages) {
            delegate.send(messages);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FinalSenderConfig {
        @Bean
        JavaMailSender finalMailSender(org.springframework.core.env.Environment env) {
            return new FinalSender(env.getProperty("own.port", Integer.class, 25));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnExplainingSender {
        @Bean
        JavaMailSender explainingMailSender() {
            return new ExplainingJavaMailSender(new JavaMailSenderImpl(), MailFailureExplainer.standard());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {
        static final Diagnoser DIAGNOSER = Diagnoser.builder().build();
        static final Explainer EXPLAINER = Explainer.builder().build();
        static final SendFailureAnalyzer ANALYZER = new SendFailureAnalyzer(DIAGNOSER, EXPLAINER);
        static final LocaleSource LOCALES = LocaleSource.fixed(Locale.GERMAN);
        static final MailProblemDetails PROBLEMS = new MailProblemDetails("https://example.com/p/");
        static final MailFailureExplainer MAIL_EXPLAINER = new MailFailureExplainer(ANALYZER, LOCALES);

        @Bean
        Diagnoser ownDiagnoser() {
            return DIAGNOSER;
        }

        @Bean
        Explainer ownExplainer() {
            return EXPLAINER;
        }

        @Bean
        SendFailureAnalyzer ownAnalyzer() {
            return ANALYZER;
        }

        @Bean
        LocaleSource ownLocales() {
            return LOCALES;
        }

        @Bean
        MailProblemDetails ownProblems() {
            return PROBLEMS;
        }

        @Bean
        MailFailureExplainer ownMailFailureExplainer() {
            return MAIL_EXPLAINER;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDiagnoserOnly {
        static final Diagnoser DIAGNOSER = Diagnoser.builder().build();

        @Bean
        Diagnoser ownDiagnoser() {
            return DIAGNOSER;
        }
    }
}
