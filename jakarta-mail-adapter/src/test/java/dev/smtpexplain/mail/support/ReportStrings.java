package dev.smtpexplain.mail.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.i18n.Explanation;
import dev.smtpexplain.mail.RecipientFailure;
import dev.smtpexplain.mail.SendFailureAnalyzer;
import dev.smtpexplain.mail.SendFailureReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every string a report exposes to an application (what it shows, logs or serializes), by name, and
 * the checks that no server-controlled character can spoof a display or a log through them.
 */
public final class ReportStrings {

    /** The cap on one line of a report's summary or technical details: replies are cut to 300. */
    public static final int MAX_LINE = 1_000;
    /** The explanation's server text is capped at 2000 characters plus the ellipsis. */
    public static final int MAX_SERVER_TEXT = 2_001;

    private ReportStrings() {
    }

    /** The report's strings, each under a name for the failure message. */
    public static Map<String, String> of(SendFailureReport r) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("summary", r.text());
        out.put("toString", r.toString());
        out.put("headline", r.headline());
        out.put("detail", r.transportDetail().orElse(""));
        out.put("technicalDetails", r.technicalDetails());
        out.put("diagnosis.toString", r.diagnosis().toString());
        explanation(out, "explanation", r.explanation());
        for (int i = 0; i < r.recipientFailures().size(); i++) {
            RecipientFailure f = r.recipientFailures().get(i);
            out.put("failure" + i + ".address", f.address());
            out.put("failure" + i + ".toString", f.toString());
            explanation(out, "failure" + i + ".explanation", f.explanation());
        }
        // one entry per address: a list of hundreds is no line of any output
        for (int i = 0; i < r.acceptedRecipients().size(); i++) {
            out.put("accepted" + i + ".address", r.acceptedRecipients().get(i));
        }
        for (int i = 0; i < r.notAttemptedRecipients().size(); i++) {
            out.put("notAttempted" + i + ".address", r.notAttemptedRecipients().get(i));
        }
        return out;
    }

    private static void explanation(Map<String, String> out, String prefix, Explanation e) {
        out.put(prefix + ".title", e.title());
        out.put(prefix + ".summary", e.summary());
        out.put(prefix + ".advice", String.join("\n", e.advice()));
        out.put(prefix + ".contact", e.contact());
        out.put(prefix + ".serverText", e.serverText().orElse(""));
        out.put(prefix + ".toString", e.toString());
    }

    /** Every string of the report as one list (for "does not contain" checks). */
    public static List<String> all(SendFailureReport r) {
        return new ArrayList<>(of(r).values());
    }

    /**
     * No control character but the line breaks of multi-line texts, no escape sequence, no format
     * character (bidi overrides, embeddings, zero-width) except the first-strong isolates a
     * right-to-left catalog wraps its data in and a right-to-left mark at the start of a line, no lone
     * surrogate, and capped lengths.
     */
    public static void assertSanitized(SendFailureReport r) {
        boolean rtl = SendFailureAnalyzer.standard().explainer().messages(r.locale()).isRightToLeft();
        of(r).forEach((name, s) -> {
            // record toStrings embed the server text, which keeps its line breaks
            boolean multiLine = name.equals("summary") || name.endsWith("toString") || name.equals("technicalDetails")
                    || name.endsWith(".serverText") || name.endsWith(".advice");
            boolean isolates = rtl && !name.endsWith(".serverText") && !name.endsWith(".address");
            assertSafe(name, s, multiLine, isolates);
            if (name.endsWith(".serverText")) {
                assertThat(s.length()).as("%s length", name).isLessThanOrEqualTo(MAX_SERVER_TEXT);
            } else if (!name.endsWith("toString") || name.equals("toString")) {
                for (String line : s.split("\n")) {
                    assertThat(line.length()).as("%s line length", name).isLessThanOrEqualTo(MAX_LINE);
                }
            }
        });
    }

    /** The character checks of {@link #assertSanitized} on one string. */
    public static void assertSafe(String name, String s, boolean lineBreaks, boolean isolates) {
        assertThat(s).as(name).isNotNull();
        // a right-to-left summary starts each line with a right-to-left mark (the paragraph's direction)
        String checked = isolates ? s.replaceAll("(?m)^\u200F", "") : s;
        checked.codePoints().forEach(cp -> {
            if (cp == '\n') {
                assertThat(lineBreaks).as("%s has a line break", name).isTrue();
                return;
            }
            assertThat(Character.isISOControl(cp)).as("%s has control U+%04X", name, cp).isFalse();
            assertThat(Character.getType(cp)).as("%s has lone surrogate U+%04X", name, cp).isNotEqualTo((int) Character.SURROGATE);
            assertThat(cp == 0x2028 || cp == 0x2029).as("%s has line/paragraph separator U+%04X", name, cp).isFalse();
            if (Character.getType(cp) == Character.FORMAT) {
                assertThat(isolates && (cp == 0x2068 || cp == 0x2069)).as("%s has format character U+%04X", name, cp).isTrue();
            }
        });
        if (isolates) {
            assertThat(s.chars().filter(c -> c == 0x2068).count()).as("%s isolates balanced", name)
                    .isEqualTo(s.chars().filter(c -> c == 0x2069).count());
        }
    }
}
