package dev.smtpexplain.core.internal;

import java.util.ArrayList;
import java.util.List;

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
                if (implied(earlier.alternatives().get(a), phrases)) {
                    return new Shadowed(later, later.written().get(laterAlt), earlier, earlier.written().get(a));
                }
            }
        }
        return null;
    }

    /** Whether every phrase of {@code earlier} occurs in any text where all of {@code later} occur. */
    private static boolean implied(List<String> earlier, List<String> later) {
        for (String e : earlier) {
            boolean inside = false;
            for (String l : later) {
                if (l.contains(e)) {
                    inside = true;
                    break;
                }
            }
            if (!inside) {
                return false;
            }
        }
        return true;
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
