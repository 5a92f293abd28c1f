package dev.smtpexplain.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Words of other languages that the word model reads as an English word too ({@code concepts.tsv}): "Kennwort",
 * "jelszó" and 密码 each count as "password" as well as themselves, so that what the model learned from the
 * many English replies carries over to a language it has seen few replies in.
 *
 * <p>A form is keyed as {@link WordFeatures} keys a word (its first five letters, folded, or a pair of
 * characters of a script written without spaces), so one probe of a small table per word finds its concept.
 */
public final class Concepts {

    /** What {@link #of} returns for a word that stands for no concept. */
    public static final long NONE = 0;

    static final String FILE = "/dev/smtpexplain/core/concepts.tsv";

    private final long[] keys;
    private final long[] concepts;
    private final String[] names;
    private final int mask;

    private Concepts(Map<Long, Long> byKey, Map<Long, String> nameByConcept) {
        // at most two thirds full, so a probe for a word of no concept ends soon
        int n = Math.max(1, byKey.size());
        int size = Integer.highestOneBit(n + n / 2) * 2;
        keys = new long[size];
        concepts = new long[size];
        names = new String[size];
        mask = size - 1;
        byKey.forEach((key, concept) -> {
            int i = index(key);
            while (keys[i] != NONE) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            concepts[i] = concept;
            names[i] = nameByConcept.get(concept);
        });
    }

    /** The table the library ships. */
    public static Concepts standard() {
        return Standard.CONCEPTS;
    }

    private static final class Standard {
        static final Concepts CONCEPTS = read();

        private static Concepts read() {
            try (InputStream in = Concepts.class.getResourceAsStream(FILE)) {
                if (in == null) {
                    throw new IllegalStateException(FILE + " is missing from the class path");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** {@return the hash of the concept a word's hash stands for, or {@link #NONE}} */
    public long of(long word) {
        int slot = slot(word);
        return slot < 0 ? NONE : concepts[slot];
    }

    /** {@return the concept a word's hash stands for as the model file names a feature, or null} */
    @Nullable String nameOf(long word) {
        int slot = slot(word);
        return slot < 0 ? null : names[slot];
    }

    // the slot of a word's hash, or -1 for a word of no concept
    private int slot(long word) {
        for (int i = index(word); ; i = (i + 1) & mask) {
            long key = keys[i];
            if (key == word) {
                return i;
            }
            if (key == NONE) {
                return -1;
            }
        }
    }

    /** {@return how many keys the table holds} */
    public int size() {
        int n = 0;
        for (long k : keys) {
            n += k == NONE ? 0 : 1;
        }
        return n;
    }

    private int index(long hash) {
        return (int) (hash ^ (hash >>> 32)) & mask;
    }

    /**
     * Reads the table: {@code concept<TAB>form form ...} per line, {@code #} comments and blank lines skipped.
     *
     * @throws IllegalArgumentException naming the line and the form: a concept or form that is not one word, a
     *     concept given twice, a form that reads as its concept already or as another concept's word, a form
     *     given two concepts
     */
    public static Concepts parse(List<String> lines) {
        Map<Long, String> nameByConcept = new HashMap<>();
        Map<Long, Integer> conceptLine = new HashMap<>();
        List<Form> forms = new ArrayList<>();
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0 || line.indexOf('\t', tab + 1) >= 0) {
                throw new IllegalArgumentException("concepts line " + lineNo + ": expected concept<TAB>forms");
            }
            String concept = line.substring(0, tab).strip();
            if (!concept.matches("[a-z]{2,}")) {
                throw new IllegalArgumentException("concepts line " + lineNo + ": the concept '" + concept
                        + "' is not one English word in lower case");
            }
            long conceptHash = onlyWord(concept, lineNo);
            Integer first = conceptLine.putIfAbsent(conceptHash, lineNo);
            if (first != null) {
                throw new IllegalArgumentException("concepts line " + lineNo + ": '" + concept + "' reads as the concept of line " + first);
            }
            nameByConcept.put(conceptHash, concept.substring(0, Math.min(concept.length(), WordFeatures.STEM)));
            String written = line.substring(tab + 1).strip();
            if (written.isEmpty()) {
                throw new IllegalArgumentException("concepts line " + lineNo + ": no forms");
            }
            for (String form : written.split(" +")) {
                forms.add(new Form(lineNo, conceptHash, form));
            }
        }
        Map<Long, Long> byKey = new HashMap<>();
        Map<Long, String> formByKey = new HashMap<>();
        for (Form f : forms) {
            int at = f.line();
            long concept = f.concept();
            String form = f.text();
            long key = onlyWord(form, at);
            if (conceptLine.containsKey(key)) {
                throw new IllegalArgumentException("concepts line " + at + ": '" + form + "' already reads as '"
                        + nameByConcept.get(key) + "'" + (key == concept ? "; leave it out" : ", another concept"));
            }
            Long before = byKey.putIfAbsent(key, concept);
            if (before != null && before != concept) {
                throw new IllegalArgumentException("concepts line " + at + ": '" + form + "' reads as '" + formByKey.get(key)
                        + "', which stands for '" + nameByConcept.get(before) + "'");
            }
            formByKey.putIfAbsent(key, form);
        }
        return new Concepts(byKey, nameByConcept);
    }

    // a form as written on its line, with the hash of its line's concept
    private record Form(int line, long concept, String text) {
    }

    // the hash the model keys the only word of `form` by
    private static long onlyWord(String form, int lineNo) {
        long[] words = WordFeatures.wordHashes(form);
        if (words.length != 1) {
            throw new IllegalArgumentException("concepts line " + lineNo + ": '" + form + "' is " + words.length
                    + " words to the model, not one");
        }
        return words[0];
    }
}
