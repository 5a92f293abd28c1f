package dev.smtpexplain.core.internal;

import dev.smtpexplain.core.Actor;
import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.EnhancedStatus;
import dev.smtpexplain.core.SmtpReply;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One text rule as written: the category it gives when any alternative matches. An alternative
 * matches when all its phrases occur in the reply's text and the reply meets the rule's condition.
 *
 * @param id a stable, dotted id ({@code gmail.dmarc-policy})
 * @param category the category the rule gives
 * @param alternatives each a list of phrases (normalized and framed) that must all occur
 * @param written the same phrases as the rule's author wrote them, for evidence
 * @param condition what the reply's codes must be for the rule to apply
 * @param weak when true the rule only refines a generic code (550, 5.7.1); a specific enhanced code
 *     or basic code wins over it
 * @param anyClass when true the rule applies whatever the reply's class digit; otherwise a rule whose
 *     category is permanent by nature does not apply to a 4xx reply, nor a temporary one to a 5xx reply
 * @param examples replies the rule must decide, checked by the build
 * @param origin where the rule was written ("rules.txt line 12"), for messages
 * @param firstStep the category's step (its advice, from 1) that this rule's wording says to try first, or 0 for the
 *     category's own order ({@code first-step:} in a rule block)
 * @param actor who must act as the rule's wording says, where it says another than the category's ("Your organization
 *     does not allow …": the sender's own administrator), or null for the category's ({@code acts:} in a rule block)
 */
public record RuleSpec(String id, Category category, List<List<String>> alternatives, List<List<String>> written,
        Condition condition, boolean weak, boolean anyClass, List<String> examples, String origin, int firstStep,
        @Nullable Actor actor) {

    public RuleSpec {
        alternatives = deepCopy(alternatives);
        written = deepCopy(written);
        examples = List.copyOf(examples);
        if (firstStep < 0) {
            throw new IllegalArgumentException("first step " + firstStep + " of rule " + id);
        }
    }

    /** A rule that keeps its category's order of steps and who acts. */
    public RuleSpec(String id, Category category, List<List<String>> alternatives, List<List<String>> written,
            Condition condition, boolean weak, boolean anyClass, List<String> examples, String origin) {
        this(id, category, alternatives, written, condition, weak, anyClass, examples, origin, 0, null);
    }

    /**
     * {@return this rule as a diagnoser keeps it once its phrases are in the automaton: id, category,
     * condition and flags, without its phrases and examples}
     */
    public RuleSpec decided() {
        return new RuleSpec(id, category, List.of(), List.of(), condition, weak, anyClass, List.of(), origin, firstStep, actor);
    }

    // a loop, not a stream: rules are built while the JVM starts, before the JIT has compiled anything
    private static List<List<String>> deepCopy(List<List<String>> lists) {
        List<List<String>> copy = new ArrayList<>(lists.size());
        for (List<String> l : lists) {
            copy.add(List.copyOf(l));
        }
        return List.copyOf(copy);
    }

    /**
     * Whether the rule may decide a reply of this class digit (0 when unknown): the class bounds the
     * category unless the rule says otherwise. A server that answers 4xx says "try again"; a category
     * that is permanent by nature would contradict it, and the other way round.
     */
    public boolean fitsClass(int classDigit) {
        return anyClass || CodeTable.fitsClass(category, classDigit);
    }

    /**
     * What the reply's codes must be: a basic code pattern such as {@code 550} or {@code 5xx} and an
     * enhanced status pattern such as {@code 5.7.1} or {@code x.7.x}, where {@code x} matches anything.
     * Parsed once; testing allocates nothing.
     */
    public static final class Condition {
        /** No constraint. */
        public static final Condition ANY = new Condition(null, null, null, null);

        // code=none: the text carries no basic reply code (a client's or an application's own words)
        private static final int[] NO_CODE = new int[0];
        private final String code;
        private final String status;
        private final int[] codeDigits;
        private final int[] statusParts;

        private Condition(String code, String status, int[] codeDigits, int[] statusParts) {
            this.code = code;
            this.status = status;
            this.codeDigits = codeDigits;
            this.statusParts = statusParts;
        }

        /**
         * Parses the patterns; either may be null for no constraint.
         *
         * @throws IllegalArgumentException for a malformed pattern
         */
        public static Condition of(String code, String status) {
            int[] c = null;
            if ("none".equals(code)) {
                c = NO_CODE;
            } else if (code != null) {
                if (code.length() != 3) {
                    throw new IllegalArgumentException("a code pattern has three characters, digits or x: '" + code + "'");
                }
                c = new int[3];
                for (int i = 0; i < 3; i++) {
                    c[i] = part(code.substring(i, i + 1), code);
                }
                if (c[0] > 5 || c[0] == 0) {
                    // no reply code starts with 0 or with 6–9: such a rule would never apply
                    throw new IllegalArgumentException("a reply code starts with 1 to 5: '" + code + "'");
                }
            }
            int[] st = null;
            if (status != null) {
                String[] p = status.split("\\.", -1);
                if (p.length != 3) {
                    throw new IllegalArgumentException("a status pattern looks like 5.7.1 or x.7.x: '" + status + "'");
                }
                st = new int[3];
                for (int i = 0; i < 3; i++) {
                    st[i] = part(p[i], status);
                }
                if (st[0] >= 0 && st[0] != 2 && st[0] != 4 && st[0] != 5) {
                    // RFC 3463's classes: such a rule would never apply
                    throw new IllegalArgumentException("an enhanced status starts with 2, 4 or 5: '" + status + "'");
                }
            }
            return c == null && st == null ? ANY : new Condition(code, status, c, st);
        }

        private static int part(String p, String whole) {
            if (p.equals("x") || p.equals("X")) {
                return -1;
            }
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                throw new IllegalArgumentException("bad code or status pattern '" + whole + "'");
            }
            return Integer.parseInt(p);
        }

        /** Whether {@code reply} meets the condition. */
        public boolean test(SmtpReply reply) {
            if (codeDigits == NO_CODE) {
                if (reply.code().isPresent()) {
                    return false;
                }
            } else if (codeDigits != null) {
                if (reply.code().isEmpty()) {
                    return false;
                }
                int v = reply.code().get().value();
                if (!eq(codeDigits[0], v / 100) || !eq(codeDigits[1], v / 10 % 10) || !eq(codeDigits[2], v % 10)) {
                    return false;
                }
            }
            if (statusParts != null) {
                if (reply.status().isEmpty()) {
                    return false;
                }
                EnhancedStatus s = reply.status().get();
                return eq(statusParts[0], s.statusClass()) && eq(statusParts[1], s.subject()) && eq(statusParts[2], s.detail());
            }
            return true;
        }

        /** {@return the class digit every reply that meets the condition has (5 for {@code 550} or {@code 5xx}), or 0 when not fixed} */
        public int codeClass() {
            return codeDigits == null || codeDigits == NO_CODE || codeDigits[0] < 0 ? 0 : codeDigits[0];
        }

        /** Whether every reply that meets {@code narrower} also meets this condition. */
        public boolean covers(Condition narrower) {
            return covers(codeDigits, narrower.codeDigits) && covers(statusParts, narrower.statusParts);
        }

        /** Whether some reply meets both this condition and {@code other}. */
        public boolean overlaps(Condition other) {
            return overlaps(codeDigits, other.codeDigits) && overlaps(statusParts, other.statusParts);
        }

        private static boolean overlaps(int[] a, int[] b) {
            if (a == null || b == null) {
                return true;
            }
            if ((a == NO_CODE) != (b == NO_CODE)) {
                return false;
            }
            for (int i = 0; i < a.length; i++) {
                if (a[i] >= 0 && b[i] >= 0 && a[i] != b[i]) {
                    return false;
                }
            }
            return true;
        }

        private static boolean covers(int[] wide, int[] narrow) {
            if (wide == null) {
                return true;
            }
            if (narrow == null || (wide == NO_CODE) != (narrow == NO_CODE)) {
                return false;
            }
            for (int i = 0; i < wide.length; i++) {
                if (wide[i] >= 0 && wide[i] != narrow[i]) {
                    return false;
                }
            }
            return true;
        }

        private static boolean eq(int pattern, int value) {
            return pattern < 0 || pattern == value;
        }

        @Override
        public String toString() {
            return (code == null ? "" : "code=" + code) + (code != null && status != null ? "," : "")
                    + (status == null ? "" : "status=" + status);
        }
    }
}
