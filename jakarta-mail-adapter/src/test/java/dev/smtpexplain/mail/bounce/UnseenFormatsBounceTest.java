package dev.smtpexplain.mail.bounce;

import static dev.smtpexplain.mail.bounce.BouncesTest.EN;
import static dev.smtpexplain.mail.bounce.BouncesTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.mail.SmtpStage;
import org.junit.jupiter.api.Test;

/**
 * Bounces and delay notices of mail servers the shared bounce set holds none of (chasquid, mox, maddy, Haraka,
 * Stalwart, masqmail, Apache James's DSNBounce, hMailServer, OpenSMTPD's MIME notices, Microsoft 365 and Postfix
 * in German, Exim with its own bounce text). Each is written for this test after the format its generator's
 * source or template shows (cited per test); addresses and hosts are example ones.
 */
class UnseenFormatsBounceTest {

    private static BounceRecipient only(BounceReport r) {
        assertThat(r.recipients()).hasSize(1);
        return r.recipients().get(0);
    }

    // albertito/chasquid:internal/queue/dsn.go (dsnTemplate): a plain notice, X-Failed-Recipients, the reply under
    // "----- Technical details -----" after "failed permanently with error:"; the courier's error is "MAIL+RCPT <reply>"
    @Test
    void chasquidNamesTheRecipientTwiceAndQuotesTheReplyUnderTechnicalDetails() {
        String bounce = """
                From: Mail Delivery System <postmaster-dsn@mail.example.org>
                To: <alice@example.org>
                Subject: Mail delivery failed: returning message to sender
                Message-ID: <chasquid-dsn-4f1c0e2a@mail.example.org>
                Date: Mon, 02 Dec 2024 10:14:07 +0000
                X-Failed-Recipients: ben@example.com,\s
                Auto-Submitted: auto-replied

                Delivery to the following recipient(s) failed permanently:

                  - ben@example.com


                ----- Technical details -----

                - "ben@example.com" (EMAIL) failed permanently with error:
                    MAIL+RCPT 550 5.1.1 <ben@example.com>: Recipient address rejected: User unknown in virtual mailbox table


                ----- Original message -----

                Received: from [192.0.2.10] by mail.example.org (chasquid) with ESMTPSA
                From: Alice <alice@example.org>
                To: ben@example.com
                Subject: Minutes
                Message-ID: <minutes-1@example.org>

                The minutes are attached.
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient ben = only(r);
        assertThat(ben.finalRecipient()).isEqualTo("ben@example.com");
        assertThat(ben.replyCode()).contains(550);
        assertThat(ben.status()).contains("5.1.1");
        assertThat(ben.categoryId()).contains("recipient-unknown");
        // "MAIL+RCPT" names both commands: the bounce does not say which one the reply answered
        assertThat(ben.stage()).isNotEqualTo(java.util.Optional.of(SmtpStage.MAIL_FROM));
    }

    // albertito/chasquid:internal/queue/dsn.go: a recipient still pending when the queue gave up is listed with
    // "failed repeatedly and timed out, last error:" and its last (temporary) reply; the notice is still a failure
    @Test
    void chasquidTimedOutRecipientIsAFailureWithItsLastTemporaryReply() {
        String bounce = """
                From: Mail Delivery System <postmaster-dsn@mail.example.org>
                To: <alice@example.org>
                Subject: Mail delivery failed: returning message to sender
                Message-ID: <chasquid-dsn-9a7b@mail.example.org>
                X-Failed-Recipients: cleo@example.net,\s
                Auto-Submitted: auto-replied

                Delivery to the following recipient(s) failed permanently:

                  - cleo@example.net


                ----- Technical details -----

                - "cleo@example.net" (EMAIL) failed repeatedly and timed out, last error:
                    MAIL+RCPT 452 4.2.2 <cleo@example.net>: mailbox over quota


                ----- Original message -----

                From: alice@example.org
                To: cleo@example.net
                Subject: Photos

                Here they are.
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient cleo = only(r);
        assertThat(cleo.finalRecipient()).isEqualTo("cleo@example.net");
        assertThat(cleo.replyCode()).contains(452);
        assertThat(cleo.status()).contains("4.2.2");
        assertThat(cleo.categoryId()).contains("mailbox-full");
    }

    // mjl-/mox:queue/dsn.go (deliverDSNFailure) and mjl-/mox:dsn/dsn.go (Compose): subject "mail delivery failed",
    // the recipient indented by a tab, a Status with the error as a comment, Remote-MTA "dns;host (ip)"
    @Test
    void moxPermanentFailureCarriesTheReplyInItsStatusCommentAndDiagnosticCode() {
        String bounce = """
                Return-Path: <postmaster@mox.example.org>
                Delivered-To: alice@example.org
                From: <postmaster@mox.example.org>
                To: <alice@example.org>
                Subject: mail delivery failed
                Message-Id: <dsn-7Kq2@mox.example.org>
                References: <report-9@example.org>
                Date: Mon, 2 Dec 2024 11:02:41 +0100
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type="delivery-status"; boundary="b1"

                --b1
                Content-Type: text/plain
                Content-Transfer-Encoding: 7BIT


                Delivery has failed permanently for your email to:

                	dan@example.com

                No further deliveries will be attempted.

                Error during the last delivery attempt:

                	remote smtp server: 550 5.7.1 message rejected as spam

                Full SMTP response:

                	550 5.7.1 message rejected as spam

                --b1
                Content-Type: message/delivery-status
                Content-Transfer-Encoding: 7BIT

                Reporting-MTA: dns; mox.example.org
                Arrival-Date: Mon, 2 Dec 2024 11:02:30 +0100

                Final-Recipient: rfc822;dan@example.com
                Action: failed
                Status: 5.7.1 (remote smtp server: 550 5.7.1 message rejected as spam)
                Remote-MTA: dns;mx.example.com (192.0.2.25)
                Diagnostic-Code: smtp; 550 5.7.1 message rejected as spam
                Last-Attempt-Date: Mon, 2 Dec 2024 11:02:41 +0100

                --b1
                Content-Type: text/rfc822-headers
                Content-Transfer-Encoding: 7BIT

                From: alice@example.org
                To: dan@example.com
                Subject: Quarterly report
                Message-Id: <report-9@example.org>

                --b1--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient dan = only(r);
        assertThat(dan.finalRecipient()).isEqualTo("dan@example.com");
        assertThat(dan.replyCode()).contains(550);
        assertThat(dan.status()).contains("5.7.1");
        assertThat(dan.categoryId()).contains("spam-detected");
        assertThat(r.originalSubject()).contains("Quarterly report");
    }

    // mjl-/mox:queue/dsn.go (deliverDSNDelay): subject "mail delivery delayed", Action delayed, Will-Retry-Until;
    // the error may be no SMTP reply at all (a connection that failed), so there is no Diagnostic-Code
    @Test
    void moxDelayNoticeIsADelayWithItsStatus() {
        String bounce = """
                From: <postmaster@mox.example.org>
                To: <alice@example.org>
                Subject: mail delivery delayed
                Message-Id: <dsn-2Hd9@mox.example.org>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type="delivery-status"; boundary="b2"

                --b2
                Content-Type: text/plain
                Content-Transfer-Encoding: 7BIT


                Delivery has been delayed of your email to:

                	erin@example.net

                Next attempts to deliver: in 4 hours, 8 hours and 16 hours.
                If these attempts all fail, you will receive a notice.

                Error during the last delivery attempt:

                	dialing smtp server: dial tcp 192.0.2.44:25: connect: connection timed out

                --b2
                Content-Type: message/delivery-status
                Content-Transfer-Encoding: 7BIT

                Reporting-MTA: dns; mox.example.org
                Arrival-Date: Mon, 2 Dec 2024 08:00:00 +0100

                Final-Recipient: rfc822;erin@example.net
                Action: delayed
                Status: 4.0.0 (dialing smtp server: dial tcp 192.0.2.44:25: connect: connection timed out)
                Last-Attempt-Date: Mon, 2 Dec 2024 10:00:05 +0100
                Will-Retry-Until: Tue, 3 Dec 2024 14:00:05 +0100

                --b2--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.DELAYED);
        BounceRecipient erin = only(r);
        assertThat(erin.finalRecipient()).isEqualTo("erin@example.net");
        assertThat(erin.status()).contains("4.0.0");
        assertThat(erin.replyText()).contains("connection timed out");
        // "connection timed out" while the message is still queued: why it waits, not an expiry
        assertThat(erin.categoryId()).contains("network-error");
    }

    // foxcpp/maddy:internal/dsn/dsn.go: "Delivery to X failed with error: …" in the text; a DSN whose address type is
    // "utf8" (not RFC 6533's "utf-8") for an internationalized message, an "X-Maddy" diagnostic for errors that are no
    // SMTP reply, and the original's header in a part typed "message/global-headers"
    @Test
    void maddyUtf8AddressTypeAndItsOwnDiagnosticType() {
        String bounce = """
                Date: Mon, 2 Dec 2024 12:00:00 +0000
                Message-Id: <dsn-81c2@mx.example.org>
                Content-Transfer-Encoding: 8bit
                Content-Type: multipart/report; report-type=delivery-status; boundary=m1
                MIME-Version: 1.0
                Auto-Submitted: auto-replied
                To: alice@example.org
                From: MAILER-DAEMON@mx.example.org
                Subject: Undelivered Mail Returned to Sender

                --m1
                Content-Description: Notification
                Content-Transfer-Encoding: 8bit
                Content-Type: text/plain; charset="utf-8"


                This is the mail delivery system at mx.example.org.

                Unfortunately, your message could not be delivered to one or more
                recipients. The usual cause of this problem is invalid
                recipient address or maintenance at the recipient side.

                Contact the postmaster for further assistance, provide the Message ID (below):

                Message ID: 5b3c2a1e
                Arrival: 2024-12-02 11:58:00 +0000 UTC
                Last delivery attempt: 2024-12-02 12:00:00 +0000 UTC

                Delivery to frédéric@exemple.example failed with error: 550 5.1.1 No such user: frédéric
                --m1
                Content-Description: Delivery report
                Content-Type: message/global-delivery-status

                Reporting-MTA: dns; mx.example.org
                X-Maddy-Sender: utf8; alice@example.org
                X-Maddy-MsgID: 5b3c2a1e
                Arrival-Date: Mon, 2 Dec 2024 11:58:00 +0000
                Last-Attempt-Date: Mon, 2 Dec 2024 12:00:00 +0000

                Final-Recipient: utf8; frédéric@exemple.example
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 No such user: frédéric
                Remote-MTA: dns; mx.exemple.example

                --m1
                Content-Description: Undelivered message header
                Content-Type: message/global-headers
                Content-Transfer-Encoding: 8bit

                From: alice@example.org
                To: frédéric@exemple.example
                Subject: Bonjour

                --m1--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient f = only(r);
        assertThat(f.finalRecipient()).isEqualTo("frédéric@exemple.example");
        assertThat(f.replyCode()).contains(550);
        assertThat(f.status()).contains("5.1.1");
        assertThat(f.categoryId()).contains("recipient-unknown");
    }

    // foxcpp/maddy:internal/dsn/dsn.go: an error that is no SMTP reply (here a DNS failure) goes into the DSN
    // only as "X-Maddy; <error>" and into the text after "failed with error:"
    @Test
    void maddyErrorThatIsNoReplyIsReadFromItsXMaddyDiagnostic() {
        String bounce = """
                Message-Id: <dsn-81c3@mx.example.org>
                Content-Type: multipart/report; report-type=delivery-status; boundary=m2
                MIME-Version: 1.0
                Auto-Submitted: auto-replied
                To: alice@example.org
                From: MAILER-DAEMON@mx.example.org
                Subject: Undelivered Mail Returned to Sender

                --m2
                Content-Description: Notification
                Content-Type: text/plain; charset="utf-8"


                This is the mail delivery system at mx.example.org.

                Unfortunately, your message could not be delivered to one or more
                recipients. The usual cause of this problem is invalid
                recipient address or maintenance at the recipient side.

                Delivery to gus@nonexistent.example failed with error: remote: domain does not exist
                --m2
                Content-Description: Delivery report
                Content-Type: message/global-delivery-status

                Reporting-MTA: dns; mx.example.org

                Final-Recipient: utf8; gus@nonexistent.example
                Action: failed
                Status: 5.1.2
                Diagnostic-Code: X-Maddy; remote: domain does not exist

                --m2--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient gus = only(r);
        assertThat(gus.finalRecipient()).isEqualTo("gus@nonexistent.example");
        assertThat(gus.status()).contains("5.1.2");
        assertThat(gus.categoryId()).contains("recipient-domain-unknown");
    }

    // haraka/Haraka:outbound/hmail.js (populate_bounce_message_with_headers) with config/outbound.bounce_message:
    // "failure notice", "Intended Recipients: a, b" on one line; DSN Status "X.Y.Z (code msg)", a Remote-MTA with no
    // type and a Diagnostic-Code "smtp;550 5.2.2 … " with a trailing space
    @Test
    void harakaListsAllRecipientsOnOneLineAndItsStatusCarriesAComment() {
        String bounce = """
                Received: (Haraka 4242 invoked for bounce); Mon, 02 Dec 2024 12:30:00 +0000
                Date: Mon, 02 Dec 2024 12:30:00 +0000
                From: MAILER-DAEMON@out.example.org
                To: alice@example.org
                Subject: failure notice
                Message-Id: <6A1F3C2E-0B44-4C1E-9A2B-3D4E5F607182@out.example.org>
                Content-Type: multipart/report; report-type=delivery-status;
                    boundary="boundary_6A1F3C2E"
                References: <offer-2@example.org>

                This is a MIME-encapsulated message.

                --boundary_6A1F3C2E
                Content-Type: text/plain; charset=us-ascii

                Hi. This is the Haraka Mailer program at out.example.org.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.

                Intended Recipients: hal@example.com, ivy@example.com
                Failure Reason: Upstream error: 552 5.2.2 Mailbox full

                --- Below this line is a copy of the message.


                --boundary_6A1F3C2E
                Content-type: message/delivery-status

                Original-Envelope-Id: <offer-2@example.org>
                Reporting-MTA: dns;out.example.org
                Arrival-Date: Mon, 02 Dec 2024 12:29:58 +0000

                Final-Recipient: rfc822;hal@example.com
                Action: failed
                Status: 5.2.2 (552 Mailbox full)
                Remote-MTA: mx.example.com
                Diagnostic-Code: smtp;552 5.2.2 Mailbox full\s

                Final-Recipient: rfc822;ivy@example.com
                Action: failed
                Status: 5.2.2 (552 Mailbox full)
                Remote-MTA: mx.example.com
                Diagnostic-Code: smtp;552 5.2.2 Mailbox full\s

                --boundary_6A1F3C2E
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: alice@example.org
                To: hal@example.com, ivy@example.com
                Subject: Offer
                Message-Id: <offer-2@example.org>

                --boundary_6A1F3C2E--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient).containsExactly("hal@example.com", "ivy@example.com");
        for (BounceRecipient x : r.recipients()) {
            assertThat(x.replyCode()).contains(552);
            assertThat(x.status()).contains("5.2.2");
            assertThat(x.categoryId()).contains("mailbox-full");
        }
    }

    // haraka/Haraka:config/outbound.bounce_message as older Haraka sent it alone (no delivery-status part): every
    // recipient after one label, separated by commas, and one "Failure Reason" for all of them
    @Test
    void harakaPlainNoticeNamesEveryRecipientAfterOneLabel() {
        String bounce = """
                Received: (Haraka 3131 invoked for bounce); Mon, 02 Dec 2024 12:40:00 +0000
                Date: Mon, 02 Dec 2024 12:40:00 +0000
                From: MAILER-DAEMON@out.example.org
                To: alice@example.org
                Subject: failure notice
                Message-Id: <11B2C3D4-5E6F-4A1B-8C9D-0E1F2A3B4C5D@out.example.org>

                Hi. This is the Haraka Mailer program at out.example.org.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.

                Intended Recipients: jo@example.com, kim@example.com
                Failure Reason: 550 5.1.1 Recipient address rejected: User unknown

                --- Below this line is a copy of the message.

                From: alice@example.org
                To: jo@example.com, kim@example.com
                Subject: Invitation
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient).containsExactlyInAnyOrder("jo@example.com", "kim@example.com");
        for (BounceRecipient x : r.recipients()) {
            assertThat(x.replyCode()).contains(550);
            assertThat(x.categoryId()).contains("recipient-unknown");
        }
    }

    // stalwartlabs/mail-server:crates/smtp/src/queue/dsn.rs: "<addr> (host 'h' rejected command 'RCPT TO:<addr>' with
    // code 550 (e.s.c) 'text')"; a reply without an enhanced code gets "(0.0.0)" in the text and a Status made of the
    // reply code's digits (550 → 5.5.0), which says nothing about why
    @Test
    void stalwartStatusMadeOfTheReplyCodeDigitsDoesNotHideTheReply() {
        String bounce = """
                From: "Mail Delivery Subsystem" <MAILER-DAEMON@mail.example.org>
                To: alice@example.org
                Auto-Submitted: auto-generated
                Message-ID: <18c2f0a1b2.4d5e@mail.example.org>
                Subject: Failed to deliver message
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type="delivery-status";
                	boundary="18c2f0a1b2_boundary"

                --18c2f0a1b2_boundary
                Content-Type: text/plain; charset="utf-8"
                Content-Transfer-Encoding: 7bit

                Your message could not be delivered to the following recipients:

                <lou@example.com> (host 'mx.example.com' rejected command 'RCPT TO:<lou@example.com>' with code 550 (0.0.0) 'No such user here')

                --18c2f0a1b2_boundary
                Content-Type: message/delivery-status
                Content-Transfer-Encoding: 7bit

                Reporting-MTA: dns;mail.example.org
                Arrival-Date: Mon, 2 Dec 2024 13:00:00 +0000

                Final-Recipient: rfc822;lou@example.com
                Action: failed
                Status: 5.5.0
                Diagnostic-Code: smtp;550 No such user here
                Remote-MTA: dns;mx.example.com

                --18c2f0a1b2_boundary
                Content-Type: message/rfc822

                From: alice@example.org
                To: lou@example.com
                Subject: Tickets
                Message-ID: <tickets@example.org>

                --18c2f0a1b2_boundary--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient lou = only(r);
        assertThat(lou.finalRecipient()).isEqualTo("lou@example.com");
        assertThat(lou.replyCode()).contains(550);
        assertThat(lou.categoryId()).contains("recipient-unknown");
        assertThat(lou.stage()).contains(SmtpStage.RCPT_TO);
    }

    // stalwartlabs/mail-server:crates/smtp/src/queue/dsn.rs: "Warning: Delay in message delivery", Action delayed,
    // Will-Retry-Until, the text "<addr> (host 'h' rejected transaction with code 451 (4.7.1) '…')"
    @Test
    void stalwartDelayWarningIsADelay() {
        String bounce = """
                From: "Mail Delivery Subsystem" <MAILER-DAEMON@mail.example.org>
                To: alice@example.org
                Auto-Submitted: auto-generated
                Message-ID: <18c2f0a1c9.7a8b@mail.example.org>
                Subject: Warning: Delay in message delivery
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type="delivery-status";
                	boundary="18c2f0a1c9_boundary"

                --18c2f0a1c9_boundary
                Content-Type: text/plain; charset="utf-8"

                There was a temporary problem delivering your message to the following recipients:

                <max@example.net> (host 'mx1.example.net' rejected transaction with code 451 (4.7.1) 'Greylisted, please try again in 300 seconds')

                --18c2f0a1c9_boundary
                Content-Type: message/delivery-status

                Reporting-MTA: dns;mail.example.org
                Arrival-Date: Mon, 2 Dec 2024 13:00:00 +0000

                Final-Recipient: rfc822;max@example.net
                Action: delayed
                Status: 4.7.1
                Diagnostic-Code: smtp;451 Greylisted, please try again in 300 seconds
                Remote-MTA: dns;mx1.example.net
                Will-Retry-Until: Thu, 5 Dec 2024 13:00:00 +0000

                --18c2f0a1c9_boundary--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.DELAYED);
        BounceRecipient max = only(r);
        assertThat(max.finalRecipient()).isEqualTo("max@example.net");
        assertThat(max.replyCode()).contains(451);
        assertThat(max.status()).contains("4.7.1");
        assertThat(max.categoryId()).contains("greylisted");
    }

    // ossilator/masqmail:tpl/failmsg.tpl.de with src/fail_msg.c: German with the English in parentheses, each failed
    // recipient as "\t<addr>" and the error after it ("while connected with H, the server replied\n\t<reply>"),
    // multipart/mixed with the original as message/rfc822, no delivery-status part
    @Test
    void masqmailGermanFailureNoticeNamesTheRecipientAndTheServersReply() {
        String bounce = """
                Subject: Mail Delivery Failure Notice
                From: MAILER-DAEMON@box.example.org
                To: <alice@example.org>
                MIME-Version: 1.0
                Content-Type: multipart/mixed;
                        boundary="1hG7kQ-0003Xy-2c/box.example.org"

                Dies ist eine MIME-formatierte Nachricht.
                This is a MIME-encapsulated message.

                --1hG7kQ-0003Xy-2c/box.example.org
                Content-Description: Notification
                Content-Type: text/plain;
                  charset=utf-8

                Diese Nachricht wurde Ihnen von dem Mail Agenten
                (masqmail 0.3.6) auf box.example.org geschickt.
                (This message was sent to you by the mailer daemon (masqmail 0.3.6)
                at box.example.org.)

                Bedauerlicherweise konnte Ihre Mail nicht an alle Empfänger weitergeleitet
                werden.
                (Sorry, but your mail could not be delivered to all recipients.)

                Die Zustellung zu den folgenden Empfängern ist permanent
                fehlgeschlagen. Es wird kein weiterer Versuch unternommen:
                (Delivery to the following recipients failed permanently and has been given
                up:)

                	<nina@example.com>

                Diese Fehlermeldung könnte einen Hinweis über die Ursache geben:
                (This error message may give you a hint about what caused the
                failure:)

                while connected with mx.example.com, the server replied
                	550 5.1.1 <nina@example.com>: Recipient address rejected: User unknown

                Für weitere Hilfe, schreiben Sie an <postmaster@box.example.org>.
                (If you need help, write to <postmaster@box.example.org>.)

                Ihre Nachricht folgt im Anhang, einschliesslich aller Header:
                (Your message follows attached, including all headers:)

                --1hG7kQ-0003Xy-2c/box.example.org
                Content-Description: Undelivered Message
                Content-Type: message/rfc822

                From: Alice <alice@example.org>
                To: nina@example.com
                Subject: Termin

                Passt Dienstag?

                --1hG7kQ-0003Xy-2c/box.example.org--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient nina = only(r);
        assertThat(nina.finalRecipient()).isEqualTo("nina@example.com");
        assertThat(nina.replyCode()).contains(550);
        assertThat(nina.status()).contains("5.1.1");
        assertThat(nina.categoryId()).contains("recipient-unknown");
    }

    // ossilator/masqmail:tpl/warnmsg.tpl: "Warning: could not yet send message", "could not yet be delivered",
    // "has been defered" (sic), "Delivery will be tried again": a warning, not a failure
    @Test
    void masqmailWarningThatDeliveryWillBeTriedAgainIsADelay() {
        String bounce = """
                Subject: Warning: could not yet send message
                From: MAILER-DAEMON@box.example.org
                To: <alice@example.org>
                MIME-Version: 1.0
                Content-Type: multipart/mixed;
                        boundary="1hG9aa-0004Ab-7d/box.example.org"

                This is a MIME-encapsulated message.

                --1hG9aa-0004Ab-7d/box.example.org
                Content-Description: Notification
                Content-Type: text/plain

                This message was sent to you by the mailer daemon (masqmail 0.3.6)
                at box.example.org.

                Sorry, but your mail could not yet be delivered to all recipients.
                Delivery to the following recipients has been defered:

                	<otto@example.net>

                Delivery will be tried again, until it is either successful or a
                timeout has been reached. If the latter happens, you will get a
                delivery failure notice.


                This error message may give you a hint about what caused the
                delay:

                while connected with mx.example.net, the server replied
                	452 4.2.2 <otto@example.net>: Mailbox is full

                If you need help, write to <postmaster@box.example.org>.

                The headers of your message follow attached:

                --1hG9aa-0004Ab-7d/box.example.org
                Content-Description: Undelivered Message Headers
                Content-Type: message/rfc822

                From: Alice <alice@example.org>
                To: otto@example.net
                Subject: Holiday plans

                --1hG9aa-0004Ab-7d/box.example.org--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.DELAYED);
        BounceRecipient otto = only(r);
        assertThat(otto.finalRecipient()).isEqualTo("otto@example.net");
        assertThat(otto.replyCode()).contains(452);
        assertThat(otto.categoryId()).contains("mailbox-full");
    }

    // apache/james-project:server/mailet/mailets/src/main/java/org/apache/james/transport/mailets/DSNBounce.java:
    // "Failed recipient(s):" then "Error message:"; the DSN's Status field holds the whole delivery error (a reply,
    // not an X.Y.Z status), and the Diagnostic-Code repeats it; the subject is the original's
    @Test
    void jamesDsnBounceWhoseStatusFieldHoldsTheWholeReply() {
        String bounce = """
                Return-Path: <>
                From: postmaster@james.example.org
                To: alice@example.org
                Subject: Re: Budget
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="----=_Part_3_1520381201.1733144400000"

                ------=_Part_3_1520381201.1733144400000
                Content-Type: text/plain; charset=us-ascii
                Content-Transfer-Encoding: 7bit

                Hi. This is the James mail server at james.example.org.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.  Below
                I include the list of recipients and the reason why I was unable to deliver
                your message.

                Failed recipient(s):
                pat@example.com

                Error message:
                550 5.2.1 <pat@example.com>: Mailbox disabled, not accepting messages


                ------=_Part_3_1520381201.1733144400000
                Content-Type: message/delivery-status
                Content-Description: Delivery Status Notification
                Content-Disposition: attachment; filename=status.dat

                Reporting-MTA: dns; james.example.org
                Received-From-MTA: dns; 192.0.2.10

                Final-Recipient: rfc822; pat@example.com
                Action: failed
                Status: 550 5.2.1 <pat@example.com>: Mailbox disabled, not accepting messages
                Diagnostic-Code: smtp; 550 5.2.1 <pat@example.com>: Mailbox disabled, not accepting messages
                Last-Attempt-Date: Mon, 2 Dec 2024 14:00:00 +0000 (UTC)

                ------=_Part_3_1520381201.1733144400000
                Content-Type: message/rfc822
                Content-Disposition: attachment; filename=Budget

                From: alice@example.org
                To: pat@example.com
                Subject: Budget

                Numbers inside.
                ------=_Part_3_1520381201.1733144400000--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient pat = only(r);
        assertThat(pat.finalRecipient()).isEqualTo("pat@example.com");
        assertThat(pat.replyCode()).contains(550);
        assertThat(pat.status()).contains("5.2.1");
        assertThat(pat.categoryId()).contains("mailbox-disabled");
    }

    // apache/james-project DSNBounce.java: a delivery error that is no reply ("Unknown host") makes the Status field
    // that text and the Diagnostic-Code "X-James; …"; the failure is still the recipient's, and permanent
    @Test
    void jamesDsnBounceWithoutAnyReplyIsStillAFailure() {
        String bounce = """
                Return-Path: <>
                From: postmaster@james.example.org
                To: alice@example.org
                Subject: Lunch
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="----=_Part_7"

                ------=_Part_7
                Content-Type: text/plain; charset=us-ascii

                Hi. This is the James mail server at james.example.org.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.  Below
                I include the list of recipients and the reason why I was unable to deliver
                your message.

                Failed recipient(s):
                quinn@nowhere.example

                Error message:
                Unknown host: nowhere.example


                ------=_Part_7
                Content-Type: message/delivery-status

                Reporting-MTA: dns; james.example.org
                Received-From-MTA: dns; 192.0.2.10

                Final-Recipient: rfc822; quinn@nowhere.example
                Action: failed
                Status: Unknown host: nowhere.example
                Diagnostic-Code: X-James; Unknown host: nowhere.example
                Last-Attempt-Date: Mon, 2 Dec 2024 14:10:00 +0000 (UTC)

                ------=_Part_7--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient quinn = only(r);
        assertThat(quinn.finalRecipient()).isEqualTo("quinn@nowhere.example");
        assertThat(quinn.categoryId()).contains("recipient-domain-unknown");
    }

    // hmailserver/hmailserver: SEND_FAILED_NOTIFICATION (its server messages table) and SMTPClientConnection's per-recipient
    // error ("Error Type: SMTP / Remote server (ip) issued an error. / hMailServer sent: … / Remote server replied: …"),
    // subject "Message undeliverable: <subject>", no delivery-status part
    @Test
    void hMailServerNamesTheCommandItSentAndTheRemoteReply() {
        String bounce = """
                From: mailer-daemon@mail.example.org
                To: alice@example.org
                Subject: Message undeliverable: Contract draft
                Date: Mon, 2 Dec 2024 15:00:00 +0100
                Content-Type: text/plain; charset="utf-8"

                Your message did not reach some or all of the intended recipients.

                   Sent: Mon, 2 Dec 2024 14:58:31 +0100
                   Subject: Contract draft

                The following recipient(s) could not be reached:

                ray@example.com
                   Error Type: SMTP
                   Remote server (192.0.2.25) issued an error.
                   hMailServer sent: RCPT TO:<ray@example.com>
                   Remote server replied: 550 5.1.1 <ray@example.com>: Recipient address rejected: User unknown in local recipient table


                hMailServer
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient ray = only(r);
        assertThat(ray.finalRecipient()).isEqualTo("ray@example.com");
        assertThat(ray.replyCode()).contains(550);
        assertThat(ray.status()).contains("5.1.1");
        assertThat(ray.categoryId()).contains("recipient-unknown");
        assertThat(ray.stage()).contains(SmtpStage.RCPT_TO);
    }

    // hmailserver/hmailserver SMTPClientConnection: a failure before any reply ("Connection to recipients server failed.
    // / Error: …") after the retries ran out
    @Test
    void hMailServerConnectionFailureIsAFailureForThatRecipient() {
        String bounce = """
                From: mailer-daemon@mail.example.org
                To: alice@example.org
                Subject: Message undeliverable: Agenda
                Content-Type: text/plain; charset="utf-8"

                Your message did not reach some or all of the intended recipients.

                   Sent: Mon, 2 Dec 2024 09:00:00 +0100
                   Subject: Agenda

                The following recipient(s) could not be reached:

                sam@example.net
                   Error Type: SMTP
                   Connection to recipients server failed.
                   Error: Unable to connect to 192.0.2.77.


                hMailServer
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient sam = only(r);
        assertThat(sam.finalRecipient()).isEqualTo("sam@example.net");
        assertThat(sam.categoryId()).contains("network-error"); // the rule set's reading of "unable to connect"
    }

    // openbsd/src:usr.sbin/smtpd/bounce.c (1.82): "Delivery status notification: delayed", multipart/mixed with a
    // message/delivery-status part without Diagnostic-Code; the reply only in the text's "addr: reply" line
    @Test
    void openSmtpdDelayNoticeTakesTheReplyFromItsText() {
        String bounce = """
                Subject: Delivery status notification: delayed
                From: Mailer Daemon <MAILER-DAEMON@relay.example.org>
                To: alice@example.org
                Date: Mon, 2 Dec 2024 16:00:00 +0100 (CET)
                MIME-Version: 1.0
                Content-Type: multipart/mixed;boundary="16129351283123476351/relay.example.org"

                This is a MIME-encapsulated message.

                --16129351283123476351/relay.example.org
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                    Hi!

                    This is the MAILER-DAEMON, please DO NOT REPLY to this email.

                    A message is delayed for more than 4 hours for the following
                    list of recipients:

                tom@example.com: 452 4.2.2 <tom@example.com>: Mailbox full, try again later

                    Please note that this is only a temporary failure report.
                    The message is kept in the queue for up to 4 days.
                    You DO NOT NEED to re-send the message to these recipients.

                    Below is a copy of the original message:

                --16129351283123476351/relay.example.org
                Content-Description: Delivery Report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; relay.example.org

                Final-Recipient: rfc822; tom@example.com
                Action: delayed
                Status: 4.2.2

                --16129351283123476351/relay.example.org
                Content-Description: Message headers
                Content-Type: text/rfc822-headers

                From: alice@example.org
                To: tom@example.com
                Subject: Draft

                --16129351283123476351/relay.example.org--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.DELAYED);
        BounceRecipient tom = only(r);
        assertThat(tom.finalRecipient()).isEqualTo("tom@example.com");
        assertThat(tom.replyCode()).contains(452);
        assertThat(tom.status()).contains("4.2.2");
        assertThat(tom.categoryId()).contains("mailbox-full");
    }

    // Microsoft 365 NDR in German (https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online):
    // the readable parts localized ("Unzustellbar:", "Diagnoseinformationen für Administratoren"), the delivery-status standard
    @Test
    void microsoft365GermanNdrIsReadFromItsStandardDeliveryStatus() {
        String bounce = """
                From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.org>
                To: <alice@example.org>
                Subject: Unzustellbar: Angebot
                Date: Mon, 2 Dec 2024 16:10:00 +0000
                Content-Language: de-DE
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="a8c1d2e3-f4a5-4b6c-9d7e-8f9a0b1c2d3e"

                --a8c1d2e3-f4a5-4b6c-9d7e-8f9a0b1c2d3e
                Content-Type: text/plain; charset="utf-8"
                Content-Transfer-Encoding: 8bit

                Ihre Nachricht hat uwe@example.com nicht erreicht, weil die E-Mail-Adresse nicht gefunden wurde.

                Diagnoseinformationen für Administratoren:

                Generierender Server: AM9PR01MB1234.eurprd01.prod.exchangelabs.com

                uwe@example.com
                Der Remoteserver hat '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup' zurückgegeben.

                Ursprüngliche Nachrichtenkopfzeilen:

                From: alice@example.org
                To: uwe@example.com
                Subject: Angebot

                --a8c1d2e3-f4a5-4b6c-9d7e-8f9a0b1c2d3e
                Content-Type: message/delivery-status

                Reporting-MTA: dns;AM9PR01MB1234.eurprd01.prod.exchangelabs.com
                Received-From-MTA: dns;AM9PR01MB5678.eurprd01.prod.exchangelabs.com
                Arrival-Date: Mon, 2 Dec 2024 16:09:58 +0000

                Final-Recipient: rfc822;uwe@example.com
                Action: failed
                Status: 5.1.10
                Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup

                --a8c1d2e3-f4a5-4b6c-9d7e-8f9a0b1c2d3e
                Content-Type: text/rfc822-headers

                From: alice@example.org
                To: uwe@example.com
                Subject: Angebot
                Message-ID: <angebot-5@example.org>

                --a8c1d2e3-f4a5-4b6c-9d7e-8f9a0b1c2d3e--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient uwe = only(r);
        assertThat(uwe.finalRecipient()).isEqualTo("uwe@example.com");
        assertThat(uwe.replyCode()).contains(550);
        assertThat(uwe.status()).contains("5.1.10");
        assertThat(uwe.categoryId()).contains("recipient-unknown");
    }

    // Postfix with a German bounce_template_file (bounce(5), postconf -b; the template replaces the subject and the
    // intro, Postfix still writes the per-recipient "<addr>: host … said: … (in reply to … command)" and the DSN)
    @Test
    void postfixWithAGermanTemplateKeepsItsRecipientLinesAndDeliveryStatus() {
        String bounce = """
                From: MAILER-DAEMON@mx.example.org (Mail-Zustellsystem)
                To: alice@example.org
                Subject: Unzustellbare Nachricht
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="4Y2kR50Tz3z9vBw.1733152800/mx.example.org"

                --4Y2kR50Tz3z9vBw.1733152800/mx.example.org
                Content-Description: Notification
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: 8bit

                Dies ist das Mailsystem auf dem Rechner mx.example.org.

                Ihre Nachricht konnte leider nicht an einen oder mehrere Empfänger
                zugestellt werden. Sie finden die Originalnachricht im Anhang.

                Bei Fragen wenden Sie sich bitte an <postmaster@example.org>.

                                   Das Mailsystem

                <vera@example.com>: host mx.example.com[192.0.2.25] said: 552 5.2.2
                    <vera@example.com>: Mailbox full (in reply to RCPT TO command)

                --4Y2kR50Tz3z9vBw.1733152800/mx.example.org
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.org
                X-Postfix-Queue-ID: 4Y2kR50Tz3z9vBw
                X-Postfix-Sender: rfc822; alice@example.org
                Arrival-Date: Mon,  2 Dec 2024 16:20:00 +0100 (CET)

                Final-Recipient: rfc822; vera@example.com
                Original-Recipient: rfc822;vera@example.com
                Action: failed
                Status: 5.2.2
                Remote-MTA: dns; mx.example.com
                Diagnostic-Code: smtp; 552 5.2.2 <vera@example.com>: Mailbox full

                --4Y2kR50Tz3z9vBw.1733152800/mx.example.org
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: alice@example.org
                To: vera@example.com
                Subject: Rechnung

                --4Y2kR50Tz3z9vBw.1733152800/mx.example.org--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient vera = only(r);
        assertThat(vera.finalRecipient()).isEqualTo("vera@example.com");
        assertThat(vera.replyCode()).contains(552);
        assertThat(vera.status()).contains("5.2.2");
        assertThat(vera.categoryId()).contains("mailbox-full");
        assertThat(vera.stage()).contains(SmtpStage.RCPT_TO);
    }

    // Exim with bounce_message_file (Exim spec, "Customizing bounce and warning messages"): the file replaces the subject
    // and the intro, here in German, and drops Exim's marker sentence; Exim still writes the failed-address block and
    // X-Failed-Recipients
    @Test
    void eximWithAGermanBounceMessageFileStillListsTheFailedAddress() {
        String bounce = """
                Return-path: <>
                From: Mail Delivery System <Mailer-Daemon@smtp.example.org>
                To: alice@example.org
                Subject: Nachricht nicht zustellbar
                X-Failed-Recipients: walt@example.com
                Auto-Submitted: auto-replied
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: 8bit

                Diese Nachricht wurde automatisch vom Mailserver smtp.example.org erzeugt.

                Ihre Nachricht konnte an einen oder mehrere Empfänger nicht zugestellt
                werden. Der Fehler ist dauerhaft:

                  walt@example.com
                    host mx.example.com [192.0.2.25]
                    SMTP error from remote mail server after RCPT TO:<walt@example.com>:
                    550 5.7.1 <walt@example.com>: Relay access denied

                ------ Es folgt eine Kopie der Nachricht mit allen Kopfzeilen. ------

                Return-path: <alice@example.org>
                From: alice@example.org
                To: walt@example.com
                Subject: Einladung
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient walt = only(r);
        assertThat(walt.finalRecipient()).isEqualTo("walt@example.com");
        assertThat(walt.replyCode()).contains(550);
        assertThat(walt.status()).contains("5.7.1");
        assertThat(walt.categoryId()).contains("relay-denied");
        assertThat(walt.stage()).contains(SmtpStage.RCPT_TO);
    }

    // CommuniGate Pro, as its notices are quoted in PHPMailer-BMH's DSN rules ("Failed to deliver to '…' / SMTP
    // module(domain …) reports: / …") and in forwarded copies: the recipient in quotes, the module that failed, then
    // the remote host's words indented, no delivery-status part
    @Test
    void communiGateProQuotesTheRecipientAndTheRemoteHostsReply() {
        String bounce = """
                From: MAILER-DAEMON@cgp.example.org
                To: alice@example.org
                Subject: Undeliverable mail: Order 1182
                Content-Type: text/plain; charset="utf-8"

                Failed to deliver to '<yuri@example.com>'
                SMTP module(domain example.com) reports:
                 host mx.example.com says:
                 550 5.1.1 <yuri@example.com>: Recipient address rejected: User unknown in relay recipient table

                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient yuri = only(r);
        assertThat(yuri.finalRecipient()).isEqualTo("yuri@example.com");
        assertThat(yuri.replyCode()).contains(550);
        assertThat(yuri.status()).contains("5.1.1");
        assertThat(yuri.categoryId()).contains("recipient-unknown");
    }

    // CommuniGate Pro: one paragraph per failed recipient; "message text rejected by <host>:" is its way of saying the
    // content was refused (after the data), and a local account's failure comes from its LOCAL module without a code
    @Test
    void communiGateProParagraphPerRecipientWithTheMessageTextRejected() {
        String bounce = """
                From: MAILER-DAEMON@cgp.example.org
                To: alice@example.org
                Subject: Undeliverable mail: Newsletter
                Content-Type: text/plain; charset="utf-8"

                Failed to deliver to '<zoe@example.com>'
                SMTP module(domain example.com) reports:
                 message text rejected by mx.example.com:
                 554 5.7.1 Message rejected as spam

                Failed to deliver to '<abe@example.org>'
                LOCAL module(account abe) reports:
                 account is full (quota exceeded)

                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient).containsExactly("zoe@example.com", "abe@example.org");
        BounceRecipient zoe = r.recipients().get(0);
        assertThat(zoe.replyCode()).contains(554);
        assertThat(zoe.status()).contains("5.7.1");
        assertThat(zoe.categoryId()).contains("spam-detected");
        assertThat(zoe.stage()).contains(SmtpStage.END_OF_DATA);
        BounceRecipient abe = r.recipients().get(1);
        assertThat(abe.replyCode()).isEmpty();
        assertThat(abe.categoryId()).contains("mailbox-full");
    }

    // SmarterMail (its "System Administrator" delivery failure as support pages quote it, e.g.
    // http://kb.indsoft.net/kb/a70/common-email-delivery-errors.aspx): "Could not deliver message to the following
    // recipient(s):", then "Failed Recipient: <addr>" and "Reason: …" per recipient, the remote reply after "Remote host said:"
    @Test
    void smarterMailPairsEachFailedRecipientWithItsReason() {
        String bounce = """
                From: postmaster@mail.example.org
                To: alice@example.org
                Subject: Undeliverable Mail
                Content-Type: text/plain; charset="utf-8"

                Could not deliver message to the following recipient(s):

                Failed Recipient: bea@example.com
                Reason: Remote host said: 550 5.1.1 <bea@example.com>: Recipient address rejected: User unknown

                Failed Recipient: cal@example.net
                Reason: The mailbox is full


                   -- The header and top 20 lines of the message follows --

                From: alice@example.org
                To: bea@example.com, cal@example.net
                Subject: Reunion
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient).containsExactly("bea@example.com", "cal@example.net");
        BounceRecipient bea = r.recipients().get(0);
        assertThat(bea.replyCode()).contains(550);
        assertThat(bea.status()).contains("5.1.1");
        assertThat(bea.categoryId()).contains("recipient-unknown");
        BounceRecipient cal = r.recipients().get(1);
        assertThat(cal.replyCode()).isEmpty();
        assertThat(cal.categoryId()).contains("mailbox-full");
    }

    // SmarterMail (same page): a domain with no mail exchanger, said in its own words after "Reason:", no reply code
    @Test
    void smarterMailReasonWithoutAReplyCodeIsReadFromItsWords() {
        String bounce = """
                From: postmaster@mail.example.org
                To: alice@example.org
                Subject: Undeliverable Mail
                Content-Type: text/plain; charset="utf-8"

                Could not deliver message to the following recipient(s):

                Failed Recipient: dee@nomx.example
                Reason: Failed to connect to the recipients mail server. No MX records were found for the 'nomx.example' domain.

                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient dee = only(r);
        assertThat(dee.finalRecipient()).isEqualTo("dee@nomx.example");
        assertThat(dee.categoryId()).contains("recipient-domain-unknown");
    }

    // haraka/Haraka:outbound/hmail.js: a failure found before any server answered (a domain that does not exist) gets
    // DSN.addr_bad_dest_system: "Status: 5.1.2 (550 No Such Domain: …)", the code and words only in the Status comment,
    // no Diagnostic-Code
    @Test
    void harakaStatusCommentIsTheReplyWhenThereIsNoDiagnosticCode() {
        String bounce = """
                Received: (Haraka 4242 invoked for bounce); Mon, 02 Dec 2024 12:50:00 +0000
                Date: Mon, 02 Dec 2024 12:50:00 +0000
                From: MAILER-DAEMON@out.example.org
                To: alice@example.org
                Subject: failure notice
                Message-Id: <9C0D1E2F-3A4B-4C5D-8E6F-7A8B9C0D1E2F@out.example.org>
                Content-Type: multipart/report; report-type=delivery-status;
                    boundary="boundary_9C0D1E2F"

                This is a MIME-encapsulated message.

                --boundary_9C0D1E2F
                Content-Type: text/plain; charset=us-ascii

                Hi. This is the Haraka Mailer program at out.example.org.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.

                Intended Recipients: una@nowhere.example
                Failure Reason: No Such Domain: nowhere.example

                --- Below this line is a copy of the message.


                --boundary_9C0D1E2F
                Content-type: message/delivery-status

                Reporting-MTA: dns;out.example.org
                Arrival-Date: Mon, 02 Dec 2024 12:49:59 +0000

                Final-Recipient: rfc822;una@nowhere.example
                Action: failed
                Status: 5.1.2 (550 No Such Domain: nowhere.example)

                --boundary_9C0D1E2F--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient una = only(r);
        assertThat(una.finalRecipient()).isEqualTo("una@nowhere.example");
        assertThat(una.status()).contains("5.1.2");
        assertThat(una.replyCode()).contains(550);
        assertThat(una.replyText()).contains("No Such Domain");
        assertThat(una.categoryId()).contains("recipient-domain-unknown");
    }

    // stalwartlabs/mail-server:crates/smtp/src/queue/dsn.rs: a temporary reply without an enhanced code gets a Status
    // made of its digits (451 → 4.5.1, "invalid command" by RFC 3463), which must not hide the greylisting it says
    @Test
    void stalwartDelayWhoseStatusIsTheReplyCodesDigits() {
        String bounce = """
                From: "Mail Delivery Subsystem" <MAILER-DAEMON@mail.example.org>
                To: alice@example.org
                Auto-Submitted: auto-generated
                Subject: Warning: Delay in message delivery
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type="delivery-status"; boundary="b9"

                --b9
                Content-Type: text/plain; charset="utf-8"

                There was a temporary problem delivering your message to the following recipients:

                <vic@example.net> (host 'mx1.example.net' rejected command 'RCPT TO:<vic@example.net>' with code 451 (0.0.0) 'Greylisted, see https://postgrey.example.net/')

                --b9
                Content-Type: message/delivery-status

                Reporting-MTA: dns;mail.example.org
                Arrival-Date: Mon, 2 Dec 2024 13:00:00 +0000

                Final-Recipient: rfc822;vic@example.net
                Action: delayed
                Status: 4.5.1
                Diagnostic-Code: smtp;451 Greylisted, see https://postgrey.example.net/
                Remote-MTA: dns;mx1.example.net
                Will-Retry-Until: Thu, 5 Dec 2024 13:00:00 +0000

                --b9--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.DELAYED);
        BounceRecipient vic = only(r);
        assertThat(vic.finalRecipient()).isEqualTo("vic@example.net");
        assertThat(vic.replyCode()).contains(451);
        assertThat(vic.categoryId()).contains("greylisted");
        assertThat(vic.stage()).contains(SmtpStage.RCPT_TO);
    }

    // albertito/chasquid:internal/queue/dsn.go: one notice for a recipient refused for good and one that timed out,
    // each with its own error under "----- Technical details -----"
    @Test
    void chasquidNoticeWithAFailedAndATimedOutRecipientKeepsEachOnesReply() {
        String bounce = """
                From: Mail Delivery System <postmaster-dsn@mail.example.org>
                To: <alice@example.org>
                Subject: Mail delivery failed: returning message to sender
                Message-ID: <chasquid-dsn-77aa@mail.example.org>
                X-Failed-Recipients: wes@example.com, xia@example.net,\s
                Auto-Submitted: auto-replied

                Delivery to the following recipient(s) failed permanently:

                  - wes@example.com
                  - xia@example.net


                ----- Technical details -----

                - "wes@example.com" (EMAIL) failed permanently with error:
                    MAIL+RCPT 550 5.1.1 <wes@example.com>: Recipient address rejected: User unknown

                - "xia@example.net" (EMAIL) failed repeatedly and timed out, last error:
                    MAIL+RCPT 452 4.2.2 <xia@example.net>: Mailbox full


                ----- Original message -----

                From: alice@example.org
                To: wes@example.com, xia@example.net
                Subject: Party
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient).containsExactlyInAnyOrder("wes@example.com", "xia@example.net");
        BounceRecipient wes = r.recipients().stream().filter(x -> x.finalRecipient().equals("wes@example.com")).findFirst().orElseThrow();
        assertThat(wes.replyCode()).contains(550);
        assertThat(wes.categoryId()).contains("recipient-unknown");
        BounceRecipient xia = r.recipients().stream().filter(x -> x.finalRecipient().equals("xia@example.net")).findFirst().orElseThrow();
        assertThat(xia.replyCode()).contains(452);
        assertThat(xia.categoryId()).contains("mailbox-full");
    }

    // postalserver/postal:app/models/bounce_message.rb: "Mail Delivery Failed (<subject>)" from "Mail Delivery Service
    // <route address>", no reason at all, the recipient after "Rcpt To:", the sender after "Mail from:", the original attached
    @Test
    void postalNoticeNamesTheRecipientAfterRcptToAndGivesNoReason() {
        String bounce = """
                From: Mail Delivery Service <support@help.example.org>
                To: alice@example.org
                Subject: Mail Delivery Failed (Broken link)
                Message-ID: <5f2a7c1e-1d2b-4c3a-9e8f-0a1b2c3d4e5f@psrp.example.org>
                Mime-Version: 1.0
                Content-Type: multipart/mixed; boundary="--==_mimepart_1"

                ----==_mimepart_1
                Content-Type: text/plain; charset=UTF-8

                This is the mail delivery service responsible for delivering mail to support@help.example.org.

                The message you've sent cannot be delivered. Your original message is attached to this message.

                For further assistance please contact postmaster@help.example.org. Please include the details below to help us identify the issue.

                Message Token: Xk2jQ9@srv7
                Orginal Message ID: <link-3@example.org>
                Mail from: alice@example.org
                Rcpt To: support@help.example.org

                ----==_mimepart_1
                Content-Type: message/rfc822
                Content-Transfer-Encoding: quoted-printable
                Content-Disposition: attachment; filename="Original Message.eml"

                From: alice@example.org
                To: support@help.example.org
                Subject: Broken link
                Message-ID: <link-3@example.org>

                The link on the pricing page is broken.
                ----==_mimepart_1--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient support = only(r);
        assertThat(support.finalRecipient()).isEqualTo("support@help.example.org");
        assertThat(support.replyCode()).isEmpty();
        assertThat(support.categoryId()).contains("unknown"); // the notice says nothing about why
        assertThat(r.originalSubject()).contains("Broken link");
    }

    // ossilator/masqmail:tpl/warnmsg.tpl.fr: the French text, then the same in English, each section with its own list of
    // the deferred recipients and the error
    @Test
    void masqmailFrenchWarningListsTheRecipientTwiceAndIsADelay() {
        String bounce = """
                Subject: Attention: impossible d'envoyer un message
                From: MAILER-DAEMON@box.example.org
                To: <alice@example.org>
                MIME-Version: 1.0
                Content-Type: multipart/mixed;
                        boundary="1hGbcd-0005Cd-9e/box.example.org"

                Ce message est encapsule avec le format MIME.
                This is a MIME-encapsulated message.

                --1hGbcd-0005Cd-9e/box.example.org
                Content-Description: Notification
                Content-Type: text/plain;
                  charset=utf-8

                [ENGLISH BELOW]

                ------------------------------[ FRANCAIS ]------------------------------

                Ce message vous a été envoyé par le serveur de messagerie
                (masqmail 0.3.6) sur box.example.org.

                J'ai le regret de vous informer que votre courrier n'a pas pu être transmis
                à tous ses destinataires. L'expédition vers les destinataires suivants a été
                différée:

                	<eve@example.fr>

                D'autres tentatives d'envoi vont être effectuées, jusqu'à ce que cela
                réussisse ou dépasse une certaine limite dans le temps. Dans ce cas, vous
                recevrez une notification d'échec d'expédition.


                Ce message d'erreur peut peut-être vous aider à déterminer l'origine du
                délai:

                while connected with mx.example.fr, the server replied
                	421 4.3.2 Service not available, closing transmission channel

                Si vous avez besoin d'aide, écrivez à <postmaster@box.example.org>.

                Les entêtes de votre message sont inclus en pièce jointe.


                ------------------------------[ ENGLISH ]------------------------------

                This message was sent to you by the mailer daemon (masqmail 0.3.6)
                at box.example.org.

                Sorry, but your mail could not yet be delivered to all recipients.
                Delivery to the following recipients has been defered:

                	<eve@example.fr>

                Delivery will be tried again, until it is either successfull or a
                timeout has been reached. If the latter happens, you will get a
                delivery failure notice.


                This error message may give you a hint about what caused the
                delay:

                while connected with mx.example.fr, the server replied
                	421 4.3.2 Service not available, closing transmission channel

                If you need help, write to <postmaster@box.example.org>.

                The headers of your message follow attached:

                --1hGbcd-0005Cd-9e/box.example.org
                Content-Description: Undelivered Message Headers
                Content-Type: message/rfc822

                From: Alice <alice@example.org>
                To: eve@example.fr
                Subject: Rendez-vous

                --1hGbcd-0005Cd-9e/box.example.org--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.DELAYED);
        BounceRecipient eve = only(r);
        assertThat(eve.finalRecipient()).isEqualTo("eve@example.fr");
        assertThat(eve.replyCode()).contains(421);
        assertThat(eve.status()).contains("4.3.2");
        assertThat(eve.categoryId()).contains("service-unavailable");
    }

    // dovecot/core:src/lib-lda/mail-send.c (mail_send_rejection): a Sieve "reject" answers with an MDN, not a DSN:
    // "Rejected: <subject>", the lda rejection_reason text "Your message to <rcpt> was automatically rejected:" and the
    // script's reason, a message/disposition-notification part naming the Final-Recipient, "Auto-Submitted: auto-replied
    // (rejected)"; the reason may name another address to write to, which is no recipient
    @Test
    void dovecotSieveRejectIsAFailureOfTheFinalRecipientItsReportNames() {
        String bounce = """
                Message-ID: <dovecot-1733155200-4711-0@imap.example.org>
                Date: Mon, 02 Dec 2024 17:00:00 +0100
                From: Postmaster <postmaster@example.org>
                To: <alice@example.net>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=disposition-notification;
                	boundary="4711/imap.example.org"
                Subject: Rejected: Conference offer
                Auto-Submitted: auto-replied (rejected)
                Precedence: bulk

                This is a MIME-encapsulated message

                --4711/imap.example.org
                Content-Type: text/plain; charset=utf-8
                Content-Disposition: inline
                Content-Transfer-Encoding: 8bit

                Your message to <carl@example.org> was automatically rejected:
                I do not accept messages from this address. Please write to office@example.org instead.
                --4711/imap.example.org
                Content-Type: message/disposition-notification

                Reporting-UA: imap.example.org; Dovecot Mail Delivery Agent
                Final-Recipient: rfc822; carl@example.org
                Original-Message-ID: <offer-8@example.net>
                Disposition: automatic-action/MDN-sent-automatically; deleted

                --4711/imap.example.org
                Content-Type: message/rfc822

                From: alice@example.net
                To: carl@example.org
                Subject: Conference offer
                Message-ID: <offer-8@example.net>


                --4711/imap.example.org--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient carl = only(r);
        assertThat(carl.finalRecipient()).isEqualTo("carl@example.org");
        assertThat(carl.categoryId()).contains("recipient-refused");
    }

    // dovecot/core:src/lib-lda/mail-send.c: a delivery refused for a full mailbox is reported as a DSN (Status 5.2.2, no
    // Diagnostic-Code) under the same "Rejected: <subject>" and rejection text
    @Test
    void dovecotQuotaRejectionIsAFullMailbox() {
        String bounce = """
                Message-ID: <dovecot-1733155300-4712-0@imap.example.org>
                Date: Mon, 02 Dec 2024 17:01:40 +0100
                From: Postmaster <postmaster@example.org>
                To: <alice@example.net>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="4712/imap.example.org"
                Subject: Rejected: Slides
                Auto-Submitted: auto-replied (rejected)
                Precedence: bulk

                This is a MIME-encapsulated message

                --4712/imap.example.org
                Content-Type: text/plain; charset=utf-8
                Content-Disposition: inline
                Content-Transfer-Encoding: 8bit

                Your message to <dina@example.org> was automatically rejected:
                Quota exceeded (mailbox for user is full)
                --4712/imap.example.org
                Content-Type: message/delivery-status

                Reporting-MTA: dns; imap.example.org
                Final-Recipient: rfc822; dina@example.org
                Action: failed
                Status: 5.2.2

                --4712/imap.example.org
                Content-Type: message/rfc822

                From: alice@example.net
                To: dina@example.org
                Subject: Slides


                --4712/imap.example.org--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient dina = only(r);
        assertThat(dina.finalRecipient()).isEqualTo("dina@example.org");
        assertThat(dina.status()).contains("5.2.2");
        assertThat(dina.categoryId()).contains("mailbox-full");
    }

    // RFC 8098: the same report type with the disposition "displayed" is a read receipt, which refuses nothing
    @Test
    void aReadReceiptIsNoRefusal() {
        String receipt = """
                From: Carl <carl@example.org>
                To: alice@example.net
                Subject: Read: Conference offer
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=disposition-notification; boundary="r1"

                --r1
                Content-Type: text/plain; charset=utf-8

                The message sent to carl@example.org was displayed.
                --r1
                Content-Type: message/disposition-notification

                Reporting-UA: mail.example.org; Example Mail 4.2
                Final-Recipient: rfc822; carl@example.org
                Original-Message-ID: <offer-8@example.net>
                Disposition: manual-action/MDN-sent-manually; displayed

                --r1--
                """;
        BounceReport r = Bounces.explain(bytes(receipt), EN);
        assertThat(r.kind()).isNotIn(BounceKind.FAILED, BounceKind.DELAYED);
        assertThat(r.failures()).isEmpty();
    }

    // cyrusimap/cyrus-imapd (imap/lmtp_sieve.c, send_rejection): "Automatically rejected mail" from "Mail Sieve Subsystem",
    // text that never names the recipient ("Your message was automatically rejected by Sieve … The following reason was
    // given:"), the recipient only in the disposition-notification part
    @Test
    void cyrusSieveRejectNamesTheRecipientOnlyInItsDispositionReport() {
        String bounce = """
                Message-ID: <cmu-sieve-2231-1733155500-0@imap.example.org>
                Date: Mon, 2 Dec 2024 17:05:00 +0100
                X-Sieve: CMU Sieve 3.0
                From: Mail Sieve Subsystem <postmaster@imap.example.org>
                To: <alice@example.net>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=disposition-notification;
                	boundary="2231/imap.example.org"
                Subject: Automatically rejected mail
                Auto-Submitted: auto-replied (rejected)

                This is a MIME-encapsulated message

                --2231/imap.example.org
                Content-Type: text/plain; charset=utf-8
                Content-Disposition: inline
                Content-Transfer-Encoding: 8bit

                Your message was automatically rejected by Sieve, a mail
                filtering language.

                The following reason was given:
                The recipient does not wish to receive your messages.

                --2231/imap.example.org
                Content-Type: message/disposition-notification

                Reporting-UA: imap.example.org; Cyrus 3.8.1/3.0
                Final-Recipient: rfc822; fay@example.org
                Original-Message-ID: <survey-2@example.net>
                Disposition: automatic-action/MDN-sent-automatically; deleted

                --2231/imap.example.org
                Content-Type: message/rfc822

                From: alice@example.net
                To: fay@example.org
                Subject: Survey
                Message-ID: <survey-2@example.net>

                --2231/imap.example.org--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient fay = only(r);
        assertThat(fay.finalRecipient()).isEqualTo("fay@example.org");
        assertThat(fay.categoryId()).contains("recipient-refused");
    }

    // KumoCorp/kumomta:crates/kumo-log-types/src/rfc3464.rs (kumo.generate_rfc3464_message): "Returned mail" from "Mail
    // Delivery Subsystem", the text "… addressed to <rcpts>. / While communicating with <host> (<ip>): / Response: <reply>",
    // a Status field whose comment is the reply's words without parentheses ("5.1.1 The email account …")
    @Test
    void kumoMtaBounceWithTheRepliesWordsAfterItsStatus() {
        String bounce = """
                Content-Type: multipart/report; boundary="report-boundary-9f1c"; report-type="delivery-status"
                Subject: Returned mail
                Mime-Version: 1.0
                Message-ID: <1f0e6a2c-b0c1-11ef-9a3b-52540012ab34@mta1.example.org>
                To: alice@example.org
                From: Mail Delivery Subsystem <mailer-daemon@mta1.example.org>

                --report-boundary-9f1c
                Content-Type: text/plain;
                	charset="us-ascii"

                The message was received at Mon, 2 Dec 2024 18:00:00 +0000
                from alice@example.org and addressed to gil@example.com.
                While communicating with mx.example.com (192.0.2.25):
                Response: 550 5.1.1 The email account that you tried to reach does not exist.

                The message will be deleted from the queue.
                No further attempts will be made to deliver it.
                --report-boundary-9f1c
                Content-Type: message/delivery-status;
                	charset="us-ascii"

                Reporting-MTA: dns; mta1.example.org
                Arrival-Date: Mon, 2 Dec 2024 18:00:00 +0000

                Final-Recipient: rfc822;gil@example.com
                Action: failed
                Status: 5.1.1 The email account that you tried to reach does not exist.
                Remote-MTA: dns; mx.example.com
                Diagnostic-Code: smtp; 550 5.1.1 The email account that you tried to reach does not exist.
                Last-Attempt-Date: Mon, 2 Dec 2024 18:00:02 +0000

                --report-boundary-9f1c--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient gil = only(r);
        assertThat(gil.finalRecipient()).isEqualTo("gil@example.com");
        assertThat(gil.replyCode()).contains(550);
        assertThat(gil.status()).contains("5.1.1");
        assertThat(gil.categoryId()).contains("recipient-unknown");
    }

    // KumoCorp/kumomta (rfc3464.rs, queue.rs): a message that outlived its max_age is reported with KumoMTA's own
    // "551 5.4.7 Next delivery time would be … which exceeds max_age=…", no Remote-MTA, "Status: <reply>" in the text
    @Test
    void kumoMtaExpirationIsAnExpiredDelivery() {
        String bounce = """
                Content-Type: multipart/report; boundary="report-boundary-77aa"; report-type="delivery-status"
                Subject: Returned mail
                Mime-Version: 1.0
                To: alice@example.org
                From: Mail Delivery Subsystem <mailer-daemon@mta1.example.org>

                --report-boundary-77aa
                Content-Type: text/plain;
                	charset="us-ascii"

                The message was received at Sat, 30 Nov 2024 18:00:00 +0000
                from alice@example.org and addressed to hugo@example.net.
                Status: 551 5.4.7 Next delivery time would be 2days 1h after creation, which exceeds max_age=2days
                The message will be deleted from the queue.
                No further attempts will be made to deliver it.
                --report-boundary-77aa
                Content-Type: message/delivery-status;
                	charset="us-ascii"

                Reporting-MTA: dns; mta1.example.org
                Arrival-Date: Sat, 30 Nov 2024 18:00:00 +0000

                Final-Recipient: rfc822;hugo@example.net
                Action: failed
                Status: 5.4.7 Next delivery time would be 2days 1h after creation, which exceeds max_age=2days
                Diagnostic-Code: smtp; 551 5.4.7 Next delivery time would be 2days 1h after creation, which exceeds max_age=2days
                Last-Attempt-Date: Mon, 2 Dec 2024 17:00:00 +0000

                --report-boundary-77aa--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient hugo = only(r);
        assertThat(hugo.finalRecipient()).isEqualTo("hugo@example.net");
        assertThat(hugo.status()).contains("5.4.7");
        assertThat(hugo.categoryId()).contains("delivery-expired");
    }

    // stalwartlabs/mail-server:crates/smtp/src/queue/dsn.rs: failures that are no reply get Status 4.0.0 / 5.0.0, no
    // Diagnostic-Code, and their cause only in the text: "(connection to 'h' failed: …)", "(failed to lookup 'd': …)";
    // a notice with both is "Warning: Temporary and permanent failures during message delivery"
    @Test
    void stalwartFailuresThatAreNoReplyAreReadFromTheirTextLines() {
        String bounce = """
                From: "Mail Delivery Subsystem" <MAILER-DAEMON@mail.example.org>
                To: alice@example.org
                Auto-Submitted: auto-generated
                Subject: Warning: Temporary and permanent failures during message delivery
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type="delivery-status"; boundary="b10"

                --b10
                Content-Type: text/plain; charset="utf-8"

                Your message could not be delivered to some recipients:

                    ----- There was a temporary problem delivering to these addresses -----
                <kay@example.net> (connection to 'mx.example.net' failed: Connection refused (os error 111))

                    ----- Delivery to the following addresses failed -----
                <lee@nowhere.example> (failed to lookup 'nowhere.example': Domain not found)

                --b10
                Content-Type: message/delivery-status

                Reporting-MTA: dns;mail.example.org
                Arrival-Date: Mon, 2 Dec 2024 13:00:00 +0000

                Final-Recipient: rfc822;kay@example.net
                Action: delayed
                Status: 4.0.0
                Remote-MTA: dns;mx.example.net
                Will-Retry-Until: Thu, 5 Dec 2024 13:00:00 +0000

                Final-Recipient: rfc822;lee@nowhere.example
                Action: failed
                Status: 5.0.0

                --b10--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient).containsExactly("kay@example.net", "lee@nowhere.example");
        BounceRecipient kay = r.recipients().get(0);
        assertThat(kay.action()).isEqualTo("delayed");
        assertThat(kay.categoryId()).contains("network-error"); // the rule set's reading of a relay's refused connection
        assertThat(kay.stage()).contains(SmtpStage.CONNECT);
        BounceRecipient lee = r.recipients().get(1);
        assertThat(lee.action()).isEqualTo("failed");
        assertThat(lee.categoryId()).contains("recipient-domain-unknown");
    }

    // apache/james-project DSNBounce.java: "Failed recipient(s):" appends the addresses with no separator, so two
    // recipients run together in the text; the delivery-status part names each
    @Test
    void jamesDsnBounceWithTwoRecipientsRunTogetherInItsText() {
        String bounce = """
                Return-Path: <>
                From: postmaster@james.example.org
                To: alice@example.org
                Subject: Re: Minutes
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="----=_Part_9"

                ------=_Part_9
                Content-Type: text/plain; charset=us-ascii

                Hi. This is the James mail server at james.example.org.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.  Below
                I include the list of recipients and the reason why I was unable to deliver
                your message.

                Failed recipient(s):
                max@example.comned@example.com

                Error message:
                550 5.1.1 User unknown


                ------=_Part_9
                Content-Type: message/delivery-status

                Reporting-MTA: dns; james.example.org
                Received-From-MTA: dns; 192.0.2.10

                Final-Recipient: rfc822; max@example.com
                Action: failed
                Status: 550 5.1.1 User unknown
                Diagnostic-Code: smtp; 550 5.1.1 User unknown
                Last-Attempt-Date: Mon, 2 Dec 2024 14:20:00 +0000 (UTC)

                Final-Recipient: rfc822; ned@example.com
                Action: failed
                Status: 550 5.1.1 User unknown
                Diagnostic-Code: smtp; 550 5.1.1 User unknown
                Last-Attempt-Date: Mon, 2 Dec 2024 14:20:00 +0000 (UTC)

                ------=_Part_9--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient).containsExactly("max@example.com", "ned@example.com");
        for (BounceRecipient x : r.recipients()) {
            assertThat(x.replyCode()).contains(550);
            assertThat(x.status()).contains("5.1.1");
            assertThat(x.categoryId()).contains("recipient-unknown");
        }
    }

    // slimta/python-slimta:slimta/bounce.py (default_header_template): "Delivery failed for:" and a "- " list of the
    // recipients, then one "Destination host responded:" reply for all of them; its delivery-status part has no
    // per-recipient group at all, only Received-From-MTA, Remote-MTA and the Diagnostic-Code; "From: MAILER-DAEMON" bare
    @Test
    void slimtaReplyStatedOnceForAllRecipientsAndAPerMessageOnlyDeliveryStatus() {
        String bounce = """
                From: MAILER-DAEMON
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                    boundary="boundary_=3f2a9c1d0e8b4a7f9c6d5e4f3a2b1c0d"
                Content-Transfer-Encoding: 7bit

                This is a multi-part message in MIME format.

                --boundary_=3f2a9c1d0e8b4a7f9c6d5e4f3a2b1c0d
                Content-Type: text/plain

                Delivery failed for:
                - ola@example.com
                - pia@example.com

                Destination host responded:
                550 5.1.1 No such mailbox

                --boundary_=3f2a9c1d0e8b4a7f9c6d5e4f3a2b1c0d
                Content-Type: message/delivery-status

                Received-From-MTA: dns; client.example.org (192.0.2.10)
                Remote-MTA: dns; mx.example.com
                Diagnostic-Code: smtp; 550 5.1.1 No such mailbox

                --boundary_=3f2a9c1d0e8b4a7f9c6d5e4f3a2b1c0d
                Content-Type: text/rfc822-headers

                From: alice@example.org
                To: ola@example.com, pia@example.com
                Subject: Tickets

                --boundary_=3f2a9c1d0e8b4a7f9c6d5e4f3a2b1c0d--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient).containsExactly("ola@example.com", "pia@example.com");
        for (BounceRecipient x : r.recipients()) {
            assertThat(x.replyCode()).contains(550);
            assertThat(x.status()).contains("5.1.1");
            assertThat(x.categoryId()).contains("recipient-unknown");
        }
    }

    /** masqmail's failure notice (ossilator/masqmail:src/fail_msg.c) for two recipients and one server reply. */
    private static String masqmailFailureForQuinAndRosa(String reply) {
        return """
                Subject: Mail Delivery Failure Notice
                From: MAILER-DAEMON@box.example.org
                To: <alice@example.org>
                MIME-Version: 1.0
                Content-Type: multipart/mixed;
                        boundary="1hGx-0001/box.example.org"

                This is a MIME-encapsulated message.

                --1hGx-0001/box.example.org
                Content-Description: Notification
                Content-Type: text/plain

                This message was sent to you by the mailer daemon (masqmail 0.3.6)
                at box.example.org.

                Sorry, but your mail could not be delivered to all recipients.
                Delivery to the following recipients failed permanently and has been given
                up:

                	<quin@example.com>
                	<rosa@example.com>

                This error message may give you a hint about what caused the
                failure:

                while connected with mx.example.com, the server replied
                	%s

                If you need help, write to <postmaster@box.example.org>.

                --1hGx-0001/box.example.org--
                """.formatted(reply);
    }

    // ossilator/masqmail:src/fail_msg.c: several failed recipients, one "\t<addr>" line each, and one error for the whole
    // notice (the server's last reply): a reply that names nobody is every listed recipient's
    @Test
    void masqmailOneErrorForSeveralRecipientsIsEachOnesWhenItNamesNone() {
        String bounce = masqmailFailureForQuinAndRosa("554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org");
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient).containsExactly("quin@example.com", "rosa@example.com");
        for (BounceRecipient x : r.recipients()) {
            assertThat(x.replyCode()).contains(554);
            assertThat(x.categoryId()).contains("sender-blocked");
        }
    }

    // ossilator/masqmail:src/fail_msg.c: the same notice whose one error names one of the listed recipients is that
    // recipient's, not the others'
    @Test
    void masqmailOneErrorThatNamesOneRecipientIsOnlyThatOnes() {
        String bounce = masqmailFailureForQuinAndRosa("550 5.1.1 <rosa@example.com>: Recipient address rejected: User unknown");
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient).containsExactly("quin@example.com", "rosa@example.com");
        assertThat(r.recipients().get(0).replyCode()).isEmpty();
        assertThat(r.recipients().get(1).replyCode()).contains(550);
        assertThat(r.recipients().get(1).categoryId()).contains("recipient-unknown");
    }

    // zone-eu/zone-mta:plugins/core/email-bounce.js: Gmail's old wording ("Delivery to the following recipient failed
    // permanently:", "Technical details of permanent failure:"), X-Failed-Recipients, and a DSN whose Status is always
    // 5.0.0, the reply in the Diagnostic-Code
    @Test
    void zoneMtaBounceWithAGenericStatusAndTheReplyInItsDiagnosticCode() {
        String bounce = """
                Content-Type: multipart/report; report-type=delivery-status;
                 boundary="--_NmP-5d1b9c0e2f3a4b5c-Part_1"
                From: Mail Delivery Subsystem <mailer-daemon@zone.example.org>
                To: alice@example.org
                X-Sending-Zone: default
                X-Failed-Recipients: sue@example.com
                Auto-Submitted: auto-replied
                Subject: Delivery Status Notification (Failure)
                In-Reply-To: <agenda-4@example.org>
                References: <agenda-4@example.org>
                MIME-Version: 1.0

                ----_NmP-5d1b9c0e2f3a4b5c-Part_1
                Content-Type: text/plain
                Content-Description: Notification
                Content-Transfer-Encoding: 7bit

                Delivery to the following recipient failed permanently:
                    sue@example.com

                Technical details of permanent failure:

                554 5.7.1 Service unavailable; Client host [192.0.2.30] blocked using zen.spamhaus.org


                ----_NmP-5d1b9c0e2f3a4b5c-Part_1
                Content-Type: message/delivery-status
                Content-Description: Delivery report
                Content-Transfer-Encoding: 7bit

                Reporting-MTA: dns; zone.example.org
                X-ZoneMTA-Queue-ID: 17a2b3c4d5e0001
                X-ZoneMTA-Sender: rfc822; alice@example.org
                Arrival-Date: Mon, 02 Dec 2024 19:00:00 +0000

                Final-Recipient: rfc822; sue@example.com
                Action: failed
                Status: 5.0.0
                Remote-MTA: dns; mx.example.com
                Diagnostic-Code: smtp; 554 5.7.1 Service unavailable; Client host [192.0.2.30] blocked using zen.spamhaus.org


                ----_NmP-5d1b9c0e2f3a4b5c-Part_1
                Content-Type: text/rfc822-headers
                Content-Description: Undelivered Message Headers

                From: alice@example.org
                To: sue@example.com
                Subject: Agenda
                Message-ID: <agenda-4@example.org>

                ----_NmP-5d1b9c0e2f3a4b5c-Part_1--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient sue = only(r);
        assertThat(sue.finalRecipient()).isEqualTo("sue@example.com");
        assertThat(sue.replyCode()).contains(554);
        assertThat(sue.status()).contains("5.7.1");
        assertThat(sue.categoryId()).contains("sender-blocked");
    }

    // Citadel, SegHaxx/citadel-gay:citadel/modules/smtp/smtp_util.c (smtp_do_bounce, a copy of Citadel's source): "Delivery Status Notification (Failure)"
    // from Citadel, "The following addresses were undeliverable:" and one "<addr>: <reply>" line each, no delivery status
    @Test
    void citadelListsEachAddressWithItsReplyOnOneLine() {
        String bounce = """
                From: "Citadel" <citadel@bbs.example.org>
                To: alice@example.org
                Subject: Delivery Status Notification (Failure)
                Content-type: multipart/mixed; boundary="=_Citadel_Multipart_bbs.example.org_1a2b0001"
                MIME-Version: 1.0
                X-Mailer: Citadel Server

                This is a multipart message in MIME format.

                --=_Citadel_Multipart_bbs.example.org_1a2b0001
                Content-type: text/plain

                A message you sent could not be delivered to some or all of its recipients.
                The following addresses were undeliverable:

                tess@example.com: 550 5.1.1 <tess@example.com>: Recipient address rejected: User unknown
                --=_Citadel_Multipart_bbs.example.org_1a2b0001--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient tess = only(r);
        assertThat(tess.finalRecipient()).isEqualTo("tess@example.com");
        assertThat(tess.replyCode()).contains(550);
        assertThat(tess.categoryId()).contains("recipient-unknown");
    }

    // Citadel smtp_util.c (SDB_WARN): the warning keeps the failure's subject and calls the addresses "undeliverable",
    // but says "Citadel will continue attempting delivery for five days." and lists 4xx replies: a delay
    @Test
    void citadelWarningThatWillContinueAttemptingDeliveryIsADelay() {
        String bounce = """
                From: "Citadel" <citadel@bbs.example.org>
                To: alice@example.org
                Subject: Delivery Status Notification (Failure)
                Content-type: multipart/mixed; boundary="=_Citadel_Multipart_bbs.example.org_1a2b0002"
                MIME-Version: 1.0
                X-Mailer: Citadel Server

                This is a multipart message in MIME format.

                --=_Citadel_Multipart_bbs.example.org_1a2b0002
                Content-type: text/plain

                A message you sent has not been delivered to some or all of its recipients.
                Citadel will continue attempting delivery for five days.
                The following addresses were undeliverable:

                uma@example.net: 451 4.7.1 Greylisted, please try again in 5 minutes
                --=_Citadel_Multipart_bbs.example.org_1a2b0002--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.DELAYED);
        BounceRecipient uma = only(r);
        assertThat(uma.finalRecipient()).isEqualTo("uma@example.net");
        assertThat(uma.replyCode()).contains(451);
        assertThat(uma.categoryId()).contains("greylisted");
    }

    // bruceg/nullmailer:src/dsn.cc (nullmailer-dsn): the delay notice keeps the failure's subject "Returned mail: Could
    // not send message"; its text says the message "has not been delivered" and "Delivery will continue to be attempted
    // until …", its DSN says Action: delayed, Reporting-MTA typed x-local-hostname
    @Test
    void nullmailerDelayNoticeUnderAReturnedMailSubjectIsADelay() {
        String bounce = """
                From: Message Delivery Subsystem <MAILER-DAEMON@relay.example.org>
                To: <alice@example.org>
                Subject: Returned mail: Could not send message
                Date: Mon, 2 Dec 2024 20:00:00 +0000
                Message-Id: <1733169600.4711.nullmailer@relay.example.org>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="boundary-nullmailer-8f2a1c"

                --boundary-nullmailer-8f2a1c
                Content-Type: text/plain; charset=us-ascii

                This is the nullmailer delivery system.  The message attached below
                has not been delivered to one or more of the intended recipients:

                	<vin@example.net>

                Delivery will continue to be attempted until Thu, 5 Dec 2024 20:00:00 +0000

                A final delivery status notification will be generated if delivery
                proves to be impossible within the configured time limit.

                --boundary-nullmailer-8f2a1c
                Content-Type: message/delivery-status

                Reporting-MTA: x-local-hostname; relay.example.org
                Arrival-Date: Mon, 2 Dec 2024 16:00:00 +0000

                Final-Recipient: rfc822; vin@example.net
                Action: delayed
                Status: 4.4.1
                Last-Attempt-Date: Mon, 2 Dec 2024 19:55:00 +0000
                Remote-MTA: dns; smarthost.example.org
                Diagnostic-Code: smtp; 421 4.4.1 Connection timed out
                Will-Retry-Until: Thu, 5 Dec 2024 20:00:00 +0000

                --boundary-nullmailer-8f2a1c
                Content-Type: message/rfc822

                From: alice@example.org
                To: vin@example.net
                Subject: Weekend

                --boundary-nullmailer-8f2a1c--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.DELAYED);
        BounceRecipient vin = only(r);
        assertThat(vin.finalRecipient()).isEqualTo("vin@example.net");
        assertThat(vin.action()).isEqualTo("delayed");
        assertThat(vin.replyCode()).contains(421);
        assertThat(vin.status()).contains("4.4.1");
        assertThat(vin.categoryId()).contains("network-error");
    }
}
