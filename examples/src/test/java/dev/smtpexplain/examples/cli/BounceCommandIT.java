package dev.smtpexplain.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bounce command, run as a real process: files, mboxes, maildirs, stdin, JSON lines, exit status. */
class BounceCommandIT {

    static final ObjectMapper JSON = new ObjectMapper();

    static String dsn(String recipient, String status, String diagnostic) {
        return "From: MAILER-DAEMON@mx.example.net\n"
                + "To: alice@example.org\n"
                + "Subject: Undelivered Mail Returned to Sender\n"
                + "MIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\n\n"
                + "--r\nContent-Type: text/plain\n\nThe message could not be delivered.\n\n"
                + "--r\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n"
                + "Final-Recipient: rfc822; " + recipient + "\nAction: failed\nStatus: " + status + "\n"
                + "Remote-MTA: dns; in.example.com\nDiagnostic-Code: smtp; " + diagnostic + "\n\n"
                + "--r\nContent-Type: message/rfc822\n\nFrom: alice@example.org\nSubject: Hello\n\nFrom the quoted body: 550 5.7.1 spam\n--r--\n";
    }

    /** A message as an mbox holds it: body lines starting with "From " (or ">From ") get one more ">". */
    static String mboxed(String message) {
        return message.replaceAll("(?m)^(>*From )", ">$1");
    }

    static final String ORDINARY = "From: bob@example.com\nTo: alice@example.org\nSubject: Lunch\n\nSee you at noon.\n";

    static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> l = new ArrayList<>();
        for (String s : out.strip().split("\n")) {
            if (!s.isBlank()) {
                l.add(JSON.readTree(s));
            }
        }
        return l;
    }

    @Test
    void jsonHasOneObjectPerMessageAndRecipient(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one.eml");
        Files.writeString(one, dsn("bob@example.com", "5.1.1", "550 5.1.1 <bob@example.com>: User unknown"));
        Path plain = dir.resolve("plain.eml");
        Files.writeString(plain, ORDINARY);
        CliProcess.Result r = CliProcess.run("bounce", "--json", "--lang", "de", one.toString(), plain.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> l = lines(r.out());
        assertThat(l).hasSize(2);
        JsonNode b = l.get(0);
        for (String f : List.of("file", "message", "kind", "recipient", "action", "status", "code", "command", "category", "permanent",
                "retry", "acts", "confidence", "rule", "matched", "lang", "title", "summary", "advice", "serverText", "reportingMta", "remoteMta")) {
            assertThat(b.has(f)).as(f).isTrue();
        }
        assertThat(b.get("file").asText()).isEqualTo(one.toString());
        assertThat(b.get("message").isNull()).isTrue();
        assertThat(b.get("kind").asText()).isEqualTo("failed");
        assertThat(b.get("recipient").asText()).isEqualTo("bob@example.com");
        assertThat(b.get("status").asText()).isEqualTo("5.1.1");
        assertThat(b.get("code").asInt()).isEqualTo(550);
        assertThat(b.get("category").asText()).isEqualTo("recipient-unknown");
        assertThat(b.get("permanent").asBoolean()).isTrue();
        assertThat(b.get("lang").asText()).isEqualTo("de");
        assertThat(b.get("advice").isArray()).isTrue();
        assertThat(b.get("reportingMta").asText()).isEqualTo("mx.example.net");
        assertThat(b.get("remoteMta").asText()).isEqualTo("in.example.com");
        assertThat(b.get("serverText").asText()).contains("User unknown").doesNotContain("spam");
        JsonNode n = l.get(1);
        assertThat(n.get("kind").asText()).isEqualTo("not-bounce");
        assertThat(n.get("recipient").isNull()).isTrue();
        // one schema: a line without a recipient has every field a recipient's line has, as null
        List<String> fields = new ArrayList<>();
        b.fieldNames().forEachRemaining(fields::add);
        List<String> noRecipientFields = new ArrayList<>();
        n.fieldNames().forEachRemaining(noRecipientFields::add);
        assertThat(noRecipientFields).containsExactlyInAnyOrderElementsOf(fields);
    }

    @Test
    void aDelayedRecipientIsToldNotToSendAgain(@TempDir Path dir) throws Exception {
        // a warning: the reporting system still holds the message, so sending it again would only duplicate it
        Path warning = dir.resolve("warning.eml");
        Files.writeString(warning, dsn("carol@example.com", "4.4.1", "451 4.4.1 connect to mx.example.com: Connection timed out")
                .replace("Action: failed", "Action: delayed").replace("Undelivered Mail Returned to Sender", "Delayed Mail (still being retried)"));
        CliProcess.Result r = CliProcess.run("bounce", "--json", "--lang", "gu", warning.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode b = lines(r.out()).get(0);
        assertThat(b.get("kind").asText()).isEqualTo("delayed");
        assertThat(b.get("category").asText()).isEqualTo("network-error");
        assertThat(b.get("retry").asText()).isEqualTo("automatic");
        assertThat(b.get("advice").get(0).asText()).startsWith("અત્યારે કંઈ કરવાની જરૂર નથી");
    }

    @Test
    void readsMboxesMaildirsAndStdin(@TempDir Path dir) throws Exception {
        Path mbox = dir.resolve("bounces.mbox");
        Files.writeString(mbox, "From MAILER-DAEMON Tue Dec  1 10:00:00 2026\n" + mboxed(dsn("a@example.com", "5.2.2", "552 5.2.2 Mailbox full"))
                + "\nFrom MAILER-DAEMON Tue Dec  1 10:01:00 2026\n" + mboxed(ORDINARY)
                + "\nFrom MAILER-DAEMON Tue Dec  1 10:02:00 2026\n" + mboxed(dsn("c@example.com", "5.1.2", "550 5.1.2 Host unknown")));
        Path maildir = dir.resolve("Maildir");
        Files.createDirectories(maildir.resolve("cur"));
        Files.createDirectories(maildir.resolve("new"));
        Files.createDirectories(maildir.resolve("tmp"));
        Files.writeString(maildir.resolve("new").resolve("1.host"), dsn("d@example.com", "5.1.1", "550 5.1.1 No such user"));
        Files.writeString(maildir.resolve("cur").resolve("2.host:2,S"), dsn("e@example.com", "4.4.1", "421 4.4.1 No answer"));
        Files.writeString(maildir.resolve("tmp").resolve("3.host"), dsn("never@example.com", "5.1.1", "550 5.1.1 x"));

        CliProcess.Result r = CliProcess.run("bounce", "--json", "--lang", "en", mbox.toString(), maildir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> l = lines(r.out());
        assertThat(l).extracting(j -> j.get("recipient").isNull() ? null : j.get("recipient").asText())
                .containsExactly("a@example.com", null, "c@example.com", "e@example.com", "d@example.com");
        assertThat(l.subList(0, 3)).extracting(j -> j.get("message").asInt()).containsExactly(1, 2, 3);
        assertThat(l.get(0).get("category").asText()).isEqualTo("mailbox-full");
        assertThat(l.get(2).get("category").asText()).isEqualTo("recipient-domain-unknown");

        CliProcess.Result in = CliProcess.run(dsn("f@example.com", "5.1.1", "550 5.1.1 gone"), Map.of(), "bounce", "--json", "-");
        assertThat(in.exit()).isZero();
        assertThat(lines(in.out()).get(0).get("recipient").asText()).isEqualTo("f@example.com");
        assertThat(lines(in.out()).get(0).get("file").asText()).isEqualTo("-");
    }

    @Test
    void aFolderIsReadForItsMessagesOnly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("1.eml"), dsn("a@example.com", "5.1.1", "550 5.1.1 No such user"));
        // what else a folder of saved bounces holds: a list of them, a note; each reads as a pasted notice's text
        Files.writeString(dir.resolve("expected.tsv"), "# file\tkind\trecipient\tstatus\n1.eml\tfailed\tbob@example.org\t5.1.1\n");
        Files.writeString(dir.resolve("README.md"), "Bounces of the March newsletter.\nbob@example.org failed: 550 5.1.1 user unknown\n");
        Files.writeString(dir.resolve("2"), "\n\n" + dsn("c@example.com", "5.2.2", "552 5.2.2 Mailbox full"));
        // a notice saved without its headers, in a file whose name says it is a message
        Files.writeString(dir.resolve("3.eml"), "This is the mail system at host out.example.net.\n\n"
                + "<d@example.com>: host mx.example.com[192.0.2.7] said: 550 5.1.1 <d@example.com>: Recipient address rejected:\n"
                + "    User unknown (in reply to RCPT TO command)\n");

        CliProcess.Result r = CliProcess.run("bounce", "--json", "--lang", "en", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(lines(r.out())).extracting(j -> j.get("recipient").asText()).containsExactly("a@example.com", "c@example.com", "d@example.com");
        assertThat(r.err().lines()).containsExactly(
                "smtp-explain: " + dir.resolve("README.md") + ": skipped: it does not start as a message does (a header field or an "
                        + "mbox 'From ' line); name it on its own to read it as a notice's text",
                "smtp-explain: " + dir.resolve("expected.tsv") + ": skipped: it does not start as a message does (a header field or an "
                        + "mbox 'From ' line); name it on its own to read it as a notice's text");

        // named on its own, the same file is read as a notice's text
        CliProcess.Result named = CliProcess.run("bounce", "--json", "--lang", "en", dir.resolve("README.md").toString());
        assertThat(named.err()).isEmpty();
        assertThat(lines(named.out())).extracting(j -> j.get("file").asText()).containsOnly(dir.resolve("README.md").toString());
    }

    @Test
    void aNoticeCopiedWithoutItsHeadersIsReadFromStdin() throws Exception {
        // what a person pastes after copying the notice from their mail program: Postfix's text, wrapped, no headers
        String copied = """
                This is the mail system at host out.example.net.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients.

                <ben@example.com>: host mx.example.com[192.0.2.7] said: 552 5.2.2
                    <ben@example.com>: Recipient address rejected: Mailbox quota
                    exceeded (in reply to RCPT TO command)
                """;
        CliProcess.Result r = CliProcess.run(copied, Map.of(), "bounce", "--json", "--lang", "en", "-");
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> l = lines(r.out());
        assertThat(l).hasSize(1);
        assertThat(l.get(0).get("kind").asText()).isEqualTo("failed");
        assertThat(l.get(0).get("recipient").asText()).isEqualTo("ben@example.com");
        assertThat(l.get(0).get("category").asText()).isEqualTo("mailbox-full");
    }

    @Test
    void textReportExplainsEachFailedRecipient(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one.eml");
        Files.writeString(one, dsn("bob@example.com", "5.1.1", "550 5.1.1 <bob@example.com>: User unknown"));
        CliProcess.Result r = CliProcess.run("bounce", "--lang", "gu", one.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("ડિલિવરી નિષ્ફળ ગઈ", "bob@example.com", "શું થયું", "> 550 5.1.1 <bob@example.com>: User unknown");
        assertThat(r.out()).doesNotContain("\u001B[");
    }

    @Test
    void unreadableInputsGiveOneErrorLineEachAndExitOne(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.eml");
        Files.writeString(good, dsn("bob@example.com", "5.1.1", "550 5.1.1 unknown"));
        Path empty = dir.resolve("empty.eml");
        Files.write(empty, new byte[0]);
        CliProcess.Result r = CliProcess.run("bounce", "--json", dir.resolve("missing.eml").toString(), empty.toString(), good.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip().lines()).hasSize(2);
        assertThat(r.err()).contains("missing.eml: cannot read: no such file", "empty.eml");
        assertThat(lines(r.out())).anySatisfy(j -> assertThat(j.get("recipient").asText()).isEqualTo("bob@example.com"));

        CliProcess.Result usage = CliProcess.run("bounce");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err().strip().lines()).hasSize(1);
        CliProcess.Result badOption = CliProcess.run("bounce", "--no-such-option", good.toString());
        assertThat(badOption.exit()).isEqualTo(2);
    }

    /**
     * Outside tester 56, F6: --json wrote a file name with its escapes, line break and RLO as they are on disk, and
     * {@code jq -r .file} put them on the terminal. JSON names a file as the text does: sanitized.
     */
    @Test
    void jsonNamesAFileAsTheTextDoesSanitized(@TempDir Path dir) throws Exception {
        String name = "evil\u001B[31mRED\u001B]0;title\u0007\nStatus: ok";
        if (java.nio.charset.Charset.forName(System.getProperty("sun.jnu.encoding")).newEncoder().canEncode('\u202E')) {
            name += "\u202E"; // file names in UTF-8: a right-to-left override too
        }
        Path evil = dir.resolve(name + ".eml");
        Files.writeString(evil, dsn("bob@example.com", "5.1.1", "550 5.1.1 <bob@example.com>: User unknown"));
        CliProcess.Result json = CliProcess.run("bounce", "--json", "--lang", "en", dir.toString());
        assertThat(json.exit()).as(json.err()).isZero();
        List<JsonNode> l = lines(json.out());
        assertThat(l).hasSize(1);
        String file = l.get(0).get("file").asText();
        assertThat(file).isEqualTo(dir + "/evilRED Status: ok.eml");
        assertThat(json.out()).doesNotContain("\u001B", "\u0007", "\u202E", "\\u001B", "\\u0007");
        CliProcess.Result text = CliProcess.run("bounce", "--lang", "en", dir.toString());
        assertThat(text.out()).contains("━━ " + file + "  ");
    }

    @Test
    void aLargeMboxStreamsInConstantMemory(@TempDir Path dir) throws Exception {
        // 200 MB: many ordinary-size bounces and a few with a huge returned original (one past the 10 MiB cap)
        Path mbox = dir.resolve("large.mbox");
        long size = 0;
        int messages = 0;
        int big = 0;
        byte[] small = ("From MAILER-DAEMON Tue Dec  1 10:00:00 2026\n" + mboxed(dsn("bob@example.com", "5.1.1", "550 5.1.1 unknown")) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] filler = ("From the quoted original: " + "x".repeat(70) + "\n").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(mbox), 1 << 16)) {
            while (size < 200L * 1024 * 1024) {
                out.write(small);
                size += small.length;
                messages++;
                if (messages % 1000 == 0) {
                    // a bounce whose returned original is 12 MB; its ">From" and "From " body lines stay inside it
                    byte[] head = ("From MAILER-DAEMON Tue Dec  1 10:00:00 2026\n" + mboxed(dsn("big@example.com", "5.2.2", "552 5.2.2 full"))
                            .replace("--r--\n", "")).getBytes(StandardCharsets.UTF_8);
                    out.write(head);
                    size += head.length;
                    for (long w = 0; w < 12L * 1024 * 1024; w += filler.length + 1) {
                        out.write('>');
                        out.write(filler);
                    }
                    size += 12L * 1024 * 1024;
                    out.write("--r--\n".getBytes(StandardCharsets.US_ASCII));
                    messages++;
                    big++;
                }
            }
        }
        CliProcess.Result r = CliProcess.runWithJvmOptions(List.of("-Xmx64m"), "bounce", "--json", mbox.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String[] out = r.out().split("\n");
        assertThat(out).hasSize(messages);
        assertThat(JSON.readTree(out[out.length - 1]).get("message").asInt()).isEqualTo(messages);
        int unknown = 0;
        int full = 0;
        int cut = 0;
        for (String line : out) {
            JsonNode j = JSON.readTree(line);
            unknown += j.get("recipient").asText().equals("bob@example.com") && j.get("category").asText().equals("recipient-unknown") ? 1 : 0;
            full += j.get("recipient").asText().equals("big@example.com") && j.get("category").asText().equals("mailbox-full") ? 1 : 0;
            cut += j.has("problem") && j.get("problem").asText().startsWith("only the first") ? 1 : 0;
        }
        assertThat(unknown).isEqualTo(messages - big);
        assertThat(full).isEqualTo(big).isPositive();
        assertThat(cut).isEqualTo(big);
    }
}
