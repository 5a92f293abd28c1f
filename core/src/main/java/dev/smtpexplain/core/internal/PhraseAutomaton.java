package dev.smtpexplain.core.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * Aho–Corasick automaton over normalized text: finds every phrase in one pass, in time linear in the
 * text's length whatever the number of phrases. Immutable after construction; safe to share.
 *
 * <p>Normalization, applied on the fly while scanning: letters and digits are lower-cased, every run
 * of other characters becomes one space, and the text is framed by spaces. Phrases are normalized the
 * same way and framed by spaces unless they are prefixes or written in a script without spaces
 * between words, so a phrase matches whole words only.
 */
public final class PhraseAutomaton {

    private static final char SPACE = ' ';
    private static final char[] ASCII = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII[c] = Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : SPACE;
        }
    }

    private final short[] columnOf;
    private final int columns;
    private final int[] delta;
    private final int[][] outputs;
    private final int patternCount;

    private PhraseAutomaton(short[] columnOf, int columns, int[] delta, int[][] outputs, int patternCount) {
        this.columnOf = columnOf;
        this.columns = columns;
        this.delta = delta;
        this.outputs = outputs;
        this.patternCount = patternCount;
    }

    /** Maps one character the way the scanner sees it: lower-cased letter or digit, or a space. */
    public static char fold(char c) {
        if (c < 128) {
            return ASCII[c];
        }
        return Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : SPACE;
    }

    /**
     * Normalizes a phrase as written in a rule: folds characters, collapses spaces and frames it.
     *
     * @param prefix match the phrase at the start of a word without requiring the word to end there
     */
    public static String normalizePhrase(String phrase, boolean prefix) {
        StringBuilder sb = new StringBuilder(phrase.length() + 2);
        boolean spaceless = false;
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            char f = fold(c);
            if (f == SPACE) {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != SPACE) {
                    sb.append(SPACE);
                }
            } else {
                sb.append(f);
                spaceless |= isSpacelessScript(c);
            }
        }
        String core = sb.toString().strip();
        if (core.isEmpty()) {
            throw new IllegalArgumentException("a phrase needs at least one letter or digit: '" + phrase + "'");
        }
        if (spaceless) {
            return core;
        }
        return SPACE + core + (prefix ? "" : String.valueOf(SPACE));
    }

    private static boolean isSpacelessScript(char c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.THAI;
    }

    /** Builds the automaton for already normalized phrases; a phrase's id is its index. */
    public static PhraseAutomaton build(List<String> phrases) {
        short[] columnOf = new short[Character.MAX_VALUE + 1];
        int columns = 1;
        int maxNodes = 1;
        for (String p : phrases) {
            maxNodes += p.length();
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (columnOf[c] == 0) {
                    if (columns == Short.MAX_VALUE) {
                        throw new IllegalArgumentException("too many distinct characters in phrases");
                    }
                    columnOf[c] = (short) columns++;
                }
            }
        }
        int[] go = new int[maxNodes * columns];
        Arrays.fill(go, -1);
        int[][] out = new int[maxNodes][];
        int nodes = 1;
        for (int id = 0; id < phrases.size(); id++) {
            String p = phrases.get(id);
            int s = 0;
            for (int i = 0; i < p.length(); i++) {
                int col = columnOf[p.charAt(i)];
                int next = go[s * columns + col];
                if (next < 0) {
                    next = nodes++;
                    go[s * columns + col] = next;
                }
                s = next;
            }
            out[s] = append(out[s], id);
        }
        // breadth-first: failure links, then complete the transition table into a DFA
        int[] fail = new int[nodes];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int col = 0; col < columns; col++) {
            int child = go[col];
            if (child < 0) {
                go[col] = 0;
            } else {
                fail[child] = 0;
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            int f = fail[s];
            if (out[f] != null) {
                for (int id : out[f]) {
                    out[s] = append(out[s], id);
                }
            }
            for (int col = 0; col < columns; col++) {
                int child = go[s * columns + col];
                if (child < 0) {
                    go[s * columns + col] = go[f * columns + col];
                } else {
                    fail[child] = go[f * columns + col];
                    queue.add(child);
                }
            }
        }
        return new PhraseAutomaton(columnOf, columns, Arrays.copyOf(go, nodes * columns), Arrays.copyOf(out, nodes), phrases.size());
    }

    private static int[] append(int[] a, int id) {
        if (a == null) {
            return new int[] {id};
        }
        for (int x : a) {
            if (x == id) {
                return a;
            }
        }
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = id;
        return b;
    }

    /** The number of phrases. */
    public int phraseCount() {
        return patternCount;
    }

    /** The number of states, for memory accounting. */
    public int stateCount() {
        return outputs.length;
    }

    /**
     * The phrases found in one scan: the distinct ids in the order first found. Few phrases occur in a
     * typical reply, so membership is a linear look-up until that gets long, then a set by id; nothing
     * proportional to the number of phrases is allocated for a short reply.
     */
    public static final class Hits {
        private static final int LINEAR_LIMIT = 16;
        private final int phraseCount;
        private boolean[] seen;
        private int[] ids = new int[4];
        private int count;

        Hits(int phraseCount) {
            this.phraseCount = phraseCount;
        }

        void add(int id) {
            if (contains(id)) {
                return;
            }
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, count * 2);
            }
            ids[count++] = id;
            if (seen != null) {
                seen[id] = true;
            } else if (count > LINEAR_LIMIT) {
                seen = new boolean[phraseCount];
                for (int i = 0; i < count; i++) {
                    seen[ids[i]] = true;
                }
            }
        }

        /** Whether the phrase with this id occurred. */
        public boolean contains(int id) {
            if (seen != null) {
                return seen[id];
            }
            for (int i = 0; i < count; i++) {
                if (ids[i] == id) {
                    return true;
                }
            }
            return false;
        }

        /** How many distinct phrases occurred. */
        public int count() {
            return count;
        }

        /** The id of the i-th distinct phrase found. */
        public int id(int i) {
            return ids[i];
        }
    }

    /**
     * Scans text lines (joined by spaces) and returns which phrases occur, or null when none does.
     */
    public Hits scan(List<String> lines) {
        Hits seen = null;
        int state = delta[columnOf[SPACE]];
        boolean space = true;
        for (String line : lines) {
            int n = line.length();
            // e-mail addresses are data, not wording: their words ("blocked@", "spam-reports@") never match
            int[] masked = line.indexOf('@') < 0 ? null : addressRanges(line);
            int m = 0;
            for (int i = 0; i < n; i++) {
                char c = line.charAt(i);
                if (masked != null && m < masked.length && i >= masked[m]) {
                    i = masked[m + 1] - 1;
                    m += 2;
                    c = ' ';
                }
                char f = c < 128 ? ASCII[c] : fold(c);
                if (f == SPACE) {
                    if (space) {
                        continue;
                    }
                    space = true;
                } else {
                    space = false;
                }
                state = delta[state * columns + columnOf[f]];
                if (outputs[state] != null) {
                    seen = mark(seen, outputs[state]);
                }
            }
            if (!space) {
                space = true;
                state = delta[state * columns + columnOf[SPACE]];
                if (outputs[state] != null) {
                    seen = mark(seen, outputs[state]);
                }
            }
        }
        return seen;
    }

    /**
     * The [start, end) ranges of tokens holding an '@', as a flat array. Tokens end at white space,
     * brackets, quotes, commas and semicolons. One pass over the line.
     */
    static int[] addressRanges(String line) {
        int[] ranges = new int[8];
        int count = 0;
        int start = 0;
        boolean at = false;
        int n = line.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? line.charAt(i) : ' ';
            if (Character.isWhitespace(c) || "<>()[]{}\"',;".indexOf(c) >= 0) {
                if (at && i > start) {
                    if (count == ranges.length) {
                        ranges = Arrays.copyOf(ranges, count * 2);
                    }
                    ranges[count++] = start;
                    ranges[count++] = i;
                }
                start = i + 1;
                at = false;
            } else if (c == '@') {
                at = true;
            }
        }
        return Arrays.copyOf(ranges, count);
    }

    private Hits mark(Hits seen, int[] ids) {
        Hits s = seen == null ? new Hits(patternCount) : seen;
        for (int id : ids) {
            s.add(id);
        }
        return s;
    }
}
