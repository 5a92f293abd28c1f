package dev.smtpexplain.core.internal;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.Permanence;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the words of a reply suggest when no rule understood it: a logistic regression (a softmax over the
 * categories) on the {@link WordFeatures} of the documented replies. It answers the replies the rules leave
 * to a code or to nothing; its probabilities are calibrated on replies of sources it never learned from
 * (docs/confidence.md, "The word model"). Immutable and thread-safe.
 *
 * <p>The model file ({@code words.tsv}) is generated from the documented corpus by
 * {@code WordModelFileTest}. A category's score is its bias, plus its weight for "how many known features"
 * times the logarithm of that number, plus the weight of each feature the text holds for it; a feature has
 * a weight only for the categories whose replies used it, so that a reply costs one table lookup per feature
 * plus those few categories. Weights are in thousandths.
 */
public final class WordModel {

    /** The line that holds each category's bias; a category it leaves out is never guessed. */
    public static final String BIAS = "@bias";
    /** The line that holds each category's weight for the logarithm of the number of known features. */
    public static final String KNOWN = "@known";

    private static final Category[] CATEGORIES = Category.values();
    private static final long NO_ENTRY = 0;
    private static final int FINGERPRINT_SHIFT = 25;
    private static final int PAIR_BITS = 18;
    private static final int COUNT_BITS = 7;
    private static final double THOUSANDTHS = 1e-3;

    private final double[] bias;
    private final double[] perKnown;
    // open addressing on the feature hash, one long per slot: the hash's top 39 bits, where its categories start
    // in the pair arrays (18 bits) and how many (7 bits); 0 is an empty slot, as every feature has a category.
    // One array where a hash and an index took two: 0.125 MiB less at today's 32,768 slots
    private final long[] slots;
    private final byte[] pairCategory;
    // per category a feature has a weight for, the weight in thousandths: two bytes where a float takes four
    private final short[] pairWeight;
    private final int mask;
    // the words of other languages read as English ones, as the model was learned with them
    private final Concepts concepts = Concepts.standard();

    private WordModel(double[] bias, double[] perKnown, long[] slots, byte[] pairCategory, short[] pairWeight) {
        this.bias = bias;
        this.perKnown = perKnown;
        this.slots = slots;
        this.pairCategory = pairCategory;
        this.pairWeight = pairWeight;
        this.mask = slots.length - 1;
    }

    /**
     * What the words suggest.
     *
     * @param category the most likely category among those the class digit allows
     * @param probability the model's probability for it, among the categories the class digit allows
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
        int[] score = new int[CATEGORIES.length];
        int[] known = new int[1];
        WordFeatures.Sink weigh = (hash, start, end) -> {
            long entry = entry(hash);
            if (entry != NO_ENTRY) {
                known[0]++;
                int from = firstPairOf(entry);
                int to = from + pairsOf(entry);
                for (int p = from; p < to; p++) {
                    score[pairCategory[p]] += pairWeight[p];
                }
            }
        };
        WordFeatures.forEach(text, without, concepts, weigh);
        if (known[0] == 0) {
            // a code with no word the model knows is for the code tables to read
            return null;
        }
        for (long hash : reply) {
            weigh.feature(hash, 0, 0);
        }
        double knownFeatures = Math.log1p(known[0]);
        double[] logit = new double[CATEGORIES.length];
        int best = -1;
        for (int c = 0; c < logit.length; c++) {
            if (!allowed(CATEGORIES[c], classDigit) || bias[c] == Double.NEGATIVE_INFINITY) {
                logit[c] = Double.NEGATIVE_INFINITY;
                continue;
            }
            logit[c] = bias[c] + perKnown[c] * knownFeatures + score[c] * THOUSANDTHS;
            if (best < 0 || logit[c] > logit[best]) {
                best = c;
            }
        }
        if (best < 0) {
            // every category the model knows was left out (a 4xx reply to a model of permanent ones only)
            return null;
        }
        double sum = 0;
        for (double s : logit) {
            sum += Math.exp(s - logit[best]);
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
    private static final long[] NOT_QUOTED = notQuoted("said host mx reply replied command rcpt mail from to data smtp esmtp "
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

    // the word or pair that weighs most for the winner over the other categories, so that a word every kind of
    // reply uses ("the", "mail") is not what the explanation quotes; a pair counts with its two words ("too many"
    // over "many"), so that the quote reads as the words did together
    private int[] strongest(CharSequence text, int winner, long[] without) {
        int[] span = {0, 0};
        double[] lead = {Double.NEGATIVE_INFINITY};
        // what the last two words weighed (0 for a word the model does not know), and where the last one starts
        double[] words = {0, 0};
        int[] lastStart = {-1};
        boolean[] quotable = {false};
        WordFeatures.forEach(text, without, concepts, (hash, start, end) -> {
            long entry = entry(hash);
            double particular = entry == NO_ENTRY ? 0 : particular(entry, winner);
            double weight;
            if (start == lastStart[0]) {
                // a word's prefix or concept ("jelszó" as "password") weighs with the word, which is the quote
                words[1] += particular;
                if (entry == NO_ENTRY || !quotable[0]) {
                    return;
                }
                weight = words[1];
            } else {
                boolean pair = start < lastStart[0];
                boolean notQuoted = Arrays.binarySearch(NOT_QUOTED, hash) >= 0;
                if (!pair) {
                    words[0] = words[1];
                    words[1] = particular;
                    lastStart[0] = start;
                    quotable[0] = !notQuoted;
                }
                if (entry == NO_ENTRY || notQuoted) {
                    return;
                }
                weight = pair ? particular + words[0] + words[1] : words[1];
            }
            // a span read alone may be a host name ("example.com" of a relay's "mx1.example.com"), which the quote
            // leaves out as the words do where a server names itself
            if (weight > lead[0] && !WordFeatures.quoted(text.subSequence(start, end)).isEmpty()) {
                lead[0] = weight;
                span[0] = start;
                span[1] = end;
            }
        });
        return span;
    }

    // a feature's weight for the winner less its mean weight over the categories, in thousandths
    private double particular(long entry, int winner) {
        int mine = 0;
        int all = 0;
        int from = firstPairOf(entry);
        for (int p = from, to = from + pairsOf(entry); p < to; p++) {
            all += pairWeight[p];
            if (pairCategory[p] == winner) {
                mine = pairWeight[p];
            }
        }
        return mine - (double) all / CATEGORIES.length;
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
     * Reads the model file: a {@value #BIAS} line and a {@value #KNOWN} line with a weight per category, then one
     * line per feature with the categories it weighs for ({@code feature<TAB>category=weight ...}, weights in
     * thousandths). Written for a cold JVM, where the standard diagnoser reads it on first need: one pass, no
     * regular expressions, primitive arrays.
     */
    public static WordModel parse(List<String> lines) {
        int n = CATEGORIES.length;
        double[] bias = null;
        double[] perKnown = null;
        long[] hashes = new long[lines.size()];
        int[] firstPair = new int[lines.size() + 1];
        byte[] pairCategory = new byte[4 * lines.size() + 16];
        short[] pairWeight = new short[pairCategory.length];
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
                throw new IllegalArgumentException("words.tsv line " + lineNo + ": expected feature<TAB>weights");
            }
            String feature = line.substring(0, tab);
            double[] perCategory = null;
            if (feature.equals(BIAS) || feature.equals(KNOWN)) {
                if ((feature.equals(BIAS) ? bias : perKnown) != null) {
                    throw new IllegalArgumentException("words.tsv line " + lineNo + ": a second " + feature + " line");
                }
                perCategory = new double[n];
                if (feature.equals(BIAS)) {
                    Arrays.fill(perCategory, Double.NEGATIVE_INFINITY);
                    bias = perCategory;
                } else {
                    perKnown = perCategory;
                }
            } else if (feature.charAt(0) == '@') {
                throw new IllegalArgumentException("words.tsv line " + lineNo + ": unknown line " + feature);
            }
            int from = pairs;
            long seen = 0;
            for (int i = tab + 1; i < line.length(); ) {
                int space = line.indexOf(' ', i);
                int itemEnd = space < 0 ? line.length() : space;
                int eq = line.indexOf('=', i);
                Integer c = eq < 0 || eq > itemEnd ? null : CATEGORY_BY_ID.get(line.substring(i, eq));
                int weight = c == null ? Integer.MIN_VALUE : parseWeight(line, eq + 1, itemEnd);
                if (c == null || weight == Integer.MIN_VALUE) {
                    throw new IllegalArgumentException("words.tsv line " + lineNo + ": bad weight '" + line.substring(i, itemEnd) + "'");
                }
                if ((seen & 1L << c) != 0) {
                    throw new IllegalArgumentException("words.tsv line " + lineNo + ": one weight per category");
                }
                seen |= 1L << c;
                if (perCategory != null) {
                    perCategory[c] = weight * THOUSANDTHS;
                } else {
                    if (pairs == pairCategory.length) {
                        pairCategory = Arrays.copyOf(pairCategory, pairs * 2);
                        pairWeight = Arrays.copyOf(pairWeight, pairs * 2);
                    }
                    pairCategory[pairs] = (byte) (int) c;
                    pairWeight[pairs++] = (short) weight;
                }
                i = itemEnd + 1;
            }
            if (seen == 0) {
                throw new IllegalArgumentException("words.tsv line " + lineNo + ": no weights");
            }
            if (perCategory == null) {
                hashes[features] = WordFeatures.hash(feature);
                firstPair[features++] = from;
            }
        }
        if (bias == null || perKnown == null) {
            throw new IllegalArgumentException("words.tsv: no " + (bias == null ? BIAS : KNOWN) + " line");
        }
        firstPair[features] = pairs;
        // the smallest power of two at most 85 % full: probes stay short (32,768 slots from some 13,900 features, the
        // next doubling, +0.25 MiB, at some 27,800)
        int capacity = Integer.highestOneBit(Math.max(16, features * 20 / 17)) << 1;
        if (pairs >= 1 << PAIR_BITS) {
            throw new IllegalArgumentException("words.tsv: more than " + ((1 << PAIR_BITS) - 1) + " weights");
        }
        long[] slots = new long[capacity];
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
        return new WordModel(bias, perKnown, slots, Arrays.copyOf(pairCategory, pairs), Arrays.copyOf(pairWeight, pairs));
    }

    // a signed whole number of thousandths from `from` to `to` that fits a short; Integer.MIN_VALUE when it is not one
    private static int parseWeight(String s, int from, int to) {
        boolean negative = from < to && s.charAt(from) == '-';
        int i = negative ? from + 1 : from;
        if (i >= to || to - i > 5) {
            return Integer.MIN_VALUE;
        }
        int value = 0;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return Integer.MIN_VALUE;
            }
            value = value * 10 + (c - '0');
        }
        if (value > Short.MAX_VALUE) {
            return Integer.MIN_VALUE;
        }
        return negative ? -value : value;
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
