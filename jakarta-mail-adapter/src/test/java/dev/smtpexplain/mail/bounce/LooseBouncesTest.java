package dev.smtpexplain.mail.bounce;

import static dev.smtpexplain.mail.bounce.BouncesTest.EN;
import static dev.smtpexplain.mail.bounce.BouncesTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.core.RetryAdvice;
import dev.smtpexplain.mail.SmtpStage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Bounces that bend their format the way real ones do (written for these tests, after the formats other bounce
 * handlers' fixtures show): a reply code folded onto its own line, X.400 and local-agent recipients, a file that
 * starts with blank lines, banners instead of a reason, non-standard field values, a quoted original.
 */
class LooseBouncesTest {

    private static BounceRecipient only(BounceReport r) {
        assertThat(r.recipients()).hasSize(1);
        return r.recipients().get(0);
    }

    @Test
    void aReplyCodePostfixFoldedOntoItsOwnLineIsStillTheReplyCode() {
        String bounce = """
                From: MAILER-DAEMON@out.example.net (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Content-Type: text/plain

                This is the mail system at host out.example.net.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients.

                                   The mail system

                <ben@example.com>: host mx.example.com[192.0.2.7] said: 550
                    5.1.1 <ben@example.com>: Recipient address rejected: no mailbox by that
                    name (in reply to RCPT TO command)

                <cleo@example.com>: host mx.example.com[192.0.2.7] said: 550
                    mailbox cleo unavailable (in reply to RCPT TO command)
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.format()).isEqualTo("postfix");
        BounceRecipient ben = r.recipients().get(0);
        assertThat(ben.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(ben.replyCode()).contains(550);
        assertThat(ben.status()).contains("5.1.1");
        assertThat(ben.replyText()).startsWith("550 5.1.1 <ben@example.com>");
        BounceRecipient cleo = r.recipients().get(1);
        assertThat(cleo.replyCode()).contains(550);
        assertThat(cleo.replyText()).startsWith("550 mailbox cleo unavailable");
    }

    @Test
    void aNumberAtTheEndOfAnyOtherLineIsNoReplyCode() {
        String bounce = """
                From: postmaster@gw.example.net
                To: alice@example.org
                Subject: Delivery failure
                Content-Type: text/plain

                Your message could not be delivered.

                Error message below:
                550 - Requested action not taken: no such user here

                Message details:
                  RCPT TO: ben@example.com
                  Size (in bytes): 450
                  Number of lines: 2
                """;
        BounceRecipient ben = only(Bounces.explain(bytes(bounce), EN));
        assertThat(ben.replyCode()).contains(550);
        assertThat(ben.categoryId()).contains("recipient-unknown");
    }

    @Test
    void anX400OrLocalAgentFinalRecipientGivesWayToTheOriginalRecipient() {
        String bounce = """
                From: postmaster@gw.example.net
                To: alice@example.org
                Subject: Nondeliverable mail
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="x"

                --x
                Content-Type: text/plain

                Your message could not be delivered.

                --x
                Content-Type: message/delivery-status

                Reporting-MTA: dns; gw.example.net

                Original-Recipient: rfc822; ben@example.com
                Final-Recipient: x400; /S=ben/OU=sales/O=example/PRMD=example/ADMD= /C=gb/
                Action: failed
                Status: 5.0.0

                Original-Recipient: rfc822;cleo@example.com
                Final-Recipient: rfc822;cleo@ims-daemon
                Action: failed
                Status: 5.2.2
                Diagnostic-Code: smtp;552 5.2.2 Over quota

                Final-Recipient: rfc822;dan@store.example.com
                Original-Recipient: rfc822;dan@example.com
                Action: failed
                Status: 5.1.1

                --x--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient)
                .containsExactly("ben@example.com", "cleo@example.com", "dan@store.example.com");
        assertThat(r.recipients().get(2).originalRecipient()).contains("dan@example.com");
        assertThat(r.recipients().get(1).categoryId()).contains("mailbox-full");
    }

    @Test
    void blankLinesBeforeTheHeaderBlockOfASavedMessageAreSkipped() {
        String bounce = "\n          \n" + """
                From: postmaster@mx.example.net
                To: alice@example.org
                Subject: Delivery Status Notification (Failure)
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="y"

                --y
                Content-Type: text/plain

                Delivery to the following recipients failed.

                       ben@example.com

                --y
                Content-Type: message/delivery-status

                Reporting-MTA: dns;mx.example.net

                Final-Recipient: rfc822;ben@example.com
                Action: failed
                Status: 5.1.1

                --y--
                """;
        BounceReport r = Bounces.explain(bounce.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(r.format()).isEqualTo("rfc3464");
        assertThat(only(r).categoryId()).contains("recipient-unknown");
    }

    @Test
    void aPreciseStatusDecidesOverABannerWhenTheReportGivesNoDiagnosticCode() {
        String bounce = """
                From: postmaster@mx.example.net
                To: alice@example.org
                Subject: Delivery Status Notification (Failure)
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="z"

                --z
                Content-Type: text/plain

                Delivery to the following recipients failed.

                       ben@example.com

                ______________________________________________
                This message was scanned for viruses and spam by the gateway service.
                Our legal notice: this e-mail is confidential.

                --z
                Content-Type: message/delivery-status

                Reporting-MTA: dns;mx.example.net

                Final-Recipient: rfc822;ben@example.com
                Action: failed
                Status: 5.1.1

                --z--
                """;
        BounceRecipient ben = only(Bounces.explain(bytes(bounce), EN));
        assertThat(ben.status()).contains("5.1.1");
        assertThat(ben.categoryId()).contains("recipient-unknown");
        assertThat(ben.replyText()).doesNotContain("viruses");
    }

    @Test
    void theOriginalAddressUnderARecipientAddressIsTheSameRecipientAndTheReasonAfterItIsTheirs() {
        // PMDF's and Oracle Messaging Server's layout: the address delivered to, the address the sender wrote, then
        // the local error lines, with no Diagnostic-Code in the report
        String bounce = """
                From: Internet Mail Delivery <postmaster@mail.example.net>
                To: alice@example.org
                Subject: Delivery Notification: Delivery has failed
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="p"

                --p
                Content-Type: text/plain

                This report relates to a message you sent with the following header fields:

                  Message-id: <1234@example.org>
                  From: Alice <alice@example.org>
                  To: Ben <ben@example.com>
                  Subject: Minutes

                Your message cannot be delivered to the following recipients:

                  Recipient address: BEN@store.example.com
                  Original address: ben@example.com
                %MAIL-E-OPENOUT, error opening the mail file as output
                -SYSTEM-F-EXDISKQUOTA, disk quota exceeded

                --p
                Content-Type: message/delivery-status

                Reporting-MTA: dns;store.example.com

                Action: failed
                Status: 5.0.0
                Original-recipient: rfc822;ben@example.com
                Final-recipient: rfc822;BEN@store.example.com

                --p--
                """;
        BounceRecipient ben = only(Bounces.explain(bytes(bounce), EN));
        assertThat(ben.replyText()).contains("disk quota exceeded").doesNotContain("Minutes");
        assertThat(ben.categoryId()).contains("mailbox-full");
    }

    @Test
    void anExpiryStatusLeavesTheWhyToTheText() {
        String bounce = """
                From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.net>
                To: alice@example.org
                Subject: Returned mail: see transcript for details
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="w"

                --w

                   ----- The following addresses had permanent fatal errors -----
                <ben@example.com>

                   ----- Transcript of session follows -----
                <ben@example.com>... Deferred: Connection refused by mx.example.com.
                Message could not be delivered for 5 days

                --w
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.net

                Final-Recipient: RFC822; ben@example.com
                Action: failed
                Status: 4.4.7

                --w--
                """;
        BounceRecipient ben = only(Bounces.explain(bytes(bounce), EN));
        assertThat(ben.replyText()).contains("Connection refused");
    }

    @Test
    void aFailureActionWrittenAsANounStillGetsADiagnosis() {
        String bounce = """
                From: postmaster@mx.example.net
                To: alice@example.org
                Subject: Undeliverable
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="v"

                --v
                Content-Type: text/plain

                Your message was not delivered to
                    ben@example.com
                The message is larger than the maximum message size this server accepts.

                --v
                Content-Type: message/delivery-status

                Reporting-MTA: dns;mx.example.net
                Final-Recipient: rfc822;ben@example.com
                Action: failure
                Status: 552 too big

                --v--
                """;
        BounceRecipient ben = only(Bounces.explain(bytes(bounce), EN));
        assertThat(ben.action()).isEqualTo("failed");
        assertThat(ben.diagnosis()).isPresent();
        assertThat(ben.categoryId()).contains("message-too-big");
    }

    @Test
    void anOriginalQuotedWithAngleBracketsIsNotReadForRecipients() {
        String bounce = """
                From: postmaster@mail.example.net
                To: alice@example.org
                Subject: Delivery failure
                Content-Type: text/plain

                Delivery of your message to this address
                "ben@example.com"
                has failed because the mailbox is full.

                The first lines of your original message follow:
                > Received: from relay.example.org (relay.example.org [192.0.2.3])
                >       by mail.example.net with SMTP id 12345
                >       for <ben@example.com>; Mon, 1 Jun 2026 10:00:00 +0000
                > Received: from desk.example.org
                >       (Authenticated sender: helpdesk@example.org)
                >       by relay.example.org with ESMTPSA id 777
                > From: Alice <alice@example.org>
                > To: ben@example.com
                > Message-Id: <note-1@desk.example.org>
                > Subject: the spam report you asked for
                >
                > Hi Ben, see news@lists.example.org.
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        BounceRecipient ben = only(r);
        assertThat(ben.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(ben.categoryId()).contains("mailbox-full");
        assertThat(r.originalMessageId()).contains("<note-1@desk.example.org>");
    }

    @Test
    void aForwardedBounceQuotedWithAngleBracketsIsStillRead() {
        String bounce = """
                From: alice@example.org
                To: helpdesk@example.org
                Subject: Fwd: Returned mail: see transcript for details
                Content-Type: text/plain

                Can you look at this?

                Begin forwarded message:

                > From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>
                > Date: Mon, 1 Jun 2026 10:00:00 +0000
                > To: <alice@example.org>
                > Subject: Returned mail: see transcript for details
                > Return-Path: <MAILER-DAEMON>
                > Message-Id: <bounce-9@mx.example.org>
                >
                >    ----- The following addresses had permanent fatal errors -----
                > <ben@example.com>
                >     (reason: 550 5.1.1 <ben@example.com>... User unknown)
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient).contains("ben@example.com");
    }

    @Test
    void exchangeTypedAndSingleQuotedAddressesLoseTheirWrapping() {
        String exchange = """
                From: System Administrator <postmaster@ex.example.com>
                To: alice@example.org
                Subject: Undeliverable: lunch
                Content-Type: text/plain

                Your message

                  To:      team@example.com
                  Subject: lunch

                did not reach the following recipient(s):

                c=US;a= ;p=Example;o=Site1;dda:SMTP=BEN@EXAMPLE.COM; on Mon, 1 Jun 2026
                    The recipient name is not recognized
                """;
        BounceRecipient ben = only(Bounces.explain(bytes(exchange), EN));
        assertThat(ben.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(ben.categoryId()).contains("recipient-unknown");

        String quoted = """
                From: Mail System <postmaster@store.example.net>
                To: alice@example.org
                Subject: Message not collected
                Content-Type: text/plain

                The following message, addressed to 'ben@example.com',
                failed because it was not collected after 30 days.
                """;
        assertThat(only(Bounces.explain(bytes(quoted), EN)).finalRecipient()).isEqualTo("ben@example.com");
    }

    @Test
    void aProvidersReasonNumberAfterTheCodeLeavesTheCodeARepliesCode() {
        String bounce = """
                From: MAILER-DAEMON@out.example.net (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Content-Type: text/plain

                This is the mail system at host out.example.net.

                <ben@example.com>: host mx.example.com[192.0.2.7] said: 554 30 Sorry, your
                    message to ben@example.com cannot be delivered. This mailbox is disabled
                    (554.30). (in reply to end of DATA command)
                """;
        BounceRecipient ben = only(Bounces.explain(bytes(bounce), EN));
        assertThat(ben.replyCode()).contains(554);
        assertThat(ben.categoryId()).contains("mailbox-disabled");

        String folded = bounce.replace("said: 554 30 Sorry, your\n    message", "said: 554 30\n    Sorry, your message");
        assertThat(folded).isNotEqualTo(bounce);
        assertThat(only(Bounces.explain(bytes(folded), EN)).replyCode()).contains(554);
    }

    // Postfix's smtp client writes "refused to talk to me" when the remote server's greeting is a refusal
    @Test
    void aServerThatRefusedToTalkRefusedAtItsGreeting() {
        String bounce = """
                From: MAILER-DAEMON@out.example.net (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="g"

                --g
                Content-Type: text/plain

                This is the mail system at host out.example.net.

                <ben@example.com>: host mx.example.com[192.0.2.7] refused to talk to me: 554 5.7.1 Service unavailable;
                    Client host [198.51.100.4] blocked using zen.spamhaus.org

                --g
                Content-Type: message/delivery-status

                Reporting-MTA: dns; out.example.net

                Final-Recipient: rfc822; ben@example.com
                Action: failed
                Status: 5.7.1
                Diagnostic-Code: smtp; 554 5.7.1 Service unavailable; Client host [198.51.100.4] blocked using
                    zen.spamhaus.org

                --g--
                """;
        BounceRecipient ben = only(Bounces.explain(bytes(bounce), EN));
        assertThat(ben.stage()).contains(SmtpStage.GREETING);
        assertThat(ben.categoryId()).contains("sender-blocked");
    }

    @Test
    void aPostfixDiagnosticQuotingTheRemoteReplyGivesThatReplysCode() {
        String bounce = """
                From: MAILER-DAEMON@out.example.net (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="u"

                --u
                Content-Type: text/plain

                This is the mail system at host out.example.net.

                --u
                Content-Type: message/delivery-status

                Reporting-MTA: dns; out.example.net

                Final-Recipient: rfc822; ben@example.com
                Action: failed
                Status: 5.0.0
                Diagnostic-Code: X-Postfix; host mx.example.com[192.0.2.7] said: 550
                    {node-7} <ben@example.com>... no such user here (in reply to RCPT TO command)

                --u--
                """;
        BounceRecipient ben = only(Bounces.explain(bytes(bounce), EN));
        assertThat(ben.replyCode()).contains(550);
        assertThat(ben.replyText()).startsWith("550 {node-7}");
        assertThat(ben.categoryId()).contains("recipient-unknown");
    }

    @Test
    void theSenderAddressAnNdrListsIsNoRecipient() {
        String bounce = """
                From: postmaster@example.org
                To: alice@example.org
                Subject: Undeliverable: plans
                Content-Type: text/plain

                Your message to ben@example.com couldn't be delivered.

                Message Details
                Sent:            Mon, 1 Jun 2026 10:00:00 +0000
                Sender Address:  bounces+4711@mailer.example.org
                Recipient Address:  ben@example.com

                Error Details
                Error:  550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient ben@example.com not found
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient).containsExactly("ben@example.com");
    }

    @Test
    void aDeliveryStatusReportWhoseFieldsNameNoRecipientIsReadFromItsText() {
        String bounce = """
                From: gateway@filter.example.net
                To: alice@example.org
                Subject: Adresse inconnue
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="t"

                --t
                Content-Type: text/plain; charset=UTF-8

                A message could not be delivered to:
                ben@example.com
                L'adresse de messagerie ci-dessus n'existe pas.

                --t
                Content-Type: message/delivery-status

                Reporting-MTA: filter.example.net

                --t--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(only(r).finalRecipient()).isEqualTo("ben@example.com");
    }

    @Test
    void bouncesFromServersWithTheirOwnNamesAreKnownByTheirWords() {
        String failedRecipients = """
                From: SMTP_Mail_Service@relay.example.net
                To: alice@example.org
                Subject: Returned Mail - Error During Delivery
                Content-Type: text/plain

                ------ Failed Recipients ------
                <ben@example.com>: Requested action not taken: mailbox unavailable. [SMTP Error Code 550]
                """;
        BounceReport r = Bounces.explain(bytes(failedRecipients), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(only(r).finalRecipient()).isEqualTo("ben@example.com");

        String userUnknown = """
                From: MailServer@mail.example.com
                To: alice@example.org
                Subject: Warning: ben@example.com - User unknown!
                Content-Type: text/plain

                ben@example.com - no such user here.
                """;
        BounceReport u = Bounces.explain(bytes(userUnknown), EN);
        assertThat(u.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(only(u).categoryId()).contains("recipient-unknown");

        String postponed = """
                From: <mailsystem@mail.example.com>
                To: alice@example.org
                Subject: Mail Delivery Warning
                Content-Type: text/plain

                Delivery of email to this address
                "ben@example.com"
                has been postponed due to a full mailbox.
                We will keep trying over the next days.
                """;
        BounceReport p = Bounces.explain(bytes(postponed), EN);
        assertThat(p.kind()).isEqualTo(BounceKind.DELAYED);
        assertThat(only(p).categoryId()).contains("mailbox-full");
    }

    @Test
    void aNoticeCopiedWithoutItsHeadersIsStillABounce() {
        // what a person copies from the notice their mail program shows: the text, no header block, the lines wrapped
        // where Postfix wrapped them (inside "Mailbox unavailable", after "IP:", inside the stage)
        String copied = """
                This is the mail system at host out.example.net.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                                   The mail system

                <ben@example.com>: host mx.example.com[192.0.2.7] said: 550 Mailbox
                    unavailable or access denied [Nu9f9OZKLqwsa5e0lRlDL  IP:
                    192.0.2.77]. (in reply
                    to end of DATA command)

                <cleo@example.com>: host mx.example.com[192.0.2.7] said: 550 5.1.1
                    <bounces+x1@out.example.net>: unauthorized sender (in reply to RCPT
                    TO command)
                """;
        BounceReport r = Bounces.explain(bytes(copied), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(r.format()).isEqualTo("postfix");
        // the sender's bounce address quoted inside cleo's reply is no recipient
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient).containsExactly("ben@example.com", "cleo@example.com");
        BounceRecipient ben = r.recipients().get(0);
        assertThat(ben.replyText()).startsWith("550 Mailbox unavailable or access denied").doesNotContain("\n");
        assertThat(ben.stage()).contains(SmtpStage.END_OF_DATA);
        assertThat(ben.categoryId()).contains("recipient-unknown");
        assertThat(r.recipients().get(1).replyText()).endsWith("unauthorized sender (in reply to RCPT TO command)");
    }

    @Test
    void gmailsPlainNoticeIsNamedGmail() {
        // Gmail's notice since 2019, as text with X-Failed-Recipients and no delivery-status part
        String notice = """
                Return-Path: <>
                From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
                To: alice@example.org
                Subject: Delivery Status Notification (Failure)
                X-Failed-Recipients: ben@example.com
                Content-Type: text/plain; charset="UTF-8"

                ** Address not found **

                Your message wasn't delivered to ben@example.com because the address couldn't be found, or is unable to receive mail.

                The response from the remote server was:
                550 5.1.1 The email account that you tried to reach does not exist.
                """;
        BounceReport r = Bounces.explain(bytes(notice), EN);
        assertThat(r.format()).isEqualTo("gmail");
        assertThat(only(r).finalRecipient()).isEqualTo("ben@example.com");
        assertThat(only(r).categoryId()).contains("recipient-unknown");
    }

    @Test
    void copiedNoticesOfOtherSystemsAreBouncesToo() {
        // Gmail's warning, with its conditional "if the delivery fails permanently", is a delay, not a failure
        String gmail = """
                ** Delivery incomplete **

                There was a temporary problem delivering your message to ben@example.com. Gmail will retry for 46 more hours.
                You'll be notified if the delivery fails permanently.

                The response from the remote server was:
                451 4.3.0 Mail server temporarily rejected message.
                """;
        BounceReport g = Bounces.explain(bytes(gmail), EN);
        assertThat(g.kind()).isEqualTo(BounceKind.DELAYED);
        assertThat(only(g).finalRecipient()).isEqualTo("ben@example.com");
        // Exchange's notice in Dutch
        String dutch = """
                Uw bericht kan niet worden bezorgd bij de volgende geadresseerden of groepen:

                ben@example.com
                Het door u ingevoerde e-mailadres is niet gevonden.

                Diagnostische gegevens voor beheerders:

                Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'
                """;
        BounceReport d = Bounces.explain(bytes(dutch), EN);
        assertThat(d.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(only(d).categoryId()).contains("recipient-unknown");
        // text that says nothing of a failed delivery stays what it is
        BounceReport note = Bounces.explain(bytes("Hello ben@example.com,\n\nsee you on Monday.\n"), EN);
        assertThat(note.kind()).isEqualTo(BounceKind.NOT_BOUNCE);
    }

    @Test
    void aGroupRepeatedWordForWordIsOneRecipient() {
        // Sendmail reporting a forwarding loop once per hop: the same recipient, status and reply eleven times
        String group = """
                Final-Recipient: RFC822; <ben@example.com>
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: SMTP; 550 ben@example.com... User unknown

                """;
        String bounce = """
                From: MAILER-DAEMON@gw.example.net
                To: alice@example.org
                Subject: Returned mail: see transcript for details
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="x"

                --x
                Content-Type: text/plain

                The original message was received at Mon, 2 Nov 2026 10:00:00 GMT

                --x
                Content-Type: message/delivery-status

                Reporting-MTA: dns; gw.example.net

                """ + group.repeat(11) + """
                Final-Recipient: RFC822; <cleo@example.com>
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: SMTP; 550 cleo@example.com... User unknown

                Final-Recipient: RFC822; <ben@example.com>
                Action: failed
                Status: 5.2.2
                Diagnostic-Code: SMTP; 552 ben@example.com... Mailbox full

                --x--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        // a group that differs (another status, another reply) stays, even for the same address
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient)
                .containsExactly("ben@example.com", "cleo@example.com", "ben@example.com");
        assertThat(r.recipients()).extracting(BounceRecipient::categoryId).map(c -> c.orElse(""))
                .containsExactly("recipient-unknown", "recipient-unknown", "mailbox-full");
    }

    @Test
    void aWarningsTimeoutIsANetworkErrorNotAnExpiry() {
        // the message is still queued: "Connection timed out" says why it waits, not that it expired
        String warning = """
                From: MAILER-DAEMON@out.example.net
                To: alice@example.org
                Subject: Delayed Mail (still being retried)
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="w"

                --w
                Content-Type: text/plain

                This is only a warning: the message has not yet been delivered. The mail system will keep trying.

                --w
                Content-Type: message/delivery-status

                Reporting-MTA: dns; out.example.net

                Final-Recipient: rfc822; ben@example.com
                Action: delayed
                Status: 4.4.1
                Diagnostic-Code: X-Postfix; connect to mx.example.com[192.0.2.7]:25: Connection timed out

                --w--
                """;
        BounceReport w = Bounces.explain(bytes(warning), EN);
        assertThat(w.kind()).isEqualTo(BounceKind.DELAYED);
        assertThat(only(w).categoryId()).contains("network-error");
        // the system still retries: sending again would duplicate the message, so waiting is the advice and comes first
        assertThat(only(w).diagnosis().orElseThrow().retry()).isEqualTo(RetryAdvice.AUTOMATIC);
        assertThat(only(w).explanation().orElseThrow().advice().get(0)).startsWith("For now there is nothing to do");
        // the same words in a report that gave up are the expiry they describe
        BounceReport f = Bounces.explain(bytes(warning.replace("Action: delayed", "Action: failed").replace("Status: 4.4.1", "Status: 4.4.7")), EN);
        assertThat(f.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(only(f).categoryId()).contains("delivery-expired");
        assertThat(only(f).diagnosis().orElseThrow().retry()).isNotEqualTo(RetryAdvice.AUTOMATIC);
    }

    @Test
    void aRecipientTheMessageReachedTakesNoFailureFromTheText() {
        String bounce = """
                From: MAILER-DAEMON@out.example.net
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="m"

                --m
                Content-Type: text/plain

                <ben@example.com>: 5.1.1 <ben@example.com>: Recipient address rejected: mailbox does not exist
                <cleo@example.com>: delivered

                --m
                Content-Type: message/delivery-status

                Reporting-MTA: dns; out.example.net

                Final-Recipient: rfc822; ben@example.com
                Action: failed
                Status: 5.1.1

                Final-Recipient: rfc822; cleo@example.com
                Action: delivered
                Status: 2.0.0

                --m--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.recipients()).extracting(BounceRecipient::action).containsExactly("failed", "delivered");
        assertThat(r.recipients().get(0).replyText()).contains("mailbox does not exist");
        assertThat(r.recipients().get(1).replyText()).isEmpty();
        assertThat(r.recipients().get(1).diagnosis()).isEmpty();
    }

    @Test
    void aBareCodeAndStatusGiveWayToTheSameReplyWithItsWords() {
        // Microsoft's notice states the code first on its own ("Status code: 550 5.1.10"), the reply later
        String notice = """
                From: postmaster@outlook.example.com
                To: alice@example.org
                Subject: Undeliverable: Hello
                Content-Type: text/plain

                Your message to ben@example.com couldn't be delivered.
                ben wasn't found at example.com.

                More Info for Email Admins
                Status code: 550 5.1.10

                Original Message Details
                Error Details
                Error:  550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient ben@example.com not found by SMTP address lookup
                Message rejected by: AM0PR01MB0001.eurprd01.prod.example.com
                """;
        BounceRecipient ben = only(Bounces.explain(bytes(notice), EN));
        assertThat(ben.replyText()).startsWith("550 5.1.10 RESOLVER.ADR.RecipientNotFound");
        assertThat(ben.categoryId()).contains("recipient-unknown");
    }
}
