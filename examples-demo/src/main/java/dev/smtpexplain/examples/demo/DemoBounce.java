package dev.smtpexplain.examples.demo;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.eclipse.angus.mail.dsn.MultipartReport;

/**
 * The bounce the demo's mail provider sends back later: the submission server accepted the message,
 * the recipient's mailbox server then refused it, and the provider reports that to the sender as an
 * RFC 3464 delivery status notification (built here with Angus's DSN support, the way an MTA writes one).
 */
public final class DemoBounce {

    private DemoBounce() {
    }

    /** The bounce for {@code original} (already accepted by the submission server), as stored in the sender's mailbox. */
    public static byte[] forRefusedRecipient(MimeMessage original, String recipient) throws MessagingException, IOException {
        DeliveryStatus status = new DeliveryStatus();
        InternetHeaders perMessage = new InternetHeaders();
        perMessage.addHeader("Reporting-MTA", "dns; smtp." + DemoMailServer.DOMAIN);
        perMessage.addHeader("Arrival-Date", "Tue, 1 Dec 2026 09:41:00 +0000");
        status.setMessageDSN(perMessage);
        InternetHeaders rcpt = new InternetHeaders();
        rcpt.addHeader("Final-Recipient", "rfc822; " + recipient);
        rcpt.addHeader("Original-Recipient", "rfc822;" + recipient);
        rcpt.addHeader("Action", "failed");
        rcpt.addHeader("Status", "5.1.1");
        rcpt.addHeader("Remote-MTA", "dns; mailbox." + DemoMailServer.DOMAIN);
        rcpt.addHeader("Diagnostic-Code", "smtp; 550 5.1.1 <" + recipient + ">: Recipient address rejected:\r\n    User unknown in virtual mailbox table");
        status.addRecipientDSN(rcpt);
        String text = "This is the mail system at host smtp." + DemoMailServer.DOMAIN + ".\r\n\r\n"
                + "Your message could not be delivered to one or more recipients.\r\n\r\n"
                + "<" + recipient + ">: host mailbox." + DemoMailServer.DOMAIN + "[192.0.2.25] said: 550 5.1.1\r\n"
                + "    <" + recipient + ">: Recipient address rejected: User unknown in virtual mailbox\r\n"
                + "    table (in reply to RCPT TO command)\r\n";
        MimeMessage bounce = new MimeMessage(Session.getInstance(new Properties()));
        bounce.setFrom("MAILER-DAEMON@smtp." + DemoMailServer.DOMAIN);
        bounce.setRecipients(jakarta.mail.Message.RecipientType.TO, original.getFrom());
        bounce.setSubject("Undelivered Mail Returned to Sender");
        bounce.setHeader("Auto-Submitted", "auto-replied");
        bounce.setContent(new MultipartReport(text, status, original));
        bounce.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        bounce.writeTo(out);
        return out.toByteArray();
    }
}
