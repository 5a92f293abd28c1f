package dev.smtpexplain.benchmarks;

import dev.smtpexplain.core.Diagnoser;
import dev.smtpexplain.core.Diagnosis;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

/**
 * Throughput of {@code Diagnoser.standard().diagnose(SmtpReply)} over the whole corpus, one reply per
 * operation, on one and on two threads sharing one diagnoser. Target: at least 1,000,000 replies/s on
 * one thread and near-linear scaling to two.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CorpusDiagnoseBenchmark {

    private static final Diagnoser DIAGNOSER = Diagnoser.standard();

    @Benchmark
    @Threads(1)
    public Diagnosis oneThread(CorpusReplies corpus, ReplyCursor cursor) {
        return DIAGNOSER.diagnose(cursor.next(corpus.replies));
    }

    @Benchmark
    @Threads(2)
    public Diagnosis twoThreads(CorpusReplies corpus, ReplyCursor cursor) {
        return DIAGNOSER.diagnose(cursor.next(corpus.replies));
    }
}
