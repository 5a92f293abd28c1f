package dev.smtpexplain.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpexplain.i18n.Explainer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The explain command, run as a real process. */
class ExplainCommandIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void explainsAReplyAsText() throws Exception {
        CliProcess.Result r = CliProcess.run("explain", "--lang", "en", "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("The recipient’s address does not exist", "What you can try", "1. ", "recipient-unknown",
                "> 550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown");
        assertThat(r.out()).doesNotContain("\u001B[");
    }

    @Test
    void aGuessSaysSoUnderItsTitle() throws Exception {
        // a refusal no rule explains, read from its generic code alone: the second line says it is a guess
        CliProcess.Result guess = CliProcess.run("explain", "--lang", "en", "554 Transaction failed");
        assertThat(guess.exit()).isZero();
        assertThat(guess.out().lines().skip(1).findFirst().orElseThrow()).endsWith(" · A guess");
        CliProcess.Result sure = CliProcess.run("explain", "--lang", "en", "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown");
        assertThat(sure.out().lines().skip(1).findFirst().orElseThrow()).isEqualTo("Permanent failure");
        CliProcess.Result gu = CliProcess.run("explain", "--lang", "gu", "554 Transaction failed");
        assertThat(gu.out().lines().skip(1).findFirst().orElseThrow()).endsWith(" · " + Explainer.standard().messages(Locale.forLanguageTag("gu"))
                .get("confidence.low"));
    }

    @Test
    void jsonHasTheDocumentedFields() throws Exception {
        CliProcess.Result r = CliProcess.run("explain", "--lang", "en", "--json", "--code", "550", "--status", "5.7.26",
                "Unauthenticated email from example.com is not accepted due to domain's DMARC policy");
        assertThat(r.exit()).isZero();
        JsonNode j = JSON.readTree(r.out());
        for (String f : List.of("code", "status", "category", "permanent", "retry", "acts", "confidence", "rule", "lang", "title",
                "summary", "advice", "codeMeaning", "statusMeaning", "serverText")) {
            assertThat(j.has(f)).as(f).isTrue();
        }
        assertThat(j.get("code").asInt()).isEqualTo(550);
        assertThat(j.get("status").asText()).isEqualTo("5.7.26");
        assertThat(j.get("category").asText()).isEqualTo("sender-authentication-failed");
        assertThat(j.get("permanent").asBoolean()).isTrue();
        assertThat(j.get("advice").isArray()).isTrue();
        assertThat(j.get("advice").size()).isBetween(2, 5);
        assertThat(j.get("serverText").asText()).contains("domain's DMARC policy");
    }

    @Test
    void explainsABouncePastedWholeByItsReport() throws Exception {
        // a saved bounce as one argument: its headers' "dkim=pass" and the returned message are not the reply
        String bounce = String.join("\n",
                "Received: from mx.example.net by mx.example.org; Mon, 1 Dec 2026 10:00:00 +0000",
                "Authentication-Results: mx.example.org; dkim=pass header.i=@example.net; spf=pass",
                "From: Mail Delivery System <mailer-daemon@example.net>",
                "Subject: Undelivered Mail Returned to Sender",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"",
                "",
                "--b",
                "Content-Type: message/delivery-status",
                "",
                "Final-Recipient: rfc822; bob@example.com",
                "Action: failed",
                "Status: 5.2.2",
                "Diagnostic-Code: smtp; 552 5.2.2 <bob@example.com>: Mailbox full",
                "",
                "--b",
                "Content-Type: message/rfc822",
                "",
                "Subject: spam filter settings",
                "",
                "--b--");
        CliProcess.Result r = CliProcess.run("explain", "--lang", "en", "--json", bounce);
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("category").asText()).isEqualTo("mailbox-full");
        assertThat(j.get("status").asText()).isEqualTo("5.2.2");
        // the server's reply shown is the part that was read, not the message's headers or the returned message
        assertThat(j.get("serverText").asText()).contains("552 5.2.2 <bob@example.com>: Mailbox full")
                .doesNotContain("Authentication-Results", "Received:", "spam filter settings", "--b");
    }

    @Test
    void batchWritesOneObjectPerLineInOrderAndGoesOnAfterABadLine() throws Exception {
        String input = "550\t5.1.1\tUser unknown\n"
                + "abc\t\tnot a code\n"
                + "\t\t452 4.2.2 Mailbox full\n"
                + "421 4.7.0 Too many connections, slow down\n";
        CliProcess.Result r = CliProcess.run(input, Map.of(), "explain", "--lang", "en", "--batch", "-");
        assertThat(r.exit()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(JSON.readTree(lines[0]).get("category").asText()).isEqualTo("recipient-unknown");
        assertThat(JSON.readTree(lines[1]).get("error").asText()).contains("three digits");
        assertThat(JSON.readTree(lines[1]).get("line").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(lines[2]).get("category").asText()).isEqualTo("mailbox-full");
        assertThat(JSON.readTree(lines[3]).get("code").asInt()).isEqualTo(421);
    }

    @Test
    void aBlankBatchLineIsAnErrorWithItsNumberAsAnEmptyReplyIs() throws Exception {
        CliProcess.Result r = CliProcess.run("550\t5.1.1\tx\n\n   \n\t\t\n", Map.of(), "explain", "--lang", "en", "--batch", "-");
        assertThat(r.exit()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(JSON.readTree(lines[0]).get("category").asText()).isEqualTo("recipient-unknown");
        for (int i = 1; i < 4; i++) {
            assertThat(JSON.readTree(lines[i]).get("line").asInt()).isEqualTo(i + 1);
            assertThat(JSON.readTree(lines[i]).get("error").asText()).isEqualTo("the line is empty");
        }
    }

    @Test
    void versionIsTheProjectVersion() throws Exception {
        CliProcess.Result r = CliProcess.run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).isEqualTo("smtp-explain " + System.getProperty("smtpexplain.version"));
        assertThat(Files.readString(Path.of("../README.md"))).contains("version `" + System.getProperty("smtpexplain.version") + "`");
    }

    @Test
    void usageErrorsExitWithTwoAndOneLine() throws Exception {
        CliProcess.Result bad = CliProcess.run("explain", "--code", "abc", "x");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip().lines()).hasSize(1);
        assertThat(bad.err()).contains("--code");
        CliProcess.Result none = CliProcess.run("explain");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("REPLY");
        CliProcess.Result badStatus = CliProcess.run("explain", "--status", "9.9", "x");
        assertThat(badStatus.exit()).isEqualTo(2);
        assertThat(badStatus.err()).contains("class.subject.detail");
        CliProcess.Result badLang = CliProcess.run("explain", "--lang", "12345678901", "x");
        assertThat(badLang.exit()).isEqualTo(2);
        CliProcess.Result missing = CliProcess.run("explain", "--batch", "/no/such/file.tsv");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no such file");
    }

    /** Issue 15, finding 1: the bad field of a batch line or an option reached JSON and stderr raw and uncapped. */
    @Test
    void errorMessagesQuoteBadInputSanitizedAndCapped() throws Exception {
        byte[] batch = ("550\t\u001B]0;pwned\u0007\u001B[2J\tx\n" + "x".repeat(283_379) + "\t\tx\n"
                + "5\u202E50\t\uFEFF5.1.\u200B1\tx\n").getBytes(StandardCharsets.UTF_8);
        CliProcess.Result r = CliProcess.run(batch, "explain", "--batch", "-", "--json");
        assertThat(r.exit()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            String error = JSON.readTree(line).get("error").asText();
            assertThat(error).hasSizeLessThanOrEqualTo(ExplainCommand.ERROR_MAX + 1)
                    .doesNotContain("\u001B", "\u0007", "\u202E", "\u200B", "\uFEFF");
        }
        assertThat(JSON.readTree(lines[0]).get("error").asText()).contains("class.subject.detail");
        assertThat(JSON.readTree(lines[1]).get("error").asText()).contains("three digits").contains("xxx…'");

        CliProcess.Result status = CliProcess.run("explain", "--status", "\u001B]0;pwned\u0007\u001B[2J", "x");
        assertThat(status.exit()).isEqualTo(2);
        assertThat(status.err()).contains("class.subject.detail").doesNotContain("\u001B", "\u0007");
        CliProcess.Result code = CliProcess.run("explain", "--code", "\u001B[2J" + "9".repeat(5000), "x");
        assertThat(code.exit()).isEqualTo(2);
        assertThat(code.err()).doesNotContain("\u001B").contains("three digits").hasSizeLessThan(ExplainCommand.ERROR_MAX + 100);
        // the bad value itself is quoted as an excerpt, as the core quotes it (docs/security.md, "Sanitized display")
        assertThat(quoted(code.err())).hasSizeLessThanOrEqualTo(41);
        CliProcess.Result cls = CliProcess.run("codes", "--class", "\u001B[2J" + "4".repeat(5000));
        assertThat(cls.exit()).isEqualTo(2);
        assertThat(cls.err()).doesNotContain("\u001B").contains("not a whole number");
        assertThat(quoted(cls.err())).hasSizeLessThanOrEqualTo(41);
    }

    // the value an error message quotes cut short: between the quote before the "…" and the one after it
    private static String quoted(String err) {
        int end = err.indexOf("…'");
        assertThat(end).as("a value quoted cut short in: " + err).isPositive();
        return err.substring(err.lastIndexOf('\'', end) + 1, end + 1);
    }

    /** Issue 15, finding 2: a bare CR split a line, so later answers were attributed to the wrong line. */
    @Test
    void aBareCrIsDataAndCrlfEndsALine() throws Exception {
        CliProcess.Result r = CliProcess.run("550\t5.1.1\tuser\runknown\nx\ty\n452\t4.2.2\tMailbox full\r\n", Map.of(),
                "explain", "--lang", "en", "--batch", "-", "--json");
        assertThat(r.exit()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines[0]).get("category").asText()).isEqualTo("recipient-unknown");
        assertThat(JSON.readTree(lines[0]).get("serverText").asText()).as("the CR is data: a line break in the text").isEqualTo("550 5.1.1 user\nunknown");
        assertThat(JSON.readTree(lines[1]).get("line").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(lines[1]).has("error")).isTrue();
        assertThat(JSON.readTree(lines[2]).get("category").asText()).isEqualTo("mailbox-full");
        assertThat(JSON.readTree(lines[2]).get("serverText").asText()).as("CRLF ends the line").isEqualTo("452 4.2.2 Mailbox full");
    }

    /** Issue 15, finding 3: --batch FILE stopped at the first invalid UTF-8 byte while --batch - went on. */
    @Test
    void invalidUtf8IsOneErrorObjectFromAFileAndFromStdin(@TempDir Path dir) throws Exception {
        byte[] batch = "550\t5.1.1\tUser unknown\n550\t5.1.1\t\u00FF\n452\t4.2.2\tMailbox full\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = dir.resolve("invalid.tsv");
        Files.write(file, batch);
        CliProcess.Result fromFile = CliProcess.run((byte[]) null, "explain", "--lang", "en", "--batch", file.toString());
        CliProcess.Result fromStdin = CliProcess.run(batch, "explain", "--lang", "en", "--batch", "-");
        for (CliProcess.Result r : List.of(fromFile, fromStdin)) {
            assertThat(r.exit()).as(r.err()).isZero();
            String[] lines = r.out().strip().split("\n");
            assertThat(lines).hasSize(3);
            assertThat(JSON.readTree(lines[0]).get("category").asText()).isEqualTo("recipient-unknown");
            assertThat(JSON.readTree(lines[1]).get("line").asInt()).isEqualTo(2);
            assertThat(JSON.readTree(lines[1]).get("error").asText()).contains("not valid UTF-8", "0xFF");
            assertThat(JSON.readTree(lines[2]).get("category").asText()).isEqualTo("mailbox-full");
        }
        assertThat(fromFile.out()).isEqualTo(fromStdin.out());
    }

    @Test
    void hostileServerTextCannotInjectEscapes() throws Exception {
        CliProcess.Result r = CliProcess.run("explain", "--lang", "en", "550 5.1.1 user unknown \u001B[2J\u001B]0;owned\u0007 \u202Egnp.exe");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).doesNotContain("\u001B").doesNotContain("\u202E").doesNotContain("\u0007");
    }

    /**
     * The packaged tool's JSON for hostile server text: valid JSON, serverText without controls, escapes
     * or bidi characters, markup and ICU syntax literal. A NUL cannot travel in a process argument, so
     * the NUL cases go through --batch on standard input.
     */
    @Test
    void hostileServerTextGivesValidCleanJson() throws Exception {
        String reply = "550 5.1.1 user unknown \u001B[2J\u001B]0;owned\u0007 \u202Egnp.exe\u202C \u2066x\u2069 zw\u200Bsp "
                + "</script><b>x</b> {0} '{' # | {n, plural, other {#}}";
        CliProcess.Result r = CliProcess.run("explain", "--json", "--lang", "en", reply);
        assertThat(r.exit()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("serverText").asText())
                .isEqualTo("550 5.1.1 user unknown gnp.exe x zwsp </script><b>x</b> {0} '{' # | {n, plural, other {#}}");
        assertThat(r.out()).doesNotContain("\u001B", "\u202E", "\u2066", "\u200B", "\u0007");

        String batch = String.join("\n", JsonHostileTextTest.HOSTILE.stream().map(h -> h.replace("\n", " ")).toList()) + "\n";
        CliProcess.Result b = CliProcess.run(batch, Map.of(), "explain", "--lang", "ar", "--batch", "-");
        assertThat(b.exit()).isZero();
        String[] lines = b.out().strip().split("\n");
        assertThat(lines).hasSize(JsonHostileTextTest.HOSTILE.size());
        for (String line : lines) {
            String serverText = JSON.readTree(line).get("serverText").asText();
            assertThat(serverText.codePoints().noneMatch(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE)).as(serverText).isTrue();
        }
        assertThat(b.out()).doesNotContain("\u0000", "\u001B", "\u202E");
    }

    /** The same five replies in every shipped locale: same diagnosis, text in the locale's language. */
    @Test
    void explainsTheSameFiveRepliesInEveryLocale() throws Exception {
        String replies = "550\t5.1.1\tUser unknown\n"
                + "\t\t550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy\n"
                + "452\t4.2.2\tMailbox full\n"
                + "\t\t554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org\n"
                + "\t\t450 4.2.0 Greylisted, please try again later\n";
        List<String> english = titles(CliProcess.run(replies, Map.of(), "explain", "--lang", "en", "--batch", "-"), "en");
        for (String tag : List.of("gu", "hi", "mr", "bn", "ta", "es", "fr", "de", "pt-BR", "zh-CN", "ja", "ar")) {
            List<String> titles = titles(CliProcess.run(replies, Map.of(), "explain", "--lang", tag, "--batch", "-"), tag);
            for (int i = 0; i < titles.size(); i++) {
                assertThat(titles.get(i)).as("%s line %d", tag, i + 1).isNotBlank().isNotEqualTo(english.get(i));
            }
        }
    }

    private static List<String> titles(CliProcess.Result r, String tag) throws Exception {
        assertThat(r.exit()).as(tag).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).as(tag).hasSize(5);
        List<String> categories = List.of("recipient-unknown", "sender-authentication-failed", "mailbox-full", "sender-blocked", "greylisted");
        List<String> titles = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            JsonNode j = JSON.readTree(lines[i]);
            assertThat(j.get("lang").asText()).as(tag).isEqualTo(tag);
            assertThat(j.get("category").asText()).as(tag).isEqualTo(categories.get(i));
            assertThat(j.get("advice").size()).as(tag).isBetween(2, 5);
            titles.add(j.get("title").asText() + j.get("summary").asText());
        }
        return titles;
    }

    @Test
    void languageComesFromTheEnvironmentWhenNotGiven() throws Exception {
        CliProcess.Result r = CliProcess.run(null, Map.of(), "explain", "--json", "550 5.1.1 User unknown");
        assertThat(r.exit()).isZero();
        CliProcess.Result gu = CliProcess.runWithJvmLocale("gu", "IN", "explain", "--json", "550 5.1.1 User unknown");
        assertThat(JSON.readTree(gu.out()).get("lang").asText()).isEqualTo("gu");
        assertThat(JSON.readTree(gu.out()).get("title").asText()).matches(t -> t.codePoints().anyMatch(cp -> cp >= 0x0A80 && cp <= 0x0AFF));
    }

    @Test
    void codesListsEveryCode() throws Exception {
        CliProcess.Result r = CliProcess.run("codes", "--lang", "en");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("550  ", "X.7.26  ", "X.1.1  ");
        CliProcess.Result four = CliProcess.run("codes", "--lang", "en", "--class", "4");
        assertThat(four.out()).contains("421  ", "4.2.2  ").doesNotContain("550  ");
        // the success class lists its reply codes only: the enhanced codes' meanings say what failed
        CliProcess.Result two = CliProcess.run("codes", "--lang", "en", "--class", "2");
        assertThat(two.out()).contains("250  ").doesNotContain("2.1.1  ", "421  ");
        // every class the whole table lists is one --class takes: 101 and 111 are class 1
        CliProcess.Result one = CliProcess.run("codes", "--lang", "en", "--class", "1");
        assertThat(one.exit()).isZero();
        assertThat(one.out()).contains("101  ", "111  ").doesNotContain("250  ");
        for (String bad : List.of("0", "6")) {
            CliProcess.Result r2 = CliProcess.run("codes", "--class", bad);
            assertThat(r2.exit()).as(bad).isEqualTo(2);
            assertThat(r2.err()).contains("--class takes 1, 2, 3, 4 or 5, got " + bad);
        }
        assertThat(CliProcess.run("codes", "--help").out()).contains("Exit status:");
    }
}
