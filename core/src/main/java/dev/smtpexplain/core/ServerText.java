package dev.smtpexplain.core;

import org.jspecify.annotations.Nullable;

/**
 * Makes untrusted text (server replies, exception messages) safe to show: it never carries control
 * characters, terminal escape sequences, bidirectional overrides or invisible characters, and it is
 * capped in length with a visible ellipsis. Linear in the input; never throws.
 */
public final class ServerText {

    /** The default cap, in characters, for text shown as evidence. */
    public static final int DEFAULT_MAX_CHARS = 2000;

    /** The cap, in characters, for untrusted input quoted in an error message. */
    public static final int EXCERPT_MAX_CHARS = 40;

    private static final char ESC = 0x1B;
    private static final char ELLIPSIS = '…';
    private static final char REPLACEMENT = '\uFFFD';

    private ServerText() {
    }

    /**
     * Sanitizes text for display on one line, capped at {@value #DEFAULT_MAX_CHARS} characters plus "…".
     *
     * @param text untrusted text; null reads as empty
     * @return the safe text: line breaks and runs of spaces become single spaces; empty for null or empty input
     */
    public static String sanitize(@Nullable String text) {
        return sanitize(text, DEFAULT_MAX_CHARS, false);
    }

    /**
     * Sanitizes text for display.
     *
     * @param text untrusted text; null reads as empty
     * @param maxChars the cap; longer text is cut and ends with "…"
     * @param keepLineBreaks keep line breaks (as {@code \n}) instead of turning them into spaces; blank lines are
     *     dropped (a run of breaks is one {@code \n}), as they are in a reply's lines
     * @return the safe text, without trailing spaces or line breaks; empty for null or empty input
     * @throws IllegalArgumentException if {@code maxChars} is less than 1 and the text is not empty
     */
    public static String sanitize(@Nullable String text, int maxChars, boolean keepLineBreaks) {
        return sanitize(text, maxChars, keepLineBreaks, false);
    }

    // markRemoved: each run of removed characters (controls, escape sequences, invisible and bidirectional marks)
    // leaves one U+FFFD, so that a message quoting the input shows that something was there
    private static String sanitize(@Nullable String text, int maxChars, boolean keepLineBreaks, boolean markRemoved) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
        }
        int n = text.length();
        StringBuilder sb = new StringBuilder(Math.min(n, maxChars) + 1);
        boolean truncated = false;
        for (int i = 0; i < n; i++) {
            if (sb.length() >= maxChars) {
                truncated = showsMore(text, i);
                break;
            }
            char c = text.charAt(i);
            if (c == ESC) {
                i = skipEscapeSequence(text, i);
                markRemoved(sb, markRemoved);
                continue;
            }
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                appendBreak(sb, keepLineBreaks);
                continue;
            }
            if (c == '\t' || c == ' ') {
                appendSpace(sb);
                continue;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, text.charAt(i + 1));
                    if (!isInvisible(cp) && Character.getType(cp) != Character.PRIVATE_USE) {
                        if (sb.length() + 2 > maxChars) {
                            truncated = true;
                            break;
                        }
                        sb.append(c).append(text.charAt(i + 1));
                    } else {
                        markRemoved(sb, markRemoved);
                    }
                    i++;
                } else {
                    sb.append(REPLACEMENT);
                }
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                sb.append(REPLACEMENT);
                continue;
            }
            if (Character.isISOControl(c) || isInvisible(c)) {
                markRemoved(sb, markRemoved);
                continue;
            }
            sb.append(c);
        }
        // strip trailing spaces left by removed characters
        int end = sb.length();
        while (end > 0 && (sb.charAt(end - 1) == ' ' || sb.charAt(end - 1) == '\n')) {
            end--;
        }
        sb.setLength(end);
        if (truncated) {
            sb.append(ELLIPSIS);
        }
        return sb.toString();
    }

    /**
     * Sanitizes untrusted input for quoting in an error message ("got '…'"): line breaks become
     * spaces, each run of removed characters (controls, escape sequences, invisible and bidirectional
     * marks) shows as one U+FFFD (so "got '550'" never stands for input that was not "550"), and the
     * length is capped at {@value #EXCERPT_MAX_CHARS} characters plus "…".
     *
     * @param text untrusted input
     * @return the safe excerpt
     */
    public static String excerpt(String text) {
        return sanitize(text, EXCERPT_MAX_CHARS, false, true);
    }

    private static void markRemoved(StringBuilder sb, boolean mark) {
        if (mark && (sb.isEmpty() || sb.charAt(sb.length() - 1) != REPLACEMENT)) {
            sb.append(REPLACEMENT);
        }
    }

    /**
     * Removes what {@link #sanitize} removes, keeps line breaks, and does not cap the length.
     *
     * @param text untrusted text
     * @return the text without control, escape, bidirectional and invisible characters; line breaks as {@code \n}
     */
    public static String stripUnsafe(String text) {
        return sanitize(text, Integer.MAX_VALUE, true);
    }

    private static void appendBreak(StringBuilder sb, boolean keepLineBreaks) {
        if (!keepLineBreaks) {
            appendSpace(sb);
        } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
            if (sb.charAt(sb.length() - 1) == ' ') {
                sb.setLength(sb.length() - 1);
            }
            sb.append('\n');
        }
    }

    // runs of spaces, including those left where characters were removed, become one space
    private static void appendSpace(StringBuilder sb) {
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ' && sb.charAt(sb.length() - 1) != '\n') {
            sb.append(' ');
        }
    }

    /** Skips an ANSI escape sequence (CSI, OSC or a two-character escape) starting at {@code i}. */
    private static int skipEscapeSequence(String s, int i) {
        int n = s.length();
        if (i + 1 >= n) {
            return i;
        }
        char kind = s.charAt(i + 1);
        if (kind == '[') {
            int j = i + 2;
            // parameters and intermediates, then one final byte 0x40-0x7E; bounded to keep it linear
            while (j < n && j < i + 64 && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x3F) {
                j++;
            }
            return j < n && s.charAt(j) >= 0x40 && s.charAt(j) <= 0x7E ? j : j - 1;
        }
        if (kind == ']') {
            int j = i + 2;
            while (j < n && j < i + 512 && s.charAt(j) != 0x07 && s.charAt(j) != ESC) {
                j++;
            }
            if (j < n && s.charAt(j) == ESC && j + 1 < n && s.charAt(j + 1) == '\\') {
                return j + 1;
            }
            return j < n && s.charAt(j) == 0x07 ? j : j - 1;
        }
        return i + 1;
    }

    /**
     * Characters that change how text around them is shown without being visible: bidirectional
     * embeddings, overrides and isolates, directional marks, zero-width characters, and other format
     * characters (Unicode category Cf).
     */
    // whether anything from index i on would be shown: a cut that leaves out only spaces, line breaks, controls, escape
    // sequences or invisible marks is no cut a reader would miss, so it gets no "…"
    private static boolean showsMore(String text, int i) {
        for (int n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == ESC) {
                i = skipEscapeSequence(text, i);
            } else if (!Character.isWhitespace(c) && !Character.isISOControl(c) && !isInvisible(c)) {
                return true;
            }
        }
        return false;
    }

    static boolean isInvisible(int cp) {
        return Character.getType(cp) == Character.FORMAT
                || cp == 0x2028 || cp == 0x2029
                || cp >= 0xFFF9 && cp <= 0xFFFB
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0;
    }
}
