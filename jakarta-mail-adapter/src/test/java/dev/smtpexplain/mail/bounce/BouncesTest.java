package dev.smtpexplain.mail.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.mail.SmtpStage;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.eclipse.angus.mail.dsn.MultipartReport;
import org.junit.jupiter.api.Test;

/** Bounce reading on messages written for these tests: formats, kinds, decoding, and the original never read as a reply. */
class BouncesTest {

    static final Locale EN = Locale.ENGLISH;

    static byte[] bytes(String s) {
        return s.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static final String DSN = """
            Return-Path: <>
            From: Mail Delivery System <MAILER-DAEMON@relay.example.net>
            To: alice@example.org
            Subject: Undelivered Mail Returned to Sender
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

            --b1
            Content-Type: text/plain; charset=us-ascii

            Your message could not be delivered to two recipients.

            <bob@example.com>: host mx.example.com[192.0.2.10] said: 550 5.1.1
                <bob@example.com>: Recipient address rejected: User unknown (in reply to
                RCPT TO command)

            <carol@example.com>: host mx.example.com[192.0.2.10] said: 552 5.2.2 Mailbox
                full (in reply to end of DATA command)

            --b1
            Content-Type: message/delivery-status

            Reporting-MTA: dns; relay.example.net
            Arrival-Date: Tue, 1 Dec 2026 10:00:00 +0000

            Final-Recipient: rfc822; bob@example.com
            Original-Recipient: rfc822;Bob@Example.com
            Action: failed
            Status: 5.1.1
            Remote-MTA: dns; mx.example.com
            Diagnostic-Code: smtp; 550 5.1.1 <bob@example.com>: Recipient address
                rejected: User unknown

            Final-Recipient: rfc822; carol@example.com
            Action: failed
            Status: 5.2.2
            Diagnostic-Code: smtp; 552 5.2.2 Mailbox full

            Final-Recipient: rfc822; dave@example.com
            Action: failed
            Status: 5.0.0
            Diagnostic-Code: x-unix; /usr/bin/procmail: cannot write to spool

            --b1
            Content-Type: message/rfc822

            From: alice@example.org
            To: bob@example.com, carol@example.com, dave@example.com
            Subject: =?UTF-8?B?w5xiZXIgZGFzIFRyZWZmZW4=?=
            Message-ID: <meeting-42@example.org>

            550 5.7.1 Your message looks like spam. Mailbox full. Blocked by policy.
            --b1--
            """;

    @Test
    void startsLikeMessageTellsAStoredMessageFromOtherFiles() {
        assertThat(Bounces.startsLikeMessage(bytes(DSN))).isTrue();
        assertThat(Bounces.startsLikeMessage(bytes("From MAILER-DAEMON Tue Dec  1 10:00:00 2026\nFrom: x@example.com\n"))).isTrue();
        assertThat(Bounces.startsLikeMessage(bytes("\r\n  \nReturn-Path: <>\n"))).as("blank lines a saved file begins with").isTrue();
        assertThat(Bounces.startsLikeMessage(bytes("X-Failed-Recipients: a@example.com"))).as("cut inside its first field").isTrue();

        assertThat(Bounces.startsLikeMessage(bytes("This is the mail system at host out.example.net.\n\n<a@example.com>: 550 5.1.1\n")))
                .as("a notice's text, copied without its headers").isFalse();
        assertThat(Bounces.startsLikeMessage(bytes("file\tkind\trecipient\n1.eml\tfailed\ta@example.com\n"))).isFalse();
        assertThat(Bounces.startsLikeMessage(bytes("From: "))).isTrue();
        assertThat(Bounces.startsLikeMessage(bytes("Fro"))).isFalse();
        assertThat(Bounces.startsLikeMessage(new byte[0])).isFalse();
        assertThat(Bounces.startsLikeMessage(bytes("Note: see below"))).as("a field's shape is all it checks").isTrue();
    }

    @Test
    void readsEveryRecipientOfAnRfc3464Report() {
        BounceReport r = Bounces.explain(bytes(DSN), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(r.format()).isEqualTo("rfc3464");
        assertThat(r.reportingMta()).contains("relay.example.net");
        assertThat(r.arrivalDate()).contains("Tue, 1 Dec 2026 10:00:00 +0000");
        assertThat(r.originalMessageId()).contains("<meeting-42@example.org>");
        assertThat(r.originalSubject()).contains("Über das Treffen");
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient)
                .containsExactly("bob@example.com", "carol@example.com", "dave@example.com");

        BounceRecipient bob = r.recipients().get(0);
        assertThat(bob.originalRecipient()).contains("bob@example.com");
        assertThat(bob.action()).isEqualTo("failed");
        assertThat(bob.status()).contains("5.1.1");
        assertThat(bob.replyCode()).contains(550);
        assertThat(bob.replyText()).contains("Recipient address rejected: User unknown"); // folded field, unfolded
        assertThat(bob.remoteMta()).contains("mx.example.com");
        assertThat(bob.stage()).contains(SmtpStage.RCPT_TO);
        assertThat(bob.categoryId()).contains("recipient-unknown");
        assertThat(bob.explanation().orElseThrow().title()).isNotBlank();

        BounceRecipient carol = r.recipients().get(1);
        assertThat(carol.categoryId()).contains("mailbox-full");
        assertThat(carol.stage()).contains(SmtpStage.END_OF_DATA);

        BounceRecipient dave = r.recipients().get(2);
        assertThat(dave.replyText()).contains("procmail"); // x-unix diagnostic type: the text after the type
        assertThat(dave.replyCode()).isEmpty();
        assertThat(dave.diagnosis()).isPresent();
    }

    @Test
    void anExpiredActionIsAFailureWithItsCauseExplained() {
        // "Action: expired" is not one of RFC 3464's actions, but some senders write it when retries ran out
        String dsn = DSN.replace("Action: failed\nStatus: 5.2.2\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full",
                "Action: expired\nStatus:\nDiagnostic-Code: Connection refused by mx.example.com");
        assertThat(dsn).contains("Action: expired");
        BounceRecipient carol = Bounces.explain(bytes(dsn), EN).recipients().get(1);
        assertThat(carol.action()).isEqualTo("failed");
        assertThat(carol.diagnosis()).isPresent();
        assertThat(carol.categoryId()).contains("network-error");
    }

    @Test
    void theQuotedOriginalIsNeverReadAsTheReply() {
        // the original's body says spam, mailbox full and policy; the report says the address does not exist
        BounceReport r = Bounces.explain(bytes(DSN), EN);
        assertThat(r.recipients().get(0).categoryId()).contains("recipient-unknown");
        assertThat(r.recipients()).allSatisfy(x -> assertThat(x.replyText()).doesNotContain("spam"));

        String exim = """
                From: Mail Delivery System <Mailer-Daemon@mx.example.net>
                To: alice@example.org
                Subject: Mail delivery failed: returning message to sender
                X-Failed-Recipients: bob@example.com

                This message was created automatically by mail delivery software.

                A message that you sent could not be delivered to one or more of its
                recipients. This is a permanent error. The following address(es) failed:

                  bob@example.com
                    SMTP error from remote mail server after RCPT TO:<bob@example.com>:
                    550 5.1.1 No such user here

                ------ This is a copy of the message, including all the headers. ------

                Return-path: <alice@example.org>
                Received: from alice by mx.example.net with local (Exim 4.96)
                From: alice@example.org
                To: bob@example.com, eve@example.com
                Subject: Hello

                eve@example.com: 554 5.7.1 Message rejected as spam. Quota exceeded.
                """;
        BounceReport e = Bounces.explain(bytes(exim), EN);
        assertThat(e.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(e.format()).isEqualTo("exim");
        assertThat(e.recipients()).extracting(BounceRecipient::finalRecipient).containsExactly("bob@example.com");
        BounceRecipient bob = e.recipients().get(0);
        assertThat(bob.status()).contains("5.1.1");
        assertThat(bob.replyCode()).contains(550);
        assertThat(bob.stage()).contains(SmtpStage.RCPT_TO);
        assertThat(bob.categoryId()).contains("recipient-unknown");
        assertThat(bob.replyText()).doesNotContain("spam");
    }

    @Test
    void readsAPlainTextBounceOfAnUnknownFormat() {
        String text = """
                From: postmaster@mail.example.net
                To: alice@example.org
                Subject: Delivery failure notice

                We could not deliver your message.

                Recipient: <frank@example.com>
                Reason: 550 5.2.2 The mailbox of this user is full

                Recipient: <grace@example.com>
                Reason: 550 5.1.2 Domain example.com has no mail server
                """;
        BounceReport r = Bounces.explain(bytes(text), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(r.format()).isEqualTo("generic");
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient).containsExactly("frank@example.com", "grace@example.com");
        assertThat(r.recipients().get(0).status()).contains("5.2.2");
        assertThat(r.recipients().get(0).categoryId()).contains("mailbox-full");
        assertThat(r.recipients().get(1).status()).contains("5.1.2");
    }

    @Test
    void qmailRemotesSentencesNameTheCommand() {
        // qmail-remote says which command failed in fixed sentences, not in the reply
        String text = """
                From: MAILER-DAEMON@mail.example.org
                To: alice@example.org
                Subject: failure notice

                Hi. This is the qmail-send program at mail.example.org.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.

                <bob@example.com>:
                192.0.2.10 does not like recipient.
                Remote host said: 550 No such mailbox here
                Giving up on 192.0.2.10.

                <carol@example.net>:
                Connected to 192.0.2.20 but sender was rejected.
                Remote host said: 553 Your domain has no valid MX

                <dave@example.info>:
                192.0.2.30 failed after I sent the message.
                Remote host said: 554 Message content refused

                <erin@example.biz>:
                Connected to 192.0.2.40 but my name was rejected.
                Remote host said: 501 Syntactically invalid HELO argument
                """;
        BounceReport r = Bounces.explain(bytes(text), EN);
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient)
                .containsExactly("bob@example.com", "carol@example.net", "dave@example.info", "erin@example.biz");
        assertThat(r.recipients()).extracting(x -> x.stage().orElse(SmtpStage.UNKNOWN))
                .containsExactly(SmtpStage.RCPT_TO, SmtpStage.MAIL_FROM, SmtpStage.END_OF_DATA, SmtpStage.EHLO);
    }

    @Test
    void aSessionTranscriptNamesTheCommandTheRecipientsReplyAnswered() {
        // the DSN's own Status (an expiry) differs from the reply; the transcript pairs the reply with MAIL,
        // not with the RCPT of an earlier, successful exchange
        String text = """
                From: Mail Delivery Subsystem <MAILER-DAEMON@relay.example.org>
                To: alice@example.org
                Subject: Returned mail: see transcript for details
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="t1"

                --t1
                Content-Type: text/plain

                   ----- The following addresses had permanent fatal errors -----
                <bob@example.com>
                    (reason: 451 4.7.1 Please try again later, sender domain is being checked)

                   ----- Transcript of session follows -----
                ... while talking to mx.example.com.:
                >>> RCPT To:<someone-else@example.com>
                <<< 250 2.1.5 Ok
                >>> MAIL From:<alice@example.org> SIZE=2048
                <<< 451 4.7.1 Please try again later, sender domain is being checked
                <bob@example.com>... Deferred: 451 4.7.1 Please try again later, sender domain is being checked
                Message could not be delivered for 5 days

                --t1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; relay.example.org

                Final-Recipient: RFC822; bob@example.com
                Action: failed
                Status: 4.4.7
                Diagnostic-Code: SMTP; 451 4.7.1 Please try again later, sender domain is being checked

                --t1--
                """;
        BounceRecipient bob = Bounces.explain(bytes(text), EN).recipients().get(0);
        assertThat(bob.finalRecipient()).isEqualTo("bob@example.com");
        assertThat(bob.stage()).contains(SmtpStage.MAIL_FROM);

        // quoted once by a forwarder, the transcript still reads
        String quoted = text.replace("\n>>> ", "\n>>>> ").replace("\n<<< ", "\n> <<< ");
        assertThat(quoted).contains(">>>> MAIL From:");
        assertThat(Bounces.explain(bytes(quoted), EN).recipients().get(0).stage()).contains(SmtpStage.MAIL_FROM);
    }

    @Test
    void aMessageReturnedAfterItsDeferralsIsAFailureNotAWarning() {
        // Sendmail returns the message with the last deferral as the subject; its warnings say "Warning: …"
        String returned = """
                From: Mail Delivery Subsystem <MAILER-DAEMON@relay.example.org>
                To: alice@example.org
                Subject: Returned mail: Deferred: Connection timed out during user open with example.com

                   ----- Transcript of session follows -----
                421 example.com (smtp)... Deferred: Connection timed out during user open with example.com

                   ----- Unsent message follows -----
                From: alice@example.org
                To: bob@example.com
                Subject: lunch
                """;
        assertThat(Bounces.explain(bytes(returned), EN).kind()).isEqualTo(BounceKind.FAILED);
        String warning = returned.replace("Subject: Returned mail: Deferred:", "Subject: Warning: could not send message for past 4 hours: Deferred:");
        assertThat(Bounces.explain(bytes(warning), EN).kind()).isEqualTo(BounceKind.DELAYED);
    }

    @Test
    void aFinalRecipientCutToItsSourceRouteGivesWayToTheAddressTheTextNames() {
        String text = """
                From: Mail Delivery Subsystem <MAILER-DAEMON@relay.example.org>
                To: alice@example.org
                Subject: Returned mail: see transcript for details
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="r1"

                --r1

                <bob@example.net>

                550 5.1.2 <bob@example.net>... Host unknown (Name server: mx.example.net: no data known)

                --r1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; relay.example.org

                Final-Recipient: RFC822; @mx.example.net
                Action: failed
                Status: 5.1.2

                --r1--
                """;
        BounceRecipient r = Bounces.explain(bytes(text), EN).recipients().get(0);
        assertThat(r.finalRecipient()).isEqualTo("bob@example.net");
        assertThat(r.status()).contains("5.1.2");
    }

    @Test
    void aReplyStatedBeforeTheListOfRecipientsIsTheirs() {
        String text = """
                From: postmaster@gateway.example.net
                To: alice@example.org
                Subject: Undeliverable: Quarterly figures

                Your message could not be delivered because of
                550 - Requested action not taken: no such user here

                The following recipients were affected:
                    heidi@example.com
                    ivan@example.com

                Additional information
                Original sender: <alice@example.org>
                Last attempt: Tue, 1 Dec 2026 10:00:00 +0000
                """;
        BounceReport r = Bounces.explain(bytes(text), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient).containsExactly("heidi@example.com", "ivan@example.com");
        assertThat(r.recipients()).allSatisfy(rcpt -> {
            assertThat(rcpt.replyCode()).contains(550);
            assertThat(rcpt.categoryId()).contains("recipient-unknown");
        });
    }

    @Test
    void aRecipientsOwnReplyWinsOverOneBeforeTheList() {
        String text = """
                From: postmaster@gateway.example.net
                To: alice@example.org
                Subject: Delivery failure

                Delivery failed: 554 5.7.1 Message refused

                Recipient: <judy@example.com>
                Reason: 552 5.2.2 Mailbox full

                Recipient: <ken@example.com>
                """;
        BounceReport r = Bounces.explain(bytes(text), EN);
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient).containsExactly("judy@example.com", "ken@example.com");
        assertThat(r.recipients().get(0).categoryId()).contains("mailbox-full");
        assertThat(r.recipients().get(1).replyCode()).contains(554);
    }

    @Test
    void anOrdinaryMessageThatTalksLikeABounceIsNoBounce() {
        // a person's message (not a mail system's, a Return-Path of its own) whose subject and body use bounce
        // words but name no failed recipient
        String ticket = """
                From: Carol Jones <carol@example.com>
                Return-Path: <carol@example.com>
                To: helpdesk@example.org
                Subject: Ticket created by unknown user
                Content-Type: text/plain

                The issue tracker says I am an unknown user when I open a ticket.
                Can you add my account?
                """;
        assertThat(Bounces.explain(bytes(ticket), EN).kind()).isEqualTo(BounceKind.NOT_BOUNCE);
        // the same words from a mail system are a bounce, recipient or not
        String fromSystem = ticket.replace("From: Carol Jones <carol@example.com>", "From: Mail Delivery System <MAILER-DAEMON@example.com>")
                .replace("Return-Path: <carol@example.com>", "Return-Path: <>");
        assertThat(Bounces.explain(bytes(fromSystem), EN).kind()).isEqualTo(BounceKind.FAILED);
    }

    @Test
    void tellsDelayedDeliveredAutoRepliesFeedbackAndOrdinaryMailApart() {
        String delayed = DSN.replace("Action: failed\nStatus: 5.1.1", "Action: delayed\nStatus: 4.4.1")
                .replace("Action: failed\nStatus: 5.2.2", "Action: delayed\nStatus: 4.2.2")
                .replace("Action: failed\nStatus: 5.0.0", "Action: delayed\nStatus: 4.0.0");
        assertThat(Bounces.explain(bytes(delayed), EN).kind()).isEqualTo(BounceKind.DELAYED);
        String delivered = DSN.replaceAll("Action: failed\nStatus: 5\\.\\d\\.\\d", "Action: delivered\nStatus: 2.0.0");
        BounceReport d = Bounces.explain(bytes(delivered), EN);
        assertThat(d.kind()).isEqualTo(BounceKind.DELIVERED);
        assertThat(d.failures()).isEmpty();

        String vacation = """
                From: bob@example.com
                To: alice@example.org
                Subject: Out of office: Hello
                Auto-Submitted: auto-replied

                I am away until Monday and will answer when I am back.
                """;
        BounceReport v = Bounces.explain(bytes(vacation), EN);
        assertThat(v.kind()).isEqualTo(BounceKind.AUTO_REPLY);
        assertThat(v.recipients()).extracting(BounceRecipient::finalRecipient).containsExactly("bob@example.com");
        assertThat(v.failures()).isEmpty();

        String arf = """
                From: fbl@isp.example
                To: abuse@example.org
                Subject: Abuse report
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=feedback-report; boundary="f"

                --f
                Content-Type: text/plain

                A user marked this message as spam.
                --f
                Content-Type: message/feedback-report

                Feedback-Type: abuse
                User-Agent: ExampleFBL/1.0
                Version: 1
                Original-Rcpt-To: <henry@isp.example>

                --f
                Content-Type: text/rfc822-headers

                From: news@example.org
                To: henry@isp.example
                Subject: Offers
                --f--
                """;
        BounceReport f = Bounces.explain(bytes(arf), EN);
        assertThat(f.kind()).isEqualTo(BounceKind.FEEDBACK);
        assertThat(f.recipients()).extracting(BounceRecipient::finalRecipient).containsExactly("henry@isp.example");

        String ordinary = """
                From: bob@example.com
                To: alice@example.org
                Subject: Lunch?

                Are you free on Thursday? Write to carol@example.com if not.
                """;
        BounceReport o = Bounces.explain(bytes(ordinary), EN);
        assertThat(o.kind()).isEqualTo(BounceKind.NOT_BOUNCE);
        assertThat(o.recipients()).isEmpty();
    }

    @Test
    void decodesJapaneseAndOtherCharsets() {
        Charset jis = Charset.forName("ISO-2022-JP");
        String body = "送信先のメールボックスが一杯のため、送信できませんでした。\r\n\r\n"
                + "     Could not be delivered to: <hanako@example.jp>\r\n     As their mailbox is full.\r\n";
        byte[] head = bytes("""
                From: postmaster@mail.example.jp
                To: taro@example.org
                Subject: =?ISO-2022-JP?B?GyRCJWEhPCVrJSglaSE8RExDThsoQg==?=
                MIME-Version: 1.0
                Content-Type: text/plain; charset="ISO-2022-JP"

                """);
        byte[] msg = concat(head, body.getBytes(jis));
        BounceReport r = Bounces.explain(msg, Locale.JAPANESE);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient).containsExactly("hanako@example.jp");
        assertThat(r.recipients().get(0).replyText()).contains("mailbox is full");
        assertThat(r.recipients().get(0).categoryId()).contains("mailbox-full");
        assertThat(r.recipients().get(0).explanation().orElseThrow().languageTag()).isEqualTo("ja");

        // Shift_JIS declared, and an undeclared ISO-2022-JP body: both read
        byte[] sjis = concat(bytes("From: MAILER-DAEMON@example.jp\nTo: taro@example.org\nSubject: Returned mail\n"
                + "Content-Type: text/plain; charset=Shift_JIS\n\n"), ("宛先が見つかりません。\r\n<jiro@example.jp>: 550 5.1.1 User unknown\r\n").getBytes(Charset.forName("Shift_JIS")));
        BounceReport s = Bounces.explain(sjis, EN);
        assertThat(s.recipients()).extracting(BounceRecipient::finalRecipient).containsExactly("jiro@example.jp");
        assertThat(s.recipients().get(0).replyText()).contains("User unknown");
    }

    @Test
    void readsAGlobalDeliveryStatusWithAnInternationalizedAddress() {
        String g = """
                From: MAILER-DAEMON@mx.example.net
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=global-delivery-status; boundary="g"

                --g
                Content-Type: text/plain; charset=utf-8

                The message could not be delivered.
                --g
                Content-Type: message/global-delivery-status

                Reporting-MTA: dns; mx.example.net

                Original-Recipient: utf-8; \\x{5F20}\\x{4E09}@example.cn
                Final-Recipient: utf-8; 李四@example.cn
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 用户不存在 (user unknown)

                --g--
                """;
        BounceReport r = Bounces.explain(bytes(g), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = r.recipients().get(0);
        assertThat(x.finalRecipient()).isEqualTo("李四@example.cn");
        assertThat(x.originalRecipient()).contains("张三@example.cn");
        assertThat(x.replyText()).contains("用户不存在");
        assertThat(x.categoryId()).contains("recipient-unknown");
    }

    @Test
    void readsAMimeMessageBuiltWithAngusDsnSupport() throws Exception {
        Session session = Session.getInstance(new Properties());
        DeliveryStatus status = new DeliveryStatus();
        InternetHeaders perMessage = new InternetHeaders();
        perMessage.addHeader("Reporting-MTA", "dns; out.example.net");
        status.setMessageDSN(perMessage);
        InternetHeaders rcpt = new InternetHeaders();
        rcpt.addHeader("Final-Recipient", "rfc822; ivan@example.com");
        rcpt.addHeader("Action", "failed");
        rcpt.addHeader("Status", "5.7.26");
        rcpt.addHeader("Diagnostic-Code", "smtp; 550 5.7.26 Unauthenticated email from example.org is not accepted due to domain's DMARC policy");
        status.addRecipientDSN(rcpt);
        MimeMessage m = new MimeMessage(session);
        m.setFrom("MAILER-DAEMON@out.example.net");
        m.setSubject("Delivery Status Notification (Failure)");
        m.setContent(new MultipartReport("Delivery to ivan@example.com failed.", status));
        m.saveChanges();

        BounceReport r = Bounces.explain(m, Locale.forLanguageTag("gu"));
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(r.reportingMta()).contains("out.example.net");
        BounceRecipient x = r.recipients().get(0);
        assertThat(x.finalRecipient()).isEqualTo("ivan@example.com");
        assertThat(x.categoryId()).contains("sender-authentication-failed");
        assertThat(x.explanation().orElseThrow().languageTag()).isEqualTo("gu");
    }

    @Test
    void readsABounceForwardedAsAnAttachment() {
        String forwarded = """
                From: MAILER-DAEMON@gateway.example.net
                To: alice@example.org
                Subject: Returned mail: see transcript for details
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="fw"

                --fw
                Content-Type: text/plain

                ----- The following addresses had permanent delivery errors -----

                --fw
                Content-Type: message/rfc822

                """ + DSN + """
                --fw--
                """;
        BounceReport r = Bounces.explain(bytes(forwarded), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient)
                .containsExactly("bob@example.com", "carol@example.com", "dave@example.com");
        assertThat(r.recipients().get(0).categoryId()).contains("recipient-unknown");
    }

    @Test
    void readsABouncePastedIntoAProvidersNotice() {
        // an ISP's notice names its helpdesk, then pastes the delivery report its MTA wrote, as plain text
        String notice = """
                From: MAILER-DAEMON@isp.example.net
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender

                I'm sorry to have to inform you that the message returned
                below could not be delivered to one or more destinations.

                For further assistance, please contact <helpdesk@isp.example.net>

                ---------------------------------
                From MAILER-DAEMON  Tue Dec  1 10:00:01 2026
                Return-Path: <>
                Received: by relay.example.net (Postfix) id 3B3AC7B43A8A; Tue, 1 Dec 2026 10:00:00 +0000
                """ + DSN;
        BounceReport r = Bounces.explain(bytes(notice), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient)
                .containsExactly("bob@example.com", "carol@example.com", "dave@example.com");
        assertThat(r.recipients().get(1).categoryId()).contains("mailbox-full");
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient).doesNotContain("helpdesk@isp.example.net");
    }

    @Test
    void readsABounceAttachedToAHelpdesksForward() {
        // a helpdesk forwards the bounce it got as a message/rfc822 part, under words that name its own address
        String forward = """
                From: IT Helpdesk <notices@corp.example.org>
                To: alice@example.org
                Subject: FW: Undelivered Mail Returned to Sender
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="fw"

                --fw
                Content-Type: text/plain

                The message below could not be delivered. If you need help, please contact <helpdesk@corp.example.org>.

                --fw
                Content-Type: message/rfc822

                """ + DSN + "\n--fw--\n";
        BounceReport r = Bounces.explain(bytes(forward), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient)
                .containsExactly("bob@example.com", "carol@example.com", "dave@example.com");
        assertThat(r.recipients().get(1).categoryId()).contains("mailbox-full");
    }

    @Test
    void readsFromAStreamAndNeverThrows() throws Exception {
        assertThat(Bounces.explain(new ByteArrayInputStream(bytes(DSN)), EN).recipients()).hasSize(3);
        BounceReport empty = Bounces.explain(new byte[0], EN);
        assertThat(empty.kind()).isEqualTo(BounceKind.UNREADABLE);
        assertThat(empty.problem()).isPresent();
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        assertThat(Bounces.explain(junk, EN).kind()).isIn(BounceKind.NOT_BOUNCE, BounceKind.UNREADABLE);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
