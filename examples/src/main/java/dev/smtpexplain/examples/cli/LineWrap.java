package dev.smtpexplain.examples.cli;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Breaks a report's prose lines to the terminal's width, where the language allows a break (ICU's line breaking:
 * between words, between CJK characters, never inside a Gujarati syllable), measured in the columns a terminal
 * gives a character (two for a wide CJK one, none for a combining mark or an invisible control). Continuation lines
 * keep the first line's indent, and after a numbered step ("  2. ") they line up with its text. A word longer than
 * the width (a link) stays whole on a line of its own, and a run of ASCII is not broken at its hyphens or slashes. A directional isolate (data in a right-to-left line) is never
 * split across lines. The tool's own styling (ANSI SGR sequences) takes no column and is never split; a styled run
 * that goes on past a break keeps its style on the next line, as a terminal carries it over.
 */
final class LineWrap {

    /** Narrower than this a terminal is not worth breaking lines for: the text is left to the terminal. */
    static final int MIN_COLUMNS = 20;

    private LineWrap() {
    }

    /**
     * @param line one line of a report, without its line break
     * @param columns the width to fit; below {@link #MIN_COLUMNS} nothing is broken
     * @param locale the text's language, for where lines may break
     * @return the line's pieces, each to be written on a line of its own
     */
    static List<String> wrap(String line, int columns, Locale locale) {
        if (columns < MIN_COLUMNS || width(line, 0, line.length()) <= columns) {
            return List.of(line);
        }
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        int hang = indent + numberedStep(line, indent);
        if (columns - hang < MIN_COLUMNS / 2) {
            return List.of(line); // an indent that leaves no room: better one long line than a column of words
        }
        String continuation = " ".repeat(hang);
        BreakIterator breaks = BreakIterator.getLineInstance(ULocale.forLocale(locale));
        breaks.setText(line);
        List<String> pieces = new ArrayList<>();
        int start = 0; // where the current piece starts
        int room = columns; // the first piece has its indent in it; the others get `continuation` in front
        int lastFit = -1; // the last break at which the current piece still fits
        int isolates = 0; // directional isolates open before `scanned`
        int scanned = 0;
        for (int b = breaks.following(hang); b != BreakIterator.DONE; b = breaks.next()) {
            for (; scanned < b; scanned++) {
                char c = line.charAt(scanned);
                isolates += c >= '\u2066' && c <= '\u2068' ? 1 : c == '\u2069' && isolates > 0 ? -1 : 0;
            }
            if (isolates > 0 || b < line.length() && withinAsciiWord(line, b)) {
                continue;
            }
            if (width(line, start, trimEnd(line, start, b)) <= room) {
                lastFit = b;
                continue;
            }
            int cut = lastFit > start ? lastFit : b; // nothing fitted: the long word goes on a line of its own
            pieces.add(piece(pieces.isEmpty(), continuation, line, start, cut));
            start = skipSpaces(line, cut);
            room = columns - hang;
            lastFit = -1;
            if (b > start) {
                if (width(line, start, trimEnd(line, start, b)) <= room) {
                    lastFit = b;
                } else { // the word after the cut is longer than a line too
                    pieces.add(piece(false, continuation, line, start, b));
                    start = skipSpaces(line, b);
                }
            }
        }
        if (start < line.length()) {
            pieces.add(piece(pieces.isEmpty(), continuation, line, start, line.length()));
        }
        return pieces;
    }

    private static String piece(boolean first, String continuation, String line, int start, int end) {
        String text = line.substring(start, trimEnd(line, start, end));
        return first ? text : continuation + text;
    }

    /** The length of a step's number and its separator, "2. ", at {@code at}; else 0. */
    private static int numberedStep(String line, int at) {
        int k = at;
        while (k < line.length() && k - at < 3 && line.charAt(k) >= '0' && line.charAt(k) <= '9') {
            k++;
        }
        return k > at && k + 1 < line.length() && line.charAt(k) == '.' && line.charAt(k + 1) == ' ' ? k + 2 - at : 0;
    }

    // ICU lets a line break after a URL's '/' or a hyphen; a link or an id cut in two can no longer be copied or
    // clicked, so between two ASCII characters a line breaks only after a space (CJK text breaks between characters)
    private static boolean withinAsciiWord(String line, int at) {
        char before = line.charAt(at - 1);
        char after = line.charAt(at);
        return before < 0x80 && after < 0x80 && before != ' ' && after != ' ';
    }

    private static int trimEnd(String line, int start, int end) {
        while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static int skipSpaces(String line, int at) {
        while (at < line.length() && line.charAt(at) == ' ') {
            at++;
        }
        return at;
    }

    /** The columns a terminal gives {@code s[from, to)}. */
    static int width(CharSequence s, int from, int to) {
        int w = 0;
        for (int i = from; i < to; ) {
            if (s.charAt(i) == '\u001B' && i + 1 < to && s.charAt(i + 1) == '[') {
                i += 2; // a style the tool set ("ESC[1;36m"): parameters, then a final letter; no column
                while (i < to && (s.charAt(i) < '@' || s.charAt(i) > '~')) {
                    i++;
                }
                i++;
                continue;
            }
            int cp = Character.codePointAt(s, i);
            i += Character.charCount(cp);
            w += columns(cp);
        }
        return w;
    }

    private static int columns(int cp) {
        int type = UCharacter.getType(cp);
        if (type == UCharacterCategory.NON_SPACING_MARK || type == UCharacterCategory.ENCLOSING_MARK
                || type == UCharacterCategory.FORMAT || type == UCharacterCategory.CONTROL) {
            return 0;
        }
        int eaw = UCharacter.getIntPropertyValue(cp, UProperty.EAST_ASIAN_WIDTH);
        return eaw == UCharacter.EastAsianWidth.WIDE || eaw == UCharacter.EastAsianWidth.FULLWIDTH ? 2 : 1;
    }
}
