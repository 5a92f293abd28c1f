package dev.smtpexplain.mail;

import static dev.smtpexplain.mail.support.TestMail.failing;
import static dev.smtpexplain.mail.support.TestMail.message;
import static dev.smtpexplain.mail.support.TestMail.sender;
import static dev.smtpexplain.mail.support.TestMail.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.mail.RecipientFailure.Kind;
import dev.smtpexplain.mail.support.FakeSmtpServer;
import dev.smtpexplain.mail.support.FakeSmtpServer.Conversation;
import dev.smtpexplain.mail.support.NoThreadLeaks;
import dev.smtpexplain.mail.support.OpenSockets;
import dev.smtpexplain.mail.support.ReportStrings;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.ByteArrayOutputStream;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Servers that misbehave on purpose, scripted on a raw socket at 127.0.0.1: replies without a code,
 * binary bytes and invalid UTF-8, a 100 KB line, codes outside 200-599, a 421 after RCPT, a
 * multi-line reply that never ends. Whatever the server does, the sender throws a
 * {@link ExplainedSendFailedException} with a report (analysis never throws), keeps Angus's exception as the
 * cause, every string of the report is sanitized in every locale, the client closes every connection
 * and the JVM has no more sockets or threads than before.
 */
@ExtendWith(NoThreadLeaks.class)
@Timeout(20)
class HostileServerTest {

    private static final String A = "a@example.test";
    private static final String B = "b@example.test";
    private static final String C = "c@example.test";
    /** Every send here must end within this, stalls and timeouts included. */
    private static final Duration SEND_BOUND = Duration.ofSeconds(5);

    /** NUL, ESC [2J (clear screen), 0xFF, an invalid UTF-8 pair, U+202E as UTF-8 bytes, BEL. */
    private static final int[] JUNK = {0x00, 0x1B, '[', '2', 'J', 0xFF, 0xC3, 0x28, 0xE2, 0x80, 0xAE, 0x07, 0x9B, '3', '1', 'm'};

    /** What one hostile send left behind. */
    private record Outcome(ExplainedSendFailedException exception, SendFailureReport report, List<String> commands) {
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else if (p instanceof int[] ints) {
                for (int i : ints) {
                    out.write(i);
                }
            }
        }
        return out.toByteArray();
    }

    private static Outcome send(FakeSmtpServer.Script script, List<String> to, String... props) throws Exception {
        return send(script, true, to, props);
    }

    /**
     * Sends to a fake running {@code script}, then checks what every hostile send must give: a report
     * made without throwing, the original exception kept, sanitized text in every locale, bounded time,
     * and, when the script does not hang up itself, every connection closed by the client; after the
     * fake stops, no more open sockets than before.
     */
    private static Outcome send(FakeSmtpServer.Script script, boolean clientCloses, List<String> to, String... props) throws Exception {
        int socketsBefore = OpenSockets.count();
        Outcome outcome;
        try (FakeSmtpServer server = FakeSmtpServer.start(script)) {
            List<String> p = new ArrayList<>(List.of("mail.smtp.timeout", "400"));
            p.addAll(List.of(props));
            Session s = session(server.port(), p.toArray(String[]::new));
            long start = System.nanoTime();
            ExplainedSendFailedException e = failing(sender(s).build(), message(s, "hello", to.toArray(String[]::new)));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("send time").isLessThan(SEND_BOUND);
            if (clientCloses) {
                assertThat(server.clientClosedEveryConnection(Duration.ofSeconds(3))).as("the client closed its connection").isTrue();
            }
            assertThat(server.connections()).isEqualTo(1);
            outcome = new Outcome(e, e.report(), server.commands());
        }
        if (OpenSockets.countable()) {
            assertThat(OpenSockets.awaitAtMost(socketsBefore, 2000)).as("open sockets after the send").isLessThanOrEqualTo(socketsBefore);
        }
        assertReported(outcome.exception(), to);
        return outcome;
    }

    private static void assertReported(ExplainedSendFailedException e, List<String> to) {
        SendFailureReport r = e.report();
        // the original exception is the cause, in the report too
        assertThat(e.getNextException()).isInstanceOf(MessagingException.class).isNotInstanceOf(ExplainedSendFailedException.class);
        assertThat(e.getCause()).isSameAs(e.getNextException());
        assertThat(r.exception()).containsSame((MessagingException) e.getNextException());
        ReportStrings.assertSanitized(r);
        ReportStrings.assertSafe("exception message", e.getMessage(), false, false);
        // what a log line prints of the exception itself: its message, not the server's raw reply
        assertThat(e.getLocalizedMessage()).isEqualTo(e.getMessage());
        assertThat(e.toString()).isEqualTo(ExplainedSendFailedException.class.getName() + ": " + e.getMessage());
        // nobody got the message, and nobody is lost
        assertThat(r.outcome()).isEqualTo(SendFailureReport.Outcome.FAILED);
        List<String> seen = new ArrayList<>(r.notAttemptedRecipients());
        r.recipientFailures().forEach(f -> seen.add(f.address()));
        seen.addAll(r.acceptedRecipients());
        assertThat(seen).containsExactlyInAnyOrderElementsOf(to);
        // the same exception in every locale: never throws, same diagnosis, sanitized
        MessagingException original = (MessagingException) e.getNextException();
        for (Locale l : Explainer.supportedLocales()) {
            SendFailureReport again = SendFailureAnalyzer.standard().analyze(e, l);
            assertThat(again.category()).isEqualTo(r.category());
            assertThat(again.stage()).isEqualTo(r.stage());
            ReportStrings.assertSanitized(again);
            ReportStrings.assertSanitized(MailFailures.explain(original, l));
        }
    }

    private static FakeSmtpServer.Script greeting(byte[] reply) {
        return new FakeSmtpServer.Script() {
            @Override
            public void greeting(Conversation c) throws IOException {
                c.replyBytes(reply);
            }
        };
    }

    private static FakeSmtpServer.Script rcpt(byte[]... replies) {
        return new FakeSmtpServer.Script() {
            private int n;

            @Override
            public void rcpt(Conversation c, String line) throws IOException {
                c.replyBytes(replies[Math.min(n++, replies.length - 1)]);
            }
        };
    }

    private static void assertNoJunk(String s) {
        assertThat(s).doesNotContain("\u0000", "\u001B", "\u202E", "\u0007", "\u009B", "[2J");
    }

    /**
     * Issue 15, finding 4: a greeting without a valid code was reported as service-unavailable ("wait
     * and send again") with the server's text dropped. It is a protocol error that names the host and
     * port (the wrong port, most likely) and shows the text, sanitized.
     */
    @Test
    void greetingsWithoutAValidCodeSayItIsNotAMailServer() throws Exception {
        for (String greeting : List.of("Hello there, I am not an SMTP server", "999 what", "099 x", "+OK Dovecot ready. \u001B[2J\u202Eevil")) {
            SendFailureReport r = send(greeting(bytes(greeting, "\r\n")), List.of(A)).report();
            assertThat(r.stage()).as(greeting).isEqualTo(SmtpStage.GREETING);
            assertThat(r.category()).as(greeting).isEqualTo(Category.PROTOCOL_ERROR);
            assertThat(r.diagnosis().evidence().ruleId()).isEqualTo("transport:not-smtp");
            assertThat(r.explanation().serverText().orElse("")).as(greeting).isEqualTo(greeting.replace("\u001B[2J", "").replace("\u202E", ""));
            assertThat(r.transportDetail().orElseThrow()).contains("127.0.0.1", "port", "not as a mail server");
            assertThat(r.text()).contains(r.transportDetail().orElse(""), r.explanation().serverText().orElse(""));
            assertThat(r.notAttemptedRecipients()).containsExactly(A);
            for (Locale l : Explainer.supportedLocales()) {
                String detail = SendFailureAnalyzer.standard().analyze(r.exception().orElseThrow(), l).transportDetail().orElse("");
                assertThat(detail).as(l.toLanguageTag()).contains("127.0.0.1").isNotEqualTo(l.getLanguage().equals("en") ? "" : r.transportDetail().orElse(""));
            }
        }
        SendFailureReport junk = send(greeting(bytes(JUNK, "\r\n")), List.of(A)).report();
        assertThat(junk.category()).isEqualTo(Category.PROTOCOL_ERROR);
        assertThat(junk.diagnosis().evidence().ruleId()).isEqualTo("transport:not-smtp");
    }

    /** Issue 15, finding 5: a 554 5.3.2 greeting was permanent but titled "temporarily unavailable" and advised a retry later. */
    @Test
    void permanentGreetingIsNotExplainedAsTemporary() throws Exception {
        SendFailureReport r = send(greeting(bytes("554 5.3.2 System not accepting network messages\r\n")), List.of(A)).report();
        assertThat(r.stage()).isEqualTo(SmtpStage.GREETING);
        assertThat(r.diagnosis().isPermanent()).isTrue();
        assertThat(r.category().defaultPermanence()).isEqualTo(dev.smtpexplain.core.Permanence.PERMANENT);
        assertThat(r.diagnosis().retry()).isNotEqualTo(dev.smtpexplain.core.RetryAdvice.LATER);
        assertThat(r.explanation().title()).doesNotContainIgnoringCase("temporar");
        assertThat(r.explanation().serverText().orElseThrow()).isEqualTo("554 5.3.2 System not accepting network messages");
        for (Locale l : Explainer.supportedLocales()) {
            String temporary = Explainer.standard().messages(l).format("category.service-unavailable.title", java.util.Map.of());
            assertThat(SendFailureAnalyzer.standard().analyze(r.exception().orElseThrow(), l).explanation().title())
                    .as(l.toLanguageTag()).isNotEqualTo(temporary);
        }
        // a 421 greeting is still the temporary kind
        SendFailureReport busy = send(greeting(bytes("421 4.3.2 System not accepting network messages\r\n")), List.of(A)).report();
        assertThat(busy.category()).isEqualTo(Category.SERVICE_UNAVAILABLE);
        assertThat(busy.diagnosis().isPermanent()).isFalse();
    }

    /**
     * Issue 15, finding 6: Angus reads replies as ISO-8859-1, so UTF-8 text became mojibake. Valid UTF-8
     * is recovered, then sanitized (the bidi override goes); real Latin-1 stays as it is.
     */
    @Test
    void utf8RepliesAreReadAsUtf8AndSanitized() throws Exception {
        String reply = "550 5.7.1 \u202EDENIED 拒绝 用户不存在 Получатель не найден Empfänger unbekannt";
        for (String allowUtf8 : List.of("false", "true")) {
            SendFailureReport r = send(rcpt(bytes(reply, "\r\n")), List.of(A), "mail.mime.allowutf8", allowUtf8).report();
            assertThat(r.recipientFailures()).singleElement().satisfies(f -> assertThat(f.explanation().serverText().orElse(""))
                    .isEqualTo("550 5.7.1 DENIED 拒绝 用户不存在 Получатель не найден Empfänger unbekannt"));
            assertThat(r.text()).contains("拒绝 用户不存在 Получатель не найден Empfänger").doesNotContain("\u202E", "â");
            assertThat(r.technicalDetails()).contains("Получатель").doesNotContain("\u202E");
        }
        byte[] latin1 = "550 5.1.1 Empfänger unbekannt\r\n".getBytes(StandardCharsets.ISO_8859_1);
        SendFailureReport r = send(rcpt(latin1), List.of(A)).report();
        assertThat(r.recipientFailures().get(0).explanation().serverText().orElseThrow()).isEqualTo("550 5.1.1 Empfänger unbekannt");
    }

    /** Sleeps in a script; an interrupt (the fake stopping) ends the conversation. */
    private static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** A script whose greeting drips {@code text} one byte every 50 ms. */
    private static FakeSmtpServer.Script drippedGreeting(String text) {
        return new FakeSmtpServer.Script() {
            @Override
            public void greeting(Conversation c) throws IOException {
                for (byte b : bytes(text)) {
                    c.replyBytes(new byte[] {b});
                    pause(50);
                }
            }
        };
    }

    /**
     * Issue 15, finding 7: a greeting dripped one byte per 50 ms was accepted after seconds, because the
     * read timeout applies per read. The stage deadline ends it; a server that answers each stage in
     * time is not affected however long the whole send takes, and the reply to the content has the
     * longer data deadline.
     */
    @Test
    void aDrippedGreetingEndsAtTheStageDeadline() throws Exception {
        String slow = "220 " + "x".repeat(200) + "\r\n"; // about 10 s at one byte per 50 ms
        try (FakeSmtpServer server = FakeSmtpServer.start(drippedGreeting(slow))) {
            Session s = session(server.port());
            long start = System.nanoTime();
            ExplainedSendFailedException e = failing(sender(s).stageDeadline(Duration.ofSeconds(1)).build(), message(s, "drip", A));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("send time").isLessThan(Duration.ofSeconds(4));
            assertThat(e.report().diagnosis().evidence().ruleId()).isEqualTo("transport:read-timeout");
            assertThat(e.report().notAttemptedRecipients()).containsExactly(A);
            assertReported(e, List.of(A));
            assertThat(server.clientClosedEveryConnection(Duration.ofSeconds(3))).isTrue();
        }
        FakeSmtpServer.Script slowButInTime = new FakeSmtpServer.Script() {
            @Override
            public void mail(Conversation c, String line) throws IOException {
                pause(600);
                c.reply("250 2.1.0 Ok");
            }

            @Override
            public void rcpt(Conversation c, String line) throws IOException {
                pause(600);
                c.reply("250 2.1.5 Ok");
            }

            @Override
            public void endOfData(Conversation c) throws IOException {
                pause(1500);
                c.reply("250 2.0.0 Ok: queued");
            }
        };
        try (FakeSmtpServer server = FakeSmtpServer.start(slowButInTime)) {
            Session s = session(server.port());
            ExplainingSender sender = sender(s).stageDeadline(Duration.ofSeconds(1)).dataDeadline(Duration.ofSeconds(5)).build();
            assertThat(sender.send(message(s, "slow", A, B)).acceptedRecipients()).containsExactly(A, B);
        }
    }

    @Test
    void greetingWithoutACode() throws Exception {
        SendFailureReport r = send(greeting(bytes("hello, this is not SMTP\r\n")), List.of(A)).report();
        assertThat(r.stage()).isEqualTo(SmtpStage.GREETING);
        assertThat(r.notAttemptedRecipients()).containsExactly(A);
    }

    @Test
    void greetingOfBinaryBytesAndInvalidUtf8() throws Exception {
        Outcome o = send(greeting(bytes(JUNK, "\r\n")), List.of(A));
        assertThat(o.report().stage()).isEqualTo(SmtpStage.GREETING);
        assertThat(o.exception().getNextException().getMessage()).contains("\u001B");
        assertNoJunk(o.report().technicalDetails());
    }

    /** "SSH-" has a '-' in the fourth place: Angus waits for the next line until the read timeout. */
    @Test
    void greetingThatLooksLikeAContinuationLine() throws Exception {
        SendFailureReport r = send(greeting(bytes("SSH-2.0-OpenSSH_9.6\r\n")), List.of(A)).report();
        assertThat(r.stage()).isEqualTo(SmtpStage.CONNECT);
        assertThat(r.diagnosis().evidence().ruleId()).isEqualTo("transport:read-timeout");
    }

    @Test
    void rcptReplyWithoutACode() throws Exception {
        Outcome o = send(rcpt(bytes("hello? \u001B[31mred\u001B[0m \u202Eevil\r\n")), List.of(A, B));
        SendFailureReport r = o.report();
        // Angus gives up at the first recipient (code -1) and closes the connection
        assertThat(r.stage()).isEqualTo(SmtpStage.RCPT_TO);
        assertThat(r.category()).isEqualTo(Category.PROTOCOL_ERROR);
        assertThat(r.diagnosis().evidence().ruleId()).isEqualTo("transport:unexpected-reply");
        assertThat(r.transportDetail()).isEmpty();
        assertThat(r.explanation().serverText().orElseThrow()).startsWith("hello? red");
        assertNoJunk(r.text());
        assertThat(r.notAttemptedRecipients()).containsExactly(A, B);
        assertThat(o.commands()).filteredOn(c -> c.startsWith("RCPT")).hasSize(1);
    }

    @Test
    void rcptReplyOfBinaryBytesAndInvalidUtf8() throws Exception {
        byte[] reply = bytes("550 5.1.1 ", JUNK, " user unknown \u202Egnp.exe\r\n");
        for (String allowUtf8 : List.of("false", "true")) {
            SendFailureReport r = send(rcpt(reply), List.of(A), "mail.mime.allowutf8", allowUtf8).report();
            assertThat(r.stage()).isEqualTo(SmtpStage.RCPT_TO);
            assertThat(r.recipientFailures()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Kind.REJECTED);
                assertThat(f.reply().code()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo(550));
                assertThat(f.explanation().serverText().orElseThrow()).startsWith("550 5.1.1").contains("user unknown");
                assertNoJunk(f.explanation().serverText().orElse(""));
            });
            assertThat(r.category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
            assertNoJunk(r.text());
        }
    }

    /**
     * Outside tester, F7: {@code log.warn("…", e)} printed the raw reply (escapes, a title-setting OSC, a
     * bidi override) through MessagingException's "nested exception is:". The explained exception's own
     * line is its sanitized message; the cause below it is Angus's exception, kept raw on purpose.
     */
    @Test
    void theExplainedExceptionsOwnLogLineIsSanitized() throws Exception {
        byte[] reply = bytes("550-5.1.1 \u001B[31mred\u001B[0m \u001B]0;owned\u0007\r\n550 5.1.1 ", JUNK, " \u202Egnp.exe user unknown\r\n");
        ExplainedSendFailedException e = send(rcpt(reply), List.of(A)).exception();
        assertThat(e.toString()).doesNotContain("nested exception", "owned");
        assertNoJunk(e.toString());
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        String first = trace.toString().lines().findFirst().orElseThrow();
        assertThat(first).isEqualTo(e.toString());
        assertThat(trace.toString()).contains("Caused by: ", SMTPAddressFailedException.class.getName(), "\u001B[31m");
    }

    /** A 100 KB line: shown capped with a visible ellipsis, and read in linear time (a quadratic address scan took 18 s). */
    @Test
    void hundredKilobyteReplyLine() throws Exception {
        String huge = "550 5.1.1 " + "A".repeat(50_000) + " x@" + "b".repeat(50_000) + " user unknown";
        SendFailureReport r = send(rcpt(bytes(huge, "\r\n")), List.of(A)).report();
        assertThat(r.category()).isEqualTo(Category.RECIPIENT_UNKNOWN);
        assertThat(r.explanation().serverText().orElseThrow()).hasSize(ReportStrings.MAX_SERVER_TEXT).endsWith("…");
        assertThat(r.recipientFailures().get(0).explanation().serverText().orElseThrow()).hasSize(ReportStrings.MAX_SERVER_TEXT).endsWith("…");
        assertThat(r.text().lines().filter(l -> l.contains("AAAA"))).singleElement()
                .satisfies(l -> assertThat(l).endsWith("…").hasSizeLessThan(320));
        assertThat(r.technicalDetails().length()).isLessThan(2_000);
    }

    @Test
    void mailFromReply999() throws Exception {
        SendFailureReport r = send(new FakeSmtpServer.Script() {
            @Override
            public void mail(Conversation c, String line) throws IOException {
                c.reply("999 what");
            }
        }, List.of(A)).report();
        assertThat(r.stage()).isEqualTo(SmtpStage.MAIL_FROM);
        assertThat(r.category()).isEqualTo(Category.PROTOCOL_ERROR);
        assertThat(r.explanation().serverText().orElseThrow()).isEqualTo("999 what");
        assertThat(r.notAttemptedRecipients()).containsExactly(A);
    }

    @Test
    void rcptReply099() throws Exception {
        Outcome o = send(rcpt(bytes("099 x\r\n")), List.of(A, B));
        assertThat(o.report().stage()).isEqualTo(SmtpStage.RCPT_TO);
        assertThat(o.report().category()).isEqualTo(Category.PROTOCOL_ERROR);
        assertThat(o.report().explanation().serverText().orElseThrow()).isEqualTo("099 x");
        assertThat(o.report().notAttemptedRecipients()).containsExactly(A, B);
        // Angus resets the transaction and sends no content
        assertThat(o.commands()).contains("RSET").noneMatch(c -> c.equals("DATA"));
    }

    /** The first recipient is accepted, the second gets a 6xx: Angus abandons the whole transaction. */
    @Test
    void rcpt250Then6xx() throws Exception {
        Outcome o = send(rcpt(bytes("250 2.1.5 Ok\r\n"), bytes("650 6.6.6 \u001B[5mweird\r\n")), List.of(A, B));
        SendFailureReport r = o.report();
        assertThat(r.stage()).isEqualTo(SmtpStage.RCPT_TO);
        assertThat(r.category()).isEqualTo(Category.PROTOCOL_ERROR);
        assertThat(r.recipientFailures()).isEmpty();
        assertThat(r.acceptedRecipients()).isEmpty();
        assertThat(r.notAttemptedRecipients()).containsExactly(A, B);
        assertThat(r.explanation().serverText().orElseThrow()).isEqualTo("650 6.6.6 weird");
        assertThat(o.commands()).noneMatch(c -> c.equals("DATA"));
    }

    @Test
    void endOfDataReply999() throws Exception {
        SendFailureReport r = send(new FakeSmtpServer.Script() {
            @Override
            public void endOfData(Conversation c) throws IOException {
                c.reply("999 what");
            }
        }, List.of(A, B)).report();
        assertThat(r.stage()).isEqualTo(SmtpStage.END_OF_DATA);
        assertThat(r.category()).isEqualTo(Category.PROTOCOL_ERROR);
        // not a refusal the report can pin on the recipients
        assertThat(r.recipientFailures()).isEmpty();
    }

    /** A 421 for one recipient while the connection stays open: that one is deferred, the accepted one was not sent to. */
    @Test
    void rcpt421() throws Exception {
        SendFailureReport r = send(rcpt(bytes("250 2.1.5 Ok\r\n"), bytes("421 4.7.0 fake.test try later\r\n")), List.of(A, B)).report();
        assertThat(r.stage()).isEqualTo(SmtpStage.RCPT_TO);
        assertThat(r.category()).isEqualTo(Category.SERVICE_UNAVAILABLE);
        assertThat(r.deferredRecipients()).containsExactly(B);
        assertThat(r.notAttemptedRecipients()).containsExactly(A);
    }

    /** A 421 after RCPT, then the server hangs up: Angus's next write fails and its exception is all there is. */
    @Test
    void rcpt421ThenHangUp() throws Exception {
        SendFailureReport r = send(new FakeSmtpServer.Script() {
            private int n;

            @Override
            public void rcpt(Conversation c, String line) throws IOException {
                if (n++ == 0) {
                    c.reply("250 2.1.5 Ok");
                } else {
                    c.reply("421 4.7.0 fake.test closing connection");
                    c.hangUp();
                }
            }
        }, false, List.of(A, B, C)).report();
        assertThat(r.category()).isIn(Category.NETWORK_ERROR, Category.SERVICE_UNAVAILABLE);
        assertThat(r.acceptedRecipients()).isEmpty();
    }

    /** The 421 comes as the answer to DATA, after every RCPT was accepted, and the server hangs up. */
    @Test
    void data421AfterRcptThenHangUp() throws Exception {
        SendFailureReport r = send(new FakeSmtpServer.Script() {
            @Override
            public void data(Conversation c) throws IOException {
                c.reply("421 4.3.2 System shutting down");
                c.hangUp();
            }
        }, false, List.of(A, B)).report();
        assertThat(r.stage()).isEqualTo(SmtpStage.DATA);
        assertThat(r.category()).isEqualTo(Category.SERVICE_UNAVAILABLE);
        assertThat(r.deferredRecipients()).containsExactly(A, B);
        // the real error survives close(): the 421 reply, not a failure of QUIT. Whether writing QUIT to
        // the closed socket fails depends on when the peer's reset arrives, so a close failure may or may
        // not be there; when it is, it is suppressed onto the real error (the deterministic case is
        // ExplainingSenderTest.closeFailureIsSuppressedOntoTheRealOne)
        MessagingException real = r.exception().orElseThrow();
        assertThat(real).isInstanceOf(SMTPSendFailedException.class);
        assertThat(((SMTPSendFailedException) real).getReturnCode()).isEqualTo(421);
        assertThat(real.getSuppressed()).allSatisfy(x -> assertThat(x).isInstanceOf(MessagingException.class));
    }

    /** 200 continuation lines, never the last one: the read timeout (400 ms) ends it. */
    @Test
    void multiLineReplyThatNeverEnds() throws Exception {
        SendFailureReport r = send(new FakeSmtpServer.Script() {
            @Override
            public void rcpt(Conversation c, String line) throws IOException {
                for (int i = 0; i < 200; i++) {
                    c.reply("550-5.1.1 line " + i + " \u202Eevil \u001B[2J");
                }
                c.stall();
            }
        }, List.of(A)).report();
        assertThat(r.category()).isEqualTo(Category.NETWORK_ERROR);
        assertThat(r.diagnosis().evidence().ruleId()).isEqualTo("transport:read-timeout");
        assertThat(r.notAttemptedRecipients()).containsExactly(A);
    }

    /** A multi-line reply cut off by the server closing the connection is a lost connection, not junk. */
    @Test
    void multiLineReplyCutOffByHangUp() throws Exception {
        SendFailureReport r = send(new FakeSmtpServer.Script() {
            @Override
            public void rcpt(Conversation c, String line) throws IOException {
                c.reply("550-5.1.1 first line", "550-5.1.1 second line");
                c.hangUp();
            }
        }, false, List.of(A)).report();
        assertThat(r.category()).isEqualTo(Category.NETWORK_ERROR);
        assertThat(r.diagnosis().evidence().ruleId()).isEqualTo("transport:connection-lost");
    }

    @Test
    void ehloAndHeloAnsweredWithJunk() throws Exception {
        SendFailureReport r = send(new FakeSmtpServer.Script() {
            @Override
            public void ehlo(Conversation c, String line) throws IOException {
                c.replyBytes(bytes(JUNK, "\r\n"));
            }

            @Override
            public void helo(Conversation c, String line) throws IOException {
                c.replyBytes(bytes("\u001B]0;owned\u0007 ", JUNK, "\r\n"));
            }
        }, List.of(A)).report();
        assertThat(r.notAttemptedRecipients()).containsExactly(A);
        assertNoJunk(r.technicalDetails());
        assertThat(r.technicalDetails()).doesNotContain("owned");
    }

    @Test
    void authAnsweredWithJunk() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(new FakeSmtpServer.Script() {
            @Override
            public void auth(Conversation c, String line) throws IOException {
                c.replyBytes(bytes("what is this \u001B]0;owned\u0007", JUNK, "\r\n"));
            }
        })) {
            Session s = session(server.port(), "mail.smtp.auth", "true", "mail.smtp.timeout", "400");
            ExplainedSendFailedException e = failing(sender(s).credentials("alice", "S3cret-Pa55").build(), message(s, "hello", A));
            assertThat(server.clientClosedEveryConnection(Duration.ofSeconds(3))).isTrue();
            assertReported(e, List.of(A));
            assertThat(e.report().stage()).isEqualTo(SmtpStage.AUTH);
            assertThat(e.report().category()).isEqualTo(Category.AUTHENTICATION_FAILED);
        }
    }
}
