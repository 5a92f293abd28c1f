package dev.smtpexplain.benchmarks;

import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.core.Diagnosis;
import dev.smtpexplain.i18n.Explainer;
import dev.smtpexplain.i18n.Explanation;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Rendering {@code Explainer.standard().explain(diagnosis, locale)} for the corpus's diagnoses in turn,
 * with the catalog already loaded. Target: under 5 µs. {@link BenchSuite} runs only the locales that
 * {@link Explainer#supportedLocales()} lists.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@State(Scope.Thread)
public class ExplainBenchmark {

    /** The locales the target names. */
    static final String[] LOCALES = {"en", "gu"};

    @Param({"en", "gu"})
    public String locale;

    private final Explainer explainer = Explainer.standard();
    private Locale target;
    private Diagnosis[] diagnoses;
    private int next;

    @Setup(Level.Trial)
    public void diagnoseCorpus() {
        target = Locale.forLanguageTag(locale);
        if (!Explainer.supportedLocales().contains(target)) {
            throw new IllegalStateException("no shipped catalog for " + locale + "; supported: " + Explainer.supportedLocales());
        }
        Diagnoser diagnoser = Diagnoser.standard();
        diagnoses = Corpus.load().replies().stream().map(diagnoser::diagnose).toArray(Diagnosis[]::new);
    }

    @Benchmark
    public Explanation explain() {
        int i = next;
        next = i + 1 == diagnoses.length ? 0 : i + 1;
        return explainer.explain(diagnoses[i], target);
    }
}
