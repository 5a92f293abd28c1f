package dev.smtpexplain.mail;

import static dev.smtpexplain.mail.support.TestMail.failing;
import static dev.smtpexplain.mail.support.TestMail.message;
import static dev.smtpexplain.mail.support.TestMail.sender;
import static dev.smtpexplain.mail.support.TestMail.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.mail.internal.Redactor;
import dev.smtpexplain.mail.support.FakeSmtpServer;
import dev.smtpexplain.mail.support.FakeSmtpServer.Conversation;
import dev.smtpexplain.mail.support.NoThreadLeaks;
import dev.smtpexplain.mail.support.ReportStrings;
import dev.smtpexplain.mail.support.Reports;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** AUTH secrets (PLAIN, LOGIN, XOAUTH2) never reach a report: not its strings, not its toString, not the explanation, not the log. */
@ExtendWith(NoThreadLeaks.class)
@Timeout(20)
class RedactionTest {

    private static final String USER = "alice@example.test";
    private static final String PASSWORD = "S3cret-Pa55word";

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Every form of the password Angus puts on the wire. */
    private static List<String> secretForms() {
        return List.of(PASSWORD, b64(PASSWORD), b64("\0" + USER + "\0" + PASSWORD), b64(USER + "\0" + USER + "\0" + PASSWORD));
    }

    /** Every string a report or its exception exposes to the application. */
    private static List<String> strings(SendFailureReport r) {
        List<String> out = new ArrayList<>(List.of(r.text(), r.toString(), r.headline(), r.transportDetail().orElse(""), r.technicalDetails(),
                r.diagnosis().reply().raw(), r.diagnosis().reply().text(), r.diagnosis().toString()));
        var e = r.explanation();
        out.addAll(List.of(e.title(), e.summary(), e.contact(), e.serverText().orElse(""), e.toString()));
        out.addAll(e.advice());
        for (RecipientFailure f : r.recipientFailures()) {
            out.addAll(List.of(f.reply().raw(), f.explanation().serverText().orElse(""), f.toString()));
        }
        return out;
    }

    private static void assertNoSecret(SendFailureReport r) {
        for (String s : strings(r)) {
            for (String secret : secretForms()) {
                assertThat(s).doesNotContain(secret);
            }
        }
    }

    /** A server that quotes the AUTH command it refuses, as some do. */
    private static final class EchoingAuth extends FakeSmtpServer.Script {
        @Override
        public void auth(Conversation c, String line) throws IOException {
            c.reply("535-5.7.8 Authentication failed for " + line, "535 5.7.8 password=" + PASSWORD + " rejected");
        }
    }

    @Test
    void authPlainEchoedByTheServer() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new EchoingAuth())) {
            Session s = session(server.port(), "mail.smtp.auth", "true", "mail.smtp.auth.mechanisms", "PLAIN");
            ExplainedSendFailedException e = failing(sender(s).credentials(USER, PASSWORD).build(), message(s, "hello", "to@example.test"));

            // the server really did echo the secret: the original exception carries it
            assertThat(e.getNextException().getMessage()).contains(b64("\0" + USER + "\0" + PASSWORD).substring(0, 12));
            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.AUTH);
            assertThat(r.category()).isEqualTo(Category.AUTHENTICATION_FAILED);
            assertNoSecret(r);
            assertThat(e.getMessage()).doesNotContain(PASSWORD);
            assertThat(r.explanation().serverText().orElseThrow()).contains("AUTH PLAIN " + Redactor.MASK).contains("password=" + Redactor.MASK);
            Reports.assertExplained(e);

            // without the sender's knowledge of the password, the patterns still catch it
            SendFailureReport plain = MailFailures.explain((MessagingException) e.getNextException(), Locale.ENGLISH);
            assertNoSecret(plain);
            assertNoSecret(MailFailures.explain((MessagingException) e.getNextException(), Reports.GU));
        }
    }

    @Test
    void authLoginPasswordEchoedWithoutTheCommand() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void ehlo(Conversation c, String line) throws IOException {
                c.reply("250-fake.test", "250 AUTH LOGIN");
            }

            @Override
            public void auth(Conversation c, String line) throws IOException {
                c.reply("334 VXNlcm5hbWU6");
                String user = c.readLine();
                c.reply("334 UGFzc3dvcmQ6");
                String pass = c.readLine();
                c.reply("535 5.7.8 Bad credentials for " + user + ": " + pass);
            }
        })) {
            Session s = session(server.port(), "mail.smtp.auth", "true");
            ExplainedSendFailedException e = failing(sender(s).credentials(USER, PASSWORD).build(), message(s, "hello", "to@example.test"));

            assertThat(e.getNextException().getMessage()).contains(b64(PASSWORD));
            // the sender knows the password, so even a bare base64 echo is caught
            assertNoSecret(e.report());
            assertThat(e.report().category()).isEqualTo(Category.AUTHENTICATION_FAILED);
        }
    }

    @Test
    void patterns() {
        Redactor r = Redactor.patternsOnly();
        assertThat(r.redact("500 5.5.2 Unrecognized command: AUTH PLAIN AGFsaWNlAHNlY3JldA==")).isEqualTo("500 5.5.2 Unrecognized command: AUTH PLAIN " + Redactor.MASK);
        assertThat(r.redact("AUTH LOGIN\r\nYWxpY2U=\r\nc2VjcmV0\r\n535 5.7.8 no"))
                .doesNotContain("YWxpY2U=").doesNotContain("c2VjcmV0").contains("535 5.7.8 no");
        assertThat(r.redact("auth xoauth2 dXNlcj1hAWF1dGg9QmVhcmVyIHl5AQE=")).isEqualTo("auth xoauth2 " + Redactor.MASK);
        assertThat(r.redact("login failed: password=hunter22, user=bob")).isEqualTo("login failed: password=" + Redactor.MASK + ", user=bob");
        assertThat(r.redact("pwd: \"a b c\" then")).isEqualTo("pwd: " + Redactor.MASK + " then");
        assertThat(r.redact("user=a\u0001auth=Bearer ya29.abcdef\u0001")).doesNotContain("ya29");
        // ordinary replies stay as they are
        for (String reply : List.of("535 5.7.8 Authentication credentials invalid",
                "534-5.7.9 Application-specific password required. Learn more at https://support.example.test/mail/?p=InvalidSecondFactor",
                "530 5.7.0 Must issue AUTH first", "550 5.7.1 REJECTED by policy", "No authentication mechanisms supported by both server and client")) {
            assertThat(r.redact(reply)).isEqualTo(reply);
        }
        assertThat(r.redact(null)).isEmpty();
    }

    @Test
    void knownCredentials() {
        Redactor r = Redactor.forCredentials(USER, PASSWORD);
        for (String secret : secretForms()) {
            assertThat(r.redact("echo " + secret + " end")).isEqualTo("echo " + Redactor.MASK + " end");
        }
        // too short to replace everywhere: only the patterns apply
        assertThat(Redactor.forCredentials("u", "ab").redact("a lab tab")).isEqualTo("a lab tab");
    }

    private static final String TOKEN = "ya29.a0AfB_byC7xQ-TOKEN-9f8e7d6c5b4a3210zyXWvu";

    private static String xoauth2(String user, String token) {
        return b64("user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001");
    }

    /** Every string of the report, in English and every other locale, redone from the original exception too. */
    private static void assertNoneOf(ExplainedSendFailedException e, List<String> secrets) {
        List<String> strings = new ArrayList<>(ReportStrings.all(e.report()));
        strings.add(e.getMessage());
        for (Locale l : Explainer.supportedLocales()) {
            strings.addAll(ReportStrings.all(SendFailureAnalyzer.standard().analyze(e, l)));
            strings.addAll(ReportStrings.all(MailFailures.explain((MessagingException) e.getNextException(), l)));
        }
        for (String s : strings) {
            for (String secret : secrets) {
                assertThat(s).doesNotContain(secret);
            }
        }
    }

    /** Collects what is logged anywhere while a send runs, formatted as a log file would have it (stack traces too). */
    private static final class CapturedLog extends Handler implements AutoCloseable {
        private final StringBuilder text = new StringBuilder();
        private final SimpleFormatter format = new SimpleFormatter();
        private final Logger root = Logger.getLogger("");
        private final Logger ours = Logger.getLogger("dev.smtpexplain");
        private final Level oursLevel = ours.getLevel();

        CapturedLog() {
            setLevel(Level.ALL);
            root.addHandler(this);
            ours.setLevel(Level.ALL);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            text.append(format.format(record));
        }

        @Override
        public void flush() {
        }

        synchronized String text() {
            return text.toString();
        }

        @Override
        public void close() {
            root.removeHandler(this);
            ours.setLevel(oursLevel);
        }
    }

    /**
     * XOAUTH2 through Angus: the server quotes the AUTH XOAUTH2 command and the decoded token. Nothing of
     * the token reaches a report, its exception message, or the log (the listener's callback throws, so
     * the adapter logs a warning).
     */
    @Test
    void xoauth2TokenEchoedByTheServer() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void ehlo(Conversation c, String line) throws IOException {
                c.reply("250-fake.test", "250 AUTH XOAUTH2 PLAIN");
            }

            @Override
            public void auth(Conversation c, String line) throws IOException {
                String decoded = new String(Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1)), StandardCharsets.UTF_8);
                c.reply("535-5.7.8 Username and Password not accepted for " + line, "535 5.7.8 decoded: " + decoded);
            }
        });
             CapturedLog log = new CapturedLog();
             ReportingTransportListener listener = new ReportingTransportListener(SendFailureAnalyzer.standard(),
                     LocaleSource.fixed(Locale.ENGLISH), (message, report) -> {
                         throw new IllegalStateException("audit failed: " + report.text() + "\n" + report.technicalDetails());
                     }, ReportingTransportListener.DEFAULT_CORRELATION_TIMEOUT)) {
            Session s = session(server.port(), "mail.smtp.auth", "true", "mail.smtp.auth.mechanisms", "XOAUTH2",
                    "mail.smtp.auth.xoauth2.disable", "false");
            ExplainedSendFailedException e = failing(sender(s).credentials(USER, TOKEN).transportListener(listener).build(),
                    message(s, "hello", "to@example.test"));

            // Angus really sent the token and the server really echoed it
            assertThat(e.getNextException().getMessage()).contains("AUTH XOAUTH2 " + xoauth2(USER, TOKEN)).contains(TOKEN);
            assertThat(e.report().stage()).isEqualTo(SmtpStage.AUTH);
            assertThat(e.report().category()).isEqualTo(Category.AUTHENTICATION_FAILED);
            List<String> secrets = List.of(TOKEN, xoauth2(USER, TOKEN), TOKEN.substring(0, 12));
            assertNoneOf(e, secrets);
            assertThat(e.report().explanation().serverText().orElseThrow()).contains("AUTH XOAUTH2 " + Redactor.MASK).contains("Bearer " + Redactor.MASK);

            // the adapter's only log line, and its stack trace
            assertThat(log.text()).contains("onFailure callback failed").contains("audit failed");
            for (String secret : secrets) {
                assertThat(log.text()).doesNotContain(secret);
            }
        }
    }

    /**
     * AUTH LOGIN's base64 exchange quoted by the server, explained without the sender (patterns only):
     * the base64 password after the AUTH command is masked.
     */
    @Test
    void authLoginExchangeQuotedWithoutKnownCredentials() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void ehlo(Conversation c, String line) throws IOException {
                c.reply("250-fake.test", "250 AUTH LOGIN");
            }

            @Override
            public void auth(Conversation c, String line) throws IOException {
                c.reply("334 VXNlcm5hbWU6");
                String user = c.readLine();
                c.reply("334 UGFzc3dvcmQ6");
                String pass = c.readLine();
                c.reply("535-5.7.8 " + line + " failed:", "535-5.7.8 334 VXNlcm5hbWU6 " + user, "535 5.7.8 334 UGFzc3dvcmQ6 " + pass);
            }
        })) {
            Session s = session(server.port(), "mail.smtp.auth", "true");
            jakarta.mail.Transport t = s.getTransport("smtp");
            MessagingException thrown = org.assertj.core.api.Assertions.catchThrowableOfType(MessagingException.class,
                    () -> t.connect("127.0.0.1", server.port(), USER, PASSWORD));
            t.close();
            assertThat(thrown).isNotNull();
            assertThat(thrown.getMessage()).contains(b64(PASSWORD));
            for (Locale l : Explainer.supportedLocales()) {
                SendFailureReport r = MailFailures.explain(thrown, l);
                assertThat(r.stage()).isEqualTo(SmtpStage.AUTH);
                for (String str : ReportStrings.all(r)) {
                    assertThat(str).doesNotContain(b64(PASSWORD)).doesNotContain(PASSWORD);
                }
            }
        }
    }
}
