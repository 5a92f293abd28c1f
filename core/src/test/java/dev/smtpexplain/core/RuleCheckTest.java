package dev.smtpexplain.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpexplain.core.RuleCheck.Finding;
import dev.smtpexplain.core.RuleCheck.Kind;
import org.junit.jupiter.api.Test;

/** An application's rules checked as the build checks the built-in ones. */
class RuleCheckTest {

    @Test
    void aFileThatDecidesItsExamplesHasNoProblems() {
        RuleCheck check = RuleCheck.of("""
                rule acme.vip-only  recipient-refused
                    "vip list only"
                    example: 550 5.1.1 Sorry, VIP list only
                rule acme.slow  rate-limited  code=4xx
                    "acme" + "slow down"
                    example: 421 4.7.0 Acme: slow down, too many messages
                """, "acme.txt");
        assertThat(check.ruleCount()).isEqualTo(2);
        assertThat(check.exampleCount()).isEqualTo(2);
        assertThat(check.problems()).isEmpty();
        assertThat(check.toString()).isEqualTo("RuleCheck[2 rules, 2 examples, 0 problems, 0 notices]");
    }

    @Test
    void anExampleAnotherRuleDecidesIsAProblem() {
        RuleCheck check = RuleCheck.of("""
                rule acme.first  spam-detected
                    "acme filter"
                    example: 550 5.7.1 Rejected by the acme filter
                rule acme.second  mailbox-full
                    "mailbox" + "acme filter"
                    example: 552 5.2.2 Mailbox full, says the acme filter
                rule acme.wrong  sender-blocked
                    "xyzzy blocked"
                    example: 550 5.1.1 <bob@example.com>
                """, "acme.txt");
        assertThat(check.problems()).extracting(Finding::kind, Finding::ruleId).contains(
                org.assertj.core.groups.Tuple.tuple(Kind.EXAMPLE_NOT_DECIDED_BY_ITS_RULE, "acme.second"),
                org.assertj.core.groups.Tuple.tuple(Kind.EXAMPLE_NOT_DECIDED_BY_ITS_RULE, "acme.wrong"));
        assertThat(check.problems()).filteredOn(f -> f.ruleId().equals("acme.second")).extracting(Finding::message).contains(
                "acme.txt line 4: rule acme.second example \"552 5.2.2 Mailbox full, says the acme filter\" is decided by rule acme.first"
                        + " (acme.txt line 1) as spam-detected, not as mailbox-full");
        assertThat(check.problems()).filteredOn(f -> f.ruleId().equals("acme.wrong")).extracting(Finding::message).containsExactly(
                "acme.txt line 7: rule acme.wrong example \"550 5.1.1 <bob@example.com>\" is decided by status:X.1.1 as recipient-unknown,"
                        + " not as sender-blocked");
    }

    @Test
    void aHiddenAlternativeAndAClassThatSetsARuleAsideAreProblems() {
        RuleCheck check = RuleCheck.of("""
                rule acme.filter  spam-detected
                    "acme filter"
                    example: 550 5.7.1 Rejected by the acme filter
                rule acme.filter-strict  spam-detected
                    "strict acme filter"
                    example: 550 5.7.1 Rejected by the strict acme filter
                rule acme.grey  greylisted  code=5xx
                    "acme waits"
                """, "acme.txt");
        assertThat(check.problems()).extracting(Finding::kind).containsExactly(Kind.EXAMPLE_NOT_DECIDED_BY_ITS_RULE, Kind.SHADOWED,
                Kind.NEVER_DECIDES);
        assertThat(check.problems().get(1).message()).isEqualTo("acme.txt line 4: rule acme.filter-strict alternative \"strict acme filter\""
                + " never decides: rule acme.filter (acme.txt line 1) with \"acme filter\" matches every text it matches, and first");
        assertThat(check.problems().get(2).message()).startsWith("acme.txt line 7: rule acme.grey never decides: its condition asks for 5xx");
        assertThat(check.findings()).extracting(Finding::kind).contains(Kind.NO_EXAMPLE);
    }

    @Test
    void whatTheFileDecidesBeforeTheBuiltInRulesIsANotice() {
        // "spam" alone is a built-in alternative of content.spam; a rule with the same phrase takes every text it matches
        RuleCheck check = RuleCheck.of("""
                rule acme.spam  policy-violation  any-class
                    "spam"
                    example: 550 5.7.1 Message refused as spam
                """, "acme.txt");
        assertThat(check.problems()).isEmpty();
        assertThat(check.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.DECIDES_BEFORE_BUILT_IN);
            assertThat(f.kind().isProblem()).isFalse();
            assertThat(f.message()).matches("acme\\.txt line 1: rule acme\\.spam decides before the built-in rules the texts these \\d+"
                    + " built-in alternatives match \\(those of its classes and codes\\): [a-z.-]+ \".*spam.*");
        });
    }

    /**
     * A rule that takes built-in wordings for some classes only is noticed too (outside tester 73: "spam" as spam-detected,
     * without any-class, took the 5xx "problem with spam filter" from a server-error rule and no notice said so).
     */
    @Test
    void aTakeOverForSomeClassesIsNoticed() {
        RuleCheck check = RuleCheck.of("rule acme.spam  spam-detected\n    \"spam\"\n    example: 550 5.7.1 Message refused as spam\n",
                "acme.txt");
        assertThat(check.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.DECIDES_BEFORE_BUILT_IN);
            assertThat(f.message()).contains("built-in alternatives match");
        });
        assertThat(Diagnoser.builder().addRules("rule acme.spam  spam-detected\n    \"spam\"\n", "acme.txt").build()
                .diagnose("550 5.3.0 problem with spam filter").evidence().ruleId()).isEqualTo("acme.spam");
    }

    /**
     * A '+' alternative holds only where its parts stand close, with no sentence or clause break between them: one phrase
     * that holds both far apart, or across ". ", is not hidden behind it (outside tester 73: a false problem, exit 3).
     */
    @Test
    void anAlternativeWhoseWordsStandFarApartIsNotHidden() {
        String far = "lorem ".repeat(16).strip();
        RuleCheck check = RuleCheck.of("rule acme.pair  spam-detected\n    \"acme\" + \"zork\"\n    example: 550 5.7.1 acme zork\n"
                + "rule acme.far  sender-blocked\n    \"acme " + far + " zork\"\n    example: 550 acme " + far + " zork\n"
                + "rule acme.clause  sender-blocked\n    \"zork. acme\"\n    example: 550 zork. acme\n"
                + "rule acme.near  sender-blocked\n    \"acme and zork\"\n", "acme.txt");
        assertThat(check.problems()).extracting(Finding::kind, Finding::ruleId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.SHADOWED, "acme.near"));
    }

    @Test
    void theFilesOwnTextIsQuotedSafely() {
        RuleCheck check = RuleCheck.of("rule acme.x  spam-detected\n    \"acme x\"\n    example: 550 \u001B[31mUser unknown "
                + "x".repeat(200) + "\n", "acme.txt");
        assertThat(check.problems()).singleElement().extracting(Finding::message).satisfies(m -> {
            assertThat(m).doesNotContain("\u001B").hasSizeLessThan(250);
        });
        // and its name: a source is the caller's, and a file name can hold escapes, bidi controls and line breaks
        RuleCheck named = RuleCheck.of("rule acme.x  spam-detected\n    \"acme x\"\n", "evil\u001B[2J\u202E\nnotice: all fixed.txt");
        assertThat(named.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.message()).doesNotContain("\u001B", "\u202E", "\n"));
    }

    @Test
    void whatTheBuilderRefusesTheCheckRefuses() {
        assertThatThrownBy(() -> RuleCheck.of("rule acme.x  spam-detected\n    \"acme\" \"x\"\n", "acme.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("acme.txt line 2 column 12: expected '+' or '|' between phrases");
        assertThatThrownBy(() -> RuleCheck.of("rule content.spam  spam-detected\n    \"acme\"\n", "acme.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("rule id content.spam (acme.txt line 1) is taken by");
    }
}
