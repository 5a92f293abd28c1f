package dev.smtpexplain.mail.bounce;

import static dev.smtpexplain.mail.bounce.BouncesTest.EN;
import static dev.smtpexplain.mail.bounce.BouncesTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Who failed, when the report does not say it plainly (an outside tester's findings): nothing may be reported failed
 * that the bounce does not point at, and what the bounce does say about a recipient is kept.
 */
class ReportsNamingNoRecipientTest {

    private static String report(String fields, String originalTo) {
        return """
                From: MAILER-DAEMON@mx.example.net
                To: alice@example.org
                Subject: Undelivered Mail Returned to Sender
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="BOUND"

                --BOUND
                Content-Type: text/plain

                This is the mail system at host mx.example.net.
                I'm sorry to have to inform you that your message could not be delivered.

                --BOUND
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.net

                """ + fields + """

                --BOUND
                Content-Type: message/rfc822

                From: alice@example.org
                To: """ + originalTo + """

                Subject: hi

                hello
                --BOUND--
                """;
    }

    @Test
    void aReportOfNoRecipientDoesNotBlameEveryAddresseeOfTheOriginal() {
        BounceReport r = Bounces.explain(bytes(report("Action: failed", "bob@example.com, carol@example.com, dan@example.com")), EN);
        assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
        // nothing says which of the three failed: none is named (the CLI prints one line with recipient null)
        assertThat(r.recipients()).isEmpty();
        // the original's one addressee is the one it failed for
        BounceReport one = Bounces.explain(bytes(report("Action: failed", "bob@example.com")), EN);
        assertThat(one.recipients()).extracting(BounceRecipient::finalRecipient).containsExactly("bob@example.com");
    }

    @Test
    void anEmptyFinalRecipientKeepsItsStatusAndDiagnostic() {
        String fields = "Final-Recipient: rfc822;\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 no such user\n";
        BounceRecipient x = Bounces.explain(bytes(report(fields, "bob@example.com")), EN).recipients().get(0);
        assertThat(x.finalRecipient()).isEqualTo("bob@example.com");
        assertThat(x.status()).contains("5.1.1");
        assertThat(x.categoryId()).contains("recipient-unknown");
        // an empty Final-Recipient gives way to the Original-Recipient
        String withOriginal = "Final-Recipient: rfc822;\nOriginal-Recipient: rfc822; carol@example.com\nAction: failed\nStatus: 5.2.2\n";
        assertThat(Bounces.explain(bytes(report(withOriginal, "bob@example.com, carol@example.com")), EN).recipients())
                .extracting(BounceRecipient::finalRecipient).containsExactly("carol@example.com");
    }

    @Test
    void aBounceCarriedInABounceCarriedInABounceNamesItsRecipientNotTheSender() {
        String inner = report("Final-Recipient: rfc822; dave@example.com\nAction: failed\nStatus: 5.1.1\n", "dave@example.com");
        String middle = wrap(inner);
        String outer = wrap(middle);
        for (String message : new String[] {middle, outer}) {
            BounceReport r = Bounces.explain(bytes(message), EN);
            assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient).containsExactly("dave@example.com");
            assertThat(r.recipients().get(0).categoryId()).contains("recipient-unknown");
        }
    }

    // a mail system's notice that passes on the notice it got, attached whole, and names its helpdesk; an attached
    // notice was never delivered, so it has no Return-Path
    private static String wrap(String bounce) {
        return """
                From: Mail Delivery Subsystem <MAILER-DAEMON@gw.example.org>
                To: alice@example.org
                Subject: Delivery Status Notification (Failure)
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="W%d"

                --W%d
                Content-Type: text/plain

                The attached notice says why. Please contact <helpdesk@example.net>.

                --W%d
                Content-Type: message/rfc822

                """.formatted(bounce.length(), bounce.length(), bounce.length()) + bounce + "\n--W" + bounce.length() + "--\n";
    }

    @Test
    void linesEndingInACarriageReturnAloneAreLines() {
        String fields = "Final-Recipient: rfc822; bob@example.com\nAction: failed\nStatus: 5.1.1\n";
        byte[] crOnly = report(fields, "bob@example.com").replace("\n", "\r").getBytes(StandardCharsets.UTF_8);
        BounceReport r = Bounces.explain(crOnly, EN);
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient).containsExactly("bob@example.com");
        assertThat(r.recipients().get(0).status()).contains("5.1.1");
    }
}
