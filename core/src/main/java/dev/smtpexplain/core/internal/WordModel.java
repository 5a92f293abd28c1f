package dev.smtpexplain.core.internal;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.Permanence;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the words of a reply suggest when no rule understood it: a naive Bayes model over the
 * {@link WordFeatures} of the documented replies, counted per category. It answers the replies the
 * rules leave to a code or to nothing, which on wordings no rule had seen were right about one time in
 * three; the words were right about one time in two there (docs/confidence.md, "the word model").
 * Immutable and thread-safe.
 *
 * <p>The model file ({@code words.tsv}) is generated from the documented corpus by
 * {@code WordModelFileTest}; it holds, for each feature seen in at least two replies, how often each
 * category's replies used it. Scoring is the multinomial form with additive smoothing, split so that
 * a reply costs one table lookup per feature plus the few categories that feature was seen with.
 */
public final class WordModel {

    /** Additive smoothing: small, because the documented replies are short and every word counts. */
    static final double ALPHA = 0.1;

    private static final Category[] CATEGORIES = Category.values();
    private static final long NO_ENTRY = 0;
    private static final int FINGERPRINT_SHIFT = 25;
    private static final int PAIR_BITS = 18;
    private static final int COUNT_BITS = 7;

    private final double[] logPrior;
    // the smoothed weight of a feature a category never used: log(alpha / (used_c + alpha * V))
    private final double[] unseen;
    // open addressing on the feature hash, one long per slot: the hash's top 39 bits, where its categories start
    // in the pair arrays (18 bits) and how many (7 bits); 0 is an empty slot, as every feature has a category.
    // One array where a hash and an index took two: 0.125 MiB less at today's 32,768 slots
    private final long[] slots;
    private final byte[] pairCategory;
    // per category a feature was seen with, how often (at most 65,535): two bytes where a weight takes four
    private final char[] pairCount;
    // log(1 + count / alpha) by count: what a feature adds to a category that used it, over `unseen`
    private final float[] weightOfCount;
    private final int mask;

    private WordModel(double[] logPrior, double[] unseen, long[] slots, byte[] pairCategory, char[] pairCount,
            float[] weightOfCount) {
        this.logPrior = logPrior;
        this.unseen = unseen;
        this.slots = slots;
        this.pairCategory = pairCategory;
        this.pairCount = pairCount;
        this.weightOfCount = weightOfCount;
        this.mask = slots.length - 1;
    }

    /**
     * What the words suggest.
     *
     * @param category the most likely category among those the class digit allows
     * @param probability the model's probability for it (naive Bayes overstates it; see docs/confidence.md)
     */
    public record Guess(Category category, double probability) {
    }

    /**
     * Weighs the words of {@code text}.
     *
     * @param text the reply's text
     * @param classDigit the reply's class digit (0 when none): a 4 leaves out permanent categories, a 5
     *     temporary ones
     * @return the guess, or null when none of the words is in the model
     */
    public Guess guess(CharSequence text, int classDigit) {
        return guess(text, classDigit, WordFeatures.NO_WORDS, WordFeatures.NO_WORDS);
    }

    /**
     * Weighs the words of {@code text} other than some, with the reply's code and status: what the rest of a
     * reply says beside words a rule already read ("rejected").
     *
     * @param text the reply's text
     * @param classDigit the reply's class digit (0 when none), as for {@link #guess(CharSequence, int)}
     * @param without the hashes of the words to leave out ({@link WordFeatures#wordHashes})
     * @param reply the hashes of the reply's code and status ({@link WordFeatures#replyHashes}), weighed as words
     * @return the guess, or null when none of the other words is in the model
     */
    public Guess guess(CharSequence text, int classDigit, long[] without, long[] reply) {
        double[] score = new double[CATEGORIES.length];
        int[] known = new int[1];
        WordFeatures.Sink weigh = (hash, start, end) -> {
            long entry = entry(hash);
            if (entry != NO_ENTRY) {
                known[0]++;
                int from = firstPairOf(entry);
                int to = from + pairsOf(entry);
                for (int p = from; p < to; p++) {
                    score[pairCategory[p]] += weightOfCount[pairCount[p]];
                }
            }
        };
        WordFeatures.forEach(text, without, weigh);
        if (known[0] == 0) {
            // a code with no word the model knows is for the code tables to read
            return null;
        }
        for (long hash : reply) {
            weigh.feature(hash, 0, 0);
        }
        int best = -1;
        for (int c = 0; c < score.length; c++) {
            if (!allowed(CATEGORIES[c], classDigit) || logPrior[c] == Double.NEGATIVE_INFINITY) {
                score[c] = Double.NEGATIVE_INFINITY;
                continue;
            }
            score[c] += logPrior[c] + known[0] * unseen[c];
            if (best < 0 || score[c] > score[best]) {
                best = c;
            }
        }
        if (best < 0) {
            // every category the model knows was left out (a 4xx reply to a model of permanent ones only)
            return null;
        }
        double sum = 0;
        for (double s : score) {
            sum += Math.exp(s - score[best]);
        }
        return new Guess(CATEGORIES[best], 1 / sum);
    }

    /**
     * What to quote as the evidence for {@code category}: the word or pair of words of {@code text} most
     * particular to it, as the model reads them — lower-case letters and one space, never the server's
     * other characters (controls, markup, escapes). Read only for a guess that decides.
     *
     * @return the words, or empty when none of them is in the model
     */
    public String quote(CharSequence text, Category category) {
        return quote(text, category, WordFeatures.NO_WORDS);
    }

    /** {@return as {@link #quote(CharSequence, Category)}, never one of the words {@code without} holds} */
    public String quote(CharSequence text, Category category, long[] without) {
        int[] span = strongest(text, category.ordinal(), without);
        return WordFeatures.quoted(text.subSequence(span[0], span[1]));
    }

    private static boolean allowed(Category c, int classDigit) {
        Permanence p = c.defaultPermanence();
        return !(classDigit == 4 && p == Permanence.PERMANENT || classDigit == 5 && p == Permanence.TEMPORARY);
    }

    // words that say where a reply came from or how it was relayed ("host mx.example.org said: ... (in reply
    // to RCPT TO command)"), not why it failed: the model may weigh them, the explanation does not quote them
    private static final long[] NOT_QUOTED = notQuoted("said host reply replied command rcpt mail from to data smtp esmtp "
            + "error remote server org com net www http https html the that you your this is in of for and or by with at on "
            + "be was has have it an as see please visit more information example");

    private static long[] notQuoted(String words) {
        String[] w = words.split(" ");
        long[] hashes = new long[w.length * (w.length + 1)];
        int n = 0;
        for (String a : w) {
            hashes[n++] = WordFeatures.hash(a);
            for (String b : w) {
                hashes[n++] = WordFeatures.hash(a + " " + b);
            }
        }
        Arrays.sort(hashes);
        return hashes;
    }

    // the feature most particular to the winner: its weight there over its mean weight in all categories, so
    // that a word every kind of reply uses ("the", "mail") is not what the explanation quotes
    private int[] strongest(CharSequence text, int winner, long[] without) {
        int[] span = {0, 0};
        double[] lead = {Double.NEGATIVE_INFINITY};
        WordFeatures.forEach(text, without, (hash, start, end) -> {
            long entry = entry(hash);
            if (entry == NO_ENTRY || Arrays.binarySearch(NOT_QUOTED, hash) >= 0) {
                return;
            }
            double mine = 0;
            double all = 0;
            int from = firstPairOf(entry);
            for (int p = from, to = from + pairsOf(entry); p < to; p++) {
                double weight = weightOfCount[pairCount[p]];
                all += weight;
                if (pairCategory[p] == winner) {
                    mine = weight;
                }
            }
            double particular = mine - all / CATEGORIES.length;
            if (particular > lead[0]) {
                lead[0] = particular;
                span[0] = start;
                span[1] = end;
            }
        });
        return span;
    }

    // the slot's long for a feature's hash, or NO_ENTRY
    private long entry(long hash) {
        long fingerprint = hash >>> FINGERPRINT_SHIFT;
        for (int i = index(hash, mask); ; i = (i + 1) & mask) {
            long entry = slots[i];
            if (entry == NO_ENTRY || entry >>> FINGERPRINT_SHIFT == fingerprint) {
                return entry;
            }
        }
    }

    private static int index(long hash, int mask) {
        return (int) (hash ^ (hash >>> 32)) & mask;
    }

    private static int firstPairOf(long entry) {
        return (int) (entry >>> COUNT_BITS) & ((1 << PAIR_BITS) - 1);
    }

    private static int pairsOf(long entry) {
        return (int) entry & ((1 << COUNT_BITS) - 1);
    }

    /**
     * Reads the model file: a {@code rows} line with each category's number of replies, then one line per
     * feature with the categories that used it and how often ({@code feature<TAB>category=count ...}).
     * Written for a cold JVM, where the standard diagnoser reads it on first need: one pass, no regular
     * expressions, primitive arrays.
     */
    public static WordModel parse(List<String> lines) {
        int n = CATEGORIES.length;
        double[] rows = new double[n];
        double[] used = new double[n];
        boolean rowsSeen = false;
        long[] hashes = new long[lines.size()];
        int[] firstPair = new int[lines.size() + 1];
        byte[] pairCategory = new byte[4 * lines.size() + 16];
        int[] pairCount = new int[pairCategory.length];
        int features = 0;
        int pairs = 0;
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0 || line.indexOf('\t', tab + 1) >= 0) {
                throw new IllegalArgumentException("words.tsv line " + lineNo + ": expected feature<TAB>counts");
            }
            boolean isRows = tab == 4 && line.startsWith("rows");
            int from = pairs;
            long seen = 0;
            for (int i = tab + 1; i < line.length(); ) {
                int space = line.indexOf(' ', i);
                int itemEnd = space < 0 ? line.length() : space;
                int eq = line.indexOf('=', i);
                Integer c = eq < 0 || eq > itemEnd ? null : CATEGORY_BY_ID.get(line.substring(i, eq));
                int count = c == null ? -1 : parseCount(line, eq + 1, itemEnd);
                if (c == null || count < 0) {
                    throw new IllegalArgumentException("words.tsv line " + lineNo + ": bad count '" + line.substring(i, itemEnd) + "'");
                }
                if (count == 0 || (seen & 1L << c) != 0) {
                    throw new IllegalArgumentException("words.tsv line " + lineNo + ": counts must be positive, one per category");
                }
                seen |= 1L << c;
                if (isRows) {
                    rows[c] = count;
                } else {
                    if (pairs == pairCategory.length) {
                        pairCategory = Arrays.copyOf(pairCategory, pairs * 2);
                        pairCount = Arrays.copyOf(pairCount, pairs * 2);
                    }
                    pairCategory[pairs] = (byte) (int) c;
                    pairCount[pairs++] = count;
                    used[c] += count;
                }
                i = itemEnd + 1;
            }
            if (seen == 0) {
                throw new IllegalArgumentException("words.tsv line " + lineNo + ": counts must be positive, one per category");
            }
            if (isRows) {
                rowsSeen = true;
            } else {
                hashes[features] = WordFeatures.hash(line.substring(0, tab));
                firstPair[features++] = from;
            }
        }
        if (!rowsSeen) {
            throw new IllegalArgumentException("words.tsv: no rows line");
        }
        firstPair[features] = pairs;
        double total = 0;
        for (double r : rows) {
            total += r;
        }
        double[] logPrior = new double[n];
        double[] unseen = new double[n];
        for (int c = 0; c < n; c++) {
            // a category no reply taught is never guessed: its smoothed weights would be all guesswork
            logPrior[c] = rows[c] == 0 ? Double.NEGATIVE_INFINITY : Math.log(rows[c] / total);
            unseen[c] = Math.log(ALPHA / (used[c] + ALPHA * features));
        }
        // the smallest power of two at most 85 % full: probes stay short (32,768 slots from some 13,900 features, the
        // next doubling, +0.25 MiB, at some 27,800)
        int capacity = Integer.highestOneBit(Math.max(16, features * 20 / 17)) << 1;
        if (pairs >= 1 << PAIR_BITS) {
            throw new IllegalArgumentException("words.tsv: more than " + ((1 << PAIR_BITS) - 1) + " category counts");
        }
        long[] slots = new long[capacity];
        char[] counts = new char[pairs];
        int maxCount = 0;
        for (int p = 0; p < pairs; p++) {
            counts[p] = (char) Math.min(pairCount[p], Character.MAX_VALUE);
            maxCount = Math.max(maxCount, counts[p]);
        }
        float[] weightOfCount = new float[maxCount + 1];
        for (int k = 1; k <= maxCount; k++) {
            weightOfCount[k] = (float) Math.log1p(k / ALPHA);
        }
        for (int i = 0; i < features; i++) {
            long hash = hashes[i];
            int slot = index(hash, capacity - 1);
            while (slots[slot] != NO_ENTRY) {
                if (slots[slot] >>> FINGERPRINT_SHIFT == hash >>> FINGERPRINT_SHIFT) {
                    throw new IllegalArgumentException("words.tsv: two features with the same hash (" + hash + ")");
                }
                slot = (slot + 1) & (capacity - 1);
            }
            // at most CATEGORIES.length categories a feature: they fit in COUNT_BITS
            slots[slot] = (hash >>> FINGERPRINT_SHIFT) << FINGERPRINT_SHIFT | (long) firstPair[i] << COUNT_BITS
                    | (firstPair[i + 1] - firstPair[i]);
        }
        return new WordModel(logPrior, unseen, slots, Arrays.copyOf(pairCategory, pairs), counts, weightOfCount);
    }

    // the digits from `from` to `to` as a count; -1 when they are not digits or too many
    private static int parseCount(String s, int from, int to) {
        if (from >= to || to - from > 9) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static final Map<String, Integer> CATEGORY_BY_ID = new HashMap<>();

    static {
        if (CATEGORIES.length >= 1 << COUNT_BITS) {
            throw new IllegalStateException("a slot counts at most " + ((1 << COUNT_BITS) - 1) + " categories a feature");
        }
        for (Category c : CATEGORIES) {
            CATEGORY_BY_ID.put(c.id(), c.ordinal());
        }
    }
}
