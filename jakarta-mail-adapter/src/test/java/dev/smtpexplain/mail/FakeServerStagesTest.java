package dev.smtpexplain.mail;

import static dev.smtpexplain.mail.support.TestMail.failing;
import static dev.smtpexplain.mail.support.TestMail.message;
import static dev.smtpexplain.mail.support.TestMail.messageFrom;
import static dev.smtpexplain.mail.support.TestMail.sender;
import static dev.smtpexplain.mail.support.TestMail.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.core.Actor;
import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.RetryAdvice;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.RecipientFailure.Kind;
import dev.smtpexplain.mail.support.FakeSmtpServer;
import dev.smtpexplain.mail.support.FakeSmtpServer.Conversation;
import dev.smtpexplain.mail.support.NoThreadLeaks;
import dev.smtpexplain.mail.support.Reports;
import dev.smtpexplain.mail.support.TestMail;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.angus.mail.util.MailConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stages SubEthaSMTP cannot script, against a raw-socket fake on 127.0.0.1: EHLO/HELO and STARTTLS
 * replies, a refused DATA command, BDAT, stalls, hang-ups, and failures before any SMTP (refused,
 * timed out, unknown host, TLS spoken to a plain server).
 */
@ExtendWith(NoThreadLeaks.class)
@Timeout(20)
class FakeServerStagesTest {

    private static final String TO = "someone@example.test";

    private static ExplainedSendFailedException send(FakeSmtpServer server, String... props) {
        Session s = session(server.port(), props);
        return failing(sender(s).build(), message(s, "hello", TO));
    }

    @Test
    void heloRefusedAfterEhlo() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void ehlo(Conversation c, String line) throws IOException {
                c.reply("502 5.5.2 Error: command not recognized");
            }

            @Override
            public void helo(Conversation c, String line) throws IOException {
                c.reply("504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname");
            }
        })) {
            ExplainedSendFailedException e = send(server);

            // Angus falls back to HELO and throws the HELO reply; the EHLO reply is lost
            assertThat(e.getNextException()).hasMessageStartingWith("504 5.5.2");
            assertThat(server.commands()).anyMatch(c -> c.startsWith("EHLO")).anyMatch(c -> c.startsWith("HELO"));
            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.EHLO);
            assertThat(r.category()).isEqualTo(Category.PROTOCOL_ERROR);
            assertThat(r.notAttemptedRecipients()).containsExactly(TO);
            Reports.assertExplained(e);
        }
    }

    @Test
    void heloReplyAboutTheDomainIsNotARecipientProblem() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void ehlo(Conversation c, String line) throws IOException {
                c.reply("501 5.5.4 Invalid domain name");
            }

            @Override
            public void helo(Conversation c, String line) throws IOException {
                c.reply("501 5.5.4 Invalid domain name");
            }
        })) {
            SendFailureReport r = send(server).report();
            // the text alone reads as "recipient domain unknown"; at HELO the domain is the client's own
            assertThat(r.stage()).isEqualTo(SmtpStage.EHLO);
            assertThat(r.category()).isEqualTo(Category.PROTOCOL_ERROR);
            assertThat(MailFailures.explain((MessagingException) r.exception().orElseThrow(), Locale.ENGLISH).category())
                    .isEqualTo(Category.PROTOCOL_ERROR);
        }
    }

    @Test
    void ehloAndHeloRefusedWith421() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void ehlo(Conversation c, String line) throws IOException {
                c.reply("421 4.7.0 fake.test Too many concurrent SMTP connections; please try again later");
            }

            @Override
            public void helo(Conversation c, String line) throws IOException {
                c.reply("421 4.7.0 fake.test Too many concurrent SMTP connections; please try again later");
            }
        })) {
            ExplainedSendFailedException e = send(server);
            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.EHLO);
            assertThat(r.category()).isEqualTo(Category.TOO_MANY_CONNECTIONS);
            assertThat(r.diagnosis().isPermanent()).isFalse();
            Reports.assertExplained(e);
        }
    }

    /**
     * A real server closes the connection after refusing EHLO: after a 421 as RFC 5321 3.8 asks (Postfix does), and after
     * another refusal too. Angus's fallback to HELO met the closed connection and the reply was lost, read as "lost in the
     * middle of sending" (outside testers 71 and 73).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            421 4.7.0 fake.test Error: too many connections from 203.0.113.9 | TOO_MANY_CONNECTIONS
            554 5.7.1 Client host [127.0.0.1] blocked using zen.spamhaus.org  | SENDER_BLOCKED
            """)
    void ehloRefusedAndTheConnectionClosed(String reply, Category category) throws Exception {
        try (FakeSmtpServer server = refusingEhloThenClosing(reply)) {
            ExplainedSendFailedException e = send(server);
            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.EHLO);
            assertThat(r.category()).isEqualTo(category);
            assertThat(r.diagnosis().reply().text()).contains(reply.substring(10));
            Reports.assertExplained(e);
        }
    }

    /**
     * The same over STARTTLS: the EHLO after the switch to TLS refused, then the close (outside testers 73 and 74: Angus
     * ignores that EHLO's reply, so the next command met the closed connection and the reply was lost).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            421 4.7.0 fake.test Error: too many connections after TLS | TOO_MANY_CONNECTIONS
            554 5.7.1 Client host [127.0.0.1] blocked using zen.spamhaus.org  | SENDER_BLOCKED
            """)
    void theEhloAfterStartTlsRefusedAndTheConnectionClosed(String reply, Category category) throws Exception {
        var cert = dev.smtpexplain.mail.support.TestCerts.loopbackCert();
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            private boolean tls;

            @Override
            public void ehlo(Conversation c, String line) throws IOException {
                if (!tls) {
                    c.reply("250-fake.test", "250 STARTTLS");
                } else {
                    c.reply(reply);
                    c.hangUp();
                }
            }

            @Override
            public void starttls(Conversation c) throws IOException {
                c.startTls(dev.smtpexplain.mail.support.TestCerts.serverContext(cert));
                tls = true;
            }
        })) {
            Session s = session(server.port(), "mail.smtp.starttls.enable", "true", "mail.smtp.starttls.required", "true");
            s.getProperties().put("mail.smtp.ssl.socketFactory", dev.smtpexplain.mail.support.TestCerts.clientTrusting(cert).getSocketFactory());
            ExplainedSendFailedException e = failing(sender(s).build(), message(s, "hello", TO));
            SendFailureReport r = e.report();
            assertThat(r.category()).isEqualTo(category);
            assertThat(r.diagnosis().reply().text()).contains(reply.substring(10));
            Reports.assertExplained(e);
        }
    }

    private static FakeSmtpServer refusingEhloThenClosing(String reply) throws IOException {
        return FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void ehlo(Conversation c, String line) throws IOException {
                c.reply(reply);
                c.hangUp();
            }
        });
    }

    /**
     * After Java deserialization the exception writes its report again, in the locale it had (outside tester 71:
     * report() was nullable for this one case, so the documented catch block did not compile in Kotlin 2.1).
     */
    @Test
    void aDeserializedExceptionStillHasItsReport() throws Exception {
        try (FakeSmtpServer server = refusingEhloThenClosing("421 4.7.0 fake.test Error: too many connections from 203.0.113.9")) {
            ExplainedSendFailedException e = send(server);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(e);
            }
            try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                ExplainedSendFailedException back = (ExplainedSendFailedException) in.readObject();
                assertThat(back.report()).isNotNull().isSameAs(back.report());
                assertThat(back.report().category()).isEqualTo(Category.TOO_MANY_CONNECTIONS);
                assertThat(back.report().locale()).isEqualTo(e.report().locale());
            }
        }
    }

    /**
     * The server closes the connection before its greeting: nothing was being sent, so not "lost in the middle of
     * sending" but a server not reached as a mail server, through every entry point (outside tester 64).
     */
    @Test
    void serverClosesBeforeItsGreeting() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void greeting(Conversation c) throws IOException {
                c.hangUp();
            }
        })) {
            SendFailureReport r = send(server).report();
            assertThat(r.stage()).isEqualTo(SmtpStage.GREETING);
            assertThat(r.category()).isEqualTo(Category.CONNECTION_FAILED);
            assertThat(r.transportDetail()).hasValue("The mail server 127.0.0.1 closed the connection before greeting your mail program, "
                    + "so nothing was sent.");
            assertThat(r.notAttemptedRecipients()).containsExactly(TO);

            Session s = session(server.port());
            MessagingException plain = org.assertj.core.api.Assertions.catchThrowableOfType(MessagingException.class,
                    () -> jakarta.mail.Transport.send(message(s, "hello", TO)));
            SendFailureReport own = MailFailures.explain(plain, Locale.ENGLISH);
            assertThat(own.category()).isEqualTo(Category.CONNECTION_FAILED);
            assertThat(own.transportDetail()).hasValueSatisfying(d -> assertThat(d).contains("closed the connection before greeting"));
        }
    }

    @Test
    void serverHangsUpAfterEhlo() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void ehlo(Conversation c, String line) throws IOException {
                c.hangUp();
            }
        })) {
            ExplainedSendFailedException e = send(server);
            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.CONNECT);
            assertThat(r.category()).isEqualTo(Category.NETWORK_ERROR);
            assertThat(r.transportDetail().orElseThrow()).isEqualTo("The connection to the mail server was lost in the middle of sending.");
            Reports.assertExplained(e);
        }
    }

    @Test
    void serverHangsUpAtRcpt() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void rcpt(Conversation c, String line) throws IOException {
                c.hangUp();
            }
        })) {
            ExplainedSendFailedException e = send(server);
            SendFailureReport r = e.report();
            // Angus reads EOF (-1) and throws a bare SMTPAddressFailedException, unless its RSET write
            // fails first and "Can't send command to SMTP host" escapes instead
            assertThat(r.stage()).isIn(SmtpStage.RCPT_TO, SmtpStage.UNKNOWN);
            assertThat(r.category()).isEqualTo(Category.NETWORK_ERROR);
            assertThat(r.recipientFailures()).isEmpty();
            assertThat(r.notAttemptedRecipients()).containsExactly(TO);
            Reports.assertExplained(e);
        }
    }

    /** What a scripted server does with one command. */
    @FunctionalInterface
    private interface Answer {
        void to(Conversation c) throws IOException;
    }

    /** A server that offers STARTTLS and answers it with {@code answer}. */
    private static FakeSmtpServer.Script offeringStartTls(Answer answer) {
        return new FakeSmtpServer.Script() {
            @Override
            public void ehlo(Conversation c, String line) throws IOException {
                c.reply("250-fake.test", "250-STARTTLS", "250 8BITMIME");
            }

            @Override
            public void starttls(Conversation c) throws IOException {
                answer.to(c);
            }
        };
    }

    /**
     * The server refuses one recipient and hangs up at the next RCPT: Angus's exception names only the one whose reply
     * never came, and the refusal was lost with the rest (outside tester 66: "not sent … try later" for a 550).
     */
    @Test
    void aRefusalBeforeAHangUpAtRcptIsKept() throws Exception {
        String refused = "nobody@example.test";
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void rcpt(Conversation c, String line) throws IOException {
                if (line.contains(refused)) {
                    c.reply("550 5.1.1 <" + refused + ">: Recipient address rejected: User unknown in local recipient table");
                } else {
                    c.hangUp();
                }
            }
        })) {
            Session s = session(server.port());
            SendFailureReport r = failing(sender(s).build(), message(s, "hello", refused, TO)).report();
            assertThat(r.recipientFailures()).singleElement().satisfies(f -> {
                assertThat(f.address()).isEqualTo(refused);
                assertThat(f.kind()).isEqualTo(RecipientFailure.Kind.REJECTED);
                assertThat(f.diagnosis().category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
            });
            assertThat(r.notAttemptedRecipients()).containsExactly(TO);
        }
    }

    /**
     * A group recipient is its members, as Angus sends one RCPT each: the refused member is refused and only the other
     * may have the message (outside tester 66: the group, in group syntax, was listed as one unconfirmed recipient).
     */
    @Test
    void aGroupIsItsMembers() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.RefusesThenFallsSilent("a@example.test", "550 5.1.1 User unknown"))) {
            Session s = session(server.port(), "mail.smtp.timeout", "400");
            SendFailureReport r = failing(sender(s).sendPartial(true).dataDeadline(Duration.ofMillis(800)).build(),
                    message(s, "hello", "team: a@example.test, b@example.test;")).report();
            assertThat(r.recipientFailures()).extracting(RecipientFailure::address).containsExactly("a@example.test");
            assertThat(r.unconfirmedRecipients()).containsExactly("b@example.test");
        }
    }

    /** A refused address with "> " in its quoted local part is the whole address, not the part before it (outside tester 66). */
    @Test
    void aRefusedAddressIsReadWholeFromTheCommand() throws Exception {
        String quoted = "\"a> b\"@example.test";
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.RefusesThenFallsSilent("a> b", "550 5.1.1 User unknown") {
            @Override
            public void ehlo(Conversation c, String line) throws IOException {
                // DSN: Angus adds " NOTIFY=FAILURE" after the address
                c.reply("250-fake.test", "250 DSN");
            }
        })) {
            Session s = session(server.port(), "mail.smtp.timeout", "400", "mail.smtp.dsn.notify", "FAILURE");
            SendFailureReport r = failing(sender(s).sendPartial(true).dataDeadline(Duration.ofMillis(800)).build(),
                    message(s, "hello", quoted, TO)).report();
            assertThat(r.recipientFailures()).extracting(RecipientFailure::address).containsExactly(quoted);
            assertThat(r.unconfirmedRecipients()).containsExactly(TO);
        }
    }

    @Test
    void startTlsRefusedWith454() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(offeringStartTls(c -> c.reply("454 4.7.0 TLS not available due to temporary reason")))) {
            ExplainedSendFailedException e = send(server, "mail.smtp.starttls.enable", "true");

            assertThat(e.getNextException()).hasMessageStartingWith("454 4.7.0");
            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.STARTTLS);
            assertThat(r.category()).isEqualTo(Category.TLS_HANDSHAKE_FAILED);
            assertThat(r.diagnosis().isPermanent()).isFalse();
            Reports.assertExplained(e);
        }
    }

    @Test
    void startTlsRequiredButNotOffered() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script())) {
            ExplainedSendFailedException e = send(server, "mail.smtp.starttls.enable", "true", "mail.smtp.starttls.required", "true");

            assertThat(e.getNextException()).hasMessage("STARTTLS is required but host does not support STARTTLS");
            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.STARTTLS);
            assertThat(r.category()).isEqualTo(Category.TLS_HANDSHAKE_FAILED);
            assertThat(r.transportDetail().orElseThrow()).isEqualTo("A secure (TLS) connection to 127.0.0.1 could not be set up: the server does not offer STARTTLS.");
            // the first step is the port and the encryption setting, not the certificate's name (outside tester 64)
            assertThat(r.explanation().advice().get(0)).isEqualTo("Try port 587 with STARTTLS or port 465 with SSL/TLS, because many "
                    + "networks block port 25.");
            assertThat(r.explanation().advice()).contains("Check that the outgoing server name in your settings is exactly the name your "
                    + "provider gives, because the certificate must match it.");
            assertThat(r.text()).contains("What you can try: Try port 587 with STARTTLS");
            Reports.assertExplained(e);
        }
    }

    /**
     * STARTTLS accepted, then silence where the handshake's answer belongs: a server that did not answer in time, as
     * on the implicit-TLS port, not a disagreement about the encryption (outside tester 64: "permanent").
     */
    @Test
    void startTlsAcceptedThenSilence() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(offeringStartTls(c -> {
            c.reply("220 2.0.0 Ready to start TLS");
            c.stall();
        }))) {
            ExplainedSendFailedException e = send(server, "mail.smtp.starttls.enable", "true", "mail.smtp.timeout", "400");

            assertThat(e.getNextException()).hasMessage("Could not convert socket to TLS");
            SendFailureReport r = e.report();
            assertThat(r.category()).isEqualTo(Category.CONNECTION_FAILED);
            assertThat(r.diagnosis().isPermanent()).isFalse();
            assertThat(r.transportDetail()).hasValue("The mail server 127.0.0.1 did not answer in time.");
            Reports.assertExplained(e);
        }
    }

    @Test
    void implicitTlsToAPlainServer() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script())) {
            ExplainingSender sender = ExplainingSender.builder().host("127.0.0.1").port(server.port())
                    .security(ExplainingSender.Security.IMPLICIT_TLS).locale(Locale.ENGLISH)
                    .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(2)).build();
            ExplainedSendFailedException e = failing(sender, message(sender.session(), "hello", TO));

            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.TLS);
            assertThat(r.category()).isEqualTo(Category.TLS_HANDSHAKE_FAILED);
            assertThat(r.diagnosis().evidence().ruleId()).isEqualTo("transport:tls-not-tls");
            assertThat(r.explanation().advice().get(0)).startsWith("Try port 587 with STARTTLS or port 465 with SSL/TLS");
            Reports.assertExplained(e);
        }
    }

    @Test
    void noCommonAuthenticationMechanism() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void ehlo(Conversation c, String line) throws IOException {
                c.reply("250-fake.test", "250 AUTH CRAM-MD5 SCRAM-SHA-256");
            }
        })) {
            Session s = session(server.port(), "mail.smtp.auth", "true");
            ExplainedSendFailedException e = failing(sender(s).credentials("alice", "S3cret-Pa55").build(), message(s, "hello", TO));

            assertThat(e.getNextException()).isInstanceOf(AuthenticationFailedException.class)
                    .hasMessage("No authentication mechanisms supported by both server and client");
            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.AUTH);
            assertThat(r.category()).isEqualTo(Category.AUTHENTICATION_FAILED);
            assertThat(r.diagnosis().evidence().ruleId()).isEqualTo("transport:auth-no-common-mechanism");
            // no password was sent: the login method comes first, not "check the user name and password" (outside tester 64)
            assertThat(r.explanation().advice().get(0)).startsWith("Change the authentication method in your mail program");
            Reports.assertExplained(e);
        }
    }

    private SendFailureReport authRefused(String... reply) throws Exception {
        return authRefusal(reply).report();
    }

    private ExplainedSendFailedException authRefusal(String... reply) throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void auth(Conversation c, String line) throws IOException {
                c.reply(reply);
            }
        })) {
            Session s = session(server.port(), "mail.smtp.auth", "true");
            ExplainedSendFailedException e = failing(sender(s).credentials("alice", "S3cret-Pa55").build(), message(s, "hello", TO));
            assertThat(e.getNextException()).isInstanceOf(AuthenticationFailedException.class);
            assertThat(e.report().stage()).isEqualTo(SmtpStage.AUTH);
            Reports.assertExplained(e);
            return e;
        }
    }

    @Test
    void authTemporaryFailure454() throws Exception {
        // RFC 4954 §6: the server could not check the login for now. Not "your password is wrong": its own provider
        // (the sender's, as the server took a login) deals with it, and sending later works
        for (String[] reply : List.of(new String[] {"454 4.7.0 Temporary authentication failure"},
                new String[] {"454-4.7.0 Cannot authenticate due to a temporary system problem. Try again later.",
                    "454 4.7.0 For more information, go to https://support.example.test/smtp-errors"})) {
            ExplainedSendFailedException e = authRefusal(reply);
            SendFailureReport r = e.report();
            assertThat(r.category()).as(reply[0]).isEqualTo(Category.SERVER_ERROR);
            assertThat(r.diagnosis().isPermanent()).isFalse();
            assertThat(r.diagnosis().retry()).isEqualTo(RetryAdvice.LATER);
            assertThat(r.diagnosis().actor()).isEqualTo(Actor.SENDER_ADMIN);
            for (Locale l : List.of(Locale.ENGLISH, Locale.forLanguageTag("gu"))) {
                SendFailureReport in = SendFailureAnalyzer.standard().analyze(e, l);
                LocalizedMessages m = Explainer.standard().messages(l);
                assertThat(in.explanation().whoActsText()).isEqualTo(m.get("acts.sender-admin"));
                assertThat(in.explanation().contact()).isEqualTo(m.get("contact.sender-admin"));
                assertThat(in.explanation().advice()).doesNotContain(m.get("category.authentication-failed.advice.1"));
            }
        }
    }

    @Test
    void authApplicationPasswordRequired534() throws Exception {
        SendFailureReport r = authRefused("534-5.7.9 Application-specific password required. Learn more at",
                "534 5.7.9 https://support.example.test/mail/?p=InvalidSecondFactor");
        assertThat(r.category()).isEqualTo(Category.AUTHENTICATION_FAILED);
        assertThat(r.diagnosis().reply().status()).hasValueSatisfying(st -> assertThat(st.toString()).isEqualTo("5.7.9"));
    }

    @Test
    void authInvalidCredentials535() throws Exception {
        SendFailureReport r = authRefused("535 5.7.8 Error: authentication failed: authentication failure");
        assertThat(r.category()).isEqualTo(Category.AUTHENTICATION_FAILED);
        assertThat(r.diagnosis().isPermanent()).isTrue();
    }

    @Test
    void dataCommandRefused() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void data(Conversation c) throws IOException {
                c.reply("452 4.3.1 Insufficient system resources");
            }
        })) {
            Session s = session(server.port());
            ExplainedSendFailedException e = failing(sender(s).build(), message(s, "hello", TO, "second@example.test"));

            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.DATA);
            assertThat(r.category()).isEqualTo(Category.SERVER_STORAGE_FULL);
            assertThat(r.recipientFailures()).extracting(RecipientFailure::address).containsExactly(TO, "second@example.test");
            assertThat(r.recipientFailures()).allMatch(f -> f.kind() == Kind.DEFERRED);
            Reports.assertExplained(e);
            assertThat(MailFailures.explain((MessagingException) e.getNextException(), Locale.ENGLISH).stage()).isEqualTo(SmtpStage.DATA);
        }
    }

    @Test
    void bdatRefusal() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void ehlo(Conversation c, String line) throws IOException {
                c.reply("250-fake.test", "250 CHUNKING");
            }

            @Override
            public void endOfData(Conversation c) throws IOException {
                c.reply("552 5.3.4 Message size exceeds fixed limit");
            }
        })) {
            ExplainedSendFailedException e = send(server, "mail.smtp.chunksize", "1024");

            // BDAT: no code getter, the reply is the IOException's message
            assertThat(e.getNextException()).hasMessage("IOException while sending message");
            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.DATA);
            assertThat(r.category()).isEqualTo(Category.MESSAGE_TOO_BIG);
            Reports.assertExplained(e);
        }
    }

    @Test
    void serverStallsAtEndOfData() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void endOfData(Conversation c) throws IOException {
                c.stall();
            }
        })) {
            // a read timeout shorter than the server's silence: the reply to the content waits for the data deadline
            // alone (RFC 5321 4.5.3.2: servers scan the content before they answer)
            Session s = session(server.port(), "mail.smtp.timeout", "400");
            long start = System.nanoTime();
            ExplainedSendFailedException e = failing(sender(s).dataDeadline(Duration.ofMillis(1_500)).build(), message(s, "hello", TO));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1_500)).isLessThan(Duration.ofSeconds(5));
            assertThat(e.getNextException()).hasMessage("Exception reading response");
            assertThat(((MessagingException) e.getNextException()).getNextException()).isInstanceOf(SocketTimeoutException.class);
            SendFailureReport r = e.report();
            // the sender saw the whole content go out: the server may have taken the message, and sending it again
            // may deliver it twice (outside tester 61: "not sent … send the message again", at an unknown stage)
            assertThat(r.stage()).isEqualTo(SmtpStage.END_OF_DATA);
            assertThat(r.category()).isEqualTo(Category.NETWORK_ERROR);
            assertThat(r.transportDetail().orElseThrow()).isEqualTo("The mail server 127.0.0.1 did not answer after the whole message had "
                    + "been sent, so it may have received it. Check whether the message arrived before you send it again: sending it "
                    + "again may deliver it twice.");
            assertUnconfirmed(r);
            Reports.assertExplained(e);
        }
    }

    /**
     * With {@code sendpartial}, Angus holds the refusals at RCPT until the reply to the content; a server that never gives
     * that reply took them with it, and every recipient was listed as unconfirmed (outside tester 63). The refused one is
     * refused, with its reply; only the one the server took at RCPT may have the message. Silence at DATA, before any
     * content: the refused one is still refused, the other was not sent to.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void refusalsAtRcptOutliveASilentServer(boolean silentAfterContent) throws Exception {
        String refused = "nobody@example.test";
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.RefusesThenFallsSilent(refused,
                "550 5.1.1 <" + refused + ">: Recipient address rejected: User unknown in virtual mailbox table") {
            @Override
            public void data(Conversation c) throws IOException {
                if (silentAfterContent) {
                    super.data(c);
                } else {
                    c.stall();
                }
            }
        })) {
            Session s = session(server.port(), "mail.smtp.timeout", "400");
            ExplainedSendFailedException e = failing(sender(s).sendPartial(true).dataDeadline(Duration.ofMillis(800)).build(),
                    message(s, "hello", refused, TO));
            SendFailureReport r = e.report();
            assertThat(r.recipientFailures()).singleElement().satisfies(f -> {
                assertThat(f.address()).isEqualTo(refused);
                assertThat(f.kind()).isEqualTo(RecipientFailure.Kind.REJECTED);
                assertThat(f.diagnosis().category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
                assertThat(f.reply().text()).contains("User unknown in virtual mailbox table");
            });
            assertThat(r.acceptedRecipients()).isEmpty();
            if (silentAfterContent) {
                assertThat(r.outcome()).isEqualTo(SendFailureReport.Outcome.UNCONFIRMED);
                assertThat(r.unconfirmedRecipients()).containsExactly(TO);
                assertThat(r.notAttemptedRecipients()).isEmpty();
                assertThat(r.text()).contains("It is not known whether 1 recipient got the message: " + TO).contains(refused);
            } else {
                assertThat(r.outcome()).isEqualTo(SendFailureReport.Outcome.FAILED);
                assertThat(r.unconfirmedRecipients()).isEmpty();
                assertThat(r.notAttemptedRecipients()).containsExactly(TO);
            }
            Reports.assertExplained(e);
        }
    }

    /**
     * A hang-up or a reset in place of the reply to the final dot: unconfirmed, and the sentence names the server as for
     * a timeout (outside tester 63: unnamed after a reset).
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void serverEndsTheConnectionAtEndOfData(boolean reset) throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void endOfData(Conversation c) throws IOException {
                if (reset) {
                    c.reset();
                } else {
                    c.hangUp();
                }
            }
        })) {
            ExplainedSendFailedException e = send(server);
            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.END_OF_DATA);
            assertThat(r.transportDetail().orElseThrow()).startsWith("The mail server 127.0.0.1 did not answer")
                    .contains("may have received it");
            assertUnconfirmed(r);
            Reports.assertExplained(e);
        }
    }

    /** A hang-up in place of the reply to BDAT LAST is the same as one in place of the reply to the final dot. */
    @Test
    void serverHangsUpInsteadOfAnsweringTheLastChunk() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void ehlo(Conversation c, String line) throws IOException {
                c.reply("250-fake.test", "250 CHUNKING");
            }

            @Override
            public void endOfData(Conversation c) throws IOException {
                c.hangUp();
            }
        })) {
            SendFailureReport r = send(server, "mail.smtp.chunksize", "1024").report();
            assertThat(r.stage()).isEqualTo(SmtpStage.END_OF_DATA);
            assertUnconfirmed(r);
        }
    }

    /**
     * The server resets the connection after 354 while the client is still reading the content from the application:
     * the content and the final dot are written only at the end, and that write fails, so the server surely did not
     * take the message (outside tester 63: "Delivery was not confirmed", because the content was marked as sent before
     * it was written).
     */
    @Test
    void serverResetsBeforeTheContentIsWritten() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void data(Conversation c) throws IOException {
                c.reply("354 End data with <CR><LF>.<CR><LF>");
                sleep(Duration.ofMillis(100));
                c.reset();
            }
        })) {
            Session s = session(server.port());
            jakarta.mail.internet.MimeMessage m = message(s, "hello", TO);
            // a small body the application hands over slowly: Angus buffers it and writes it with the dot, after the reset
            m.setDataHandler(new jakarta.activation.DataHandler(new SlowBody(Duration.ofMillis(600))));
            SendFailureReport r = failing(sender(s).build(), m).report();
            assertThat(r.outcome()).isEqualTo(SendFailureReport.Outcome.FAILED);
            assertThat(r.notAttemptedRecipients()).containsExactly(TO);
            assertThat(r.unconfirmedRecipients()).isEmpty();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A text body whose stream pauses before its end, as a body read from a slow source does. */
    private record SlowBody(Duration pause) implements jakarta.activation.DataSource {
        @Override
        public java.io.InputStream getInputStream() {
            byte[] text = "hello, slowly\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            return new java.io.InputStream() {
                private int next;

                @Override
                public int read() {
                    if (next == text.length / 2) {
                        sleep(pause);
                    }
                    return next < text.length ? text[next++] : -1;
                }
            };
        }

        @Override
        public java.io.OutputStream getOutputStream() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getContentType() {
            return "text/plain; charset=us-ascii";
        }

        @Override
        public String getName() {
            return "slow";
        }
    }

    /**
     * A reply to the final dot that a hang-up cut short: a refusal the server had begun is its verdict, anything else
     * leaves the message's fate unknown (outside tester 63: a begun 550 was "unconfirmed", a begun 250 "not sent").
     */
    @Test
    void aReplyToTheContentCutShortByAHangUp() throws Exception {
        try (FakeSmtpServer refusing = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void endOfData(Conversation c) throws IOException {
                c.replyBytes("550-5.7.1 Message rejected as spam\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                c.hangUp();
            }
        }); FakeSmtpServer accepting = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void endOfData(Conversation c) throws IOException {
                c.replyBytes("25".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                c.hangUp();
            }
        })) {
            SendFailureReport refused = send(refusing).report();
            assertThat(refused.outcome()).isEqualTo(SendFailureReport.Outcome.FAILED);
            assertThat(refused.stage()).isEqualTo(SmtpStage.END_OF_DATA);
            assertThat(refused.diagnosis().reply().code()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo(550));
            assertThat(refused.category()).isEqualTo(Category.SPAM_DETECTED);
            assertUnconfirmed(send(accepting).report());
        }
    }

    /**
     * Nobody knows whether the message arrived: the report says so everywhere, not only in its detail line (outside tester
     * 61, then tester 62: "check before sending it again", then "Wait a while, then send the message again").
     */
    private static void assertUnconfirmed(SendFailureReport r) {
        assertThat(r.outcome()).isEqualTo(SendFailureReport.Outcome.UNCONFIRMED);
        assertThat(r.unconfirmedRecipients()).containsExactly(TO);
        assertThat(r.notAttemptedRecipients()).isEmpty();
        assertThat(r.acceptedRecipients()).isEmpty();
        assertThat(r.diagnosis().retry()).isEqualTo(RetryAdvice.UNCERTAIN);
        assertThat(r.diagnosis().actor()).isEqualTo(Actor.SENDER);
        assertThat(r.headline()).isEqualTo("Delivery was not confirmed: The mail server did not answer after receiving the whole message");
        assertThat(r.explanation().advice()).first().asString().startsWith("Before you send the message again, find out whether it arrived");
        assertThat(r.explanation().retryText()).isEqualTo("Only if the message did not arrive: sending it again may deliver it twice.");
        // not "Temporary failure" under a title that says it may have arrived (outside tester 63)
        assertThat(r.explanation().permanenceLabel()).isEqualTo("Delivery was not confirmed");
        assertThat(r.text()).contains("It is not known whether 1 recipient got the message: " + TO)
                .doesNotContain("not sent").doesNotContain("Wait a while");
    }

    @Test
    void serverStallsBeforeTheGreeting() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void greeting(Conversation c) throws IOException {
                c.stall();
            }
        })) {
            ExplainedSendFailedException e = send(server, "mail.smtp.timeout", "400");
            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.CONNECT);
            assertThat(r.category()).isEqualTo(Category.CONNECTION_FAILED);
            assertThat(r.transportDetail().orElseThrow()).isEqualTo("The mail server 127.0.0.1 did not answer in time.");
            Reports.assertExplained(e);
        }
    }

    @Test
    void connectionClosedMidData() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void data(Conversation c) throws IOException {
                c.reply("354 End data with <CR><LF>.<CR><LF>");
                c.readLine();
                c.hangUp();
            }
        })) {
            Session s = session(server.port());
            // large enough that the client is still writing when the server hangs up
            String body = "0123456789abcdef".repeat(8 * 1024 * 1024 / 16);
            ExplainedSendFailedException e = failing(sender(s).build(), messageFrom(s, TestMail.FROM, "big", body, TO));

            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.DATA);
            assertThat(r.category()).isEqualTo(Category.NETWORK_ERROR);
            assertThat(r.transportDetail().orElseThrow()).isEqualTo("The connection to the mail server was lost in the middle of sending.");
            Reports.assertExplained(e);
        }
    }

    @Test
    void connectionRefused() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = closed.getLocalPort();
        }
        Session s = session(port);
        ExplainedSendFailedException e = failing(sender(s).build(), message(s, "hello", TO));

        assertThat(e.getNextException()).isInstanceOf(MailConnectException.class);
        SendFailureReport r = e.report();
        assertThat(r.stage()).isEqualTo(SmtpStage.CONNECT);
        assertThat(r.category()).isEqualTo(Category.CONNECTION_FAILED);
        assertThat(r.transportDetail().orElseThrow()).isEqualTo("The mail server 127.0.0.1 refused the connection on port " + port + ".");
        assertThat(r.notAttemptedRecipients()).containsExactly(TO);
        Reports.assertExplained(e);
        assertThat(MailFailures.explain((MessagingException) e.getNextException(), Locale.ENGLISH).transportDetail()).isEqualTo(r.transportDetail()).isPresent();
    }

    @Test
    void connectTimeout() throws Exception {
        // a listener that never accepts: once its backlog is full, the kernel drops further SYNs
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket f = new Socket();
                    try {
                        f.connect(new InetSocketAddress("127.0.0.1", full.getLocalPort()), 200);
                        fillers.add(f);
                    } catch (SocketTimeoutException ex) {
                        f.close();
                        break;
                    }
                }
                Session s = session(full.getLocalPort(), "mail.smtp.connectiontimeout", "300");
                ExplainedSendFailedException e = failing(sender(s).build(), message(s, "hello", TO));

                assertThat(e.getNextException()).isInstanceOf(MailConnectException.class);
                SendFailureReport r = e.report();
                assertThat(r.stage()).isEqualTo(SmtpStage.CONNECT);
                assertThat(r.category()).isEqualTo(Category.CONNECTION_FAILED);
                assertThat(r.diagnosis().evidence().ruleId()).isEqualTo("transport:connect-timeout");
                assertThat(r.transportDetail().orElseThrow()).isEqualTo("The mail server 127.0.0.1 did not answer in time.");
                Reports.assertExplained(e);
            } finally {
                for (Socket f : fillers) {
                    f.close();
                }
            }
        }
    }

    @Test
    void unknownHost() {
        ExplainingSender sender = ExplainingSender.builder().host("no-such-host.invalid").port(2525)
                .security(ExplainingSender.Security.NONE).locale(Locale.ENGLISH).build();
        ExplainedSendFailedException e = failing(sender, message(sender.session(), "hello", TO));

        SendFailureReport r = e.report();
        assertThat(r.stage()).isEqualTo(SmtpStage.CONNECT);
        assertThat(r.category()).isEqualTo(Category.CONNECTION_FAILED);
        assertThat(r.transportDetail().orElseThrow()).isEqualTo("The mail server name no-such-host.invalid could not be found.");
        Reports.assertExplained(e);
    }
}
