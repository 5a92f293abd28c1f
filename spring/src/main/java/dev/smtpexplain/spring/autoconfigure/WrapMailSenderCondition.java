package dev.smtpexplain.spring.autoconfigure;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether {@code smtp-explain.wrap-mail-sender} is true, read as {@link SmtpExplainProperties} binds it: {@code on}, {@code
 * yes} and {@code 1} are true there, and a string comparison with "true" would leave the sender unwrapped for them; an
 * absent property is true, a value that is no boolean fails the start as the binding does.
 */
final class WrapMailSenderCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment()).bind("smtp-explain.wrap-mail-sender", Boolean.class).orElse(true);
    }
}
