package dev.smtpexplain.core.internal;

import dev.smtpexplain.core.SmtpReply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules compiled into one phrase automaton. Diagnosing scans the text once, then looks only at the
 * rules whose phrases occurred: the cost does not grow with the number of rules. Immutable.
 */
public final class RuleEngine {

    /** The rule that decided and the phrase that matched. */
    public record Match(RuleSpec rule, String phrase) {
    }

    private final List<RuleSpec> rules;
    private final PhraseAutomaton automaton;
    // per rule and alternative: the phrase ids that must all occur
    private final int[][][] required;
    // per phrase id: the rules that use it, ascending
    private final int[][] rulesByPhrase;

    public RuleEngine(List<RuleSpec> rules) {
        this.rules = List.copyOf(rules);
        Map<String, Integer> ids = new HashMap<>();
        List<String> phrases = new ArrayList<>();
        List<List<Integer>> users = new ArrayList<>();
        required = new int[rules.size()][][];
        for (int r = 0; r < rules.size(); r++) {
            List<List<String>> alts = rules.get(r).alternatives();
            required[r] = new int[alts.size()][];
            for (int a = 0; a < alts.size(); a++) {
                List<String> alt = alts.get(a);
                required[r][a] = new int[alt.size()];
                for (int p = 0; p < alt.size(); p++) {
                    String phrase = alt.get(p);
                    Integer id = ids.get(phrase);
                    if (id == null) {
                        id = phrases.size();
                        ids.put(phrase, id);
                        phrases.add(phrase);
                        users.add(new ArrayList<>());
                    }
                    required[r][a][p] = id;
                    List<Integer> u = users.get(id);
                    if (u.isEmpty() || u.get(u.size() - 1) != r) {
                        u.add(r);
                    }
                }
            }
        }
        rulesByPhrase = new int[phrases.size()][];
        for (int i = 0; i < phrases.size(); i++) {
            rulesByPhrase[i] = users.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        automaton = PhraseAutomaton.build(phrases);
    }

    /** The rules in precedence order. */
    public List<RuleSpec> rules() {
        return rules;
    }

    /** The automaton, for memory accounting. */
    public PhraseAutomaton automaton() {
        return automaton;
    }

    /**
     * Finds the first strong rule and the first weak rule (in precedence order) that match the reply.
     *
     * @return a two-element array: strong match or null, weak match or null
     */
    public Match[] match(SmtpReply reply) {
        Match[] result = new Match[2];
        if (rules.isEmpty()) {
            return result;
        }
        PhraseAutomaton.Hits seen = automaton.scan(reply.lines());
        if (seen == null) {
            return result;
        }
        int bestStrong = Integer.MAX_VALUE;
        int bestWeak = Integer.MAX_VALUE;
        int strongAlt = -1;
        int weakAlt = -1;
        for (int h = 0; h < seen.count(); h++) {
            for (int r : rulesByPhrase[seen.id(h)]) {
                RuleSpec rule = rules.get(r);
                if (r >= (rule.weak() ? bestWeak : bestStrong)) {
                    continue;
                }
                int alt = satisfiedAlternative(r, seen);
                if (alt >= 0 && rule.condition().test(reply)) {
                    if (rule.weak()) {
                        bestWeak = r;
                        weakAlt = alt;
                    } else {
                        bestStrong = r;
                        strongAlt = alt;
                    }
                }
            }
        }
        if (strongAlt >= 0) {
            result[0] = match(bestStrong, strongAlt);
        }
        if (weakAlt >= 0) {
            result[1] = match(bestWeak, weakAlt);
        }
        return result;
    }

    private Match match(int rule, int alt) {
        RuleSpec r = rules.get(rule);
        return new Match(r, String.join(" + ", r.written().get(alt)));
    }

    private int satisfiedAlternative(int rule, PhraseAutomaton.Hits seen) {
        int[][] alts = required[rule];
        for (int a = 0; a < alts.length; a++) {
            boolean all = true;
            for (int id : alts[a]) {
                if (!seen.contains(id)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return a;
            }
        }
        return -1;
    }
}
