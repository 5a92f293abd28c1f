package dev.smtpexplain.core;

import dev.smtpexplain.core.internal.RuleLint;
import dev.smtpexplain.core.internal.RuleSpec;
import dev.smtpexplain.core.internal.RulesParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An application's rules file checked as the build checks the built-in rules ({@code docs/rules.md}): each
 * {@code example:} is decided by its own rule, no alternative is hidden behind an earlier one, no rule is set aside by
 * the class digit its condition asks for. It also says which built-in wordings the file's rules decide first, which is
 * often the point of a rule and sometimes a surprise. Immutable.
 *
 * <pre>{@code
 * RuleCheck check = RuleCheck.of(Files.readString(path), path.toString());
 * check.problems().forEach(p -> System.err.println(p.message()));
 * }</pre>
 */
public final class RuleCheck {

    /** What a finding is about. */
    public enum Kind {
        /** An {@code example:} is decided by another rule or a code, or read as another category. A problem. */
        EXAMPLE_NOT_DECIDED_BY_ITS_RULE(true),
        /** An alternative never decides: an earlier one matches every text it matches. A problem. */
        SHADOWED(true),
        /** A rule never decides: its condition asks for a class digit that always sets its category aside. A problem. */
        NEVER_DECIDES(true),
        /** A rule has no {@code example:}, so nothing shows that it decides what it is for. A notice. */
        NO_EXAMPLE(false),
        /**
         * A rule decides, before the built-in rules, texts that some of their alternatives match (those of the classes
         * and codes both apply to). A notice.
         */
        DECIDES_BEFORE_BUILT_IN(false);

        private final boolean problem;

        Kind(boolean problem) {
            this.problem = problem;
        }

        /** {@return whether a finding of this kind is a mistake to fix rather than something to know} */
        public boolean isProblem() {
            return problem;
        }
    }

    /**
     * One finding.
     *
     * @param kind what it is about
     * @param ruleId the rule of the checked file it is about
     * @param origin where that rule is written ({@code "acme.txt line 12"}), with the source name as the caller gave it
     *     (sanitize it before display)
     * @param message the finding in a sentence, naming the origin; sanitized as a whole (no control characters, escape
     *     sequences or line breaks, from the file's text or its name), the file's own text in it cut to a few dozen
     *     characters
     */
    public record Finding(Kind kind, String ruleId, String origin, String message) {

        /**
         * Checks the components.
         *
         * @param kind what it is about
         * @param ruleId the rule it is about
         * @param origin where that rule is written
         * @param message the finding in a sentence
         * @throws NullPointerException if a component is null
         */
        public Finding {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(message, "message");
        }
    }

    // the file's own text in a message: what a reader needs to find the line, not the whole of it
    private static final int QUOTE_MAX_CHARS = 80;
    // a message with its five quotes and the source's name
    private static final int MESSAGE_MAX_CHARS = 1000;

    private final int rules;
    private final int examples;
    private final List<Finding> findings;

    private RuleCheck(int rules, int examples, List<Finding> findings) {
        this.rules = rules;
        this.examples = examples;
        this.findings = List.copyOf(findings);
    }

    /**
     * Reads rules written in the rules language and checks them against the built-in rules, as a diagnoser built with
     * {@code Diagnoser.builder().addRules(rulesText, source)} would weigh them.
     *
     * @param rulesText the rules, as {@link Diagnoser.Builder#addRules} takes them
     * @param source a name used in messages (the file's name)
     * @return the findings, in the order of the rules they are about
     * @throws IllegalArgumentException for what {@link Diagnoser.Builder#addRules} and {@link Diagnoser.Builder#build()}
     *     refuse: a syntax error (naming the line and column) or a rule id that a built-in rule or another rule has
     */
    public static RuleCheck of(String rulesText, String source) {
        Objects.requireNonNull(rulesText, "rulesText");
        Objects.requireNonNull(source, "source");
        List<RuleSpec> own = RulesParser.parse(rulesText, source);
        Diagnoser diagnoser = Diagnoser.builder().addParsed(own).build();
        List<RuleSpec> builtIn = Diagnoser.builtInRules();
        Map<String, String> origins = new HashMap<>();
        for (RuleSpec r : builtIn) {
            origins.put(r.id(), r.origin());
        }
        for (RuleSpec r : own) {
            origins.put(r.id(), r.origin());
        }
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        int exampleCount = 0;
        for (RuleSpec rule : own) {
            List<Finding> found = byRule.computeIfAbsent(rule.id(), id -> new ArrayList<>());
            if (rule.examples().isEmpty()) {
                found.add(finding(Kind.NO_EXAMPLE, rule, "has no example: add an 'example:' line with a reply it must decide"));
            }
            exampleCount += rule.examples().size();
            checkExamples(rule, diagnoser, origins, found);
        }
        // the file's own rules come first, so only they can hide one of theirs; what they take from the built-in rules is
        // looked for rule by rule against the built-in ones (not the built-in ones against each other, which the build does)
        for (RuleLint.Shadowed s : RuleLint.shadowed(own)) {
            String by = s.by() == s.rule() ? "its own earlier alternative " : "rule " + s.by().id() + " (" + s.by().origin() + ") with ";
            byRule.get(s.rule().id()).add(finding(Kind.SHADOWED, s.rule(), "alternative " + quote(s.alternative())
                    + " never decides: " + by + quote(s.byAlternative()) + " matches every text it matches, and first"));
        }
        Map<String, List<String>> takenOver = new LinkedHashMap<>();
        for (RuleLint.Shadowed s : RuleLint.takenOver(own, builtIn)) {
            takenOver.computeIfAbsent(s.by().id(), id -> new ArrayList<>()).add(s.rule().id() + " " + quote(s.alternative()));
        }
        for (RuleLint.Unreachable u : RuleLint.unreachable(own)) {
            byRule.get(u.rule().id()).add(new Finding(Kind.NEVER_DECIDES, u.rule().id(), u.rule().origin(),
                    ServerText.sanitize(u.toString(), MESSAGE_MAX_CHARS, false)));
        }
        for (RuleSpec rule : own) {
            List<String> taken = takenOver.get(rule.id());
            if (taken != null) {
                byRule.get(rule.id()).add(finding(Kind.DECIDES_BEFORE_BUILT_IN, rule, "decides before the built-in rules the texts "
                        + (taken.size() == 1 ? "this built-in alternative matches" : "these " + taken.size() + " built-in alternatives match")
                        + " (those of its classes and codes): "
                        + String.join(", ", taken.subList(0, Math.min(5, taken.size()))) + (taken.size() > 5 ? ", …" : "")));
            }
        }
        List<Finding> findings = new ArrayList<>();
        byRule.values().forEach(findings::addAll);
        return new RuleCheck(own.size(), exampleCount, findings);
    }

    // each example decided by its rule, as its category: else who decides it, and as what
    private static void checkExamples(RuleSpec rule, Diagnoser diagnoser, Map<String, String> origins, List<Finding> found) {
        for (String example : rule.examples()) {
            Diagnosis d = diagnoser.diagnose(example);
            String decidedBy = d.evidence().ruleId();
            if (!decidedBy.equals(rule.id()) || d.category() != rule.category()) {
                String by = decidedBy.equals(rule.id()) ? "this rule" : origins.containsKey(decidedBy)
                        ? "rule " + decidedBy + " (" + origins.get(decidedBy) + ")" : decidedBy;
                found.add(finding(Kind.EXAMPLE_NOT_DECIDED_BY_ITS_RULE, rule, "example " + quote(example) + " is decided by " + by
                        + (d.category() == rule.category() ? ", before this rule" : " as " + d.category().id() + ", not as " + rule.category().id())));
            }
        }
    }

    // the whole message sanitized: the source is the caller's (a file name may hold escapes, bidi controls, line breaks)
    private static Finding finding(Kind kind, RuleSpec rule, String what) {
        return new Finding(kind, rule.id(), rule.origin(), ServerText.sanitize(rule.origin() + ": rule " + rule.id() + " " + what,
                MESSAGE_MAX_CHARS, false));
    }

    private static String quote(String text) {
        return '"' + ServerText.sanitize(text, QUOTE_MAX_CHARS, false) + '"';
    }

    private static String quote(List<String> phrases) {
        return String.join(" + ", phrases.stream().map(RuleCheck::quote).toList());
    }

    /** {@return how many rules the file has} */
    public int ruleCount() {
        return rules;
    }

    /** {@return how many {@code example:} lines the file has} */
    public int exampleCount() {
        return examples;
    }

    /** {@return every finding, problems and notices, in the order of the rules they are about} */
    public List<Finding> findings() {
        return findings;
    }

    /** {@return the findings that are mistakes to fix ({@link Kind#isProblem()})} */
    public List<Finding> problems() {
        return findings.stream().filter(f -> f.kind().isProblem()).toList();
    }

    @Override
    public String toString() {
        return "RuleCheck[" + rules + " rules, " + examples + " examples, " + problems().size() + " problems, "
                + (findings.size() - problems().size()) + " notices]";
    }
}
