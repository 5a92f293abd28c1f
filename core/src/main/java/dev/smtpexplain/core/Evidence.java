package dev.smtpexplain.core;

import java.util.Objects;

/**
 * Why a diagnosis came out as it did.
 *
 * @param source what decided the category
 * @param ruleId the rule's id ({@code gmail.dmarc-policy}, {@code status:X.1.1}, {@code code:550},
 *     {@code class:5})
 * @param matchedPhrase the rule's phrase that matched the server text, or an empty string when no text
 *     decided
 */
public record Evidence(Source source, String ruleId, String matchedPhrase) {

    public Evidence {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(matchedPhrase, "matchedPhrase");
    }

    /** What decided a diagnosis, strongest first. */
    public enum Source {
        /** A server-text rule (provider or MTA wording). */
        TEXT_RULE,
        /** The enhanced status code. */
        ENHANCED_STATUS,
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
