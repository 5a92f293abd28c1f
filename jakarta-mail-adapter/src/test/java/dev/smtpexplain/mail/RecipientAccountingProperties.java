package dev.smtpexplain.mail;

import static dev.smtpexplain.mail.support.TestMail.message;
import static dev.smtpexplain.mail.support.TestMail.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.mail.SendFailureReport.Outcome;
import dev.smtpexplain.mail.support.FakeSmtpServer;
import dev.smtpexplain.mail.support.FakeSmtpServer.Conversation;
import dev.smtpexplain.mail.support.ReportStrings;
import dev.smtpexplain.mail.support.TestMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing is lost: for random mixes of 1-8 recipients, and of 63, 64, 65, 100 and 500, the scripted server
 * accepts (2xx), rejects (5xx) or defers (4xx), with and without {@code mail.smtp.sendpartial}, every recipient appears in the
 * report exactly once (accepted, rejected, deferred or not attempted), and the counts match the RCPT
 * commands the server saw and the 2xx it answered. The same holds for a report made from Angus's
 * exception alone.
 */
class RecipientAccountingProperties {

    /** The server answers each RCPT with the code written in the address: {@code t7r2c550@example.test}. */
    private static final Pattern CODED = Pattern.compile("RCPT TO:<(t(\\d+)r\\d+c(\\d{3})@example\\.test)>");
    private static final List<Integer> ACCEPT = List.of(250, 251);
    private static final List<Integer> REJECT = List.of(550, 551, 553, 501, 503, 552, 554, 557);
    private static final List<Integer> DEFER = List.of(450, 451, 452, 421, 471);

    private static FakeSmtpServer server;
    private static final AtomicInteger TRIES = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void rcpt(Conversation c, String line) throws IOException {
                Matcher m = CODED.matcher(line);
                int code = m.find() ? Integer.parseInt(m.group(3)) : 250;
                String text = switch (code / 100) {
                    case 2 -> code + " 2.1.5 Ok";
                    case 4 -> code + " 4.2.0 <" + (m.find(0) ? m.group(1) : "") + ">: try again later";
                    default -> code + " 5.1.1 <" + (m.find(0) ? m.group(1) : "") + ">: Recipient address rejected";
                };
                c.reply(text);
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            // every send closed its connection: no socket left open by the sender
            assertThat(server.connections()).isEqualTo(TRIES.get());
            assertThat(server.clientClosedEveryConnection(Duration.ofSeconds(3))).isTrue();
        } finally {
            server.close();
        }
    }

    /** {@code n} codes, each from the accepting, rejecting or deferring list (a third each). */
    private static List<Integer> mix(Random random, int n) {
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Integer> kind = List.of(ACCEPT, REJECT, DEFER).get(random.nextInt(3));
            codes.add(kind.get(random.nextInt(kind.size())));
        }
        return codes;
    }

    /** {@code n} codes from the rejecting list. */
    private static List<Integer> allRejected(Random random, int n) {
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            codes.add(REJECT.get(random.nextInt(REJECT.size())));
        }
        return codes;
    }

    /** 60 seeded random mixes of 1-8 recipients, with and without sendpartial. */
    @Test
    void everyRecipientIsAccountedForExactlyOnce() throws Exception {
        Random random = new Random(15);
        for (int i = 0; i < 60; i++) {
            sendAndAccount(mix(random, 1 + random.nextInt(8)), random.nextBoolean());
        }
    }

    /**
     * Large sends, around and far past the 64 links the exception walk once stopped at (Angus chains one
     * exception per refused recipient, so the 64th refusal on was reported "not sent to"): a random mix and
     * every recipient refused, each with and without sendpartial.
     */
    @Test
    void everyRecipientOfALargeSendIsAccountedForExactlyOnce() throws Exception {
        Random random = new Random(15);
        for (int n : List.of(63, 64, 65, 100, 500)) {
            for (boolean sendPartial : List.of(false, true)) {
                sendAndAccount(mix(random, n), sendPartial);
                sendAndAccount(allRejected(random, n), sendPartial);
            }
        }
    }

    private static void sendAndAccount(List<Integer> codes, boolean sendPartial) throws Exception {
        int t = TRIES.incrementAndGet();
        List<String> to = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        List<String> deferred = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String address = "t" + t + "r" + i + "c" + codes.get(i) + "@example.test";
            to.add(address);
            (codes.get(i) / 100 == 2 ? accepted : codes.get(i) / 100 == 5 ? rejected : deferred).add(address);
        }
        Session s = session(server.port());
        ExplainingSender sender = TestMail.sender(s).sendPartial(sendPartial).build();
        int before = server.commands().size();

        SendResult result = null;
        ExplainedSendFailedException e = null;
        try {
            result = sender.send(message(s, "mix", to.toArray(String[]::new)));
        } catch (ExplainedSendFailedException x) {
            e = x;
        }
        boolean everyoneAccepted = rejected.isEmpty() && deferred.isEmpty();
        boolean delivered = everyoneAccepted || sendPartial && !accepted.isEmpty();
        SendFailureReport report;
        if (delivered) {
            assertThat(e).as("a send that reached someone returns").isNull();
            assertThat(result.acceptedRecipients()).containsExactlyElementsOf(accepted);
            assertThat(result.outcome()).isEqualTo(everyoneAccepted ? Outcome.DELIVERED : Outcome.PARTIALLY_DELIVERED);
            report = result.report().orElse(null);
        } else {
            assertThat(e).as("a send that reached nobody throws").isNotNull();
            report = e.report();
            assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
        }

        // what the server saw in this conversation
        List<String> rcpts = new ArrayList<>();
        boolean dataSent = false;
        for (String c : server.commands().subList(before, server.commands().size())) {
            Matcher m = CODED.matcher(c);
            if (m.find() && Integer.parseInt(m.group(2)) == t) {
                rcpts.add(m.group(1));
            }
            dataSent |= c.equals("DATA");
        }
        long answered2xx = rcpts.stream().filter(accepted::contains).count();
        assertThat(rcpts).as("RCPT commands").containsExactlyElementsOf(to);
        assertThat(dataSent).as("content sent").isEqualTo(delivered);

        if (report == null) {
            assertThat(everyoneAccepted).isTrue();
            assertThat(result.acceptedRecipients()).hasSize((int) answered2xx).hasSameSizeAs(to);
            return;
        }
        assertAccounted(report, to, accepted, rejected, deferred, delivered, answered2xx);
        // the same from Angus's exception alone, without what the sender knew
        MessagingException original = report.exception().orElseThrow();
        assertAccounted(MailFailures.explain(original, Locale.ENGLISH), to, accepted, rejected, deferred, delivered, answered2xx);
    }

    private static void assertAccounted(SendFailureReport r, List<String> to, List<String> accepted, List<String> rejected,
                                        List<String> deferred, boolean delivered, long answered2xx) {
        assertThat(r.rejectedRecipients()).as("rejected").containsExactlyElementsOf(rejected);
        assertThat(r.deferredRecipients()).as("deferred").containsExactlyElementsOf(deferred);
        assertThat(r.recipientFailures()).allSatisfy(f -> assertThat(f.kind() == RecipientFailure.Kind.REJECTED)
                .isEqualTo(f.reply().classDigit() == 5));
        if (delivered) {
            assertThat(r.acceptedRecipients()).as("accepted").containsExactlyElementsOf(accepted);
            assertThat(r.notAttemptedRecipients()).as("not attempted").isEmpty();
        } else {
            // accepted at RCPT, but Angus abandoned the transaction: they did not get the message
            assertThat(r.acceptedRecipients()).as("accepted").isEmpty();
            assertThat(r.notAttemptedRecipients()).as("not attempted").containsExactlyElementsOf(accepted);
        }
        List<String> all = new ArrayList<>(r.acceptedRecipients());
        all.addAll(r.rejectedRecipients());
        all.addAll(r.deferredRecipients());
        all.addAll(r.notAttemptedRecipients());
        assertThat(all).as("each recipient exactly once").containsExactlyInAnyOrderElementsOf(to);
        // the counts against the server: every 2xx it answered is accepted or (transaction abandoned) not attempted
        assertThat(r.acceptedRecipients().size() + r.notAttemptedRecipients().size()).isEqualTo(answered2xx);
        assertThat(r.recipientFailures()).hasSize(to.size() - (int) answered2xx);
        to.forEach(a -> assertThat(r.text()).contains(a));
        ReportStrings.assertSanitized(r);
    }
}
