package dev.smtpexplain.spring.internal;

import dev.smtpexplain.spring.ExplainingJavaMailSender;
import dev.smtpexplain.spring.MailFailureExplainer;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Makes every {@link JavaMailSender} bean throw explained exceptions. The bean is proxied as its own
 * class (CGLIB), not wrapped in an {@code ExplainingJavaMailSender}, so code and auto-configuration that
 * inject the concrete type ({@code JavaMailSenderImpl}, e.g. Boot's mail health indicator) still get
 * one; a final class gets a proxy of its interfaces. Beans that are an {@code ExplainingJavaMailSender}
 * already are left alone. A {@code JavaMailSenderImpl} sends through smtp-explain's transport, as with
 * {@code ExplainingJavaMailSender} ({@link SenderTransports}).
 */
public final class ExplainingMailSenderPostProcessor implements BeanPostProcessor {

    private final Supplier<MailFailureExplainer> explainer;

    /** @param explainer looked up at the first failure, so this early bean does not create it */
    public ExplainingMailSenderPostProcessor(Supplier<MailFailureExplainer> explainer) {
        this.explainer = Objects.requireNonNull(explainer, "explainer");
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof JavaMailSender) || bean instanceof ExplainingJavaMailSender
                || bean instanceof Advised advised && isOurs(advised)) {
            return bean;
        }
        ProxyFactory factory = new ProxyFactory(bean);
        // a final class cannot be subclassed: then a proxy of its interfaces, still a JavaMailSender
        factory.setProxyTargetClass(!Modifier.isFinal(bean.getClass().getModifiers()));
        factory.addAdvice(new Interceptor(explainer));
        return factory.getProxy(bean.getClass().getClassLoader());
    }

    private static boolean isOurs(Advised proxy) {
        for (Advisor advisor : proxy.getAdvisors()) {
            if (advisor.getAdvice() instanceof Interceptor) {
                return true;
            }
        }
        return false;
    }

    /**
     * Explains a MailException thrown by any method (the sends, and {@code createMimeMessage(InputStream)}
     * with its parse error). Calls inside the target are not intercepted, so one failure is explained once.
     */
    static final class Interceptor implements MethodInterceptor {
        private final Supplier<MailFailureExplainer> explainer;

        Interceptor(Supplier<MailFailureExplainer> explainer) {
            this.explainer = explainer;
        }

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            SenderTransports.install(invocation.getThis());
            try {
                return invocation.proceed();
            } catch (MailException e) {
                throw explainer.get().explained(e);
            }
        }
    }
}
