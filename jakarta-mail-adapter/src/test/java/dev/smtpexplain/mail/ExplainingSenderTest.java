package dev.smtpexplain.mail;

import static dev.smtpexplain.mail.support.Subetha.accept;
import static dev.smtpexplain.mail.support.Subetha.acceptContent;
import static dev.smtpexplain.mail.support.TestMail.failing;
import static dev.smtpexplain.mail.support.TestMail.message;
import static dev.smtpexplain.mail.support.TestMail.sender;
import static dev.smtpexplain.mail.support.TestMail.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.smtpexplain.core.Actor;
import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.RetryAdvice;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.support.FakeSmtpServer;
import dev.smtpexplain.mail.support.FakeSmtpServer.Conversation;
import dev.smtpexplain.mail.support.NoThreadLeaks;
import dev.smtpexplain.mail.support.Socks5Proxy;
import dev.smtpexplain.mail.support.Subetha;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.subethamail.smtp.RejectException;

/** The sender hook: Transport ownership, close handling, timeouts, exception compatibility, locales. */
@ExtendWith(NoThreadLeaks.class)
@Timeout(20)
class ExplainingSenderTest {

    private static final String TO = "someone@example.test";

    /** Refuses the content, then never answers QUIT: close() fails after the real failure. */
    private static final class SpamThenSilentQuit extends FakeSmtpServer.Script {
        @Override
        public void endOfData(Conversation c) throws IOException {
            c.reply("554 5.7.1 Message rejected as spam");
        }

        @Override
        public void quit(Conversation c) throws IOException {
            c.stall();
        }
    }

    @Test
    void deliversAndClosesTheTransport() throws Exception {
        try (Subetha server = Subetha.start(accept(), accept(), acceptContent())) {
            Session s = session(server.port());
            SendResult result = sender(s).build().send(message(s, "hello", TO, "second@example.test"));

            assertThat(result.outcome()).isEqualTo(SendFailureReport.Outcome.DELIVERED);
            assertThat(result.acceptedRecipients()).containsExactly(TO, "second@example.test");
            assertThat(result.report()).isEmpty();
            assertThat(server.delivered()).singleElement().satisfies(d -> assertThat(d.recipients()).hasSize(2));
        }
    }

    @Test
    void closeFailureIsSuppressedOntoTheRealOne() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new SpamThenSilentQuit())) {
            // QUIT stalls, so close() times out
            Session s = session(server.port(), "mail.smtp.timeout", "300");
            ExplainedSendFailedException e = failing(sender(s).build(), message(s, "hello", TO));

            assertThat(e.getNextException()).isInstanceOf(SMTPSendFailedException.class);
            assertThat(e.getNextException().getSuppressed()).singleElement()
                    .satisfies(x -> assertThat(x).hasMessage("Exception reading response"));
            assertThat(e.report().category()).isEqualTo(Category.SPAM_DETECTED);
            assertThat(e.report().technicalDetails()).contains("suppressed: MessagingException: Exception reading response");
        }
    }

    @Test
    void staticTransportSendLosesTheRealErrorToClose() throws Exception {
        // why the sender owns its Transport: here the close failure replaces the 554
        try (FakeSmtpServer server = FakeSmtpServer.start(new SpamThenSilentQuit())) {
            Session s = session(server.port(), "mail.smtp.timeout", "300");
            Throwable t = catchThrowable(() -> Transport.send(message(s, "hello", TO)));
            assertThat(t).isInstanceOf(MessagingException.class).hasMessage("Exception reading response");
        }
    }

    @Test
    void quitIsSentAfterAFailure() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void rcpt(Conversation c, String line) throws IOException {
                c.reply("550 5.1.1 User unknown");
            }
        })) {
            Session s = session(server.port());
            failing(sender(s).build(), message(s, "hello", TO));
            assertThat(server.commands()).last().isEqualTo("QUIT");
        }
    }

    @Test
    void theExceptionStillLooksLikeAngus() throws Exception {
        try (Subetha server = Subetha.start(accept(), r -> {
            throw new RejectException(550, "5.1.1 <" + r + ">: Recipient address rejected: User unknown");
        }, acceptContent())) {
            Session s = session(server.port());
            ExplainingSender sender = sender(s).build();
            MimeMessage m = message(s, "hello", TO);

            // an existing catch block for SendFailedException keeps working
            try {
                sender.send(m);
            } catch (SendFailedException e) {
                assertThat(e).isInstanceOf(ExplainedSendFailedException.class);
                assertThat(e.getNextException()).isInstanceOf(SendFailedException.class).hasMessage("Invalid Addresses");
                assertThat(e.getCause()).isSameAs(e.getNextException());
                assertThat(e.getInvalidAddresses()).extracting(Object::toString).containsExactly(TO);
                assertThat(e.getMessage()).isEqualTo("The message was not sent: The recipient’s address does not exist [recipient-unknown at rcpt-to]");
                assertThat(((ExplainedSendFailedException) e).report().category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
                return;
            }
            throw new AssertionError("the send should have failed");
        }
    }

    @Test
    void connectFailureReportsEveryRecipientAsUnsent() throws Exception {
        int port;
        try (var closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = closed.getLocalPort();
        }
        Session s = session(port);
        ExplainedSendFailedException e = failing(sender(s).build(), message(s, "hello", TO, "second@example.test"));
        assertThat(e.getValidUnsentAddresses()).extracting(Object::toString).containsExactly(TO, "second@example.test");
        assertThat(e.getValidSentAddresses()).isNull();
        assertThat(e.getInvalidAddresses()).isNull();
    }

    @Test
    void noRecipientsFailsWithoutConnecting() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script())) {
            Session s = session(server.port());
            ExplainedSendFailedException e = failing(sender(s).build(), message(s, "hello"));
            assertThat(e.getNextException()).hasMessage("No recipient addresses");
            assertThat(e.report().outcome()).isEqualTo(SendFailureReport.Outcome.FAILED);
            assertThat(server.commands()).isEmpty();
            // no server saw it: the report must not say that one reported a problem
            LocalizedMessages en = Explainer.standard().messages(Locale.ENGLISH);
            assertThat(e.report().explanation().title()).isEqualTo(en.get("report.local.title"));
            assertThat(e.report().diagnosis().evidence().ruleId()).isEqualTo("local:no-recipients");
            // and says what is wrong, with advice for it, not for a server's reply there is none of (outside tester 62)
            assertThat(e.report().transportDetail()).hasValue(en.get("report.local.noRecipients"));
            assertThat(e.report().text()).contains(en.get("report.local.noRecipients"), en.get("report.local.advice.1"))
                    .doesNotContain("server’s reply");
            // once corrected it goes; and no step of a conversation that never began is named
            assertThat(e.report().diagnosis().retry()).isEqualTo(RetryAdvice.AFTER_FIX);
            assertThat(e.report().diagnosis().actor()).isEqualTo(Actor.SENDER);
            assertThat(e.report().explanation().retryText()).isEqualTo(en.get("retry.after-fix"));
            assertThat(e.report().text()).doesNotContain(en.get("stage.unknown"));
        }
    }

    /**
     * The Session's SOCKS proxy is the way out: the sender's deadline sockets connect through it, as Angus's own do
     * (outside tester 64: the sender's socket factory made Angus connect around the proxy, and deliver with it down).
     */
    @Test
    void sendsThroughTheSessionsSocksProxy() throws Exception {
        try (Subetha server = Subetha.start(accept(), accept(), acceptContent()); Socks5Proxy proxy = Socks5Proxy.start()) {
            Session s = session(server.port(), "mail.smtp.socks.host", "127.0.0.1", "mail.smtp.socks.port", Integer.toString(proxy.port()));
            sender(s).build().send(message(s, "hello", TO));
            assertThat(server.delivered()).hasSize(1);
            assertThat(proxy.connects()).containsExactly("127.0.0.1:" + server.port());

            // socks.port over the port in socks.host, as Angus reads them (outside tester 66: the sender took the other)
            Session both = session(server.port(), "mail.smtp.socks.host", "127.0.0.1:1", "mail.smtp.socks.port", Integer.toString(proxy.port()));
            sender(both).build().send(message(both, "hello", TO));
            assertThat(server.delivered()).hasSize(2);

            // "host:port" in one property, as Angus reads it; a proxy that is down stops the send
            int closed;
            try (java.net.ServerSocket gone = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                closed = gone.getLocalPort();
            }
            Session down = session(server.port(), "mail.smtp.socks.host", "127.0.0.1:" + closed);
            ExplainedSendFailedException e = failing(sender(down).build(), message(down, "hello", TO));
            assertThat(e.report().category()).isEqualTo(Category.CONNECTION_FAILED);
            assertThat(e.report().transportDetail().orElseThrow()).startsWith("The proxy server 127.0.0.1:" + closed + " set in");
            assertThat(server.delivered()).hasSize(2);
        }
    }

    @Test
    void explicitRecipientsOverrideTheMessage() throws Exception {
        try (Subetha server = Subetha.start(accept(), accept(), acceptContent())) {
            Session s = session(server.port());
            Message m = message(s, "hello", TO);
            sender(s).build().send(m, new jakarta.mail.Address[] {new jakarta.mail.internet.InternetAddress("bcc@example.test")});
            assertThat(server.delivered()).singleElement().satisfies(d -> assertThat(d.recipients()).containsExactly("bcc@example.test"));
        }
    }

    @Test
    void defaultTimeoutsAreAddedOnlyWhereMissingAndNeverToTheApplicationsSession() {
        Session app = Session.getInstance(new java.util.Properties());
        app.getProperties().setProperty("mail.smtp.timeout", "1234");
        java.util.Properties before = new java.util.Properties();
        before.putAll(app.getProperties());

        Session s = ExplainingSender.builder().session(app).sendPartial(true).build().session();
        assertThat(s).isNotSameAs(app);
        assertThat(s.getProperty("mail.smtp.connectiontimeout")).isEqualTo("10000");
        assertThat(s.getProperty("mail.smtp.timeout")).isEqualTo("1234");
        assertThat(s.getProperty("mail.smtp.writetimeout")).isEqualTo("30000");
        assertThat(s.getProperty("mail.smtp.sendpartial")).isEqualTo("true");
        // with the sender's own socket factory, Angus must not fall back to a plain socket after a failed connect: the
        // connect timeout would count twice, and the second socket would have no stage deadline (outside tester 61)
        assertThat(s.getProperties().get("mail.smtp.socketFactory")).isNotNull();
        assertThat(s.getProperty("mail.smtp.socketFactory.fallback")).isEqualTo("false");
        assertThat(app.getProperties()).isEqualTo(before);

        // an application's own factory is left as it is, and so is its fallback
        Session withFactory = Session.getInstance(new java.util.Properties());
        withFactory.getProperties().put("mail.smtp.socketFactory", javax.net.SocketFactory.getDefault());
        assertThat(ExplainingSender.builder().session(withFactory).build().session().getProperty("mail.smtp.socketFactory.fallback")).isNull();
    }

    @Test
    void theSendersSessionAsksTheApplicationsAuthenticator() {
        Session app = Session.getInstance(new java.util.Properties(), new jakarta.mail.Authenticator() {
            @Override
            protected jakarta.mail.PasswordAuthentication getPasswordAuthentication() {
                return new jakarta.mail.PasswordAuthentication("alice", "secret");
            }
        });
        Session s = ExplainingSender.builder().session(app).build().session();
        jakarta.mail.PasswordAuthentication pa = s.requestPasswordAuthentication(null, 25, "smtp", null, null);
        assertThat(pa).isNotNull();
        assertThat(pa.getUserName()).isEqualTo("alice");
        assertThat(pa.getPassword()).isEqualTo("secret");
    }

    @Test
    void conflictingSettingsAreRejectedWhereTheyAreSet() {
        SendFailureAnalyzer analyzer = SendFailureAnalyzer.standard();
        assertThatThrownBy(() -> ExplainingSender.builder().diagnoser(dev.smtpexplain.core.Diagnoser.standard()).analyzer(analyzer))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("analyzer");
        assertThatThrownBy(() -> ExplainingSender.builder().analyzer(analyzer).explainer(dev.smtpexplain.i18n.Explainer.standard()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("explainer");
        Session app = Session.getInstance(new java.util.Properties());
        assertThatThrownBy(() -> ExplainingSender.builder().session(app).security(ExplainingSender.Security.STARTTLS_REQUIRED))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Session");
        assertThatThrownBy(() -> ExplainingSender.builder().security(ExplainingSender.Security.NONE).session(app))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Session");
        // implicit TLS picks the smtps transport for a given Session
        assertThat(ExplainingSender.builder().session(app).security(ExplainingSender.Security.IMPLICIT_TLS).build()
                .session().getProperty("mail.smtps.connectiontimeout")).isEqualTo("10000");
    }

    /**
     * A Session written for smtp names its server as {@code mail.smtp.*}; with implicit TLS the sender goes there, not to
     * localhost:465 (outside tester 62: "refused the connection on port 465", and the server saw nothing).
     */
    @Test
    void implicitTlsOnAGivenSessionGoesToItsSmtpHostAndPort() {
        try (Subetha server = Subetha.start(accept(), accept(), acceptContent())) {
            Session app = session(server.port());
            ExplainingSender sender = ExplainingSender.builder().session(app).security(ExplainingSender.Security.IMPLICIT_TLS).build();
            assertThat(sender.session().getProperty("mail.smtps.host")).isEqualTo("127.0.0.1");
            assertThat(sender.session().getProperty("mail.smtps.port")).isEqualTo(Integer.toString(server.port()));
            assertThat(app.getProperty("mail.smtps.host")).as("the application's Session is left alone").isNull();

            // the server there speaks plain SMTP: the TLS handshake with it fails, which shows the sender reached it
            SendFailureReport r = failing(sender, message(sender.session(), "hello", "bob@example.test")).report();
            assertThat(r.stage()).isEqualTo(SmtpStage.TLS);
            assertThat(r.transportDetail().orElseThrow()).contains("127.0.0.1");
        }
    }

    @Test
    void builderMakesASessionFromHostAndSecurity() {
        ExplainingSender plain = ExplainingSender.builder().host("mx.example.test").port(587).credentials("u", "p")
                .security(ExplainingSender.Security.STARTTLS_REQUIRED).readTimeout(Duration.ofSeconds(5)).build();
        Session s = plain.session();
        assertThat(s.getProperty("mail.smtp.host")).isEqualTo("mx.example.test");
        assertThat(s.getProperty("mail.smtp.port")).isEqualTo("587");
        assertThat(s.getProperty("mail.smtp.auth")).isEqualTo("true");
        assertThat(s.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
        assertThat(s.getProperty("mail.smtp.timeout")).isEqualTo("5000");

        Session tls = ExplainingSender.builder().host("mx.example.test").security(ExplainingSender.Security.IMPLICIT_TLS).build().session();
        assertThat(tls.getProperty("mail.transport.protocol")).isEqualTo("smtps");
        assertThat(tls.getProperty("mail.smtps.host")).isEqualTo("mx.example.test");
        assertThat(tls.getProperty("mail.smtps.connectiontimeout")).isEqualTo("10000");

        assertThatThrownBy(() -> ExplainingSender.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ExplainingSender.builder().readTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        // under a millisecond would be 0 in Jakarta Mail's whole milliseconds, which it reads as no timeout at all
        assertThatThrownBy(() -> ExplainingSender.builder().connectTimeout(Duration.ofNanos(500))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 ms");
        assertThatThrownBy(() -> ExplainingSender.builder().readTimeout(Duration.ofMillis(Integer.MAX_VALUE + 1L)))
                .isInstanceOf(IllegalArgumentException.class);
        // the longest durations too, whose milliseconds do not fit in a long (outside tester 62: ArithmeticException)
        assertThatThrownBy(() -> ExplainingSender.builder().dataDeadline(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most");
        assertThat(ExplainingSender.builder().host("mx.example.test").readTimeout(Duration.ofMillis(1)).build().session()
                .getProperty("mail.smtp.timeout")).isEqualTo("1");
    }

    @Test
    void localeIsAskedForEachSend() throws Exception {
        try (Subetha server = Subetha.start(accept(), r -> {
            throw new RejectException(550, "5.1.1 <" + r + ">: Recipient address rejected: User unknown");
        }, acceptContent())) {
            Session s = session(server.port());
            AtomicInteger calls = new AtomicInteger();
            ExplainingSender sender = ExplainingSender.builder().session(s)
                    .locale(() -> calls.incrementAndGet() == 1 ? Locale.ENGLISH : Locale.FRENCH).build();

            SendFailureReport en = failing(sender, message(s, "hello", TO)).report();
            SendFailureReport fr = failing(sender, message(s, "hello", TO)).report();

            assertThat(en.locale().getLanguage()).isEqualTo("en");
            assertThat(fr.locale().getLanguage()).isEqualTo("fr");
            assertThat(fr.text()).isNotEqualTo(en.text());
            assertThat(fr.category()).isEqualTo(en.category());
        }
    }

    @Test
    void aReportCanBeRedoneInAnotherLocaleWithTheSameStage() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void greeting(Conversation c) throws IOException {
                c.stall();
            }
        })) {
            Session s = session(server.port(), "mail.smtp.timeout", "300");
            ExplainedSendFailedException e = failing(sender(s).build(), message(s, "hello", TO));
            SendFailureReport fr = SendFailureAnalyzer.standard().analyze(e, Locale.FRENCH);
            // the timeout happened while connecting: the sender knew, and the exception keeps that
            assertThat(fr.stage()).isEqualTo(SmtpStage.CONNECT).isEqualTo(e.report().stage());
            assertThat(fr.locale().getLanguage()).isEqualTo("fr");
        }
    }
}
