package dev.smtpexplain.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.i18n.Explainer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hostile server text into the CLI's JSON: {@code explain --json} (in process, so a NUL can be passed
 * as an argument, which a real command line cannot carry) and {@code --batch} lines print valid JSON
 * whose {@code serverText} holds no control, escape or bidi character; markup and ICU syntax stay
 * literal text (Jackson escapes quotes and backslashes), in every locale.
 */
class JsonHostileTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** ANSI escapes, bidi overrides and isolates, zero-width, NULs, markup, ICU and printf syntax, JSON breakers. */
    static final List<String> HOSTILE = List.of(
            "550 5.1.1 user unknown \u001B[2J\u001B[31mred\u001B[0m \u001B]0;owned\u0007 \u009B31m",
            "550 5.7.1 \u202Egnp.exe\u202C \u2066iso\u2069 \u202Aemb\u202C zw\u200Bsp \uFEFFbom \u200E\u200F",
            "554 5.7.1 </script><script>alert(1)</script> <b>bold</b> &amp; &lt;",
            "550 {0} {1,number} '{' '' # | {count, plural, one {#} other {# x}} %s %n ${jndi:ldap://x}",
            "550 5.1.1 nul\u0000here \u0000\u0000 bell\u0007 del\u007F",
            "550 5.1.1 \"quoted\" back\\slash \\u0041 \\\" }{ ][ ,:",
            "550 5.1.1 lone \uD800 surrogate \uDC00 and \uD83D\uDE00 pair");

    private static String runExplain(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        assertThat(exit).as(err.toString()).isZero();
        return out.toString();
    }

    @Test
    void explainJsonIsValidAndItsServerTextIsClean() throws Exception {
        for (Locale l : Explainer.supportedLocales()) {
            for (String reply : HOSTILE) {
                String out = runExplain("explain", "--json", "--lang", l.toLanguageTag(), reply);
                assertThat(out.strip().lines()).as("one line of JSON").hasSize(1);
                JsonNode j = JSON.readTree(out);
                assertClean(j, l);
                String serverText = j.get("serverText").asText();
                // markup and ICU syntax are shown as text, not interpreted
                if (reply.contains("</script>")) {
                    assertThat(serverText).contains("</script><script>alert(1)</script>", "<b>bold</b>", "&amp;");
                }
                if (reply.contains("{0}")) {
                    assertThat(serverText).contains("{0}", "{1,number}", "'{' ''", "{count, plural, one {#} other {# x}}", "%s %n", "${jndi:ldap://x}");
                }
                if (reply.contains("quoted")) {
                    assertThat(serverText).contains("\"quoted\" back\\slash \\u0041 \\\" }{");
                }
                // nothing raw in the output either: Jackson escapes what the sanitizer left
                assertThat(out).doesNotContain("\u0000", "\u001B", "\u202E", "\u2066", "\u200B", "\u0007");
            }
        }
    }

    @Test
    void batchLinesAreValidJsonWithCleanServerText() throws Exception {
        Diagnoser d = Diagnoser.standard();
        for (Locale l : List.of(Locale.ENGLISH, Locale.forLanguageTag("gu"), Locale.forLanguageTag("ar"))) {
            int n = 0;
            for (String reply : HOSTILE) {
                String tsv = reply.startsWith("550 ") ? "550\t\t" + reply.substring(4) : reply;
                JsonNode j = JSON.readTree(ExplainCommand.batchLine(++n, tsv, d, Explainer.standard(), l));
                assertClean(j, l);
                JsonNode whole = JSON.readTree(ExplainCommand.batchLine(++n, reply, d, Explainer.standard(), l));
                assertClean(whole, l);
            }
        }
    }

    /** serverText has no control (not even a line break here: it may keep them), escape, bidi or zero-width character. */
    static void assertClean(JsonNode j, Locale l) {
        assertThat(j.get("lang").asText()).isNotBlank();
        String serverText = j.get("serverText").asText();
        serverText.codePoints().forEach(cp -> {
            assertThat(cp == '\n' || !Character.isISOControl(cp)).as("control U+%04X in %s", cp, serverText).isTrue();
            assertThat(Character.getType(cp)).as("format U+%04X", cp).isNotEqualTo((int) Character.FORMAT);
            assertThat(Character.getType(cp)).as("lone surrogate U+%04X", cp).isNotEqualTo((int) Character.SURROGATE);
            assertThat(cp == 0x2028 || cp == 0x2029).as("separator U+%04X", cp).isFalse();
        });
        assertThat(serverText.length()).isLessThanOrEqualTo(2001);
        // every other text field: no control characters (catalog texts may carry isolates in RTL locales)
        for (Iterator<Map.Entry<String, JsonNode>> it = j.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getValue().isTextual()) {
                assertThat(f.getValue().asText().chars().noneMatch(c -> c != '\n' && Character.isISOControl(c))).as(f.getKey()).isTrue();
            }
        }
    }
}
