package dev.smtpexplain.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A postmaster's rules file, checked and used through the CLI, run as a real process. */
class RulesCommandIT {

    static final String ACME = """
            # Acme Mail's own wordings
            rule acme.blocklist  sender-blocked  any-class
                "ac:b12"
                "acme blocklist"
                example: 550 5.7.1 AC:B12 listed on the Acme blocklist
            rule acme.daily  sending-quota-exceeded  any-class
                "acme daily limit"
                example: 550 5.4.6 You have reached the Acme daily limit
            """;

    @Test
    void aSoundFileIsSummedUpAndExitsZero(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("acme-rules.txt"), ACME);
        CliProcess.Result r = CliProcess.run("rules", rules.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).containsExactly(rules + ": 2 rules, 2 examples: 0 problems, 0 notices");
    }

    @Test
    void problemsAreListedWithTheirLinesAndExitThree(@TempDir Path dir) throws Exception {
        // the second rule's example is taken by the first, its last alternative hidden by its first
        Path rules = Files.writeString(dir.resolve("acme-rules.txt"), ACME + """
                rule acme.blocklist-ip  sender-blocked  any-class
                    "acme blocklist" + "ip"
                    example: 550 5.7.1 Your IP is on the Acme blocklist
                rule acme.slow  rate-limited  code=4xx
                    "acme slow"
                """);
        CliProcess.Result r = CliProcess.run("rules", rules.toString());
        assertThat(r.exit()).isEqualTo(3);
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(rules + ": 4 rules, 3 examples: 2 problems, 1 notice");
        assertThat(lines).contains("problem: " + rules + " line 9: rule acme.blocklist-ip example \"550 5.7.1 Your IP is on the Acme"
                + " blocklist\" is decided by rule acme.blocklist (" + rules + " line 2), before this rule");
        assertThat(lines).anyMatch(l -> l.startsWith("problem: " + rules + " line 9: rule acme.blocklist-ip alternative \"acme blocklist\""
                + " + \"ip\" never decides: rule acme.blocklist"));
        assertThat(lines).contains("notice: " + rules + " line 12: rule acme.slow has no example: add an 'example:' line with a reply it"
                + " must decide");
    }

    @Test
    void aSyntaxErrorIsAProblemWithItsLineAndColumn(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("acme-rules.txt"), "rule acme.x  spam-detected\n    \"acme\" \"x\"\n");
        CliProcess.Result r = CliProcess.run("rules", rules.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out().strip()).isEqualTo("problem: " + rules + " line 2 column 12: expected '+' or '|' between phrases");
    }

    @Test
    void aFileThatCannotBeReadExitsOne(@TempDir Path dir) throws Exception {
        CliProcess.Result missing = CliProcess.run("rules", dir.resolve("none.txt").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo("smtp-explain: " + dir.resolve("none.txt") + ": cannot read: no such file");
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, "rule acme.box  mailbox-full\n    \"bo\u00EEte pleine\"\n".getBytes(StandardCharsets.ISO_8859_1));
        CliProcess.Result bytes = CliProcess.run("rules", latin1.toString());
        assertThat(bytes.exit()).isEqualTo(1);
        assertThat(bytes.err().strip()).isEqualTo("smtp-explain: " + latin1 + ": cannot read: not valid UTF-8");
    }

    /** Outside tester 73: /dev/zero ran out of memory with a stack trace, a FIFO waited for ever. */
    @Test
    void onlyARegularFileOfAFewMegabytesIsRead(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.txt");
        Files.write(big, ("# " + "x".repeat(1022) + "\n").repeat(4 * 1024 + 1).getBytes(StandardCharsets.US_ASCII));
        CliProcess.Result tooLarge = CliProcess.run("rules", big.toString());
        assertThat(tooLarge.exit()).isEqualTo(1);
        assertThat(tooLarge.err().strip()).isEqualTo("smtp-explain: " + big + ": cannot read: too large (over 4 MiB): not a rules file");
        CliProcess.Result zero = CliProcess.run("explain", "--rules", "/dev/zero", "550 x");
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).startsWith("smtp-explain: --rules: /dev/zero: cannot read: not a regular file");
    }

    /** Files given together are loaded together (--rules, Spring): an id taken in one is a problem in the other. */
    @Test
    void filesGivenTogetherShareTheirIds(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.rules"), ACME);
        Path b = Files.writeString(dir.resolve("b.rules"), ACME);
        CliProcess.Result r = CliProcess.run("rules", a.toString(), b.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out().lines().toList()).last().isEqualTo("problem: rule id acme.blocklist (" + b + " line 2) is taken by " + a
                + " line 2: an id names one rule; give this one another");
    }

    @Test
    void explainAndBounceWeighTheFileBeforeTheBuiltInRules(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("acme-rules.txt"), ACME);
        String reply = "550 5.7.1 Message refused: acme daily limit";
        CliProcess.Result without = CliProcess.run("explain", "--json", "--lang", "en", reply);
        assertThat(ExplainCommandIT.JSON.readTree(without.out()).get("rule").asText()).isNotEqualTo("acme.daily");
        for (String lang : List.of("en", "gu")) {
            CliProcess.Result with = CliProcess.run("explain", "--json", "--lang", lang, "--rules", rules.toString(), reply);
            assertThat(with.exit()).as(with.err()).isZero();
            JsonNode j = ExplainCommandIT.JSON.readTree(with.out());
            assertThat(j.get("rule").asText()).isEqualTo("acme.daily");
            assertThat(j.get("category").asText()).isEqualTo("sending-quota-exceeded");
            assertThat(j.get("lang").asText()).isEqualTo(lang);
        }
        CliProcess.Result batch = CliProcess.run("550\t5.7.1\tMessage refused: acme daily limit\n", java.util.Map.of(), "explain", "--rules",
                rules.toString(), "--batch", "-");
        assertThat(ExplainCommandIT.JSON.readTree(batch.out()).get("rule").asText()).isEqualTo("acme.daily");
        Path bounce = Files.writeString(dir.resolve("bounce.eml"), BounceCommandIT.dsn("bob@example.com", "5.7.1", reply));
        CliProcess.Result read = CliProcess.run("bounce", "--json", "--rules", rules.toString(), bounce.toString());
        assertThat(read.exit()).as(read.err()).isZero();
        assertThat(BounceCommandIT.lines(read.out()).get(0).get("rule").asText()).isEqualTo("acme.daily");
    }

    @Test
    void aBrokenRulesFileIsAUsageErrorOfTheCommandThatLoadsIt(@TempDir Path dir) throws Exception {
        Path rules = Files.writeString(dir.resolve("acme-rules.txt"), "rule acme.x  spam-detected\n    \"acme\" \"x\"\n");
        CliProcess.Result r = CliProcess.run("explain", "--rules", rules.toString(), "550 5.7.1 no");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("smtp-explain: --rules: " + rules + " line 2 column 12: expected '+' or '|' between phrases");
        assertThat(r.out()).isEmpty();
        CliProcess.Result missing = CliProcess.run("bounce", "--rules", dir.resolve("none.txt").toString(), "-");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("smtp-explain: --rules: " + dir.resolve("none.txt") + ": cannot read: no such file");
    }
}
