package dev.smtpexplain.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds alternatives that can never decide a reply because an earlier one always matches first: every
 * text that satisfies the later alternative also satisfies the earlier one. That is the case when each
 * phrase of the earlier alternative lies inside one of the later one's phrases ({@code "spamhaus"}
 * inside {@code "zen spamhaus"}, the prefix {@code "greylist*"} inside {@code "greylisted"}), its
 * condition is no narrower, it fits every class the later one fits, and it is not a weak rule
 * shadowing a strong one (strong rules are weighed first).
 */
public final class RuleLint {

    private RuleLint() {
    }

    /** One alternative that never decides, and the one that always decides before it. */
    public record Shadowed(RuleSpec rule, List<String> alternative, RuleSpec by, List<String> byAlternative) {
        @Override
        public String toString() {
            return rule.origin() + ": rule " + rule.id() + ", alternative " + quote(alternative) + " never decides: "
                    + (by == rule ? "its own earlier alternative " : "rule " + by.id() + " (" + by.origin() + ") matches first with ")
                    + quote(byAlternative);
        }

        private static String quote(List<String> phrases) {
            return String.join(" + ", phrases.stream().map(p -> '"' + p + '"').toList());
        }
    }

    /** The shadowed alternatives of {@code rules} (in precedence order), in the order they are written. */
    public static List<Shadowed> shadowed(List<RuleSpec> rules) {
        List<Shadowed> found = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            RuleSpec later = rules.get(r);
            for (int a = 0; a < later.alternatives().size(); a++) {
                Shadowed s = firstShadow(rules, r, a);
                if (s != null) {
                    found.add(s);
                }
            }
        }
        return found;
    }

    private static Shadowed firstShadow(List<RuleSpec> rules, int laterRule, int laterAlt) {
        RuleSpec later = rules.get(laterRule);
        List<String> phrases = later.alternatives().get(laterAlt);
        for (int r = 0; r <= laterRule; r++) {
            RuleSpec earlier = rules.get(r);
            if (earlier.weak() && !later.weak() || !conditionCovers(earlier, later) || !classesCover(earlier, later)) {
                continue;
            }
            int altLimit = r == laterRule ? laterAlt : earlier.alternatives().size();
            for (int a = 0; a < altLimit; a++) {
                if (implied(earlier.alternatives().get(a), phrases, later.written().get(laterAlt))) {
                    return new Shadowed(later, later.written().get(laterAlt), earlier, earlier.written().get(a));
                }
            }
        }
        return null;
    }

    /**
     * Whether {@code earlier} matches any text where {@code later} does: every phrase of it lies inside one of
     * {@code later}'s, and, for a {@code +} alternative, its parts stand as close as the matcher asks — the later
     * alternative's own parts are, but one phrase of it that holds two parts far apart or across a sentence or clause
     * break ("acme … 16 words … zork", "zork. acme") does not bring {@code "acme" + "zork"} together.
     */
    private static boolean implied(List<String> earlier, List<String> later, List<String> laterWritten) {
        int[] hosted = new int[later.size()];
        for (String e : earlier) {
            int host = -1;
            for (int j = 0; j < later.size() && host < 0; j++) {
                if (later.get(j).contains(e)) {
                    host = j;
                }
            }
            if (host < 0) {
                return false;
            }
            hosted[host]++;
        }
        if (earlier.size() > 1) {
            for (int j = 0; j < later.size(); j++) {
                if (hosted[j] > 0 && CLAUSE_BREAK.matcher(laterWritten.get(j)).find()
                        || hosted[j] > 1 && later.get(j).strip().length() >= RuleEngine.NEAR) {
                    return false;
                }
            }
        }
        return true;
    }

    // as the matcher reads a break between a '+' alternative's parts (docs/rules.md)
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[.;!?]\\s");

    /**
     * The alternatives of {@code then} that a rule of {@code first}, weighed before them, decides for some of the replies
     * they match: its alternative matches every text theirs does, and some reply meets both conditions and fits both
     * rules' classes (an application's {@code "spam"} as spam-detected takes the 5xx "problem with spam filter" from a
     * server-error rule, though not the 4xx one). The first such rule for each alternative, in {@code then}'s order.
     */
    public static List<Shadowed> takenOver(List<RuleSpec> first, List<RuleSpec> then) {
        List<Shadowed> found = new ArrayList<>();
        for (RuleSpec later : then) {
            for (int a = 0; a < later.alternatives().size(); a++) {
                Shadowed s = firstTaker(first, later, a);
                if (s != null) {
                    found.add(s);
                }
            }
        }
        return found;
    }

    private static Shadowed firstTaker(List<RuleSpec> first, RuleSpec later, int laterAlt) {
        List<String> phrases = later.alternatives().get(laterAlt);
        for (RuleSpec earlier : first) {
            if (earlier.weak() && !later.weak() || !earlier.condition().overlaps(later.condition()) || !classesMeet(earlier, later)) {
                continue;
            }
            for (int a = 0; a < earlier.alternatives().size(); a++) {
                if (implied(earlier.alternatives().get(a), phrases, later.written().get(laterAlt))) {
                    return new Shadowed(later, later.written().get(laterAlt), earlier, earlier.written().get(a));
                }
            }
        }
        return null;
    }

    private static boolean classesMeet(RuleSpec earlier, RuleSpec later) {
        for (int c : new int[] {0, 4, 5}) {
            if (later.fitsClass(c) && earlier.fitsClass(c)) {
                return true;
            }
        }
        return false;
    }

    /** A rule whose condition asks for a reply class that the class digit never lets its category decide. */
    public record Unreachable(RuleSpec rule, int classDigit) {
        @Override
        public String toString() {
            return rule.origin() + ": rule " + rule.id() + " never decides: its condition asks for " + classDigit + "xx replies, and a "
                    + classDigit + "xx reply is never given " + rule.category().id() + " unless the rule says any-class";
        }
    }

    /**
     * Finds rules that can never decide because their own condition fixes a class digit their category does not fit
     * ({@code code=5xx} on a temporary category such as {@code greylisted}, {@code code=4xx} on a permanent one such
     * as {@code recipient-unknown}, without {@code any-class}).
     */
    public static List<Unreachable> unreachable(List<RuleSpec> rules) {
        List<Unreachable> out = new ArrayList<>();
        for (RuleSpec r : rules) {
            int c = r.condition().codeClass();
            if (c > 0 && !r.fitsClass(c)) {
                out.add(new Unreachable(r, c));
            }
        }
        return out;
    }

    private static boolean conditionCovers(RuleSpec earlier, RuleSpec later) {
        return earlier.condition().covers(later.condition());
    }

    private static boolean classesCover(RuleSpec earlier, RuleSpec later) {
        for (int c : new int[] {0, 4, 5}) {
            if (later.fitsClass(c) && !earlier.fitsClass(c)) {
                return false;
            }
        }
        return true;
    }
}
