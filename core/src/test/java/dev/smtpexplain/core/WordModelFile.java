package dev.smtpexplain.core;

import dev.smtpexplain.core.internal.RelayProse;
import dev.smtpexplain.core.internal.WordFeatures;
import dev.smtpexplain.core.internal.WordModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Writes the word model's file ({@code words.tsv}) from documented replies: a logistic regression over the
 * features seen in at least {@value #MIN_REPLIES} unambiguous replies (a feature of one reply only is a name,
 * a host or a typo more often than a word servers use), learned by AdaGrad with an L2 penalty.
 *
 * <p>A feature gets a weight only for the categories whose replies used it, which keeps the file and the
 * table small and leaves "this word was never seen with that category" to the {@value WordModel#KNOWN}
 * weights: how a category's score moves with the number of known features. The learning is deterministic
 * (a seeded shuffle, {@link StrictMath}), so that the shipped file can be checked against the corpus. The
 * penalty and the pass count were chosen held out by source ({@code WordModelHoldoutTest}; docs/confidence.md).
 */
final class WordModelFile {

    static final int MIN_REPLIES = 2;
    static final double L2 = 0.01;
    static final double RATE = 0.2;
    static final int PASSES = 15;
    private static final long SEED = 11;

    static final String HEADER = """
            # The word model: a logistic regression over the words (a word's first five letters, and a longer
            # word's first four as "^abcd"), the pairs of neighbouring words, the reply code ("§550") and the
            # status's subject and detail ("§x.7.1") of the
            # documented replies, each feature seen in at least two of them. Weights in thousandths: each
            # category's bias (@bias), its weight for the logarithm of the number of known features (@known), and
            # per feature, its weight for each category whose replies used it. Generated from
            # src/test/resources/dev/smtpexplain/core/documented by WordModelFileTest; do not edit. Regenerate
            # after changing the corpus:
            #   mvn -pl core test -Dtest=WordModelFileTest -Dwords.write=true
            """;

    private WordModelFile() {
    }

    /** {@return the model file's lines for the unambiguous rows that {@code use} accepts} */
    static List<String> lines(List<DocumentedCorpus.Row> rows, Predicate<DocumentedCorpus.Row> use) {
        List<List<String>> featuresOf = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        Map<String, Integer> replies = new TreeMap<>();
        for (DocumentedCorpus.Row r : rows) {
            if (r.ambiguous() || !use.test(r)) {
                continue;
            }
            List<String> features = new ArrayList<>(WordFeatures.features(RelayProse.serverText(r.reply().lines())));
            features.addAll(WordFeatures.replyFeatures(r.reply().code().orElse(null), r.reply().status().orElse(null)));
            featuresOf.add(features);
            labels.add(r.category().ordinal());
            for (String f : new HashSet<>(features)) {
                replies.merge(f, 1, Integer::sum);
            }
        }
        List<String> vocabulary = new ArrayList<>();
        Map<String, Integer> index = new TreeMap<>();
        replies.forEach((f, n) -> {
            if (n >= MIN_REPLIES) {
                index.put(f, vocabulary.size());
                vocabulary.add(f);
            }
        });
        Model model = learn(featuresOf, labels, index, vocabulary.size());

        Category[] categories = Category.values();
        List<String> out = new ArrayList<>(HEADER.lines().toList());
        StringBuilder bias = new StringBuilder();
        StringBuilder known = new StringBuilder();
        for (int c = 0; c < categories.length; c++) {
            if (model.taught[c]) {
                append(bias, categories[c], thousandths(model.bias[c]));
                append(known, categories[c], thousandths(model.perKnown[c]));
            }
        }
        out.add(WordModel.BIAS + "\t" + bias);
        out.add(WordModel.KNOWN + "\t" + known);
        for (int f = 0; f < vocabulary.size(); f++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < categories.length; c++) {
                int w = thousandths(model.weight[f * categories.length + c]);
                if (model.used[f * categories.length + c] && w != 0) {
                    append(line, categories[c], w);
                }
            }
            if (!line.isEmpty()) {
                out.add(vocabulary.get(f) + "\t" + line);
            }
        }
        return out;
    }

    private record Model(double[] bias, double[] perKnown, double[] weight, boolean[] used, boolean[] taught) {
    }

    // one reply as the learning reads it: feature ids with their counts, and the number of known features
    private record Example(int[] ids, int[] counts, double knownFeatures, int label) {
    }

    private static Model learn(List<List<String>> featuresOf, List<Integer> labels, Map<String, Integer> index, int features) {
        int k = Category.values().length;
        double[] weight = new double[features * k];
        boolean[] used = new boolean[features * k];
        boolean[] taught = new boolean[k];
        double[] bias = new double[k];
        double[] perKnown = new double[k];
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < featuresOf.size(); i++) {
            Map<Integer, Integer> counts = new TreeMap<>();
            for (String f : featuresOf.get(i)) {
                Integer id = index.get(f);
                if (id != null) {
                    counts.merge(id, 1, Integer::sum);
                }
            }
            int label = labels.get(i);
            taught[label] = true;
            int total = 0;
            for (int n : counts.values()) {
                total += n;
            }
            Example e = new Example(counts.keySet().stream().mapToInt(Integer::intValue).toArray(),
                    counts.values().stream().mapToInt(Integer::intValue).toArray(), StrictMath.log1p(total), label);
            for (int id : e.ids) {
                used[id * k + label] = true;
            }
            examples.add(e);
        }
        double[] squaredWeight = new double[weight.length];
        double[] squaredBias = new double[k];
        double[] squaredKnown = new double[k];
        double[] p = new double[k];
        Random random = new Random(SEED);
        for (int pass = 0; pass < PASSES; pass++) {
            Collections.shuffle(examples, random);
            for (Example e : examples) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    p[c] = Double.NEGATIVE_INFINITY;
                    if (taught[c]) {
                        p[c] = bias[c] + perKnown[c] * e.knownFeatures;
                        for (int j = 0; j < e.ids.length; j++) {
                            p[c] += weight[e.ids[j] * k + c] * e.counts[j];
                        }
                        max = Math.max(max, p[c]);
                    }
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    p[c] = taught[c] ? StrictMath.exp(p[c] - max) : 0;
                    sum += p[c];
                }
                for (int c = 0; c < k; c++) {
                    if (!taught[c]) {
                        continue;
                    }
                    double g = p[c] / sum - (c == e.label ? 1 : 0);
                    bias[c] -= step(squaredBias, c, g);
                    perKnown[c] -= step(squaredKnown, c, g * e.knownFeatures + L2 * perKnown[c]);
                    for (int j = 0; j < e.ids.length; j++) {
                        int w = e.ids[j] * k + c;
                        if (used[w]) {
                            weight[w] -= step(squaredWeight, w, g * e.counts[j] + L2 * weight[w]);
                        }
                    }
                }
            }
        }
        return new Model(bias, perKnown, weight, used, taught);
    }

    // AdaGrad: each parameter's step shrinks with the gradients it has had
    private static double step(double[] squared, int i, double gradient) {
        squared[i] += gradient * gradient;
        return RATE * gradient / StrictMath.sqrt(squared[i] + 1e-8);
    }

    // a weight as the file stores it; one beyond a short's range would be written wrong, so it stops the build
    private static int thousandths(double w) {
        long t = Math.round(w * 1000);
        if (t > Short.MAX_VALUE || t < -Short.MAX_VALUE) {
            throw new IllegalStateException("a learned weight of " + w + " does not fit words.tsv's thousandths");
        }
        return (int) t;
    }

    private static void append(StringBuilder sb, Category c, int weight) {
        sb.append(sb.isEmpty() ? "" : " ").append(c.id()).append('=').append(weight);
    }
}
