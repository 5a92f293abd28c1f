package dev.smtpexplain.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpexplain.core.internal.WordModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The word model out of sample, as a fallback: the documented files are split into ten folds (whole
 * files, so a source is never on both sides), a model is learned without one fold, and on the fold's
 * replies the words (then the codes) are scored against the codes alone, with no text rule on either side.
 * Rules would hide the comparison: they were written while looking at these replies, so the replies they
 * leave are mostly those whose codes were already right. The never-seen rounds in docs/confidence.md
 * measure the whole diagnosis.
 */
class WordModelHoldoutTest {

    private static final int FOLDS = 10;

    @Test
    void wordsLearnedWithoutASourceBeatTheCodesOnItsReplies() {
        List<DocumentedCorpus.Row> rows = DocumentedCorpus.rows();
        Diagnoser codes = Diagnoser.builder().withoutBuiltInRules().build();
        int total = 0;
        int wordsRight = 0;
        int codesRight = 0;
        int decidedByWords = 0;
        // per confidence the words gave a reply with a code or status (uncoded text is capped lower): answers, right
        java.util.TreeMap<Double, int[]> byConfidence = new java.util.TreeMap<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            int f = fold;
            WordModel model = WordModel.parse(WordModelFile.lines(rows, r -> fold(r) != f));
            Diagnoser wordsThenCodes = Diagnoser.builder().withoutBuiltInRules().wordModel(model).build();
            for (DocumentedCorpus.Row r : rows) {
                if (r.ambiguous() || fold(r) != f) {
                    continue;
                }
                total++;
                Diagnosis d = wordsThenCodes.diagnose(r.reply());
                decidedByWords += d.evidence().source() == Evidence.Source.WORDS ? 1 : 0;
                if (d.evidence().source() == Evidence.Source.WORDS && (r.reply().code().isPresent() || r.reply().status().isPresent())) {
                    int[] level = byConfidence.computeIfAbsent(d.confidence(), k -> new int[2]);
                    level[0]++;
                    level[1] += d.category() == r.category() ? 1 : 0;
                }
                wordsRight += d.category() == r.category() ? 1 : 0;
                codesRight += codes.diagnose(r.reply()).category() == r.category() ? 1 : 0;
            }
        }
        String report = String.format("without text rules, held out by source (%d replies, %d decided by words): words then codes right"
                + " %d (%.1f%%), the codes alone %d (%.1f%%)%n", total, decidedByWords, wordsRight, 100.0 * wordsRight / total, codesRight,
                100.0 * codesRight / total);
        System.out.print(report);
        StringBuilder levels = new StringBuilder("the words' answers held out, by confidence (coded replies):");
        byConfidence.forEach((c, n) -> levels.append(String.format(" %.2f %d/%d (%.0f%%)", c, n[1], n[0], 100.0 * n[1] / n[0])));
        System.out.println(levels);
        assertThat(total).as(report).isGreaterThan(5_000);
        // well ahead, not by a hair: a model that only echoed the codes' categories would not pass
        assertThat(wordsRight).as(report).isGreaterThan(codesRight + total / 10);
        // the confidence means something: each level is right about as often as it says, or more, and a higher
        // level is right more often than a lower one
        double previous = 0;
        for (var level : byConfidence.entrySet()) {
            double share = (double) level.getValue()[1] / level.getValue()[0];
            assertThat(level.getValue()[0]).as(levels.toString()).isGreaterThan(100);
            assertThat(share).as(levels.toString()).isGreaterThan(level.getKey() - 0.1).isGreaterThan(previous);
            previous = share;
        }
        assertThat(byConfidence.keySet()).as(levels.toString()).hasSize(4);
    }

    private static int fold(DocumentedCorpus.Row r) {
        return Math.floorMod(DocumentedCorpus.FILES.indexOf(r.file()), FOLDS);
    }
}
