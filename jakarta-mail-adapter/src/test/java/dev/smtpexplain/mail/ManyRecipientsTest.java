package dev.smtpexplain.mail;

import static dev.smtpexplain.mail.support.Subetha.accept;
import static dev.smtpexplain.mail.support.Subetha.acceptContent;
import static dev.smtpexplain.mail.support.TestMail.failing;
import static dev.smtpexplain.mail.support.TestMail.message;
import static dev.smtpexplain.mail.support.TestMail.sender;
import static dev.smtpexplain.mail.support.TestMail.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.mail.support.NoThreadLeaks;
import dev.smtpexplain.mail.support.ReportStrings;
import dev.smtpexplain.mail.support.Subetha;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.subethamail.smtp.RejectException;

/**
 * Angus chains one {@code SMTPAddressFailedException} per refused recipient, so a send to many refused
 * recipients makes a long chain: every one of them is reported as refused, however many there are (the
 * walk once stopped at 64 links and called the rest "not sent to"). A chain longer than any send
 * explains is still cut, and a cycle ends the walk.
 */
@ExtendWith(NoThreadLeaks.class)
@Timeout(60)
class ManyRecipientsTest {

    private static List<String> recipients(int n) {
        return IntStream.range(0, n).mapToObj(i -> "nouser" + i + "@example.test").toList();
    }

    private static Subetha refusingEveryone() {
        return Subetha.start(accept(), r -> {
            throw new RejectException(550, "5.1.1 <" + r + ">: Recipient address rejected: User unknown in local recipient table");
        }, acceptContent());
    }

    private static void assertAllRefused(SendFailureReport r, List<String> to) {
        assertThat(r.category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
        assertThat(r.rejectedRecipients()).as("refused").containsExactlyElementsOf(to);
        assertThat(r.notAttemptedRecipients()).as("not sent to").isEmpty();
        assertThat(r.deferredRecipients()).isEmpty();
        assertThat(r.acceptedRecipients()).isEmpty();
        assertThat(r.text()).contains(to.get(to.size() - 1)).doesNotContain("not sent to");
        ReportStrings.assertSanitized(r);
    }

    /** The tester's case: 100 recipients, every RCPT answered 550 5.1.1, through the sender and from Angus's exception alone. */
    @Test
    void everyOneOfAHundredRefusedRecipientsIsReportedRefused() throws Exception {
        List<String> to = recipients(100);
        try (Subetha server = refusingEveryone()) {
            Session s = session(server.port());
            ExplainedSendFailedException e = failing(sender(s).build(), message(s, "hello", to.toArray(String[]::new)));
            assertAllRefused(e.report(), to);
            assertAllRefused(MailFailures.explain((MessagingException) e.getNextException(), Locale.ENGLISH), to);
            assertThat(e.report().toString()).contains("100 refused", "0 not attempted");
        }
    }

    /** The application's own {@code Transport.send}, caught and explained: a thousand refused recipients. */
    @Test
    void aThousandRefusedRecipientsCaughtByTheApplication() throws Exception {
        List<String> to = recipients(1000);
        try (Subetha server = refusingEveryone()) {
            Session s = session(server.port());
            MessagingException e = catchThrowableOfType(MessagingException.class,
                    () -> Transport.send(message(s, "hello", to.toArray(String[]::new))));
            assertAllRefused(MailFailures.explain(e, Locale.ENGLISH), to);
        }
    }

    private static SMTPAddressFailedException refusal(int i) throws Exception {
        InternetAddress a = new InternetAddress("u" + i + "@example.test");
        return new SMTPAddressFailedException(a, "RCPT TO:<" + a.getAddress() + ">", 550, "550 5.1.1 user unknown\n");
    }

    /** Refusals chained as Angus chains them, the last one's next exception set to {@code tail}. */
    private static SendFailedException refusals(int n, Exception tail) throws Exception {
        Exception next = tail;
        Address[] invalid = new Address[n];
        for (int i = n - 1; i >= 0; i--) {
            SMTPAddressFailedException e = refusal(i);
            if (next != null) {
                e.setNextException(next);
            }
            invalid[i] = e.getAddress();
            next = e;
        }
        return new SendFailedException("Invalid Addresses", next, new Address[0], new Address[0], invalid);
    }

    /** A next-exception cycle behind 300 refusals: the walk ends, and each refusal counts once. */
    @Test
    void aCycleBehindManyRefusalsEndsTheWalk() throws Exception {
        SendFailedException top = refusals(300, null);
        SMTPAddressFailedException last = (SMTPAddressFailedException) top.getNextException();
        while (last.getNextException() != null) {
            last = (SMTPAddressFailedException) last.getNextException();
        }
        last.setNextException(top);
        SendFailureReport r = MailFailures.explain(top, Locale.ENGLISH);
        assertThat(r.rejectedRecipients()).hasSize(300);
        assertThat(r.notAttemptedRecipients()).isEmpty();
    }

    /**
     * A chain far longer than the send it describes (three recipients, then 200,000 more links naming
     * nobody the send had) is cut soon after the send's own links: the report comes fast and its
     * technical details stay short.
     */
    @Test
    void aChainLongerThanItsSendIsCut() throws Exception {
        MessagingException filler = null;
        for (int i = 0; i < 200_000; i++) {
            filler = new MessagingException("filler " + i, filler);
        }
        SendFailedException top = refusals(3, filler);
        long start = System.nanoTime();
        SendFailureReport r = MailFailures.explain(top, Locale.ENGLISH);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(r.rejectedRecipients()).containsExactly("u0@example.test", "u1@example.test", "u2@example.test");
        assertThat(r.technicalDetails().lines().count()).isLessThan(100);

        // refusals of addresses the send does not name count only up to the slack
        Exception unnamed = (Exception) refusals(50_000, null).getNextException();
        SendFailureReport cut = MailFailures.explain(refusals(3, unnamed), Locale.ENGLISH);
        assertThat(cut.rejectedRecipients().size()).isBetween(3, 3 + 64);
    }
}
