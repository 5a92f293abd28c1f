package dev.smtpexplain.mail;

import static dev.smtpexplain.mail.support.Subetha.accept;
import static dev.smtpexplain.mail.support.Subetha.acceptContent;
import static dev.smtpexplain.mail.support.TestMail.failing;
import static dev.smtpexplain.mail.support.TestMail.message;
import static dev.smtpexplain.mail.support.TestMail.messageFrom;
import static dev.smtpexplain.mail.support.TestMail.sender;
import static dev.smtpexplain.mail.support.TestMail.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.core.Actor;
import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.Permanence;
import dev.smtpexplain.core.RetryAdvice;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.LocalizedMessages;
import dev.smtpexplain.mail.RecipientFailure.Kind;
import dev.smtpexplain.mail.SendFailureReport.Outcome;
import dev.smtpexplain.mail.support.NoThreadLeaks;
import dev.smtpexplain.mail.support.Reports;
import dev.smtpexplain.mail.support.Subetha;
import dev.smtpexplain.mail.support.TestCerts;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import java.util.Locale;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SessionHandler;
import org.subethamail.smtp.server.SessionHandler.SessionAcceptance;

/**
 * Every stage SubEthaSMTP can script, sent through {@link ExplainingSender} against a real server on
 * 127.0.0.1, with the exception shape the notes describe checked first, then the report.
 */
@ExtendWith(NoThreadLeaks.class)
@Timeout(20)
class SubethaStagesTest {

    private static final String GOOD = "good@example.test";
    private static final String OTHER = "other@example.test";

    private static void refuseUnknown(String r) throws RejectException {
        if (r.startsWith("nouser")) {
            throw new RejectException(550, "5.1.1 <" + r + ">: Recipient address rejected: User unknown in local recipient table");
        }
    }

    /** Same category and stage when the app catches the exception itself (no sender hints). */
    private static void assertSameWithoutHints(ExplainedSendFailedException e) {
        SendFailureReport plain = MailFailures.explain((MessagingException) e.getNextException(), Locale.ENGLISH);
        assertThat(plain.category()).isEqualTo(e.report().category());
        assertThat(plain.stage()).isEqualTo(e.report().stage());
        assertThat(plain.recipientFailures()).extracting(RecipientFailure::address)
                .containsExactlyElementsOf(e.report().recipientFailures().stream().map(RecipientFailure::address).toList());
    }

    @Test
    void senderRefusedAtMailFrom() {
        try (Subetha server = Subetha.start(f -> {
            if (f.startsWith("blocked@")) {
                throw new RejectException(553, "5.7.1 <" + f + ">: Sender address rejected: not owned by user");
            }
        }, accept(), acceptContent())) {
            Session s = session(server.port());
            ExplainedSendFailedException e = failing(sender(s).build(),
                    messageFrom(s, "blocked@example.test", "hello", "body\n", GOOD, OTHER));

            assertThat(e.getNextException()).isInstanceOf(SMTPSendFailedException.class);
            assertThat(((SMTPSendFailedException) e.getNextException()).getCommand()).startsWith("MAIL FROM:");
            assertThat(((MessagingException) e.getNextException()).getNextException()).isInstanceOf(SMTPSenderFailedException.class);

            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.MAIL_FROM);
            assertThat(r.category()).isEqualTo(Category.SENDER_NOT_PERMITTED);
            assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(r.recipientFailures()).isEmpty();
            assertThat(r.acceptedRecipients()).isEmpty();
            assertThat(r.notAttemptedRecipients()).containsExactly(GOOD, OTHER);
            assertThat(r.diagnosis().reply().code()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo(553));
            assertThat(r.explanation().serverText().orElseThrow()).contains("not owned by user");
            assertThat(e.getValidUnsentAddresses()).hasSize(2);
            Reports.assertExplained(e);
            assertSameWithoutHints(e);
        }
    }

    @Test
    void temporaryRefusalAtMailFromHasNoSenderException() {
        try (Subetha server = Subetha.start(f -> {
            throw new RejectException(452, "4.3.1 Insufficient system storage");
        }, accept(), acceptContent())) {
            Session s = session(server.port());
            ExplainedSendFailedException e = failing(sender(s).build(), message(s, "hello", GOOD));

            assertThat(((MessagingException) e.getNextException()).getNextException()).isNull();
            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.MAIL_FROM);
            assertThat(r.category()).isEqualTo(Category.SERVER_STORAGE_FULL);
            assertThat(r.diagnosis().isPermanent()).isFalse();
            assertThat(r.notAttemptedRecipients()).containsExactly(GOOD);
            Reports.assertExplained(e);
            assertSameWithoutHints(e);
        }
    }

    @Test
    void aGreylistedSendIsToBeSentAgainLaterNotWaitedFor() {
        try (Subetha server = Subetha.start(accept(), r -> {
            throw new RejectException(450, "4.7.1 <" + r + ">: Recipient address rejected: Greylisted, please try again later");
        }, acceptContent())) {
            Session s = session(server.port());
            SendFailureReport r = failing(sender(s).build(), message(s, "hello", "grey@example.test")).report();
            assertThat(r.category()).isEqualTo(Category.GREYLISTED);
            // nothing queued the message: the application sends it again, the mail system does not
            assertThat(r.diagnosis().retry()).isEqualTo(RetryAdvice.LATER);
            assertThat(r.diagnosis().actor()).isEqualTo(Actor.SENDER);
            LocalizedMessages en = Explainer.standard().messages(Locale.ENGLISH);
            assertThat(r.explanation().retryText()).isEqualTo(en.get("retry.later"));
            assertThat(r.explanation().advice()).doesNotContain(en.get("category.greylisted.advice.1"))
                    .contains(en.get("category.greylisted.advice.2"));
        }
    }

    @Test
    void unknownRecipientAtRcpt() {
        try (Subetha server = Subetha.start(accept(), SubethaStagesTest::refuseUnknown, acceptContent())) {
            Session s = session(server.port());
            ExplainedSendFailedException e = failing(sender(s).build(), message(s, "hello", "nouser@example.test"));

            assertThat(e.getNextException()).isInstanceOf(SendFailedException.class).hasMessage("Invalid Addresses");
            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.RCPT_TO);
            assertThat(r.category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
            assertThat(r.recipientFailures()).singleElement().satisfies(f -> {
                assertThat(f.address()).isEqualTo("nouser@example.test");
                assertThat(f.kind()).isEqualTo(Kind.REJECTED);
                assertThat(f.diagnosis().category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
                assertThat(f.reply().status()).hasValueSatisfying(st -> assertThat(st.toString()).isEqualTo("5.1.1"));
            });
            assertThat(r.notAttemptedRecipients()).isEmpty();
            assertThat(r.text()).contains("nouser@example.test").contains("The recipient’s address does not exist");
            assertThat(server.delivered()).isEmpty();
            Reports.assertExplained(e);
            assertSameWithoutHints(e);
        }
    }

    @Test
    void mixedRecipientsWithMultiLineAndDeferredReplies() {
        try (Subetha server = Subetha.start(accept(), r -> {
            if (r.startsWith("full@")) {
                throw new RejectException(452, "4.2.2 <" + r + ">: Recipient address rejected: Mailbox full");
            }
            if (r.startsWith("gone@")) {
                throw Subetha.multiLine(550,
                        "5.1.1 The email account that you tried to reach does not exist. Please try",
                        "5.1.1 double-checking the recipient's email address for typos or",
                        "5.1.1 unnecessary spaces. https://support.example.test/mail/?p=NoSuchUser");
            }
        }, acceptContent())) {
            Session s = session(server.port());
            ExplainedSendFailedException e = failing(sender(s).build(),
                    message(s, "hello", GOOD, "full@example.test", "gone@example.test"));

            // the chain: Invalid Addresses -> 452 (full) -> 550 (gone), in RCPT order
            Exception next = ((MessagingException) e.getNextException()).getNextException();
            assertThat(next).isInstanceOf(SMTPAddressFailedException.class);
            assertThat(((SMTPAddressFailedException) next).getReturnCode()).isEqualTo(452);
            assertThat(((SMTPAddressFailedException) next).getNextException()).isInstanceOf(SMTPAddressFailedException.class);

            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.RCPT_TO);
            assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(r.recipientFailures()).extracting(RecipientFailure::address)
                    .containsExactly("full@example.test", "gone@example.test");
            RecipientFailure full = r.failureFor("full@example.test").orElseThrow();
            assertThat(full.kind()).isEqualTo(Kind.DEFERRED);
            assertThat(full.diagnosis().category()).isEqualTo(Category.MAILBOX_FULL);
            RecipientFailure gone = r.failureFor("gone@example.test").orElseThrow();
            assertThat(gone.kind()).isEqualTo(Kind.REJECTED);
            assertThat(gone.diagnosis().category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
            // the multi-line reply: three lines of text, no "550-" left in them
            assertThat(gone.reply().lines()).hasSize(3).noneMatch(l -> l.startsWith("550"));
            assertThat(gone.explanation().serverText().orElseThrow()).contains("unnecessary spaces");
            assertThat(r.rejectedRecipients()).containsExactly("gone@example.test");
            assertThat(r.deferredRecipients()).containsExactly("full@example.test");
            // accepted at RCPT, but the message was not sent to it
            assertThat(r.notAttemptedRecipients()).containsExactly(GOOD);
            assertThat(r.acceptedRecipients()).isEmpty();
            // the overall diagnosis is the permanent refusal, though the temporary one came first in RCPT order: sending
            // again unchanged fails for gone@
            assertThat(r.category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
            assertThat(r.diagnosis().permanence()).isEqualTo(Permanence.PERMANENT);
            assertThat(server.delivered()).isEmpty();
            Reports.assertExplained(e);
            assertSameWithoutHints(e);
        }
    }

    @Test
    void sendPartialDeliversToTheAcceptedAndReturnsAResult() throws Exception {
        try (Subetha server = Subetha.start(accept(), SubethaStagesTest::refuseUnknown, acceptContent())) {
            Session s = session(server.port());
            ExplainingSender sender = sender(s).sendPartial(true).build();

            SendResult result = sender.send(message(s, "hello", GOOD, "nouser@example.test"));

            assertThat(result.outcome()).isEqualTo(Outcome.PARTIALLY_DELIVERED);
            assertThat(result.acceptedRecipients()).containsExactly(GOOD);
            SendFailureReport r = result.report().orElseThrow();
            assertThat(r.outcome()).isEqualTo(Outcome.PARTIALLY_DELIVERED);
            assertThat(r.stage()).isEqualTo(SmtpStage.RCPT_TO);
            assertThat(r.category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
            assertThat(r.acceptedRecipients()).containsExactly(GOOD);
            assertThat(r.rejectedRecipients()).containsExactly("nouser@example.test");
            assertThat(r.notAttemptedRecipients()).isEmpty();
            assertThat(r.headline()).startsWith("The message was sent to some recipients only");
            // Angus threw rc=250 at end of data: the message did go out
            assertThat(((SMTPSendFailedException) r.exception().orElseThrow()).getReturnCode()).isEqualTo(250);
            assertThat(server.delivered()).singleElement().satisfies(d -> assertThat(d.recipients()).containsExactly(GOOD));
            Reports.assertExplained(r, l -> sender.analyzer().analyze(r.exception().orElseThrow(), l));
        }
    }

    @Test
    void sendPartialCanStillThrow() {
        try (Subetha server = Subetha.start(accept(), SubethaStagesTest::refuseUnknown, acceptContent())) {
            Session s = session(server.port());
            ExplainedSendFailedException e = failing(sender(s).sendPartial(true).throwOnPartialDelivery(true).build(),
                    message(s, "hello", GOOD, "nouser@example.test"));

            assertThat(e.report().outcome()).isEqualTo(Outcome.PARTIALLY_DELIVERED);
            assertThat(e.getValidSentAddresses()).extracting(Object::toString).containsExactly(GOOD);
            assertThat(e.getInvalidAddresses()).extracting(Object::toString).containsExactly("nouser@example.test");
            Reports.assertExplained(e);
        }
    }

    @Test
    void sendPartialWithNobodyAcceptedIsAFailure() {
        try (Subetha server = Subetha.start(accept(), SubethaStagesTest::refuseUnknown, acceptContent())) {
            Session s = session(server.port());
            ExplainedSendFailedException e = failing(sender(s).sendPartial(true).build(), message(s, "hello", "nouser@example.test"));
            assertThat(e.report().outcome()).isEqualTo(Outcome.FAILED);
            assertThat(e.report().category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
        }
    }

    @Test
    void reportSuccessWithEveryoneAcceptedIsDelivered() throws Exception {
        try (Subetha server = Subetha.start(accept(), accept(), acceptContent())) {
            Session s = session(server.port(), "mail.smtp.reportsuccess", "true");
            SendResult result = sender(s).build().send(message(s, "hello", GOOD, OTHER));

            assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(result.isFullyDelivered()).isTrue();
            assertThat(result.acceptedRecipients()).containsExactly(GOOD, OTHER);
            assertThat(result.report()).hasValueSatisfying(r -> {
                assertThat(r.headline()).isEqualTo("The message was sent");
                assertThat(r.recipientFailures()).isEmpty();
            });
            assertThat(server.delivered()).hasSize(1);
        }
    }

    private SendFailureReport refusedAtEndOfData(RejectException refusal, String... to) {
        try (Subetha server = Subetha.start(accept(), accept(), c -> {
            throw refusal;
        })) {
            Session s = session(server.port());
            ExplainedSendFailedException e = failing(sender(s).build(), message(s, "hello", to));
            assertThat(e.getNextException()).isInstanceOf(SMTPSendFailedException.class);
            assertThat(((SMTPSendFailedException) e.getNextException()).getCommand()).isEqualTo(".");
            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.END_OF_DATA);
            assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
            // the refusal of the message applies to every recipient
            assertThat(r.recipientFailures()).extracting(RecipientFailure::address).containsExactly(to);
            assertThat(r.notAttemptedRecipients()).isEmpty();
            Reports.assertExplained(e);
            assertSameWithoutHints(e);
            return r;
        }
    }

    @Test
    void messageTooBigAtEndOfData() {
        SendFailureReport r = refusedAtEndOfData(new RejectException(552, "5.3.4 Message size exceeds fixed limit"), GOOD, OTHER);
        assertThat(r.category()).isEqualTo(Category.MESSAGE_TOO_BIG);
        assertThat(r.recipientFailures()).allMatch(f -> f.kind() == Kind.REJECTED);
    }

    @Test
    void spamAtEndOfDataMultiLine() {
        SendFailureReport r = refusedAtEndOfData(Subetha.multiLine(554,
                "5.7.1 Message rejected as spam", "5.7.1 See https://example.test/spam"), GOOD);
        assertThat(r.category()).isEqualTo(Category.SPAM_DETECTED);
        assertThat(r.diagnosis().reply().lines()).containsExactly("Message rejected as spam", "See https://example.test/spam");
        assertThat(r.diagnosis().reply().status()).hasValueSatisfying(st -> assertThat(st.toString()).isEqualTo("5.7.1"));
    }

    @Test
    void dmarcAtEndOfDataMultiLine() {
        SendFailureReport r = refusedAtEndOfData(Subetha.multiLine(550,
                "5.7.26 Unauthenticated email from example.test is not accepted due to domain's",
                "5.7.26 DMARC policy. Please contact the administrator of example.test domain if",
                "5.7.26 this was a legitimate mail. To learn about the DMARC initiative, go to",
                "5.7.26 https://support.example.test/?p=DmarcRejection"), GOOD);
        assertThat(r.category()).isEqualTo(Category.SENDER_AUTHENTICATION_FAILED);
        assertThat(r.diagnosis().reply().status()).hasValueSatisfying(st -> assertThat(st.toString()).isEqualTo("5.7.26"));
        assertThat(r.diagnosis().isPermanent()).isTrue();
    }

    @Test
    void greetingRefused() {
        try (Subetha server = Subetha.start(accept(), accept(), acceptContent(), b -> b.sessionHandler(new SessionHandler() {
            @Override
            public SessionAcceptance accept(org.subethamail.smtp.server.Session session) {
                return SessionAcceptance.failure(554, "5.3.2 subetha.test: System not accepting network messages");
            }

            @Override
            public void onSessionEnd(org.subethamail.smtp.server.Session session) {
            }
        }))) {
            Session s = session(server.port());
            ExplainedSendFailedException e = failing(sender(s).build(), message(s, "hello", GOOD));

            assertThat(e.getNextException()).hasMessageStartingWith("Got bad greeting from SMTP host: 127.0.0.1");
            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.GREETING);
            // a 5xx greeting refuses this client for good: not "temporarily unavailable" (issue 15, finding 5)
            assertThat(r.category()).isEqualTo(Category.SENDER_BLOCKED);
            assertThat(r.diagnosis().isPermanent()).isTrue();
            assertThat(r.diagnosis().reply().code()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo(554));
            assertThat(r.notAttemptedRecipients()).containsExactly(GOOD);
            Reports.assertExplained(e);
            assertSameWithoutHints(e);
        }
    }

    @Test
    void authenticationRefused() {
        try (Subetha server = Subetha.start(accept(), accept(), acceptContent(), b -> b.authenticationHandlerFactory(
                new EasyAuthenticationHandlerFactory((user, password, ctx) -> {
                    throw new LoginFailedException();
                })))) {
            Session s = session(server.port(), "mail.smtp.auth", "true");
            ExplainedSendFailedException e = failing(sender(s).credentials("alice", "S3cret-Pa55").build(), message(s, "hello", GOOD));

            assertThat(e.getNextException()).isInstanceOf(AuthenticationFailedException.class);
            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.AUTH);
            assertThat(r.category()).isEqualTo(Category.AUTHENTICATION_FAILED);
            assertThat(r.diagnosis().reply().code()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo(535));
            assertThat(r.toString() + r.technicalDetails()).doesNotContain("S3cret-Pa55");
            Reports.assertExplained(e);
            assertSameWithoutHints(e);
        }
    }

    @Test
    void authenticationRequiredAtMailFrom() {
        try (Subetha server = Subetha.start(accept(), accept(), acceptContent(), b -> b.requireAuth()
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((u, p, ctx) -> { })))) {
            Session s = session(server.port());
            ExplainedSendFailedException e = failing(sender(s).build(), message(s, "hello", GOOD));

            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.MAIL_FROM);
            assertThat(r.category()).isEqualTo(Category.AUTHENTICATION_REQUIRED);
            assertThat(r.diagnosis().reply().code()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo(530));
            Reports.assertExplained(e);
            assertSameWithoutHints(e);
        }
    }

    @Test
    void tlsRequiredAtMailFrom() {
        try (Subetha server = Subetha.start(accept(), accept(), acceptContent(), b -> b.requireTLS()
                .startTlsSocketFactory(TestCerts.serverContext(TestCerts.loopbackCert())))) {
            Session s = session(server.port());
            ExplainedSendFailedException e = failing(sender(s).build(), message(s, "hello", GOOD));

            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.MAIL_FROM);
            assertThat(r.category()).isEqualTo(Category.REQUIRES_TLS);
            Reports.assertExplained(e);
            assertSameWithoutHints(e);
        }
    }

    @Test
    void untrustedCertificateAfterStartTls() {
        try (Subetha server = Subetha.start(accept(), accept(), acceptContent(), b -> b.enableTLS()
                .startTlsSocketFactory(TestCerts.serverContext(TestCerts.loopbackCert())))) {
            Session s = session(server.port(), "mail.smtp.starttls.enable", "true");
            ExplainedSendFailedException e = failing(sender(s).build(), message(s, "hello", GOOD));

            assertThat(e.getNextException()).hasMessage("Could not convert socket to TLS");
            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.TLS);
            assertThat(r.category()).isEqualTo(Category.TLS_HANDSHAKE_FAILED);
            assertThat(r.diagnosis().evidence().ruleId()).isEqualTo("transport:tls-certificate");
            assertThat(r.transportDetail().orElseThrow()).isEqualTo("A secure (TLS) connection to 127.0.0.1 could not be set up: the server’s certificate is not trusted.");
            Reports.assertExplained(e);
            assertSameWithoutHints(e);
        }
    }

    @Test
    void certificateForAnotherHostName() {
        var cert = TestCerts.otherNameCert();
        try (Subetha server = Subetha.start(accept(), accept(), acceptContent(), b -> b.enableTLS()
                .startTlsSocketFactory(TestCerts.serverContext(cert)))) {
            Session s = session(server.port(), "mail.smtp.starttls.enable", "true");
            // trusted, but issued for mail.other.test: the host-name check must fail
            s.getProperties().put("mail.smtp.ssl.socketFactory", TestCerts.clientTrusting(cert).getSocketFactory());
            ExplainedSendFailedException e = failing(sender(s).build(), message(s, "hello", GOOD));

            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.TLS);
            assertThat(r.category()).isEqualTo(Category.TLS_HANDSHAKE_FAILED);
            assertThat(r.diagnosis().evidence().ruleId()).isEqualTo("transport:tls-hostname");
            Reports.assertExplained(e);
        }
    }

    @Test
    void startTlsThenSendWorks() throws Exception {
        var cert = TestCerts.loopbackCert();
        try (Subetha server = Subetha.start(accept(), accept(), acceptContent(), b -> b.requireTLS()
                .startTlsSocketFactory(TestCerts.serverContext(cert)))) {
            Session s = session(server.port(), "mail.smtp.starttls.enable", "true");
            s.getProperties().put("mail.smtp.ssl.socketFactory", TestCerts.clientTrusting(cert).getSocketFactory());
            assertThat(sender(s).build().send(message(s, "hello", GOOD)).isFullyDelivered()).isTrue();
            assertThat(server.delivered()).hasSize(1);
        }
    }

    @Test
    void overStartTlsTheReplyToTheContentGetsTheDataDeadline() throws Exception {
        // the end of the content is ciphertext on the socket: the transport marks it (outside tester 61: the reply
        // got the 1 s stage deadline, the server had queued the message, and the report said "send it again")
        var cert = TestCerts.loopbackCert();
        try (Subetha server = Subetha.start(accept(), accept(), content -> sleep(1_500), b -> b.requireTLS()
                .startTlsSocketFactory(TestCerts.serverContext(cert)))) {
            Session s = session(server.port(), "mail.smtp.starttls.enable", "true", "mail.smtp.timeout", "800");
            s.getProperties().put("mail.smtp.ssl.socketFactory", TestCerts.clientTrusting(cert).getSocketFactory());
            ExplainingSender sender = sender(s).stageDeadline(java.time.Duration.ofSeconds(1)).dataDeadline(java.time.Duration.ofSeconds(5)).build();
            assertThat(sender.send(message(s, "scanned slowly", GOOD)).isFullyDelivered()).isTrue();
            assertThat(server.delivered()).hasSize(1);
        }
    }

    /**
     * A server silent after the content over STARTTLS: the send ends at the data deadline, not a read timeout later
     * (outside tester 63: closing the TLS connection waited for the server's close_notify, 33 s for a 1.5 s deadline).
     */
    @Test
    void overStartTlsASilentServerHoldsTheSendOnlyUntilTheDataDeadline() throws Exception {
        var cert = TestCerts.loopbackCert();
        try (Subetha server = Subetha.start(accept(), accept(), content -> sleep(5_000), b -> b.requireTLS()
                .startTlsSocketFactory(TestCerts.serverContext(cert)))) {
            Session s = session(server.port(), "mail.smtp.starttls.enable", "true", "mail.smtp.timeout", "4000");
            s.getProperties().put("mail.smtp.ssl.socketFactory", TestCerts.clientTrusting(cert).getSocketFactory());
            ExplainingSender sender = sender(s).dataDeadline(java.time.Duration.ofSeconds(1)).build();
            long start = System.nanoTime();
            SendFailureReport r = failing(sender, message(s, "never answered", GOOD)).report();
            java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - start);
            assertThat(r.outcome()).isEqualTo(SendFailureReport.Outcome.UNCONFIRMED);
            assertThat(took).isLessThan(java.time.Duration.ofMillis(3_500));
        }
    }

    @Test
    void aSessionsDefaultPropertiesReachTheSender() throws Exception {
        // an application that keeps its settings as defaults (new Properties(defaults)): Jakarta Mail reads them
        // through getProperty, and so must the sender's own copy (outside tester 61: it connected to localhost:25)
        try (Subetha server = Subetha.start(accept(), accept(), acceptContent())) {
            java.util.Properties defaults = new java.util.Properties();
            defaults.setProperty("mail.smtp.host", "127.0.0.1");
            defaults.setProperty("mail.smtp.port", Integer.toString(server.port()));
            Session s = Session.getInstance(new java.util.Properties(defaults));
            assertThat(ExplainingSender.builder().session(s).build().send(message(s, "hello", GOOD)).isFullyDelivered()).isTrue();
            assertThat(server.delivered()).hasSize(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void serviceClosingAtRcpt() {
        try (Subetha server = Subetha.start(accept(), r -> {
            throw new DropConnectionException(421, "4.7.0 subetha.test Error: too many errors, closing connection");
        }, acceptContent())) {
            Session s = session(server.port());
            ExplainedSendFailedException e = failing(sender(s).build(), message(s, "hello", GOOD));

            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.RCPT_TO);
            // Postfix's session error limit (smtpd_hard_error_limit): the server closes because of the client's
            // earlier errors, which the words say; a bare 421 would be service-unavailable
            assertThat(r.category()).isEqualTo(Category.PROTOCOL_ERROR);
            assertThat(r.recipientFailures()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Kind.DEFERRED);
                assertThat(f.reply().code()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo(421));
            });
            assertThat(r.diagnosis().isPermanent()).isFalse();
            Reports.assertExplained(e);
            assertSameWithoutHints(e);
        }
    }

    @Test
    void serviceClosingAtMailFrom() {
        try (Subetha server = Subetha.start(f -> {
            throw new DropConnectionException(421, "4.3.2 Service shutting down, closing transmission channel");
        }, accept(), acceptContent())) {
            Session s = session(server.port());
            ExplainedSendFailedException e = failing(sender(s).build(), message(s, "hello", GOOD, OTHER));

            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.MAIL_FROM);
            assertThat(r.category()).isEqualTo(Category.SERVICE_UNAVAILABLE);
            assertThat(r.notAttemptedRecipients()).containsExactly(GOOD, OTHER);
            Reports.assertExplained(e);
            assertSameWithoutHints(e);
        }
    }

    @Test
    void serviceClosingAtEndOfData() {
        try (Subetha server = Subetha.start(accept(), accept(), c -> {
            throw new DropConnectionException(421, "4.4.2 subetha.test Error: timeout exceeded");
        })) {
            Session s = session(server.port());
            ExplainedSendFailedException e = failing(sender(s).build(), message(s, "hello", GOOD));

            SendFailureReport r = e.report();
            assertThat(r.stage()).isEqualTo(SmtpStage.END_OF_DATA);
            assertThat(r.diagnosis().reply().code()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo(421));
            assertThat(r.category()).isIn(Category.SERVICE_UNAVAILABLE, Category.NETWORK_ERROR);
            assertThat(r.recipientFailures()).singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo(Kind.DEFERRED));
            Reports.assertExplained(e);
        }
    }
}
