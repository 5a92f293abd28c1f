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
 * Throughput of {@code Diagnoser.standard()} over the whole corpus, one reply per operation, on one and
 * on two threads sharing one diagnoser: {@code diagnose(SmtpReply)} on replies parsed beforehand, and
 * {@code diagnose(String)} on each reply as the one string a caller holds ({@code "550 5.1.1 text"}, or
 * the bare text where the row has no code), so parsing is measured too. Targets: at least 1,000,000
 * replies/s on one thread for {@code diagnose(String)}, and two threads at least 1.8× one.
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

    @Benchmark
    @Threads(1)
    public Diagnosis stringOneThread(CorpusReplies corpus, ReplyCursor cursor) {
        return DIAGNOSER.diagnose(cursor.next(corpus.rawReplies));
    }

    @Benchmark
    @Threads(2)
    public Diagnosis stringTwoThreads(CorpusReplies corpus, ReplyCursor cursor) {
        return DIAGNOSER.diagnose(cursor.next(corpus.rawReplies));
    }
}
