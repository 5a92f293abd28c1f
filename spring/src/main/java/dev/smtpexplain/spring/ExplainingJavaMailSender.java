package dev.smtpexplain.spring;

import dev.smtpexplain.spring.internal.SenderTransports;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessagePreparator;
import jakarta.mail.internet.MimeMessage;

/**
 * A {@link JavaMailSender} that sends through another one and rethrows its failures explained: a
 * {@link MailException} of the same Spring type that is also an {@link ExplainedMailException}
 * ({@link ExplainedMailSendException} for send failures), so existing {@code catch (MailException e)}
 * code keeps working and new code reads the reports. Thread-safe when the delegate is.
 *
 * <pre>{@code
 * JavaMailSender sender = new ExplainingJavaMailSender(mailSenderImpl, MailFailureExplainer.standard());
 * try {
 *     sender.send(message);
 * } catch (ExplainedMailSendException e) {
 *     e.reports();          // one per failed message, in the LocaleContextHolder's language
 * }
 * }</pre>
 *
 * Spring Boot wraps the application's sender this way on its own ({@code smtp-explain.wrap-mail-sender}).
 *
 * <p>A delegate that is Spring's {@code JavaMailSenderImpl} sends through smtp-explain's transport
 * ({@link dev.smtpexplain.mail.MailFailures#installTransport}, set in its Session before each send): it behaves as
 * Angus's does and lets a report tell a send whose reply never came after the whole content from one that failed.
 */
public final class ExplainingJavaMailSender implements JavaMailSender {

    private final JavaMailSender delegate;
    private final MailFailureExplainer explainer;

    /**
     * Wraps a sender.
     *
     * @param delegate the sender that does the work
     * @param explainer explains the delegate's failures, in the reader's language at the time of the send
     */
    public ExplainingJavaMailSender(JavaMailSender delegate, MailFailureExplainer explainer) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.explainer = Objects.requireNonNull(explainer, "explainer");
    }

    /** {@return the sender that does the work} */
    public JavaMailSender delegate() {
        return delegate;
    }

    @Override
    public MimeMessage createMimeMessage() {
        return delegate.createMimeMessage();
    }

    @Override
    public MimeMessage createMimeMessage(InputStream contentStream) throws MailException {
        return explained(() -> delegate.createMimeMessage(contentStream));
    }

    @Override
    public void send(MimeMessage mimeMessage) throws MailException {
        explained(() -> delegate.send(mimeMessage));
    }

    @Override
    public void send(MimeMessage... mimeMessages) throws MailException {
        explained(() -> delegate.send(mimeMessages));
    }

    @Override
    public void send(MimeMessagePreparator mimeMessagePreparator) throws MailException {
        explained(() -> delegate.send(mimeMessagePreparator));
    }

    @Override
    public void send(MimeMessagePreparator... mimeMessagePreparators) throws MailException {
        explained(() -> delegate.send(mimeMessagePreparators));
    }

    @Override
    public void send(SimpleMailMessage simpleMessage) throws MailException {
        explained(() -> delegate.send(simpleMessage));
    }

    @Override
    public void send(SimpleMailMessage... simpleMessages) throws MailException {
        explained(() -> delegate.send(simpleMessages));
    }

    private void explained(Runnable send) {
        explained(() -> {
            send.run();
            return null;
        });
    }

    private <T> T explained(Supplier<T> call) {
        SenderTransports.install(delegate);
        try {
            return call.get();
        } catch (MailException e) {
            throw explainer.explained(e);
        }
    }
}
