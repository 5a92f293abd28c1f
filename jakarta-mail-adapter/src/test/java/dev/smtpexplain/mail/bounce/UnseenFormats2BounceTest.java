package dev.smtpexplain.mail.bounce;

import static dev.smtpexplain.mail.bounce.BouncesTest.EN;
import static dev.smtpexplain.mail.bounce.BouncesTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.mail.SmtpStage;
import java.nio.charset.Charset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A second round of bounces and delay notices of mail servers, gateways and providers that neither
 * {@link UnseenFormatsBounceTest} nor the shared bounce set holds: MDaemon, Novell GroupWise's Internet Agent, L-Soft's
 * LSMTP, Smail 3, Netscape Messaging Server, Exchange 5.5's IMS, TeamWARE, an X.400 gateway's multi-part report,
 * MAILsweeper and MIMEsweeper, Symantec's SMTP gateway, a "Delivery status notification" gateway (amenworld, Tiscali),
 * phquery, E500, HotPOP, USA.NET, newmail.ru, Mail.Ru in Russian, Sina in Chinese, qmail in Spanish, a French bank's
 * gateway, InterScan Messaging Security Suite, Gordano NTMail, and others. Each is written for this test after a real notice published as another project's test data (cited per
 * test: the files are real bounces that Mailman's bounce detector flufl.bounce, Perl's Mail::DeliveryStatus::BounceParser,
 * PHP-Bounce-Handler and deltachat-core-rust keep as fixtures); addresses and hosts are example ones. One is a complaint,
 * not a bounce: Hotmail's non-ARF junk mail report.
 */
class UnseenFormats2BounceTest {

    private static BounceRecipient only(BounceReport r) {
        assertThat(r.recipients()).hasSize(1);
        return r.recipients().get(0);
    }

    private static List<String> addresses(BounceReport r) {
        return r.recipients().stream().map(BounceRecipient::finalRecipient).toList();
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/simple_01.txt (MDaemon): "Permanent Delivery Failure", the recipients
    // after "> ", then MDaemon's own session transcript with the RCPT the remote server refused
    @Test
    void mdaemonPermanentFailureQuotesItsSessionTranscript() {
        String bounce = """
                From: MDaemon@mail.example.org
                To: alice@example.org
                Subject: Permanent Delivery Failure
                Date: Sun, 18 Feb 2001 02:26:12 -0500
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="0218-0226-12-PART-BREAK"

                   The following data may contain sections which represent BASE64 encoded
                   file attachments.  These sections will be unreadable without MIME aware
                   tools.  Seek your system administrator if you need help extracting any
                   files which may be embedded within this message.

                --0218-0226-12-PART-BREAK
                Content-Type: text/plain; charset=US-ASCII
                Content-Transfer-Encoding: 7bit

                The attached message had PERMANENT fatal delivery errors!

                After one or more unsuccessful delivery attempts the attached message has
                been removed from the mail queue on this server.  The number and frequency
                of delivery attempts are determined by local configuration parameters.

                YOUR MESSAGE WAS NOT DELIVERED!

                The following addresses did NOT receive a copy of your message:

                > bob@example.com

                --- Session Transcript ---
                 Attempting SMTP connection to [192.0.2.30 : 25]
                 Waiting for socket connection...
                 Socket connection established
                 Waiting for protocol initiation...
                 220 example.com ESMTP MDaemon 3.5.2 ready
                 EHLO mail.example.org
                 250-example.com Hello mail.example.org, ESMTP hello!
                 250 SIZE 40000000
                 MAIL From:<alice@example.org> SIZE=1861
                 250 <alice@example.org>, Sender ok
                 RCPT To:<bob@example.com>
                 552 Message for <bob@example.com> would exceed mailbox quota
                 QUIT
                --- End Transcript ---

                : Message contains [1] file attachments

                --0218-0226-12-PART-BREAK
                Content-Type: message/rfc822; charset=US-ASCII; name="md50002271709.md"
                Content-Transfer-Encoding: 7bit

                From: Alice <alice@example.org>
                To: bob@example.com
                Subject: Club news
                Message-ID: <news-1@example.org>

                The club meets on Friday.

                --0218-0226-12-PART-BREAK--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient bob = only(r);
        assertThat(bob.finalRecipient()).isEqualTo("bob@example.com");
        assertThat(bob.replyCode()).contains(552);
        assertThat(bob.categoryId()).contains("mailbox-full");
        assertThat(bob.stage()).contains(SmtpStage.RCPT_TO);
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/simple_27.txt (MDaemon Pro 5): a local unknown user, its subject
    // "Warning: <address> - User unknown!" and one line "<address> - no such user here."
    @Test
    void mdaemonUnknownLocalUserIsAFailureDespiteItsWarningSubject() {
        String bounce = """
                From: MDaemon@mail.example.net
                To: alice@example.org
                Subject: Warning: carl@mail.example.net - User unknown!
                Date: Tue, 11 Apr 2006 06:30:59 -0300
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="0411-0630-59-PART-BREAK"

                   The following data may contain sections which represent BASE64 encoded
                   file attachments.  These sections will be unreadable without MIME aware
                   tools.  Seek your system administrator if you need help extracting any
                   files which may be embedded within this message.

                --0411-0630-59-PART-BREAK
                Content-Type: text/plain; charset=US-ASCII
                Content-Transfer-Encoding: 7bit

                carl@mail.example.net - no such user here.

                There is no user by that name at this server.

                : Message contains [1] file attachments

                --0411-0630-59-PART-BREAK
                Content-Type: message/rfc822; charset=US-ASCII; name="pd75019146383.md"
                Content-Transfer-Encoding: 7bit

                Return-path: <alice@example.org>
                From: alice@example.org
                To: carl@mail.example.net
                Subject: Ride on Sunday
                Message-ID: <ride-7@example.org>

                Who is coming?

                --0411-0630-59-PART-BREAK--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient carl = only(r);
        assertThat(carl.finalRecipient()).isEqualTo("carl@mail.example.net");
        assertThat(carl.categoryId()).contains("recipient-unknown");
    }

    // rjbs/Mail-DeliveryStatus-BounceParser:t/corpus/novell-with-rhs.msg (Novell GroupWise Internet Agent 7):
    // "Message status - undeliverable", each recipient tab-indented with its reason in parentheses
    @Test
    void groupwiseInternetAgentGivesTheReasonInParentheses() {
        String bounce = """
                From: Mailer-Daemon@gw.example.net
                To: alice@example.org
                Date: Mon, 02 Dec 2024 09:12:40 -0600
                Subject: Message status - undeliverable
                X-Mailer: Novell GroupWise Internet Agent 7.0.1
                Mime-Version: 1.0
                Content-Type: multipart/mixed; boundary="=__PartCEEA9F88.0__="

                This is a MIME message. If you are reading this text, you may want to
                consider changing to a mail reader or gateway that understands how to
                properly handle MIME multipart messages.

                --=__PartCEEA9F88.0__=
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable
                Content-Disposition: inline

                The message that you sent was undeliverable to the following:
                	dora@example.net (user not found)

                --=__PartCEEA9F88.0__=--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient dora = only(r);
        assertThat(dora.finalRecipient()).isEqualTo("dora@example.net");
        assertThat(dora.categoryId()).contains("recipient-unknown");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/simple_18.txt (L-Soft LSMTP for Windows NT): LISTSERV's machine-readable
    // error list, "Error-for:", "Error-Code:", "Error-Text: Mailer <host> said:" and the quoted reply
    @Test
    void lsmtpErrorListQuotesTheRemoteReply() {
        String bounce = """
                From: "LSMTP for Windows NT v1.1b" <postmaster@lists.example.org>
                To: alice@example.org
                Subject: Undelivered mail
                Date: Wed, 7 Jun 2006 05:27:04 -0400
                MIME-Version: 1.0
                Content-Type: text/plain; charset="us-ascii"

                An error was detected while processing the enclosed message.  A list of
                the affected recipient follows.   This list is in a special format that
                allows software like LISTSERV to automatically take action on incorrect
                addresses; you can safely ignore the numeric codes.

                --> Error description:
                Error-for:  erik@example.com
                Error-Code: 0
                Error-Text: Mailer mail.example.com said:
                            "554 Message looping (received 6 times)"
                Error-End:  One error reported.

                ------------------------------ Original message ------------------------------
                From: alice@example.org
                To: erik@example.com
                Subject: Agenda
                Message-ID: <agenda-2@example.org>

                See you there.
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient erik = only(r);
        assertThat(erik.finalRecipient()).isEqualTo("erik@example.com");
        assertThat(erik.replyCode()).contains(554);
        assertThat(erik.categoryId()).contains("network-error");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/simple_04.txt (Smail 3): bars around "Message log follows",
    // "Failed addresses follow" with "<address> ... unknown host", then "Message text follows"
    @Test
    void smail3ListsFailedAddressesBetweenBars() {
        String bounce = """
                From: <MAILER-DAEMON@mail3.example.net>
                To: alice@example.org
                Subject: mail failed, returning to sender
                Date: Fri, 3 Aug 2001 23:59:51 -0500 (CDT)

                |------------------------- Message log follows: -------------------------|
                 no valid recipients were found for this message
                |------------------------- Failed addresses follow: ---------------------|
                 fred@nowhere.example.com ... unknown host
                |------------------------- Message text follows: ------------------------|
                From: Alice <alice@example.org>
                To: fred@nowhere.example.com
                Subject: Headers
                Message-Id: <hdrs-1@example.org>

                Too many headers again.
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient fred = only(r);
        assertThat(fred.finalRecipient()).isEqualTo("fred@nowhere.example.com");
        assertThat(fred.categoryId()).contains("recipient-domain-unknown");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/netscape_01.txt (Netscape Messaging Server): "Mail System Error -
    // Returned Mail", a queue expiry, one "The following recipients did not receive your message:" per recipient and a
    // delivery-status part with no recipient fields at all
    @Test
    void netscapeMessagingServerExpiryNamesEachRecipientUnderItsOwnHeading() {
        String bounce = """
                To: alice@example.org
                From: Mail Administrator <Postmaster@ns.example.com>
                Reply-To: Mail Administrator <Postmaster@ns.example.com>
                Subject: Mail System Error - Returned Mail
                Date: Fri, 26 May 2000 17:14:07 -0400
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	Boundary="===========================_ _= 461730(24445)"

                --===========================_ _= 461730(24445)
                Content-Type: text/plain; charset=us-ascii
                Content-Transfer-Encoding: 7bit

                This Message was undeliverable due to the following reason:

                Your message was not delivered because the destination computer was
                not reachable within the allowed queue period.  The amount of time
                a message is queued before it is returned depends on local configura-
                tion parameters.

                Most likely there is a network problem that prevented delivery, but
                it is also possible that the computer is turned off, or does not
                have a mail system running right now.

                Your message was not delivered within 2 days.
                Host example.com is not responding.

                The following recipients did not receive your message:

                     <gina@example.com>
                The following recipients did not receive your message:

                     <hal@example.com>

                Please reply to Postmaster@ns.example.com
                if you feel this message to be in error.


                --===========================_ _= 461730(24445)
                Content-Type: message/delivery-status
                Content-Disposition: inline
                Content-Transfer-Encoding: 7bit


                Reporting-MTA: dns; ns.example.com
                Arrival-Date: Wed, 24 May 2000 16:50:34 -0400

                --===========================_ _= 461730(24445)
                Content-Type: message/rfc822

                From: alice@example.org
                To: gina@example.com, hal@example.com
                Subject: Release plan
                Message-ID: <plan-3@example.org>

                Draft attached.

                --===========================_ _= 461730(24445)--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(addresses(r)).containsExactlyInAnyOrder("gina@example.com", "hal@example.com");
        for (BounceRecipient x : r.recipients()) {
            assertThat(x.categoryId()).contains("delivery-expired");
        }
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/microsoft_01.txt (Exchange 5.5 Internet Mail Service): "Your message ...
    // did not reach the following recipient(s):", the recipient as an X.400 address with its "dda:SMTP=" part, then
    // "The recipient name is not recognized" and the MSEXCH:IMS diagnostic
    @Test
    void exchange55ImsNamesTheRecipientInsideItsX400Address() {
        String bounce = """
                From: System Administrator <postmaster@example.com>
                To: alice@example.org
                Subject: Undeliverable: RE: Waiver draft
                Date: Fri, 4 Oct 2002 17:12:35 -0400
                MIME-Version: 1.0
                Content-Type: multipart/mixed;
                	boundary="----_=_NextPart_000_01C26BEA.C2970D56"

                This message is in MIME format. Since your mail reader does not understand
                this format, some or all of this message may not be legible.

                ------_=_NextPart_000_01C26BEA.C2970D56
                Content-Type: text/plain;
                	charset="iso-8859-1"

                Your message

                  To:      list@example.org
                  Subject: RE: Waiver draft
                  Sent:    Fri, 4 Oct 2002 17:10:56 -0400

                did not reach the following recipient(s):

                c=US;a= ;p=EXAMPLE;o=Nexus2;dda:SMTP=IVAN@EXAMPLE.COM; on Fri, 4 Oct 2002
                17:12:28 -0400
                    The recipient name is not recognized
                	The MTS-ID of the original message is: c=us;a=
                ;p=example;l=EX01-IMS-010210042112TX06SNVK
                    MSEXCH:IMS:EXAMPLE:Nexus2:EX01-IMS-01 0 (000C05A6) Unknown Recipient



                ------_=_NextPart_000_01C26BEA.C2970D56
                Content-Type: message/rfc822

                From: Alice <alice@example.org>
                To: list@example.org
                Subject: RE: Waiver draft
                Message-ID: <waiver-1@example.org>

                One more time, slowly.

                ------_=_NextPart_000_01C26BEA.C2970D56--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient ivan = only(r);
        assertThat(ivan.finalRecipient()).isEqualToIgnoringCase("ivan@example.com");
        assertThat(ivan.categoryId()).contains("recipient-unknown");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/dsn_12.txt (TeamWARE Connector for MIME): a one-line text
    // "<address> (failed: Bad destination mailbox address)" and an Action field with a comment
    @Test
    void teamwareConnectorActionCarriesAComment() {
        String bounce = """
                From: Mail Delivery Subsystem <mailer-daemon@tw.example.jp>
                To: alice@example.org
                Subject: Delivery Report
                Date: Sun, 12 Feb 2006 14:47:24 +0900
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="12006021214472475"

                --12006021214472475
                Content-Type: text/plain; charset=us-ascii

                   ----- The following addresses have delivery notifications -----
                <jun@tw.example.jp> (failed: Bad destination mailbox address)

                --12006021214472475
                Content-Type: message/delivery-status

                Reporting-MTA: SV-03.tw.example.local (TeamWARE Connector for MIME v5.x)
                Original-Envelope-Id: ride.6301@example.org

                Original-Recipient: rfc822;jun@tw.example.jp
                Final-Recipient: rfc822;jun@tw.example.jp
                Action: failed (Bad destination mailbox address)
                Status: 5.1.1

                --12006021214472475--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient jun = only(r);
        assertThat(jun.finalRecipient()).isEqualTo("jun@tw.example.jp");
        assertThat(jun.status()).contains("5.1.1");
        assertThat(jun.categoryId()).contains("recipient-unknown");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/dsn_09.txt (an X.400 gateway's "Multi-Part-Report"): the Final-Recipient
    // is an X.400 address, the Original-Recipient the Internet one; the remote MTA's words are in the text's
    // "Information" line and an X400-Supplementary-Info field, the Diagnostic-Code is X.400's reason
    @Test
    void x400GatewayReportKeepsTheRemoteMtasRelayRefusal() {
        String bounce = """
                From: postmaster@gw.example.net
                To: alice@example.org
                Subject: Delivery Report (failure) for kim@example.com
                Date: Sun, 4 Nov 2001 07:45:32 +0000
                MIME-Version: 1.0
                Content-Type: multipart/report; boundary="---Multi-Part-Report-Level-1-1-2672"

                -----Multi-Part-Report-Level-1-1-2672

                This report relates to your message:
                Subject: test,
                	Message-ID: <test-4@example.org>,
                	To: kim@example.com

                of Sun, 4 Nov 2001 07:45:31 +0000

                Your message was not delivered to:
                	kim@example.com
                for the following reason:
                Diagnostic was Unable to transfer, -1
                Information MTA '192.0.2.133' gives error message 5.7.1 Unable to relay for kim@example.com


                The Original Message follows:

                -----Multi-Part-Report-Level-1-1-2672
                Content-Type: message/delivery-status

                Reporting-MTA: x400; mta gw1 in /ADMD= /C=WW/
                Arrival-Date: Sun, 4 Nov 2001 07:45:00 +0000
                DSN-Gateway: dns; gw1.example.net
                X400-Conversion-Date: Sun, 4 Nov 2001 07:45:32 +0000

                Original-Recipient: rfc822; kim@example.com
                Final-Recipient: x400; /RFC-822=kim(a)example.com/ADMD= /C=WW/
                X400-Originally-Specified-Recipient-Number: 1
                Action: failed
                Diagnostic-Code: Reason 1 (Unable-To-Transfer); Diagnostic -1 (Unknown)
                Status: 5.0.0
                X400-Supplementary-Info: "MTA '192.0.2.133' gives error message 5.7.1 Unable to relay for kim(a)example.com"
                X400-Last-Trace: Sun, 4 Nov 2001 07:45:00 +0000

                -----Multi-Part-Report-Level-1-1-2672
                Content-Type: message/rfc822

                Message-ID: <test-4@example.org>
                From: Alice <alice@example.org>
                To: kim@example.com
                Subject: test,

                test

                -----Multi-Part-Report-Level-1-1-2672--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient kim = only(r);
        assertThat(kim.finalRecipient()).isEqualTo("kim@example.com");
        assertThat(kim.status()).contains("5.7.1");
        assertThat(kim.categoryId()).contains("relay-denied");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/dsn_05.txt (MAILsweeper/VOPmail relay): "Message delayed (<address>)",
    // "Will continue trying for 96 hours", "Last attempt failed because: Can't connect to host"; Action delayed, 4.4.1
    @Test
    void mailsweeperDelayNoticeIsADelayWithTheConnectionFailure() {
        String bounce = """
                From: postmaster@relay.example.cz
                To: alice@example.org
                Subject: Message delayed (lada@example.cz)
                Date: Thu, 22 Mar 2001 03:42:45 +0100
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="45817/808/985225954/VOPmail/relay.example.cz"

                --45817/808/985225954/VOPmail/relay.example.cz
                Content-Type: text/plain

                Your message has been delayed and is still awaiting delivery
                to the following recipient(s):

                lada@example.cz
                	Message delayed


                Your message is delayed
                Message for domain example.cz delayed at relay.example.cz.
                Unable to deliver to domain for 12 hours.
                Will continue trying for 96 hours.
                No action is required on your part.


                Last attempt failed because:
                	Can't connect to host


                --45817/808/985225954/VOPmail/relay.example.cz
                Content-Type: message/delivery-status

                Reporting-MTA: dns; relay.example.cz
                Arrival-Date: Wed, 21 Mar 2001 15:08:54 +0100

                Final-Recipient: rfc822; lada@example.cz
                Action: delayed
                Status: 4.4.1 (Persistent transient failure - routing/network: no answer from host)
                Will-Retry-Until: Mon, 26 Mar 2001 03:42:45 +0100

                --45817/808/985225954/VOPmail/relay.example.cz--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.DELAYED);
        BounceRecipient lada = only(r);
        assertThat(lada.finalRecipient()).isEqualTo("lada@example.cz");
        assertThat(lada.status()).contains("4.4.1");
        // "Can't connect to host" with 4.4.1 ("no answer from host"): the taxonomy's network-error names "no answer", its
        // connection-failed "connection refused or timed out"; either tells the person the same thing
        assertThat(lada.categoryId().orElseThrow()).isIn("connection-failed", "network-error");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/dsn_06.txt (a corporate gateway's "Mail Delivery Delayed" DSN):
    // dash-bulleted sentences, "<address>; Action: Delayed", Status 4.4.0 and Will-Retry-Until
    @Test
    void gatewayDelayDsnWithDashBulletsIsADelay() {
        String bounce = """
                From: Mail Delivery Service <mailadm@gw.example.com>
                To: alice@example.org
                Subject: Delivery Status Notification (Mail Delivery Delayed)
                Date: Sun, 1 Jul 2001 17:07:44 +0200
                MIME-Version: 1.0
                Content-Type: Multipart/Report; report-type=delivery-status; boundary="=========3B3CE20D00004815/gw.example.com"

                This multi-part MIME message contains a Delivery Status Notification.
                If you can see this text, your mail client may not be able to understand MIME
                formatted messages or DSNs (see RFC 2045 through 2049 for general MIME
                information and RFC 1891 through 1894 for DSN specific information).

                --=========3B3CE20D00004815/gw.example.com
                Content-Type: text/plain; charset=us-ascii

                 - This is only a notification about a delay in the delivery of your message.
                 - There is no need to resend your message at this time.
                 - The following recipients have not yet received your message:

                mona@fr.example.com; Action: Delayed

                 - The server will continue trying for up to 21 hours.

                --=========3B3CE20D00004815/gw.example.com
                Content-Type: Message/Delivery-Status

                Reporting-MTA: dns; gw.example.com
                Arrival-Date: Sun, 1 Jul 2001 13:07:44 +0200

                Final-Recipient: rfc822; mona@fr.example.com
                Action: Delayed
                Status: 4.4.0 (other or undefined network or routing status)
                Will-Retry-Until: Mon, 2 Jul 2001 13:07:44 +0200

                --=========3B3CE20D00004815/gw.example.com--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.DELAYED);
        BounceRecipient mona = only(r);
        assertThat(mona.finalRecipient()).isEqualTo("mona@fr.example.com");
        assertThat(mona.status()).contains("4.4.0");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/simple_30.txt (a hosting gateway's "Delivery status notification",
    // boundary "I305M…"): the recipients "* <address>" between rules of "=", the reply under "Technical details:" as
    // "SMTP:RCPT host <ip>: <reply>"
    @Test
    void statusNotificationGatewayGivesTheReplyUnderTechnicalDetails() {
        String bounce = """
                From: Mail Delivery System <Mail.Delivery.System@relay.example.net>
                To: alice@example.org
                Subject: Delivery status notification
                Date: Tue, 17 Oct 2006 08:02:23 +0200
                MIME-Version: 1.0
                Content-Type: multipart/report; boundary="------------I305M09060309060P_013011610664690"

                This is a multi-part message in MIME format.

                --------------I305M09060309060P_013011610664690
                Content-Type: text/plain; charset=UTF-8;
                Content-Transfer-Encoding: 8bit

                ============================================================================
                      This is an automatically generated Delivery Status Notification.

                Delivery to the following recipients failed permanently:

                   * nina@example.com

                ============================================================================
                                             Technical details:

                SMTP:RCPT host 192.0.2.102: 553 5.3.0 <nina@example.com>... No such user here

                ============================================================================


                --------------I305M09060309060P_013011610664690
                Content-Type: message/rfc822; charset=UFT-8;
                Content-Transfer-Encoding: 8bit
                Content-Disposition: attachment

                From: alice@example.org
                To: nina@example.com
                Subject: Results
                Message-ID: <results-9@example.org>

                Here are the results.

                --------------I305M09060309060P_013011610664690--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient nina = only(r);
        assertThat(nina.finalRecipient()).isEqualTo("nina@example.com");
        assertThat(nina.replyCode()).contains(553);
        assertThat(nina.status()).contains("5.3.0");
        assertThat(nina.categoryId()).contains("recipient-unknown");
        assertThat(nina.stage()).contains(SmtpStage.RCPT_TO);
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/simple_32.txt (the same gateway): "Delevery [sic] to the following
    // recipients was aborted after 5.0 hour(s)", "Routing: Could not find a gateway for <address>"
    @Test
    void statusNotificationGatewayAbortedDeliveryIsAFailure() {
        String bounce = """
                From: Mail Delivery System <Mail.Delivery.System@relay.example.net>
                To: alice@example.org
                Subject: Delivery status notification
                Date: Thu, 19 Oct 2006 13:54:10 +0200
                MIME-Version: 1.0
                Content-Type: multipart/report; boundary="------------I305M09060309060P_160911612849850"

                This is a multi-part message in MIME format.

                --------------I305M09060309060P_160911612849850
                Content-Type: text/plain; charset=UTF-8;
                Content-Transfer-Encoding: 8bit

                ============================================================================
                      This is an automatically generated Delivery Status Notification.

                Delevery to the following recipients was aborted after 5.0 hour(s):

                  * otto@example.com

                ============================================================================
                                             Technical details:

                Routing: Could not find a gateway for otto@example.com

                ============================================================================


                --------------I305M09060309060P_160911612849850
                Content-Type: message/rfc822; charset=UFT-8;
                Content-Transfer-Encoding: 8bit
                Content-Disposition: attachment

                From: alice@example.org
                To: otto@example.com
                Subject: Moderation
                Message-ID: <mod-2@example.org>

                Held for approval.

                --------------I305M09060309060P_160911612849850--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient otto = only(r);
        assertThat(otto.finalRecipient()).isEqualTo("otto@example.com");
        assertThat(otto.categoryId()).contains("network-error");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/bounce_02.txt (E500 SMTP Mail Service): "Returned Mail - Error During
    // Delivery", "------ Failed Recipients ------", the reply's words first and its code last: "[SMTP Error Code 550]"
    @Test
    void e500PutsTheReplyCodeAfterTheWords() {
        String bounce = """
                From: E500_SMTP_Mail_Service@mail.example.org
                To: <alice@example.org>
                Subject: Returned Mail - Error During Delivery
                Date: Wed, 20 Nov 2002 19:58:48 -0500

                ------ Failed Recipients ------
                <paul@example.com>: Requested action not taken: mailbox unavailable. [SMTP Error Code 550]

                -------- Returned Mail --------
                From: alice@example.org
                To: paul@example.com
                Subject: You have been unsubscribed
                Message-ID: <unsub-0@example.org>

                Goodbye.
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient paul = only(r);
        assertThat(paul.finalRecipient()).isEqualTo("paul@example.com");
        assertThat(paul.replyCode()).contains(550);
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/hotpop_01.txt (HotPOP): "Undeliverable Address: <address>" and a
    // "Reason:" paragraph, "the recipient is over disk quota"
    @Test
    void hotpopOverDiskQuota() {
        String bounce = """
                From: MAILER-DAEMON@pop.example.com (Mail Delivery System)
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                Date: Tue, 13 Nov 2001 21:43:27 +0000 (UTC)
                MIME-Version: 1.0
                Content-Type: multipart/mixed;
                	boundary="------------1903.1005687801/pop.example.com"

                This is a MIME-encapsulated message.

                --------------1903.1005687801/pop.example.com
                Content-Description: Notification
                Content-Type: text/plain

                Undeliverable Address: quinn@pop.example.com

                Reason: The email you sent to the address specified
                above has been returned because the recipient is over disk quota.  This
                account will not be able to receive any email until the account owner
                removes some email from the server.


                System Contact: postmaster@pop.example.com


                Original message attached (Max 5k)

                --------------1903.1005687801/pop.example.com
                Content-Description: Undelivered Message
                Content-Type: message/rfc822

                From: alice@example.org
                To: quinn@pop.example.com
                Subject: Party
                Message-Id: <party-1@example.org>

                Saturday night.

                --------------1903.1005687801/pop.example.com--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient quinn = only(r);
        assertThat(quinn.finalRecipient()).isEqualTo("quinn@pop.example.com");
        assertThat(quinn.categoryId()).contains("mailbox-full");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/simple_02.txt (USA.NET): "Processing Error", "Intended recipient:"
    @Test
    void usaNetProcessingErrorNamesTheIntendedRecipient() {
        String bounce = """
                From: MAILER-DAEMON@mail.example.net
                To: alice@example.org
                Subject: Processing Error
                Date: 22 Feb 01 09:51:45 GMT

                Intended recipient: rosa@mail.example.net

                The following mail has been returned because it encountered an error
                while being processed.  Please try to resend this message.
                A notice of this error has been reported to the POSTMASTER at EXAMPLE.NET
                which will attempt to contact the intended recipient.

                --------RETURNED MAIL FOLLOWS--------
                From: alice@example.org
                To: rosa@mail.example.net
                Subject: Re: import statement
                Message-ID: <imp-5@example.org>

                It is case sensitive.
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(only(r).finalRecipient()).isEqualTo("rosa@mail.example.net");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/newmailru_01.txt (newmail.ru): "failure notice", "we were not able to
    // deliver your message to the following address(es):", "<address>:" and the reason on the next line
    @Test
    void newmailRuAccountExceedingQuota() {
        String bounce = """
                From: MAILER-DAEMON@mx.example.ru
                To: alice@example.org
                Subject: failure notice
                Date: 7 Dec 2000 19:57:26 -0000
                Content-Type: text/plain; charset=koi8-r

                This is the machine generated message from mail service.
                Unfortunately, we were not able to deliver your message to the following address(es):


                <sasha@example.ru>:
                This person's account is exceeding their quota.

                --- Below the next line is a copy of the message.

                From: alice@example.org
                To: sasha@example.ru
                Subject: Re: Python origins
                Message-ID: <origins-3@example.org>

                It began as a hobby.
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient sasha = only(r);
        assertThat(sasha.finalRecipient()).isEqualTo("sasha@example.ru");
        assertThat(sasha.categoryId()).contains("mailbox-full");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/simple_38.txt (Mail.Ru): a Russian paragraph, then "Message was not
    // accepted -- invalid mailbox. Local mailbox <address> is unavailable: user not found" in English, twice
    @Test
    void mailRuRussianNoticeWithTheLocalMailboxInASentence() {
        String bounce = """
                From: Mail Delivery System <Mailer-Daemon@mx1.mail.example.ru>
                To: alice@example.org
                Subject: =?utf-8?b?0JLQsNGI0LUg0YHQvtC+0LHRidC10L3QuNC1INC90LUg0LTQvtGB0YLQsNCy0LvQtdC90L4=?=
                Date: Wed, 07 Nov 2012 10:47:34 +0400
                MIME-Version: 1.0
                Content-Type: text/plain; charset="utf-8"
                Content-Transfer-Encoding: 8bit

                Это письмо создано автоматически сервером Mail.Ru, отвечать на него не нужно.

                К сожалению, Ваше письмо не может быть доставлено одному или нескольким получателям, потому что:

                  Message was not accepted -- invalid mailbox.
                 Local mailbox tanya@mail.example.ru is unavailable: user not found

                **********************

                A message that you sent was rejected by the local scanning code that
                checks incoming messages on this system. The following error was given:

                  Message was not accepted -- invalid mailbox.
                 Local mailbox tanya@mail.example.ru is unavailable: user not found

                ------ This is a copy of your message, including all the headers.
                ------ No more than 1K characters of the body are included.

                From: alice@example.org
                To: tanya@mail.example.ru
                Subject: Hello
                Message-ID: <hello-8@example.org>

                Hello!
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient tanya = only(r);
        assertThat(tanya.finalRecipient()).isEqualTo("tanya@mail.example.ru");
        assertThat(tanya.categoryId()).contains("recipient-unknown");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/sina_01.txt (Sina): a GB2312 text that says in Chinese the mail could not
    // be sent to the given addresses, each "<address>:" with no reason after it
    @Test
    void sinaChineseNoticeInGb2312ListsTwoRecipients() {
        String bounce = """
                From: MAILER-DAEMON@mail.example.cn
                To: alice@example.org
                Date: 3 Apr 2002 15:55:44 -0000
                Subject: failure notice
                MIME-Version: 1.0
                Content-Type: multipart/mixed;
                  boundary="----------101784934443375SINAEMAIL---"

                This is a multi-part message in MIME format.

                ------------101784934443375SINAEMAIL---
                Content-Type: text/plain;
                   charset="gb2312"
                Content-Transfer-Encoding: binary

                mail.example.cn.
                邮件无法发送到您指定的地址中。
                在邮件传输过程中由于外部的无法避免的错误导致邮件无法送达。

                <wang@mail.example.cn>:

                <li@mail.example.cn>:

                --- 附件中的内容是原信件的一份拷贝

                ------------101784934443375SINAEMAIL---
                Content-Type: message/rfc822;
                 name="original message.eml"
                Content-Transfer-Encoding: binary
                Content-Disposition: attachment;
                 filename="original message.eml"

                From: alice@example.org
                To: list@example.org
                Subject: Re: type traits patch
                Message-ID: <traits-2@example.org>

                Patch attached.

                ------------101784934443375SINAEMAIL-----
                """;
        BounceReport r = Bounces.explain(bounce.replace("\n", "\r\n").getBytes(Charset.forName("GB2312")), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(addresses(r)).containsExactlyInAnyOrder("wang@mail.example.cn", "li@mail.example.cn");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/simple_19.txt (qmail at an Argentine ISP): qmail's notice rewritten as
    // one Spanish/Portuguese/English line, "Su mensaje no pudo ser entregado - …", then "<address>:" and the reason
    @Test
    void qmailInSpanishAndPortugueseKeepsItsRecipientLines() {
        String bounce = """
                From: MAILER-DAEMON@mx.example.com.ar
                To: alice@example.org
                Subject: failure notice
                Date: 22 May 2006 08:59:18 -0000
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="1148288358mx.example.com.ar967579"

                --1148288358mx.example.com.ar967579

                (mx.example.com.ar)
                Su mensaje no pudo ser entregado - Sua mensagem nao pode ser enviada - Your message could not be delivered.

                <ramon@example.com.ar>:
                Sorry, no mailbox here by that name. (#5.1.1)

                --- Mensaje original adjunto.

                --1148288358mx.example.com.ar967579
                Content-Type: message/rfc822

                From: alice@example.org
                To: ramon@example.com.ar
                Subject: Held for moderation
                Message-ID: <held-4@example.org>

                Your post is held.

                --1148288358mx.example.com.ar967579--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient ramon = only(r);
        assertThat(ramon.finalRecipient()).isEqualTo("ramon@example.com.ar");
        assertThat(ramon.status()).contains("5.1.1");
        assertThat(ramon.categoryId()).contains("recipient-unknown");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/simple_20.txt (a French bank's gateway): subject "…: non remis", the
    // same sentence in French and English between rows of asterisks, no reason
    @Test
    void frenchBankGatewayBilingualNonRemis() {
        String bounce = """
                From: gateway.smtp@example.fr
                To: alice@example.org
                Subject: RE: Your message awaits moderator approval : non remis
                Date: Mon, 22 May 2006 11:02:03 +0200
                MIME-Version: 1.0
                Content-Type: text/plain; charset=US-ASCII

                ***********************************************
                Votre message n'a pas pu etre delivre a
                sophie@ald.example.fr
                ***********************************************
                Your message could not be delivered to
                sophie@ald.example.fr
                ***********************************************
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(only(r).finalRecipient()).isEqualTo("sophie@ald.example.fr");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/simple_13.txt (MIMEsweeper): a French subject "Utilisateur non recensé
    // dans l'annuaire …", "A message could not be delivered to:", and the French reason; a delivery-status part with a
    // Reporting-MTA only
    @Test
    void mimesweeperFrenchUnknownUser() {
        String bounce = """
                From: postmaster@example.fr
                To: alice@example.org
                Subject: =?UTF-8?Q?Utilisateur_non_recens=C3=A9_dans_l'annuaire_Example?=
                Date: Tue, 14 Mar 2006 13:47:55 +0100
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                	boundary="2453809.54.1306"

                --2453809.54.1306
                Content-Type: text/plain; charset="UTF-8"
                Content-Transfer-Encoding: quoted-printable

                A message could not be delivered to:

                thierry@example.fr

                Subject: Results

                L'adresse de messagerie r=C3=A9f=C3=A9renc=C3=A9e ci-dessus n'existe pas. V=
                euillez en v=C3=A9rifier l'orthographe.

                --2453809.54.1306
                Content-Type: message/delivery-status

                Reporting-MTA: mimesweeper.example.fr

                --2453809.54.1306
                Content-Type: message/rfc822

                From: alice@example.org
                To: thierry@example.fr
                Subject: Results
                Message-ID: <results-3@example.org>

                The results are in.

                --2453809.54.1306--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient thierry = only(r);
        assertThat(thierry.finalRecipient()).isEqualTo("thierry@example.fr");
        assertThat(thierry.categoryId()).contains("recipient-unknown");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/simple_22.txt (Symantec AntiVirus for SMTP Gateways): a base64 subject
    // "Delivery failure notification" and "could not be delivered to the following recipients", but "Delivery attempts
    // will continue to be made for 5 day(s)": a warning
    @Test
    void symantecGatewaySaysItWillKeepTrying() {
        String bounce = """
                From: Symantec_AntiVirus_for_SMTP_Gateways@gw.example.org
                To: alice@example.org
                Subject: =?utf-8?B?RGVsaXZlcnkgZmFpbHVyZSBub3RpZmljYXRpb24=?=
                Date: Sat, 18 Mar 2006 10:21:13 -0500
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8

                Your message with Subject: Re: Bike lost and found
                could not be delivered to the following recipients:

                uma@example.org

                Please do not resend your original message.

                Delivery attempts will continue to be made for 5  day(s).
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.DELAYED);
        assertThat(only(r).finalRecipient()).isEqualTo("uma@example.org");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/simple_35.txt (a web host's "Mail Delivery Warning"): the address in
    // quotes on its own line, "has been postponed due to a full mailbox", "We will continue to try"
    @Test
    void webHostWarningPostponedForAFullMailbox() {
        String bounce = """
                From: <Postmaster@mail.example.com>
                To: <alice@example.org>
                Subject: Mail Delivery Warning
                Date: Thu, 19 Feb 2009 19:05:30 -0500
                MIME-Version: 1.0
                Content-Type: text/plain;
                	charset="us-ascii"

                This is an advisory-only email.  Please do not reply to it.

                Delivery of email to this address

                "victor@example.com"

                has been postponed due to a full mailbox.

                We will continue to try to deliver your message over the next few days.

                The first 50 lines of your original message follow:
                > From: alice@example.org
                > To: victor@example.com
                > Subject: Hunt ads
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.DELAYED);
        BounceRecipient victor = only(r);
        assertThat(victor.finalRecipient()).isEqualTo("victor@example.com");
        assertThat(victor.categoryId()).contains("mailbox-full");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/simple_37.txt (a university's phquery directory mailer): "Returned mail -
    // nameserver error report", dashed headings "Message not delivered to the following addresses:" and "Error
    // Detail (phquery V3.0):"
    @Test
    void phqueryNameserverErrorReport() {
        String bounce = """
                From: <MAILER-DAEMON@mta1.example.edu>
                To: <alice@example.org>
                Subject: Returned mail - nameserver error report
                Date: Fri, 17 Jul 2009 16:05:23 -0700 (PDT)

                 --------Message not delivered to the following addresses:

                            wendy@example.edu

                 --------Error Detail (phquery V3.0):

                ---- wendy@example.edu
                     Does not have a final email delivery point,
                     please contact this person by alternate means.

                       name: Wendy Example
                       alias: WENDY

                Please contact Postmaster@example.edu if you have any questions.

                 --------Unsent Message below:

                From: alice@example.org
                To: wendy@example.edu
                Subject: Seminar
                Message-ID: <seminar-6@example.org>

                Room 101.
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(only(r).finalRecipient()).isEqualTo("wendy@example.edu");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/simple_36.txt (a Windows mail server's "Delivery Failure"): "Failed
    // Recipient:" and "Reason: Remote host said: <reply>", then the header and top 20 lines
    @Test
    void failedRecipientAndRemoteHostSaidReason() {
        String bounce = """
                From: <"System Administrator"@mx.example.com>
                To: <alice@example.org>
                Subject: Delivery Failure
                Date: Thu, 19 Feb 2009 16:19:28 -0800
                MIME-Version: 1.0
                Content-Type: text/plain; charset="us-ascii"


                Could not deliver message to the following recipient(s):

                Failed Recipient: xavier@example.com
                Reason: Remote host said: 550 unknown user <xavier@example.com>

                   -- The header and top 20 lines of the message follows --

                From: alice@example.org
                To: xavier@example.com
                Subject: confirm 05a7bc89
                Message-ID: <confirm-1@example.org>
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient xavier = only(r);
        assertThat(xavier.finalRecipient()).isEqualTo("xavier@example.com");
        assertThat(xavier.replyCode()).contains(550);
        assertThat(xavier.categoryId()).contains("recipient-unknown");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/smtp32_01.txt (Ipswitch IMail's SMTP32): "Undeliverable Mail",
    // "Delivery failed 20 attempts: <address>", "Original message follows."
    @Test
    void smtp32GaveUpAfterItsAttempts() {
        String bounce = """
                From: "Postmaster" <postmaster@mail.example.com>
                To: alice@example.org
                Subject:  Undeliverable Mail
                Date: Sun, 1 Apr 2001 09:53:32 -0600
                X-Mailer: <SMTP32 v8.05>

                Delivery failed 20 attempts: yuri@example.com.ph


                Original message follows.

                From: alice@example.org
                To: yuri@example.com.ph
                Subject: Mailman question
                Message-ID: <question-2@example.org>

                How do I unsubscribe?
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        assertThat(only(r).finalRecipient()).isEqualTo("yuri@example.com.ph");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/simple_15.txt (Trend Micro InterScan Messaging Security Suite): its own
    // banner, "Sent <<< RCPT TO:<address>" then "Received >>> <reply>", "(and other recipients in the same domain)"
    @Test
    void interscanMessagingSecuritySuiteShowsTheCommandItSentAndTheReply() {
        String bounce = """
                From: imss@gw.example.be
                To: <alice@example.org>
                Subject: Mail could not be delivered
                Date: Sun, 12 Mar 2006 05:36:20 +0100
                MIME-Version: 1.0
                Content-Type: multipart/mixed;
                	boundary="------------InterScan_NT_MIME_Boundary"

                --------------InterScan_NT_MIME_Boundary
                Content-type: text/plain

                ****** Message from InterScan Messaging Security Suite ******

                Sent <<< RCPT TO:<anton@example.be>
                Received >>> 550 5.1.1 unknown user.

                Unable to deliver message to <anton@example.be> (and other recipients in the same domain).

                ************************     End of message     **********************

                --------------InterScan_NT_MIME_Boundary
                Content-type: message/rfc822

                From: alice@example.org
                To: anton@example.be
                Subject: Commands
                Message-ID: <commands-5@example.org>

                help

                --------------InterScan_NT_MIME_Boundary--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient anton = only(r);
        assertThat(anton.finalRecipient()).isEqualTo("anton@example.be");
        assertThat(anton.replyCode()).contains(550);
        assertThat(anton.status()).contains("5.1.1");
        assertThat(anton.categoryId()).contains("recipient-unknown");
        assertThat(anton.stage()).contains(SmtpStage.RCPT_TO);
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/dsn_03.txt (Gordano NTMail 5): "Failed mail: exceeded maximum incoming
    // message size"; its DSN writes "Action: failure" and a reply code in the Status field ("553 Exceeded …")
    @Test
    void ntmailWritesAReplyCodeInItsStatusField() {
        String bounce = """
                From: "postmaster@example.be" <postmaster@example.be>
                To: "alice@example.org" <alice@example.org>
                Subject: Failed mail: exceeded maximum incoming message size
                Date: Tue, 27 Feb 2001 10:37:36 +0100
                X-Mailer: NTMail v5.06.0014
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="==_12334670553231@mx.example.be==_"

                This is a MIME-encapsulated message

                --==_12334670553231@mx.example.be==_
                Content-Type: text/plain; charset="us-ascii"
                Content-Transfer-Encoding: 7bit
                Content-Disposition: inline

                Your message was not delivered to

                    bert@example.be

                This mail message has exceeded the maximum incoming message size.


                --==_12334670553231@mx.example.be==_
                Content-Type: message/delivery-status
                Content-Transfer-Encoding: 7bit
                Content-Disposition: inline

                Reporting-MTA: dns;mx.example.be

                Final-Recipient: rfc822;bert@example.be
                Action: failure
                Status: 553 Exceeded maximum inbound message size


                --==_12334670553231@mx.example.be==_
                Content-Type: message/rfc822

                From: alice@example.org
                To: bert@example.be
                Subject: RE: None assignment
                Message-ID: <none-1@example.org>

                (a large attachment)

                --==_12334670553231@mx.example.be==_--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient bert = only(r);
        assertThat(bert.finalRecipient()).isEqualTo("bert@example.be");
        assertThat(bert.replyCode()).contains(553);
        assertThat(bert.categoryId()).contains("message-too-big");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/dsn_02.txt (an X.400 gateway at a university): "Diagnostic was Unable to
    // transfer, Message timed out"; Action failed with Status 4.4.7, Diagnostic-Code "… (Maximum-Time-Expired)"
    @Test
    void x400GatewayTimeoutIsAFailureThatExpired() {
        String bounce = """
                From: postmaster@example.ac.uk
                To: alice@example.org
                Subject: Delivery Report (failure) for carla@zeus.example.ac.uk
                Date: Tue, 26 Dec 2000 21:47:28 +0000
                MIME-Version: 1.0
                Content-Type: multipart/report; boundary="---Multi-Part-Report-Level-1-1-13166"

                -----Multi-Part-Report-Level-1-1-13166

                This report relates to your message:
                Subject: RE: a question about map,
                	Message-ID: <map-2@example.org>,
                	To: <list@example.org>

                of Tue, 26 Dec 2000 21:47:27 +0000

                Your message was not delivered to:
                	carla@zeus.example.ac.uk
                for the following reason:
                Diagnostic was Unable to transfer, Message timed out
                Information Message timed out

                The Original Message follows:

                -----Multi-Part-Report-Level-1-1-13166
                Content-Type: message/delivery-status

                Reporting-MTA: x400; mta mta.example.ac.uk in /PRMD=UK.AC/ADMD= /C=GB/
                Arrival-Date: Sat, 23 Dec 2000 21:44:56 +0000
                DSN-Gateway: dns; mta.example.ac.uk

                Original-Recipient: rfc822; carla@zeus.example.ac.uk
                Final-Recipient: x400; /S=carla/OU=zeus/O=example/PRMD=UK.AC/ADMD= /C=GB/
                X400-Originally-Specified-Recipient-Number: 1
                Action: failed
                Diagnostic-Code: Reason 1 (Unable-To-Transfer); Diagnostic 5 (Maximum-Time-Expired)
                Status: 4.4.7
                X400-Supplementary-Info: "Message timed out"

                -----Multi-Part-Report-Level-1-1-13166
                Content-Type: message/rfc822

                From: alice@example.org
                To: list@example.org
                Subject: RE: a question about map
                Message-ID: <map-2@example.org>

                map is faster.

                -----Multi-Part-Report-Level-1-1-13166--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient carla = only(r);
        assertThat(carla.finalRecipient()).isEqualTo("carla@zeus.example.ac.uk");
        assertThat(carla.status()).contains("4.4.7");
        assertThat(carla.categoryId()).contains("delivery-expired");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/simple_21.txt (a relay's plain-text warning): "Warning: message has not yet
    // been delivered", the recipient tab-indented after "Your message to:", "We will continue to attempt delivery"
    @Test
    void plainWarningThatTheRecipientServerDidNotRespondIsADelay() {
        String bounce = """
                From: MAILER-DAEMON@relay.example.org (Mail Delivery System)
                To: alice@example.org
                Subject: Warning: message has not yet been delivered
                Date: Tue, 30 May 2006 02:12:09 -0700
                Content-Type: text/plain

                This is an automated message created by mail delivery software.

                Your message to:

                	boris@example.com

                has not yet been delivered because the recipient server did not respond.

                This is just a warning, you do not need to take any action. We will continue to attempt delivery of this message for 5 days.
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.DELAYED);
        BounceRecipient boris = only(r);
        assertThat(boris.finalRecipient()).isEqualTo("boris@example.com");
        assertThat(boris.categoryId()).contains("network-error");
    }

    // wRAR/flufl.bounce:flufl/bounce/tests/data/simple_26.txt (a campus mail server's own notice, sent with MIME::Lite):
    // the subject names the recipient, the text says the address "is wrong or no longer valid"
    @Test
    void campusServerSaysTheAddressIsWrongOrNoLongerValid() {
        String bounce = """
                From: Campus Mailserver <MAILER-DAEMON@campus.example.it>
                To: alice@example.org
                Subject: Your message to elena@lab.example.it could not be delivered.
                Date: Sat, 22 Apr 2006 19:16:05 +0200
                MIME-Version: 1.0
                Content-Type: text/plain
                X-Mailer: MIME::Lite 3.01 (F2.73; A1.66; B3.05; Q3.03)

                Hello,

                this is the email server at Example Campus.

                Your message to elena@lab.example.it has reached our local address
                elena@lab.example.it, but this email address is wrong or no longer valid.

                Your message has NOT been delivered.

                You can find all the addresses in the campus on our web site at
                http://www.campus.example.it under the "Contacts" area.

                Best regards.

                A summary of the undelivered message you sent follows:
                --------------
                Subject: Re: Pharmacy
                From: alice@example.org
                To: elena@lab.example.it
                Date: Sat, 22 Apr 2006 10:16:00 -0700
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient elena = only(r);
        assertThat(elena.finalRecipient()).isEqualTo("elena@lab.example.it");
        assertThat(elena.categoryId()).contains("recipient-unknown");
    }

    // deltachat/deltachat-core-rust:test-data/message/tiscali_ndn.eml (Tiscali): "Delivery status notification",
    // "Delivery to the following recipients was aborted after 2 second(s):", "  * <address>", then a DSN whose
    // field names are partly lower case ("Final-recipient", "Last-attempt-Date")
    @Test
    void tiscaliAbortedDeliveryWithItsDsn() {
        String bounce = """
                Return-Path: <>
                Date: Mon, 15 Jun 2020 16:02:25 +0000
                From: Mail Delivery System <mail-daemon@smtp.example.it>
                To: alice@example.it
                Subject: Delivery status notification
                MIME-Version: 1.0
                Content-Type: multipart/report; boundary="------------I305M09060309060P_896715922369450"

                This is a multi-part message in MIME format.

                --------------I305M09060309060P_896715922369450
                Content-Type: text/plain; charset=UTF-8;
                Content-Transfer-Encoding: 8bit

                      This is an automatically generated Delivery Status Notification.

                Delivery to the following recipients was aborted after 2 second(s):

                  * felix@example.org



                --------------I305M09060309060P_896715922369450
                Content-Type: message/delivery-status; charset=UTF-8;
                Content-Transfer-Encoding: 8bit

                Reporting-MTA: dns; out.smtp.example.it [192.0.2.13]
                Received-From-MTA: dns; localhost [192.0.2.150]
                Arrival-Date: Mon, 15 Jun 2020 16:02:23 +0000


                Final-recipient: rfc822; felix@example.org
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 <felix@example.org>: Recipient address rejected: User unknown in virtual mailbox table
                Last-attempt-Date: Mon, 15 Jun 2020 16:02:25 +0000



                --------------I305M09060309060P_896715922369450
                Content-Type: text/rfc822-headers; Content-Transfer-Encoding: 8bit
                Content-Disposition: attachment

                Subject: Message from Alice
                MIME-Version: 1.0
                Date: Mon, 15 Jun 2020 16:02:22 +0000
                Message-ID: <Mr.un2NYERi1RM.lbQ5F9q-QyJ@example.it>
                To: <felix@example.org>
                From: Alice <alice@example.it>



                --------------I305M09060309060P_896715922369450--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        BounceRecipient felix = only(r);
        assertThat(felix.finalRecipient()).isEqualTo("felix@example.org");
        assertThat(felix.replyCode()).contains(550);
        assertThat(felix.status()).contains("5.1.1");
        assertThat(felix.categoryId()).contains("recipient-unknown");
        assertThat(felix.stage()).isNotEqualTo(java.util.Optional.of(SmtpStage.MAIL_FROM));
    }

    // cfortune/PHP-Bounce-Handler:eml/hotmailbounce.txt (Hotmail's Junk Mail Reporting Program): not an ARF report but a
    // "complaint about message from <ip>" from staff@hotmail.com, the reported message attached whole with the
    // reporting user's address in its X-HmXmrOriginalRecipient field
    @Test
    void hotmailJunkMailReportIsFeedbackForTheReportingUser() {
        String bounce = """
                From: staff@hotmail.com
                Subject: complaint about message from 192.0.2.17
                To: fbl-abuse@example.org
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="F484BCB3-CE4F-4E2D-9A8E-B18786277C43"
                Return-Path: staff@hotmail.com
                Message-ID: <BAY0-OMC2-S22jHNuQu001a0ed8@bay0-omc2-s22.bay0.hotmail.com>

                --F484BCB3-CE4F-4E2D-9A8E-B18786277C43
                Content-Type: message/rfc822
                Content-Disposition: inline

                X-HmXmrOriginalRecipient: reporter@hotmail.example
                X-Reporter-IP: 198.51.100.31
                X-Message-Status: n:0
                Received: from mail.example.org ([192.0.2.17]) by mc2.hotmail.example with Microsoft SMTPSVC(6.0.3790.4675);
                         Wed, 30 Jun 2010 08:51:03 -0700
                From: "Example Talk" <support@example.org>
                To: "reporter@hotmail.example" <reporter@hotmail.example>
                Date: Wed, 30 Jun 2010 08:35:33 -0700
                Subject: Weekly digest
                MIME-Version: 1.0
                Message-ID: <digest-30@example.org>
                Content-Type: text/plain; charset="utf-8"

                This week's digest.

                --F484BCB3-CE4F-4E2D-9A8E-B18786277C43--
                """;
        BounceReport r = Bounces.explain(bytes(bounce), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FEEDBACK);
        assertThat(only(r).finalRecipient()).isEqualTo("reporter@hotmail.example");
        assertThat(r.originalSubject()).contains("Weekly digest");
    }
}
