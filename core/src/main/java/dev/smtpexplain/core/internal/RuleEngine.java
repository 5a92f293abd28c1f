package dev.smtpexplain.core.internal;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.Evidence;
import dev.smtpexplain.core.ReplyCode;
import dev.smtpexplain.core.SmtpReply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntUnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Rules compiled into one phrase automaton. Diagnosing scans the text once, then looks only at the
 * alternatives listed under a phrase that occurred (each alternative is listed under one of its
 * phrases): the cost does not grow with the number of rules. Immutable.
 *
 * <p>Alternatives are numbered in precedence order, rule by rule and within a rule as written, so the
 * lowest-numbered satisfied alternative belongs to the first matching rule and is that rule's first
 * matching alternative.
 */
public final class RuleEngine {

    /**
     * The rule that decided, the phrase that matched and the evidence a diagnosis reports. One per alternative;
     * its evidence is made the first time the alternative decides and kept, so that a diagnosis allocates
     * nothing for it then, while the thousands of alternatives that never decide hold none (about 0.2 MiB).
     */
    public static final class Match {
        private final RuleSpec rule;
        private final String phrase;
        // an Evidence is immutable (final fields): two threads that make it at once make equal ones, either is right
        private @Nullable Evidence evidence;

        Match(RuleSpec rule, String phrase) {
            this.rule = rule;
            this.phrase = phrase;
        }

        /** {@return the rule the alternative belongs to} */
        public RuleSpec rule() {
            return rule;
        }

        /** {@return the alternative as written: its phrases joined by " + "} */
        public String phrase() {
            return phrase;
        }

        /** {@return what a diagnosis this alternative decides reports: the rule's id and the phrase} */
        public Evidence evidence() {
            Evidence e = evidence;
            if (e == null) {
                e = new Evidence(Evidence.Source.TEXT_RULE, rule.id(), Optional.of(phrase),
                        rule.firstStep() == 0 ? OptionalInt.empty() : OptionalInt.of(rule.firstStep()));
                evidence = e;
            }
            return e;
        }

        @Override
        public String toString() {
            return "Match[" + rule.id() + ", " + phrase + "]";
        }
    }

    private static final int NONE = Integer.MAX_VALUE;

    /*
     * Basic codes that only answer AUTH (RFC 4954: 535 the credentials are invalid, 538 the mechanism
     * needs encryption): whatever else their text says ("535 Error: user not found", "535 Your account has
     * been suspended"), it is the login that failed, so only a rule about logging in (for 538, or about
     * encryption) may decide them. Not 432 and 534, which servers also give for a busy store, a filter or
     * a size limit.
     */
    private static final int AUTH_535 = 1;

    /** {@return whether {@code code} only answers AUTH (535, 538): only a rule about logging in may read its text} */
    public static boolean answersOnlyAuth(int code) {
        return code == 535 || code == 538;
    }

    private static final int AUTH_538 = 2;

    /**
     * How close the phrases of one alternative must stand: within this many characters of text, from
     * the start of the first to the end of the last, with no sentence or clause break ('.', ';', '!',
     * '?' before white space) between them. About a dozen words: a server states one reason in one
     * clause, while words scattered over a long text (a quoted message, a signature) mean nothing together.
     */
    public static final int NEAR = 80;

    private final List<RuleSpec> rules;
    private final PhraseAutomaton automaton;
    // per alternative: the phrase ids that must all occur and their normalized lengths, alternative a's from
    // partsStart[a] to partsStart[a + 1] (one array each, not one per alternative: some 13,000 array headers
    // fewer), the rule's condition, and the match it gives
    private final int[] partsStart;
    private final int[] partPhrase;
    private final int[] partLength;
    private final RuleSpec.Condition[] conditionOf;
    // per alternative: the reply classes (bit per class digit, 0-9) its rule may decide
    private final int[] classesOf;
    // per alternative: the replies to AUTH its rule may decide (bit 0: 535, bit 1: 538), by its category
    private final int[] authRepliesOf;
    private final Match[] matchOf;
    // per phrase id: the alternatives of strong and of weak rules listed under it, ascending (phrase p's from
    // strongStart[p] to strongStart[p + 1] of strongUsing; the same for weak)
    private final int[] strongStart;
    private final int[] strongUsing;
    private final int[] weakStart;
    private final int[] weakUsing;

    public RuleEngine(List<RuleSpec> rules) {
        // once its phrases are in the automaton a rule is kept as its id, category and condition: the
        // examples are for the build's check of the rules file (which reads the file itself), and the
        // phrases live on as the automaton's states and one quoted string per alternative
        List<RuleSpec> kept = new ArrayList<>(rules.size());
        for (RuleSpec rule : rules) {
            kept.add(rule.decided());
        }
        this.rules = List.copyOf(kept);
        Map<String, Integer> ids = new HashMap<>();
        List<String> phrases = new ArrayList<>();
        List<List<Integer>> users = new ArrayList<>();
        List<int[]> required = new ArrayList<>();
        List<Match> matches = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            RuleSpec rule = rules.get(r);
            RuleSpec decided = this.rules.get(r);
            for (int a = 0; a < rule.alternatives().size(); a++) {
                int alt = required.size();
                List<String> alternative = rule.alternatives().get(a);
                int[] phraseIds = new int[alternative.size()];
                for (int p = 0; p < phraseIds.length; p++) {
                    String phrase = alternative.get(p);
                    Integer id = ids.get(phrase);
                    if (id == null) {
                        id = phrases.size();
                        ids.put(phrase, id);
                        phrases.add(phrase);
                        users.add(new ArrayList<>());
                    }
                    phraseIds[p] = id;
                    List<Integer> u = users.get(id);
                    if (u.isEmpty() || u.get(u.size() - 1) != alt) {
                        u.add(alt);
                    }
                }
                required.add(phraseIds);
                List<String> written = rule.written().get(a);
                matches.add(new Match(decided, written.size() == 1 ? written.get(0) : String.join(" + ", written)));
            }
        }
        partsStart = starts(required.size(), alt -> required.get(alt).length);
        partPhrase = new int[partsStart[required.size()]];
        partLength = new int[partPhrase.length];
        for (int alt = 0; alt < required.size(); alt++) {
            int[] parts = required.get(alt);
            for (int p = 0; p < parts.length; p++) {
                partPhrase[partsStart[alt] + p] = parts[p];
                partLength[partsStart[alt] + p] = phrases.get(parts[p]).length();
            }
        }
        matchOf = matches.toArray(Match[]::new);
        conditionOf = new RuleSpec.Condition[matchOf.length];
        classesOf = new int[matchOf.length];
        authRepliesOf = new int[matchOf.length];
        for (int alt = 0; alt < matchOf.length; alt++) {
            RuleSpec rule = matchOf[alt].rule();
            Category category = rule.category();
            boolean login = category == Category.AUTHENTICATION_FAILED || category == Category.AUTHENTICATION_REQUIRED;
            authRepliesOf[alt] = (login ? AUTH_535 : 0) | (login || category == Category.REQUIRES_TLS ? AUTH_538 : 0);
            // null when the rule has no condition: the loop then skips the call
            conditionOf[alt] = rule.condition() == RuleSpec.Condition.ANY ? null : rule.condition();
            for (int digit = 0; digit <= 9; digit++) {
                classesOf[alt] |= rule.fitsClass(digit) ? 1 << digit : 0;
            }
        }
        // an alternative is listed under one of its phrases only: the one fewest alternatives use, so that
        // generic words ("ip", "sender") do not make every reply check every rule that mentions them
        List<List<Integer>> strong = new ArrayList<>();
        List<List<Integer>> weak = new ArrayList<>();
        for (int p = 0; p < phrases.size(); p++) {
            strong.add(new ArrayList<>());
            weak.add(new ArrayList<>());
        }
        for (int alt = 0; alt < required.size(); alt++) {
            int key = required.get(alt)[0];
            for (int id : required.get(alt)) {
                if (users.get(id).size() < users.get(key).size()) {
                    key = id;
                }
            }
            (matchOf[alt].rule().weak() ? weak : strong).get(key).add(alt);
        }
        strongStart = starts(strong.size(), p -> strong.get(p).size());
        strongUsing = flattened(strong, strongStart);
        weakStart = starts(weak.size(), p -> weak.get(p).size());
        weakUsing = flattened(weak, weakStart);
        boolean[] positional = new boolean[phrases.size()];
        for (int[] alternative : required) {
            if (alternative.length > 1) {
                for (int id : alternative) {
                    positional[id] = true;
                }
            }
        }
        automaton = PhraseAutomaton.build(phrases, positional);
    }

    // where each of `count` lists of the given sizes starts in one flat array, and one past the last list's end
    private static int[] starts(int count, IntUnaryOperator size) {
        // loops, not streams: this runs once per diagnoser, mostly before the JIT has compiled anything
        int[] start = new int[count + 1];
        for (int i = 0; i < count; i++) {
            start[i + 1] = start[i] + size.applyAsInt(i);
        }
        return start;
    }

    private static int[] flattened(List<List<Integer>> lists, int[] start) {
        int[] flat = new int[start[lists.size()]];
        for (int i = 0; i < lists.size(); i++) {
            List<Integer> l = lists.get(i);
            for (int j = 0; j < l.size(); j++) {
                flat[start[i] + j] = l.get(j);
            }
        }
        return flat;
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
        List<String> lines = reply.lines();
        // the relay's prose ends with the line that introduces the reply ("host mx.example.org said:")
        PhraseAutomaton.Hits seen = automaton.scanReusing(lines, lines.size() > 1 ? RelayProse.lastIntroduction(lines) + 1 : 0);
        if (seen == null) {
            return result;
        }
        int bestStrong = NONE;
        int bestWeak = NONE;
        ReplyCode replyCode = reply.code().orElse(null);
        // the class digit that bounds a rule's category: the basic reply code's, which is what the server said.
        // An enhanced status without a code is often a sending MTA's summary of a final failure ("4.4.1
        // Connection timed out" in a bounce that gave up), so it does not bound
        int replyClass = replyCode == null ? 0 : replyCode.classDigit();
        int code = replyCode == null ? 0 : replyCode.value();
        int toAuth = code == 535 ? AUTH_535 : code == 538 ? AUTH_538 : 0;
        for (int h = 0; h < seen.count(); h++) {
            int phrase = seen.id(h);
            bestStrong = firstSatisfied(strongUsing, strongStart[phrase], strongStart[phrase + 1], bestStrong, seen, reply, replyClass, toAuth);
            bestWeak = firstSatisfied(weakUsing, weakStart[phrase], weakStart[phrase + 1], bestWeak, seen, reply, replyClass, toAuth);
        }
        result[0] = bestStrong == NONE ? null : matchOf[bestStrong];
        result[1] = bestWeak == NONE ? null : matchOf[bestWeak];
        return result;
    }

    /**
     * The first of {@code alternatives[from, to)} (ascending) below {@code best} that the reply satisfies,
     * else {@code best}. An alternative is listed under one of its phrases, which occurred: one of a single
     * phrase needs no further look at the text.
     */
    private int firstSatisfied(int[] alternatives, int from, int to, int best, PhraseAutomaton.Hits seen, SmtpReply reply,
                               int replyClass, int toAuth) {
        int classBit = 1 << replyClass;
        for (int i = from; i < to; i++) {
            int alt = alternatives[i];
            if (alt >= best) {
                break;
            }
            int first = partsStart[alt];
            int end = partsStart[alt + 1];
            if ((classesOf[alt] & classBit) != 0 && (toAuth & ~authRepliesOf[alt]) == 0
                    && (conditionOf[alt] == null || conditionOf[alt].test(reply))
                    && (end - first == 1 || allOccur(first, end, seen) && seen.near(partPhrase, partLength, first, end, NEAR))) {
                return alt;
            }
        }
        return best;
    }

    private boolean allOccur(int from, int to, PhraseAutomaton.Hits seen) {
        for (int p = from; p < to; p++) {
            if (!seen.contains(partPhrase[p])) {
                return false;
            }
        }
        return true;
    }
}
