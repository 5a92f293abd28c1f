package dev.smtpexplain.mail;

import static dev.smtpexplain.mail.support.TestMail.message;
import static dev.smtpexplain.mail.support.TestMail.sender;
import static dev.smtpexplain.mail.support.TestMail.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.Permanence;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.mail.support.FakeSmtpServer;
import dev.smtpexplain.mail.support.FakeSmtpServer.Conversation;
import dev.smtpexplain.mail.support.ReportStrings;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random hostile replies through a real socket: at a random stage the scripted server answers with a
 * random code prefix (none, 2xx-5xx, 999, 099, a continuation) and a random mix of NUL, ESC sequences,
 * C1 controls, invalid UTF-8, bidi overrides and isolates, zero-width characters, markup, ICU syntax,
 * bare CRs (which split the reply and desynchronize the conversation) and long runs. The send either
 * succeeds or throws a {@link ExplainedSendFailedException} whose report keeps the original exception, accounts
 * for every recipient once, is sanitized, and arrives within a bound; no other exception escapes and
 * the client closes every connection. The fuzz target's first byte picks the stage, the second the
 * locale, the rest is the reply (a CRLF is added). Seed corpus: {@code HostileReplyFuzzTestInputs/}.
 */
class HostileReplyFuzzTest {

    enum Stage { GREETING, EHLO_AND_HELO, MAIL, SECOND_RCPT, DATA, END_OF_DATA }

    private static final List<String> TO = List.of("a@example.test", "b@example.test");
    private static final AtomicInteger SENDS = new AtomicInteger();
    private static volatile Stage stage;
    private static volatile byte[] reply;
    private static FakeSmtpServer server;

    @BeforeAll
    static void start() throws IOException {
        server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            private void answer(Conversation c, Stage at, String normal) throws IOException {
                if (stage == at) {
                    c.replyBytes(reply);
                } else {
                    c.reply(normal);
                }
            }

            @Override
            public void greeting(Conversation c) throws IOException {
                answer(c, Stage.GREETING, "220 fake.test ESMTP");
            }

            @Override
            public void ehlo(Conversation c, String line) throws IOException {
                answer(c, Stage.EHLO_AND_HELO, "250 fake.test");
            }

            @Override
            public void helo(Conversation c, String line) throws IOException {
                answer(c, Stage.EHLO_AND_HELO, "250 fake.test");
            }

            @Override
            public void mail(Conversation c, String line) throws IOException {
                answer(c, Stage.MAIL, "250 2.1.0 Ok");
            }

            @Override
            public void rcpt(Conversation c, String line) throws IOException {
                answer(c, line.contains("b@") ? Stage.SECOND_RCPT : null, "250 2.1.5 Ok");
            }

            @Override
            public void data(Conversation c) throws IOException {
                if (stage == Stage.DATA) {
                    c.replyBytes(reply);
                    return;
                }
                super.data(c);
            }

            @Override
            public void endOfData(Conversation c) throws IOException {
                answer(c, Stage.END_OF_DATA, "250 2.0.0 Ok: queued");
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            assertThat(server.connections()).isEqualTo(SENDS.get());
            assertThat(server.clientClosedEveryConnection(Duration.ofSeconds(3))).as("the client closed every connection").isTrue();
        } finally {
            server.close();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final List<String> PREFIXES = List.of("", "250 ", "220 ", "354 ", "421 4.7.0 ", "450 ", "550 5.1.1 ", "554 5.7.1 ",
            "999 ", "099 ", "650 6.6.6 ", "5", "55", "550", "550-5.1.1 first\r\n550 5.1.1 ", "2.1.5 ");
    private static final List<byte[]> WORDS = List.of(utf8("user unknown"), utf8(" "), utf8("a"), utf8("5.7.1"), utf8("@"),
            utf8("<bob@example.test>"));
    private static final List<byte[]> CONTROLS = List.of(new byte[] {0}, new byte[] {7}, new byte[] {0x1B, '[', '2', 'J'},
            new byte[] {0x1B, ']', '0', ';', 'x', 7}, new byte[] {(byte) 0x9B, '3', '1', 'm'}, new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xE2, (byte) 0x80}, new byte[] {0x7F});
    private static final List<byte[]> INVISIBLE = List.of(utf8("\u202E"), utf8("\u202A"), utf8("\u2066"), utf8("\u2069"), utf8("\u200B"),
            utf8("\uFEFF"), utf8("\u2028"), utf8("\u0085"), utf8("ગુ"), utf8("\uD83D\uDE00"));
    private static final List<byte[]> SYNTAX = List.of(utf8("{0}"), utf8("'"), utf8("#"), utf8("|"), utf8("{count, plural, other {#}}"),
            utf8("</script><b>x</b>"), utf8("&amp;"), utf8("\""), utf8("\\"), utf8("%s%n"), utf8("${jndi:ldap://x}"));
    private static final List<byte[]> BREAKS = List.of(new byte[] {'\r'}, utf8("\r\n"), new byte[] {'\n'});

    /**
     * A code prefix, then up to 40 tokens: words, controls, invisible characters and syntax (10 each in
     * 43), line breaks (2 in 43) and runs of 1,000-30,000 letters (1 in 43); ends with CRLF.
     */
    private static byte[] randomReply(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(PREFIXES.get(random.nextInt(PREFIXES.size()))));
        int n = random.nextInt(41);
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(43);
            List<byte[]> from = pick < 10 ? WORDS : pick < 20 ? CONTROLS : pick < 30 ? INVISIBLE : pick < 40 ? SYNTAX : pick < 42 ? BREAKS : null;
            out.writeBytes(from != null ? from.get(random.nextInt(from.size())) : utf8("A".repeat(1_000 + random.nextInt(29_001))));
        }
        out.writeBytes(utf8("\r\n"));
        return out.toByteArray();
    }

    @FuzzTest
    void anyReplyAtAnyStageGivesASafeReport(byte[] input) {
        Stage[] stages = Stage.values();
        List<Locale> locales = Explainer.supportedLocales();
        Stage at = input.length > 0 ? stages[(input[0] & 0xFF) % stages.length] : Stage.GREETING;
        Locale locale = input.length > 1 ? locales.get((input[1] & 0xFF) % locales.size()) : Locale.ENGLISH;
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        reply.write(input, Math.min(2, input.length), Math.max(0, input.length - 2));
        reply.writeBytes(utf8("\r\n"));
        sendAndCheck(at, reply.toByteArray(), locale);
    }

    /** 300 seeded random replies at random stages in random locales. */
    @Test
    void seededRandomReplies() {
        Random random = new Random(15);
        Stage[] stages = Stage.values();
        List<Locale> locales = Explainer.supportedLocales();
        for (int i = 0; i < 300; i++) {
            sendAndCheck(stages[random.nextInt(stages.length)], randomReply(random), locales.get(random.nextInt(locales.size())));
        }
    }

    /**
     * Issue 15, findings 4 and 5, as properties: a greeting that does not start with a code 200-599
     * is never "service unavailable" (a protocol error, or a lost or timed-out connection when it
     * ended or looked like a continuation), and a 5xx greeting is never explained with a category
     * that means "wait".
     */
    private static void assertGreetingReport(byte[] greeting, SendFailureReport r) {
        boolean coded = greeting.length >= 3 && greeting[0] >= '2' && greeting[0] <= '5'
                && Character.isDigit(greeting[1]) && Character.isDigit(greeting[2]);
        if (!coded) {
            assertThat(r.category()).as("greeting %s", new String(greeting, StandardCharsets.ISO_8859_1))
                    .isIn(Category.PROTOCOL_ERROR, Category.NETWORK_ERROR, Category.CONNECTION_FAILED);
        } else if (greeting[0] == '5' && r.stage() == SmtpStage.GREETING) {
            assertThat(r.category().defaultPermanence()).as("%s (%s) for greeting %s", r.category(), r.diagnosis().evidence().ruleId(),
                            new String(greeting, StandardCharsets.ISO_8859_1))
                    .isNotEqualTo(Permanence.TEMPORARY);
        }
    }

    private static void sendAndCheck(Stage at, byte[] hostile, Locale locale) {
        stage = at;
        reply = hostile;
        SENDS.incrementAndGet();
        Session s = session(server.port(), "mail.smtp.timeout", "300");
        ExplainingSender sender = sender(s).locale(locale).build();
        long start = System.nanoTime();
        String outcome;
        try {
            SendResult r = sender.send(message(s, "hostile", TO.toArray(String[]::new)));
            assertThat(r.acceptedRecipients()).containsExactlyElementsOf(TO);
            outcome = "delivered";
        } catch (ExplainedSendFailedException e) {
            SendFailureReport r = e.report();
            assertThat(e.getNextException()).isInstanceOf(MessagingException.class).isNotInstanceOf(ExplainedSendFailedException.class);
            assertThat(r.exception()).containsSame((MessagingException) e.getNextException());
            ReportStrings.assertSanitized(r);
            ReportStrings.assertSafe("exception message", e.getMessage(), false,
                    SendFailureAnalyzer.standard().explainer().messages(r.locale()).isRightToLeft());
            // every recipient once: not sent to, refused, accepted or (no reply to the content) unconfirmed
            List<String> seen = new ArrayList<>(r.notAttemptedRecipients());
            seen.addAll(r.unconfirmedRecipients());
            r.recipientFailures().forEach(f -> seen.add(f.address()));
            seen.addAll(r.acceptedRecipients());
            assertThat(seen).containsExactlyInAnyOrderElementsOf(TO);
            if (at == Stage.GREETING) {
                assertGreetingReport(hostile, r);
            }
            outcome = r.category().id();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("%s at %s", outcome, at).isLessThan(Duration.ofSeconds(3));
    }
}
