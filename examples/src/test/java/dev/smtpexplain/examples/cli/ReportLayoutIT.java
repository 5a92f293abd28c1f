package dev.smtpexplain.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpexplain.examples.demo.Scenario;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.LocalizedMessages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Bidi;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How reports read in the terminal, run as a real process: headlines and labels from the catalogs,
 * each language's separator, right-to-left lines, usage errors for an empty reply and an unsupported
 * language, scenario labels in the chosen language, deferred recipients apart from refused ones.
 */
class ReportLayoutIT {

    static final ObjectMapper JSON = new ObjectMapper();

    static LocalizedMessages messages(String tag) {
        return Explainer.standard().messages(Locale.forLanguageTag(tag));
    }

    @Test
    void onANarrowTerminalEveryLanguagesProseIsBrokenToItsWidthWithNothingLost() throws Exception {
        String reply = "550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy.";
        for (Locale l : Explainer.supportedLocales()) {
            String tag = l.toLanguageTag();
            CliProcess.Result whole = CliProcess.run("explain", "--lang", tag, reply);
            CliProcess.Result narrow = CliProcess.runWithJvmOptions(List.of("-D" + Terminal.COLUMNS_PROPERTY + "=40"), "explain", "--lang", tag, reply);
            assertThat(narrow.exit()).as(tag).isZero();
            assertThat(narrow.out().lines().count()).as(tag).isGreaterThan(whole.out().lines().count() + 10);
            // the same characters in the same order: only line breaks and indents (and a line's right-to-left mark) added
            assertThat(withoutSpacing(narrow.out())).as(tag).isEqualTo(withoutSpacing(whole.out()));
            narrow.out().lines().filter(line -> !line.contains(reply) && !unbreakable(line)).forEach(line -> {
                // counted as a terminal does, independently of LineWrap: wide CJK characters two columns, marks none
                assertThat(columns(line)).as(tag + ": " + line).isLessThanOrEqualTo(40);
            });
            // the server's reply is quoted on one line, as it came, to be copied
            assertThat(narrow.out().lines().filter(line -> line.contains(reply))).as(tag).hasSize(1);
        }
    }

    // one word, or one datum set apart in a right-to-left line (an id, an address): never broken, so longer than a line;
    // two isolates side by side are two data, with a place to break between them (outside tester 63)
    static boolean unbreakable(String line) {
        String text = line.replace("\u200f", "").strip();
        return !text.contains(" ") || text.startsWith("\u2068") && text.endsWith("\u2069") && text.indexOf('\u2068', 1) < 0;
    }

    static String withoutSpacing(String s) {
        return s.replaceAll("[\\s\u200f]", "");
    }

    static int columns(String line) {
        int w = 0;
        for (int cp : line.codePoints().toArray()) {
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            boolean wide = script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                    || cp >= 0x3000 && cp <= 0x303F || cp >= 0xFF01 && cp <= 0xFF60;
            w += wide ? 2 : 1;
        }
        return w;
    }

    @Test
    void anEmptyReplyIsAUsageError() throws Exception {
        CliProcess.Result r = CliProcess.run("explain", "");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("REPLY").hasLineCount(1);
        assertThat(CliProcess.run("explain", "  ", " ").exit()).isEqualTo(2);
    }

    @Test
    void anUnsupportedLanguageIsSaidOnStderrWithTheSupportedTags() throws Exception {
        CliProcess.Result r = CliProcess.run("explain", "--lang", "sv", "550 5.1.1 User unknown");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("'sv'");
        for (Locale l : Explainer.supportedLocales()) {
            assertThat(r.err()).contains(l.toLanguageTag());
        }
        // a region of a supported language is that language
        assertThat(CliProcess.run("explain", "--lang", "gu-IN", "550 5.1.1 User unknown").exit()).isZero();
        assertThat(CliProcess.run("explain", "--lang", "en-GB", "550 5.1.1 User unknown").exit()).isZero();
    }

    @Test
    void labelsUseTheLanguagesOwnSeparator() throws Exception {
        String reply = "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown";
        CliProcess.Result fr = CliProcess.run("explain", "--lang", "fr", reply);
        assertThat(fr.exit()).isZero();
        assertThat(fr.out()).contains(messages("fr").get("label.category") + "\u00a0: ", messages("fr").get("label.serverReply") + "\u00a0:")
                .doesNotContain(messages("fr").get("label.category") + ": ");
        for (String tag : List.of("ja", "zh-CN")) {
            CliProcess.Result r = CliProcess.run("explain", "--lang", tag, reply);
            assertThat(r.out()).as(tag).contains(messages(tag).get("label.category") + "：")
                    .doesNotContain(messages(tag).get("label.category") + ": ", messages(tag).get("label.category") + "： ");
        }
    }

    @Test
    void theHeadlineNamesTheStepThatFailedWithoutContradictingItself() throws Exception {
        CliProcess.Result r = CliProcess.run("demo", "--lang", "en", "--only", "message-too-big");
        assertThat(r.exit()).isZero();
        LocalizedMessages en = messages("en");
        String stage = en.format("report.stage.failed", Map.of("stage", en.get("stage.end-of-data")));
        assertThat(r.out()).contains("✗ " + en.get("report.title.failed") + "\n" + stage + "\n");
        assertThat(stage).doesNotContain("was sent");
    }

    @Test
    void demoLabelsFollowTheLanguage() throws Exception {
        CliProcess.Result r = CliProcess.run("demo", "--lang", "gu", "--only", "unknown-recipient,partial-delivery");
        assertThat(r.exit()).isZero();
        LocalizedMessages gu = messages("gu");
        assertThat(r.out()).contains("(" + gu.get("demo.scenario.unknown-recipient") + ")", "(" + gu.get("demo.scenario.partial-delivery") + ")");
        for (Scenario s : Scenario.all()) {
            assertThat(r.out()).doesNotContain(s.description());
        }
    }

    @Test
    void deferredRecipientsAreCountedAsDeferred() throws Exception {
        CliProcess.Result r = CliProcess.run("demo", "--lang", "en", "--only", "greylisting");
        assertThat(r.exit()).isZero();
        LocalizedMessages en = messages("en");
        assertThat(r.out()).contains(en.format("report.recipients.deferred", Map.of("count", 1)))
                .doesNotContain(en.format("report.recipients.rejected", Map.of("count", 1)));
    }

    /** In Arabic every line of the report reads right to left, even where it starts with an address. */
    @Test
    void arabicLinesReadRightToLeftOutsideTheDialog() throws Exception {
        CliProcess.Result r = CliProcess.run("demo", "--lang", "ar", "--only", "partial-delivery");
        assertThat(r.exit()).isZero();
        List<String> lines = Arrays.stream(r.out().split("\n")).filter(l -> !l.isBlank()).toList();
        // every line, the scenario's heading and its sender → recipients line included
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            Bidi bidi = new Bidi(line, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
            assertThat(bidi.baseIsLeftToRight()).as("paragraph direction of «%s»", line).isFalse();
        });
        // addresses are isolated as a whole, so they keep their order inside the Arabic line
        assertThat(r.out()).contains("\u2068bob@example.test\u2069", "\u2068nobody.else@example.test\u2069");
    }

    /** A bounce report in Arabic reads right to left on every line too, and names the DSN's action in Arabic. */
    @Test
    void arabicBounceReportsReadRightToLeft(@TempDir Path dir) throws Exception {
        Path bounce = dir.resolve("b.eml");
        Files.writeString(bounce, BounceCommandIT.dsn("bob@example.org", "5.1.1", "550 5.1.1 <bob@example.org>: User unknown"));
        CliProcess.Result r = CliProcess.run("bounce", "--lang", "ar", bounce.toString());
        assertThat(r.exit()).isZero();
        List<String> lines = Arrays.stream(r.out().split("\n")).filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSizeGreaterThan(10).allSatisfy(line -> {
            Bidi bidi = new Bidi(line, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
            assertThat(bidi.baseIsLeftToRight()).as("paragraph direction of «%s»", line).isFalse();
        });
        assertThat(r.out()).contains("\u2068bob@example.org\u2069", "\u2068mx.example.net\u2069",
                "(" + messages("ar").get("bounce.action.failed") + ")").doesNotContain("(failed)");
    }

    /** No language shows the DSN's English action word in its bounce report. */
    @Test
    void theRecipientsActionIsInTheReportsLanguage(@TempDir Path dir) throws Exception {
        Path bounce = dir.resolve("b.eml");
        Files.writeString(bounce, BounceCommandIT.dsn("bob@example.org", "5.1.1", "550 5.1.1 <bob@example.org>: User unknown"));
        for (Locale l : Explainer.supportedLocales()) {
            if (l.getLanguage().equals("en")) {
                continue;
            }
            CliProcess.Result r = CliProcess.run("bounce", "--lang", l.toLanguageTag(), bounce.toString());
            assertThat(r.out()).as(l.toLanguageTag()).contains(messages(l.toLanguageTag()).get("bounce.action.failed")).doesNotContain("(failed)");
        }
    }

    /**
     * The bounce view's labels, quotes and parentheses come from the catalog: full-width in Chinese and Japanese, a no-break
     * space before the colon and inside the guillemets in French; no ASCII ": ", "(" or '"' in the CJK lines.
     */
    @Test
    void theBounceViewPunctuatesAsEachLanguageDoes(@TempDir Path dir) throws Exception {
        Path bounce = dir.resolve("b.eml");
        Files.writeString(bounce, BounceCommandIT.dsn("bob@example.org", "5.1.1", "550 5.1.1 <bob@example.org>: User unknown"));
        for (String tag : List.of("zh-CN", "ja")) {
            LocalizedMessages m = messages(tag);
            CliProcess.Result r = CliProcess.run("bounce", "--lang", tag, bounce.toString());
            assertThat(r.exit()).isZero();
            assertThat(r.out()).as(tag).contains(
                    m.get("bounce.label.reportingMta") + "：mx.example.net",
                    m.get("label.recipient") + "：bob@example.org（" + m.get("bounce.action.failed") + "）");
            String quotedSubject = tag.equals("ja") ? "：「Hello」" : "：“Hello”";
            assertThat(r.out()).as(tag).contains(m.get("bounce.label.originalMessage") + quotedSubject);
            List<String> viewLines = Arrays.stream(r.out().split("\n"))
                    .filter(l -> l.startsWith(m.get("bounce.label.reportingMta")) || l.startsWith(m.get("bounce.label.originalMessage"))
                            || l.startsWith(m.get("label.recipient")) || l.startsWith(m.get("label.stage")) || l.startsWith("━━"))
                    .toList();
            assertThat(viewLines).as(tag).hasSizeGreaterThanOrEqualTo(4).noneMatch(l -> l.contains(": ") || l.contains("(") || l.contains("\""));
            // the demo's bounce names the stage, and its heading sets the scenario's label in parentheses too
            String demo = CliProcess.run("demo", "--lang", tag, "--only", "bounce-later").out();
            assertThat(demo).as(tag).contains(m.get("label.stage") + "：" + m.get("stage.rcpt-to"), "bounce-later（")
                    .doesNotContain(m.get("label.stage") + ": ");
        }
        LocalizedMessages fr = messages("fr");
        CliProcess.Result r = CliProcess.run("bounce", "--lang", "fr", bounce.toString());
        assertThat(r.out()).contains(fr.get("bounce.label.reportingMta") + "\u00a0: mx.example.net",
                fr.get("bounce.label.originalMessage") + "\u00a0: «\u00a0Hello\u00a0»",
                fr.get("label.recipient") + "\u00a0: bob@example.org (" + fr.get("bounce.action.failed") + ")");
        assertThat(CliProcess.run("bounce", "--lang", "en", bounce.toString()).out())
                .contains("Reported by: mx.example.net", "Your message: “Hello”", "Recipient: bob@example.org (failed)");
    }

    /** The code table reads right to left in Arabic on every row, as explain and demo do: a mark first, the code isolated. */
    @Test
    void theArabicCodeTableReadsRightToLeftOnEveryRow() throws Exception {
        CliProcess.Result r = CliProcess.run("codes", "--lang", "ar");
        assertThat(r.exit()).isZero();
        List<String> lines = Arrays.stream(r.out().split("\n")).filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSizeGreaterThan(80).allSatisfy(line -> {
            assertThat(line).startsWith("\u200F\u2068");
            assertThat(new Bidi(line, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight()).as(line).isFalse();
        });
        assertThat(r.out()).contains("\u2068X.1.6\u2069", "\u2068101\u2069");
        assertThat(CliProcess.run("codes", "--lang", "en").out()).doesNotContain("\u200F", "\u2068");
    }

    /** A list of addresses is joined with the language's comma: Arabic "، ", Chinese and Japanese "、". */
    @Test
    void recipientListsUseTheLanguagesComma() throws Exception {
        assertThat(CliProcess.run("demo", "--lang", "ar", "--only", "partial-delivery").out())
                .contains("\u2068bob@example.test\u2069، \u2068nobody.else@example.test\u2069")
                .doesNotContain("\u2069, \u2068");
        assertThat(CliProcess.run("demo", "--lang", "zh-CN", "--only", "partial-delivery").out())
                .contains("bob@example.test、nobody.else@example.test");
        assertThat(CliProcess.run("demo", "--lang", "en", "--only", "partial-delivery").out())
                .contains("bob@example.test, nobody.else@example.test");
    }

    /** SMTP_EXPLAIN_LANG works where LANG cannot reach the JVM (a container without the gu_IN locale). */
    @Test
    void theLanguageCanComeFromSmtpExplainLang() throws Exception {
        CliProcess.Result gu = CliProcess.run(null, Map.of("SMTP_EXPLAIN_LANG", "gu", "LANG", "C.UTF-8"), "explain", "550 5.1.1 User unknown");
        assertThat(gu.exit()).isZero();
        assertThat(gu.out()).contains(messages("gu").get("category.recipient-unknown.title"));
        CliProcess.Result both = CliProcess.run(null, Map.of("SMTP_EXPLAIN_LANG", "gu"), "explain", "--lang", "fr", "550 5.1.1 User unknown");
        assertThat(both.out()).as("--lang wins").contains(messages("fr").get("category.recipient-unknown.title"));
        // the form people copy from LANG (outside tester 70: "not a language tag")
        CliProcess.Result posix = CliProcess.run(null, Map.of("SMTP_EXPLAIN_LANG", "gu_IN.UTF-8"), "explain", "550 5.1.1 User unknown");
        assertThat(posix.exit()).as(posix.err()).isZero();
        assertThat(posix.out()).contains(messages("gu").get("category.recipient-unknown.title"));
        // a stock container's LANG copied into it: no language at all, so the system's (outside tester 73: exit 2)
        for (String none : new String[] {"C.UTF-8", "C", "POSIX"}) {
            CliProcess.Result c = CliProcess.run(null, Map.of("SMTP_EXPLAIN_LANG", none, "LANG", "C.UTF-8"), "explain", "550 5.1.1 User unknown");
            assertThat(c.exit()).as(none + ": " + c.err()).isZero();
            assertThat(c.out()).contains(messages("en").get("category.recipient-unknown.title"));
        }
        CliProcess.Result bad = CliProcess.run(null, Map.of("SMTP_EXPLAIN_LANG", "xx"), "explain", "550 5.1.1 User unknown");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("SMTP_EXPLAIN_LANG", "pt-BR");
    }
}
