package dev.smtpexplain.core.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aho–Corasick with sorted transition lists and failure links, for the phrases that use characters
 * beyond ASCII (Cyrillic, Han, Devanagari …). Those phrases bring hundreds of distinct characters;
 * as columns of the dense table they would multiply its size for every state, while here each state
 * holds only the transitions it has. The scan runs only on text that has such characters, and stays
 * linear: each character moves forward once and back along failure links at most as often.
 */
final class SparseAutomaton {

    private static final char SPACE = ' ';

    // every state's transitions in two flat arrays, state by state, each state's sorted by character:
    // state s holds [first[s], first[s + 1]). Flat rather than two small arrays a state: the phrases in
    // other scripts bring about ten thousand states, and two objects each cost more than their contents
    private final char[] keys;
    private final int[] targets;
    private final int[] first;
    // per state with more than HASHED transitions (the start of a word has one per first letter of every
    // phrase, hundreds of them): the same transitions in an open-addressing table, looked up in a probe
    // or two where a binary search takes nine unpredictable branches; null for the others
    private final char[][] hashedKeys;
    private final int[][] hashedTargets;
    private static final int HASHED = 8;
    private final int[] fail;
    // per state: the global ids of the phrases that end here, along failure links too; null for none
    private final int[][] outputs;
    // the characters the root has a transition on, as a bit set over all 65,536: most characters of a
    // text in a script the phrases use start no phrase, and this answers for them without a search
    private final long[] fromRoot = new long[1 << 10];
    // the length of the longest phrase: an occurrence spans at most this many normalized characters
    private final int longestPhrase;

    private SparseAutomaton(char[][] keys, int[][] targets, int[] fail, int[][] outputs, int longestPhrase) {
        this.longestPhrase = longestPhrase;
        int n = keys.length;
        this.first = new int[n + 1];
        for (int s = 0; s < n; s++) {
            first[s + 1] = first[s] + keys[s].length;
        }
        this.keys = new char[first[n]];
        this.targets = new int[first[n]];
        for (int s = 0; s < n; s++) {
            System.arraycopy(keys[s], 0, this.keys, first[s], keys[s].length);
            System.arraycopy(targets[s], 0, this.targets, first[s], targets[s].length);
        }
        this.fail = fail;
        this.outputs = outputs;
        this.hashedKeys = new char[n][];
        this.hashedTargets = new int[n][];
        for (int s = 0; s < n; s++) {
            if (keys[s].length > HASHED) {
                // a power of two at least twice the keys: probes stay short; no key is 0, the empty slot
                int size = Integer.highestOneBit(keys[s].length * 4 - 1);
                hashedKeys[s] = new char[size];
                hashedTargets[s] = new int[size];
                for (int k = 0; k < keys[s].length; k++) {
                    int at = slot(keys[s][k], size);
                    while (hashedKeys[s][at] != 0) {
                        at = (at + 1) & (size - 1);
                    }
                    hashedKeys[s][at] = keys[s][k];
                    hashedTargets[s][at] = targets[s][k];
                }
            }
        }
        for (char c : keys[0]) {
            fromRoot[c >>> 6] |= 1L << c;
        }
    }

    /**
     * Builds the automaton for normalized phrases.
     *
     * @param phrases the phrases
     * @param ids the global id of each phrase, reported in hits
     */
    static SparseAutomaton build(List<String> phrases, int[] ids) {
        List<char[]> keyList = new ArrayList<>();
        List<int[]> targetList = new ArrayList<>();
        List<int[]> outList = new ArrayList<>();
        keyList.add(new char[0]);
        targetList.add(new int[0]);
        outList.add(null);
        for (int p = 0; p < phrases.size(); p++) {
            String phrase = phrases.get(p);
            int s = 0;
            for (int i = 0; i < phrase.length(); i++) {
                char c = phrase.charAt(i);
                int next = step(keyList.get(s), targetList.get(s), c);
                if (next < 0) {
                    next = keyList.size();
                    keyList.add(new char[0]);
                    targetList.add(new int[0]);
                    outList.add(null);
                    insert(keyList, targetList, s, c, next);
                }
                s = next;
            }
            outList.set(s, PhraseAutomaton.append(outList.get(s), ids[p]));
        }
        int n = keyList.size();
        char[][] keys = keyList.toArray(char[][]::new);
        int[][] targets = targetList.toArray(int[][]::new);
        int[][] outputs = outList.toArray(int[][]::new);
        int[] fail = new int[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int t : targets[0]) {
            queue.add(t);
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int k = 0; k < keys[s].length; k++) {
                char c = keys[s][k];
                int child = targets[s][k];
                int f = fail[s];
                int to = step(keys[f], targets[f], c);
                while (to < 0 && f != 0) {
                    f = fail[f];
                    to = step(keys[f], targets[f], c);
                }
                fail[child] = to < 0 || to == child ? 0 : to;
                if (outputs[fail[child]] != null) {
                    for (int id : outputs[fail[child]]) {
                        outputs[child] = PhraseAutomaton.append(outputs[child], id);
                    }
                }
                queue.add(child);
            }
        }
        return new SparseAutomaton(keys, targets, fail, outputs, phrases.stream().mapToInt(String::length).max().orElse(0));
    }

    private static void insert(List<char[]> keyList, List<int[]> targetList, int s, char c, int next) {
        char[] k = keyList.get(s);
        int[] t = targetList.get(s);
        int at = -Arrays.binarySearch(k, c) - 1;
        char[] k2 = new char[k.length + 1];
        int[] t2 = new int[t.length + 1];
        System.arraycopy(k, 0, k2, 0, at);
        System.arraycopy(t, 0, t2, 0, at);
        k2[at] = c;
        t2[at] = next;
        System.arraycopy(k, at, k2, at + 1, k.length - at);
        System.arraycopy(t, at, t2, at + 1, t.length - at);
        keyList.set(s, k2);
        targetList.set(s, t2);
    }

    private static int step(char[] keys, int[] targets, char c) {
        int i = Arrays.binarySearch(keys, c);
        return i < 0 ? -1 : targets[i];
    }

    private static int slot(char c, int size) {
        return (c * 0x9E37) >>> 7 & (size - 1);
    }

    /** The move of state {@code s} on {@code c}, or -1. */
    private int step(int s, char c) {
        char[] hashed = hashedKeys[s];
        if (hashed == null) {
            int i = Arrays.binarySearch(keys, first[s], first[s + 1], c);
            return i < 0 ? -1 : targets[i];
        }
        int mask = hashed.length - 1;
        for (int at = slot(c, hashed.length); ; at = (at + 1) & mask) {
            char k = hashed[at];
            if (k == c) {
                return hashedTargets[s][at];
            }
            if (k == 0) {
                return -1;
            }
        }
    }

    /** Whether a phrase starts with this folded character: else the root stays where it is on it. */
    private boolean startsPhrase(char folded) {
        return (fromRoot[folded >>> 6] & (1L << folded)) != 0;
    }

    /** The length of the longest phrase, in normalized characters (runs of separators count as one). */
    int longestPhrase() {
        return longestPhrase;
    }

    /** The number of states, for memory accounting. */
    int stateCount() {
        return first.length - 1;
    }

    /** A scan in progress: the state, and whether the last character read was a space. */
    static final class Cursor {
        int state;
        boolean afterSpace = true;
    }

    /** A cursor at the start of text, which reads as if a space came before it (phrases are framed by spaces). */
    Cursor start() {
        Cursor c = new Cursor();
        int s = step(0, SPACE);
        c.state = s < 0 ? 0 : s;
        return c;
    }

    /**
     * Reads a folded letter or digit that leaves the cursor where it is, at the root, when it does: what
     * {@link #next} would do, without the lookup. Most of a text's ASCII letters are read this way.
     *
     * @return whether the character was read; if not, read it with {@link #next}
     */
    boolean skipAtRoot(Cursor cursor, char folded) {
        if (cursor.state == 0 && !startsPhrase(folded) && outputs[0] == null) {
            cursor.afterSpace = false;
            return true;
        }
        return false;
    }

    /** Reads one folded character (a space folds runs of separators into one); returns the phrases ending here or null. */
    int[] next(Cursor cursor, char folded) {
        if (folded == SPACE) {
            if (cursor.afterSpace) {
                return null;
            }
            cursor.afterSpace = true;
        } else {
            cursor.afterSpace = false;
        }
        int s = cursor.state;
        if (s == 0 && !startsPhrase(folded)) {
            return outputs[0];
        }
        int to = step(s, folded);
        while (to < 0 && s != 0) {
            s = fail[s];
            to = step(s, folded);
        }
        cursor.state = to < 0 ? 0 : to;
        return outputs[cursor.state];
    }
}
