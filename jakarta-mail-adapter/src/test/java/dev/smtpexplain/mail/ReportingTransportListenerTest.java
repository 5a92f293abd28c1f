package dev.smtpexplain.mail;

import static dev.smtpexplain.mail.support.Subetha.accept;
import static dev.smtpexplain.mail.support.TestMail.message;
import static dev.smtpexplain.mail.support.TestMail.sender;
import static dev.smtpexplain.mail.support.TestMail.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.mail.SendFailureReport.Outcome;
import dev.smtpexplain.mail.support.NoThreadLeaks;
import dev.smtpexplain.mail.support.Subetha;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.event.TransportAdapter;
import jakarta.mail.event.TransportEvent;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.subethamail.smtp.RejectException;

/**
 * TransportEvents paired with exceptions, against SubEthaSMTP: the RCPT event arrives before the
 * throw, the end-of-data event after it (notes §3); either way the app hears once, with the report
 * made from the exception.
 */
@ExtendWith(NoThreadLeaks.class)
@Timeout(20)
class ReportingTransportListenerTest {

    private static final Duration CORRELATION = Duration.ofMillis(400);
    private static final String GOOD = "good@example.test";
    private static final String NOUSER = "nouser@example.test";

    /** What the callbacks heard. */
    private record Heard(String kind, Message message, SendFailureReport report, List<String> recipients) {
    }

    private static final class Recorder implements ReportingTransportListener.Callbacks {
        final BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();

        @Override
        public void onDelivered(Message message, List<String> recipients) {
            heard.add(new Heard("delivered", message, null, recipients));
        }

        @Override
        public void onFailure(Message message, SendFailureReport report) {
            heard.add(new Heard("failure", message, report, List.of()));
        }

        Heard next() throws InterruptedException {
            Heard h = heard.poll(5, TimeUnit.SECONDS);
            assertThat(h).as("a callback").isNotNull();
            return h;
        }

        /** Nothing more arrives, even after the correlation window. */
        void assertQuiet() throws InterruptedException {
            assertThat(heard.poll(CORRELATION.toMillis() * 2, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    private static Subetha server() {
        return Subetha.start(accept(), r -> {
            if (r.startsWith("nouser")) {
                throw new RejectException(550, "5.1.1 <" + r + ">: Recipient address rejected: User unknown");
            }
        }, c -> {
            if (new String(c).contains("Subject: spam")) {
                throw new RejectException(554, "5.7.1 Message rejected as spam");
            }
        });
    }

    private static ReportingTransportListener listener(Recorder r) {
        return new ReportingTransportListener(SendFailureAnalyzer.standard(), LocaleSource.fixed(Locale.ENGLISH), r, CORRELATION);
    }

    /** The app's own Transport code, with the one added line in the catch block. */
    private static void sendWithOwnTransport(Session s, MimeMessage m, ReportingTransportListener l) throws MessagingException {
        Transport t = s.getTransport("smtp");
        t.addTransportListener(l);
        try {
            t.connect();
            m.saveChanges();
            t.sendMessage(m, m.getAllRecipients());
        } catch (MessagingException e) {
            l.exceptionThrown(t, m, e);
        } finally {
            t.close();
        }
    }

    /**
     * Waits until the listener holds the event. Tests that need the event itself wait before closing:
     * Jakarta Mail's EventQueue thread reads its queue only once it runs, and a close() before that
     * drops the event (the listener then reports from the exception alone).
     */
    private static void awaitEvent(ReportingTransportListener l) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (l.pendingCount() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(l.pendingCount()).as("the TransportEvent arrived").isPositive();
    }

    /** Sends {@code m} twice on {@code t}, one right after the other; returns what each send threw. */
    private static List<MessagingException> sendTwice(Transport t, MimeMessage m, Consumer<MessagingException> onFailure) {
        List<MessagingException> thrown = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            try {
                t.sendMessage(m, m.getAllRecipients());
            } catch (MessagingException e) {
                thrown.add(e);
                onFailure.accept(e);
            }
        }
        return thrown;
    }

    @Test
    void recipientFailureIsReportedOnceWithTheExceptionsDetail() throws Exception {
        Recorder r = new Recorder();
        try (Subetha server = server(); ReportingTransportListener l = listener(r)) {
            Session s = session(server.port());
            MimeMessage m = message(s, "hello", GOOD, NOUSER);
            sendWithOwnTransport(s, m, l);

            Heard h = r.next();
            assertThat(h.kind()).isEqualTo("failure");
            assertThat(h.message()).isSameAs(m);
            assertThat(h.report().category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
            assertThat(h.report().stage()).isEqualTo(SmtpStage.RCPT_TO);
            assertThat(h.report().exception()).isPresent();
            r.assertQuiet();
        }
    }

    @Test
    void endOfDataFailureIsPairedToo() throws Exception {
        Recorder r = new Recorder();
        try (Subetha server = server(); ReportingTransportListener l = listener(r)) {
            Session s = session(server.port());
            sendWithOwnTransport(s, message(s, "spam", GOOD), l);

            Heard h = r.next();
            assertThat(h.report().category()).isEqualTo(Category.SPAM_DETECTED);
            assertThat(h.report().stage()).isEqualTo(SmtpStage.END_OF_DATA);
            r.assertQuiet();
        }
    }

    @Test
    void deliveredEventsCallOnDelivered() throws Exception {
        Recorder r = new Recorder();
        try (Subetha server = server(); ReportingTransportListener l = listener(r)) {
            Session s = session(server.port());
            MimeMessage m = message(s, "hello", GOOD);
            Transport t = s.getTransport("smtp");
            t.addTransportListener(l);
            Heard h;
            try {
                t.connect();
                m.saveChanges();
                t.sendMessage(m, m.getAllRecipients());
                h = r.next(); // before close(): see awaitEvent
            } finally {
                t.close();
            }
            assertThat(h.kind()).isEqualTo("delivered");
            assertThat(h.message()).isSameAs(m);
            assertThat(h.recipients()).containsExactly(GOOD);
        }
    }

    @Test
    void anEventWithoutItsExceptionIsReportedAfterTheTimeout() throws Exception {
        Recorder r = new Recorder();
        try (Subetha server = server(); ReportingTransportListener l = listener(r)) {
            Session s = session(server.port());
            Transport t = s.getTransport("smtp");
            t.addTransportListener(l);
            MimeMessage m = message(s, "hello", GOOD, NOUSER);
            try {
                t.connect();
                m.saveChanges();
                t.sendMessage(m, m.getAllRecipients());
            } catch (MessagingException e) {
                // this app does not hand the exception over
                awaitEvent(l);
            } finally {
                t.close();
            }

            Heard h = r.next();
            assertThat(h.report().exception()).isEmpty();
            assertThat(h.report().category()).isEqualTo(Category.UNKNOWN);
            assertThat(h.report().recipientFailures()).extracting(RecipientFailure::address).containsExactly(NOUSER);
            assertThat(h.report().notAttemptedRecipients()).containsExactly(GOOD);
            assertThat(h.report().text()).contains(NOUSER);
        }
    }

    @Test
    void aConnectFailureIsReportedAtOnce() throws Exception {
        int port;
        try (var closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = closed.getLocalPort();
        }
        Recorder r = new Recorder();
        try (ReportingTransportListener l = listener(r)) {
            Session s = session(port);
            Transport t = s.getTransport("smtp");
            t.addTransportListener(l);
            MimeMessage m = message(s, "hello", GOOD);
            long start = System.nanoTime();
            try {
                t.connect();
            } catch (MessagingException e) {
                l.exceptionThrown(t, m, e);
            }
            Heard h = r.heard.poll(0, TimeUnit.MILLISECONDS);
            // no event will come for a connect failure, so the callback ran in exceptionThrown
            assertThat(h).isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CORRELATION);
            assertThat(h.report().stage()).isEqualTo(SmtpStage.CONNECT);
            // the message's own recipients were not sent to (outside tester 64: nobody was listed)
            assertThat(h.report().notAttemptedRecipients()).containsExactly(GOOD);
        }
    }

    @Test
    void partialDeliveryThroughTheSender() throws Exception {
        Recorder r = new Recorder();
        try (Subetha server = server(); ReportingTransportListener l = listener(r)) {
            Session s = session(server.port());
            ExplainingSender sender = sender(s).sendPartial(true).transportListener(l).build();
            SendResult result = sender.send(message(s, "hello", GOOD, NOUSER));

            assertThat(result.outcome()).isEqualTo(Outcome.PARTIALLY_DELIVERED);
            Heard h = r.next();
            assertThat(h.report().outcome()).isEqualTo(Outcome.PARTIALLY_DELIVERED);
            assertThat(h.report().acceptedRecipients()).containsExactly(GOOD);
            assertThat(h.report().rejectedRecipients()).containsExactly(NOUSER);
            r.assertQuiet();
        }
    }

    @Test
    void theSenderReportsDeliveryDirectly() throws Exception {
        Recorder r = new Recorder();
        try (Subetha server = server(); ReportingTransportListener l = listener(r)) {
            Session s = session(server.port());
            MimeMessage m = message(s, "hello", GOOD);
            sender(s).transportListener(l).build().send(m);

            // told by the sender, before send() returned: nothing depends on the event thread
            Heard h = r.heard.poll(0, TimeUnit.MILLISECONDS);
            assertThat(h).isNotNull();
            assertThat(h.kind()).isEqualTo("delivered");
            assertThat(h.message()).isSameAs(m);
            assertThat(h.recipients()).containsExactly(GOOD);
            r.assertQuiet();
        }
    }

    @Test
    void retryingTheSameMessageOnTheSameTransportIsReportedTwice() throws Exception {
        Recorder r = new Recorder();
        // a window long enough that a loaded machine never splits a pair: each report here pairs both halves
        try (Subetha server = server(); ReportingTransportListener l = new ReportingTransportListener(
                SendFailureAnalyzer.standard(), LocaleSource.fixed(Locale.ENGLISH), r, Duration.ofSeconds(8))) {
            Session s = session(server.port());
            Transport t = s.getTransport("smtp");
            t.addTransportListener(l);
            MimeMessage m = message(s, "hello", NOUSER);
            m.saveChanges();
            t.connect();
            try {
                // at once, as an application retrying would: the second send's halves may overtake the first's
                List<MessagingException> thrown = sendTwice(t, m, e -> l.exceptionThrown(t, m, e));
                List<Heard> heard = List.of(r.next(), r.next());
                assertThat(heard).extracting(h -> h.report().exception().orElseThrow()).containsExactlyElementsOf(thrown);
                assertThat(heard).allSatisfy(h -> {
                    assertThat(h.report().category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
                    assertThat(h.report().recipientFailures()).extracting(RecipientFailure::address).containsExactly(NOUSER);
                });
            } finally {
                t.close();
            }
            // both pairs were complete: nothing waits, nothing more will be reported
            assertThat(l.pendingCount()).isZero();
        }
        assertThat(r.heard).isEmpty();
    }

    /**
     * An immediate retry: the second send's exception reaches the listener before the first send's
     * event. The halves are real (two sends of one message on one Transport, the server refusing the
     * recipient for good, then for now) and handed over in that racing order; each send is reported
     * once, with its own exception.
     */
    @Test
    void aRetrysExceptionOvertakingTheFirstEventIsPairedInOrder() throws Exception {
        int[] attempts = {0};
        Recorder r = new Recorder();
        try (Subetha server = Subetha.start(accept(), rcpt -> {
                if (attempts[0]++ == 0) {
                    throw new RejectException(550, "5.1.1 <" + rcpt + ">: Recipient address rejected: User unknown");
                }
                throw new RejectException(452, "4.2.2 <" + rcpt + ">: mailbox full, try again later");
            }, c -> { });
             ReportingTransportListener l = listener(r)) {
            Session s = session(server.port());
            Transport t = s.getTransport("smtp");
            BlockingQueue<TransportEvent> events = new LinkedBlockingQueue<>();
            t.addTransportListener(new TransportAdapter() {
                @Override
                public void messageNotDelivered(TransportEvent e) {
                    events.add(e);
                }
            });
            MimeMessage m = message(s, "hello", NOUSER);
            m.saveChanges();
            List<MessagingException> thrown;
            t.connect();
            try {
                thrown = sendTwice(t, m, e -> { });
                TransportEvent first = events.poll(5, TimeUnit.SECONDS);
                TransportEvent second = events.poll(5, TimeUnit.SECONDS);
                assertThat(thrown).hasSize(2);
                assertThat(second).as("both sends' events").isNotNull();

                l.exceptionThrown(t, m, thrown.get(0));
                l.exceptionThrown(t, m, thrown.get(1));
                l.messageNotDelivered(first);
                l.messageNotDelivered(second);
            } finally {
                t.close();
            }

            Heard one = r.next();
            Heard two = r.next();
            assertThat(one.report().exception()).containsSame(thrown.get(0));
            assertThat(one.report().category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
            assertThat(two.report().exception()).containsSame(thrown.get(1));
            assertThat(two.report().category()).isEqualTo(Category.MAILBOX_FULL);
            assertThat(List.of(one, two)).allSatisfy(h -> assertThat(h.report().recipientFailures())
                    .extracting(RecipientFailure::address).containsExactly(NOUSER));
            r.assertQuiet();
            assertThat(l.pendingCount()).isZero();
        }
    }

    @Test
    void closeReportsWhatIsPending() throws Exception {
        Recorder r = new Recorder();
        ReportingTransportListener l = new ReportingTransportListener(SendFailureAnalyzer.standard(),
                LocaleSource.fixed(Locale.ENGLISH), r, Duration.ofMinutes(1));
        try (Subetha server = server()) {
            Session s = session(server.port());
            Transport t = s.getTransport("smtp");
            t.addTransportListener(l);
            MimeMessage m = message(s, "hello", NOUSER);
            try {
                t.connect();
                m.saveChanges();
                t.sendMessage(m, m.getAllRecipients());
            } catch (MessagingException e) {
                // the event waits for an exception that never comes: with a one-minute window, nothing yet
                awaitEvent(l);
            } finally {
                t.close();
            }
            assertThat(r.heard).isEmpty();
        }
        l.close();
        assertThat(r.next().report().recipientFailures()).hasSize(1);
        assertThat(l.pendingCount()).isZero();
    }
}
