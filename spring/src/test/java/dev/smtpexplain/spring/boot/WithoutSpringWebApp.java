package dev.smtpexplain.spring.boot;

import dev.smtpexplain.spring.ExplainedMailException;
import dev.smtpexplain.spring.MailFailureExplainer;
import dev.smtpexplain.spring.MailProblemDetails;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.ClassUtils;

/**
 * A batch job's Boot application, started by {@link WithoutSpringWebTest} in a JVM whose class path lacks
 * spring-web: it sends one message to {@code args[1]} through the server at 127.0.0.1:{@code args[0]} and prints
 * what a person would look at, one {@code key=value} a line.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class WithoutSpringWebApp {

    public static void main(String[] args) {
        System.out.println("spring-web=" + ClassUtils.isPresent("org.springframework.http.ProblemDetail", null));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WithoutSpringWebApp.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + args[0], "--spring.main.banner-mode=off",
                        "--logging.level.root=warn")) {
            SimpleMailMessage m = new SimpleMailMessage();
            m.setFrom("app@example.test");
            m.setTo(args[1]);
            m.setText("hello");
            try {
                context.getBean(JavaMailSender.class).send(m);
                System.out.println("sent");
            } catch (MailException e) {
                System.out.println("exception=" + e.getClass().getSimpleName());
                if (e instanceof ExplainedMailException x) {
                    System.out.println("category=" + x.report().diagnosis().category().id());
                }
                System.out.println("report=" + context.getBean(MailFailureExplainer.class).report(e).diagnosis().category().id());
                System.out.println("problem-details-bean=" + context.getBeanNamesForType(MailProblemDetails.class).length);
            }
        }
    }
}
