package dev.smtpexplain.mail.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Bounce content is written by whoever sent it: caps on size, depth and parts hold, time stays
 * linear in the input, and nothing unsafe reaches a report.
 */
class HostileBouncesTest {

    static final Locale EN = Locale.ENGLISH;

    static BounceReport read(String s) {
        return Bounces.explain(s.getBytes(StandardCharsets.UTF_8), EN);
    }

    static BounceReport timed(Duration max, Supplier<BounceReport> work) {
        long t0 = System.nanoTime();
        BounceReport r = work.get();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(took).as("time").isLessThan(max);
        return r;
    }

    static final String HEAD = "From: MAILER-DAEMON@mx.example.net\r\nTo: alice@example.org\r\nSubject: Undelivered Mail\r\nMIME-Version: 1.0\r\n";

    @Test
    void deepMimeNestingStopsAtTheDepthCap() {
        StringBuilder sb = new StringBuilder(HEAD).append("Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
        int depth = 3000;
        for (int i = 0; i < depth; i++) {
            sb.append("--b").append(i).append("\r\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1).append("\"\r\n\r\n");
        }
        sb.append("--b").append(depth).append("\r\nContent-Type: text/plain\r\n\r\n<bob@example.com>: 550 5.1.1 User unknown\r\n");
        BounceReport r = timed(Duration.ofSeconds(10), () -> read(sb.toString()));
        assertThat(r.problem()).hasValueSatisfying(p -> assertThat(p).contains("nested deeper"));
    }

    @Test
    void thousandsOfPartsStopAtThePartCap() {
        StringBuilder sb = new StringBuilder(HEAD).append("Content-Type: multipart/mixed; boundary=\"p\"\r\n\r\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append("--p\r\nContent-Type: text/plain\r\n\r\nline ").append(i).append("\r\n");
        }
        sb.append("--p--\r\n");
        BounceReport r = timed(Duration.ofSeconds(10), () -> read(sb.toString()));
        assertThat(r.problem()).hasValueSatisfying(p -> assertThat(p).contains("MIME parts"));
    }

    @Test
    void anOversizedMessageIsReadUpToTheCapAndSaysSo() {
        StringBuilder sb = new StringBuilder(HEAD).append("Content-Type: text/plain\r\n\r\n")
                .append("<bob@example.com>: host mx.example.com said: 550 5.1.1 User unknown\r\n\r\n")
                .append("------ This is a copy of the message, including all the headers. ------\r\n\r\n");
        String filler = "x".repeat(999) + "\r\n";
        while (sb.length() < Bounces.DEFAULT_MAX_BYTES + 2_000_000) {
            sb.append(filler);
        }
        BounceReport r = timed(Duration.ofSeconds(10), () -> read(sb.toString()));
        assertThat(r.problem()).hasValueSatisfying(p -> assertThat(p).contains("bytes were read"));
        assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient).containsExactly("bob@example.com");
        assertThat(r.recipients().get(0).categoryId()).contains("recipient-unknown");
    }

    /** A cap under one byte is a mistake, not a mailbox of empty messages (outside tester 62: -1 and 0 were taken). */
    @Test
    void anMboxCapUnderOneByteIsRefused() {
        for (int cap : new int[] {0, -1, Integer.MIN_VALUE}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Mbox.read(new java.io.ByteArrayInputStream(new byte[0]), cap, m -> { }))
                    .as("cap %d", cap).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxMessageBytes");
        }
    }

    @Test
    void aReportWhoseTextOutgrowsTheTextCapSaysThatItWasCut() {
        // 400 recipients with long reasons: 640 KB, far under the message cap and the recipient cap, yet over the 256 K
        // characters of text read; the report named 163 of them and no problem
        String reason = "550 5.1.1 The email account that you tried to reach does not exist " + "x".repeat(1_400);
        StringBuilder dsn = new StringBuilder("Reporting-MTA: dns; mx.example.net\r\n\r\n");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            dsn.append("Final-Recipient: rfc822; user").append(i).append("@example.com\r\nAction: failed\r\nStatus: 5.1.1\r\n")
                    .append("Diagnostic-Code: smtp; ").append(reason).append("\r\n\r\n");
            text.append("<user").append(i).append("@example.com>: host mx.example.com said: ").append(reason).append("\r\n\r\n");
        }
        String asDsn = HEAD + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\r\n\r\n"
                + "--r\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n"
                + "--r\r\nContent-Type: message/delivery-status\r\n\r\n" + dsn + "--r--\r\n";
        String asText = HEAD + "Content-Type: text/plain\r\n\r\n" + text;
        for (String message : new String[] {asDsn, asText}) {
            BounceReport r = timed(Duration.ofSeconds(10), () -> read(message));
            assertThat(r.recipients()).hasSizeLessThan(400);
            assertThat(r.problem()).hasValueSatisfying(p -> assertThat(p).contains("was read only that far"));
        }
    }

    @Test
    void anEscapeSequenceInsideAnAddressGivesNoMadeUpRecipient() {
        // the escape's parameters before the '@' ("5m") are no local part: "5m@example.com" was reported as the recipient
        for (String csi : new String[] {"\u001b[", "\u009b"}) {
            BounceReport r = read(HEAD + "Content-Type: text/plain\r\n\r\nThis is the mail system at host mx.example.net.\r\n\r\n"
                    + "<carol" + csi + "5m@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.1 User unknown\r\n");
            assertThat(r.recipients()).extracting(BounceRecipient::finalRecipient).doesNotContain("5m@example.com");
        }
    }

    @Test
    void pathologicalTextTakesLinearTime() {
        // inputs that make naive address or reply patterns backtrack: long runs of address and code characters
        String[] bodies = {
            "a@".repeat(400_000),
            "<".repeat(800_000) + "@",
            ("550 " + "5.".repeat(1000) + "\r\n").repeat(300),
            ("x".repeat(70) + "@" + "y".repeat(70) + "\r\n").repeat(6000),
            ("From: " + "a".repeat(60) + "@example.com\r\n").repeat(10_000),
            " ".repeat(500_000) + "x@example.com: 550 5.1.1 unknown",
            ("&" + "#".repeat(7)).repeat(100_000),
            // a recipient's block of bare codes, each of which looks further on for the same code with words
            "bob@example.com: 550 5.1.1\r\n" + "550 5.1.1\r\n".repeat(60_000),
            // a Postfix paragraph folded over many lines, read as one
            "<bob@example.com>: host mx.example.com[192.0.2.1] said: 550" + "\r\n    5.1.1 x".repeat(60_000),
            // one address named again and again, on one line or one a line: each mention's text was read anew (seconds
            // for 256 KiB, found by an outside tester)
            "<a@b.c> ".repeat(130_000),
            "<a@b.c>: 550 ".repeat(80_000),
            "<a@b.c>\r\n".repeat(100_000),
        };
        for (String body : bodies) {
            String msg = HEAD + "Content-Type: text/plain\r\n\r\n" + body + "\r\n";
            timed(Duration.ofSeconds(5), () -> read(msg));
            String html = HEAD + "Content-Type: text/html\r\n\r\n<p>" + body + "\r\n";
            timed(Duration.ofSeconds(5), () -> read(html));
        }
        String dsn = HEAD + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"d\"\r\n\r\n--d\r\n"
                + "Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; x\r\n\r\n"
                + ("Final-Recipient: rfc822; r@example.com\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550"
                + " \r\n folded".repeat(500) + "\r\n\r\n").repeat(200) + "--d--\r\n";
        // the same texts copied without a header block
        for (String body : new String[] {"This is the mail system at host x.\r\n\r\n<bob@example.com>: 550" + "\r\n    5.1.1 x".repeat(60_000),
                "Delivery has failed to these recipients:\r\nbob@example.com: 550 5.1.1\r\n" + "550 5.1.1\r\n".repeat(60_000)}) {
            timed(Duration.ofSeconds(5), () -> read(body));
        }
        BounceReport r = timed(Duration.ofSeconds(5), () -> read(dsn));
        assertThat(r.recipients().size()).isBetween(1, 500);
        // a delivery-status part of blank lines: whether it holds any field is asked once, not once per line
        for (String blank : new String[] {"\r\n", " \r\n", "\t \r\n"}) {
            String empty = HEAD + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"d\"\r\n\r\n--d\r\n"
                    + "Content-Type: text/plain\r\n\r\nDelivery to bob@example.com failed: 550 5.1.1 user unknown\r\n--d\r\n"
                    + "Content-Type: message/delivery-status\r\n\r\n" + blank.repeat(120_000) + "--d--\r\n";
            timed(Duration.ofSeconds(5), () -> read(empty));
        }
    }

    @Test
    void controlAndBidiCharactersNeverReachAReport() {
        String evil = "\u001B[31mRED\u001B[0m \u202Egnp.exe\u202C \u0007\u0000 \u200B";
        String msg = HEAD + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"e\"\r\n\r\n"
                + "--e\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + evil + "\r\n"
                + "--e\r\nContent-Type: message/delivery-status; charset=utf-8\r\n\r\n"
                + "Reporting-MTA: dns; mx" + evil + ".example\r\n\r\n"
                + "Final-Recipient: rfc822; bob" + evil + "@example.com\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Remote-MTA: dns; " + evil + "\r\nDiagnostic-Code: smtp; 550 5.1.1 " + evil + "\r\n\r\n"
                + "--e\r\nContent-Type: message/rfc822\r\n\r\nSubject: " + evil + "\r\nMessage-ID: <" + evil + ">\r\n\r\nbody\r\n--e--\r\n";
        BounceReport r = read(msg);
        assertThat(r.recipients()).isNotEmpty();
        StringBuilder all = new StringBuilder();
        r.reportingMta().ifPresent(all::append);
        r.originalSubject().ifPresent(all::append);
        r.originalMessageId().ifPresent(all::append);
        for (BounceRecipient x : r.recipients()) {
            all.append(x.finalRecipient()).append(x.replyText()).append(x.remoteMta().orElse(""));
            x.explanation().ifPresent(e -> all.append(e.serverText().orElse("")));
        }
        assertThat(all.toString()).doesNotContain("\u001B", "\u202E", "\u202C", "\u0007", "\u0000", "\u200B").contains("RED");
    }

    @Test
    void manyRecipientsStopAtTheRecipientCap() {
        StringBuilder sb = new StringBuilder(HEAD).append("Content-Type: multipart/report; report-type=delivery-status; boundary=\"m\"\r\n\r\n")
                .append("--m\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; x\r\n\r\n");
        for (int i = 0; i < 3000; i++) {
            sb.append("Final-Recipient: rfc822; r").append(i).append("@example.com\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n");
        }
        sb.append("--m--\r\n");
        BounceReport r = timed(Duration.ofSeconds(10), () -> read(sb.toString()));
        assertThat(r.recipients()).hasSize(500);
        // the cap cut the report, and the report says so
        assertThat(r.problem()).contains("the report stops at 500 recipients; the message may name more");
        // the same in a bounce's text, and nothing to say where the message names fewer
        StringBuilder text = new StringBuilder(HEAD).append("Content-Type: text/plain\r\n\r\nDelivery has failed to these recipients:\r\n\r\n");
        for (int i = 0; i < 600; i++) {
            text.append("r").append(i).append("@example.com: 550 5.1.1 user unknown\r\n");
        }
        BounceReport t = timed(Duration.ofSeconds(10), () -> read(text.toString()));
        assertThat(t.recipients()).hasSize(500);
        assertThat(t.problem()).isPresent();
        BounceReport few = read(text.toString().replaceAll("r[1-9]\\d*@example\\.com: 550 5\\.1\\.1 user unknown\r\n", ""));
        assertThat(few.recipients()).hasSize(1);
        assertThat(few.problem()).isEmpty();
    }
}
