package dev.smtpexplain.spring;

import static dev.smtpexplain.spring.support.RefusingSmtpServer.GOOD;
import static dev.smtpexplain.spring.support.RefusingSmtpServer.NOUSER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.mail.SendFailureAnalyzer;
import dev.smtpexplain.mail.SendFailureReport;
import dev.smtpexplain.spring.support.Ports;
import dev.smtpexplain.spring.support.RefusingSmtpServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The decorator keeps Spring's exception types and adds reports in the LocaleContextHolder's language. */
@Timeout(30)
class ExplainingJavaMailSenderTest {

    private static final Locale GU = Locale.forLanguageTag("gu");
    private static final MailFailureExplainer EXPLAINER = new MailFailureExplainer(SendFailureAnalyzer.standard(),
            SpringLocaleSource.withDefault(Locale.ENGLISH));

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    private static JavaMailSender explaining(int port) {
        JavaMailSenderImpl s = new JavaMailSenderImpl();
        s.setHost("127.0.0.1");
        s.setPort(port);
        return new ExplainingJavaMailSender(s, EXPLAINER);
    }

    private static SimpleMailMessage message(String... to) {
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom("app@example.test");
        m.setTo(to);
        m.setSubject("hello");
        m.setText("hello");
        return m;
    }

    @Test
    void aSendFailureIsAMailSendExceptionWithTheOriginalMapAndTheReports() {
        try (RefusingSmtpServer server = RefusingSmtpServer.postfixLike()) {
            SimpleMailMessage m = message(GOOD, NOUSER);
            LocaleContextHolder.setLocale(GU);

            Throwable thrown = catchThrowable(() -> explaining(server.port()).send(m));

            // what existing catch blocks see
            assertThat(thrown).isInstanceOf(MailSendException.class).isInstanceOf(MailException.class);
            ExplainedMailSendException e = (ExplainedMailSendException) thrown;
            assertThat(e.getCause()).isInstanceOf(MailSendException.class).isNotInstanceOf(ExplainedMailException.class);
            assertThat(e.getFailedMessages()).isEqualTo(((MailSendException) e.getCause()).getFailedMessages()).containsOnlyKeys(m);
            assertThat(e.getMessageExceptions()).hasSize(1);
            // what new code reads
            SendFailureReport r = e.reportFor(m);
            assertThat(r).isSameAs(e.report());
            assertThat(r.locale()).isEqualTo(GU);
            assertThat(r.failureFor(NOUSER).orElseThrow().diagnosis().category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
            assertThat(e.getMessage()).startsWith(r.headline()).contains("[recipient-unknown at rcpt-to]");
            assertThat(e.reportFor(message(NOUSER))).isNull();
        }
    }

    /**
     * A server that takes the whole message and never answers: through Angus's transport alone the report said "not
     * sent"; the wrapped sender's Session sends through smtp-explain's transport, so it says the message may have
     * arrived, for the recipient the server took (outside tester 63: Spring could not tell).
     */
    @Test
    void aSendNobodyAnsweredIsUnconfirmed() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        org.subethamail.smtp.server.SMTPServer server = org.subethamail.smtp.server.SMTPServer.port(0)
                .bindAddress(java.net.InetAddress.getLoopbackAddress())
                .messageHandlerFactory(ctx -> new org.subethamail.smtp.MessageHandler() {
                    @Override
                    public void from(String from) {
                    }

                    @Override
                    public void recipient(String recipient) {
                    }

                    @Override
                    public String data(java.io.InputStream data) throws java.io.IOException {
                        data.readAllBytes();
                        try {
                            // no reply to the content until the test is over
                            release.await(20, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return null;
                    }

                    @Override
                    public void done() {
                    }
                }).build();
        server.start();
        try {
            JavaMailSenderImpl impl = new JavaMailSenderImpl();
            impl.setHost("127.0.0.1");
            impl.setPort(server.getPortAllocated());
            impl.getJavaMailProperties().setProperty("mail.smtp.timeout", "500");
            JavaMailSender sender = new ExplainingJavaMailSender(impl, EXPLAINER);

            ExplainedMailSendException e = (ExplainedMailSendException) catchThrowable(() -> sender.send(message(GOOD)));

            SendFailureReport r = e.report();
            assertThat(r.outcome()).isEqualTo(SendFailureReport.Outcome.UNCONFIRMED);
            assertThat(r.unconfirmedRecipients()).containsExactly(GOOD);
            assertThat(MailProblemDetails.statusOf(r).value()).isEqualTo(504);
            // Spring's own exception is as it was: the failed message and Angus's exception for it
            assertThat(e.getFailedMessages()).hasSize(1);
            assertThat(e.getMessageExceptions()[0]).isInstanceOf(jakarta.mail.MessagingException.class)
                    .hasMessage("Exception reading response");
        } finally {
            release.countDown();
            server.stop();
        }
    }

    /**
     * A server that takes the connection and never greets: "Mail server connection failed" for Spring, and the report
     * says the same (the README's connection-failed at connect), not a network problem at an unknown stage (outside
     * tester 64).
     */
    @Test
    void aServerThatNeverGreetsWasNotReached() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 4, java.net.InetAddress.getLoopbackAddress())) {
            JavaMailSenderImpl impl = new JavaMailSenderImpl();
            impl.setHost("127.0.0.1");
            impl.setPort(silent.getLocalPort());
            impl.getJavaMailProperties().setProperty("mail.smtp.timeout", "400");

            ExplainedMailSendException e = (ExplainedMailSendException) catchThrowable(
                    () -> new ExplainingJavaMailSender(impl, EXPLAINER).send(message(GOOD)));

            assertThat(e.getCause()).hasMessageStartingWith("Mail server connection failed");
            SendFailureReport r = e.report();
            assertThat(r.category()).isEqualTo(Category.CONNECTION_FAILED);
            assertThat(r.stage()).isEqualTo(dev.smtpexplain.mail.SmtpStage.CONNECT);
            assertThat(r.transportDetail()).hasValue("The mail server 127.0.0.1 did not answer in time.");
            assertThat(MailProblemDetails.statusOf(r).value()).isEqualTo(503);
        }
    }

    @Test
    void withoutALocaleContextTheConfiguredDefaultIsUsed() {
        try (RefusingSmtpServer server = RefusingSmtpServer.postfixLike()) {
            LocaleContextHolder.resetLocaleContext();

            ExplainedMailException e = (ExplainedMailException) catchThrowable(() -> explaining(server.port()).send(message(NOUSER)));

            assertThat(e.report().locale()).isEqualTo(Locale.ENGLISH);
        }
    }

    @Test
    void everySendOverloadIsExplained() {
        int port = Ports.closed();
        JavaMailSender s = explaining(port);
        SimpleMailMessage m = message(GOOD);

        assertThat(catchThrowable(() -> s.send(m))).isInstanceOf(ExplainedMailSendException.class);
        // SimpleMailMessage is equal by content, and the failed messages are a map: two different ones
        assertThat(catchThrowable(() -> s.send(m, message(GOOD, NOUSER)))).isInstanceOf(ExplainedMailSendException.class)
                .satisfies(e -> assertThat(((ExplainedMailException) e).reports()).hasSize(2));
        assertThat(catchThrowable(() -> s.send(s.createMimeMessage()))).isInstanceOf(ExplainedMailException.class);
        assertThat(catchThrowable(() -> s.send(s.createMimeMessage(), s.createMimeMessage()))).isInstanceOf(ExplainedMailException.class);
        assertThat(catchThrowable(() -> s.send(mm -> mm.setText("x")))).isInstanceOf(ExplainedMailSendException.class);
        assertThat(catchThrowable(() -> s.send(mm -> mm.setText("x"), mm -> mm.setText("y")))).isInstanceOf(ExplainedMailSendException.class);
    }

    @Test
    void otherMailExceptionsKeepTheirSpringType() {
        JavaMailSender s = explaining(Ports.closed());

        Throwable parse = catchThrowable(() -> s.send(message("not an address@@example")));
        Throwable prep = catchThrowable(() -> s.send(mm -> {
            throw new IllegalStateException("no template");
        }));
        Throwable auth = catchThrowable(() -> new ExplainingJavaMailSender(new FailingSender(new MailAuthenticationException("bad login")), EXPLAINER)
                .send(message(GOOD)));

        assertThat(parse).isInstanceOf(MailParseException.class).isInstanceOf(ExplainedMailParseException.class);
        assertThat(prep).isInstanceOf(MailPreparationException.class).isInstanceOf(ExplainedMailPreparationException.class);
        assertThat(auth).isInstanceOf(MailAuthenticationException.class).isInstanceOf(ExplainedMailAuthenticationException.class);
        assertThat(((ExplainedMailException) auth).report().category()).isEqualTo(Category.AUTHENTICATION_FAILED);
    }

    @Test
    void aMailExceptionOfAnotherTypeKeepsItsTypeAndCanStillBeExplained() {
        MailException own = new MailException("relay quota", new jakarta.mail.MessagingException("452 4.5.3 Too many recipients")) {
        };
        JavaMailSender s = new ExplainingJavaMailSender(new FailingSender(own), EXPLAINER);

        Throwable e = catchThrowable(() -> s.send(message(GOOD)));

        assertThat(e).isSameAs(own);
        assertThat(EXPLAINER.explain(own, Locale.ENGLISH)).hasSize(1);
    }

    @Test
    void aMimeMessageThatCannotBeParsedIsAParseError() {
        MailParseException failure = new MailParseException("Could not parse raw MIME content", new jakarta.mail.MessagingException("bad header"));
        JavaMailSender s = new ExplainingJavaMailSender(new FailingSender(failure), EXPLAINER);

        Throwable e = catchThrowable(() -> s.createMimeMessage(new ByteArrayInputStream("x".getBytes(StandardCharsets.US_ASCII))));

        assertThat(e).isInstanceOf(ExplainedMailParseException.class).hasCause(failure);
        assertThat(((ExplainedMailException) e).report().category()).isEqualTo(Category.MESSAGE_NOT_COMPLIANT);
    }

    @Test
    void afterDeserializationTheExceptionCanBeExplainedAgain() throws Exception {
        try (RefusingSmtpServer server = RefusingSmtpServer.postfixLike()) {
            ExplainedMailSendException e = (ExplainedMailSendException) catchThrowable(() -> explaining(server.port()).send(message(NOUSER)));
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(e);
            }
            ExplainedMailSendException back;
            try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                back = (ExplainedMailSendException) in.readObject();
            }

            assertThat(back.reports()).isEmpty();
            assertThat(back.report()).isNull();
            assertThat(back.reportFor(message(NOUSER))).isNull();
            // Spring does not serialize the failed messages either; the report then comes from the message text
            SendFailureReport again = EXPLAINER.explain(back, Locale.ENGLISH).get(0);
            assertThat(again.locale()).isEqualTo(Locale.ENGLISH);
            assertThat(MailProblemDetails.standard().from(EXPLAINER.report(back)).getTitle()).isEqualTo(again.explanation().title());
        }
    }

    /** A sender that always throws the given exception. */
    private record FailingSender(MailException failure) implements JavaMailSender {
        @Override
        public jakarta.mail.internet.MimeMessage createMimeMessage() {
            return new JavaMailSenderImpl().createMimeMessage();
        }

        @Override
        public jakarta.mail.internet.MimeMessage createMimeMessage(java.io.InputStream contentStream) {
            throw failure;
        }

        @Override
        public void send(jakarta.mail.internet.MimeMessage... mimeMessages) {
            throw failure;
        }

        @Override
        public void send(SimpleMailMessage... simpleMessages) {
            throw failure;
        }
    }
}
