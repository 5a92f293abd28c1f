package dev.smtpexplain.core;

import dev.smtpexplain.core.internal.RelayProse;
import dev.smtpexplain.core.internal.WordFeatures;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Writes the word model's file ({@code words.tsv}) from documented replies: per category, how many
 * unambiguous replies it has, and per feature seen in at least {@value #MIN_REPLIES} replies, how
 * often each category's replies used it. A feature of one reply only is a name, a host or a typo
 * more often than a word servers use.
 */
final class WordModelFile {

    static final int MIN_REPLIES = 2;

    static final String HEADER = """
            # The word model: for each category, how many documented replies it has (the "rows" line), and for
            # each word or pair of neighbouring words seen in at least two of them, and each reply code ("§550")
            # and status subject and detail ("§x.7.1"), how often each category's replies used it. Generated from src/test/resources/dev/smtpexplain/core/documented by
            # WordModelFileTest; do not edit. Regenerate after changing the corpus:
            #   mvn -pl core test -Dtest=WordModelFileTest -Dwords.write=true
            """;

    private WordModelFile() {
    }

    /** {@return the model file's lines for the unambiguous rows that {@code use} accepts} */
    static List<String> lines(List<DocumentedCorpus.Row> rows, Predicate<DocumentedCorpus.Row> use) {
        Map<Category, Integer> perCategory = new EnumMap<>(Category.class);
        Map<String, Map<Category, Integer>> counts = new TreeMap<>();
        Map<String, Integer> replies = new TreeMap<>();
        for (DocumentedCorpus.Row r : rows) {
            if (r.ambiguous() || !use.test(r)) {
                continue;
            }
            perCategory.merge(r.category(), 1, Integer::sum);
            Set<String> once = new HashSet<>();
            List<String> features = new ArrayList<>(WordFeatures.features(RelayProse.serverText(r.reply().lines())));
            features.addAll(WordFeatures.replyFeatures(r.reply().code().orElse(null), r.reply().status().orElse(null)));
            for (String f : features) {
                counts.computeIfAbsent(f, k -> new EnumMap<>(Category.class)).merge(r.category(), 1, Integer::sum);
                if (once.add(f)) {
                    replies.merge(f, 1, Integer::sum);
                }
            }
        }
        List<String> out = new ArrayList<>(HEADER.lines().toList());
        out.add("rows\t" + format(perCategory));
        counts.forEach((f, byCategory) -> {
            if (replies.get(f) >= MIN_REPLIES) {
                out.add(f + "\t" + format(byCategory));
            }
        });
        return out;
    }

    private static String format(Map<Category, Integer> byCategory) {
        StringBuilder sb = new StringBuilder();
        byCategory.forEach((c, n) -> sb.append(sb.isEmpty() ? "" : " ").append(c.id()).append('=').append(n));
        return sb.toString();
    }
}
