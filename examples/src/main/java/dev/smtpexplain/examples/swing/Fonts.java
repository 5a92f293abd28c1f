package dev.smtpexplain.examples.swing;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks a font that has the glyphs for a text. Java's logical "Dialog" font often lacks Gujarati or
 * other Indic scripts; a Noto family installed on the system usually has them.
 */
final class Fonts {

    private static final Map<String, String> FAMILY_BY_SCRIPT = new ConcurrentHashMap<>();

    private Fonts() {
    }

    /** A font derived from {@code base} that can display {@code sample}, or {@code base} itself. */
    static Font forText(Font base, String sample) {
        if (sample.isEmpty() || base.canDisplayUpTo(sample) == -1) {
            return base;
        }
        String key = scriptKey(sample);
        String family = FAMILY_BY_SCRIPT.computeIfAbsent(key, k -> findFamily(sample));
        return family.isEmpty() ? base : new Font(family, base.getStyle(), base.getSize());
    }

    private static String findFamily(String sample) {
        String[] families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        List<String> preferred = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String f : families) {
            (f.startsWith("Noto Sans") && !f.contains("Mono") ? preferred : others).add(f);
        }
        preferred.addAll(others);
        for (String f : preferred) {
            if (new Font(f, Font.PLAIN, 12).canDisplayUpTo(sample) == -1) {
                return f;
            }
        }
        return "";
    }

    /** The scripts of the sample's letters, as a cache key. */
    private static String scriptKey(String sample) {
        StringBuilder sb = new StringBuilder();
        sample.codePoints().filter(Character::isLetter).mapToObj(Character.UnicodeScript::of).distinct().sorted()
                .forEach(s -> sb.append(s.name()).append(','));
        return sb.toString();
    }
}
