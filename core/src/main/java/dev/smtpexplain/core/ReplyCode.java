package dev.smtpexplain.core;

import org.jspecify.annotations.Nullable;

/**
 * A basic three-digit SMTP reply code (RFC 5321 §4.2). The first digit is the outcome class (1–5), the
 * second the area, the third the detail.
 *
 * @param value the code, 100–599
 */
public record ReplyCode(int value) implements Comparable<ReplyCode> {

    /**
     * Creates a reply code.
     *
     * @param value the code, 100–599
     * @throws IllegalArgumentException if the value is outside 100–599
     */
    public ReplyCode {
        if (value < 100 || value > 599) {
            throw new IllegalArgumentException("an SMTP reply code has three digits, the first 1-5; got " + value);
        }
    }

    /**
     * Returns the code for {@code value}.
     *
     * @param value the code, 100–599
     * @return the code
     * @throws IllegalArgumentException if the value is outside 100–599
     */
    public static ReplyCode of(int value) {
        return new ReplyCode(value);
    }

    /**
     * Parses three ASCII digits. Surrounding whitespace is ignored.
     *
     * @param text the code as written, e.g. {@code 550}; null reads as empty
     * @return the code
     * @throws IllegalArgumentException with a message naming the problem and quoting the text
     *     sanitized and capped ({@link ServerText#excerpt})
     */
    public static ReplyCode parse(@Nullable String text) {
        String t = text == null ? "" : text.strip();
        if (t.length() != 3 || !isDigit(t.charAt(0)) || !isDigit(t.charAt(1)) || !isDigit(t.charAt(2))) {
            throw new IllegalArgumentException("an SMTP reply code has three digits, e.g. 550; got '" + ServerText.excerpt(t) + "'");
        }
        int value = Integer.parseInt(t);
        if (value < 100 || value > 599) {
            // quoted as written: "055", not the 55 it reads as
            throw new IllegalArgumentException("an SMTP reply code has three digits, the first 1-5; got '" + t + "'");
        }
        return of(value);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@return the first digit: 2 success, 3 more input, 4 temporary failure, 5 permanent failure} */
    public int classDigit() {
        return value / 100;
    }

    /** {@return the second digit: 0 syntax, 1 information, 2 connection, 5 mail system} */
    public int areaDigit() {
        return value / 10 % 10;
    }

    /** {@return whether the code reports a failure (class 4 or 5)} */
    public boolean isFailure() {
        return classDigit() >= 4;
    }

    @Override
    public int compareTo(ReplyCode o) {
        return Integer.compare(value, o.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
