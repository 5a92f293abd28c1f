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
            assertThat(f.message()).matches("acme\\.txt line 1: rule acme\\.spam decides before the built-in rules every text these \\d+"
                    + " built-in alternatives match: [a-z.-]+ \".*spam.*");
        });
    }

    @Test
    void theFilesOwnTextIsQuotedSafely() {
        RuleCheck check = RuleCheck.of("rule acme.x  spam-detected\n    \"acme x\"\n    example: 550 \u001B[31mUser unknown "
                + "x".repeat(200) + "\n", "acme.txt");
        assertThat(check.problems()).singleElement().extracting(Finding::message).satisfies(m -> {
            assertThat(m).doesNotContain("\u001B").hasSizeLessThan(250);
        });
    }

    @Test
    void whatTheBuilderRefusesTheCheckRefuses() {
        assertThatThrownBy(() -> RuleCheck.of("rule acme.x  spam-detected\n    \"acme\" \"x\"\n", "acme.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("acme.txt line 2 column 12: expected '+' or '|' between phrases");
        assertThatThrownBy(() -> RuleCheck.of("rule content.spam  spam-detected\n    \"acme\"\n", "acme.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("rule id content.spam (acme.txt line 1) is taken by");
    }
}
