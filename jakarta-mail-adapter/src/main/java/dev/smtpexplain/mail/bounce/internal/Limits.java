package dev.smtpexplain.mail.bounce.internal;

/**
 * Caps on what one bounce may make the reader do. Bounce content is written by whoever sent it, so
 * every size, depth and count is bounded; what lies beyond a cap is not read.
 *
 * @param maxMessageBytes bytes of one message read; the rest (usually the returned original) is ignored
 * @param maxDepth MIME nesting levels walked
 * @param maxParts MIME parts looked at
 * @param maxTextChars characters of human-readable text scanned for recipients and replies
 * @param maxRecipients recipients reported per message
 * @param maxFieldChars characters kept of one DSN field or reply
 */
public record Limits(int maxMessageBytes, int maxDepth, int maxParts, int maxTextChars, int maxRecipients, int maxFieldChars) {

    /** Generous for real bounces (a few kB to a few MB with the original attached), small for attacks. */
    public static final Limits DEFAULT = new Limits(10 << 20, 12, 200, 256 * 1024, 500, 4000);

    public Limits {
        if (maxMessageBytes < 1024 || maxDepth < 1 || maxParts < 1 || maxTextChars < 1024 || maxRecipients < 1 || maxFieldChars < 80) {
            throw new IllegalArgumentException("limits too small: " + this);
        }
    }
}
