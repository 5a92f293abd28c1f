package dev.smtpexplain.mail;

import static dev.smtpexplain.mail.support.TestMail.message;
import static dev.smtpexplain.mail.support.TestMail.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.mail.support.FakeSmtpServer;
import dev.smtpexplain.mail.support.FakeSmtpServer.Conversation;
import dev.smtpexplain.mail.support.NoThreadLeaks;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A shared {@link SendFailureAnalyzer} and a shared {@link ExplainingSender}, used from 8 threads at
 * once (started together, bounded in time), give exactly the reports one thread gives: same outcome,
 * stage, category, recipient lists and the same text in every locale.
 */
@ExtendWith(NoThreadLeaks.class)
@Timeout(60)
class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final Duration BOUND = Duration.ofSeconds(40);
    private static final List<Locale> LOCALES = Explainer.supportedLocales();

    /** Everything a report says, as one string. */
    private static String fingerprint(SendFailureReport r) {
        return String.join("|", r.outcome().name(), r.stage().id(), r.category().id(), r.locale().toLanguageTag(),
                r.rejectedRecipients().toString(), r.deferredRecipients().toString(), r.acceptedRecipients().toString(),
                r.notAttemptedRecipients().toString(), r.transportDetail().orElse(""), r.text(), r.technicalDetails(), r.explanation().serverText().orElse(""),
                String.join("/", r.explanation().advice()));
    }

    private static Address[] addrs(String... a) throws Exception {
        Address[] out = new Address[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = new InternetAddress(a[i]);
        }
        return out;
    }

    /** Angus's exceptions for the stages and the hostile cases, built as Angus builds them. */
    private static List<MessagingException> exceptions() throws Exception {
        InternetAddress bob = new InternetAddress("bob@example.test");
        InternetAddress full = new InternetAddress("full@example.test");
        SMTPAddressFailedException unknown = new SMTPAddressFailedException(bob, "RCPT TO:<bob@example.test>", 550,
                "550 5.1.1 <bob@example.test>: Recipient address rejected: User unknown\n");
        SMTPAddressFailedException mailbox = new SMTPAddressFailedException(full, "RCPT TO:<full@example.test>", 452,
                "452 4.2.2 <full@example.test>: Mailbox full\n");
        SendFailedException rcpt = new SendFailedException("Invalid Addresses", unknown, null, addrs("ok@example.test", "full@example.test"),
                addrs("bob@example.test"));
        unknown.setNextException(mailbox);
        SMTPAddressFailedException unknown2 = new SMTPAddressFailedException(bob, "RCPT TO:<bob@example.test>", 550,
                "550 5.1.1 user unknown \u001B[2J \u202Eevil {0} '#' </script>\n");
        SMTPSendFailedException partial = new SMTPSendFailedException(".", 250, "250 2.0.0 Ok: queued\n", unknown2,
                addrs("ok@example.test"), addrs(), addrs("bob@example.test"));
        return List.of(rcpt, partial,
                new AuthenticationFailedException("535 5.7.8 Authentication credentials invalid\n"),
                new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out")),
                new MessagingException("Got bad greeting from SMTP host: mx.example.test, port: 25, response: 554 5.3.2 busy\n"),
                new SMTPSendFailedException("DATA", 554, "554 5.7.1 Message rejected as spam\n", null, null,
                        addrs("a@example.test", "b@example.test"), null),
                new SMTPSendFailedException("MAIL FROM:<me@example.test>", 999, "999 what\n", null, null, addrs("a@example.test"), null),
                new MessagingException("\u0000\u001B]0;owned\u0007 garbage " + "x".repeat(5_000)));
    }

    /** Runs {@code work} on 8 threads released together; each returns its fingerprints. */
    private static List<List<String>> onEightThreads(Callable<List<String>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            long deadline = System.nanoTime() + BOUND.toNanos();
            List<List<String>> out = new ArrayList<>();
            for (Future<List<String>> f : futures) {
                out.add(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void sharedAnalyzerGivesTheSameReportsAsOneThread() throws Exception {
        SendFailureAnalyzer analyzer = new SendFailureAnalyzer(dev.smtpexplain.core.Diagnoser.standard(), Explainer.builder().build());
        List<MessagingException> exceptions = exceptions();
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < exceptions.size(); i++) {
            for (int l = 0; l < LOCALES.size(); l++) {
                expected.put(i + "/" + l, fingerprint(analyzer.analyze(exceptions.get(i), LOCALES.get(l))));
            }
        }
        List<String> keys = new ArrayList<>(expected.keySet());
        List<List<String>> results = onEightThreads(() -> {
            List<String> order = new ArrayList<>(keys);
            Collections.shuffle(order, new Random(Thread.currentThread().getId()));
            List<String> mismatches = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (String k : order) {
                    int slash = k.indexOf('/');
                    MessagingException e = exceptions.get(Integer.parseInt(k.substring(0, slash)));
                    Locale l = LOCALES.get(Integer.parseInt(k.substring(slash + 1)));
                    String got = fingerprint(analyzer.analyze(e, l));
                    if (!got.equals(expected.get(k))) {
                        mismatches.add(k + " -> " + got);
                    }
                }
            }
            return mismatches;
        });
        for (List<String> mismatches : results) {
            assertThat(mismatches).isEmpty();
        }
    }

    /** The server answers each RCPT with the code in the address's local part: {@code r2c550@example.test}. */
    private static final Pattern CODED = Pattern.compile("RCPT TO:<(r\\d+c(\\d{3})@example\\.test)>");

    private static final List<List<Integer>> MIXES = List.of(List.of(250), List.of(550), List.of(250, 550), List.of(452, 250, 553),
            List.of(421), List.of(250, 251, 450, 550, 552));

    private static List<String> recipients(List<Integer> mix) {
        List<String> to = new ArrayList<>();
        for (int i = 0; i < mix.size(); i++) {
            to.add("r" + i + "c" + mix.get(i) + "@example.test");
        }
        return to;
    }

    private static String sendAndFingerprint(ExplainingSender sender, Session s, List<Integer> mix) {
        try {
            SendResult r = sender.send(message(s, "concurrent", recipients(mix).toArray(String[]::new)));
            return "result|" + r.outcome() + "|" + r.acceptedRecipients() + "|" + r.report().map(ConcurrencyTest::fingerprint).orElse("");
        } catch (ExplainedSendFailedException e) {
            return "thrown|" + fingerprint(e.report());
        }
    }

    @Test
    void sharedSenderGivesTheSameReportsAsOneThread() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void rcpt(Conversation c, String line) throws IOException {
                Matcher m = CODED.matcher(line);
                int code = m.find() ? Integer.parseInt(m.group(2)) : 250;
                c.reply(code + (code / 100 == 2 ? " 2.1.5 Ok" : code / 100 == 4 ? " 4.2.0 try later" : " 5.1.1 no such user"));
            }
        })) {
            Session s = session(server.port());
            ThreadLocal<Locale> locale = ThreadLocal.withInitial(() -> Locale.ENGLISH);
            ExplainingSender sender = ExplainingSender.builder().session(s).sendPartial(true).locale(locale::get).build();
            List<Locale> locales = LOCALES.subList(0, Math.min(THREADS, LOCALES.size()));
            Map<String, String> expected = new LinkedHashMap<>();
            for (Locale l : locales) {
                locale.set(l);
                for (int m = 0; m < MIXES.size(); m++) {
                    expected.put(l + "/" + m, sendAndFingerprint(sender, s, MIXES.get(m)));
                }
            }
            int[] next = {0};
            List<List<String>> results = onEightThreads(() -> {
                Locale l;
                synchronized (next) {
                    l = locales.get(next[0]++ % locales.size());
                }
                locale.set(l);
                List<String> mismatches = new ArrayList<>();
                for (int round = 0; round < 2; round++) {
                    for (int m = 0; m < MIXES.size(); m++) {
                        String got = sendAndFingerprint(sender, s, MIXES.get(m));
                        if (!got.equals(expected.get(l + "/" + m))) {
                            mismatches.add(l + "/" + m + " -> " + got);
                        }
                    }
                }
                return mismatches;
            });
            for (List<String> mismatches : results) {
                assertThat(mismatches).isEmpty();
            }
            int sends = expected.size() + THREADS * 2 * MIXES.size();
            assertThat(server.connections()).isEqualTo(sends);
            assertThat(server.clientClosedEveryConnection(Duration.ofSeconds(3))).isTrue();
        }
    }
}
