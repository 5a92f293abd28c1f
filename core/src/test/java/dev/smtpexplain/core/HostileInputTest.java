package dev.smtpexplain.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Inputs a hostile or broken server can send: huge, repetitive, near-miss, many lines. */
class HostileInputTest {

    private final Diagnoser diagnoser = Diagnoser.standard();

    @Test
    void tenThousandLineReply() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            sb.append("550-5.1.1 line ").append(i).append("\r\n");
        }
        sb.append("550 5.1.1 user unknown\r\n");
        SmtpReply r = SmtpReply.parse(sb.toString());
        assertThat(r.lines()).hasSize(10_001);
        assertThat(diagnoser.diagnose(r).category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
    }

    @Test
    void fourMebibyteSingleLine() {
        String line = "550 5.7.1 " + "x".repeat(4 * 1024 * 1024) + " relay access denied";
        Diagnosis d = diagnoser.diagnose(line);
        assertThat(d.category()).isEqualTo(Category.RELAY_DENIED);
    }

    /**
     * Time grows linearly with length, also for near-misses (long runs of a phrase's prefix). A
     * generous bound: 16 times the text may take at most 64 times as long (a quadratic matcher would take
     * 256 times as long).
     */
    @Test
    void diagnosisTimeGrowsLinearly() {
        // "x(535)" and "SMTP-(53)" have no code first, so the parser looks for one along the whole line (a bracketed
        // number asks whether a word before it names SMTP); the last two are composed (NFC) and lose their
        // zero-width spaces before they are read
        for (String unit : List.of("550 user unknow ", "550 relay acces ", "550 a", "550 5.5.5.5 ", "x(535)", "SMTP-(53)",
                "550 refuse\u0301 ", "550 \u09A8\u09DF\u200B\u0300")) {
            String head = unit.substring(0, unit.startsWith("550 ") ? 4 : 0);
            String body = unit.substring(head.length());
            String small = head + body.repeat(64 * 1024 / body.length());
            String large = head + body.repeat(1024 * 1024 / body.length());
            long ts = fastestNanos(small);
            long tl = fastestNanos(large);
            assertThat((double) tl / ts).as("unit '%s': %d ns vs %d ns", unit, ts, tl).isLessThan(64);
        }
    }

    /**
     * The fastest of several runs, in this thread's CPU time: time the thread waited for a core (other
     * builds on a busy machine) and the collector's threads do not count; what is left is the work.
     */
    private long fastestNanos(String text) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 15; i++) {
            long s = cpu.getCurrentThreadCpuTime();
            diagnoser.diagnose(text);
            best = Math.min(best, cpu.getCurrentThreadCpuTime() - s);
        }
        return Math.max(1, best);
    }

    @Test
    void sharedDiagnoserGivesTheSameAnswersFromEightThreads() throws Exception {
        List<String> replies = List.of("550 5.1.1 user unknown", "452 4.2.2 mailbox full", "550 5.7.26 dmarc policy", "421 greylisted",
                "554 5.7.1 spamhaus", "535 5.7.8 authentication credentials invalid", "599 ???", "relay access denied",
                // long, with many phrases and AND rules: each thread's reused scan holds more than a handful of hits
                "host mx.example.org said: 550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC\n"
                        + "550-5.7.26 policy, but temporary failure of the spam filter, mailbox full, quota exceeded, user unknown,\n"
                        + "550 5.7.26 relay access denied, greylisted, try again later, message too large, sender rejected, TLS required",
                "SMTP error from remote mail server after RCPT TO:<bob@example.net>: 451 4.7.1 Greylisted, please try again in 300 seconds");
        List<Category> expected = replies.stream().map(r -> diagnoser.diagnose(r).category()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        int k = i % replies.size();
                        if (diagnoser.diagnose(replies.get(k)).category() != expected.get(k)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** toString goes to logs and terminals: no escapes, bidi overrides or NULs, capped, no half surrogate pair. */
    @Test
    void toStringOfAHostileReplyIsSanitized() {
        String hostile = "550 5.1.1 \u001B[2J\u001B]0;owned\u0007 \u202Egnp.exe\u0000 " + "x".repeat(77) + "\uD83D\uDE00 tail";
        for (SmtpReply r : List.of(SmtpReply.parseLenient(hostile), SmtpReply.parse(hostile))) {
            String s = r.toString();
            assertThat(s).doesNotContain("\u001B", "\u0007", "\u202E", "\u0000", "owned").endsWith("…]");
            assertThat(s.codePoints().noneMatch(cp -> Character.getType(cp) == Character.SURROGATE)).isTrue();
            assertThat(Diagnoser.standard().diagnose(r).toString()).doesNotContain("\u001B", "\u202E", "\u0000");
        }
    }
}
