package dev.smtpexplain.benchmarks;

import dev.smtpexplain.core.Category;
import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.core.Evidence;
import dev.smtpexplain.core.SmtpReply;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.LocalizedMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jol.info.GraphLayout;

/**
 * Retained heap, measured with JOL as the total size of everything reachable from the object (JOL does
 * not follow static fields, classes, class loaders or modules): a default {@link Diagnoser} after it
 * diagnosed every corpus reply once (its word model is read on first need), and one
 * locale's catalog ({@link Explainer#messages(Locale)}) after it explained every category and every
 * corpus reply once, so that its format caches are as full as in a long-running process.
 *
 * <p>Records need {@code -Djol.magicFieldOffset=true} on Java 17; {@code ./bench} passes it.
 */
final class MemoryFootprint {

    static final long DIAGNOSER_BUDGET = 4L << 20;
    static final long CATALOG_BUDGET = 1L << 20;

    /** One measured object graph. */
    record Footprint(String what, long bytes, long objects, long budget) {
    }

    private MemoryFootprint() {
    }

    static List<Footprint> measure(Corpus corpus, List<Locale> locales) {
        List<Footprint> out = new ArrayList<>();
        // after a pass over the corpus, so that what the diagnoser reads on first need (its word model) counts
        Diagnoser diagnoser = Diagnoser.standard();
        corpus.replies().forEach(diagnoser::diagnose);
        out.add(of("default Diagnoser", diagnoser, DIAGNOSER_BUDGET));
        for (Locale locale : locales) {
            out.add(of("catalog " + locale.toLanguageTag(), loadedCatalog(corpus, locale), CATALOG_BUDGET));
        }
        return out;
    }

    private static Footprint of(String what, Object root, long budget) {
        GraphLayout graph = GraphLayout.parseInstance(root);
        return new Footprint(what, graph.totalSize(), graph.totalCount(), budget);
    }

    /** A fresh explainer's catalog for one locale, after explaining every category and the corpus. */
    private static LocalizedMessages loadedCatalog(Corpus corpus, Locale locale) {
        Explainer explainer = Explainer.builder().build();
        SmtpReply reply = SmtpReply.of(550, "5.1.1", "User unknown");
        for (Category c : Category.values()) {
            explainer.explain(Diagnosis.of(reply, c, 0.9, new Evidence(Evidence.Source.TEXT_RULE, "bench")), locale);
        }
        Diagnoser diagnoser = Diagnoser.standard();
        for (SmtpReply r : corpus.replies()) {
            explainer.explain(diagnoser.diagnose(r), locale);
        }
        return explainer.messages(locale);
    }
}
