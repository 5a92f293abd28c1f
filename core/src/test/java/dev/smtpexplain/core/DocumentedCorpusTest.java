package dev.smtpexplain.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Measures the diagnosis on the documented-reply corpus: each reply's category as its source documents
 * it. Prints per-category figures; holds 95% overall and 85% in every category with 10 rows or more.
 * Rows marked ambiguous are printed apart and not held.
 */
class DocumentedCorpusTest {

    static final double OVERALL = 0.95;
    static final double PER_CATEGORY = 0.85;

    @Test
    void theCorpusIsWellFormedAndBroad() {
        List<DocumentedCorpus.Row> rows = DocumentedCorpus.rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3400);
        Set<String> sources = new HashSet<>();
        Set<String> languages = new HashSet<>();
        Set<String> replies = new HashSet<>();
        for (DocumentedCorpus.Row r : rows) {
            assertThat(r.source()).as("%s line %d: source", r.file(), r.line()).isNotBlank();
            assertThat(r.text()).as("%s line %d: text", r.file(), r.line()).isNotBlank();
            assertThat(r.code()).as("%s line %d: code", r.file(), r.line()).matches("|[1-5][0-9][0-9]");
            assertThat(r.status()).as("%s line %d: status", r.file(), r.line()).matches("|[245]\\.[0-9]{1,3}\\.[0-9]{1,3}");
            assertThat(replies.add(r.code() + "\t" + r.status() + "\t" + r.text())).as("%s line %d: duplicate", r.file(), r.line()).isTrue();
            sources.add(sourceName(r.source()));
            languages.add(r.lang());
        }
        languages.remove("en");
        assertThat(sources).as("distinct sources").hasSizeGreaterThanOrEqualTo(60);
        assertThat(languages).as("languages besides English").hasSizeGreaterThanOrEqualTo(6);
    }

    /** A source's page or file: the citation without a line anchor. */
    private static String sourceName(String citation) {
        int hash = citation.indexOf("#L");
        return hash > 0 ? citation.substring(0, hash) : citation;
    }

    @Test
    void diagnosesDocumentedRepliesAsTheirSourcesDo() {
        Diagnoser diagnoser = Diagnoser.standard();
        Map<Category, int[]> byCategory = new TreeMap<>();
        int right = 0;
        int held = 0;
        int ambiguousRight = 0;
        int ambiguous = 0;
        StringBuilder misses = new StringBuilder();
        for (DocumentedCorpus.Row r : DocumentedCorpus.rows()) {
            Diagnosis d = diagnoser.diagnose(r.reply());
            boolean ok = d.category() == r.category();
            if (!ok && Boolean.getBoolean("corpus.misses")) {
                misses.append(r.ambiguous() ? "(ambiguous) " : "").append(r.category().id()).append(" <- ").append(d.category().id()).append(" [").append(d.evidence().ruleId())
                        .append(' ').append(d.evidence().matchedPhrase().orElse("")).append("] ").append(r.code()).append(' ').append(r.status())
                        .append(' ').append(r.text(), 0, Math.min(200, r.text().length())).append("  (").append(r.file()).append(':')
                        .append(r.line()).append(")\n");
            }
            if (r.ambiguous()) {
                ambiguous++;
                ambiguousRight += ok ? 1 : 0;
                continue;
            }
            held++;
            right += ok ? 1 : 0;
            int[] c = byCategory.computeIfAbsent(r.category(), k -> new int[2]);
            c[1]++;
            c[0] += ok ? 1 : 0;
        }
        StringBuilder report = new StringBuilder(String.format("documented corpus: %d/%d = %.1f%% (ambiguous rows, not held: %d/%d)%n",
                right, held, 100.0 * right / Math.max(1, held), ambiguousRight, ambiguous));
        byCategory.forEach((cat, c) -> report.append(String.format("  %-30s %4d/%4d %5.1f%%%n", cat.id(), c[0], c[1], 100.0 * c[0] / c[1])));
        System.out.print(report);
        System.out.print(misses);
        assertThat((double) right / held).as(report.toString()).isGreaterThanOrEqualTo(OVERALL);
        byCategory.forEach((cat, c) -> {
            if (c[1] >= 10) {
                assertThat((double) c[0] / c[1]).as("%s%n%s", cat.id(), report).isGreaterThanOrEqualTo(PER_CATEGORY);
            }
        });
    }
}
