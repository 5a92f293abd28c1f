package dev.smtpexplain.spring.autoconfigure;

import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.mail.LocaleSource;
import dev.smtpexplain.mail.SendFailureAnalyzer;
import dev.smtpexplain.spring.MailFailureExplainer;
import dev.smtpexplain.spring.MailProblemDetails;
import dev.smtpexplain.spring.SpringLocaleSource;
import dev.smtpexplain.spring.internal.ExplainingMailSenderPostProcessor;
import dev.smtpexplain.spring.internal.TextOverrides;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.StringUtils;

/**
 * Explained mail failures for a Spring Boot application that has a {@link JavaMailSender} (Boot's own,
 * from {@code spring.mail.host}, or the application's). Every bean backs off when the application
 * defines one of its type; the sender is wrapped unless {@code smtp-explain.wrap-mail-sender=false}.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration", // Boot 4
    "org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration" // Boot 3: without it, its sender comes after
})
@ConditionalOnClass({JavaMailSender.class, SendFailureAnalyzer.class})
@ConditionalOnBean(JavaMailSender.class)
@EnableConfigurationProperties(SmtpExplainProperties.class)
public class SmtpExplainAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Diagnoser smtpExplainDiagnoser(SmtpExplainProperties properties) {
        if (properties.getRules().isEmpty()) {
            return Diagnoser.standard();
        }
        Diagnoser.Builder b = Diagnoser.builder();
        for (Resource rules : properties.getRules()) {
            b.addRules(read(rules), rules.getDescription());
        }
        return b.build();
    }

    @Bean
    @ConditionalOnMissingBean
    Explainer smtpExplainExplainer(SmtpExplainProperties properties, ResourceLoader resources, Environment environment) {
        Explainer.Builder b = Explainer.builder().nativeDigits(properties.isNativeDigits());
        // unset: the bundles behind the application's MessageSource (Boot's spring.messages.basename)
        List<String> basenames = properties.getMessagesBasename() != null ? properties.getMessagesBasename()
                : List.of(StringUtils.commaDelimitedListToStringArray(environment.getProperty("spring.messages.basename", "messages")));
        for (TextOverrides.Override o : TextOverrides.read(resources, basenames)) {
            try {
                b.override(o.locale(), o.key(), o.pattern());
            } catch (IllegalArgumentException e) {
                // the catalog says what is wrong; the application needs to know which of its files says it
                throw new IllegalArgumentException(o.source() + ", " + TextOverrides.PREFIX + o.key() + ": " + e.getMessage(), e);
            }
        }
        return b.build();
    }

    @Bean
    @ConditionalOnMissingBean
    SendFailureAnalyzer smtpExplainAnalyzer(Diagnoser diagnoser, Explainer explainer) {
        return new SendFailureAnalyzer(diagnoser, explainer);
    }

    @Bean
    @ConditionalOnMissingBean
    LocaleSource smtpExplainLocaleSource(SmtpExplainProperties properties) {
        return properties.getDefaultLocale() == null ? SpringLocaleSource.fromLocaleContext()
                : SpringLocaleSource.withDefault(properties.getDefaultLocale());
    }

    @Bean
    @ConditionalOnMissingBean
    MailFailureExplainer smtpExplainMailFailureExplainer(SendFailureAnalyzer analyzer, LocaleSource locales) {
        return new MailFailureExplainer(analyzer, locales);
    }

    /** Problem details for web responses: only with spring-web, which an application without a web layer lacks. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.http.ProblemDetail")
    static class ProblemDetailsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        MailProblemDetails smtpExplainProblemDetails(SmtpExplainProperties properties) {
            return new MailProblemDetails(properties.getProblemTypePrefix());
        }
    }

    // static: a post-processor is created before other beans, and must not pull this configuration in early
    @Bean
    @Conditional(WrapMailSenderCondition.class)
    static ExplainingMailSenderPostProcessor smtpExplainMailSenderPostProcessor(ObjectProvider<MailFailureExplainer> explainer) {
        return new ExplainingMailSenderPostProcessor(explainer::getObject);
    }

    private static String read(Resource rules) {
        try (InputStream in = rules.getInputStream()) {
            // strictly: a byte of another charset would become U+FFFD, and its phrase would silently never match
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(in.readAllBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("smtp-explain rules " + rules.getDescription() + " are not valid UTF-8: save the file as UTF-8", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read smtp-explain rules " + rules.getDescription() + ": " + e.getMessage(), e);
        }
    }
}
