package dev.smtpexplain.core.internal;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Aho–Corasick automaton over normalized text: finds every phrase in one pass, in time linear in the
 * text's length whatever the number of phrases. Immutable after construction; safe to share.
 *
 * <p>Most states lie inside one phrase and have one way forward: such a <em>chain</em> state keeps
 * only the column that goes on, where it goes, where a separator takes it and its failure state. The
 * other states (the root, the start, every branching state) have a full row of transitions in a dense
 * table. A chain is about an eighth of the states' memory, so the dense rows that a scan keeps coming
 * back to stay in the processor's cache, which is what makes a scan fast.
 *
 * <p>A state is held as one int: a dense state as its row offset (state × columns, so the scan adds
 * instead of multiplying), a chain state as {@code denseLimit} plus four times its index into
 * {@code chain}. A transition into a state where phrases end holds the complement of an index into two
 * small arrays (the target and the phrases ending there), so the scan tests for outputs with the sign.
 * A state reached by a separator stays put on another separator, without emitting again, so runs of
 * separators collapse without a branch in the scan.
 */
public final class PhraseAutomaton {

    private static final char SPACE = ' ';
    private static final char[] ASCII = new char[128];
    /** How a rule writes "an IPv4 address literal" inside a phrase. */
    public static final String IP_PLACEHOLDER = "<ip>";
    // the word an IPv4 literal reads as; folding turns every '#' of the text into a separator, so only an
    // address literal can produce it
    static final char IP_WORD = '#';

    static {
        for (char c = 0; c < 128; c++) {
            ASCII[c] = Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : SPACE;
        }
    }

    private final byte[] asciiColumn;
    private final int columns;
    private final int spaceColumn;
    // the column of IP_WORD, or 0 when no phrase has one (then the scan does not look for literals)
    private final int ipColumn;
    private final int[] delta;
    // dense rows take offsets below this; a chain state is denseLimit + 4 × its index
    private final int denseLimit;
    // per chain state, four ints: the column that goes on, its target, the separator's target, the failure state
    private final int[] chain;
    // the ASCII letters and digits on which the root goes nowhere (no phrase starts inside a word)
    private final boolean[] staysAtRoot = new boolean[128];
    // the trie's nodes, dense and chain (only counted: a table of every node's outputs would take 0.3 MiB)
    private final int asciiStates;
    // for the states where phrases end, by the index their incoming entries hold: the state and phrase ids
    private final int[] emittingState;
    private final int[][] emittingIds;
    private final int startState;
    private final int patternCount;
    // per phrase id: whether its positions are recorded (it is part of an AND alternative)
    private final boolean[] positional;
    // the phrases with characters beyond ASCII, scanned only where the text has such characters
    private final SparseAutomaton beyondAscii;
    // each thread's scan and hits, emptied and filled again by scanReusing: a diagnosis allocates neither
    private final ThreadLocal<Scan> reusable = ThreadLocal.withInitial(Scan::new);

    private PhraseAutomaton(Columns columns, int[] delta, int[] chain, int asciiStates, int[] emittingState, int[][] emittingIds,
            int startState, int patternCount, SparseAutomaton beyondAscii, boolean[] positional) {
        this.asciiColumn = columns.ascii;
        this.columns = columns.count;
        this.spaceColumn = columns.ascii[SPACE];
        this.ipColumn = columns.ipColumn;
        this.delta = delta;
        this.denseLimit = delta.length;
        this.chain = chain;
        this.asciiStates = asciiStates;
        this.emittingState = emittingState;
        this.emittingIds = emittingIds;
        this.startState = startState;
        this.patternCount = patternCount;
        this.beyondAscii = beyondAscii;
        this.positional = positional;
        for (char c = 0; c < 128; c++) {
            staysAtRoot[c] = ASCII[c] != SPACE && delta[asciiColumn[c]] == 0;
        }
    }

    /** Maps one character the way the scanner sees it: lower-cased letter or digit, or a space. */
    public static char fold(char c) {
        if (c < 128) {
            return ASCII[c];
        }
        FoldedBlock block = FOLDED[c >>> 8];
        if (block == null) {
            block = new FoldedBlock(c >>> 8);
            FOLDED[c >>> 8] = block; // a race only builds a block twice: its array is final, so safely published
        }
        return block.folded[c & 0xff];
    }

    // the folded form of each block of 256 characters beyond ASCII, built the first time a text uses one:
    // Character.isLetterOrDigit and toLowerCase cost a table walk each, and both passes fold every
    // character of a text in Greek, Hindi or Japanese (such texts scan 1.25x faster with the blocks)
    private static final FoldedBlock[] FOLDED = new FoldedBlock[256];

    private static final class FoldedBlock {
        final char[] folded = new char[256];

        FoldedBlock(int block) {
            for (int i = 0; i < 256; i++) {
                char c = (char) (block << 8 | i);
                folded[i] = Character.isLetterOrDigit(c) ? withoutMarks(Character.toLowerCase(c)) : SPACE;
            }
        }
    }

    /**
     * A Latin or Greek letter without its accents ("é" is "e", "ά" is "α", "ł" is "l"), Greek final "ς" as "σ" (so
     * that "πλήρες" reads "ΠΛΗΡΕΣ"), and Russian "ё" as "е": servers often write "Mail rejete", "Echec", "Blad", "ΑΠΟΤΥΧΙΑ" without them, and a rule written
     * with them must still read such a text. Other scripts keep their marks (in Japanese "が" is not "か").
     */
    static char withoutMarks(char c) {
        switch (c) {
            case '\u0142': return 'l'; // ł
            case '\u0111': return 'd'; // đ
            case '\u00f8': return 'o'; // ø
            case '\u0131': return 'i'; // dotless ı
            case '\u0451': return '\u0435'; // ё
            case '\u03c2': return '\u03c3'; // final ς as σ, the lower case of Σ
            default: break;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        if (script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.GREEK) {
            return c;
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char base = decomposed.charAt(0);
        for (int i = 1; i < decomposed.length(); i++) {
            if (Character.getType(decomposed.charAt(i)) != Character.NON_SPACING_MARK) {
                return c;
            }
        }
        return Character.isLetter(base) ? base : c;
    }

    /**
     * Normalizes a phrase as written in a rule: folds characters, collapses spaces and frames it.
     *
     * @param prefix match the phrase at the start of a word without requiring the word to end there
     */
    public static String normalizePhrase(String written, boolean prefix) {
        // composed as the text is (ReplyParser.composed): a phrase typed in either form reads both
        String phrase = ReplyParser.composed(written);
        StringBuilder sb = new StringBuilder(phrase.length() + 2);
        boolean spaceless = false;
        boolean ip = false;
        boolean letters = false;
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (phrase.regionMatches(true, i, IP_PLACEHOLDER, 0, IP_PLACEHOLDER.length())) {
                // an address literal is a word of its own: glued to a word ("host<ip>") it would still match only
                // "host 192.0.2.1", which is not what the phrase says
                int after = i + IP_PLACEHOLDER.length();
                if (i > 0 && Character.isLetterOrDigit(phrase.charAt(i - 1))
                        || after < phrase.length() && Character.isLetterOrDigit(phrase.charAt(after))) {
                    throw new IllegalArgumentException(IP_PLACEHOLDER + " is a word of its own: put a space between it and the word it"
                            + " touches: '" + phrase + "'");
                }
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != SPACE) {
                    sb.append(SPACE);
                }
                sb.append(IP_WORD).append(SPACE);
                ip = true;
                i += IP_PLACEHOLDER.length() - 1;
                continue;
            }
            char f = fold(c);
            letters |= f != SPACE;
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
        if (!letters) {
            throw new IllegalArgumentException("a phrase needs at least one letter or digit"
                    + (ip ? " besides " + IP_PLACEHOLDER + " (write the words beside it in the same phrase: \"" + IP_PLACEHOLDER
                            + " blocked\")" : "") + ": '" + phrase + "'");
        }
        if (ip && !isAscii(core)) {
            throw new IllegalArgumentException(IP_PLACEHOLDER + " is read in phrases of ASCII characters only: '" + phrase + "'");
        }
        if (spaceless) {
            return core;
        }
        return SPACE + core + (prefix ? "" : String.valueOf(SPACE));
    }

    private static boolean isSpacelessScript(char c) {
        if (c < '\u0E00') {
            return false; // below Thai: no script written without spaces
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.THAI
                || s == Character.UnicodeScript.LAO || s == Character.UnicodeScript.KHMER
                || s == Character.UnicodeScript.MYANMAR;
    }

    /**
     * Builds the automaton for already normalized phrases; a phrase's id is its index. Phrases of ASCII
     * characters go into the dense table; the others, which bring hundreds of distinct characters, into
     * a sparse automaton that runs only over text that has characters beyond ASCII.
     */
    public static PhraseAutomaton build(List<String> phrases) {
        boolean[] all = new boolean[phrases.size()];
        Arrays.fill(all, true);
        return build(phrases, all);
    }

    /**
     * Builds the automaton, recording positions only for the phrases flagged in {@code positional}
     * (those of AND alternatives, whose proximity is checked); the others are only marked as seen.
     */
    public static PhraseAutomaton build(List<String> phrases, boolean[] positional) {
        List<String> ascii = new ArrayList<>();
        List<String> beyond = new ArrayList<>();
        int[] beyondIds = new int[phrases.size()];
        for (int id = 0; id < phrases.size(); id++) {
            String p = phrases.get(id);
            if (isAscii(p)) {
                ascii.add(p);
            } else {
                beyondIds[beyond.size()] = id;
                beyond.add(p);
            }
        }
        Columns columns = Columns.of(ascii);
        int width = columns.count;
        int maxNodes = 1;
        for (String p : ascii) {
            maxNodes += p.length();
        }
        int[] go = new int[maxNodes * width];
        Arrays.fill(go, -1);
        int[][] out = new int[maxNodes][];
        boolean[] afterSpace = new boolean[maxNodes];
        // per trie node: how many children it has and the column of the last one added
        int[] children = new int[maxNodes];
        int[] childColumn = new int[maxNodes];
        int nodes = 1;
        for (int id = 0; id < phrases.size(); id++) {
            String p = phrases.get(id);
            if (!isAscii(p)) {
                continue;
            }
            int s = 0;
            for (int i = 0; i < p.length(); i++) {
                int col = columns.of(p.charAt(i));
                int next = go[s * width + col];
                if (next < 0) {
                    next = nodes++;
                    go[s * width + col] = next;
                    afterSpace[next] = p.charAt(i) == SPACE;
                    children[s]++;
                    childColumn[s] = col;
                }
                s = next;
            }
            out[s] = append(out[s], id);
        }
        // breadth-first: failure links, outputs along them, and the complete transition table
        int[] fail = new int[nodes];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int col = 0; col < width; col++) {
            int child = go[col];
            if (child < 0) {
                go[col] = 0;
            } else {
                fail[child] = 0;
                queue.add(child);
            }
        }
        int space = columns.ascii[SPACE];
        int start = go[space];
        // only the dense states get complete rows; a chain state's moves are read through its failure
        // states when needed (most states are chains, so building takes a fraction of the full table's work).
        // The states in breadth-first order, for the dense rows' order below
        int[] order = new int[nodes];
        int ordered = 0;
        order[ordered++] = 0;
        while (!queue.isEmpty()) {
            int s = queue.poll();
            order[ordered++] = s;
            int f = fail[s];
            if (out[f] != null) {
                for (int id : out[f]) {
                    out[s] = append(out[s], id);
                }
            }
            boolean chainState = isChain(s, start, children);
            for (int col = 0; col < width; col++) {
                int child = go[s * width + col];
                if (child >= 0) {
                    fail[child] = move(go, fail, children, childColumn, start, width, f, col);
                    queue.add(child);
                } else if (!chainState) {
                    go[s * width + col] = move(go, fail, children, childColumn, start, width, f, col);
                }
            }
        }
        int[][] outputs = Arrays.copyOf(out, nodes);
        // the encoded form of each state: dense ones first, breadth-first (the shallow states, where a scan spends
        // most of its steps, side by side at the table's start), then chains in the order phrases created them (a
        // phrase's chain states one after another, as a scan along it reads them)
        int[] code = new int[nodes];
        int dense = 0;
        for (int k = 0; k < ordered; k++) {
            int st = order[k];
            if (!isChain(st, start, children)) {
                code[st] = dense++ * width;
            }
        }
        int denseLimit = dense * width;
        int chains = 0;
        for (int st = 0; st < nodes; st++) {
            if (isChain(st, start, children)) {
                code[st] = denseLimit + 4 * chains++;
            }
        }
        int[] emitting = new int[nodes];
        int emittingCount = 0;
        for (int st = 0; st < nodes; st++) {
            if (outputs[st] != null) {
                emitting[st] = emittingCount++;
            }
        }
        int[] emittingState = new int[emittingCount];
        int[][] emittingIds = new int[emittingCount][];
        for (int st = 0; st < nodes; st++) {
            if (outputs[st] != null) {
                emittingState[emitting[st]] = code[st];
                emittingIds[emitting[st]] = outputs[st];
            }
        }
        int[] delta = new int[denseLimit];
        int[] chain = new int[4 * chains];
        for (int s = 0; s < nodes; s++) {
            // a separator after a separator changes nothing: stay, and emit nothing new
            int onSpace = afterSpace[s] ? code[s]
                    : target(move(go, fail, children, childColumn, start, width, s, space), code, outputs, emitting);
            if (code[s] < denseLimit) {
                for (int col = 0; col < width; col++) {
                    delta[code[s] + col] = col == space ? onSpace : target(go[s * width + col], code, outputs, emitting);
                }
            } else {
                int at = code[s] - denseLimit;
                boolean leaf = children[s] == 0;
                chain[at] = leaf ? -1 : childColumn[s];
                chain[at + 1] = leaf ? 0 : target(go[s * width + childColumn[s]], code, outputs, emitting);
                chain[at + 2] = onSpace;
                chain[at + 3] = code[fail[s]];
            }
        }
        SparseAutomaton sparse = beyond.isEmpty() ? null : SparseAutomaton.build(beyond, Arrays.copyOf(beyondIds, beyond.size()));
        return new PhraseAutomaton(columns, delta, chain, nodes, emittingState, emittingIds, code[start], phrases.size(), sparse,
                positional.clone());
    }

    /**
     * The automaton's move from {@code state} on {@code column} while building: the trie's child, else the
     * dense row, else (a chain state, whose row is not filled) the failure state's move.
     */
    private static int move(int[] go, int[] fail, int[] children, int[] childColumn, int start, int width, int state, int column) {
        int s = state;
        while (isChain(s, start, children)) {
            if (children[s] == 1 && childColumn[s] == column) {
                return go[s * width + column];
            }
            s = fail[s];
        }
        return go[s * width + column];
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** Whether a trie node is kept as a chain state: one child or none, and neither the root nor the start. */
    private static boolean isChain(int state, int start, int[] children) {
        return state != 0 && state != start && children[state] <= 1;
    }

    /** The encoded transition into {@code next}: its code, or the complement of its emitting index. */
    private static int target(int next, int[] code, int[][] outputs, int[] emitting) {
        return outputs[next] == null ? code[next] : ~emitting[next];
    }

    /**
     * The transition alphabet of the dense table, whose phrases are ASCII: column 0 for characters no
     * phrase has, then one column per character the phrases use.
     */
    private static final class Columns {
        final byte[] ascii = new byte[128];
        final int count;
        final int ipColumn;

        private Columns(List<String> phrases) {
            int next = 1;
            byte[] folded = new byte[128];
            for (String p : phrases) {
                for (int i = 0; i < p.length(); i++) {
                    char c = p.charAt(i);
                    if (c >= 128) {
                        throw new IllegalArgumentException("the dense table takes ASCII phrases only: " + p);
                    }
                    if (folded[c] == 0) {
                        folded[c] = (byte) next++;
                    }
                }
            }
            for (char c = 0; c < 128; c++) {
                ascii[c] = folded[ASCII[c]];
            }
            ipColumn = folded[IP_WORD];
            count = next;
        }

        static Columns of(List<String> phrases) {
            return new Columns(phrases);
        }

        /** The column of a character as it appears in a normalized phrase (already folded). */
        int of(char c) {
            return c == IP_WORD ? ipColumn : ascii[c];
        }
    }

    static int[] append(int[] a, int id) {
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

    /** The number of states of the dense table and of the sparse automaton, for memory accounting. */
    public int stateCount() {
        return asciiStates + (beyondAscii == null ? 0 : beyondAscii.stateCount());
    }

    /**
     * The phrases found in one scan: the distinct ids in the order first found (with a bit set for
     * membership once there are more than a few of them), and, for the phrases of AND alternatives (whose phrases must stand
     * close together), every occurrence with the offset where it ends. Allocated only when a phrase
     * occurs.
     */
    public static final class Hits {
        // a reply holds a few dozen phrase occurrences; past this many the text is not a reply, and
        // proximity is judged on the first ones only, so memory stays bounded whatever the text
        static final int MAX_OCCURRENCES = 4096;
        private static final int[] NO_OCCURRENCES = new int[0];
        // a reply finds a handful of distinct phrases: up to this many, membership is a look along ids,
        // and the bit set over every phrase (a few hundred bytes to clear) is not allocated
        private static final int FEW = 16;
        // past this many entries an array is not kept for the thread's next scan: a long text's arrays go with it
        private static final int KEPT = 256;
        private final int phraseCount;
        // the bit set over every phrase, in use once more than FEW were found (kept, cleared, between scans)
        private long[] seen;
        private boolean manyIds;
        private int[] ids = new int[FEW];
        // one bit per id modulo 64 for the ids found so far: a clear bit says an id is new without a look along them
        private long filter;
        private int count;
        // occurrences in text order: phrase id and the offset (in the lines joined by one space) of its end;
        // allocated when the first phrase of an AND alternative occurs
        private int[] occurrenceIds = NO_OCCURRENCES;
        private int[] occurrenceEnds = NO_OCCURRENCES;
        private int occurrences;
        // the latest start of each part of the alternative that near() is checking, reused between checks
        private int[] lastStart = NO_OCCURRENCES;
        private List<String> lines;
        // where each line starts in the joined text; computed when a proximity check first needs it
        private int[] lineStarts;
        // per phrase id: whether the phrase is part of an AND alternative, so its positions matter
        private final boolean[] positional;

        Hits(int phraseCount, List<String> lines, boolean[] positional) {
            this.phraseCount = phraseCount;
            this.lines = lines;
            this.positional = positional;
        }

        /** Empties these hits for a scan of {@code lines} by the same thread, keeping arrays of a reply's size. */
        private Hits reset(List<String> lines) {
            this.lines = lines;
            lineStarts = null;
            if (manyIds) {
                for (int i = 0; i < count; i++) {
                    seen[ids[i] >>> 6] = 0;
                }
                manyIds = false;
            }
            if (ids.length > KEPT) {
                ids = new int[FEW];
            }
            count = 0;
            filter = 0;
            if (occurrenceIds.length > KEPT) {
                occurrenceIds = NO_OCCURRENCES;
                occurrenceEnds = NO_OCCURRENCES;
            }
            occurrences = 0;
            return this;
        }

        void add(int id, int end) {
            if (!positional[id] || occurrences == MAX_OCCURRENCES) {
                addId(id);
                return;
            }
            if (occurrences == occurrenceIds.length) {
                occurrenceIds = Arrays.copyOf(occurrenceIds, Math.max(16, occurrences * 2));
                occurrenceEnds = Arrays.copyOf(occurrenceEnds, Math.max(16, occurrences * 2));
            }
            occurrenceIds[occurrences] = id;
            occurrenceEnds[occurrences++] = end;
            addId(id);
        }

        private void addId(int id) {
            if (!manyIds) {
                long bit = 1L << id;
                if ((filter & bit) != 0 && indexOf(ids, count, id) >= 0) {
                    return;
                }
                filter |= bit;
                if (count == FEW) {
                    manyIds = true;
                    if (seen == null) {
                        seen = new long[(phraseCount + 63) >>> 6];
                    }
                    for (int i = 0; i < count; i++) {
                        seen[ids[i] >>> 6] |= 1L << ids[i];
                    }
                    seen[id >>> 6] |= 1L << id;
                }
            } else {
                int word = id >>> 6;
                long bit = 1L << id;
                if ((seen[word] & bit) != 0) {
                    return;
                }
                seen[word] |= bit;
            }
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, count * 2);
            }
            ids[count++] = id;
        }

        int occurrences() {
            return occurrences;
        }

        /** Puts the occurrences back in text order after a second pass added some. */
        void sortOccurrences() {
            long[] keyed = new long[occurrences];
            for (int i = 0; i < occurrences; i++) {
                keyed[i] = ((long) occurrenceEnds[i] << 32) | (occurrenceIds[i] & 0xffffffffL);
            }
            Arrays.sort(keyed);
            for (int i = 0; i < occurrences; i++) {
                occurrenceEnds[i] = (int) (keyed[i] >>> 32);
                occurrenceIds[i] = (int) keyed[i];
            }
        }

        /** Whether the phrase with this id occurred. */
        public boolean contains(int id) {
            return !manyIds ? (filter & (1L << id)) != 0 && indexOf(ids, count, id) >= 0 : (seen[id >>> 6] & (1L << id)) != 0;
        }

        /** How many distinct phrases occurred. */
        public int count() {
            return count;
        }

        /** The id of the i-th distinct phrase found. */
        public int id(int i) {
            return ids[i];
        }

        /**
         * Whether every phrase in {@code phraseIds[partsFrom, partsTo)} occurs within one stretch of text at most
         * {@code window} characters long that no sentence or clause break crosses. Looks, at each
         * occurrence of one of the phrases, at the latest occurrence of each other one: the tightest
         * window ending there. Time: occurrences × phrases.
         *
         * @param lengths the normalized length of each phrase, at the same index as its id, to find where an
         *     occurrence starts
         */
        public boolean near(int[] phraseIds, int[] lengths, int partsFrom, int partsTo, int window) {
            int k = partsTo - partsFrom;
            if (lastStart.length < k) {
                lastStart = new int[k];
            }
            int[] lastStart = this.lastStart;
            Arrays.fill(lastStart, 0, k, -1);
            for (int o = 0; o < occurrences; o++) {
                int id = occurrenceIds[o];
                int part = indexOf(phraseIds, partsFrom, partsTo, id);
                if (part < 0) {
                    continue;
                }
                int end = occurrenceEnds[o];
                lastStart[part] = Math.max(0, end - lengths[partsFrom + part] + 1);
                int from = end;
                boolean all = true;
                for (int p = 0; p < k; p++) {
                    if (lastStart[p] < 0) {
                        all = false;
                        break;
                    }
                    from = Math.min(from, lastStart[p]);
                }
                if (all && (end - from < window || end - from - addressSlack(from, end, window) < window) && !breakBetween(from, end)) {
                    return true;
                }
            }
            return false;
        }

        // where v is in a[from, to), counted from `from`, or -1
        private static int indexOf(int[] a, int from, int to, int v) {
            for (int i = from; i < to; i++) {
                if (a[i] == v) {
                    return i - from;
                }
            }
            return -1;
        }

        private static int indexOf(int[] a, int length, int v) {
            for (int i = 0; i < length; i++) {
                if (a[i] == v) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * How much shorter {@code [from, to)} is when each e-mail address inside it counts as one character,
         * as the scan reads it: a long address ("first.last+tag@mail.example.co.uk") stands between the
         * parts of a reason no more than "bob@example.com" does. Looks only inside the span, and only at a
         * span a few windows long, so that a text full of addresses costs no more than linear time.
         */
        private int addressSlack(int from, int to, int window) {
            if (to - from > 4 * window) {
                return 0;
            }
            fillLineStarts();
            int slack = 0;
            for (int line = lineAt(from); line < lines.size() && lineStarts[line] < to; line++) {
                String s = lines.get(line);
                int start = lineStarts[line];
                int a = Math.max(from - start, 0);
                int b = Math.min(to - start, s.length());
                for (int at = s.indexOf('@', a); at >= 0 && at < b; at = s.indexOf('@', at + 1)) {
                    // the same address the scan reads as one space, if it lies inside the span: one cut by the
                    // span's edge is not known whole
                    int first = addressStart(s, at, a);
                    int last = addressEnd(s, at, b);
                    if ((first > a || a == 0 || beginsAfter(s.charAt(a - 1))) && (last < b || last == s.length())) {
                        slack += last - first - 1;
                    }
                    at = last;
                }
            }
            return slack;
        }

        private void fillLineStarts() {
            if (lineStarts == null) {
                lineStarts = new int[lines.size() + 1];
                for (int i = 1; i <= lines.size(); i++) {
                    lineStarts[i] = lineStarts[i - 1] + lines.get(i - 1).length() + 1;
                }
            }
        }

        private int lineAt(int offset) {
            int line = Arrays.binarySearch(lineStarts, 0, lines.size(), offset);
            return line < 0 ? -line - 2 : line;
        }

        /** Whether a sentence or clause ends between two offsets: '.', ';', '!' or '?' before white space. */
        private boolean breakBetween(int from, int to) {
            fillLineStarts();
            for (int line = lineAt(from); line < lines.size(); line++) {
                int start = lineStarts[line];
                if (start > to) {
                    break;
                }
                String s = lines.get(line);
                int a = Math.max(from - start, 0);
                int b = Math.min(to - start, s.length());
                for (int i = a; i < b; i++) {
                    char c = s.charAt(i);
                    if ((c == '.' || c == ';' || c == '!' || c == '?') && (i + 1 >= s.length() || Character.isWhitespace(s.charAt(i + 1)))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * Scans text lines (joined by spaces) and returns which phrases occur, or null when none does.
     */
    public @Nullable Hits scan(List<String> lines) {
        return scan(lines, 0);
    }

    /**
     * Finds the phrases in {@code lines}, the first {@code proseLines} of which are a relay's or a client's
     * own prose before the reply it quotes ("host mx.spamfilter.example.net said:"): in those, a host name
     * reads as one space like an address, so that a relay's host called "spamfilter" or "relay" says
     * nothing. In the reply itself a name may be what the server talks about (a blocklist's, a help page's).
     */
    public @Nullable Hits scan(List<String> lines, int proseLines) {
        return scan(new Scan(), lines, proseLines);
    }

    /**
     * {@link #scan(List, int)} into this thread's own hits, emptied first: what it returns is valid until the
     * thread's next call. Saves the hits' allocation (arrays that grow with the phrases found) on every reply.
     */
    public @Nullable Hits scanReusing(List<String> lines, int proseLines) {
        return scan(reusable.get(), lines, proseLines);
    }

    private @Nullable Hits scan(Scan scan, List<String> lines, int proseLines) {
        scan.reset(startState, lines, proseLines);
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k);
            // e-mail addresses are data, not wording: their words ("blocked@", "spam-reports@") never match
            int[] addresses = ranges(line, k, proseLines);
            // an IPv4 literal reads as one word, IP_WORD, when a phrase asks for one
            int[] literals = ipColumn == 0 ? NO_RANGES : ipRanges(line, addresses);
            if (addresses.length == 0 && literals.length == 0) {
                scanRange(scan, line, 0, line.length());
            } else {
                int from = 0;
                int a = 0;
                int l = 0;
                while (a < addresses.length || l < literals.length) {
                    boolean address = l >= literals.length || a < addresses.length && addresses[a] < literals[l];
                    int start = address ? addresses[a] : literals[l];
                    scanRange(scan, line, from, start);
                    if (address) {
                        step(scan, spaceColumn, start); // the whole address reads as one space
                        from = addresses[a + 1];
                        a += 2;
                    } else {
                        step(scan, ipColumn, literals[l + 1] - 1);
                        from = literals[l + 1];
                        l += 2;
                    }
                }
                scanRange(scan, line, from, line.length());
            }
            step(scan, spaceColumn, line.length());
            scan.nextLine(line.length());
        }
        if (scan.beyondAscii && beyondAscii != null) {
            scanBeyondAscii(lines, scan);
        }
        return scan.found ? scan.seen : null;
    }

    /**
     * The second pass, for phrases beyond ASCII: same folding, same address masking, same offsets. Every
     * such phrase holds a character beyond ASCII, so an occurrence lies within {@code longestPhrase}
     * normalized characters of a line that has one: only those lines are read, each group of them with
     * enough lines before and after (counted in letters and digits, which a separator run never
     * inflates), starting as after a separator. A long reply with one accented word is read twice only
     * around that word.
     */
    private void scanBeyondAscii(List<String> lines, Scan scan) {
        int n = lines.size();
        int[][] masked = new int[n][];
        int[] letters = new int[n];
        Arrays.fill(letters, -1);
        int reach = beyondAscii.longestPhrase();
        boolean[] read = new boolean[n];
        for (int k = 0; k < n; k++) {
            if (scan.beyondAsciiAt(k)) {
                read[k] = true;
                for (int j = k - 1, seen = 0; j >= 0 && seen < reach; seen += letters(lines, j--, masked, letters, scan.proseLines)) {
                    read[j] = true;
                }
                for (int j = k + 1, seen = 0; j < n && seen < reach; seen += letters(lines, j++, masked, letters, scan.proseLines)) {
                    read[j] = true;
                }
            }
        }
        int before = scan.found ? scan.seen.occurrences() : 0;
        scan.base = 0;
        SparseAutomaton.Cursor cursor = null;
        for (int k = 0; k < n; k++) {
            String line = lines.get(k);
            if (!read[k]) {
                cursor = null;
                scan.base += line.length() + 1;
                continue;
            }
            if (cursor == null) {
                cursor = beyondAscii.start();
            }
            if (masked[k] == null) {
                masked[k] = ranges(line, k, scan.proseLines);
            }
            int m = 0;
            for (int i = 0; i < line.length(); i++) {
                char f;
                if (m < masked[k].length && i >= masked[k][m]) {
                    f = SPACE;
                    i = masked[k][m + 1] - 1;
                    m += 2;
                } else {
                    f = fold(line.charAt(i));
                    if (f != SPACE && beyondAscii.skipAtRoot(cursor, f)) {
                        continue;
                    }
                }
                int[] out = beyondAscii.next(cursor, f);
                if (out != null) {
                    scan.markIds(out, i);
                }
            }
            int[] out = beyondAscii.next(cursor, SPACE);
            if (out != null) {
                scan.markIds(out, line.length());
            }
            scan.base += line.length() + 1;
        }
        if (scan.found && before > 0 && scan.seen.occurrences() > before) {
            scan.seen.sortOccurrences();
        }
    }

    /** The letters and digits of line {@code k} outside e-mail addresses, counted once. */
    private static int letters(List<String> lines, int k, int[][] masked, int[] letters, int proseLines) {
        if (letters[k] < 0) {
            String line = lines.get(k);
            masked[k] = ranges(line, k, proseLines);
            int count = 0;
            int m = 0;
            for (int i = 0; i < line.length(); i++) {
                if (m < masked[k].length && i >= masked[k][m]) {
                    i = masked[k][m + 1] - 1;
                    m += 2;
                } else if (fold(line.charAt(i)) != SPACE) {
                    count++;
                }
            }
            letters[k] = count;
        }
        return letters[k];
    }

    private static final int[] NO_RANGES = new int[0];

    /** Where a scan is: the current state (encoded), the offset of the current line and the phrases found so far. */
    private final class Scan {
        int state;
        int base;
        List<String> lines = List.of();
        // the hits, once a phrase was found in this scan; a reused scan keeps its last hits to empty and fill again
        @Nullable Hits seen;
        boolean found;
        boolean beyondAscii;
        // the lines before the reply's own, where host names read as one space
        int proseLines;

        void reset(int state, List<String> lines, int proseLines) {
            this.state = state;
            this.lines = lines;
            this.proseLines = proseLines;
            base = 0;
            line = 0;
            found = false;
            beyondAscii = false;
            beyondLines = null;
        }

        // the lines (by index) with letters or digits beyond ASCII outside addresses, found by the first pass
        private long[] beyondLines;
        private int line;

        void nextLine(int length) {
            base += length + 1;
            line++;
        }

        void lineBeyondAscii() {
            beyondAscii = true;
            if (beyondLines == null) {
                beyondLines = new long[(lines.size() + 63) >>> 6];
            }
            beyondLines[line >>> 6] |= 1L << line;
        }

        boolean beyondAsciiAt(int k) {
            return beyondLines != null && (beyondLines[k >>> 6] & (1L << k)) != 0;
        }

        /** Adds the phrases that end at {@code index} of the current line. */
        void markIds(int[] ids, int index) {
            if (!found) {
                seen = seen == null ? new Hits(patternCount, lines, positional) : seen.reset(lines);
                found = true;
            }
            for (int id : ids) {
                seen.add(id, base + index);
            }
        }
    }

    private void scanRange(Scan scan, String line, int from, int to) {
        int state = scan.state;
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (state == 0 && c < 128 && staysAtRoot[c]) {
                continue;
            }
            int column;
            if (c < 128) {
                column = asciiColumn[c];
            } else {
                // the dense table holds ASCII phrases only: beyond ASCII, a character is a separator, a
                // letter that folds to ASCII, or one no phrase of this table has (column 0)
                char f = fold(c);
                column = f < 128 ? asciiColumn[f] : 0;
                // only letters and digits beyond ASCII can start a phrase of the second pass (tested on the
                // character itself: in a table without ASCII letters, "no phrase has it" is the separator's column)
                if (f != SPACE) {
                    scan.lineBeyondAscii();
                }
            }
            int next = state < denseLimit ? delta[state + column] : chainStep(state, column);
            if (next < 0) {
                scan.markIds(emittingIds[~next], i);
                next = emittingState[~next];
            }
            state = next;
        }
        scan.state = state;
    }

    private void step(Scan scan, int column, int index) {
        int state = scan.state;
        int next = state < denseLimit ? delta[state + column] : chainStep(state, column);
        if (next < 0) {
            scan.markIds(emittingIds[~next], index);
            next = emittingState[~next];
        }
        scan.state = next;
    }

    /**
     * The transition of a chain state: on along the phrase, to the separator's target, or else what the
     * failure state does on that column (the failure states' depth falls, so the walk is short).
     */
    private int chainStep(int state, int column) {
        int at = state - denseLimit;
        if (column == chain[at]) {
            return chain[at + 1];
        }
        if (column == spaceColumn) {
            return chain[at + 2];
        }
        int fail = chain[at + 3];
        while (fail >= denseLimit) {
            at = fail - denseLimit;
            if (column == chain[at]) {
                return chain[at + 1];
            }
            fail = chain[at + 3];
        }
        return delta[fail + column];
    }

    private static final boolean[] TOKEN_END = new boolean[128];

    static {
        for (char c : " \t\r\n<>()[]{}\"',;".toCharArray()) {
            TOKEN_END[c] = true;
        }
    }

    private static boolean endsToken(char c) {
        // beyond ASCII, letters and digits may belong to an internationalized address; punctuation (a
        // full-width colon or comma, "用户不存在：bob@…") and white space end it like their ASCII kin
        return c < 128 ? TOKEN_END[c] : !Character.isLetterOrDigit(c);
    }

    // what reads as one space in line k: addresses, and host names in a relay's prose or where a server names
    // itself
    private static int[] ranges(String line, int k, int proseLines) {
        int[] data = dataRanges(line, k < proseLines);
        int[] ids = idRanges(line);
        return ids.length == 0 ? data : union(data, ids);
    }

    /**
     * The [start, end) ranges of the message's queue identifier as a server announces it — "queue id 8C2F31A04E",
     * "Queue-ID: 4Xyz1", "queue_id: 4Xyz1", "queued as 4XyZ" — as a flat array. The word "queue" there names the
     * message, not the server's queue: read as words, "(queue id …)" after "does not have enough space" made the
     * server's queue full, and after "connect to" its queue unreachable. An identifier is a run of at least four
     * letters and digits holding a digit.
     */
    static int[] idRanges(String line) {
        int lower = line.indexOf("ueue");
        int upper = line.indexOf("UEUE");
        if (lower < 0 && upper < 0) {
            return NO_RANGES;
        }
        int q = lower < 0 ? upper : upper < 0 ? lower : Math.min(lower, upper);
        int[] ranges = NO_RANGES;
        int count = 0;
        int n = line.length();
        for (int p = Math.max(0, q - 1); p + 5 <= n; p++) {
            if ((line.charAt(p) | 0x20) != 'q' || !line.regionMatches(true, p, "queue", 0, 5)
                    || p > 0 && Character.isLetterOrDigit(line.charAt(p - 1))) {
                continue;
            }
            int j = p + 5;
            if (j < n && (line.charAt(j) | 0x20) == 'd') { // "queued as 4XyZ"
                j = spaces(line, j + 1);
                j = j > p + 6 && line.regionMatches(true, j, "as", 0, 2) ? spaces(line, j + 2) : -1;
                if (j > 0 && j == p + 6) {
                    j = -1; // "queuedas": no space, no announcement
                }
            } else { // "queue id", "queue-id", "queue_id", "queueid", then ':', '=' or '#'
                if (j < n && (line.charAt(j) == ' ' || line.charAt(j) == '-' || line.charAt(j) == '_')) {
                    j++;
                }
                j = line.regionMatches(true, j, "id", 0, 2) ? j + 2 : -1;
                while (j > 0 && j < n && (line.charAt(j) == ' ' || line.charAt(j) == ':' || line.charAt(j) == '=' || line.charAt(j) == '#')) {
                    j++;
                }
            }
            int end = j < 0 ? -1 : identifierEnd(line, j);
            if (end > 0) {
                if (count == ranges.length) {
                    ranges = Arrays.copyOf(ranges, Math.max(4, count * 2));
                }
                ranges[count++] = p;
                ranges[count++] = end;
                p = end - 1;
            }
        }
        return count == ranges.length ? ranges : Arrays.copyOf(ranges, count);
    }

    private static int spaces(String line, int at) {
        while (at < line.length() && line.charAt(at) == ' ') {
            at++;
        }
        return at;
    }

    // where the identifier starting at `at` ends: ASCII letters and digits, at least four, a digit among them, not
    // glued to more of a word; -1 for anything else ("queue id is missing")
    private static int identifierEnd(String line, int at) {
        int end = at;
        boolean digit = false;
        while (end < line.length() && line.charAt(end) < 128 && Character.isLetterOrDigit(line.charAt(end))) {
            digit |= Character.isDigit(line.charAt(end));
            end++;
        }
        return end - at >= 4 && digit && (end == line.length() || !Character.isLetterOrDigit(line.charAt(end))) ? end : -1;
    }

    // two sorted lists of [start, end) ranges as one, sorted; overlapping ranges joined
    static int[] union(int[] a, int[] b) {
        int[] r = new int[a.length + b.length];
        int count = 0;
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            boolean takeA = j >= b.length || i < a.length && a[i] <= b[j];
            int start = takeA ? a[i] : b[j];
            int end = takeA ? a[i + 1] : b[j + 1];
            if (takeA) {
                i += 2;
            } else {
                j += 2;
            }
            if (count > 0 && start <= r[count - 1]) {
                r[count - 1] = Math.max(r[count - 1], end);
            } else {
                r[count++] = start;
                r[count++] = end;
            }
        }
        return count == r.length ? r : Arrays.copyOf(r, count);
    }

    /**
     * The ranges of {@code line} that name someone or something rather than say what happened, each read
     * as one space: e-mail addresses and host names ("mx.spamfilter.example.net", "smtp-relay.gmail.com").
     * A relay's host is often called "spamfilter", "relay" or "bounce"; its labels are not the server's
     * words.
     */
    static int[] dataRanges(String line) {
        return dataRanges(line, true);
    }

    /**
     * As {@link #dataRanges(String)}, with host names only where a server writes its own name when
     * {@code everywhere} is false: as a line's first word ("554 mx.example.net ESMTP not accepting
     * messages") or in square brackets ("User unknown [mx1.example.net]"). Elsewhere in a reply a name may
     * be what the server talks about ("blocked using zen.spamhaus.org") and stays words.
     */
    static int[] dataRanges(String line, boolean everywhere) {
        boolean at = line.indexOf('@') >= 0;
        // where a server names itself, a name is the first word or follows a '[': most lines have neither
        int dot = everywhere ? line.indexOf('.') : firstWordHasDot(line) || line.indexOf('[') >= 0 ? 0 : -1;
        if (!at && dot < 0) {
            return NO_RANGES;
        }
        int[] addresses = at ? addressRanges(line) : NO_RANGES;
        if (dot < 0) {
            return addresses;
        }
        int[] ranges = null;
        int count = 0;
        int a = 0;
        int n = line.length();
        // where a name may start: around every dot, or only first in the line and after a '['
        int from = everywhere ? nameStart(line, dot) : 0;
        while (from >= 0 && from < n) {
            int run = runEnd(line, from);
            int end = run > from && isHostName(line, from, run) ? run : -1;
            boolean named = end > 0 && (everywhere || from == 0 || end < n && line.charAt(end) == ']');
            if (named) {
                while (a < addresses.length && addresses[a + 1] <= from) {
                    ranges = add(ranges, count, addresses[a], addresses[a + 1]);
                    count += 2;
                    a += 2;
                }
                if (!(a < addresses.length && addresses[a] < end)) {
                    ranges = add(ranges, count, from, end);
                    count += 2;
                }
            }
            // past the whole run of name characters and dots: a name starting inside it follows a dot or a
            // letter of the same run, a link's path or a longer name, never a host of its own
            int next = Math.max(from + 1, Math.abs(run));
            if (everywhere) {
                int d = next < n ? line.indexOf('.', next) : -1;
                from = d < 0 ? -1 : nameStart(line, d);
                if (from >= 0 && from < next) {
                    from = next;
                }
            } else {
                int bracket = next < n ? line.indexOf('[', next) : -1;
                from = bracket < 0 ? -1 : bracket + 1;
            }
        }
        if (ranges == null) {
            return addresses;
        }
        while (a < addresses.length) {
            ranges = add(ranges, count, addresses[a], addresses[a + 1]);
            count += 2;
            a += 2;
        }
        return Arrays.copyOf(ranges, count);
    }

    private static boolean firstWordHasDot(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '.') {
                return i > 0;
            }
            if (!isNameChar(c)) {
                return false;
            }
        }
        return false;
    }

    // where the run of name characters around the dot at `dot` starts
    private static int nameStart(String line, int dot) {
        int start = dot;
        while (start > 0 && isNameChar(line.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    // where the run of name characters joined by single dots that starts at `start` ends, negated (-end) when it
    // holds no dot, so is no name
    private static int runEnd(String line, int start) {
        int n = line.length();
        int end = start;
        boolean dot = false;
        while (end < n && (isNameChar(line.charAt(end)) || line.charAt(end) == '.' && end > start && end + 1 < n && isNameChar(line.charAt(end + 1)))) {
            dot |= line.charAt(end) == '.';
            end++;
        }
        return dot ? end : -end;
    }

    private static int[] add(int[] ranges, int count, int start, int end) {
        int[] r = ranges == null ? new int[8] : count == ranges.length ? Arrays.copyOf(ranges, count * 2) : ranges;
        r[count] = start;
        r[count + 1] = end;
        return r;
    }

    private static boolean isNameChar(char c) {
        return c < 128 && NAME_CHAR[c];
    }

    // ASCII letters, digits and '-': a lookup where Character.isLetterOrDigit asks its tables
    private static final boolean[] NAME_CHAR = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            NAME_CHAR[c] = Character.isLetterOrDigit(c) || c == '-';
        }
    }

    // the generic top-level domains mail hosts use most, and the reserved ones of examples; every two-letter
    // label is a country's
    private static final Set<String> TOP_LEVEL = Set.of("com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "name",
            "pro", "app", "dev", "cloud", "email", "online", "site", "xyz", "top", "club", "shop", "tech", "local", "lan", "internal",
            "arpa", "example", "test", "invalid", "localhost", "mail", "host", "space", "zone", "network", "systems", "services");

    // file names and sentences run together are not hosts
    private static final Set<String> FILE_EXTENSIONS = Set.of("exe", "zip", "html", "htm", "php", "asp", "aspx",
            "pdf", "doc", "docx", "xls", "xlsx", "ppt", "js", "scr", "bat", "cmd", "vbs", "jar", "txt", "rar", "iso", "img", "msi",
            "lnk", "hta", "cab", "gz", "tgz", "eml", "ics", "svg", "png", "jpg", "jpeg", "gif", "cgi", "pl", "py", "rb", "java", "conf",
            "cf", "db", "log", "json", "xml", "yml", "yaml", "sh", "c", "h");

    /**
     * Whether {@code line[start, end)} (letters, digits and hyphens joined by dots) is a host name: its last
     * label is letters only, two or more, not a file's extension, and not a capitalized word that begins a
     * sentence run on without a space ("rejected.Please"); not part of a link's path or query.
     */
    private static boolean isHostName(String line, int start, int end) {
        if (start > 0) {
            char before = line.charAt(start - 1);
            if ((before == '/' && !(start > 1 && line.charAt(start - 2) == '/')) || before == '?' || before == '=' || before == '&'
                    || before == '\\' || before == '.') {
                return false;
            }
        }
        int lastDot = line.lastIndexOf('.', end - 1);
        if (lastDot < start || end - lastDot - 1 < 2) {
            return false;
        }
        boolean upper = false;
        boolean lower = false;
        for (int i = lastDot + 1; i < end; i++) {
            char c = line.charAt(i);
            if (!Character.isLetter(c)) {
                return false;
            }
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
        }
        int labels = 0;
        for (int i = start; i < end; i++) {
            labels += line.charAt(i) == '.' ? 1 : 0;
        }
        if (upper && lower) {
            return false; // "rejected.Please", "java.net.SocketTimeoutException", "RESOLVER.RST.NotAuthorized"
        }
        int length = end - lastDot - 1;
        if (length > 9) {
            return false; // "authorization.failed" and "socket.gaierror" below
        }
        // the last label as a number (five bits a letter, at most nine letters): no string made for the lookups
        long last = labelKey(line, lastDot + 1, end);
        if (length > 2 && Arrays.binarySearch(TOP_LEVEL_KEYS, last) < 0) {
            return false;
        }
        // a lone label before the dot that is one letter ("e.g", "U.S") is an abbreviation
        if (labels == 1 && line.indexOf('.', start) - start < 2) {
            return false;
        }
        return Arrays.binarySearch(FILE_EXTENSION_KEYS, last) < 0;
    }

    private static final long[] TOP_LEVEL_KEYS = labelKeys(TOP_LEVEL);
    private static final long[] FILE_EXTENSION_KEYS = labelKeys(FILE_EXTENSIONS);

    // ASCII letters only, at most nine of them (isHostName has checked both)
    private static long labelKey(String s, int start, int end) {
        long key = 0;
        for (int i = start; i < end; i++) {
            key = key << 5 | (s.charAt(i) | 0x20) - 'a' + 1;
        }
        return key;
    }

    private static long[] labelKeys(Set<String> labels) {
        return labels.stream().mapToLong(l -> labelKey(l, 0, l.length())).sorted().toArray();
    }

    /**
     * The [start, end) ranges of tokens holding an '@', as a flat array. Tokens end at white space,
     * brackets, quotes, commas and semicolons. Only the addresses themselves are read, from each '@'
     * outwards, so a line without addresses costs one {@code indexOf}.
     */
    static int[] addressRanges(String line) {
        int[] ranges = new int[4];
        int count = 0;
        int n = line.length();
        int at = line.indexOf('@');
        while (at >= 0) {
            int start = addressStart(line, at, 0);
            int end = addressEnd(line, at, n);
            if (count == ranges.length) {
                ranges = Arrays.copyOf(ranges, count * 2);
            }
            ranges[count++] = start;
            ranges[count++] = end;
            at = end < n ? line.indexOf('@', end) : -1;
        }
        return Arrays.copyOf(ranges, count);
    }

    // where the address around the '@' at `at` starts, looking no further back than `floor`: an address given
    // as a URL's query value ("why.html?sender=bob@example.com&ip=…") starts after the '?' or '&': the link
    // before it is words ("openspf"), not part of the address
    private static int addressStart(String line, int at, int floor) {
        int start = at;
        while (start > floor && !beginsAfter(line.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    // whether an address begins after c: a token's end, a URL query's '?' or '&', or a colon that glues it to the
    // words before ("User not found:bob@example.com", "mailto:bob@example.com")
    private static boolean beginsAfter(char c) {
        return endsToken(c) || c == '?' || c == '&' || c == ':';
    }

    // where the address around the '@' at `at` ends, looking no further than `ceiling`
    private static int addressEnd(String line, int at, int ceiling) {
        int end = at + 1;
        while (end < ceiling && !endsToken(line.charAt(end))) {
            end++;
        }
        return end;
    }

    /**
     * The [start, end) ranges of the IPv4 literals outside {@code addresses}, as a flat array. Looks only at
     * the line's dots with a digit on each side, so a line without any costs an {@code indexOf} or two.
     */
    static int[] ipRanges(String line, int[] addresses) {
        int[] ranges = NO_RANGES;
        int count = 0;
        int n = line.length();
        int dot = line.indexOf('.');
        while (dot > 0 && dot + 1 < n) {
            int next = dot + 1;
            if (isDigit(line.charAt(dot - 1)) && isDigit(line.charAt(dot + 1))) {
                int start = dot - 1;
                while (start > 0 && isDigit(line.charAt(start - 1)) && dot - start < 3) {
                    start--;
                }
                int end = startsWord(line, start) ? literalEnd(line, start) : -1;
                if (end > 0 && !insideAny(addresses, start)) {
                    if (count == ranges.length) {
                        ranges = Arrays.copyOf(ranges, Math.max(4, count * 2));
                    }
                    ranges[count++] = start;
                    ranges[count++] = end;
                    next = end;
                }
            }
            dot = next < n ? line.indexOf('.', next) : -1;
        }
        return count == ranges.length ? ranges : Arrays.copyOf(ranges, count);
    }

    /** Whether a word starts at {@code i}: the line's start, or after a separator other than a dot. */
    private static boolean startsWord(String line, int i) {
        if (i == 0) {
            return true;
        }
        char before = line.charAt(i - 1);
        return before != '.' && fold(before) == SPACE;
    }

    private static boolean insideAny(int[] ranges, int at) {
        for (int r = 0; r < ranges.length; r += 2) {
            if (at >= ranges[r] && at < ranges[r + 1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the IPv4 literal ({@code 192.0.2.1}: four numbers up to 255 joined by single dots, not glued to
     * a word or a longer dotted name) that starts at {@code start} ends, or -1 when none starts there.
     */
    static int literalEnd(String line, int start) {
        int n = line.length();
        int i = start;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (i >= n || line.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
            int value = 0;
            int digits = 0;
            while (i < n && isDigit(line.charAt(i)) && digits < 4) {
                value = value * 10 + line.charAt(i++) - '0';
                digits++;
            }
            if (digits == 0 || digits > 3 || value > 255) {
                return -1;
            }
        }
        // not followed by more of a word or of a dotted name ("1.2.3.4.5", "1.2.3.4a", "1.2.3.4.example.net")
        if (i < n && (Character.isLetterOrDigit(line.charAt(i))
                || line.charAt(i) == '.' && i + 1 < n && Character.isLetterOrDigit(line.charAt(i + 1)))) {
            return -1;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
