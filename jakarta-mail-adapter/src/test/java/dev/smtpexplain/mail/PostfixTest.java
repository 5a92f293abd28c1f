package dev.smtpexplain.mail;

import static dev.smtpexplain.mail.support.TestMail.failing;
import static dev.smtpexplain.mail.support.TestMail.message;
import static dev.smtpexplain.mail.support.TestMail.messageFrom;
import static dev.smtpexplain.mail.support.TestMail.sender;
import static dev.smtpexplain.mail.support.TestMail.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.mail.RecipientFailure.Kind;
import dev.smtpexplain.mail.SendFailureReport.Outcome;
import dev.smtpexplain.mail.support.NoThreadLeaks;
import dev.smtpexplain.mail.support.Reports;
import dev.smtpexplain.mail.support.TestMail;
import jakarta.mail.Session;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real Postfix from Debian packages on 127.0.0.1:2525, set up by {@code .ci/postfix-setup.sh}: rejects
 * {@code nouser@example.test} (550 5.1.1), defers {@code full@example.test} (452 4.2.2), refuses the
 * sender {@code blocked@example.test} at MAIL FROM (553, {@code smtpd_delay_reject=no}), rejects
 * subjects with REJECTME by header_checks, and messages over 200 kB by {@code message_size_limit}.
 * Accepted mail is discarded. Skipped only when nothing listens on 127.0.0.1:2525.
 */
@ExtendWith(NoThreadLeaks.class)
@Timeout(30)
class PostfixTest {

    private static final int PORT = 2525;
    private static final String GOOD = "good@example.test";
    private static final String NOUSER = "nouser@example.test";
    private static final String FULL = "full@example.test";

    // per test, so each shows up as skipped with the reason (a refused connect is instant)
    @BeforeEach
    void postfixListens() {
        boolean up;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", PORT), 500);
            up = true;
        } catch (IOException e) {
            up = false;
        }
        assumeTrue(up, "Postfix is not listening on 127.0.0.1:" + PORT + "; run .ci/postfix-setup.sh (as root) to install and start it");
    }

    /** Plain SMTP: the Debian default offers STARTTLS with a snakeoil certificate nobody trusts. */
    private static Session postfix(String... props) {
        return session(PORT, props);
    }

    @Test
    void rejectedDeferredAndUntriedRecipients() {
        Session s = postfix();
        ExplainedSendFailedException e = failing(sender(s).build(), message(s, "hello", GOOD, FULL, NOUSER));

        SendFailureReport r = e.report();
        assertThat(r.stage()).isEqualTo(SmtpStage.RCPT_TO);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        RecipientFailure full = r.failureFor(FULL).orElseThrow();
        assertThat(full.kind()).isEqualTo(Kind.DEFERRED);
        assertThat(full.reply().code()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo(452));
        assertThat(full.reply().status()).hasValueSatisfying(st -> assertThat(st.toString()).isEqualTo("4.2.2"));
        // 4.2.2 is "mailbox full"; Postfix says so in words too
        assertThat(full.diagnosis().category()).isEqualTo(Category.MAILBOX_FULL);
        RecipientFailure nouser = r.failureFor(NOUSER).orElseThrow();
        assertThat(nouser.kind()).isEqualTo(Kind.REJECTED);
        assertThat(nouser.reply().raw()).contains("<nouser@example.test>: Recipient address rejected: User unknown in local recipient table");
        assertThat(nouser.diagnosis().category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
        assertThat(r.recipientFailures()).extracting(RecipientFailure::address).containsExactly(FULL, NOUSER);
        assertThat(r.notAttemptedRecipients()).containsExactly(GOOD);
        assertThat(r.acceptedRecipients()).isEmpty();
        // the permanent refusal speaks for the report, though the temporary one came first
        assertThat(r.category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
        Reports.assertExplained(e);
    }

    @Test
    void partialDelivery() throws Exception {
        Session s = postfix();
        SendResult result = sender(s).sendPartial(true).build().send(message(s, "hello", GOOD, NOUSER));

        assertThat(result.outcome()).isEqualTo(Outcome.PARTIALLY_DELIVERED);
        SendFailureReport r = result.report().orElseThrow();
        assertThat(r.acceptedRecipients()).containsExactly(GOOD);
        assertThat(r.rejectedRecipients()).containsExactly(NOUSER);
        assertThat(r.category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
        assertThat(r.stage()).isEqualTo(SmtpStage.RCPT_TO);
        Reports.assertExplained(r, l -> SendFailureAnalyzer.standard().analyze(r.exception().orElseThrow(), l));
    }

    @Test
    void senderRefusedAtMailFrom() {
        Session s = postfix();
        ExplainedSendFailedException e = failing(sender(s).build(), messageFrom(s, "blocked@example.test", "hello", "body\n", GOOD));

        SendFailureReport r = e.report();
        assertThat(r.stage()).isEqualTo(SmtpStage.MAIL_FROM);
        assertThat(r.diagnosis().reply().code()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo(553));
        // "not owned by user": the account may not send as this address
        assertThat(r.category()).isEqualTo(Category.SENDER_NOT_PERMITTED);
        assertThat(r.notAttemptedRecipients()).containsExactly(GOOD);
        Reports.assertExplained(e);
    }

    @Test
    void contentRejectedByHeaderChecks() {
        Session s = postfix();
        ExplainedSendFailedException e = failing(sender(s).build(), message(s, "please REJECTME now", GOOD));

        SendFailureReport r = e.report();
        assertThat(r.stage()).isEqualTo(SmtpStage.END_OF_DATA);
        assertThat(r.diagnosis().reply().raw()).contains("550 5.7.1 Message content rejected by test policy");
        // the core reads "message content rejected" as a content filter's verdict (Gmail, Microsoft)
        assertThat(r.category()).isIn(Category.SPAM_DETECTED, Category.CONTENT_REJECTED);
        assertThat(r.recipientFailures()).extracting(RecipientFailure::address).containsExactly(GOOD);
        Reports.assertExplained(e);
    }

    @Test
    void oversizedMessageRefused() {
        Session s = postfix();
        String body = "0123456789abcdef".repeat(300_000 / 16);
        ExplainedSendFailedException e = failing(sender(s).build(), messageFrom(s, TestMail.FROM, "big", body, GOOD));

        SendFailureReport r = e.report();
        assertThat(r.stage()).isEqualTo(SmtpStage.END_OF_DATA);
        assertThat(r.diagnosis().reply().status()).hasValueSatisfying(st -> assertThat(st.toString()).isEqualTo("5.3.4"));
        assertThat(r.category()).isEqualTo(Category.MESSAGE_TOO_BIG);
        assertThat(r.rejectedRecipients()).containsExactly(GOOD);
        Reports.assertExplained(e);
    }

    @Test
    void oversizedByHeaderPolicy() {
        Session s = postfix();
        ExplainedSendFailedException e = failing(sender(s).build(), message(s, "OVERSIZED attachment", GOOD));
        assertThat(e.report().category()).isEqualTo(Category.MESSAGE_TOO_BIG);
        assertThat(e.report().stage()).isEqualTo(SmtpStage.END_OF_DATA);
    }

    @Test
    void acceptedMailIsDelivered() throws Exception {
        Session s = postfix();
        assertThat(sender(s).build().send(message(s, "hello", GOOD)).isFullyDelivered()).isTrue();
    }
}
