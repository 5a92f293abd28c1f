package consumer.app;

import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.Explanation;
import dev.smtpexplain.mail.ExplainingSender;
import dev.smtpexplain.mail.ExplainedSendFailedException;
import dev.smtpexplain.mail.MailFailures;
import dev.smtpexplain.swing.SendFailurePanel;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A consumer app: one reply explained in Gujarati, one real send to a closed port. Prints key=value lines. */
public final class Main {
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Locale gujarati = Locale.forLanguageTag("gu-IN");
        Diagnosis d = Diagnoser.standard().diagnose(args[0]);
        Explanation e = Explainer.standard().explain(d, gujarati);
        out.println("module=" + Diagnoser.class.getModule().getName());
        out.println("swingModule=" + SendFailurePanel.class.getModule().getName());
        out.println("category=" + d.category().id());
        out.println("locale=" + e.languageTag());
        out.println("title=" + e.title());

        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ExplainingSender sender = ExplainingSender.builder().host("127.0.0.1").port(port).locale(gujarati).build();
        MimeMessage m = new MimeMessage(sender.session());
        m.setFrom(new InternetAddress("alice@example.com"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@example.com"));
        m.setSubject("hello");
        m.setText("hello");
        try {
            sender.send(m);
            out.println("sent=true");
        } catch (ExplainedSendFailedException failure) {
            out.println("sendCategory=" + failure.report().category().id());
            out.println("sendTitle=" + failure.report().explanation().title());
        }

        // the application's own Transport on a Session with smtp-explain's transport, which Jakarta Mail instantiates
        java.util.Properties props = new java.util.Properties();
        props.setProperty("mail.smtp.host", "127.0.0.1");
        props.setProperty("mail.smtp.port", Integer.toString(port));
        Session session = MailFailures.installTransport(Session.getInstance(props));
        out.println("installedTransport=" + session.getTransport("smtp").getClass().getName());
        MimeMessage own = new MimeMessage(session);
        own.setFrom(new InternetAddress("alice@example.com"));
        own.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@example.com"));
        own.setText("hello");
        try {
            Transport.send(own);
        } catch (MessagingException failure) {
            out.println("installedCategory=" + MailFailures.explain(failure, gujarati).category().id());
        }
    }
}
