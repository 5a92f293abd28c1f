package dev.smtpexplain.mail.guice;

import java.util.Objects;

/**
 * Diagnosis rules an application adds, in the rules language of the core's {@code rules.txt} ({@code docs/rules.md}):
 * blocks ({@code rule ID CATEGORY [WHEN]} with indented alternatives and {@code example:}, {@code first-step:} and
 * {@code acts:} lines) and one-line rules ({@code id category when "phrase" + "phrase" | "phrase"}). Added rules win
 * over the built-in ones; an id a built-in rule or another contribution has is refused.
 *
 * @param source a name for error messages, e.g. {@code acme-rules}
 * @param rulesText the rules
 */
public record RuleContribution(String source, String rulesText) {

    /**
     * Creates a contribution. The rules are parsed later, when the module builds the {@link
     * dev.smtpexplain.core.Diagnoser}.
     *
     * @param source a name for error messages; not blank
     * @param rulesText the rules
     * @throws IllegalArgumentException if the source is blank
     */
    public RuleContribution {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a rule contribution needs a source name");
        }
        Objects.requireNonNull(rulesText, "rulesText");
    }
}
