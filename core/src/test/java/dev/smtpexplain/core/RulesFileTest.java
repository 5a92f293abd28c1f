package dev.smtpexplain.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpexplain.core.internal.RuleLint;
import dev.smtpexplain.core.internal.RuleSpec;
import dev.smtpexplain.core.internal.RulesParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The built-in rules file: every example is decided by its rule, and no alternative is dead. */
class RulesFileTest {

    static List<RuleSpec> builtIn() throws IOException {
        try (InputStream in = Diagnoser.class.getResourceAsStream("/dev/smtpexplain/core/rules.txt")) {
            return RulesParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "rules.txt");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleIsDecidedByItsRule() throws IOException {
        Diagnoser diagnoser = Diagnoser.standard();
        return builtIn().stream().flatMap(rule -> rule.examples().stream().map(example ->
                DynamicTest.dynamicTest(rule.id() + ": " + example, () -> {
                    Diagnosis d = diagnoser.diagnose(example);
                    assertThat(d.evidence().ruleId()).as("%s (%s) decides '%s' as %s", d.evidence().ruleId(), rule.origin(), example,
                            d.category().id()).isEqualTo(rule.id());
                    assertThat(d.category()).isEqualTo(rule.category());
                })));
    }

    @Test
    void everyRuleHasAnExample() throws IOException {
        assertThat(builtIn()).filteredOn(r -> r.examples().isEmpty()).extracting(r -> r.id() + " (" + r.origin() + ")").isEmpty();
    }

    @Test
    void noAlternativeIsShadowedByAnEarlierOne() throws IOException {
        List<RuleLint.Shadowed> dead = RuleLint.shadowed(builtIn());
        assertThat(dead).extracting(RuleLint.Shadowed::toString).isEmpty();
    }

    @Test
    void noRuleIsSetAsideByItsOwnClass() throws IOException {
        assertThat(RuleLint.unreachable(builtIn())).extracting(RuleLint.Unreachable::toString).isEmpty();
    }

    @Test
    void theLintFindsRulesTheClassDigitAlwaysSetsAside() {
        List<RuleSpec> rules = RulesParser.parse("""
                rule a.grey  greylisted  code=5xx
                    "quuxgrey"
                rule a.gone  recipient-unknown  code=450
                    "quuxperm"
                rule a.fine  recipient-unknown  code=4xx,any-class
                    "quuxfine"
                rule a.none  connection-failed  code=none
                    "quuxnone"
                """, "app");
        assertThat(RuleLint.unreachable(rules)).extracting(RuleLint.Unreachable::toString).containsExactly(
                "app line 1: rule a.grey never decides: its condition asks for 5xx replies, and a 5xx reply is never given greylisted"
                        + " unless the rule says any-class",
                "app line 3: rule a.gone never decides: its condition asks for 4xx replies, and a 4xx reply is never given"
                        + " recipient-unknown unless the rule says any-class");
        // what the lint says is what the diagnoser does
        Diagnoser d = Diagnoser.builder().addRules(String.join("\n", "rule a.grey  greylisted  code=5xx", "    \"quuxgrey\"",
                "rule a.gone  recipient-unknown  code=450", "    \"quuxperm\""), "app").build();
        assertThat(d.diagnose("550 quuxgrey").evidence().ruleId()).isNotEqualTo("a.grey");
        assertThat(d.diagnose("450 quuxperm").evidence().ruleId()).isNotEqualTo("a.gone");
    }

    @Test
    void theLintFindsShadowedAlternatives() {
        List<RuleSpec> rules = RulesParser.parse("""
                rule block.any  sender-blocked
                    "spamhaus"
                    "blocked" + "ip"
                rule block.zen  sender-blocked
                    "zen spamhaus"
                    "your ip" + "was blocked"
                    "listed"
                rule grey  greylisted  code=4xx
                    "greylist*"
                    "greylisted"
                """, "test");
        assertThat(RuleLint.shadowed(rules)).extracting(RuleLint.Shadowed::toString).containsExactly(
                "test line 4: rule block.zen, alternative \"zen spamhaus\" never decides: rule block.any (test line 1) matches first with \"spamhaus\"",
                "test line 4: rule block.zen, alternative \"your ip\" + \"was blocked\" never decides: rule block.any (test line 1) matches first with \"blocked\" + \"ip\"",
                "test line 8: rule grey, alternative \"greylisted\" never decides: its own earlier alternative \"greylist\"");
    }

    @Test
    void aNarrowerEarlierRuleDoesNotShadow() {
        List<RuleSpec> rules = RulesParser.parse("""
                rule a  recipient-unknown  code=550
                    "no such user"
                rule b  recipient-unknown
                    "no such user here"
                rule c  recipient-unknown  weak
                    "unknown"
                rule d  recipient-unknown
                    "unknown user"
                """, "test");
        assertThat(RuleLint.shadowed(rules)).isEmpty();
    }

    @Test
    void aRuleForTextWithoutACodeNeitherShadowsNorIsShadowedByCodedOnes() {
        List<RuleSpec> rules = RulesParser.parse("""
                rule client  connection-failed  code=none
                    "cannot connect"
                rule relay  network-error  code=4xx
                    "cannot connect to"
                rule any  network-error
                    "cannot connect to host"
                rule client2  connection-failed  code=none
                    "cannot connect to server"
                """, "test");
        // "any" still decides coded text; "client2" is shadowed by "client", which takes every uncoded text first
        assertThat(RuleLint.shadowed(rules)).extracting(RuleLint.Shadowed::toString).containsExactly(
                "test line 7: rule client2, alternative \"cannot connect to server\" never decides: rule client (test line 1) matches first with \"cannot connect\"");
    }

    @Test
    void aRuleForTextWithoutACodeSkipsServerReplies() {
        Diagnoser d = Diagnoser.builder().withoutBuiltInRules()
                .addRules("rule client.down  connection-failed  code=none,any-class\n    \"cannot connect\"\n", "mine").build();
        assertThat(d.diagnose("Cannot connect to smtp.example.com").category()).isEqualTo(Category.CONNECTION_FAILED);
        // a server's reply that says it could not connect onward is not the client's own connection
        assertThat(d.diagnose("451 4.4.0 Cannot connect to mx.example.org").category()).isNotEqualTo(Category.CONNECTION_FAILED);
        // a port number is no reply code
        assertThat(d.diagnose("Cannot connect to smtp.example.com port 587").category()).isEqualTo(Category.CONNECTION_FAILED);
    }

    @Test
    void syntaxErrorsNameLineAndColumn() {
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  spam-detected\n    \"spam\" \"filter\"\n", "mine"))
                .hasMessage("mine line 2 column 12: expected '+' or '|' between phrases");
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  no-such-thing\n    \"spam\"\n", "mine"))
                .hasMessageStartingWith("mine line 1 column 11: ");
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  spam-detected  sometimes\n    \"spam\"\n", "mine"))
                .hasMessage("mine line 1 column 26: unknown condition 'sometimes' (use code=, status=, weak or any-class)");
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  spam-detected  code=5xx, weak\n    \"spam\"\n", "mine"))
                .hasMessage("mine line 1 column 36: unexpected 'weak': a rule line is rule ID CATEGORY [WHEN], and WHEN is one comma-separated"
                        + " list without spaces");
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  spam-detected\n    spam\n", "mine"))
                .hasMessage("mine line 2 column 5: expected a quoted phrase, 'example:', 'first-step:' or 'acts:' in a rule block");
        // a '*' glued to the end of the last word, and last inside the quotes (outside tester 69)
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  greylisted\n    \"acmegrey* \"\n", "mine"))
                .hasMessage("mine line 2 column 15: '*' ends a phrase: nothing may follow it inside the quotes, not even a space");
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  greylisted\n    \"acmegrey *\"\n", "mine"))
                .hasMessage("mine line 2 column 15: '*' belongs right after the last word's letters (\"greylist*\"), not after a space");
        // one code= and one status= condition, and a code a server can send
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  sender-blocked  code=4xx,code=5xx,any-class\n    \"x\"\n", "mine"))
                .hasMessageStartingWith("mine line 1 column 36: a rule names one code= condition");
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  sender-blocked  status=5.7.x,status=4.7.x\n    \"x\"\n", "mine"))
                .hasMessageStartingWith("mine line 1 column 40: a rule names one status= condition");
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  sender-blocked  code=6xx\n    \"x\"\n", "mine"))
                .hasMessage("mine line 1 column 27: a reply code starts with 1 to 5: '6xx'");
        // an id names one rule
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  sender-blocked\n    \"x\"\n\nrule a.b  rate-limited\n    \"y\"\n", "mine"))
                .hasMessage("mine line 4 column 6: rule id a.b is taken by the rule at line 1: an id names one rule");
        assertThatThrownBy(() -> RulesParser.parse("a.b sender-blocked - \"x\"\na.b rate-limited - \"y\"\n", "mine"))
                .hasMessage("mine line 2 column 1: rule id a.b is taken by the rule at line 1: an id names one rule");
        assertThatThrownBy(() -> dev.smtpexplain.core.Diagnoser.builder().addRules("rule auth.dmarc-policy  rate-limited\n    \"acme slow\"\n", "acme")
                .build()).hasMessageStartingWith("rule id auth.dmarc-policy (acme line 1) is taken by the built-in rule (rules.txt line ");
        assertThatThrownBy(() -> dev.smtpexplain.core.Diagnoser.builder().addRule("acme.q", dev.smtpexplain.core.Category.RATE_LIMITED, "q")
                .addRules("acme.q sender-blocked - \"x\"", "second").build()).hasMessageStartingWith("rule id acme.q (second line 1) is taken by rule acme.q");
        // a tab after "rule" opens a block as a space does
        assertThat(RulesParser.parse("rule\ta.b\tspam-detected\n\t\"x\"\n", "mine")).extracting(RuleSpec::id).containsExactly("a.b");
        // who acts: an actor's id, once, and not the category's own
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  policy-violation\n    acts: boss\n    \"policy\"\n", "mine"))
                .hasMessage("mine line 2 column 11: unknown actor 'boss' (use sender, sender-admin, recipient, recipient-admin or nobody)");
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  policy-violation\n    acts: recipient-admin\n    \"policy\"\n", "mine"))
                .hasMessage("mine line 2 column 11: 'recipient-admin' acts for policy-violation already: leave acts: out");
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  policy-violation\n    acts: sender\n    acts: sender-admin\n    \"x\"\n", "mine"))
                .hasMessage("mine line 3 column 5: a rule names one who acts");
        assertThat(RulesParser.parse("rule a.b  policy-violation\n    acts: sender-admin\n    \"x\"\n", "mine").get(0).actor())
                .isEqualTo(dev.smtpexplain.core.Actor.SENDER_ADMIN);
        // a first step is one step number, from 1, once a block
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  spam-detected\n    first-step:  0\n    \"spam\"\n", "mine"))
                .hasMessage("mine line 2 column 18: a first step is the number of one of the category's steps (its advice), from 1: '0'");
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  spam-detected\n    first-step: two\n    \"spam\"\n", "mine"))
                .hasMessageStartingWith("mine line 2 column 17: a first step is the number");
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  spam-detected\n    first-step: 2\n    first-step: 3\n    \"spam\"\n", "mine"))
                .hasMessage("mine line 3 column 5: a rule names one first step");
        assertThat(RulesParser.parse("rule a.b  spam-detected\n    first-step: 2\n    \"spam\"\n", "mine").get(0).firstStep()).isEqualTo(2);
        assertThat(RulesParser.parse("rule a.b  spam-detected\n    \"spam\"\n", "mine").get(0).firstStep()).isZero();
        // an empty block is named at its own line, not at the line that ended it, and with a column at the file's end too
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  spam-detected\n# nothing\nrule c.d spam-detected\n    \"x\"", "mine"))
                .hasMessage("mine line 1 column 1: rule a.b has no phrases");
        assertThatThrownBy(() -> RulesParser.parse("\n\nrule a.b  spam-detected\n", "mine"))
                .hasMessage("mine line 3 column 1: rule a.b has no phrases");
        // a trailing comma in WHEN is an empty condition, as a leading one is
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  spam-detected  code=5xx,\n    \"spam\"\n", "mine"))
                .hasMessageStartingWith("mine line 1 column 35: unknown condition ''");
        // a phrase no server writes: its length is capped (a self-repeating one would make the automaton's build quadratic)
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  spam-detected\n    \"" + "abc ".repeat(101) + "\"\n", "mine"))
                .hasMessage("mine line 2 column 5: a phrase is at most 400 characters; this one has 404");
        assertThatThrownBy(() -> RulesParser.parse("a.b spam-detected - \"spam\" + \"", "mine"))
                .hasMessage("mine line 1 column 30: unterminated phrase");
        // a word in the middle of a phrase is matched whole: a star there would never match what it seems to
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  spam-detected\n    \"refuse* to receive\"\n", "mine"))
                .hasMessageStartingWith("mine line 2 column 12: '*' only ends a phrase");
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  spam-detected\n    \" a*b\"\n", "mine"))
                .hasMessageStartingWith("mine line 2 column 8: '*' only ends a phrase");
        assertThat(RulesParser.parse("rule a.b  spam-detected\n    \"refuse*\" + \"to receive\"\n    \"greylist*\"\n", "mine")).hasSize(1);
    }

    @Test
    void aWhenErrorPointsAtItsOwnCondition() {
        // the conditions start at column 37
        String head = "rule a.b  sender-blocked  any-class,";
        assertThatThrownBy(() -> RulesParser.parse(head + "code=4xx,\n    \"x\"\n", "mine"))
                .hasMessageStartingWith("mine line 1 column 46: unknown condition ''");
        assertThatThrownBy(() -> RulesParser.parse(head + "strong\n    \"x\"\n", "mine"))
                .hasMessageStartingWith("mine line 1 column 37: unknown condition 'strong'");
        assertThatThrownBy(() -> RulesParser.parse(head + "code=4x\n    \"x\"\n", "mine"))
                .hasMessage("mine line 1 column 37: a code pattern has three characters, digits or x: '4x'");
        assertThatThrownBy(() -> RulesParser.parse(head + "status=9.x.x\n    \"x\"\n", "mine"))
                .hasMessage("mine line 1 column 37: an enhanced status starts with 2, 4 or 5: '9.x.x'");
        assertThatThrownBy(() -> RulesParser.parse(head + "code=5xx,status=5.7\n    \"x\"\n", "mine"))
                .hasMessage("mine line 1 column 46: a status pattern looks like 5.7.1 or x.7.x: '5.7'");
        assertThatThrownBy(() -> RulesParser.parse("x.y sender-blocked weak,code=5xx,code=4xx \"x\"", "mine"))
                .hasMessageStartingWith("mine line 1 column 34: a rule names one code= condition");
    }

    @Test
    void aSlipThatLooksLikeSomethingElseIsNamedAsWhatItIs() {
        // an example (or a first step, or who acts) written without its indentation
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  spam-detected\n    \"spam\"\nexample: 550 spam\n", "mine"))
                .hasMessage("mine line 3 column 1: 'example:' belongs to a rule block: indent it under its 'rule' line");
        assertThatThrownBy(() -> RulesParser.parse("first-step: 2\nrule a.b  spam-detected\n    \"spam\"\n", "mine"))
                .hasMessage("mine line 1 column 1: 'first-step:' belongs to a rule block: indent it under a 'rule' line");
        // 'rule' capitalized
        assertThatThrownBy(() -> RulesParser.parse("Rule a.b  spam-detected\n    \"spam\"\n", "mine"))
                .hasMessage("mine line 1 column 1: a block starts with 'rule' in lower case, not 'Rule'");
        // indentation copied from a web page, and a byte-order mark where two files were joined: invisible, so named
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  spam-detected\n\u00A0\u00A0\u00A0\u00A0\"spam\"\n", "mine"))
                .hasMessageStartingWith("mine line 2 column 1: this line starts with a no-break space (U+00A0)");
        assertThatThrownBy(() -> RulesParser.parse("\uFEFFrule a.b  spam-detected\n    \"spam\"\n\uFEFFrule c.d  mailbox-full\n    \"full\"\n", "mine"))
                .hasMessageStartingWith("mine line 3 column 1: an invisible byte-order mark (U+FEFF) starts this line");
        // an address literal is a word of its own, and a phrase needs words besides it
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  sender-blocked\n    \"host<ip> on acmebl\"\n", "mine"))
                .hasMessageStartingWith("mine line 2 column 5: <ip> is a word of its own");
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  sender-blocked\n    \"<ip>\" + \"blocked\"\n", "mine"))
                .hasMessageContaining("\"<ip> blocked\"");
        assertThat(RulesParser.parse("rule a.b  sender-blocked\n    \"host <ip> on acmebl\"\n    \"[<ip>] blocked\"\n", "mine")).hasSize(1);
        // the phrase limit counts characters as a reader does: an emoji is one
        String emoji = "\uD83D\uDCE7".repeat(195);
        assertThat(RulesParser.parse("rule a.b  spam-detected\n    \"acme mail " + emoji + "\"\n", "mine")).hasSize(1);
        assertThatThrownBy(() -> RulesParser.parse("rule a.b  spam-detected\n    \"" + emoji.repeat(3) + "\"\n", "mine"))
                .hasMessage("mine line 2 column 5: a phrase is at most 400 characters; this one has 585");
    }

    @Test
    void aFileAsEditorsSaveItParses() {
        // a UTF-8 byte-order mark, and lines ended by CR alone (old Mac) or CRLF
        String rules = "rule a.b  spam-detected\n    \"spam here\"\nrule c.d  mailbox-full\n    \"box full\"\n";
        for (String file : new String[] {"\uFEFF" + rules, rules.replace("\n", "\r"), rules.replace("\n", "\r\n")}) {
            assertThat(RulesParser.parse(file, "mine")).extracting(RuleSpec::id).containsExactly("a.b", "c.d");
        }
    }

    @Test
    void greekFinalSigmaReadsAsTheCapital() {
        // "πλήρες" ends in ς, the lower case of Σ at a word's end: the same word in capitals matches, and the other way round
        Diagnoser lower = Diagnoser.builder().addRules("rule zz.gr mailbox-full any-class\n    \"πλήρες\"\n", "app").build();
        assertThat(lower.diagnose("552 ΠΛΗΡΕΣ").evidence().ruleId()).isEqualTo("zz.gr");
        assertThat(lower.diagnose("552 πλήρες").evidence().ruleId()).isEqualTo("zz.gr");
        Diagnoser upper = Diagnoser.builder().addRules("rule zz.gr mailbox-full any-class\n    \"ΠΛΗΡΕΣ\"\n", "app").build();
        assertThat(upper.diagnose("552 πλήρες").evidence().ruleId()).isEqualTo("zz.gr");
    }

    @Test
    void phrasesAreWrittenAsServersWriteThem() {
        Diagnoser d = Diagnoser.builder().withoutBuiltInRules()
                .addRules("rule relay.cant  relay-denied\n    \"can't relay\"\n", "mine").build();
        assertThat(d.diagnose("554 5.7.1 We can't relay for you").category()).isEqualTo(Category.RELAY_DENIED);
        assertThat(d.diagnose("554 5.7.1 We can’t  relay for you").category()).isEqualTo(Category.RELAY_DENIED);
    }
}
