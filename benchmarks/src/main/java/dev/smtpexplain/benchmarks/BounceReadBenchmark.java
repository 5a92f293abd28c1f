package dev.smtpexplain.benchmarks;

import dev.smtpexplain.mail.bounce.BounceReport;
import dev.smtpexplain.mail.bounce.Bounces;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Reading and explaining bounce messages: {@code Bounces.standard().read(bytes, locale)} over the
 * shared bounces ({@code ../shared/eval/bounces/emails}, 427 real DSNs and MTA formats), one message
 * per operation, from the bytes of the file to every recipient's localized explanation. Target: at
 * least 30× Sisimai on the same files (Sisimai 4.25, Perl, parses 330–540 of them per second on one
 * core here), i.e. ≥ 10,000 messages/s per thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BounceReadBenchmark {

    private static final Bounces BOUNCES = Bounces.standard();
    private static final Locale LOCALE = Locale.ENGLISH;

    /** One thread's position among the messages. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        byte[] next(byte[][] messages) {
            int i = next;
            next = i + 1 == messages.length ? 0 : i + 1;
            return messages[i];
        }
    }

    @Benchmark
    @Threads(1)
    public BounceReport oneThread(BounceFiles files, Cursor cursor) {
        return BOUNCES.read(cursor.next(files.messages), LOCALE);
    }

    @Benchmark
    @Threads(2)
    public BounceReport twoThreads(BounceFiles files, Cursor cursor) {
        return BOUNCES.read(cursor.next(files.messages), LOCALE);
    }
}
