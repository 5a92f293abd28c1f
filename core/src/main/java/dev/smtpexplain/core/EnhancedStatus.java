package dev.smtpexplain.core;

import org.jspecify.annotations.Nullable;

/**
 * An enhanced mail system status code (RFC 3463): {@code class.subject.detail}, e.g. {@code 5.7.26}.
 *
 * @param statusClass 2 success, 4 persistent transient failure, 5 permanent failure
 * @param subject 0–999: 1 addressing, 2 mailbox, 3 mail system, 4 network, 5 protocol, 6 content, 7 policy
 * @param detail 0–999
 */
public record EnhancedStatus(int statusClass, int subject, int detail) {

    /**
     * Creates a status code from its three numbers.
     *
     * @param statusClass 2, 4 or 5
     * @param subject 0–999
     * @param detail 0–999
     * @throws IllegalArgumentException if the class is not 2, 4 or 5, or subject or detail is outside 0–999
     */
    public EnhancedStatus {
        if (statusClass != 2 && statusClass != 4 && statusClass != 5) {
            throw new IllegalArgumentException("the class of an enhanced status code is 2, 4 or 5; got " + statusClass);
        }
        if (subject < 0 || subject > 999 || detail < 0 || detail > 999) {
            throw new IllegalArgumentException(
                    "subject and detail of an enhanced status code have 1-3 digits; got " + subject + "." + detail);
        }
    }

    /**
     * Parses {@code 5.7.26}. Surrounding whitespace is ignored; anything else around the code is an error
     * (use {@link SmtpReply#parseLenient(String)} to find a code in other text).
     *
     * @param text the code as written, each number one to three digits; null reads as empty
     * @return the status code
     * @throws IllegalArgumentException with a message naming the problem and quoting the text
     *     sanitized and capped ({@link ServerText#excerpt})
     */
    public static EnhancedStatus parse(@Nullable String text) {
        String t = text == null ? "" : text.strip();
        int[] parts = new int[3];
        int part = 0;
        int digits = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9' && digits < 3) {
                parts[part] = parts[part] * 10 + (c - '0');
                digits++;
            } else if (c == '.' && digits > 0 && part < 2) {
                part++;
                digits = 0;
            } else {
                throw invalid(t);
            }
        }
        if (part != 2 || digits == 0) {
            throw invalid(t);
        }
        return new EnhancedStatus(parts[0], parts[1], parts[2]);
    }

    private static IllegalArgumentException invalid(String t) {
        return new IllegalArgumentException(
                "an enhanced status code looks like class.subject.detail, e.g. 5.1.1; got '" + ServerText.excerpt(t) + "'");
    }

    /** {@return the code without its class, as the IANA registry lists it: {@code X.7.26}} */
    public String registryForm() {
        return "X." + subject + "." + detail;
    }

    /** {@return whether the status reports a failure (class 4 or 5)} */
    public boolean isFailure() {
        return statusClass >= 4;
    }

    @Override
    public String toString() {
        return statusClass + "." + subject + "." + detail;
    }
}
