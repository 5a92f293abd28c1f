package dev.smtpexplain.i18n.internal;

import com.ibm.icu.text.MessagePattern;
import java.util.Set;
import java.util.TreeSet;

/** Facts about ICU message patterns, for validation. */
public final class Patterns {

    private Patterns() {
    }

    /**
     * The names of the arguments a pattern uses, including those nested in plural and select branches.
     *
     * @throws IllegalArgumentException if the pattern does not parse
     */
    public static Set<String> argumentNames(String pattern) {
        MessagePattern mp = new MessagePattern(pattern);
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < mp.countParts(); i++) {
            MessagePattern.Part p = mp.getPart(i);
            if (p.getType() == MessagePattern.Part.Type.ARG_NAME) {
                names.add(mp.getSubstring(p));
            } else if (p.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
                names.add(Integer.toString(p.getValue()));
            }
        }
        return names;
    }

    /** Whether the pattern needs MessageFormat at all (it has arguments or quoting). */
    public static boolean isPlainText(String pattern) {
        return pattern.indexOf('{') < 0 && pattern.indexOf('\'') < 0;
    }
}
