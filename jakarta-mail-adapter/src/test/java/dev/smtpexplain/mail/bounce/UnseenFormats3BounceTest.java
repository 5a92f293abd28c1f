package dev.smtpexplain.mail.bounce;

import static dev.smtpexplain.mail.bounce.BouncesTest.EN;
import static dev.smtpexplain.mail.bounce.BouncesTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.mail.SmtpStage;
import org.junit.jupiter.api.Test;

/**
 * A third round of bounces the shared bounce set and the two earlier "unseen formats" tests hold none of: real notices
 * kept as test data by other projects (Delta Chat's NDNs of Gmail in German, GMX, Yahoo, Posteo and chatmail servers;
 * flanker's Gmail, AOL, Office 365 and warning notices; Mail::DeliveryStatus::BounceParser's corpus of replies from
 * iCloud, Polish providers, qmail, MessageLabs, Mailcontrol, IIS, Telenor, Exim and sendmail). Each is written for this
 * test after the notice its source holds (cited per test); addresses and hosts are example ones.
 */
class UnseenFormats3BounceTest {

    private static BounceRecipient only(BounceReport r) {
        assertThat(r.recipients()).hasSize(1);
        return r.recipients().get(0);
    }

    private static BounceRecipient named(BounceReport r, String address) {
        return r.recipients().stream().filter(x -> x.finalRecipient().equalsIgnoreCase(address)).findFirst()
                .orElseThrow(() -> new AssertionError(address + " not among " + r.recipients()));
    }


    // deltachat/deltachat-core-rust:test-data/message/gmail_ndn.eml (Gmail, German interface): "** Die Adresse wurde nicht
    // gefunden **", "Ihre Nachricht wurde nicht an <address> zugestellt, weil …", "Antwort:" and the reply; a DSN part
    @Test
    void gmailGermanNoticeAddressNotFound() {
        String bounce = """
                From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
                To: alice@example.org
                Subject: Delivery Status Notification (Failure)
                Date: Mon, 18 May 2020 09:23:25 -0700 (PDT)
                Message-ID: <5ec2b67d.1c69fb81.213af.67a5.GMR@mx.example.com>
                Auto-Submitted: auto-replied
                X-Failed-Recipients: ben@example.com
                MIME-Version: 1.0
                Content-Type: multipart/report; boundary="00000000000012d63005a5ee9520"; report-type=delivery-status

                --00000000000012d63005a5ee9520
                Content-Type: multipart/related; boundary="00000000000012dc0005a5ee952f"

                --00000000000012dc0005a5ee952f
                Content-Type: multipart/alternative; boundary="00000000000012dc0705a5ee9530"

                --00000000000012dc0705a5ee9530
                Content-Type: text/plain; charset="UTF-8"


                ** Die Adresse wurde nicht gefunden **

                Ihre Nachricht wurde nicht an ben@example.com zugestellt, weil die Adresse nicht gefunden wurde oder keine E-Mails empfangen kann.

                Hier erfahren Sie mehr: https://support.google.com/mail/?p=NoSuchUser

                Antwort:

                550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. Learn more at https://support.google.com/mail/?p=NoSuchUser i18sor6261697wrs.38 - gsmtp

                --00000000000012dc0705a5ee9530--
                --00000000000012dc0005a5ee952f--
                --00000000000012d63005a5ee9520
                Content-Type: message/delivery-status

                Reporting-MTA: dns; googlemail.com
                Arrival-Date: Mon, 18 May 2020 09:23:25 -0700 (PDT)

                Final-Recipient: rfc822; ben@example.com
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does not exist. Please try
                 550-5.1.1 double-checking the recipient's email address for typos or
                 550-5.1.1 unnecessary spaces. Learn more at
                 550 5.1.1  https://support.google.com/mail/?p=NoSuchUser i18sor6261697wrs.38 - gsmtp

                --00000000000012d63005a5ee9520
                Content-Type: message/rfc822

                From: Alice <alice@example.org>
                To: ben@example.com
                Subject: Test
                Date: Mon, 18 May 2020 18:23:00 +0200

                Wollte nur was testen

                --00000000000012d63005a5ee9520--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(x.replyCode()).contains(550);
        assertThat(x.status()).contains("5.1.1");
        assertThat(x.categoryId()).contains("recipient-unknown");
    }

    // deltachat/deltachat-core-rust:test-data/message/gmx_ndn.eml (GMX's mout-bounce): Exim's wording, then "SMTP error
    // from remote server for RCPT TO command, host: <host> (<ip>) reason: <multi-line reply>" and the original's header
    @Test
    void gmxNoticeNamesTheCommandHostAndReasonOnOneLine() {
        String bounce = """
                From: "GMX Mailer Daemon" <mailer-daemon@gmx.example.net>
                To: alice@example.org
                Subject: Mail delivery failed: returning message to sender
                Date: Tue, 09 Jun 2020 14:35:30 +0200
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: 8bit

                This message was created automatically by mail delivery software.

                A message that you sent could not be delivered to one or more of
                its recipients. This is a permanent error. The following address(es)
                failed:

                ben@example.com:
                SMTP error from remote server for RCPT TO command, host: mx.example.com (192.0.2.27) reason: 550-5.1.1 The email account that you tried to reach does not exist. Please
                 try
                550-5.1.1 double-checking the recipient's email address for typos or
                550-5.1.1 unnecessary spaces. Learn more at
                550 5.1.1  https://support.google.com/mail/?p=NoSuchUser f6si2517766wmc.21
                9 - gsmtp



                --- The header of the original message is following. ---

                Received: from [192.0.2.30] by mail.example.net with ESMTPSA id 1MKbkM-1jNoq60HKm-00KyL2 for
                 <ben@example.com>; Tue, 09 Jun 2020 14:35:30 +0200
                To: ben@example.com
                From: Alice <alice@example.org>
                Subject: test
                Message-ID: <9c9c2a32-056b-3592-c372-d7e8f0bd4bc2@example.org>
                Date: Tue, 9 Jun 2020 14:36:10 +0200
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(x.replyCode()).contains(550);
        assertThat(x.status()).contains("5.1.1");
        assertThat(x.categoryId()).contains("recipient-unknown");
        assertThat(x.stage()).contains(SmtpStage.RCPT_TO);
    }

    // deltachat/deltachat-core-rust:test-data/message/yahoo_ndn.eml (Yahoo Mail): "Failure Notice", "Sorry, we were unable to
    // deliver your message to the following address.", "<address>:" and "554: delivery error: dd Not a valid recipient - <host>"
    @Test
    void yahooFailureNoticeWithAColonAfterItsReplyCode() {
        String bounce = """
                From: MAILER-DAEMON@yahoo.example.com
                To: alice@example.org
                Subject: Failure Notice
                Date: Wed, 10 Jun 2020 10:11:17 +0000
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: 7bit

                Sorry, we were unable to deliver your message to the following address.

                <ben.cole@example.com>:
                554: delivery error: dd Not a valid recipient - atlas117.free.mail.ne1.example.com

                --- Below this line is a copy of the message.

                Received: from sonic.gate.mail.example.com by sonic314.example.com with HTTP; Wed, 10 Jun 2020 10:11:16 +0000
                Date: Wed, 10 Jun 2020 10:11:12 +0000 (UTC)
                From: Alice <alice@example.org>
                To: "ben.cole@example.com" <ben.cole@example.com>
                Message-ID: <1680295672.3657931.1591783872935@mail.example.com>
                Subject: Test

                Hello
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben.cole@example.com");
        assertThat(x.replyCode()).contains(554);
        assertThat(x.categoryId()).contains("recipient-unknown");
    }

    // deltachat/deltachat-core-rust:test-data/message/posteo_ndn.eml (Posteo's outbound Postfix, refused by GMX): a reply with
    // no enhanced code, "550 Requested action not taken: mailbox unavailable (in reply to RCPT TO command)"
    @Test
    void posteoRelayGivesTheBareMailboxUnavailableReply() {
        String bounce = """
                From: MAILER-DAEMON@mout01.example.net (Mail Delivery System)
                To: alice@example.net
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="A1B2C3.1591706130/mout01.example.net"

                This is a MIME-encapsulated message.

                --A1B2C3.1591706130/mout01.example.net
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host mout01.example.net.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                For further assistance, please send mail to postmaster.

                If you do so, please include this problem report. You can
                delete your own text from the attached returned message.

                                   The mail system

                <ben@example.com>: host mx01.example.com[192.0.2.5] said: 550
                    Requested action not taken: mailbox unavailable (in reply to RCPT TO
                    command)

                --A1B2C3.1591706130/mout01.example.net
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mout01.example.net
                X-Postfix-Queue-ID: A1B2C3
                X-Postfix-Sender: rfc822; alice@example.net
                Arrival-Date: Tue,  9 Jun 2020 14:40:11 +0200 (CEST)

                Final-Recipient: rfc822; ben@example.com
                Original-Recipient: rfc822;ben@example.com
                Action: failed
                Status: 5.0.0
                Remote-MTA: dns; mx01.example.com
                Diagnostic-Code: smtp; 550 Requested action not taken: mailbox unavailable

                --A1B2C3.1591706130/mout01.example.net--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(x.replyCode()).contains(550);
        assertThat(x.categoryId()).contains("recipient-unknown");
        assertThat(x.stage()).contains(SmtpStage.RCPT_TO);
    }

    // deltachat/deltachat-core-rust:test-data/message/testrun_ndn_2.eml (a chatmail server's Postfix with SMTPUTF8): the report
    // is message/global-delivery-status, "Host or domain name not found. Name service error for name=… type=AAAA"
    @Test
    void chatmailPostfixGlobalDeliveryStatusForAnUnknownDomain() {
        String bounce = """
                From: MAILER-DAEMON@hq5.example.org (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="A82D727A0003.1628754810/hq5.example.org"
                Content-Transfer-Encoding: 8bit

                This is a MIME-encapsulated message.

                --A82D727A0003.1628754810/hq5.example.org
                Content-Description: Notification
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: 8bit

                This is the mail system at host hq5.example.org.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                For further assistance, please send mail to postmaster.

                If you do so, please include this problem report. You can
                delete your own text from the attached returned message.

                                   The mail system

                <bob@example.net>: Host or domain name not found. Name service error for
                    name=example.net type=AAAA: Host not found

                --A82D727A0003.1628754810/hq5.example.org
                Content-Description: Delivery report
                Content-Type: message/global-delivery-status
                Content-Transfer-Encoding: 8bit

                Reporting-MTA: dns; hq5.example.org
                X-Postfix-Queue-ID: A82D727A0003
                X-Postfix-Sender: rfc822; alice@example.org
                Arrival-Date: Thu, 12 Aug 2021 09:53:29 +0200 (CEST)

                Final-Recipient: rfc822; bob@example.net
                Original-Recipient: rfc822;bob@example.net
                Action: failed
                Status: 5.4.4
                Diagnostic-Code: X-Postfix; Host or domain name not found. Name service error
                    for name=example.net type=AAAA: Host not found

                --A82D727A0003.1628754810/hq5.example.org
                Content-Description: Undelivered Message Headers
                Content-Type: message/global-headers
                Content-Transfer-Encoding: 8bit

                From: Alice <alice@example.org>
                To: <bob@example.net>
                Subject: Message from Alice
                Date: Thu, 12 Aug 2021 07:53:28 +0000

                --A82D727A0003.1628754810/hq5.example.org--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("bob@example.net");
        assertThat(x.status()).contains("5.4.4");
        assertThat(x.categoryId()).contains("recipient-domain-unknown");
    }

    // deltachat/deltachat-core-rust:test-data/message/ndn_with_attachment.eml (a Cuban provider's Postfix relay): two recipients
    // refused at RCPT for a full mailbox, the returned message whole with an encrypted body
    @Test
    void cubanRelayTwoRecipientsOverQuotaWithADifferentOriginalRecipient() {
        String bounce = """
                From: MAILER-DAEMON@example.org (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Date: Sat, 25 Jun 2022 21:35:33 -0400 (CDT)
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="C06EAE01B0.1656207333/relay01.example.org"
                Content-Transfer-Encoding: 7bit

                This is a MIME-encapsulated message.

                --C06EAE01B0.1656207333/relay01.example.org
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host relay01.example.org.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                For further assistance, please send mail to postmaster.

                If you do so, please include this problem report. You can
                delete your own text from the attached returned message.

                                   The mail system

                <bob@example.net>: host mx2.example.net[192.0.2.215] said: 552 5.2.2
                    <bob@example.net>: Recipient address rejected: Mailbox quota exceeded (in
                    reply to RCPT TO command)

                <bob2@example.net>: host mx1.example.net[192.0.2.212] said: 552 5.2.2
                    <bob2@example.net>: Recipient address rejected: Mailbox quota
                    exceeded (in reply to RCPT TO command)

                --C06EAE01B0.1656207333/relay01.example.org
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; relay01.example.org
                X-Postfix-Queue-ID: C06EAE01B0
                X-Postfix-Sender: rfc822; alice@example.org
                Arrival-Date: Sat, 25 Jun 2022 21:35:23 -0400 (CDT)

                Final-Recipient: rfc822; bob@example.net
                Original-Recipient: rfc822;bob@example.net
                Action: failed
                Status: 5.2.2
                Remote-MTA: dns; mx2.example.net
                Diagnostic-Code: smtp; 552 5.2.2 <bob@example.net>: Recipient address
                    rejected: Mailbox quota exceeded

                Final-Recipient: rfc822; bob2@example.net
                Original-Recipient: rfc822;bob2@example.net
                Action: failed
                Status: 5.2.2
                Remote-MTA: dns; mx1.example.net
                Diagnostic-Code: smtp; 552 5.2.2 <bob2@example.net>: Recipient address
                    rejected: Mailbox quota exceeded

                --C06EAE01B0.1656207333/relay01.example.org
                Content-Description: Undelivered Message
                Content-Type: message/rfc822
                Content-Transfer-Encoding: 7bit

                From: Alice <alice@example.org>
                To: <bob@example.net>, <bob2@example.net>
                Subject: ...
                Date: Sun, 26 Jun 2022 01:35:20 +0000
                MIME-Version: 1.0
                Content-Type: multipart/encrypted; protocol="application/pgp-encrypted";
                	boundary="OOGjcgxCkv3w8d1thY6jg0b8O0NFJE"


                --OOGjcgxCkv3w8d1thY6jg0b8O0NFJE
                Content-Type: application/pgp-encrypted

                Version: 1

                --OOGjcgxCkv3w8d1thY6jg0b8O0NFJE
                Content-Type: application/octet-stream; name="encrypted.asc"

                -----BEGIN PGP MESSAGE-----

                REMOVED
                -----END PGP MESSAGE-----

                --OOGjcgxCkv3w8d1thY6jg0b8O0NFJE--

                --C06EAE01B0.1656207333/relay01.example.org--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(r.recipients()).hasSize(2);
        BounceRecipient x0 = named(r, "bob@example.net");
        assertThat(x0.finalRecipient()).isEqualTo("bob@example.net");
        assertThat(x0.replyCode()).contains(552);
        assertThat(x0.status()).contains("5.2.2");
        assertThat(x0.categoryId()).contains("mailbox-full");
        assertThat(x0.stage()).contains(SmtpStage.RCPT_TO);
        BounceRecipient x1 = named(r, "bob2@example.net");
        assertThat(x1.finalRecipient()).isEqualTo("bob2@example.net");
        assertThat(x1.replyCode()).contains(552);
        assertThat(x1.status()).contains("5.2.2");
        assertThat(x1.categoryId()).contains("mailbox-full");
        assertThat(x1.stage()).contains(SmtpStage.RCPT_TO);
    }

    // mailgun/flanker:tests/fixtures/messages/bounce/gmail-invalid-address.eml (Gmail, 2013): a plain notice, "Technical details
    // of permanent failure:", "Google tried to deliver your message, but it was rejected by the server for the recipient
    // domain …", "The error that the other server returned was:" and the reply
    @Test
    void gmail2013PlainNoticeQuotesTheOtherServersError() {
        String bounce = """
                MIME-Version: 1.0
                Return-Path: <>
                From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
                To: alice@example.org
                X-Failed-Recipients: ben@example.com
                Subject: Delivery Status Notification (Failure)
                Message-ID: <001a11c2449205704f04e0cbff5b@example.com>
                Date: Fri, 05 Jul 2013 23:24:28 +0000
                Content-Type: text/plain; charset=ISO-8859-1

                Delivery to the following recipient failed permanently:

                     ben@example.com

                Technical details of permanent failure:\s
                Google tried to deliver your message, but it was rejected by the server for the recipient domain example.com by mxa.example.com. [192.0.2.48].

                The error that the other server returned was:
                550 5.1.0 Recipient rejected: <ben@example.com>

                ----- Original message -----

                MIME-Version: 1.0
                Date: Fri, 5 Jul 2013 16:24:27 -0700
                Subject: Hi
                From: Alice <alice@example.org>
                To: ben@example.com
                Content-Type: text/plain; charset=ISO-8859-1

                Hi
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(x.replyCode()).contains(550);
        assertThat(x.status()).contains("5.1.0");
        assertThat(x.categoryId()).contains("recipient-unknown");
    }

    // mailgun/flanker:tests/fixtures/messages/bounce/gmail-no-dns.eml (Gmail, 2012): "Technical details of permanent failure:
    // DNS Error: Domain name not found", no reply code at all
    @Test
    void gmail2012PlainNoticeDnsErrorDomainNameNotFound() {
        String bounce = """
                Mime-Version: 1.0
                Return-Path: <>
                From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
                To: alice@example.org
                X-Failed-Recipients: user@example.comm
                Subject: Delivery Status Notification (Failure)
                Date: Tue, 10 Jul 2012 06:06:08 +0000
                Content-Type: text/plain; charset=ISO-8859-1

                Delivery to the following recipient failed permanently:

                     user@example.comm

                Technical details of permanent failure:\s
                DNS Error: Domain name not found

                ----- Original message -----

                MIME-Version: 1.0
                Date: Mon, 9 Jul 2012 23:06:08 -0700
                Subject: Hi
                From: alice@example.org
                To: user@example.comm
                Content-Type: text/plain; charset=ISO-8859-1

                Hello
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("user@example.comm");
        assertThat(x.categoryId()).contains("recipient-domain-unknown");
    }

    // mailgun/flanker:tests/fixtures/messages/bounce/mailbox-full.eml (AOL's inbound Postfix, 2011): "*** ATTENTION ***",
    // "----- The delivery status notification errors -----", a report whose groups carry stray MIME headers and a
    // "Reporting-Mta"/"Remote-Mta" spelling; the reply "552 5.2.2 E4.12 user MAILBOX FULL"
    @Test
    void aolAttentionNoticeWithLowerCaseMtaFieldsAndMimeHeadersInsideTheReport() {
        String bounce = """
                Content-Type: multipart/report; report-type="delivery-status";
                 boundary="===============0781640326549549006=="
                MIME-Version: 1.0
                Date: Fri, 29 Jul 2011 04:08:56 -0400 (EDT)
                From: MAILER-DAEMON@aol.example.com (Mail Delivery System)
                Subject: Undelivered Mail Returned to Sender
                To: alice@example.org
                Auto-Submitted: auto-replied

                --===============0781640326549549006==
                Content-Type: text/plain; charset="us-ascii"
                MIME-Version: 1.0
                Content-Description: Notification
                Content-Transfer-Encoding: 7bit

                *** ATTENTION ***

                Your e-mail is being returned to you because there was a problem with its
                delivery. The reason your mail is being returned to you is listed in the
                section labeled: "----- The delivery status notification errors -----".

                The line beginning with "Diagnostic-Code:" describes the specific reason
                your e-mail could not be delivered.  The following lines contains the
                RFC822 header of the original email message.

                Please direct further questions regarding this message to your e-mail
                administrator.

                --AOL Postmaster

                ----- The delivery status notification errors -----


                <user@aol.example.com>: host air-dc.example.com[192.0.2.29] said: 552
                    5.2.2 E4.12 user MAILBOX FULL (in reply to RCPT TO command)

                --===============0781640326549549006==
                Content-Type: message/delivery-status
                MIME-Version: 1.0
                Content-Description: Delivery report

                MIME-Version: 1.0
                Reporting-Mta: dns; mtain-db01.example.com
                X-Internet-Inbound-Queue-Id: 344973800008C
                X-Internet-Inbound-Sender: rfc822; alice@example.org
                Arrival-Date: Fri, 29 Jul 2011 04:08:56 -0400 (EDT)
                Content-Type: text/plain; charset="us-ascii"
                Content-Transfer-Encoding: 7bit

                MIME-Version: 1.0
                Final-Recipient: rfc822; user@aol.example.com
                Original-Recipient: rfc822;user@aol.example.com
                Action: failed
                Status: 5.2.2
                Remote-Mta: dns; air-dc.example.com
                Diagnostic-Code: smtp; 552 5.2.2 E4.12 user MAILBOX FULL
                Content-Type: text/plain; charset="us-ascii"
                Content-Transfer-Encoding: 7bit

                --===============0781640326549549006==
                MIME-Version: 1.0
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers; charset="us-ascii"
                Content-Transfer-Encoding: 7bit

                Return-Path: <alice@example.org>
                Date: Fri, 29 Jul 2011 12:08:53 +0400
                From: Alice <alice@example.org>
                To: user@aol.example.com
                Subject: Incoming delivery request status report

                --===============0781640326549549006==--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("user@aol.example.com");
        assertThat(x.replyCode()).contains(552);
        assertThat(x.status()).contains("5.2.2");
        assertThat(x.categoryId()).contains("mailbox-full");
        assertThat(x.stage()).contains(SmtpStage.RCPT_TO);
    }

    // mailgun/flanker:tests/fixtures/messages/bounce/no-mx.eml (a corporate MTA's "Delayed Mail (still being retried)"): a
    // banner of hashes "THIS IS A WARNING ONLY", "It will be retried until it is 5 days … old", 454 4.4.4 no MX or A
    @Test
    void warningOnlyBannerIsADelayForAMissingMx() {
        String bounce = """
                From: Mail Delivery System <Mailer-Daemon@example.com>
                To: <support@example.net>
                Subject: Delayed Mail (still being retried)
                Date: Tue, 10 Jul 2012 00:09:18 -0600
                Mime-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                 boundary="CZz3eIzDbSJYu8fvbSlLFdH+/NwoCMV866Y+Iw=="
                Return-Path: <>

                --CZz3eIzDbSJYu8fvbSlLFdH+/NwoCMV866Y+Iw==
                Content-Description: Notification
                Content-Type: text/plain

                ####################################################################
                # THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #
                ####################################################################

                Your message could not be delivered for 3 days, 20 hours, 0 minutes.
                It will be retried until it is 5 days, 0 hours, 0 minutes old.

                For further assistance, please send mail to <postmaster>

                If you do so, please include this problem report. You can
                delete your own text from the attached returned message.

                <user@example.org>: 454 4.4.4 [internal] no MX or A for domain


                --CZz3eIzDbSJYu8fvbSlLFdH+/NwoCMV866Y+Iw==
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; example.com
                Arrival-Date: Tue, 10 Jul 2012 00:09:18 -0600

                Final-Recipient: rfc822; user@example.org
                Status: 4.4.4
                Action: delayed
                Last-Attempt-Date: Tue, 10 Jul 2012 00:09:18 -0600
                Diagnostic-Code: smtp; 454 4.4.4 [internal] no MX or A for domain

                --CZz3eIzDbSJYu8fvbSlLFdH+/NwoCMV866Y+Iw==
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: <support@example.net>
                To: <user@example.org>
                Subject: Notification
                Date: Fri, 6 Jul 2012 04:17:30 -0600

                --CZz3eIzDbSJYu8fvbSlLFdH+/NwoCMV866Y+Iw==--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.DELAYED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("user@example.org");
        assertThat(x.replyCode()).contains(454);
        assertThat(x.status()).contains("4.4.4");
    }

    // mailgun/flanker:tests/fixtures/messages/bounce/delayed.eml (sendmail 8's example report of RFC 1894): "Cannot send message
    // for 5 days", a Deferred transcript line, "Action: failed" with "Status: 4.0.0" and "426 connection timed out"
    @Test
    void sendmailGaveUpAfterFiveDaysWithATemporaryStatus() {
        String bounce = """
                Date: Thu, 7 Jul 1994 17:16:05 -0400
                From: Mail Delivery Subsystem <MAILER-DAEMON@CS.EXAMPLE.COM>
                Message-Id: <199407072116.RAA14128@CS.EXAMPLE.COM>
                Subject: Returned mail: Cannot send message for 5 days
                To: <owner-info-mime@cs.example.com>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                  boundary="RAA14128.773615765/CS.EXAMPLE.COM"

                --RAA14128.773615765/CS.EXAMPLE.COM

                The original message was received at Sat, 2 Jul 1994 17:10:28 -0400
                from root@localhost

                    ----- The following addresses had delivery problems -----
                <foo@example.com>  (unrecoverable error)

                ----- Transcript of session follows -----
                <foo@example.com>... Deferred: Connection timed out
                            with example.com.
                Message could not be delivered for 5 days
                Message will be deleted from queue

                --RAA14128.773615765/CS.EXAMPLE.COM
                content-type: message/delivery-status

                Reporting-MTA: dns; cs.example.com

                Original-Recipient: rfc822;foo@example.com
                Final-Recipient: rfc822;foo@example.com
                Action: failed
                Status: 4.0.0
                Diagnostic-Code: smtp; 426 connection timed out
                Last-Attempt-Date: Thu, 7 Jul 1994 17:15:49 -0400

                --RAA14128.773615765/CS.EXAMPLE.COM
                content-type: message/rfc822

                Content-Type: text/plain
                Subject: Hello, how are you

                [message body goes here]

                --RAA14128.773615765/CS.EXAMPLE.COM--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("foo@example.com");
        assertThat(x.replyCode()).contains(426);
        assertThat(x.status()).contains("4.0.0");
    }

    // mailgun/flanker:tests/fixtures/messages/bounce/office365.eml (Office 365, 2017): "Your message to <address> couldn't be
    // delivered.", "<local> wasn't found at <domain>.", a DSN with "Status: 5.1.10" and RESOLVER.ADR.RecipientNotFound
    @Test
    void office365FancyNdrRecipientNotFoundByAddressLookup() {
        String bounce = """
                From: <postmaster@example.no>
                To: <postmaster@example.org>
                Date: Fri, 13 Oct 2017 11:10:16 +0000
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="22a54575-c842-43f3-83ea-721e8360fb4c"
                X-MS-Exchange-Message-Is-Ndr:
                Content-Language: en-US
                Subject: Undeliverable: test_bounce 8
                Auto-Submitted: auto-replied
                MIME-Version: 1.0

                --22a54575-c842-43f3-83ea-721e8360fb4c
                Content-Type: multipart/alternative; differences=Content-Type;
                	boundary="75454191-d3d5-48ec-b8f1-8aa1d75d02e4"

                --75454191-d3d5-48ec-b8f1-8aa1d75d02e4
                Content-Type: text/plain; charset="us-ascii"
                Content-Transfer-Encoding: quoted-printable

                [http://products.office.com/en-us/CMSImages/Office365Logo_Orange.png]
                Your message to noname@example.com couldn't be delivered.

                noname wasn't found at example.com.

                postmaster      Office 365      noname
                Action Required                 Recipient


                Unknown To address


                How to Fix It
                The address may be misspelled or may not exist.

                More Info for Email Admins
                Status code: 550 5.1.10

                This error occurs because the sender sent a message to an email address hosted by Office 365 but the address is incorrect or doesn't exist at the destination domain.

                Original Message Details
                Created Date:   10/13/2017 11:10:12 AM
                Sender Address: alice@example.org
                Recipient Address:      noname@example.com
                Subject:        test_bounce 8


                Error Details
                Reported error: 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient noname@example.com not found by SMTP address lookup
                DSN generated by:       DB5PR06MB1800.eurprd06.prod.outlook.com

                --75454191-d3d5-48ec-b8f1-8aa1d75d02e4--

                --22a54575-c842-43f3-83ea-721e8360fb4c
                Content-Type: message/delivery-status

                Reporting-MTA: dns;DB5PR06MB1800.eurprd06.prod.outlook.com
                Received-From-MTA: dns;gateway.example.eu
                Arrival-Date: Fri, 13 Oct 2017 11:10:16 +0000

                Original-Recipient: rfc822;noname@example.com
                Final-Recipient: rfc822;noname@example.com
                Action: failed
                Status: 5.1.10
                Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient noname@example.com not found by SMTP address lookup

                --22a54575-c842-43f3-83ea-721e8360fb4c
                Content-Type: message/rfc822

                From: Alice <alice@example.org>
                To: noname@example.com
                Subject: test_bounce 8
                Date: Fri, 13 Oct 2017 11:10:11 +0000

                test

                --22a54575-c842-43f3-83ea-721e8360fb4c--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("noname@example.com");
        assertThat(x.replyCode()).contains(550);
        assertThat(x.status()).contains("5.1.10");
        assertThat(x.categoryId()).contains("recipient-unknown");
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/me-user-unknown.msg (Apple's me.com/iCloud MX behind a Postfix relay): "550 5.1.6 recipient no longer on
    // server: <address>", 5.1.6 being "mailbox has moved, no forwarding address"
    @Test
    void icloudRecipientNoLongerOnServer() {
        String bounce = """
                From: MAILER-DAEMON@server4.example.co.uk (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="A7B931658352.1279549575/server4.example.co.uk"

                This is a MIME-encapsulated message.

                --A7B931658352.1279549575/server4.example.co.uk
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host server4.example.co.uk.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                For further assistance, please send mail to <postmaster>

                If you do so, please include this problem report. You can
                delete your own text from the attached returned message.

                                   The mail system

                <recipient@example.net>: host smtp-mx006.example.net[192.0.2.16] said: 550 5.1.6 recipient
                    no longer on server: recipient@example.net (in reply to RCPT TO command)

                --A7B931658352.1279549575/server4.example.co.uk
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; server4.example.co.uk
                X-Postfix-Queue-ID: A7B931658352
                X-Postfix-Sender: rfc822; alice@example.org
                Arrival-Date: Mon, 19 Jul 2010 15:26:15 +0100 (BST)

                Final-Recipient: rfc822; recipient@example.net
                Action: failed
                Status: 5.1.6
                Remote-MTA: dns; smtp-mx006.example.net
                Diagnostic-Code: smtp; 550 5.1.6 recipient no longer on server: recipient@example.net

                --A7B931658352.1279549575/server4.example.co.uk
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: Alice <alice@example.org>
                To: recipient@example.net
                Subject: Newsletter
                Date: Mon, 19 Jul 2010 15:26:10 +0100

                --A7B931658352.1279549575/server4.example.co.uk--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("recipient@example.net");
        assertThat(x.replyCode()).contains(550);
        assertThat(x.status()).contains("5.1.6");
        assertThat(x.categoryId().orElse("")).isIn("recipient-unknown", "recipient-moved");
        assertThat(x.stage()).contains(SmtpStage.RCPT_TO);
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/deactivated-mailbox.msg (mail2world): "551 <address> is a deactivated mailbox" with a bare 5.0.0 status
    @Test
    void mail2worldDeactivatedMailbox() {
        String bounce = """
                From: MAILER-DAEMON@c2mailgw10.example.com (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="A7B931658352.1279549575/c2mailgw10.example.com"

                This is a MIME-encapsulated message.

                --A7B931658352.1279549575/c2mailgw10.example.com
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host c2mailgw10.example.com.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                For further assistance, please send mail to <postmaster>

                If you do so, please include this problem report. You can
                delete your own text from the attached returned message.

                                   The mail system

                <recipient@example.net>: host m2w-in1.example.net[192.0.2.24] said: 551
                    <recipient@example.net> is a deactivated mailbox (in reply to RCPT TO
                    command)

                --A7B931658352.1279549575/c2mailgw10.example.com
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; c2mailgw10.example.com
                X-Postfix-Queue-ID: A7B931658352
                X-Postfix-Sender: rfc822; alice@example.org
                Arrival-Date: Mon, 19 Jul 2010 15:26:15 +0100 (BST)

                Final-Recipient: rfc822; recipient@example.net
                Original-Recipient: rfc822;recipient@example.net
                Action: failed
                Status: 5.0.0
                Remote-MTA: dns; m2w-in1.example.net
                Diagnostic-Code: smtp; 551 <recipient@example.net> is a deactivated mailbox

                --A7B931658352.1279549575/c2mailgw10.example.com
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: Alice <alice@example.org>
                To: recipient@example.net
                Subject: Newsletter
                Date: Mon, 19 Jul 2010 15:26:10 +0100

                --A7B931658352.1279549575/c2mailgw10.example.com--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("recipient@example.net");
        assertThat(x.replyCode()).contains(551);
        assertThat(x.categoryId()).contains("mailbox-disabled");
        assertThat(x.stage()).contains(SmtpStage.RCPT_TO);
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/message-too-large-4.msg (an older Postfix, "This is the Postfix program"): the remote server refused the SIZE
    // of MAIL FROM, "534 SIZE=Message too big. (in reply to MAIL FROM command)", the DSN an X-Postfix diagnostic
    @Test
    void sizeRefusedInReplyToMailFrom() {
        String bounce = """
                From: MAILER-DAEMON@thing.example.com (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="A7B931658352.1279549575/thing.example.com"

                This is a MIME-encapsulated message.

                --A7B931658352.1279549575/thing.example.com
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the Postfix program at host thing.example.com.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                For further assistance, please send mail to <postmaster>

                If you do so, please include this problem report. You can
                delete your own text from the attached returned message.

                			The Postfix program

                <john.smith@example.net>: host 192.0.2.18[192.0.2.18] said: 534
                    SIZE=Message too big. (in reply to MAIL FROM command)

                --A7B931658352.1279549575/thing.example.com
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; thing.example.com
                X-Postfix-Queue-ID: A7B931658352
                X-Postfix-Sender: rfc822; alice@example.org
                Arrival-Date: Mon, 19 Jul 2010 15:26:15 +0100 (BST)

                Final-Recipient: rfc822; john.smith@example.net
                Action: failed
                Status: 5.0.0
                Diagnostic-Code: X-Postfix; host 192.0.2.18[192.0.2.18] said: 534
                    SIZE=Message too big. (in reply to MAIL FROM command)

                --A7B931658352.1279549575/thing.example.com
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: Alice <alice@example.org>
                To: john.smith@example.net
                Subject: Newsletter
                Date: Mon, 19 Jul 2010 15:26:10 +0100

                --A7B931658352.1279549575/thing.example.com--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("john.smith@example.net");
        assertThat(x.replyCode()).contains(534);
        assertThat(x.categoryId()).contains("message-too-big");
        assertThat(x.stage()).contains(SmtpStage.MAIL_FROM);
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/message-too-large-6.msg (Mailcontrol, a filtering service): "554 5.7.1 Message Rejected Class=size
    // limit=15728640 Subclass=reject size=18571048 (in reply to end of DATA command)"
    @Test
    void mailcontrolSizeClassRejectionAtEndOfData() {
        String bounce = """
                From: MAILER-DAEMON@admin1.example.co.uk (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="A7B931658352.1279549575/admin1.example.co.uk"

                This is a MIME-encapsulated message.

                --A7B931658352.1279549575/admin1.example.co.uk
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host admin1.example.co.uk.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                For further assistance, please send mail to <postmaster>

                If you do so, please include this problem report. You can
                delete your own text from the attached returned message.

                                   The mail system

                <john.smith@example.com>: host
                    cust1793-1.in.example.com[192.0.2.190] said: 554 5.7.1 Message
                    Rejected Class=size limit=15728640 Subclass=reject size=18571048 (in reply
                    to end of DATA command)

                --A7B931658352.1279549575/admin1.example.co.uk
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; admin1.example.co.uk
                X-Postfix-Queue-ID: A7B931658352
                X-Postfix-Sender: rfc822; alice@example.org
                Arrival-Date: Mon, 19 Jul 2010 15:26:15 +0100 (BST)

                Final-Recipient: rfc822; john.smith@example.com
                Action: failed
                Status: 5.7.1
                Remote-MTA: dns; cust1793-1.in.example.com
                Diagnostic-Code: smtp; 554 5.7.1 Message Rejected Class=size limit=15728640
                    Subclass=reject size=18571048

                --A7B931658352.1279549575/admin1.example.co.uk
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: Alice <alice@example.org>
                To: john.smith@example.com
                Subject: Newsletter
                Date: Mon, 19 Jul 2010 15:26:10 +0100

                --A7B931658352.1279549575/admin1.example.co.uk--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("john.smith@example.com");
        assertThat(x.replyCode()).contains(554);
        assertThat(x.status()).contains("5.7.1");
        assertThat(x.categoryId()).contains("message-too-big");
        assertThat(x.stage()).contains(SmtpStage.END_OF_DATA);
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/quota-7.msg (a Postfix whose local delivery command failed): no remote host, "permission denied. Command output:
    // The recipient mailbox has exceeded its disk space limit.", the DSN an x-unix diagnostic with Status 5.7.0
    @Test
    void localPipeCommandOutputSaysTheMailboxExceededItsDiskSpace() {
        String bounce = """
                From: MAILER-DAEMON@m1.example.com (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="A7B931658352.1279549575/m1.example.com"

                This is a MIME-encapsulated message.

                --A7B931658352.1279549575/m1.example.com
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host m1.example.com.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                For further assistance, please send mail to <postmaster>

                If you do so, please include this problem report. You can
                delete your own text from the attached returned message.

                                   The mail system

                <john.smith@example.com>: permission denied. Command output: The recipient mailbox
                    has exceeded its disk space limit.

                --A7B931658352.1279549575/m1.example.com
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; m1.example.com
                X-Postfix-Queue-ID: A7B931658352
                X-Postfix-Sender: rfc822; alice@example.org
                Arrival-Date: Mon, 19 Jul 2010 15:26:15 +0100 (BST)

                Final-Recipient: rfc822; john.smith@example.com
                Original-Recipient: rfc822;john.smith@example.com
                Action: failed
                Status: 5.7.0
                Diagnostic-Code: x-unix; The recipient mailbox has exceeded its disk space
                    limit.

                --A7B931658352.1279549575/m1.example.com
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: Alice <alice@example.org>
                To: john.smith@example.com
                Subject: Newsletter
                Date: Mon, 19 Jul 2010 15:26:10 +0100

                --A7B931658352.1279549575/m1.example.com--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("john.smith@example.com");
        assertThat(x.status()).contains("5.7.0");
        assertThat(x.categoryId()).contains("mailbox-full");
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/user-unknown-polish.msg (a Polish provider's MX): "501 5.1.3 Odbiorca <address> nie istnieje / Recipient <address>
    // does not exist"
    @Test
    void polishProviderRecipientDoesNotExistInPolishAndEnglish() {
        String bounce = """
                From: MAILER-DAEMON@server4.example.co.uk (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="A7B931658352.1279549575/server4.example.co.uk"

                This is a MIME-encapsulated message.

                --A7B931658352.1279549575/server4.example.co.uk
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host server4.example.co.uk.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                For further assistance, please send mail to <postmaster>

                If you do so, please include this problem report. You can
                delete your own text from the attached returned message.

                                   The mail system

                <recipient@example.net>: host mx.example.net[192.0.2.146] said:
                    501 5.1.3 Odbiorca <recipient@example.net> nie istnieje / Recipient
                    <recipient@example.net> does not exist (in reply to RCPT TO command)

                --A7B931658352.1279549575/server4.example.co.uk
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; server4.example.co.uk
                X-Postfix-Queue-ID: A7B931658352
                X-Postfix-Sender: rfc822; alice@example.org
                Arrival-Date: Mon, 19 Jul 2010 15:26:15 +0100 (BST)

                Final-Recipient: rfc822; recipient@example.net
                Action: failed
                Status: 5.1.3
                Remote-MTA: dns; mx.example.net
                Diagnostic-Code: smtp; 501 5.1.3 Odbiorca <recipient@example.net> nie
                    istnieje / Recipient <recipient@example.net> does not exist

                --A7B931658352.1279549575/server4.example.co.uk
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: Alice <alice@example.org>
                To: recipient@example.net
                Subject: Newsletter
                Date: Mon, 19 Jul 2010 15:26:10 +0100

                --A7B931658352.1279549575/server4.example.co.uk--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("recipient@example.net");
        assertThat(x.replyCode()).contains(501);
        assertThat(x.status()).contains("5.1.3");
        assertThat(x.categoryId()).contains("recipient-unknown");
        assertThat(x.stage()).contains(SmtpStage.RCPT_TO);
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/polish-unknown.msg (another Polish provider): "550 5.2.1 Mailbox not available / Konto niedostepne"
    @Test
    void polishProviderMailboxNotAvailableKontoNiedostepne() {
        String bounce = """
                From: MAILER-DAEMON@server4.example.co.uk (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="A7B931658352.1279549575/server4.example.co.uk"

                This is a MIME-encapsulated message.

                --A7B931658352.1279549575/server4.example.co.uk
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host server4.example.co.uk.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                For further assistance, please send mail to <postmaster>

                If you do so, please include this problem report. You can
                delete your own text from the attached returned message.

                                   The mail system

                <recipient@example.net>: host mx.example.net[192.0.2.64] said: 550 5.2.1
                    Mailbox not available / Konto niedostepne (in reply to RCPT TO command)

                --A7B931658352.1279549575/server4.example.co.uk
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; server4.example.co.uk
                X-Postfix-Queue-ID: A7B931658352
                X-Postfix-Sender: rfc822; alice@example.org
                Arrival-Date: Mon, 19 Jul 2010 15:26:15 +0100 (BST)

                Final-Recipient: rfc822; recipient@example.net
                Action: failed
                Status: 5.2.1
                Remote-MTA: dns; mx.example.net
                Diagnostic-Code: smtp; 550 5.2.1 Mailbox not available / Konto niedostepne

                --A7B931658352.1279549575/server4.example.co.uk
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: Alice <alice@example.org>
                To: recipient@example.net
                Subject: Newsletter
                Date: Mon, 19 Jul 2010 15:26:10 +0100

                --A7B931658352.1279549575/server4.example.co.uk--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("recipient@example.net");
        assertThat(x.replyCode()).contains(550);
        assertThat(x.status()).contains("5.2.1");
        assertThat(x.stage()).contains(SmtpStage.RCPT_TO);
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/rcpthosts.msg (a qmail MX): "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)", the
    // enhanced code in qmail's parenthesised form after the words
    @Test
    void qmailRcpthostsRefusalIsARelayDenial() {
        String bounce = """
                From: MAILER-DAEMON@server4.example.co.uk (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="A7B931658352.1279549575/server4.example.co.uk"

                This is a MIME-encapsulated message.

                --A7B931658352.1279549575/server4.example.co.uk
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host server4.example.co.uk.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                For further assistance, please send mail to <postmaster>

                If you do so, please include this problem report. You can
                delete your own text from the attached returned message.

                                   The mail system

                <john.smith@example.com>: host mail.example.com[192.0.2.36] said: 553
                    sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1) (in reply
                    to RCPT TO command)

                --A7B931658352.1279549575/server4.example.co.uk
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; server4.example.co.uk
                X-Postfix-Queue-ID: A7B931658352
                X-Postfix-Sender: rfc822; alice@example.org
                Arrival-Date: Mon, 19 Jul 2010 15:26:15 +0100 (BST)

                Final-Recipient: rfc822; john.smith@example.com
                Action: failed
                Status: 5.0.0
                Remote-MTA: dns; mail.example.com
                Diagnostic-Code: smtp; 553 sorry, that domain isn't in my list of allowed
                    rcpthosts (#5.7.1)

                --A7B931658352.1279549575/server4.example.co.uk
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: Alice <alice@example.org>
                To: john.smith@example.com
                Subject: Newsletter
                Date: Mon, 19 Jul 2010 15:26:10 +0100

                --A7B931658352.1279549575/server4.example.co.uk--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("john.smith@example.com");
        assertThat(x.replyCode()).contains(553);
        assertThat(x.categoryId()).contains("relay-denied");
        assertThat(x.stage()).contains(SmtpStage.RCPT_TO);
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/not-a-relay.msg (a MessageLabs cluster): "553-you are trying to use me [...] as a relay, but I have not been
    // configured to let 553-you [...] do this. … (#5.7.1)", the continuation codes run into the wrapped text
    @Test
    void messagelabsRelayRefusalWithContinuationCodesInsideTheWrappedReply() {
        String bounce = """
                From: MAILER-DAEMON@server4.example.co.uk (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="A7B931658352.1279549575/server4.example.co.uk"

                This is a MIME-encapsulated message.

                --A7B931658352.1279549575/server4.example.co.uk
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the Postfix program at host server4.example.co.uk.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                For further assistance, please send mail to <postmaster>

                If you do so, please include this problem report. You can
                delete your own text from the attached returned message.

                			The Postfix program

                <a@example.com>: host cluster3.eu.example.com[192.0.2.67]
                    said: 553-you are trying to use me [server-9.tower-181.example
                    553-.com] as a relay, but I have not been configured to let 553-you
                    [192.0.2.46, server4.example.co.uk] do this. 553-Please visit
                    www.example.com/support for more 553-details about this error message
                    and instructions to 553 resolve this issue. (#5.7.1) (in reply to RCPT TO
                    command)

                --A7B931658352.1279549575/server4.example.co.uk
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; server4.example.co.uk
                X-Postfix-Queue-ID: A7B931658352
                X-Postfix-Sender: rfc822; alice@example.org
                Arrival-Date: Mon, 19 Jul 2010 15:26:15 +0100 (BST)

                Final-Recipient: rfc822; a@example.com
                Action: failed
                Status: 5.7.1
                Remote-MTA: dns; cluster3.eu.example.com
                Diagnostic-Code: smtp; 553-you are trying to use me [server-9.tower-181.example
                    553-.com] as a relay, but I have not been configured to let 553-you
                    [192.0.2.46, server4.example.co.uk] do this. 553-Please visit
                    www.example.com/support for more 553-details about this error message and
                    instructions to 553 resolve this issue. (#5.7.1)

                --A7B931658352.1279549575/server4.example.co.uk
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: Alice <alice@example.org>
                To: a@example.com
                Subject: Newsletter
                Date: Mon, 19 Jul 2010 15:26:10 +0100

                --A7B931658352.1279549575/server4.example.co.uk--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("a@example.com");
        assertThat(x.replyCode()).contains(553);
        assertThat(x.status()).contains("5.7.1");
        assertThat(x.categoryId()).contains("relay-denied");
        assertThat(x.stage()).contains(SmtpStage.RCPT_TO);
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/cam-unknown.msg (a university's MX): "550-<address> is not a known user on this system; 550 see <url>", a
    // status of only 5.0.0
    @Test
    void universityMxNotAKnownUserOnThisSystem() {
        String bounce = """
                From: MAILER-DAEMON@server4.example.co.uk (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="A7B931658352.1279549575/server4.example.co.uk"

                This is a MIME-encapsulated message.

                --A7B931658352.1279549575/server4.example.co.uk
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host server4.example.co.uk.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                For further assistance, please send mail to <postmaster>

                If you do so, please include this problem report. You can
                delete your own text from the attached returned message.

                                   The mail system

                <recipient@example.net>: host mx.example.net[192.0.2.146] said: 550-<recipient@example.net>
                    is not a known user on this system; 550 see
                    http://www.example.net/cs/email/bounce.html (in reply to RCPT TO command)

                --A7B931658352.1279549575/server4.example.co.uk
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; server4.example.co.uk
                X-Postfix-Queue-ID: A7B931658352
                X-Postfix-Sender: rfc822; alice@example.org
                Arrival-Date: Mon, 19 Jul 2010 15:26:15 +0100 (BST)

                Final-Recipient: rfc822; recipient@example.net
                Action: failed
                Status: 5.0.0
                Remote-MTA: dns; mx.example.net
                Diagnostic-Code: smtp; 550-<recipient@example.net> is not a known user on this
                    system; 550 see http://www.example.net/cs/email/bounce.html

                --A7B931658352.1279549575/server4.example.co.uk
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: Alice <alice@example.org>
                To: recipient@example.net
                Subject: Newsletter
                Date: Mon, 19 Jul 2010 15:26:10 +0100

                --A7B931658352.1279549575/server4.example.co.uk--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("recipient@example.net");
        assertThat(x.replyCode()).contains(550);
        assertThat(x.categoryId()).contains("recipient-unknown");
        assertThat(x.stage()).contains(SmtpStage.RCPT_TO);
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/user-unknown-not-active.msg (a British ISP's mail spool): "550-<address> is not an active address at this host
    // (invalid … username)"
    @Test
    void ispMxNotAnActiveAddressAtThisHost() {
        String bounce = """
                From: MAILER-DAEMON@admin1.example.co.uk (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="A7B931658352.1279549575/admin1.example.co.uk"

                This is a MIME-encapsulated message.

                --A7B931658352.1279549575/admin1.example.co.uk
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host admin1.example.co.uk.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                For further assistance, please send mail to <postmaster>

                If you do so, please include this problem report. You can
                delete your own text from the attached returned message.

                                   The mail system

                <recipient@example.net>: host mailspool.example.net[192.0.2.70] said:
                    550-recipient@example.net is not an active address at this host (invalid FreeUK
                    550 username) (in reply to RCPT TO command)

                --A7B931658352.1279549575/admin1.example.co.uk
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; admin1.example.co.uk
                X-Postfix-Queue-ID: A7B931658352
                X-Postfix-Sender: rfc822; alice@example.org
                Arrival-Date: Mon, 19 Jul 2010 15:26:15 +0100 (BST)

                Final-Recipient: rfc822; recipient@example.net
                Action: failed
                Status: 5.0.0
                Remote-MTA: dns; mailspool.example.net
                Diagnostic-Code: smtp; 550-recipient@example.net is not an active address at
                    this host (invalid FreeUK 550 username)

                --A7B931658352.1279549575/admin1.example.co.uk
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: Alice <alice@example.org>
                To: recipient@example.net
                Subject: Newsletter
                Date: Mon, 19 Jul 2010 15:26:10 +0100

                --A7B931658352.1279549575/admin1.example.co.uk--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("recipient@example.net");
        assertThat(x.replyCode()).contains(550);
        assertThat(x.categoryId()).contains("recipient-unknown");
        assertThat(x.stage()).contains(SmtpStage.RCPT_TO);
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/iis-multiple-bounce.msg (Microsoft IIS SMTP service): "Delivery to the following recipients failed." with no
    // addresses in the text (a UTF-7 charset), four recipients only in the DSN
    @Test
    void iisSmtpServiceListsFourRecipientsAndLeavesTheTextEmpty() {
        String bounce = """
                From: postmaster@SomeServer
                To: mailing@example.com
                Date: Wed, 30 Aug 2006 13:54:35 -0700
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="9B095B5ADSN=_01C6CA6871B6A9A600000046smtp.example"
                Message-ID: <BYXifWoqF00000029@smtp.example.com>
                Subject: Delivery Status Notification (Failure)

                This is a MIME-formatted message.
                Portions of this message may be unreadable without a MIME-capable mail program.

                --9B095B5ADSN=_01C6CA6871B6A9A600000046smtp.example
                Content-Type: text/plain; charset=unicode-1-1-utf-7

                This is an automatically generated Delivery Status Notification.

                Delivery to the following recipients failed.





                --9B095B5ADSN=_01C6CA6871B6A9A600000046smtp.example
                Content-Type: message/delivery-status

                Reporting-MTA: dns;smtp.example.com
                Arrival-Date: Wed, 30 Aug 2006 13:54:00 -0700

                Final-Recipient: rfc822;bounced1@example.net
                Action: failed
                Status: 5.0.0
                Diagnostic-Code: smtp;550 Requested action not taken: mailbox unavailable


                Final-Recipient: rfc822;bounced2@example.net
                Action: failed
                Status: 5.0.0
                Diagnostic-Code: smtp;550 Requested action not taken: mailbox unavailable


                Final-Recipient: rfc822;bounced3@example.net
                Action: failed
                Status: 5.0.0
                Diagnostic-Code: smtp;550 Requested action not taken: mailbox unavailable


                Final-Recipient: rfc822;bounced4@example.net
                Action: failed
                Status: 5.0.0
                Diagnostic-Code: smtp;550 Requested action not taken: mailbox unavailable


                --9B095B5ADSN=_01C6CA6871B6A9A600000046smtp.example
                Content-Type: message/rfc822

                From: "Mailing" <mailing@example.com>
                To: <bounced1@example.net>
                Subject: Test
                Date: Wed, 30 Aug 2006 13:48:01 -0700

                Test

                --9B095B5ADSN=_01C6CA6871B6A9A600000046smtp.example--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(r.recipients()).hasSize(4);
        BounceRecipient x0 = named(r, "bounced1@example.net");
        assertThat(x0.finalRecipient()).isEqualTo("bounced1@example.net");
        assertThat(x0.replyCode()).contains(550);
        assertThat(x0.categoryId()).contains("recipient-unknown");
        BounceRecipient x1 = named(r, "bounced2@example.net");
        assertThat(x1.finalRecipient()).isEqualTo("bounced2@example.net");
        assertThat(x1.replyCode()).contains(550);
        assertThat(x1.categoryId()).contains("recipient-unknown");
        BounceRecipient x2 = named(r, "bounced3@example.net");
        assertThat(x2.finalRecipient()).isEqualTo("bounced3@example.net");
        assertThat(x2.replyCode()).contains(550);
        assertThat(x2.categoryId()).contains("recipient-unknown");
        BounceRecipient x3 = named(r, "bounced4@example.net");
        assertThat(x3.finalRecipient()).isEqualTo("bounced4@example.net");
        assertThat(x3.replyCode()).contains(550);
        assertThat(x3.categoryId()).contains("recipient-unknown");
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/long-smtp.msg (Telenor's mail backend): the whole text is "<address>; Failed; 4.4.7 (delivery time expired)", the
    // DSN's Status carries the same comment and there is no Diagnostic-Code
    @Test
    void telenorOneLineRecipientFailedWithACommentInItsStatus() {
        String bounce = """
                From: Mail Delivery Service <Postmaster@example.net>
                Subject: Delivery Status Notification
                To: alice@example.org
                Date: Sun, 22 Mar 2015 19:32:46 +0100
                Message-ID: <54B4E9E60097BA3D@mm-be1.example.net>
                MIME-Version: 1.0
                Content-Type: Multipart/Report; report-type=delivery-status; boundary="========/54B4E9E6008C7C3C/mm-be1.example.net"

                This multi-part MIME message contains a Delivery Status Notification.
                If you can see this text, your mail client may not be able to understand MIME
                formatted messages or DSNs (see RFC 2045 through 2049 for general MIME
                information and RFC 1891 through 1894 for DSN specific information).

                --========/54B4E9E6008C7C3C/mm-be1.example.net
                Content-Type: text/plain; charset=ISO-8859-1
                Content-Transfer-Encoding: 8bit

                - These recipients of your message have been processed by the mail server:
                recipient@example.net; Failed; 4.4.7 (delivery time expired)



                --========/54B4E9E6008C7C3C/mm-be1.example.net
                Content-Type: Message/Delivery-Status

                Reporting-MTA: dns; mm-be1.example.net
                Arrival-Date: Tue, 17 Mar 2015 19:32:05 +0100

                Final-Recipient: rfc822;recipient@example.net
                Action: Failed
                Status: 4.4.7 (delivery time expired)

                --========/54B4E9E6008C7C3C/mm-be1.example.net
                Content-Type: Message/RFC822

                Date: Tue, 17 Mar 2015 14:31:30 -0400
                Subject: Newsletter #6
                From: alice@example.org
                To: recipient@example.net

                Hi.

                --========/54B4E9E6008C7C3C/mm-be1.example.net--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("recipient@example.net");
        assertThat(x.status()).contains("4.4.7");
        assertThat(x.categoryId()).contains("delivery-expired");
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/misidentified-recipient.msg (Exim at a British ISP): "A message sent by <sender> could not be delivered", the
    // failed address with "(ultimately generated from <alias>)" and "all hosts have been failing for a long time"
    @Test
    void eximUltimatelyGeneratedFromAForwardAndHostsFailingForALongTime() {
        String bounce = """
                From: Mail Delivery System <Mailer-Daemon@example.com>
                To: alice@example.org
                Subject: Mail delivery failed
                X-Failed-Recipients: john.b@example.net
                Auto-Submitted: auto-replied
                Message-Id: <E1Nu3PW-0004hr-Lq@mta04.example.com>
                Date: Tue, 23 Mar 2010 12:40:42 +0000

                This message was created automatically by mail delivery software.

                A message sent by

                  <alice@example.org>

                could not be delivered to one or more of its recipients. The following
                address(es) failed:

                  john.b@example.net
                    (ultimately generated from john@example.co.uk)
                    all hosts have been failing for a long time and were last tried after this message arrived

                ------ This is a copy of the message, including all the headers. ------
                ------ The body of the message is 5384741 characters long; only the first
                ------ 106496 or so are included here.

                Return-path: <alice@example.org>
                Subject: foo
                To: John <john@example.co.uk>
                Message-Id: <20100319140556.2EEB4B58176@server2.example.org>

                Hello
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("john.b@example.net");
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/warning-7.msg (sendmail delivering to a local LMTP/SMTP store): "permanent fatal errors", "(reason: 552 5.2.2 Over
    // quota)", the transcript ">>> DATA" then "<<< 552 5.2.2 Over quota"
    @Test
    void sendmailOverQuotaAnsweredAfterData() {
        String bounce = """
                From: Mail Delivery Subsystem <MAILER-DAEMON@imap02c.example.net>
                To: alice@example.org
                Subject: Returned mail: see transcript for details
                Date: Wed, 7 Apr 2010 00:39:03 +0100 (BST)
                Auto-Submitted: auto-generated (failure)

                The original message was received at Wed, 7 Apr 2010 00:39:02 +0100 (BST)
                from mhost04c.example.net [192.0.2.187]

                   ----- The following addresses had permanent fatal errors -----
                <fred@mailgrp1.example.net>
                    (reason: 552 5.2.2 Over quota)

                   ----- Transcript of session follows -----
                ... while talking to localhost:
                >>> DATA
                <<< 552 5.2.2 Over quota
                554 5.0.0 Service unavailable
                <<< 503 5.5.1 No recipients

                   ----- Message header follows -----

                Return-Path: <alice@example.org>
                From: Alice <alice@example.org>
                To: fred@mailgrp1.example.net
                Subject: foo
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("fred@mailgrp1.example.net");
        assertThat(x.replyCode()).contains(552);
        assertThat(x.status()).contains("5.2.2");
        assertThat(x.categoryId()).contains("mailbox-full");
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/warning-9.msg (sendmail at a British ISP forwarding to MessageLabs): "(reason: 553 Sender Policy Framework (SPF)
    // fail)" and "(expanded from: <alias>)", the refusal after DATA
    @Test
    void sendmailSpfFailureAnsweredAfterDataWithAnExpandedAlias() {
        String bounce = """
                From: Mail Delivery Subsystem <MAILER-DAEMON@example.net>
                To: alice@example.org
                Subject: Returned mail: see transcript for details
                Date: Tue, 14 Oct 2014 03:34:15 +0100
                Content-Type: text/plain; charset="ISO-8859-15"

                The original message was received at Tue, 14 Oct 2014 02:34:14 GMT
                from anchor-hub-2.example.net [192.0.2.72]

                   ----- The following addresses had permanent fatal errors -----
                gail.windy@example.com
                    (reason: 553 Sender Policy Framework (SPF) fail)
                    (expanded from: <Gail.Windy@example.net>)

                   ----- Transcript of session follows -----
                ... while talking to cluster5.eu.example.com.:
                >>> DATA
                <<< 553 Sender Policy Framework (SPF) fail
                550 5.1.1 gail.windy@example.com... User unknown
                <<< 503 RCPT first (#5.5.1)

                   ----- Message header follows -----

                Return-Path: <alice@example.org>
                From: The Register <alice@example.org>
                To: Gail.Windy@example.net
                Subject: Coming in to land tomorrow
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("gail.windy@example.com");
        assertThat(x.replyCode()).contains(553);
        assertThat(x.categoryId()).contains("sender-authentication-failed");
    }

    // cfortune/PHP-Bounce-Handler:eml/12.eml (Sun ONE Messaging Server 6.1 at an Argentine ISP): "Your message cannot be delivered to the following
    // recipients:", "Recipient address: @<store>:<local>@ims_daemon", "Original address:", the LMTP reply "522 5.2.0
    // Delivery failed: Over quota"; its DSN has the same source route as Final-recipient
    @Test
    void sunOneLmtpOverQuotaNamesAnInternalRouteAsTheFinalRecipient() {
        String bounce = """
                From: Internet Mail Delivery <postmaster@example.net>
                To: alice@example.org
                Subject: Delivery Notification: Delivery has failed
                Date: Mon, 30 Oct 2006 15:48:40 -0300
                MIME-Version: 1.0
                Content-Type: multipart/report;
                 boundary="Boundary_(ID_ZiviTNMZZc7E7L5iAvpOJg)"; report-type=delivery-status

                --Boundary_(ID_ZiviTNMZZc7E7L5iAvpOJg)
                Content-Type: text/plain; charset=us-ascii
                Content-Language: en-US

                This report relates to a message you sent with the following header fields:

                  Message-id: <fe471ad4f1b90eb539ceb99ecb8bfd3f@mail.example.org>
                  Date: Mon, 30 Oct 2006 15:48:33 -0300
                  From: Alice <alice@example.org>
                  To: ben@example.net
                  Subject: Eventos de la semana

                Your message cannot be delivered to the following recipients:

                  Recipient address: @stov1.example.net:ben@ims_daemon
                  Original address: ben@example.net
                  Reason: LMTP transmission failure has occurred
                  Diagnostic code: smtp;522 5.2.0 Delivery failed: Over quota
                  Remote system: dns;stov1.example.net (sto01. -- Server LMTP [Sun ONE Messaging Server 6.1 HotFix 0.11 [built Jan 28 2005]])


                --Boundary_(ID_ZiviTNMZZc7E7L5iAvpOJg)
                Content-Type: message/delivery-status

                Reporting-MTA: dns;mta1.example.net (lmtpcs-daemon)

                Original-recipient: rfc822;ben@example.net
                Final-recipient: rfc822;@stov1.example.net:ben@ims_daemon
                Action: failed
                Status: 5.2.0 (LMTP transmission failure has occurred)
                Remote-MTA: dns;stov1.example.net
                 (sto01. -- Server LMTP [Sun ONE Messaging Server 6.1 HotFix 0.11 [built Jan 28
                 2005]])
                Diagnostic-code: smtp;522 5.2.0 Delivery failed: Over quota

                --Boundary_(ID_ZiviTNMZZc7E7L5iAvpOJg)
                Content-Type: text/rfc822-headers

                Date: Mon, 30 Oct 2006 15:48:33 -0300
                From: Alice <alice@example.org>
                To: ben@example.net
                Subject: Eventos de la semana

                --Boundary_(ID_ZiviTNMZZc7E7L5iAvpOJg)--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("ben@example.net");
        assertThat(x.replyCode()).contains(522);
        assertThat(x.status()).contains("5.2.0");
        assertThat(x.categoryId()).contains("mailbox-full");
    }

    // cfortune/PHP-Bounce-Handler:eml/45.eml (UOL's Postfix in Brazil, an internal store behind it): "550 RCPT TO:<address> User unknown (in reply to
    // RCPT TO command)", the DSN's diagnostic an X-Postfix one
    @Test
    void brazilianProviderQuotesTheRcptCommandInsideItsReply() {
        String bounce = """
                From: MAILER-DAEMON@siena4.example.com.br (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="A7B931658352.1279549575/siena4.example.com.br"

                This is a MIME-encapsulated message.

                --A7B931658352.1279549575/siena4.example.com.br
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the Postfix program at host siena4.example.com.br.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                For further assistance, please send mail to <postmaster>

                If you do so, please include this problem report. You can
                delete your own text from the attached returned message.

                			The Postfix program

                <rita@example.com.ar>: host saturno51.mail.example.net[192.0.2.8]
                    said: 550 RCPT TO:<rita@example.com.ar> User unknown (in reply to
                    RCPT TO command)

                --A7B931658352.1279549575/siena4.example.com.br
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; siena4.example.com.br
                X-Postfix-Queue-ID: A7B931658352
                X-Postfix-Sender: rfc822; alice@example.org
                Arrival-Date: Mon, 19 Jul 2010 15:26:15 +0100 (BST)

                Final-Recipient: rfc822; rita@example.com.ar
                Action: failed
                Status: 5.0.0
                Diagnostic-Code: X-Postfix; host saturno51.mail.example.net[192.0.2.8] said:
                    550 RCPT TO:<rita@example.com.ar> User unknown (in reply to RCPT
                    TO command)

                --A7B931658352.1279549575/siena4.example.com.br
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: Alice <alice@example.org>
                To: rita@example.com.ar
                Subject: Newsletter
                Date: Mon, 19 Jul 2010 15:26:10 +0100

                --A7B931658352.1279549575/siena4.example.com.br--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("rita@example.com.ar");
        assertThat(x.replyCode()).contains(550);
        assertThat(x.categoryId()).contains("recipient-unknown");
        assertThat(x.stage()).contains(SmtpStage.RCPT_TO);
    }

    // cfortune/PHP-Bounce-Handler:eml/28.eml (Exim at a British ISP): the reason under the address is "mailbox is full: retry timeout exceeded", no code
    @Test
    void eximMailboxFullAndItsRetryTimeoutExceeded() {
        String bounce = """
                From: Mail Delivery System <Mailer-Daemon@example.net>
                To: alice@example.org
                Subject: Mail delivery failed: returning message to sender
                X-Failed-Recipients: sonia@example.com
                Auto-Submitted: auto-replied
                Content-Type: text/plain

                This message was created automatically by mail delivery software.

                A message that you sent could not be delivered to one or more of its
                recipients. This is a permanent error. The following address(es) failed:

                  sonia@example.com
                    mailbox is full: retry timeout exceeded

                ------ This is a copy of the message, including all the headers. ------

                From: Alice <alice@example.org>
                To: sonia@example.com
                Subject: Fiesta

                Hola
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("sonia@example.com");
        assertThat(x.categoryId()).contains("mailbox-full");
    }

    // cfortune/PHP-Bounce-Handler:eml/29.eml (Exim's 72-hour warning): "has not yet been delivered … after more than 72 hours on the queue",
    // "Delay reason: SMTP error from remote mail server after DATA: host <host> [<ip>]: 451 SPAM not accepted"
    @Test
    void eximDelayWarningAfterDataForSpam() {
        String bounce = """
                From: Mail Delivery System <Mailer-Daemon@ar2.example.net>
                To: alice@example.org
                Subject: Warning: message 1GdV3O-0002RD-H2 delayed 72 hours
                Auto-Submitted: auto-replied
                Content-Type: text/plain

                This message was created automatically by mail delivery software.
                A message that you sent has not yet been delivered to one or more of its
                recipients after more than 72 hours on the queue on ar2.example.net.

                The message identifier is:     1GdV3O-0002RD-H2
                The subject of the message is: Hoy fiesta
                The date of the message is:    Fri, 27 Oct 2006 13:59:34 -0300

                The address to which the message has not yet been delivered is:

                  carla@example.com
                    Delay reason: SMTP error from remote mail server after DATA:
                    host mail.example.com [192.0.2.7]: 451 SPAM not accepted

                No action is required on your part. Delivery attempts will continue for
                some time, and this warning may be repeated at intervals if the message
                remains undelivered. Eventually the mail delivery software will give up,
                and when that happens, the message will be returned to you.
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.DELAYED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("carla@example.com");
        assertThat(x.replyCode()).contains(451);
        assertThat(x.categoryId()).contains("spam-detected");
        assertThat(x.stage()).contains(SmtpStage.DATA);
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/quota-6.msg (web.de's MX): "550 <address> Benutzer hat zuviele Mails auf dem Server. / User has too many messages
    // on the server.", German first, a bare 5.0.0 status
    @Test
    void webDeGermanAndEnglishTooManyMessagesOnTheServer() {
        String bounce = """
                From: MAILER-DAEMON@server4.example.co.uk (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="A7B931658352.1279549575/server4.example.co.uk"

                This is a MIME-encapsulated message.

                --A7B931658352.1279549575/server4.example.co.uk
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host server4.example.co.uk.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                For further assistance, please send mail to <postmaster>

                If you do so, please include this problem report. You can
                delete your own text from the attached returned message.

                                   The mail system

                <fred.bloggs@example.de>: host mx-ha01.example.de[192.0.2.149] said: 550
                    <fred.bloggs@example.de> Benutzer hat zuviele Mails auf dem Server. / User
                    has too many messages on the server. (in reply to RCPT TO command)

                --A7B931658352.1279549575/server4.example.co.uk
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; server4.example.co.uk
                X-Postfix-Queue-ID: A7B931658352
                X-Postfix-Sender: rfc822; alice@example.org
                Arrival-Date: Mon, 19 Jul 2010 15:26:15 +0100 (BST)

                Final-Recipient: rfc822; fred.bloggs@example.de
                Action: failed
                Status: 5.0.0
                Remote-MTA: dns; mx-ha01.example.de
                Diagnostic-Code: smtp; 550 <fred.bloggs@example.de> Benutzer hat zuviele Mails
                    auf dem Server. / User has too many messages on the server.

                --A7B931658352.1279549575/server4.example.co.uk
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: Alice <alice@example.org>
                To: fred.bloggs@example.de
                Subject: Newsletter
                Date: Mon, 19 Jul 2010 15:26:10 +0100

                --A7B931658352.1279549575/server4.example.co.uk--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("fred.bloggs@example.de");
        assertThat(x.replyCode()).contains(550);
        assertThat(x.categoryId()).contains("mailbox-full");
        assertThat(x.stage()).contains(SmtpStage.RCPT_TO);
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/quota.msg (Ipswitch IMail, "Undeliverable Mail" from "Postmaster"): one line "User mailbox exceeds allowed size:
    // <address>", then "Original message follows."
    @Test
    void imailUserMailboxExceedsAllowedSizeOnOneLine() {
        String bounce = """
                From: "Postmaster" <postmaster@example.net>
                To: alice@example.org
                Subject: Undeliverable Mail
                Date: Wed, 24 Feb 2010 11:32:20 +0000
                MIME-Version: 1.0
                Content-Type: text/plain

                User mailbox exceeds allowed size: fred@example.net


                Original message follows.

                Received: from mail.example.net [192.0.2.68] by example.net with ESMTP
                  (SMTPD-10.0) id ADC40D9C; Wed, 24 Feb 2010 11:30:12 +0000
                Date: Wed, 24 Feb 2010 11:32:10 +0000
                From: Alice <alice@example.org>
                Subject: subject
                To: Fred Bloggs <fred@example.net>

                Hello
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("fred@example.net");
        assertThat(x.categoryId()).contains("mailbox-full");
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/message-too-large-5.msg (Exchange 2010): "This message wasn't delivered to anyone because it's too large. The limit is
    // 14 MB. This message is 18 MB.", the display name with a mailto link, "#550 5.2.3 RESOLVER.RST.SendSizeLimit.Org; … ##"
    @Test
    void exchange2010TooLargeForTheOrganisationSendSizeLimit() {
        String bounce = """
                From: <postmaster@example.net>
                To: alice@example.org
                Subject: Undeliverable: foo
                Date: Mon, 21 May 2012 18:47:00 +0000
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="_000_2f9a1b_"
                X-MS-Exchange-Message-Is-Ndr:
                Auto-Submitted: auto-replied

                --_000_2f9a1b_
                Content-Type: text/plain; charset="us-ascii"

                This message wasn't delivered to anyone because it's too large. The limit is 14 MB. This message is 18 MB.

                John Smith (john.smith@example.net)<mailto:john.smith@example.net>
                This message won't be sent because it's too large.







                Diagnostic information for administrators:

                Generating server: internal.example.net

                john.smith@example.net
                #550 5.2.3 RESOLVER.RST.SendSizeLimit.Org; message too large for this organization ##

                Original message headers:

                From: Alice <alice@example.org>
                To: John Smith <john.smith@example.net>
                Subject: foo

                --_000_2f9a1b_
                Content-Type: message/delivery-status

                Reporting-MTA: dns;internal.example.net
                Received-From-MTA: dns;gateway.example.de
                Arrival-Date: Mon, 21 May 2012 18:46:59 +0000

                Final-Recipient: rfc822;john.smith@example.net
                Action: failed
                Status: 5.2.3
                Diagnostic-Code: smtp;550 5.2.3 RESOLVER.RST.SendSizeLimit.Org; message too large for this organization
                X-Display-Name: John Smith

                --_000_2f9a1b_--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("john.smith@example.net");
        assertThat(x.replyCode()).contains(550);
        assertThat(x.status()).contains("5.2.3");
        assertThat(x.categoryId()).contains("message-too-big");
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/spam-rejection36.msg (CipherTrust/Secure Computing "Secure Mail v6.7.2", the remote side Postini): "Regarding
    // recipient(s) : <address>", "Delivery status : Failed. … .501; Spam Blocked - psmtp", "MTA Response :501"
    @Test
    void ciphertrustSecureMailRegardingRecipientsSpamBlockedByPostini() {
        String bounce = """
                From: Postmaster
                To: alice@example.org
                Reply-To: <>
                Subject: Delivery Notification <fred.blogs@example.com>
                Date: Wed, 19 Sep 2012 05:23:36 -0500
                MIME-Version: 1.0
                Content-type: multipart/report;
                	report-type=delivery-status;
                	boundary="C-I-P-H-E-R-T-R-U-S-T-1348050216.780843"
                X-Mailer: Secure Mail v6.7.2

                This is a multi-part message in MIME format.

                --C-I-P-H-E-R-T-R-U-S-T-1348050216.780843
                Content-Type: text/plain;
                	charset="us-ascii"
                Content-Transfer-Encoding: 7bit

                This is a delivery status notification, automatically generated by MTA mtaout.example.net on Wed, 19 Sep 2012 05:23:36 -0500
                Regarding recipient(s) : fred.blogs@example.com
                Delivery status : Failed. Message could not be delivered to domain <example.com> .501; Spam Blocked - psmtp
                MTA Response :501
                The original message headers are included as attachment.

                --C-I-P-H-E-R-T-R-U-S-T-1348050216.780843
                Content-Type: message/delivery-status;
                	charset="us-ascii"
                Content-Transfer-Encoding: 7bit

                Reporting-MTA: dns; mtaout.example.net

                Final-Recipient: rfc822; fred.blogs@example.com
                Diagnostic-Code: smtp; 501 Spam Blocked - psmtp
                Remote-MTA: dns; 192.0.2.12
                Action: failed
                Status: 5.0.0

                --C-I-P-H-E-R-T-R-U-S-T-1348050216.780843
                Content-Type: message/rfc822;
                	charset="us-ascii"
                Content-Transfer-Encoding: 7bit

                From: Alice <alice@example.org>
                To: fred.blogs@example.com
                Subject: News

                Hello

                --C-I-P-H-E-R-T-R-U-S-T-1348050216.780843--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("fred.blogs@example.com");
        assertThat(x.replyCode()).contains(501);
        assertThat(x.categoryId()).contains("spam-detected");
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/spam-rejection42.msg (XWall for Exchange): "Non delivery report: 5.9.8 (Spam)", "Reason: Spam", the delivery status
    // both in the text and in a part typed message/xdelivery-status, "Original-Recipient: rfc822; rfc822;<address>"
    @Test
    void xwallReportInAMessageXdeliveryStatusPartWithADoubledAddressType() {
        String bounce = """
                From: System Administrator <postmaster@example.net>
                To: alice@example.org
                Subject: Non delivery report: 5.9.8 (Spam)
                Date: Mon, 25 Mar 2013 10:24:26 -0600
                X-Mailer: XWall v3.47
                Mime-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="_NextPart_1_00o1403flwFztPLyZJHFLDzNYRL"

                This is a multi part MIME message.

                --_NextPart_1_00o1403flwFztPLyZJHFLDzNYRL
                Content-Type: text/plain; charset="us-ascii"
                Content-Transfer-Encoding: quoted-printable

                Your message

                =20From:	Alice <alice@example.org>
                =09(mail from:alice@example.org)

                =20To:	Fred Bloggs <fred.bloggs@example.net>

                =20Subj:	foo
                =20Sent:	2013-03-25 10:23

                has encountered a delivery problem.


                Reason: Spam
                The message seems to be spam and was not delivered to the recipient.

                Additional info:
                The heuristic spam value is: 34


                ---
                Delivery status:
                Date: Mon, 25 Mar 2013 10:24:26 -0600
                Reporting-MTA: dns; salsa.example.local
                Received-From-MTA: dns; mail.example.org
                Arrival-Date: Mon, 25 Mar 2013 10:24:26 -0600

                Final-Recipient: rfc822; fred.bloggs@example.net
                Original-Recipient: rfc822; rfc822;fred.bloggs@example.net
                Action: failed
                Status: 5.9.8
                Diagnostic-Code: X-XWall; 5.9.8 Spam


                --_NextPart_1_00o1403flwFztPLyZJHFLDzNYRL
                Content-Type: message/xdelivery-status ; name="delivery-status.txt"

                Date: Mon, 25 Mar 2013 10:24:26 -0600
                Reporting-MTA: dns; salsa.example.local
                Received-From-MTA: dns; mail.example.org
                Arrival-Date: Mon, 25 Mar 2013 10:24:26 -0600

                Final-Recipient: rfc822; fred.bloggs@example.net
                Original-Recipient: rfc822; rfc822;fred.bloggs@example.net
                Action: failed
                Status: 5.9.8
                Diagnostic-Code: X-XWall; 5.9.8 Spam

                --_NextPart_1_00o1403flwFztPLyZJHFLDzNYRL--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("fred.bloggs@example.net");
        assertThat(x.status()).contains("5.9.8");
        assertThat(x.categoryId()).contains("spam-detected");
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/spam-rejection11.msg (123-reg's MX): "550 ATLAS(2503): Your email was detected as spam. (RCPTs: <address>) (in reply
    // to end of DATA command)"
    @Test
    void ukHostAtlasSpamRefusalNamesTheRecipientsInsideTheReply() {
        String bounce = """
                From: MAILER-DAEMON@admin1.example.co.uk (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="A7B931658352.1279549575/admin1.example.co.uk"

                This is a MIME-encapsulated message.

                --A7B931658352.1279549575/admin1.example.co.uk
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host admin1.example.co.uk.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                For further assistance, please send mail to <postmaster>

                If you do so, please include this problem report. You can
                delete your own text from the attached returned message.

                                   The mail system

                <john@example.net>: host mx0.example.co.uk[192.0.2.150] said: 550
                    ATLAS(2503): Your email was detected as spam. (RCPTs: john@example.net)
                    (in reply to end of DATA command)

                --A7B931658352.1279549575/admin1.example.co.uk
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; admin1.example.co.uk
                X-Postfix-Queue-ID: A7B931658352
                X-Postfix-Sender: rfc822; alice@example.org
                Arrival-Date: Mon, 19 Jul 2010 15:26:15 +0100 (BST)

                Final-Recipient: rfc822; john@example.net
                Action: failed
                Status: 5.0.0
                Remote-MTA: dns; mx0.example.co.uk
                Diagnostic-Code: smtp; 550 ATLAS(2503): Your email was detected as spam.
                    (RCPTs: john@example.net)

                --A7B931658352.1279549575/admin1.example.co.uk
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: Alice <alice@example.org>
                To: john@example.net
                Subject: Newsletter
                Date: Mon, 19 Jul 2010 15:26:10 +0100

                --A7B931658352.1279549575/admin1.example.co.uk--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("john@example.net");
        assertThat(x.replyCode()).contains(550);
        assertThat(x.categoryId()).contains("spam-detected");
        assertThat(x.stage()).contains(SmtpStage.END_OF_DATA);
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/user-unknown-disabled.msg (Google's MX behind a Postfix relay): "550 5.2.1 The email account that you tried to reach is
    // disabled."
    @Test
    void googleMxDisabledAccount() {
        String bounce = """
                From: MAILER-DAEMON@admin1.example.co.uk (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="A7B931658352.1279549575/admin1.example.co.uk"

                This is a MIME-encapsulated message.

                --A7B931658352.1279549575/admin1.example.co.uk
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host admin1.example.co.uk.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                For further assistance, please send mail to <postmaster>

                If you do so, please include this problem report. You can
                delete your own text from the attached returned message.

                                   The mail system

                <recipient@example.net>: host aspmx.l.example.com[192.0.2.27] said: 550 5.2.1
                    The email account that you tried to reach is disabled. t11si6005099wes.103
                    (in reply to RCPT TO command)

                --A7B931658352.1279549575/admin1.example.co.uk
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; admin1.example.co.uk
                X-Postfix-Queue-ID: A7B931658352
                X-Postfix-Sender: rfc822; alice@example.org
                Arrival-Date: Mon, 19 Jul 2010 15:26:15 +0100 (BST)

                Final-Recipient: rfc822; recipient@example.net
                Action: failed
                Status: 5.2.1
                Remote-MTA: dns; aspmx.l.example.com
                Diagnostic-Code: smtp; 550 5.2.1 The email account that you tried to reach is
                    disabled. t11si6005099wes.103

                --A7B931658352.1279549575/admin1.example.co.uk
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: Alice <alice@example.org>
                To: recipient@example.net
                Subject: Newsletter
                Date: Mon, 19 Jul 2010 15:26:10 +0100

                --A7B931658352.1279549575/admin1.example.co.uk--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("recipient@example.net");
        assertThat(x.replyCode()).contains(550);
        assertThat(x.status()).contains("5.2.1");
        assertThat(x.categoryId()).contains("mailbox-disabled");
        assertThat(x.stage()).contains(SmtpStage.RCPT_TO);
    }

    // mitio/bounce_email:test/bounces/tt_bounce_24.txt (Exchange 2010 in Swedish): subject "Olevererbart: …", "Det gick inte att leverera till följande
    // mottagare eller grupper:", "Diagnostisk information för administratörer:", "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not
    // found ##", text in ISO-8859-1 quoted-printable
    @Test
    void exchange2010SwedishNdrRecipientNotFound() {
        String bounce = """
                From: <postmaster@example.se>
                To: <alice@example.org>
                Date: Tue, 26 Apr 2011 16:27:48 +0200
                Subject: =?iso-8859-1?Q?Olevererbart::_Testcompany_-_bekr=E4ftelse_byte_av_levera?=
                 =?iso-8859-1?Q?nt=F6r?=
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="f518d4c6-edf1-4463-b115-f1a617b52ef3"
                X-MS-Exchange-Message-Is-Ndr:
                Content-Language: sv-SE

                --f518d4c6-edf1-4463-b115-f1a617b52ef3
                Content-Type: multipart/alternative; differences=Content-Type;
                	boundary="9a3f8b4e-6f1c-4b2e-9d0a-7e5c3b1a2f40"

                --9a3f8b4e-6f1c-4b2e-9d0a-7e5c3b1a2f40
                Content-Type: text/plain; charset="iso-8859-1"
                Content-Transfer-Encoding: quoted-printable

                Det gick inte att leverera till f=F6ljande mottagare eller grupper:

                customer.testemail@example.se<mailto:customer.testemail@example.se>
                Det gick inte att hitta e-postadressen du angav. Kontrollera adressen och f=
                =F6rs=F6k sedan skicka meddelandet igen. Kontakta din supportavdelning om pr=
                oblemet kvarst=E5r.








                Diagnostisk information f=F6r administrat=F6rer:

                Genererande server: example.se

                customer.testemail@example.se
                #550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##

                Ursprungshuvuden:

                From: Testcompany <alice@example.org>
                To: <customer.testemail@example.se>
                Subject: Testcompany - bekr=E4ftelse byte av leverant=F6r

                --9a3f8b4e-6f1c-4b2e-9d0a-7e5c3b1a2f40--

                --f518d4c6-edf1-4463-b115-f1a617b52ef3
                Content-Type: message/delivery-status

                Reporting-MTA: dns;example.se
                Received-From-MTA: dns;filter.example.net
                Arrival-Date: Tue, 26 Apr 2011 14:27:47 +0000

                Final-Recipient: rfc822;customer.testemail@example.se
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp;550 5.1.1 RESOLVER.ADR.RecipNotFound; not found

                --f518d4c6-edf1-4463-b115-f1a617b52ef3--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("customer.testemail@example.se");
        assertThat(x.replyCode()).contains(550);
        assertThat(x.status()).contains("5.1.1");
        assertThat(x.categoryId()).contains("recipient-unknown");
    }

    // mitio/bounce_email:test/bounces/tt_bounce_12_soft.txt (Gmail, 2007): "THIS IS A WARNING MESSAGE ONLY.", "Delivery to the following recipient has been
    // delayed:", "Technical details of temporary failure: TEMP_FAILURE: Could not initiate SMTP conversation with any hosts:
    // [<host>. (50): Connection timed out]"; the taxonomy files a connection that keeps timing out under delivery-expired
    // (rules.txt expired.connect-timeout), a delay notice's too
    @Test
    void gmail2007DelayWarningCouldNotInitiateSmtpConversation() {
        String bounce = """
                From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
                To: alice@example.org
                Subject: Delivery Status Notification (Delay)
                Date: Fri, 14 Sep 2007 00:30:01 -0700 (PDT)

                This is an automatically generated Delivery Status Notification

                THIS IS A WARNING MESSAGE ONLY.

                YOU DO NOT NEED TO RESEND YOUR MESSAGE.

                Delivery to the following recipient has been delayed:

                     info@example.lv

                Message will be retried for 2 more day(s)

                Technical details of temporary failure:\s
                TEMP_FAILURE: Could not initiate SMTP conversation with any hosts:
                [example.lv. (50): Connection timed out]

                   ----- Message header follows -----

                Message-ID: <da9602510709132326l27c896abp48d2df677b444d1b@mail.example.com>
                Date: Fri, 14 Sep 2007 09:26:20 +0300
                From: Alice <alice@example.org>
                To: info@example.lv
                Subject: 15. septembris
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.DELAYED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("info@example.lv");
        assertThat(x.categoryId()).contains("network-error"); // a warning: the timeout is why it waits, not an expiry
    }

    // mitio/bounce_email:test/bounces/unknown_code_bounce_01.txt (a Swiss hosting provider's "RS" mail server): "Delivery of email to this address /
    // "<address>" / has failed due to a full mailbox.", then "The first 50 lines of your original message follow:" quoted
    @Test
    void hostedServerFullMailboxAddressInQuotesOnItsOwnLine() {
        String bounce = """
                From: Postmaster@example.ch
                To: alice@example.org
                Subject: Mail Delivery Failure
                Date: Wed, 3 Feb 2010 02:20:11 +0100

                Delivery of email to this address

                "sdrake@example.ch"

                has failed due to a full mailbox.  We have already made numerous
                attempts to deliver this message over the last few days.

                Please try to send your message again at a later time.

                The first 50 lines of your original message follow:> Received: from mx21.example.net (192.0.2.71)
                >       by mail03c-old.example.com (RS ver 1.0.95vs) with SMTP id 4-033563664
                >       for <sdrake@example.ch>; Sun, 31 Jan 2010 02:17:45 +0100 (CET)
                > Date: Sun, 31 Jan 2010 01:16:45 +0000
                > From: Alice <alice@example.org>
                > To: sdrake@example.ch
                > Subject: Hello
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("sdrake@example.ch");
        assertThat(x.categoryId()).contains("mailbox-full");
    }

    // mitio/bounce_email:test/bounces/tt_1234211931.txt (an older Postfix, "The Postfix program"): "<address>: mail for <domain> loops back to myself", the
    // DSN an X-Postfix diagnostic with Status 5.0.0; the taxonomy files mail loops under network-error (rules.txt network.loop)
    @Test
    void postfixMailForTheDomainLoopsBackToMyself() {
        String bounce = """
                From: MAILER-DAEMON@mail.example.lv (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="A7B931658352.1279549575/mail.example.lv"

                This is a MIME-encapsulated message.

                --A7B931658352.1279549575/mail.example.lv
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the Postfix program at host mail.example.lv.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                For further assistance, please send mail to <postmaster>

                If you do so, please include this problem report. You can
                delete your own text from the attached returned message.

                			The Postfix program

                <info@mail.example.lv>: mail for mail.example.lv loops back to
                    myself

                --A7B931658352.1279549575/mail.example.lv
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mail.example.lv
                X-Postfix-Queue-ID: A7B931658352
                X-Postfix-Sender: rfc822; alice@example.org
                Arrival-Date: Mon, 19 Jul 2010 15:26:15 +0100 (BST)

                Final-Recipient: rfc822; info@mail.example.lv
                Action: failed
                Status: 5.0.0
                Diagnostic-Code: X-Postfix; mail for mail.example.lv loops back to myself

                --A7B931658352.1279549575/mail.example.lv
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: Alice <alice@example.org>
                To: info@mail.example.lv
                Subject: Newsletter
                Date: Mon, 19 Jul 2010 15:26:10 +0100

                --A7B931658352.1279549575/mail.example.lv--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("info@mail.example.lv");
        assertThat(x.categoryId()).contains("network-error");
    }

    // mitio/bounce_email:test/bounces/tt_bounce_03.txt (CommuniGate Pro at a Latvian portal): "Failed to deliver to '<address>'", "Messages without To:
    // fields are not accepted here"; its DSN's Final-Recipient is "system;<>", the address only in Original-Recipient
    @Test
    void communigateRefusesAMessageWithoutToFieldAndReportsASystemFinalRecipient() {
        String bounce = """
                Return-Path: <>
                Subject: Undeliverable mail:\s
                From: MAILER-DAEMON@example.lv
                To: <alice@example.org>
                Date: Mon, 28 Nov 2005 20:26:38 +0200
                Message-ID: <receipt-110354846@example.lv>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type="delivery-status"; boundary="_===110354846====example.lv===_"

                --_===110354846====example.lv===_
                Content-Type: text/plain; charset="utf-8"
                Content-Transfer-Encoding: 8bit

                Failed to deliver to '<agrisa@example.lv>'
                Messages without To: fields are not accepted here

                --_===110354846====example.lv===_
                Content-Type: message/delivery-status

                Reporting-MTA: dns; example.lv

                Original-Recipient: rfc822;<agrisa@example.lv>
                Final-Recipient: system;<>
                Action: failed
                Status: 5.0.0

                --_===110354846====example.lv===_
                Content-Type: message/rfc822

                From: Alice <alice@example.org>
                Subject:
                Date: Mon, 28 Nov 2005 20:26:35 +0200

                Hello

                --_===110354846====example.lv===_--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("agrisa@example.lv");
        assertThat(x.categoryId()).contains("message-not-compliant");
    }

    // mitio/bounce_email:test/bounces/tt_1234285668.txt (a Latvian portal's MX behind Postfix): "552 Account(s) <address> does not have enough space (in
    // reply to end of DATA command)"
    @Test
    void latvianPortalAccountDoesNotHaveEnoughSpaceAtEndOfData() {
        String bounce = """
                From: MAILER-DAEMON@relay.example.org (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="A7B931658352.1279549575/relay.example.org"

                This is a MIME-encapsulated message.

                --A7B931658352.1279549575/relay.example.org
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host relay.example.org.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                For further assistance, please send mail to <postmaster>

                If you do so, please include this problem report. You can
                delete your own text from the attached returned message.

                                   The mail system

                <agrisa@example.lv>: host mail5.example.lv[192.0.2.62] said: 552 Account(s)
                    <agrisa@example.lv> does not have enough space (in reply to end of DATA
                    command)

                --A7B931658352.1279549575/relay.example.org
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; relay.example.org
                X-Postfix-Queue-ID: A7B931658352
                X-Postfix-Sender: rfc822; alice@example.org
                Arrival-Date: Mon, 19 Jul 2010 15:26:15 +0100 (BST)

                Final-Recipient: rfc822; agrisa@example.lv
                Action: failed
                Status: 5.0.0
                Remote-MTA: dns; mail5.example.lv
                Diagnostic-Code: smtp; 552 Account(s) <agrisa@example.lv> does not have enough
                    space

                --A7B931658352.1279549575/relay.example.org
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: Alice <alice@example.org>
                To: agrisa@example.lv
                Subject: Newsletter
                Date: Mon, 19 Jul 2010 15:26:10 +0100

                --A7B931658352.1279549575/relay.example.org--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("agrisa@example.lv");
        assertThat(x.replyCode()).contains(552);
        assertThat(x.categoryId()).contains("mailbox-full");
        assertThat(x.stage()).contains(SmtpStage.END_OF_DATA);
    }

    // mitio/bounce_email:test/bounces/tt_bounce_16.txt (Postfix delivering through maildrop): "<address> (expanded from <alias>): maildir delivery failed:
    // Sorry, the user's maildir has overdrawn his diskspace quota", the DSN's Status 5.2.3 although the cause is a quota
    @Test
    void postfixMaildropQuotaOfAnExpandedAliasWithStatus523() {
        String bounce = """
                From: MAILER-DAEMON@blackbird.example.lv (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="A7B931658352.1279549575/blackbird.example.lv"

                This is a MIME-encapsulated message.

                --A7B931658352.1279549575/blackbird.example.lv
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host blackbird.example.lv.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients. It's attached below.

                For further assistance, please send mail to <postmaster>

                If you do so, please include this problem report. You can
                delete your own text from the attached returned message.

                                   The mail system

                <jekaterina@example.lv> (expanded from <notikums@example.lv>): maildir delivery failed:
                    Sorry, the user's maildir has overdrawn his diskspace quota, please try
                    again later.

                --A7B931658352.1279549575/blackbird.example.lv
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; blackbird.example.lv
                X-Postfix-Queue-ID: A7B931658352
                X-Postfix-Sender: rfc822; alice@example.org
                Arrival-Date: Mon, 19 Jul 2010 15:26:15 +0100 (BST)

                Final-Recipient: rfc822; jekaterina@example.lv
                Original-Recipient: rfc822;notikums@example.lv
                Action: failed
                Status: 5.2.3
                Diagnostic-Code: X-Postfix; maildir delivery failed: Sorry, the user's maildir
                    has overdrawn his diskspace quota, please try again later.

                --A7B931658352.1279549575/blackbird.example.lv
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: Alice <alice@example.org>
                To: notikums@example.lv
                Subject: Newsletter
                Date: Mon, 19 Jul 2010 15:26:10 +0100

                --A7B931658352.1279549575/blackbird.example.lv--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("jekaterina@example.lv");
        assertThat(x.status()).contains("5.2.3");
        assertThat(x.categoryId()).contains("mailbox-full");
    }

    // mitio/bounce_email:test/bounces/tt_bounce_14.txt (qmail at a Latvian newspaper): "<address>:" then "Message rejected. Not enough storage space in user's
    // mailbox to accept message."
    @Test
    void qmailNotEnoughStorageSpaceInTheUsersMailbox() {
        String bounce = """
                From: postmaster@regsers.example.lv
                To: alice@example.org
                Subject: failure notice
                Date: 13 Sep 2007 08:30:07 -0000

                Hi. This is the qmail-send program at regsers.example.lv.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.

                <jolanta@example.lv>:
                Message rejected. Not enough storage space in user's mailbox to accept message.

                --- Below this line is a copy of the message.

                Return-Path: <alice@example.org>
                Received: (qmail 14146 invoked by uid 89); 13 Sep 2007 11:30:06 +0300
                From: Alice <alice@example.org>
                To: info@example.lv
                Subject: Raksts

                Labdien
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("jolanta@example.lv");
        assertThat(x.categoryId()).contains("mailbox-full");
    }

    // mitio/bounce_email:test/bounces/tt_bounce_01.txt (Exim at a university, a list's "[languse] Mail delivery failed"): "could not be delivered to all of its
    // recipients", "<address>:" then "unrouteable mail domain \"<domain>\""
    @Test
    void eximListMemberUnrouteableMailDomain() {
        String bounce = """
                From: Mail Delivery System <Mailer-Daemon@mail.example.ac.uk>
                To: languse-request@example.ac.uk
                Subject: [languse] Mail delivery failed: returning message to sender
                X-Failed-Recipients: thornborrow@example.net
                Auto-Submitted: auto-replied

                This message was created automatically by mail delivery software.

                A message that you sent could not be delivered to all of its recipients. The
                following address(es) failed:

                  thornborrow@example.net:
                    unrouteable mail domain "example.net"

                ------ This is a copy of the message, including all the headers. ------

                From: Alice <alice@example.org>
                To: languse@example.ac.uk
                Subject: [languse] Seminar
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient x = only(r);
        assertThat(x.finalRecipient()).isEqualTo("thornborrow@example.net");
        assertThat(x.categoryId()).contains("recipient-domain-unknown");
    }
}
