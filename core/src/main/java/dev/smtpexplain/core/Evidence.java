package dev.smtpexplain.core;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why a diagnosis came out as it did.
 *
 * @param source what decided the category
 * @param ruleId the rule's id ({@code gmail.dmarc-policy}, {@code status:X.1.1}, {@code code:550},
 *     {@code class:5})
 * @param matchedPhrase the rule's phrase that matched the server text, or the words that weighed most
 *     when the word model decided; empty when no text decided
 * @param firstStep which of the category's steps (its advice, counted from 1) the text rule that decided names as
 *     the one to try first, because its wording says which of the category's causes it is (an app password asked
 *     for, not a wrong password); empty when the category's own order stands
 */
public record Evidence(Source source, String ruleId, Optional<String> matchedPhrase, OptionalInt firstStep) {

    /**
     * Checks the components.
     *
     * @param source what decided the category
     * @param ruleId the rule's id
     * @param matchedPhrase the phrase that matched; empty when no text decided
     * @param firstStep the category's step the rule names first; empty when it names none
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code ruleId} is empty, a phrase is given that is empty or
     *     comes with a source other than {@link Source#TEXT_RULE} or {@link Source#WORDS}, or a first step is given
     *     that is below 1 or comes with a source other than {@link Source#TEXT_RULE}
     */
    public Evidence {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(matchedPhrase, "matchedPhrase");
        Objects.requireNonNull(firstStep, "firstStep");
        if (ruleId.isEmpty()) {
            throw new IllegalArgumentException("ruleId is empty");
        }
        if (firstStep.isPresent() && (firstStep.getAsInt() < 1 || source != Source.TEXT_RULE)) {
            throw new IllegalArgumentException("a first step is a step number from 1, named by a text rule; got " + firstStep.getAsInt()
                    + " from " + source);
        }
        if (matchedPhrase.isPresent() && (matchedPhrase.get().isEmpty() || source != Source.TEXT_RULE && source != Source.WORDS)) {
            // only a text rule or the word model reads words, and a phrase has at least one letter or digit
            throw new IllegalArgumentException("a matched phrase needs a non-empty phrase and source TEXT_RULE or WORDS, got "
                    + source + " '" + ServerText.excerpt(matchedPhrase.get()) + "'");
        }
    }

    /**
     * Evidence without a matched phrase: a code, the class digit, the transport or nothing decided.
     *
     * @param source what decided the category
     * @param ruleId the rule's id ({@code status:X.1.1}, {@code code:550}, {@code class:5})
     */
    public Evidence(Source source, String ruleId) {
        this(source, ruleId, Optional.empty(), OptionalInt.empty());
    }

    /**
     * Evidence that names no first step: the category's own order of steps stands.
     *
     * @param source what decided the category
     * @param ruleId the rule's id
     * @param matchedPhrase the phrase that matched; empty when no text decided
     */
    public Evidence(Source source, String ruleId, Optional<String> matchedPhrase) {
        this(source, ruleId, matchedPhrase, OptionalInt.empty());
    }

    /** What decided a diagnosis, strongest first. */
    public enum Source {
        /** A server-text rule (provider or MTA wording). */
        TEXT_RULE,
        /** The enhanced status code. */
        ENHANCED_STATUS,
        /**
         * The words of the text, weighed by a model learned from documented replies, when no rule
         * understood it and no enhanced status says more than "refused by policy": a likely reading, not a recognized wording.
         */
        WORDS,
        /** The basic reply code. */
        BASIC_CODE,
        /** Only the class digit. */
        DIGITS,
        /** The failure happened outside an SMTP reply (connection, TLS), as reported by the caller. */
        TRANSPORT,
        /** Nothing: no code and no known text. */
        NONE
    }
}
