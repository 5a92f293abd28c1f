package dev.smtpexplain.mail.bounce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.smtpexplain.mail.SmtpStage;
import dev.smtpexplain.mail.support.Subetha;
import dev.smtpexplain.mail.support.TestMail;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.subethamail.smtp.RejectException;

/**
 * A real MTA's real bounce: Postfix on 127.0.0.1:2525 (set up by {@code .ci/postfix-setup.sh}) accepts a
 * message for {@code bounce.test}, relays it to a server on 127.0.0.1:2526 that refuses the recipient
 * with 550 5.1.1, writes its DSN to the sender's maildir, and the test reads that DSN back. Skipped
 * only where Postfix does not listen or the setup's bounce maildir is missing.
 */
@Timeout(60)
class PostfixBounceTest {

    static final Path MAILDIR = Path.of("/var/mail/vhosts/bounces.test/sender");
    static final String SENDER = "sender@bounces.test";

    @Test
    void explainsTheBounceThatPostfixWrites() throws Exception {
        assumeTrue(listens(2525), "Postfix is not listening on 127.0.0.1:2525; run .ci/postfix-setup.sh (as root)");
        assumeTrue(Files.isDirectory(MAILDIR.getParent()),
                "no bounce maildir " + MAILDIR.getParent() + "; run the current .ci/postfix-setup.sh (as root)");
        String id = UUID.randomUUID().toString().substring(0, 8);
        String recipient = "ghost-" + id + "@bounce.test";
        String subject = "bounce test " + id;
        Subetha.Check refuse = r -> {
            throw new RejectException(550, "5.1.1 <" + r + ">: no mailbox by that name here");
        };
        try (Subetha remote = Subetha.start(Subetha.accept(), refuse, Subetha.acceptContent(), b -> b.port(2526))) {
            Session s = TestMail.session(2525);
            MimeMessage m = TestMail.messageFrom(s, SENDER, subject, "This message will bounce.\n", recipient);
            Transport.send(m);
            Path dsn = waitForBounce(subject);
            byte[] bytes = Files.readAllBytes(dsn);
            Files.deleteIfExists(dsn);
            BounceReport r = Bounces.explain(bytes, Locale.ENGLISH);

            assertThat(r.kind()).isEqualTo(BounceKind.FAILED);
            assertThat(r.format()).isEqualTo("rfc3464");
            assertThat(r.reportingMta()).contains("mx.test.local");
            assertThat(r.originalSubject()).contains(subject);
            assertThat(r.recipients()).hasSize(1);
            BounceRecipient x = r.recipients().get(0);
            assertThat(x.finalRecipient()).isEqualTo(recipient);
            assertThat(x.action()).isEqualTo("failed");
            assertThat(x.status()).contains("5.1.1");
            assertThat(x.replyCode()).contains(550);
            assertThat(x.replyText()).contains("no mailbox by that name here");
            assertThat(x.stage()).contains(SmtpStage.RCPT_TO);
            assertThat(x.remoteMta()).hasValueSatisfying(h -> assertThat(h).contains("127.0.0.1"));
            assertThat(x.categoryId()).contains("recipient-unknown");
            // the same bounce, explained in Gujarati
            BounceRecipient gu = Bounces.explain(bytes, Locale.forLanguageTag("gu")).recipients().get(0);
            assertThat(gu.explanation().orElseThrow().languageTag()).isEqualTo("gu");
            assertThat(gu.categoryId()).contains("recipient-unknown");
        }
    }

    /** Polls the maildir's new/ (and cur/) for the DSN of the message with this subject. */
    static Path waitForBounce(String subject) throws Exception {
        long deadline = System.nanoTime() + 45_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (String sub : new String[] {"new", "cur"}) {
                Path d = MAILDIR.resolve(sub);
                if (!Files.isDirectory(d)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(d)) {
                    Optional<Path> hit = files.filter(f -> contains(f, subject)).findFirst();
                    if (hit.isPresent()) {
                        return hit.get();
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Postfix wrote no bounce for '" + subject + "' to " + MAILDIR + " within 45 s (see /var/log/postfix-test.log)");
    }

    private static boolean contains(Path f, String s) {
        try {
            return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(s);
        } catch (IOException e) {
            return false;
        }
    }

    static boolean listens(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
