package dev.smtpexplain.swing;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks fonts that have the glyphs for a text. Java's logical "Dialog" font often lacks Gujarati or
 * other Indic scripts; a Noto family installed on the system usually has them. Han characters get the
 * CJK face of the reader's language (Japanese or Simplified Chinese glyph forms differ).
 */
final class Fonts {

    private static final Map<String, String> FAMILY_BY_SCRIPT = new ConcurrentHashMap<>();

    /** A run of text {@code [start, end)} and the font that draws it. */
    record Run(int start, int end, Font font) {
    }

    /**
     * A text split into runs by script, each with a font that can draw it.
     *
     * @param primary the font for the text as a whole (the one its metrics come from)
     * @param runs the runs, covering the whole text
     * @param lacksGlyphs whether some run has no installed font with its glyphs
     */
    record Styled(Font primary, List<Run> runs, boolean lacksGlyphs) {

        /** The distinct fonts used. */
        List<Font> fonts() {
            Set<Font> out = new LinkedHashSet<>();
            out.add(primary);
            runs.forEach(r -> out.add(r.font()));
            return List.copyOf(out);
        }
    }

    private Fonts() {
    }

    /** A font derived from {@code base} that can display {@code sample}, or {@code base} itself. */
    static Font forText(Font base, String sample) {
        return forText(base, sample, Locale.getDefault());
    }

    /** A font derived from {@code base} that can display {@code sample} in {@code locale}, or {@code base} itself. */
    static Font forText(Font base, String sample, Locale locale) {
        String visible = visible(sample);
        if (visible.isEmpty() || !needsOwnFont(base, visible)) {
            return base;
        }
        String key = locale.getLanguage() + ":" + scriptKey(visible);
        Font font = derived(FAMILY_BY_SCRIPT.computeIfAbsent(key, k -> findFamily(visible, locale)), base);
        if (font.canDisplayUpTo(visible) != -1) {
            // the family found for another text of the same scripts lacks a sign of this one ("@"): look for this text
            font = derived(findFamily(visible, locale), base);
        }
        // a logical font that has every glyph beats a family that lacks one
        return font.canDisplayUpTo(visible) != -1 && base.canDisplayUpTo(visible) == -1 ? base : font;
    }

    private static Font derived(String family, Font base) {
        return family.isEmpty() ? base : new Font(family, base.getStyle(), base.getSize()).deriveFont(base.getSize2D());
    }

    /**
     * Splits {@code text} into runs of one script (spaces, punctuation and joiners stay with the letters
     * before them) and gives each run the first of: the font for the whole text, a font for that run.
     */
    static Styled styled(String text, Font base, Locale locale) {
        Font primary = forText(base, text, locale);
        List<Run> runs = new ArrayList<>();
        boolean lacks = false;
        int runStart = 0;
        Character.UnicodeScript runScript = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            boolean neutral = s == Character.UnicodeScript.COMMON || s == Character.UnicodeScript.INHERITED
                    || s == Character.UnicodeScript.UNKNOWN;
            if (!neutral && runScript != null && s != runScript) {
                lacks |= addRun(runs, text, runStart, i, primary, locale);
                runStart = i;
            }
            if (!neutral) {
                runScript = s;
            }
            i += Character.charCount(cp);
        }
        lacks |= addRun(runs, text, runStart, text.length(), primary, locale);
        return new Styled(primary, List.copyOf(runs), lacks);
    }

    /** Adds a run; returns whether no font could draw it. */
    private static boolean addRun(List<Run> runs, String text, int start, int end, Font primary, Locale locale) {
        if (start >= end) {
            return false;
        }
        String visible = visible(text.substring(start, end));
        Font f = needsOwnFont(primary, visible) ? forText(primary, visible, locale) : primary;
        if (f == primary && isLogical(primary) && hasIndic(visible)) {
            // no family has all of the run: a Tamil font lacks "@" and the digits of "1." that stay with the letters.
            // The letters get their script's family, the signs it lacks the primary font
            Font script = forText(primary, indicLetters(visible), locale);
            if (script != primary) {
                addPieces(runs, text, start, end, script, primary);
                return false;
            }
        }
        runs.add(new Run(start, end, f));
        return f.canDisplayUpTo(visible) != -1;
    }

    // [start, end) in pieces: what `script` draws (and what neither font has) in it, the rest in `primary`
    private static void addPieces(List<Run> runs, String text, int start, int end, Font script, Font primary) {
        int pieceStart = start;
        boolean inScript = true;
        for (int i = start; i < end; ) {
            int cp = text.codePointAt(i);
            boolean here = script.canDisplay(cp) || !primary.canDisplay(cp) || Character.getType(cp) == Character.FORMAT;
            if (here != inScript && i > pieceStart) {
                runs.add(new Run(pieceStart, i, inScript ? script : primary));
                pieceStart = i;
            }
            inScript = here;
            i += Character.charCount(cp);
        }
        runs.add(new Run(pieceStart, end, inScript ? script : primary));
    }

    // the letters and marks of an Indic script in the text, for finding that script's family
    private static String indicLetters(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().filter(cp -> INDIC.contains(Character.UnicodeScript.of(cp))).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** Whether any installed font can display every visible character of {@code text}. */
    static boolean anyFontCanDisplay(String text) {
        return styled(text, new Font(Font.DIALOG, Font.PLAIN, 12), Locale.ROOT).runs().stream()
                .allMatch(r -> r.font().canDisplayUpTo(visible(text.substring(r.start(), r.end()))) == -1);
    }

    /** The text without the invisible format characters (isolates, joiners), which fonts need not map. */
    static String visible(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(cp -> Character.getType(cp) != Character.FORMAT && !Character.isISOControl(cp))
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /**
     * Whether {@code font} should give way to a font of the text's own script: it lacks some of the glyphs, the text
     * has Han characters (whose forms differ by language), or the font is a logical one (Dialog, SansSerif …) and
     * the text is in an Indic script. A logical font claims the Indic letters its fallback fonts have, but draws
     * some scripts unshaped: Tamil's vowel signs came apart, with dotted circles, in Dialog's plain style under
     * Xvfb while "Noto Sans Tamil" drew the same text right.
     */
    private static boolean needsOwnFont(Font font, String visible) {
        return font.canDisplayUpTo(visible) != -1 || hasHan(visible) || isLogical(font) && hasIndic(visible);
    }

    private static final Set<String> LOGICAL = Set.of(Font.DIALOG, Font.DIALOG_INPUT, Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED);

    private static boolean isLogical(Font font) {
        return LOGICAL.contains(font.getFamily(Locale.ROOT)) || LOGICAL.contains(font.getName());
    }

    private static final Set<Character.UnicodeScript> INDIC = Set.of(Character.UnicodeScript.DEVANAGARI,
            Character.UnicodeScript.BENGALI, Character.UnicodeScript.GURMUKHI, Character.UnicodeScript.GUJARATI,
            Character.UnicodeScript.ORIYA, Character.UnicodeScript.TAMIL, Character.UnicodeScript.TELUGU,
            Character.UnicodeScript.KANNADA, Character.UnicodeScript.MALAYALAM, Character.UnicodeScript.SINHALA);

    private static boolean hasIndic(String s) {
        return s.codePoints().anyMatch(cp -> INDIC.contains(Character.UnicodeScript.of(cp)));
    }

    private static boolean hasHan(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    private static String findFamily(String sample, Locale locale) {
        String[] families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        List<String> preferred = new ArrayList<>();
        List<String> noto = new ArrayList<>();
        List<String> others = new ArrayList<>();
        String cjk = switch (locale.getLanguage()) {
            case "ja" -> "Noto Sans CJK JP";
            case "zh" -> "TW".equals(locale.getCountry()) || "Hant".equals(locale.getScript()) ? "Noto Sans CJK TC" : "Noto Sans CJK SC";
            case "ko" -> "Noto Sans CJK KR";
            default -> "";
        };
        for (String f : families) {
            if (LOGICAL.contains(f)) {
                continue; // the logical families are the base this looks past, not a script's own
            }
            if (f.equals(cjk)) {
                preferred.add(f);
            } else {
                (f.startsWith("Noto Sans") && !f.contains("Mono") ? noto : others).add(f);
            }
        }
        preferred.addAll(noto);
        preferred.addAll(others);
        for (String f : preferred) {
            if (new Font(f, Font.PLAIN, 12).canDisplayUpTo(sample) == -1) {
                return f;
            }
        }
        return "";
    }

    /**
     * The scripts of the sample's characters, as a cache key: its letters' and, apart, whether signs of no script
     * ("@", digits) come with them, which a script's own family may lack.
     */
    private static String scriptKey(String sample) {
        StringBuilder sb = new StringBuilder();
        sample.codePoints().filter(cp -> !Character.isWhitespace(cp)).mapToObj(Character.UnicodeScript::of).distinct().sorted()
                .forEach(s -> sb.append(s.name()).append(','));
        return sb.toString();
    }
}
