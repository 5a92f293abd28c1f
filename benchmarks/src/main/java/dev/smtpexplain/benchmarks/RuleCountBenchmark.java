package dev.smtpexplain.benchmarks;

import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.core.Diagnosis;
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
 * Diagnosing the corpus with the built-in rules only and with 2,000 extra application rules added
 * through {@link Diagnoser#builder()}. Target: the extra rules cost at most 1.5× (the matcher must not
 * loop over rules).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@State(Scope.Benchmark)
public class RuleCountBenchmark {

    @Param({"0", "2000"})
    public int extraRules;

    private Diagnoser diagnoser;

    @Setup(Level.Trial)
    public void build() {
        diagnoser = AppRules.diagnoserWith(extraRules);
    }

    @Benchmark
    public Diagnosis diagnose(CorpusReplies corpus, ReplyCursor cursor) {
        return diagnoser.diagnose(cursor.next(corpus.replies));
    }
}
