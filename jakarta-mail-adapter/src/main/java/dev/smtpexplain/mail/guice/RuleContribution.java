package dev.smtpexplain.mail.guice;

import java.util.Objects;

/**
 * Diagnosis rules an application adds, in the rules-file format of the core's {@code rules.txt}
 * ({@code id category when "phrase" + "phrase" | "phrase"}, one per line). Added rules win over the
 * built-in ones.
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
