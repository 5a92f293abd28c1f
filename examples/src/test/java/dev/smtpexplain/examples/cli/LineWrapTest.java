package dev.smtpexplain.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Lines broken to a terminal's width: where words allow, with their indent, nothing lost or added. */
class LineWrapTest {

    static final String SUMMARY = "  The receiving mail server says that there is no mailbox with this address. Usually the address "
            + "contains a typo, or the person has left the organization and the address was closed.";

    @Test
    void aParagraphBreaksBetweenWordsAndKeepsItsIndent() {
        List<String> lines = LineWrap.wrap(SUMMARY, 40, Locale.ENGLISH);
        assertThat(lines).hasSizeGreaterThan(4).allSatisfy(l -> {
            assertThat(l.length()).isLessThanOrEqualTo(40);
            assertThat(l).startsWith("  ").doesNotStartWith("   ").doesNotEndWith(" ");
        });
        assertThat(String.join(" ", lines.stream().map(String::strip).toList())).isEqualTo(SUMMARY.strip());
        // greedy: the next line's first word would not have fitted on the line before
        for (int i = 0; i + 1 < lines.size(); i++) {
            String next = lines.get(i + 1).strip().split(" ")[0];
            assertThat(lines.get(i).length() + 1 + next.length()).isGreaterThan(40);
        }
    }

    @Test
    void aNumberedStepsLinesContinueUnderItsText() {
        List<String> lines = LineWrap.wrap("  12. Ask the recipient for another address, or check the spelling of this one.", 30, Locale.ENGLISH);
        assertThat(lines.get(0)).startsWith("  12. Ask");
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).startsWith("      ").doesNotStartWith("       "));
    }

    @Test
    void aWordLongerThanALineStandsAloneAndWhole() {
        String url = "https://postmaster.example.com/troubleshooting/delivery/errors/5.7.26-unauthenticated";
        List<String> lines = LineWrap.wrap("  See " + url + " for what to do next.", 30, Locale.ENGLISH);
        assertThat(lines).contains("  " + url);
        assertThat(String.join(" ", lines.stream().map(String::strip).toList())).isEqualTo("See " + url + " for what to do next.");
    }

    @Test
    void cjkTextCountsTwoColumnsACharacterAndBreaksBetweenCharacters() {
        String ja = "  受信側サーバーは、メッセージが本当にお使いのドメインから送信されたものであることを確認できませんでした。";
        List<String> lines = LineWrap.wrap(ja, 30, Locale.JAPANESE);
        assertThat(lines).hasSizeGreaterThan(3).allSatisfy(l -> assertThat(LineWrap.width(l, 0, l.length())).isLessThanOrEqualTo(30));
        assertThat(String.join("", lines).replace(" ", "")).isEqualTo(ja.strip());
    }

    @Test
    void gujaratiBreaksBetweenWordsAndItsMarksTakeNoColumn() {
        String gu = "  પ્રાપ્ત કરનાર મેઇલ સર્વર કહે છે કે આ સરનામા સાથે કોઈ મેઇલબોક્સ નથી. સામાન્ય રીતે સરનામામાં ટાઇપની ભૂલ હોય છે.";
        List<String> lines = LineWrap.wrap(gu, 30, Locale.forLanguageTag("gu"));
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join(" ", lines.stream().map(String::strip).toList())).isEqualTo(gu.strip());
        // "પ્રાપ્ત" is six chars (three of them marks, one a virama) but fewer columns
        assertThat(LineWrap.width("પ્રાપ્ત", 0, 7)).isLessThan(7);
    }

    @Test
    void anIsolatedAddressIsNeverSplitAcrossLines() {
        String data = "\u2068very-long-recipient-name@mail-gateway.example.co.uk\u2069";
        List<String> lines = LineWrap.wrap("  ✗ " + data + " — المستلم غير موجود في هذا النطاق على الإطلاق", 30, Locale.forLanguageTag("ar"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(data));
        assertThat(lines).allSatisfy(l -> assertThat(l.chars().filter(c -> c == '\u2068').count())
                .isEqualTo(l.chars().filter(c -> c == '\u2069').count()));
    }

    @Test
    void stylingTakesNoColumnAndIsNeverSplit() {
        String line = "  Category: mailbox-full\u001B[2m [rcpt.full: \"mailbox full\"]\u001B[0m · Confidence: Confident";
        List<String> lines = LineWrap.wrap(line, 30, Locale.ENGLISH);
        assertThat(lines).hasSizeGreaterThan(1).allSatisfy(l -> assertThat(LineWrap.width(l, 0, l.length())).isLessThanOrEqualTo(30));
        assertThat(String.join(" ", lines.stream().map(String::strip).toList())).isEqualTo(line.strip());
        String heading = "\u001B[1;36mWhat happened\u001B[0m";
        assertThat(LineWrap.width(heading, 0, heading.length())).isEqualTo("What happened".length());
        assertThat(LineWrap.wrap("\u001B[1;36mWhat happened\u001B[0m", 20, Locale.ENGLISH)).hasSize(1);
    }

    @Test
    void shortOrUnmeasuredLinesAreLeftAsTheyAre() {
        assertThat(LineWrap.wrap("  Short.", 40, Locale.ENGLISH)).containsExactly("  Short.");
        assertThat(LineWrap.wrap(SUMMARY, LineWrap.MIN_COLUMNS - 1, Locale.ENGLISH)).containsExactly(SUMMARY);
    }
}
