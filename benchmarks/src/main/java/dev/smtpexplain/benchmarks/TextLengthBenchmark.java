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
 * Diagnosing one reply of 1 KiB, 64 KiB and 1 MiB (characters), from the raw text, so lenient parsing
 * is included. Ordinary text is a long multi-line reply; pathological text is a phrase's prefix repeated.
 * Target: time grows linearly, and a 1 MiB reply takes under 20 ms.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@State(Scope.Benchmark)
public class TextLengthBenchmark {

    @Param({"1024", "65536", "1048576"})
    public int chars;

    @Param({"ordinary", "pathological"})
    public String text;

    private final Diagnoser diagnoser = Diagnoser.standard();
    private String reply;

    @Setup(Level.Trial)
    public void makeReply() {
        reply = switch (text) {
            case "ordinary" -> LongReplies.ordinary(Corpus.load().texts(), chars);
            case "pathological" -> LongReplies.pathological(chars);
            default -> throw new IllegalArgumentException("unknown text kind " + text);
        };
    }

    @Benchmark
    public Diagnosis diagnose() {
        return diagnoser.diagnose(reply);
    }
}
