package dev.smtpexplain.mail.bounce;

import static dev.smtpexplain.mail.bounce.BouncesTest.EN;
import static dev.smtpexplain.mail.bounce.BouncesTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.mail.SmtpStage;
import org.junit.jupiter.api.Test;

/**
 * A fourth round of bounces the shared bounce set and the three earlier "unseen formats" tests hold none of: notices
 * kept as test data or rule samples by other projects (Mautic's bounce parser and its tests, MimeKit's test messages):
 * AOL's sendmail, qmail with vpopmail and 263.net, eYou and Coremail, Amazon SES, a '#'-framed sendmail notice, Gmail's
 * older plain notice, bare DSNs. Each is written for this test after the notice text its source holds (cited per
 * test); addresses and hosts are example ones.
 */
class UnseenFormats4BounceTest {

    private static BounceRecipient only(BounceReport r) {
        assertThat(r.recipients()).hasSize(1);
        return r.recipients().get(0);
    }

    private static String plain(String from, String subject, String body) {
        return "From: " + from + "\nTo: alice@example.org\nSubject: " + subject
                + "\nDate: Tue, 04 Jun 2013 10:15:00 +0000\nMIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n\n"
                + body + (body.endsWith("copy of the message.\n")
                        ? "\nReturn-Path: <alice@example.org>\nFrom: alice@example.org\nTo: ben@example.com\nSubject: Hello\n\nHi.\n"
                        : "");
    }

    private static String report(String from, String subject, String text, String dsn) {
        return "From: " + from + "\nTo: alice@example.org\nSubject: " + subject
                + "\nDate: Tue, 04 Jun 2013 10:15:00 +0000\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n\n"
                + "--b1\nContent-Type: text/plain; charset=us-ascii\n\n" + text + "\n"
                + "--b1\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n" + dsn + "\n"
                + "--b1\nContent-Type: text/rfc822-headers\n\nFrom: alice@example.org\nTo: ben@example.com\nSubject: Hello\n\n"
                + "--b1--\n";
    }


    // mautic/mautic:app/bundles/EmailBundle/Tests/MonitoredEmail/Processor/Bounce/BodyParserTest.php (AOL's sendmail
    // notice, "--AOL Postmaster", transcript with RCPT To and "550 MAILBOX NOT FOUND")
    @Test
    void aolSendmailTranscriptMailboxNotFound() {
        String bounce = plain("Mail Delivery Subsystem <MAILER-DAEMON@aol.example.com>", "Returned mail: User unknown", """
                The original message was received at Mon, 3 Jun 2013 10:02:11 -0400 (EDT)
                from mail.example.org [192.0.2.20]

                Please direct further questions regarding this message to your e-mail
                administrator.

                --AOL Postmaster



                   ----- The following addresses had permanent fatal errors -----
                <ben@example.net>

                   ----- Transcript of session follows -----
                ... while talking to air-yi01.mail.aol.example.com.:
                >>> RCPT To:<ben@example.net>
                <<< 550 MAILBOX NOT FOUND
                550 <ben@example.net>... User unknown
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.net");
        assertThat(x.replyCode()).contains(550);
        assertThat(x.categoryId()).contains("recipient-unknown");
        assertThat(x.stage()).contains(SmtpStage.RCPT_TO);
    }

    // mautic/mautic:app/bundles/EmailBundle/Tests/MonitoredEmail/Processor/Bounce/DsnParserTest.php (a DSN with
    // "Original-Recipient" first and "Diagnostic-Code: DNS; Host not found", status 5.4.4)
    @Test
    void bareDsnHostNotFound() {
        String bounce = report("MAILER-DAEMON@mx.example.org", "Delivery Status Notification (Failure)", "Your message could not be delivered.\n",
                """
                Original-Recipient: ben@example.cz
                Final-Recipient: rfc822;ben@example.cz
                Action: failed
                Status: 5.4.4
                Diagnostic-Code: DNS; Host not found
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.cz");
        assertThat(x.status()).contains("5.4.4");
        assertThat(x.categoryId()).contains("recipient-domain-unknown");
    }

    // jstedfast/MimeKit:UnitTests/TestData/messages/delivery-status2.txt (a hoster's Exim: "Unknown user" under the
    // address, a DSN with Action before Final-Recipient, Status 5.0.0 and no Diagnostic-Code)
    @Test
    void eximHostingDsnWithoutDiagnosticUnknownUser() {
        String bounce = report("Mail Delivery System <Mailer-Daemon@smtp-out.example.net>", "Mail delivery failed: returning message to sender", """
                This message was created automatically by mail delivery software.

                A message that you sent could not be delivered to one or more of its
                recipients. This is a permanent error. The following address(es) failed:

                  ben@example.com
                    Unknown user
                """,
                """
                Reporting-MTA: dns; smtp-out.example.net

                Action: failed
                Final-Recipient: rfc822;ben@example.com
                Status: 5.0.0
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(x.status()).contains("5.0.0");
        assertThat(x.categoryId()).contains("recipient-unknown");
    }

    // mautic/mautic:app/bundles/EmailBundle/MonitoredEmail/Processor/Bounce/BodyParser.php (rule sample: vpopmail's
    // "Sorry, no mailbox here by that name. vpopmail (#5.1.1)")
    @Test
    void qmailVpopmailNoMailboxByThatName() {
        String bounce = plain("MAILER-DAEMON@mail.example.com", "failure notice", """
                Hi. This is the qmail-send program at mail.example.com.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.

                <ben@example.com>:
                Sorry, no mailbox here by that name. vpopmail (#5.1.1)

                --- Below this line is a copy of the message.
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(x.status()).contains("5.1.1");
        assertThat(x.categoryId()).contains("recipient-unknown");
    }

    // mautic/mautic:app/bundles/EmailBundle/MonitoredEmail/Processor/Bounce/BodyParser.php (rule sample: "local:
    // Sorry, can't find user's mailbox. (#5.1.1)")
    @Test
    void qmailLocalCantFindUsersMailbox() {
        String bounce = plain("MAILER-DAEMON@mail.example.com", "failure notice", """
                Hi. This is the qmail-send program at mail.example.com.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.

                <ben@example.com>:
                local: Sorry, can't find user's mailbox. (#5.1.1)

                --- Below this line is a copy of the message.
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(x.status()).contains("5.1.1");
        assertThat(x.categoryId()).contains("recipient-unknown");
    }

    // mautic/mautic:app/bundles/EmailBundle/MonitoredEmail/Processor/Bounce/BodyParser.php (rule sample: "<address>:
    // <ip> does not like recipient. Remote host said: 550 Invalid recipient: <address>")
    @Test
    void qmailRemoteInvalidRecipient() {
        String bounce = plain("MAILER-DAEMON@mail.example.org", "failure notice", """
                Hi. This is the qmail-send program at mail.example.org.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.

                <ben@example.com>:
                192.0.2.11 does not like recipient.
                Remote host said: 550 Invalid recipient: <ben@example.com>
                Giving up on 192.0.2.11.

                --- Below this line is a copy of the message.
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(x.replyCode()).contains(550);
        assertThat(x.categoryId()).contains("recipient-unknown");
        assertThat(x.stage()).contains(SmtpStage.RCPT_TO);
    }

    // mautic/mautic:app/bundles/EmailBundle/MonitoredEmail/Processor/Bounce/BodyParser.php (rule sample: "<address>:
    // This address no longer accepts mail.")
    @Test
    void qmailNoLongerAcceptsMail() {
        String bounce = plain("MAILER-DAEMON@mail.example.com", "failure notice", """
                Hi. This is the qmail-send program at mail.example.com.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.

                <ben@example.com>:
                This address no longer accepts mail.

                --- Below this line is a copy of the message.
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(x.categoryId()).contains("mailbox-disabled");
    }

    // mautic/mautic:app/bundles/EmailBundle/MonitoredEmail/Processor/Bounce/BodyParser.php (rule sample 2 of "full":
    // "Warning: undefined mail delivery mode: normal (ignored). The users mailfolder is over the allowed quota (size).
    // (#5.2.2)")
    @Test
    void qmailMailfolderOverAllowedQuota() {
        String bounce = plain("MAILER-DAEMON@mail.example.com", "failure notice", """
                Hi. This is the qmail-send program at mail.example.com.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.

                <ben@example.com>:
                Warning: undefined mail delivery mode: normal (ignored).
                The users mailfolder is over the allowed quota (size). (#5.2.2)

                --- Below this line is a copy of the message.
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(x.status()).contains("5.2.2");
        assertThat(x.categoryId()).contains("mailbox-full");
    }

    // mautic/mautic:app/bundles/EmailBundle/MonitoredEmail/Processor/Bounce/BodyParser.php (rule sample: "Hi. This is
    // the qmail-send program at 263.domain.com. <address>: - User disk quota exceeded. (#4.3.0)", the 263.net qmail)
    @Test
    void qmailUserDiskQuotaExceeded() {
        String bounce = plain("MAILER-DAEMON@263.example.com", "failure notice", """
                Hi. This is the qmail-send program at 263.example.com.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.

                <ben@example.com>:
                - User disk quota exceeded. (#4.3.0)

                --- Below this line is a copy of the message.
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(x.categoryId()).contains("mailbox-full");
    }

    // mautic/mautic:app/bundles/EmailBundle/MonitoredEmail/Processor/Bounce/BodyParser.php (rule sample 1 of "full":
    // "<address>: This account is over quota and unable to receive mail.")
    @Test
    void qmailAccountOverQuotaUnableToReceive() {
        String bounce = plain("MAILER-DAEMON@mail.example.com", "failure notice", """
                Hi. This is the qmail-send program at mail.example.com.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.

                <ben@example.com>:
                This account is over quota and unable to receive mail.

                --- Below this line is a copy of the message.
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(x.categoryId()).contains("mailbox-full");
    }

    // mautic/mautic:app/bundles/EmailBundle/MonitoredEmail/Processor/Bounce/BodyParser.php (rule sample "defer": "<ip>
    // failed after I sent the message. Remote host said: 451 mta283.mail.scd.yahoo.com Resources temporarily
    // unavailable. Please try again later [#4.16.5].")
    @Test
    void qmailYahooFailedAfterDataResourcesUnavailable() {
        String bounce = plain("MAILER-DAEMON@mail.example.org", "failure notice", """
                Hi. This is the qmail-send program at mail.example.org.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.

                <ben@yahoo.example.com>:
                192.0.2.30 failed after I sent the message.
                Remote host said: 451 mta283.mail.example.com Resources temporarily unavailable. Please try again later [#4.16.5].

                --- Below this line is a copy of the message.
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@yahoo.example.com");
        assertThat(x.replyCode()).contains(451);
        assertThat(x.stage()).contains(SmtpStage.END_OF_DATA);
    }

    // mautic/mautic:app/bundles/EmailBundle/MonitoredEmail/Processor/Bounce/BodyParser.php (rule sample: transcript
    // "mail.local: /var/mail/…: Disc quota exceeded" then "554 <address>... Service unavailable")
    @Test
    void sendmailMailLocalDiscQuotaExceeded() {
        String bounce = plain("Mail Delivery Subsystem <MAILER-DAEMON@mail.example.com>", "Returned mail: see transcript for details", """
                The original message was received at Tue, 4 Jun 2013 08:15:42 GMT
                from mail.example.org [192.0.2.20]

                   ----- The following addresses had permanent fatal errors -----
                <ben@example.com>
                    (reason: Service unavailable)
                    (expanded from: <ben@example.com>)

                   ----- Transcript of session follows -----
                mail.local: /var/mail/2b/10/ben: Disc quota exceeded
                554 <ben@example.com>... Service unavailable
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(x.replyCode()).contains(554);
        assertThat(x.categoryId()).contains("mailbox-full");
    }

    // mautic/mautic:app/bundles/EmailBundle/MonitoredEmail/Processor/Bounce/BodyParser.php (rule sample: a notice
    // framed in '#', "Your message could not be delivered to the following address:", "(reason: Can't create output)",
    // "(expanded from: <address>)")
    @Test
    void sendmailFramedNoticeCantCreateOutput() {
        String bounce = plain("Mail Delivery Subsystem <MAILER-DAEMON@mx.example.com>", "Returned mail: Can't create output", """
                    ##########################################################
                    #  This is an automated response from a mail delivery    #
                    #  program.  Your message could not be delivered to      #
                    #  the following address:                                #
                    #                                                        #
                    #      "|/usr/local/bin/mailfilt -u #dkms"               #
                    #        (reason: Can't create output)                   #
                    #        (expanded from: <ben@example.com>)              #
                    #                                                        #
                    #  The message that caused the error is attached below.  #
                    ##########################################################
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.com");
    }

    // mautic/mautic:app/bundles/EmailBundle/MonitoredEmail/Processor/Bounce/BodyParser.php (rule sample: "Sent >>>
    // RCPT TO: <address>", "Received <<< 550 address... No such user", "Could not deliver mail to this user.", "End of
    // message")
    @Test
    void smtpTranscriptCouldNotDeliverToThisUser() {
        String bounce = plain("postmaster@mail.example.org", "Undeliverable Mail", """
                Failed to deliver to '<ben@example.com>'
                SMTP module(domain example.com) reports:
                 host mx.example.com says:
                Sent >>> RCPT TO: <ben@example.com>
                Received <<< 550 ben@example.com... No such user

                Could not deliver mail to this user.
                ben@example.com
                *****************     End of message     ***************
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(x.replyCode()).contains(550);
        assertThat(x.categoryId()).contains("recipient-unknown");
        assertThat(x.stage()).contains(SmtpStage.RCPT_TO);
    }

    // mautic/mautic:app/bundles/EmailBundle/MonitoredEmail/Processor/Bounce/BodyParser.php (rule sample "Amazon SES":
    // "An error occurred while trying to deliver the mail to the following recipients:" and the address)
    @Test
    void amazonSesErrorWhileDeliveringToRecipients() {
        String bounce = plain("MAILER-DAEMON@amazonses.example.com", "Delivery Status Notification (Failure)", """
                An error occurred while trying to deliver the mail to the following recipients:
                ben@example.com
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.com");
    }

    // mautic/mautic:app/bundles/EmailBundle/MonitoredEmail/Processor/Bounce/BodyParser.php (rule sample: Exim's
    // "unknown local-part \"x\" in domain \"y\"" under the address)
    @Test
    void eximUnknownLocalPartInDomain() {
        String bounce = plain("Mail Delivery System <Mailer-Daemon@mail.example.com>", "Mail delivery failed: returning message to sender", """
                This message was created automatically by mail delivery software.

                A message that you sent could not be delivered to one or more of its
                recipients. This is a permanent error. The following address(es) failed:

                  ben@example.com
                    unknown local-part "ben" in domain "example.com"
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(x.categoryId()).contains("recipient-unknown");
    }

    // mautic/mautic:app/bundles/EmailBundle/MonitoredEmail/Processor/Bounce/BodyParser.php (rule sample: "The message
    // to <address> is bounced because : Quota exceed the hard limit")
    @Test
    void coremailBouncedBecauseQuotaExceedHardLimit() {
        String bounce = plain("postmaster@mail.example.cn", "Undelivered Mail Returned to Sender", """
                Sorry, your message could not be delivered.

                The message to ben@example.cn is bounced because : Quota exceed the hard limit
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.cn");
        assertThat(x.categoryId()).contains("mailbox-full");
    }

    // mautic/mautic:app/bundles/EmailBundle/MonitoredEmail/Processor/Bounce/BodyParser.php (rule sample:
    // "<address><br> 553 user is inactive (eyou mta)")
    @Test
    void eyouUserIsInactive() {
        String bounce = plain("MAILER-DAEMON@mail.example.cn", "failure notice", """
                Your message could not be delivered to the following recipient:

                ben@example.cn
                553 user is inactive (eyou mta)
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.cn");
        assertThat(x.replyCode()).contains(553);
        assertThat(x.categoryId()).contains("mailbox-disabled");
    }

    // mautic/mautic:app/bundles/EmailBundle/MonitoredEmail/Processor/Bounce/BodyParser.php (rule sample: "<address>
    // [Inactive account]")
    @Test
    void inactiveAccountMarkedAfterAddress() {
        String bounce = plain("MAILER-DAEMON@mail.example.com", "Undeliverable mail", """
                This message could not be delivered to the following recipient:

                ben@example.com [Inactive account]
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(x.categoryId()).contains("mailbox-disabled");
    }

    // mautic/mautic:app/bundles/EmailBundle/MonitoredEmail/Processor/Bounce/BodyParser.php (rule sample
    // "internal_error": vpopmail's "can not open new email file errno=13 file=…")
    @Test
    void qmailVpopmailCantOpenNewEmailFile() {
        String bounce = plain("MAILER-DAEMON@mail.example.com", "failure notice", """
                Hi. This is the qmail-send program at mail.example.com.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.

                <ben@example.com>:
                can not open new email file errno=13 file=/home/vpopmail/domains/example.com/0/ben/Maildir/tmp/1155254417.28358.mx05,S=212350

                --- Below this line is a copy of the message.
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.com");
    }

    // mautic/mautic:app/bundles/EmailBundle/MonitoredEmail/Processor/Bounce/BodyParser.php (rule sample: "The user
    // does not accept email in non-Western (non-Latin) character sets.")
    @Test
    void qmailNonWesternCharsetsRefused() {
        String bounce = plain("MAILER-DAEMON@mail.example.org", "failure notice", """
                Hi. This is the qmail-send program at mail.example.org.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.

                <ben@example.com>:
                192.0.2.40 failed after I sent the message.
                Remote host said: 554 The user does not accept email in non-Western (non-Latin) character sets.

                --- Below this line is a copy of the message.
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(x.replyCode()).contains(554);
        assertThat(x.stage()).contains(SmtpStage.END_OF_DATA);
    }

    // mautic/mautic:app/bundles/EmailBundle/MonitoredEmail/Processor/Bounce/BodyParser.php (Gmail rule sample: "The
    // error that the other server returned was: 553-5.1.2 We weren't able to find the recipient domain.")
    @Test
    void gmailOldNoticeRecipientDomainNotFound() {
        String bounce = plain("Mail Delivery Subsystem <mailer-daemon@googlemail.example.com>", "Delivery Status Notification (Failure)", """
                Delivery to the following recipient failed permanently:

                     ben@example.invalid

                Technical details of permanent failure:
                DNS Error: Domain name not found

                The error that the other server returned was:
                553-5.1.2 We weren't able to find the recipient domain. Please check for any
                553-5.1.2 spelling errors, and make sure you didn't enter any spaces, periods,
                553 5.1.2 or other punctuation after the recipient's email address. a1sm123456wiz.2
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.invalid");
        assertThat(x.replyCode()).contains(553);
        assertThat(x.status()).contains("5.1.2");
        assertThat(x.categoryId()).contains("recipient-domain-unknown");
    }

    // mautic/mautic:app/bundles/EmailBundle/MonitoredEmail/Processor/Bounce/BodyParser.php (Gmail rule sample:
    // "550-5.2.1 The email account that you tried to reach is disabled.")
    @Test
    void gmailOldNoticeAccountDisabled() {
        String bounce = plain("Mail Delivery Subsystem <mailer-daemon@googlemail.example.com>", "Delivery Status Notification (Failure)", """
                Delivery to the following recipient failed permanently:

                     ben@example.com

                Technical details of permanent failure:
                Google tried to deliver your message, but it was rejected by the server for the recipient domain example.com by aspmx.example.com. [192.0.2.27].

                The error that the other server returned was:
                550-5.2.1 The email account that you tried to reach is disabled. Learn more at
                550 5.2.1 https://support.google.com/mail/?p=DisabledUser a1si123456qkd.88 - gsmtp
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(x.replyCode()).contains(550);
        assertThat(x.status()).contains("5.2.1");
        assertThat(x.categoryId()).contains("mailbox-disabled");
    }

    // mautic/mautic:app/bundles/EmailBundle/MonitoredEmail/Processor/Bounce/BodyParser.php (Gmail rule sample:
    // "552-5.2.3 Your message exceeded Google's message size limits.")
    @Test
    void gmailOldNoticeMessageSizeLimit() {
        String bounce = plain("Mail Delivery Subsystem <mailer-daemon@googlemail.example.com>", "Delivery Status Notification (Failure)", """
                Delivery to the following recipient failed permanently:

                     ben@example.com

                Technical details of permanent failure:
                Google tried to deliver your message, but it was rejected by the server for the recipient domain example.com by aspmx.example.com. [192.0.2.27].

                The error that the other server returned was:
                552-5.2.3 Your message exceeded Google's message size limits. Please visit
                552-5.2.3 https://support.google.com/mail/?p=MaxSizeError to view our size
                552 5.2.3 guidelines. a1si123456qkd.88 - gsmtp
                """);
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(x.replyCode()).contains(552);
        assertThat(x.status()).contains("5.2.3");
        assertThat(x.categoryId()).contains("message-too-big");
    }

    // mikel/mail:spec/fixtures/emails/multipart_report_emails/multipart_report_multiple_status.eml (InterMail at a US
    // carrier, "Mail System Error - Returned Mail"): the prose part is itself labelled message/delivery-status ("This
    // Message was undeliverable due to the following reason: <address> has restricted SMS e-mail"), then the real DSN
    @Test
    void intermailProseLabelledAsDeliveryStatus() {
        String bounce = """
                Return-Path: <>
                To: alice@example.org
                From: Mail Administrator <Postmaster@example.com>
                Reply-To: <Postmaster@example.com>
                Subject: Mail System Error - Returned Mail
                Date: Tue, 29 Jun 2010 10:42:44 -0500
                MIME-Version: 1.0
                Content-Type: multipart/report;
                        report-type=delivery-status;
                        Boundary="===========================_ _= 6078796(15102)1277826164"

                --===========================_ _= 6078796(15102)1277826164
                Content-Type: message/delivery-status;

                This Message was undeliverable due to the following reason:

                <ben@example.com> has restricted SMS e-mail

                Please reply to <Postmaster@example.com>
                if you feel this message to be in error.

                --===========================_ _= 6078796(15102)1277826164
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mta04.example.com
                Arrival-Date: Tue, 29 Jun 2010 10:42:37 -0500

                Original-Recipient: rfc822;ben@example.com
                Final-Recipient: RFC822; <ben@example.com>
                Action: failed
                Status: 5.3.0

                --===========================_ _= 6078796(15102)1277826164
                Content-Type: message/rfc822

                Date: Tue, 29 Jun 2010 15:42:25 +0000
                From: Alice <alice@example.org>
                To: ben@example.com
                Subject: Hello

                Hi.

                --===========================_ _= 6078796(15102)1277826164--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(x.status()).contains("5.3.0");
        assertThat(x.replyText()).containsIgnoringCase("restricted SMS e-mail");
    }

    // mikel/mail:spec/fixtures/emails/multipart_report_emails/report_422.eml (sendmail with a MailScanner footer): the
    // boxed "THIS IS A WARNING MESSAGE ONLY", a transcript whose "<<< 452 4.2.2 <address>... Mailbox full" follows
    // ">>> DATA", "Deferred: …", and a DSN with Action: delayed
    @Test
    void sendmailWarningWithMailScannerFooterMailboxFull() {
        String bounce = """
                Date: Thu, 17 Jan 2008 03:40:52 +1100
                From: Mail Delivery Subsystem <MAILER-DAEMON@mail11.example.com>
                To: <alice@example.org>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="m0GFZ1c3009410.1200501652/mail11.example.com"
                Subject: Warning: could not send message for past 8 hours
                Auto-Submitted: auto-generated (warning-timeout)

                This is a MIME-encapsulated message

                --m0GFZ1c3009410.1200501652/mail11.example.com
                Content-Type: text/plain

                    **********************************************
                    **      THIS IS A WARNING MESSAGE ONLY      **
                    **  YOU DO NOT NEED TO RESEND YOUR MESSAGE  **
                    **********************************************

                The original message was received at Wed, 16 Jan 2008 19:38:07 +1100
                from host.example.org [192.0.2.61]

                This message was generated by mail11.example.com

                   ----- Transcript of session follows -----
                .... while talking to mail.example.net.:
                >>> DATA
                <<< 452 4.2.2 <ben@example.net>... Mailbox full
                <ben@example.net>... Deferred: 452 4.2.2 <ben@example.net>... Mailbox full
                <<< 503 5.0.0 Need RCPT (recipient)
                Warning: message still undelivered after 8 hours
                Will keep trying until message is 5 days old

                --\s
                This message has been scanned for viruses and
                dangerous content by MailScanner, and is
                believed to be clean.

                --m0GFZ1c3009410.1200501652/mail11.example.com
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mail11.example.com
                Arrival-Date: Wed, 16 Jan 2008 19:38:07 +1100

                Final-Recipient: RFC822; ben@example.net
                Action: delayed
                Status: 4.2.2
                Remote-MTA: DNS; mail.example.net
                Diagnostic-Code: SMTP; 452 4.2.2 <ben@example.net>... Mailbox full
                Last-Attempt-Date: Thu, 17 Jan 2008 03:40:52 +1100

                --m0GFZ1c3009410.1200501652/mail11.example.com
                Content-Type: text/rfc822-headers

                Return-Path: <alice@example.org>
                Date: Wed, 16 Jan 2008 19:38:07 +1100
                From: Alice <alice@example.org>
                To: ben@example.net
                Subject: Wanted

                --m0GFZ1c3009410.1200501652/mail11.example.com--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.DELAYED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.net");
        assertThat(x.replyCode()).contains(452);
        assertThat(x.status()).contains("4.2.2");
        assertThat(x.categoryId()).contains("mailbox-full");
    }

    // mikel/mail:spec/fixtures/emails/multipart_report_emails/report_530.eml (sendmail behind MailScanner, 2007): "(reason:
    // 553 5.3.0 <address>... Unknown E-Mail Address)", the transcript's ">>> DATA" and "<<< 553 …", a DSN
    @Test
    void sendmailUnknownEmailAddressAfterData() {
        String bounce = """
                Date: Mon, 24 Dec 2007 10:03:53 +1100
                From: Mail Delivery Subsystem <MAILER-DAEMON@mail12.example.com>
                To: <alice@example.org>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="lBNN3rDp003436.1198451033/mail12.example.com"
                Subject: Returned mail: see transcript for details
                Auto-Submitted: auto-generated (failure)

                This is a MIME-encapsulated message

                --lBNN3rDp003436.1198451033/mail12.example.com

                The original message was received at Mon, 24 Dec 2007 10:03:47 +1100
                from host.example.org [192.0.2.146]

                This message was generated by mail12.example.com

                   ----- The following addresses had permanent fatal errors -----
                <ben@example.net>
                    (reason: 553 5.3.0 <ben@example.net>... Unknown E-Mail Address)

                   ----- Transcript of session follows -----
                ... while talking to mail.example.net.:
                >>> DATA
                <<< 553 5.3.0 <ben@example.net>... Unknown E-Mail Address
                550 5.1.1 <ben@example.net>... User unknown
                <<< 503 5.0.0 Need RCPT (recipient)

                --lBNN3rDp003436.1198451033/mail12.example.com
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mail12.example.com
                Arrival-Date: Mon, 24 Dec 2007 10:03:47 +1100

                Final-Recipient: RFC822; ben@example.net
                Action: failed
                Status: 5.3.0
                Remote-MTA: DNS; mail.example.net
                Diagnostic-Code: SMTP; 553 5.3.0 <ben@example.net>... Unknown E-Mail Address
                Last-Attempt-Date: Mon, 24 Dec 2007 10:03:53 +1100

                --lBNN3rDp003436.1198451033/mail12.example.com
                Content-Type: text/rfc822-headers

                Return-Path: <alice@example.org>
                From: Alice <alice@example.org>
                To: ben@example.net
                Subject: Hello

                --lBNN3rDp003436.1198451033/mail12.example.com--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.net");
        assertThat(x.replyCode()).contains(553);
        assertThat(x.status()).contains("5.3.0");
        assertThat(x.categoryId()).contains("recipient-unknown");
    }
}
