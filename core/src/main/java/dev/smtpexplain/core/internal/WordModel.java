package dev.smtpexplain.core.internal;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.Permanence;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
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
    private static final int NO_SLOT = -1;

    private final double[] logPrior;
    // the smoothed weight of a feature a category never used: log(alpha / (used_c + alpha * V))
    private final double[] unseen;
    // open addressing on the feature hash; per slot, where its categories start in the pair arrays and how many
    private final long[] keys;
    private final int[] pairsOf;
    private final byte[] pairCategory;
    // log(1 + count / alpha): what a feature adds to a category that used it, over `unseen`
    private final float[] pairWeight;
    private final int mask;

    private WordModel(double[] logPrior, double[] unseen, long[] keys, int[] pairsOf, byte[] pairCategory, float[] pairWeight) {
        this.logPrior = logPrior;
        this.unseen = unseen;
        this.keys = keys;
        this.pairsOf = pairsOf;
        this.pairCategory = pairCategory;
        this.pairWeight = pairWeight;
        this.mask = keys.length - 1;
    }

    /**
     * What the words suggest.
     *
     * @param category the most likely category among those the class digit allows
     * @param probability the model's probability for it (naive Bayes overstates it; see docs/confidence.md)
     * @param quote the word or pair of words most particular to it, as the model reads them: lower-case
     *     letters and one space, never the server's other characters (controls, markup, escapes)
     */
    public record Guess(Category category, double probability, String quote) {
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
        double[] score = new double[CATEGORIES.length];
        int[] known = new int[1];
        WordFeatures.forEach(text, (hash, start, end) -> {
            int slot = slot(hash);
            if (slot != NO_SLOT) {
                known[0]++;
                int from = pairsOf[slot] >>> 8;
                int to = from + (pairsOf[slot] & 0xff);
                for (int p = from; p < to; p++) {
                    score[pairCategory[p]] += pairWeight[p];
                }
            }
        });
        if (known[0] == 0) {
            return null;
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
        int[] span = strongest(text, best);
        List<String> quoted = WordFeatures.features(text.subSequence(span[0], span[1]));
        return new Guess(CATEGORIES[best], 1 / sum, quoted.get(quoted.size() - 1));
    }

    private static boolean allowed(Category c, int classDigit) {
        Permanence p = c.defaultPermanence();
        return !(classDigit == 4 && p == Permanence.PERMANENT || classDigit == 5 && p == Permanence.TEMPORARY);
    }

    // the feature most particular to the winner: its weight there over its mean weight in all categories, so
    // that a word every kind of reply uses ("the", "mail") is not what the explanation quotes
    private int[] strongest(CharSequence text, int winner) {
        int[] span = {0, 0};
        double[] lead = {Double.NEGATIVE_INFINITY};
        WordFeatures.forEach(text, (hash, start, end) -> {
            int slot = slot(hash);
            if (slot == NO_SLOT) {
                return;
            }
            double mine = 0;
            double all = 0;
            int from = pairsOf[slot] >>> 8;
            for (int p = from, to = from + (pairsOf[slot] & 0xff); p < to; p++) {
                all += pairWeight[p];
                if (pairCategory[p] == winner) {
                    mine = pairWeight[p];
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

    private int slot(long hash) {
        int i = (int) (hash ^ (hash >>> 32)) & mask;
        while (true) {
            if (pairsOf[i] == 0) {
                return NO_SLOT;
            }
            if (keys[i] == hash) {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /** {@return the model read from the generated file} */
    public static WordModel read(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(r.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the model file: a {@code rows} line with each category's number of replies, then one line per
     * feature with the categories that used it and how often ({@code feature<TAB>category=count ...}).
     */
    public static WordModel parse(List<String> lines) {
        int n = CATEGORIES.length;
        double[] rows = new double[n];
        List<long[]> features = new ArrayList<>();
        List<int[][]> counts = new ArrayList<>();
        double[] used = new double[n];
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 2) {
                throw new IllegalArgumentException("words.tsv line " + lineNo + ": expected feature<TAB>counts");
            }
            Map<Category, Integer> byCategory = counts(f[1], lineNo);
            if (f[0].equals("rows")) {
                byCategory.forEach((c, k) -> rows[c.ordinal()] = k);
                continue;
            }
            int[][] pairs = new int[byCategory.size()][];
            int k = 0;
            for (Map.Entry<Category, Integer> e : byCategory.entrySet()) {
                pairs[k++] = new int[] {e.getKey().ordinal(), e.getValue()};
                used[e.getKey().ordinal()] += e.getValue();
            }
            features.add(new long[] {WordFeatures.hash(f[0])});
            counts.add(pairs);
        }
        double total = 0;
        for (double r : rows) {
            total += r;
        }
        if (total == 0) {
            throw new IllegalArgumentException("words.tsv: no rows line");
        }
        int vocabulary = features.size();
        double[] logPrior = new double[n];
        double[] unseen = new double[n];
        for (int c = 0; c < n; c++) {
            // a category no reply taught is never guessed: its smoothed weights would be all guesswork
            logPrior[c] = rows[c] == 0 ? Double.NEGATIVE_INFINITY : Math.log(rows[c] / total);
            unseen[c] = Math.log(ALPHA / (used[c] + ALPHA * vocabulary));
        }
        // at most three slots in four taken: short probes, and a quarter of a megabyte for some 12,000 features
        int capacity = Integer.highestOneBit(Math.max(16, vocabulary * 4 / 3)) << 1;
        long[] keys = new long[capacity];
        int[] pairsOf = new int[capacity];
        int pairCount = 0;
        for (int[][] p : counts) {
            pairCount += p.length;
        }
        byte[] pairCategory = new byte[pairCount];
        float[] pairWeight = new float[pairCount];
        int next = 0;
        for (int i = 0; i < vocabulary; i++) {
            long hash = features.get(i)[0];
            int slot = (int) (hash ^ (hash >>> 32)) & (capacity - 1);
            while (pairsOf[slot] != 0) {
                if (keys[slot] == hash) {
                    throw new IllegalArgumentException("words.tsv: two features with the same hash (" + hash + ")");
                }
                slot = (slot + 1) & (capacity - 1);
            }
            int[][] p = counts.get(i);
            keys[slot] = hash;
            pairsOf[slot] = next << 8 | p.length;
            for (int[] pair : p) {
                pairCategory[next] = (byte) pair[0];
                pairWeight[next] = (float) Math.log1p(pair[1] / ALPHA);
                next++;
            }
        }
        return new WordModel(logPrior, unseen, keys, pairsOf, pairCategory, pairWeight);
    }

    private static Map<Category, Integer> counts(String field, int lineNo) {
        Map<Category, Integer> out = new EnumMap<>(Category.class);
        for (String item : field.trim().split(" ")) {
            int eq = item.indexOf('=');
            try {
                out.put(Category.fromId(item.substring(0, eq)), Integer.parseInt(item.substring(eq + 1)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("words.tsv line " + lineNo + ": bad count '" + item + "'", e);
            }
        }
        if (out.isEmpty() || out.values().stream().anyMatch(k -> k <= 0)) {
            throw new IllegalArgumentException("words.tsv line " + lineNo + ": counts must be positive");
        }
        return out;
    }
}
